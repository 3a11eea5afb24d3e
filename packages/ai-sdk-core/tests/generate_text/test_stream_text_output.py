"""Structured output in ``stream_text`` (port of stream-text.test.ts ``options.output``)."""

from __future__ import annotations

from typing import Any

import pytest
from pydantic import BaseModel

from ai_sdk_core import (
    NoObjectGeneratedError,
    NoOutputGeneratedError,
    UnsupportedFunctionalityError,
)
from ai_sdk_core.generate_text import Output
from ai_sdk_core.testing import MockLanguageModelV4

from .stream_text_support import (
    collect,
    finish,
    model,
    stream,
    text,
    text_step,
    types,
)

pytestmark = pytest.mark.anyio

OBJECT_DELTAS = ["{ ", '"value": ', '"Hello, ', "world", '!"', " }"]
ARRAY_DELTAS = [
    '{"elements":[',
    "{",
    '"content":',
    '"element 1"',
    "},",
    "{ ",
    '"content": ',
    '"element 2"',
    "},",
    "{",
    '"content":',
    '"element 3"',
    "}",
    "]",
    "}",
]


class Value(BaseModel):
    value: str


class Element(BaseModel):
    content: str


async def test_text_output_partial_stream_is_the_growing_text() -> None:
    result = stream(model=model(text_step("Hello", ", ", "world!")))
    assert [partial async for partial in result.partial_output_stream] == [
        "Hello",
        "Hello, ",
        "Hello, world!",
    ]
    assert await result.output == "Hello, world!"


async def test_object_output_sends_a_json_response_format() -> None:
    mock = model(text_step(*OBJECT_DELTAS))
    await stream(model=mock, output=Output.object(schema=Value)).consume_stream()
    response_format = mock.do_stream_calls[0].response_format
    assert response_format is not None
    assert response_format.type == "json"
    assert response_format.schema == {  # type: ignore[union-attr]
        "$schema": "http://json-schema.org/draft-07/schema#",
        "additionalProperties": False,
        "properties": {"value": {"type": "string"}},
        "required": ["value"],
        "type": "object",
    }


async def test_object_output_partial_stream_and_output() -> None:
    result = stream(model=model(text_step(*OBJECT_DELTAS)), output=Output.object(schema=Value))
    assert [partial async for partial in result.partial_output_stream] == [
        {},
        {"value": "Hello, "},
        {"value": "Hello, world"},
        {"value": "Hello, world!"},
    ]
    assert await result.output == Value(value="Hello, world!")
    assert await result.text == '{ "value": "Hello, world!" }'


async def test_partial_stream_when_the_last_chunk_has_content() -> None:
    result = stream(
        model=model(text_step("{ ", '"value": ', '"Hello, ', 'world!" }')),
        output=Output.object(schema=Value),
    )
    assert [partial async for partial in result.partial_output_stream] == [
        {},
        {"value": "Hello, "},
        {"value": "Hello, world!"},
    ]


async def test_partial_output_uses_the_first_text_block_of_each_step() -> None:
    result = stream(
        model=model(
            [*text('{"value":', ' "a"}', block_id="1"), *text("ignored", block_id="2"), finish()]
        ),
        output=Output.object(schema=Value),
    )
    assert [partial async for partial in result.partial_output_stream] == [{}, {"value": "a"}]


async def test_array_output_streams_complete_elements() -> None:
    result = stream(model=model(text_step(*ARRAY_DELTAS)), output=Output.array(element=Element))
    elements = [Element(content=f"element {n}") for n in (1, 2, 3)]
    assert [partial async for partial in result.partial_output_stream] == [
        [],
        elements[:1],
        elements[:2],
        elements,
    ]
    assert [element async for element in result.element_stream] == elements
    assert await result.output == elements
    assert await result.text == "".join(ARRAY_DELTAS)


async def test_array_elements_in_one_chunk() -> None:
    result = stream(
        model=model(text_step('{"elements":[{"content":"element 1"},{"content":"element 2"}]}')),
        output=Output.array(element=Element),
    )
    assert [element async for element in result.element_stream] == [
        Element(content="element 1"),
        Element(content="element 2"),
    ]
    assert await result.output == [Element(content="element 1"), Element(content="element 2")]


async def test_choice_output_streams_only_valid_choices() -> None:
    choice = Output.choice(options=["sunny", "rainy", "snowy"])
    result = stream(
        model=model(text_step("{ ", '"result": ', '"su', "nny", '"', " }")), output=choice
    )
    assert [partial async for partial in result.partial_output_stream] == ["sunny"]
    assert await result.output == "sunny"

    wrong = stream(
        model=model(text_step("{ ", '"result": ', '"foo', "bar", '"', " }")),
        output=Output.choice(options=["sunny", "rainy", "snowy"]),
    )
    assert [partial async for partial in wrong.partial_output_stream] == []
    with pytest.raises(NoObjectGeneratedError):
        await wrong.output


async def test_element_stream_needs_an_array_output() -> None:
    result = stream(model=model(text_step("x")), output=Output.object(schema=Value))
    with pytest.raises(UnsupportedFunctionalityError, match="element streams in object mode"):
        await anext(result.element_stream)
    text_result = stream(model=model(text_step("x")))
    with pytest.raises(UnsupportedFunctionalityError, match="element streams in text mode"):
        await anext(text_result.element_stream)


async def test_unparsable_output_fails_only_the_output() -> None:
    finished: list[Any] = []
    result = stream(
        model=model(text_step('{ "value": "cut sh')),
        output=Output.object(schema=Value),
        on_finish=finished.append,
    )
    parts = await collect(result)
    assert "error" not in types(parts)  # the stream itself is fine, as in TS
    assert len(finished) == 1
    assert await result.text == '{ "value": "cut sh'
    with pytest.raises(NoObjectGeneratedError) as raised:
        await result.output
    assert raised.value.text == '{ "value": "cut sh'
    assert raised.value.finish_reason == "stop"


async def test_output_is_parsed_whatever_the_finish_reason() -> None:
    """As TS streamText: ``output`` parses the final step's text (generate_text needs ``stop``)."""
    result = stream(model=model(text_step("partial answer", reason="length")))
    assert await result.output == "partial answer"
    truncated = stream(
        model=model(text_step('{"value": "x"', reason="length")), output=Output.object(schema=Value)
    )
    with pytest.raises(NoObjectGeneratedError) as raised:
        await truncated.output
    assert raised.value.finish_reason == "length"


async def test_output_of_a_failed_generation_is_no_output_generated() -> None:
    def fail(options: Any) -> Any:
        raise RuntimeError("test error")

    result = stream(model=MockLanguageModelV4(do_stream=fail), output=Output.object(schema=Value))
    with pytest.raises(NoOutputGeneratedError):
        await result.output
    assert [partial async for partial in result.partial_output_stream] == []
