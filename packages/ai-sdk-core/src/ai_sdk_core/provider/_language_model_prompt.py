"""The prompt a language model receives: messages by role, and their parts.

This is not the user-facing prompt; the core functions convert user messages to this form.
"""

from __future__ import annotations

from typing import Annotated, Literal

from typing_extensions import TypeAliasType

from ._codec_hints import Tagged, spec_type
from ._json import JSONValue
from ._shared import (
    SharedV4FileData,
    SharedV4FileDataData,
    SharedV4FileDataUrl,
    SharedV4ProviderOptions,
)

__all__ = [
    "LanguageModelV4AssistantMessage",
    "LanguageModelV4CustomPart",
    "LanguageModelV4FilePart",
    "LanguageModelV4Message",
    "LanguageModelV4Prompt",
    "LanguageModelV4ReasoningFilePart",
    "LanguageModelV4ReasoningPart",
    "LanguageModelV4SystemMessage",
    "LanguageModelV4TextPart",
    "LanguageModelV4ToolApprovalResponsePart",
    "LanguageModelV4ToolCallPart",
    "LanguageModelV4ToolMessage",
    "LanguageModelV4ToolResultContentCustom",
    "LanguageModelV4ToolResultContentFile",
    "LanguageModelV4ToolResultContentPart",
    "LanguageModelV4ToolResultContentText",
    "LanguageModelV4ToolResultOutput",
    "LanguageModelV4ToolResultOutputContent",
    "LanguageModelV4ToolResultOutputErrorJson",
    "LanguageModelV4ToolResultOutputErrorText",
    "LanguageModelV4ToolResultOutputExecutionDenied",
    "LanguageModelV4ToolResultOutputJson",
    "LanguageModelV4ToolResultOutputText",
    "LanguageModelV4ToolResultPart",
    "LanguageModelV4UserMessage",
]


@spec_type
class LanguageModelV4TextPart:
    """Text in a prompt message."""

    type: Literal["text"] = "text"
    text: str
    provider_options: SharedV4ProviderOptions | None = None


@spec_type
class LanguageModelV4ReasoningPart:
    """Reasoning text of an earlier assistant turn."""

    type: Literal["reasoning"] = "reasoning"
    text: str
    provider_options: SharedV4ProviderOptions | None = None


@spec_type
class LanguageModelV4ReasoningFilePart:
    """A file the model produced while reasoning in an earlier assistant turn."""

    type: Literal["reasoning-file"] = "reasoning-file"
    data: Annotated[SharedV4FileDataData | SharedV4FileDataUrl, Tagged("type")]
    media_type: str
    provider_options: SharedV4ProviderOptions | None = None


@spec_type
class LanguageModelV4CustomPart:
    """Provider-specific content; ``kind`` is ``"<provider>.<type>"``."""

    type: Literal["custom"] = "custom"
    kind: str
    provider_options: SharedV4ProviderOptions | None = None


@spec_type
class LanguageModelV4FilePart:
    """A file in a prompt message.

    ``media_type`` is a full IANA type (``image/png``) or a top-level one (``image``) when the
    exact type is unknown.
    """

    type: Literal["file"] = "file"
    data: SharedV4FileData
    media_type: str
    filename: str | None = None
    provider_options: SharedV4ProviderOptions | None = None


@spec_type
class LanguageModelV4ToolCallPart:
    """A tool call of an earlier assistant turn; ``input`` is the parsed JSON arguments."""

    type: Literal["tool-call"] = "tool-call"
    tool_call_id: str
    tool_name: str
    input: JSONValue
    provider_executed: bool | None = None
    provider_options: SharedV4ProviderOptions | None = None


@spec_type
class LanguageModelV4ToolResultOutputText:
    """A text tool result."""

    type: Literal["text"] = "text"
    value: str
    provider_options: SharedV4ProviderOptions | None = None


@spec_type
class LanguageModelV4ToolResultOutputJson:
    """A JSON tool result."""

    type: Literal["json"] = "json"
    value: JSONValue
    provider_options: SharedV4ProviderOptions | None = None


@spec_type
class LanguageModelV4ToolResultOutputExecutionDenied:
    """The user denied running the tool."""

    type: Literal["execution-denied"] = "execution-denied"
    reason: str | None = None
    provider_options: SharedV4ProviderOptions | None = None


@spec_type
class LanguageModelV4ToolResultOutputErrorText:
    """The tool failed; a text message."""

    type: Literal["error-text"] = "error-text"
    value: str
    provider_options: SharedV4ProviderOptions | None = None


@spec_type
class LanguageModelV4ToolResultOutputErrorJson:
    """The tool failed; a JSON error value."""

    type: Literal["error-json"] = "error-json"
    value: JSONValue
    provider_options: SharedV4ProviderOptions | None = None


@spec_type
class LanguageModelV4ToolResultContentText:
    """Text inside a multi-part tool result."""

    type: Literal["text"] = "text"
    text: str
    provider_options: SharedV4ProviderOptions | None = None


@spec_type
class LanguageModelV4ToolResultContentFile:
    """A file inside a multi-part tool result."""

    type: Literal["file"] = "file"
    data: SharedV4FileData
    media_type: str
    filename: str | None = None
    provider_options: SharedV4ProviderOptions | None = None


@spec_type
class LanguageModelV4ToolResultContentCustom:
    """Provider-specific content inside a multi-part tool result."""

    type: Literal["custom"] = "custom"
    provider_options: SharedV4ProviderOptions | None = None


LanguageModelV4ToolResultContentPart = TypeAliasType(
    "LanguageModelV4ToolResultContentPart",
    Annotated[
        LanguageModelV4ToolResultContentText
        | LanguageModelV4ToolResultContentFile
        | LanguageModelV4ToolResultContentCustom,
        Tagged("type"),
    ],
)


@spec_type
class LanguageModelV4ToolResultOutputContent:
    """A tool result made of text, file and custom parts."""

    type: Literal["content"] = "content"
    value: list[LanguageModelV4ToolResultContentPart]


LanguageModelV4ToolResultOutput = TypeAliasType(
    "LanguageModelV4ToolResultOutput",
    Annotated[
        LanguageModelV4ToolResultOutputText
        | LanguageModelV4ToolResultOutputJson
        | LanguageModelV4ToolResultOutputExecutionDenied
        | LanguageModelV4ToolResultOutputErrorText
        | LanguageModelV4ToolResultOutputErrorJson
        | LanguageModelV4ToolResultOutputContent,
        Tagged("type"),
    ],
)
"""The output of a tool, as the model sees it."""


@spec_type
class LanguageModelV4ToolResultPart:
    """The result of a tool call."""

    type: Literal["tool-result"] = "tool-result"
    tool_call_id: str
    tool_name: str
    output: LanguageModelV4ToolResultOutput
    provider_options: SharedV4ProviderOptions | None = None


@spec_type
class LanguageModelV4ToolApprovalResponsePart:
    """The user's answer to a tool approval request."""

    type: Literal["tool-approval-response"] = "tool-approval-response"
    approval_id: str
    approved: bool
    reason: str | None = None
    provider_options: SharedV4ProviderOptions | None = None


@spec_type
class LanguageModelV4SystemMessage:
    """System instructions."""

    role: Literal["system"] = "system"
    content: str
    provider_options: SharedV4ProviderOptions | None = None


@spec_type
class LanguageModelV4UserMessage:
    """A user turn: text and files."""

    role: Literal["user"] = "user"
    content: list[Annotated[LanguageModelV4TextPart | LanguageModelV4FilePart, Tagged("type")]]
    provider_options: SharedV4ProviderOptions | None = None


@spec_type
class LanguageModelV4AssistantMessage:
    """An assistant turn: text, files, reasoning, tool calls and provider-executed results."""

    role: Literal["assistant"] = "assistant"
    content: list[
        Annotated[
            LanguageModelV4TextPart
            | LanguageModelV4FilePart
            | LanguageModelV4CustomPart
            | LanguageModelV4ReasoningPart
            | LanguageModelV4ReasoningFilePart
            | LanguageModelV4ToolCallPart
            | LanguageModelV4ToolResultPart,
            Tagged("type"),
        ]
    ]
    provider_options: SharedV4ProviderOptions | None = None


@spec_type
class LanguageModelV4ToolMessage:
    """Tool results and approval responses."""

    role: Literal["tool"] = "tool"
    content: list[
        Annotated[
            LanguageModelV4ToolResultPart | LanguageModelV4ToolApprovalResponsePart,
            Tagged("type"),
        ]
    ]
    provider_options: SharedV4ProviderOptions | None = None


LanguageModelV4Message = TypeAliasType(
    "LanguageModelV4Message",
    Annotated[
        LanguageModelV4SystemMessage
        | LanguageModelV4UserMessage
        | LanguageModelV4AssistantMessage
        | LanguageModelV4ToolMessage,
        Tagged("role"),
    ],
)
"""One message of a prompt."""

LanguageModelV4Prompt = TypeAliasType("LanguageModelV4Prompt", list[LanguageModelV4Message])
"""A prompt: a list of messages."""
