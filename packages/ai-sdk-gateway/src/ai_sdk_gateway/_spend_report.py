"""The spend report (port of ``gateway-spend-report.ts``).

``GET <origin>/v1/report?start_date=…&end_date=…[&group_by=…&date_part=…&user_id=…&model=…
&provider=…&credential_type=…&tags=a,b]``: cost, token and request counts aggregated by day,
user, model, tag, provider or credential type.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Literal, NotRequired, TypeAlias
from urllib.parse import quote_plus

from typing_extensions import TypedDict

from ai_sdk_core.provider_utils import create_json_response_handler
from ai_sdk_core.wire import spec_type

from ._config import GatewayConfig, get_from_gateway, origin

__all__ = [
    "CredentialType",
    "GatewaySpendReportResponse",
    "GatewaySpendReportRow",
    "SpendReportDatePart",
    "SpendReportGroupBy",
    "fetch_spend_report",
    "spend_report_query",
]

SpendReportGroupBy: TypeAlias = Literal[
    "day", "user", "model", "tag", "provider", "credential_type"
]
SpendReportDatePart: TypeAlias = Literal["day", "hour"]
CredentialType: TypeAlias = Literal["byok", "system"]


@spec_type
class GatewaySpendReportRow:
    """One row of the report: the group's key (``day``, ``hour``, ``user``, ``model``,
    ``tag``, ``provider`` or ``credential_type``, depending on ``group_by``) and its totals."""

    total_cost: float
    day: str | None = None
    hour: str | None = None
    user: str | None = None
    model: str | None = None
    tag: str | None = None
    provider: str | None = None
    credential_type: CredentialType | None = None
    market_cost: float | None = None
    input_tokens: int | None = None
    output_tokens: int | None = None
    cached_input_tokens: int | None = None
    cache_creation_input_tokens: int | None = None
    reasoning_tokens: int | None = None
    request_count: int | None = None


@spec_type
class GatewaySpendReportResponse:
    """What :meth:`GatewayProvider.get_spend_report` returns."""

    results: list[GatewaySpendReportRow]


class _Row(TypedDict):
    total_cost: float
    day: NotRequired[str]
    hour: NotRequired[str]
    user: NotRequired[str]
    model: NotRequired[str]
    tag: NotRequired[str]
    provider: NotRequired[str]
    credential_type: NotRequired[CredentialType]
    market_cost: NotRequired[float]
    input_tokens: NotRequired[int]
    output_tokens: NotRequired[int]
    cached_input_tokens: NotRequired[int]
    cache_creation_input_tokens: NotRequired[int]
    reasoning_tokens: NotRequired[int]
    request_count: NotRequired[int]


class _Report(TypedDict):
    results: list[_Row]


_REPORT = create_json_response_handler(_Report)


def _form_encode(value: str) -> str:
    # application/x-www-form-urlencoded as URLSearchParams writes it ('*' kept, '~' escaped)
    return quote_plus(value, safe="*").replace("~", "%7E")


def spend_report_query(
    *,
    start_date: str,
    end_date: str,
    group_by: SpendReportGroupBy | None = None,
    date_part: SpendReportDatePart | None = None,
    user_id: str | None = None,
    model: str | None = None,
    provider: str | None = None,
    credential_type: CredentialType | None = None,
    tags: Sequence[str] | None = None,
) -> str:
    """The report's query string; empty filters and an empty ``tags`` list are left out."""
    params: list[tuple[str, str | None]] = [
        ("start_date", start_date),
        ("end_date", end_date),
        ("group_by", group_by),
        ("date_part", date_part),
        ("user_id", user_id),
        ("model", model),
        ("provider", provider),
        ("credential_type", credential_type),
        ("tags", ",".join(tags) if tags else None),
    ]
    return "&".join(
        f"{name}={_form_encode(value or '')}"
        for name, value in params
        if value or name in ("start_date", "end_date")
    )


async def fetch_spend_report(config: GatewayConfig, query: str) -> GatewaySpendReportResponse:
    """``GET <origin>/v1/report?<query>``."""
    report = await get_from_gateway(
        config,
        url=f"{origin(config.base_url)}/v1/report?{query}",
        successful_response_handler=_REPORT,
    )
    return GatewaySpendReportResponse(
        results=[GatewaySpendReportRow(**row) for row in report["results"]]
    )
