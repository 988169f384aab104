"""A real Jupyter server (JupyterLab 4 + Notebook 7) on 127.0.0.1 for the tests.

Token and password are off, every Jupyter directory points into a temporary
folder (no user config, kernelspecs or workspaces leak in), and the kernel is
this interpreter's ipykernel, so it imports headwidget exactly as installed.
"""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import nbformat
from nbformat.v4 import new_code_cell, new_notebook

from tests.helpers.process import stop


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class JupyterServer:
    """Start with :meth:`start`, always :meth:`stop` (the fixture does it in a finally)."""

    def __init__(self, tmp: Path) -> None:
        self.tmp = tmp
        self.root = tmp / "root"
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.process: subprocess.Popen | None = None
        self.log = tmp / "server.log"

    def start(self, timeout: float = 60) -> None:
        dirs = {name: self.tmp / name for name in ("config", "data", "runtime", "settings", "workspaces")}
        for path in [self.root, *dirs.values()]:
            path.mkdir(parents=True, exist_ok=True)
        # No "Get notified about Jupyter news?" toast over the notebook.
        news = dirs["settings"] / "@jupyterlab" / "apputils-extension" / "notification.jupyterlab-settings"
        news.parent.mkdir(parents=True, exist_ok=True)
        news.write_text(json.dumps({"fetchNews": "false", "checkForUpdates": False}))
        env = {
            **os.environ,
            "JUPYTER_CONFIG_DIR": str(dirs["config"]),
            "JUPYTER_DATA_DIR": str(dirs["data"]),
            "JUPYTER_RUNTIME_DIR": str(dirs["runtime"]),
            "JUPYTERLAB_SETTINGS_DIR": str(dirs["settings"]),
            "JUPYTERLAB_WORKSPACES_DIR": str(dirs["workspaces"]),
        }
        command = [
            sys.executable, "-m", "jupyterlab",
            "--no-browser", "--ip=127.0.0.1", f"--port={self.port}", "--allow-root",
            "--IdentityProvider.token=", "--ServerApp.password=", f"--ServerApp.root_dir={self.root}",
            "--LabApp.expose_app_in_browser=True", "--JupyterNotebookApp.expose_app_in_browser=True",
        ]  # fmt: skip
        self.process = subprocess.Popen(command, env=env, stdout=self.log.open("w"), stderr=subprocess.STDOUT)
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"jupyter server exited ({self.process.returncode}):\n{self.log.read_text()}")
            try:
                urllib.request.urlopen(f"{self.url}/api/status", timeout=1)
                return
            except OSError:
                time.sleep(0.2)
        self.stop()
        raise RuntimeError(f"jupyter server did not answer within {timeout} s:\n{self.log.read_text()}")

    def stop(self) -> None:
        stop(self.process)

    def write_notebook(self, name: str, cells: list[str]) -> str:
        """Write ``name`` afresh (autosave may have changed it) and return its name."""
        notebook = new_notebook(
            cells=[new_code_cell(source) for source in cells],
            metadata={"kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"}},
        )
        nbformat.write(notebook, self.root / name)
        return name
