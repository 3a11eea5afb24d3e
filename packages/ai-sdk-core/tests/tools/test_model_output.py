"""Port of create-tool-model-output.test.ts, plus Python values that are not plain JSON."""

from __future__ import annotations

import dataclasses
from typing import Any

import pytest
from pydantic import BaseModel, Field

from ai_sdk_core.errors import NoSuchToolError
from ai_sdk_core.provider import (
    LanguageModelV4ToolResultContentText,
    LanguageModelV4ToolResultOutputContent,
    LanguageModelV4ToolResultOutputErrorJson,
    LanguageModelV4ToolResultOutputErrorText,
    LanguageModelV4ToolResultOutputJson,
    LanguageModelV4ToolResultOutputText,
)
from ai_sdk_core.tools import Tool, ToolModelOutputOptions, tool
from ai_sdk_core.tools._model_output import create_tool_model_output, to_json_value

pytestmark = pytest.mark.anyio

Text = LanguageModelV4ToolResultOutputText
Json = LanguageModelV4ToolResultOutputJson
ErrorText = LanguageModelV4ToolResultOutputErrorText
ErrorJson = LanguageModelV4ToolResultOutputErrorJson


async def model_output(
    output: Any,
    error_mode: Any = "none",
    tool: Tool[Any, Any] | None = None,
    input: Any = None,
    tool_call_id: str = "123",
) -> Any:
    return await create_tool_model_output(
        tool_call_id=tool_call_id,
        input={} if input is None else input,
        output=output,
        tool=tool,
        error_mode=error_mode,
    )


class TestErrors:
    async def test_error_text_of_a_string(self) -> None:
        assert await model_output("Error message", "text") == ErrorText(value="Error message")

    async def test_error_text_of_an_object_is_compact_json(self) -> None:
        assert await model_output({"error": "Something went wrong", "code": 500}, "text") == (
            ErrorText(value='{"error":"Something went wrong","code":500}')
        )

    async def test_error_text_of_a_nested_object(self) -> None:
        error = {"message": "Complex error", "details": {"stack": ["line1", "line2"]}}

        assert await model_output(error, "text") == ErrorText(
            value='{"message":"Complex error","details":{"stack":["line1","line2"]}}'
        )

    async def test_error_text_of_an_exception(self) -> None:
        assert await model_output(ValueError("bad input"), "text") == ErrorText(
            value="ValueError: bad input"
        )

    async def test_error_text_of_none(self) -> None:
        assert await model_output(None, "text") == ErrorText(value="unknown error")

    async def test_error_json(self) -> None:
        assert await model_output(None, "json") == ErrorJson(value=None)
        assert await model_output({"code": 1}, "json") == ErrorJson(value={"code": 1})

    async def test_error_json_of_an_exception(self) -> None:
        error = NoSuchToolError(tool_name="x", available_tools=["a"])

        assert await model_output(error, "json") == ErrorJson(
            value={
                "name": "AI_NoSuchToolError",
                "message": "Model tried to call unavailable tool 'x'. Available tools: a.",
                "toolName": "x",
                "availableTools": ["a"],
            }
        )

    async def test_error_mode_wins_over_to_model_output(self) -> None:
        t = tool(input_schema={}, to_model_output=lambda options: Text(value="not called"))

        assert await model_output("Error occurred", "text", t) == ErrorText(value="Error occurred")


class TestToModelOutput:
    async def test_receives_call_id_input_and_output(self) -> None:
        seen: list[ToolModelOutputOptions[Any, Any]] = []

        def to_model_output(options: ToolModelOutputOptions[Any, Any]) -> Any:
            seen.append(options)
            return Text(value=f"Custom output: {options.output}")

        t = tool(input_schema={}, to_model_output=to_model_output)

        result = await model_output(
            "test output", tool=t, input={"number": 8877}, tool_call_id="2344"
        )

        assert result == Text(value="Custom output: test output")
        assert seen == [
            ToolModelOutputOptions(
                tool_call_id="2344", input={"number": 8877}, output="test output"
            )
        ]

    async def test_async_and_content_output(self) -> None:
        content = LanguageModelV4ToolResultOutputContent(
            value=[
                LanguageModelV4ToolResultContentText(text="Here is the result:"),
                LanguageModelV4ToolResultContentText(text="Additional information"),
            ]
        )

        async def to_model_output(options: ToolModelOutputOptions[Any, Any]) -> Any:
            return content

        t = tool(input_schema={}, to_model_output=to_model_output)

        assert await model_output({"data": [1, 2, 3]}, tool=t) is content

    async def test_method_of_an_object_keeps_self(self) -> None:
        class Celsius:
            unit = "°C"

            def to_model_output(self, options: ToolModelOutputOptions[Any, Any]) -> Any:
                return Text(value=f"{options.output}{self.unit}")

        t = tool(input_schema={}, to_model_output=Celsius().to_model_output)

        assert await model_output("21", tool=t) == Text(value="21°C")


class TestDefaultOutput:
    @pytest.mark.parametrize("output", ["Simple string output", ""])
    async def test_string_is_text(self, output: str) -> None:
        assert await model_output(output) == Text(value=output)
        assert await model_output(output, tool=tool(input_schema={})) == Text(value=output)

    @pytest.mark.parametrize(
        "output",
        [
            {"result": "success", "data": [1, 2, 3]},
            [1, 2, 3, "test"],
            42,
            True,
            None,
            {"user": {"id": 123, "preferences": {"theme": "dark"}}, "items": [{"id": 1}]},
        ],
    )
    async def test_anything_else_is_json(self, output: Any) -> None:
        assert await model_output(output) == Json(value=output)

    async def test_python_objects_become_plain_json(self) -> None:
        class Forecast(BaseModel):
            high_c: int = Field(alias="highC")

        @dataclasses.dataclass
        class Day:
            name: str
            forecast: Forecast

        output = (Day(name="mon", forecast=Forecast(highC=21)), {"raw": b"\x01\x02"})

        assert await model_output(output) == Json(
            value=[{"name": "mon", "forecast": {"highC": 21}}, {"raw": "AQI="}]
        )


def test_to_json_value_of_unknown_objects() -> None:
    class Opaque:
        def __str__(self) -> str:
            return "opaque"

    assert to_json_value({"value": Opaque(), "error": KeyError("k")}) == {
        "value": "opaque",
        "error": {"name": "KeyError", "message": "'k'"},
    }
