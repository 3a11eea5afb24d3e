"""Response handlers: turn an HTTP response into a value, or into the error to raise.

A handler is called as ``await handler(response=…, url=…, request_body_values=…)`` and returns
an :class:`ApiResponse`. A successful-response handler owns the (streamed) response: it reads
and closes it, or hands it to the value it returns (the event-stream handler's generator).
"""

from __future__ import annotations

from collections.abc import AsyncGenerator, Awaitable, Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Generic, Protocol, TypeVar, overload

import anyio

from ai_sdk_core.provider._errors import APICallError, EmptyResponseBodyError

from ._headers import extract_response_headers
from ._parse_json import ParseFailure, ParseResult, safe_parse_json
from ._sse import json_event_stream

if TYPE_CHECKING:
    import httpx

__all__ = [
    "ApiResponse",
    "ResponseHandler",
    "close_response",
    "create_binary_response_handler",
    "create_event_source_response_handler",
    "create_json_error_response_handler",
    "create_json_response_handler",
    "create_status_code_error_response_handler",
]

T = TypeVar("T")
T_co = TypeVar("T_co", covariant=True)

# Statuses whose responses have no body at all (``response.body === null`` in fetch).
_NULL_BODY_STATUSES = frozenset({101, 103, 204, 205, 304})


@dataclass(slots=True, frozen=True, kw_only=True)
class ApiResponse(Generic[T_co]):
    """What a response handler produced: the ``value``, the plain parsed JSON ``raw_value``
    (when the body was JSON) and the ``response_headers`` (lower-case names)."""

    value: T_co
    raw_value: Any = None
    response_headers: dict[str, str] = field(default_factory=dict[str, str])


class ResponseHandler(Protocol[T_co]):
    """Turns a response into an :class:`ApiResponse` (``ResponseHandler`` in TS)."""

    def __call__(
        self, *, response: httpx.Response, url: str, request_body_values: object
    ) -> Awaitable[ApiResponse[T_co]]: ...


async def close_response(response: httpx.Response) -> None:
    """Close ``response``, also when the calling task is being cancelled."""
    with anyio.CancelScope(shield=True):
        await response.aclose()


async def _read_body(response: httpx.Response) -> bytes:
    try:
        return await response.aread()
    finally:
        await close_response(response)


async def _read_text(response: httpx.Response) -> str:
    # As TextDecoder decodes: invalid bytes replaced, a leading BOM dropped.
    return (await _read_body(response)).decode("utf-8-sig", "replace")


def create_json_error_response_handler(
    *,
    error_schema: type[T] | Any,
    error_to_message: Callable[[T], str],
    is_retryable: Callable[[httpx.Response, T | None], bool] | None = None,
) -> ResponseHandler[APICallError]:
    """An error handler for providers that answer errors with JSON.

    An empty body gives an error with the HTTP reason phrase as message. A body that matches
    ``error_schema`` gives ``error_to_message(data)`` as message and the parsed ``data``.
    Anything else gives the reason phrase and keeps the body text. ``is_retryable`` (called
    with the response and the parsed data, or ``None``) overrides the status-code default.
    """

    async def handle(
        *, response: httpx.Response, url: str, request_body_values: object
    ) -> ApiResponse[APICallError]:
        response_body = await _read_text(response)
        response_headers = extract_response_headers(response)

        def api_call_error(message: str, data: T | None) -> APICallError:
            return APICallError(
                message,
                url=url,
                request_body_values=request_body_values,
                status_code=response.status_code,
                response_headers=response_headers,
                response_body=response_body,
                is_retryable=None if is_retryable is None else is_retryable(response, data),
                data=data,
            )

        error: APICallError | None = None
        if response_body.strip():
            # resilient: a body that is not JSON or does not match falls back to the status
            result = safe_parse_json(response_body, error_schema)
            if not isinstance(result, ParseFailure):
                data: T = result.value
                try:
                    error = api_call_error(error_to_message(data), data)
                except Exception:  # as TS: any failure falls back to the status
                    error = None
        if error is None:
            error = api_call_error(response.reason_phrase, None)
        return ApiResponse(value=error, response_headers=response_headers)

    return handle


def create_status_code_error_response_handler() -> ResponseHandler[APICallError]:
    """An error handler that keeps the body text and uses the HTTP reason phrase as message."""

    async def handle(
        *, response: httpx.Response, url: str, request_body_values: object
    ) -> ApiResponse[APICallError]:
        response_headers = extract_response_headers(response)
        response_body = await _read_text(response)
        error = APICallError(
            response.reason_phrase,
            url=url,
            request_body_values=request_body_values,
            status_code=response.status_code,
            response_headers=response_headers,
            response_body=response_body,
        )
        return ApiResponse(value=error, response_headers=response_headers)

    return handle


@overload
def create_json_response_handler(schema: type[T]) -> ResponseHandler[T]: ...
@overload
def create_json_response_handler(schema: Any) -> ResponseHandler[Any]: ...
def create_json_response_handler(schema: Any) -> ResponseHandler[Any]:
    """A handler that parses the body as JSON and validates it against ``schema``.

    Invalid JSON or a schema mismatch raises ``APICallError("Invalid JSON response")``.
    """

    async def handle(
        *, response: httpx.Response, url: str, request_body_values: object
    ) -> ApiResponse[Any]:
        response_body = await _read_text(response)
        result = safe_parse_json(response_body, schema)
        response_headers = extract_response_headers(response)
        if isinstance(result, ParseFailure):
            raise APICallError(
                "Invalid JSON response",
                cause=result.error,
                status_code=response.status_code,
                response_headers=response_headers,
                response_body=response_body,
                url=url,
                request_body_values=request_body_values,
            )
        return ApiResponse(
            value=result.value, raw_value=result.raw_value, response_headers=response_headers
        )

    return handle


@overload
def create_event_source_response_handler(
    schema: type[T],
) -> ResponseHandler[AsyncGenerator[ParseResult[T], None]]: ...
@overload
def create_event_source_response_handler(
    schema: Any,
) -> ResponseHandler[AsyncGenerator[ParseResult[Any], None]]: ...
def create_event_source_response_handler(
    schema: Any,
) -> ResponseHandler[AsyncGenerator[ParseResult[Any], None]]:
    """A handler for Server-Sent-Events bodies of JSON chunks validated against ``schema``.

    The value is an async generator of parse results (see :func:`parse_json_event_stream`)
    that owns the response: it closes it when exhausted, closed early or cancelled.
    """

    async def handle(
        *, response: httpx.Response, url: str, request_body_values: object
    ) -> ApiResponse[AsyncGenerator[ParseResult[Any], None]]:
        response_headers = extract_response_headers(response)
        if response.status_code in _NULL_BODY_STATUSES:
            await close_response(response)
            raise EmptyResponseBodyError()
        return ApiResponse(
            value=json_event_stream(response.aiter_bytes(), schema, close=response.aclose),
            response_headers=response_headers,
        )

    return handle


def create_binary_response_handler() -> ResponseHandler[bytes]:
    """A handler whose value is the body as ``bytes``."""

    async def handle(
        *, response: httpx.Response, url: str, request_body_values: object
    ) -> ApiResponse[bytes]:
        response_headers = extract_response_headers(response)

        def api_call_error(message: str, cause: object = None) -> APICallError:
            return APICallError(
                message,
                url=url,
                request_body_values=request_body_values,
                status_code=response.status_code,
                response_headers=response_headers,
                cause=cause,
            )

        if response.status_code in _NULL_BODY_STATUSES:
            await close_response(response)
            raise api_call_error("Response body is empty")
        try:
            body = await _read_body(response)
        except Exception as error:
            raise api_call_error("Failed to read response as array buffer", error) from error
        return ApiResponse(value=body, response_headers=response_headers)

    return handle
