"""Content a language model generates (``doGenerate`` content and their stream-part forms)."""

from __future__ import annotations

from typing import Annotated, Literal

from typing_extensions import TypeAliasType

from ._codec_hints import Tagged, spec_type
from ._json import JSONValue
from ._shared import SharedV4FileDataData, SharedV4FileDataUrl, SharedV4ProviderMetadata

__all__ = [
    "LanguageModelV4Content",
    "LanguageModelV4CustomContent",
    "LanguageModelV4DocumentSource",
    "LanguageModelV4File",
    "LanguageModelV4GeneratedFileData",
    "LanguageModelV4Reasoning",
    "LanguageModelV4ReasoningFile",
    "LanguageModelV4Source",
    "LanguageModelV4Text",
    "LanguageModelV4ToolApprovalRequest",
    "LanguageModelV4ToolCall",
    "LanguageModelV4ToolResult",
    "LanguageModelV4UrlSource",
]

LanguageModelV4GeneratedFileData = TypeAliasType(
    "LanguageModelV4GeneratedFileData",
    Annotated[SharedV4FileDataData | SharedV4FileDataUrl, Tagged("type")],
)
"""Generated file content: inline data, or a URL where the provider stored it."""


@spec_type
class LanguageModelV4Text:
    """Generated text."""

    type: Literal["text"] = "text"
    text: str
    provider_metadata: SharedV4ProviderMetadata | None = None


@spec_type
class LanguageModelV4Reasoning:
    """Generated reasoning text."""

    type: Literal["reasoning"] = "reasoning"
    text: str
    provider_metadata: SharedV4ProviderMetadata | None = None


@spec_type
class LanguageModelV4CustomContent:
    """Provider-specific content; ``kind`` is ``"<provider>.<type>"``."""

    type: Literal["custom"] = "custom"
    kind: str
    provider_metadata: SharedV4ProviderMetadata | None = None


@spec_type
class LanguageModelV4File:
    """A generated file, e.g. an image; ``media_type`` is its IANA media type."""

    type: Literal["file"] = "file"
    media_type: str
    data: LanguageModelV4GeneratedFileData
    provider_metadata: SharedV4ProviderMetadata | None = None


@spec_type
class LanguageModelV4ReasoningFile:
    """A file generated as part of reasoning."""

    type: Literal["reasoning-file"] = "reasoning-file"
    media_type: str
    data: LanguageModelV4GeneratedFileData
    provider_metadata: SharedV4ProviderMetadata | None = None


@spec_type
class LanguageModelV4UrlSource:
    """A web page used as input for the response."""

    type: Literal["source"] = "source"
    source_type: Literal["url"] = "url"
    id: str
    url: str
    title: str | None = None
    provider_metadata: SharedV4ProviderMetadata | None = None


@spec_type
class LanguageModelV4DocumentSource:
    """A document used as input for the response."""

    type: Literal["source"] = "source"
    source_type: Literal["document"] = "document"
    id: str
    media_type: str
    title: str
    filename: str | None = None
    provider_metadata: SharedV4ProviderMetadata | None = None


LanguageModelV4Source = TypeAliasType(
    "LanguageModelV4Source",
    Annotated[LanguageModelV4UrlSource | LanguageModelV4DocumentSource, Tagged("source_type")],
)
"""A source the model used, told apart by ``source_type``."""


@spec_type
class LanguageModelV4ToolCall:
    """A tool call; ``input`` is the arguments as a JSON string, exactly as generated."""

    type: Literal["tool-call"] = "tool-call"
    tool_call_id: str
    tool_name: str
    input: str
    provider_executed: bool | None = None
    dynamic: bool | None = None
    provider_metadata: SharedV4ProviderMetadata | None = None


@spec_type
class LanguageModelV4ToolResult:
    """The result of a tool the provider executed itself."""

    type: Literal["tool-result"] = "tool-result"
    tool_call_id: str
    tool_name: str
    result: JSONValue
    is_error: bool | None = None
    preliminary: bool | None = None
    dynamic: bool | None = None
    provider_metadata: SharedV4ProviderMetadata | None = None


@spec_type
class LanguageModelV4ToolApprovalRequest:
    """A provider-executed tool asks for the user's approval before it runs."""

    type: Literal["tool-approval-request"] = "tool-approval-request"
    approval_id: str
    tool_call_id: str
    provider_metadata: SharedV4ProviderMetadata | None = None


LanguageModelV4Content = TypeAliasType(
    "LanguageModelV4Content",
    Annotated[
        LanguageModelV4Text
        | LanguageModelV4Reasoning
        | LanguageModelV4CustomContent
        | LanguageModelV4ReasoningFile
        | LanguageModelV4File
        | LanguageModelV4ToolApprovalRequest
        | LanguageModelV4Source
        | LanguageModelV4ToolCall
        | LanguageModelV4ToolResult,
        Tagged("type"),
    ],
)
"""One piece of generated content."""
