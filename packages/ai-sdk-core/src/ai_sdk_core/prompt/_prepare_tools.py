"""Tools and tool choice as the model receives them.

Port of ``prepare-tools.ts``, ``prepare-tool-choice.ts``, ``filter-active-tools.ts`` and
``tool-order.ts``.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any, Literal, TypeAlias, cast

from ai_sdk_core.provider._errors import InvalidArgumentError, TypeValidationError
from ai_sdk_core.provider._json import JSONObject
from ai_sdk_core.provider._language_model_call import (
    LanguageModelV4FunctionTool,
    LanguageModelV4InputExample,
    LanguageModelV4ProviderTool,
    LanguageModelV4Tool,
    LanguageModelV4ToolChoice,
    LanguageModelV4ToolChoiceAuto,
    LanguageModelV4ToolChoiceNone,
    LanguageModelV4ToolChoiceRequired,
    LanguageModelV4ToolChoiceTool,
)

if TYPE_CHECKING:
    from ai_sdk_core.tools._tool import Tool, ToolSet

__all__ = ["ToolChoice", "prepare_tool_choice", "prepare_tools"]

ToolChoice: TypeAlias = (
    Literal["auto", "none", "required"] | LanguageModelV4ToolChoiceTool | Mapping[str, str]
)
"""Whether and which tool the model must call: ``"auto"`` (the default), ``"none"``,
``"required"``, or one tool: ``LanguageModelV4ToolChoiceTool(tool_name=…)`` or
``{"type": "tool", "tool_name": …}`` (``toolName`` also accepted)."""

_STRING_CHOICES = {
    "auto": LanguageModelV4ToolChoiceAuto,
    "none": LanguageModelV4ToolChoiceNone,
    "required": LanguageModelV4ToolChoiceRequired,
}


async def prepare_tools(
    *,
    tools: ToolSet | None,
    active_tools: Sequence[str] | None = None,
    tool_order: Sequence[str] | None = None,
) -> list[LanguageModelV4Tool] | None:
    """The model's view of ``tools``; ``None`` when there are none (after filtering).

    Only ``active_tools`` are kept when given. ``tool_order`` lists names to send first, in
    that order; the other tools follow sorted by name (stable order helps prompt caching).
    """
    if tools is not None and active_tools is not None:
        tools = {name: tool for name, tool in tools.items() if name in active_tools}
    if not tools:
        return None
    return [_model_tool(name, tool) for name, tool in _ordered(tools, tool_order)]


def _ordered(tools: ToolSet, tool_order: Sequence[str] | None) -> list[tuple[str, Tool[Any, Any]]]:
    if tool_order is None:
        return list(tools.items())
    rank = {name: index for index, name in reversed(list(enumerate(tool_order)))}
    listed = sorted(
        (entry for entry in tools.items() if entry[0] in rank), key=lambda e: rank[e[0]]
    )
    rest = sorted((entry for entry in tools.items() if entry[0] not in rank), key=lambda e: e[0])
    return listed + rest


def _model_tool(name: str, tool: Tool[Any, Any]) -> LanguageModelV4Tool:
    if tool.type == "provider":
        if tool.id is None:
            raise InvalidArgumentError.for_parameter(
                "tools", name, f"provider tool {name} has no id"
            )
        return LanguageModelV4ProviderTool(id=tool.id, name=name, args=tool.args or {})
    examples = tool.input_examples
    return LanguageModelV4FunctionTool(
        name=name,
        input_schema=tool.input_schema.json_schema,
        description=tool.description,
        input_examples=None
        if examples is None
        else [
            LanguageModelV4InputExample(input=cast("JSONObject", example["input"]))
            for example in examples
        ],
        strict=tool.strict,
        provider_options=tool.provider_options,
    )


def prepare_tool_choice(tool_choice: ToolChoice | None) -> LanguageModelV4ToolChoice:
    """The spec tool choice; ``auto`` when none is given."""
    if tool_choice is None:
        return LanguageModelV4ToolChoiceAuto()
    if isinstance(tool_choice, LanguageModelV4ToolChoiceTool):
        return tool_choice
    if isinstance(tool_choice, str):
        choice = _STRING_CHOICES.get(tool_choice)
        if choice is not None:
            return choice()
    else:
        from ai_sdk_core.wire import from_wire

        try:
            return from_wire(LanguageModelV4ToolChoice, tool_choice)
        except TypeValidationError:
            pass
    raise InvalidArgumentError.for_parameter(
        "tool_choice",
        tool_choice,
        'tool_choice must be "auto", "none", "required" or {"type": "tool", "tool_name": ...}',
    )
