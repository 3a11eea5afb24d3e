"""``StreamTextResult``: the text stream, several readers of one generation, and the awaitable
results (port of stream-text.test.ts ``result.textStream``, ``multiple stream consumption``,
``result.*`` and ``result.consumeStream``)."""

from __future__ import annotations

from typing import Any

import anyio
import anyio.lowlevel
import pytest

from ai_sdk_core import (
    AssistantModelMessage,
    TextPart,
    ToolCallPart,
    ToolModelMessage,
    ToolResultPart,
    tool,
)
from ai_sdk_core.generate_text import (
    FinishEvent,
    StepResult,
    TextOutput,
    ToolCall,
    ToolResult,
    is_step_count,
)
from ai_sdk_core.provider import (
    LanguageModelV4ReasoningDelta,
    LanguageModelV4ReasoningEnd,
    LanguageModelV4ReasoningStart,
    LanguageModelV4StreamResponseInfo,
    LanguageModelV4StreamStart,
    LanguageModelV4ToolResultOutputText,
    SharedV4UnsupportedWarning,
)
from ai_sdk_core.testing import stream_result

from .stream_text_support import (
    EPOCH,
    GatedStream,
    collect,
    finish,
    gated_model,
    metadata,
    model,
    stream,
    text,
    text_step,
    tool_call,
    types,
    usage,
)

pytestmark = pytest.mark.anyio


def two_step_model() -> Any:
    """Step 1 calls tool1 (after some text), step 2 answers with text."""
    return model(
        [
            LanguageModelV4StreamStart(warnings=[SharedV4UnsupportedWarning(feature="seed")]),
            metadata("id-0"),
            *text("thinking "),
            tool_call("call-1", "tool1", '{"value":"value"}'),
            finish("tool-calls", tokens=usage(3, 10), provider_metadata={"p": {"step": 1}}),
        ],
        [
            LanguageModelV4StreamStart(warnings=[]),
            metadata("id-1", "model-2"),
            LanguageModelV4ReasoningStart(id="r"),
            LanguageModelV4ReasoningDelta(id="r", delta="because"),
            LanguageModelV4ReasoningEnd(id="r"),
            *text("Hello, ", "world!"),
            finish(
                "stop", raw="end_turn", tokens=usage(5, 7), provider_metadata={"p": {"step": 2}}
            ),
        ],
    )


def two_step_tools() -> Any:
    return {
        "tool1": tool(
            input_schema={"type": "object", "properties": {"value": {"type": "string"}}},
            execute=lambda value: "result1",
        )
    }


async def test_text_stream_has_the_text_deltas_of_every_step_only() -> None:
    result = stream(model=two_step_model(), tools=two_step_tools(), stop_when=is_step_count(2))
    assert [delta async for delta in result.text_stream] == ["thinking ", "Hello, ", "world!"]


async def test_nothing_runs_until_the_result_is_consumed() -> None:
    mock = model(text_step("Hello"))
    result = stream(model=mock)
    await anyio.lowlevel.checkpoint()
    assert mock.do_stream_calls == []
    assert await result.text == "Hello"
    assert len(mock.do_stream_calls) == 1


async def test_awaiting_a_result_consumes_the_stream() -> None:
    finished: list[FinishEvent] = []
    mock = model(text_step("Hello", ", world!"))
    result = stream(model=mock, on_finish=finished.append)
    assert await result.text == "Hello, world!"
    assert len(finished) == 1
    assert finished[0].text == "Hello, world!"
    # the stream was recorded: a reader afterwards gets every part, without a second call
    assert types(await collect(result))[-1] == "finish"
    assert len(mock.do_stream_calls) == 1


async def test_full_stream_and_text_stream_read_concurrently() -> None:
    gated = GatedStream([*text("a", "b", "c"), finish()])
    gates = [gated.gate(index) for index in range(1, 5)]
    result = stream(model=gated_model(gated))
    full: list[str] = []
    texts: list[str] = []

    async def read_full() -> None:
        async for part in result.full_stream:
            full.append(part.type)  # noqa: PERF401 - watched while it is read

    async def read_text() -> None:
        async for delta in result.text_stream:
            texts.append(delta)  # noqa: PERF401 - watched while it is read

    async with anyio.create_task_group() as group:
        group.start_soon(read_full)
        group.start_soon(read_text)
        for index, gate in enumerate(gates, start=1):
            await gated.reached[index].wait()
            # both readers have seen everything up to the gated part
            assert texts == ["a", "b", "c"][: index - 1]
            gate.set()
    assert full == [
        "start",
        "start-step",
        "text-start",
        "text-delta",
        "text-delta",
        "text-delta",
        "text-end",
        "finish-step",
        "finish",
    ]
    assert texts == ["a", "b", "c"]


async def test_each_stream_property_starts_from_the_first_part() -> None:
    mock = model(text_step("Hello", " world"))
    result = stream(model=mock)
    first = result.full_stream
    assert (await anext(first)).type == "start"
    assert (await anext(first)).type == "start-step"
    # a second reader, created mid-way, still starts at the beginning
    assert [part.type async for part in result.full_stream][:2] == ["start", "start-step"]
    rest = [part.type async for part in first]
    assert rest[0] == "text-start"
    assert [delta async for delta in result.text_stream] == ["Hello", " world"]
    assert len(mock.do_stream_calls) == 1


async def test_late_reader_after_consumption_gets_everything() -> None:
    result = stream(model=model(text_step("Hello")))
    await result.consume_stream()
    first = await collect(result)
    second = await collect(result)
    assert first == second
    assert types(first) == [
        "start",
        "start-step",
        "text-start",
        "text-delta",
        "text-end",
        "finish-step",
        "finish",
    ]
    assert [delta async for delta in result.text_stream] == ["Hello"]


async def test_awaitable_results_over_steps() -> None:
    result = stream(model=two_step_model(), tools=two_step_tools(), stop_when=is_step_count(2))
    assert await result.text == "Hello, world!"  # the final step's text
    assert await result.reasoning_text == "because"
    assert await result.finish_reason == "stop"
    assert await result.raw_finish_reason == "end_turn"
    summed = await result.usage
    assert (summed.input_tokens, summed.output_tokens, summed.total_tokens) == (8, 17, 25)
    assert await result.total_usage == summed
    steps = await result.steps
    assert [type(step) for step in steps] == [StepResult, StepResult]
    assert [step.finish_reason for step in steps] == ["tool-calls", "stop"]
    assert [step.usage.output_tokens for step in steps] == [10, 7]
    assert await result.final_step is steps[-1]
    assert await result.tool_calls == [
        ToolCall(tool_call_id="call-1", tool_name="tool1", input={"value": "value"})
    ]
    assert await result.tool_results == [
        ToolResult(
            tool_call_id="call-1",
            tool_name="tool1",
            input={"value": "value"},
            output="result1",
            dynamic=False,
        )
    ]
    assert await result.warnings == [SharedV4UnsupportedWarning(feature="seed")]
    assert await result.provider_metadata == {"p": {"step": 2}}
    response = await result.response
    assert (response.id, response.model_id, response.timestamp) == ("id-1", "model-2", EPOCH)
    assert [content.type for content in await result.content] == [
        "text",
        "tool-call",
        "tool-result",
        "reasoning",
        "text",
    ]
    assert await result.output == "Hello, world!"  # Output.text() by default


async def test_response_messages_can_continue_the_conversation() -> None:
    result = stream(model=two_step_model(), tools=two_step_tools(), stop_when=is_step_count(2))
    messages = await result.response_messages
    assert messages[0] == AssistantModelMessage(
        content=[
            TextPart(text="thinking "),
            ToolCallPart(tool_call_id="call-1", tool_name="tool1", input={"value": "value"}),
        ]
    )
    assert messages[1] == ToolModelMessage(
        content=[
            ToolResultPart(
                tool_call_id="call-1",
                tool_name="tool1",
                output=LanguageModelV4ToolResultOutputText(value="result1"),
            )
        ]
    )
    assert isinstance(messages[2], AssistantModelMessage)
    assert [part.type for part in messages[2].content] == ["reasoning", "text"]  # type: ignore[union-attr]
    # response.messages: the final step's only
    assert (await result.response).messages == messages[2:]

    follow_up = model(text_step("again"))
    await stream(
        model=follow_up, messages=[{"role": "user", "content": "hi"}, *messages]
    ).consume_stream()
    assert [message.role for message in follow_up.do_stream_calls[0].prompt] == [
        "user",
        "assistant",
        "tool",
        "assistant",
    ]


async def test_step_content_and_response_headers() -> None:
    mock = model(
        stream_result(
            [metadata(), *text("Hi"), finish()],
            response=LanguageModelV4StreamResponseInfo(headers={"x-call": "1"}),
        )
    )
    result = stream(model=mock)
    step = await result.final_step
    assert step.content == [TextOutput(text="Hi")]
    assert step.response.headers == {"x-call": "1"}
    assert step.model.model_id == mock.model_id
    assert step.step_number == 0
    assert step.performance.response_time_ms >= 0


async def test_consume_stream_runs_the_generation_and_its_callbacks() -> None:
    chunks: list[str] = []
    steps: list[StepResult] = []
    result = stream(
        model=model(text_step("Hello")),
        on_chunk=lambda event: chunks.append(event.chunk.type),
        on_step_finish=steps.append,
    )
    await result.consume_stream()
    assert chunks == [
        "start",
        "start-step",
        "text-start",
        "text-delta",
        "text-end",
        "finish-step",
        "finish",
    ]
    assert len(steps) == 1
    assert await result.text == "Hello"
