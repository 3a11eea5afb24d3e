"""OpenAI-compatible provider for the AI SDK for Python.

``create_openai_compatible(base_url=…, name=…)`` gives chat, completion, embedding and image
models for any server that speaks the OpenAI HTTP API (Ollama, LM Studio, llama.cpp, vLLM and
hosted services). The model classes and their configs are public so that other providers
(Together AI) can build on them; :mod:`ai_sdk_openai_compatible.internal` holds the pieces
(message conversion, usage, finish reasons, tools).

The model modules (and pydantic) load when first used, keeping ``import`` cheap.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ._errors import (
    DEFAULT_ERROR_STRUCTURE,
    OpenAICompatibleErrorData,
    OpenAICompatibleErrorDetails,
    ProviderErrorStructure,
)
from ._metadata_extractor import MetadataExtractor, StreamMetadataExtractor
from ._provider import OpenAICompatibleProvider, create_openai_compatible
from ._url import UrlBuilder
from ._version import __version__

if TYPE_CHECKING:
    from ._chat_model import (
        OpenAICompatibleChatConfig,
        OpenAICompatibleChatLanguageModel,
        ReasoningMapper,
    )
    from ._chat_options import OpenAICompatibleLanguageModelChatOptions
    from ._completion_model import (
        OpenAICompatibleCompletionConfig,
        OpenAICompatibleCompletionLanguageModel,
    )
    from ._completion_options import OpenAICompatibleLanguageModelCompletionOptions
    from ._embedding_model import (
        OpenAICompatibleEmbeddingConfig,
        OpenAICompatibleEmbeddingModel,
        OpenAICompatibleEmbeddingModelOptions,
    )
    from ._image_model import (
        OpenAICompatibleImageModel,
        OpenAICompatibleImageModelConfig,
        OpenAICompatibleImageModelOptions,
    )
    from ._usage import OpenAICompatibleTokenUsage

__all__ = [
    "__version__",
    # the provider
    "create_openai_compatible",
    "OpenAICompatibleProvider",
    # models and their configs, for providers that build on them
    "OpenAICompatibleChatLanguageModel",
    "OpenAICompatibleChatConfig",
    "OpenAICompatibleCompletionLanguageModel",
    "OpenAICompatibleCompletionConfig",
    "OpenAICompatibleEmbeddingModel",
    "OpenAICompatibleEmbeddingConfig",
    "OpenAICompatibleImageModel",
    "OpenAICompatibleImageModelConfig",
    "UrlBuilder",
    "ReasoningMapper",
    # provider options
    "OpenAICompatibleLanguageModelChatOptions",
    "OpenAICompatibleLanguageModelCompletionOptions",
    "OpenAICompatibleEmbeddingModelOptions",
    "OpenAICompatibleImageModelOptions",
    # errors, metadata and usage hooks
    "DEFAULT_ERROR_STRUCTURE",
    "OpenAICompatibleErrorData",
    "OpenAICompatibleErrorDetails",
    "ProviderErrorStructure",
    "MetadataExtractor",
    "StreamMetadataExtractor",
    "OpenAICompatibleTokenUsage",
]

_LAZY = {
    "OpenAICompatibleChatLanguageModel": "._chat_model",
    "OpenAICompatibleChatConfig": "._chat_model",
    "ReasoningMapper": "._chat_model",
    "OpenAICompatibleCompletionLanguageModel": "._completion_model",
    "OpenAICompatibleCompletionConfig": "._completion_model",
    "OpenAICompatibleEmbeddingModel": "._embedding_model",
    "OpenAICompatibleEmbeddingConfig": "._embedding_model",
    "OpenAICompatibleEmbeddingModelOptions": "._embedding_model",
    "OpenAICompatibleImageModel": "._image_model",
    "OpenAICompatibleImageModelConfig": "._image_model",
    "OpenAICompatibleImageModelOptions": "._image_model",
    "OpenAICompatibleLanguageModelChatOptions": "._chat_options",
    "OpenAICompatibleLanguageModelCompletionOptions": "._completion_options",
    "OpenAICompatibleTokenUsage": "._usage",
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
