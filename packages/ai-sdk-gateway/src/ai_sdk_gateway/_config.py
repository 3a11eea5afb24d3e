"""What every gateway model shares: its config, and the POST that maps failures to gateway
errors (``gateway-config.ts`` and the ``try { postJsonToApi } catch { asGatewayError }`` that
each TS model repeats)."""

from __future__ import annotations

import json
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any, TypeVar, cast
from urllib.parse import urlsplit

from ai_sdk_core.errors import APICallError, TypeValidationError, get_error_message
from ai_sdk_core.provider_utils import (
    ApiResponse,
    ResponseHandler,
    combine_headers,
    create_json_error_response_handler,
    create_json_response_handler,
    get_from_api,
    post_json_to_api,
)
from ai_sdk_core.wire import from_wire

from ._errors import as_gateway_error, parse_auth_method

if TYPE_CHECKING:
    import httpx

__all__ = [
    "GatewayConfig",
    "decode",
    "expect_object",
    "failed_response_handler",
    "get_from_gateway",
    "json_result_handler",
    "origin",
    "post_to_gateway",
]

T = TypeVar("T")


@dataclass(frozen=True, slots=True, kw_only=True)
class GatewayConfig:
    """How a model reaches the gateway.

    ``headers`` resolves the auth headers for one request (raising the authentication error
    when there is no credential); ``o11y_headers`` gives the observability headers of a call;
    ``clock`` is the time in seconds since the epoch (``time.time``).
    """

    provider: str
    base_url: str
    headers: Callable[[], Awaitable[dict[str, str]]]
    o11y_headers: Callable[[], dict[str, str]]
    http_client: httpx.AsyncClient | None
    clock: Callable[[], float]

    def now(self) -> datetime:
        """The current time, as the ``timestamp`` of a response."""
        return datetime.fromtimestamp(self.clock(), UTC)


def _error_message(data: Any) -> str:
    return get_error_message(data)


failed_response_handler = create_json_error_response_handler(
    error_schema=None, error_to_message=_error_message
)
"""Error responses: the message is the whole JSON error body (``getErrorMessage(data)``)."""


async def post_to_gateway(
    config: GatewayConfig,
    *,
    path: str,
    model_headers: Mapping[str, str],
    call_headers: Mapping[str, str | None] | None,
    body: object,
    successful_response_handler: ResponseHandler[T],
    extra_headers: Mapping[str, str] | None = None,
) -> ApiResponse[T]:
    """POST ``body`` to ``<base_url>/<path>`` with the auth, call, model and o11y headers.

    Every failure is raised as a gateway error (:func:`as_gateway_error`, knowing how the
    request authenticated); an authentication failure before the request is raised as it is.
    """
    resolved = await config.headers()
    try:
        return await post_json_to_api(
            url=f"{config.base_url}/{path}",
            headers=combine_headers(
                resolved, call_headers, model_headers, config.o11y_headers(), extra_headers
            ),
            body=body,
            failed_response_handler=failed_response_handler,
            successful_response_handler=successful_response_handler,
            http_client=config.http_client,
        )
    except Exception as error:
        mapped = as_gateway_error(error, parse_auth_method(resolved))
        if mapped is error:
            raise
        raise mapped from error


async def get_from_gateway(
    config: GatewayConfig,
    *,
    url: str | Callable[[Mapping[str, str]], str],
    successful_response_handler: ResponseHandler[T],
) -> T:
    """GET ``url`` (or ``url(auth_headers)``) with the auth headers (no o11y headers);
    failures as gateway errors."""
    resolved = await config.headers()
    try:
        response = await get_from_api(
            url=url if isinstance(url, str) else url(resolved),
            headers=resolved,
            failed_response_handler=failed_response_handler,
            successful_response_handler=successful_response_handler,
            http_client=config.http_client,
        )
    except Exception as error:
        mapped = as_gateway_error(error, parse_auth_method(resolved))
        if mapped is error:
            raise
        raise mapped from error
    return response.value


def origin(url: str) -> str:
    """The origin of ``url`` (``scheme://host[:port]``, default ports left out), as
    ``new URL(url).origin`` gives it."""
    parts = urlsplit(url)
    scheme = parts.scheme.lower()
    host = parts.hostname or ""
    if ":" in host:  # IPv6
        host = f"[{host}]"
    port = parts.port
    if port is not None and _DEFAULT_PORTS.get(scheme) != port:
        host = f"{host}:{port}"
    return f"{scheme}://{host}"


_DEFAULT_PORTS = {"http": 80, "https": 443, "ws": 80, "wss": 443}

_RAW_JSON = create_json_response_handler(None)


def json_result_handler(
    build: Callable[[Mapping[str, Any], dict[str, str]], T],
) -> ResponseHandler[T]:
    """A handler for JSON responses: ``build(body, response_headers)`` makes the result.

    A body that is not JSON, or that ``build`` rejects with a :class:`TypeValidationError`,
    raises ``APICallError("Invalid JSON response")`` (as a schema mismatch does in TS).
    """

    async def handle(
        *, response: httpx.Response, url: str, request_body_values: object
    ) -> ApiResponse[T]:
        parsed = await _RAW_JSON(
            response=response, url=url, request_body_values=request_body_values
        )
        body: object = parsed.value
        try:
            result = build(expect_object(body), parsed.response_headers)
        except TypeValidationError as error:
            raise APICallError(
                "Invalid JSON response",
                cause=error,
                status_code=response.status_code,
                response_headers=parsed.response_headers,
                response_body=json.dumps(body, separators=(",", ":"), ensure_ascii=False),
                url=url,
                request_body_values=request_body_values,
            ) from error
        return ApiResponse(value=result, raw_value=body, response_headers=parsed.response_headers)

    return handle


def expect_object(value: object) -> Mapping[str, Any]:
    """``value`` as a JSON object; :class:`TypeValidationError` otherwise."""
    if not isinstance(value, Mapping):
        raise TypeValidationError(value=value, cause=ValueError("expected a JSON object"))
    return cast("Mapping[str, Any]", value)


def decode(tp: Any, value: object) -> Any:
    """``value`` decoded as ``tp`` with the wire codec; ``None`` stays ``None``."""
    return None if value is None else from_wire(tp, value)
