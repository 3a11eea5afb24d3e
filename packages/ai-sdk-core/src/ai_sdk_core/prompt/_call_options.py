"""The generation settings of a language model call, validated.

Port of ``language-model-call-options.ts`` and ``prepare-language-model-call-options.ts``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from ai_sdk_core.provider._errors import InvalidArgumentError
from ai_sdk_core.provider._language_model_call import LanguageModelV4ReasoningEffort

__all__ = ["LanguageModelCallOptions", "prepare_language_model_call_options"]


@dataclass(slots=True, frozen=True, kw_only=True)
class LanguageModelCallOptions:
    """How the model generates: token limit, sampling, penalties, stop sequences, seed, reasoning.

    ``temperature`` and ``top_p`` ranges depend on the provider (set one of them, not both);
    penalties range from -1 (more repetition) to 1 (less); ``seed`` makes sampling repeatable
    where supported; ``reasoning`` sets the reasoning effort (``"provider-default"``, ``"none"``,
    …, ``"xhigh"``).
    """

    max_output_tokens: int | None = None
    temperature: float | None = None
    top_p: float | None = None
    top_k: int | None = None
    presence_penalty: float | None = None
    frequency_penalty: float | None = None
    stop_sequences: list[str] | None = None
    seed: int | None = None
    reasoning: LanguageModelV4ReasoningEffort | None = None


def prepare_language_model_call_options(
    *,
    max_output_tokens: int | None = None,
    temperature: float | None = None,
    top_p: float | None = None,
    top_k: int | None = None,
    presence_penalty: float | None = None,
    frequency_penalty: float | None = None,
    stop_sequences: Sequence[str] | None = None,
    seed: int | None = None,
    reasoning: LanguageModelV4ReasoningEffort | None = None,
) -> LanguageModelCallOptions:
    """Validate the settings (:class:`InvalidArgumentError` names the bad one) and bundle them.

    Integer settings accept integral floats (``100.0``), as JS numbers do, and store ints.
    """
    if max_output_tokens is not None:
        max_output_tokens = _integer("max_output_tokens", max_output_tokens)
        if max_output_tokens < 1:
            raise InvalidArgumentError.for_parameter(
                "max_output_tokens", max_output_tokens, "max_output_tokens must be >= 1"
            )
    for name, value in (
        ("temperature", temperature),
        ("top_p", top_p),
        ("top_k", top_k),
        ("presence_penalty", presence_penalty),
        ("frequency_penalty", frequency_penalty),
    ):
        if value is not None and not _is_number(value):
            raise InvalidArgumentError.for_parameter(name, value, f"{name} must be a number")
    return LanguageModelCallOptions(
        max_output_tokens=max_output_tokens,
        temperature=temperature,
        top_p=top_p,
        top_k=top_k,
        presence_penalty=presence_penalty,
        frequency_penalty=frequency_penalty,
        stop_sequences=None if stop_sequences is None else list(stop_sequences),
        seed=None if seed is None else _integer("seed", seed),
        reasoning=reasoning,
    )


def _is_number(value: object) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def _integer(name: str, value: object) -> int:
    """``value`` as an int, if it is an integral number (not a bool)."""
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    if isinstance(value, float) and value.is_integer():
        return int(value)
    raise InvalidArgumentError.for_parameter(name, value, f"{name} must be an integer")
