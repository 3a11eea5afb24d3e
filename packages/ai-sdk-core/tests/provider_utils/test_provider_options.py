from __future__ import annotations

from typing import Literal

import pytest
from pydantic import BaseModel, ConfigDict, Field, TypeAdapter, ValidationError
from pydantic.alias_generators import to_camel
from typing_extensions import TypedDict

from ai_sdk_core.errors import InvalidArgumentError, TypeValidationError
from ai_sdk_core.provider_utils import json_schema, parse_provider_options


class GroqOptions(BaseModel):
    """Options as a provider declares them: snake_case fields, camelCase accepted."""

    model_config = ConfigDict(alias_generator=to_camel, populate_by_name=True)

    reasoning_format: Literal["parsed", "raw", "hidden"] | None = None
    parallel_tool_calls: bool | None = None
    user: str | None = Field(default=None, min_length=1)


def test_none_without_options_for_the_provider() -> None:
    for provider_options in (None, {}, {"openai": {"user": "x"}}, {"groq": None}):
        assert (
            parse_provider_options(
                provider="groq", provider_options=provider_options, schema=GroqOptions
            )
            is None
        )


def test_camel_case_and_snake_case_keys() -> None:
    options = parse_provider_options(
        provider="groq",
        provider_options={"groq": {"reasoningFormat": "parsed", "parallel_tool_calls": False}},
        schema=GroqOptions,
    )
    assert options == GroqOptions(reasoning_format="parsed", parallel_tool_calls=False)


def test_unknown_keys_are_dropped_like_zod() -> None:
    options = parse_provider_options(
        provider="groq",
        provider_options={"groq": {"user": "u1", "somethingElse": 1}},
        schema=GroqOptions,
    )
    assert options is not None
    assert options.model_dump(exclude_none=True) == {"user": "u1"}


def test_invalid_options_raise_invalid_argument_error() -> None:
    with pytest.raises(InvalidArgumentError) as caught:
        parse_provider_options(
            provider="groq",
            provider_options={"groq": {"reasoningFormat": "verbose"}},
            schema=GroqOptions,
        )
    error = caught.value
    assert str(error) == "invalid groq provider options"
    assert error.argument == "providerOptions"
    assert isinstance(error.cause, TypeValidationError)
    assert error.cause.value == {"reasoningFormat": "verbose"}
    assert isinstance(error.cause.cause, ValidationError)


class Plain(TypedDict, total=False):
    strict: bool


def test_other_schema_kinds() -> None:
    provider_options = {"custom": {"strict": True}}
    assert parse_provider_options(
        provider="custom", provider_options=provider_options, schema=Plain
    ) == {"strict": True}
    assert parse_provider_options(
        provider="custom", provider_options=provider_options, schema=TypeAdapter(Plain)
    ) == {"strict": True}
    unchecked = json_schema({"type": "object"})
    assert parse_provider_options(
        provider="custom", provider_options=provider_options, schema=unchecked
    ) == {"strict": True}
    with pytest.raises(InvalidArgumentError, match="invalid custom provider options"):
        parse_provider_options(
            provider="custom", provider_options={"custom": {"strict": "maybe"}}, schema=Plain
        )
