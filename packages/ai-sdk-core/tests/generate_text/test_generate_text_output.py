"""Port of generate-text.test.ts, "options.output": structured output of ``generate_text``."""

from __future__ import annotations

from typing import Any

import pytest
from pydantic import BaseModel

from ai_sdk_core import generate_text
from ai_sdk_core.errors import NoObjectGeneratedError, NoOutputGeneratedError, TypeValidationError
from ai_sdk_core.generate_text import FinishEvent, Output
from ai_sdk_core.provider import LanguageModelV4Text
from ai_sdk_core.wire import to_wire

from ._helpers import (
    ValueInput,
    call,
    model_of,
    prompt_of,
    result,
    text_result,
    tool_call,
    value_tool,
)

pytestmark = pytest.mark.anyio


# --- output --------------------------------------------------------------------------------


class Person(BaseModel):
    name: str
    age: int


class Content(BaseModel):
    content: str


class TestOutput:
    async def test_default_output_is_the_text(self) -> None:
        model = model_of(text_result())
        response = await generate_text(model=model, prompt="prompt")
        assert response.output == "Hello, world!"
        assert model.do_generate_calls[0].response_format is None

    async def test_text_output(self) -> None:
        model = model_of(text_result())
        response = await generate_text(model=model, prompt="prompt", output=Output.text())
        assert response.output == "Hello, world!"
        assert to_wire(model.do_generate_calls[0].response_format) == {"type": "text"}
        assert prompt_of(model.do_generate_calls[0]) == [
            {"role": "user", "content": [{"type": "text", "text": "prompt"}]}
        ]

    async def test_object_output_with_a_pydantic_model(self) -> None:
        model = model_of(text_result('{ "name": "Ada", "age": 36 }'))
        response = await generate_text(
            model=model,
            prompt="prompt",
            output=Output.object(schema=Person, name="person", description="A person."),
        )

        assert response.output == Person(name="Ada", age=36)
        assert isinstance(response.output, Person)
        assert to_wire(model.do_generate_calls[0].response_format) == {
            "type": "json",
            "name": "person",
            "description": "A person.",
            "schema": {
                "$schema": "http://json-schema.org/draft-07/schema#",
                "additionalProperties": False,
                "properties": {
                    "name": {"type": "string"},
                    "age": {"type": "integer"},
                },
                "required": ["name", "age"],
                "type": "object",
            },
        }

    async def test_array_output(self) -> None:
        model = model_of(
            text_result(
                '{"elements": [{"content": "element 1"}, {"content": "element 2"},'
                ' {"content": "element 3"}]}'
            )
        )
        response = await generate_text(
            model=model, prompt="prompt", output=Output.array(element=Content)
        )

        assert response.output == [
            Content(content="element 1"),
            Content(content="element 2"),
            Content(content="element 3"),
        ]
        response_format = to_wire(model.do_generate_calls[0].response_format)
        assert response_format["schema"]["required"] == ["elements"]
        assert response_format["schema"]["properties"]["elements"]["type"] == "array"

    async def test_choice_output(self) -> None:
        model = model_of(text_result('{"result": "sunny"}'))
        response = await generate_text(
            model=model,
            prompt="prompt",
            output=Output.choice(options=["sunny", "rainy", "snowy"]),
        )

        assert response.output == "sunny"
        assert to_wire(model.do_generate_calls[0].response_format) == {
            "type": "json",
            "schema": {
                "$schema": "http://json-schema.org/draft-07/schema#",
                "additionalProperties": False,
                "properties": {"result": {"enum": ["sunny", "rainy", "snowy"], "type": "string"}},
                "required": ["result"],
                "type": "object",
            },
        }

    async def test_json_output(self) -> None:
        model = model_of(text_result('{"anything": [1, true, null]}'))
        response = await generate_text(model=model, prompt="prompt", output=Output.json())
        assert response.output == {"anything": [1, True, None]}
        assert to_wire(model.do_generate_calls[0].response_format) == {"type": "json"}

    @pytest.mark.parametrize("finish_reason", ["length", "tool-calls", "content-filter"])
    async def test_no_output_unless_the_final_step_stopped(self, finish_reason: Any) -> None:
        response = await generate_text(
            model=model_of(
                result(LanguageModelV4Text(text='{"value": "x"}'), finish_reason=finish_reason)
            ),
            prompt="prompt",
            output=Output.object(schema=ValueInput),
        )
        with pytest.raises(NoOutputGeneratedError, match="No output generated"):
            _ = response.output
        assert response.text == '{"value": "x"}'

    async def test_output_not_parsed_after_tool_calls(self) -> None:
        response = await generate_text(
            model=model_of(call(tool_call(input='{ "value": "test" }'))),
            prompt="prompt",
            output=Output.object(schema=Person),
            tools={"tool1": value_tool()},
        )
        with pytest.raises(NoOutputGeneratedError):
            _ = response.output
        assert len(response.tool_calls) == 1
        assert len(response.tool_results) == 1

    async def test_unparsable_json_raises_no_object_generated(self) -> None:
        with pytest.raises(NoObjectGeneratedError, match="could not parse") as raised:
            await generate_text(
                model=model_of(text_result('{ "name": broken')),
                prompt="prompt",
                output=Output.object(schema=Person),
            )
        error = raised.value
        assert error.text == '{ "name": broken'
        assert error.finish_reason == "stop"
        assert error.usage is not None
        assert error.usage.total_tokens == 13
        assert error.response is not None
        assert error.response.model_id == "mock-model-id"

    async def test_json_not_matching_the_schema_raises_no_object_generated(self) -> None:
        with pytest.raises(NoObjectGeneratedError, match="did not match schema") as raised:
            await generate_text(
                model=model_of(text_result('{ "name": "Ada", "age": "old" }')),
                prompt="prompt",
                output=Output.object(schema=Person),
            )
        assert isinstance(raised.value.cause, TypeValidationError)

    async def test_output_callbacks_run_before_parsing_fails(self) -> None:
        finished: list[FinishEvent] = []
        with pytest.raises(NoObjectGeneratedError):
            await generate_text(
                model=model_of(text_result("not json")),
                prompt="prompt",
                output=Output.json(),
                on_finish=finished.append,
            )
        assert len(finished) == 1  # as in TS: on_end fires, then the output is parsed
