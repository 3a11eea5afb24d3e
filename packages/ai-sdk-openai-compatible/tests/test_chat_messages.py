"""Prompt → OpenAI messages (ports of convert-to-openai-compatible-chat-messages.test.ts)."""

from __future__ import annotations

import base64
from typing import Any

import pytest

from ai_sdk_core.errors import NoSuchProviderReferenceError, UnsupportedFunctionalityError
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
    LanguageModelV4ToolResultContentFile,
    LanguageModelV4ToolResultContentText,
    LanguageModelV4ToolResultOutputContent,
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
from ai_sdk_openai_compatible.internal import convert_to_openai_compatible_chat_messages

PNG = "iVBORw0KGgo="


def user(*parts: Any, **kwargs: Any) -> LanguageModelV4UserMessage:
    return LanguageModelV4UserMessage(content=list(parts), **kwargs)


def file(media_type: str, data: Any, **kwargs: Any) -> LanguageModelV4FilePart:
    if isinstance(data, bytes):
        data = SharedV4FileDataData(data=data)
    elif isinstance(data, str):
        data = (
            SharedV4FileDataUrl(url=data)
            if data.startswith("https://")
            else SharedV4FileDataData(data=data)
        )
    return LanguageModelV4FilePart(media_type=media_type, data=data, **kwargs)


def convert(*messages: LanguageModelV4Message, **kwargs: Any) -> list[dict[str, Any]]:
    return convert_to_openai_compatible_chat_messages(list(messages), **kwargs)


def first_part(message: LanguageModelV4Message) -> Any:
    return convert(message)[0]["content"][0]


def test_single_text_part_is_string_content() -> None:
    assert convert(user(LanguageModelV4TextPart(text="Hello"))) == [
        {"role": "user", "content": "Hello"}
    ]


def test_system_message() -> None:
    assert convert(LanguageModelV4SystemMessage(content="Be brief.")) == [
        {"role": "system", "content": "Be brief."}
    ]


@pytest.mark.parametrize(
    ("media_type", "data", "expected"),
    [
        (
            "image/png",
            PNG,
            {"type": "image_url", "image_url": {"url": f"data:image/png;base64,{PNG}"}},
        ),
        (
            "image/png",
            b"\x00\x01",
            {"type": "image_url", "image_url": {"url": "data:image/png;base64,AAE="}},
        ),
        ("image", PNG, {"type": "image_url", "image_url": {"url": f"data:image/png;base64,{PNG}"}}),
        (
            "image/*",
            PNG,
            {"type": "image_url", "image_url": {"url": f"data:image/png;base64,{PNG}"}},
        ),
        (
            "image",
            "https://example.com/x.png",
            {"type": "image_url", "image_url": {"url": "https://example.com/x.png"}},
        ),
        (
            "video/mp4",
            b"\x01",
            {"type": "video_url", "video_url": {"url": "data:video/mp4;base64,AQ=="}},
        ),
        (
            "video/mp4",
            "https://example.com/v.mp4",
            {"type": "video_url", "video_url": {"url": "https://example.com/v.mp4"}},
        ),
        (
            "audio/wav",
            "AAEC",
            {"type": "input_audio", "input_audio": {"data": "AAEC", "format": "wav"}},
        ),
        (
            "audio/mp3",
            "AAEC",
            {"type": "input_audio", "input_audio": {"data": "AAEC", "format": "mp3"}},
        ),
        (
            "audio/mpeg",
            "AAEC",
            {"type": "input_audio", "input_audio": {"data": "AAEC", "format": "mp3"}},
        ),
        (
            "application/pdf",
            "AQID",
            {
                "type": "file",
                "file": {
                    "filename": "document.pdf",
                    "file_data": "data:application/pdf;base64,AQID",
                },
            },
        ),
        ("text/markdown", base64.b64encode(b"# Hi").decode(), {"type": "text", "text": "# Hi"}),
        ("text/plain", b"\xef\xbb\xbfplain", {"type": "text", "text": "plain"}),
        (
            "text/plain",
            "https://example.com/a.txt",
            {"type": "text", "text": "https://example.com/a.txt"},
        ),
    ],
)
def test_file_parts(media_type: str, data: Any, expected: dict[str, Any]) -> None:
    message = user(LanguageModelV4TextPart(text="x"), file(media_type, data))
    assert convert(message)[0]["content"][1] == expected


def test_pdf_filename() -> None:
    part = first_part(user(file("application/pdf", "AQID", filename="report.pdf")))
    assert part["file"]["filename"] == "report.pdf"


@pytest.mark.parametrize(
    ("media_type", "data", "functionality"),
    [
        ("audio/wav", "https://example.com/a.wav", "audio file parts with URLs"),
        ("audio/ogg", "AAEC", "audio media type audio/ogg"),
        ("application/pdf", "https://example.com/a.pdf", "PDF file parts with URLs"),
        ("application/zip", "AAEC", "file part media type application/zip"),
        ("model/gltf", "AAEC", "file part media type model/gltf"),
    ],
)
def test_unsupported_files(media_type: str, data: str, functionality: str) -> None:
    with pytest.raises(UnsupportedFunctionalityError) as caught:
        convert(user(file(media_type, data)))
    assert caught.value.functionality == functionality


def test_undetectable_top_level_media_type() -> None:
    with pytest.raises(UnsupportedFunctionalityError, match="could not be auto-detected"):
        convert(user(file("image", b"not an image")))


def test_provider_reference_and_inline_text_files() -> None:
    reference = LanguageModelV4FilePart(
        media_type="application/pdf",
        data=SharedV4FileDataReference(reference={"myProvider": "file-123"}),
    )
    assert convert(user(reference), provider="myProvider")[0]["content"][0] == {
        "type": "file",
        "file": {"file_id": "file-123"},
    }
    with pytest.raises(NoSuchProviderReferenceError):
        convert(user(reference), provider="other")

    text_file = LanguageModelV4FilePart(
        media_type="text/csv", data=SharedV4FileDataText(text="a,b")
    )
    assert first_part(user(text_file)) == {"type": "text", "text": "a,b"}
    with pytest.raises(UnsupportedFunctionalityError, match="text file parts"):
        convert(
            user(
                LanguageModelV4FilePart(media_type="image/png", data=SharedV4FileDataText(text="x"))
            )
        )


def test_assistant_text_reasoning_and_tool_calls() -> None:
    message = LanguageModelV4AssistantMessage(
        content=[
            LanguageModelV4ReasoningPart(text="think "),
            LanguageModelV4ReasoningPart(text="more"),
            LanguageModelV4TextPart(text="Let me "),
            LanguageModelV4TextPart(text="check."),
            LanguageModelV4ToolCallPart(
                tool_call_id="a", tool_name="t", input={"x": 1.0, "s": "é"}
            ),
            LanguageModelV4ToolCallPart(
                tool_call_id="b", tool_name="t", input='{"already": "json"}'
            ),
            LanguageModelV4ToolCallPart(tool_call_id="c", tool_name="t", input="not json"),
        ]
    )
    assert convert(message) == [
        {
            "role": "assistant",
            "content": "Let me check.",
            "reasoning_content": "think more",
            "tool_calls": [
                {
                    "id": "a",
                    "type": "function",
                    "function": {"name": "t", "arguments": '{"x":1,"s":"é"}'},
                },
                {
                    "id": "b",
                    "type": "function",
                    "function": {"name": "t", "arguments": '{"already": "json"}'},
                },
                {
                    "id": "c",
                    "type": "function",
                    "function": {"name": "t", "arguments": '"not json"'},
                },
            ],
        }
    ]


def test_assistant_content_is_null_only_with_tool_calls_and_no_text() -> None:
    call = LanguageModelV4ToolCallPart(tool_call_id="a", tool_name="t", input={})
    assert convert(LanguageModelV4AssistantMessage(content=[call]))[0]["content"] is None
    assert convert(LanguageModelV4AssistantMessage(content=[])) == [
        {"role": "assistant", "content": ""}
    ]


def test_tool_results() -> None:
    def result(output: Any, call_id: str = "call") -> LanguageModelV4ToolResultPart:
        return LanguageModelV4ToolResultPart(tool_call_id=call_id, tool_name="t", output=output)

    message = LanguageModelV4ToolMessage(
        content=[
            result(LanguageModelV4ToolResultOutputText(value="sunny"), "a"),
            result(LanguageModelV4ToolResultOutputErrorText(value="boom"), "b"),
            result(LanguageModelV4ToolResultOutputJson(value={"temp": 20.0}), "c"),
            result(LanguageModelV4ToolResultOutputExecutionDenied(), "d"),
            result(LanguageModelV4ToolResultOutputExecutionDenied(reason="no"), "e"),
            LanguageModelV4ToolApprovalResponsePart(approval_id="x", approved=True),
            result(
                LanguageModelV4ToolResultOutputContent(
                    value=[LanguageModelV4ToolResultContentText(text="hi")]
                ),
                "f",
            ),
        ]
    )
    assert convert(message) == [
        {"role": "tool", "tool_call_id": "a", "content": "sunny"},
        {"role": "tool", "tool_call_id": "b", "content": "boom"},
        {"role": "tool", "tool_call_id": "c", "content": '{"temp":20}'},
        {"role": "tool", "tool_call_id": "d", "content": "Tool call execution denied."},
        {"role": "tool", "tool_call_id": "e", "content": "no"},
        {"role": "tool", "tool_call_id": "f", "content": '[{"type":"text","text":"hi"}]'},
    ]


def test_multi_part_tool_content() -> None:
    output = LanguageModelV4ToolResultOutputContent(
        value=[
            LanguageModelV4ToolResultContentText(text="see image"),
            LanguageModelV4ToolResultContentFile(
                media_type="image/png", data=SharedV4FileDataData(data=PNG)
            ),
        ]
    )
    message = LanguageModelV4ToolMessage(
        content=[LanguageModelV4ToolResultPart(tool_call_id="a", tool_name="t", output=output)]
    )
    assert convert(message, supports_multi_part_tool_content=True)[0]["content"] == [
        {"type": "text", "text": "see image"},
        {"type": "image_url", "image_url": {"url": f"data:image/png;base64,{PNG}"}},
    ]


def test_openai_compatible_metadata_is_merged_at_each_level() -> None:
    meta = {"openaiCompatible": {"cacheControl": {"type": "ephemeral"}}, "other": {"x": 1}}
    assert convert(LanguageModelV4SystemMessage(content="s", provider_options=meta)) == [
        {"role": "system", "content": "s", "cacheControl": {"type": "ephemeral"}}
    ]
    # a single text part: the part's options, not the message's
    assert convert(
        user(
            LanguageModelV4TextPart(
                text="t", provider_options={"openaiCompatible": {"level": "part"}}
            ),
            provider_options={"openaiCompatible": {"level": "message"}},
        )
    ) == [{"role": "user", "content": "t", "level": "part"}]
    assert convert(
        user(
            LanguageModelV4TextPart(text="a", provider_options={"openaiCompatible": {"p": 1}}),
            file("image/png", PNG, provider_options={"openaiCompatible": {"p": 2}}),
            provider_options={"openaiCompatible": {"m": True}},
        )
    ) == [
        {
            "role": "user",
            "content": [
                {"type": "text", "text": "a", "p": 1},
                {"type": "image_url", "image_url": {"url": f"data:image/png;base64,{PNG}"}, "p": 2},
            ],
            "m": True,
        }
    ]
    assistant = LanguageModelV4AssistantMessage(
        content=[
            LanguageModelV4ToolCallPart(
                tool_call_id="c",
                tool_name="collider",
                input={"num": 42},
                provider_options={"openaiCompatible": {"sharedKey": "toolLevel"}},
            )
        ],
        provider_options={"openaiCompatible": {"sharedKey": "assistantLevel"}},
    )
    assert convert(assistant) == [
        {
            "role": "assistant",
            "content": None,
            "tool_calls": [
                {
                    "id": "c",
                    "type": "function",
                    "function": {"name": "collider", "arguments": '{"num":42}'},
                    "sharedKey": "toolLevel",
                }
            ],
            "sharedKey": "assistantLevel",
        }
    ]


@pytest.mark.parametrize(
    ("provider_options", "expected"),
    [
        ({"myProvider": {"thoughtSignature": "mine"}}, "mine"),
        ({"google": {"thoughtSignature": "google"}}, "google"),
        ({"myProvider": {"thoughtSignature": "mine"}, "google": {"thoughtSignature": "g"}}, "mine"),
        (None, None),
    ],
)
def test_thought_signatures(provider_options: Any, expected: str | None) -> None:
    message = LanguageModelV4AssistantMessage(
        content=[
            LanguageModelV4ToolCallPart(
                tool_call_id="c", tool_name="t", input={}, provider_options=provider_options
            )
        ]
    )
    tool_call = convert(message, provider_options_key="myProvider")[0]["tool_calls"][0]
    if expected is None:
        assert "extra_content" not in tool_call
    else:
        assert tool_call["extra_content"] == {"google": {"thought_signature": expected}}
