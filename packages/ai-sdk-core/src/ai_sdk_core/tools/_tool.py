"""A tool: what the model sees (description, input schema) and what runs it (``execute``).

Create tools with :func:`ai_sdk_core.tool` (or :func:`dynamic_tool`, or a provider's tool
factories); the fields below are the normalized form the core functions use.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Generic, Literal, TypeAlias, TypeVar

from ai_sdk_core.provider._json import JSONObject
from ai_sdk_core.provider._shared import SharedV4ProviderOptions
from ai_sdk_core.provider_utils._schema import Schema

if TYPE_CHECKING:
    from ai_sdk_core.prompt._messages import ModelMessage, ToolResultOutput

__all__ = [
    "Tool",
    "ToolExecutionOptions",
    "ToolInputAvailableOptions",
    "ToolInputDeltaOptions",
    "ToolModelOutputOptions",
    "ToolNeedsApproval",
    "ToolSet",
]

InputT = TypeVar("InputT")
OutputT = TypeVar("OutputT")


@dataclass(slots=True, kw_only=True)
class ToolExecutionOptions:
    """What ``execute`` (and the input callbacks) learn about the call.

    ``tool_call_id`` identifies the call, ``messages`` are the messages sent to the model in
    the step that made the call, ``context`` is the call's ``runtime_context``.
    """

    tool_call_id: str
    messages: Sequence[ModelMessage]
    context: Any = None


@dataclass(slots=True, kw_only=True)
class ToolInputDeltaOptions:
    """``on_input_delta``: another piece of the input's JSON text, while it streams."""

    input_text_delta: str
    tool_call_id: str
    messages: Sequence[ModelMessage]
    context: Any = None


@dataclass(slots=True, kw_only=True)
class ToolInputAvailableOptions(Generic[InputT]):
    """``on_input_available``: the complete, validated input."""

    input: InputT
    tool_call_id: str
    messages: Sequence[ModelMessage]
    context: Any = None


@dataclass(slots=True, kw_only=True)
class ToolModelOutputOptions(Generic[InputT, OutputT]):
    """``to_model_output``: a call's input and output, to be turned into what the model sees."""

    tool_call_id: str
    input: InputT
    output: OutputT


ToolNeedsApproval: TypeAlias = (
    "bool | Callable[[Any, ToolExecutionOptions], bool | Awaitable[bool]]"
)
"""Whether a call must be approved first: always, or as a function of the input decides."""


@dataclass(slots=True, kw_only=True, eq=False)
class Tool(Generic[InputT, OutputT]):
    """A tool the model can call.

    ``execute(input, options)`` runs it and returns the output (or an awaitable of it, or an
    async iterator of preliminary outputs whose last item is final); without ``execute`` the
    loop stops and the caller supplies the result. ``type`` is ``"function"``, ``"dynamic"``
    (input and output unknown until run time) or ``"provider"`` (defined by the provider:
    ``id`` ``"<provider>.<tool>"`` and ``args``; ``is_provider_executed`` when the provider runs
    it, ``supports_deferred_results`` when its result may arrive in a later step).
    """

    input_schema: Schema[InputT]
    execute: Callable[[InputT, ToolExecutionOptions], Any] | None = None
    description: str | None = None
    title: str | None = None
    output_schema: Schema[OutputT] | None = None
    strict: bool | None = None
    input_examples: list[JSONObject] | None = None
    provider_options: SharedV4ProviderOptions | None = None
    metadata: JSONObject | None = None
    needs_approval: ToolNeedsApproval = False
    on_input_start: Callable[[ToolExecutionOptions], Awaitable[None] | None] | None = None
    on_input_delta: Callable[[ToolInputDeltaOptions], Awaitable[None] | None] | None = None
    on_input_available: (
        Callable[[ToolInputAvailableOptions[InputT]], Awaitable[None] | None] | None
    ) = None
    to_model_output: (
        Callable[
            [ToolModelOutputOptions[InputT, OutputT]],
            ToolResultOutput | Awaitable[ToolResultOutput],
        ]
        | None
    ) = None
    type: Literal["function", "dynamic", "provider"] = "function"
    id: str | None = None
    args: dict[str, Any] | None = None
    is_provider_executed: bool = False
    supports_deferred_results: bool = False


ToolSet: TypeAlias = Mapping[str, Tool[Any, Any]]
"""Tools by name."""
