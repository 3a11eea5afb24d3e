"""Server-Sent Events: an incremental parser and the JSON event stream providers consume.

The parser follows the npm ``eventsource-parser`` package that the TS SDK uses (behind a
``TextDecoderStream``): LF, CRLF and CR line endings (also split across chunks), comments,
multi-line ``data`` joined with ``"\\n"``, ``id``, ``event`` and ``retry`` fields, one leading
BOM stripped, and invalid UTF-8 replaced by U+FFFD. An event that is not terminated by a blank
line when the stream ends is dropped, as in TS. A line ended by a CR at the end of a chunk is
parsed at once (as eventsource-parser 4 does; 3.x waited for the next chunk).
"""

from __future__ import annotations

import codecs
import re
from collections.abc import AsyncGenerator, AsyncIterable, Awaitable, Callable, Coroutine
from dataclasses import dataclass
from typing import Any, TypeAlias, TypeVar, overload

import anyio

from ai_sdk_core._type_adapters import type_adapter

from ._parse_json import (
    LazyParseSuccess,
    ParseResult,
    may_hold_prototype_keys,
    safe_parse_json,
)

__all__ = ["EventSourceParser", "ServerSentEvent", "parse_json_event_stream"]

T = TypeVar("T")

_LINE_BREAK = re.compile(r"\r\n?|\n")

# data, event, id: the parser's internal event form (cheaper to build than a dataclass).
_RawEvent: TypeAlias = tuple[str, str | None, str | None]


@dataclass(slots=True, frozen=True, kw_only=True)
class ServerSentEvent:
    """One dispatched event: its ``data``, and the ``event`` type and ``id`` when sent."""

    data: str
    event: str | None = None
    id: str | None = None


class EventSourceParser:
    """Incremental Server-Sent-Events parser: feed it bytes as they arrive, get events back.

    ``on_retry`` receives each valid ``retry`` field (milliseconds), ``on_comment`` each
    comment line (without the leading ``:`` and one space).
    """

    __slots__ = (
        "_data",
        "_decoder",
        "_decoder_pending",
        "_event",
        "_id",
        "_on_comment",
        "_on_retry",
        "_pending",
        "_skip_line_feed",
    )

    def __init__(
        self,
        *,
        on_retry: Callable[[int], object] | None = None,
        on_comment: Callable[[str], object] | None = None,
    ) -> None:
        self._on_retry = on_retry
        self._on_comment = on_comment
        # As TextDecoder decodes: a leading BOM dropped, invalid bytes replaced.
        self._decoder = codecs.getincrementaldecoder("utf-8-sig")("replace")
        # The decoder holds undecided bytes: a BOM not yet seen, or part of a character.
        self._decoder_pending = True
        self._pending: list[str] = []  # fragments of an unterminated line
        self._skip_line_feed = False  # the last chunk ended with CR, maybe half a CRLF
        self._data: list[str] = []  # data lines of the event being built
        self._event: str | None = None
        self._id: str | None = None

    def feed(self, chunk: bytes) -> list[ServerSentEvent]:
        """Parse the next bytes of the stream; returns the events they complete."""
        return [
            ServerSentEvent(data=data, event=event, id=id_)
            for data, event, id_ in self._feed(chunk)
        ]

    def _feed(self, chunk: bytes) -> list[_RawEvent]:
        """:meth:`feed`, with events as ``(data, event, id)`` tuples (the hot path)."""
        if self._decoder_pending:
            text = self._decode(chunk)
        else:
            try:
                text = chunk.decode()
            except UnicodeDecodeError:  # a character split across chunks, or invalid bytes
                text = self._decode(chunk)
        if self._pending or self._skip_line_feed:
            text = self._resume(text)
        if "\r" in text:
            lines = self._split_with_cr(text)
        else:
            lines = text.split("\n")
            if trailing := lines.pop():
                self._pending.append(trailing)

        data = self._data
        if len(lines) == 2 and not lines[1] and not data and lines[0].startswith("data: "):
            # the usual chunk, ``data: …\n\n``: one single-line event
            event = [(lines[0][6:], self._event, self._id)]
            self._event = self._id = None
            return event
        events: list[_RawEvent] = []
        for line in lines:
            if not line:
                if data:
                    events.append(
                        (data[0] if len(data) == 1 else "\n".join(data), self._event, self._id)
                    )
                    data.clear()
                self._event = self._id = None
            elif line.startswith("data: "):
                data.append(line[6:])
            else:
                self._field(line)
        return events

    def _decode(self, chunk: bytes) -> str:
        text = self._decoder.decode(chunk)
        buffered, before_bom_check = self._decoder.getstate()
        self._decoder_pending = bool(buffered or before_bom_check)
        return text

    def _resume(self, text: str) -> str:
        """``text`` joined to what the previous chunks left open; ``""`` while a line stays open."""
        if not text:
            return text
        if self._skip_line_feed:
            self._skip_line_feed = False
            return text[1:] if text.startswith("\n") else text  # the LF completes a CRLF
        self._pending.append(text)
        if "\n" not in text and "\r" not in text:
            return ""
        text = "".join(self._pending)
        self._pending.clear()
        return text

    def _split_with_cr(self, text: str) -> list[str]:
        """The complete lines of ``text`` (CR, LF or CRLF endings); the rest stays pending."""
        if text.endswith("\r"):
            # Every line is complete; the next chunk may start with the LF of a CRLF.
            self._skip_line_feed = True
            return _LINE_BREAK.split(text[:-1])
        lines = _LINE_BREAK.split(text)
        if trailing := lines.pop():
            self._pending.append(trailing)
        return lines

    def _field(self, line: str) -> None:
        if line[0] == ":":
            if self._on_comment is not None:
                self._on_comment(line[2:] if line.startswith(" ", 1) else line[1:])
            return
        name, colon, value = line.partition(":")
        if colon and value.startswith(" "):
            value = value[1:]
        if name == "data":
            self._data.append(value)
        elif name == "event":
            self._event = value or None
        elif name == "id":
            if "\0" not in value:
                self._id = value
        elif name == "retry" and self._on_retry is not None and value.isascii() and value.isdigit():
            self._on_retry(int(value))
        # any other field is ignored, as the SSE specification requires


@overload
def parse_json_event_stream(
    byte_chunks: AsyncIterable[bytes], schema: type[T]
) -> AsyncGenerator[ParseResult[T], None]: ...
@overload
def parse_json_event_stream(
    byte_chunks: AsyncIterable[bytes], schema: Any
) -> AsyncGenerator[ParseResult[Any], None]: ...
def parse_json_event_stream(
    byte_chunks: AsyncIterable[bytes], schema: Any
) -> AsyncGenerator[ParseResult[Any], None]:
    """Parse an SSE byte stream whose events carry JSON, validating each against ``schema``.

    Yields one parse result per event; ``data: [DONE]`` events are skipped. Closing the
    generator early (``aclose()``, or leaving an ``aclosing`` block) also closes
    ``byte_chunks`` when it has an ``aclose`` method.
    """
    return json_event_stream(byte_chunks, schema, close=getattr(byte_chunks, "aclose", None))


def json_event_stream(
    byte_chunks: AsyncIterable[bytes],
    schema: Any,
    *,
    close: Callable[[], Awaitable[object]] | None,
) -> AsyncGenerator[ParseResult[Any], None]:
    """:func:`parse_json_event_stream`, calling ``close`` (shielded) when the generator ends.

    ``close`` also runs when the generator is closed before its first event (an async
    generator that never started skips its ``finally``); it may then run twice.
    """
    events = _json_events(byte_chunks, schema, close=close)
    return events if close is None else _ClosingEvents(events, close)


class _ClosingEvents(AsyncGenerator[ParseResult[Any], None]):
    """Delegates to an event generator; :meth:`aclose` also runs ``close`` itself."""

    __slots__ = ("_close", "_events")

    def __init__(
        self,
        events: AsyncGenerator[ParseResult[Any], None],
        close: Callable[[], Awaitable[object]],
    ) -> None:
        self._events = events
        self._close = close

    def __aiter__(self) -> _ClosingEvents:
        return self

    def __anext__(self) -> Coroutine[Any, Any, ParseResult[Any]]:
        return self._events.__anext__()

    def asend(self, value: None) -> Coroutine[Any, Any, ParseResult[Any]]:
        return self._events.asend(value)

    def athrow(self, *args: Any) -> Coroutine[Any, Any, ParseResult[Any]]:
        return self._events.athrow(*args)

    async def aclose(self) -> None:
        try:
            await self._events.aclose()
        finally:
            with anyio.CancelScope(shield=True):
                await self._close()


async def _json_events(
    byte_chunks: AsyncIterable[bytes],
    schema: Any,
    *,
    close: Callable[[], Awaitable[object]] | None,
) -> AsyncGenerator[ParseResult[Any], None]:
    validate_json = type_adapter(schema).validate_json
    feed = EventSourceParser()._feed  # pyright: ignore[reportPrivateUsage]
    try:
        async for chunk in byte_chunks:
            for data, _, _ in feed(chunk):
                if data == "[DONE]":
                    continue
                if may_hold_prototype_keys(data):
                    yield safe_parse_json(data, schema)
                    continue
                try:
                    value = validate_json(data)
                except Exception:  # the slow path builds the exact TS error
                    yield safe_parse_json(data, schema)
                else:
                    yield LazyParseSuccess(value, data)
    finally:
        if close is not None:
            with anyio.CancelScope(shield=True):
                await close()
