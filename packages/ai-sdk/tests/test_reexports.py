"""``ai_sdk`` re-exports the whole public API of ``ai_sdk_core``, as core grows."""

from __future__ import annotations

import importlib
import sys
from types import ModuleType
from typing import Any

import pytest

import ai_sdk
import ai_sdk_core


def fresh_ai_sdk(monkeypatch: pytest.MonkeyPatch) -> ModuleType:
    """Import ``ai_sdk`` anew; the original modules come back after the test."""
    for name in [name for name in sys.modules if name == "ai_sdk" or name.startswith("ai_sdk.")]:
        monkeypatch.delitem(sys.modules, name)
    return importlib.import_module("ai_sdk")


def test_all_lists_exactly_the_public_names_of_core() -> None:
    assert sorted(ai_sdk.__all__) == sorted(ai_sdk_core.__all__)
    assert len(ai_sdk.__all__) == len(set(ai_sdk.__all__))


def test_every_name_is_the_core_object() -> None:
    names = [name for name in ai_sdk_core.__all__ if name != "__version__"]
    assert names
    different = [name for name in names if getattr(ai_sdk, name) is not getattr(ai_sdk_core, name)]
    assert different == []


def test_version_is_the_meta_package_version_not_cores(monkeypatch: pytest.MonkeyPatch) -> None:
    from ai_sdk._version import __version__

    monkeypatch.setattr(ai_sdk_core, "__version__", "99.0.0")
    module = fresh_ai_sdk(monkeypatch)
    assert module.__version__ == __version__
    assert module.__version__ != "99.0.0"


def test_star_import_gives_the_core_api() -> None:
    namespace: dict[str, Any] = {}
    exec("from ai_sdk import *", namespace)
    namespace.pop("__builtins__")
    assert set(namespace) == set(ai_sdk_core.__all__)
    assert namespace["APICallError"] is ai_sdk_core.APICallError


def test_names_added_to_core_appear_without_editing_ai_sdk(monkeypatch: pytest.MonkeyPatch) -> None:
    def generate_something() -> None: ...

    monkeypatch.setattr(ai_sdk_core, "generate_something", generate_something, raising=False)
    monkeypatch.setattr(ai_sdk_core, "__all__", [*ai_sdk_core.__all__, "generate_something"])
    module = fresh_ai_sdk(monkeypatch)
    assert module is not ai_sdk
    assert "generate_something" in module.__all__
    assert module.generate_something is generate_something


def test_private_helpers_are_not_exported() -> None:
    assert not [name for name in ai_sdk.__all__ if name.startswith("_") and name != "__version__"]
    assert "providers" not in ai_sdk.__all__
