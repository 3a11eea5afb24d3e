"""``transform=`` of ``stream_text`` (port of stream-text.test.ts ``options.transform``).

Deliberate difference from TS: a step's content (``await result.text``, ``steps``,
``on_step_finish``, ``on_finish``) is recorded before the user transforms run, so transforms
change the streams (and ``on_chunk``) but not the results."""

from __future__ import annotations

from collections.abc import AsyncIterator
from dataclasses import replace
from typing import Any

import anyio
import pytest

from ai_sdk_core.generate_text import (
    AbortEvent,
    TextDeltaPart,
    TextStreamPart,
    smooth_stream,
)

from .stream_text_support import GatedStream, collect, gated_model, model, stream, text_step, types

pytestmark = pytest.mark.anyio


async def upper_case(parts: AsyncIterator[TextStreamPart]) -> AsyncIterator[TextStreamPart]:
    async for part in parts:
        if isinstance(part, TextDeltaPart):
            yield replace(part, text=part.text.upper())
        else:
            yield part


def suffix(mark: str) -> Any:
    async def transform(parts: AsyncIterator[TextStreamPart]) -> AsyncIterator[TextStreamPart]:
        async for part in parts:
            yield replace(part, text=part.text + mark) if isinstance(part, TextDeltaPart) else part

    return transform


async def test_smooth_stream_rechunks_words_with_the_injected_sleep() -> None:
    delays: list[float] = []

    async def sleep(seconds: float) -> None:
        delays.append(seconds)

    result = stream(
        model=model(text_step("Hello, wo", "rld! How are", " you?")),
        transform=smooth_stream(delay_ms=10, sleep=sleep),
    )
    assert [delta async for delta in result.text_stream] == [
        "Hello, ",
        "world! ",
        "How ",
        "are ",
        "you?",
    ]
    assert delays == [0.01] * 4
    assert await result.text == "Hello, world! How are you?"


async def test_custom_transform_changes_the_streams_and_on_chunk_but_not_the_results() -> None:
    chunks: list[str] = []
    result = stream(
        model=model(text_step("Hello", " world")),
        transform=upper_case,
        on_chunk=lambda event: (
            chunks.append(event.chunk.text) if isinstance(event.chunk, TextDeltaPart) else None
        ),
    )
    assert [delta async for delta in result.text_stream] == ["HELLO", " WORLD"]
    assert chunks == ["HELLO", " WORLD"]
    assert await result.text == "Hello world"  # recorded before the transforms


async def test_transforms_apply_in_order() -> None:
    result = stream(model=model(text_step("a")), transform=[suffix("1"), suffix("2")])
    assert [delta async for delta in result.text_stream] == ["a12"]


async def test_a_transform_that_ends_the_stream_stops_the_generation_without_abort() -> None:
    gated = GatedStream(list(text_step("Hello, ", "STOP", " World")))
    aborts: list[AbortEvent] = []

    async def stop_word(parts: AsyncIterator[TextStreamPart]) -> AsyncIterator[TextStreamPart]:
        async for part in parts:  # ends without closing its source, as a naive transform does
            if isinstance(part, TextDeltaPart) and "STOP" in part.text:
                return
            yield part

    result = stream(model=gated_model(gated), transform=stop_word, on_abort=aborts.append)
    parts = await collect(result)
    assert types(parts) == ["start", "start-step", "text-start", "text-delta"]
    assert gated.closed  # the model stream was closed at once
    assert aborts == []


async def test_closing_a_transformed_stream_closes_the_model_stream() -> None:
    gated = GatedStream(list(text_step("Hello", " world")))
    gated.gate(4)
    aborts: list[AbortEvent] = []

    async def naive(parts: AsyncIterator[TextStreamPart]) -> AsyncIterator[TextStreamPart]:
        async for part in parts:  # no try/finally: it never closes its source
            yield part

    result = stream(model=gated_model(gated), transform=naive, on_abort=aborts.append)
    reader = result.full_stream
    while (await anext(reader)).type != "text-delta":
        pass
    await result.aclose()
    assert gated.closed
    assert len(aborts) == 1


async def test_cancelling_a_smoothed_stream_closes_the_model_stream() -> None:
    gated = GatedStream(list(text_step("Hello world", " again")))
    gated.gate(4)  # " again" never comes
    aborts: list[AbortEvent] = []

    async def sleep(seconds: float) -> None:
        await anyio.lowlevel.checkpoint()

    result = stream(
        model=gated_model(gated),
        transform=smooth_stream(sleep=sleep),
        on_abort=aborts.append,
    )
    with anyio.CancelScope() as scope:
        async for delta in result.text_stream:
            assert delta == "Hello "
            scope.cancel()
    assert gated.closed
    assert len(aborts) == 1
