from __future__ import annotations

from collections.abc import AsyncIterator, Iterable
from contextlib import aclosing
from typing import Any

import anyio
import pytest
from pydantic import BaseModel

from ai_sdk_core.provider import JSONParseError, TypeValidationError
from ai_sdk_core.provider_utils import (
    EventSourceParser,
    ParseFailure,
    ParseResult,
    ParseSuccess,
    ServerSentEvent,
    parse_json_event_stream,
)

Event = ServerSentEvent


def parse(chunks: Iterable[bytes], parser: EventSourceParser | None = None) -> list[Event]:
    parser = parser or EventSourceParser()
    return [event for chunk in chunks for event in parser.feed(chunk)]


def bytewise(data: bytes) -> list[bytes]:
    return [data[i : i + 1] for i in range(len(data))]


RICH_STREAM = (
    "\ufeff: keep-alive\n"
    'id: 1\nevent: delta\ndata: {"text": "héllo 😀"}\n\n'
    "data: line one\r\ndata: line two\r\n\r\n"
    "data:no space\rdata:  two spaces\r\r"
    "retry: 1500\nid: 2\ndata\n\n"
).encode()

RICH_EVENTS = [
    Event(data='{"text": "héllo 😀"}', event="delta", id="1"),
    Event(data="line one\nline two"),
    Event(data="no space\n two spaces"),
    Event(data="", id="2"),
]


def test_parses_a_stream_fed_at_once() -> None:
    assert parse([RICH_STREAM]) == RICH_EVENTS


def test_parses_a_stream_fed_one_byte_at_a_time() -> None:
    assert parse(bytewise(RICH_STREAM)) == RICH_EVENTS


@pytest.mark.parametrize("newline", ["\n", "\r\n", "\r"])
def test_every_line_ending_gives_the_same_events(newline: str) -> None:
    text = "event: a\ndata: 1\ndata: 2\n\nid: x\ndata: 3\n\n".replace("\n", newline)

    expected = [Event(data="1\n2", event="a"), Event(data="3", id="x")]
    assert parse([text.encode()]) == expected
    assert parse(bytewise(text.encode())) == expected


def test_a_crlf_split_between_chunks_is_one_line_break() -> None:
    # If the LF were read as a second line break, "a" and "b" would be two events.
    chunks = [b"data: a\r", b"\ndata: b\r", b"\n\r", b"\n"]

    assert parse(chunks) == [Event(data="a\nb")]


def test_a_line_ended_by_cr_at_a_chunk_end_is_dispatched_at_once() -> None:
    parser = EventSourceParser()

    assert parser.feed(b"data: a\r\r") == [Event(data="a")]
    assert parser.feed(b"\ndata: b\n\n") == [Event(data="b")]


def test_a_four_byte_character_split_across_chunks_is_decoded() -> None:
    emoji = "😀".encode()
    chunks = [b"data: x" + emoji[:1], emoji[1:3], emoji[3:] + b"y\n\n"]

    assert parse(chunks) == [Event(data="x😀y")]


def test_invalid_utf8_is_replaced_like_text_decoder_does() -> None:
    assert parse([b"data: a\xffb\n\n"]) == [Event(data="a\ufffdb")]


def test_one_leading_bom_is_stripped_even_when_split() -> None:
    bom = "\ufeff".encode()

    assert parse([bom[:2], bom[2:] + b"data: a\n\n"]) == [Event(data="a")]
    assert parse([bom + bom + b"data: a\n\n"]) == []  # the second BOM starts an unknown field
    assert parse([b"data: \xef\xbb\xbfa\n\n"]) == [Event(data="\ufeffa")]


def test_comments_are_reported_and_never_dispatched() -> None:
    comments: list[str] = []
    parser = EventSourceParser(on_comment=comments.append)

    events = parse([b": ping\n:raw\n\ndata: a\n: inside\n\n"], parser)

    assert events == [Event(data="a")]
    assert comments == ["ping", "raw", "inside"]


def test_retry_fields_with_only_ascii_digits_are_reported() -> None:
    retries: list[int] = []
    parser = EventSourceParser(on_retry=retries.append)

    parse([b"retry: 3000\nretry: 1.5\nretry: x\nretry: \xd9\xa3\nretry:42\n\n"], parser)

    assert retries == [3000, 42]


def test_field_rules_follow_the_specification() -> None:
    stream = (
        b"event: first\nevent:\ndata: a\n\n"  # an empty event name resets it
        b"id: bad\x00id\ndata: b\n\n"  # an id with NUL is ignored
        b"unknown: x\nDATA: y\ndata: c\n\n"  # unknown and wrongly cased fields are ignored
        b"event: only-meta\nid: 7\n\n"  # no data: nothing dispatched
        b"data: d\n\n"  # event and id were reset by the previous blank line
    )

    assert parse([stream]) == [Event(data="a"), Event(data="b"), Event(data="c"), Event(data="d")]


def test_an_unterminated_final_event_is_dropped_at_end_of_stream() -> None:
    assert parse([b"data: a\n\ndata: b\n"]) == [Event(data="a")]
    assert parse([b"data: a\n\ndata: b"]) == [Event(data="a")]


def test_a_line_spanning_many_chunks_is_joined() -> None:
    chunks = [b"data: ", *(b"x" for _ in range(1000)), b"\n", b"\n"]

    assert parse(chunks) == [Event(data="x" * 1000)]


# --- parse_json_event_stream -------------------------------------------------------------


class Delta(BaseModel):
    content: str


class Source:
    """An async byte source that records whether it was closed."""

    def __init__(self, chunks: Iterable[bytes], *, then_block: bool = False) -> None:
        self._chunks = iter(chunks)
        self._then_block = then_block
        self.closed = False

    def __aiter__(self) -> AsyncIterator[bytes]:
        return self

    async def __anext__(self) -> bytes:
        for chunk in self._chunks:
            return chunk
        if self._then_block:
            await anyio.Event().wait()
        raise StopAsyncIteration

    async def aclose(self) -> None:
        self.closed = True


async def collect(source: Source, schema: Any) -> list[ParseResult[Any]]:
    return [result async for result in parse_json_event_stream(source, schema)]


@pytest.mark.anyio
async def test_json_events_are_validated_and_done_is_skipped() -> None:
    source = Source(
        [b'data: {"content": "a", "extra": 1}\n\n', b'data: {"content": "b"}\n\ndata: [DONE]\n\n']
    )

    results = await collect(source, Delta)

    assert results == [
        ParseSuccess(value=Delta(content="a"), raw_value={"content": "a", "extra": 1}),
        ParseSuccess(value=Delta(content="b"), raw_value={"content": "b"}),
    ]
    assert source.closed


@pytest.mark.anyio
async def test_bad_events_become_failures_and_the_stream_goes_on() -> None:
    source = Source(
        [
            b"data: {not json\n\n",
            b'data: {"content": 1}\n\n',
            b'data: {"__proto__": {"content": "x"}}\n\n',
            b'data: {"content": "ok"}\n\n',
        ]
    )

    results = await collect(source, Delta)

    assert [result.success for result in results] == [False, False, False, True]
    invalid, mismatch, polluted, _ = results
    assert isinstance(invalid, ParseFailure)
    assert isinstance(invalid.error, JSONParseError)
    assert invalid.raw_value is None
    assert isinstance(mismatch, ParseFailure)
    assert isinstance(mismatch.error, TypeValidationError)
    assert mismatch.raw_value == {"content": 1}
    assert isinstance(polluted, ParseFailure)
    assert isinstance(polluted.error, JSONParseError)


@pytest.mark.anyio
async def test_escaped_text_takes_the_checked_path_and_still_parses() -> None:
    source = Source([b'data: {"content": "caf\\u00e9 \\"q\\"\\n"}\n\n'])

    assert await collect(source, Delta) == [
        ParseSuccess(value=Delta(content='café "q"\n'), raw_value={"content": 'café "q"\n'})
    ]


@pytest.mark.anyio
async def test_stopping_early_closes_the_source() -> None:
    source = Source([b'data: {"content": "a"}\n\n', b'data: {"content": "b"}\n\n'])

    async with aclosing(parse_json_event_stream(source, Delta)) as results:
        async for _ in results:
            break

    assert source.closed


@pytest.mark.anyio
async def test_closing_before_the_first_event_closes_the_source() -> None:
    # an async generator that never started skips its finally: the source must still close
    source = Source([b'data: {"content": "a"}\n\n'])

    await parse_json_event_stream(source, Delta).aclose()

    assert source.closed


@pytest.mark.anyio
async def test_cancelling_the_consumer_closes_the_source() -> None:
    source = Source([b'data: {"content": "a"}\n\n'], then_block=True)
    received = anyio.Event()

    async def consume() -> None:
        async for _ in parse_json_event_stream(source, Delta):
            received.set()

    async with anyio.create_task_group() as task_group:
        task_group.start_soon(consume)
        await received.wait()
        assert not source.closed
        task_group.cancel_scope.cancel()

    assert source.closed
