"""OpenAI-compatible models (Ollama, vLLM, llama.cpp, …): everything ``ai_sdk_openai_compatible`` exports (install ``ai-sdk[openai-compatible]``)."""

from __future__ import annotations

from ai_sdk._missing import missing_provider

try:
    import ai_sdk_openai_compatible as _provider
    from ai_sdk_openai_compatible import *  # noqa: F403  # pyright: ignore[reportWildcardImportFromLibrary]
except ModuleNotFoundError as _error:
    if _error.name != "ai_sdk_openai_compatible":
        raise
    raise missing_provider(__name__, "openai-compatible") from _error

__all__: list[str] = []
__all__ += _provider.__all__
