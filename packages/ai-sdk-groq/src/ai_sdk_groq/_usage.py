"""Groq token usage → the spec's usage (port of ``convert-groq-usage.ts``).

Unlike the OpenAI-compatible conversion, counts Groq does not report stay ``None``: no
``cached_tokens`` means no ``cache_read`` (and ``no_cache`` is the whole prompt), no
``reasoning_tokens`` means no ``reasoning`` (and ``text`` is the whole completion). ``raw`` is
the usage as parsed, i.e. with only the keys of :class:`GroqTokenUsage`.
"""

from __future__ import annotations

from typing import Any, cast

from typing_extensions import TypedDict

from ai_sdk_core.provider import (
    LanguageModelV4InputTokens,
    LanguageModelV4OutputTokens,
    LanguageModelV4Usage,
)
from ai_sdk_core.provider_utils import create_null_language_model_usage

__all__ = [
    "GroqCompletionTokenDetails",
    "GroqPromptTokenDetails",
    "GroqTokenUsage",
    "convert_groq_usage",
]


class GroqPromptTokenDetails(TypedDict, total=False):
    """``usage.prompt_tokens_details``."""

    cached_tokens: int | None


class GroqCompletionTokenDetails(TypedDict, total=False):
    """``usage.completion_tokens_details``."""

    reasoning_tokens: int | None


class GroqTokenUsage(TypedDict, total=False):
    """The ``usage`` of a chat completion (or ``x_groq.usage`` of a chunk); other keys such as
    ``queue_time`` are dropped when it is parsed."""

    prompt_tokens: int | None
    completion_tokens: int | None
    total_tokens: int | None
    prompt_tokens_details: GroqPromptTokenDetails | None
    completion_tokens_details: GroqCompletionTokenDetails | None


def convert_groq_usage(usage: GroqTokenUsage | None) -> LanguageModelV4Usage:
    """The spec usage of a Groq response; no usage gives usage with every count ``None``."""
    if usage is None:
        return create_null_language_model_usage()
    prompt_tokens = usage.get("prompt_tokens") or 0
    completion_tokens = usage.get("completion_tokens") or 0
    cache_read_tokens = (usage.get("prompt_tokens_details") or {}).get("cached_tokens")
    reasoning_tokens = (usage.get("completion_tokens_details") or {}).get("reasoning_tokens")
    return LanguageModelV4Usage(
        input_tokens=LanguageModelV4InputTokens(
            total=prompt_tokens,
            no_cache=prompt_tokens - cache_read_tokens
            if cache_read_tokens is not None
            else prompt_tokens,
            cache_read=cache_read_tokens,
        ),
        output_tokens=LanguageModelV4OutputTokens(
            total=completion_tokens,
            text=max(0, completion_tokens - reasoning_tokens)
            if reasoning_tokens is not None
            else completion_tokens,
            reasoning=reasoning_tokens,
        ),
        raw=cast("dict[str, Any]", usage),
    )
