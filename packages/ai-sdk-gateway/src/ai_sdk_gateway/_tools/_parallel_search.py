"""``gateway.parallel_search``: web search through Parallel AI, run by the gateway
(``tool/parallel-search.ts``)."""

from __future__ import annotations

from typing import Any, Literal, NotRequired, TypeAlias

from typing_extensions import TypedDict

from ai_sdk_core.tools import Tool, create_provider_tool_factory

from ._common import GatewayToolError, camel_args

__all__ = [
    "ParallelSearchInput",
    "ParallelSearchOutput",
    "ParallelSearchResponse",
    "parallel_search",
]

ParallelSearchMode: TypeAlias = Literal["turbo", "fast", "basic", "advanced", "one-shot", "agentic"]


class ParallelSearchSourcePolicy(TypedDict, total=False):
    """Domains (or domain/path prefixes) to keep or drop, and the earliest publish date."""

    include_domains: list[str]
    exclude_domains: list[str]
    after_date: str


class ParallelSearchExcerpts(TypedDict, total=False):
    max_chars_per_result: int
    max_chars_total: int


class ParallelSearchFetchPolicy(TypedDict, total=False):
    max_age_seconds: int
    timeout_seconds: float
    disable_cache_fallback: bool


class ParallelSearchInput(TypedDict):
    """What the model sends (snake_case, as the gateway expects it)."""

    objective: str
    search_queries: NotRequired[list[str]]
    mode: NotRequired[ParallelSearchMode]
    max_results: NotRequired[float]
    source_policy: NotRequired[ParallelSearchSourcePolicy]
    excerpts: NotRequired[ParallelSearchExcerpts]
    max_chars_total: NotRequired[float]
    fetch_policy: NotRequired[ParallelSearchFetchPolicy]
    location: NotRequired[str]


class ParallelSearchResponse(TypedDict):
    """Parallel's results, most relevant first."""

    search_id: str
    results: list[dict[str, Any]]
    warnings: NotRequired[list[dict[str, Any]] | None]
    usage: NotRequired[list[dict[str, Any]] | None]
    session_id: NotRequired[str]


ParallelSearchOutput: TypeAlias = ParallelSearchResponse | GatewayToolError

_factory = create_provider_tool_factory(
    id="gateway.parallel_search",
    input_schema=ParallelSearchInput,
    output_schema=ParallelSearchOutput,
    executed_by_provider=True,
)


def parallel_search(
    *,
    mode: ParallelSearchMode | None = None,
    max_results: int | None = None,
    source_policy: ParallelSearchSourcePolicy | None = None,
    excerpts: ParallelSearchExcerpts | None = None,
    max_chars_total: int | None = None,
    fetch_policy: ParallelSearchFetchPolicy | None = None,
    location: str | None = None,
) -> Tool[ParallelSearchInput, ParallelSearchOutput]:
    """Search the web with Parallel AI: one natural-language objective, LLM-ready excerpts.

    The arguments are defaults for every search: ``mode`` (``"basic"`` by default;
    ``"turbo"``/``"fast"`` trade depth for latency, ``"advanced"`` is the most thorough),
    ``max_results`` (1-20), a ``source_policy``, excerpt lengths (``excerpts``,
    ``max_chars_total``), a ``fetch_policy`` for freshness and a country ``location``.
    """
    return _factory(
        **camel_args(
            {
                "mode": mode,
                "max_results": max_results,
                "source_policy": source_policy,
                "excerpts": excerpts,
                "max_chars_total": max_chars_total,
                "fetch_policy": fetch_policy,
                "location": location,
            }
        )
    )
