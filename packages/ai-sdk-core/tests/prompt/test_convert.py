"""Ports of convert-to-language-model-prompt(.validation).test.ts and file-part-data.test.ts."""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import partial
from typing import Any

import httpx
import pytest

from ai_sdk_core.errors import DownloadError, InvalidDataContentError, MissingToolResultsError
from ai_sdk_core.prompt import (
    AssistantModelMessage,
    CustomPart,
    DownloadedFile,
    DownloadRequest,
    FilePart,
    ImagePart,
    ModelMessage,
    ReasoningFilePart,
    ReasoningPart,
    SystemModelMessage,
    TextPart,
    ToolApprovalRequest,
    ToolApprovalResponse,
    ToolCallPart,
    ToolModelMessage,
    ToolResultPart,
    UserModelMessage,
    convert_to_language_model_prompt,
    create_default_download_function,
    download,
    standardize_prompt,
)
from ai_sdk_core.prompt._convert import convert_to_file_data
from ai_sdk_core.provider import (
    LanguageModelV4AssistantMessage,
    LanguageModelV4CustomPart,
    LanguageModelV4FilePart,
    LanguageModelV4Message,
    LanguageModelV4ReasoningFilePart,
    LanguageModelV4ReasoningPart,
    LanguageModelV4SystemMessage,
    LanguageModelV4TextPart,
    LanguageModelV4ToolApprovalResponsePart,
    LanguageModelV4ToolCallPart,
    LanguageModelV4ToolMessage,
    LanguageModelV4ToolResultContentCustom,
    LanguageModelV4ToolResultContentFile,
    LanguageModelV4ToolResultContentText,
    LanguageModelV4ToolResultOutputContent,
    LanguageModelV4ToolResultOutputJson,
    LanguageModelV4ToolResultOutputText,
    LanguageModelV4ToolResultPart,
    LanguageModelV4UserMessage,
    SharedV4FileDataData,
    SharedV4FileDataReference,
    SharedV4FileDataText,
    SharedV4FileDataUrl,
)
from ai_sdk_core.provider._language_model import SupportedUrls

from .conftest import PNG, FileServer

BYTES = bytes([0, 1, 2, 3])
REFERENCE = {"openai": "file-abc123", "anthropic": "file-xyz789"}


class RecordingDownload:
    """A download function that records its requests and returns fixed results."""

    def __init__(self, *results: DownloadedFile | None) -> None:
        self.results = list(results)
        self.calls: list[list[DownloadRequest]] = []

    async def __call__(self, requests: Sequence[DownloadRequest]) -> list[DownloadedFile | None]:
        self.calls.append(list(requests))
        return self.results


def serve(url: str, file: DownloadedFile) -> Any:
    """The default download function, fetching ``url`` only (as TS tests mock ``download``)."""

    async def fetch(requested: str) -> DownloadedFile:
        assert requested == url
        return file

    return create_default_download_function(fetch)


async def unexpected_fetch(url: str) -> DownloadedFile:
    raise AssertionError(f"{url} must not be downloaded")


# the default download function, minus the network: tests never reach a public host
NO_FETCH = create_default_download_function(unexpected_fetch)


async def convert(
    *messages: ModelMessage,
    instructions: Any = None,
    supported_urls: SupportedUrls | None = None,
    download: Any = NO_FETCH,
) -> list[LanguageModelV4Message]:
    return await convert_to_language_model_prompt(
        instructions=instructions,
        messages=messages,
        supported_urls=supported_urls or {},
        download=download,
        provider="test-provider",
    )


def user_file(
    data: Any, media_type: str, filename: str | None = None
) -> LanguageModelV4UserMessage:
    return LanguageModelV4UserMessage(
        content=[LanguageModelV4FilePart(data=data, media_type=media_type, filename=filename)]
    )


HELLO = UserModelMessage(content="Hello, world!")
HELLO_PROMPT = LanguageModelV4UserMessage(content=[LanguageModelV4TextPart(text="Hello, world!")])


# --- instructions ------------------------------------------------------------------------------


@pytest.mark.anyio
async def test_string_instructions_become_a_system_message() -> None:
    assert await convert(HELLO, instructions="INSTRUCTIONS") == [
        LanguageModelV4SystemMessage(content="INSTRUCTIONS"),
        HELLO_PROMPT,
    ]


@pytest.mark.anyio
async def test_system_message_instructions_keep_provider_options() -> None:
    instructions = SystemModelMessage(
        content="INSTRUCTIONS", provider_options={"test": {"value": "test"}}
    )
    assert await convert(HELLO, instructions=instructions) == [
        LanguageModelV4SystemMessage(
            content="INSTRUCTIONS", provider_options={"test": {"value": "test"}}
        ),
        HELLO_PROMPT,
    ]


@pytest.mark.anyio
async def test_a_list_of_system_messages() -> None:
    instructions = [
        SystemModelMessage(content="INSTRUCTIONS"),
        SystemModelMessage(content="INSTRUCTIONS 2"),
    ]
    assert await convert(HELLO, instructions=instructions) == [
        LanguageModelV4SystemMessage(content="INSTRUCTIONS"),
        LanguageModelV4SystemMessage(content="INSTRUCTIONS 2"),
        HELLO_PROMPT,
    ]


@pytest.mark.anyio
async def test_system_messages_inside_messages_are_converted() -> None:
    message = SystemModelMessage(content="S", provider_options={"p": {"k": 1}})
    assert await convert(message) == [
        LanguageModelV4SystemMessage(content="S", provider_options={"p": {"k": 1}})
    ]


# --- user messages -----------------------------------------------------------------------------


@pytest.mark.anyio
async def test_image_urls_the_model_does_not_support_are_downloaded() -> None:
    url = "https://example.com/image.png"
    result = await convert(
        UserModelMessage(content=[ImagePart(image=url)]),
        download=serve(url, DownloadedFile(data=BYTES, media_type="image/png")),
    )
    assert result == [user_file(SharedV4FileDataData(data=BYTES), "image/png")]


@pytest.mark.anyio
async def test_the_download_function_receives_every_url_with_its_support() -> None:
    recording = RecordingDownload(None, DownloadedFile(data=BYTES, media_type="application/pdf"))
    await convert(
        UserModelMessage(
            content=[
                ImagePart(image="https://images.example/a.png"),
                FilePart(data="https://example.com/document.pdf", media_type="application/pdf"),
            ]
        ),
        supported_urls={"image/*": [re.compile(r"^https://images\.example/")]},
        download=recording,
    )
    assert recording.calls == [
        [
            DownloadRequest(url="https://images.example/a.png", is_url_supported_by_model=True),
            DownloadRequest(
                url="https://example.com/document.pdf", is_url_supported_by_model=False
            ),
        ]
    ]


@pytest.mark.anyio
async def test_provider_references_pass_through() -> None:
    result = await convert(
        UserModelMessage(
            content=[
                ImagePart(image=REFERENCE, media_type="image/png"),
                FilePart(data=REFERENCE, media_type="application/pdf", filename="doc.pdf"),
            ]
        )
    )
    reference = SharedV4FileDataReference(reference=REFERENCE)
    assert result == [
        LanguageModelV4UserMessage(
            content=[
                LanguageModelV4FilePart(data=reference, media_type="image/png"),
                LanguageModelV4FilePart(
                    data=reference, media_type="application/pdf", filename="doc.pdf"
                ),
            ]
        )
    ]


@pytest.mark.anyio
@pytest.mark.parametrize(
    "supported_urls",
    [
        {"*": [re.compile(r"^https://.*$")]},
        {"application/pdf": [re.compile(r"^https://example\.com/document\.pdf$")]},
    ],
)
async def test_supported_urls_are_not_downloaded(supported_urls: SupportedUrls) -> None:
    url = "https://example.com/document.pdf"
    result = await convert(
        UserModelMessage(content=[FilePart(data=url, media_type="application/pdf")]),
        supported_urls=supported_urls,
    )
    assert result == [user_file(SharedV4FileDataUrl(url=url), "application/pdf")]


@pytest.mark.anyio
@pytest.mark.parametrize(
    "supported_urls",
    [
        {},
        {"image/*": [re.compile(r"^https://.*$")]},
        {"application/pdf": [re.compile(r"^(?!https://example\.com/document\.pdf$).*$")]},
    ],
)
async def test_unsupported_urls_are_downloaded(supported_urls: SupportedUrls) -> None:
    url = "https://example.com/document.pdf"
    result = await convert(
        UserModelMessage(
            content=[FilePart(data=url, media_type="application/pdf", filename="important.pdf")]
        ),
        supported_urls=supported_urls,
        download=serve(url, DownloadedFile(data=BYTES, media_type="application/pdf")),
    )
    assert result == [
        user_file(SharedV4FileDataData(data=BYTES), "application/pdf", "important.pdf")
    ]


@pytest.mark.anyio
@pytest.mark.parametrize(
    ("declared", "downloaded", "expected"),
    [
        ("image/jpeg", "application/octet-stream", "image/jpeg"),  # a full declared type wins
        ("application/octet-stream", "text/plain", "application/octet-stream"),
        ("text", "text/plain", "text/plain"),  # a top-level type is refined by the download
    ],
)
async def test_media_type_of_downloaded_files(
    declared: str, downloaded: str, expected: str
) -> None:
    url = "https://example.com/file"
    result = await convert(
        UserModelMessage(content=[FilePart(data=url, media_type=declared)]),
        download=serve(url, DownloadedFile(data=b"Hello", media_type=downloaded)),
    )
    assert result == [user_file(SharedV4FileDataData(data=b"Hello"), expected)]


@pytest.mark.anyio
async def test_inline_data_is_kept_as_given() -> None:
    result = await convert(
        UserModelMessage(
            content=[
                FilePart(
                    data="SGVsbG8sIFdvcmxkIQ==", media_type="text/plain", filename="hello.txt"
                ),
                FilePart(data=b"Hello", media_type="text/plain"),
            ]
        ),
        supported_urls={"image/*": [re.compile(r"^https://.*$")]},
    )
    assert result == [
        LanguageModelV4UserMessage(
            content=[
                LanguageModelV4FilePart(
                    data=SharedV4FileDataData(data="SGVsbG8sIFdvcmxkIQ=="),
                    media_type="text/plain",
                    filename="hello.txt",
                ),
                LanguageModelV4FilePart(
                    data=SharedV4FileDataData(data=b"Hello"), media_type="text/plain"
                ),
            ]
        )
    ]


@pytest.mark.anyio
@pytest.mark.parametrize(
    ("part", "data", "media_type"),
    [
        (
            ImagePart(image="https://example.com/image.jpg"),
            SharedV4FileDataUrl(url="https://example.com/image.jpg"),
            "image",
        ),
        # the subtype of image data is detected, and wins over a declared one
        (
            ImagePart(image="data:image/jpg;base64,/9j/3Q=="),
            SharedV4FileDataData(data="/9j/3Q=="),
            "image/jpeg",
        ),
        (
            ImagePart(image="data:image/png;base64,/9j/3Q=="),
            SharedV4FileDataData(data="/9j/3Q=="),
            "image/jpeg",
        ),
        (ImagePart(image=PNG), SharedV4FileDataData(data=PNG), "image/png"),
        (FilePart(data=PNG, media_type="image"), SharedV4FileDataData(data=PNG), "image/png"),
        (
            FilePart(data="https://example.com/image.jpg", media_type="image/jpg"),
            SharedV4FileDataUrl(url="https://example.com/image.jpg"),
            "image/jpg",
        ),
        (
            FilePart(data="data:image/jpg;base64,dGVzdA==", media_type="image/jpg"),
            SharedV4FileDataData(data="dGVzdA=="),
            "image/jpg",
        ),
        # detection is limited to image types: text starting with "BM" stays text
        (
            FilePart(data=b"BMI,height", media_type="text/csv"),
            SharedV4FileDataData(data=b"BMI,height"),
            "text/csv",
        ),
        # any scheme makes a URL (the model may fetch gs: itself)
        (
            FilePart(data="gs://bucket/a.pdf", media_type="application/pdf"),
            SharedV4FileDataUrl(url="gs://bucket/a.pdf"),
            "application/pdf",
        ),
    ],
)
async def test_user_file_and_image_parts(part: Any, data: Any, media_type: str) -> None:
    result = await convert(
        UserModelMessage(content=[part]), supported_urls={"*": [re.compile(r"^(https|gs):")]}
    )
    assert result == [user_file(data, media_type)]


@pytest.mark.anyio
async def test_empty_user_text_parts_are_dropped_but_empty_string_content_is_kept() -> None:
    assert await convert(
        UserModelMessage(content=[TextPart(text=""), TextPart(text="hello, world!")]),
        UserModelMessage(content=""),
    ) == [
        LanguageModelV4UserMessage(content=[LanguageModelV4TextPart(text="hello, world!")]),
        LanguageModelV4UserMessage(content=[LanguageModelV4TextPart(text="")]),
    ]


@pytest.mark.anyio
async def test_provider_options_of_messages_and_parts_are_kept() -> None:
    options = {"test-provider": {"key-a": "test-value-1", "key-b": "test-value-2"}}
    result = await convert(
        UserModelMessage(
            content=[TextPart(text="hello, world!", provider_options=options)],
            provider_options=options,
        )
    )
    assert result == [
        LanguageModelV4UserMessage(
            content=[LanguageModelV4TextPart(text="hello, world!", provider_options=options)],
            provider_options=options,
        )
    ]


@pytest.mark.anyio
async def test_urls_left_undownloaded_stay_urls() -> None:
    image_a, file_url, image_b = (
        "http://example.com/my-image-A.png",
        "http://127.0.0.1:3000/file",
        "http://example.com/my-image-B.png",
    )
    png_a, png_b = PNG[:8] + b"\x00", PNG[:8] + b"\x01"
    result = await convert(
        UserModelMessage(
            content=[
                ImagePart(image=image_a, media_type="image/png"),
                FilePart(data=file_url, media_type="application/octet-stream"),
                ImagePart(image=image_b, media_type="image/png"),
            ]
        ),
        supported_urls={"*": [re.compile(r"^https://.*$")]},
        download=RecordingDownload(
            DownloadedFile(data=png_a, media_type="image/png"),
            None,
            DownloadedFile(data=png_b, media_type="image/png"),
        ),
    )
    assert result == [
        LanguageModelV4UserMessage(
            content=[
                LanguageModelV4FilePart(
                    data=SharedV4FileDataData(data=png_a), media_type="image/png"
                ),
                LanguageModelV4FilePart(
                    data=SharedV4FileDataUrl(url=file_url), media_type="application/octet-stream"
                ),
                LanguageModelV4FilePart(
                    data=SharedV4FileDataData(data=png_b), media_type="image/png"
                ),
            ]
        )
    ]


@pytest.mark.anyio
async def test_urls_are_downloaded_from_a_real_server_in_parallel(file_server: FileServer) -> None:
    urls = [file_server.url(f"/together/{index}") for index in range(3)]
    async with httpx.AsyncClient() as client:
        result = await convert(
            UserModelMessage(content=[FilePart(data=url, media_type="text/plain") for url in urls]),
            download=create_default_download_function(
                partial(download, http_client=client, allow_private_network=True)
            ),
        )
    assert result == [
        LanguageModelV4UserMessage(
            content=[
                LanguageModelV4FilePart(
                    data=SharedV4FileDataData(data=f"/together/{index}".encode()),
                    media_type="text/plain",
                )
                for index in range(3)
            ]
        )
    ]


@pytest.mark.anyio
async def test_the_default_download_refuses_private_addresses(file_server: FileServer) -> None:
    with pytest.raises(DownloadError, match=r"URL with IP address 127\.0\.0\.1 is not allowed"):
        await convert(
            UserModelMessage(
                content=[FilePart(data=file_server.url("/text"), media_type="text/plain")]
            ),
            download=None,
        )
    assert file_server.requests == []


@pytest.mark.anyio
async def test_tagged_file_data_written_as_dicts_is_recognized() -> None:
    messages = standardize_prompt(
        messages=[
            {
                "role": "user",
                "content": [
                    {
                        "type": "file",
                        "data": {"type": "url", "url": "https://x.example/a.pdf"},
                        "mediaType": "application/pdf",
                    },
                    {
                        "type": "file",
                        "data": {"type": "text", "text": "inline"},
                        "mediaType": "text/plain",
                    },
                    {
                        "type": "file",
                        "data": {"type": "data", "data": "aGVsbG8="},
                        "mediaType": "text/plain",
                    },
                    {"type": "file", "data": {"openai": "file-1"}, "mediaType": "application/pdf"},
                ],
            }
        ]
    ).messages
    result = await convert(*messages, supported_urls={"*": [re.compile("^https:")]})
    assert result == [
        LanguageModelV4UserMessage(
            content=[
                LanguageModelV4FilePart(
                    data=SharedV4FileDataUrl(url="https://x.example/a.pdf"),
                    media_type="application/pdf",
                ),
                LanguageModelV4FilePart(
                    data=SharedV4FileDataText(text="inline"), media_type="text/plain"
                ),
                LanguageModelV4FilePart(
                    data=SharedV4FileDataData(data=b"hello"), media_type="text/plain"
                ),
                LanguageModelV4FilePart(
                    data=SharedV4FileDataReference(reference={"openai": "file-1"}),
                    media_type="application/pdf",
                ),
            ]
        )
    ]


# --- file data forms (file-part-data.test.ts) --------------------------------------------------


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (b"\x01\x02\x03", (SharedV4FileDataData(data=b"\x01\x02\x03"), None)),
        (bytearray(b"\x04\x05"), (SharedV4FileDataData(data=b"\x04\x05"), None)),
        ("aGVsbG8=", (SharedV4FileDataData(data="aGVsbG8="), None)),
        (
            "https://example.com/file.pdf",
            (SharedV4FileDataUrl(url="https://example.com/file.pdf"), None),
        ),
        ("data:text/plain;base64,aGVsbG8=", (SharedV4FileDataData(data="aGVsbG8="), "text/plain")),
        (REFERENCE, (SharedV4FileDataReference(reference=REFERENCE), None)),
        (SharedV4FileDataData(data=b"\x01"), (SharedV4FileDataData(data=b"\x01"), None)),
        (SharedV4FileDataData(data="aGVsbG8="), (SharedV4FileDataData(data="aGVsbG8="), None)),
        (
            SharedV4FileDataUrl(url="https://example.com/f"),
            (SharedV4FileDataUrl(url="https://example.com/f"), None),
        ),
        (
            SharedV4FileDataUrl(url="data:text/plain;base64,aGVsbG8="),
            (SharedV4FileDataData(data="aGVsbG8="), "text/plain"),
        ),
        (
            SharedV4FileDataReference(reference=REFERENCE),
            (SharedV4FileDataReference(reference=REFERENCE), None),
        ),
        (SharedV4FileDataText(text="hello"), (SharedV4FileDataText(text="hello"), None)),
    ],
)
def test_file_data_forms(content: Any, expected: Any) -> None:
    assert convert_to_file_data(content) == expected


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (
            SharedV4FileDataData(data="data:text/plain;base64,aGVsbG8="),
            "Data URLs are not valid inline data",
        ),
        ("data:text/plain", "Invalid data URL format in content data:text/plain"),
        (42, "Invalid data content"),
    ],
)
def test_invalid_file_data(content: Any, message: str) -> None:
    with pytest.raises(InvalidDataContentError, match=message):
        convert_to_file_data(content)


# --- assistant messages ------------------------------------------------------------------------


async def convert_assistant(*parts: Any) -> LanguageModelV4Message:
    """The converted assistant message; approval-1 is answered, so call-1 needs no result."""
    approval = ToolModelMessage(
        content=[ToolApprovalResponse(approval_id="approval-1", approved=True)]
    )
    [message] = await convert(AssistantModelMessage(content=list(parts)), approval)
    return message


@pytest.mark.anyio
async def test_assistant_string_content() -> None:
    assert await convert(AssistantModelMessage(content="hi")) == [
        LanguageModelV4AssistantMessage(content=[LanguageModelV4TextPart(text="hi")])
    ]


@pytest.mark.anyio
async def test_assistant_parts() -> None:
    options = {"test-provider": {"key-a": "test-value-1"}}
    result = await convert_assistant(
        CustomPart(
            kind="test-provider.compaction", provider_options={"openai": {"itemId": "cmp_123"}}
        ),
        TextPart(text=""),  # dropped: empty, no provider options
        TextPart(text="", provider_options=options),  # kept
        ReasoningPart(text="I'm thinking"),
        ReasoningPart(
            text="redacted-reasoning-data", provider_options={"test-provider": {"redacted": True}}
        ),
        ReasoningFilePart(data="iVBORw0KGgo=", media_type="image/png", provider_options=options),
        ReasoningFilePart(data=PNG, media_type="image/png"),
        FilePart(
            data="dGVzdA==",
            media_type="application/pdf",
            filename="test-document.pdf",
            provider_options=options,
        ),
        FilePart(data=REFERENCE, media_type="application/pdf", filename="doc.pdf"),
        TextPart(text="hello, world!"),
        ToolCallPart(tool_call_id="call-1", tool_name="tool", input={}, provider_options=options),
        ToolApprovalRequest(approval_id="approval-1", tool_call_id="call-1"),  # dropped
        ToolCallPart(
            tool_call_id="call-2", tool_name="tool", input={"a": 1}, provider_executed=True
        ),
        ToolResultPart(
            tool_call_id="call-2",
            tool_name="tool",
            output=LanguageModelV4ToolResultOutputJson(value={"some": "result"}),
            provider_options=options,
        ),
    )
    assert result == LanguageModelV4AssistantMessage(
        content=[
            LanguageModelV4CustomPart(
                kind="test-provider.compaction", provider_options={"openai": {"itemId": "cmp_123"}}
            ),
            LanguageModelV4TextPart(text="", provider_options=options),
            LanguageModelV4ReasoningPart(text="I'm thinking"),
            LanguageModelV4ReasoningPart(
                text="redacted-reasoning-data",
                provider_options={"test-provider": {"redacted": True}},
            ),
            LanguageModelV4ReasoningFilePart(
                data=SharedV4FileDataData(data="iVBORw0KGgo="),
                media_type="image/png",
                provider_options=options,
            ),
            LanguageModelV4ReasoningFilePart(
                data=SharedV4FileDataData(data=PNG), media_type="image/png"
            ),
            LanguageModelV4FilePart(
                data=SharedV4FileDataData(data="dGVzdA=="),
                media_type="application/pdf",
                filename="test-document.pdf",
                provider_options=options,
            ),
            LanguageModelV4FilePart(
                data=SharedV4FileDataReference(reference=REFERENCE),
                media_type="application/pdf",
                filename="doc.pdf",
            ),
            LanguageModelV4TextPart(text="hello, world!"),
            LanguageModelV4ToolCallPart(
                tool_call_id="call-1", tool_name="tool", input={}, provider_options=options
            ),
            LanguageModelV4ToolCallPart(
                tool_call_id="call-2", tool_name="tool", input={"a": 1}, provider_executed=True
            ),
            LanguageModelV4ToolResultPart(
                tool_call_id="call-2",
                tool_name="tool",
                output=LanguageModelV4ToolResultOutputJson(value={"some": "result"}),
                provider_options=options,
            ),
        ]
    )


# --- tool messages and tool results ------------------------------------------------------------


def tool_call(tool_call_id: str, **options: Any) -> ToolCallPart:
    return ToolCallPart(tool_call_id=tool_call_id, tool_name="toolName", input={}, **options)


def tool_result(tool_call_id: str, output: Any = None, **options: Any) -> ToolResultPart:
    return ToolResultPart(
        tool_call_id=tool_call_id,
        tool_name="toolName",
        output=output or LanguageModelV4ToolResultOutputText(value="result"),
        **options,
    )


def prompt_call(tool_call_id: str, **options: Any) -> LanguageModelV4ToolCallPart:
    return LanguageModelV4ToolCallPart(
        tool_call_id=tool_call_id, tool_name="toolName", input={}, **options
    )


def prompt_result(
    tool_call_id: str, output: Any = None, **options: Any
) -> LanguageModelV4ToolResultPart:
    return LanguageModelV4ToolResultPart(
        tool_call_id=tool_call_id,
        tool_name="toolName",
        output=output or LanguageModelV4ToolResultOutputText(value="result"),
        **options,
    )


@pytest.mark.anyio
async def test_approval_responses_are_dropped_and_tool_messages_combined() -> None:
    output = LanguageModelV4ToolResultOutputJson(value={"some": "result"})
    result = await convert(
        AssistantModelMessage(
            content=[
                tool_call("toolCallId"),
                ToolApprovalRequest(approval_id="approvalId", tool_call_id="toolCallId"),
            ]
        ),
        ToolModelMessage(content=[ToolApprovalResponse(approval_id="approvalId", approved=True)]),
        ToolModelMessage(content=[tool_result("toolCallId", output)]),
    )
    assert result == [
        LanguageModelV4AssistantMessage(content=[prompt_call("toolCallId")]),
        LanguageModelV4ToolMessage(content=[prompt_result("toolCallId", output)]),
    ]


@pytest.mark.anyio
async def test_combining_tool_messages_moves_message_options_to_the_last_part() -> None:
    result = await convert(
        AssistantModelMessage(content=[tool_call("toolCallId1"), tool_call("toolCallId2")]),
        ToolModelMessage(
            content=[
                tool_result(
                    "toolCallId1",
                    provider_options={"test": {"cacheControl": "part", "partOnly": True}},
                )
            ],
            provider_options={"test": {"cacheControl": "first-message", "messageOnly": True}},
        ),
        ToolModelMessage(
            content=[tool_result("toolCallId2")],
            provider_options={"test": {"cacheControl": "second-message"}},
        ),
    )
    assert result == [
        LanguageModelV4AssistantMessage(
            content=[prompt_call("toolCallId1"), prompt_call("toolCallId2")]
        ),
        LanguageModelV4ToolMessage(
            content=[
                prompt_result(
                    "toolCallId1",
                    provider_options={
                        "test": {"cacheControl": "part", "messageOnly": True, "partOnly": True}
                    },
                ),
                prompt_result("toolCallId2"),
            ],
            provider_options={"test": {"cacheControl": "second-message"}},
        ),
    ]


@pytest.mark.anyio
async def test_provider_executed_tool_calls_need_no_result() -> None:
    result = await convert(
        AssistantModelMessage(content=[tool_call("call_1", provider_executed=True)])
    )
    assert result == [
        LanguageModelV4AssistantMessage(content=[prompt_call("call_1", provider_executed=True)])
    ]


@pytest.mark.anyio
async def test_an_approval_response_stands_in_for_the_result() -> None:
    result = await convert(
        AssistantModelMessage(
            content=[
                tool_call("call_to_approve"),
                ToolApprovalRequest(approval_id="approval_123", tool_call_id="call_to_approve"),
            ]
        ),
        ToolModelMessage(content=[ToolApprovalResponse(approval_id="approval_123", approved=True)]),
    )
    assert result == [LanguageModelV4AssistantMessage(content=[prompt_call("call_to_approve")])]


@pytest.mark.anyio
async def test_provider_executed_approval_responses_are_kept() -> None:
    result = await convert(
        AssistantModelMessage(
            content=[
                tool_call("call_provider_executed", provider_executed=True),
                ToolApprovalRequest(
                    approval_id="approval_provider", tool_call_id="call_provider_executed"
                ),
            ]
        ),
        ToolModelMessage(
            content=[
                ToolApprovalResponse(
                    approval_id="approval_provider",
                    approved=False,
                    reason="no",
                    provider_executed=True,
                )
            ]
        ),
    )
    assert result == [
        LanguageModelV4AssistantMessage(
            content=[prompt_call("call_provider_executed", provider_executed=True)]
        ),
        LanguageModelV4ToolMessage(
            content=[
                LanguageModelV4ToolApprovalResponsePart(
                    approval_id="approval_provider", approved=False, reason="no"
                )
            ]
        ),
    ]


@pytest.mark.anyio
async def test_missing_tool_results_raise() -> None:
    with pytest.raises(MissingToolResultsError) as caught:
        await convert(
            AssistantModelMessage(content=[tool_call("call_missing_result"), tool_call("call_2")])
        )
    assert caught.value.tool_call_ids == ["call_missing_result", "call_2"]


@pytest.mark.anyio
async def test_results_must_come_before_the_next_user_message() -> None:
    with pytest.raises(MissingToolResultsError, match="call_1"):
        await convert(
            AssistantModelMessage(content=[tool_call("call_1")]),
            UserModelMessage(content="next"),
            ToolModelMessage(content=[tool_result("call_1")]),
        )


@pytest.mark.anyio
async def test_tool_result_outputs_pass_through() -> None:
    content = LanguageModelV4ToolResultOutputContent(
        value=[
            LanguageModelV4ToolResultContentText(text="text"),
            LanguageModelV4ToolResultContentFile(
                data=SharedV4FileDataData(data="dGVzdA=="),
                media_type="image/png",
                filename="image.png",
            ),
            LanguageModelV4ToolResultContentFile(
                data=SharedV4FileDataUrl(url="https://example.com/image.png"),
                media_type="image/png",
            ),
            LanguageModelV4ToolResultContentFile(
                data=SharedV4FileDataReference(reference={"test-provider": "fileId"}),
                media_type="application/pdf",
            ),
            LanguageModelV4ToolResultContentFile(
                data=SharedV4FileDataText(text="inline text"), media_type="text/plain"
            ),
            LanguageModelV4ToolResultContentCustom(
                provider_options={"test-provider": {"key-a": "test-value-1"}}
            ),
        ]
    )
    options = {"test-provider": {"key-a": "test-value-1"}}
    result = await convert(
        AssistantModelMessage(content=[tool_call("a"), tool_call("b")]),
        ToolModelMessage(
            content=[
                tool_result(
                    "a",
                    LanguageModelV4ToolResultOutputJson(value={"some": "result"}),
                    provider_options=options,
                ),
                tool_result("b", content),
            ]
        ),
        supported_urls={"image/*": [re.compile(r"^https://")]},
    )
    assert result[1] == LanguageModelV4ToolMessage(
        content=[
            prompt_result(
                "a",
                LanguageModelV4ToolResultOutputJson(value={"some": "result"}),
                provider_options=options,
            ),
            prompt_result("b", content),
        ]
    )


@pytest.mark.anyio
@pytest.mark.parametrize("role", ["tool", "assistant"])
async def test_files_in_tool_results_are_downloaded(role: str) -> None:
    url = "https://example.com/image.png"
    output = LanguageModelV4ToolResultOutputContent(
        value=[
            LanguageModelV4ToolResultContentFile(
                data=SharedV4FileDataUrl(url=url), media_type="image/png"
            )
        ]
    )
    recording = RecordingDownload(DownloadedFile(data=BYTES, media_type="image/png"))
    messages: list[ModelMessage] = (
        [
            AssistantModelMessage(content=[tool_call("id")]),
            ToolModelMessage(content=[tool_result("id", output)]),
        ]
        if role == "tool"
        else [AssistantModelMessage(content=[tool_result("id", output)])]
    )
    result = await convert(*messages, download=recording)
    assert recording.calls == [[DownloadRequest(url=url, is_url_supported_by_model=False)]]
    downloaded = LanguageModelV4ToolResultOutputContent(
        value=[
            LanguageModelV4ToolResultContentFile(
                data=SharedV4FileDataData(data=BYTES), media_type="image/png"
            )
        ]
    )
    last = result[-1]
    assert isinstance(last, LanguageModelV4ToolMessage | LanguageModelV4AssistantMessage)
    assert last.content == [prompt_result("id", downloaded)]


@pytest.mark.anyio
async def test_messages_are_not_modified() -> None:
    part = tool_result("a", provider_options={"p": {"part": 1}})
    first = ToolModelMessage(content=[part], provider_options={"p": {"message": 1}})
    await convert(
        AssistantModelMessage(content=[tool_call("a"), tool_call("b")]),
        first,
        ToolModelMessage(content=[tool_result("b")]),
    )
    assert part.provider_options == {"p": {"part": 1}}
    assert first.provider_options == {"p": {"message": 1}}
