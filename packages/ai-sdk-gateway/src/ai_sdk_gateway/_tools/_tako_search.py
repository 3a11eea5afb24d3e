"""``gateway.tako_search``: web and Tako knowledge-graph search, run by the gateway
(``tool/tako-search.ts``)."""

from __future__ import annotations

from typing import Any, Literal, NotRequired, Required, TypeAlias

from typing_extensions import TypedDict

from ai_sdk_core.tools import Tool, create_provider_tool_factory

from ._common import GatewayToolError, camel_args

__all__ = [
    "TakoSearchInput",
    "TakoSearchOutput",
    "TakoSearchResponse",
    "tako_search",
]

TakoSearchEffort: TypeAlias = Literal["deep", "fast", "instant"]
TakoContentFormat: TypeAlias = Literal["card_json", "csv", "json_compact", "json_records"]


class TakoDataSource(TypedDict, total=False):
    """Curated-data results: how many, whether rows are inlined (a data surcharge applies),
    in which format, and which Data Graph nodes to prefer."""

    count: int
    include_contents: bool
    mode: Literal["inline", "url"]
    content_format: TakoContentFormat
    max_rows: int
    node_ids: list[str]
    strict: bool


class TakoWebSource(TypedDict, total=False):
    """Web results: how many, whether page text is inlined, category and domain filters."""

    count: int
    include_contents: bool
    category: Literal["finance", "news", "sports"]
    include_domains: list[str]
    exclude_domains: list[str]
    snippet_max_chars: int
    highlights: bool
    article_content_max_chars: int
    published_after: str
    published_before: str


class TakoSources(TypedDict, total=False):
    data: TakoDataSource
    web: TakoWebSource


class TakoLocation(TypedDict):
    latitude: float
    longitude: float


class TakoOutputSettings(TypedDict, total=False):
    image_dark_mode: bool
    force_refresh: bool


class TakoSearchInput(TypedDict, total=False):
    """What the model sends (snake_case, as the gateway expects it)."""

    query: Required[str]
    effort: TakoSearchEffort
    sources: TakoSources
    location: TakoLocation
    country_code: str
    locale: str
    timezone: str
    output_settings: TakoOutputSettings
    include_related: float


class TakoSearchResponse(TypedDict):
    """Tako's cards (with data and an embeddable visualization) and web results."""

    request_id: str
    cards: NotRequired[list[dict[str, Any]]]
    web_results: NotRequired[list[dict[str, Any]]]
    usage: NotRequired[dict[str, Any] | None]
    related: NotRequired[list[dict[str, Any]] | None]


TakoSearchOutput: TypeAlias = TakoSearchResponse | GatewayToolError

_factory = create_provider_tool_factory(
    id="gateway.tako_search",
    input_schema=TakoSearchInput,
    output_schema=TakoSearchOutput,
    executed_by_provider=True,
)


def tako_search(
    *,
    effort: TakoSearchEffort | None = None,
    sources: TakoSources | None = None,
    location: TakoLocation | None = None,
    country_code: str | None = None,
    locale: str | None = None,
    timezone: str | None = None,
    output_settings: TakoOutputSettings | None = None,
    include_related: int | None = None,
    variable_cost: bool | None = None,
    max_variable_cost_usd: float | None = None,
    extra_body: dict[str, Any] | None = None,
) -> Tool[TakoSearchInput, TakoSearchOutput]:
    """Search the web and Tako's curated knowledge graph in one call.

    The arguments are defaults for every search: ``effort`` (``"fast"`` by default), which
    ``sources`` to search (both when left out), the user's ``location``, ``country_code``,
    ``locale`` and ``timezone``, card ``output_settings``, related suggestions
    (``include_related``), per-unit-priced data (``variable_cost``, capped by
    ``max_variable_cost_usd``, 0.25 by default) and ``extra_body``: more Tako request fields,
    in snake_case, sent as they are.
    """
    return _factory(
        **camel_args(
            {
                "effort": effort,
                "sources": sources,
                "location": location,
                "country_code": country_code,
                "locale": locale,
                "timezone": timezone,
                "output_settings": output_settings,
                "include_related": include_related,
                "variable_cost": variable_cost,
                "max_variable_cost_usd": max_variable_cost_usd,
                "extra_body": extra_body,
            },
            verbatim=frozenset({"extra_body"}),
        )
    )
