"""A tool loop: the model calls ``get_weather``, then answers with its result.

``python examples/tools.py``. Small local models rarely call tools unprompted; the prompt
starts with six worked examples (few-shot: question, tool call, result, answer) so that even a
135M-parameter model (SmolLM2-135M on llama.cpp) calls the tool and then answers; with three it
does not. Larger models do not need them.
"""

from __future__ import annotations

import asyncio
import json
from typing import Any

from _settings import MODEL, provider

from ai_sdk_core import generate_text, is_step_count, tool


def get_weather(city: str) -> dict[str, Any]:
    """Get the weather for a city."""
    return {"city": city, "forecast": "sunny", "temperature_c": 21}


def few_shot(city: str, call_id: str) -> list[dict[str, Any]]:
    call = {
        "type": "tool-call",
        "toolCallId": call_id,
        "toolName": "get_weather",
        "input": {"city": city},
    }
    result = {
        "type": "tool-result",
        "toolCallId": call_id,
        "toolName": "get_weather",
        "output": {"type": "json", "value": get_weather(city)},
    }
    return [
        {"role": "user", "content": f"What is the weather in {city}?"},
        {"role": "assistant", "content": [call]},
        {"role": "tool", "content": [result]},
        {"role": "assistant", "content": f"It is sunny in {city}."},
    ]


async def main() -> None:
    messages = [
        *few_shot("London", "call_1"),
        *few_shot("Berlin", "call_2"),
        *few_shot("Rome", "call_3"),
        *few_shot("Madrid", "call_4"),
        *few_shot("Vienna", "call_5"),
        *few_shot("Lisbon", "call_6"),
        {"role": "user", "content": "What is the weather in Paris?"},
    ]
    result = await generate_text(
        model=provider()(MODEL),
        system="You are a function-calling assistant. Always answer by calling a tool.",
        messages=messages,
        tools={"get_weather": tool(get_weather)},
        stop_when=is_step_count(2),
        max_output_tokens=64,
        temperature=0,
    )
    for step in result.steps:
        for call in step.tool_calls:
            print(f"tool call: {call.tool_name}({json.dumps(call.input)})")
        for tool_result in step.tool_results:
            print(f"tool result: {json.dumps(tool_result.output)}")
    print(f"answer: {result.text}")


if __name__ == "__main__":
    asyncio.run(main())
