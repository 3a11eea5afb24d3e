"""Port of prepare-language-model-call-options.test.ts."""

from __future__ import annotations

from typing import Any

import pytest

from ai_sdk_core.errors import InvalidArgumentError
from ai_sdk_core.prompt import LanguageModelCallOptions, prepare_language_model_call_options


def test_valid_settings_are_kept() -> None:
    options = prepare_language_model_call_options(
        max_output_tokens=100,
        temperature=0.7,
        top_p=0.9,
        top_k=50,
        presence_penalty=0.5,
        frequency_penalty=0.3,
        stop_sequences=("STOP",),
        seed=42,
        reasoning="high",
    )
    assert options == LanguageModelCallOptions(
        max_output_tokens=100,
        temperature=0.7,
        top_p=0.9,
        top_k=50,
        presence_penalty=0.5,
        frequency_penalty=0.3,
        stop_sequences=["STOP"],
        seed=42,
        reasoning="high",
    )


def test_everything_is_optional() -> None:
    assert prepare_language_model_call_options() == LanguageModelCallOptions()


def test_integral_floats_become_ints() -> None:
    options = prepare_language_model_call_options(max_output_tokens=100.0, seed=7.0)  # type: ignore[arg-type]
    assert (options.max_output_tokens, options.seed) == (100, 7)
    assert isinstance(options.max_output_tokens, int)
    assert isinstance(options.seed, int)


@pytest.mark.parametrize(
    ("settings", "parameter", "message"),
    [
        ({"max_output_tokens": 10.5}, "max_output_tokens", "max_output_tokens must be an integer"),
        ({"max_output_tokens": True}, "max_output_tokens", "max_output_tokens must be an integer"),
        ({"max_output_tokens": 0}, "max_output_tokens", "max_output_tokens must be >= 1"),
        ({"temperature": "invalid"}, "temperature", "temperature must be a number"),
        ({"top_p": "invalid"}, "top_p", "top_p must be a number"),
        ({"top_k": "invalid"}, "top_k", "top_k must be a number"),
        ({"presence_penalty": "invalid"}, "presence_penalty", "presence_penalty must be a number"),
        ({"frequency_penalty": False}, "frequency_penalty", "frequency_penalty must be a number"),
        ({"seed": 10.5}, "seed", "seed must be an integer"),
    ],
)
def test_invalid_settings_raise(settings: dict[str, Any], parameter: str, message: str) -> None:
    with pytest.raises(InvalidArgumentError) as caught:
        prepare_language_model_call_options(**settings)
    assert caught.value.parameter == parameter
    assert caught.value.value == settings[parameter]
    assert str(caught.value) == f"Invalid argument for parameter {parameter}: {message}"


@pytest.mark.parametrize(
    "reasoning", ["provider-default", "none", "minimal", "low", "medium", "high", "xhigh", None]
)
def test_reasoning_passes_through(reasoning: Any) -> None:
    assert prepare_language_model_call_options(reasoning=reasoning).reasoning == reasoning


def test_stop_sequences_are_copied() -> None:
    stop = ["a"]
    options = prepare_language_model_call_options(stop_sequences=stop)
    stop.append("b")
    assert options.stop_sequences == ["a"]
