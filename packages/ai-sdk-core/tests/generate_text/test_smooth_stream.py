"""Port of smooth-stream.test.ts.

The injected ``sleep`` records ``"delay <seconds>"`` in the event list. A Python async generator
sleeps after the consumer took a chunk, so each delay follows its chunk (the TS snapshots show
it before, an artifact of stream queuing); which chunks are followed by a delay is the same.
"""

from __future__ import annotations

import inspect
import re
from collections.abc import AsyncIterator, Sequence
from typing import Any

import anyio
import pytest

from ai_sdk_core._usage import LanguageModelUsage
from ai_sdk_core.errors import InvalidArgumentError
from ai_sdk_core.generate_text import (
    FinishPart,
    ReasoningDeltaPart,
    ReasoningEndPart,
    ReasoningStartPart,
    TextDeltaPart,
    TextEndPart,
    TextStartPart,
    TextStreamPart,
    ToolCall,
    ToolInputDeltaPart,
    ToolInputEndPart,
    ToolInputStartPart,
    smooth_stream,
)

pytestmark = pytest.mark.anyio


async def run(parts: Sequence[TextStreamPart], **options: Any) -> list[Any]:
    events: list[Any] = []

    async def sleep(seconds: float) -> None:
        events.append(f"delay {seconds}")

    async def source() -> AsyncIterator[TextStreamPart]:
        for part in parts:
            yield part

    async for part in smooth_stream(sleep=sleep, **options)(source()):
        events.append(part)  # noqa: PERF401 - interleaved with the delays `sleep` records
    return events


def text(value: str, block_id: str = "1") -> TextDeltaPart:
    return TextDeltaPart(id=block_id, text=value)


def reasoning(value: str, block_id: str = "1") -> ReasoningDeltaPart:
    return ReasoningDeltaPart(id=block_id, text=value)


START, END = TextStartPart(id="1"), TextEndPart(id="1")
DELAY = "delay 0.01"


def test_invalid_chunking_raises() -> None:
    for chunking in ["foo", None]:
        with pytest.raises(InvalidArgumentError, match="Chunking must be"):
            smooth_stream(chunking=chunking)  # type: ignore[arg-type]


# --- word chunking -----------------------------------------------------------------------------


async def test_word_combines_partial_words() -> None:
    events = await run([START, text("Hello"), text(", "), text("world!"), END])
    assert events == [START, text("Hello, "), DELAY, text("world!"), END]


async def test_word_splits_larger_chunks() -> None:
    events = await run([START, text("Hello, World! This is an example text."), END])
    words = ["Hello, ", "World! ", "This ", "is ", "an ", "example "]
    assert events == [
        START,
        *[event for word in words for event in (text(word), DELAY)],
        text("text."),
        END,
    ]


async def test_word_keeps_whitespace_sequences_together() -> None:
    events = await run(
        [
            START,
            text("First line"),
            text(" \n\n"),
            text("  "),
            text("  Multiple spaces"),
            text("\n    Indented"),
            END,
        ]
    )
    assert events == [
        START,
        text("First "),
        DELAY,
        text("line \n\n"),
        DELAY,
        text("    Multiple "),  # leading whitespace belongs to the new chunk
        DELAY,
        text("spaces\n    "),
        DELAY,
        text("Indented"),
        END,
    ]


WEATHER_WORDS = ["I ", "will ", "check ", "the ", "weather ", "in "]
WEATHER_CHUNKS = [event for word in WEATHER_WORDS for event in (text(word), DELAY)]
TOOL_CALL = ToolCall(tool_call_id="1", tool_name="weather", input={"city": "London"})


async def test_word_flushes_buffer_before_tool_call() -> None:
    events = await run(
        [START, text("I will check the"), text(" weather in Lon"), text("don."), TOOL_CALL, END]
    )
    assert events == [START, *WEATHER_CHUNKS, text("London."), TOOL_CALL, END]


async def test_word_flushes_buffer_before_tool_input_streaming() -> None:
    tool_input = [
        ToolInputStartPart(id="2", tool_name="weather"),
        ToolInputDeltaPart(id="2", delta='{ city: "London" }'),
        ToolInputEndPart(id="2"),
    ]
    events = await run(
        [
            START,
            text("I will check the"),
            text(" weather in Lon"),
            text("don."),
            *tool_input,
            TOOL_CALL,
            END,
        ]
    )
    assert events == [START, *WEATHER_CHUNKS, text("London."), *tool_input, TOOL_CALL, END]


async def test_word_does_not_emit_chunks_of_only_spaces() -> None:
    events = await run([START, text(" "), text(" "), text(" "), text("foo"), END])
    assert events == [START, text("   foo"), END]


async def test_flushes_at_the_end_of_the_stream() -> None:
    assert await run([text("Hello wor"), text("ld")]) == [text("Hello "), DELAY, text("world")]


async def test_other_parts_pass_through_unchanged() -> None:
    finish = FinishPart(finish_reason="stop", total_usage=LanguageModelUsage())
    events = await run([START, END, finish])
    assert events == [START, END, finish]
    assert events[2] is finish


# --- line chunking -----------------------------------------------------------------------------


async def test_line_splits_by_lines() -> None:
    events = await run(
        [
            START,
            text("First line\nSecond line\nThird line with more text\n"),
            text("Partial line"),
            text(" continues\nFinal line\n"),
            END,
        ],
        chunking="line",
    )
    lines = ["First line\n", "Second line\n", "Third line with more text\n"]
    lines += ["Partial line continues\n", "Final line\n"]
    assert events == [START, *[event for line in lines for event in (text(line), DELAY)], END]


async def test_line_without_line_breaks() -> None:
    events = await run(
        [START, text("Text without"), text(" any line"), text(" breaks"), END], chunking="line"
    )
    assert events == [START, text("Text without any line breaks"), END]


# --- custom chunking ---------------------------------------------------------------------------


async def test_pattern_chunk_ends_where_the_first_match_ends() -> None:
    events = await run([START, text("Hello_, world!"), END], chunking=re.compile("_"))
    assert events == [START, text("Hello_"), DELAY, text(", world!"), END]


async def test_pattern_character_level() -> None:
    events = await run([START, text("Hello, world!"), END], chunking=re.compile("."))
    chars = [event for char in "Hello, world" for event in (text(char), DELAY)]
    assert events == [START, *chars, text("!"), DELAY, END]


async def test_pattern_matching_an_empty_string_raises() -> None:
    with pytest.raises(ValueError, match="must not match an empty string"):
        await run([START, text("Hello"), END], chunking=re.compile(r"\s*"))


async def test_callback_chunking() -> None:
    def detect(buffer: str) -> str | None:
        match = re.match("[^_]*_", buffer)
        return match[0] if match else None

    events = await run([START, text("He_llo, "), text("w_orld!"), END], chunking=detect)
    assert events == [START, text("He_"), DELAY, text("llo, w_"), DELAY, text("orld!"), END]


async def test_callback_returning_an_empty_string_raises() -> None:
    with pytest.raises(ValueError, match=r"^Chunking function must return a non-empty string\.$"):
        await run([START, text("Hello, world!"), END], chunking=lambda _: "")


async def test_callback_returning_a_non_prefix_raises() -> None:
    message = (
        "Chunking function must return a match that is a prefix of the buffer. "
        'Received: "world" expected to start with "Hello, world!"'
    )
    with pytest.raises(ValueError, match=f"^{re.escape(message)}$"):
        await run([START, text("Hello, world!"), END], chunking=lambda _: "world")


# --- delay -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("options", "delays"),
    [({}, [DELAY]), ({"delay_ms": 20}, ["delay 0.02"]), ({"delay_ms": None}, [])],
)
async def test_delay(options: dict[str, Any], delays: list[str]) -> None:
    events = await run([START, text("Hello, world!"), END], **options)
    assert events == [START, text("Hello, "), *delays, text("world!"), END]


def test_default_sleep_is_anyio_sleep() -> None:
    assert inspect.signature(smooth_stream).parameters["sleep"].default is anyio.sleep


# --- blocks ------------------------------------------------------------------------------------


async def test_flushes_when_the_block_id_changes() -> None:
    second = [text("I will check the", "2"), text(" weather in Lon", "2"), text("don.", "2")]
    events = await run(
        [
            START,
            TextStartPart(id="2"),
            text("I will check the"),
            text(" weather in Lon"),
            text("don."),
            *second,
            END,
            TextEndPart(id="2"),
        ]
    )
    chunks_2 = [event for word in WEATHER_WORDS for event in (text(word, "2"), DELAY)]
    assert events == [
        START,
        TextStartPart(id="2"),
        *WEATHER_CHUNKS,
        text("London."),
        *chunks_2,
        text("London.", "2"),
        END,
        TextEndPart(id="2"),
    ]


async def test_flushes_when_switching_between_reasoning_and_text() -> None:
    events = await run([reasoning("thinking about"), text("answer is")])
    assert events == [
        reasoning("thinking "),
        DELAY,
        reasoning("about"),
        text("answer "),
        DELAY,
        text("is"),
    ]


async def test_reasoning_combines_partial_words() -> None:
    r_start, r_end = ReasoningStartPart(id="1"), ReasoningEndPart(id="1")
    events = await run([r_start, reasoning("Let"), reasoning(" me "), reasoning("think..."), r_end])
    assert events == [
        r_start,
        reasoning("Let "),
        DELAY,
        reasoning("me "),
        DELAY,
        reasoning("think..."),
        r_end,
    ]


async def test_reasoning_splits_larger_chunks() -> None:
    events = await run(
        [reasoning("First I need to analyze the problem. Then I will solve it.")],
    )
    words = [
        "First",
        "I",
        "need",
        "to",
        "analyze",
        "the",
        "problem.",
        "Then",
        "I",
        "will",
        "solve",
        "",
    ][:-1]
    assert events == [
        *[event for word in words for event in (reasoning(word + " "), DELAY)],
        reasoning("it."),
    ]


# --- provider metadata -------------------------------------------------------------------------


async def test_keeps_provider_metadata_of_buffered_deltas() -> None:
    signature = {"anthropic": {"signature": "sig_abc123"}}
    events = await run(
        [
            ReasoningStartPart(id="1"),
            reasoning("I am"),
            reasoning(" thinking..."),
            ReasoningDeltaPart(id="1", text="", provider_metadata=signature),
            ReasoningEndPart(id="1"),
            TextStartPart(id="2"),
            text("Hello!", "2"),
            TextEndPart(id="2"),
        ]
    )
    assert events == [
        ReasoningStartPart(id="1"),
        reasoning("I "),
        DELAY,
        reasoning("am "),
        DELAY,
        ReasoningDeltaPart(id="1", text="thinking...", provider_metadata=signature),
        ReasoningEndPart(id="1"),
        TextStartPart(id="2"),
        text("Hello!", "2"),
        TextEndPart(id="2"),
    ]


async def test_provider_metadata_of_other_parts_passes_through() -> None:
    redacted = {"anthropic": {"redactedData": "redacted-thinking-data"}}
    start = ReasoningStartPart(id="1", provider_metadata=redacted)
    assert await run([start, ReasoningEndPart(id="1")]) == [start, ReasoningEndPart(id="1")]


# --- closing -----------------------------------------------------------------------------------


async def test_closing_the_transform_closes_the_source() -> None:
    closed = False

    async def source() -> AsyncIterator[TextStreamPart]:
        nonlocal closed
        try:
            while True:
                yield text("word ")
        finally:
            closed = True

    async def no_sleep(seconds: float) -> None:
        pass

    smoothed = smooth_stream(sleep=no_sleep)(source())
    assert await anext(smoothed) == text("word ")
    await smoothed.aclose()
    assert closed
