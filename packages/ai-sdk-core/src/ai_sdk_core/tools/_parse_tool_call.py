"""Turning a model's tool call into a :class:`ToolCall` with validated input, repairing it
when possible (port of ``parse-tool-call.ts`` and ``tool-call-repair-function.ts``)."""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, TypeAlias

from ai_sdk_core._content import ToolCall
from ai_sdk_core._errors import InvalidToolInputError, NoSuchToolError, ToolCallRepairError
from ai_sdk_core.provider._errors import JSONParseError, TypeValidationError
from ai_sdk_core.provider._language_model_content import LanguageModelV4ToolCall
from ai_sdk_core.provider_utils._parse_json import ParseFailure, parse_json, safe_parse_json
from ai_sdk_core.provider_utils._schema import JSONSchema, as_schema

from ._execute import maybe_await
from ._tool import ToolSet

if TYPE_CHECKING:
    from ai_sdk_core.prompt._messages import ModelMessage
    from ai_sdk_core.prompt._standardize import Instructions

__all__ = ["RepairToolCallOptions", "ToolCallRepairFunction", "ToolInputRefinement"]


@dataclass(slots=True, frozen=True, kw_only=True)
class RepairToolCallOptions:
    """What a :data:`ToolCallRepairFunction` learns about the tool call that failed.

    ``messages`` are the messages of the step, ``error`` why the call failed, and
    ``await input_schema(tool_name)`` gives a tool's JSON schema.
    """

    tool_call: LanguageModelV4ToolCall
    tools: ToolSet
    input_schema: Callable[[str], Awaitable[JSONSchema]]
    error: NoSuchToolError | InvalidToolInputError
    messages: Sequence[ModelMessage]
    instructions: Instructions | None = None


ToolCallRepairFunction: TypeAlias = Callable[
    [RepairToolCallOptions],
    LanguageModelV4ToolCall | Awaitable[LanguageModelV4ToolCall | None] | None,
]
"""Repairs a tool call whose tool is unknown or whose input is invalid: returns a corrected
call (e.g. with re-generated input), or ``None`` to give up. Sync or async."""

ToolInputRefinement: TypeAlias = Mapping[str, Callable[[Any], Any]]
"""Per tool name, a (sync or async) function that changes a call's validated input."""


async def parse_tool_call(
    *,
    tool_call: LanguageModelV4ToolCall,
    tools: ToolSet | None,
    repair_tool_call: ToolCallRepairFunction | None = None,
    refine_tool_input: ToolInputRefinement | None = None,
    instructions: Instructions | None = None,
    messages: Sequence[ModelMessage],
) -> ToolCall:
    """``tool_call`` with its input parsed and validated by the tool's schema.

    An unknown tool or invalid input goes through ``repair_tool_call`` when one is given (its
    own failure is a :class:`ToolCallRepairError`). A call that still fails is returned with
    ``invalid=True``, ``dynamic=True`` and the ``error``; its input is the parsed JSON, or the
    raw text when that is not JSON. Provider-executed dynamic tools need no tool definition.
    """
    try:
        if tools is None:
            if tool_call.provider_executed and tool_call.dynamic:
                return await _refine(_parse_provider_dynamic(tool_call), refine_tool_input)
            raise NoSuchToolError(tool_name=tool_call.tool_name)
        try:
            return await _refine(_parse(tool_call, tools), refine_tool_input)
        except (NoSuchToolError, InvalidToolInputError) as error:
            if repair_tool_call is None:
                raise

            async def input_schema(tool_name: str) -> JSONSchema:
                tool = tools.get(tool_name)
                return as_schema(None if tool is None else tool.input_schema).json_schema

            try:
                repaired = await maybe_await(
                    repair_tool_call(
                        RepairToolCallOptions(
                            tool_call=tool_call,
                            tools=tools,
                            input_schema=input_schema,
                            error=error,
                            messages=messages,
                            instructions=instructions,
                        )
                    )
                )
            except Exception as repair_error:
                raise ToolCallRepairError(
                    cause=repair_error, original_error=error
                ) from repair_error
            if repaired is None:
                raise
            return await _refine(_parse(repaired, tools), refine_tool_input)
    except Exception as error:
        parsed = safe_parse_json(tool_call.input)
        tool = None if tools is None else tools.get(tool_call.tool_name)
        return ToolCall(
            tool_call_id=tool_call.tool_call_id,
            tool_name=tool_call.tool_name,
            input=tool_call.input if isinstance(parsed, ParseFailure) else parsed.value,
            dynamic=True,
            invalid=True,
            error=error,
            title=None if tool is None else tool.title,
            provider_executed=tool_call.provider_executed,
            provider_metadata=tool_call.provider_metadata,
            tool_metadata=None if tool is None else tool.metadata,
        )


async def _refine(tool_call: ToolCall, refinement: ToolInputRefinement | None) -> ToolCall:
    refine = None if refinement is None else refinement.get(tool_call.tool_name)
    if refine is not None:
        tool_call.input = await maybe_await(refine(tool_call.input))
    return tool_call


def _parse_provider_dynamic(tool_call: LanguageModelV4ToolCall) -> ToolCall:
    """A call of a dynamic tool the provider executes: any JSON input is fine."""
    input: Any = {}
    if tool_call.input.strip():
        parsed = safe_parse_json(tool_call.input)
        if isinstance(parsed, ParseFailure):
            raise InvalidToolInputError(
                tool_name=tool_call.tool_name, tool_input=tool_call.input, cause=parsed.error
            )
        input = parsed.value
    return ToolCall(
        tool_call_id=tool_call.tool_call_id,
        tool_name=tool_call.tool_name,
        input=input,
        provider_executed=True,
        dynamic=True,
        provider_metadata=tool_call.provider_metadata,
    )


def _parse(tool_call: LanguageModelV4ToolCall, tools: ToolSet) -> ToolCall:
    tool = tools.get(tool_call.tool_name)
    if tool is None:
        if tool_call.provider_executed and tool_call.dynamic:
            return _parse_provider_dynamic(tool_call)
        raise NoSuchToolError(tool_name=tool_call.tool_name, available_tools=list(tools))

    # many models send an empty string for a call without arguments
    text = tool_call.input
    try:
        input = tool.input_schema.validate(parse_json(text) if text.strip() else {})
    except (JSONParseError, TypeValidationError) as error:
        raise InvalidToolInputError(
            tool_name=tool_call.tool_name, tool_input=text, cause=error
        ) from error
    return ToolCall(
        tool_call_id=tool_call.tool_call_id,
        tool_name=tool_call.tool_name,
        input=input,
        provider_executed=tool_call.provider_executed,
        provider_metadata=tool_call.provider_metadata,
        tool_metadata=tool.metadata,
        dynamic=True if tool.type == "dynamic" else None,
        title=tool.title,
    )
