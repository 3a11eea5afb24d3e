"""A tool's output (or error) as the model sees it (port of ``create-tool-model-output.ts``)."""

from __future__ import annotations

from typing import Any, Literal, cast

from ai_sdk_core.prompt._messages import ToolResultOutput
from ai_sdk_core.provider._errors import get_error_message
from ai_sdk_core.provider._json import JSONValue
from ai_sdk_core.provider._language_model_prompt import (
    LanguageModelV4ToolResultOutputErrorJson,
    LanguageModelV4ToolResultOutputErrorText,
    LanguageModelV4ToolResultOutputJson,
    LanguageModelV4ToolResultOutputText,
)
from ai_sdk_core.wire import error_to_wire

from ._execute import maybe_await
from ._tool import Tool, ToolModelOutputOptions

__all__: list[str] = []


async def create_tool_model_output(
    *,
    tool_call_id: str,
    input: Any,
    output: Any,
    tool: Tool[Any, Any] | None,
    error_mode: Literal["none", "text", "json"],
) -> ToolResultOutput:
    """``error-text`` / ``error-json`` for errors; else the tool's ``to_model_output``, or
    ``text`` for a string and ``json`` for anything else."""
    if error_mode == "text":
        return LanguageModelV4ToolResultOutputErrorText(value=get_error_message(output))
    if error_mode == "json":
        return LanguageModelV4ToolResultOutputErrorJson(value=to_json_value(output))
    if tool is not None and tool.to_model_output is not None:
        options = ToolModelOutputOptions(tool_call_id=tool_call_id, input=input, output=output)
        return await maybe_await(tool.to_model_output(options))
    if isinstance(output, str):
        return LanguageModelV4ToolResultOutputText(value=output)
    return LanguageModelV4ToolResultOutputJson(value=to_json_value(output))


def to_json_value(value: object) -> JSONValue:
    """``value`` as plain JSON, as ``JSON.stringify`` would see it in TS.

    pydantic models and dataclasses are dumped (by alias), bytes as URL-safe base64, exceptions as
    ``{"name", "message", …}``; other unknown objects become their ``str()``.
    """
    if value is None or isinstance(value, str | int | float | bool):
        return value
    from pydantic_core import to_jsonable_python

    return cast(
        JSONValue,
        to_jsonable_python(value, by_alias=True, bytes_mode="base64", fallback=_unknown_to_json),
    )


def _unknown_to_json(value: Any) -> Any:
    if isinstance(value, BaseException):
        return error_to_wire(value)
    return str(value)
