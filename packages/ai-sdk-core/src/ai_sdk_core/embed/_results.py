"""What ``embed`` and ``embed_many`` return, and the events of their callbacks."""

from __future__ import annotations

from dataclasses import dataclass

from ai_sdk_core._usage import EmbeddingModelUsage
from ai_sdk_core.provider._embedding_model import EmbeddingModelV4ResponseInfo
from ai_sdk_core.provider._shared import (
    SharedV4Headers,
    SharedV4ProviderMetadata,
    SharedV4ProviderOptions,
    SharedV4Warning,
)

__all__ = ["EmbedEndEvent", "EmbedManyResult", "EmbedResult", "EmbedStartEvent", "Embedding"]

Embedding = list[float]
"""One embedding vector."""


@dataclass(frozen=True, slots=True, kw_only=True)
class EmbedResult:
    """The result of :func:`embed`: the value, its embedding, and call details."""

    value: str
    """The value that was embedded."""
    embedding: Embedding
    """Its embedding."""
    usage: EmbeddingModelUsage
    """Tokens used (``0`` when the provider reports none)."""
    warnings: list[SharedV4Warning]
    """Warnings of the call, e.g. unsupported settings."""
    provider_metadata: SharedV4ProviderMetadata | None = None
    """Provider-specific metadata."""
    response: EmbeddingModelV4ResponseInfo | None = None
    """Response headers and body, when the provider gives them."""


@dataclass(frozen=True, slots=True, kw_only=True)
class EmbedManyResult:
    """The result of :func:`embed_many`: the values and their embeddings, in the same order."""

    values: list[str]
    """The values that were embedded."""
    embeddings: list[Embedding]
    """One embedding per value, in order."""
    usage: EmbeddingModelUsage
    """Tokens used by every model call together."""
    warnings: list[SharedV4Warning]
    """Warnings of every model call."""
    provider_metadata: SharedV4ProviderMetadata | None = None
    """Provider-specific metadata, merged over the model calls."""
    responses: list[EmbeddingModelV4ResponseInfo | None] | None = None
    """One response (headers and body) per model call."""


@dataclass(frozen=True, slots=True, kw_only=True)
class EmbedStartEvent:
    """``on_start``: an ``embed`` (``operation_id="ai.embed"``) or ``embed_many``
    (``"ai.embedMany"``) call begins, before the model is called."""

    call_id: str
    operation_id: str
    provider: str
    model_id: str
    value: str | list[str]
    max_retries: int
    headers: SharedV4Headers | None
    provider_options: SharedV4ProviderOptions | None


@dataclass(frozen=True, slots=True, kw_only=True)
class EmbedEndEvent:
    """``on_end``: the call finished; ``embedding`` and ``response`` are lists for
    ``embed_many``."""

    call_id: str
    operation_id: str
    provider: str
    model_id: str
    value: str | list[str]
    embedding: Embedding | list[Embedding]
    usage: EmbeddingModelUsage
    warnings: list[SharedV4Warning]
    provider_metadata: SharedV4ProviderMetadata | None
    response: EmbeddingModelV4ResponseInfo | list[EmbeddingModelV4ResponseInfo | None] | None
