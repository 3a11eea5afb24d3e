"""Timeouts, cancellation and ``aclose()`` of ``stream_text`` (port of stream-text.test.ts
``options.timeout``, ``abort signal`` and stream-text-timeout.test.ts).

Streams wait on events the tests control. A timeout needs time to pass: those tests use short
real limits (50 ms) on streams that never finish by themselves, or that send non-output chunks
(with checkpoints) until the limit must have struck."""

from __future__ import annotations

import time
from collections.abc import AsyncGenerator
from typing import Any

import anyio
import pytest

from ai_sdk_core import NoOutputGeneratedError, tool
from ai_sdk_core.generate_text import (
    AbortEvent,
    AbortPart,
    StartPart,
    Timeout,
    ToolError,
    is_step_count,
)
from ai_sdk_core.provider import (
    LanguageModelV4RawChunk,
    LanguageModelV4ResponseMetadataPart,
    LanguageModelV4StreamPart,
    LanguageModelV4StreamResult,
    LanguageModelV4TextDelta,
    LanguageModelV4TextStart,
)
from ai_sdk_core.testing import MockLanguageModelV4

from .stream_text_support import (
    GatedStream,
    collect,
    finish,
    gated_model,
    metadata,
    model,
    stream,
    text,
    tool_call,
    types,
)

pytestmark = pytest.mark.anyio

LIMIT = 0.1


def never_finishing(*parts: LanguageModelV4StreamPart) -> GatedStream:
    """A stream that sends ``parts`` and then waits for an event that is never set."""
    gated = GatedStream([*parts, finish()])
    gated.gate(len(parts))
    return gated


class Pinging:
    """A model stream that sends ``parts``, then non-output chunks until ``seconds`` passed."""

    def __init__(self, parts: list[LanguageModelV4StreamPart], seconds: float) -> None:
        self.parts = parts
        self.seconds = seconds
        self.closed = False

    async def run(self) -> AsyncGenerator[LanguageModelV4StreamPart, None]:
        try:
            for part in self.parts:
                yield part
            end = time.monotonic() + self.seconds
            while time.monotonic() < end:
                await anyio.lowlevel.checkpoint()
                yield LanguageModelV4RawChunk(raw_value=": ping")
                yield LanguageModelV4ResponseMetadataPart(id="response-1")
            yield LanguageModelV4TextDelta(id="1", delta=" late")
            yield finish()
        finally:
            self.closed = True

    def model(self) -> MockLanguageModelV4:
        return MockLanguageModelV4(do_stream=LanguageModelV4StreamResult(stream=self.run()))


async def test_total_timeout_aborts_the_stream() -> None:
    gated = never_finishing(metadata(), *text("Hello")[:2])
    aborts: list[AbortEvent] = []
    errors: list[Any] = []
    result = stream(
        model=gated_model(gated),
        timeout=LIMIT,
        on_abort=aborts.append,
        on_error=lambda event: errors.append(event.error),
    )
    with anyio.fail_after(5):
        parts = await collect(result)
    assert types(parts) == ["start", "start-step", "text-start", "text-delta", "abort"]
    assert parts[-1] == AbortPart(reason=f"Total timeout of {LIMIT} s exceeded")
    assert gated.closed
    [event] = aborts
    assert (event.reason, event.steps) == (f"Total timeout of {LIMIT} s exceeded", [])
    assert errors == []  # an abort is not an error
    with pytest.raises(TimeoutError, match="Total timeout"):
        await result.text


async def test_step_timeout_aborts_a_stalled_step() -> None:
    gated = never_finishing()
    result = stream(model=gated_model(gated), timeout=Timeout(step=LIMIT))
    with anyio.fail_after(5):
        parts = await collect(result)
    assert parts == [StartPart(), AbortPart(reason=f"Step timeout of {LIMIT} s exceeded")]
    assert gated.closed
    with pytest.raises(TimeoutError):
        await result.steps


async def test_step_timeout_applies_to_each_step_with_its_tools() -> None:
    release = anyio.Event()
    aborts: list[AbortEvent] = []

    async def execute(value: Any) -> str:
        await release.wait()  # never set
        return "never"

    result = stream(
        model=model([tool_call("call-1", "slow"), finish("tool-calls")]),
        tools={"slow": tool(input_schema={"type": "object"}, execute=execute)},
        timeout=Timeout(step=LIMIT),
        on_abort=aborts.append,
        stop_when=is_step_count(2),
    )
    with anyio.fail_after(5):
        parts = await collect(result)
    assert types(parts)[-2:] == ["tool-call", "abort"]
    assert aborts[0].reason == f"Step timeout of {LIMIT} s exceeded"


async def test_first_chunk_timeout_is_not_reset_by_non_output_chunks() -> None:
    source = Pinging([LanguageModelV4TextStart(id="1")], seconds=5)
    aborts: list[AbortEvent] = []
    result = stream(
        model=source.model(), timeout=Timeout(first_chunk=LIMIT), on_abort=aborts.append
    )
    with anyio.fail_after(4):  # the pings go on for 5 s: only the first-chunk limit ends it
        parts = await collect(result)
    assert parts[-1] == AbortPart(reason=f"First chunk timeout of {LIMIT} s exceeded")
    assert source.closed
    assert aborts[0].reason == f"First chunk timeout of {LIMIT} s exceeded"
    with pytest.raises(TimeoutError, match="First chunk"):
        await result.text


async def test_first_output_chunk_disarms_the_first_chunk_timeout() -> None:
    source = Pinging([*text("Hello")[:2]], seconds=3 * LIMIT)
    result = stream(model=source.model(), timeout=Timeout(first_chunk=LIMIT))
    with anyio.fail_after(4):
        assert await result.text == "Hello late"


async def test_chunk_timeout_counts_from_the_last_output_chunk() -> None:
    source = Pinging([*text("Hello")[:2]], seconds=5)
    result = stream(model=source.model(), timeout=Timeout(chunk=LIMIT))
    with anyio.fail_after(4):
        parts = await collect(result)
    assert parts[-1] == AbortPart(reason=f"Chunk timeout of {LIMIT} s exceeded")
    assert "text-delta" in types(parts)
    assert source.closed


async def test_chunks_within_the_chunk_timeout_complete() -> None:
    gated = GatedStream([*text("Hello", " World"), finish()])
    result = stream(model=gated_model(gated), timeout=Timeout(chunk=5, first_chunk=5, step=5))
    assert await result.text == "Hello World"
    assert not any(part.type == "abort" for part in await collect(result))


async def test_tool_timeout_is_a_tool_error() -> None:
    async def execute(value: Any) -> str:
        await anyio.Event().wait()  # never set
        return "never"

    result = stream(
        model=model([tool_call("call-1", "slow"), finish("tool-calls")]),
        tools={"slow": tool(input_schema={"type": "object"}, execute=execute)},
        timeout=Timeout(tool=LIMIT),
    )
    with anyio.fail_after(5):
        parts = await collect(result)
    [error] = [part for part in parts if isinstance(part, ToolError)]
    assert isinstance(error.error, TimeoutError)
    assert types(parts)[-1] == "finish"


async def test_cancelling_the_consumer_closes_the_model_stream_and_calls_on_abort() -> None:
    gated = never_finishing(metadata(), *text("Hello")[:2])
    aborts: list[AbortEvent] = []
    errors: list[Any] = []
    result = stream(
        model=gated_model(gated),
        on_abort=aborts.append,
        on_error=lambda event: errors.append(event.error),
    )
    seen: list[str] = []
    with anyio.CancelScope() as scope:
        async for part in result.full_stream:
            seen.append(part.type)
            if part.type == "text-delta":
                scope.cancel()  # strikes while the next pull waits for the model
    assert scope.cancelled_caught
    assert gated.closed  # the model stream's finally ran: its HTTP response would be closed
    [event] = aborts
    assert (event.reason, event.steps) == (None, [])
    assert errors == []
    # the recording ends with the abort; the result has no output
    assert types(await collect(result)) == [*seen, "abort"]
    with pytest.raises(NoOutputGeneratedError):
        await result.text


async def test_cancelling_a_task_group_reader_while_it_waits_for_the_model() -> None:
    gated = never_finishing(metadata())
    aborts: list[AbortEvent] = []
    result = stream(model=gated_model(gated), on_abort=aborts.append)

    async def consume() -> None:
        await result.consume_stream()

    async with anyio.create_task_group() as group:
        group.start_soon(consume)
        await gated.reached[1].wait()
        await anyio.wait_all_tasks_blocked()
        group.cancel_scope.cancel()
    assert gated.closed
    assert len(aborts) == 1


async def test_cancelling_during_tool_execution() -> None:
    started = anyio.Event()
    cleaned_up: list[bool] = []
    aborts: list[AbortEvent] = []

    async def execute(value: Any) -> str:
        started.set()
        try:
            await anyio.Event().wait()  # never set
        finally:
            cleaned_up.append(True)
        return "never"

    result = stream(
        model=model([tool_call("call-1", "slow"), finish("tool-calls")]),
        tools={"slow": tool(input_schema={"type": "object"}, execute=execute)},
        on_abort=aborts.append,
    )
    async with anyio.create_task_group() as group:
        group.start_soon(result.consume_stream)
        await started.wait()
        group.cancel_scope.cancel()
    assert cleaned_up == [True]  # the tool was cancelled too
    assert [event.steps for event in aborts] == [[]]
    assert types(await collect(result))[-2:] == ["tool-call", "abort"]


async def test_abort_in_the_second_step_reports_the_first() -> None:
    gated = never_finishing(metadata("id-1"))
    aborts: list[AbortEvent] = []
    result = stream(
        model=gated_model([tool_call("call-1", "t"), finish("tool-calls")], gated),
        tools={"t": tool(input_schema={"type": "object"}, execute=lambda value: "r")},
        stop_when=is_step_count(3),
        on_abort=aborts.append,
    )
    step_starts = 0
    with anyio.CancelScope() as scope:
        async for part in result.full_stream:
            if part.type == "start-step":
                step_starts += 1
                if step_starts == 2:
                    scope.cancel()
    assert gated.closed
    [event] = aborts
    assert [step.finish_reason for step in event.steps] == ["tool-calls"]


async def test_aclose_stops_the_generation() -> None:
    gated = never_finishing(metadata(), *text("Hello")[:2])
    aborts: list[AbortEvent] = []
    result = stream(model=gated_model(gated), on_abort=aborts.append)
    reader = result.full_stream
    assert [(await anext(reader)).type for _ in range(4)] == [
        "start",
        "start-step",
        "text-start",
        "text-delta",
    ]
    await result.aclose()
    assert gated.closed  # closed before aclose() returned
    assert len(aborts) == 1
    assert [part.type async for part in reader] == ["abort"]
    assert types(await collect(result))[-1] == "abort"


async def test_aclose_before_anything_ran_does_not_call_the_model() -> None:
    mock = model([*text("x"), finish()])
    aborts: list[AbortEvent] = []
    result = stream(model=mock, on_abort=aborts.append)
    await result.aclose()
    assert mock.do_stream_calls == []
    assert await collect(result) == []
    assert aborts == []


async def test_a_timeout_error_of_the_model_is_an_error_not_an_abort() -> None:
    """Only the call's own time limits abort; a provider's TimeoutError is an error part."""
    error = TimeoutError("read timed out")

    def do_stream(options: Any) -> Any:
        raise error

    aborts: list[AbortEvent] = []
    result = stream(
        model=MockLanguageModelV4(do_stream=do_stream),
        timeout=Timeout(total=60),
        max_retries=0,
        on_abort=aborts.append,
    )
    assert types(await collect(result)) == ["start", "error"]
    assert aborts == []
    with pytest.raises(NoOutputGeneratedError):
        await result.text
