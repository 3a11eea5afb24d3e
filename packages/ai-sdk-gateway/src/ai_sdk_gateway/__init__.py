"""AI Gateway provider for the AI SDK for Python.

``create_gateway(...)`` and the default ``gateway`` reach every model behind Vercel's AI
Gateway (or a self-hosted server that speaks its protocol) by ``"<provider>/<model>"`` id:
language, embedding, image, video, reranking, speech and transcription models, the model
catalog, credits, spend reports and generation details. Installed, it is the default provider
of string model ids: ``generate_text(model="openai/gpt-5", …)``.

The model modules load when first used, keeping ``import`` cheap.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ._errors import (
    GatewayAuthenticationError,
    GatewayError,
    GatewayFailedDependencyError,
    GatewayForbiddenError,
    GatewayInternalServerError,
    GatewayInvalidRequestError,
    GatewayModelNotFoundError,
    GatewayNotFoundError,
    GatewayRateLimitError,
    GatewayResponseError,
    GatewayTimeoutError,
)
from ._provider import GatewayProvider, create_gateway, gateway
from ._provider_options import GatewayProviderOptions
from ._vercel_environment import vercel_request_context
from ._version import __version__

if TYPE_CHECKING:
    from ._embedding_model import GatewayEmbeddingModel
    from ._generation_info import GatewayGenerationInfo
    from ._image_model import GatewayImageModel
    from ._language_model import GatewayLanguageModel
    from ._metadata import (
        GatewayCreditsResponse,
        GatewayFetchMetadataResponse,
        GatewayLanguageModelEntry,
        GatewayLanguageModelSpecification,
        GatewayModelPricing,
    )
    from ._reranking_model import GatewayRerankingModel
    from ._speech_model import GatewaySpeechModel
    from ._spend_report import GatewaySpendReportResponse, GatewaySpendReportRow
    from ._tools import GatewayTools, gateway_tools
    from ._transcription_model import GatewayTranscriptionModel
    from ._video_model import GatewayVideoModel

__all__ = [
    "__version__",
    # the provider
    "create_gateway",
    "gateway",
    "GatewayProvider",
    "GatewayProviderOptions",
    "vercel_request_context",
    # models
    "GatewayLanguageModel",
    "GatewayEmbeddingModel",
    "GatewayImageModel",
    "GatewayVideoModel",
    "GatewayRerankingModel",
    "GatewaySpeechModel",
    "GatewayTranscriptionModel",
    # catalog, credits, spend, generations
    "GatewayFetchMetadataResponse",
    "GatewayLanguageModelEntry",
    "GatewayLanguageModelSpecification",
    "GatewayModelPricing",
    "GatewayCreditsResponse",
    "GatewaySpendReportResponse",
    "GatewaySpendReportRow",
    "GatewayGenerationInfo",
    # tools
    "gateway_tools",
    "GatewayTools",
    # errors
    "GatewayError",
    "GatewayAuthenticationError",
    "GatewayFailedDependencyError",
    "GatewayForbiddenError",
    "GatewayInternalServerError",
    "GatewayInvalidRequestError",
    "GatewayModelNotFoundError",
    "GatewayNotFoundError",
    "GatewayRateLimitError",
    "GatewayResponseError",
    "GatewayTimeoutError",
]

_LAZY = {
    "GatewayLanguageModel": "._language_model",
    "GatewayEmbeddingModel": "._embedding_model",
    "GatewayImageModel": "._image_model",
    "GatewayVideoModel": "._video_model",
    "GatewayRerankingModel": "._reranking_model",
    "GatewaySpeechModel": "._speech_model",
    "GatewayTranscriptionModel": "._transcription_model",
    "GatewayFetchMetadataResponse": "._metadata",
    "GatewayLanguageModelEntry": "._metadata",
    "GatewayLanguageModelSpecification": "._metadata",
    "GatewayModelPricing": "._metadata",
    "GatewayCreditsResponse": "._metadata",
    "GatewaySpendReportResponse": "._spend_report",
    "GatewaySpendReportRow": "._spend_report",
    "GatewayGenerationInfo": "._generation_info",
    "gateway_tools": "._tools",
    "GatewayTools": "._tools",
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
