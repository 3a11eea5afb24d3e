"""The gateway transcription model (port of the HTTP part of
``gateway-transcription-model.ts``).

``POST <base_url>/transcription-model`` with ``{audio: base64, mediaType, providerOptions?}``;
the answer is ``{text, segments?, language?, durationInSeconds?, warnings?,
providerMetadata?}``. Streaming transcription over WebSocket is not ported.
"""

from __future__ import annotations

import base64
from collections.abc import Mapping
from typing import Any, Literal, cast

from ai_sdk_core.provider import (
    SharedV4ProviderOptions,
    TranscriptionModelV4CallOptions,
    TranscriptionModelV4Result,
)
from ai_sdk_core.wire import from_wire

from ._config import GatewayConfig, json_result_handler, post_to_gateway

__all__ = ["GatewayTranscriptionModel"]

_DIARIZATION_WARNING = {
    "type": "unsupported",
    "feature": "providerOptions.xai.diarize",
    "details": "AI Gateway does not currently expose xAI speaker diarization metadata.",
}


class GatewayTranscriptionModel:
    """A transcription model behind the AI Gateway (``TranscriptionModelV4``)."""

    specification_version: Literal["v4"] = "v4"

    __slots__ = ("_config", "model_id")

    def __init__(self, model_id: str, config: GatewayConfig) -> None:
        self.model_id = model_id
        self._config = config

    @property
    def provider(self) -> str:
        return self._config.provider

    def __repr__(self) -> str:
        return f"GatewayTranscriptionModel(model_id={self.model_id!r})"

    async def do_generate(
        self, options: TranscriptionModelV4CallOptions
    ) -> TranscriptionModelV4Result:
        """Transcribe ``options.audio`` (sent as base64)."""
        audio = options.audio
        body: dict[str, Any] = {
            "audio": audio if isinstance(audio, str) else base64.b64encode(audio).decode("ascii"),
            "mediaType": options.media_type,
        }
        if options.provider_options is not None:
            body["providerOptions"] = options.provider_options
        warn_diarization = _is_xai_model(self.model_id) and _requests_xai_diarization(
            options.provider_options
        )

        def result(body: Mapping[str, Any], headers: dict[str, str]) -> TranscriptionModelV4Result:
            warnings = list(body.get("warnings") or [])
            if warn_diarization and not _contains_speaker(body):
                warnings.append(_DIARIZATION_WARNING)
            return from_wire(
                TranscriptionModelV4Result,
                {
                    "text": body.get("text"),
                    "segments": body.get("segments") or [],
                    "language": body.get("language"),
                    "durationInSeconds": body.get("durationInSeconds"),
                    "warnings": warnings,
                    "providerMetadata": body.get("providerMetadata"),
                    "response": {
                        "timestamp": self._config.now(),
                        "modelId": self.model_id,
                        "headers": headers,
                        "body": body,
                    },
                },
            )

        response = await post_to_gateway(
            self._config,
            path="transcription-model",
            model_headers={
                "ai-transcription-model-specification-version": "4",
                "ai-model-id": self.model_id,
            },
            call_headers=options.headers,
            body=body,
            successful_response_handler=json_result_handler(result),
        )
        return response.value


def _is_xai_model(model_id: str) -> bool:
    return model_id.startswith(("spacexai/", "xai/"))


def _requests_xai_diarization(provider_options: SharedV4ProviderOptions | None) -> bool:
    if provider_options is None:
        return False
    return any(
        (provider_options.get(name) or {}).get("diarize") is True for name in ("xai", "spacexai")
    )


def _contains_speaker(value: object) -> bool:
    """Whether a ``speaker`` entry with a value occurs anywhere in ``value``."""
    if isinstance(value, list):
        return any(_contains_speaker(item) for item in cast("list[object]", value))
    if isinstance(value, Mapping):
        return any(
            (key == "speaker" and item is not None) or _contains_speaker(item)
            for key, item in cast("Mapping[str, object]", value).items()
        )
    return False
