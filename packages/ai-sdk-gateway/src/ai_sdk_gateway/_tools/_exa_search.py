"""``gateway.exa_search``: web search through Exa, run by the gateway (``tool/exa-search.ts``)."""

from __future__ import annotations

from typing import Any, Literal, NotRequired, TypeAlias

from typing_extensions import TypedDict

from ai_sdk_core.tools import Tool, create_provider_tool_factory

from ._common import GatewayToolError, camel_args

__all__ = [
    "ExaSearchContents",
    "ExaSearchInput",
    "ExaSearchOutput",
    "ExaSearchResponse",
    "exa_search",
]

ExaSearchType: TypeAlias = Literal["auto", "fast", "instant"]
ExaSearchCategory: TypeAlias = Literal[
    "company", "people", "research paper", "news", "personal site", "financial report"
]
ExaTextSection: TypeAlias = Literal[
    "header", "navigation", "banner", "body", "sidebar", "footer", "metadata"
]


class ExaSearchTextConfig(TypedDict, total=False):
    max_characters: int
    include_html_tags: bool
    verbosity: Literal["compact", "standard", "full"]
    include_sections: list[ExaTextSection]
    exclude_sections: list[ExaTextSection]


class ExaSearchHighlightsConfig(TypedDict, total=False):
    query: str
    max_characters: int


class ExaSearchExtrasConfig(TypedDict, total=False):
    links: int
    image_links: int


class ExaSearchContents(TypedDict, total=False):
    """Which page content to extract, and how fresh it must be."""

    text: bool | ExaSearchTextConfig
    highlights: bool | ExaSearchHighlightsConfig
    max_age_hours: float
    livecrawl_timeout: float
    subpages: int
    subpage_target: str | list[str]
    extras: ExaSearchExtrasConfig


class ExaSearchInput(TypedDict):
    """What the model sends (snake_case, as the gateway expects it)."""

    query: str
    type: NotRequired[ExaSearchType]
    num_results: NotRequired[float]
    category: NotRequired[ExaSearchCategory]
    user_location: NotRequired[str]
    include_domains: NotRequired[list[str]]
    exclude_domains: NotRequired[list[str]]
    start_published_date: NotRequired[str]
    end_published_date: NotRequired[str]
    contents: NotRequired[ExaSearchContents]


class ExaSearchResponse(TypedDict):
    """Exa's results."""

    requestId: str
    searchType: NotRequired[str]
    resolvedSearchType: NotRequired[str]
    results: list[dict[str, Any]]
    costDollars: NotRequired[dict[str, Any]]


ExaSearchOutput: TypeAlias = ExaSearchResponse | GatewayToolError

_factory = create_provider_tool_factory(
    id="gateway.exa_search",
    input_schema=ExaSearchInput,
    output_schema=ExaSearchOutput,
    executed_by_provider=True,
)


def exa_search(
    *,
    type: ExaSearchType | None = None,
    num_results: int | None = None,
    category: ExaSearchCategory | None = None,
    user_location: str | None = None,
    include_domains: list[str] | None = None,
    exclude_domains: list[str] | None = None,
    start_published_date: str | None = None,
    end_published_date: str | None = None,
    contents: ExaSearchContents | None = None,
) -> Tool[ExaSearchInput, ExaSearchOutput]:
    """Search the web with Exa: current information as token-efficient excerpts.

    The arguments are defaults for every search the model makes: search ``type``
    (``"auto"`` when left out), ``num_results`` (1-100, default 10), a result ``category``,
    the two-letter ``user_location``, domains to include or exclude, ISO 8601 published-date
    bounds, and ``contents`` extraction (text, highlights, freshness, subpages, links).
    """
    return _factory(
        **camel_args(
            {
                "type": type,
                "num_results": num_results,
                "category": category,
                "user_location": user_location,
                "include_domains": include_domains,
                "exclude_domains": exclude_domains,
                "start_published_date": start_published_date,
                "end_published_date": end_published_date,
                "contents": contents,
            }
        )
    )
