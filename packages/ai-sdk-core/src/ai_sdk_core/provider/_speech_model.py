"""The speech (text-to-speech) model protocol (``SpeechModelV4``), call options and result."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any, Protocol, runtime_checkable

from ._codec_hints import Base64, Timestamp, spec_type
from ._language_model_result import LanguageModelV4RequestInfo
from ._model import ModelV4
from ._shared import (
    SharedV4Headers,
    SharedV4ProviderMetadata,
    SharedV4ProviderOptions,
    SharedV4RequestHeaders,
    SharedV4Warning,
)

__all__ = [
    "SpeechModelV4",
    "SpeechModelV4CallOptions",
    "SpeechModelV4ResponseInfo",
    "SpeechModelV4Result",
]


@spec_type
class SpeechModelV4CallOptions:
    """Speak ``text``; the other settings are passed when the model supports them."""

    text: str
    voice: str | None = None
    output_format: str | None = None
    instructions: str | None = None
    speed: float | None = None
    language: str | None = None
    provider_options: SharedV4ProviderOptions | None = None
    headers: SharedV4RequestHeaders | None = None


@spec_type
class SpeechModelV4ResponseInfo:
    """When and by which model the audio was made, with headers and raw body."""

    timestamp: Annotated[datetime, Timestamp]
    model_id: str
    headers: SharedV4Headers | None = None
    body: Any = None


@spec_type
class SpeechModelV4Result:
    """The audio (bytes or base64) and warnings."""

    audio: Annotated[bytes | str, Base64]
    warnings: list[SharedV4Warning]
    response: SpeechModelV4ResponseInfo
    request: LanguageModelV4RequestInfo | None = None
    provider_metadata: SharedV4ProviderMetadata | None = None


@runtime_checkable
class SpeechModelV4(ModelV4, Protocol):
    """A speech model, version 4 of the specification."""

    async def do_generate(self, options: SpeechModelV4CallOptions) -> SpeechModelV4Result:
        """Generate speech audio."""
        ...
