from __future__ import annotations

import asyncio
import time
from collections.abc import Awaitable, Callable
from email.utils import formatdate
from typing import Any

import pytest

from ai_sdk_core.errors import RetryError
from ai_sdk_core.provider import AISDKError, APICallError, InvalidArgumentError
from ai_sdk_core.provider_utils import prepare_retries, retry_with_exponential_backoff


def api_error(
    message: str = "boom", *, retryable: bool = True, headers: dict[str, str] | None = None
) -> APICallError:
    return APICallError(
        message,
        url="https://api.example.com",
        request_body_values={},
        is_retryable=retryable,
        response_headers=headers,
    )


class Calls:
    """An async function that raises the given errors in turn, then returns ``"ok"``."""

    def __init__(self, *outcomes: BaseException) -> None:
        self._outcomes = list(outcomes)
        self.count = 0

    async def __call__(self) -> str:
        self.count += 1
        if self._outcomes:
            raise self._outcomes.pop(0)
        return "ok"


class FakeSleep:
    def __init__(self) -> None:
        self.delays: list[float] = []

    async def __call__(self, seconds: float) -> None:
        self.delays.append(seconds)


async def retry(fn: Callable[[], Awaitable[str]], sleep: FakeSleep, **options: Any) -> str:
    return await retry_with_exponential_backoff(fn, sleep=sleep, **options)


@pytest.fixture
def sleep() -> FakeSleep:
    return FakeSleep()


@pytest.mark.anyio
async def test_a_first_success_returns_without_sleeping(sleep: FakeSleep) -> None:
    calls = Calls()

    assert await retry(calls, sleep) == "ok"
    assert calls.count == 1
    assert sleep.delays == []


@pytest.mark.anyio
async def test_retryable_errors_are_retried_with_exponential_backoff(sleep: FakeSleep) -> None:
    calls = Calls(api_error(), api_error())

    assert await retry(calls, sleep) == "ok"
    assert calls.count == 3
    assert sleep.delays == [2.0, 4.0]


@pytest.mark.anyio
async def test_initial_delay_and_backoff_factor_are_configurable(sleep: FakeSleep) -> None:
    calls = Calls(api_error(), api_error(), api_error())

    await retry(calls, sleep, max_retries=3, initial_delay_ms=100, backoff_factor=3)

    assert sleep.delays == pytest.approx([0.1, 0.3, 0.9])


@pytest.mark.anyio
async def test_too_many_failures_raise_a_retry_error_with_every_error(sleep: FakeSleep) -> None:
    errors = [api_error("first"), api_error("second"), api_error("third")]
    calls = Calls(*errors)

    with pytest.raises(RetryError) as caught:
        await retry(calls, sleep)

    error = caught.value
    assert error.message == "Failed after 3 attempts. Last error: AI_APICallError: third"
    assert error.reason == "maxRetriesExceeded"
    assert error.errors == errors
    assert error.last_error is errors[-1]
    assert error.__cause__ is errors[-1]
    assert sleep.delays == [2.0, 4.0]


@pytest.mark.anyio
async def test_a_non_retryable_error_after_a_retry_raises_a_retry_error(sleep: FakeSleep) -> None:
    errors = [api_error("busy"), api_error("bad request", retryable=False)]

    with pytest.raises(RetryError) as caught:
        await retry(Calls(*errors), sleep)

    assert caught.value.message == (
        "Failed after 2 attempts with non-retryable error: 'AI_APICallError: bad request'"
    )
    assert caught.value.reason == "errorNotRetryable"
    assert caught.value.errors == errors


@pytest.mark.anyio
@pytest.mark.parametrize(
    "error",
    [api_error(retryable=False), ValueError("not an SDK error"), AISDKError("no is_retryable")],
)
async def test_a_first_non_retryable_error_is_raised_unwrapped(
    sleep: FakeSleep, error: Exception
) -> None:
    calls = Calls(error)

    with pytest.raises(type(error)) as caught:
        await retry(calls, sleep)

    assert caught.value is error
    assert calls.count == 1
    assert sleep.delays == []


@pytest.mark.anyio
async def test_max_retries_zero_raises_the_error_as_it_is(sleep: FakeSleep) -> None:
    error = api_error()
    calls = Calls(error)

    with pytest.raises(APICallError) as caught:
        await retry(calls, sleep, max_retries=0)

    assert caught.value is error
    assert calls.count == 1


@pytest.mark.anyio
async def test_cancellation_is_never_retried(sleep: FakeSleep) -> None:
    calls = Calls(asyncio.CancelledError())

    with pytest.raises(asyncio.CancelledError):
        await retry(calls, sleep)

    assert calls.count == 1
    assert sleep.delays == []


@pytest.mark.anyio
@pytest.mark.parametrize(
    ("headers", "initial_delay_ms", "expected_seconds"),
    [
        ({"retry-after-ms": "3000"}, 2000, 3.0),
        ({"retry-after-ms": "1500.5"}, 2000, 1.5005),
        ({"retry-after-ms": "250ms"}, 2000, 0.25),  # parseFloat reads the leading number
        ({"retry-after": "5"}, 2000, 5.0),
        ({"retry-after": "0.5"}, 2000, 0.5),
        ({"retry-after-ms": "100", "retry-after": "9"}, 2000, 0.1),
        ({"retry-after-ms": "soon", "retry-after": "1"}, 2000, 1.0),
        ({"retry-after-ms": "70000"}, 2000, 2.0),  # too long: the backoff delay
        ({"retry-after-ms": "70000"}, 100_000, 70.0),  # but shorter than the backoff
        ({"retry-after": "-1"}, 2000, 2.0),
        ({"retry-after": "whenever"}, 2000, 2.0),
        ({}, 2000, 2.0),
    ],
)
async def test_rate_limit_headers_set_the_delay(
    sleep: FakeSleep,
    headers: dict[str, str],
    initial_delay_ms: float,
    expected_seconds: float,
) -> None:
    await retry(Calls(api_error(headers=headers)), sleep, initial_delay_ms=initial_delay_ms)

    assert sleep.delays == pytest.approx([expected_seconds])


@pytest.mark.anyio
async def test_a_retry_after_http_date_waits_until_that_time(sleep: FakeSleep) -> None:
    in_ten_seconds = formatdate(time.time() + 10, usegmt=True)

    await retry(Calls(api_error(headers={"retry-after": in_ten_seconds})), sleep)

    (delay,) = sleep.delays
    assert 8.0 < delay <= 10.0


class GatewayRateLimitError(AISDKError):
    """Like the gateway's errors: not an APICallError, but retryable with an API cause."""

    def __init__(self, cause: APICallError) -> None:
        super().__init__("rate limited", cause=cause)
        self.is_retryable = True


@pytest.mark.anyio
async def test_other_retryable_sdk_errors_are_retried_with_their_causes_headers(
    sleep: FakeSleep,
) -> None:
    error = GatewayRateLimitError(api_error(headers={"retry-after-ms": "50"}))

    assert await retry(Calls(error), sleep) == "ok"
    assert sleep.delays == [0.05]


def test_prepare_retries_defaults_to_two() -> None:
    assert prepare_retries().max_retries == 2
    assert prepare_retries(None).max_retries == 2
    assert prepare_retries(0).max_retries == 0


@pytest.mark.anyio
async def test_the_prepared_retry_function_applies_max_retries() -> None:
    error = api_error()
    calls = Calls(error)

    with pytest.raises(APICallError) as caught:
        await prepare_retries(0).retry(calls)

    assert caught.value is error
    assert calls.count == 1
    assert await prepare_retries(0).retry(Calls()) == "ok"


@pytest.mark.parametrize(
    ("value", "message"),
    [
        (-1, "max_retries must be >= 0"),
        (1.5, "max_retries must be an integer"),
        (True, "max_retries must be an integer"),
    ],
)
def test_prepare_retries_rejects_invalid_values(value: Any, message: str) -> None:
    with pytest.raises(InvalidArgumentError) as caught:
        prepare_retries(value)

    assert caught.value.message == f"Invalid argument for parameter max_retries: {message}"
    assert caught.value.parameter == "max_retries"
    assert caught.value.value == value
