"""The Groq transcription model: audio → multipart ``POST {base_url}/audio/transcriptions``.

Port of ``groq-transcription-model.ts``. The form has ``model``, ``file`` (named
``audio.<extension of the media type>``) and the provider options that are set, in the order
``language``, ``prompt``, ``response_format``, ``temperature``, ``timestamp_granularities[]``
(one field per granularity). ``response_format="text"`` reads the body as plain text; every
other format is JSON, whose ``segments`` (or else ``words``) become the result's segments.
"""

from __future__ import annotations

import base64
import binascii
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any, Literal, NotRequired

from typing_extensions import TypedDict

from ai_sdk_core.errors import InvalidArgumentError
from ai_sdk_core.provider import (
    TranscriptionModelV4CallOptions,
    TranscriptionModelV4ResponseInfo,
    TranscriptionModelV4Result,
    TranscriptionModelV4Segment,
)
from ai_sdk_core.provider_utils import (
    ApiResponse,
    FormFile,
    ResponseHandler,
    combine_headers,
    create_binary_response_handler,
    create_json_response_handler,
    media_type_to_extension,
    parse_provider_options,
    post_form_data_to_api,
)

from ._chat_model import GroqChatConfig
from ._errors import groq_failed_response_handler
from ._json import js_number_string
from .options import GroqTranscriptionModelOptions

if TYPE_CHECKING:
    import httpx

__all__ = ["GroqTranscriptionConfig", "GroqTranscriptionModel"]


@dataclass(slots=True, kw_only=True)
class GroqTranscriptionConfig(GroqChatConfig):
    """:class:`GroqChatConfig`, plus ``current_date`` (the clock of ``response.timestamp``)."""

    current_date: Callable[[], datetime] | None = None


class _Segment(TypedDict):
    id: float
    seek: float
    start: float
    end: float
    text: str
    tokens: list[float]
    temperature: float
    avg_logprob: float
    compression_ratio: float
    no_speech_prob: float


class _Word(TypedDict):
    word: str
    start: float
    end: float


class _XGroq(TypedDict):
    id: str


class _TranscriptionResponse(TypedDict):
    """A JSON transcription (``verbose_json`` adds everything after ``x_groq``)."""

    text: str
    x_groq: _XGroq
    task: NotRequired[str | None]
    language: NotRequired[str | None]
    duration: NotRequired[float | None]
    segments: NotRequired[list[_Segment] | None]
    words: NotRequired[list[_Word] | None]


async def _text_response_handler(
    *, response: httpx.Response, url: str, request_body_values: object
) -> ApiResponse[dict[str, Any]]:
    """The body as text (``response_format="text"``), decoded as ``TextDecoder`` does."""
    binary = await create_binary_response_handler()(
        response=response, url=url, request_body_values=request_body_values
    )
    text = binary.value.decode("utf-8-sig", "replace")
    return ApiResponse(
        value={"text": text}, raw_value=text, response_headers=binary.response_headers
    )


def _audio_bytes(audio: bytes | str) -> bytes:
    if isinstance(audio, bytes):
        return audio
    normalized = audio.replace("-", "+").replace("_", "/")
    try:
        return base64.b64decode(normalized + "=" * (-len(normalized) % 4))
    except binascii.Error as error:
        raise InvalidArgumentError(
            f"audio is not valid base64: {error}", argument="audio"
        ) from None


def _form_value(value: str | float) -> str:
    return value if isinstance(value, str) else js_number_string(float(value))


class GroqTranscriptionModel:
    """A Groq (Whisper) transcription model (``TranscriptionModelV4``), provider id
    ``"groq.transcription"``."""

    specification_version: Literal["v4"] = "v4"

    __slots__ = ("config", "model_id")

    def __init__(self, model_id: str, config: GroqTranscriptionConfig) -> None:
        self.model_id = model_id
        self.config = config

    @property
    def provider(self) -> str:
        """The provider id, ``"groq.transcription"``."""
        return self.config.provider

    def __repr__(self) -> str:
        return f"GroqTranscriptionModel(model_id={self.model_id!r})"

    def _form_data(
        self, options: TranscriptionModelV4CallOptions, groq_options: GroqTranscriptionModelOptions
    ) -> list[tuple[str, str | FormFile]]:
        form: list[tuple[str, str | FormFile]] = [
            ("model", self.model_id),
            (
                "file",
                FormFile(
                    data=_audio_bytes(options.audio),
                    filename=f"audio.{media_type_to_extension(options.media_type)}",
                    media_type=options.media_type,
                ),
            ),
        ]
        fields: list[tuple[str, str | float | list[str] | None]] = [
            ("language", groq_options.get("language")),
            ("prompt", groq_options.get("prompt")),
            ("response_format", groq_options.get("response_format")),
            ("temperature", groq_options.get("temperature")),
            ("timestamp_granularities", groq_options.get("timestamp_granularities")),
        ]
        for name, value in fields:
            if isinstance(value, list):
                form.extend((f"{name}[]", item) for item in value)
            elif value is not None:
                form.append((name, _form_value(value)))
        return form

    async def do_generate(
        self, options: TranscriptionModelV4CallOptions
    ) -> TranscriptionModelV4Result:
        """Transcribe the whole audio file."""
        current_date = (
            self.config.current_date()
            if self.config.current_date is not None
            else datetime.now(UTC)
        )
        groq_options: GroqTranscriptionModelOptions = (
            parse_provider_options(
                provider="groq",
                provider_options=options.provider_options,
                schema=GroqTranscriptionModelOptions,
            )
            or {}
        )
        handler: ResponseHandler[Any] = (
            _text_response_handler
            if groq_options.get("response_format") == "text"
            else create_json_response_handler(_TranscriptionResponse)
        )
        response = await post_form_data_to_api(
            url=self.config.url(model_id=self.model_id, path="/audio/transcriptions"),
            headers=combine_headers(self.config.headers(), options.headers),
            form_data=self._form_data(options, groq_options),
            failed_response_handler=groq_failed_response_handler,
            successful_response_handler=handler,
            http_client=self.config.http_client,
        )
        value: dict[str, Any] = dict(response.value)

        segments: list[TranscriptionModelV4Segment]
        if value.get("segments") is not None:
            segments = [
                TranscriptionModelV4Segment(
                    text=segment["text"], start_second=segment["start"], end_second=segment["end"]
                )
                for segment in value["segments"]
            ]
        elif value.get("words") is not None:
            segments = [
                TranscriptionModelV4Segment(
                    text=word["word"], start_second=word["start"], end_second=word["end"]
                )
                for word in value["words"]
            ]
        else:
            segments = []

        return TranscriptionModelV4Result(
            text=value["text"],
            segments=segments,
            language=value.get("language"),
            duration_in_seconds=value.get("duration"),
            warnings=[],
            response=TranscriptionModelV4ResponseInfo(
                timestamp=current_date,
                model_id=self.model_id,
                headers=response.response_headers,
                body=response.raw_value,
            ),
        )
