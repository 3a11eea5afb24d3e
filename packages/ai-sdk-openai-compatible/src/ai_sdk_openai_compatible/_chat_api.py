"""What the chat endpoint returns, as pydantic validates it (the parts the model reads).

``TypedDict``s, so validated values are plain dicts: absent keys stay absent and ``null`` is
``None``, as with the zod schemas of the TS SDK. A chunk is validated once, straight from its
JSON text; a chunk that is not a chat chunk is tried against the provider's error schema.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated, Any, Literal, NotRequired, Required, Union

from typing_extensions import TypedDict

from ._usage import OpenAICompatibleTokenUsage

if TYPE_CHECKING:
    from pydantic import GetCoreSchemaHandler
    from pydantic_core import CoreSchema

__all__ = [
    "ChatChunk",
    "ChatResponse",
    "FirstMatch",
    "ToolCallDelta",
    "chat_chunk_schema",
]


class _GoogleExtraContent(TypedDict, total=False):
    thought_signature: str | None


class ExtraContent(TypedDict, total=False):
    """``extra_content`` of a tool call: Gemini's thought signature."""

    google: _GoogleExtraContent | None


class _Function(TypedDict):
    name: str
    arguments: str


class _ToolCall(TypedDict):
    id: NotRequired[str | None]
    function: _Function
    extra_content: NotRequired[ExtraContent | None]


class _Message(TypedDict, total=False):
    role: Literal["assistant"] | None
    content: str | list[dict[str, Any]] | None
    refusal: Any
    reasoning_content: str | None
    reasoning: str | None
    tool_calls: list[_ToolCall] | None


class _Choice(TypedDict):
    message: _Message
    finish_reason: NotRequired[str | None]


class ChatResponse(TypedDict):
    """A chat completion."""

    id: NotRequired[str | None]
    created: NotRequired[float | None]
    model: NotRequired[str | None]
    choices: list[_Choice]
    usage: NotRequired[OpenAICompatibleTokenUsage | None]


class _FunctionDelta(TypedDict, total=False):
    name: str | None
    arguments: str | None


class ToolCallDelta(TypedDict):
    """One entry of ``delta.tool_calls``; Gemini sends no ``index``."""

    index: NotRequired[int | None]
    id: NotRequired[str | None]
    type: NotRequired[str | None]
    function: _FunctionDelta
    extra_content: NotRequired[ExtraContent | None]


class _Delta(TypedDict, total=False):
    role: Literal["assistant", ""] | None
    content: str | list[dict[str, Any]] | None
    refusal: Any
    reasoning_content: str | None
    reasoning: str | None
    tool_calls: list[ToolCallDelta] | None


class _ChunkChoice(TypedDict, total=False):
    delta: _Delta | None
    finish_reason: str | None


class ChatChunk(TypedDict, total=False):
    """A chat completion chunk. ``error`` is kept when a server sends one next to ``choices``."""

    id: str | None
    created: float | None
    model: str | None
    choices: Required[list[_ChunkChoice]]
    usage: OpenAICompatibleTokenUsage | None
    error: Any


class _FirstMatchHint:
    """``Annotated[A | B, FirstMatch]``: validate against the members in order (as zod's
    ``union`` does); a chunk costs one validation, not one per member."""

    __slots__ = ()

    def __get_pydantic_core_schema__(
        self, source: Any, handler: GetCoreSchemaHandler
    ) -> CoreSchema:
        schema = handler(source)
        if schema["type"] == "union":
            schema["mode"] = "left_to_right"
        return schema


FirstMatch = _FirstMatchHint()

_chunk_schemas: dict[Any, Any] = {}


def chat_chunk_schema(chunk_schema: Any, error_schema: Any) -> Any:
    """``chunk_schema``, else ``error_schema`` (one cached, hashable schema per pair)."""
    key = (chunk_schema, error_schema)
    try:
        schema = _chunk_schemas.get(key)
    except TypeError:  # an unhashable error schema: not cached
        return Annotated[Union[chunk_schema, error_schema], FirstMatch]  # noqa: UP007
    if schema is None:
        schema = _chunk_schemas[key] = Annotated[Union[chunk_schema, error_schema], FirstMatch]  # noqa: UP007 - a runtime union of two schema objects
    return schema
