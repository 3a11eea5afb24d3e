"""What Groq's chat endpoint returns, as the chat model validates it (the parts it reads).

``TypedDict``s, so validated values are plain dicts: absent keys stay absent, ``null`` is
``None``, unknown keys are dropped (as the zod schemas of the TS provider drop them). A stream
chunk is validated once, straight from its JSON text: as a chunk, else as an error body.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated, Any, Literal, NotRequired, Union

from typing_extensions import TypedDict

from ._errors import GroqErrorData
from ._usage import GroqTokenUsage

if TYPE_CHECKING:
    from pydantic import GetCoreSchemaHandler
    from pydantic_core import CoreSchema

__all__ = ["GroqChatChunk", "GroqChatChunkOrError", "GroqChatResponse", "GroqToolCallDelta"]


class _Function(TypedDict):
    name: str
    arguments: str


class _ToolCall(TypedDict):
    id: NotRequired[str | None]
    type: Literal["function"]
    function: _Function


class _Message(TypedDict, total=False):
    content: str | None
    reasoning: str | None
    tool_calls: list[_ToolCall] | None


class _Choice(TypedDict):
    message: _Message
    index: float
    finish_reason: NotRequired[str | None]


class GroqChatResponse(TypedDict):
    """A chat completion."""

    id: NotRequired[str | None]
    created: NotRequired[float | None]
    model: NotRequired[str | None]
    choices: list[_Choice]
    usage: NotRequired[GroqTokenUsage | None]


class _FunctionDelta(TypedDict, total=False):
    name: str | None
    arguments: str | None


class GroqToolCallDelta(TypedDict):
    """One entry of ``delta.tool_calls``."""

    index: int
    id: NotRequired[str | None]
    type: NotRequired[Literal["function"]]
    function: _FunctionDelta


class _Delta(TypedDict, total=False):
    content: str | None
    reasoning: str | None
    tool_calls: list[GroqToolCallDelta] | None


class _ChunkChoice(TypedDict):
    delta: NotRequired[_Delta | None]
    finish_reason: NotRequired[str | None]
    index: float


class _XGroq(TypedDict, total=False):
    usage: GroqTokenUsage | None


class GroqChatChunk(TypedDict):
    """A chat completion chunk; usage comes in ``x_groq.usage`` (a top-level ``usage`` is not
    read)."""

    id: NotRequired[str | None]
    created: NotRequired[float | None]
    model: NotRequired[str | None]
    choices: list[_ChunkChoice]
    x_groq: NotRequired[_XGroq | None]


class _FirstMatch:
    """``Annotated[A | B, _FirstMatch()]``: try the members in order (as zod's ``union`` does);
    a chunk costs one validation, not one per member."""

    __slots__ = ()

    def __get_pydantic_core_schema__(
        self, source: Any, handler: GetCoreSchemaHandler
    ) -> CoreSchema:
        schema = handler(source)
        if schema["type"] == "union":
            schema["mode"] = "left_to_right"
        return schema


GroqChatChunkOrError = Annotated[Union[GroqChatChunk, GroqErrorData], _FirstMatch()]  # noqa: UP007 - a runtime union for pydantic
"""A stream event: a chunk, else an error body (``{"error": {"message", "type"}}``)."""
