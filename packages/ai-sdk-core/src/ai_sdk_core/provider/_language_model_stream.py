"""Stream parts of ``LanguageModelV4.do_stream``.

Text, reasoning and tool input arrive as id-addressed start/delta/end blocks; a complete
``tool-call`` part still follows every ``tool-input-end``.
"""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any, Literal

from typing_extensions import TypeAliasType

from ._codec_hints import ErrorValue, Tagged, Timestamp, spec_type
from ._language_model_content import (
    LanguageModelV4CustomContent,
    LanguageModelV4File,
    LanguageModelV4ReasoningFile,
    LanguageModelV4Source,
    LanguageModelV4ToolApprovalRequest,
    LanguageModelV4ToolCall,
    LanguageModelV4ToolResult,
)
from ._language_model_result import LanguageModelV4FinishReason, LanguageModelV4Usage
from ._shared import SharedV4ProviderMetadata, SharedV4Warning

__all__ = [
    "LanguageModelV4Finish",
    "LanguageModelV4RawChunk",
    "LanguageModelV4ReasoningDelta",
    "LanguageModelV4ReasoningEnd",
    "LanguageModelV4ReasoningStart",
    "LanguageModelV4ResponseMetadataPart",
    "LanguageModelV4StreamError",
    "LanguageModelV4StreamPart",
    "LanguageModelV4StreamStart",
    "LanguageModelV4TextDelta",
    "LanguageModelV4TextEnd",
    "LanguageModelV4TextStart",
    "LanguageModelV4ToolInputDelta",
    "LanguageModelV4ToolInputEnd",
    "LanguageModelV4ToolInputStart",
]


@spec_type
class LanguageModelV4TextStart:
    """A text block begins."""

    type: Literal["text-start"] = "text-start"
    id: str
    provider_metadata: SharedV4ProviderMetadata | None = None


@spec_type
class LanguageModelV4TextDelta:
    """More text for a block."""

    type: Literal["text-delta"] = "text-delta"
    id: str
    delta: str
    provider_metadata: SharedV4ProviderMetadata | None = None


@spec_type
class LanguageModelV4TextEnd:
    """A text block ends."""

    type: Literal["text-end"] = "text-end"
    id: str
    provider_metadata: SharedV4ProviderMetadata | None = None


@spec_type
class LanguageModelV4ReasoningStart:
    """A reasoning block begins."""

    type: Literal["reasoning-start"] = "reasoning-start"
    id: str
    provider_metadata: SharedV4ProviderMetadata | None = None


@spec_type
class LanguageModelV4ReasoningDelta:
    """More reasoning text for a block."""

    type: Literal["reasoning-delta"] = "reasoning-delta"
    id: str
    delta: str
    provider_metadata: SharedV4ProviderMetadata | None = None


@spec_type
class LanguageModelV4ReasoningEnd:
    """A reasoning block ends."""

    type: Literal["reasoning-end"] = "reasoning-end"
    id: str
    provider_metadata: SharedV4ProviderMetadata | None = None


@spec_type
class LanguageModelV4ToolInputStart:
    """The model starts writing the input of a tool call; ``id`` is the tool call id."""

    type: Literal["tool-input-start"] = "tool-input-start"
    id: str
    tool_name: str
    provider_metadata: SharedV4ProviderMetadata | None = None
    provider_executed: bool | None = None
    dynamic: bool | None = None
    title: str | None = None


@spec_type
class LanguageModelV4ToolInputDelta:
    """More JSON text of a tool call's input."""

    type: Literal["tool-input-delta"] = "tool-input-delta"
    id: str
    delta: str
    provider_metadata: SharedV4ProviderMetadata | None = None


@spec_type
class LanguageModelV4ToolInputEnd:
    """A tool call's input is complete."""

    type: Literal["tool-input-end"] = "tool-input-end"
    id: str
    provider_metadata: SharedV4ProviderMetadata | None = None


@spec_type
class LanguageModelV4StreamStart:
    """The first part of every stream, with the call's warnings."""

    type: Literal["stream-start"] = "stream-start"
    warnings: list[SharedV4Warning]


@spec_type
class LanguageModelV4ResponseMetadataPart:
    """Response metadata, sent as soon as the provider reveals it."""

    type: Literal["response-metadata"] = "response-metadata"
    id: str | None = None
    timestamp: Annotated[datetime, Timestamp] | None = None
    model_id: str | None = None


@spec_type
class LanguageModelV4Finish:
    """The last part: usage, finish reason and final provider metadata."""

    type: Literal["finish"] = "finish"
    usage: LanguageModelV4Usage
    finish_reason: LanguageModelV4FinishReason
    provider_metadata: SharedV4ProviderMetadata | None = None


@spec_type
class LanguageModelV4RawChunk:
    """A provider chunk as received; only sent when ``include_raw_chunks`` is set."""

    type: Literal["raw"] = "raw"
    raw_value: Any


@spec_type
class LanguageModelV4StreamError:
    """A non-fatal error inside the stream (there may be several)."""

    type: Literal["error"] = "error"
    error: Annotated[Any, ErrorValue]


LanguageModelV4StreamPart = TypeAliasType(
    "LanguageModelV4StreamPart",
    Annotated[
        LanguageModelV4TextStart
        | LanguageModelV4TextDelta
        | LanguageModelV4TextEnd
        | LanguageModelV4ReasoningStart
        | LanguageModelV4ReasoningDelta
        | LanguageModelV4ReasoningEnd
        | LanguageModelV4ToolInputStart
        | LanguageModelV4ToolInputDelta
        | LanguageModelV4ToolInputEnd
        | LanguageModelV4ToolApprovalRequest
        | LanguageModelV4ToolCall
        | LanguageModelV4ToolResult
        | LanguageModelV4CustomContent
        | LanguageModelV4File
        | LanguageModelV4ReasoningFile
        | LanguageModelV4Source
        | LanguageModelV4StreamStart
        | LanguageModelV4ResponseMetadataPart
        | LanguageModelV4Finish
        | LanguageModelV4RawChunk
        | LanguageModelV4StreamError,
        Tagged("type"),
    ],
)
"""One part of a language model stream."""
