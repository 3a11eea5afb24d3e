"""Port of output.test.ts and the output cases of stream-text.test.ts (partial and element streams)."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import pytest
from pydantic import BaseModel

from ai_sdk_core._usage import InputTokenDetails, LanguageModelUsage, OutputTokenDetails
from ai_sdk_core.errors import JSONParseError, NoObjectGeneratedError, TypeValidationError
from ai_sdk_core.generate_text import (
    LanguageModelResponseMetadata,
    Output,
    PartialOutput,
)
from ai_sdk_core.provider import (
    LanguageModelV4ResponseFormatJson,
    LanguageModelV4ResponseFormatText,
)
from ai_sdk_core.provider_utils import json_schema

pytestmark = pytest.mark.anyio

RESPONSE = LanguageModelResponseMetadata(
    id="123", timestamp=datetime(2024, 1, 1, tzinfo=UTC), model_id="456"
)
USAGE = LanguageModelUsage(
    input_tokens=1,
    input_token_details=InputTokenDetails(no_cache_tokens=1),
    output_tokens=2,
    output_token_details=OutputTokenDetails(text_tokens=2),
    total_tokens=3,
)


class Content(BaseModel):
    content: str


CONTENT_SCHEMA = {
    "$schema": "http://json-schema.org/draft-07/schema#",
    "type": "object",
    "properties": {"content": {"type": "string"}},
    "required": ["content"],
    "additionalProperties": False,
}


async def complete(output: Output[Any, Any, Any], text: str) -> Any:
    return await output.parse_complete_output(
        text, response=RESPONSE, usage=USAGE, finish_reason="length"
    )


async def no_object_error(output: Output[Any, Any, Any], text: str) -> NoObjectGeneratedError:
    with pytest.raises(NoObjectGeneratedError) as caught:
        await complete(output, text)
    error = caught.value
    assert error.text == text
    assert error.response is RESPONSE
    assert error.usage is USAGE
    assert error.finish_reason == "length"
    return error


async def assert_could_not_parse(output: Output[Any, Any, Any], text: str) -> None:
    error = await no_object_error(output, text)
    assert error.message == "No object generated: could not parse the response."
    assert isinstance(error.cause, JSONParseError)


async def assert_did_not_match(output: Output[Any, Any, Any], text: str) -> None:
    error = await no_object_error(output, text)
    assert error.message == "No object generated: response did not match schema."
    assert isinstance(error.cause, TypeValidationError)


# --- Output.text -------------------------------------------------------------------------------


async def test_text_response_format() -> None:
    output = Output.text()
    assert output.name == "text"
    assert await output.response_format() == LanguageModelV4ResponseFormatText()


@pytest.mark.parametrize("text", ["some output", ""])
async def test_text_parses_as_is(text: str) -> None:
    assert await complete(Output.text(), text) == text
    assert await Output.text().parse_partial_output(text) == PartialOutput(text)


async def test_text_has_no_element_tracker() -> None:
    assert Output.text().create_element_tracker() is None


# --- Output.object -----------------------------------------------------------------------------


async def test_object_response_format_from_pydantic_model() -> None:
    output = Output.object(schema=Content)
    assert output.name == "object"
    assert await output.response_format() == LanguageModelV4ResponseFormatJson(
        schema=CONTENT_SCHEMA
    )


async def test_object_response_format_with_name_and_description() -> None:
    output = Output.object(schema=Content, name="test-name", description="test description")
    assert await output.response_format() == LanguageModelV4ResponseFormatJson(
        schema=CONTENT_SCHEMA, name="test-name", description="test description"
    )


async def test_object_response_format_from_dict_schema_is_used_as_given() -> None:
    schema = {"type": "object", "properties": {"a": {"type": "number"}}}
    fmt = await Output.object(schema=schema).response_format()
    assert isinstance(fmt, LanguageModelV4ResponseFormatJson)
    assert fmt.schema == schema


async def test_object_parses_into_the_pydantic_model() -> None:
    result = await complete(Output.object(schema=Content), '{ "content": "test" }')
    assert isinstance(result, Content)
    assert result == Content(content="test")


async def test_object_with_dict_schema_returns_the_json_unvalidated() -> None:
    output = Output.object(schema=CONTENT_SCHEMA)
    assert await complete(output, '{ "content": 123 }') == {"content": 123}


async def test_object_parse_failure() -> None:
    await assert_could_not_parse(Output.object(schema=Content), "{ broken json")


async def test_object_schema_mismatch() -> None:
    await assert_did_not_match(Output.object(schema=Content), '{ "content": 123 }')


async def test_object_has_no_element_tracker() -> None:
    assert Output.object(schema=Content).create_element_tracker() is None


@pytest.mark.parametrize(
    ("text", "partial"),
    [
        ('{ "content": "test" }', {"content": "test"}),
        ('{ "content": "test"', {"content": "test"}),
        ('{ "content": "partial", "count": 42', {"content": "partial", "count": 42}),
        ('{ "items": ["a", "b"', {"items": ["a", "b"]}),
        ('{ "content": "partial str', {"content": "partial str"}),
    ],
)
async def test_object_partial_output_is_plain_json(text: str, partial: Any) -> None:
    assert await Output.object(schema=Content).parse_partial_output(text) == PartialOutput(partial)


@pytest.mark.parametrize("text", ["", "{ broken json"])
async def test_object_partial_output_none_when_unparsable(text: str) -> None:
    assert await Output.object(schema=Content).parse_partial_output(text) is None


# --- Output.array ------------------------------------------------------------------------------


ARRAY_SCHEMA = {
    "$schema": "http://json-schema.org/draft-07/schema#",
    "type": "object",
    "properties": {
        "elements": {
            "type": "array",
            "items": {key: value for key, value in CONTENT_SCHEMA.items() if key != "$schema"},
        }
    },
    "required": ["elements"],
    "additionalProperties": False,
}


async def test_array_response_format_wraps_the_element_schema() -> None:
    output = Output.array(element=Content)
    assert output.name == "array"
    assert await output.response_format() == LanguageModelV4ResponseFormatJson(schema=ARRAY_SCHEMA)


async def test_array_response_format_with_name_and_description() -> None:
    output = Output.array(
        element=Content, name="test-array-name", description="test array description"
    )
    assert await output.response_format() == LanguageModelV4ResponseFormatJson(
        schema=ARRAY_SCHEMA, name="test-array-name", description="test array description"
    )


@pytest.mark.parametrize("keyword", ["definitions", "$defs"])
async def test_array_response_format_keeps_root_definitions_at_the_root(keyword: str) -> None:
    reference = f"#/{keyword}/Shared"
    element = {
        "type": "object",
        "properties": {"shared": {"$ref": reference}},
        "required": ["shared"],
        "additionalProperties": False,
        keyword: {"Shared": {"type": "string"}},
    }
    fmt = await Output.array(element=element).response_format()
    assert isinstance(fmt, LanguageModelV4ResponseFormatJson)
    assert fmt.schema is not None
    assert fmt.schema[keyword] == {"Shared": {"type": "string"}}
    items = fmt.schema["properties"]["elements"]["items"]
    assert items["properties"] == {"shared": {"$ref": reference}}
    assert keyword not in items
    assert keyword in element  # the element schema itself is left alone


async def test_array_parses_elements_into_pydantic_models() -> None:
    result = await complete(
        Output.array(element=Content),
        '{ "elements": [{ "content": "a" }, { "content": "b" }, { "content": "c" }] }',
    )
    assert result == [Content(content="a"), Content(content="b"), Content(content="c")]
    assert all(isinstance(element, Content) for element in result)


async def test_array_returns_the_validated_values() -> None:
    element = json_schema(CONTENT_SCHEMA, lambda value: {**value, "extra": True})
    result = await complete(
        Output.array(element=element), '{ "elements": [{ "content": "hello" }] }'
    )
    assert result == [{"content": "hello", "extra": True}]


async def test_array_parse_failure() -> None:
    await assert_could_not_parse(Output.array(element=Content), "{ broken json")


@pytest.mark.parametrize(
    "text", ['{ "elements": [{ "content": 123 }] }', '{ "elements": "no" }', "[]", "null"]
)
async def test_array_schema_mismatch(text: str) -> None:
    await assert_did_not_match(Output.array(element=Content), text)


@pytest.mark.parametrize(
    ("text", "partial"),
    [
        (
            '{ "elements": [{ "content": "a" }, { "content": "b" }] }',
            [Content(content="a"), Content(content="b")],
        ),
        # repaired: the last element may be incomplete, so it is left out
        ('{ "elements": [{ "content": "a" }, { "content": "b" }', [Content(content="a")]),
        ('{ "elements": [] }', []),
        # invalid complete elements are skipped
        ('{ "elements": [{ "content": 1 }, { "content": "b" }] }', [Content(content="b")]),
    ],
)
async def test_array_partial_output(text: str, partial: list[Content]) -> None:
    assert await Output.array(element=Content).parse_partial_output(text) == PartialOutput(partial)


@pytest.mark.parametrize(
    "text", ["{ not valid json", '{ "foo": [1,2,3] }', '{ "elements": "not-an-array" }']
)
async def test_array_partial_output_none_without_elements_array(text: str) -> None:
    assert await Output.array(element=Content).parse_partial_output(text) is None


async def stream_elements(output: Output[Any, Any, Any], deltas: list[str]) -> list[Any]:
    """What stream_text publishes: the partial output after each delta, and the new elements."""
    tracker = output.create_element_tracker()
    assert tracker is not None
    text = ""
    elements: list[Any] = []
    for delta in deltas:
        text += delta
        partial = await output.parse_partial_output(text)
        elements += tracker.push(None if partial is None else partial.partial)
    return elements


THREE_ELEMENT_DELTAS = [
    '{"elements":[',
    *["{", '"content":', '"element 1"', "},"],
    *["{ ", '"content": ', '"element 2"', "},"],
    *["{", '"content":', '"element 3"', "}"],
    "]",
    "}",
]


async def test_element_tracker_publishes_elements_once_complete() -> None:
    output = Output.array(element=Content)
    tracker = output.create_element_tracker()
    assert tracker is not None
    text = ""
    published: list[tuple[str, list[Content]]] = []
    for delta in THREE_ELEMENT_DELTAS:
        text += delta
        partial = await output.parse_partial_output(text)
        new = tracker.push(None if partial is None else partial.partial)
        if new:
            published.append((delta, new))
    # an element is published when the next one starts; the last when the JSON is complete
    assert published == [
        ("{ ", [Content(content="element 1")]),
        ("{", [Content(content="element 2")]),
        ("}", [Content(content="element 3")]),
    ]


async def test_element_tracker_publishes_all_elements_of_a_single_chunk() -> None:
    elements = await stream_elements(
        Output.array(element=Content),
        ['{"elements":[{"content":"element 1"},{"content":"element 2"}]}'],
    )
    assert elements == [Content(content="element 1"), Content(content="element 2")]


async def test_element_tracker_never_publishes_an_element_the_json_did_not_close() -> None:
    elements = await stream_elements(
        Output.array(element=Content), ['{"elements":[{"content":"a"},', '{"content":"b"}]']
    )
    assert elements == [Content(content="a")]


async def test_element_tracker_ignores_missing_and_repeated_partials() -> None:
    tracker = Output.array(element=Content).create_element_tracker()
    assert tracker is not None
    assert tracker.push(None) == []
    assert tracker.push([1, 2]) == [1, 2]
    assert tracker.push([1, 2]) == []
    assert tracker.push([1]) == []
    assert tracker.push([1, 2, 3]) == [3]


# --- Output.choice -----------------------------------------------------------------------------

CHOICE = Output.choice(options=["aaa", "aab", "ccc"])
CHOICE_SCHEMA = {
    "$schema": "http://json-schema.org/draft-07/schema#",
    "type": "object",
    "properties": {"result": {"type": "string", "enum": ["aaa", "aab", "ccc"]}},
    "required": ["result"],
    "additionalProperties": False,
}


async def test_choice_response_format() -> None:
    assert CHOICE.name == "choice"
    assert await CHOICE.response_format() == LanguageModelV4ResponseFormatJson(schema=CHOICE_SCHEMA)
    named = Output.choice(
        options=["aaa", "aab", "ccc"], name="test-choice-name", description="test choice desc"
    )
    assert await named.response_format() == LanguageModelV4ResponseFormatJson(
        schema=CHOICE_SCHEMA, name="test-choice-name", description="test choice desc"
    )


async def test_choice_parses_a_valid_choice() -> None:
    assert await complete(CHOICE, '{ "result": "aaa" }') == "aaa"


async def test_choice_parse_failure() -> None:
    await assert_could_not_parse(CHOICE, "{ broken json")


@pytest.mark.parametrize("text", ["{}", '{ "result": "d" }', '{ "result": 5 }', '"a"'])
async def test_choice_mismatch(text: str) -> None:
    await assert_did_not_match(CHOICE, text)


@pytest.mark.parametrize(
    ("text", "partial"),
    [
        ('{ "result": "aaa" }', "aaa"),
        ('{ "result": "aab" }', "aab"),
        ('{ "result": "c', "ccc"),  # the only option with this prefix
    ],
)
async def test_choice_partial_output(text: str, partial: str) -> None:
    assert await CHOICE.parse_partial_output(text) == PartialOutput(partial)


@pytest.mark.parametrize(
    "text",
    [
        "{ broken json",
        "{}",
        '{ "result": "',  # every option matches
        '{ "result": "a',  # two options match
        '{ "result": "z" }',
        '{ "result": "x" }',
        '{ "result": "a" }',  # complete JSON must name an option exactly
        '{ "result": 5 }',
        '"a"',
        "null",
    ],
)
async def test_choice_partial_output_none(text: str) -> None:
    assert await CHOICE.parse_partial_output(text) is None


# --- Output.json -------------------------------------------------------------------------------


async def test_json_response_format() -> None:
    assert Output.json().name == "json"
    assert await Output.json().response_format() == LanguageModelV4ResponseFormatJson()
    named = Output.json(name="test-json-name", description="test json description")
    assert await named.response_format() == LanguageModelV4ResponseFormatJson(
        name="test-json-name", description="test json description"
    )


async def test_json_parses_any_json() -> None:
    assert await complete(Output.json(), '{"a": 1, "b": [2,3]}') == {"a": 1, "b": [2, 3]}
    assert await complete(Output.json(), "null") is None


@pytest.mark.parametrize("text", ["{ a: 1 }", "foo"])
async def test_json_parse_failure(text: str) -> None:
    await assert_could_not_parse(Output.json(), text)


@pytest.mark.parametrize(
    ("text", "partial"),
    [
        ('{ "foo": 1, "bar": [2, 3] }', {"foo": 1, "bar": [2, 3]}),
        ('{ "foo": 123', {"foo": 123}),
        ("null", None),  # JSON null is a partial value, unlike no value
    ],
)
async def test_json_partial_output(text: str, partial: Any) -> None:
    assert await Output.json().parse_partial_output(text) == PartialOutput(partial)


@pytest.mark.parametrize("text", ["invalid!", "", "undefined"])
async def test_json_partial_output_none(text: str) -> None:
    assert await Output.json().parse_partial_output(text) is None
