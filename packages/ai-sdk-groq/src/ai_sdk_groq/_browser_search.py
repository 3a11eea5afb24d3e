"""Groq's browser search tool and the models that support it (ports of
``tool/browser-search.ts`` and ``groq-browser-search-models.ts``).

Browser search navigates websites interactively, on Groq's side: add
``groq.tools.browser_search()`` to the tools and the model decides when to search. It has no
input or output of its own and no settings. Only the models in
:data:`BROWSER_SEARCH_SUPPORTED_MODELS` support it; with any other model the tool is left out
of the request with an ``unsupported`` warning.
"""

from __future__ import annotations

from typing import Any

from ai_sdk_core.tools import Tool, create_provider_tool_factory

__all__ = [
    "BROWSER_SEARCH_SUPPORTED_MODELS",
    "browser_search",
    "browser_search_unsupported_details",
    "is_browser_search_supported_model",
]

BROWSER_SEARCH_SUPPORTED_MODELS: tuple[str, ...] = ("openai/gpt-oss-20b", "openai/gpt-oss-120b")
"""The models with browser search (https://console.groq.com/docs/browser-search)."""

_EMPTY_OBJECT_SCHEMA: dict[str, Any] = {
    "type": "object",
    "properties": {},
    "additionalProperties": False,
}

_browser_search_factory = create_provider_tool_factory(
    id="groq.browser_search",
    input_schema=_EMPTY_OBJECT_SCHEMA,
    output_schema=_EMPTY_OBJECT_SCHEMA,
    executed_by_provider=True,
)


def browser_search() -> Tool[Any, Any]:
    """The browser search tool (``groq.browser_search``), run by Groq.

    Supported on ``openai/gpt-oss-20b`` and ``openai/gpt-oss-120b``; other models get an
    ``unsupported`` warning and the tool is not sent. Use it as
    ``tools={"browser_search": groq.tools.browser_search()}``.
    """
    return _browser_search_factory()


def is_browser_search_supported_model(model_id: str) -> bool:
    """Whether ``model_id`` supports browser search."""
    return model_id in BROWSER_SEARCH_SUPPORTED_MODELS


def browser_search_unsupported_details(model_id: str) -> str:
    """The details of the warning for browser search on ``model_id``."""
    return (
        "Browser search is only supported on the following models: "
        f"{', '.join(BROWSER_SEARCH_SUPPORTED_MODELS)}. Current model: {model_id}"
    )
