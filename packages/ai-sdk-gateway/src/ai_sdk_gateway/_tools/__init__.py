"""The gateway tools: web searches the gateway runs for any model (``gateway-tools.ts``).

Each function returns a provider-executed tool (``{"type": "provider", "id":
"gateway.<name>", …}``); its keyword arguments are defaults the gateway applies to every
search the model asks for.
"""

from __future__ import annotations

from ._common import GatewayToolError
from ._exa_search import ExaSearchInput, ExaSearchOutput, exa_search
from ._parallel_search import ParallelSearchInput, ParallelSearchOutput, parallel_search
from ._perplexity_search import PerplexitySearchInput, PerplexitySearchOutput, perplexity_search
from ._tako_search import TakoSearchInput, TakoSearchOutput, tako_search

__all__ = [
    "ExaSearchInput",
    "ExaSearchOutput",
    "GatewayToolError",
    "GatewayTools",
    "ParallelSearchInput",
    "ParallelSearchOutput",
    "PerplexitySearchInput",
    "PerplexitySearchOutput",
    "TakoSearchInput",
    "TakoSearchOutput",
    "exa_search",
    "gateway_tools",
    "parallel_search",
    "perplexity_search",
    "tako_search",
]


class GatewayTools:
    """The gateway tools as attributes: ``gateway.tools.exa_search(num_results=5)``."""

    __slots__ = ()

    exa_search = staticmethod(exa_search)
    parallel_search = staticmethod(parallel_search)
    perplexity_search = staticmethod(perplexity_search)
    tako_search = staticmethod(tako_search)


gateway_tools = GatewayTools()
"""The gateway tools (``gateway.tools``)."""
