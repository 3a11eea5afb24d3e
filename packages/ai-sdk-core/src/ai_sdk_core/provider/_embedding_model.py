"""The embedding model protocol (``EmbeddingModelV4``) and its call options and result."""

from __future__ import annotations

from collections.abc import Awaitable
from typing import Any, Protocol, runtime_checkable

from typing_extensions import TypeAliasType

from ._codec_hints import spec_type
from ._model import ModelV4
from ._shared import (
    SharedV4Headers,
    SharedV4ProviderMetadata,
    SharedV4ProviderOptions,
    SharedV4Warning,
)

__all__ = [
    "EmbeddingModelV4",
    "EmbeddingModelV4CallOptions",
    "EmbeddingModelV4Embedding",
    "EmbeddingModelV4ResponseInfo",
    "EmbeddingModelV4Result",
    "EmbeddingModelV4Usage",
]

EmbeddingModelV4Embedding = TypeAliasType("EmbeddingModelV4Embedding", list[float])
"""One embedding vector."""


@spec_type
class EmbeddingModelV4CallOptions:
    """The values to embed, plus provider options and extra HTTP headers."""

    values: list[str]
    provider_options: SharedV4ProviderOptions | None = None
    headers: SharedV4Headers | None = None


@spec_type
class EmbeddingModelV4Usage:
    """Tokens used by an embedding call."""

    tokens: int


@spec_type
class EmbeddingModelV4ResponseInfo:
    """Response headers and raw body of an embedding call."""

    headers: SharedV4Headers | None = None
    body: Any = None


@spec_type
class EmbeddingModelV4Result:
    """One embedding per value, in order."""

    embeddings: list[EmbeddingModelV4Embedding]
    warnings: list[SharedV4Warning]
    usage: EmbeddingModelV4Usage | None = None
    provider_metadata: SharedV4ProviderMetadata | None = None
    response: EmbeddingModelV4ResponseInfo | None = None


@runtime_checkable
class EmbeddingModelV4(ModelV4, Protocol):
    """An embedding model, version 4 of the specification."""

    @property
    def max_embeddings_per_call(self) -> int | Awaitable[int | None] | None:
        """The most values one ``do_embed`` call takes; ``None`` for no limit."""
        ...

    @property
    def supports_parallel_calls(self) -> bool | Awaitable[bool]:
        """Whether several ``do_embed`` calls may run at once."""
        ...

    async def do_embed(self, options: EmbeddingModelV4CallOptions) -> EmbeddingModelV4Result:
        """Embed ``options.values``."""
        ...
