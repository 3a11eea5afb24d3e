"""Together AI provider for the AI SDK for Python.

``togetherai("meta-llama/Llama-3.3-70B-Instruct-Turbo")`` is a chat model; the provider also
makes completion, embedding, image and reranking models. :func:`create_togetherai` makes a
provider with your own API key, base URL, headers or HTTP client. Chat, completion and
embedding models are :mod:`ai_sdk_openai_compatible` models.

The model modules (and pydantic) load when first used, keeping ``import`` cheap.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ._errors import TogetherAIErrorData
from ._model_ids import (
    TogetherAIChatModelId,
    TogetherAICompletionModelId,
    TogetherAIEmbeddingModelId,
    TogetherAIImageModelId,
    TogetherAIRerankingModelId,
)
from ._provider import DEFAULT_BASE_URL, TogetherAIProvider, create_togetherai, togetherai
from ._version import __version__
from .options import TogetherAIImageModelOptions, TogetherAIRerankingModelOptions

if TYPE_CHECKING:
    from ._image_model import TogetherAIImageModel, TogetherAIImageModelConfig
    from ._reranking_model import TogetherAIRerankingModel, TogetherAIRerankingModelConfig

__all__ = [
    "__version__",
    # the provider
    "create_togetherai",
    "togetherai",
    "TogetherAIProvider",
    "DEFAULT_BASE_URL",
    # Together AI's own models
    "TogetherAIImageModel",
    "TogetherAIImageModelConfig",
    "TogetherAIRerankingModel",
    "TogetherAIRerankingModelConfig",
    # provider options, model ids and errors
    "TogetherAIImageModelOptions",
    "TogetherAIRerankingModelOptions",
    "TogetherAIChatModelId",
    "TogetherAICompletionModelId",
    "TogetherAIEmbeddingModelId",
    "TogetherAIImageModelId",
    "TogetherAIRerankingModelId",
    "TogetherAIErrorData",
]

_LAZY = {
    "TogetherAIImageModel": "._image_model",
    "TogetherAIImageModelConfig": "._image_model",
    "TogetherAIRerankingModel": "._reranking_model",
    "TogetherAIRerankingModelConfig": "._reranking_model",
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
