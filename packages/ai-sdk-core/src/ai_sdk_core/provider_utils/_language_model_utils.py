"""Small helpers of language model providers: response metadata, empty usage, reasoning levels.

Ports of ``create-language-model-response-metadata.ts``, ``create-null-language-model-usage.ts``
and ``map-reasoning-to-provider.ts``.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from datetime import UTC, datetime
from typing import Literal, TypedDict, TypeVar

from typing_extensions import TypeIs

from ai_sdk_core.provider._codec_hints import to_timestamp
from ai_sdk_core.provider._language_model_call import LanguageModelV4ReasoningEffort
from ai_sdk_core.provider._language_model_result import (
    LanguageModelV4InputTokens,
    LanguageModelV4OutputTokens,
    LanguageModelV4Usage,
)
from ai_sdk_core.provider._shared import (
    SharedV4CompatibilityWarning,
    SharedV4UnsupportedWarning,
    SharedV4Warning,
)

__all__ = [
    "CustomReasoning",
    "LanguageModelResponseMetadata",
    "ReasoningLevel",
    "create_language_model_response_metadata",
    "create_null_language_model_usage",
    "is_custom_reasoning",
    "map_reasoning_to_provider_budget",
    "map_reasoning_to_provider_effort",
]

EffortT = TypeVar("EffortT", bound=str)

ReasoningLevel = Literal["minimal", "low", "medium", "high", "xhigh"]
"""A reasoning effort that asks the model to reason (not ``none``, not ``provider-default``)."""

CustomReasoning = Literal["none", "minimal", "low", "medium", "high", "xhigh"]
"""A reasoning effort the caller chose explicitly."""

_DEFAULT_BUDGET_PERCENTAGES: Mapping[ReasoningLevel, float] = {
    "minimal": 0.02,
    "low": 0.1,
    "medium": 0.3,
    "high": 0.6,
    "xhigh": 0.9,
}
"""The share of ``max_output_tokens`` each level may spend on reasoning."""


class LanguageModelResponseMetadata(TypedDict):
    """Response id, model id and timestamp; spread it into a response info or metadata part."""

    id: str | None
    model_id: str | None
    timestamp: datetime | None


def create_language_model_response_metadata(
    *, id: str | None = None, model: str | None = None, created: float | None = None
) -> LanguageModelResponseMetadata:
    """The metadata of an OpenAI-style response (``id``, ``model``, ``created`` in Unix seconds).

    ``created`` 0 or missing gives no timestamp, as in current TS releases (the older ones gave
    1970-01-01 for 0).
    Use it as ``LanguageModelV4ResponseMetadataPart(**metadata)``.
    """
    return {
        "id": id,
        "model_id": model,
        "timestamp": to_timestamp(datetime.fromtimestamp(created, UTC)) if created else None,
    }


def create_null_language_model_usage() -> LanguageModelV4Usage:
    """Usage for a response that reports none: every token count ``None``."""
    return LanguageModelV4Usage(
        input_tokens=LanguageModelV4InputTokens(), output_tokens=LanguageModelV4OutputTokens()
    )


def is_custom_reasoning(
    reasoning: LanguageModelV4ReasoningEffort | None,
) -> TypeIs[CustomReasoning]:
    """Whether the caller chose a reasoning effort (anything but unset or ``provider-default``)."""
    return reasoning is not None and reasoning != "provider-default"


def _unsupported(reasoning: ReasoningLevel) -> SharedV4UnsupportedWarning:
    return SharedV4UnsupportedWarning(
        feature="reasoning", details=f'reasoning "{reasoning}" is not supported by this model.'
    )


def map_reasoning_to_provider_effort(
    *,
    reasoning: ReasoningLevel,
    effort_map: Mapping[ReasoningLevel, EffortT],
    warnings: list[SharedV4Warning],
) -> EffortT | None:
    """The provider's effort for ``reasoning``, or ``None`` when ``effort_map`` lacks it.

    Appends an ``unsupported`` warning when the level is missing, and a ``compatibility``
    warning when it maps to a different name.
    """
    mapped = effort_map.get(reasoning)
    if mapped is None:
        warnings.append(_unsupported(reasoning))
        return None
    if mapped != reasoning:
        warnings.append(
            SharedV4CompatibilityWarning(
                feature="reasoning",
                details=f'reasoning "{reasoning}" is not directly supported by this model. '
                f'mapped to effort "{mapped}".',
            )
        )
    return mapped


def map_reasoning_to_provider_budget(
    *,
    reasoning: ReasoningLevel,
    max_output_tokens: int,
    max_reasoning_budget: int,
    min_reasoning_budget: int = 1024,
    budget_percentages: Mapping[ReasoningLevel, float] = _DEFAULT_BUDGET_PERCENTAGES,
    warnings: list[SharedV4Warning],
) -> int | None:
    """A token budget: ``max_output_tokens`` times the level's share, clamped to the bounds.

    ``None`` with an ``unsupported`` warning when ``budget_percentages`` lacks the level.
    Halves round up, like JS ``Math.round``.
    """
    share = budget_percentages.get(reasoning)
    if share is None:
        warnings.append(_unsupported(reasoning))
        return None
    budget = math.floor(max_output_tokens * share + 0.5)
    return min(max_reasoning_budget, max(min_reasoning_budget, budget))
