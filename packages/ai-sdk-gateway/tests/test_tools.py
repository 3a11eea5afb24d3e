"""The gateway tools: provider-executed tool definitions with camelCase args."""

from __future__ import annotations

import pytest

from ai_sdk_core.errors import TypeValidationError
from ai_sdk_gateway import GatewayProvider, gateway_tools
from ai_sdk_gateway._tools import exa_search, parallel_search, perplexity_search, tako_search


@pytest.mark.parametrize(
    ("factory", "tool_id"),
    [
        (exa_search, "gateway.exa_search"),
        (parallel_search, "gateway.parallel_search"),
        (perplexity_search, "gateway.perplexity_search"),
        (tako_search, "gateway.tako_search"),
    ],
)
def test_provider_executed_tools(factory: object, tool_id: str) -> None:
    tool = factory()  # type: ignore[operator]
    assert (tool.type, tool.id, tool.args, tool.is_provider_executed) == (
        "provider",
        tool_id,
        {},
        True,
    )
    assert tool.execute is None


def test_the_provider_exposes_them(provider: GatewayProvider) -> None:
    assert provider.tools is gateway_tools
    assert provider.tools.perplexity_search is perplexity_search


def test_args_are_the_ts_config_in_camel_case() -> None:
    assert parallel_search(
        mode="advanced",
        max_results=5,
        source_policy={"include_domains": ["a.org"], "after_date": "2025-01-01"},
        fetch_policy={"max_age_seconds": 600, "disable_cache_fallback": True},
    ).args == {
        "mode": "advanced",
        "maxResults": 5,
        "sourcePolicy": {"includeDomains": ["a.org"], "afterDate": "2025-01-01"},
        "fetchPolicy": {"maxAgeSeconds": 600, "disableCacheFallback": True},
    }
    assert perplexity_search(search_domain_filter=["-spam.net"], max_tokens=0).args == {
        "searchDomainFilter": ["-spam.net"],
        "maxTokens": 0,
    }


def test_tako_extra_body_is_sent_as_given() -> None:
    args = tako_search(
        max_variable_cost_usd=0.5,
        variable_cost=False,
        extra_body={"nested_key": {"inner_key": 1}},
    ).args
    assert args == {
        "variableCost": False,
        "maxVariableCostUsd": 0.5,
        "extraBody": {"nested_key": {"inner_key": 1}},
    }


def test_inputs_are_validated_against_the_input_schema() -> None:
    tool = exa_search()
    assert tool.input_schema.validate({"query": "q", "num_results": 3, "junk": 1}) == {
        "query": "q",
        "num_results": 3,
    }
    with pytest.raises(TypeValidationError):
        tool.input_schema.validate({"num_results": 3})
    with pytest.raises(TypeValidationError):
        tako_search().input_schema.validate({"query": "q", "effort": "max"})
    assert perplexity_search().input_schema.validate({"query": ["a", "b"]}) == {"query": ["a", "b"]}
