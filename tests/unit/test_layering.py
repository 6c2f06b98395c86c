"""The domain and the prompt packs stay headless, so they can be used and tested without a UI."""

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


def test_import_contract_holds() -> None:
    """import-linter checks the whole graph, including imports inside functions."""
    lint = Path(sys.executable).with_name("lint-imports")
    out = subprocess.run([str(lint)], capture_output=True, text=True, cwd=ROOT)
    assert out.returncode == 0, out.stdout + out.stderr


def test_domain_and_packs_type_check_strictly(tmp_path: Path) -> None:
    """mypy --strict on journal/ and prompts/ (settings in pyproject.toml): the code every
    screen and command stands on keeps its types honest. A fresh cache, so CI and a laptop
    agree."""
    out = subprocess.run(
        [sys.executable, "-m", "mypy", "--cache-dir", str(tmp_path), "journal", "prompts"],
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    assert out.returncode == 0, out.stdout + out.stderr
