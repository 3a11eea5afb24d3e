"""Authentication and the headers every gateway request carries.

Port of ``getGatewayAuthToken``, ``createAuthHeaders`` and ``createO11yHeaders`` of
``gateway-provider.ts`` and of ``gateway-headers.ts``. The credential is resolved for each
request: the ``api_key`` setting (a string, or a function returning one), else a non-empty
``AI_GATEWAY_API_KEY``, else the Vercel OIDC token.
"""

from __future__ import annotations

import inspect
import os
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass
from typing import TypeAlias, cast

from ai_sdk_core.errors import LoadAPIKeyError
from ai_sdk_core.provider_utils import load_optional_setting, with_user_agent_suffix

from ._errors import AUTH_METHOD_HEADER, AuthMethod
from ._vercel_environment import get_vercel_oidc_token, get_vercel_request_id
from ._version import __version__

__all__ = [
    "ApiKey",
    "GatewayAuthToken",
    "PROTOCOL_VERSION",
    "TEAM_HEADER",
    "create_auth_headers",
    "create_o11y_headers",
    "get_gateway_auth_token",
]

ApiKey: TypeAlias = str | Callable[[], str | Awaitable[str]]
"""An API key (or Vercel access token), or a function that returns one for each request."""

PROTOCOL_VERSION = "0.0.1"
TEAM_HEADER = "x-vercel-ai-gateway-team"
USER_AGENT = f"ai-sdk-gateway/{__version__}"

_O11Y_ENVIRONMENT = (
    ("ai-o11y-deployment-id", "VERCEL_DEPLOYMENT_ID"),
    ("ai-o11y-environment", "VERCEL_ENV"),
    ("ai-o11y-region", "VERCEL_REGION"),
)


@dataclass(frozen=True, slots=True)
class GatewayAuthToken:
    """The credential of a request and how it was obtained."""

    token: str
    auth_method: AuthMethod

    def __repr__(self) -> str:  # never show the token
        return f"GatewayAuthToken(auth_method={self.auth_method!r})"


async def get_gateway_auth_token(api_key: ApiKey | None) -> GatewayAuthToken:
    """The credential for a gateway request.

    In order: ``api_key`` (a function must return a non-empty string, else
    :class:`LoadAPIKeyError`), a non-empty ``AI_GATEWAY_API_KEY``, the Vercel OIDC token. An
    empty ``api_key`` string skips the environment variable. Raises the OIDC error when no
    credential is available.
    """
    resolved: str | None
    if api_key is None or isinstance(api_key, str):
        resolved = api_key
    else:
        value = api_key()
        resolved_value = cast("object", await value if inspect.isawaitable(value) else value)
        if not isinstance(resolved_value, str) or not resolved_value.strip():
            raise LoadAPIKeyError("AI Gateway API key must be a non-empty string.")
        resolved = resolved_value
    key = load_optional_setting(
        setting_value=resolved, environment_variable_name="AI_GATEWAY_API_KEY"
    )
    if key:
        return GatewayAuthToken(key, "api-key")
    return GatewayAuthToken(get_vercel_oidc_token(), "oidc")


def create_auth_headers(
    auth: GatewayAuthToken,
    *,
    team_id_or_slug: str | None,
    headers: Mapping[str, str] | None,
) -> dict[str, str]:
    """The headers of every gateway request (lower-case names, with the user-agent); the
    ``headers`` setting comes last and may override the others."""
    base: dict[str, str] = {
        "Authorization": f"Bearer {auth.token}",
        "ai-gateway-protocol-version": PROTOCOL_VERSION,
        AUTH_METHOD_HEADER: auth.auth_method,
    }
    if team_id_or_slug is not None:
        base[TEAM_HEADER] = team_id_or_slug
    base.update(headers or {})
    return with_user_agent_suffix(base, USER_AGENT)


def create_o11y_headers() -> Callable[[], dict[str, str]]:
    """The observability headers of a model's calls.

    The deployment's ``VERCEL_*`` environment is read now (when the model is created); the
    request id (``x-vercel-id`` of :func:`vercel_request_context`) on each call. Empty values
    are left out.
    """
    environment = [(header, os.environ.get(variable)) for header, variable in _O11Y_ENVIRONMENT]
    project_id = os.environ.get("VERCEL_PROJECT_ID")

    def o11y_headers() -> dict[str, str]:
        found = [*environment, ("ai-o11y-request-id", get_vercel_request_id())]
        found.append(("ai-o11y-project-id", project_id))
        return {header: value for header, value in found if value}

    return o11y_headers
