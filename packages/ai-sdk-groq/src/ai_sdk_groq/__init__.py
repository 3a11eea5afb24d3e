"""Groq provider for the AI SDK for Python.

``groq("llama-3.3-70b-versatile")`` is a Groq chat model (tools, reasoning, structured output,
browser search, streaming); ``groq.transcription("whisper-large-v3-turbo")`` a Whisper
transcription model. ``create_groq(...)`` makes a provider with other settings. The API key is
``GROQ_API_KEY`` unless passed, read when a request is made.

Importing this package is cheap: the model modules (and pydantic) load when first used.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ._browser_search import BROWSER_SEARCH_SUPPORTED_MODELS, browser_search
from ._provider import GroqProvider, GroqTools, create_groq, groq
from ._version import __version__

if TYPE_CHECKING:
    from ._chat_model import GroqChatConfig, GroqChatLanguageModel
    from ._errors import GroqErrorData
    from ._transcription_model import GroqTranscriptionConfig, GroqTranscriptionModel
    from .options import (
        GroqChatModelId,
        GroqLanguageModelChatOptions,
        GroqTranscriptionModelId,
        GroqTranscriptionModelOptions,
    )

__all__ = [
    "__version__",
    # the provider
    "create_groq",
    "groq",
    "GroqProvider",
    "GroqTools",
    "browser_search",
    "BROWSER_SEARCH_SUPPORTED_MODELS",
    # models
    "GroqChatLanguageModel",
    "GroqChatConfig",
    "GroqTranscriptionModel",
    "GroqTranscriptionConfig",
    # provider options and model ids
    "GroqLanguageModelChatOptions",
    "GroqTranscriptionModelOptions",
    "GroqChatModelId",
    "GroqTranscriptionModelId",
    # errors
    "GroqErrorData",
]

_LAZY = {
    "GroqChatLanguageModel": "._chat_model",
    "GroqChatConfig": "._chat_model",
    "GroqTranscriptionModel": "._transcription_model",
    "GroqTranscriptionConfig": "._transcription_model",
    "GroqErrorData": "._errors",
    "GroqLanguageModelChatOptions": ".options",
    "GroqTranscriptionModelOptions": ".options",
    "GroqChatModelId": ".options",
    "GroqTranscriptionModelId": ".options",
}


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    from importlib import import_module

    value = getattr(import_module(module, __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})
