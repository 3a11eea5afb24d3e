"""``stream_text_sync``: plain iterators and blocking results, in scripts and in running loops."""

from __future__ import annotations

import threading
from collections.abc import AsyncGenerator
from typing import Any

import anyio
import anyio.lowlevel
import pytest

from ai_sdk_core import NoOutputGeneratedError, stream_text_sync, tool
from ai_sdk_core.generate_text import AbortEvent, ErrorPart, is_step_count
from ai_sdk_core.provider import (
    LanguageModelV4CallOptions,
    LanguageModelV4StreamPart,
    LanguageModelV4StreamResult,
    LanguageModelV4TextDelta,
    LanguageModelV4TextStart,
)
from ai_sdk_core.testing import MockLanguageModelV4

from .stream_text_support import finish, model, text_step, tool_call, types


class Endless:
    """A model stream of text deltas that goes on until it is closed."""

    def __init__(self) -> None:
        self.closed = threading.Event()
        self.sent = 0

    async def run(self) -> AsyncGenerator[LanguageModelV4StreamPart, None]:
        try:
            yield LanguageModelV4TextStart(id="1")
            while True:
                await anyio.lowlevel.checkpoint()
                self.sent += 1
                yield LanguageModelV4TextDelta(id="1", delta=f"{self.sent} ")
        finally:
            self.closed.set()

    def model(self) -> MockLanguageModelV4:
        return MockLanguageModelV4(do_stream=LanguageModelV4StreamResult(stream=self.run()))


def run_in_a_script() -> tuple[list[str], str, int | None]:
    result = stream_text_sync(model=model(text_step("Hello", ", ", "world!")), prompt="x")
    deltas = list(result.text_stream)
    return deltas, result.text, result.usage.total_tokens


def test_text_stream_in_a_plain_function() -> None:
    assert run_in_a_script() == (["Hello", ", ", "world!"], "Hello, world!", 13)


def test_full_stream_and_results_of_a_tool_loop() -> None:
    result = stream_text_sync(
        model=model(
            [tool_call("call-1", "add", '{"a": 1, "b": 2}'), finish("tool-calls")], text_step("3")
        ),
        prompt="x",
        tools={"add": tool(input_schema={"type": "object"}, execute=lambda v: v["a"] + v["b"])},
        stop_when=is_step_count(2),
    )
    parts = list(result.full_stream)
    assert types(parts).count("start-step") == 2
    assert [r.output for r in result.tool_results] == [3]
    assert len(result.steps) == 2
    assert result.finish_reason == "stop"
    assert [m.role for m in result.response_messages] == ["assistant", "tool", "assistant"]


@pytest.mark.anyio
async def test_inside_a_running_event_loop() -> None:
    # sync code called from a coroutine (a Jupyter cell): no deadlock
    assert run_in_a_script()[1] == "Hello, world!"


def test_closing_the_text_stream_early_closes_the_model_stream() -> None:
    source = Endless()
    aborts: list[AbortEvent] = []
    result = stream_text_sync(model=source.model(), prompt="x", on_abort=aborts.append)
    with result.text_stream as deltas:
        assert next(deltas) == "1 "
    assert source.closed.is_set()  # closed before the with block was left
    assert len(aborts) == 1
    assert list(deltas) == []


def test_close_stops_the_generation() -> None:
    source = Endless()
    result = stream_text_sync(model=source.model(), prompt="x")
    iterator = result.full_stream
    assert next(iterator).type == "start"
    iterator.close()
    result.close()
    assert source.closed.is_set()


def test_errors_are_parts_and_results_raise() -> None:
    error = RuntimeError("test error")

    def fail(options: LanguageModelV4CallOptions) -> Any:
        raise error

    result = stream_text_sync(model=MockLanguageModelV4(do_stream=fail), prompt="x", on_error=None)
    assert list(result.full_stream)[-1] == ErrorPart(error=error)
    with pytest.raises(NoOutputGeneratedError):
        _ = result.text


def test_consume_stream_then_partial_output() -> None:
    result = stream_text_sync(model=model(text_step("a", "b")), prompt="x")
    result.consume_stream()
    assert list(result.partial_output_stream) == ["a", "ab"]
    assert result.output == "ab"
