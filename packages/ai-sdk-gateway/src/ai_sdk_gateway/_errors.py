"""Gateway errors: one class per error ``type`` of the gateway's error body, and the mapping.

Port of ``errors/*.ts``. A failed gateway call answers ``{"error": {"message", "type"?,
"param"?, "code"?}, "generationId"?}``; :func:`create_gateway_error_from_response` picks the
class by ``error.type`` and :func:`as_gateway_error` turns whatever a call raised (an
``APICallError``, a timeout, anything else) into a :class:`GatewayError`.

Every class keeps the TS ``name`` (``GatewayRateLimitError``) and ``type``
(``rate_limit_exceeded``); ``is_retryable`` is true for status 408, 409, 429 and 5xx, which is
what the core retry loop reads.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar, Literal, TypeAlias, cast

from ai_sdk_core.errors import AISDKError, APICallError, TypeValidationError

__all__ = [
    "AuthMethod",
    "GatewayAuthenticationError",
    "GatewayError",
    "GatewayFailedDependencyError",
    "GatewayForbiddenError",
    "GatewayInternalServerError",
    "GatewayInvalidRequestError",
    "GatewayModelNotFoundError",
    "GatewayNotFoundError",
    "GatewayRateLimitError",
    "GatewayResponseError",
    "GatewayTimeoutError",
    "as_gateway_error",
    "create_gateway_error_from_response",
    "extract_api_call_response",
    "parse_auth_method",
]

AuthMethod: TypeAlias = Literal["api-key", "oidc"]
"""How a request authenticated: an API key (or Vercel access token), or a Vercel OIDC token."""

AUTH_METHOD_HEADER = "ai-gateway-auth-method"

_API_KEYS_URL = "https://vercel.com/d?to=%2F%5Bteam%5D%2F%7E%2Fai%2Fapi-keys"

# The fixed authentication messages (the server's own message is not shown): these texts are
# what the TS client shows, byte for byte, so logs and tests read the same in both SDKs.
_INVALID_API_KEY_MESSAGE = (
    "AI Gateway authentication failed: Invalid API key or token.\n\n"
    f"Create a new API key: {_API_KEYS_URL}\n\n"
    "Provide an API key or Vercel access token via 'apiKey' option or 'AI_GATEWAY_API_KEY' "
    "environment variable."
)
_INVALID_OIDC_TOKEN_MESSAGE = (
    "AI Gateway authentication failed: Invalid OIDC token.\n\n"
    "Run 'npx vercel link' to link your project, then 'vc env pull' to fetch the token.\n\n"
    f"Alternatively, use an API key: {_API_KEYS_URL}\n"
    "or pass a Vercel access token via the 'apiKey' option."
)
_NO_AUTHENTICATION_MESSAGE = (
    "AI Gateway authentication failed: No authentication provided.\n\n"
    "Option 1 - API key:\n"
    f"Create an API key: {_API_KEYS_URL}\n"
    "Provide via 'apiKey' option or 'AI_GATEWAY_API_KEY' environment variable.\n\n"
    "Option 2 - Vercel access token:\n"
    "Pass a Vercel personal access token or Vercel app access token via the 'apiKey' option.\n\n"
    "Option 3 - OIDC token:\n"
    "Run 'npx vercel link' to link your project, then 'vc env pull' to fetch the token."
)


def _is_retryable_status(status_code: int) -> bool:
    return status_code in (408, 409, 429) or status_code >= 500


class GatewayError(AISDKError):
    """Base class of the gateway errors (``GatewayError`` in TS, abstract there).

    ``status_code`` is the HTTP status of the failed call, ``type`` the gateway's error type,
    ``generation_id`` the id of the failed generation (appended to the message as
    `` [<id>]``) and ``is_retryable`` whether the core retry loop tries again.
    """

    error_name = "GatewayError"
    type: ClassVar[str] = "gateway_error"
    wire_fields: ClassVar[tuple[str, ...]] = (
        "status_code",
        "generation_id",
        "is_retryable",
        "type",
    )

    status_code: int
    generation_id: str | None
    is_retryable: bool

    def __init__(
        self,
        message: str,
        *,
        status_code: int = 500,
        cause: object = None,
        generation_id: str | None = None,
        is_retryable: bool | None = None,
    ) -> None:
        super().__init__(f"{message} [{generation_id}]" if generation_id else message, cause=cause)
        self.status_code = status_code
        self.generation_id = generation_id
        self.is_retryable = (
            _is_retryable_status(status_code) if is_retryable is None else is_retryable
        )


class GatewayAuthenticationError(GatewayError):
    """The API key or OIDC token is invalid, or none was provided (401)."""

    error_name = "GatewayAuthenticationError"
    type = "authentication_error"

    def __init__(
        self,
        message: str = "Authentication failed",
        *,
        status_code: int = 401,
        cause: object = None,
        generation_id: str | None = None,
    ) -> None:
        super().__init__(message, status_code=status_code, cause=cause, generation_id=generation_id)

    @classmethod
    def create_contextual_error(
        cls,
        *,
        api_key_provided: bool,
        oidc_token_provided: bool,
        status_code: int = 401,
        cause: object = None,
        generation_id: str | None = None,
    ) -> GatewayAuthenticationError:
        """The error with the fixed message for how the request authenticated."""
        if api_key_provided:
            message = _INVALID_API_KEY_MESSAGE
        elif oidc_token_provided:
            message = _INVALID_OIDC_TOKEN_MESSAGE
        else:
            message = _NO_AUTHENTICATION_MESSAGE
        return cls(message, status_code=status_code, cause=cause, generation_id=generation_id)


class GatewayInvalidRequestError(GatewayError):
    """The request is invalid: missing headers, malformed data, … (400)."""

    error_name = "GatewayInvalidRequestError"
    type = "invalid_request_error"

    def __init__(
        self,
        message: str = "Invalid request",
        *,
        status_code: int = 400,
        cause: object = None,
        generation_id: str | None = None,
    ) -> None:
        super().__init__(message, status_code=status_code, cause=cause, generation_id=generation_id)


class GatewayRateLimitError(GatewayError):
    """Too many requests (429)."""

    error_name = "GatewayRateLimitError"
    type = "rate_limit_exceeded"

    def __init__(
        self,
        message: str = "Rate limit exceeded",
        *,
        status_code: int = 429,
        cause: object = None,
        generation_id: str | None = None,
    ) -> None:
        super().__init__(message, status_code=status_code, cause=cause, generation_id=generation_id)


class GatewayModelNotFoundError(GatewayError):
    """The model does not exist or is not available (404); ``model_id`` when the gateway
    named it."""

    error_name = "GatewayModelNotFoundError"
    type = "model_not_found"
    wire_fields = (*GatewayError.wire_fields, "model_id")

    def __init__(
        self,
        message: str = "Model not found",
        *,
        status_code: int = 404,
        model_id: str | None = None,
        cause: object = None,
        generation_id: str | None = None,
    ) -> None:
        super().__init__(message, status_code=status_code, cause=cause, generation_id=generation_id)
        self.model_id = model_id


class GatewayNotFoundError(GatewayError):
    """A gateway resource (other than a model) does not exist or is not visible (404)."""

    error_name = "GatewayNotFoundError"
    type = "not_found"

    def __init__(
        self,
        message: str = "Resource not found",
        *,
        status_code: int = 404,
        cause: object = None,
        generation_id: str | None = None,
    ) -> None:
        super().__init__(message, status_code=status_code, cause=cause, generation_id=generation_id)


class GatewayInternalServerError(GatewayError):
    """The gateway failed (500), or answered an error type this client does not know."""

    error_name = "GatewayInternalServerError"
    type = "internal_server_error"

    def __init__(
        self,
        message: str = "Internal server error",
        *,
        status_code: int = 500,
        cause: object = None,
        generation_id: str | None = None,
    ) -> None:
        super().__init__(message, status_code=status_code, cause=cause, generation_id=generation_id)


class GatewayFailedDependencyError(GatewayError):
    """Something the request relies on is not available with the credentials or provider that
    would serve it (424); not retryable — change the request."""

    error_name = "GatewayFailedDependencyError"
    type = "failed_dependency"

    def __init__(
        self,
        message: str = "Failed dependency",
        *,
        status_code: int = 424,
        cause: object = None,
        generation_id: str | None = None,
    ) -> None:
        super().__init__(message, status_code=status_code, cause=cause, generation_id=generation_id)


class GatewayForbiddenError(GatewayError):
    """A policy (such as a routing rule, ``rule_id``) rejected the request (403)."""

    error_name = "GatewayForbiddenError"
    type = "forbidden"
    wire_fields = (*GatewayError.wire_fields, "rule_id")

    def __init__(
        self,
        message: str = "Forbidden",
        *,
        status_code: int = 403,
        cause: object = None,
        generation_id: str | None = None,
        rule_id: str | None = None,
    ) -> None:
        super().__init__(message, status_code=status_code, cause=cause, generation_id=generation_id)
        self.rule_id = rule_id


class GatewayResponseError(GatewayError):
    """The gateway's error response could not be understood (default 502).

    ``response`` is the body as received; ``validation_error`` says why it did not match.
    """

    error_name = "GatewayResponseError"
    type = "response_error"
    wire_fields = (*GatewayError.wire_fields, "response", "validation_error")

    def __init__(
        self,
        message: str = "Invalid response from Gateway",
        *,
        status_code: int = 502,
        response: object = None,
        validation_error: TypeValidationError | None = None,
        cause: object = None,
        generation_id: str | None = None,
        is_retryable: bool | None = None,
    ) -> None:
        super().__init__(
            message,
            status_code=status_code,
            cause=cause,
            generation_id=generation_id,
            is_retryable=is_retryable,
        )
        self.response = response
        self.validation_error = validation_error


class GatewayTimeoutError(GatewayError):
    """The request timed out on the client side before a response arrived (408)."""

    error_name = "GatewayTimeoutError"
    type = "timeout_error"

    def __init__(
        self,
        message: str = "Request timed out",
        *,
        status_code: int = 408,
        cause: object = None,
        generation_id: str | None = None,
    ) -> None:
        super().__init__(message, status_code=status_code, cause=cause, generation_id=generation_id)

    @classmethod
    def create_timeout_error(
        cls,
        *,
        original_message: str,
        status_code: int = 408,
        cause: object = None,
        generation_id: str | None = None,
    ) -> GatewayTimeoutError:
        """The error with a hint on raising the HTTP client's timeout."""
        message = (
            f"Gateway request timed out: {original_message}\n\n"
            "This is a client-side timeout. To resolve it, pass an httpx.AsyncClient with a "
            "longer timeout as create_gateway(http_client=...)."
        )
        return cls(message, status_code=status_code, cause=cause, generation_id=generation_id)


# --- the error body --------------------------------------------------------------------------


def _error_body(response: object) -> tuple[str, str | None, object, str | None] | None:
    """``(message, type, param, generation_id)`` of a valid error body, else ``None``.

    The body is ``{"error": {"message": str, "type"?: str | null, "param"?: any,
    "code"?: str | number | null}, "generationId"?: str | null}``.
    """
    if not isinstance(response, Mapping):
        return None
    body = cast("Mapping[str, Any]", response)
    error = body.get("error")
    if not isinstance(error, Mapping):
        return None
    details = cast("Mapping[str, Any]", error)
    message = details.get("message")
    error_type = details.get("type")
    code = details.get("code")
    generation_id = body.get("generationId")
    if (
        not isinstance(message, str)
        or not (error_type is None or isinstance(error_type, str))
        or not (
            code is None or (isinstance(code, str | int | float) and not isinstance(code, bool))
        )
        or not (generation_id is None or isinstance(generation_id, str))
    ):
        return None
    return message, error_type, details.get("param"), generation_id


def _validation_error(response: object) -> TypeValidationError:
    return TypeValidationError(
        value=response,
        cause=ValueError(
            'expected {"error": {"message": string, "type"?: string | null, "param"?: unknown, '
            '"code"?: string | number | null}, "generationId"?: string | null}'
        ),
    )


def _string_field(param: object, name: str) -> str | None:
    if isinstance(param, Mapping):
        value = cast("Mapping[str, Any]", param).get(name)
        if isinstance(value, str):
            return value
    return None


def create_gateway_error_from_response(
    *,
    response: object,
    status_code: int,
    default_message: str = "Gateway request failed",
    cause: object = None,
    auth_method: AuthMethod | None = None,
    is_retryable: bool | None = None,
) -> GatewayError:
    """The gateway error for an error body, chosen by ``error.type``.

    ``status_code`` is the HTTP status (kept even when it differs from the class default). A
    body that is not a gateway error body gives a :class:`GatewayResponseError`
    (``"Invalid error response format: <default_message>"``; ``is_retryable`` applies to it
    only). Authentication errors get the fixed message for ``auth_method``.
    """
    parsed = _error_body(response)
    if parsed is None:
        return GatewayResponseError(
            f"Invalid error response format: {default_message}",
            status_code=status_code,
            response=response,
            validation_error=_validation_error(response),
            cause=cause,
            generation_id=_string_field(response, "generationId"),
            is_retryable=is_retryable,
        )
    message, error_type, param, generation_id = parsed
    match error_type:
        case "authentication_error":
            return GatewayAuthenticationError.create_contextual_error(
                api_key_provided=auth_method == "api-key",
                oidc_token_provided=auth_method == "oidc",
                status_code=status_code,
                cause=cause,
                generation_id=generation_id,
            )
        case "invalid_request_error":
            return GatewayInvalidRequestError(
                message, status_code=status_code, cause=cause, generation_id=generation_id
            )
        case "rate_limit_exceeded":
            return GatewayRateLimitError(
                message, status_code=status_code, cause=cause, generation_id=generation_id
            )
        case "model_not_found":
            return GatewayModelNotFoundError(
                message,
                status_code=status_code,
                model_id=_string_field(param, "modelId"),
                cause=cause,
                generation_id=generation_id,
            )
        case "not_found":
            return GatewayNotFoundError(
                message, status_code=status_code, cause=cause, generation_id=generation_id
            )
        case "failed_dependency":
            return GatewayFailedDependencyError(
                message, status_code=status_code, cause=cause, generation_id=generation_id
            )
        case "forbidden":
            return GatewayForbiddenError(
                message,
                status_code=status_code,
                cause=cause,
                generation_id=generation_id,
                rule_id=_string_field(param, "ruleId"),
            )
        case _:  # internal_server_error, null, and types this client does not know
            return GatewayInternalServerError(
                message, status_code=status_code, cause=cause, generation_id=generation_id
            )


def extract_api_call_response(error: APICallError) -> object:
    """The error body of a failed call: the parsed ``data``, else the body parsed as JSON,
    else the body text, else ``{}``."""
    from ai_sdk_core.provider_utils import secure_json_parse

    if error.data is not None:
        return error.data
    if error.response_body is not None:
        try:
            return secure_json_parse(error.response_body)
        except (ValueError, RecursionError):
            return error.response_body
    return {}


def _is_timeout(error: object) -> bool:
    import httpx

    return isinstance(error, httpx.TimeoutException)


def as_gateway_error(error: Exception, auth_method: AuthMethod | None = None) -> GatewayError:
    """What a gateway call raises for ``error``.

    Gateway errors stay as they are; client-side timeouts (httpx timeouts, also as the cause of
    an ``APICallError``) become :class:`GatewayTimeoutError`; an ``APICallError`` is mapped by
    its error body and HTTP status; anything else becomes a :class:`GatewayResponseError`
    (status 500). Cancellation is never passed here: it is not an ``Exception``.
    """
    if isinstance(error, GatewayError):
        return error
    if _is_timeout(error):
        return GatewayTimeoutError.create_timeout_error(original_message=str(error), cause=error)
    if isinstance(error, APICallError):
        if _is_timeout(error.cause):
            return GatewayTimeoutError.create_timeout_error(
                original_message=error.message, cause=error
            )
        status_code = error.status_code
        return create_gateway_error_from_response(
            response=extract_api_call_response(error),
            status_code=500 if status_code is None else status_code,
            default_message="Gateway request failed",
            cause=error,
            auth_method=auth_method,
            # a network failure stays retryable; an HTTP error is judged by its status
            is_retryable=True
            if error.is_retryable and (status_code is None or status_code < 400)
            else None,
        )
    return create_gateway_error_from_response(
        response={},
        status_code=500,
        default_message=f"Gateway request failed: {error}",
        cause=error,
        auth_method=auth_method,
    )


def parse_auth_method(headers: Mapping[str, str | None]) -> AuthMethod | None:
    """The auth method a request used, from its ``ai-gateway-auth-method`` header."""
    value = headers.get(AUTH_METHOD_HEADER)
    if value == "api-key":
        return "api-key"
    if value == "oidc":
        return "oidc"
    return None
