"""The ``_esm`` loader (headwidget.bundle): the bundle's text survives as a JavaScript
string literal, and a bundle too large, or a developer's hot reload, is handled."""

from __future__ import annotations

import json
import shutil
import subprocess

import pytest

from headwidget import HeadMapWidget, bundle, example_labels

NODE = shutil.which("node")


@pytest.mark.skipif(NODE is None, reason="node runs the JS tests; scripts/test.sh installs it")
def test_a_js_string_literal_holds_any_text():
    text = "a'b\"c\\d\ne\r\u2028\u2029`${x}`</script>é"
    out = subprocess.run(
        [NODE, "-e", f"process.stdout.write(JSON.stringify({bundle.js_string(text)}))"],
        capture_output=True,
        text=True,
        check=True,
    )
    assert json.loads(out.stdout) == text


def test_the_widget_sends_the_loader_with_the_bundle_inside():
    esm = HeadMapWidget(example_labels())._esm
    assert esm.startswith("const key = Symbol.for('headwidget.bundle.")
    source = (bundle.Path(bundle.__file__).parent / "static" / "widget.js").read_text(encoding="utf-8")
    assert bundle.js_string(source) in esm


def test_a_file_too_large_for_a_bundle_is_refused(tmp_path, monkeypatch):
    big = tmp_path / "widget.js"
    big.write_text("x" * 101)
    monkeypatch.setattr(bundle, "MAX_BUNDLE_BYTES", 100)
    with pytest.raises(ValueError, match=r"widget\.js is 101 bytes; expected at most 100"):
        bundle.esm_loader(big)


def test_hot_reload_gets_the_file(tmp_path, monkeypatch):
    file = tmp_path / "widget.js"
    file.write_text("export default {}")
    monkeypatch.setenv("ANYWIDGET_HMR", "1")
    assert bundle.esm_loader(file) == file
