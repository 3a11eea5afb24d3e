"""The provider options of Groq models, and their model ids.

Pass options per call under ``"groq"``::

    await generate_text(
        model=groq("qwen/qwen3-32b"),
        prompt="…",
        provider_options={"groq": {"reasoning_format": "parsed", "service_tier": "flex"}},
    )

Keys are written in snake_case as below; the TS (camelCase) names are accepted too
(``"reasoningFormat"``). Unknown keys are ignored; a value of the wrong type raises
:class:`~ai_sdk_core.errors.InvalidArgumentError` when the model is called.

Ports of ``groq-chat-language-model-options.ts`` and ``groq-transcription-model-options.ts``.
Nothing here imports pydantic; the models validate these ``TypedDict``s when called.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal, TypeAlias

from annotated_types import Interval
from typing_extensions import TypedDict

__all__ = [
    "GroqChatModelId",
    "GroqLanguageModelChatOptions",
    "GroqTranscriptionModelId",
    "GroqTranscriptionModelOptions",
]

GroqChatModelId: TypeAlias = (
    Literal[
        "gemma2-9b-it",
        "llama-3.1-8b-instant",
        "llama-3.3-70b-versatile",
        "meta-llama/llama-guard-4-12b",
        "openai/gpt-oss-120b",
        "openai/gpt-oss-20b",
        "deepseek-r1-distill-llama-70b",
        "meta-llama/llama-4-maverick-17b-128e-instruct",
        "meta-llama/llama-4-scout-17b-16e-instruct",
        "meta-llama/llama-prompt-guard-2-22m",
        "meta-llama/llama-prompt-guard-2-86m",
        "moonshotai/kimi-k2-instruct-0905",
        "qwen/qwen3-32b",
        "qwen/qwen3.6-27b",
        "llama-guard-3-8b",
        "llama3-70b-8192",
        "llama3-8b-8192",
        "mixtral-8x7b-32768",
        "qwen-qwq-32b",
        "qwen-2.5-32b",
        "deepseek-r1-distill-qwen-32b",
    ]
    | str
)
"""Groq chat model ids (https://console.groq.com/docs/models); any other id works too."""

GroqTranscriptionModelId: TypeAlias = Literal["whisper-large-v3-turbo", "whisper-large-v3"] | str
"""Groq transcription model ids; any other id works too."""


def _to_camel(name: str) -> str:
    head, *rest = name.split("_")
    return head + "".join(word.capitalize() for word in rest)


# Both spellings validate (``reasoning_format`` and ``reasoningFormat``); the parsed dict uses the
# snake_case keys. Unknown keys are dropped, as zod's ``z.object`` drops them.
_OPTIONS_CONFIG: dict[str, Any] = {
    "alias_generator": _to_camel,
    "validate_by_name": True,
    "validate_by_alias": True,
}


class GroqLanguageModelChatOptions(TypedDict, total=False):
    """Options of Groq chat models (``provider_options={"groq": {...}}``)."""

    reasoning_format: Literal["parsed", "raw", "hidden"]
    """How reasoning models return their reasoning (``reasoning_format``): as a separate
    ``reasoning`` field (``"parsed"``), inside the text in ``<think>`` tags (``"raw"``), or not
    at all (``"hidden"``)."""

    reasoning_effort: Literal["none", "default", "low", "medium", "high"]
    """The reasoning effort (``reasoning_effort``); wins over the top-level ``reasoning=`` call
    setting. See https://console.groq.com/docs/reasoning#reasoning-effort."""

    parallel_tool_calls: bool
    """Whether the model may call several tools at once (``parallel_tool_calls``; Groq's default
    is ``True``)."""

    user: str
    """A unique id of your end user, which helps Groq detect abuse (``user``)."""

    structured_outputs: bool
    """Send JSON-schema response formats as ``json_schema`` (default ``True``). When ``False``, a
    schema is sent as ``{"type": "json_object"}`` with an ``unsupported`` warning."""

    strict_json_schema: bool
    """Whether a JSON-schema response format is ``strict`` (constrained decoding; default
    ``True``). Only used with structured outputs and a schema."""

    service_tier: Literal["on_demand", "performance", "flex", "auto"]
    """The service tier (``service_tier``): ``"on_demand"`` (Groq's default), ``"performance"``
    (prioritised, for latency-sensitive work), ``"flex"`` (higher throughput, may fail now and
    then) or ``"auto"`` (on-demand limits, then flex)."""


class GroqTranscriptionModelOptions(TypedDict, total=False):
    """Options of Groq transcription models (``provider_options={"groq": {...}}``).

    Every option may be ``None`` (not sent). See https://console.groq.com/docs/speech-to-text.
    """

    language: str | None
    """The language of the audio as an ISO-639-1 code (``"en"``); improves accuracy and
    latency."""

    prompt: str | None
    """Text that guides the style, or the spelling of unfamiliar words (up to 224 tokens)."""

    response_format: str | None
    """``"json"`` (Groq's default), ``"verbose_json"`` (adds language, duration, segments and
    words) or ``"text"`` (the transcript as plain text)."""

    temperature: Annotated[float, Interval(ge=0, le=1)] | None
    """Sampling temperature between 0 and 1 (Groq recommends 0)."""

    timestamp_granularities: list[str] | None
    """``["segment"]``, ``["word"]`` or both; needs ``response_format="verbose_json"``. Sent as
    repeated ``timestamp_granularities[]`` fields."""


for _options in (GroqLanguageModelChatOptions, GroqTranscriptionModelOptions):
    setattr(_options, "__pydantic_config__", _OPTIONS_CONFIG)  # noqa: B010 - TypedDicts take no class attributes
