"""The README's main command starts clean: `bash scripts/demo.sh` installs, starts JupyterLab,
prints the quickstart notebook's URL, and its log holds no error line.

It runs the real script (its set-up included: the venv is already there, so that part
only re-checks it) with its own Jupyter directories, then opens the printed URL."""

from __future__ import annotations

import os
import re
import subprocess
import time
import urllib.request

import pytest

from tests.helpers import ROOT
from tests.jupyter.server import free_port


@pytest.fixture
def demo(tmp_path):
    port = free_port()
    env = {**os.environ, **{name: str(tmp_path / name) for name in ("JUPYTER_CONFIG_DIR", "JUPYTER_DATA_DIR")}}
    env["JUPYTER_RUNTIME_DIR"] = str(tmp_path / "runtime")
    log = tmp_path / "demo.log"
    command = ["bash", "scripts/demo.sh", f"--port={port}", "--no-browser", "--IdentityProvider.token=secret"]
    process = subprocess.Popen(command, cwd=ROOT, env=env, stdout=log.open("w"), stderr=subprocess.STDOUT)
    try:
        deadline = time.monotonic() + 240  # the set-up re-checks pip and npm first
        while time.monotonic() < deadline and "Use Control-C" not in log.read_text():
            assert process.poll() is None, log.read_text()
            time.sleep(0.5)
        time.sleep(3)  # what the server logs right after it starts
        yield port, log.read_text()
    finally:
        process.terminate()
        process.wait(timeout=20)


def test_demo_prints_the_notebook_url_and_no_error(demo):
    port, text = demo
    # the token given on the command line is printed masked as "..."
    urls = {url.split("?")[0] for url in re.findall(r"http://127\.0\.0\.1:\d+/\S+", text)}
    assert urls == {f"http://127.0.0.1:{port}/lab/tree/notebooks/quickstart.ipynb"}, text[-3000:]
    # the notebook at that URL exists (the server's root is the repository)
    contents = f"http://127.0.0.1:{port}/api/contents/notebooks/quickstart.ipynb?token=secret&content=0"
    assert urllib.request.urlopen(contents, timeout=10).status == 200
    page = urllib.request.urlopen(urls.pop() + "?token=secret", timeout=10)
    assert page.status == 200 and b"JupyterLab" in page.read()
    bad = [line for line in text.splitlines() if re.search(r"error|traceback|fail|dynamic require", line, re.I)]
    assert not bad, "\n".join(line[:300] for line in bad)
    assert not [line for line in text.splitlines() if line.startswith(("[E ", "[W "))], text[-3000:]
