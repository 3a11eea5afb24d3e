"""Errors and callbacks of ``stream_text`` (port of stream-text.test.ts ``errors``, ``retries``,
``options.onChunk``, ``options.onError``, ``options.onEnd``/``onFinish``, ``options.onStepStart``)."""

from __future__ import annotations

import logging
from collections.abc import AsyncGenerator
from typing import Any

import pytest

from ai_sdk_core import APICallError, NoOutputGeneratedError, RetryError, stream_text, tool
from ai_sdk_core.generate_text import (
    ErrorEvent,
    ErrorPart,
    FinishEvent,
    StartEvent,
    StartPart,
    StepResult,
    StepStartEvent,
    is_step_count,
)
from ai_sdk_core.provider import (
    LanguageModelV4CallOptions,
    LanguageModelV4StreamError,
    LanguageModelV4StreamPart,
    LanguageModelV4StreamResult,
    LanguageModelV4StreamStart,
)
from ai_sdk_core.testing import MockLanguageModelV4, stream_result

from .stream_text_support import (
    collect,
    finish,
    metadata,
    model,
    stream,
    text,
    text_step,
    tool_call,
    types,
)

pytestmark = pytest.mark.anyio


def failing_model(error: Exception) -> MockLanguageModelV4:
    def do_stream(options: LanguageModelV4CallOptions) -> LanguageModelV4StreamResult:
        raise error

    return MockLanguageModelV4(do_stream=do_stream)


def retryable(message: str = "server error") -> APICallError:
    return APICallError(
        message,
        url="https://example.com",
        request_body_values={},
        status_code=500,
        response_headers={"retry-after-ms": "0"},  # no backoff wait in tests
    )


async def test_an_exception_from_do_stream_is_an_error_part() -> None:
    error = ValueError("test error")
    errors: list[ErrorEvent] = []
    result = stream(model=failing_model(error), on_error=errors.append)
    assert await collect(result) == [StartPart(), ErrorPart(error=error)]
    assert [event.error for event in errors] == [error]
    assert [delta async for delta in result.text_stream] == []  # no raise: errors are parts
    with pytest.raises(NoOutputGeneratedError, match="Check the stream for errors") as raised:
        await result.text
    assert raised.value.cause is error


async def test_the_default_on_error_logs_to_the_ai_sdk_logger(
    caplog: pytest.LogCaptureFixture,
) -> None:
    result = stream_text(model=failing_model(ValueError("test error")), prompt="x")
    with caplog.at_level(logging.ERROR, logger="ai_sdk"):
        await result.consume_stream()
    [record] = [r for r in caplog.records if r.name == "ai_sdk"]
    assert record.levelno == logging.ERROR
    assert "test error" in record.getMessage()
    assert isinstance(record.exc_info[1], ValueError)  # type: ignore[index]


async def test_an_error_part_of_the_model_reaches_on_error_and_the_generation_finishes() -> None:
    errors: list[Any] = []
    finished: list[FinishEvent] = []
    chunk_error = RuntimeError("chunk error")
    result = stream(
        model=model(
            [
                metadata(),
                *text("Hello")[:2],
                LanguageModelV4StreamError(error=chunk_error),
                finish("error"),
            ]
        ),
        on_error=lambda event: errors.append(event.error),
        on_finish=finished.append,
    )
    parts = await collect(result)
    assert types(parts) == [
        "start",
        "start-step",
        "text-start",
        "text-delta",
        "error",
        "finish-step",
        "finish",
    ]
    assert errors == [chunk_error]
    [event] = finished
    assert (event.finish_reason, event.text) == ("error", "Hello")
    assert await result.finish_reason == "error"


async def test_error_in_the_second_step() -> None:
    errors: list[Any] = []
    calls = 0

    def do_stream(options: LanguageModelV4CallOptions) -> LanguageModelV4StreamResult:
        nonlocal calls
        calls += 1
        if calls == 1:
            return stream_result([tool_call("call-1", "tool1"), finish("tool-calls")])
        raise ValueError("test error")

    result = stream(
        model=MockLanguageModelV4(do_stream=do_stream),
        tools={"tool1": tool(input_schema={"type": "object"}, execute=lambda value: "r")},
        stop_when=is_step_count(3),
        max_retries=0,
        on_error=lambda event: errors.append(event.error),
    )
    parts = await collect(result)
    assert types(parts)[-3:] == ["tool-result", "finish-step", "error"]
    assert [str(error) for error in errors] == ["test error"]


async def test_retryable_errors_are_retried_then_the_stream_succeeds() -> None:
    attempts = 0

    def do_stream(options: LanguageModelV4CallOptions) -> LanguageModelV4StreamResult:
        nonlocal attempts
        attempts += 1
        if attempts == 1:
            raise retryable()
        return stream_result(text_step("Hello"))

    result = stream(model=MockLanguageModelV4(do_stream=do_stream))
    assert await result.text == "Hello"
    assert attempts == 2


async def test_an_error_after_the_retries_is_an_error_part() -> None:
    result = stream(model=failing_model(retryable()), max_retries=2)
    parts = await collect(result)
    error = parts[-1]
    assert isinstance(error, ErrorPart)
    assert isinstance(error.error, RetryError)
    assert len(error.error.errors) == 3
    with pytest.raises(NoOutputGeneratedError):
        await result.text


async def test_a_stream_that_ends_without_finish_or_output_is_an_error() -> None:
    errors: list[Any] = []
    steps: list[StepResult] = []
    result = stream(
        model=model([LanguageModelV4StreamStart(warnings=[]), metadata()]),
        on_error=lambda event: errors.append(event.error),
        on_step_finish=steps.append,
    )
    parts = await collect(result)
    assert types(parts) == ["start", "start-step", "error"]
    error = parts[-1]
    assert isinstance(error, ErrorPart)
    assert isinstance(error.error, NoOutputGeneratedError)
    message = "No output generated. The model stream ended without a finish chunk."
    assert str(error.error) == message
    assert errors == [error.error]
    assert steps == []
    for awaitable in (result.text, result.steps, result.finish_reason, result.usage):
        with pytest.raises(NoOutputGeneratedError, match=message):
            await awaitable


async def test_a_truncated_stream_with_output_keeps_the_partial_result() -> None:
    errors: list[Any] = []
    result = stream(
        model=model(
            [
                LanguageModelV4StreamStart(warnings=[]),
                metadata(),
                *text("Hello", ", world")[:-1],  # no text-end, no finish
            ]
        ),
        on_error=lambda event: errors.append(event.error),
    )
    await result.consume_stream()
    assert await result.text == "Hello, world"
    assert await result.finish_reason == "other"
    assert len(await result.steps) == 1
    assert errors == []


async def test_an_incomplete_continuation_step_is_an_error() -> None:
    steps: list[StepResult] = []
    result = stream(
        model=model(
            [tool_call("call-1", "tool1"), finish("tool-calls")],
            [LanguageModelV4StreamStart(warnings=[]), metadata("id-1")],
        ),
        tools={"tool1": tool(input_schema={"type": "object"}, execute=lambda value: "r")},
        stop_when=is_step_count(3),
        on_step_finish=steps.append,
    )
    await result.consume_stream()
    with pytest.raises(NoOutputGeneratedError, match="without a finish chunk"):
        await result.steps
    assert len(steps) == 1


async def test_an_exception_in_the_model_stream_is_an_error_part() -> None:
    provider_error = RuntimeError("simulated provider stream error")

    async def broken() -> AsyncGenerator[LanguageModelV4StreamPart, None]:
        yield LanguageModelV4StreamStart(warnings=[])
        yield metadata()
        raise provider_error

    result = stream(
        model=MockLanguageModelV4(do_stream=LanguageModelV4StreamResult(stream=broken()))
    )
    parts = await collect(result)
    assert parts[-1] == ErrorPart(error=provider_error)
    with pytest.raises(NoOutputGeneratedError) as raised:
        await result.text
    assert raised.value.cause is provider_error


async def test_on_chunk_sees_every_part_and_a_raising_callback_is_logged_and_ignored(
    caplog: pytest.LogCaptureFixture,
) -> None:
    chunks: list[str] = []

    def on_chunk(event: Any) -> None:
        chunks.append(event.chunk.type)
        if event.chunk.type == "text-delta":
            raise ValueError("callback failure")

    result = stream(model=model(text_step("Hello", " world")), on_chunk=on_chunk)
    with caplog.at_level(logging.ERROR, logger="ai_sdk"):
        parts = await collect(result)
    assert chunks == types(parts)
    assert await result.text == "Hello world"
    failures = [r for r in caplog.records if "callback" in r.getMessage()]
    assert len(failures) == 2
    assert all(isinstance(r.exc_info[1], ValueError) for r in failures)  # type: ignore[index]


async def test_raising_on_error_and_on_finish_do_not_break_the_stream(
    caplog: pytest.LogCaptureFixture,
) -> None:
    def on_error(event: ErrorEvent) -> None:
        raise RuntimeError("on_error failure")

    async def on_finish(event: FinishEvent) -> None:
        raise RuntimeError("on_finish failure")

    def on_step_finish(step: StepResult) -> None:
        raise RuntimeError("on_step_finish failure")

    error = RuntimeError("chunk error")
    result = stream(
        model=model([*text("Hi"), LanguageModelV4StreamError(error=error), finish()]),
        on_error=on_error,
        on_finish=on_finish,
        on_step_finish=on_step_finish,
    )
    with caplog.at_level(logging.ERROR, logger="ai_sdk"):
        parts = await collect(result)
    assert ErrorPart(error=error) in parts
    assert types(parts)[-1] == "finish"
    assert await result.text == "Hi"
    logged = caplog.text
    assert "on_error failure" in logged
    assert "on_finish failure" in logged
    assert "on_step_finish failure" in logged


async def test_lifecycle_callbacks_in_order() -> None:
    events: list[str] = []

    def on_start(event: StartEvent) -> None:
        events.append(f"start {[m.role for m in event.messages]}")

    def on_step_start(event: StepStartEvent) -> None:
        events.append(f"step-start {event.step_number}")

    def on_step_finish(step: StepResult) -> None:
        events.append(f"step-finish {step.step_number}")

    def on_finish(event: FinishEvent) -> None:
        events.append(f"finish {len(event.steps)} {event.total_usage.output_tokens}")

    mock = model([tool_call("call-1", "tool1"), finish("tool-calls")], text_step("done"))
    await stream(
        model=mock,
        tools={"tool1": tool(input_schema={"type": "object"}, execute=lambda value: "r")},
        stop_when=is_step_count(2),
        on_start=on_start,
        on_step_start=on_step_start,
        on_step_finish=on_step_finish,
        on_finish=on_finish,
        on_chunk=lambda event: (
            events.append(event.chunk.type)
            if event.chunk.type in ("start", "finish-step", "finish")
            else None
        ),
    ).consume_stream()
    assert events == [  # pull-based: the start part comes first, then the generation starts
        "start",
        "start ['user']",
        "step-start 0",
        "finish-step",
        "step-finish 0",
        "step-start 1",
        "finish-step",
        "step-finish 1",
        "finish",
        "finish 2 20",
    ]


async def test_on_finish_receives_the_summary() -> None:
    finished: list[FinishEvent] = []
    await stream(
        model=model(text_step("Hello", "!")),
        on_finish=finished.append,
        runtime_context={"k": 1},
    ).consume_stream()
    [event] = finished
    assert (event.text, event.finish_reason, event.runtime_context) == ("Hello!", "stop", {"k": 1})
    assert event.call_id.startswith("call-")
    assert [m.role for m in event.response_messages] == ["assistant"]
