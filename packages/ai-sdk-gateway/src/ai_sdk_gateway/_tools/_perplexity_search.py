"""``gateway.perplexity_search``: web search through Perplexity, run by the gateway
(``tool/perplexity-search.ts``)."""

from __future__ import annotations

from typing import Literal, NotRequired, TypeAlias

from typing_extensions import TypedDict

from ai_sdk_core.tools import Tool, create_provider_tool_factory

from ._common import camel_args

__all__ = [
    "PerplexitySearchError",
    "PerplexitySearchInput",
    "PerplexitySearchOutput",
    "PerplexitySearchResponse",
    "perplexity_search",
]

RecencyFilter: TypeAlias = Literal["day", "week", "month", "year"]


class PerplexitySearchInput(TypedDict):
    """What the model sends (snake_case, as the gateway expects it)."""

    query: str | list[str]
    max_results: NotRequired[float]
    max_tokens_per_page: NotRequired[float]
    max_tokens: NotRequired[float]
    country: NotRequired[str]
    search_domain_filter: NotRequired[list[str]]
    search_language_filter: NotRequired[list[str]]
    search_after_date: NotRequired[str]
    search_before_date: NotRequired[str]
    last_updated_after_filter: NotRequired[str]
    last_updated_before_filter: NotRequired[str]
    search_recency_filter: NotRequired[RecencyFilter]


class PerplexitySearchResult(TypedDict):
    title: str
    url: str
    snippet: str
    date: NotRequired[str]
    lastUpdated: NotRequired[str]


class PerplexitySearchResponse(TypedDict):
    """Perplexity's ranked results."""

    results: list[PerplexitySearchResult]
    id: str


class PerplexitySearchError(TypedDict):
    """The output when the search failed."""

    error: Literal["api_error", "rate_limit", "timeout", "invalid_input", "unknown"]
    statusCode: NotRequired[int]
    message: str


PerplexitySearchOutput: TypeAlias = PerplexitySearchResponse | PerplexitySearchError

_factory = create_provider_tool_factory(
    id="gateway.perplexity_search",
    input_schema=PerplexitySearchInput,
    output_schema=PerplexitySearchOutput,
    executed_by_provider=True,
)


def perplexity_search(
    *,
    max_results: int | None = None,
    max_tokens_per_page: int | None = None,
    max_tokens: int | None = None,
    country: str | None = None,
    search_domain_filter: list[str] | None = None,
    search_language_filter: list[str] | None = None,
    search_recency_filter: RecencyFilter | None = None,
) -> Tool[PerplexitySearchInput, PerplexitySearchOutput]:
    """Search the web with Perplexity: real-time results, news, papers and articles.

    The arguments are defaults for every search: ``max_results`` (1-20, default 10),
    ``max_tokens_per_page`` (256-2048), ``max_tokens`` in total (default 25000), a two-letter
    ``country``, domains to include (``"nature.com"``) or exclude (``"-spam.net"``), ISO 639-1
    languages and a recency filter.
    """
    return _factory(
        **camel_args(
            {
                "max_results": max_results,
                "max_tokens_per_page": max_tokens_per_page,
                "max_tokens": max_tokens,
                "country": country,
                "search_domain_filter": search_domain_filter,
                "search_language_filter": search_language_filter,
                "search_recency_filter": search_recency_filter,
            }
        )
    )
