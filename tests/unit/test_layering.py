"""The layers hold: the use cases, the domain and the prompt packs stay headless, the import
contracts (layers, no cycles, TinyDB only in storage) are kept, and every package type-checks
strictly."""

from __future__ import annotations

import pkgutil
import subprocess
import sys
from pathlib import Path

import pytest

import journal
import prompts

ROOT = Path(__file__).resolve().parents[2]
UI_MODULES = ("textual", "rich", "click")


def headless_modules() -> list[str]:
    names = []
    for package in (journal, prompts):
        for info in pkgutil.walk_packages(package.__path__, f"{package.__name__}."):
            names.append(info.name)
    return sorted(names)


@pytest.mark.parametrize("module", headless_modules())
def test_module_imports_no_ui_library(module: str) -> None:
    code = (
        f"import sys, {module}\n"
        f"loaded = [m for m in {UI_MODULES!r} if m in sys.modules]\n"
        "print(','.join(loaded))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT
    )
    assert out.stdout.strip() == "", f"{module} pulls in {out.stdout.strip()}"


def test_import_contracts_hold() -> None:
    """import-linter checks the whole graph, including imports inside functions: the layers
    point down only, nothing forms a cycle, TinyDB stays in storage, screens never import the
    command line (contracts in pyproject.toml)."""
    lint = Path(sys.executable).with_name("lint-imports")
    out = subprocess.run([str(lint)], capture_output=True, text=True, cwd=ROOT)
    assert out.returncode == 0, out.stdout + out.stderr


def test_every_package_type_checks_strictly(tmp_path: Path) -> None:
    """mypy --strict on coach/, journal/ and prompts/ (settings in pyproject.toml). A fresh
    cache, so CI and a laptop agree."""
    out = subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--cache-dir", str(tmp_path)],
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    assert out.returncode == 0, out.stdout + out.stderr
