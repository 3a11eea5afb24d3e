"""Token usage as users see it: flat totals with details (``LanguageModelUsage`` in TS)."""

from __future__ import annotations

from dataclasses import dataclass, field

from .provider._json import JSONObject
from .provider._language_model_result import LanguageModelV4Usage

__all__ = [
    "EmbeddingModelUsage",
    "InputTokenDetails",
    "LanguageModelUsage",
    "OutputTokenDetails",
    "add_language_model_usage",
    "as_language_model_usage",
]


@dataclass(slots=True, kw_only=True)
class InputTokenDetails:
    """Input tokens not cached, read from the cache, and written to it."""

    no_cache_tokens: int | None = None
    cache_read_tokens: int | None = None
    cache_write_tokens: int | None = None


@dataclass(slots=True, kw_only=True)
class OutputTokenDetails:
    """Output tokens that are text, and that are reasoning."""

    text_tokens: int | None = None
    reasoning_tokens: int | None = None


@dataclass(slots=True, kw_only=True)
class LanguageModelUsage:
    """Tokens used: ``input_tokens``, ``output_tokens``, ``total_tokens`` and their details.

    A count is ``None`` when the provider did not report it. ``raw`` is the provider's own
    usage object (for a single call).
    """

    input_tokens: int | None = None
    input_token_details: InputTokenDetails = field(default_factory=InputTokenDetails)
    output_tokens: int | None = None
    output_token_details: OutputTokenDetails = field(default_factory=OutputTokenDetails)
    total_tokens: int | None = None
    raw: JSONObject | None = None


@dataclass(slots=True, kw_only=True)
class EmbeddingModelUsage:
    """Tokens used by embedding calls."""

    tokens: int


def _add(first: int | None, second: int | None) -> int | None:
    if first is None and second is None:
        return None
    return (first or 0) + (second or 0)


def as_language_model_usage(usage: LanguageModelV4Usage) -> LanguageModelUsage:
    """The user-facing form of a provider's nested usage."""
    return LanguageModelUsage(
        input_tokens=usage.input_tokens.total,
        input_token_details=InputTokenDetails(
            no_cache_tokens=usage.input_tokens.no_cache,
            cache_read_tokens=usage.input_tokens.cache_read,
            cache_write_tokens=usage.input_tokens.cache_write,
        ),
        output_tokens=usage.output_tokens.total,
        output_token_details=OutputTokenDetails(
            text_tokens=usage.output_tokens.text,
            reasoning_tokens=usage.output_tokens.reasoning,
        ),
        total_tokens=_add(usage.input_tokens.total, usage.output_tokens.total),
        raw=usage.raw,
    )


def add_language_model_usage(
    first: LanguageModelUsage, second: LanguageModelUsage
) -> LanguageModelUsage:
    """The sum of two usages (a count stays ``None`` only when both are ``None``; no ``raw``)."""
    return LanguageModelUsage(
        input_tokens=_add(first.input_tokens, second.input_tokens),
        input_token_details=InputTokenDetails(
            no_cache_tokens=_add(
                first.input_token_details.no_cache_tokens,
                second.input_token_details.no_cache_tokens,
            ),
            cache_read_tokens=_add(
                first.input_token_details.cache_read_tokens,
                second.input_token_details.cache_read_tokens,
            ),
            cache_write_tokens=_add(
                first.input_token_details.cache_write_tokens,
                second.input_token_details.cache_write_tokens,
            ),
        ),
        output_tokens=_add(first.output_tokens, second.output_tokens),
        output_token_details=OutputTokenDetails(
            text_tokens=_add(
                first.output_token_details.text_tokens, second.output_token_details.text_tokens
            ),
            reasoning_tokens=_add(
                first.output_token_details.reasoning_tokens,
                second.output_token_details.reasoning_tokens,
            ),
        ),
        total_tokens=_add(first.total_tokens, second.total_tokens),
    )
