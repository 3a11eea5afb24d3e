"""Port of standardize-prompt.test.ts, plus dict messages and the Python-only shape checks."""

from __future__ import annotations

from typing import Any

import pytest

from ai_sdk_core.errors import InvalidPromptError, TypeValidationError
from ai_sdk_core.prompt import (
    AssistantModelMessage,
    FilePart,
    StandardizedPrompt,
    SystemModelMessage,
    TextPart,
    ToolCallPart,
    UserModelMessage,
    standardize_prompt,
)

HELLO = UserModelMessage(content="Hello, world!")
SYSTEM = {"role": "system", "content": "INSTRUCTIONS"}


def test_a_string_prompt_becomes_one_user_message() -> None:
    assert standardize_prompt(prompt="Hello, world!") == StandardizedPrompt(
        instructions=None, messages=[HELLO]
    )


def test_an_empty_string_prompt_is_a_message() -> None:
    assert standardize_prompt(prompt="").messages == [UserModelMessage(content="")]


@pytest.mark.parametrize("field", ["prompt", "messages"])
def test_a_message_list_is_validated_into_dataclasses(field: str) -> None:
    raw = [
        {"role": "user", "content": [{"type": "text", "text": "hi"}]},
        {
            "role": "assistant",
            "content": [
                {"type": "tool-call", "toolCallId": "call-1", "toolName": "weather", "input": {}}
            ],
        },
        {
            "role": "user",
            "content": [{"type": "file", "data": b"\x89PNG", "media_type": "image/png"}],
            "providerOptions": {"test": {"value": 1}},
        },
    ]
    result = standardize_prompt(**{field: raw})
    assert result.messages == [
        UserModelMessage(content=[TextPart(text="hi")]),
        AssistantModelMessage(
            content=[ToolCallPart(tool_call_id="call-1", tool_name="weather", input={})]
        ),
        UserModelMessage(
            content=[FilePart(data=b"\x89PNG", media_type="image/png")],
            provider_options={"test": {"value": 1}},
        ),
    ]


def test_dataclass_messages_are_kept_as_they_are() -> None:
    message = UserModelMessage(content=[TextPart(text="hi")])
    assert standardize_prompt(messages=[message]).messages[0] is message


@pytest.mark.parametrize("field", ["prompt", "messages"])
def test_system_messages_are_rejected_by_default(field: str) -> None:
    with pytest.raises(InvalidPromptError) as caught:
        standardize_prompt(**{field: [SYSTEM]})
    assert str(caught.value) == (
        "Invalid prompt: System messages are not allowed in the prompt or messages fields. "
        "Use the instructions option instead."
    )


@pytest.mark.parametrize("field", ["prompt", "messages"])
def test_system_messages_are_allowed_when_enabled(field: str) -> None:
    result = standardize_prompt(
        allow_system_in_messages=True,
        **{field: [SYSTEM, {"role": "user", "content": "Hello, world!"}]},
    )
    assert result == StandardizedPrompt(
        instructions=None, messages=[SystemModelMessage(content="INSTRUCTIONS"), HELLO]
    )


def test_an_allowed_system_message_with_parts_is_invalid() -> None:
    with pytest.raises(InvalidPromptError, match="do not match the ModelMessage"):
        standardize_prompt(
            allow_system_in_messages=True,
            messages=[{"role": "system", "content": [{"type": "text", "text": "test"}]}],
        )


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({}, "prompt or messages must be defined"),
        (
            {"prompt": "a", "messages": [HELLO]},
            "prompt and messages cannot be defined at the same time",
        ),
        ({"messages": []}, "messages must not be empty"),
        ({"prompt": []}, "messages must not be empty"),
        ({"messages": HELLO}, "messages must be a list of messages"),
    ],
)
def test_invalid_prompt_options(options: dict[str, Any], message: str) -> None:
    with pytest.raises(InvalidPromptError) as caught:
        standardize_prompt(**options)
    assert str(caught.value) == f"Invalid prompt: {message}"


@pytest.mark.parametrize(
    "message",
    [
        {"role": "bogus", "content": "x"},
        {"role": "user"},
        {"role": "user", "content": [{"type": "text"}]},
        {"role": "user", "content": [{"type": "video", "data": "x"}]},
        {"role": "assistant", "content": [{"type": "tool-call", "toolName": "x", "input": {}}]},
        {"role": "tool", "content": "not a list"},
        "just a string",
    ],
)
def test_messages_of_the_wrong_shape_are_invalid(message: Any) -> None:
    with pytest.raises(InvalidPromptError) as caught:
        standardize_prompt(messages=[message])
    assert (
        str(caught.value) == "Invalid prompt: The messages do not match the ModelMessage[] schema."
    )
    assert isinstance(caught.value.cause, TypeValidationError)
    assert caught.value.__cause__ is caught.value.cause
    assert caught.value.prompt == [message]


@pytest.mark.parametrize(
    ("instructions", "expected"),
    [
        ("INSTRUCTIONS", "INSTRUCTIONS"),
        (SYSTEM, SystemModelMessage(content="INSTRUCTIONS")),
        (SystemModelMessage(content="INSTRUCTIONS"), SystemModelMessage(content="INSTRUCTIONS")),
        (
            [SYSTEM, SystemModelMessage(content="INSTRUCTIONS 2")],
            [
                SystemModelMessage(content="INSTRUCTIONS"),
                SystemModelMessage(content="INSTRUCTIONS 2"),
            ],
        ),
    ],
)
def test_instructions(instructions: Any, expected: object) -> None:
    assert standardize_prompt(
        instructions=instructions, prompt="Hello, world!"
    ) == StandardizedPrompt(instructions=expected, messages=[HELLO])


@pytest.mark.parametrize(
    "instructions",
    [{"role": "user", "content": "x"}, [SYSTEM, {"role": "user", "content": "x"}], 42],
)
def test_instructions_must_be_system_messages(instructions: Any) -> None:
    with pytest.raises(InvalidPromptError) as caught:
        standardize_prompt(instructions=instructions, prompt="Hello")
    assert str(caught.value) == (
        "Invalid prompt: instructions must be a string, SystemModelMessage, "
        "or array of SystemModelMessage"
    )


def test_system_is_the_fallback_for_instructions() -> None:
    assert standardize_prompt(system="SYSTEM", prompt="Hello, world!").instructions == "SYSTEM"


def test_instructions_win_over_system() -> None:
    result = standardize_prompt(
        instructions="INSTRUCTIONS", system="SYSTEM", prompt="Hello, world!"
    )
    assert result.instructions == "INSTRUCTIONS"
