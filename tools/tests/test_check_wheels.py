"""The pure parts of tools/check_wheels.py: import discovery, wheel metadata, closure, probe."""

from __future__ import annotations

import zipfile
from pathlib import Path

from check_wheels import Wheel, imported_modules, probe, workspace_closure

SOURCE = """
from __future__ import annotations
import json, a.b
from c.d import e
from . import sibling
from .x import y
import importlib
from typing import TYPE_CHECKING
if TYPE_CHECKING:
    import j

def lazy() -> None:
    import f
    importlib.import_module("g.h")
    __import__("i")
    importlib.import_module(".relative", "pkg")
"""


def test_imported_modules_finds_every_absolute_import() -> None:
    assert imported_modules(SOURCE, "m.py") == {
        "__future__", "json", "a", "c", "importlib", "typing", "j", "f", "g", "i",
    }  # fmt: skip


def make_wheel(
    directory: Path, name: str, requires: list[str], extras: tuple[str, ...] = ()
) -> Path:
    module = name.replace("-", "_")
    path = directory / f"{module}-1.0.0-py3-none-any.whl"
    metadata = [f"Metadata-Version: 2.4\nName: {name}\nVersion: 1.0.0"]
    metadata += [f"Requires-Dist: {requirement}" for requirement in requires]
    metadata += [f"Provides-Extra: {extra}" for extra in extras]
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr(f"{module}/__init__.py", "import httpx\n")
        archive.writestr(f"{module}/py.typed", "")
        archive.writestr(f"{module}-1.0.0.dist-info/METADATA", "\n".join(metadata) + "\n")
    return path


def test_wheel_metadata_is_read(tmp_path: Path) -> None:
    path = make_wheel(
        tmp_path,
        "ai-sdk",
        ["Ai_Sdk.Core>=1.0,<2", "ai-sdk-groq[fast]>=1; extra == 'groq'", "x; python_version<'4'"],
        ("groq",),
    )

    wheel = Wheel.read(path)

    assert (wheel.name, wheel.version, wheel.extras, wheel.top_level) == (
        "ai-sdk",
        "1.0.0",
        ["groq"],
        ["ai_sdk"],
    )
    assert [(r.name, sorted(r.extras), r.extra) for r in wheel.requires] == [
        ("ai-sdk-core", [], None),
        ("ai-sdk-groq", ["fast"], "groq"),
        ("x", [], None),
    ]
    assert [r.name for r in wheel.requirements()] == ["ai-sdk-core", "x"]
    assert "ai_sdk/py.typed" in wheel.files
    assert wheel.sources == {"ai_sdk/__init__.py": "import httpx\n"}


def test_workspace_closure_follows_extras(tmp_path: Path) -> None:
    wheels = [
        make_wheel(
            tmp_path,
            "meta",
            ["core", "groq; extra == 'groq'", "together; extra == 'all'"],
            ("groq", "all"),
        ),
        make_wheel(tmp_path, "core", ["pydantic", "core-extra; extra == 'fast'"], ("fast",)),
        make_wheel(tmp_path, "core-extra", []),
        make_wheel(tmp_path, "groq", ["core[fast]"]),
        make_wheel(tmp_path, "together", ["core"]),
    ]
    workspace = {wheel.name: wheel for wheel in map(Wheel.read, wheels)}

    assert workspace_closure(workspace["meta"], workspace, ()) == {"meta": set(), "core": set()}
    assert workspace_closure(workspace["meta"], workspace, ["groq"]) == {
        "meta": {"groq"},
        "core": {"fast"},
        "groq": set(),
        "core-extra": set(),
    }
    assert set(workspace_closure(workspace["meta"], workspace, ["groq", "all"])) == {
        "meta", "core", "groq", "core-extra", "together",
    }  # fmt: skip


def test_probe_flags_undeclared_and_unknown_imports() -> None:
    result = probe(
        {
            "packages": ["json"],
            "imports": ["os", "json", "pytest", "_pytest", "pluggy", "not_a_module_anywhere"],
            "declared": ["pytest"],
            "metadata": {},
        }
    )

    assert result["imported"] > 1  # json and its submodules
    assert sorted(result["errors"]) == [
        "imports 'not_a_module_anywhere', which no installed distribution provides",
        "imports 'pluggy' from pluggy, not a declared dependency",
    ]


def test_probe_rejects_a_distribution_from_elsewhere() -> None:
    result = probe(
        {"packages": [], "imports": [], "declared": [], "metadata": {"pytest": "Name: other\n"}}
    )

    assert result["errors"] == ["pytest in the environment is not the wheel from dist/"]
