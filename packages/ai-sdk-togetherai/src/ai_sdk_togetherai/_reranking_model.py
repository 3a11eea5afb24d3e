"""Together AI's reranking model: ``POST {base_url}/rerank``.

Port of ``reranking/togetherai-reranking-model.ts`` (API: https://docs.together.ai/reference/rerank-1).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal, NotRequired

from typing_extensions import TypedDict

from ai_sdk_core.provider import (
    RerankingModelV4CallOptions,
    RerankingModelV4Ranking,
    RerankingModelV4ResponseInfo,
    RerankingModelV4Result,
)
from ai_sdk_core.provider_utils import (
    combine_headers,
    create_json_response_handler,
    parse_provider_options,
    post_json_to_api,
)

from ._errors import failed_response_handler
from .options import TogetherAIRerankingModelOptions

if TYPE_CHECKING:
    import httpx

__all__ = ["TogetherAIRerankingModel", "TogetherAIRerankingModelConfig"]


class _Result(TypedDict):
    index: int
    relevance_score: float


class _Usage(TypedDict):
    prompt_tokens: float
    completion_tokens: float
    total_tokens: float


class _RerankingResponse(TypedDict):
    id: NotRequired[str | None]
    model: NotRequired[str | None]
    results: list[_Result]
    usage: _Usage


@dataclass(slots=True, kw_only=True)
class TogetherAIRerankingModelConfig:
    """How the reranking model reaches the API; ``provider`` is ``"togetherai.reranking"``.

    ``base_url`` has no trailing ``/``; ``headers`` is called for every request.
    """

    provider: str
    base_url: str
    headers: Callable[[], Mapping[str, str | None]] | None = None
    http_client: httpx.AsyncClient | None = None


class TogetherAIRerankingModel:
    """A Together AI reranking model (``RerankingModelV4``)."""

    specification_version: Literal["v4"] = "v4"

    def __init__(self, model_id: str, config: TogetherAIRerankingModelConfig) -> None:
        self.model_id = model_id
        self.config = config

    @property
    def provider(self) -> str:
        """The provider id, ``"togetherai.reranking"``."""
        return self.config.provider

    def __repr__(self) -> str:
        return f"TogetherAIRerankingModel(provider={self.provider!r}, model_id={self.model_id!r})"

    async def do_rerank(self, options: RerankingModelV4CallOptions) -> RerankingModelV4Result:
        """Rank ``options.documents`` (texts or JSON objects) by relevance to the query.

        ``top_n`` is sent as ``top_n``, the ``rank_fields`` option as ``rank_fields``; the
        documents are not sent back (``return_documents: false``). The result has the ranking
        and the response (id, model id, headers, body), but no warnings or provider metadata.
        """
        reranking_options = parse_provider_options(
            provider="togetherai",
            provider_options=options.provider_options,
            schema=TogetherAIRerankingModelOptions,
        )
        response = await post_json_to_api(
            url=f"{self.config.base_url}/rerank",
            headers=combine_headers(
                self.config.headers() if self.config.headers is not None else None,
                options.headers,
            ),
            body={
                "model": self.model_id,
                "documents": options.documents.values,
                "query": options.query,
                "top_n": options.top_n,
                "rank_fields": (reranking_options or {}).get("rank_fields"),
                "return_documents": False,  # a smaller response
            },
            failed_response_handler=failed_response_handler(),
            successful_response_handler=create_json_response_handler(_RerankingResponse),
            http_client=self.config.http_client,
            legacy_user_agent=True,
        )
        value: _RerankingResponse = response.value
        return RerankingModelV4Result(
            ranking=[
                RerankingModelV4Ranking(
                    index=result["index"], relevance_score=result["relevance_score"]
                )
                for result in value["results"]
            ],
            response=RerankingModelV4ResponseInfo(
                id=value.get("id"),
                model_id=value.get("model"),
                headers=response.response_headers,
                body=response.raw_value,
            ),
        )
