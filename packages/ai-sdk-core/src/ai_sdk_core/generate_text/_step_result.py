"""One step of a generation: a model call and the tool calls it made (``StepResult`` in TS)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Literal, TypeAlias

from ai_sdk_core._content import (
    ContentPart,
    FileOutput,
    GeneratedFile,
    ReasoningFileOutput,
    ReasoningOutput,
    Source,
    TextOutput,
    ToolCall,
    ToolResult,
)
from ai_sdk_core._usage import LanguageModelUsage
from ai_sdk_core.prompt._messages import (
    AssistantModelMessage,
    ModelMessage,
    ReasoningFilePart,
    ReasoningPart,
    ToolModelMessage,
)
from ai_sdk_core.provider._shared import SharedV4Headers, SharedV4ProviderMetadata, SharedV4Warning

__all__ = [
    "FinishReason",
    "LanguageModelRequestMetadata",
    "LanguageModelResponseMetadata",
    "ModelInfo",
    "OutputChunkTimingStats",
    "ResponseMessage",
    "StepPerformance",
    "StepResult",
]

FinishReason: TypeAlias = Literal[
    "stop", "length", "content-filter", "tool-calls", "error", "other"
]
"""Why a step ended."""

ResponseMessage: TypeAlias = AssistantModelMessage | ToolModelMessage
"""A message the generation produced: an assistant turn, or the tool results that follow it."""


@dataclass(slots=True, frozen=True, kw_only=True)
class ModelInfo:
    """The provider and model id of the model a step called."""

    provider: str
    model_id: str


@dataclass(slots=True, kw_only=True)
class OutputChunkTimingStats:
    """Milliseconds between output chunks of a streamed step."""

    min: float
    p10: float
    median: float
    avg: float
    p90: float
    max: float


@dataclass(slots=True, kw_only=True)
class StepPerformance:
    """Timing of a step (milliseconds) and throughput (tokens per second).

    ``effective_*`` rates divide by the whole response time; ``output_tokens_per_second`` and
    ``input_tokens_per_second`` need a stream (time after the first output chunk, and time to it).
    """

    effective_output_tokens_per_second: float
    effective_total_tokens_per_second: float
    step_time_ms: float
    response_time_ms: float
    tool_execution_ms: dict[str, float] = field(default_factory=dict[str, float])
    output_tokens_per_second: float | None = None
    input_tokens_per_second: float | None = None
    time_to_first_output_ms: float | None = None
    time_between_output_chunks_ms: OutputChunkTimingStats | None = None


@dataclass(slots=True, kw_only=True)
class LanguageModelRequestMetadata:
    """The request of a step: its HTTP ``body`` and the ``messages`` sent (when included)."""

    body: Any = None
    messages: list[ModelMessage] | None = None


@dataclass(slots=True, kw_only=True)
class LanguageModelResponseMetadata:
    """The response of a step: id, timestamp, model id, headers, body (when included), and
    the ``messages`` this step added to the conversation."""

    id: str
    timestamp: datetime
    model_id: str
    headers: SharedV4Headers | None = None
    body: Any = None
    messages: list[ResponseMessage] = field(default_factory=list[ResponseMessage])


@dataclass(slots=True, kw_only=True)
class StepResult:
    """The result of one step; the derived views (``text``, ``tool_calls``…) read ``content``."""

    call_id: str
    step_number: int
    model: ModelInfo
    content: list[ContentPart]
    finish_reason: FinishReason
    raw_finish_reason: str | None
    usage: LanguageModelUsage
    performance: StepPerformance
    warnings: list[SharedV4Warning] | None
    request: LanguageModelRequestMetadata
    response: LanguageModelResponseMetadata
    provider_metadata: SharedV4ProviderMetadata | None = None
    runtime_context: Any = None

    @property
    def text(self) -> str:
        """The text of the step (all text parts joined)."""
        return "".join(part.text for part in self.content if isinstance(part, TextOutput))

    @property
    def reasoning(self) -> list[ReasoningPart | ReasoningFilePart]:
        """The reasoning of the step, as message parts (ready to send back to a model)."""
        parts: list[ReasoningPart | ReasoningFilePart] = []
        for part in self.content:
            if isinstance(part, ReasoningOutput):
                parts.append(ReasoningPart(text=part.text, provider_options=part.provider_metadata))
            elif isinstance(part, ReasoningFileOutput):
                parts.append(
                    ReasoningFilePart(
                        data=part.file.base64,
                        media_type=part.file.media_type,
                        provider_options=part.provider_metadata,
                    )
                )
        return parts

    @property
    def reasoning_text(self) -> str | None:
        """The reasoning text joined, or ``None`` when the step did not reason."""
        texts = [part.text for part in self.content if isinstance(part, ReasoningOutput)]
        return "".join(texts) if texts else None

    @property
    def files(self) -> list[GeneratedFile]:
        """The files the step generated."""
        return [part.file for part in self.content if isinstance(part, FileOutput)]

    @property
    def sources(self) -> list[Source]:
        """The sources the step used."""
        return [part for part in self.content if part.type == "source"]  # type: ignore[misc]

    @property
    def tool_calls(self) -> list[ToolCall]:
        """Every tool call of the step."""
        return [part for part in self.content if isinstance(part, ToolCall)]

    @property
    def static_tool_calls(self) -> list[ToolCall]:
        """Tool calls of tools known in advance."""
        return [call for call in self.tool_calls if call.dynamic is not True]

    @property
    def dynamic_tool_calls(self) -> list[ToolCall]:
        """Tool calls of dynamic tools, and calls that could not be parsed."""
        return [call for call in self.tool_calls if call.dynamic is True]

    @property
    def tool_results(self) -> list[ToolResult]:
        """Every tool result of the step."""
        return [part for part in self.content if isinstance(part, ToolResult)]

    @property
    def static_tool_results(self) -> list[ToolResult]:
        """Results of tools known in advance."""
        return [result for result in self.tool_results if result.dynamic is not True]

    @property
    def dynamic_tool_results(self) -> list[ToolResult]:
        """Results of dynamic tools."""
        return [result for result in self.tool_results if result.dynamic is True]


def flatten(steps: Sequence[StepResult], attribute: str) -> list[Any]:
    """One list of ``step.<attribute>`` over all steps (as the results sum them)."""
    return [item for step in steps for item in getattr(step, attribute)]
