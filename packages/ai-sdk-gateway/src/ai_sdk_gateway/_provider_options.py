"""``provider_options={"gateway": {...}}``: the routing options of the AI Gateway.

Port of the ``GatewayProviderOptions`` type of ``gateway-provider-options.ts``. The client
never reads or checks them: they travel inside the request body to the gateway, which applies
them (and accepts options newer than this type). The keys are camelCase, as on the wire.
"""

from __future__ import annotations

from typing import Any, Literal

from typing_extensions import TypedDict

__all__ = ["GatewayProviderOptions", "GatewayProviderTimeouts"]


class GatewayProviderTimeouts(TypedDict, total=False):
    """Per-provider timeouts in milliseconds for requests made with your own credentials."""

    byok: dict[str, int]


class GatewayProviderOptions(TypedDict, total=False):
    """Routing options under ``provider_options["gateway"]`` (see the README for each)."""

    order: list[str]
    """Provider slugs in the order to try them; the next is tried when one fails."""
    only: list[str]
    """The only provider slugs that may serve the request."""
    models: list[Any]
    """Fallback model ids, tried in order when the requested model fails."""
    sort: Literal["cost", "tps", "ttft"]
    """Order providers by cost, throughput or time to first token before routing."""
    user: str
    """End-user id, for spend tracking and attribution."""
    tags: list[str]
    """Tags for spend reporting and filtering (see ``get_spend_report(tags=...)``)."""
    byok: dict[str, list[dict[str, Any]]]
    """Request-scoped provider credentials (bring your own key), per provider slug."""
    providerTimeouts: GatewayProviderTimeouts
    """Per-provider timeouts for BYOK credentials."""
    zeroDataRetention: bool
    """Only providers with zero-data-retention agreements."""
    disallowPromptTraining: bool
    """Only providers that do not train on prompt data."""
    headquarters: list[str]
    """Only providers headquartered in these countries (ISO 3166-1 alpha-2), or, with every
    code prefixed by ``!``, not in them."""
    has: list[str]
    """Capabilities every candidate must have: ``"implicit-caching"``, ``"reasoning"``,
    ``"structured-output"``, ``"tool-use"``, ``"vision"``, ``"quantization:<format>"`` or
    ``"!quantization:<format>"``."""
    caching: Literal["auto"]
    """Automatic prompt caching where the provider supports it."""
    quotaEntityId: str
    """The entity whose quota the request counts against."""
    serviceTier: Literal["flex", "priority"]
    """The service tier to ask providers for."""
    idempotencyKey: str
    """Idempotency key of a batch start (batches are not part of this client)."""
