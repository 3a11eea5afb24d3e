"""What a generation produced, as users see it: text, reasoning, files, sources, tool calls,
tool results and errors, and tool approvals (``ContentPart`` in TS).

Every part has a ``type`` string, the TS one, so results can be matched by class or by type.
"""

from __future__ import annotations

import base64
from dataclasses import dataclass
from typing import Any, Literal, TypeAlias

from ai_sdk_core.provider._codec_hints import decode_base64
from ai_sdk_core.provider._json import JSONObject
from ai_sdk_core.provider._language_model_content import (
    LanguageModelV4DocumentSource,
    LanguageModelV4UrlSource,
)
from ai_sdk_core.provider._shared import SharedV4ProviderMetadata

__all__ = [
    "ContentPart",
    "CustomOutput",
    "FileOutput",
    "GeneratedFile",
    "ReasoningFileOutput",
    "ReasoningOutput",
    "Source",
    "TextOutput",
    "ToolApprovalRequestOutput",
    "ToolApprovalResponseOutput",
    "ToolCall",
    "ToolError",
    "ToolOutputDenied",
    "ToolResult",
]

Source: TypeAlias = LanguageModelV4UrlSource | LanguageModelV4DocumentSource
"""A web page or document the model used."""


class GeneratedFile:
    """A file the model generated, as base64 text or as bytes (each converted on first use)."""

    __slots__ = ("_base64", "_bytes", "media_type")

    def __init__(self, *, data: bytes | str, media_type: str) -> None:
        self._bytes = data if isinstance(data, bytes) else None
        self._base64 = data if isinstance(data, str) else None
        self.media_type = media_type

    @property
    def base64(self) -> str:
        """The content as standard base64."""
        if self._base64 is None:
            assert self._bytes is not None
            self._base64 = base64.b64encode(self._bytes).decode("ascii")
        return self._base64

    @property
    def uint8_array(self) -> bytes:
        """The content as bytes (the TS name; :attr:`data` is the same)."""
        if self._bytes is None:
            assert self._base64 is not None
            self._bytes = decode_base64(self._base64)
        return self._bytes

    @property
    def data(self) -> bytes:
        """The content as bytes."""
        return self.uint8_array

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, GeneratedFile):
            return NotImplemented
        return self.media_type == other.media_type and self.data == other.data

    def __hash__(self) -> int:
        return hash((self.media_type, self.data))

    def __repr__(self) -> str:
        return f"GeneratedFile(media_type={self.media_type!r}, size={len(self.data)})"


@dataclass(slots=True, kw_only=True)
class TextOutput:
    """Generated text."""

    type: Literal["text"] = "text"
    text: str
    provider_metadata: SharedV4ProviderMetadata | None = None


@dataclass(slots=True, kw_only=True)
class ReasoningOutput:
    """Generated reasoning text."""

    type: Literal["reasoning"] = "reasoning"
    text: str
    provider_metadata: SharedV4ProviderMetadata | None = None


@dataclass(slots=True, kw_only=True)
class ReasoningFileOutput:
    """A file generated while reasoning."""

    type: Literal["reasoning-file"] = "reasoning-file"
    file: GeneratedFile
    provider_metadata: SharedV4ProviderMetadata | None = None


@dataclass(slots=True, kw_only=True)
class CustomOutput:
    """Provider-specific content; ``kind`` is ``"<provider>.<type>"``."""

    type: Literal["custom"] = "custom"
    kind: str
    provider_metadata: SharedV4ProviderMetadata | None = None


@dataclass(slots=True, kw_only=True)
class FileOutput:
    """A generated file, e.g. an image."""

    type: Literal["file"] = "file"
    file: GeneratedFile
    provider_metadata: SharedV4ProviderMetadata | None = None


@dataclass(slots=True, kw_only=True)
class ToolCall:
    """A tool call, with its parsed ``input``.

    ``input`` is validated by the tool's schema (a pydantic model instance for pydantic tools).
    ``dynamic`` is true for dynamic tools and for calls that could not be parsed: those have
    ``invalid=True`` and the parse ``error``, and ``input`` is the raw argument text or its JSON.
    """

    type: Literal["tool-call"] = "tool-call"
    tool_call_id: str
    tool_name: str
    input: Any
    provider_executed: bool | None = None
    provider_metadata: SharedV4ProviderMetadata | None = None
    tool_metadata: JSONObject | None = None
    dynamic: bool | None = None
    invalid: bool | None = None
    error: Any = None
    title: str | None = None


@dataclass(slots=True, kw_only=True)
class ToolResult:
    """The output of a tool call; ``preliminary`` for intermediate outputs of a streaming tool."""

    type: Literal["tool-result"] = "tool-result"
    tool_call_id: str
    tool_name: str
    input: Any
    output: Any
    provider_executed: bool | None = None
    provider_metadata: SharedV4ProviderMetadata | None = None
    tool_metadata: JSONObject | None = None
    dynamic: bool | None = None
    preliminary: bool | None = None
    title: str | None = None


@dataclass(slots=True, kw_only=True)
class ToolError:
    """A tool call that failed: invalid input, an unknown tool, or an exception in ``execute``."""

    type: Literal["tool-error"] = "tool-error"
    tool_call_id: str
    tool_name: str
    input: Any
    error: Any
    provider_executed: bool | None = None
    provider_metadata: SharedV4ProviderMetadata | None = None
    tool_metadata: JSONObject | None = None
    dynamic: bool | None = None
    title: str | None = None


@dataclass(slots=True, kw_only=True)
class ToolOutputDenied:
    """A tool call whose execution the user denied."""

    type: Literal["tool-output-denied"] = "tool-output-denied"
    tool_call_id: str
    tool_name: str
    provider_executed: bool | None = None
    dynamic: bool | None = None


@dataclass(slots=True, kw_only=True)
class ToolApprovalRequestOutput:
    """A tool call waits for approval; answer with a ``ToolApprovalResponse`` message part.

    ``is_automatic`` is set when the approval policy decided without asking the user.
    """

    type: Literal["tool-approval-request"] = "tool-approval-request"
    approval_id: str
    tool_call: ToolCall
    is_automatic: bool | None = None
    signature: str | None = None


@dataclass(slots=True, kw_only=True)
class ToolApprovalResponseOutput:
    """The answer to a tool approval request."""

    type: Literal["tool-approval-response"] = "tool-approval-response"
    approval_id: str
    tool_call: ToolCall
    approved: bool
    reason: str | None = None
    provider_executed: bool | None = None


ContentPart: TypeAlias = (
    TextOutput
    | CustomOutput
    | ReasoningOutput
    | ReasoningFileOutput
    | Source
    | FileOutput
    | ToolCall
    | ToolResult
    | ToolError
    | ToolApprovalRequestOutput
    | ToolApprovalResponseOutput
)
"""One piece of a step's content."""
