"""Retrying failed API calls with exponential backoff, honouring rate-limit headers.

The policy of the TS core (``retryWithExponentialBackoffRespectingRetryHeaders``): only errors
with ``is_retryable`` set are retried (``APICallError`` and other AI SDK errors that define it,
such as gateway errors); a ``retry-after-ms`` or ``retry-after`` header replaces the backoff
delay when it is under 60 s or shorter than the backoff; cancellation is never retried.
"""

from __future__ import annotations

import re
import time
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from typing import Protocol, TypeVar

import anyio

from ai_sdk_core._errors import RetryError
from ai_sdk_core.provider._errors import (
    AISDKError,
    APICallError,
    InvalidArgumentError,
    get_error_message,
)

__all__ = [
    "PreparedRetries",
    "RetryFunction",
    "prepare_retries",
    "retry_with_exponential_backoff",
]

T = TypeVar("T")

_MAX_HEADER_DELAY_MS = 60_000

retry_sleep: Callable[[float], Awaitable[object]] = anyio.sleep
"""How the retries of the core functions wait (seconds; looked up on each wait). Tests replace
it (``monkeypatch.setattr(ai_sdk_core.provider_utils._retry, "retry_sleep", fake)``) to run
retries without delays."""

# The prefix JS ``parseFloat`` reads.
_FLOAT_PREFIX = re.compile(r"\s*([+-]?(?:Infinity|(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?))")


async def retry_with_exponential_backoff(
    fn: Callable[[], Awaitable[T]],
    *,
    max_retries: int = 2,
    initial_delay_ms: float = 2000,
    backoff_factor: float = 2,
    sleep: Callable[[float], Awaitable[object]] | None = None,
) -> T:
    """Call ``fn`` until it succeeds, retrying retryable errors up to ``max_retries`` times.

    The delays are ``initial_delay_ms`` times powers of ``backoff_factor``, unless the
    error's response headers ask for a reasonable other delay; ``sleep`` (seconds) waits,
    :data:`retry_sleep` when not given.
    With ``max_retries=0``, or when the first error is not retryable, that error is raised
    as it is; otherwise a :class:`RetryError` holding every attempt's error.
    """
    errors: list[Exception] = []
    backoff_ms = initial_delay_ms
    while True:
        try:
            return await fn()
        except Exception as error:
            if max_retries == 0:
                raise  # retries disabled: the error as it is
            errors.append(error)
            if len(errors) > max_retries or not _should_retry(error):
                if len(errors) == 1:
                    raise  # not retryable on the first try: the error as it is
                raise _retry_error(errors, max_retries) from error
            delay_ms = _retry_delay_ms(error, backoff_ms)
        await (sleep or retry_sleep)(delay_ms / 1000)
        backoff_ms *= backoff_factor


def _should_retry(error: Exception) -> bool:
    return isinstance(error, AISDKError) and getattr(error, "is_retryable", None) is True


def _retry_error(errors: list[Exception], max_retries: int) -> RetryError:
    message = get_error_message(errors[-1])
    if len(errors) > max_retries:
        return RetryError(
            f"Failed after {len(errors)} attempts. Last error: {message}",
            reason="maxRetriesExceeded",
            errors=errors,
        )
    return RetryError(
        f"Failed after {len(errors)} attempts with non-retryable error: '{message}'",
        reason="errorNotRetryable",
        errors=errors,
    )


def _response_headers(error: Exception) -> Mapping[str, str] | None:
    if isinstance(error, APICallError):
        return error.response_headers
    if isinstance(error, AISDKError) and isinstance(error.cause, APICallError):
        return error.cause.response_headers
    return None


def _retry_delay_ms(error: Exception, backoff_ms: float) -> float:
    headers = _response_headers(error)
    if not headers:
        return backoff_ms
    delay_ms: float | None = None
    if retry_after_ms := headers.get("retry-after-ms"):  # more precise; sent by e.g. OpenAI
        delay_ms = _parse_float(retry_after_ms)
    if (retry_after := headers.get("retry-after")) and delay_ms is None:
        seconds = _parse_float(retry_after)
        delay_ms = seconds * 1000 if seconds is not None else _ms_until_http_date(retry_after)
    if (
        delay_ms is not None
        and delay_ms >= 0
        and (delay_ms < _MAX_HEADER_DELAY_MS or delay_ms < backoff_ms)
    ):
        return delay_ms
    return backoff_ms


def _parse_float(text: str) -> float | None:
    """JS ``parseFloat``: the number at the start of ``text``, or ``None`` (NaN)."""
    match = _FLOAT_PREFIX.match(text)
    return float(match.group(1).replace("Infinity", "inf")) if match else None


def _ms_until_http_date(text: str) -> float | None:
    try:
        when = parsedate_to_datetime(text)
    except (TypeError, ValueError):
        try:
            when = datetime.fromisoformat(text)
        except ValueError:
            return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return (when.timestamp() - time.time()) * 1000


class RetryFunction(Protocol):
    """Runs an async call with the retry policy: ``await retry(lambda: model.do_generate(…))``."""

    def __call__(self, fn: Callable[[], Awaitable[T]], /) -> Awaitable[T]: ...


@dataclass(slots=True, frozen=True, kw_only=True)
class PreparedRetries:
    """The validated ``max_retries`` and the ``retry`` function that applies it."""

    max_retries: int
    retry: RetryFunction


def prepare_retries(max_retries: int | None = None) -> PreparedRetries:
    """Validate ``max_retries`` (an integer ≥ 0; default 2) and build the retry function.

    Raises :class:`InvalidArgumentError` for an invalid value.
    """
    if max_retries is not None:
        if type(max_retries) is not int:
            raise InvalidArgumentError.for_parameter(
                "max_retries", max_retries, "max_retries must be an integer"
            )
        if max_retries < 0:
            raise InvalidArgumentError.for_parameter(
                "max_retries", max_retries, "max_retries must be >= 0"
            )
    resolved = 2 if max_retries is None else max_retries

    async def retry(fn: Callable[[], Awaitable[T]]) -> T:
        return await retry_with_exponential_backoff(fn, max_retries=resolved)

    return PreparedRetries(max_retries=resolved, retry=retry)
