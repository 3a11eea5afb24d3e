"""What a Vercel deployment tells the gateway client: the OIDC token and the request id.

Port of ``vercel-environment.ts`` and the part of ``@vercel/oidc`` the client uses. On Vercel,
each incoming request carries ``x-vercel-oidc-token`` and ``x-vercel-id`` headers; a web
handler passes them on with :func:`vercel_request_context`. Otherwise the token comes from
the ``VERCEL_OIDC_TOKEN`` environment variable (``vercel env pull`` writes it for local
development). Refreshing an expired token through the Vercel CLI is not ported.
"""

from __future__ import annotations

import os
from collections.abc import Generator, Mapping
from contextlib import contextmanager
from contextvars import ContextVar

__all__ = [
    "VercelOidcTokenError",
    "get_vercel_oidc_token",
    "get_vercel_request_id",
    "vercel_request_context",
]

_request_headers: ContextVar[Mapping[str, str] | None] = ContextVar(
    "ai_sdk_gateway_vercel_request_headers", default=None
)


class VercelOidcTokenError(Exception):
    """No Vercel OIDC token is available (it becomes the cause of the authentication error)."""


@contextmanager
def vercel_request_context(headers: Mapping[str, str]) -> Generator[None]:
    """Make an incoming request's headers visible to gateway calls made inside the block.

    The gateway client reads ``x-vercel-oidc-token`` (authentication when no API key is set)
    and ``x-vercel-id`` (sent as ``ai-o11y-request-id``) from them, as the TS client reads
    Vercel's request context. Header names are matched case-insensitively.
    """
    token = _request_headers.set({name.lower(): value for name, value in headers.items()})
    try:
        yield
    finally:
        _request_headers.reset(token)


def _request_header(name: str) -> str | None:
    headers = _request_headers.get()
    return None if headers is None else headers.get(name)


def get_vercel_oidc_token() -> str:
    """The OIDC token of the current request, else ``VERCEL_OIDC_TOKEN``.

    Raises :class:`VercelOidcTokenError` when neither is set (or both are empty).
    """
    token = _request_header("x-vercel-oidc-token") or os.environ.get("VERCEL_OIDC_TOKEN")
    if not token:
        raise VercelOidcTokenError(
            "The 'x-vercel-oidc-token' header is missing from the request. Do you have the "
            "OIDC option enabled in the Vercel project settings?"
        )
    return token


def get_vercel_request_id() -> str | None:
    """The ``x-vercel-id`` of the current request, when inside :func:`vercel_request_context`."""
    return _request_header("x-vercel-id")
