"""JSON-schema output and the multi-step tool loop against llama-server (SmolLM2-135M)."""

from __future__ import annotations

import json
from typing import Any

import pytest
from pydantic import BaseModel

from ai_sdk import (
    ModelMessage,
    Output,
    ToolCallPart,
    ToolResultPart,
    generate_text,
    is_step_count,
    stream_text,
    tool,
)
from ai_sdk.providers.openai_compatible import OpenAICompatibleProvider

pytestmark = pytest.mark.anyio

TIMEOUT = 300.0  # seconds for a whole call: other load can slow the model down 10-100x


class Person(BaseModel):
    name: str
    age: int


async def test_output_object_sends_the_json_schema_and_parses_the_reply(
    llama: OpenAICompatibleProvider,
) -> None:
    result = await generate_text(
        model=llama("smollm2"),
        output=Output.object(schema=Person, name="person"),
        prompt="Give me a person named Alice aged 30 as JSON.",
        max_output_tokens=64,
        temperature=0,
        timeout=TIMEOUT,
    )

    assert isinstance(result.output, Person)  # the grammar made the model follow the schema
    assert json.loads(result.text) == result.output.model_dump()
    assert result.finish_reason == "stop"
    assert result.warnings == []  # json_schema is supported: no fallback to json_object


async def test_streamed_output_object_grows_into_the_parsed_value(
    llama: OpenAICompatibleProvider,
) -> None:
    result = stream_text(
        model=llama("smollm2"),
        output=Output.object(schema=Person, name="person"),
        prompt="Give me a person named Bob aged 41 as JSON.",
        max_output_tokens=64,
        temperature=0,
        timeout=TIMEOUT,
    )

    partials = [partial async for partial in result.partial_output_stream]
    output = await result.output

    assert isinstance(output, Person)
    assert len(partials) > 1
    assert partials[-1] == output.model_dump()


def get_weather(city: str) -> dict[str, Any]:
    """Get the current weather for a city."""
    return {"city": city, "forecast": "sunny", "temperature_c": 21}


def few_shot(cities: list[str]) -> list[ModelMessage | dict[str, Any]]:
    """Worked examples (question, tool call, result, answer): with six of them even a 135M
    model calls the tool, and answers after the result."""
    messages: list[ModelMessage | dict[str, Any]] = []
    for index, city in enumerate(cities):
        call = {
            "type": "tool-call",
            "toolCallId": f"call_{index}",
            "toolName": "get_weather",
            "input": {"city": city},
        }
        output = {"type": "json", "value": get_weather(city)}
        messages += [
            {"role": "user", "content": f"What is the weather in {city}?"},
            {"role": "assistant", "content": [call]},
            {"role": "tool", "content": [{**call, "type": "tool-result", "output": output}]},
            {"role": "assistant", "content": f"It is sunny in {city}, 21 °C."},
        ]
    return messages


CITIES = ["London", "Berlin", "Rome", "Madrid", "Vienna", "Lisbon"]
SYSTEM = "You are a function-calling assistant. Always answer by calling a tool."


def _messages(city: str) -> list[ModelMessage | dict[str, Any]]:
    return [*few_shot(CITIES), {"role": "user", "content": f"What is the weather in {city}?"}]


async def test_tool_loop_calls_the_tool_then_answers(llama: OpenAICompatibleProvider) -> None:
    calls: list[str] = []

    def weather(city: str) -> dict[str, Any]:
        """Get the current weather for a city."""
        calls.append(city)
        return get_weather(city)

    result = await generate_text(
        model=llama("smollm2"),
        system=SYSTEM,
        messages=_messages("Paris"),
        tools={"get_weather": tool(weather)},
        stop_when=is_step_count(3),
        max_output_tokens=64,
        temperature=0,
        timeout=TIMEOUT,
    )

    first, second = result.steps  # a tool step, then an answer
    assert first.finish_reason == "tool-calls"
    [call] = first.tool_calls
    assert call.tool_name == "get_weather"
    assert isinstance(call.input, dict)
    assert isinstance(call.input.get("city"), str)
    assert calls == [call.input["city"]]  # the SDK ran the tool once, with the model's input
    [tool_result] = first.tool_results
    assert tool_result.tool_call_id == call.tool_call_id
    assert tool_result.output == get_weather(calls[0])
    assert second.finish_reason == "stop"
    assert second.tool_calls == []
    assert second.text.strip()
    # the call and its result are the messages the loop sent back to the model
    tool_messages = [m for m in result.response_messages if m.role == "tool"]
    assert isinstance(tool_messages[0].content[0], ToolResultPart)
    assert isinstance(result.response_messages[0].content[0], ToolCallPart)


async def test_streamed_tool_loop_has_tool_parts_and_a_final_answer(
    llama: OpenAICompatibleProvider,
) -> None:
    result = stream_text(
        model=llama("smollm2"),
        system=SYSTEM,
        messages=_messages("Tokyo"),
        tools={"get_weather": tool(get_weather)},
        stop_when=is_step_count(3),
        max_output_tokens=64,
        temperature=0,
        timeout=TIMEOUT,
    )

    kinds = [part.type async for part in result.full_stream]
    steps = await result.steps

    assert kinds.count("start-step") == 2
    first_step = kinds[: kinds.index("finish-step") + 1]
    for kind in (
        "tool-input-start",
        "tool-input-delta",
        "tool-input-end",
        "tool-call",
        "tool-result",
    ):
        assert kind in first_step
    assert (
        first_step.index("tool-input-end")
        < first_step.index("tool-call")
        < first_step.index("tool-result")
    )
    assert [step.finish_reason for step in steps] == ["tool-calls", "stop"]
    assert steps[0].tool_calls[0].tool_name == "get_weather"
    assert (await result.text).strip()
    assert (await result.total_usage).input_tokens == sum(
        step.usage.input_tokens or 0 for step in steps
    )
