"""Builders shared by the ``generate_text`` tests: model results and prompts as TS JSON."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel

from ai_sdk_core import Tool, tool
from ai_sdk_core.provider import (
    LanguageModelV4CallOptions,
    LanguageModelV4Content,
    LanguageModelV4FinishReason,
    LanguageModelV4GenerateResult,
    LanguageModelV4InputTokens,
    LanguageModelV4OutputTokens,
    LanguageModelV4ResponseInfo,
    LanguageModelV4Text,
    LanguageModelV4ToolCall,
    LanguageModelV4UnifiedFinishReason,
    LanguageModelV4Usage,
    SharedV4Warning,
)
from ai_sdk_core.testing import MockLanguageModelV4
from ai_sdk_core.wire import to_wire

__all__ = [
    "VALUE_SCHEMA",
    "ValueInput",
    "assistant_call",
    "call",
    "model_of",
    "prompt_of",
    "response_info",
    "result",
    "text_result",
    "tool_call",
    "tool_message",
    "usage",
    "user",
    "value_tool",
]


# the input of the tools of the TS tests, z.object({ value: z.string() }) (no docstring: it
# would be the schema's description)
class ValueInput(BaseModel):
    value: str


VALUE_SCHEMA = {
    "$schema": "http://json-schema.org/draft-07/schema#",
    "additionalProperties": False,
    "properties": {"value": {"type": "string"}},
    "required": ["value"],
    "type": "object",
}
"""The JSON schema of :class:`ValueInput` as the model receives it."""


def value_tool(**options: Any) -> Tool[ValueInput, str]:
    """A tool answering ``<value>-result``."""
    return tool(input_schema=ValueInput, execute=lambda input: f"{input.value}-result", **options)


def model_of(*results: LanguageModelV4GenerateResult) -> MockLanguageModelV4:
    """A mock model answering its n-th call with the n-th result."""
    return MockLanguageModelV4(do_generate=list(results))


def usage(input_tokens: int | None = 3, output_tokens: int | None = 10) -> LanguageModelV4Usage:
    """The usage of the TS tests' ``testUsage`` (3 in, 10 out) unless told otherwise."""
    return LanguageModelV4Usage(
        input_tokens=LanguageModelV4InputTokens(total=input_tokens, no_cache=input_tokens),
        output_tokens=LanguageModelV4OutputTokens(total=output_tokens, text=output_tokens),
    )


def result(
    *content: LanguageModelV4Content,
    finish_reason: LanguageModelV4UnifiedFinishReason = "stop",
    raw_finish_reason: str | None = None,
    usage_: LanguageModelV4Usage | None = None,
    warnings: list[SharedV4Warning] | None = None,
    **fields: Any,
) -> LanguageModelV4GenerateResult:
    """A ``do_generate`` result with ``content``."""
    return LanguageModelV4GenerateResult(
        content=list(content),
        finish_reason=LanguageModelV4FinishReason(unified=finish_reason, raw=raw_finish_reason),
        usage=usage_ or usage(),
        warnings=warnings or [],
        **fields,
    )


def text_result(text: str = "Hello, world!", **fields: Any) -> LanguageModelV4GenerateResult:
    """A result with one text part that finished with ``stop``."""
    return result(LanguageModelV4Text(text=text), **fields)


def tool_call(
    tool_name: str = "tool1", input: str = '{ "value": "value" }', tool_call_id: str = "call-1"
) -> LanguageModelV4ToolCall:
    """A tool call as the model sends it (input as JSON text)."""
    return LanguageModelV4ToolCall(tool_call_id=tool_call_id, tool_name=tool_name, input=input)


def call(*content: LanguageModelV4Content, **fields: Any) -> LanguageModelV4GenerateResult:
    """A result (usually tool calls) that finished with ``tool-calls``."""
    fields.setdefault("finish_reason", "tool-calls")
    return result(*content, **fields)


def prompt_of(options: LanguageModelV4CallOptions) -> list[Any]:
    """The prompt the model received, as the TS JSON (absent fields left out)."""
    return to_wire(options.prompt)


def response_info(**fields: Any) -> LanguageModelV4ResponseInfo:
    """Response metadata of a result."""
    return LanguageModelV4ResponseInfo(**fields)


def user(text: str) -> dict[str, Any]:
    """A user message of the prompt (TS JSON)."""
    return {"role": "user", "content": [{"type": "text", "text": text}]}


def assistant_call(tool_call_id: str = "call-1", value: str = "value") -> dict[str, Any]:
    """An assistant message calling ``tool1`` (TS JSON)."""
    return {
        "role": "assistant",
        "content": [
            {
                "type": "tool-call",
                "toolCallId": tool_call_id,
                "toolName": "tool1",
                "input": {"value": value},
            }
        ],
    }


def tool_message(*results: tuple[str, dict[str, Any]], tool_name: str = "tool1") -> dict[str, Any]:
    """A tool message with the outputs of ``(tool_call_id, output)`` (TS JSON)."""
    return {
        "role": "tool",
        "content": [
            {"type": "tool-result", "toolCallId": id_, "toolName": tool_name, "output": output}
            for id_, output in results
        ],
    }
