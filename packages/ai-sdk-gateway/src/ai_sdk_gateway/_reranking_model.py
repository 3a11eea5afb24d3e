"""The gateway reranking model (port of ``gateway-reranking-model.ts``).

``POST <base_url>/reranking-model`` with ``{documents, query, topN?, providerOptions?}``;
the answer is ``{ranking: [{index, relevanceScore}], warnings?, providerMetadata?}``.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Literal

from ai_sdk_core.provider import RerankingModelV4CallOptions, RerankingModelV4Result
from ai_sdk_core.wire import from_wire, to_wire

from ._config import GatewayConfig, json_result_handler, post_to_gateway

__all__ = ["GatewayRerankingModel"]


class GatewayRerankingModel:
    """A reranking model behind the AI Gateway (``RerankingModelV4``)."""

    specification_version: Literal["v4"] = "v4"

    __slots__ = ("_config", "model_id")

    def __init__(self, model_id: str, config: GatewayConfig) -> None:
        self.model_id = model_id
        self._config = config

    @property
    def provider(self) -> str:
        return self._config.provider

    def __repr__(self) -> str:
        return f"GatewayRerankingModel(model_id={self.model_id!r})"

    async def do_rerank(self, options: RerankingModelV4CallOptions) -> RerankingModelV4Result:
        """Rank ``options.documents`` by relevance to ``options.query``."""
        body: dict[str, Any] = {"documents": to_wire(options.documents), "query": options.query}
        if options.top_n is not None:
            body["topN"] = options.top_n
        if options.provider_options is not None:
            body["providerOptions"] = options.provider_options
        response = await post_to_gateway(
            self._config,
            path="reranking-model",
            model_headers={
                "ai-reranking-model-specification-version": "4",
                "ai-model-id": self.model_id,
            },
            call_headers=options.headers,
            body=body,
            successful_response_handler=json_result_handler(_result),
        )
        return response.value


def _result(body: Mapping[str, Any], headers: dict[str, str]) -> RerankingModelV4Result:
    return from_wire(
        RerankingModelV4Result,
        {
            "ranking": body.get("ranking"),
            "providerMetadata": body.get("providerMetadata"),
            "warnings": body.get("warnings") or [],
            "response": {"headers": headers, "body": body},
        },
    )
