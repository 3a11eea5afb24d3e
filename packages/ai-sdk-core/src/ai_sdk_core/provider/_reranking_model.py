"""The reranking model protocol (``RerankingModelV4``) and its call options and result."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any, Literal, Protocol, runtime_checkable

from typing_extensions import TypeAliasType

from ._codec_hints import Tagged, Timestamp, spec_type
from ._json import JSONObject
from ._model import ModelV4
from ._shared import (
    SharedV4Headers,
    SharedV4ProviderMetadata,
    SharedV4ProviderOptions,
    SharedV4Warning,
)

__all__ = [
    "RerankingModelV4",
    "RerankingModelV4CallOptions",
    "RerankingModelV4Documents",
    "RerankingModelV4ObjectDocuments",
    "RerankingModelV4Ranking",
    "RerankingModelV4ResponseInfo",
    "RerankingModelV4Result",
    "RerankingModelV4TextDocuments",
]


@spec_type
class RerankingModelV4TextDocuments:
    """Documents given as strings."""

    type: Literal["text"] = "text"
    values: list[str]


@spec_type
class RerankingModelV4ObjectDocuments:
    """Documents given as JSON objects."""

    type: Literal["object"] = "object"
    values: list[JSONObject]


RerankingModelV4Documents = TypeAliasType(
    "RerankingModelV4Documents",
    Annotated[RerankingModelV4TextDocuments | RerankingModelV4ObjectDocuments, Tagged("type")],
)


@spec_type
class RerankingModelV4CallOptions:
    """Rank ``documents`` by relevance to ``query``; keep the best ``top_n`` when set."""

    documents: RerankingModelV4Documents
    query: str
    top_n: int | None = None
    provider_options: SharedV4ProviderOptions | None = None
    headers: SharedV4Headers | None = None


@spec_type
class RerankingModelV4Ranking:
    """A document's position in the input and its relevance score."""

    index: int
    relevance_score: float


@spec_type
class RerankingModelV4ResponseInfo:
    """Response metadata, headers and raw body of a rerank call."""

    id: str | None = None
    timestamp: Annotated[datetime, Timestamp] | None = None
    model_id: str | None = None
    headers: SharedV4Headers | None = None
    body: Any = None


@spec_type
class RerankingModelV4Result:
    """The ranking, most relevant first."""

    ranking: list[RerankingModelV4Ranking]
    provider_metadata: SharedV4ProviderMetadata | None = None
    warnings: list[SharedV4Warning] | None = None
    response: RerankingModelV4ResponseInfo | None = None


@runtime_checkable
class RerankingModelV4(ModelV4, Protocol):
    """A reranking model, version 4 of the specification."""

    async def do_rerank(self, options: RerankingModelV4CallOptions) -> RerankingModelV4Result:
        """Rank the documents."""
        ...
