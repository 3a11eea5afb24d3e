"""Ports of map-reasoning-to-provider.test.ts and create-null-language-model-usage.test.ts, and
the response-metadata rules of the conformance corpus."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import pytest
from hypothesis import given, strategies as st

from ai_sdk_core.provider import (
    LanguageModelV4ResponseInfo,
    LanguageModelV4ResponseMetadataPart,
    SharedV4CompatibilityWarning,
    SharedV4UnsupportedWarning,
    SharedV4Warning,
)
from ai_sdk_core.provider_utils import (
    ReasoningLevel,
    create_language_model_response_metadata,
    create_null_language_model_usage,
    is_custom_reasoning,
    map_reasoning_to_provider_budget,
    map_reasoning_to_provider_effort,
)
from ai_sdk_core.wire import to_wire

EFFORT_MAP: dict[ReasoningLevel, str] = {
    "minimal": "low",
    "low": "low",
    "medium": "medium",
    "high": "high",
    "xhigh": "max",
}


class TestMapReasoningToProviderEffort:
    def test_direct_match_has_no_warning(self) -> None:
        warnings: list[SharedV4Warning] = []
        assert (
            map_reasoning_to_provider_effort(
                reasoning="medium", effort_map=EFFORT_MAP, warnings=warnings
            )
            == "medium"
        )
        assert warnings == []

    @pytest.mark.parametrize(("reasoning", "effort"), [("minimal", "low"), ("xhigh", "max")])
    def test_renamed_match_has_compatibility_warning(
        self, reasoning: ReasoningLevel, effort: str
    ) -> None:
        warnings: list[SharedV4Warning] = []
        result = map_reasoning_to_provider_effort(
            reasoning=reasoning, effort_map=EFFORT_MAP, warnings=warnings
        )
        assert result == effort
        assert warnings == [
            SharedV4CompatibilityWarning(
                feature="reasoning",
                details=f'reasoning "{reasoning}" is not directly supported by this model. '
                f'mapped to effort "{effort}".',
            )
        ]

    def test_missing_level_has_unsupported_warning(self) -> None:
        warnings: list[SharedV4Warning] = []
        result = map_reasoning_to_provider_effort(
            reasoning="high", effort_map={"medium": "medium"}, warnings=warnings
        )
        assert result is None
        assert to_wire(warnings) == [
            {
                "type": "unsupported",
                "feature": "reasoning",
                "details": 'reasoning "high" is not supported by this model.',
            }
        ]


class TestIsCustomReasoning:
    def test_unset_and_provider_default(self) -> None:
        assert is_custom_reasoning(None) is False
        assert is_custom_reasoning("provider-default") is False

    @pytest.mark.parametrize("reasoning", ["none", "minimal", "low", "medium", "high", "xhigh"])
    def test_explicit_levels(self, reasoning: Any) -> None:
        assert is_custom_reasoning(reasoning) is True


class TestMapReasoningToProviderBudget:
    @pytest.mark.parametrize(
        ("kwargs", "budget"),
        [
            (
                {"reasoning": "medium", "max_output_tokens": 64000, "max_reasoning_budget": 64000},
                19200,
            ),
            (
                {"reasoning": "xhigh", "max_output_tokens": 64000, "max_reasoning_budget": 50000},
                50000,
            ),
            (
                {"reasoning": "minimal", "max_output_tokens": 10000, "max_reasoning_budget": 10000},
                1024,
            ),
            (
                {
                    "reasoning": "minimal",
                    "max_output_tokens": 10000,
                    "max_reasoning_budget": 10000,
                    "min_reasoning_budget": 512,
                },
                512,
            ),
            (
                {
                    "reasoning": "medium",
                    "max_output_tokens": 10000,
                    "max_reasoning_budget": 10000,
                    "budget_percentages": {"medium": 0.5},
                },
                5000,
            ),
        ],
    )
    def test_budgets(self, kwargs: dict[str, Any], budget: int) -> None:
        warnings: list[SharedV4Warning] = []
        assert map_reasoning_to_provider_budget(**kwargs, warnings=warnings) == budget
        assert warnings == []

    def test_missing_level_has_unsupported_warning(self) -> None:
        warnings: list[SharedV4Warning] = []
        result = map_reasoning_to_provider_budget(
            reasoning="high",
            max_output_tokens=64000,
            max_reasoning_budget=64000,
            budget_percentages={"medium": 0.5},
            warnings=warnings,
        )
        assert result is None
        assert warnings == [
            SharedV4UnsupportedWarning(
                feature="reasoning", details='reasoning "high" is not supported by this model.'
            )
        ]

    def test_halves_round_up_like_math_round(self) -> None:
        budget = map_reasoning_to_provider_budget(
            reasoning="low",
            max_output_tokens=5,
            max_reasoning_budget=100,
            min_reasoning_budget=0,
            budget_percentages={"low": 0.5},
            warnings=[],
        )
        assert budget == 3  # Math.round(2.5); Python's round() would give 2

    @given(
        max_output_tokens=st.integers(min_value=0, max_value=1_000_000),
        bounds=st.tuples(st.integers(0, 100_000), st.integers(0, 100_000)).map(sorted),
        level=st.sampled_from(["minimal", "low", "medium", "high", "xhigh"]),
    )
    def test_budget_stays_within_bounds(
        self, max_output_tokens: int, bounds: list[int], level: ReasoningLevel
    ) -> None:
        low, high = bounds
        budget = map_reasoning_to_provider_budget(
            reasoning=level,
            max_output_tokens=max_output_tokens,
            max_reasoning_budget=high,
            min_reasoning_budget=low,
            warnings=[],
        )
        assert budget is not None
        assert low <= budget <= high


class TestNullUsage:
    def test_every_count_is_none(self) -> None:
        usage = create_null_language_model_usage()
        assert to_wire(usage) == {"inputTokens": {}, "outputTokens": {}}
        assert usage.raw is None
        assert usage.input_tokens.total is None
        assert usage.output_tokens.reasoning is None

    def test_fresh_objects(self) -> None:
        first = create_null_language_model_usage()
        second = create_null_language_model_usage()
        assert first is not second
        assert first.input_tokens is not second.input_tokens
        assert first.output_tokens is not second.output_tokens


class TestResponseMetadata:
    def test_fields(self) -> None:
        metadata = create_language_model_response_metadata(
            id="chatcmpl-1", model="llama-3.3", created=1711115037
        )
        assert metadata == {
            "id": "chatcmpl-1",
            "model_id": "llama-3.3",
            "timestamp": datetime(2024, 3, 22, 13, 43, 57, tzinfo=UTC),
        }
        assert to_wire(LanguageModelV4ResponseMetadataPart(**metadata)) == {
            "type": "response-metadata",
            "id": "chatcmpl-1",
            "modelId": "llama-3.3",
            "timestamp": "2024-03-22T13:43:57.000Z",
        }
        info = LanguageModelV4ResponseInfo(**metadata, headers={"x": "1"})
        assert info.model_id == "llama-3.3"

    @pytest.mark.parametrize("created", [None, 0])
    def test_created_zero_or_missing_gives_no_timestamp(self, created: int | None) -> None:
        metadata = create_language_model_response_metadata(id="x", created=created)
        assert metadata == {"id": "x", "model_id": None, "timestamp": None}

    def test_millisecond_precision_like_a_js_date(self) -> None:
        metadata = create_language_model_response_metadata(created=1.2345678)
        assert metadata["timestamp"] == datetime(1970, 1, 1, 0, 0, 1, 234000, tzinfo=UTC)
