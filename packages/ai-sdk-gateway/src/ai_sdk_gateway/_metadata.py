"""The model catalog and the credit balance (port of ``gateway-fetch-metadata.ts`` and
``gateway-model-entry.ts``).

``GET <base_url>/config`` lists the models: pricing keys are renamed
(``input_cache_read`` → ``cached_input_tokens``, ``input_cache_write`` →
``cache_creation_input_tokens``) and models of a type this client does not know are dropped.
``GET <origin>/v1/credits`` gives the balance. The result types convert to the TS JSON form
with :func:`ai_sdk_core.wire.to_wire`.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Literal, NotRequired, cast
from urllib.parse import urlencode

from typing_extensions import TypedDict

from ai_sdk_core.provider_utils import create_json_response_handler
from ai_sdk_core.wire import from_wire, spec_type, to_wire

from ._auth import TEAM_HEADER
from ._config import GatewayConfig, get_from_gateway, origin

if TYPE_CHECKING:
    from pydantic import GetCoreSchemaHandler
    from pydantic_core import CoreSchema

__all__ = [
    "KNOWN_MODEL_TYPES",
    "GatewayCreditsResponse",
    "GatewayFetchMetadataResponse",
    "GatewayLanguageModelEntry",
    "GatewayLanguageModelSpecification",
    "GatewayModelPricing",
    "fetch_available_models",
    "fetch_credits",
]

KNOWN_MODEL_TYPES = frozenset(
    {
        "embedding",
        "decision",
        "evaluation",
        "image",
        "language",
        "realtime",
        "reranking",
        "speech",
        "transcription",
        "video",
    }
)
"""The ``modelType`` values this client knows; models of other types are not listed."""


@spec_type
class GatewayLanguageModelSpecification:
    """The AI SDK identity of a gateway model: spec version, provider and provider model id."""

    specification_version: Literal["v4"]
    provider: str
    model_id: str


@spec_type
class GatewayModelPricing:
    """Prices in USD per token, as decimal strings."""

    input: str
    output: str
    cached_input_tokens: str | None = None
    cache_creation_input_tokens: str | None = None


_NULLABLE = {"description": "description", "pricing": "pricing", "model_type": "modelType"}


class _EntryWire(TypedDict):
    id: str
    name: str
    specification: GatewayLanguageModelSpecification
    description: NotRequired[str | None]
    pricing: NotRequired[GatewayModelPricing | None]
    modelType: NotRequired[str | None]


@dataclass(frozen=True, slots=True, kw_only=True)
class GatewayLanguageModelEntry:
    """A model the gateway offers.

    ``id`` is what to pass as model id (``"openai/gpt-5"``); ``model_type`` is ``"language"``,
    ``"embedding"``, ``"image"``, … (``None`` when the gateway does not say). ``null_fields``
    names the optional fields the gateway sent as ``null`` rather than leaving out, so the TS
    JSON form (:func:`ai_sdk_core.wire.to_wire`) is exactly what the TS client returns.
    """

    id: str
    name: str
    specification: GatewayLanguageModelSpecification
    description: str | None = None
    pricing: GatewayModelPricing | None = None
    model_type: str | None = None
    null_fields: frozenset[str] = field(default=frozenset[str](), repr=False, compare=False)

    @classmethod
    def __get_pydantic_core_schema__(cls, source: Any, handler: GetCoreSchemaHandler) -> CoreSchema:
        from pydantic_core import core_schema

        return core_schema.no_info_plain_validator_function(
            _entry_from_wire,
            serialization=core_schema.plain_serializer_function_ser_schema(_entry_to_wire),
        )


def _entry_from_wire(value: object) -> GatewayLanguageModelEntry:
    if isinstance(value, GatewayLanguageModelEntry):
        return value
    data = cast("Mapping[str, Any]", from_wire(_EntryWire, value))
    return GatewayLanguageModelEntry(
        id=data["id"],
        name=data["name"],
        specification=data["specification"],
        description=data.get("description"),
        pricing=data.get("pricing"),
        model_type=data.get("modelType"),
        null_fields=_null_fields(data),
    )


def _null_fields(data: Mapping[str, Any]) -> frozenset[str]:
    return frozenset(name for name, key in _NULLABLE.items() if key in data and data[key] is None)


def _entry_to_wire(entry: GatewayLanguageModelEntry) -> dict[str, Any]:
    wire: dict[str, Any] = {"id": entry.id, "name": entry.name}
    for name, key in _NULLABLE.items():
        value = getattr(entry, name)
        if value is not None:
            wire[key] = to_wire(value)
        elif name in entry.null_fields:
            wire[key] = None
    wire["specification"] = to_wire(entry.specification)
    return wire


@spec_type
class GatewayFetchMetadataResponse:
    """What :meth:`GatewayProvider.get_available_models` returns."""

    models: list[GatewayLanguageModelEntry]


@spec_type
class GatewayCreditsResponse:
    """The remaining credit ``balance`` and the credits used so far (``total_used``), in USD
    as decimal strings."""

    balance: str
    total_used: str


# --- the gateway's JSON --------------------------------------------------------------------


class _ConfigPricing(TypedDict):
    input: str
    output: str
    input_cache_read: NotRequired[str | None]
    input_cache_write: NotRequired[str | None]


class _ConfigModel(TypedDict):
    id: str
    name: str
    specification: GatewayLanguageModelSpecification
    description: NotRequired[str | None]
    pricing: NotRequired[_ConfigPricing | None]
    modelType: NotRequired[str | None]


class _ConfigResponse(TypedDict):
    models: list[_ConfigModel]


class _CreditsResponse(TypedDict):
    balance: str
    total_used: str


def _pricing(pricing: _ConfigPricing) -> GatewayModelPricing:
    return GatewayModelPricing(
        input=pricing["input"],
        output=pricing["output"],
        cached_input_tokens=pricing.get("input_cache_read") or None,
        cache_creation_input_tokens=pricing.get("input_cache_write") or None,
    )


def _entry(model: _ConfigModel) -> GatewayLanguageModelEntry:
    pricing = model.get("pricing")
    return GatewayLanguageModelEntry(
        id=model["id"],
        name=model["name"],
        specification=model["specification"],
        description=model.get("description"),
        pricing=None if pricing is None else _pricing(pricing),
        model_type=model.get("modelType"),
        null_fields=_null_fields(cast("Mapping[str, Any]", model)),
    )


_CONFIG = create_json_response_handler(_ConfigResponse)
_CREDITS = create_json_response_handler(_CreditsResponse)


async def fetch_available_models(config: GatewayConfig) -> GatewayFetchMetadataResponse:
    """``GET <base_url>/config``: the models of known types."""
    response = await get_from_gateway(
        config, url=f"{config.base_url}/config", successful_response_handler=_CONFIG
    )
    return GatewayFetchMetadataResponse(
        models=[
            _entry(model)
            for model in response["models"]
            if model.get("modelType") is None or model.get("modelType") in KNOWN_MODEL_TYPES
        ]
    )


async def fetch_credits(config: GatewayConfig) -> GatewayCreditsResponse:
    """``GET <origin>/v1/credits``; the team of the request's team header goes in the query
    (``teamId`` for ``team_…`` ids, else ``slug``), since this endpoint does not read the
    header."""

    def url(headers: Mapping[str, str]) -> str:
        url = f"{origin(config.base_url)}/v1/credits"
        team = (headers.get(TEAM_HEADER) or "").strip()
        if team:
            url += "?" + urlencode({"teamId" if team.startswith("team_") else "slug": team})
        return url

    response = await get_from_gateway(config, url=url, successful_response_handler=_CREDITS)
    return GatewayCreditsResponse(balance=response["balance"], total_used=response["total_used"])
