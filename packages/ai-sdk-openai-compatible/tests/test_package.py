"""Packaging facts of ai-sdk-openai-compatible: version, typing marker, wheel contents, public names."""

from __future__ import annotations

import importlib.metadata
import tomllib
from pathlib import Path
from typing import Any

import ai_sdk_openai_compatible

PROJECT_DIR = Path(__file__).resolve().parents[1]
PYPROJECT: dict[str, Any] = tomllib.loads((PROJECT_DIR / "pyproject.toml").read_text("utf-8"))
PACKAGE_DIR = Path(ai_sdk_openai_compatible.__file__).resolve().parent


def test_version_matches_pyproject() -> None:
    assert ai_sdk_openai_compatible.__version__ == PYPROJECT["project"]["version"]


def test_installed_metadata_matches_pyproject() -> None:
    assert importlib.metadata.version("ai-sdk-openai-compatible") == PYPROJECT["project"]["version"]


def test_wheel_target_is_the_imported_package() -> None:
    targets = PYPROJECT["tool"]["hatch"]["build"]["targets"]["wheel"]["packages"]
    assert [(PROJECT_DIR / target).resolve() for target in targets] == [PACKAGE_DIR]


def test_py_typed_ships() -> None:
    assert (PACKAGE_DIR / "py.typed").is_file()


def test_public_names_resolve() -> None:
    assert "__version__" in ai_sdk_openai_compatible.__all__
    assert len(ai_sdk_openai_compatible.__all__) == len(set(ai_sdk_openai_compatible.__all__))
    missing = [
        name
        for name in ai_sdk_openai_compatible.__all__
        if not hasattr(ai_sdk_openai_compatible, name)
    ]
    assert missing == []
