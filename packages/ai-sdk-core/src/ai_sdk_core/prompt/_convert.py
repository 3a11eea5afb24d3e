"""User messages → the provider prompt.

Port of ``convert-to-language-model-prompt.ts`` and ``file-part-data.ts``: instructions become
system messages, image parts become file parts, file data becomes tagged ``SharedV4FileData``,
URLs the model does not support are downloaded and inlined, tool-approval requests are dropped
(responses are kept only for provider-executed tools), consecutive tool messages are merged, and
tool calls without results are refused.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import cast

from ai_sdk_core._errors import (
    InvalidDataContentError,
    MissingToolResultsError,
)
from ai_sdk_core._merge_objects import merge_objects
from ai_sdk_core.provider._language_model import SupportedUrls
from ai_sdk_core.provider._language_model_prompt import (
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
    LanguageModelV4ToolResultContentFile,
    LanguageModelV4ToolResultOutput,
    LanguageModelV4ToolResultOutputContent,
    LanguageModelV4ToolResultPart,
    LanguageModelV4UserMessage,
)
from ai_sdk_core.provider._shared import (
    SharedV4FileData,
    SharedV4FileDataData,
    SharedV4FileDataReference,
    SharedV4FileDataText,
    SharedV4FileDataUrl,
    SharedV4ProviderOptions,
)

from ._download import (
    DownloadedFile,
    DownloadFunction,
    DownloadRequest,
    create_default_download_function,
)
from ._media_type import (
    detect_media_type,
    get_top_level_media_type,
    is_full_media_type,
    is_url_supported,
    split_data_url,
)
from ._messages import (
    AssistantModelMessage,
    CustomPart,
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
)

__all__ = ["convert_to_language_model_prompt"]

# What ``new URL(text)`` accepts starts with a scheme; base64 never contains ``:``.
_URL_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.\-]*:")
_FILE_DATA_TAGS = ("data", "url", "reference", "text")

_Downloads = Mapping[str, DownloadedFile]
_UserPart = LanguageModelV4TextPart | LanguageModelV4FilePart
_AssistantPart = (
    LanguageModelV4TextPart
    | LanguageModelV4FilePart
    | LanguageModelV4CustomPart
    | LanguageModelV4ReasoningPart
    | LanguageModelV4ReasoningFilePart
    | LanguageModelV4ToolCallPart
    | LanguageModelV4ToolResultPart
)


async def convert_to_language_model_prompt(
    *,
    instructions: str | SystemModelMessage | Sequence[SystemModelMessage] | None,
    messages: Sequence[ModelMessage],
    supported_urls: SupportedUrls,
    download: DownloadFunction | None = None,
    provider: str | None = None,
) -> list[LanguageModelV4Message]:
    """The provider prompt for standardized ``instructions`` and ``messages``.

    URLs of user files and tool-result files that ``supported_urls`` does not match are
    downloaded with ``download`` (default: :func:`create_default_download_function`). Raises
    :class:`MissingToolResultsError` when a tool call has neither a result nor an approval.
    ``provider`` is accepted for parity with TS, which needs it only for legacy tool-output
    types that the Python message types do not have.
    """
    downloads = await _download_assets(messages, download, supported_urls)
    prompt: list[LanguageModelV4Message] = [*_system_messages(instructions)]
    for message in messages:
        converted = _convert_message(message, downloads)
        previous = prompt[-1] if prompt else None
        if isinstance(converted, LanguageModelV4ToolMessage) and isinstance(
            previous, LanguageModelV4ToolMessage
        ):
            _merge_tool_messages(previous, converted)
        else:
            prompt.append(converted)
    _check_tool_results(prompt, _approved_tool_call_ids(messages))
    # tool messages left empty (only non-provider approval responses) are not sent
    return [
        message
        for message in prompt
        if not isinstance(message, LanguageModelV4ToolMessage) or message.content
    ]


def _system_messages(
    instructions: str | SystemModelMessage | Sequence[SystemModelMessage] | None,
) -> list[LanguageModelV4SystemMessage]:
    if instructions is None:
        return []
    if isinstance(instructions, str):
        return [LanguageModelV4SystemMessage(content=instructions)]
    if isinstance(instructions, SystemModelMessage):
        instructions = [instructions]
    return [
        LanguageModelV4SystemMessage(
            content=message.content, provider_options=message.provider_options
        )
        for message in instructions
    ]


def _merge_tool_messages(
    target: LanguageModelV4ToolMessage, source: LanguageModelV4ToolMessage
) -> None:
    """Append ``source`` to ``target``; ``target``'s provider options move to its last part."""
    if target.content and target.provider_options is not None:
        last = target.content[-1]
        last.provider_options = merge_objects(target.provider_options, last.provider_options)
    target.content.extend(source.content)
    target.provider_options = source.provider_options


def _approved_tool_call_ids(messages: Sequence[ModelMessage]) -> set[str]:
    """Tool calls with an approval response (approved or not): they need no result."""
    tool_call_ids = {
        part.approval_id: part.tool_call_id
        for message in messages
        if isinstance(message, AssistantModelMessage) and not isinstance(message.content, str)
        for part in message.content
        if isinstance(part, ToolApprovalRequest)
    }
    return {
        tool_call_ids[part.approval_id]
        for message in messages
        if isinstance(message, ToolModelMessage)
        for part in message.content
        if isinstance(part, ToolApprovalResponse) and part.approval_id in tool_call_ids
    }


def _check_tool_results(prompt: Sequence[LanguageModelV4Message], approved: set[str]) -> None:
    """Every client-side tool call needs a result before the next user or system message."""
    pending: dict[str, None] = {}
    for message in prompt:
        if isinstance(message, LanguageModelV4AssistantMessage):
            for part in message.content:
                if isinstance(part, LanguageModelV4ToolCallPart) and not part.provider_executed:
                    pending[part.tool_call_id] = None
        elif isinstance(message, LanguageModelV4ToolMessage):
            for part in message.content:
                if isinstance(part, LanguageModelV4ToolResultPart):
                    pending.pop(part.tool_call_id, None)
        else:
            _raise_if_pending(pending, approved)
    _raise_if_pending(pending, approved)


def _raise_if_pending(pending: dict[str, None], approved: set[str]) -> None:
    for tool_call_id in approved:
        pending.pop(tool_call_id, None)
    if pending:
        raise MissingToolResultsError(tool_call_ids=list(pending))


def _convert_message(message: ModelMessage, downloads: _Downloads) -> LanguageModelV4Message:
    if isinstance(message, SystemModelMessage):
        return LanguageModelV4SystemMessage(
            content=message.content, provider_options=message.provider_options
        )
    if isinstance(message, UserModelMessage):
        content: list[_UserPart]
        if isinstance(message.content, str):
            content = [LanguageModelV4TextPart(text=message.content)]
        else:
            content = [
                _convert_user_part(part, downloads)
                for part in message.content
                if not isinstance(part, TextPart) or part.text
            ]
        return LanguageModelV4UserMessage(
            content=content, provider_options=message.provider_options
        )
    if isinstance(message, AssistantModelMessage):
        parts: list[_AssistantPart]
        if isinstance(message.content, str):
            parts = [LanguageModelV4TextPart(text=message.content)]
        else:
            parts = [
                _convert_assistant_part(part, downloads)
                for part in message.content
                if not isinstance(part, ToolApprovalRequest)
                # empty text is dropped unless it carries provider options
                and not (
                    isinstance(part, TextPart) and not part.text and part.provider_options is None
                )
            ]
        return LanguageModelV4AssistantMessage(
            content=parts, provider_options=message.provider_options
        )
    return LanguageModelV4ToolMessage(
        content=[
            _convert_tool_part(part, downloads)
            for part in message.content
            # approval responses go to the model only for provider-executed tools
            if not isinstance(part, ToolApprovalResponse) or part.provider_executed
        ],
        provider_options=message.provider_options,
    )


def _convert_user_part(
    part: TextPart | ImagePart | FilePart, downloads: _Downloads
) -> LanguageModelV4TextPart | LanguageModelV4FilePart:
    if isinstance(part, TextPart):
        return LanguageModelV4TextPart(text=part.text, provider_options=part.provider_options)
    file = _as_file_part(part)
    return _convert_file(
        file.data, file.media_type, file.filename, file.provider_options, downloads
    )


def _as_file_part(part: ImagePart | FilePart) -> FilePart:
    """An image part is a file part whose media type defaults to ``image``."""
    if isinstance(part, FilePart):
        return part
    return FilePart(
        data=part.image,
        media_type=part.media_type or "image",
        provider_options=part.provider_options,
    )


def _convert_file(
    data: object,
    media_type: str,
    filename: str | None,
    provider_options: SharedV4ProviderOptions | None,
    downloads: _Downloads,
) -> LanguageModelV4FilePart:
    """A file part with downloaded URLs inlined and image subtypes detected from the bytes."""
    file_data, data_url_media_type = convert_to_file_data(data)
    if data_url_media_type is not None:
        media_type = data_url_media_type
    if isinstance(file_data, SharedV4FileDataUrl) and (downloaded := downloads.get(file_data.url)):
        file_data = SharedV4FileDataData(data=downloaded.data)
        if downloaded.media_type is not None and not is_full_media_type(media_type):
            media_type = downloaded.media_type
    if (
        isinstance(file_data, SharedV4FileDataData)
        and get_top_level_media_type(media_type) == "image"
    ):
        media_type = detect_media_type(file_data.data, top_level_type="image") or media_type
    return LanguageModelV4FilePart(
        data=file_data, media_type=media_type, filename=filename, provider_options=provider_options
    )


def _convert_assistant_part(
    part: TextPart
    | CustomPart
    | FilePart
    | ReasoningPart
    | ReasoningFilePart
    | ToolCallPart
    | ToolResultPart,
    downloads: _Downloads,
) -> _AssistantPart:
    options = part.provider_options
    if isinstance(part, TextPart):
        return LanguageModelV4TextPart(text=part.text, provider_options=options)
    if isinstance(part, CustomPart):
        return LanguageModelV4CustomPart(kind=part.kind, provider_options=options)
    if isinstance(part, ReasoningPart):
        return LanguageModelV4ReasoningPart(text=part.text, provider_options=options)
    if isinstance(part, FilePart):
        file_data, data_url_media_type = convert_to_file_data(part.data)
        return LanguageModelV4FilePart(
            data=file_data,
            media_type=part.media_type if data_url_media_type is None else data_url_media_type,
            filename=part.filename,
            provider_options=options,
        )
    if isinstance(part, ReasoningFilePart):
        file_data, data_url_media_type = convert_to_file_data(part.data)
        if not isinstance(file_data, SharedV4FileDataData | SharedV4FileDataUrl):
            raise InvalidDataContentError(
                content=part.data, message=f"Unsupported reasoning-file data type: {file_data.type}"
            )
        return LanguageModelV4ReasoningFilePart(
            data=file_data,
            media_type=part.media_type if data_url_media_type is None else data_url_media_type,
            provider_options=options,
        )
    if isinstance(part, ToolCallPart):
        return LanguageModelV4ToolCallPart(
            tool_call_id=part.tool_call_id,
            tool_name=part.tool_name,
            input=part.input,
            provider_executed=part.provider_executed,
            provider_options=options,
        )
    return _convert_tool_result(part, downloads)


def _convert_tool_part(
    part: ToolResultPart | ToolApprovalResponse, downloads: _Downloads
) -> LanguageModelV4ToolResultPart | LanguageModelV4ToolApprovalResponsePart:
    if isinstance(part, ToolApprovalResponse):
        return LanguageModelV4ToolApprovalResponsePart(
            approval_id=part.approval_id, approved=part.approved, reason=part.reason
        )
    return _convert_tool_result(part, downloads)


def _convert_tool_result(
    part: ToolResultPart, downloads: _Downloads
) -> LanguageModelV4ToolResultPart:
    return LanguageModelV4ToolResultPart(
        tool_call_id=part.tool_call_id,
        tool_name=part.tool_name,
        output=_convert_output(part.output, downloads),
        provider_options=part.provider_options,
    )


def _convert_output(
    output: LanguageModelV4ToolResultOutput, downloads: _Downloads
) -> LanguageModelV4ToolResultOutput:
    """Files inside content outputs get the same treatment as user files."""
    if not isinstance(output, LanguageModelV4ToolResultOutputContent):
        return output
    return LanguageModelV4ToolResultOutputContent(
        value=[
            _as_content_file(
                _convert_file(
                    item.data, item.media_type, item.filename, item.provider_options, downloads
                )
            )
            if isinstance(item, LanguageModelV4ToolResultContentFile)
            else item
            for item in output.value
        ]
    )


def _as_content_file(part: LanguageModelV4FilePart) -> LanguageModelV4ToolResultContentFile:
    return LanguageModelV4ToolResultContentFile(
        data=part.data,
        media_type=part.media_type,
        filename=part.filename,
        provider_options=part.provider_options,
    )


def convert_to_file_data(content: object) -> tuple[SharedV4FileData, str | None]:
    """Any form of file data → tagged file data, plus the media type of a ``data:`` URL.

    Accepts tagged file data (dataclass or dict), bytes, a provider reference (a dict of
    provider → file id), or a string: a URL when it starts with a scheme (``https:``, ``gs:``,
    ``data:`` — data URLs are split into base64 and media type), else base64 data.
    """
    if isinstance(content, SharedV4FileDataData):
        if isinstance(content.data, str) and content.data.startswith("data:"):
            raise InvalidDataContentError(
                content=content.data,
                message="Data URLs are not valid inline data. "
                'Pass them as {"type": "url", "url": ...} instead.',
            )
        return content, None
    if isinstance(content, SharedV4FileDataUrl):
        return _url_file_data(content.url)
    if isinstance(content, SharedV4FileDataReference | SharedV4FileDataText):
        return content, None
    if isinstance(content, str):
        if _URL_SCHEME.match(content):
            return _url_file_data(content)
        return SharedV4FileDataData(data=content), None
    if isinstance(content, bytes | bytearray):
        return SharedV4FileDataData(data=bytes(content)), None
    if isinstance(content, Mapping):
        mapping = cast("Mapping[str, object]", content)
        if mapping.get("type") in _FILE_DATA_TAGS:  # tagged file data written as a dict
            from ai_sdk_core.wire import from_wire

            return convert_to_file_data(from_wire(SharedV4FileData, mapping))
        return SharedV4FileDataReference(reference=cast("dict[str, str]", dict(mapping))), None
    raise InvalidDataContentError(content=content)


def _url_file_data(url: str) -> tuple[SharedV4FileData, str | None]:
    if url[:5].lower() != "data:":
        return SharedV4FileDataUrl(url=url), None
    media_type, base64_content = split_data_url(url)
    if media_type is None or base64_content is None:
        raise InvalidDataContentError(
            content=url, message=f"Invalid data URL format in content {url}"
        )
    return SharedV4FileDataData(data=base64_content), media_type


async def _download_assets(
    messages: Sequence[ModelMessage],
    download: DownloadFunction | None,
    supported_urls: SupportedUrls,
) -> dict[str, DownloadedFile]:
    """Download the URLs of user files and tool-result files; URL → downloaded file."""
    planned = [
        DownloadRequest(
            url=file_data.url,
            is_url_supported_by_model=is_url_supported(
                media_type=media_type, url=file_data.url, supported_urls=supported_urls
            ),
        )
        for data, media_type in _downloadable_files(messages)
        if isinstance(file_data := convert_to_file_data(data)[0], SharedV4FileDataUrl)
    ]
    if not planned:
        return {}
    download = download or create_default_download_function()
    results = await download(planned)
    return {
        request.url: file
        for request, file in zip(planned, results, strict=True)
        if file is not None
    }


def _downloadable_files(messages: Sequence[ModelMessage]) -> list[tuple[object, str]]:
    """(data, media type) of every user file and every file in a tool-result output."""
    files: list[tuple[object, str]] = []
    for message in messages:
        if isinstance(message, UserModelMessage) and not isinstance(message.content, str):
            for part in message.content:
                if not isinstance(part, TextPart):
                    file = _as_file_part(part)
                    files.append((file.data, file.media_type))
        elif isinstance(message, ToolModelMessage | AssistantModelMessage) and not isinstance(
            message.content, str
        ):
            for part in message.content:
                if isinstance(part, ToolResultPart) and isinstance(
                    part.output, LanguageModelV4ToolResultOutputContent
                ):
                    files.extend(
                        (item.data, item.media_type)
                        for item in part.output.value
                        if isinstance(item, LanguageModelV4ToolResultContentFile)
                    )
    return files
