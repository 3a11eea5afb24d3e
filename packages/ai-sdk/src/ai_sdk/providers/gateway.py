"""AI Gateway models and server: everything ``ai_sdk_gateway`` exports (install ``ai-sdk[gateway]``)."""

from __future__ import annotations

from ai_sdk._missing import missing_provider

try:
    import ai_sdk_gateway as _provider
    from ai_sdk_gateway import *  # noqa: F403  # pyright: ignore[reportWildcardImportFromLibrary]
except ModuleNotFoundError as _error:
    if _error.name != "ai_sdk_gateway":
        raise
    raise missing_provider(__name__, "gateway") from _error

__all__: list[str] = []
__all__ += _provider.__all__
