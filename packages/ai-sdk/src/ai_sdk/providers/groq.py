"""Groq models: everything ``ai_sdk_groq`` exports (install ``ai-sdk[groq]``)."""

from __future__ import annotations

from ai_sdk._missing import missing_provider

try:
    import ai_sdk_groq as _provider
    from ai_sdk_groq import *  # noqa: F403  # pyright: ignore[reportWildcardImportFromLibrary]
except ModuleNotFoundError as _error:
    if _error.name != "ai_sdk_groq":
        raise
    raise missing_provider(__name__, "groq") from _error

__all__: list[str] = []
__all__ += _provider.__all__
