"""Token usage of OpenAI-compatible responses, converted to the spec's usage.

Ports of ``convert-openai-compatible-chat-usage.ts`` and
``convert-openai-compatible-completion-usage.ts``. The usage objects are parsed loosely:
unknown keys (a provider's extra counters) are kept and returned as ``usage.raw``.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, cast

from typing_extensions import TypedDict

from ai_sdk_core.provider import (
    LanguageModelV4InputTokens,
    LanguageModelV4OutputTokens,
    LanguageModelV4Usage,
)
from ai_sdk_core.provider_utils import create_null_language_model_usage

__all__ = [
    "OpenAICompatibleCompletionTokenDetails",
    "OpenAICompatiblePromptTokenDetails",
    "OpenAICompatibleTokenUsage",
    "convert_openai_compatible_chat_usage",
    "convert_openai_compatible_completion_usage",
]

# Unknown keys are kept when pydantic validates these (zod's looseObject).
_LOOSE = {"extra": "allow"}


class OpenAICompatiblePromptTokenDetails(TypedDict, total=False):
    """``usage.prompt_tokens_details``."""

    cached_tokens: int | None


class OpenAICompatibleCompletionTokenDetails(TypedDict, total=False):
    """``usage.completion_tokens_details``."""

    reasoning_tokens: int | None
    accepted_prediction_tokens: int | None
    rejected_prediction_tokens: int | None


class OpenAICompatibleTokenUsage(TypedDict, total=False):
    """The ``usage`` object of a chat completion (or chunk), as the server sent it."""

    prompt_tokens: int | None
    completion_tokens: int | None
    total_tokens: int | None
    prompt_tokens_details: OpenAICompatiblePromptTokenDetails | None
    completion_tokens_details: OpenAICompatibleCompletionTokenDetails | None


for _loose in (
    OpenAICompatiblePromptTokenDetails,
    OpenAICompatibleCompletionTokenDetails,
    OpenAICompatibleTokenUsage,
):
    setattr(_loose, "__pydantic_config__", _LOOSE)  # noqa: B010 - TypedDicts take no class attributes


def convert_openai_compatible_chat_usage(
    usage: OpenAICompatibleTokenUsage | Mapping[str, Any] | None,
) -> LanguageModelV4Usage:
    """The spec usage of a chat response: missing counts are 0 and text tokens are the
    completion tokens minus the reasoning tokens (never below 0); no usage gives empty usage."""
    if usage is None:
        return create_null_language_model_usage()
    prompt_tokens: int = usage.get("prompt_tokens") or 0
    completion_tokens: int = usage.get("completion_tokens") or 0
    prompt_details: Mapping[str, Any] | None = usage.get("prompt_tokens_details")
    completion_details: Mapping[str, Any] | None = usage.get("completion_tokens_details")
    cache_read_tokens: int = (prompt_details or {}).get("cached_tokens") or 0
    reasoning_tokens: int = (completion_details or {}).get("reasoning_tokens") or 0
    return LanguageModelV4Usage(
        input_tokens=LanguageModelV4InputTokens(
            total=prompt_tokens,
            no_cache=prompt_tokens - cache_read_tokens,
            cache_read=cache_read_tokens,
        ),
        output_tokens=LanguageModelV4OutputTokens(
            total=completion_tokens,
            text=max(0, completion_tokens - reasoning_tokens),
            reasoning=reasoning_tokens,
        ),
        raw=cast("dict[str, Any]", usage),
    )


def convert_openai_compatible_completion_usage(
    usage: Mapping[str, Any] | None,
) -> LanguageModelV4Usage:
    """The spec usage of a completion response: no cache or reasoning counts."""
    if usage is None:
        return create_null_language_model_usage()
    prompt_tokens: int = usage.get("prompt_tokens") or 0
    completion_tokens: int = usage.get("completion_tokens") or 0
    return LanguageModelV4Usage(
        input_tokens=LanguageModelV4InputTokens(total=prompt_tokens, no_cache=prompt_tokens),
        output_tokens=LanguageModelV4OutputTokens(total=completion_tokens, text=completion_tokens),
        raw=cast("dict[str, Any]", usage),
    )
