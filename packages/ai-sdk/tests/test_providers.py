"""``ai_sdk.providers.*``: re-exports, the missing-extra error, the deprecated old path."""

from __future__ import annotations

import importlib
import re
import sys
from pathlib import Path

import pytest

PROVIDERS = [
    # (module under ai_sdk.providers, provider package, extra)
    ("openai_compatible", "ai_sdk_openai_compatible", "openai-compatible"),
    ("groq", "ai_sdk_groq", "groq"),
    ("togetherai", "ai_sdk_togetherai", "togetherai"),
    ("gateway", "ai_sdk_gateway", "gateway"),
]


def forget(monkeypatch: pytest.MonkeyPatch, *prefixes: str) -> None:
    """Drop modules from ``sys.modules`` for a fresh import; they come back after the test."""
    for name in list(sys.modules):
        if any(name == prefix or name.startswith(prefix + ".") for prefix in prefixes):
            monkeypatch.delitem(sys.modules, name)


@pytest.mark.parametrize(("module", "package", "extra"), PROVIDERS)
def test_provider_module_reexports_the_package(module: str, package: str, extra: str) -> None:
    provider = importlib.import_module(package)
    reexport = importlib.import_module(f"ai_sdk.providers.{module}")
    assert sorted(reexport.__all__) == sorted(provider.__all__)
    assert all(getattr(reexport, name) is getattr(provider, name) for name in provider.__all__)
    assert reexport.__version__ == provider.__version__


@pytest.mark.parametrize(("module", "package", "extra"), PROVIDERS)
def test_missing_provider_names_the_extra(
    monkeypatch: pytest.MonkeyPatch, module: str, package: str, extra: str
) -> None:
    forget(monkeypatch, package, f"ai_sdk.providers.{module}")
    monkeypatch.setitem(sys.modules, package, None)  # what an uninstalled package looks like

    with pytest.raises(ImportError, match=re.escape(f'pip install "ai-sdk[{extra}]"')) as caught:
        importlib.import_module(f"ai_sdk.providers.{module}")

    assert type(caught.value) is ImportError
    assert caught.value.name == package
    assert f"ai_sdk.providers.{module}" in str(caught.value)
    assert isinstance(caught.value.__cause__, ModuleNotFoundError)
    assert f"ai_sdk.providers.{module}" not in sys.modules


@pytest.mark.parametrize(
    ("body", "error", "message"),
    [
        ("import a_dependency_that_is_not_installed\n", ModuleNotFoundError, "No module named"),
        ("raise ImportError('broken provider')\n", ImportError, "broken provider"),
    ],
)
def test_other_import_errors_propagate_unchanged(
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    body: str,
    error: type[ImportError],
    message: str,
) -> None:
    (tmp_path / "ai_sdk_groq").mkdir()
    (tmp_path / "ai_sdk_groq" / "__init__.py").write_text(body)
    forget(monkeypatch, "ai_sdk_groq", "ai_sdk.providers.groq")
    monkeypatch.syspath_prepend(tmp_path)

    with pytest.raises(error, match=message) as caught:
        importlib.import_module("ai_sdk.providers.groq")

    assert type(caught.value) is error
    assert "ai-sdk[" not in str(caught.value)
    assert caught.value.__cause__ is None


def test_together_is_the_deprecated_togetherai(monkeypatch: pytest.MonkeyPatch) -> None:
    import ai_sdk.providers.togetherai as togetherai

    forget(monkeypatch, "ai_sdk.providers.together")
    with pytest.warns(DeprecationWarning, match=r"ai_sdk\.providers\.togetherai") as record:
        import ai_sdk.providers.together as together

    assert len(record) == 1
    assert Path(record[0].filename) == Path(__file__)  # stacklevel points at the importer
    assert sorted(together.__all__) == sorted(togetherai.__all__)
    assert all(getattr(together, name) is getattr(togetherai, name) for name in togetherai.__all__)


def test_together_without_togetherai_names_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    forget(monkeypatch, "ai_sdk_togetherai", "ai_sdk.providers.together")
    forget(monkeypatch, "ai_sdk.providers.togetherai")
    monkeypatch.setitem(sys.modules, "ai_sdk_togetherai", None)

    with pytest.raises(ImportError, match=re.escape('pip install "ai-sdk[togetherai]"')):
        importlib.import_module("ai_sdk.providers.together")
