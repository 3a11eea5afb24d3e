"""Tool calls of an OpenAI-style chat stream, assembled from their deltas.

Port of ``streaming-tool-call-tracker.ts``. The tracker returns the stream parts to emit instead
of pushing them into a controller, so a provider's async generator reads::

    for delta in choice.delta.tool_calls or ():
        for part in tracker.process_delta(delta):
            yield part
    ...
    for part in tracker.flush():  # when the provider stream has ended
        yield part
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any, Generic, Literal, Protocol, TypeAlias

from typing_extensions import TypeVar

from ai_sdk_core.provider._errors import InvalidResponseDataError
from ai_sdk_core.provider._language_model_content import LanguageModelV4ToolCall
from ai_sdk_core.provider._language_model_stream import (
    LanguageModelV4ToolInputDelta,
    LanguageModelV4ToolInputEnd,
    LanguageModelV4ToolInputStart,
)
from ai_sdk_core.provider._shared import SharedV4ProviderMetadata

__all__ = [
    "StreamingToolCallDelta",
    "StreamingToolCallFunctionDelta",
    "StreamingToolCallTracker",
    "ToolCallTypeValidation",
]


class StreamingToolCallFunctionDelta(Protocol):
    """The ``function`` of a tool call delta: the tool's name and more argument text."""

    @property
    def name(self) -> str | None: ...
    @property
    def arguments(self) -> str | None: ...


class StreamingToolCallDelta(Protocol):
    """One entry of ``choices[].delta.tool_calls`` (any object with these attributes)."""

    @property
    def index(self) -> int | None: ...
    @property
    def id(self) -> str | None: ...
    @property
    def type(self) -> str | None: ...
    @property
    def function(self) -> StreamingToolCallFunctionDelta | None: ...


DeltaT = TypeVar(
    "DeltaT",
    bound="StreamingToolCallDelta | Mapping[str, Any]",
    default="StreamingToolCallDelta | Mapping[str, Any]",
)

ToolCallTypeValidation: TypeAlias = Literal["none", "if-present", "required"]
"""How new tool calls' ``type`` is checked: not at all, only when present, or always."""

_NOTHING: tuple[()] = ()


class _ToolCall:
    __slots__ = ("arguments", "finished", "id", "metadata", "name")

    def __init__(self, id: str, name: str, metadata: SharedV4ProviderMetadata | None) -> None:
        self.id = id
        self.name = name
        self.arguments: list[str] = []
        self.finished = False
        self.metadata = metadata


def _read(
    delta: StreamingToolCallDelta | Mapping[str, Any],
) -> tuple[int | None, str | None, str | None, str | None, str | None]:
    """``(index, id, type, function.name, function.arguments)`` of a delta object or dict."""
    if isinstance(delta, Mapping):
        function: Any = delta.get("function")
        if function is None:
            return delta.get("index"), delta.get("id"), delta.get("type"), None, None
        return (
            delta.get("index"),
            delta.get("id"),
            delta.get("type"),
            function.get("name"),
            function.get("arguments"),
        )
    function = delta.function
    if function is None:
        return delta.index, delta.id, delta.type, None, None
    return delta.index, delta.id, delta.type, function.name, function.arguments


class StreamingToolCallTracker(Generic[DeltaT]):
    """Turns tool call deltas into ``tool-input-*`` parts, and finished calls on :meth:`flush`.

    A delta continues the call with its (non-empty) ``id``, else the call at its ``index``, else
    the latest call; otherwise it starts a new call, which needs an ``id`` and a function
    ``name`` (:class:`InvalidResponseDataError` if not). Calls are never finished early: a
    parsable argument text can still be the prefix of a longer one.

    ``extract_metadata`` reads provider metadata from the delta that starts a call;
    ``build_tool_call_provider_metadata`` turns it into the ``tool-call`` part's metadata.
    """

    __slots__ = (
        "_build_metadata",
        "_by_id",
        "_by_index",
        "_calls",
        "_extract_metadata",
        "_latest",
        "_type_validation",
    )

    def __init__(
        self,
        *,
        type_validation: ToolCallTypeValidation = "none",
        extract_metadata: Callable[[DeltaT], SharedV4ProviderMetadata | None] | None = None,
        build_tool_call_provider_metadata: Callable[
            [SharedV4ProviderMetadata | None], SharedV4ProviderMetadata | None
        ]
        | None = None,
    ) -> None:
        self._type_validation = type_validation
        self._extract_metadata = extract_metadata
        self._build_metadata = build_tool_call_provider_metadata
        self._calls: list[_ToolCall] = []
        self._by_id: dict[str, _ToolCall] = {}
        self._by_index: dict[int, _ToolCall] = {}
        self._latest: _ToolCall | None = None

    def process_delta(
        self, delta: DeltaT
    ) -> tuple[LanguageModelV4ToolInputStart | LanguageModelV4ToolInputDelta, ...]:
        """The parts one delta produces: start (and initial arguments) or more arguments."""
        index, call_id, call_type, name, arguments = _read(delta)
        if call_id:
            call = self._by_id.get(call_id)
        elif index is not None:
            call = self._by_index.get(index)
        else:
            call = self._latest

        if call is None:
            call, parts = self._start(delta, call_id, call_type, name, arguments)
        elif call.finished or arguments is None:
            parts = _NOTHING
        else:
            call.arguments.append(arguments)
            parts = (LanguageModelV4ToolInputDelta(id=call.id, delta=arguments),)

        if index is not None:
            self._by_index[index] = call
        self._latest = call
        return parts

    def flush(self) -> list[LanguageModelV4ToolInputEnd | LanguageModelV4ToolCall]:
        """``tool-input-end`` then ``tool-call`` for every unfinished call, in start order."""
        parts: list[LanguageModelV4ToolInputEnd | LanguageModelV4ToolCall] = []
        for call in self._calls:
            if call.finished:
                continue
            parts.append(LanguageModelV4ToolInputEnd(id=call.id))
            parts.append(
                LanguageModelV4ToolCall(
                    tool_call_id=call.id,
                    tool_name=call.name,
                    input="".join(call.arguments),
                    provider_metadata=self._build_metadata(call.metadata)
                    if self._build_metadata is not None
                    else None,
                )
            )
            call.finished = True
        return parts

    def _start(
        self,
        delta: DeltaT,
        call_id: str | None,
        call_type: str | None,
        name: str | None,
        arguments: str | None,
    ) -> tuple[
        _ToolCall, tuple[LanguageModelV4ToolInputStart | LanguageModelV4ToolInputDelta, ...]
    ]:
        self._check_type(delta, call_type)
        if call_id is None:
            raise InvalidResponseDataError("Expected 'id' to be a string.", data=delta)
        if name is None:
            raise InvalidResponseDataError("Expected 'function.name' to be a string.", data=delta)

        start = LanguageModelV4ToolInputStart(id=call_id, tool_name=name)
        metadata = self._extract_metadata(delta) if self._extract_metadata is not None else None
        call = _ToolCall(call_id, name, metadata)
        self._calls.append(call)
        if call_id:
            self._by_id[call_id] = call
        if not arguments:
            return call, (start,)
        call.arguments.append(arguments)
        return call, (start, LanguageModelV4ToolInputDelta(id=call_id, delta=arguments))

    def _check_type(self, delta: DeltaT, call_type: str | None) -> None:
        if call_type == "function" or self._type_validation == "none":
            return
        if call_type is None and self._type_validation == "if-present":
            return
        raise InvalidResponseDataError("Expected 'function' type.", data=delta)
