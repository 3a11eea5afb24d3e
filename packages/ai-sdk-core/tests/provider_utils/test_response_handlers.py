from __future__ import annotations

from collections.abc import AsyncIterator, Iterable
from contextlib import aclosing
from typing import Any

import httpx
import pytest
from pydantic import BaseModel

from ai_sdk_core.provider import (
    APICallError,
    EmptyResponseBodyError,
    JSONParseError,
    TypeValidationError,
)
from ai_sdk_core.provider_utils import (
    ParseSuccess,
    create_binary_response_handler,
    create_event_source_response_handler,
    create_json_error_response_handler,
    create_json_response_handler,
    create_status_code_error_response_handler,
)

URL = "https://api.example.com/v1/chat"
BODY_VALUES = {"model": "m"}


class ChunkStream(httpx.AsyncByteStream):
    """A response body that yields ``chunks``, then optionally fails, and records closing."""

    def __init__(self, chunks: Iterable[bytes], *, fail_with: Exception | None = None) -> None:
        self._chunks = list(chunks)
        self._fail_with = fail_with
        self.closed = False

    async def __aiter__(self) -> AsyncIterator[bytes]:
        for chunk in self._chunks:
            yield chunk
        if self._fail_with is not None:
            raise self._fail_with

    async def aclose(self) -> None:
        self.closed = True


def make_response(
    status: int,
    *chunks: bytes,
    headers: dict[str, str] | None = None,
    fail_with: Exception | None = None,
) -> tuple[httpx.Response, ChunkStream]:
    stream = ChunkStream(chunks, fail_with=fail_with)
    return httpx.Response(status, headers=headers, stream=stream), stream


class ErrorBody(BaseModel):
    class Error(BaseModel):
        message: str
        type: str

    error: ErrorBody.Error


def error_handler(**kwargs: Any) -> Any:
    return create_json_error_response_handler(
        error_schema=ErrorBody, error_to_message=lambda data: data.error.message, **kwargs
    )


@pytest.mark.anyio
async def test_json_error_body_matching_the_schema_gives_its_message_and_data() -> None:
    body = b'{"error": {"message": "Rate limit reached", "type": "tokens", "extra": 1}}'
    response, stream = make_response(429, body, headers={"Retry-After": "3"})

    result = await error_handler()(response=response, url=URL, request_body_values=BODY_VALUES)

    error = result.value
    assert isinstance(error, APICallError)
    assert error.message == "Rate limit reached"
    assert error.data == ErrorBody(
        error=ErrorBody.Error(message="Rate limit reached", type="tokens")
    )
    assert error.response_body == body.decode()
    assert error.status_code == 429
    assert error.url == URL
    assert error.request_body_values == BODY_VALUES
    assert error.is_retryable is True
    assert error.response_headers == {"retry-after": "3"}
    assert result.response_headers == {"retry-after": "3"}
    assert stream.closed


@pytest.mark.anyio
@pytest.mark.parametrize(
    ("body", "status", "reason"),
    [
        (b"<html>Bad Gateway</html>", 502, "Bad Gateway"),
        (b'{"detail": "not the schema"}', 400, "Bad Request"),
        (b"", 500, "Internal Server Error"),
        (b"  \n ", 404, "Not Found"),
    ],
)
async def test_other_error_bodies_fall_back_to_the_reason_phrase(
    body: bytes, status: int, reason: str
) -> None:
    response, stream = make_response(status, body)

    result = await error_handler()(response=response, url=URL, request_body_values=BODY_VALUES)

    assert result.value.message == reason
    assert result.value.response_body == body.decode()
    assert result.value.data is None
    assert result.value.status_code == status
    assert result.value.is_retryable is (status >= 500)
    assert stream.closed


@pytest.mark.anyio
async def test_is_retryable_callback_overrides_the_status_default() -> None:
    calls: list[tuple[int, object]] = []

    def is_retryable(response: httpx.Response, data: ErrorBody | None) -> bool:
        calls.append((response.status_code, data))
        return data is not None and data.error.type == "overloaded"

    handler = error_handler(is_retryable=is_retryable)
    matching, _ = make_response(400, b'{"error": {"message": "busy", "type": "overloaded"}}')
    plain, _ = make_response(503, b"down")

    first = await handler(response=matching, url=URL, request_body_values={})
    second = await handler(response=plain, url=URL, request_body_values={})

    assert first.value.is_retryable is True
    assert second.value.is_retryable is False
    assert calls == [
        (400, ErrorBody(error=ErrorBody.Error(message="busy", type="overloaded"))),
        (503, None),
    ]


@pytest.mark.anyio
async def test_a_failing_error_to_message_falls_back_to_the_reason_phrase() -> None:
    def broken(data: ErrorBody) -> str:
        raise KeyError("message")

    handler = create_json_error_response_handler(error_schema=ErrorBody, error_to_message=broken)
    response, _ = make_response(400, b'{"error": {"message": "m", "type": "t"}}')

    result = await handler(response=response, url=URL, request_body_values={})

    assert result.value.message == "Bad Request"
    assert result.value.data is None


@pytest.mark.anyio
async def test_status_code_error_handler_keeps_the_body_text() -> None:
    response, stream = make_response(404, b"no such model")

    result = await create_status_code_error_response_handler()(
        response=response, url=URL, request_body_values=BODY_VALUES
    )

    assert result.value.message == "Not Found"
    assert result.value.response_body == "no such model"
    assert result.value.request_body_values == BODY_VALUES
    assert stream.closed


class Person(BaseModel):
    name: str


@pytest.mark.anyio
async def test_json_handler_returns_the_validated_value_and_the_raw_json() -> None:
    response, stream = make_response(
        200, b'\xef\xbb\xbf{"name": "Ann",', b' "extra": [1]}', headers={"X-Id": "1"}
    )

    result = await create_json_response_handler(Person)(
        response=response, url=URL, request_body_values=BODY_VALUES
    )

    assert result.value == Person(name="Ann")
    assert result.raw_value == {"name": "Ann", "extra": [1]}
    assert result.response_headers == {"x-id": "1"}
    assert stream.closed


@pytest.mark.anyio
@pytest.mark.parametrize(
    ("body", "cause_type"),
    [(b"not json", JSONParseError), (b'{"name": 5}', TypeValidationError)],
)
async def test_json_handler_raises_invalid_json_response(
    body: bytes, cause_type: type[Exception]
) -> None:
    response, stream = make_response(200, body)

    with pytest.raises(APICallError) as caught:
        await create_json_response_handler(Person)(
            response=response, url=URL, request_body_values=BODY_VALUES
        )

    error = caught.value
    assert error.message == "Invalid JSON response"
    assert isinstance(error.cause, cause_type)
    assert error.response_body == body.decode()
    assert error.status_code == 200
    assert error.request_body_values == BODY_VALUES
    assert error.is_retryable is False
    assert stream.closed


@pytest.mark.anyio
async def test_binary_handler_returns_the_body_bytes() -> None:
    response, stream = make_response(200, b"\x00\x01", b"\x02", headers={"Content-Type": "audio"})

    result = await create_binary_response_handler()(
        response=response, url=URL, request_body_values={}
    )

    assert result.value == b"\x00\x01\x02"
    assert result.response_headers == {"content-type": "audio"}
    assert stream.closed


@pytest.mark.anyio
async def test_binary_handler_rejects_a_response_without_body() -> None:
    response, stream = make_response(204)

    with pytest.raises(APICallError, match=r"^Response body is empty$") as caught:
        await create_binary_response_handler()(response=response, url=URL, request_body_values={})

    assert caught.value.status_code == 204
    assert stream.closed


@pytest.mark.anyio
async def test_binary_handler_wraps_read_failures() -> None:
    failure = httpx.ReadError("connection reset")
    response, stream = make_response(200, b"partial", fail_with=failure)

    with pytest.raises(APICallError) as caught:
        await create_binary_response_handler()(response=response, url=URL, request_body_values={})

    assert caught.value.message == "Failed to read response as array buffer"
    assert caught.value.cause is failure
    assert stream.closed


class Delta(BaseModel):
    content: str


@pytest.mark.anyio
async def test_event_source_handler_streams_results_and_closes_the_response() -> None:
    response, stream = make_response(
        200,
        b'data: {"content": "a"}\n\n',
        b'data: {"content": "b"}\n\ndata: [DONE]\n\n',
        headers={"Content-Type": "text/event-stream"},
    )

    result = await create_event_source_response_handler(Delta)(
        response=response, url=URL, request_body_values={}
    )

    assert result.response_headers == {"content-type": "text/event-stream"}
    assert not stream.closed
    chunks = [chunk async for chunk in result.value]
    assert chunks == [
        ParseSuccess(value=Delta(content="a"), raw_value={"content": "a"}),
        ParseSuccess(value=Delta(content="b"), raw_value={"content": "b"}),
    ]
    assert stream.closed


@pytest.mark.anyio
async def test_event_source_handler_closes_the_response_when_the_consumer_stops_early() -> None:
    response, stream = make_response(
        200, b'data: {"content": "a"}\n\n', b'data: {"content": "b"}\n\n'
    )
    result = await create_event_source_response_handler(Delta)(
        response=response, url=URL, request_body_values={}
    )

    async with aclosing(result.value) as chunks:
        async for _ in chunks:
            break

    assert stream.closed
    assert response.is_closed


@pytest.mark.anyio
async def test_event_source_handler_rejects_a_response_without_body() -> None:
    response, stream = make_response(204)

    with pytest.raises(EmptyResponseBodyError):
        await create_event_source_response_handler(Delta)(
            response=response, url=URL, request_body_values={}
        )

    assert stream.closed
