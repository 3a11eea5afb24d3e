"""The prompt as Groq messages (ports of convert-to-groq-chat-messages.test.ts, and more)."""

from __future__ import annotations

import pytest

from ai_sdk_core.errors import UnsupportedFunctionalityError
from ai_sdk_core.provider import (
    LanguageModelV4AssistantMessage,
    LanguageModelV4FilePart,
    LanguageModelV4Message,
    LanguageModelV4ReasoningPart,
    LanguageModelV4SystemMessage,
    LanguageModelV4TextPart,
    LanguageModelV4ToolApprovalResponsePart,
    LanguageModelV4ToolCallPart,
    LanguageModelV4ToolMessage,
    LanguageModelV4ToolResultContentText,
    LanguageModelV4ToolResultOutputContent,
    LanguageModelV4ToolResultOutputErrorJson,
    LanguageModelV4ToolResultOutputErrorText,
    LanguageModelV4ToolResultOutputExecutionDenied,
    LanguageModelV4ToolResultOutputJson,
    LanguageModelV4ToolResultOutputText,
    LanguageModelV4ToolResultPart,
    LanguageModelV4UserMessage,
    SharedV4FileDataData,
    SharedV4FileDataReference,
    SharedV4FileDataText,
    SharedV4FileDataUrl,
)
from ai_sdk_groq._messages import convert_to_groq_chat_messages

PNG_BASE64 = "iVBORw0KGgo="


def user(*parts: LanguageModelV4TextPart | LanguageModelV4FilePart) -> LanguageModelV4UserMessage:
    return LanguageModelV4UserMessage(content=list(parts))


def image(
    media_type: str, data: SharedV4FileDataData | SharedV4FileDataUrl
) -> LanguageModelV4FilePart:
    return LanguageModelV4FilePart(media_type=media_type, data=data)


def test_system_and_single_text_user_message() -> None:
    assert convert_to_groq_chat_messages(
        [
            LanguageModelV4SystemMessage(content="Be brief."),
            user(LanguageModelV4TextPart(text="Hello")),
        ]
    ) == [{"role": "system", "content": "Be brief."}, {"role": "user", "content": "Hello"}]


def test_user_message_with_text_and_images() -> None:
    messages = convert_to_groq_chat_messages(
        [
            user(
                LanguageModelV4TextPart(text="Hello"),
                image("image/png", SharedV4FileDataData(data=PNG_BASE64)),
                image("image/png", SharedV4FileDataData(data=bytes([0, 1, 2, 3]))),
                image("image/jpeg", SharedV4FileDataUrl(url="https://example.com/image.jpg")),
            )
        ]
    )
    assert messages == [
        {
            "role": "user",
            "content": [
                {"type": "text", "text": "Hello"},
                {"type": "image_url", "image_url": {"url": f"data:image/png;base64,{PNG_BASE64}"}},
                {"type": "image_url", "image_url": {"url": "data:image/png;base64,AAECAw=="}},
                {"type": "image_url", "image_url": {"url": "https://example.com/image.jpg"}},
            ],
        }
    ]


@pytest.mark.parametrize("media_type", ["image", "image/*"])
def test_image_subtype_is_detected_from_inline_bytes(media_type: str) -> None:
    messages = convert_to_groq_chat_messages(
        [user(image(media_type, SharedV4FileDataData(data=PNG_BASE64)))]
    )
    assert messages[0]["content"][0] == {
        "type": "image_url",
        "image_url": {"url": f"data:image/png;base64,{PNG_BASE64}"},
    }


def test_top_level_only_image_url_is_passed_on() -> None:
    messages = convert_to_groq_chat_messages(
        [user(image("image", SharedV4FileDataUrl(url="https://example.com/x.png")))]
    )
    assert messages[0]["content"][0] == {
        "type": "image_url",
        "image_url": {"url": "https://example.com/x.png"},
    }


def test_undetectable_image_subtype_is_unsupported() -> None:
    with pytest.raises(UnsupportedFunctionalityError, match="must specify subtype"):
        convert_to_groq_chat_messages([user(image("image", SharedV4FileDataData(data=b"??")))])


@pytest.mark.parametrize(
    ("part", "functionality"),
    [
        (
            LanguageModelV4FilePart(
                media_type="image/png",
                data=SharedV4FileDataReference(reference={"groq": "file-ref-123"}),
            ),
            "file parts with provider references",
        ),
        (
            LanguageModelV4FilePart(media_type="text/plain", data=SharedV4FileDataText(text="hi")),
            "text file parts",
        ),
        (
            LanguageModelV4FilePart(
                media_type="application/pdf", data=SharedV4FileDataData(data=b"%PDF")
            ),
            "Non-image file content parts",
        ),
        (
            LanguageModelV4FilePart(
                media_type="audio/wav", data=SharedV4FileDataUrl(url="https://x/a.wav")
            ),
            "Non-image file content parts",
        ),
    ],
)
def test_unsupported_file_parts(part: LanguageModelV4FilePart, functionality: str) -> None:
    with pytest.raises(UnsupportedFunctionalityError) as caught:
        convert_to_groq_chat_messages([user(LanguageModelV4TextPart(text="x"), part)])
    assert caught.value.functionality == functionality
    assert f"'{functionality}' functionality not supported" in str(caught.value)


def test_tool_calls_and_results_are_stringified() -> None:
    messages = convert_to_groq_chat_messages(
        [
            LanguageModelV4AssistantMessage(
                content=[
                    LanguageModelV4ToolCallPart(
                        tool_call_id="quux", tool_name="thwomp", input={"foo": "bar123"}
                    )
                ]
            ),
            LanguageModelV4ToolMessage(
                content=[
                    LanguageModelV4ToolResultPart(
                        tool_call_id="quux",
                        tool_name="thwomp",
                        output=LanguageModelV4ToolResultOutputJson(value={"oof": "321rab"}),
                    )
                ]
            ),
        ]
    )
    assert messages == [
        {
            "role": "assistant",
            "content": "",
            "tool_calls": [
                {
                    "id": "quux",
                    "type": "function",
                    "function": {"name": "thwomp", "arguments": '{"foo":"bar123"}'},
                }
            ],
        },
        {"role": "tool", "tool_call_id": "quux", "content": '{"oof":"321rab"}'},
    ]


@pytest.mark.parametrize(
    ("tool_input", "arguments"),
    [
        ('{"a":1}', '{"a":1}'),  # already JSON text: sent as it is
        ("not json", '"not json"'),
        ({"x": 1.0, "y": "é"}, '{"x":1,"y":"é"}'),
        ([1, 2], "[1,2]"),
    ],
)
def test_tool_call_arguments(tool_input: object, arguments: str) -> None:
    messages = convert_to_groq_chat_messages(
        [
            LanguageModelV4AssistantMessage(
                content=[
                    LanguageModelV4ToolCallPart(
                        tool_call_id="c",
                        tool_name="t",
                        input=tool_input,  # pyright: ignore[reportArgumentType]
                    )
                ]
            )
        ]
    )
    assert messages[0]["tool_calls"][0]["function"]["arguments"] == arguments


def test_reasoning_is_sent_back() -> None:
    messages = convert_to_groq_chat_messages(
        [
            LanguageModelV4AssistantMessage(
                content=[
                    LanguageModelV4ReasoningPart(text="I think "),
                    LanguageModelV4TextPart(text="Hi"),
                    LanguageModelV4ReasoningPart(text="it works."),
                    LanguageModelV4ToolCallPart(tool_call_id="quux", tool_name="t", input={}),
                ]
            )
        ]
    )
    assert messages == [
        {
            "role": "assistant",
            "content": "Hi",
            "reasoning": "I think it works.",
            "tool_calls": [
                {"id": "quux", "type": "function", "function": {"name": "t", "arguments": "{}"}}
            ],
        }
    ]


def test_assistant_text_only_has_no_reasoning_or_tool_calls() -> None:
    messages = convert_to_groq_chat_messages(
        [LanguageModelV4AssistantMessage(content=[LanguageModelV4TextPart(text="Hello")])]
    )
    assert messages == [{"role": "assistant", "content": "Hello"}]


def test_every_tool_result_output() -> None:
    outputs = [
        LanguageModelV4ToolResultOutputText(value="plain"),
        LanguageModelV4ToolResultOutputErrorText(value="failed"),
        LanguageModelV4ToolResultOutputJson(value=[1, {"a": None}]),
        LanguageModelV4ToolResultOutputErrorJson(value={"error": "x"}),
        LanguageModelV4ToolResultOutputExecutionDenied(),
        LanguageModelV4ToolResultOutputExecutionDenied(reason="not allowed"),
        LanguageModelV4ToolResultOutputContent(
            value=[LanguageModelV4ToolResultContentText(text="hi")]
        ),
    ]
    prompt: list[LanguageModelV4Message] = [
        LanguageModelV4ToolMessage(
            content=[
                *(
                    LanguageModelV4ToolResultPart(
                        tool_call_id=f"c{index}", tool_name="t", output=output
                    )
                    for index, output in enumerate(outputs)
                ),
                LanguageModelV4ToolApprovalResponsePart(approval_id="a", approved=True),
            ]
        )
    ]
    messages = convert_to_groq_chat_messages(prompt)
    assert [message["content"] for message in messages] == [
        "plain",
        "failed",
        '[1,{"a":null}]',
        '{"error":"x"}',
        "Tool call execution denied.",
        "not allowed",
        '[{"type":"text","text":"hi"}]',
    ]
    assert {message["role"] for message in messages} == {"tool"}
