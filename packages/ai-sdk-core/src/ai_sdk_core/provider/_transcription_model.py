"""The transcription model protocol (``TranscriptionModelV4``): whole-file and streamed."""

from __future__ import annotations

from collections.abc import AsyncGenerator, AsyncIterable
from dataclasses import dataclass
from datetime import datetime
from typing import Annotated, Any, Literal, Protocol, runtime_checkable

from typing_extensions import TypeAliasType

from ._codec_hints import Base64, ErrorValue, Tagged, Timestamp, spec_type
from ._language_model_result import LanguageModelV4RequestInfo
from ._model import ModelV4
from ._shared import (
    SharedV4AudioFormat,
    SharedV4Headers,
    SharedV4ProviderMetadata,
    SharedV4ProviderOptions,
    SharedV4RequestHeaders,
    SharedV4Warning,
)

__all__ = [
    "TranscriptionModelV4",
    "TranscriptionModelV4CallOptions",
    "TranscriptionModelV4Finish",
    "TranscriptionModelV4RawChunk",
    "TranscriptionModelV4ResponseInfo",
    "TranscriptionModelV4ResponseMetadataPart",
    "TranscriptionModelV4Result",
    "TranscriptionModelV4Segment",
    "TranscriptionModelV4StreamError",
    "TranscriptionModelV4StreamOptions",
    "TranscriptionModelV4StreamPart",
    "TranscriptionModelV4StreamResponseInfo",
    "TranscriptionModelV4StreamResult",
    "TranscriptionModelV4StreamStart",
    "TranscriptionModelV4StreamingModel",
    "TranscriptionModelV4TranscriptDelta",
    "TranscriptionModelV4TranscriptFinal",
    "TranscriptionModelV4TranscriptPartial",
]


@spec_type
class TranscriptionModelV4CallOptions:
    """Transcribe ``audio`` (bytes or base64) of the given IANA ``media_type``."""

    audio: Annotated[bytes | str, Base64]
    media_type: str
    provider_options: SharedV4ProviderOptions | None = None
    headers: SharedV4RequestHeaders | None = None


@spec_type
class TranscriptionModelV4Segment:
    """A stretch of the transcript with its start and end in seconds."""

    text: str
    start_second: float
    end_second: float


@spec_type
class TranscriptionModelV4ResponseInfo:
    """When and by which model the transcript was made, with headers and raw body."""

    timestamp: Annotated[datetime, Timestamp]
    model_id: str
    headers: SharedV4Headers | None = None
    body: Any = None


@spec_type
class TranscriptionModelV4Result:
    """The transcript, its timed segments, the detected language and the audio duration."""

    text: str
    segments: list[TranscriptionModelV4Segment]
    language: str | None = None
    duration_in_seconds: float | None = None
    warnings: list[SharedV4Warning]
    response: TranscriptionModelV4ResponseInfo
    request: LanguageModelV4RequestInfo | None = None
    provider_metadata: SharedV4ProviderMetadata | None = None


@dataclass(slots=True, kw_only=True)
class TranscriptionModelV4StreamOptions:
    """Streamed transcription input: audio chunks (bytes or base64) in ``input_audio_format``."""

    audio: AsyncIterable[bytes | str]
    input_audio_format: SharedV4AudioFormat
    provider_options: SharedV4ProviderOptions | None = None
    headers: SharedV4RequestHeaders | None = None
    include_raw_chunks: bool | None = None


@spec_type
class TranscriptionModelV4StreamStart:
    """The first part of a transcription stream, with warnings."""

    type: Literal["stream-start"] = "stream-start"
    warnings: list[SharedV4Warning]


@spec_type
class TranscriptionModelV4TranscriptDelta:
    """Newly transcribed text."""

    type: Literal["transcript-delta"] = "transcript-delta"
    id: str | None = None
    delta: str
    provider_metadata: SharedV4ProviderMetadata | None = None


@spec_type
class TranscriptionModelV4TranscriptPartial:
    """A provisional transcript of a stretch of audio; a later part may revise it."""

    type: Literal["transcript-partial"] = "transcript-partial"
    id: str | None = None
    text: str
    start_second: float | None = None
    duration_in_seconds: float | None = None
    channel_index: int | None = None
    provider_metadata: SharedV4ProviderMetadata | None = None


@spec_type
class TranscriptionModelV4TranscriptFinal:
    """The final transcript of a stretch of audio."""

    type: Literal["transcript-final"] = "transcript-final"
    id: str | None = None
    text: str
    start_second: float | None = None
    end_second: float | None = None
    channel_index: int | None = None
    provider_metadata: SharedV4ProviderMetadata | None = None


@spec_type
class TranscriptionModelV4ResponseMetadataPart:
    """Response metadata of a transcription stream."""

    type: Literal["response-metadata"] = "response-metadata"
    timestamp: Annotated[datetime, Timestamp] | None = None
    model_id: str | None = None
    headers: SharedV4Headers | None = None
    body: Any = None


@spec_type
class TranscriptionModelV4Finish:
    """The last part: the whole transcript."""

    type: Literal["finish"] = "finish"
    text: str
    segments: list[TranscriptionModelV4Segment]
    language: str | None = None
    duration_in_seconds: float | None = None
    provider_metadata: SharedV4ProviderMetadata | None = None


@spec_type
class TranscriptionModelV4RawChunk:
    """A provider event as received (only with ``include_raw_chunks``)."""

    type: Literal["raw"] = "raw"
    raw_value: Any


@spec_type
class TranscriptionModelV4StreamError:
    """A non-fatal error inside the stream."""

    type: Literal["error"] = "error"
    error: Annotated[Any, ErrorValue]


TranscriptionModelV4StreamPart = TypeAliasType(
    "TranscriptionModelV4StreamPart",
    Annotated[
        TranscriptionModelV4StreamStart
        | TranscriptionModelV4TranscriptDelta
        | TranscriptionModelV4TranscriptPartial
        | TranscriptionModelV4TranscriptFinal
        | TranscriptionModelV4ResponseMetadataPart
        | TranscriptionModelV4Finish
        | TranscriptionModelV4RawChunk
        | TranscriptionModelV4StreamError,
        Tagged("type"),
    ],
)


@spec_type
class TranscriptionModelV4StreamResponseInfo:
    """Response metadata of a transcription stream call."""

    timestamp: Annotated[datetime, Timestamp] | None = None
    model_id: str | None = None
    headers: SharedV4Headers | None = None
    body: Any = None


@dataclass(slots=True, kw_only=True)
class TranscriptionModelV4StreamResult:
    """The result of ``do_stream``: the parts, plus request and response info."""

    stream: AsyncGenerator[TranscriptionModelV4StreamPart, None]
    request: LanguageModelV4RequestInfo | None = None
    response: TranscriptionModelV4StreamResponseInfo | None = None


@runtime_checkable
class TranscriptionModelV4(ModelV4, Protocol):
    """A transcription model, version 4 of the specification."""

    async def do_generate(
        self, options: TranscriptionModelV4CallOptions
    ) -> TranscriptionModelV4Result:
        """Transcribe a whole audio file."""
        ...


@runtime_checkable
class TranscriptionModelV4StreamingModel(TranscriptionModelV4, Protocol):
    """A transcription model that can also transcribe a live audio stream."""

    async def do_stream(
        self, options: TranscriptionModelV4StreamOptions
    ) -> TranscriptionModelV4StreamResult:
        """Transcribe audio as it arrives."""
        ...
