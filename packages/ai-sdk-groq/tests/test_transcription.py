"""The transcription model (ports of groq-transcription-model.test.ts, and every option and
response format)."""

from __future__ import annotations

import base64
import email.parser
import email.policy
from datetime import UTC, datetime
from typing import Any

import httpx
import pytest

from ai_sdk_core.errors import APICallError, InvalidArgumentError
from ai_sdk_core.provider import TranscriptionModelV4CallOptions
from ai_sdk_core.wire import to_wire
from ai_sdk_groq import GroqTranscriptionConfig, GroqTranscriptionModel, create_groq

pytestmark = pytest.mark.anyio

AUDIO = b"ID3\x04\x00\x00\x00\x00\x00\x00" + bytes(range(256))
provider = create_groq(api_key="test-api-key")
model = provider.transcription("whisper-large-v3-turbo")

SEGMENT = {
    "id": 0,
    "seek": 0,
    "start": 0,
    "end": 2.48,
    "text": "Hello world!",
    "tokens": [50365, 2425, 490, 264],
    "temperature": 0,
    "avg_logprob": -0.29010406,
    "compression_ratio": 0.7777778,
    "no_speech_prob": 0.032802984,
}
VERBOSE = {
    "task": "transcribe",
    "language": "English",
    "duration": 2.5,
    "text": "Hello world!",
    "segments": [SEGMENT],
    "x_groq": {"id": "req_01jrh9nn61f24rydqq1r4b3yg5"},
}


def form_fields(request: httpx.Request) -> list[tuple[str, str | None, str | None, bytes]]:
    """``(name, filename, content type, value)`` of every multipart field, in order."""
    head = f"Content-Type: {request.headers['content-type']}\r\n\r\n".encode()
    message = email.parser.BytesParser(policy=email.policy.HTTP).parsebytes(head + request.content)
    fields: list[tuple[str, str | None, str | None, bytes]] = []
    for part in message.iter_parts():
        disposition = part.get("content-disposition", "")
        params = dict(part.get_params(header="content-disposition") or [])  # pyright: ignore[reportUnknownArgumentType]
        assert disposition.startswith("form-data")
        payload = part.get_payload(decode=True)
        assert isinstance(payload, bytes)
        fields.append(
            (
                str(params["name"]),
                None if params.get("filename") is None else str(params["filename"]),
                part.get("content-type") if params.get("filename") is not None else None,
                payload,
            )
        )
    return fields


def text_fields(request: httpx.Request) -> list[tuple[str, str]]:
    return [
        (name, value.decode())
        for name, filename, _, value in form_fields(request)
        if filename is None
    ]


def options(**kwargs: Any) -> TranscriptionModelV4CallOptions:
    return TranscriptionModelV4CallOptions(
        audio=kwargs.pop("audio", AUDIO), media_type=kwargs.pop("media_type", "audio/wav"), **kwargs
    )


async def test_posts_the_model_and_the_file(api: Any) -> None:
    api.json(VERBOSE)

    await model.do_generate(options())

    request = api.request
    assert request.method == "POST"
    assert str(request.url) == "https://api.groq.com/openai/v1/audio/transcriptions"
    assert request.headers["content-type"].startswith("multipart/form-data; boundary=")
    assert form_fields(request) == [
        ("model", None, None, b"whisper-large-v3-turbo"),
        ("file", "audio.wav", "audio/wav", AUDIO),
    ]


@pytest.mark.parametrize(
    ("media_type", "filename"),
    [
        ("audio/mpeg", "audio.mp3"),
        ("audio/x-wav", "audio.wav"),
        ("audio/webm", "audio.webm"),
        ("audio/mp4", "audio.m4a"),
        ("audio/ogg", "audio.ogg"),
        ("audio/flac", "audio.flac"),
    ],
)
async def test_file_name_follows_the_media_type(api: Any, media_type: str, filename: str) -> None:
    api.json(VERBOSE)
    await model.do_generate(options(media_type=media_type))
    file = form_fields(api.request)[1]
    assert (file[1], file[2]) == (filename, media_type)


async def test_base64_audio_is_uploaded_as_bytes(api: Any) -> None:
    api.json(VERBOSE)
    await model.do_generate(options(audio=base64.b64encode(AUDIO).decode()))
    assert form_fields(api.request)[1][3] == AUDIO
    await model.do_generate(options(audio=base64.urlsafe_b64encode(AUDIO).decode().rstrip("=")))
    assert form_fields(api.request)[1][3] == AUDIO


async def test_invalid_base64_audio(api: Any) -> None:
    with pytest.raises(InvalidArgumentError, match="base64"):
        await model.do_generate(options(audio="a"))
    assert not api.route.calls


async def test_every_option_in_order(api: Any) -> None:
    api.json(VERBOSE)

    await model.do_generate(
        options(
            provider_options={
                "groq": {
                    "timestampGranularities": ["word", "segment"],
                    "temperature": 0.25,
                    "responseFormat": "verbose_json",
                    "prompt": "Vercel, AI SDK",
                    "language": "en",
                }
            }
        )
    )

    assert text_fields(api.request) == [
        ("model", "whisper-large-v3-turbo"),
        ("language", "en"),
        ("prompt", "Vercel, AI SDK"),
        ("response_format", "verbose_json"),
        ("temperature", "0.25"),
        ("timestamp_granularities[]", "word"),
        ("timestamp_granularities[]", "segment"),
    ]


@pytest.mark.parametrize(
    ("temperature", "sent"),
    [(0, "0"), (1.0, "1"), (0.5, "0.5"), (1e-7, "1e-7"), (0.00001, "0.00001")],
)
async def test_temperature_is_written_as_js_writes_numbers(
    api: Any, temperature: float, sent: str
) -> None:
    api.json(VERBOSE)
    await model.do_generate(options(provider_options={"groq": {"temperature": temperature}}))
    assert ("temperature", sent) in text_fields(api.request)


async def test_unset_and_null_options_are_not_sent(api: Any) -> None:
    api.json(VERBOSE)
    await model.do_generate(
        options(
            provider_options={
                "groq": {"language": None, "prompt": None, "timestamp_granularities": None, "x": 1}
            }
        )
    )
    assert text_fields(api.request) == [("model", "whisper-large-v3-turbo")]


async def test_invalid_temperature_fails_before_the_request(api: Any) -> None:
    with pytest.raises(InvalidArgumentError, match="invalid groq provider options"):
        await model.do_generate(options(provider_options={"groq": {"temperature": 2}}))
    assert not api.route.calls


async def test_verbose_json_result(api: Any) -> None:
    api.json(VERBOSE, headers={"x-request-id": "test-request-id"})
    before = datetime.now(UTC)

    result = await model.do_generate(options())

    assert result.text == "Hello world!"
    assert to_wire(result.segments) == [
        {"text": "Hello world!", "startSecond": 0, "endSecond": 2.48}
    ]
    assert result.language == "English"
    assert result.duration_in_seconds == 2.5
    assert result.warnings == []
    assert result.response.model_id == "whisper-large-v3-turbo"
    assert result.response.headers is not None
    assert result.response.headers["x-request-id"] == "test-request-id"
    assert result.response.body == VERBOSE
    assert before <= result.response.timestamp <= datetime.now(UTC)


async def test_words_when_there_are_no_segments(api: Any) -> None:
    api.json(
        {
            **VERBOSE,
            "segments": None,
            "words": [
                {"word": "Hello", "start": 0, "end": 1},
                {"word": "world", "start": 1, "end": 2},
            ],
        }
    )
    result = await provider.transcription("whisper-large-v3").do_generate(
        options(
            provider_options={
                "groq": {
                    "language": "en",
                    "responseFormat": "verbose_json",
                    "timestampGranularities": ["word"],
                }
            }
        )
    )
    assert to_wire(result.segments) == [
        {"text": "Hello", "startSecond": 0, "endSecond": 1},
        {"text": "world", "startSecond": 1, "endSecond": 2},
    ]


async def test_segments_win_over_words_even_when_empty(api: Any) -> None:
    api.json({**VERBOSE, "segments": [], "words": [{"word": "Hi", "start": 0, "end": 1}]})
    result = await model.do_generate(options())
    assert result.segments == []


async def test_plain_json_result(api: Any) -> None:
    api.json({"text": "Hello world!", "x_groq": {"id": "req_1"}})
    result = await model.do_generate(
        options(provider_options={"groq": {"response_format": "json"}})
    )
    assert ("response_format", "json") in text_fields(api.request)
    assert (result.text, result.segments, result.language, result.duration_in_seconds) == (
        "Hello world!",
        [],
        None,
        None,
    )


async def test_text_response_format(api: Any) -> None:
    api.text(
        "\ufeff Hello from the Versal AISDK.",
        headers={"content-type": "text/plain; charset=UTF-8"},
    )

    result = await model.do_generate(options(provider_options={"groq": {"responseFormat": "text"}}))

    assert ("response_format", "text") in text_fields(api.request)
    assert result.text == " Hello from the Versal AISDK."
    assert result.response.body == " Hello from the Versal AISDK."
    assert result.segments == []
    assert result.response.headers == {
        "content-length": "32",  # the BOM is 3 bytes
        "content-type": "text/plain; charset=UTF-8",
    }


async def test_json_without_x_groq_is_an_invalid_response(api: Any) -> None:
    api.json({"text": "Hello"})
    with pytest.raises(APICallError, match="Invalid JSON response"):
        await model.do_generate(options())


async def test_errors(api: Any) -> None:
    api.json({"error": {"message": "file too large", "type": "invalid_request_error"}}, status=413)
    with pytest.raises(APICallError) as caught:
        await model.do_generate(options())
    assert caught.value.message == "file too large"
    assert caught.value.status_code == 413
    assert caught.value.is_retryable is False


async def test_headers(api: Any) -> None:
    api.json(VERBOSE)
    custom = create_groq(
        api_key="test-api-key", headers={"Custom-Provider-Header": "provider-header-value"}
    )

    await custom.transcription("whisper-large-v3-turbo").do_generate(
        options(headers={"Custom-Request-Header": "request-header-value"})
    )

    headers = api.request.headers
    assert headers["authorization"] == "Bearer test-api-key"
    assert headers["custom-provider-header"] == "provider-header-value"
    assert headers["custom-request-header"] == "request-header-value"
    assert headers["user-agent"].startswith("ai-sdk-groq/")


async def test_the_clock_of_the_response_timestamp(api: Any) -> None:
    api.json(VERBOSE)
    epoch = datetime(1970, 1, 1, tzinfo=UTC)
    custom = GroqTranscriptionModel(
        "whisper-large-v3-turbo",
        GroqTranscriptionConfig(
            provider="test-provider",
            url=lambda **_: "https://api.groq.com/openai/v1/audio/transcriptions",
            headers=dict,
            current_date=lambda: epoch,
        ),
    )

    result = await custom.do_generate(options())

    assert result.response.timestamp == epoch
    assert to_wire(result.response)["timestamp"] == "1970-01-01T00:00:00.000Z"
    assert custom.provider == "test-provider"
