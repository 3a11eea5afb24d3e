"""Ports of prepare-tools.test.ts, prepare-tool-choice.test.ts and filter-active-tools.test.ts."""

from __future__ import annotations

from typing import Any

import pytest
from pydantic import BaseModel

from ai_sdk_core.errors import InvalidArgumentError
from ai_sdk_core.prompt import prepare_tool_choice, prepare_tools
from ai_sdk_core.provider import (
    LanguageModelV4FunctionTool,
    LanguageModelV4InputExample,
    LanguageModelV4ToolChoiceAuto,
    LanguageModelV4ToolChoiceNone,
    LanguageModelV4ToolChoiceRequired,
    LanguageModelV4ToolChoiceTool,
)
from ai_sdk_core.provider_utils import as_schema, json_schema
from ai_sdk_core.tools import Tool
from ai_sdk_core.wire import to_wire

EMPTY_OBJECT = {
    "$schema": "http://json-schema.org/draft-07/schema#",
    "additionalProperties": False,
    "properties": {},
    "type": "object",
}


class City(BaseModel):
    city: str


def function_tool(description: str, **options: Any) -> Tool[Any, Any]:
    return Tool(description=description, input_schema=json_schema(EMPTY_OBJECT), **options)


TOOLS: dict[str, Tool[Any, Any]] = {
    "tool1": function_tool("Tool 1 description"),
    "tool2": Tool(description="Tool 2 description", input_schema=as_schema(City)),
}
PROVIDER_TOOL: Tool[Any, Any] = Tool(
    type="provider", id="provider.tool-id", args={"key": "value"}, input_schema=json_schema({})
)


@pytest.mark.anyio
async def test_no_tools_means_none() -> None:
    assert await prepare_tools(tools=None) is None
    assert await prepare_tools(tools={}) is None


@pytest.mark.anyio
async def test_function_and_provider_tools() -> None:
    result = await prepare_tools(tools={**TOOLS, "providerTool": PROVIDER_TOOL})
    assert to_wire(result) == [
        {
            "type": "function",
            "name": "tool1",
            "description": "Tool 1 description",
            "inputSchema": EMPTY_OBJECT,
        },
        {
            "type": "function",
            "name": "tool2",
            "description": "Tool 2 description",
            "inputSchema": {
                "$schema": "http://json-schema.org/draft-07/schema#",
                "additionalProperties": False,
                "properties": {"city": {"type": "string"}},
                "required": ["city"],
                "type": "object",
            },
        },
        {
            "type": "provider",
            "id": "provider.tool-id",
            "name": "providerTool",
            "args": {"key": "value"},
        },
    ]


@pytest.mark.anyio
async def test_dynamic_tools_are_function_tools() -> None:
    result = await prepare_tools(tools={"dyn": function_tool("Dynamic", type="dynamic")})
    assert result == [
        LanguageModelV4FunctionTool(name="dyn", description="Dynamic", input_schema=EMPTY_OBJECT)
    ]


@pytest.mark.anyio
async def test_provider_options_strict_and_input_examples_pass_through() -> None:
    tool = function_tool(
        "Tool 1 description",
        provider_options={"aProvider": {"aSetting": "aValue"}},
        strict=True,
        input_examples=[{"input": {"city": "New York"}}],
    )
    assert await prepare_tools(tools={"tool1": tool}) == [
        LanguageModelV4FunctionTool(
            name="tool1",
            description="Tool 1 description",
            input_schema=EMPTY_OBJECT,
            provider_options={"aProvider": {"aSetting": "aValue"}},
            strict=True,
            input_examples=[LanguageModelV4InputExample(input={"city": "New York"})],
        )
    ]


@pytest.mark.anyio
async def test_a_provider_tool_without_id_is_rejected() -> None:
    with pytest.raises(InvalidArgumentError, match="provider tool broken has no id"):
        await prepare_tools(tools={"broken": Tool(type="provider", input_schema=json_schema({}))})


async def names(**options: Any) -> list[str]:
    result = await prepare_tools(**options)
    assert result is not None
    return [tool.name for tool in result]


@pytest.mark.anyio
async def test_partial_tool_order_then_the_rest_alphabetically() -> None:
    tools = {
        "zebra": function_tool("Zebra tool"),
        "alpha": function_tool("Alpha tool"),
        "providerTool": PROVIDER_TOOL,
        "middle": function_tool("Middle tool"),
    }
    assert await names(tools=tools, tool_order=["middle"]) == [
        "middle",
        "alpha",
        "providerTool",
        "zebra",
    ]
    assert await names(tools=tools, tool_order=["zebra", "middle"]) == [
        "zebra",
        "middle",
        "alpha",
        "providerTool",
    ]


@pytest.mark.anyio
async def test_duplicate_tool_order_entries_do_not_duplicate_tools() -> None:
    assert await names(tools=TOOLS, tool_order=["tool2", "tool2"]) == ["tool2", "tool1"]


@pytest.mark.anyio
async def test_without_tool_order_the_mapping_order_is_kept() -> None:
    assert await names(tools={"b": TOOLS["tool1"], "a": TOOLS["tool2"]}) == ["b", "a"]


@pytest.mark.anyio
async def test_active_tools_filter_the_tool_set() -> None:
    tools = {**TOOLS, "providerTool": PROVIDER_TOOL}
    assert await names(tools=tools, active_tools=["tool1", "providerTool"]) == [
        "tool1",
        "providerTool",
    ]
    assert await prepare_tools(tools=tools, active_tools=[]) is None
    assert await prepare_tools(tools=None, active_tools=["tool1"]) is None


@pytest.mark.parametrize(
    ("tool_choice", "expected"),
    [
        (None, LanguageModelV4ToolChoiceAuto()),
        ("auto", LanguageModelV4ToolChoiceAuto()),
        ("none", LanguageModelV4ToolChoiceNone()),
        ("required", LanguageModelV4ToolChoiceRequired()),
        (
            LanguageModelV4ToolChoiceTool(tool_name="tool2"),
            LanguageModelV4ToolChoiceTool(tool_name="tool2"),
        ),
        ({"type": "tool", "tool_name": "tool2"}, LanguageModelV4ToolChoiceTool(tool_name="tool2")),
        ({"type": "tool", "toolName": "tool2"}, LanguageModelV4ToolChoiceTool(tool_name="tool2")),
    ],
)
def test_prepare_tool_choice(tool_choice: Any, expected: object) -> None:
    assert prepare_tool_choice(tool_choice) == expected


@pytest.mark.parametrize("tool_choice", ["sometimes", {"type": "tool"}, {"type": "other"}])
def test_an_invalid_tool_choice_raises(tool_choice: Any) -> None:
    with pytest.raises(InvalidArgumentError) as caught:
        prepare_tool_choice(tool_choice)
    assert caught.value.parameter == "tool_choice"
    assert caught.value.value == tool_choice
