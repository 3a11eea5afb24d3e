"""``generate_text`` at run time: retries, time limits, cancellation, and ``generate_text_sync``
in a script, in a thread and under a running event loop."""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Callable
from typing import Any

import anyio
import anyio.lowlevel
import pytest

from ai_sdk_core import generate_text, generate_text_sync, is_step_count, tool
from ai_sdk_core.errors import APICallError, RetryError
from ai_sdk_core.generate_text import FinishEvent, Timeout, ToolError
from ai_sdk_core.provider import LanguageModelV4CallOptions, LanguageModelV4GenerateResult
from ai_sdk_core.provider_utils import _retry
from ai_sdk_core.testing import MockLanguageModelV4

from ._helpers import ValueInput, call, prompt_of, text_result, tool_call


def api_error(status_code: int = 429, headers: dict[str, str] | None = None) -> APICallError:
    return APICallError(
        "Rate limited" if status_code == 429 else "Bad request",
        url="https://api.example.com/v1/chat",
        request_body_values={},
        status_code=status_code,
        response_headers=headers,
    )


def failing_then(
    errors: list[Exception], final: LanguageModelV4GenerateResult
) -> Callable[[LanguageModelV4CallOptions], LanguageModelV4GenerateResult]:
    """A ``do_generate`` raising ``errors`` one call after another, then returning ``final``."""
    remaining = iter(errors)

    def do_generate(options: LanguageModelV4CallOptions) -> LanguageModelV4GenerateResult:
        error = next(remaining, None)
        if error is not None:
            raise error
        return final

    return do_generate


# --- retries -------------------------------------------------------------------------------


@pytest.fixture
def delays(monkeypatch: pytest.MonkeyPatch) -> list[float]:
    """The retry waits (seconds), recorded instead of slept."""
    recorded: list[float] = []

    async def no_sleep(seconds: float) -> None:
        recorded.append(seconds)

    monkeypatch.setattr(_retry, "retry_sleep", no_sleep)
    return recorded


@pytest.mark.anyio
class TestRetries:
    async def test_retryable_errors_are_retried_with_backoff(self, delays: list[float]) -> None:
        model = MockLanguageModelV4(
            do_generate=failing_then([api_error(), api_error(503)], text_result())
        )

        response = await generate_text(model=model, prompt="prompt")

        assert response.text == "Hello, world!"
        assert len(model.do_generate_calls) == 3
        assert delays == [2.0, 4.0]

    async def test_rate_limit_headers_set_the_delay(self, delays: list[float]) -> None:
        model = MockLanguageModelV4(
            do_generate=failing_then([api_error(headers={"retry-after-ms": "1500"})], text_result())
        )
        await generate_text(model=model, prompt="prompt")
        assert delays == [1.5]

    async def test_too_many_failures_raise_a_retry_error(self, delays: list[float]) -> None:
        errors: list[Exception] = [api_error(), api_error(), api_error()]
        model = MockLanguageModelV4(do_generate=failing_then(errors, text_result()))

        with pytest.raises(RetryError) as raised:
            await generate_text(model=model, prompt="prompt", max_retries=2)

        assert raised.value.reason == "maxRetriesExceeded"
        assert raised.value.errors == errors
        assert raised.value.last_error is errors[-1]
        assert str(raised.value).startswith("Failed after 3 attempts. Last error: ")
        assert len(model.do_generate_calls) == 3

    async def test_max_retries_zero_raises_the_error_as_it_is(self, delays: list[float]) -> None:
        error = api_error()
        model = MockLanguageModelV4(do_generate=failing_then([error], text_result()))
        with pytest.raises(APICallError) as raised:
            await generate_text(model=model, prompt="prompt", max_retries=0)
        assert raised.value is error
        assert delays == []

    @pytest.mark.parametrize("error", [api_error(400), ValueError("not an API error")])
    async def test_non_retryable_errors_are_raised_as_they_are(
        self, error: Exception, delays: list[float]
    ) -> None:
        model = MockLanguageModelV4(do_generate=failing_then([error], text_result()))
        with pytest.raises(type(error)) as raised:
            await generate_text(model=model, prompt="prompt")
        assert raised.value is error
        assert len(model.do_generate_calls) == 1
        assert delays == []

    async def test_each_step_is_retried_on_its_own(self, delays: list[float]) -> None:
        results: list[Exception | LanguageModelV4GenerateResult] = [
            api_error(),
            call(tool_call()),
            api_error(),
            text_result("Done."),
        ]

        def do_generate(options: LanguageModelV4CallOptions) -> LanguageModelV4GenerateResult:
            item = results.pop(0)
            if isinstance(item, Exception):
                raise item
            return item

        model = MockLanguageModelV4(do_generate=do_generate)
        response = await generate_text(
            model=model,
            prompt="prompt",
            tools={"tool1": tool(input_schema=ValueInput, execute=lambda input: "ok")},
            stop_when=is_step_count(2),
        )
        assert response.text == "Done."
        assert delays == [2.0, 2.0]  # the backoff starts afresh in each step


# --- time limits and cancellation ----------------------------------------------------------


class Hanging:
    """A ``do_generate`` that never returns; records that it started and was cancelled."""

    def __init__(self) -> None:
        self.started = anyio.Event()
        self.cancelled = False

    async def __call__(self, options: LanguageModelV4CallOptions) -> LanguageModelV4GenerateResult:
        self.started.set()
        try:
            await anyio.sleep_forever()
        except anyio.get_cancelled_exc_class():
            self.cancelled = True
            raise
        raise AssertionError("unreachable")


@pytest.mark.anyio
class TestTimeouts:
    async def test_a_total_timeout_cancels_the_model_call(self) -> None:
        hanging = Hanging()
        finished: list[FinishEvent] = []
        with pytest.raises(TimeoutError, match=r"Total timeout of 0\.01 s exceeded"):
            await generate_text(
                model=MockLanguageModelV4(do_generate=hanging),
                prompt="prompt",
                timeout=0.01,
                on_finish=finished.append,
            )
        assert hanging.started.is_set()
        assert hanging.cancelled
        assert finished == []

    async def test_a_step_timeout(self) -> None:
        hanging = Hanging()
        with pytest.raises(TimeoutError, match=r"Step timeout of 0\.01 s exceeded"):
            await generate_text(
                model=MockLanguageModelV4(do_generate=hanging),
                prompt="prompt",
                timeout=Timeout(total=60, step=0.01),
            )
        assert hanging.cancelled

    async def test_a_total_timeout_also_bounds_tool_execution(self) -> None:
        cancelled: list[bool] = []

        async def execute(input: ValueInput) -> str:
            try:
                await anyio.sleep_forever()
            except anyio.get_cancelled_exc_class():
                cancelled.append(True)
                raise
            return "never"

        with pytest.raises(TimeoutError, match="Total timeout"):
            await generate_text(
                model=MockLanguageModelV4(do_generate=[call(tool_call())]),
                prompt="prompt",
                tools={"tool1": tool(input_schema=ValueInput, execute=execute)},
                timeout=Timeout(total=0.01),
            )
        assert cancelled == [True]

    async def test_a_timeout_error_of_the_model_is_raised_as_it_is(self) -> None:
        error = TimeoutError("upstream read timed out")
        model = MockLanguageModelV4(do_generate=failing_then([error], text_result()))
        with pytest.raises(TimeoutError) as raised:
            await generate_text(model=model, prompt="prompt", timeout=60)
        assert raised.value is error

    async def test_a_tool_timeout_is_a_tool_error(self) -> None:
        async def execute(input: ValueInput) -> str:
            await anyio.sleep_forever()
            return "never"

        model = MockLanguageModelV4(do_generate=[call(tool_call()), text_result("Sorry.")])
        response = await generate_text(
            model=model,
            prompt="prompt",
            tools={
                "tool1": tool(input_schema=ValueInput, execute=execute),
            },
            timeout=Timeout(tools={"tool1": 0.01}),
            stop_when=is_step_count(2),
        )

        error = response.steps[0].content[-1]
        assert isinstance(error, ToolError)
        assert isinstance(error.error, TimeoutError)
        assert prompt_of(model.do_generate_calls[1])[-1]["content"][0]["output"] == {
            "type": "error-text",
            "value": "TimeoutError: Tool 'tool1' did not finish within 0.01 seconds.",
        }
        assert response.text == "Sorry."


@pytest.mark.anyio
class TestCancellation:
    async def test_cancelling_the_caller_cancels_the_model_call(self) -> None:
        hanging = Hanging()
        finished: list[FinishEvent] = []
        completed = False

        async def run() -> None:
            nonlocal completed
            await generate_text(
                model=MockLanguageModelV4(do_generate=hanging),
                prompt="prompt",
                on_finish=finished.append,
            )
            completed = True

        with anyio.fail_after(5):
            async with anyio.create_task_group() as group:
                group.start_soon(run)
                await hanging.started.wait()
                group.cancel_scope.cancel()

        assert hanging.cancelled
        assert not completed
        assert finished == []

    async def test_cancelling_during_a_tool_stops_the_loop(self) -> None:
        tool_started = anyio.Event()
        tool_cancelled: list[bool] = []
        model = MockLanguageModelV4(do_generate=[call(tool_call()), text_result()])

        async def execute(input: ValueInput) -> str:
            tool_started.set()
            try:
                await anyio.sleep_forever()
            except anyio.get_cancelled_exc_class():
                tool_cancelled.append(True)
                raise
            return "never"

        with anyio.fail_after(5):
            async with anyio.create_task_group() as group:
                group.start_soon(
                    lambda: generate_text(
                        model=model,
                        prompt="prompt",
                        tools={"tool1": tool(input_schema=ValueInput, execute=execute)},
                        stop_when=is_step_count(5),
                    )
                )
                await tool_started.wait()
                group.cancel_scope.cancel()

        assert tool_cancelled == [True]
        assert len(model.do_generate_calls) == 1


# --- generate_text_sync --------------------------------------------------------------------


def sync_call() -> Any:
    """A two-step generation with a plain-function tool, run with ``generate_text_sync``."""
    return generate_text_sync(
        model=MockLanguageModelV4(do_generate=[call(tool_call()), text_result("Done.")]),
        prompt="prompt",
        tools={"tool1": tool(input_schema=ValueInput, execute=lambda input: input.value)},
        stop_when=is_step_count(2),
    )


class TestSyncTwin:
    def test_in_a_plain_function(self) -> None:
        response = sync_call()
        assert response.text == "Done."
        assert [r.output for r in response.tool_results] == ["value"]

    def test_in_a_thread(self) -> None:
        results: list[Any] = []
        threads = [threading.Thread(target=lambda: results.append(sync_call())) for _ in range(3)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=10)
        assert [response.text for response in results] == ["Done."] * 3

    def test_inside_a_running_event_loop(self) -> None:
        async def main() -> Any:
            # sync code called from a coroutine, as in a Jupyter cell
            return sync_call()

        assert asyncio.run(main()).text == "Done."

    def test_a_plain_function_tool_may_call_the_sync_twin_itself(self) -> None:
        def ask_expert(input: ValueInput) -> str:
            # runs in a worker thread while the outer call waits on the shared loop
            return sync_call().text

        response = generate_text_sync(
            model=MockLanguageModelV4(do_generate=[call(tool_call("expert"))]),
            prompt="prompt",
            tools={"expert": tool(input_schema=ValueInput, execute=ask_expert)},
        )
        assert [r.output for r in response.tool_results] == ["Done."]

    def test_calling_it_from_the_shared_loop_is_an_error_not_a_deadlock(self) -> None:
        async def blocking_tool(input: ValueInput) -> str:
            # a coroutine on the loop that runs sync calls: blocking it would deadlock
            return sync_call().text

        response = generate_text_sync(
            model=MockLanguageModelV4(do_generate=[call(tool_call("expert"))]),
            prompt="prompt",
            tools={"expert": tool(input_schema=ValueInput, execute=blocking_tool)},
        )
        error = response.content[-1]
        assert isinstance(error, ToolError)
        assert isinstance(error.error, RuntimeError)
        assert "worker thread" in str(error.error)

    def test_errors_propagate_with_their_type(self) -> None:
        error = api_error(400)
        with pytest.raises(APICallError) as raised:
            generate_text_sync(
                model=MockLanguageModelV4(do_generate=failing_then([error], text_result())),
                prompt="prompt",
            )
        assert raised.value is error

    def test_repeated_calls_leak_no_threads(self) -> None:
        sync_call()
        before = threading.active_count()
        for _ in range(5):
            sync_call()
        assert threading.active_count() <= before

    def test_async_callbacks_and_tools_run_on_the_sync_loop(self) -> None:
        seen: list[str] = []

        async def execute(input: ValueInput) -> str:
            await anyio.lowlevel.checkpoint()
            return "async result"

        async def on_finish(event: FinishEvent) -> None:
            seen.append(event.text)

        response = generate_text_sync(
            model=MockLanguageModelV4(do_generate=[call(tool_call()), text_result("Done.")]),
            prompt="prompt",
            tools={"tool1": tool(input_schema=ValueInput, execute=execute)},
            stop_when=is_step_count(2),
            on_finish=on_finish,
        )
        assert [r.output for r in response.tool_results] == ["async result"]
        assert seen == ["Done."]
