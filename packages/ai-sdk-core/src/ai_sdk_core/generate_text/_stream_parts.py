"""The parts of ``stream_text(...).full_stream`` (``TextStreamPart`` in TS).

Text, reasoning and tool input arrive as id-addressed start/delta/end blocks; content parts
(sources, files, tool calls and results, approvals) are the same classes a step's ``content``
holds. ``start-step``/``finish-step`` frame each model call; ``finish`` ends the stream.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal, TypeAlias

from ai_sdk_core._content import (
    CustomOutput,
    FileOutput,
    ReasoningFileOutput,
    Source,
    ToolApprovalRequestOutput,
    ToolApprovalResponseOutput,
    ToolCall,
    ToolError,
    ToolOutputDenied,
    ToolResult,
)
from ai_sdk_core._usage import LanguageModelUsage
from ai_sdk_core.provider._json import JSONObject
from ai_sdk_core.provider._shared import SharedV4ProviderMetadata, SharedV4Warning

from ._step_result import (
    FinishReason,
    LanguageModelRequestMetadata,
    LanguageModelResponseMetadata,
    StepPerformance,
)

__all__ = [
    "AbortPart",
    "ErrorPart",
    "FinishPart",
    "FinishStepPart",
    "RawPart",
    "ReasoningDeltaPart",
    "ReasoningEndPart",
    "ReasoningStartPart",
    "StartPart",
    "StartStepPart",
    "TextDeltaPart",
    "TextEndPart",
    "TextStartPart",
    "TextStreamPart",
    "ToolInputDeltaPart",
    "ToolInputEndPart",
    "ToolInputStartPart",
]


@dataclass(slots=True, kw_only=True)
class StartPart:
    """The stream begins."""

    type: Literal["start"] = "start"


@dataclass(slots=True, kw_only=True)
class StartStepPart:
    """A step (one model call) begins."""

    type: Literal["start-step"] = "start-step"
    request: LanguageModelRequestMetadata
    warnings: list[SharedV4Warning]


@dataclass(slots=True, kw_only=True)
class TextStartPart:
    """A text block begins."""

    type: Literal["text-start"] = "text-start"
    id: str
    provider_metadata: SharedV4ProviderMetadata | None = None


@dataclass(slots=True, kw_only=True)
class TextDeltaPart:
    """More text."""

    type: Literal["text-delta"] = "text-delta"
    id: str
    text: str
    provider_metadata: SharedV4ProviderMetadata | None = None


@dataclass(slots=True, kw_only=True)
class TextEndPart:
    """A text block ends."""

    type: Literal["text-end"] = "text-end"
    id: str
    provider_metadata: SharedV4ProviderMetadata | None = None


@dataclass(slots=True, kw_only=True)
class ReasoningStartPart:
    """A reasoning block begins."""

    type: Literal["reasoning-start"] = "reasoning-start"
    id: str
    provider_metadata: SharedV4ProviderMetadata | None = None


@dataclass(slots=True, kw_only=True)
class ReasoningDeltaPart:
    """More reasoning text."""

    type: Literal["reasoning-delta"] = "reasoning-delta"
    id: str
    text: str
    provider_metadata: SharedV4ProviderMetadata | None = None


@dataclass(slots=True, kw_only=True)
class ReasoningEndPart:
    """A reasoning block ends."""

    type: Literal["reasoning-end"] = "reasoning-end"
    id: str
    provider_metadata: SharedV4ProviderMetadata | None = None


@dataclass(slots=True, kw_only=True)
class ToolInputStartPart:
    """The model starts writing a tool call's input; ``id`` is the tool call id."""

    type: Literal["tool-input-start"] = "tool-input-start"
    id: str
    tool_name: str
    provider_executed: bool | None = None
    dynamic: bool | None = None
    title: str | None = None
    tool_metadata: JSONObject | None = None
    provider_metadata: SharedV4ProviderMetadata | None = None


@dataclass(slots=True, kw_only=True)
class ToolInputDeltaPart:
    """More JSON text of a tool call's input."""

    type: Literal["tool-input-delta"] = "tool-input-delta"
    id: str
    delta: str
    provider_metadata: SharedV4ProviderMetadata | None = None


@dataclass(slots=True, kw_only=True)
class ToolInputEndPart:
    """A tool call's input is complete (the ``tool-call`` part follows)."""

    type: Literal["tool-input-end"] = "tool-input-end"
    id: str
    provider_metadata: SharedV4ProviderMetadata | None = None


@dataclass(slots=True, kw_only=True)
class FinishStepPart:
    """A step ended."""

    type: Literal["finish-step"] = "finish-step"
    response: LanguageModelResponseMetadata
    usage: LanguageModelUsage
    performance: StepPerformance
    finish_reason: FinishReason
    raw_finish_reason: str | None = None
    provider_metadata: SharedV4ProviderMetadata | None = None


@dataclass(slots=True, kw_only=True)
class FinishPart:
    """The stream ended; ``total_usage`` sums every step."""

    type: Literal["finish"] = "finish"
    finish_reason: FinishReason
    total_usage: LanguageModelUsage
    raw_finish_reason: str | None = None


@dataclass(slots=True, kw_only=True)
class AbortPart:
    """The stream was stopped (cancelled, or timed out)."""

    type: Literal["abort"] = "abort"
    reason: str | None = None


@dataclass(slots=True, kw_only=True)
class ErrorPart:
    """An error; the stream ends after it unless the provider reported it as non-fatal."""

    type: Literal["error"] = "error"
    error: Any


@dataclass(slots=True, kw_only=True)
class RawPart:
    """A provider chunk as received (only with ``include_raw_chunks=True``)."""

    type: Literal["raw"] = "raw"
    raw_value: Any


TextStreamPart: TypeAlias = (
    StartPart
    | StartStepPart
    | TextStartPart
    | TextDeltaPart
    | TextEndPart
    | ReasoningStartPart
    | ReasoningDeltaPart
    | ReasoningEndPart
    | CustomOutput
    | ToolInputStartPart
    | ToolInputDeltaPart
    | ToolInputEndPart
    | Source
    | FileOutput
    | ReasoningFileOutput
    | ToolCall
    | ToolResult
    | ToolError
    | ToolOutputDenied
    | ToolApprovalRequestOutput
    | ToolApprovalResponseOutput
    | FinishStepPart
    | FinishPart
    | AbortPart
    | ErrorPart
    | RawPart
)
"""One part of ``stream_text(...).full_stream``."""
