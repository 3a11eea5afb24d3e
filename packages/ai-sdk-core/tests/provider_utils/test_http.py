from __future__ import annotations

import asyncio
import json
import sys
from collections.abc import AsyncIterator, Iterable
from contextlib import aclosing
from typing import Any

import anyio
import httpx
import pytest
import respx
from pydantic import BaseModel

from ai_sdk_core._version import __version__
from ai_sdk_core.provider import APICallError
from ai_sdk_core.provider_utils import (
    ApiResponse,
    FormFile,
    ParseSuccess,
    create_event_source_response_handler,
    create_json_error_response_handler,
    create_json_response_handler,
    default_http_client,
    get_from_api,
    post_form_data_to_api,
    post_json_to_api,
)

URL = "https://api.example.com/v1/chat/completions"
PYTHON = "python/{}.{}.{}".format(*sys.version_info[:3])
SUFFIX = f"ai-sdk-provider-utils/{__version__} {PYTHON}"


class Reply(BaseModel):
    text: str


class ErrorBody(BaseModel):
    message: str


failed_handler = create_json_error_response_handler(
    error_schema=ErrorBody, error_to_message=lambda data: data.message
)
json_handler = create_json_response_handler(Reply)


class ChunkStream(httpx.AsyncByteStream):
    """A response body that records whether it was closed."""

    def __init__(self, chunks: Iterable[bytes]) -> None:
        self._chunks = list(chunks)
        self.closed = False

    async def __aiter__(self) -> AsyncIterator[bytes]:
        for chunk in self._chunks:
            yield chunk

    async def aclose(self) -> None:
        self.closed = True


@pytest.fixture
def mock() -> Iterable[respx.MockRouter]:
    with respx.mock(assert_all_called=True) as router:
        yield router


@pytest.mark.anyio
async def test_post_json_sends_compact_json_and_the_user_agent(mock: respx.MockRouter) -> None:
    route = mock.post(URL).respond(200, json={"text": "hi", "extra": 1}, headers={"X-Id": "r1"})

    result = await post_json_to_api(
        url=URL,
        headers={"Authorization": "Bearer key", "User-Agent": "ai-sdk-groq/1.0", "X-No": None},
        body={"model": "m", "temperature": None, "messages": [{"content": "é", "name": None}]},
        failed_response_handler=failed_handler,
        successful_response_handler=json_handler,
    )

    request = route.calls.last.request
    assert request.content == '{"model":"m","messages":[{"content":"é","name":null}]}'.encode()
    assert request.headers["content-type"] == "application/json"
    assert request.headers["authorization"] == "Bearer key"
    assert request.headers["user-agent"] == f"ai-sdk-groq/1.0 {SUFFIX}"
    assert "x-no" not in request.headers
    assert result == ApiResponse(
        value=Reply(text="hi"),
        raw_value={"text": "hi", "extra": 1},
        response_headers={
            "content-length": "23",
            "content-type": "application/json",
            "x-id": "r1",
        },
    )


@pytest.mark.anyio
async def test_post_json_lets_headers_override_the_content_type(mock: respx.MockRouter) -> None:
    route = mock.post(URL).respond(200, json={"text": "hi"})

    await post_json_to_api(
        url=URL,
        headers={"Content-Type": "application/vnd.custom+json"},
        body=[1, None],
        failed_response_handler=failed_handler,
        successful_response_handler=json_handler,
    )

    request = route.calls.last.request
    assert request.headers["content-type"] == "application/vnd.custom+json"
    assert request.headers["user-agent"] == SUFFIX
    assert request.content == b"[1,null]"


@pytest.mark.anyio
async def test_an_error_status_raises_the_failed_handlers_error(mock: respx.MockRouter) -> None:
    mock.post(URL).respond(429, json={"message": "slow down"}, headers={"retry-after": "2"})

    with pytest.raises(APICallError) as caught:
        await post_json_to_api(
            url=URL,
            body={"model": "m", "seed": None},
            failed_response_handler=failed_handler,
            successful_response_handler=json_handler,
        )

    error = caught.value
    assert error.message == "slow down"
    assert error.status_code == 429
    assert error.is_retryable is True
    assert error.request_body_values == {"model": "m"}
    assert error.response_headers is not None
    assert error.response_headers["retry-after"] == "2"


@pytest.mark.anyio
async def test_a_failing_success_handler_is_wrapped_and_the_response_closed(
    mock: respx.MockRouter,
) -> None:
    stream = ChunkStream([b"{}"])
    mock.post(URL).respond(200, stream=stream, headers={"X-Id": "r1"})
    failure = ValueError("handler bug")

    async def broken(
        *, response: httpx.Response, url: str, request_body_values: object
    ) -> ApiResponse[None]:
        raise failure

    with pytest.raises(APICallError) as caught:
        await post_json_to_api(
            url=URL,
            body={"a": 1},
            failed_response_handler=failed_handler,
            successful_response_handler=broken,
        )

    error = caught.value
    assert error.message == "Failed to process successful response"
    assert error.cause is failure
    assert error.status_code == 200
    assert error.response_headers == {"x-id": "r1"}
    assert error.request_body_values == {"a": 1}
    assert stream.closed


@pytest.mark.anyio
async def test_an_api_call_error_from_the_success_handler_passes_unchanged(
    mock: respx.MockRouter,
) -> None:
    mock.post(URL).respond(200, text="not json")

    with pytest.raises(APICallError, match=r"^Invalid JSON response$"):
        await post_json_to_api(
            url=URL,
            body={},
            failed_response_handler=failed_handler,
            successful_response_handler=json_handler,
        )


@pytest.mark.anyio
async def test_a_failing_error_handler_is_wrapped(mock: respx.MockRouter) -> None:
    stream = ChunkStream([b"oops"])
    mock.get(URL).respond(500, stream=stream)

    async def broken(
        *, response: httpx.Response, url: str, request_body_values: object
    ) -> ApiResponse[Exception]:
        raise RuntimeError("cannot read")

    with pytest.raises(APICallError) as caught:
        await get_from_api(
            url=URL, failed_response_handler=broken, successful_response_handler=json_handler
        )

    assert caught.value.message == "Failed to process error response"
    assert isinstance(caught.value.cause, RuntimeError)
    assert caught.value.status_code == 500
    assert caught.value.request_body_values == {}
    assert stream.closed


@pytest.mark.anyio
@pytest.mark.parametrize(
    ("failure", "message"),
    [
        (httpx.ConnectError("[Errno 111] Connection refused"), "[Errno 111] Connection refused"),
        (httpx.ReadTimeout(""), "ReadTimeout"),
        (httpx.RemoteProtocolError("Server disconnected"), "Server disconnected"),
        (
            httpx.TooManyRedirects("Exceeded maximum allowed redirects."),
            "Exceeded maximum allowed redirects.",
        ),
    ],
)
async def test_network_failures_are_retryable_api_call_errors(
    mock: respx.MockRouter, failure: httpx.TransportError, message: str
) -> None:
    mock.post(URL).mock(side_effect=failure)

    with pytest.raises(APICallError) as caught:
        await post_json_to_api(
            url=URL,
            body={"model": "m"},
            failed_response_handler=failed_handler,
            successful_response_handler=json_handler,
        )

    error = caught.value
    assert error.message == f"Cannot connect to API: {message}"
    assert error.is_retryable is True
    assert error.cause is failure
    assert error.status_code is None
    assert error.request_body_values == {"model": "m"}


@pytest.mark.anyio
async def test_legacy_user_agent_uses_the_old_token_forms(mock: respx.MockRouter) -> None:
    route = mock.route(url=URL).respond(200, json={"text": "hi"})
    legacy = f"ai-sdk/provider-utils/{__version__} runtime/{PYTHON}"
    headers = {"User-Agent": "ai-sdk/togetherai/1.0"}

    await post_json_to_api(
        url=URL,
        headers=headers,
        body={},
        failed_response_handler=failed_handler,
        successful_response_handler=json_handler,
        legacy_user_agent=True,
    )
    await post_form_data_to_api(
        url=URL,
        headers=headers,
        form_data={"a": "b"},
        failed_response_handler=failed_handler,
        successful_response_handler=json_handler,
        legacy_user_agent=True,
    )
    await get_from_api(
        url=URL,
        headers=headers,
        failed_response_handler=failed_handler,
        successful_response_handler=json_handler,
        legacy_user_agent=True,
    )

    agents = [call.request.headers["user-agent"] for call in route.calls]
    assert agents == [f"ai-sdk/togetherai/1.0 {legacy}"] * 3


@pytest.mark.anyio
async def test_get_sends_headers_and_reports_an_empty_body(mock: respx.MockRouter) -> None:
    route = mock.get(URL).respond(404, text="missing")

    with pytest.raises(APICallError) as caught:
        await get_from_api(
            url=URL,
            headers={"X-Key": "k"},
            failed_response_handler=failed_handler,
            successful_response_handler=json_handler,
        )

    request = route.calls.last.request
    assert request.method == "GET"
    assert request.headers["x-key"] == "k"
    assert request.headers["user-agent"] == SUFFIX
    assert caught.value.message == "Not Found"
    assert caught.value.request_body_values == {}


@pytest.mark.anyio
async def test_post_form_data_sends_multipart_fields_in_order(mock: respx.MockRouter) -> None:
    route = mock.post(URL).respond(500, text="")
    audio = FormFile(data=b"RIFF", filename="audio.wav", media_type="audio/wav")

    with pytest.raises(APICallError) as caught:
        await post_form_data_to_api(
            url=URL,
            headers={"Authorization": "Bearer k"},
            form_data=[
                ("model", "whisper"),
                ("file", audio),
                ("timestamp_granularities[]", "word"),
                ("timestamp_granularities[]", "segment"),
            ],
            failed_response_handler=failed_handler,
            successful_response_handler=json_handler,
        )

    request = route.calls.last.request
    assert request.headers["content-type"].startswith("multipart/form-data; boundary=")
    assert request.headers["authorization"] == "Bearer k"
    body = request.content
    parts = [
        b'name="model"\r\n\r\nwhisper\r\n',
        b'name="file"; filename="audio.wav"\r\nContent-Type: audio/wav\r\n\r\nRIFF\r\n',
        b'name="timestamp_granularities[]"\r\n\r\nword\r\n',
        b'name="timestamp_granularities[]"\r\n\r\nsegment\r\n',
    ]
    positions = [body.index(part) for part in parts]
    assert positions == sorted(positions)
    assert caught.value.request_body_values == {
        "model": "whisper",
        "file": audio,
        "timestamp_granularities[]": "segment",
    }


@pytest.mark.anyio
async def test_post_form_data_accepts_a_mapping(mock: respx.MockRouter) -> None:
    route = mock.post(URL).respond(200, json={"text": "ok"})

    result = await post_form_data_to_api(
        url=URL,
        form_data={"model": "m"},
        failed_response_handler=failed_handler,
        successful_response_handler=json_handler,
    )

    assert result.value == Reply(text="ok")
    assert b'name="model"\r\n\r\nm\r\n' in route.calls.last.request.content


class Delta(BaseModel):
    content: str


@pytest.mark.anyio
async def test_a_stream_closed_early_closes_the_response(mock: respx.MockRouter) -> None:
    stream = ChunkStream([b'data: {"content": "a"}\n\n', b'data: {"content": "b"}\n\n'])
    mock.post(URL).respond(200, stream=stream)

    result = await post_json_to_api(
        url=URL,
        body={},
        failed_response_handler=failed_handler,
        successful_response_handler=create_event_source_response_handler(Delta),
    )
    async with aclosing(result.value) as chunks:
        first = await anext(chunks)

    assert first == ParseSuccess(value=Delta(content="a"), raw_value={"content": "a"})
    assert stream.closed


@pytest.mark.anyio
async def test_cancellation_propagates_untouched_and_closes_the_response(
    mock: respx.MockRouter,
) -> None:
    stream = ChunkStream([b"{}"])
    mock.post(URL).respond(200, stream=stream)
    entered = anyio.Event()
    outcome: list[str] = []

    async def hanging(
        *, response: httpx.Response, url: str, request_body_values: object
    ) -> ApiResponse[None]:
        entered.set()
        await anyio.Event().wait()
        raise AssertionError("unreachable")

    async def call() -> None:
        try:
            await post_json_to_api(
                url=URL,
                body={},
                failed_response_handler=failed_handler,
                successful_response_handler=hanging,
            )
        except anyio.get_cancelled_exc_class():
            outcome.append("cancelled")
            raise

    async with anyio.create_task_group() as task_group:
        task_group.start_soon(call)
        await entered.wait()
        task_group.cancel_scope.cancel()

    assert outcome == ["cancelled"]
    assert stream.closed


@pytest.mark.anyio
async def test_a_given_http_client_is_used() -> None:
    seen: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return httpx.Response(200, json={"text": "mocked"})

    async with httpx.AsyncClient(transport=httpx.MockTransport(handler)) as client:
        result = await post_json_to_api(
            url=URL,
            body={"q": 1},
            failed_response_handler=failed_handler,
            successful_response_handler=json_handler,
            http_client=client,
        )

    assert result.value == Reply(text="mocked")
    assert json.loads(seen[0].content) == {"q": 1}


@pytest.mark.anyio
async def test_the_default_client_is_shared_within_an_event_loop() -> None:
    client = default_http_client()

    assert default_http_client() is client
    assert client.timeout == httpx.Timeout(600.0, connect=10.0)
    assert client.follow_redirects is True


def test_each_event_loop_gets_its_own_default_client() -> None:
    async def get() -> Any:
        return default_http_client()

    first = asyncio.run(get())
    second = asyncio.run(get())

    assert first is not second
