"""Together AI models: everything ``ai_sdk_togetherai`` exports (install ``ai-sdk[togetherai]``)."""

from __future__ import annotations

from ai_sdk._missing import missing_provider

try:
    import ai_sdk_togetherai as _provider
    from ai_sdk_togetherai import *  # noqa: F403  # pyright: ignore[reportWildcardImportFromLibrary]
except ModuleNotFoundError as _error:
    if _error.name != "ai_sdk_togetherai":
        raise
    raise missing_provider(__name__, "togetherai") from _error

__all__: list[str] = []
__all__ += _provider.__all__
