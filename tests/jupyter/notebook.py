"""Driving a notebook in JupyterLab or Notebook 7 the way a user does."""

from __future__ import annotations

from typing import Any

# Notebook 7 logs these itself, with no widget on the page (see the browser-testing notes).
NOTEBOOK7_OWN_ERRORS = (
    "Cannot read properties of undefined (reading 'schema')",
    "Command 'filebrowser:open-path' not registered",
)

KERNEL_IDLE = """() => {
    const kernel = window.jupyterapp?.shell?.currentWidget?.sessionContext?.session?.kernel;
    return !!kernel && kernel.connectionStatus === 'connected' && kernel.status === 'idle';
}"""


class Notebook:
    """One open notebook: run cells through the real menu and keyboard."""

    def __init__(self, page: Any, server: Any, name: str, cells: list[str], *, app: str = "lab") -> None:
        self.page = page
        self.cells = cells
        server.write_notebook(name, cells)
        path = f"/lab/tree/{name}?reset" if app == "lab" else f"/notebooks/{name}"
        page.goto(server.url + path)
        # The "Idle" indicator shows before the kernel exists; wait for the kernel itself.
        page.wait_for_function(KERNEL_IDLE, timeout=90_000)

    def menu(self, *labels: str) -> None:
        """Click through the menu bar, e.g. ``menu("Run", "Run All Cells")``."""
        self.page.locator(".lm-MenuBar-itemLabel").get_by_text(labels[0], exact=True).click()
        for label in labels[1:]:
            self.page.locator(".lm-Menu-itemLabel").get_by_text(label, exact=True).click()

    def run_all(self, widgets: int = 1) -> None:
        """Run All Cells, then wait until ``widgets`` views have drawn and the kernel is idle."""
        self.menu("Run", "Run All Cells")
        self.page.wait_for_function(
            "n => document.querySelectorAll('.headwidget .hw-canvas').length >= n && "
            "[...document.querySelectorAll('.headwidget')].length >= n",
            arg=widgets,
            timeout=60_000,
        )
        self.page.wait_for_function(KERNEL_IDLE)

    def view(self, index: int = 0) -> Any:
        return self.page.locator(".headwidget").nth(index)

    def cell(self, index: int) -> Any:
        return self.page.locator(".jp-Notebook .jp-Cell").nth(index)

    def execute(self, index: int, source: str | None = None) -> str:
        """Run cell ``index`` (optionally with new source) with Control+Enter; return its output text."""
        if source is not None:
            self.page.evaluate(
                "([i, s]) => window.jupyterapp.shell.currentWidget.content.widgets[i].model.sharedModel.setSource(s)",
                [index, source],
            )
        count = self._execution_count(index)
        cell = self.cell(index)
        cell.scroll_into_view_if_needed()
        if source is not None:
            cell.locator(".cm-content").get_by_text(source.splitlines()[0]).wait_for()
        cell.locator(".cm-content").click()
        # Only press the keys once this cell is the active one, in edit mode.
        self.page.wait_for_function(
            """i => {
                const notebook = window.jupyterapp.shell.currentWidget.content;
                return notebook.activeCellIndex === i && notebook.mode === 'edit';
            }""",
            arg=index,
        )
        self.page.keyboard.press("Control+Enter")
        self.page.wait_for_function(
            """([i, before]) => {
                const cell = window.jupyterapp.shell.currentWidget.content.widgets[i];
                const kernel = window.jupyterapp.shell.currentWidget.sessionContext.session.kernel;
                // the count is null while queued and running: wait for the new number
                const count = cell.model.executionCount;
                return typeof count === 'number' && count !== before && kernel.status === 'idle';
            }""",
            arg=[index, count],
        )
        # The cell's outputs as the notebook received them: the DOM may render a tick later.
        return self.page.evaluate(
            """i => window.jupyterapp.shell.currentWidget.content.widgets[i].model.outputs.toJSON()
                .map(o => [].concat(o.text ?? o.data?.['text/plain'] ?? []).join('')).join('')""",
            index,
        )

    def _execution_count(self, index: int) -> int | None:
        return self.page.evaluate(
            "i => window.jupyterapp.shell.currentWidget.content.widgets[i].model.executionCount", index
        )


def errors_of_ours(errors: list[str]) -> list[str]:
    """Console errors, less the two that Notebook 7 logs on its own."""
    return [e for e in errors if not any(known in e for known in NOTEBOOK7_OWN_ERRORS)]
