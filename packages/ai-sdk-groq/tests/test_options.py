"""The provider option schemas (ports of groq-chat-language-model-options.test.ts)."""

from __future__ import annotations

from typing import Any

import pytest

from ai_sdk_core.errors import InvalidArgumentError, TypeValidationError
from ai_sdk_core.provider_utils import parse_provider_options
from ai_sdk_groq.options import GroqLanguageModelChatOptions, GroqTranscriptionModelOptions


def chat(options: dict[str, Any]) -> GroqLanguageModelChatOptions | None:
    return parse_provider_options(
        provider="groq", provider_options={"groq": options}, schema=GroqLanguageModelChatOptions
    )


def transcription(options: dict[str, Any]) -> GroqTranscriptionModelOptions | None:
    return parse_provider_options(
        provider="groq", provider_options={"groq": options}, schema=GroqTranscriptionModelOptions
    )


@pytest.mark.parametrize("effort", ["none", "default", "low", "medium", "high"])
def test_every_reasoning_effort(effort: str) -> None:
    assert chat({"reasoningEffort": effort}) == {"reasoning_effort": effort}
    assert chat({"reasoning_effort": effort}) == {"reasoning_effort": effort}


@pytest.mark.parametrize("tier", ["on_demand", "performance", "flex", "auto"])
def test_every_service_tier(tier: str) -> None:
    assert chat({"serviceTier": tier}) == {"service_tier": tier}


@pytest.mark.parametrize(
    "options",
    [
        {"reasoningEffort": "minimal"},
        {"reasoningEffort": "xhigh"},
        {"serviceTier": "premium"},
        {"user": "u", "reasoningEffort": "ultra"},
        {"parallelToolCalls": "maybe"},
        {"user": None},
    ],
)
def test_invalid_options(options: dict[str, Any]) -> None:
    with pytest.raises(InvalidArgumentError) as caught:
        chat(options)
    assert isinstance(caught.value.cause, TypeValidationError)


def test_all_options_together_and_unknown_keys_dropped() -> None:
    assert chat(
        {
            "reasoningFormat": "parsed",
            "reasoningEffort": "high",
            "parallelToolCalls": True,
            "user": "user-123",
            "structuredOutputs": False,
            "strictJsonSchema": False,
            "serviceTier": "auto",
            "somethingElse": 1,
        }
    ) == {
        "reasoning_format": "parsed",
        "reasoning_effort": "high",
        "parallel_tool_calls": True,
        "user": "user-123",
        "structured_outputs": False,
        "strict_json_schema": False,
        "service_tier": "auto",
    }


def test_empty_and_missing_options() -> None:
    assert chat({}) == {}
    assert (
        parse_provider_options(
            provider="groq", provider_options=None, schema=GroqLanguageModelChatOptions
        )
        is None
    )


def test_transcription_options() -> None:
    assert transcription(
        {
            "language": "en",
            "prompt": None,
            "responseFormat": "verbose_json",
            "temperature": 0,
            "timestampGranularities": ["word", "segment"],
        }
    ) == {
        "language": "en",
        "prompt": None,
        "response_format": "verbose_json",
        "temperature": 0,
        "timestamp_granularities": ["word", "segment"],
    }


@pytest.mark.parametrize(
    "options", [{"temperature": 1.5}, {"temperature": -0.1}, {"timestampGranularities": "word"}]
)
def test_invalid_transcription_options(options: dict[str, Any]) -> None:
    with pytest.raises(InvalidArgumentError, match="invalid groq provider options"):
        transcription(options)
