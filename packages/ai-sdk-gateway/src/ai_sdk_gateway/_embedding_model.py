"""The gateway embedding model (port of ``gateway-embedding-model.ts``).

``POST <base_url>/embedding-model`` with ``{values, dimensions?, providerOptions?}``; the
answer is ``{embeddings, usage?, warnings?, providerMetadata?}``.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Literal

from ai_sdk_core.provider import EmbeddingModelV4CallOptions, EmbeddingModelV4Result
from ai_sdk_core.wire import from_wire

from ._config import GatewayConfig, json_result_handler, post_to_gateway

__all__ = ["GatewayEmbeddingModel"]


class GatewayEmbeddingModel:
    """An embedding model behind the AI Gateway (``EmbeddingModelV4``): up to 2048 values
    per call, calls may run in parallel."""

    specification_version: Literal["v4"] = "v4"
    max_embeddings_per_call = 2048
    supports_parallel_calls = True

    __slots__ = ("_config", "model_id")

    def __init__(self, model_id: str, config: GatewayConfig) -> None:
        self.model_id = model_id
        self._config = config

    @property
    def provider(self) -> str:
        return self._config.provider

    def __repr__(self) -> str:
        return f"GatewayEmbeddingModel(model_id={self.model_id!r})"

    async def do_embed(self, options: EmbeddingModelV4CallOptions) -> EmbeddingModelV4Result:
        """Embed ``options.values``; provider options are forwarded as they are."""
        body: dict[str, Any] = {
            "values": options.values,
            # not in every version of the call options; forwarded when present
            "dimensions": getattr(options, "dimensions", None),
        }
        if options.provider_options is not None:
            body["providerOptions"] = options.provider_options
        response = await post_to_gateway(
            self._config,
            path="embedding-model",
            model_headers={
                "ai-embedding-model-specification-version": "4",
                "ai-model-id": self.model_id,
            },
            call_headers=options.headers,
            body=body,
            successful_response_handler=json_result_handler(_result),
        )
        return response.value


def _result(body: Mapping[str, Any], headers: dict[str, str]) -> EmbeddingModelV4Result:
    return from_wire(
        EmbeddingModelV4Result,
        {
            "embeddings": body.get("embeddings"),
            "usage": body.get("usage"),
            "providerMetadata": body.get("providerMetadata"),
            "warnings": body.get("warnings") or [],
            "response": {"headers": headers, "body": body},
        },
    )
