from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated, Any

import pytest
from pydantic import BaseModel, field_validator

from ai_sdk_core._type_adapters import type_adapter
from ai_sdk_core.provider import JSONParseError, TypeValidationError
from ai_sdk_core.provider_utils import (
    ParseFailure,
    ParseSuccess,
    is_parsable_json,
    parse_json,
    safe_parse_json,
    safe_validate_types,
    secure_json_parse,
    validate_types,
)
from ai_sdk_core.provider_utils._parse_json import LazyParseSuccess


class Person(BaseModel):
    name: str
    age: int


@dataclass
class Point:
    x: int
    y: int


def test_parse_json_without_schema_returns_the_plain_value() -> None:
    assert parse_json('{"a": [1, 2.5, "x", null, true]}') == {"a": [1, 2.5, "x", None, True]}


def test_parse_json_validates_against_a_pydantic_model_or_dataclass() -> None:
    assert parse_json('{"name": "Ann", "age": 3}', Person) == Person(name="Ann", age=3)
    assert parse_json('{"x": 1, "y": 2}', Point) == Point(x=1, y=2)


def test_parse_json_raises_json_parse_error_for_invalid_json() -> None:
    with pytest.raises(JSONParseError) as caught:
        parse_json("{not json")

    assert caught.value.text == "{not json"
    assert caught.value.message.startswith("JSON parsing failed: Text: {not json.\n")


def test_parse_json_raises_type_validation_error_for_a_schema_mismatch() -> None:
    with pytest.raises(TypeValidationError) as caught:
        parse_json('{"name": "Ann"}', Person)

    assert caught.value.value == {"name": "Ann"}
    assert caught.value.message.startswith('Type validation failed: Value: {"name":"Ann"}.')


@pytest.mark.parametrize("text", ["NaN", '{"a": Infinity}', "[-Infinity]"])
def test_non_standard_constants_are_rejected_like_json_parse(text: str) -> None:
    assert not is_parsable_json(text)
    with pytest.raises(JSONParseError):
        parse_json(text)


@pytest.mark.parametrize(
    "text",
    [
        '{"__proto__": {"polluted": true}}',
        '{"a": [{"b": {"__proto__": 1}}]}',
        '{"\\u005f_proto__": 1}',
        '{"\\u005F\\u005Fproto\\u005f\\u005f" : 1}',
        '{"constructor": {"prototype": {"polluted": true}}}',
        '[{"c\\u006fnstructor": {"prototype": 1}}]',
    ],
)
def test_prototype_pollution_keys_are_rejected(text: str) -> None:
    with pytest.raises(JSONParseError) as caught:
        parse_json(text)

    assert "forbidden prototype property" in caught.value.message
    assert not is_parsable_json(text)


@pytest.mark.parametrize(
    "text",
    [
        '{"constructor": "not an object"}',
        '{"constructor": {"name": "x"}}',
        '{"text": "a \\"__proto__\\": key inside a string"}',
        '{"a": "\\u00e9", "constructor": 1}',
    ],
)
def test_harmless_lookalikes_are_accepted(text: str) -> None:
    assert secure_json_parse(text) == parse_json(text)
    assert is_parsable_json(text)


def test_safe_parse_json_success_keeps_the_raw_json_with_unknown_keys() -> None:
    result = safe_parse_json('{"name": "Ann", "age": 3, "extra": true}', Person)

    assert isinstance(result, ParseSuccess)
    assert result.success is True
    assert result.value == Person(name="Ann", age=3)
    assert result.raw_value == {"name": "Ann", "age": 3, "extra": True}


def test_safe_parse_json_invalid_json_has_no_raw_value() -> None:
    result = safe_parse_json("[1,", Person)

    assert isinstance(result, ParseFailure)
    assert result.success is False
    assert isinstance(result.error, JSONParseError)
    assert result.raw_value is None


def test_safe_parse_json_schema_mismatch_keeps_the_parsed_value() -> None:
    result = safe_parse_json('{"name": 1}', Person)

    assert isinstance(result, ParseFailure)
    assert isinstance(result.error, TypeValidationError)
    assert result.raw_value == {"name": 1}


def test_safe_parse_json_without_schema() -> None:
    assert safe_parse_json("[1]") == ParseSuccess(value=[1], raw_value=[1])


def test_validate_types_names_the_validated_field_in_the_message() -> None:
    with pytest.raises(TypeValidationError) as caught:
        validate_types({"x": "a"}, Point, field="messages[0]", entity_name="tool", entity_id="t1")

    assert caught.value.message.startswith(
        'Type validation failed for messages[0] (tool, id: "t1"): Value: {"x":"a"}.'
    )
    assert caught.value.context == {"field": "messages[0]", "entityName": "tool", "entityId": "t1"}


def test_validate_types_returns_the_validated_value() -> None:
    assert validate_types({"x": 1, "y": 2}, Point) == Point(x=1, y=2)
    assert validate_types([1, "2"], list[int]) == [1, 2]


class Exploding(BaseModel):
    value: int

    @field_validator("value")
    @classmethod
    def explode(cls, value: int) -> int:
        raise RuntimeError("validator bug")


def test_safe_validate_types_turns_any_validator_failure_into_a_result() -> None:
    result = safe_validate_types({"value": 1}, Exploding)

    assert isinstance(result, ParseFailure)
    assert isinstance(result.error, TypeValidationError)
    assert isinstance(result.error.cause, RuntimeError)
    assert result.raw_value == {"value": 1}


def test_type_adapters_are_cached_per_schema_and_unhashable_schemas_still_work() -> None:
    assert type_adapter(Person) is type_adapter(Person)
    unhashable: Any = Annotated[int, {"note": "unhashable metadata"}]
    assert validate_types("5", unhashable) == 5


def test_lazy_parse_success_parses_the_text_once_on_first_access() -> None:
    result = LazyParseSuccess({"a": 1}, '{"a": 1, "b": 2}')

    first = result.raw_value
    assert first == {"a": 1, "b": 2}
    assert result.raw_value is first
    assert result == ParseSuccess(value={"a": 1}, raw_value={"a": 1, "b": 2})
