"""The messages users pass to ``generate_text`` and friends (``ModelMessage`` in TS).

Friendlier than the provider prompt: content may be a plain string, images have their own part,
and file data may be bytes, a base64 string, a URL string or a provider reference. Every call
also accepts these messages as plain dicts with snake_case (or TS camelCase) keys, e.g.
``{"role": "user", "content": "Hello"}``.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from typing_extensions import TypeAliasType

from ai_sdk_core.provider._codec_hints import DataContent, FirstMatch, Tagged, spec_type
from ai_sdk_core.provider._language_model_prompt import LanguageModelV4ToolResultOutput
from ai_sdk_core.provider._shared import (
    SharedV4FileData,
    SharedV4ProviderOptions,
    SharedV4ProviderReference,
)

__all__ = [
    "AssistantContent",
    "AssistantModelMessage",
    "CustomPart",
    "FilePart",
    "ImagePart",
    "ModelMessage",
    "ReasoningFilePart",
    "ReasoningPart",
    "SystemModelMessage",
    "TextPart",
    "ToolApprovalRequest",
    "ToolApprovalResponse",
    "ToolCallPart",
    "ToolContent",
    "ToolModelMessage",
    "ToolResultOutput",
    "ToolResultPart",
    "UserContent",
    "UserModelMessage",
]

ToolResultOutput = LanguageModelV4ToolResultOutput
"""The output of a tool as the model sees it: text, JSON, an error, a denial, or content parts."""


@spec_type
class TextPart:
    """Text."""

    type: Literal["text"] = "text"
    text: str
    provider_options: SharedV4ProviderOptions | None = None


@spec_type
class ImagePart:
    """An image: bytes, base64, a URL string, or a provider reference (an uploaded file's ids).

    ``media_type`` is detected from the data when not given.
    """

    type: Literal["image"] = "image"
    image: Annotated[Annotated[bytes | str, DataContent] | SharedV4ProviderReference, FirstMatch]
    media_type: str | None = None
    provider_options: SharedV4ProviderOptions | None = None


@spec_type
class FilePart:
    """A file: bytes, base64, a URL string, a provider reference, or tagged file data."""

    type: Literal["file"] = "file"
    data: Annotated[
        SharedV4FileData | Annotated[bytes | str, DataContent] | SharedV4ProviderReference,
        FirstMatch,
    ]
    media_type: str
    filename: str | None = None
    provider_options: SharedV4ProviderOptions | None = None


@spec_type
class ReasoningPart:
    """Reasoning text of an assistant turn."""

    type: Literal["reasoning"] = "reasoning"
    text: str
    provider_options: SharedV4ProviderOptions | None = None


@spec_type
class ReasoningFilePart:
    """A file produced while reasoning (bytes, base64 or a URL string)."""

    type: Literal["reasoning-file"] = "reasoning-file"
    data: Annotated[bytes | str, DataContent]
    media_type: str
    provider_options: SharedV4ProviderOptions | None = None


@spec_type
class CustomPart:
    """Provider-specific content; ``kind`` is ``"<provider>.<type>"``."""

    type: Literal["custom"] = "custom"
    kind: str
    provider_options: SharedV4ProviderOptions | None = None


@spec_type
class ToolCallPart:
    """A tool call of an assistant turn; ``input`` is the parsed arguments."""

    type: Literal["tool-call"] = "tool-call"
    tool_call_id: str
    tool_name: str
    input: Any
    provider_executed: bool | None = None
    provider_options: SharedV4ProviderOptions | None = None


@spec_type
class ToolResultPart:
    """The result of a tool call, as the model sees it."""

    type: Literal["tool-result"] = "tool-result"
    tool_call_id: str
    tool_name: str
    output: ToolResultOutput
    provider_options: SharedV4ProviderOptions | None = None


@spec_type
class ToolApprovalRequest:
    """A request for the user to approve a tool call (``is_automatic`` when policy decided)."""

    type: Literal["tool-approval-request"] = "tool-approval-request"
    approval_id: str
    tool_call_id: str
    is_automatic: bool | None = None
    signature: str | None = None


@spec_type
class ToolApprovalResponse:
    """The user's answer to a tool approval request."""

    type: Literal["tool-approval-response"] = "tool-approval-response"
    approval_id: str
    approved: bool
    reason: str | None = None
    provider_executed: bool | None = None


UserContent = TypeAliasType(
    "UserContent",
    str | list[Annotated[TextPart | ImagePart | FilePart, Tagged("type")]],
)
AssistantContent = TypeAliasType(
    "AssistantContent",
    str
    | list[
        Annotated[
            TextPart
            | CustomPart
            | FilePart
            | ReasoningPart
            | ReasoningFilePart
            | ToolCallPart
            | ToolResultPart
            | ToolApprovalRequest,
            Tagged("type"),
        ]
    ],
)
ToolContent = TypeAliasType(
    "ToolContent",
    list[Annotated[ToolResultPart | ToolApprovalResponse, Tagged("type")]],
)


@spec_type
class SystemModelMessage:
    """System instructions."""

    role: Literal["system"] = "system"
    content: str
    provider_options: SharedV4ProviderOptions | None = None


@spec_type
class UserModelMessage:
    """A user turn: a string, or text, image and file parts."""

    role: Literal["user"] = "user"
    content: UserContent
    provider_options: SharedV4ProviderOptions | None = None


@spec_type
class AssistantModelMessage:
    """An assistant turn: a string, or text, reasoning, file, tool-call and tool-result parts."""

    role: Literal["assistant"] = "assistant"
    content: AssistantContent
    provider_options: SharedV4ProviderOptions | None = None


@spec_type
class ToolModelMessage:
    """Tool results and approval responses."""

    role: Literal["tool"] = "tool"
    content: ToolContent
    provider_options: SharedV4ProviderOptions | None = None


ModelMessage = TypeAliasType(
    "ModelMessage",
    Annotated[
        SystemModelMessage | UserModelMessage | AssistantModelMessage | ToolModelMessage,
        Tagged("role"),
    ],
)
"""One message of a conversation."""
