"""What ``generate_text`` returns, and what ``on_finish`` receives: steps and their summary.

As in TS ai 7: ``text``, ``reasoning``, ``finish_reason``, ``request``, ``response`` and
``provider_metadata`` come from the final step; ``content``, ``tool_calls``, ``tool_results``,
``files``, ``sources`` and ``warnings`` gather every step; ``usage`` sums every step.
``response.messages`` holds the final step's messages only — ``response_messages`` holds all of
them, ready to extend the next call's ``messages``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Generic, TypeVar

from ai_sdk_core._content import ContentPart, GeneratedFile, Source, ToolCall, ToolResult
from ai_sdk_core._errors import NoOutputGeneratedError
from ai_sdk_core._usage import LanguageModelUsage
from ai_sdk_core.prompt._messages import ReasoningFilePart, ReasoningPart
from ai_sdk_core.provider._shared import SharedV4ProviderMetadata, SharedV4Warning

from ._step_result import (
    FinishReason,
    LanguageModelRequestMetadata,
    LanguageModelResponseMetadata,
    ModelInfo,
    ResponseMessage,
    StepResult,
    flatten,
)

__all__ = ["FinishEvent", "GenerateTextResult", "StepsSummary"]

OutputT = TypeVar("OutputT")


@dataclass(slots=True, kw_only=True)
class StepsSummary:
    """The steps of a generation, and the views over them."""

    steps: list[StepResult]
    total_usage: LanguageModelUsage
    initial_response_messages: list[ResponseMessage] = field(default_factory=list[ResponseMessage])

    @property
    def final_step(self) -> StepResult:
        """The last step."""
        return self.steps[-1]

    @property
    def model(self) -> ModelInfo:
        """The model of the final step."""
        return self.final_step.model

    @property
    def content(self) -> list[ContentPart]:
        """The content of every step."""
        return flatten(self.steps, "content")

    @property
    def text(self) -> str:
        """The text of the final step."""
        return self.final_step.text

    @property
    def reasoning(self) -> list[ReasoningPart | ReasoningFilePart]:
        """The reasoning of the final step."""
        return self.final_step.reasoning

    @property
    def reasoning_text(self) -> str | None:
        """The reasoning text of the final step."""
        return self.final_step.reasoning_text

    @property
    def files(self) -> list[GeneratedFile]:
        """The files of every step."""
        return flatten(self.steps, "files")

    @property
    def sources(self) -> list[Source]:
        """The sources of every step."""
        return flatten(self.steps, "sources")

    @property
    def tool_calls(self) -> list[ToolCall]:
        """The tool calls of every step."""
        return flatten(self.steps, "tool_calls")

    @property
    def static_tool_calls(self) -> list[ToolCall]:
        """The calls of tools known in advance, over every step."""
        return flatten(self.steps, "static_tool_calls")

    @property
    def dynamic_tool_calls(self) -> list[ToolCall]:
        """The calls of dynamic tools (and unparsable calls), over every step."""
        return flatten(self.steps, "dynamic_tool_calls")

    @property
    def tool_results(self) -> list[ToolResult]:
        """The tool results of every step."""
        return flatten(self.steps, "tool_results")

    @property
    def static_tool_results(self) -> list[ToolResult]:
        """The results of tools known in advance, over every step."""
        return flatten(self.steps, "static_tool_results")

    @property
    def dynamic_tool_results(self) -> list[ToolResult]:
        """The results of dynamic tools, over every step."""
        return flatten(self.steps, "dynamic_tool_results")

    @property
    def finish_reason(self) -> FinishReason:
        """Why the final step ended."""
        return self.final_step.finish_reason

    @property
    def raw_finish_reason(self) -> str | None:
        """The provider's own finish reason of the final step."""
        return self.final_step.raw_finish_reason

    @property
    def usage(self) -> LanguageModelUsage:
        """Tokens used by every step together."""
        return self.total_usage

    @property
    def warnings(self) -> list[SharedV4Warning]:
        """The warnings of every step."""
        return [warning for step in self.steps for warning in step.warnings or ()]

    @property
    def request(self) -> LanguageModelRequestMetadata:
        """The request of the final step."""
        return self.final_step.request

    @property
    def response(self) -> LanguageModelResponseMetadata:
        """The response of the final step (``messages``: that step's messages only)."""
        return self.final_step.response

    @property
    def provider_metadata(self) -> SharedV4ProviderMetadata | None:
        """The provider metadata of the final step."""
        return self.final_step.provider_metadata

    @property
    def response_messages(self) -> list[ResponseMessage]:
        """Every message the generation added, for the next call's ``messages``."""
        return [
            *self.initial_response_messages,
            *(message for step in self.steps for message in step.response.messages),
        ]


@dataclass(slots=True, kw_only=True)
class FinishEvent(StepsSummary):
    """What ``on_finish`` receives: the call id, the steps and their summary."""

    call_id: str
    runtime_context: Any = None


@dataclass(slots=True, kw_only=True)
class GenerateTextResult(StepsSummary, Generic[OutputT]):
    """The result of :func:`generate_text`; ``output`` is the parsed structured output."""

    _output: OutputT | None = None
    _has_output: bool = False

    @property
    def output(self) -> OutputT:
        """The structured output (the text with the default ``Output.text()``).

        Raises :class:`NoOutputGeneratedError` when the final step did not finish with
        ``stop`` (e.g. it stopped at a tool call or ran out of tokens).
        """
        if not self._has_output:
            raise NoOutputGeneratedError()
        return self._output  # type: ignore[return-value]
