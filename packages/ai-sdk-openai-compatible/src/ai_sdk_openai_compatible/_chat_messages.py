"""The spec prompt as OpenAI chat messages (port of
``convert-to-openai-compatible-chat-messages.ts``).

Keys TS leaves ``undefined`` are left out of the message dicts; ``None`` here is JSON ``null``
(an assistant message with tool calls and no text has ``"content": null``). Options under
``provider_options["openaiCompatible"]`` of a message or part are merged into its dict.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Literal

from ai_sdk_core.errors import NoSuchProviderReferenceError, UnsupportedFunctionalityError
from ai_sdk_core.provider import (
    JSONValue,
    LanguageModelV4AssistantMessage,
    LanguageModelV4FilePart,
    LanguageModelV4Message,
    LanguageModelV4SystemMessage,
    LanguageModelV4TextPart,
    LanguageModelV4ToolCallPart,
    LanguageModelV4ToolResultContentFile,
    LanguageModelV4ToolResultContentPart,
    LanguageModelV4ToolResultContentText,
    LanguageModelV4ToolResultOutputContent,
    LanguageModelV4ToolResultOutputErrorJson,
    LanguageModelV4ToolResultOutputExecutionDenied,
    LanguageModelV4ToolResultOutputJson,
    LanguageModelV4ToolResultPart,
    LanguageModelV4UserMessage,
    SharedV4FileDataData,
    SharedV4FileDataReference,
    SharedV4FileDataText,
    SharedV4FileDataUrl,
    SharedV4ProviderOptions,
)
from ai_sdk_core.provider_utils import secure_json_parse
from ai_sdk_core.wire import to_wire

from ._json import stringify
from ._media import decode_text, resolve_full_media_type, to_base64

__all__ = ["convert_to_openai_compatible_chat_messages"]

_NO_OPTIONS: dict[str, Any] = {}


def _openai_compatible_options(provider_options: SharedV4ProviderOptions | None) -> dict[str, Any]:
    if provider_options is None:
        return _NO_OPTIONS
    return provider_options.get("openaiCompatible") or _NO_OPTIONS


def _audio_format(media_type: str) -> Literal["wav", "mp3"] | None:
    if media_type == "audio/wav":
        return "wav"
    if media_type in ("audio/mp3", "audio/mpeg"):
        return "mp3"
    return None


def _data_url(media_type: str, data: SharedV4FileDataData | SharedV4FileDataUrl) -> str:
    if isinstance(data, SharedV4FileDataUrl):
        return data.url
    return f"data:{resolve_full_media_type(media_type, data.data)};base64,{to_base64(data.data)}"


def _content_part(
    part: LanguageModelV4TextPart | LanguageModelV4FilePart | LanguageModelV4ToolResultContentPart,
    provider: str,
) -> dict[str, Any]:
    metadata = _openai_compatible_options(part.provider_options)
    if isinstance(part, LanguageModelV4TextPart | LanguageModelV4ToolResultContentText):
        return {"type": "text", "text": part.text, **metadata}
    if not isinstance(part, LanguageModelV4FilePart | LanguageModelV4ToolResultContentFile):
        raise UnsupportedFunctionalityError(functionality="custom tool content parts")

    data = part.data
    top_level = part.media_type.partition("/")[0]
    if isinstance(data, SharedV4FileDataReference):
        file_id = data.reference.get(provider)
        if file_id is None:
            raise NoSuchProviderReferenceError(provider=provider, reference=data.reference)
        return {"type": "file", "file": {"file_id": file_id}, **metadata}
    if isinstance(data, SharedV4FileDataText):
        if top_level == "text":
            return {"type": "text", "text": data.text, **metadata}
        raise UnsupportedFunctionalityError(functionality="text file parts")

    if top_level == "image":
        return {
            "type": "image_url",
            "image_url": {"url": _data_url(part.media_type, data)},
            **metadata,
        }
    if top_level == "video":
        return {
            "type": "video_url",
            "video_url": {"url": _data_url(part.media_type, data)},
            **metadata,
        }
    if top_level == "text":
        text = data.url if isinstance(data, SharedV4FileDataUrl) else decode_text(data.data)
        return {"type": "text", "text": text, **metadata}
    if top_level == "audio":
        if isinstance(data, SharedV4FileDataUrl):
            raise UnsupportedFunctionalityError(functionality="audio file parts with URLs")
        inline = data.data
        media_type = resolve_full_media_type(part.media_type, inline)
        audio_format = _audio_format(media_type)
        if audio_format is None:
            raise UnsupportedFunctionalityError(functionality=f"audio media type {media_type}")
        return {
            "type": "input_audio",
            "input_audio": {"data": to_base64(inline), "format": audio_format},
            **metadata,
        }
    if top_level == "application":
        if isinstance(data, SharedV4FileDataUrl):
            raise UnsupportedFunctionalityError(functionality="PDF file parts with URLs")
        inline = data.data
        media_type = resolve_full_media_type(part.media_type, inline)
        if media_type != "application/pdf":
            raise UnsupportedFunctionalityError(functionality=f"file part media type {media_type}")
        return {
            "type": "file",
            "file": {
                "filename": part.filename if part.filename is not None else "document.pdf",
                "file_data": f"data:application/pdf;base64,{to_base64(inline)}",
            },
            **metadata,
        }
    raise UnsupportedFunctionalityError(functionality=f"file part media type {part.media_type}")


def _tool_call_arguments(value: JSONValue) -> str:
    """The arguments JSON: a string that already is JSON is sent as it is."""
    if isinstance(value, str):
        try:
            secure_json_parse(value)
        except (ValueError, RecursionError):
            return stringify(value)
        return value
    return stringify(value)


def _thought_signature(part: LanguageModelV4ToolCallPart, key: str) -> Any:
    options = part.provider_options
    if options is None:
        return None
    signature = (options.get(key) or {}).get("thoughtSignature")
    if signature is None:
        signature = (options.get("google") or {}).get("thoughtSignature")
    return signature


def _js_string(value: Any) -> str:
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "true" if value else "false"
    return stringify(value)


def _assistant_message(
    message: LanguageModelV4AssistantMessage, provider_options_key: str
) -> dict[str, Any]:
    text = ""
    reasoning = ""
    tool_calls: list[dict[str, Any]] = []
    for part in message.content:
        if part.type == "text":
            text += part.text
        elif part.type == "reasoning":
            reasoning += part.text
        elif isinstance(part, LanguageModelV4ToolCallPart):
            tool_call: dict[str, Any] = {
                "id": part.tool_call_id,
                "type": "function",
                "function": {"name": part.tool_name, "arguments": _tool_call_arguments(part.input)},
                **_openai_compatible_options(part.provider_options),
            }
            signature = _thought_signature(part, provider_options_key)
            if signature:
                tool_call["extra_content"] = {
                    "google": {"thought_signature": _js_string(signature)}
                }
            tool_calls.append(tool_call)

    converted: dict[str, Any] = {
        "role": "assistant",
        "content": (text or None) if tool_calls else text,
    }
    if reasoning:
        converted["reasoning_content"] = reasoning
    if tool_calls:
        converted["tool_calls"] = tool_calls
    converted.update(_openai_compatible_options(message.provider_options))
    return converted


def _tool_result_content(
    part: LanguageModelV4ToolResultPart, provider: str, supports_multi_part_tool_content: bool
) -> str | list[dict[str, Any]]:
    output = part.output
    if isinstance(output, LanguageModelV4ToolResultOutputExecutionDenied):
        return output.reason if output.reason is not None else "Tool call execution denied."
    if isinstance(
        output, LanguageModelV4ToolResultOutputJson | LanguageModelV4ToolResultOutputErrorJson
    ):
        return stringify(output.value)
    if isinstance(output, LanguageModelV4ToolResultOutputContent):
        if supports_multi_part_tool_content:
            return [_content_part(item, provider) for item in output.value]
        return stringify(to_wire(output.value))
    return output.value


def convert_to_openai_compatible_chat_messages(
    prompt: Sequence[LanguageModelV4Message],
    *,
    provider: str = "openaiCompatible",
    provider_options_key: str = "google",
    supports_multi_part_tool_content: bool = False,
) -> list[dict[str, Any]]:
    """The OpenAI ``messages`` for ``prompt``.

    ``provider`` picks the file id of provider-reference files; ``provider_options_key`` is
    where tool calls' Gemini ``thoughtSignature`` is looked up (then under ``google``);
    ``supports_multi_part_tool_content`` sends multi-part tool results as content parts
    instead of JSON text. Unsupported file types raise
    :class:`~ai_sdk_core.errors.UnsupportedFunctionalityError`.
    """
    messages: list[dict[str, Any]] = []
    for message in prompt:
        if isinstance(message, LanguageModelV4SystemMessage):
            messages.append(
                {
                    "role": "system",
                    "content": message.content,
                    **_openai_compatible_options(message.provider_options),
                }
            )
        elif isinstance(message, LanguageModelV4UserMessage):
            content = message.content
            if len(content) == 1 and isinstance(content[0], LanguageModelV4TextPart):
                messages.append(
                    {
                        "role": "user",
                        "content": content[0].text,
                        **_openai_compatible_options(content[0].provider_options),
                    }
                )
            else:
                messages.append(
                    {
                        "role": "user",
                        "content": [_content_part(part, provider) for part in content],
                        **_openai_compatible_options(message.provider_options),
                    }
                )
        elif isinstance(message, LanguageModelV4AssistantMessage):
            messages.append(_assistant_message(message, provider_options_key))
        else:
            for part in message.content:
                if not isinstance(part, LanguageModelV4ToolResultPart):
                    continue  # tool approval responses are not sent
                messages.append(
                    {
                        "role": "tool",
                        "tool_call_id": part.tool_call_id,
                        "content": _tool_result_content(
                            part, provider, supports_multi_part_tool_content
                        ),
                        **_openai_compatible_options(part.provider_options),
                    }
                )
    return messages
