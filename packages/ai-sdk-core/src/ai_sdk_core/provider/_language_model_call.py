"""What a language model call receives: call options, tools, tool choice and response format."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from typing_extensions import TypeAliasType

from ._codec_hints import Tagged, spec_type
from ._json import JSONObject
from ._language_model_prompt import LanguageModelV4Prompt
from ._shared import SharedV4ProviderOptions, SharedV4RequestHeaders

__all__ = [
    "LanguageModelV4CallOptions",
    "LanguageModelV4FunctionTool",
    "LanguageModelV4InputExample",
    "LanguageModelV4ProviderTool",
    "LanguageModelV4ReasoningEffort",
    "LanguageModelV4ResponseFormat",
    "LanguageModelV4ResponseFormatJson",
    "LanguageModelV4ResponseFormatText",
    "LanguageModelV4Tool",
    "LanguageModelV4ToolChoice",
    "LanguageModelV4ToolChoiceAuto",
    "LanguageModelV4ToolChoiceNone",
    "LanguageModelV4ToolChoiceRequired",
    "LanguageModelV4ToolChoiceTool",
]


@spec_type
class LanguageModelV4InputExample:
    """An example input of a function tool."""

    input: JSONObject


@spec_type
class LanguageModelV4FunctionTool:
    """A tool the model may call; the caller runs it. ``input_schema`` is a JSON schema."""

    type: Literal["function"] = "function"
    name: str
    input_schema: JSONObject
    description: str | None = None
    input_examples: list[LanguageModelV4InputExample] | None = None
    strict: bool | None = None
    provider_options: SharedV4ProviderOptions | None = None


@spec_type
class LanguageModelV4ProviderTool:
    """A tool defined by the provider; ``id`` is ``"<provider>.<tool>"``, ``args`` configure it."""

    type: Literal["provider"] = "provider"
    id: str
    name: str
    args: dict[str, Any]


LanguageModelV4Tool = TypeAliasType(
    "LanguageModelV4Tool",
    Annotated[LanguageModelV4FunctionTool | LanguageModelV4ProviderTool, Tagged("type")],
)


@spec_type
class LanguageModelV4ToolChoiceAuto:
    """The model decides whether to call a tool."""

    type: Literal["auto"] = "auto"


@spec_type
class LanguageModelV4ToolChoiceNone:
    """The model must not call a tool."""

    type: Literal["none"] = "none"


@spec_type
class LanguageModelV4ToolChoiceRequired:
    """The model must call one of the tools."""

    type: Literal["required"] = "required"


@spec_type
class LanguageModelV4ToolChoiceTool:
    """The model must call the named tool."""

    type: Literal["tool"] = "tool"
    tool_name: str


LanguageModelV4ToolChoice = TypeAliasType(
    "LanguageModelV4ToolChoice",
    Annotated[
        LanguageModelV4ToolChoiceAuto
        | LanguageModelV4ToolChoiceNone
        | LanguageModelV4ToolChoiceRequired
        | LanguageModelV4ToolChoiceTool,
        Tagged("type"),
    ],
)


@spec_type
class LanguageModelV4ResponseFormatText:
    """Plain text output (the default)."""

    type: Literal["text"] = "text"


@spec_type
class LanguageModelV4ResponseFormatJson:
    """JSON output, optionally matching ``schema``; ``name``/``description`` guide some models."""

    type: Literal["json"] = "json"
    schema: JSONObject | None = None
    name: str | None = None
    description: str | None = None


LanguageModelV4ResponseFormat = TypeAliasType(
    "LanguageModelV4ResponseFormat",
    Annotated[
        LanguageModelV4ResponseFormatText | LanguageModelV4ResponseFormatJson, Tagged("type")
    ],
)

LanguageModelV4ReasoningEffort = TypeAliasType(
    "LanguageModelV4ReasoningEffort",
    Literal["provider-default", "none", "minimal", "low", "medium", "high", "xhigh"],
)
"""How much the model should reason before answering."""


@spec_type
class LanguageModelV4CallOptions:
    """Everything a language model call receives.

    Cancellation is Python's own: cancel the task awaiting ``do_generate`` or iterating the
    stream (or close the stream); providers close the HTTP response. ``headers`` entries whose
    value is ``None`` are dropped.
    """

    prompt: LanguageModelV4Prompt
    max_output_tokens: int | None = None
    temperature: float | None = None
    stop_sequences: list[str] | None = None
    top_p: float | None = None
    top_k: int | None = None
    presence_penalty: float | None = None
    frequency_penalty: float | None = None
    response_format: LanguageModelV4ResponseFormat | None = None
    seed: int | None = None
    tools: list[LanguageModelV4Tool] | None = None
    tool_choice: LanguageModelV4ToolChoice | None = None
    include_raw_chunks: bool | None = None
    headers: SharedV4RequestHeaders | None = None
    reasoning: LanguageModelV4ReasoningEffort | None = None
    provider_options: SharedV4ProviderOptions | None = None
