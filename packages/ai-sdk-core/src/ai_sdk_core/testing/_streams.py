"""Async streams for tests: from lists, to lists, with simulated delays."""

from __future__ import annotations

from collections.abc import AsyncGenerator, AsyncIterable, Awaitable, Callable, Iterable
from typing import TypeVar

import anyio

from ai_sdk_core.provider import (
    LanguageModelV4RequestInfo,
    LanguageModelV4StreamPart,
    LanguageModelV4StreamResponseInfo,
    LanguageModelV4StreamResult,
)

__all__ = [
    "convert_array_to_async_iterable",
    "convert_async_iterable_to_array",
    "simulate_readable_stream",
    "stream_result",
]

T = TypeVar("T")


async def convert_array_to_async_iterable(values: Iterable[T]) -> AsyncGenerator[T, None]:
    """Yield ``values`` one by one."""
    for value in values:
        yield value


async def convert_async_iterable_to_array(iterable: AsyncIterable[T]) -> list[T]:
    """Everything ``iterable`` yields, in a list."""
    return [item async for item in iterable]


async def simulate_readable_stream(
    chunks: Iterable[T],
    *,
    initial_delay_ms: float | None = 0,
    chunk_delay_ms: float | None = 0,
    sleep: Callable[[float], Awaitable[object]] = anyio.sleep,
) -> AsyncGenerator[T, None]:
    """Yield ``chunks``, sleeping ``initial_delay_ms`` before the first and ``chunk_delay_ms``
    before each other one.

    A delay of ``None`` skips the sleep; ``0`` still sleeps for zero seconds, letting other
    tasks run. ``sleep`` (seconds, ``anyio.sleep`` by default) can be replaced in tests.
    """
    for index, chunk in enumerate(chunks):
        delay_ms = initial_delay_ms if index == 0 else chunk_delay_ms
        if delay_ms is not None:
            await sleep(delay_ms / 1000)
        yield chunk


def stream_result(
    parts: Iterable[LanguageModelV4StreamPart],
    *,
    request: LanguageModelV4RequestInfo | None = None,
    response: LanguageModelV4StreamResponseInfo | None = None,
) -> LanguageModelV4StreamResult:
    """A ``do_stream`` result whose stream yields ``parts`` (readable once)."""
    return LanguageModelV4StreamResult(
        stream=convert_array_to_async_iterable(parts), request=request, response=response
    )
