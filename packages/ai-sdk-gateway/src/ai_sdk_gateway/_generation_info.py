"""Details of one generation (port of ``gateway-generation-info.ts``).

``GET <origin>/v1/generation?id=<id>``: cost, token counts, latency and the provider that
served it. Generation ids come with results as ``provider_metadata["gateway"]["generationId"]``.
"""

from __future__ import annotations

from typing import NotRequired
from urllib.parse import quote

from typing_extensions import TypedDict

from ai_sdk_core.provider_utils import create_json_response_handler
from ai_sdk_core.wire import spec_type

from ._config import GatewayConfig, get_from_gateway, origin

__all__ = ["GatewayGenerationInfo", "fetch_generation_info"]


@spec_type
class GatewayGenerationInfo:
    """What the gateway recorded about a generation; costs in USD, times in milliseconds."""

    id: str
    total_cost: float
    upstream_inference_cost: float
    usage: float
    created_at: str
    model: str
    is_byok: bool
    provider_name: str
    streamed: bool
    finish_reason: str
    latency: float
    generation_time: float
    prompt_tokens: int
    completion_tokens: int
    reasoning_tokens: int
    cached_tokens: int
    cache_creation_tokens: int
    billable_web_search_calls: int
    market_cost: float | None = None
    surcharge_cost: float | None = None
    gateway_cost: float | None = None


class _Generation(TypedDict):
    id: str
    total_cost: float
    market_cost: NotRequired[float | None]
    surcharge_cost: NotRequired[float | None]
    gateway_cost: NotRequired[float | None]
    upstream_inference_cost: float
    usage: float
    created_at: str
    model: str
    is_byok: bool
    provider_name: str
    streamed: bool
    finish_reason: str
    latency: float
    generation_time: float
    native_tokens_prompt: int
    native_tokens_completion: int
    native_tokens_reasoning: int
    native_tokens_cached: int
    native_tokens_cache_creation: int
    billable_web_search_calls: int


class _GenerationResponse(TypedDict):
    data: _Generation


_GENERATION = create_json_response_handler(_GenerationResponse)


async def fetch_generation_info(config: GatewayConfig, generation_id: str) -> GatewayGenerationInfo:
    """``GET <origin>/v1/generation?id=<generation_id>``."""
    # encoded as encodeURIComponent does: A-Z a-z 0-9 - _ . ! ~ * ' ( ) stay
    encoded = quote(generation_id, safe="-_.!~*'()")
    url = f"{origin(config.base_url)}/v1/generation?id={encoded}"
    response = await get_from_gateway(config, url=url, successful_response_handler=_GENERATION)
    data = response["data"]
    return GatewayGenerationInfo(
        id=data["id"],
        total_cost=data["total_cost"],
        market_cost=data.get("market_cost"),
        surcharge_cost=data.get("surcharge_cost"),
        gateway_cost=data.get("gateway_cost"),
        upstream_inference_cost=data["upstream_inference_cost"],
        usage=data["usage"],
        created_at=data["created_at"],
        model=data["model"],
        is_byok=data["is_byok"],
        provider_name=data["provider_name"],
        streamed=data["streamed"],
        finish_reason=data["finish_reason"],
        latency=data["latency"],
        generation_time=data["generation_time"],
        prompt_tokens=data["native_tokens_prompt"],
        completion_tokens=data["native_tokens_completion"],
        reasoning_tokens=data["native_tokens_reasoning"],
        cached_tokens=data["native_tokens_cached"],
        cache_creation_tokens=data["native_tokens_cache_creation"],
        billable_web_search_calls=data["billable_web_search_calls"],
    )
