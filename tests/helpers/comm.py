"""Messages from views, through the widget's real comm handler, with the views simulated.

:class:`Views` wires a widget to a recording comm and keeps two simulated front-end
models: the view that sends (it sets its own value first, as a front end does) and
another view that only hears the kernel. Each applies every message the kernel sends
(``update`` and ``echo_update``) in order, so after a message both must equal Python.
"""

from __future__ import annotations

import copy
import logging
from typing import Any

import numpy as np
from ipywidgets.widgets.widget import _put_buffers, _remove_buffers


def plain(value: Any) -> Any:
    """A synced value as a front end holds it: lists for tuples, bytes for any buffer."""
    if isinstance(value, (bytes, bytearray, memoryview)):
        return bytes(value)
    if isinstance(value, (list, tuple)):
        return [plain(v) for v in value]
    if isinstance(value, dict):
        return {k: plain(v) for k, v in value.items()}
    if isinstance(value, np.generic):
        return value.item()
    return value


class _Records(logging.Handler):
    def __init__(self) -> None:
        super().__init__()
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


class Views:
    """A widget with a recording comm, a sending view and another view."""

    def __init__(self, widget: Any) -> None:
        self.widget = widget
        self.sent: list[tuple[dict, list]] = []
        widget.comm.send = lambda data=None, buffers=None, **_: self.sent.append((data, list(buffers or [])))
        # ipywidgets' handler logs an exception instead of raising it: make one visible.
        self.errors = _Records()
        log = logging.getLogger(f"headwidget-test-{id(self)}")
        log.propagate = False
        log.addHandler(self.errors)
        widget.log = log
        self.sender = self.python()
        self.other = self.python()

    def python(self) -> dict[str, Any]:
        """Python's synced state, as a front end would hold it."""
        return plain(self.widget.get_state())

    def send(self, state: dict[str, Any]) -> list[dict]:
        """``state`` from the sending view (bytes become buffers) through ``_handle_msg``;
        returns the messages the kernel sent back."""
        keys = set(self.widget.keys)
        self.sender.update({k: plain(v) for k, v in state.items() if k in keys})
        body, buffer_paths, buffers = _remove_buffers(copy.deepcopy(state))
        msg = {
            "content": {"data": {"method": "update", "state": body, "buffer_paths": buffer_paths}},
            "buffers": buffers,
        }
        start = len(self.sent)
        self.widget._handle_msg(msg)
        assert not self.errors.records, [r.getMessage() for r in self.errors.records]
        back = self.sent[start:]
        for data, bufs in back:
            if data.get("method") in ("update", "echo_update"):
                update = copy.deepcopy(data["state"])
                _put_buffers(update, data.get("buffer_paths", []), bufs)
                for view in (self.sender, self.other):
                    view.update(plain(update))
        return [data for data, _ in back]

    def assert_agree(self) -> None:
        """Both views hold exactly Python's state."""
        python = self.python()
        assert self.sender == python, _diff(self.sender, python)
        assert self.other == python, _diff(self.other, python)


def _diff(view: dict, python: dict) -> dict:
    return {k: (view.get(k), python.get(k)) for k in set(view) | set(python) if view.get(k) != python.get(k)}
