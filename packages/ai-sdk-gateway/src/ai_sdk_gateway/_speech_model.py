"""The gateway speech model (port of the HTTP part of ``gateway-speech-model.ts``).

``POST <base_url>/speech-model`` with ``{text, voice?, outputFormat?, instructions?, speed?,
language?, providerOptions?}``; the answer is ``{audio: base64, warnings?,
providerMetadata?}``. Streaming speech over WebSocket is not ported.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Literal

from ai_sdk_core.errors import TypeValidationError
from ai_sdk_core.provider import (
    SharedV4ProviderMetadata,
    SharedV4Warning,
    SpeechModelV4CallOptions,
    SpeechModelV4ResponseInfo,
    SpeechModelV4Result,
)
from ai_sdk_core.wire import from_wire

from ._config import GatewayConfig, decode, json_result_handler, post_to_gateway

__all__ = ["GatewaySpeechModel"]


class GatewaySpeechModel:
    """A text-to-speech model behind the AI Gateway (``SpeechModelV4``)."""

    specification_version: Literal["v4"] = "v4"

    __slots__ = ("_config", "model_id")

    def __init__(self, model_id: str, config: GatewayConfig) -> None:
        self.model_id = model_id
        self._config = config

    @property
    def provider(self) -> str:
        return self._config.provider

    def __repr__(self) -> str:
        return f"GatewaySpeechModel(model_id={self.model_id!r})"

    async def do_generate(self, options: SpeechModelV4CallOptions) -> SpeechModelV4Result:
        """Speak ``options.text``; the audio comes back as a base64 string."""
        body: dict[str, Any] = {"text": options.text}
        if options.voice:
            body["voice"] = options.voice
        if options.output_format:
            body["outputFormat"] = options.output_format
        if options.instructions:
            body["instructions"] = options.instructions
        if options.speed is not None:
            body["speed"] = options.speed
        if options.language:
            body["language"] = options.language
        if options.provider_options is not None:
            body["providerOptions"] = options.provider_options

        def result(body: Mapping[str, Any], headers: dict[str, str]) -> SpeechModelV4Result:
            audio = body.get("audio")
            if not isinstance(audio, str):
                raise TypeValidationError(
                    value=audio, cause=ValueError("expected audio to be a base64 string")
                )
            return SpeechModelV4Result(
                audio=audio,
                warnings=from_wire(list[SharedV4Warning], body.get("warnings") or []),
                provider_metadata=decode(SharedV4ProviderMetadata, body.get("providerMetadata")),
                response=SpeechModelV4ResponseInfo(
                    timestamp=self._config.now(),
                    model_id=self.model_id,
                    headers=headers,
                    body=body,
                ),
            )

        response = await post_to_gateway(
            self._config,
            path="speech-model",
            model_headers={
                "ai-speech-model-specification-version": "4",
                "ai-model-id": self.model_id,
            },
            call_headers=options.headers,
            body=body,
            successful_response_handler=json_result_handler(result),
        )
        return response.value
