"""What a language model call returns: usage, finish reason, and the generate/stream results."""

from __future__ import annotations

from collections.abc import AsyncGenerator
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Annotated, Any, Literal

from typing_extensions import TypeAliasType

from ._codec_hints import Timestamp, spec_type
from ._json import JSONObject
from ._language_model_content import LanguageModelV4Content
from ._shared import SharedV4Headers, SharedV4ProviderMetadata, SharedV4Warning

if TYPE_CHECKING:
    from ._language_model_stream import LanguageModelV4StreamPart

__all__ = [
    "LanguageModelV4FinishReason",
    "LanguageModelV4GenerateResult",
    "LanguageModelV4InputTokens",
    "LanguageModelV4OutputTokens",
    "LanguageModelV4RequestInfo",
    "LanguageModelV4ResponseInfo",
    "LanguageModelV4StreamResponseInfo",
    "LanguageModelV4StreamResult",
    "LanguageModelV4UnifiedFinishReason",
    "LanguageModelV4Usage",
]


@spec_type
class LanguageModelV4InputTokens:
    """Input (prompt) tokens: ``total``, and the part not cached, read from and written to cache."""

    total: int | None = None
    no_cache: int | None = None
    cache_read: int | None = None
    cache_write: int | None = None


@spec_type
class LanguageModelV4OutputTokens:
    """Output (completion) tokens: ``total``, and the part that is text or reasoning."""

    total: int | None = None
    text: int | None = None
    reasoning: int | None = None


@spec_type
class LanguageModelV4Usage:
    """Token usage of one call; ``raw`` is the provider's usage object as it sent it."""

    input_tokens: LanguageModelV4InputTokens
    output_tokens: LanguageModelV4OutputTokens
    raw: JSONObject | None = None


LanguageModelV4UnifiedFinishReason = TypeAliasType(
    "LanguageModelV4UnifiedFinishReason",
    Literal["stop", "length", "content-filter", "tool-calls", "error", "other"],
)


@spec_type
class LanguageModelV4FinishReason:
    """Why generation stopped: the ``unified`` reason, and the provider's ``raw`` one."""

    unified: LanguageModelV4UnifiedFinishReason
    raw: str | None = None


@spec_type
class LanguageModelV4RequestInfo:
    """The request as sent, for debugging and telemetry (``body`` as the provider built it)."""

    body: Any = None


@spec_type
class LanguageModelV4ResponseInfo:
    """Response metadata, headers and raw body of a generate call."""

    id: str | None = None
    timestamp: Annotated[datetime, Timestamp] | None = None
    model_id: str | None = None
    headers: SharedV4Headers | None = None
    body: Any = None


@spec_type
class LanguageModelV4GenerateResult:
    """The result of ``do_generate``: ordered content, finish reason, usage and warnings."""

    content: list[LanguageModelV4Content]
    finish_reason: LanguageModelV4FinishReason
    usage: LanguageModelV4Usage
    warnings: list[SharedV4Warning]
    provider_metadata: SharedV4ProviderMetadata | None = None
    request: LanguageModelV4RequestInfo | None = None
    response: LanguageModelV4ResponseInfo | None = None


@spec_type
class LanguageModelV4StreamResponseInfo:
    """Response headers of a stream call."""

    headers: SharedV4Headers | None = None


@dataclass(slots=True, kw_only=True)
class LanguageModelV4StreamResult:
    """The result of ``do_stream``.

    ``stream`` yields the parts; ``await stream.aclose()`` (or ``contextlib.aclosing``) stops
    it early and closes the HTTP response. ``request`` and ``response`` are wire types; the
    stream itself is not.
    """

    stream: AsyncGenerator[LanguageModelV4StreamPart, None]
    request: LanguageModelV4RequestInfo | None = None
    response: LanguageModelV4StreamResponseInfo | None = None
