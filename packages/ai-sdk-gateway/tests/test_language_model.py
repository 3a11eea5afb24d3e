"""The language model beyond the recorded corpus cases: raw chunks, broken events, invalid
results, early closing, the wire body."""

from __future__ import annotations

import re
from contextlib import aclosing
from datetime import UTC, datetime

import pytest

from ai_sdk_core.errors import JSONParseError, TypeValidationError
from ai_sdk_core.provider import (
    LanguageModelV4,
    LanguageModelV4CallOptions,
    LanguageModelV4FilePart,
    LanguageModelV4RawChunk,
    LanguageModelV4ResponseMetadataPart,
    LanguageModelV4TextPart,
    LanguageModelV4ToolMessage,
    LanguageModelV4ToolResultContentFile,
    LanguageModelV4ToolResultOutputContent,
    LanguageModelV4ToolResultPart,
    LanguageModelV4UserMessage,
    SharedV4FileDataData,
)
from ai_sdk_gateway import GatewayProvider, GatewayResponseError

from .conftest import FakeGateway

pytestmark = pytest.mark.anyio

PROMPT = [LanguageModelV4UserMessage(content=[LanguageModelV4TextPart(text="Hello")])]
FINISH = {
    "type": "finish",
    "finishReason": {"unified": "stop"},
    "usage": {"inputTokens": {}, "outputTokens": {}},
}


def test_it_is_a_language_model_that_takes_every_url(provider: GatewayProvider) -> None:
    model = provider("openai/gpt-5")
    assert isinstance(model, LanguageModelV4)
    assert model.supported_urls == {"*/*": [re.compile(".*")]}


async def test_file_bytes_in_tool_results_are_base64(
    fake: FakeGateway, provider: GatewayProvider
) -> None:
    route = fake.json(
        "/v4/ai/language-model",
        {
            "content": [],
            "finishReason": {"unified": "stop"},
            "usage": {"inputTokens": {}, "outputTokens": {}},
        },
    )
    await provider("a/b").do_generate(
        LanguageModelV4CallOptions(
            prompt=[
                LanguageModelV4UserMessage(
                    content=[
                        LanguageModelV4FilePart(
                            media_type="application/pdf", data=SharedV4FileDataData(data=b"%PDF")
                        )
                    ]
                ),
                LanguageModelV4ToolMessage(
                    content=[
                        LanguageModelV4ToolResultPart(
                            tool_call_id="c1",
                            tool_name="t",
                            output=LanguageModelV4ToolResultOutputContent(
                                value=[
                                    LanguageModelV4ToolResultContentFile(
                                        media_type="image/png",
                                        data=SharedV4FileDataData(data=b"png"),
                                    )
                                ]
                            ),
                        )
                    ]
                ),
            ]
        )
    )
    body = FakeGateway.body(route)
    assert body["prompt"][0]["content"][0]["data"] == {"type": "data", "data": "JVBERg=="}
    output = body["prompt"][1]["content"][0]["output"]
    assert output["value"][0]["data"] == {"type": "data", "data": "cG5n"}


async def test_a_result_that_is_not_a_v4_result_is_an_invalid_response(
    fake: FakeGateway, provider: GatewayProvider
) -> None:
    fake.json("/v4/ai/language-model", {"content": "not a list"})
    with pytest.raises(GatewayResponseError) as raised:
        await provider("a/b").do_generate(LanguageModelV4CallOptions(prompt=PROMPT))
    error = raised.value
    assert error.status_code == 200
    assert error.is_retryable is False
    assert error.message == "Invalid error response format: Gateway request failed"
    cause = error.cause
    assert getattr(cause, "message", None) == "Invalid JSON response"
    assert isinstance(getattr(cause, "cause", None), TypeValidationError)


async def test_raw_chunks_pass_when_asked_for(fake: FakeGateway, provider: GatewayProvider) -> None:
    fake.sse(
        "/v4/ai/language-model",
        [
            {"type": "stream-start", "warnings": []},
            {"type": "raw", "rawValue": {"provider": "x"}},
            {"type": "raw", "rawValue": None},
            FINISH,
        ],
    )
    result = await provider("a/b").do_stream(
        LanguageModelV4CallOptions(prompt=PROMPT, include_raw_chunks=True)
    )
    parts = [part async for part in result.stream]
    assert [part.type for part in parts] == ["stream-start", "raw", "raw", "finish"]
    assert parts[1] == LanguageModelV4RawChunk(raw_value={"provider": "x"})
    assert parts[2] == LanguageModelV4RawChunk(raw_value=None)


async def test_timestamps_become_datetimes(fake: FakeGateway, provider: GatewayProvider) -> None:
    fake.sse(
        "/v4/ai/language-model",
        [{"type": "response-metadata", "id": "g", "timestamp": "2025-08-01T00:00:01.000Z"}],
    )
    result = await provider("a/b").do_stream(LanguageModelV4CallOptions(prompt=PROMPT))
    parts = [part async for part in result.stream]
    assert parts == [
        LanguageModelV4ResponseMetadataPart(
            id="g", timestamp=datetime(2025, 8, 1, 0, 0, 1, tzinfo=UTC)
        )
    ]


@pytest.mark.parametrize(
    ("event", "error"),
    [("{not json", JSONParseError), ({"type": "no-such-part"}, TypeValidationError)],
)
async def test_a_broken_event_ends_the_stream_with_its_error(
    fake: FakeGateway, provider: GatewayProvider, event: object, error: type[Exception]
) -> None:
    fake.sse(
        "/v4/ai/language-model",
        [{"type": "text-start", "id": "t"}, event, {"type": "text-end", "id": "t"}],
    )
    result = await provider("a/b").do_stream(LanguageModelV4CallOptions(prompt=PROMPT))
    parts: list[object] = []

    async def read() -> None:
        async for part in result.stream:
            parts.append(part)  # noqa: PERF401 - the parts before the error

    with pytest.raises(error):
        await read()
    assert len(parts) == 1
    assert fake.streams[-1].closed


async def test_closing_the_stream_early_closes_the_response(
    fake: FakeGateway, provider: GatewayProvider
) -> None:
    fake.sse("/v4/ai/language-model", [{"type": "text-start", "id": "t"}, FINISH])
    result = await provider("a/b").do_stream(LanguageModelV4CallOptions(prompt=PROMPT))
    async with aclosing(result.stream) as stream:
        async for _ in stream:
            break
    assert fake.streams[-1].closed


async def test_closing_an_unread_stream_closes_the_response(
    fake: FakeGateway, provider: GatewayProvider
) -> None:
    fake.sse("/v4/ai/language-model", [FINISH])
    result = await provider("a/b").do_stream(LanguageModelV4CallOptions(prompt=PROMPT))
    await result.stream.aclose()
    assert fake.streams[-1].closed


async def test_stream_http_errors_are_gateway_errors(
    fake: FakeGateway, provider: GatewayProvider
) -> None:
    fake.json(
        "/v4/ai/language-model",
        {"error": {"message": "slow down", "type": "rate_limit_exceeded"}},
        status=429,
    )
    with pytest.raises(Exception, match="slow down") as raised:
        await provider("a/b").do_stream(LanguageModelV4CallOptions(prompt=PROMPT))
    assert type(raised.value).__name__ == "GatewayRateLimitError"
