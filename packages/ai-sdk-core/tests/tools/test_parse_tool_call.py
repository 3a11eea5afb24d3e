"""Port of parse-tool-call.test.ts, plus pydantic and function schemas."""

from __future__ import annotations

from typing import Any

import pytest
from pydantic import BaseModel

from ai_sdk_core.errors import (
    InvalidToolInputError,
    JSONParseError,
    NoSuchToolError,
    ToolCallRepairError,
    TypeValidationError,
)
from ai_sdk_core.generate_text import ToolCall
from ai_sdk_core.prompt import UserModelMessage
from ai_sdk_core.provider import LanguageModelV4ToolCall
from ai_sdk_core.provider_utils import json_schema
from ai_sdk_core.tools import RepairToolCallOptions, Tool, dynamic_tool, tool
from ai_sdk_core.tools._parse_tool_call import parse_tool_call

pytestmark = pytest.mark.anyio


class Params(BaseModel):
    param1: str
    param2: float


PARAMS_SCHEMA = {
    "type": "object",
    "properties": {"param1": {"type": "string"}, "param2": {"type": "number"}},
    "required": ["param1", "param2"],
}


def validating_tool(**options: Any) -> Tool[Any, Any]:
    """A tool whose dict input must have ``param1`` (str) and ``param2`` (number)."""

    def validate(value: Any) -> Any:
        if not isinstance(value.get("param1"), str) or not isinstance(value.get("param2"), int):
            raise ValueError("param1 must be a string and param2 a number")
        return value

    return Tool(input_schema=json_schema(PARAMS_SCHEMA, validate), **options)


def call(input: str, tool_name: str = "testTool", **fields: Any) -> LanguageModelV4ToolCall:
    return LanguageModelV4ToolCall(tool_call_id="123", tool_name=tool_name, input=input, **fields)


async def parse(
    tool_call: LanguageModelV4ToolCall, tools: dict[str, Tool[Any, Any]] | None, **options: Any
) -> ToolCall:
    return await parse_tool_call(tool_call=tool_call, tools=tools, messages=[], **options)


class TestValidCalls:
    async def test_valid_tool_call(self) -> None:
        result = await parse(
            call('{"param1": "test", "param2": 42}'), {"testTool": validating_tool()}
        )

        assert result == ToolCall(
            tool_call_id="123", tool_name="testTool", input={"param1": "test", "param2": 42}
        )

    async def test_pydantic_input_is_a_model_instance(self) -> None:
        tools = {"testTool": tool(input_schema=Params)}

        result = await parse(call('{"param1": "test", "param2": 42}'), tools)

        assert result.input == Params(param1="test", param2=42)
        assert result.invalid is None

    async def test_function_schema_input_is_the_keyword_arguments(self) -> None:
        def test_tool(param1: str, param2: int = 7) -> str:
            return param1

        result = await parse(call('{"param1": "x"}'), {"testTool": tool(execute=test_tool)})

        assert result.input == {"param1": "x", "param2": 7}

    async def test_provider_metadata_is_kept(self) -> None:
        result = await parse(
            call(
                '{"param1": "test", "param2": 42}',
                provider_metadata={"testProvider": {"signature": "sig"}},
            ),
            {"testTool": validating_tool()},
        )

        assert result.provider_metadata == {"testProvider": {"signature": "sig"}}
        assert result.provider_executed is None

    @pytest.mark.parametrize("tools", [{}, None])
    async def test_provider_executed_dynamic_call_needs_no_tool(
        self, tools: dict[str, Tool[Any, Any]] | None
    ) -> None:
        result = await parse(
            call(
                '{"param1": "test", "param2": 42}',
                provider_executed=True,
                dynamic=True,
                provider_metadata={"testProvider": {"signature": "sig"}},
            ),
            tools,
        )

        assert result == ToolCall(
            tool_call_id="123",
            tool_name="testTool",
            input={"param1": "test", "param2": 42},
            provider_executed=True,
            dynamic=True,
            provider_metadata={"testProvider": {"signature": "sig"}},
        )

    async def test_provider_executed_dynamic_call_with_empty_input(self) -> None:
        result = await parse(call(" ", provider_executed=True, dynamic=True), None)

        assert result.input == {}
        assert result.invalid is None

    @pytest.mark.parametrize("input", ["", "  ", "{}"])
    async def test_empty_input_is_an_empty_object(self, input: str) -> None:
        seen: list[Any] = []

        def validate(value: Any) -> Any:
            seen.append(value)
            return value

        result = await parse(
            call(input), {"testTool": Tool(input_schema=json_schema({}, validate))}
        )

        assert result.input == {}
        assert seen == [{}]

    async def test_dynamic_tool_calls_are_dynamic(self) -> None:
        tools = {"testTool": dynamic_tool(input_schema=PARAMS_SCHEMA, execute=lambda i: "x")}

        result = await parse(call('{"param1": "test", "param2": 42}'), tools)

        assert result.dynamic is True
        assert result.invalid is None

    async def test_refine_tool_input(self) -> None:
        async def trim(input: dict[str, str]) -> dict[str, str]:
            return {"value": input["value"].strip()}

        result = await parse(
            call('{"value": " raw "}'),
            {"testTool": tool(input_schema={"type": "object"})},
            refine_tool_input={"testTool": trim, "otherTool": lambda input: "wrong"},
        )

        assert result.input == {"value": "raw"}


class TestInvalidCalls:
    async def test_no_tools(self) -> None:
        result = await parse(call("{}"), None)

        assert result.invalid is True
        assert result.dynamic is True
        assert result.input == {}
        assert isinstance(result.error, NoSuchToolError)
        assert str(result.error) == (
            "Model tried to call unavailable tool 'testTool'. No tools are available."
        )

    async def test_unknown_tool(self) -> None:
        result = await parse(
            call("{}", tool_name="nonExistentTool"), {"testTool": validating_tool()}
        )

        assert result.invalid is True
        assert result.tool_name == "nonExistentTool"
        assert isinstance(result.error, NoSuchToolError)
        assert str(result.error) == (
            "Model tried to call unavailable tool 'nonExistentTool'. Available tools: testTool."
        )
        assert result.error.available_tools == ["testTool"]

    async def test_input_that_does_not_match_the_schema(self) -> None:
        result = await parse(call('{"param1": "test"}'), {"testTool": tool(input_schema=Params)})

        assert result.invalid is True
        assert result.dynamic is True
        assert result.input == {"param1": "test"}  # the parsed JSON
        assert isinstance(result.error, InvalidToolInputError)
        assert result.error.tool_name == "testTool"
        assert result.error.tool_input == '{"param1": "test"}'
        assert isinstance(result.error.cause, TypeValidationError)
        assert str(result.error).startswith(
            "Invalid input for tool testTool: AI_TypeValidationError: Type validation failed: "
            'Value: {"param1":"test"}.'
        )

    async def test_invalid_json_keeps_the_raw_text(self) -> None:
        result = await parse(call("invalid json"), {"testTool": validating_tool()})

        assert result.invalid is True
        assert result.input == "invalid json"
        assert isinstance(result.error, InvalidToolInputError)
        assert isinstance(result.error.cause, JSONParseError)
        assert str(result.error).startswith(
            "Invalid input for tool testTool: AI_JSONParseError: JSON parsing failed: "
            "Text: invalid json."
        )

    async def test_invalid_call_keeps_provider_fields(self) -> None:
        result = await parse(
            call("invalid", provider_executed=True, provider_metadata={"p": {"k": 1}}),
            {"testTool": validating_tool()},
        )

        assert result.provider_executed is True
        assert result.provider_metadata == {"p": {"k": 1}}

    async def test_refinement_error_makes_the_call_invalid(self) -> None:
        error = RuntimeError("cannot refine")

        def refine(input: Any) -> Any:
            raise error

        result = await parse(
            call('{"param1": "test", "param2": 42}'),
            {"testTool": validating_tool()},
            refine_tool_input={"testTool": refine},
        )

        assert result.invalid is True
        assert result.error is error


class TestRepair:
    async def test_repaired_call_is_used(self) -> None:
        received: list[RepairToolCallOptions] = []
        messages = [UserModelMessage(content="test message")]
        tools = {"testTool": validating_tool()}

        async def repair(options: RepairToolCallOptions) -> LanguageModelV4ToolCall:
            received.append(options)
            return call('{"param1": "test", "param2": 42}')

        original = call("invalid json")
        result = await parse_tool_call(
            tool_call=original,
            tools=tools,
            repair_tool_call=repair,
            messages=messages,
            instructions="test instructions",
        )

        assert result == ToolCall(
            tool_call_id="123", tool_name="testTool", input={"param1": "test", "param2": 42}
        )
        [options] = received
        assert options.tool_call is original
        assert options.tools is tools
        assert options.messages is messages
        assert options.instructions == "test instructions"
        assert isinstance(options.error, InvalidToolInputError)
        assert await options.input_schema("testTool") == PARAMS_SCHEMA
        assert (await options.input_schema("unknown"))["properties"] == {}

    async def test_sync_repair_of_an_unknown_tool(self) -> None:
        errors: list[Exception] = []

        def repair(options: RepairToolCallOptions) -> LanguageModelV4ToolCall:
            errors.append(options.error)
            return call(options.tool_call.input, tool_name="testTool")

        result = await parse(
            call('{"param1": "a", "param2": 1}', tool_name="test_tool"),
            {"testTool": validating_tool()},
            repair_tool_call=repair,
        )

        assert result.tool_name == "testTool"
        assert result.invalid is None
        assert [type(error) for error in errors] == [NoSuchToolError]

    async def test_repair_returning_none_keeps_the_original_error(self) -> None:
        result = await parse(
            call("invalid json"), {"testTool": validating_tool()}, repair_tool_call=lambda o: None
        )

        assert result.invalid is True
        assert result.input == "invalid json"
        assert isinstance(result.error, InvalidToolInputError)
        assert isinstance(result.error.cause, JSONParseError)

    async def test_repair_that_raises(self) -> None:
        failure = RuntimeError("test error")

        async def repair(options: RepairToolCallOptions) -> LanguageModelV4ToolCall:
            raise failure

        result = await parse(
            call("invalid json"), {"testTool": validating_tool()}, repair_tool_call=repair
        )

        assert result.invalid is True
        assert result.input == "invalid json"
        assert isinstance(result.error, ToolCallRepairError)
        assert result.error.cause is failure
        assert isinstance(result.error.original_error, InvalidToolInputError)
        assert str(result.error) == "Error repairing tool call: RuntimeError: test error"

    async def test_repaired_call_that_is_still_invalid(self) -> None:
        result = await parse(
            call("invalid json"),
            {"testTool": validating_tool()},
            repair_tool_call=lambda options: call('{"param1": 1}'),
        )

        assert result.invalid is True
        assert result.input == "invalid json"  # the original call's input
        assert isinstance(result.error, InvalidToolInputError)
        assert result.error.tool_input == '{"param1": 1}'

    async def test_repair_is_not_used_without_tools(self) -> None:
        calls: list[RepairToolCallOptions] = []

        result = await parse(call("{}"), None, repair_tool_call=calls.append)

        assert calls == []
        assert isinstance(result.error, NoSuchToolError)


class TestTitleAndMetadata:
    async def test_title_of_a_dynamic_tool(self) -> None:
        tools = {
            "weather": dynamic_tool(
                title="Weather Information", input_schema={"type": "object"}, execute=str
            )
        }

        result = await parse(call('{"location":"Paris"}', tool_name="weather"), tools)

        assert result.title == "Weather Information"
        assert result.dynamic is True

    async def test_title_of_a_static_tool(self) -> None:
        tools = {"calculator": tool(title="Calculator", input_schema={"type": "object"})}

        result = await parse(call('{"a":5,"b":3}', tool_name="calculator"), tools)

        assert result.title == "Calculator"
        assert result.dynamic is None

    async def test_title_of_an_invalid_call(self) -> None:
        tools = {"invalidTool": validating_tool(title="Invalid Tool")}

        result = await parse(call("invalid json", tool_name="invalidTool"), tools)

        assert result.invalid is True
        assert result.title == "Invalid Tool"

    @pytest.mark.parametrize("make_tool", [tool, dynamic_tool])
    async def test_tool_metadata_is_propagated(self, make_tool: Any) -> None:
        tools = {
            "weather": make_tool(
                metadata={"clientName": "MyMCPClient"}, input_schema={"type": "object"}
            )
        }

        result = await parse(
            call(
                '{"location":"Paris"}',
                tool_name="weather",
                provider_metadata={"anthropic": {"cacheControl": {"type": "ephemeral"}}},
            ),
            tools,
        )

        assert result.tool_metadata == {"clientName": "MyMCPClient"}
        assert result.provider_metadata == {"anthropic": {"cacheControl": {"type": "ephemeral"}}}

    async def test_tool_metadata_of_an_invalid_call(self) -> None:
        tools = {"weather": validating_tool(metadata={"clientName": "MyMCPClient"})}

        result = await parse(call("invalid json", tool_name="weather"), tools)

        assert result.invalid is True
        assert result.tool_metadata == {"clientName": "MyMCPClient"}
