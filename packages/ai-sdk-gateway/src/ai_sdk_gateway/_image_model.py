"""The gateway image model (port of ``gateway-image-model.ts``).

``POST <base_url>/image-model`` with ``{prompt, n, size?, aspectRatio?, seed?,
providerOptions?, files?, mask?}`` (input image bytes as base64); the answer is ``{images:
[base64…], warnings?, providerMetadata?, usage?}``. The gateway splits nothing: one call asks
for all ``n`` images.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Literal, cast

from ai_sdk_core.errors import TypeValidationError
from ai_sdk_core.provider import (
    ImageModelV4CallOptions,
    ImageModelV4ResponseInfo,
    ImageModelV4Result,
    ImageModelV4Usage,
    SharedV4ProviderMetadata,
    SharedV4ProviderOptions,
    SharedV4Warning,
)
from ai_sdk_core.wire import from_wire, to_wire

from ._config import GatewayConfig, decode, json_result_handler, post_to_gateway

__all__ = ["GatewayImageModel"]

# A client-side option (decode large images while reading, in TS); never sent.
_CLIENT_ONLY_OPTION = "experimental_streamingImageDecoding"


class GatewayImageModel:
    """An image model behind the AI Gateway (``ImageModelV4``)."""

    specification_version: Literal["v4"] = "v4"
    max_images_per_call = 2**53 - 1  # Number.MAX_SAFE_INTEGER: no splitting on the client

    __slots__ = ("_config", "model_id")

    def __init__(self, model_id: str, config: GatewayConfig) -> None:
        self.model_id = model_id
        self._config = config

    @property
    def provider(self) -> str:
        return self._config.provider

    def __repr__(self) -> str:
        return f"GatewayImageModel(model_id={self.model_id!r})"

    async def do_generate(self, options: ImageModelV4CallOptions) -> ImageModelV4Result:
        """Generate ``options.n`` images; they come back as base64 strings."""
        body: dict[str, Any] = {"prompt": options.prompt, "n": options.n}
        if options.size:
            body["size"] = options.size
        if options.aspect_ratio:
            body["aspectRatio"] = options.aspect_ratio
        if options.seed is not None:
            body["seed"] = options.seed
        provider_options = _request_provider_options(options.provider_options)
        if provider_options is not None:
            body["providerOptions"] = provider_options
        if options.files is not None:
            body["files"] = [to_wire(file) for file in options.files]
        if options.mask is not None:
            body["mask"] = to_wire(options.mask)

        def result(body: Mapping[str, Any], headers: dict[str, str]) -> ImageModelV4Result:
            return ImageModelV4Result(
                images=_images(body.get("images")),
                warnings=from_wire(list[SharedV4Warning], body.get("warnings") or []),
                provider_metadata=decode(SharedV4ProviderMetadata, body.get("providerMetadata")),
                response=ImageModelV4ResponseInfo(
                    timestamp=self._config.now(), model_id=self.model_id, headers=headers
                ),
                usage=decode(ImageModelV4Usage, body.get("usage")),
            )

        response = await post_to_gateway(
            self._config,
            path="image-model",
            model_headers={
                "ai-image-model-specification-version": "4",
                "ai-model-id": self.model_id,
            },
            call_headers=options.headers,
            body=body,
            successful_response_handler=json_result_handler(result),
        )
        return response.value


def _request_provider_options(
    provider_options: SharedV4ProviderOptions | None,
) -> SharedV4ProviderOptions | None:
    """The provider options to send: without the client-only gateway option (and without
    the ``gateway`` entry, or all options, when nothing else is left)."""
    gateway = None if provider_options is None else provider_options.get("gateway")
    if provider_options is None or gateway is None or _CLIENT_ONLY_OPTION not in gateway:
        return provider_options
    service_options = {key: value for key, value in gateway.items() if key != _CLIENT_ONLY_OPTION}
    sent = {key: value for key, value in provider_options.items() if key != "gateway"}
    if service_options:
        sent["gateway"] = service_options
    return sent or None


def _images(value: object) -> list[bytes | str]:
    if not isinstance(value, list) or not all(
        isinstance(image, str) for image in cast("list[object]", value)
    ):
        value = cast("object", value)
        raise TypeValidationError(
            value=value, cause=ValueError("expected images to be a list of base64 strings")
        )
    return list(cast("list[str]", value))
