"""What a user installs carries the front-end bundle: the sdist holds it, so pip needs no Node.

One sdist per module, built from this checkout (the hook bundles js/ if it is stale); the wheel
and the clean venv both come from that sdist with no `node` and no `npm` on PATH.
"""

from __future__ import annotations

import email.parser
import os
import shutil
import subprocess
import sys
import tarfile
import venv
import zipfile
from pathlib import Path

import pytest

from tests.helpers import ROOT

BUNDLE = ("widget.js", "standalone.js", "widget.css", "embed.js")
NODE_TOOLS = ("node", "nodejs", "npm")
# pip caches the wheel it builds from a local sdist under the sdist's path, so a later run whose
# sdist lands on the same path would install that old wheel without building anything.
NO_WHEEL_CACHE = ("--no-cache-dir",)


def _run(cmd: list, **kwargs) -> subprocess.CompletedProcess:
    result = subprocess.run([str(part) for part in cmd], capture_output=True, text=True, **kwargs)
    assert result.returncode == 0, f"{cmd} failed:\n{result.stdout[-3000:]}\n{result.stderr[-3000:]}"
    return result


def _members(sdist: Path) -> list[str]:
    with tarfile.open(sdist) as tar:
        return tar.getnames()


def _read(sdist: Path, path: str) -> str:
    """A file of the sdist by its path below the top folder (headwidget-<version>/)."""
    with tarfile.open(sdist) as tar:
        return tar.extractfile(f"{sdist.name.removesuffix('.tar.gz')}/{path}").read().decode()


@pytest.fixture(scope="module")
def no_node_env() -> dict:
    """This environment with every PATH directory that holds node or npm left out."""
    path = os.pathsep.join(
        d
        for d in os.environ.get("PATH", "").split(os.pathsep)
        if d and not any(shutil.which(tool, path=d) for tool in NODE_TOOLS)
    )
    for tool in NODE_TOOLS:
        assert shutil.which(tool, path=path) is None, f"{tool} still on the PATH meant to have no Node"
    env = {key: value for key, value in os.environ.items() if key not in ("PYTHONPATH", "VIRTUAL_ENV")}
    env["PATH"] = path
    return env


@pytest.fixture(scope="module")
def sdist(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("sdist")
    _run([sys.executable, "-m", "build", "--sdist", "--outdir", out, ROOT])
    (found,) = out.glob("headwidget-*.tar.gz")
    return found


@pytest.fixture(scope="module")
def wheel(sdist, no_node_env, tmp_path_factory) -> Path:
    """The wheel pip builds from the sdist, with no Node on PATH."""
    out = tmp_path_factory.mktemp("wheel")
    _run([sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", *NO_WHEEL_CACHE, "-w", out, sdist], env=no_node_env)
    (found,) = out.glob("headwidget-*.whl")
    return found


def test_sdist_carries_the_bundle(sdist):
    names = _members(sdist)
    top = sdist.name.removesuffix(".tar.gz")
    for name in BUNDLE:
        assert f"{top}/src/headwidget/static/{name}" in names
    bundle = _read(sdist, "src/headwidget/static/widget.js")
    assert "All Categories" in bundle and "render" in bundle
    # what a pip install needs and nothing else: no js/ sources, no tests, no node_modules
    assert {name.split("/")[1] for name in names} == {
        ".gitignore",
        "PKG-INFO",
        "README.md",
        "hatch_build.py",
        "pyproject.toml",
        "src",
    }
    assert not [name for name in names if "__pycache__" in name]


def test_wheel_contains_the_bundle(wheel):
    names = zipfile.ZipFile(wheel).namelist()
    for name in BUNDLE:
        assert f"headwidget/static/{name}" in names
    bundle = zipfile.ZipFile(wheel).read("headwidget/static/widget.js").decode()
    assert "All Categories" in bundle and "render" in bundle


def test_sdist_and_wheel_carry_the_bundled_datasets(sdist, wheel):
    from headwidget.datasets import DATA_FILES

    top = sdist.name.removesuffix(".tar.gz")
    in_sdist, in_wheel = _members(sdist), zipfile.ZipFile(wheel).namelist()
    for name in ("__init__.py", *DATA_FILES):
        assert f"{top}/src/headwidget/datasets/{name}" in in_sdist, name
        assert f"headwidget/datasets/{name}" in in_wheel, name


def test_sdist_installs_in_a_clean_venv_without_node(sdist, no_node_env, tmp_path):
    env = tmp_path / "venv"
    venv.create(env, with_pip=False)  # pip --python below installs into it: no ensurepip run
    python = env / "bin" / "python"
    # the dependencies the sdist declares, from PyPI through pip's cache; then the sdist itself,
    # built here with no Node on PATH (without the cache, which only affects headwidget's own wheel)
    metadata = email.parser.Parser().parsestr(_read(sdist, "PKG-INFO"))
    requires = [r for r in metadata.get_all("Requires-Dist") if "extra ==" not in r]
    assert any(r.startswith("anywidget") for r in requires)
    pip = [sys.executable, "-m", "pip", "--python", python, "install", "-q"]
    _run([*pip, *requires], env=no_node_env)
    _run([*pip, "--no-deps", *NO_WHEEL_CACHE, sdist], env=no_node_env)
    script = (
        "import shutil, headwidget, numpy as np\n"
        "assert shutil.which('npm') is None and shutil.which('node') is None\n"
        "w = headwidget.HeadMapWidget(headwidget.example_labels())\n"
        "assert 'All Categories' in w._esm, 'bundle not loaded'\n"
        "assert w.labels.shape == (32, 32, 4)\n"
        "from headwidget import datasets\n"
        "assert all(datasets.load(n).labels.any() for n in datasets.names())  # read from the install\n"
        "print(headwidget.__file__)\n"
    )
    result = _run([python, "-c", script], env=no_node_env, cwd=tmp_path)
    assert str(env) in result.stdout  # imported from the venv, not from this checkout


def test_a_fresh_clone_without_node_says_what_it_needs(no_node_env, tmp_path):
    """A clone has no bundle; without npm the build stops and says what it needs."""
    tree = tmp_path / "clone"
    shutil.copytree(ROOT / "src", tree / "src", ignore=shutil.ignore_patterns("static", "__pycache__"))
    shutil.copytree(ROOT / "js", tree / "js")
    for name in ("pyproject.toml", "hatch_build.py", "README.md", "package.json", "package-lock.json"):
        shutil.copy2(ROOT / name, tree / name)
    result = subprocess.run(
        [sys.executable, "-m", "build", "--sdist", "--outdir", str(tmp_path / "dist"), str(tree)],
        env=no_node_env,
        capture_output=True,
        text=True,
    )
    assert result.returncode != 0
    assert "needs Node.js >= 18 with npm on PATH" in result.stdout + result.stderr
    assert not (tree / "src" / "headwidget" / "static").exists()
