"""Provider-specific call options, validated (port of ``parse-provider-options.ts``)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from ai_sdk_core.provider._errors import InvalidArgumentError, TypeValidationError

from ._schema import Schema, as_schema

if TYPE_CHECKING:
    from pydantic import TypeAdapter

__all__ = ["parse_provider_options"]

T = TypeVar("T")


def parse_provider_options(
    *,
    provider: str,
    provider_options: Mapping[str, Any] | None,
    schema: type[T] | TypeAdapter[T] | Schema[T],
) -> T | None:
    """``provider_options[provider]`` validated with ``schema``; ``None`` when there is none.

    ``schema`` is typically a pydantic model whose snake_case fields also accept the camelCase
    keys TS users send (``alias_generator=to_camel, validate_by_name=True``); unknown keys are
    dropped unless the model allows extras. Invalid options raise
    :class:`InvalidArgumentError` (``argument="providerOptions"``) caused by a
    :class:`TypeValidationError`.
    """
    options = provider_options.get(provider) if provider_options is not None else None
    if options is None:
        return None
    try:
        return as_schema(schema).validate(options)
    except TypeValidationError as error:
        raise InvalidArgumentError(
            f"invalid {provider} provider options", argument="providerOptions", cause=error
        ) from error
