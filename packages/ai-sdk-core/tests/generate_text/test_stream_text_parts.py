"""``stream_text(...).full_stream``: the exact part sequences (port of stream-text.test.ts
``result.stream``, ``raw chunks forwarding``, ``multi-step part IDs``, ``provider-executed tools``)."""

from __future__ import annotations

from typing import Any

import pytest

from ai_sdk_core import (
    InputTokenDetails,
    LanguageModelUsage,
    OutputTokenDetails,
    dynamic_tool,
    tool,
)
from ai_sdk_core.generate_text import (
    CustomOutput,
    ErrorPart,
    FileOutput,
    FinishPart,
    FinishStepPart,
    GeneratedFile,
    LanguageModelRequestMetadata,
    RawPart,
    ReasoningDeltaPart,
    ReasoningEndPart,
    ReasoningFileOutput,
    ReasoningStartPart,
    StartPart,
    StartStepPart,
    TextDeltaPart,
    TextEndPart,
    TextStartPart,
    ToolCall,
    ToolError,
    ToolInputDeltaPart,
    ToolInputEndPart,
    ToolInputStartPart,
    ToolResult,
    is_step_count,
)
from ai_sdk_core.provider import (
    LanguageModelV4CustomContent,
    LanguageModelV4DocumentSource,
    LanguageModelV4File,
    LanguageModelV4RawChunk,
    LanguageModelV4ReasoningDelta,
    LanguageModelV4ReasoningEnd,
    LanguageModelV4ReasoningFile,
    LanguageModelV4ReasoningStart,
    LanguageModelV4StreamStart,
    LanguageModelV4TextDelta,
    LanguageModelV4TextEnd,
    LanguageModelV4TextStart,
    LanguageModelV4ToolCall,
    LanguageModelV4ToolInputDelta,
    LanguageModelV4ToolInputEnd,
    LanguageModelV4ToolInputStart,
    LanguageModelV4ToolResult,
    LanguageModelV4UrlSource,
    SharedV4FileDataData,
    SharedV4UnsupportedWarning,
)
from ai_sdk_core.tools import (
    ToolExecutionOptions,
    ToolInputAvailableOptions,
    ToolInputDeltaOptions,
    create_provider_tool_factory,
)

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

USAGE = LanguageModelUsage(
    input_tokens=3,
    input_token_details=InputTokenDetails(no_cache_tokens=3),
    output_tokens=10,
    output_token_details=OutputTokenDetails(text_tokens=10),
    total_tokens=13,
)
VALUE_SCHEMA = {
    "type": "object",
    "properties": {"value": {"type": "string"}},
    "required": ["value"],
}


def start_step() -> StartStepPart:
    return StartStepPart(request=LanguageModelRequestMetadata(), warnings=[])


def check_finish(parts: list[Any], reason: str = "stop", raw: str | None = "stop") -> None:
    """The last two parts are finish-step and finish with the reason and the test usage."""
    step, end = parts[-2], parts[-1]
    assert isinstance(step, FinishStepPart)
    assert (step.finish_reason, step.raw_finish_reason, step.usage) == (reason, raw, USAGE)
    assert end == FinishPart(finish_reason=reason, raw_finish_reason=raw, total_usage=USAGE)  # type: ignore[arg-type]


async def test_text_deltas() -> None:
    result = stream(model=model(text_step("Hello", ", ", "world!")))
    parts = await collect(result)
    assert parts[:-2] == [
        StartPart(),
        start_step(),
        TextStartPart(id="1"),
        TextDeltaPart(id="1", text="Hello"),
        TextDeltaPart(id="1", text=", "),
        TextDeltaPart(id="1", text="world!"),
        TextEndPart(id="1"),
    ]
    check_finish(parts)
    step = parts[-2]
    assert isinstance(step, FinishStepPart)
    assert (step.response.id, step.response.model_id, step.response.timestamp) == (
        "id-0",
        "mock-model-id",
        EPOCH,
    )


async def test_stream_is_the_ts7_name_of_full_stream() -> None:
    result = stream(model=model(text_step("Hello")))
    assert [part async for part in result.stream] == [part async for part in result.full_stream]


async def test_the_prompt_reaches_the_model() -> None:
    mock = model(text_step("Hello"))
    await stream(model=mock, prompt="test-input").consume_stream()
    [call] = mock.do_stream_calls
    assert [(m.role, [p.text for p in m.content]) for m in call.prompt] == [  # type: ignore[union-attr]
        ("user", ["test-input"])
    ]


async def test_empty_text_deltas_are_dropped_unless_they_carry_provider_metadata() -> None:
    signature = {"testProvider": {"signature": "sig"}}
    result = stream(
        model=model(
            [
                LanguageModelV4TextStart(id="1"),
                LanguageModelV4TextDelta(id="1", delta=""),
                LanguageModelV4TextDelta(id="1", delta="Hello"),
                LanguageModelV4TextDelta(id="1", delta=""),
                LanguageModelV4TextDelta(id="1", delta="", provider_metadata=signature),
                LanguageModelV4TextEnd(id="1"),
                finish(),
            ]
        )
    )
    parts = await collect(result)
    assert [part for part in parts if part.type == "text-delta"] == [
        TextDeltaPart(id="1", text="Hello"),
        TextDeltaPart(id="1", text="", provider_metadata=signature),
    ]
    [content] = (await result.steps)[0].content
    assert content.type == "text"
    assert (content.text, content.provider_metadata) == ("Hello", signature)


async def test_reasoning_blocks_keep_ids_and_provider_metadata() -> None:
    sig1 = {"testProvider": {"signature": "1234567890"}}
    sig2 = {"testProvider": {"signature": "0987654321"}}
    redacted = {"testProvider": {"redactedData": "redacted-reasoning-data"}}
    result = stream(
        model=model(
            [
                metadata(),
                LanguageModelV4ReasoningStart(id="1"),
                LanguageModelV4ReasoningDelta(id="1", delta="I will open"),
                LanguageModelV4ReasoningDelta(id="1", delta="", provider_metadata=sig1),
                LanguageModelV4ReasoningEnd(id="1"),
                LanguageModelV4ReasoningStart(id="2", provider_metadata=redacted),
                LanguageModelV4ReasoningEnd(id="2"),
                # interleaved blocks
                LanguageModelV4ReasoningStart(id="4", provider_metadata=sig1),
                LanguageModelV4ReasoningDelta(id="4", delta=" think"),
                LanguageModelV4ReasoningStart(id="5"),
                LanguageModelV4ReasoningDelta(id="5", delta=" carefully"),
                LanguageModelV4ReasoningEnd(id="4", provider_metadata=sig2),
                LanguageModelV4ReasoningEnd(id="5", provider_metadata=sig2),
                *text("Hi", " there!"),
                finish(raw="stop"),
            ]
        )
    )
    parts = await collect(result)
    assert parts[1:-2] == [
        start_step(),
        ReasoningStartPart(id="1"),
        ReasoningDeltaPart(id="1", text="I will open"),
        ReasoningDeltaPart(id="1", text="", provider_metadata=sig1),
        ReasoningEndPart(id="1"),
        ReasoningStartPart(id="2", provider_metadata=redacted),
        ReasoningEndPart(id="2"),
        ReasoningStartPart(id="4", provider_metadata=sig1),
        ReasoningDeltaPart(id="4", text=" think"),
        ReasoningStartPart(id="5"),
        ReasoningDeltaPart(id="5", text=" carefully"),
        ReasoningEndPart(id="4", provider_metadata=sig2),
        ReasoningEndPart(id="5", provider_metadata=sig2),
        TextStartPart(id="1"),
        TextDeltaPart(id="1", text="Hi"),
        TextDeltaPart(id="1", text=" there!"),
        TextEndPart(id="1"),
    ]
    assert [part async for part in result.text_stream] == ["Hi", " there!"]
    assert await result.reasoning_text == "I will open think carefully"
    step = (await result.steps)[0]
    assert [(c.type, getattr(c, "text", None), c.provider_metadata) for c in step.content] == [
        ("reasoning", "I will open", sig1),
        ("reasoning", "", redacted),
        ("reasoning", " think", sig2),
        ("reasoning", " carefully", sig2),
        ("text", "Hi there!", None),
    ]


async def test_sources_custom_parts_and_files() -> None:
    url_source = LanguageModelV4UrlSource(
        id="123",
        url="https://example.com",
        title="Example",
        provider_metadata={"provider": {"custom": "value"}},
    )
    document = LanguageModelV4DocumentSource(
        id="doc-1", media_type="application/pdf", title="Doc", filename="doc.pdf"
    )
    result = stream(
        model=model(
            [
                url_source,
                LanguageModelV4File(
                    media_type="text/plain",
                    data=SharedV4FileDataData(data="SGVsbG8gV29ybGQ="),
                    provider_metadata={"testProvider": {"signature": "sig-1"}},
                ),
                *text("Hello!"),
                LanguageModelV4CustomContent(
                    kind="openai.compaction", provider_metadata={"openai": {"itemId": "cmp_123"}}
                ),
                LanguageModelV4ReasoningFile(
                    media_type="image/png", data=SharedV4FileDataData(data=b"\x89PNG")
                ),
                document,
                finish(raw="stop"),
            ]
        )
    )
    parts = await collect(result)
    assert parts[2:-2] == [
        url_source,
        FileOutput(
            file=GeneratedFile(data=b"Hello World", media_type="text/plain"),
            provider_metadata={"testProvider": {"signature": "sig-1"}},
        ),
        TextStartPart(id="1"),
        TextDeltaPart(id="1", text="Hello!"),
        TextEndPart(id="1"),
        CustomOutput(kind="openai.compaction", provider_metadata={"openai": {"itemId": "cmp_123"}}),
        ReasoningFileOutput(file=GeneratedFile(data=b"\x89PNG", media_type="image/png")),
        document,
    ]
    file_part = parts[3]
    assert isinstance(file_part, FileOutput)
    assert file_part.file.base64 == "SGVsbG8gV29ybGQ="
    assert await result.sources == [url_source, document]
    assert await result.files == [GeneratedFile(data=b"Hello World", media_type="text/plain")]
    assert [part.type for part in await result.content] == [
        "source",
        "file",
        "text",
        "custom",
        "reasoning-file",
        "source",
    ]


async def test_tool_input_streaming_then_tool_call() -> None:
    call_id = "call_O17Uplv4lJvD6DVdIvFFeRMw"
    deltas = ['{"', "value", '":"', "Spark", "le", " Day", '"}']
    result = stream(
        model=model(
            [
                metadata(),
                LanguageModelV4ToolInputStart(
                    id=call_id, tool_name="test-tool", provider_metadata={"p": {"k": "v"}}
                ),
                *(LanguageModelV4ToolInputDelta(id=call_id, delta=delta) for delta in deltas),
                LanguageModelV4ToolInputEnd(id=call_id),
                tool_call(call_id, "test-tool", '{"value":"Sparkle Day"}'),
                finish("tool-calls"),
            ]
        ),
        tools={"test-tool": tool(input_schema=VALUE_SCHEMA, metadata={"owner": "me"})},
        tool_choice="required",
    )
    parts = await collect(result)
    assert parts[:-2] == [
        StartPart(),
        start_step(),
        ToolInputStartPart(
            id=call_id,
            tool_name="test-tool",
            dynamic=False,
            tool_metadata={"owner": "me"},
            provider_metadata={"p": {"k": "v"}},
        ),
        *(ToolInputDeltaPart(id=call_id, delta=delta) for delta in deltas),
        ToolInputEndPart(id=call_id),
        ToolCall(
            tool_call_id=call_id,
            tool_name="test-tool",
            input={"value": "Sparkle Day"},
            tool_metadata={"owner": "me"},
        ),
    ]
    check_finish(parts, "tool-calls", None)


async def test_tool_input_start_of_a_dynamic_tool_is_dynamic_and_takes_the_tool_title() -> None:
    result = stream(
        model=model(
            [
                LanguageModelV4ToolInputStart(id="c1", tool_name="dyn"),
                LanguageModelV4ToolInputEnd(id="c1"),
                tool_call("c1", "dyn", '{"value":"x"}'),
                finish("tool-calls"),
            ]
        ),
        tools={"dyn": dynamic_tool(input_schema=VALUE_SCHEMA, title="Dynamic")},
    )
    [start] = [part for part in await collect(result) if part.type == "tool-input-start"]
    assert start == ToolInputStartPart(id="c1", tool_name="dyn", dynamic=True, title="Dynamic")


async def test_tool_input_callbacks_run_as_the_input_streams() -> None:
    events: list[tuple[str, Any]] = []

    def on_input_start(options: ToolExecutionOptions) -> None:
        events.append(("start", options.tool_call_id))

    async def on_input_delta(options: ToolInputDeltaOptions) -> None:
        events.append(("delta", options.input_text_delta))

    def on_input_available(options: ToolInputAvailableOptions[Any]) -> None:
        events.append(("available", options.input))

    result = stream(
        model=model(
            [
                LanguageModelV4ToolInputStart(id="c1", tool_name="t"),
                LanguageModelV4ToolInputDelta(id="c1", delta='{"value":'),
                LanguageModelV4ToolInputDelta(id="c1", delta='"x"}'),
                LanguageModelV4ToolInputEnd(id="c1"),
                tool_call("c1", "t", '{"value":"x"}'),
                finish("tool-calls"),
            ]
        ),
        tools={
            "t": tool(
                input_schema=VALUE_SCHEMA,
                on_input_start=on_input_start,
                on_input_delta=on_input_delta,
                on_input_available=on_input_available,
            )
        },
    )
    seen: list[str] = []
    async for part in result.full_stream:
        seen.append(part.type)
        if part.type == "tool-input-start":
            assert events == [("start", "c1")]  # called before the part is passed on
    assert events == [
        ("start", "c1"),
        ("delta", '{"value":'),
        ("delta", '"x"}'),
        ("available", {"value": "x"}),
    ]


async def test_tool_call_and_its_result() -> None:
    received: list[Any] = []

    async def execute(value: dict[str, str], options: ToolExecutionOptions) -> str:
        received.append((value, [m.role for m in options.messages]))
        return f"{value['value']}-result"

    result = stream(
        model=model([metadata(), tool_call("call-1", "tool1", '{ "value": "value" }'), finish()]),
        tools={"tool1": tool(title="Tool 1", input_schema=VALUE_SCHEMA, execute=execute)},
    )
    parts = await collect(result)
    assert types(parts) == [
        "start",
        "start-step",
        "tool-call",
        "tool-result",
        "finish-step",
        "finish",
    ]
    assert parts[2] == ToolCall(
        tool_call_id="call-1", tool_name="tool1", input={"value": "value"}, title="Tool 1"
    )
    assert parts[3] == ToolResult(
        tool_call_id="call-1",
        tool_name="tool1",
        input={"value": "value"},
        output="value-result",
        dynamic=False,
    )
    assert received == [({"value": "value"}, ["user"])]
    step = parts[4]
    assert isinstance(step, FinishStepPart)
    assert list(step.performance.tool_execution_ms) == ["call-1"]


async def test_provider_executed_tool_call_and_result() -> None:
    web_search = create_provider_tool_factory(id="test.web_search", executed_by_provider=True)()
    result = stream(
        model=model(
            [
                LanguageModelV4ToolInputStart(
                    id="call-1", tool_name="web_search", provider_executed=True
                ),
                LanguageModelV4ToolInputDelta(id="call-1", delta='{"q":"x"}'),
                LanguageModelV4ToolInputEnd(id="call-1"),
                LanguageModelV4ToolCall(
                    tool_call_id="call-1",
                    tool_name="web_search",
                    input='{"q":"x"}',
                    provider_executed=True,
                ),
                LanguageModelV4ToolResult(
                    tool_call_id="call-1", tool_name="web_search", result={"hits": 1}
                ),
                LanguageModelV4ToolCall(
                    tool_call_id="call-2",
                    tool_name="web_search",
                    input='{"q":"y"}',
                    provider_executed=True,
                ),
                LanguageModelV4ToolResult(
                    tool_call_id="call-2", tool_name="web_search", result="boom", is_error=True
                ),
                *text("Done"),
                finish(),
            ]
        ),
        tools={"web_search": web_search},
    )
    parts = await collect(result)
    assert types(parts)[2:-2] == [
        "tool-input-start",
        "tool-input-delta",
        "tool-input-end",
        "tool-call",
        "tool-result",
        "tool-call",
        "tool-error",
        "text-start",
        "text-delta",
        "text-end",
    ]
    assert parts[2] == ToolInputStartPart(
        id="call-1", tool_name="web_search", provider_executed=True, dynamic=False
    )
    assert parts[5] == ToolCall(
        tool_call_id="call-1", tool_name="web_search", input={"q": "x"}, provider_executed=True
    )
    assert parts[6] == ToolResult(
        tool_call_id="call-1",
        tool_name="web_search",
        input={"q": "x"},
        output={"hits": 1},
        provider_executed=True,
    )
    assert parts[8] == ToolError(
        tool_call_id="call-2",
        tool_name="web_search",
        input={"q": "y"},
        error="boom",
        provider_executed=True,
    )
    assert await result.text == "Done"
    assert [r.output for r in await result.tool_results] == [{"hits": 1}]
    # one step: provider-executed calls do not continue the loop
    assert len(await result.steps) == 1
    [assistant] = await result.response_messages
    assert [part.type for part in assistant.content] == [  # type: ignore[union-attr]
        "tool-call",
        "tool-result",
        "tool-call",
        "tool-result",
        "text",
    ]


async def test_raw_chunks_only_with_include_raw_chunks() -> None:
    parts = [
        LanguageModelV4StreamStart(warnings=[]),
        LanguageModelV4RawChunk(raw_value={"type": "raw-data", "content": "1"}),
        *text("Hello"),
        LanguageModelV4RawChunk(raw_value="data: [DONE]"),
        finish(),
    ]
    with_raw = model(parts)
    result = stream(model=with_raw, include_raw_chunks=True)
    received = await collect(result)
    assert [part for part in received if part.type == "raw"] == [
        RawPart(raw_value={"type": "raw-data", "content": "1"}),
        RawPart(raw_value="data: [DONE]"),
    ]
    assert with_raw.do_stream_calls[0].include_raw_chunks is True

    without_raw = model(parts)  # a model that sends raw chunks though they were not asked for
    received = await collect(stream(model=without_raw))
    assert "raw" not in types(received)
    assert not without_raw.do_stream_calls[0].include_raw_chunks


async def test_on_chunk_sees_raw_chunks() -> None:
    chunks: list[str] = []
    await stream(
        model=model([LanguageModelV4RawChunk(raw_value=1), *text("a"), finish()]),
        include_raw_chunks=True,
        on_chunk=lambda event: chunks.append(event.chunk.type),
    ).consume_stream()
    assert "raw" in chunks


async def test_delta_for_an_unknown_text_block_is_an_error_part() -> None:
    errors: list[Any] = []
    result = stream(
        model=model(
            [
                metadata(),
                LanguageModelV4TextDelta(id="__proto__", delta="Hello"),
                LanguageModelV4ReasoningDelta(id="r", delta="Thinking"),
                finish(),
            ]
        ),
        on_error=lambda event: errors.append(event.error),
    )
    parts = await collect(result)
    # as in TS: the delta passes, an error part follows it
    assert parts[2:6] == [
        TextDeltaPart(id="__proto__", text="Hello"),
        ErrorPart(error="text part __proto__ not found"),
        ReasoningDeltaPart(id="r", text="Thinking"),
        ErrorPart(error="reasoning part r not found"),
    ]
    assert errors == ["text part __proto__ not found", "reasoning part r not found"]
    assert (await result.steps)[0].content == []  # nothing recorded for unknown blocks


async def test_missing_response_metadata_falls_back_to_generated_values() -> None:
    result = stream(model=model([*text("Hello"), finish()]))
    parts = await collect(result)
    step = parts[-2]
    assert isinstance(step, FinishStepPart)
    assert step.response.id.startswith("aitxt-")
    assert step.response.model_id == "mock-model-id"
    assert step.response.timestamp.tzinfo is not None


async def test_block_ids_reused_across_steps_are_made_unique() -> None:
    result = stream(
        model=model(
            [*text("step one", block_id="0"), tool_call("c1", "t"), finish("tool-calls")],
            [*text("step two", block_id="0"), finish()],
        ),
        tools={"t": tool(input_schema={"type": "object"}, execute=lambda _: "ok")},
        stop_when=is_step_count(2),
    )
    parts = await collect(result)
    starts = [part for part in parts if isinstance(part, TextStartPart)]
    deltas = [part for part in parts if isinstance(part, TextDeltaPart)]
    ends = [part for part in parts if isinstance(part, TextEndPart)]
    assert starts[0].id == "0"
    assert starts[1].id != "0"
    assert [d.id for d in deltas] == [starts[0].id, starts[1].id]
    assert [e.id for e in ends] == [starts[0].id, starts[1].id]


async def test_warnings_arrive_in_start_step_and_are_logged(
    caplog: pytest.LogCaptureFixture,
) -> None:
    warning = SharedV4UnsupportedWarning(feature="temperature")
    result = stream(
        model=model([LanguageModelV4StreamStart(warnings=[warning]), *text("x"), finish()])
    )
    with caplog.at_level("WARNING", logger="ai_sdk"):
        parts = await collect(result)
    assert parts[1] == StartStepPart(request=LanguageModelRequestMetadata(), warnings=[warning])
    assert await result.warnings == [warning]
    assert 'The feature "temperature" is not supported.' in caplog.text


async def test_finish_step_carries_step_usage_and_finish_carries_the_sum() -> None:
    result = stream(
        model=model(
            [tool_call("c1", "t"), finish("tool-calls", tokens=usage(1, 2))],
            [*text("done"), finish(tokens=usage(10, 20))],
        ),
        tools={"t": tool(input_schema={"type": "object"}, execute=lambda _: "ok")},
        stop_when=is_step_count(2),
    )
    parts = await collect(result)
    steps = [part for part in parts if isinstance(part, FinishStepPart)]
    assert [(s.usage.input_tokens, s.usage.output_tokens) for s in steps] == [(1, 2), (10, 20)]
    end = parts[-1]
    assert isinstance(end, FinishPart)
    assert (end.total_usage.input_tokens, end.total_usage.output_tokens) == (11, 22)
    assert end.total_usage.total_tokens == 33


async def test_step_performance_times_output_chunks_only() -> None:
    gated = GatedStream(
        [
            LanguageModelV4ToolInputStart(id="c1", tool_name="t"),  # not output
            LanguageModelV4ToolInputDelta(id="c1", delta=""),  # empty: not output
            LanguageModelV4ToolInputDelta(id="c1", delta='{"value":'),
            LanguageModelV4ToolInputDelta(id="c1", delta='"x"}'),
            LanguageModelV4ToolInputEnd(id="c1"),
            tool_call("c1", "t", '{"value":"x"}'),
            finish("tool-calls"),
        ]
    )
    result = stream(model=gated_model(gated), tools={"t": tool(input_schema=VALUE_SCHEMA)})
    step = await result.final_step
    performance = step.performance
    assert performance.time_to_first_output_ms is not None
    stats = performance.time_between_output_chunks_ms
    assert stats is not None  # three output chunks: two gaps
    assert stats.min <= stats.median <= stats.max
    assert performance.response_time_ms >= performance.time_to_first_output_ms
    assert performance.step_time_ms >= performance.response_time_ms
    assert performance.effective_output_tokens_per_second >= 0

    single = await stream(model=model(text_step("one"))).final_step
    assert single.performance.time_between_output_chunks_ms is None
