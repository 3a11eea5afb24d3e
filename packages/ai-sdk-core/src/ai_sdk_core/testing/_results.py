"""Ready-made model results for tests: a text answer, tool calls, a streamed text answer."""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from ai_sdk_core.provider import (
    LanguageModelV4Finish,
    LanguageModelV4FinishReason,
    LanguageModelV4GenerateResult,
    LanguageModelV4InputTokens,
    LanguageModelV4OutputTokens,
    LanguageModelV4StreamPart,
    LanguageModelV4StreamStart,
    LanguageModelV4Text,
    LanguageModelV4TextDelta,
    LanguageModelV4TextEnd,
    LanguageModelV4TextStart,
    LanguageModelV4ToolCall,
    LanguageModelV4Usage,
)

__all__ = ["text_result", "text_stream_parts", "tool_calls_result", "usage"]


def usage(
    input_tokens: int | None = None, output_tokens: int | None = None
) -> LanguageModelV4Usage:
    """A provider usage with just the totals."""
    return LanguageModelV4Usage(
        input_tokens=LanguageModelV4InputTokens(total=input_tokens),
        output_tokens=LanguageModelV4OutputTokens(total=output_tokens),
    )


def text_result(
    text: str, *, input_tokens: int | None = None, output_tokens: int | None = None
) -> LanguageModelV4GenerateResult:
    """A ``do_generate`` result that answers ``text`` and stops."""
    return LanguageModelV4GenerateResult(
        content=[LanguageModelV4Text(text=text)],
        finish_reason=LanguageModelV4FinishReason(unified="stop", raw="stop"),
        usage=usage(input_tokens, output_tokens),
        warnings=[],
    )


def tool_calls_result(
    calls: Mapping[str, tuple[str, Any]],
    *,
    input_tokens: int | None = None,
    output_tokens: int | None = None,
) -> LanguageModelV4GenerateResult:
    """A ``do_generate`` result that calls tools: ``{tool_call_id: (tool_name, input)}``."""
    return LanguageModelV4GenerateResult(
        content=[
            LanguageModelV4ToolCall(
                tool_call_id=call_id, tool_name=name, input=json.dumps(arguments)
            )
            for call_id, (name, arguments) in calls.items()
        ],
        finish_reason=LanguageModelV4FinishReason(unified="tool-calls", raw="tool_calls"),
        usage=usage(input_tokens, output_tokens),
        warnings=[],
    )


def text_stream_parts(
    *deltas: str, input_tokens: int | None = None, output_tokens: int | None = None
) -> list[LanguageModelV4StreamPart]:
    """The stream parts of a text answer made of ``deltas`` (for ``stream_result``)."""
    return [
        LanguageModelV4StreamStart(warnings=[]),
        LanguageModelV4TextStart(id="txt-0"),
        *(LanguageModelV4TextDelta(id="txt-0", delta=delta) for delta in deltas),
        LanguageModelV4TextEnd(id="txt-0"),
        LanguageModelV4Finish(
            usage=usage(input_tokens, output_tokens),
            finish_reason=LanguageModelV4FinishReason(unified="stop", raw="stop"),
        ),
    ]
