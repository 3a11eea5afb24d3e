"""The spec prompt as Groq chat messages (port of ``convert-to-groq-chat-messages.ts``).

Groq takes text and images in user messages (image URLs are passed on, inline images become
``data:`` URLs); other file parts raise :class:`UnsupportedFunctionalityError`. Assistant
messages carry their text as ``content`` (``""`` when there is none), their reasoning as
``reasoning`` (Groq accepts it back in multi-turn tool use) and their ``tool_calls``.
"""

from __future__ import annotations

import base64
from collections.abc import Sequence
from typing import Any

from ai_sdk_core.errors import UnsupportedFunctionalityError
from ai_sdk_core.prompt import detect_media_type, get_top_level_media_type, is_full_media_type
from ai_sdk_core.provider import (
    JSONValue,
    LanguageModelV4AssistantMessage,
    LanguageModelV4FilePart,
    LanguageModelV4Message,
    LanguageModelV4ReasoningPart,
    LanguageModelV4SystemMessage,
    LanguageModelV4TextPart,
    LanguageModelV4ToolCallPart,
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
)
from ai_sdk_core.provider_utils import secure_json_parse
from ai_sdk_core.wire import to_wire

from ._json import dumps, stringify

__all__ = ["convert_to_groq_chat_messages"]


def _full_media_type(part: LanguageModelV4FilePart, data: SharedV4FileDataData) -> str:
    """The part's media type with a subtype, sniffed from the bytes when it has none."""
    if is_full_media_type(part.media_type):
        return part.media_type
    detected = detect_media_type(
        data.data, top_level_type=get_top_level_media_type(part.media_type)
    )
    if detected:
        return detected
    raise UnsupportedFunctionalityError(
        functionality=f'file of media type "{part.media_type}" must specify subtype since it '
        "could not be auto-detected"
    )


def _image_url(part: LanguageModelV4FilePart) -> dict[str, Any]:
    data = part.data
    if isinstance(data, SharedV4FileDataReference):
        raise UnsupportedFunctionalityError(functionality="file parts with provider references")
    if isinstance(data, SharedV4FileDataText):
        raise UnsupportedFunctionalityError(functionality="text file parts")
    if get_top_level_media_type(part.media_type) != "image":
        raise UnsupportedFunctionalityError(functionality="Non-image file content parts")
    if isinstance(data, SharedV4FileDataUrl):
        url = data.url
    else:
        inline = data.data
        encoded = inline if isinstance(inline, str) else base64.b64encode(inline).decode("ascii")
        url = f"data:{_full_media_type(part, data)};base64,{encoded}"
    return {"type": "image_url", "image_url": {"url": url}}


def _tool_call_arguments(value: JSONValue) -> str:
    """The arguments as JSON text; a string that already is JSON is sent as it is."""
    if isinstance(value, str):
        try:
            secure_json_parse(value)
        except (ValueError, RecursionError):
            return dumps(value)
        return value
    return stringify(value)


def _assistant_message(message: LanguageModelV4AssistantMessage) -> dict[str, Any]:
    text = ""
    reasoning = ""
    tool_calls: list[dict[str, Any]] = []
    for part in message.content:
        if isinstance(part, LanguageModelV4TextPart):
            text += part.text
        elif isinstance(part, LanguageModelV4ReasoningPart):
            reasoning += part.text
        elif isinstance(part, LanguageModelV4ToolCallPart):
            tool_calls.append(
                {
                    "id": part.tool_call_id,
                    "type": "function",
                    "function": {
                        "name": part.tool_name,
                        "arguments": _tool_call_arguments(part.input),
                    },
                }
            )
    converted: dict[str, Any] = {"role": "assistant", "content": text}
    if reasoning:
        converted["reasoning"] = reasoning
    if tool_calls:
        converted["tool_calls"] = tool_calls
    return converted


def _tool_result_content(part: LanguageModelV4ToolResultPart) -> str:
    output = part.output
    if isinstance(output, LanguageModelV4ToolResultOutputExecutionDenied):
        return output.reason if output.reason is not None else "Tool call execution denied."
    if isinstance(
        output, LanguageModelV4ToolResultOutputJson | LanguageModelV4ToolResultOutputErrorJson
    ):
        return stringify(output.value)
    if isinstance(output, LanguageModelV4ToolResultOutputContent):
        return stringify(to_wire(output.value))
    return output.value  # text and error-text


def convert_to_groq_chat_messages(prompt: Sequence[LanguageModelV4Message]) -> list[dict[str, Any]]:
    """The Groq ``messages`` of ``prompt``.

    A user message with a single text part is sent as a string. Tool results become one
    ``role: "tool"`` message each (JSON results as JSON text); tool approval responses are not
    sent.
    """
    messages: list[dict[str, Any]] = []
    for message in prompt:
        if isinstance(message, LanguageModelV4SystemMessage):
            messages.append({"role": "system", "content": message.content})
        elif isinstance(message, LanguageModelV4UserMessage):
            content = message.content
            if len(content) == 1 and isinstance(content[0], LanguageModelV4TextPart):
                messages.append({"role": "user", "content": content[0].text})
            else:
                messages.append(
                    {
                        "role": "user",
                        "content": [
                            {"type": "text", "text": part.text}
                            if isinstance(part, LanguageModelV4TextPart)
                            else _image_url(part)
                            for part in content
                        ],
                    }
                )
        elif isinstance(message, LanguageModelV4AssistantMessage):
            messages.append(_assistant_message(message))
        else:
            messages.extend(
                {
                    "role": "tool",
                    "tool_call_id": part.tool_call_id,
                    "content": _tool_result_content(part),
                }
                for part in message.content
                if isinstance(part, LanguageModelV4ToolResultPart)  # approvals are not sent
            )
    return messages
