"""Calls to provider APIs: JSON and multipart POSTs and GETs, with TS-compatible errors.

Every request is streamed; the response handlers read (or hand on) the body and close it.
A non-2xx response raises the error the failed-response handler builds; a network failure
raises a retryable ``APICallError("Cannot connect to API: …")``; cancellation propagates
untouched and closes the response.

Every request's ``user-agent`` ends with ``ai-sdk-provider-utils/<version> python/<version>``;
with ``legacy_user_agent=True`` it ends with ``ai-sdk/provider-utils/<version>
runtime/python/<version>`` instead, the form older TS provider-utils releases send (and
``@ai-sdk/togetherai``, which bundles one, still does).
"""

from __future__ import annotations

import json
import weakref
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, TypeAlias, TypeVar, cast

from ai_sdk_core._version import __version__
from ai_sdk_core.provider._errors import APICallError

from ._headers import extract_response_headers, runtime_user_agent, with_user_agent_suffix
from ._response_handlers import ApiResponse, ResponseHandler, close_response

if TYPE_CHECKING:
    from asyncio import AbstractEventLoop

    import httpx

__all__ = [
    "FormData",
    "FormFile",
    "default_http_client",
    "get_from_api",
    "post_form_data_to_api",
    "post_json_to_api",
]

T = TypeVar("T")

_USER_AGENT = f"ai-sdk-provider-utils/{__version__}"
_LEGACY_USER_AGENT = f"ai-sdk/provider-utils/{__version__}"

_default_clients: weakref.WeakKeyDictionary[AbstractEventLoop, httpx.AsyncClient] = (
    weakref.WeakKeyDictionary()
)


def default_http_client() -> httpx.AsyncClient:
    """The client used when none is passed: one per running asyncio event loop, made lazily.

    It follows redirects (as ``fetch`` does), waits up to 10 s to connect and 600 s for
    the rest of a request, and keeps up to 100 idle connections.
    """
    import asyncio

    loop = asyncio.get_running_loop()
    client = _default_clients.get(loop)
    if client is None or client.is_closed:
        import httpx  # deferred: importing httpx costs as much as the rest of the SDK

        client = _default_clients[loop] = httpx.AsyncClient(
            timeout=httpx.Timeout(600.0, connect=10.0),
            limits=httpx.Limits(max_connections=None, max_keepalive_connections=100),
            follow_redirects=True,
        )
    return client


@dataclass(slots=True, frozen=True, kw_only=True)
class FormFile:
    """A file field of a multipart form: its bytes, file name and media type."""

    data: bytes
    filename: str = "blob"
    media_type: str = "application/octet-stream"


FormData: TypeAlias = Mapping[str, str | FormFile] | Sequence[tuple[str, str | FormFile]]
"""Multipart form entries, in order; a sequence of pairs may repeat a name."""


async def post_json_to_api(
    *,
    url: str,
    headers: Mapping[str, str | None] | None = None,
    body: object,
    failed_response_handler: ResponseHandler[Exception],
    successful_response_handler: ResponseHandler[T],
    http_client: httpx.AsyncClient | None = None,
    legacy_user_agent: bool = False,
) -> ApiResponse[T]:
    """POST ``body`` as compact JSON (``content-type: application/json``).

    Keys of a mapping body whose value is ``None`` are left out, as ``JSON.stringify`` leaves
    out ``undefined``; errors report that cleaned body as ``request_body_values``.
    """
    if isinstance(body, Mapping):
        body = {
            key: value
            for key, value in cast("Mapping[str, object]", body).items()
            if value is not None
        }
    return await _call_api(
        "POST",
        url=url,
        headers={"content-type": "application/json", **(headers or {})},
        content=json.dumps(body, separators=(",", ":"), ensure_ascii=False).encode(),
        request_body_values=body,
        failed_response_handler=failed_response_handler,
        successful_response_handler=successful_response_handler,
        http_client=http_client,
        legacy_user_agent=legacy_user_agent,
    )


async def post_form_data_to_api(
    *,
    url: str,
    headers: Mapping[str, str | None] | None = None,
    form_data: FormData,
    failed_response_handler: ResponseHandler[Exception],
    successful_response_handler: ResponseHandler[T],
    http_client: httpx.AsyncClient | None = None,
    legacy_user_agent: bool = False,
) -> ApiResponse[T]:
    """POST ``form_data`` as ``multipart/form-data``.

    Errors report the form entries (the last value of a repeated name) as
    ``request_body_values``.
    """
    entries = list(form_data.items() if isinstance(form_data, Mapping) else form_data)
    files = [
        (name, (None, value) if isinstance(value, str) else _file_field(value))
        for name, value in entries
    ]
    return await _call_api(
        "POST",
        url=url,
        headers=headers,
        files=files,
        request_body_values=dict(entries),
        failed_response_handler=failed_response_handler,
        successful_response_handler=successful_response_handler,
        http_client=http_client,
        legacy_user_agent=legacy_user_agent,
    )


# httpx's multipart file tuples: (None, text) is a plain field, the triple a file.
_FileField: TypeAlias = tuple[None, str] | tuple[str, bytes, str]


def _file_field(file: FormFile) -> _FileField:
    return (file.filename, file.data, file.media_type)


async def get_from_api(
    *,
    url: str,
    headers: Mapping[str, str | None] | None = None,
    failed_response_handler: ResponseHandler[Exception],
    successful_response_handler: ResponseHandler[T],
    http_client: httpx.AsyncClient | None = None,
    legacy_user_agent: bool = False,
) -> ApiResponse[T]:
    """GET ``url``; errors report ``{}`` as ``request_body_values``."""
    return await _call_api(
        "GET",
        url=url,
        headers=headers,
        request_body_values={},
        failed_response_handler=failed_response_handler,
        successful_response_handler=successful_response_handler,
        http_client=http_client,
        legacy_user_agent=legacy_user_agent,
    )


async def _call_api(
    method: str,
    *,
    url: str,
    headers: Mapping[str, str | None] | None,
    content: bytes | None = None,
    files: list[tuple[str, _FileField]] | None = None,
    request_body_values: object,
    failed_response_handler: ResponseHandler[Exception],
    successful_response_handler: ResponseHandler[T],
    http_client: httpx.AsyncClient | None,
    legacy_user_agent: bool,
) -> ApiResponse[T]:
    import httpx

    client = default_http_client() if http_client is None else http_client
    request = client.build_request(
        method,
        url,
        headers=with_user_agent_suffix(
            headers,
            _LEGACY_USER_AGENT if legacy_user_agent else _USER_AGENT,
            runtime_user_agent(legacy=legacy_user_agent),
        ),
        content=content,
        files=files,
    )
    try:
        response = await client.send(request, stream=True)
    except (httpx.TransportError, httpx.TooManyRedirects) as error:
        # connect, read, write, protocol, timeout and redirect failures: "fetch failed" in TS
        raise APICallError(
            f"Cannot connect to API: {str(error) or type(error).__name__}",
            cause=error,
            url=url,
            request_body_values=request_body_values,
            is_retryable=True,
        ) from error

    if not response.is_success:
        raise await _error_for_failed_response(
            response,
            url=url,
            request_body_values=request_body_values,
            handler=failed_response_handler,
        )
    try:
        return await successful_response_handler(
            response=response, url=url, request_body_values=request_body_values
        )
    except BaseException as error:
        await close_response(response)
        if isinstance(error, APICallError) or not isinstance(error, Exception):
            raise  # includes cancellation
        raise APICallError(
            "Failed to process successful response",
            cause=error,
            status_code=response.status_code,
            url=url,
            response_headers=extract_response_headers(response),
            request_body_values=request_body_values,
        ) from error


async def _error_for_failed_response(
    response: httpx.Response,
    *,
    url: str,
    request_body_values: object,
    handler: ResponseHandler[Exception],
) -> Exception:
    try:
        return (
            await handler(response=response, url=url, request_body_values=request_body_values)
        ).value
    except APICallError:
        raise
    except Exception as error:
        raise APICallError(
            "Failed to process error response",
            cause=error,
            status_code=response.status_code,
            url=url,
            response_headers=extract_response_headers(response),
            request_body_values=request_body_values,
        ) from error
    finally:
        await close_response(response)
