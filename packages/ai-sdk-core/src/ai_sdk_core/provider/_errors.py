"""Errors of the provider specification (`@ai-sdk/provider` errors).

Every error keeps the TS name (``AI_APICallError``) in :attr:`AISDKError.name`, so logs and
wire payloads read the same in both SDKs; Python code matches on the class.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from typing import Any, ClassVar, Literal

__all__ = [
    "AISDKError",
    "APICallError",
    "EmptyResponseBodyError",
    "InvalidArgumentError",
    "InvalidPromptError",
    "InvalidResponseDataError",
    "JSONParseError",
    "LoadAPIKeyError",
    "LoadSettingError",
    "ModelType",
    "NoContentGeneratedError",
    "NoSuchModelError",
    "NoSuchProviderReferenceError",
    "TooManyEmbeddingValuesForCallError",
    "TypeValidationError",
    "UnsupportedFunctionalityError",
    "get_error_message",
]

ModelType = Literal[
    "languageModel",
    "embeddingModel",
    "imageModel",
    "transcriptionModel",
    "speechModel",
    "rerankingModel",
    "videoModel",
]


def get_error_message(error: object) -> str:
    """A readable message for any error value, as TS ``getErrorMessage`` gives it."""
    if error is None:
        return "unknown error"
    if isinstance(error, str):
        return error
    if isinstance(error, BaseException):
        message = str(error)
        name = error.name if isinstance(error, AISDKError) else type(error).__name__
        return f"{name}: {message}" if message else name
    try:
        return json.dumps(error, separators=(",", ":"), ensure_ascii=False)
    except (TypeError, ValueError):
        return repr(error)


class AISDKError(Exception):
    """Base class of every error raised by the AI SDK.

    ``name`` is the TS error name, ``message`` the text, ``cause`` the underlying error or value
    (also set as ``__cause__`` when it is an exception).
    """

    error_name: ClassVar[str] = "AI_SDKError"
    #: Attributes that describe the error beyond name, message and cause, in wire order.
    wire_fields: ClassVar[tuple[str, ...]] = ()

    name: str
    message: str
    cause: object

    def __init__(self, message: str, *, cause: object = None, name: str | None = None) -> None:
        super().__init__(message)
        self.name = name or self.error_name
        self.message = message
        self.cause = cause
        if isinstance(cause, BaseException):
            self.__cause__ = cause

    def __str__(self) -> str:
        return self.message


def _is_retryable_status(status_code: int | None) -> bool:
    return status_code is not None and (status_code in (408, 409, 429) or status_code >= 500)


class APICallError(AISDKError):
    """An HTTP call to a provider API failed.

    ``is_retryable`` defaults to true for status 408, 409, 429 and 5xx.
    """

    error_name = "AI_APICallError"
    wire_fields = (
        "url",
        "request_body_values",
        "status_code",
        "response_headers",
        "response_body",
        "is_retryable",
        "data",
    )

    def __init__(
        self,
        message: str,
        *,
        url: str,
        request_body_values: object,
        status_code: int | None = None,
        response_headers: Mapping[str, str] | None = None,
        response_body: str | None = None,
        cause: object = None,
        is_retryable: bool | None = None,
        data: object = None,
    ) -> None:
        super().__init__(message, cause=cause)
        self.url = url
        self.request_body_values = request_body_values
        self.status_code = status_code
        self.response_headers = dict(response_headers) if response_headers is not None else None
        self.response_body = response_body
        self.is_retryable = (
            _is_retryable_status(status_code) if is_retryable is None else is_retryable
        )
        self.data = data


class EmptyResponseBodyError(AISDKError):
    """The provider answered without a body where one was required."""

    error_name = "AI_EmptyResponseBodyError"

    def __init__(self, message: str = "Empty response body") -> None:
        super().__init__(message)


class InvalidArgumentError(AISDKError):
    """A function or provider argument is invalid.

    ``argument`` names it (the TS core calls it ``parameter``); ``value`` keeps the offending
    value when the caller knows it.
    """

    error_name = "AI_InvalidArgumentError"
    wire_fields = ("argument", "value")

    def __init__(
        self, message: str, *, argument: str, value: object = None, cause: object = None
    ) -> None:
        super().__init__(message, cause=cause)
        self.argument = argument
        self.value = value

    @property
    def parameter(self) -> str:
        """The TS core name of :attr:`argument`."""
        return self.argument

    @classmethod
    def for_parameter(cls, parameter: str, value: object, message: str) -> InvalidArgumentError:
        """The core-function form: ``Invalid argument for parameter <parameter>: <message>``."""
        return cls(
            f"Invalid argument for parameter {parameter}: {message}",
            argument=parameter,
            value=value,
        )


class InvalidPromptError(AISDKError):
    """The prompt cannot be used (wrong shape, unsupported part, …)."""

    error_name = "AI_InvalidPromptError"
    wire_fields = ("prompt",)

    def __init__(self, message: str, *, prompt: object, cause: object = None) -> None:
        super().__init__(f"Invalid prompt: {message}", cause=cause)
        self.prompt = prompt


def _compact_json(value: object) -> str:
    try:
        return json.dumps(value, separators=(",", ":"), ensure_ascii=False)
    except (TypeError, ValueError):
        return repr(value)


class InvalidResponseDataError(AISDKError):
    """The provider response parsed but does not have the expected content."""

    error_name = "AI_InvalidResponseDataError"
    wire_fields = ("data",)

    def __init__(self, message: str | None = None, *, data: object) -> None:
        super().__init__(message or f"Invalid response data: {_compact_json(data)}.")
        self.data = data


class JSONParseError(AISDKError):
    """Text that should be JSON is not."""

    error_name = "AI_JSONParseError"
    wire_fields = ("text",)

    def __init__(self, *, text: str, cause: object) -> None:
        super().__init__(
            f"JSON parsing failed: Text: {text}.\nError message: {get_error_message(cause)}",
            cause=cause,
        )
        self.text = text


class LoadAPIKeyError(AISDKError):
    """No API key was passed and none is set in the environment."""

    error_name = "AI_LoadAPIKeyError"


class LoadSettingError(AISDKError):
    """A required setting was neither passed nor set in the environment."""

    error_name = "AI_LoadSettingError"


class NoContentGeneratedError(AISDKError):
    """The model returned no content."""

    error_name = "AI_NoContentGeneratedError"

    def __init__(self, message: str = "No content generated.") -> None:
        super().__init__(message)


class NoSuchModelError(AISDKError):
    """A provider does not offer the requested model (or model kind)."""

    error_name = "AI_NoSuchModelError"
    wire_fields = ("model_id", "model_type")

    def __init__(
        self,
        *,
        model_id: str,
        model_type: ModelType,
        message: str | None = None,
        name: str | None = None,
    ) -> None:
        super().__init__(message or f"No such {model_type}: {model_id}", name=name)
        self.model_id = model_id
        self.model_type: ModelType = model_type


class NoSuchProviderReferenceError(AISDKError):
    """A provider reference (uploaded file id) has no entry for the provider in use."""

    error_name = "AI_NoSuchProviderReferenceError"
    wire_fields = ("provider", "reference")

    def __init__(
        self, *, provider: str, reference: Mapping[str, str], message: str | None = None
    ) -> None:
        super().__init__(
            message
            or f"No provider reference found for provider '{provider}'. "
            f"Available providers: {', '.join(reference)}"
        )
        self.provider = provider
        self.reference = dict(reference)


class TooManyEmbeddingValuesForCallError(AISDKError):
    """More values were passed to one embedding call than the model accepts."""

    error_name = "AI_TooManyEmbeddingValuesForCallError"
    wire_fields = ("provider", "model_id", "max_embeddings_per_call", "values")

    def __init__(
        self,
        *,
        provider: str,
        model_id: str,
        max_embeddings_per_call: int,
        values: Sequence[Any],
    ) -> None:
        super().__init__(
            "Too many values for a single embedding call. "
            f'The {provider} model "{model_id}" can only embed up to '
            f"{max_embeddings_per_call} values per call, but {len(values)} values were provided."
        )
        self.provider = provider
        self.model_id = model_id
        self.max_embeddings_per_call = max_embeddings_per_call
        self.values = list(values)


class TypeValidationError(AISDKError):
    """A value does not match the schema it was validated against.

    ``context`` may name the ``field``, ``entity_name`` and ``entity_id`` being validated.
    """

    error_name = "AI_TypeValidationError"
    wire_fields = ("value", "context")

    def __init__(
        self,
        *,
        value: object,
        cause: object,
        field: str | None = None,
        entity_name: str | None = None,
        entity_id: str | None = None,
    ) -> None:
        prefix = "Type validation failed"
        if field:
            prefix += f" for {field}"
        details = [entity_name] if entity_name else []
        if entity_id:
            details.append(f'id: "{entity_id}"')
        if details:
            prefix += f" ({', '.join(details)})"
        super().__init__(
            f"{prefix}: Value: {_compact_json(value)}.\nError message: {get_error_message(cause)}",
            cause=cause,
        )
        self.value = value
        context = {"field": field, "entityName": entity_name, "entityId": entity_id}
        self.context: dict[str, str] | None = {
            key: item for key, item in context.items() if item is not None
        } or None

    @classmethod
    def wrap(
        cls,
        *,
        value: object,
        cause: object,
        field: str | None = None,
        entity_name: str | None = None,
        entity_id: str | None = None,
    ) -> TypeValidationError:
        """``cause`` itself when it is already a validation error for ``value``, else a new one."""
        if isinstance(cause, TypeValidationError) and cause.value is value:
            return cause
        return cls(
            value=value, cause=cause, field=field, entity_name=entity_name, entity_id=entity_id
        )


class UnsupportedFunctionalityError(AISDKError):
    """The model or provider does not support a requested feature."""

    error_name = "AI_UnsupportedFunctionalityError"
    wire_fields = ("functionality",)

    def __init__(self, *, functionality: str, message: str | None = None) -> None:
        super().__init__(message or f"'{functionality}' functionality not supported.")
        self.functionality = functionality
