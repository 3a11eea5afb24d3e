"""Hooks that read provider-specific metadata from chat responses (port of
``openai-compatible-metadata-extractor.ts``)."""

from __future__ import annotations

from collections.abc import Awaitable
from typing import Any, Protocol, runtime_checkable

from ai_sdk_core.provider import SharedV4ProviderMetadata

__all__ = ["MetadataExtractor", "StreamMetadataExtractor"]


@runtime_checkable
class StreamMetadataExtractor(Protocol):
    """Collects metadata over one streamed response."""

    def process_chunk(self, parsed_chunk: Any) -> None:
        """Called with every chunk that parsed as JSON (the plain JSON, unknown keys kept)."""
        ...

    def build_metadata(self) -> SharedV4ProviderMetadata | None:
        """The metadata once the stream has ended; merged into the ``finish`` part."""
        ...


@runtime_checkable
class MetadataExtractor(Protocol):
    """Reads provider metadata that is not part of the OpenAI format.

    The returned metadata (keyed by provider) is merged into the result's
    ``provider_metadata``: a key it returns replaces the model's own entry.
    """

    def extract_metadata(
        self, *, parsed_body: Any
    ) -> SharedV4ProviderMetadata | Awaitable[SharedV4ProviderMetadata | None] | None:
        """Metadata of a complete (non-streamed) response; ``parsed_body`` is its plain JSON.

        May be a coroutine function.
        """
        ...

    def create_stream_extractor(self) -> StreamMetadataExtractor:
        """A fresh extractor for one streamed response."""
        ...
