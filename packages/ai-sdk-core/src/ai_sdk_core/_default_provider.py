"""Model ids as strings: ``model="groq/llama-3.3-70b-versatile"`` goes to the default provider.

The default provider is the one set with :func:`set_default_provider`; otherwise the one an
installed package registers under the ``ai_sdk.default_provider`` entry point (the gateway
does), looked up on first use.
"""

from __future__ import annotations

from typing import TypeAlias, TypeVar

from ._errors import UnsupportedModelVersionError
from .provider._embedding_model import EmbeddingModelV4
from .provider._errors import AISDKError
from .provider._language_model import LanguageModelV4
from .provider._provider import ProviderV4

__all__ = [
    "EmbeddingModel",
    "LanguageModel",
    "get_default_provider",
    "resolve_embedding_model",
    "resolve_language_model",
    "set_default_provider",
]

LanguageModel: TypeAlias = str | LanguageModelV4
"""A model object, or a model id for the default provider."""

EmbeddingModel: TypeAlias = str | EmbeddingModelV4
"""An embedding model object, or a model id for the default provider."""

ModelT = TypeVar("ModelT", LanguageModelV4, EmbeddingModelV4)

ENTRY_POINT_GROUP = "ai_sdk.default_provider"

_user_default: ProviderV4 | None = None


def set_default_provider(provider: ProviderV4 | None) -> None:
    """Use ``provider`` for string model ids (``None`` restores the installed default)."""
    global _user_default
    _user_default = provider


def get_default_provider() -> ProviderV4:
    """The provider string model ids resolve through.

    Raises :class:`AISDKError` when none is set and no installed package registers one.
    """
    if _user_default is not None:
        return _user_default
    from importlib.metadata import entry_points

    for entry_point in sorted(entry_points(group=ENTRY_POINT_GROUP), key=lambda e: e.name):
        provider = entry_point.load()
        if isinstance(provider, ProviderV4):
            return provider
    raise AISDKError(
        "No default provider for string model ids: call set_default_provider(...) or install "
        'the AI Gateway provider (pip install "ai-sdk[gateway]").',
        name="AI_NoDefaultProviderError",
    )


def resolve_language_model(model: LanguageModel) -> LanguageModelV4:
    """The language model for ``model``: itself, or the default provider's model of that id."""
    if isinstance(model, str):
        return get_default_provider().language_model(model)
    return _checked_version(model)


def resolve_embedding_model(model: EmbeddingModel) -> EmbeddingModelV4:
    """The embedding model for ``model``: itself, or the default provider's model of that id."""
    if isinstance(model, str):
        return get_default_provider().embedding_model(model)
    return _checked_version(model)


def _checked_version(model: ModelT) -> ModelT:
    version = getattr(model, "specification_version", None)
    if version != "v4":
        raise UnsupportedModelVersionError(
            version=str(version),
            provider=str(getattr(model, "provider", "unknown")),
            model_id=str(getattr(model, "model_id", "unknown")),
        )
    return model
