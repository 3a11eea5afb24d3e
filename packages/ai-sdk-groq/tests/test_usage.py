"""Groq usage conversion (ports of convert-groq-usage.test.ts)."""

from __future__ import annotations

from typing import Any

import pytest

from ai_sdk_core.wire import to_wire
from ai_sdk_groq._usage import GroqTokenUsage, convert_groq_usage


def converted(usage: dict[str, Any] | None) -> Any:
    return to_wire(convert_groq_usage(GroqTokenUsage(**usage) if usage is not None else None))


def test_no_usage_leaves_every_count_undefined() -> None:
    assert converted(None) == {"inputTokens": {}, "outputTokens": {}}


@pytest.mark.parametrize(
    ("usage", "input_tokens", "output_tokens"),
    [
        (
            {"prompt_tokens": 20, "completion_tokens": 10, "total_tokens": 30},
            {"total": 20, "noCache": 20},
            {"total": 10, "text": 10},
        ),
        (
            {
                "prompt_tokens": 20,
                "completion_tokens": 10,
                "completion_tokens_details": {"reasoning_tokens": 4},
            },
            {"total": 20, "noCache": 20},
            {"total": 10, "text": 6, "reasoning": 4},
        ),
        (
            {
                "prompt_tokens": 20,
                "completion_tokens": 10,
                "completion_tokens_details": {"reasoning_tokens": None},
            },
            {"total": 20, "noCache": 20},
            {"total": 10, "text": 10},
        ),
        (
            {"prompt_tokens": 20, "completion_tokens": 10, "completion_tokens_details": None},
            {"total": 20, "noCache": 20},
            {"total": 10, "text": 10},
        ),
        (
            {
                "prompt_tokens": 20,
                "completion_tokens": 10,
                "completion_tokens_details": {"reasoning_tokens": 0},
            },
            {"total": 20, "noCache": 20},
            {"total": 10, "text": 10, "reasoning": 0},
        ),
        (
            {
                "prompt_tokens": 20,
                "completion_tokens": 10,
                "completion_tokens_details": {"reasoning_tokens": 10},
            },
            {"total": 20, "noCache": 20},
            {"total": 10, "text": 0, "reasoning": 10},
        ),
        (
            {
                "prompt_tokens": 20,
                "completion_tokens": 2,
                "completion_tokens_details": {"reasoning_tokens": 320},
            },
            {"total": 20, "noCache": 20},
            {"total": 2, "text": 0, "reasoning": 320},
        ),
        (
            {
                "prompt_tokens": 100,
                "completion_tokens": 1,
                "prompt_tokens_details": {"cached_tokens": 80},
            },
            {"total": 100, "noCache": 20, "cacheRead": 80},
            {"total": 1, "text": 1},
        ),
        (
            {
                "prompt_tokens": 100,
                "completion_tokens": 1,
                "prompt_tokens_details": {"cached_tokens": 0},
            },
            {"total": 100, "noCache": 100, "cacheRead": 0},
            {"total": 1, "text": 1},
        ),
        (
            {
                "prompt_tokens": 100,
                "completion_tokens": 1,
                "prompt_tokens_details": {"cached_tokens": None},
            },
            {"total": 100, "noCache": 100},
            {"total": 1, "text": 1},
        ),
        ({}, {"total": 0, "noCache": 0}, {"total": 0, "text": 0}),
    ],
)
def test_conversion(
    usage: dict[str, Any], input_tokens: dict[str, int], output_tokens: dict[str, int]
) -> None:
    result = converted(usage)
    assert result["inputTokens"] == input_tokens
    assert result["outputTokens"] == output_tokens
    assert result["raw"] == usage
