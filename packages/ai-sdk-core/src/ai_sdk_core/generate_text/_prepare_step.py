"""``prepare_step``: change the model, tools, messages or settings before each step."""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Mapping, Sequence
from dataclasses import dataclass, fields
from typing import Any

from ai_sdk_core._default_provider import LanguageModel
from ai_sdk_core.prompt._messages import ModelMessage
from ai_sdk_core.prompt._standardize import Instructions
from ai_sdk_core.provider._language_model_call import LanguageModelV4ReasoningEffort
from ai_sdk_core.provider._shared import SharedV4ProviderOptions

from ._step_result import ResponseMessage, StepResult

__all__ = [
    "PrepareStepFunction",
    "PrepareStepOptions",
    "PrepareStepResult",
]


@dataclass(slots=True, frozen=True, kw_only=True)
class PrepareStepOptions:
    """What ``prepare_step`` sees before a step."""

    steps: Sequence[StepResult]
    step_number: int
    model: LanguageModel
    instructions: Instructions | None
    initial_instructions: Instructions | None
    messages: Sequence[ModelMessage]
    initial_messages: Sequence[ModelMessage]
    response_messages: Sequence[ResponseMessage]
    runtime_context: Any = None


@dataclass(slots=True, kw_only=True)
class PrepareStepResult:
    """Overrides for one step; ``None`` keeps the call's setting.

    ``messages`` and ``instructions`` carry over to later steps (as in TS ai 7).
    """

    model: LanguageModel | None = None
    tool_choice: Any = None
    active_tools: Sequence[str] | None = None
    tool_order: Sequence[str] | None = None
    instructions: Instructions | None = None
    messages: Sequence[ModelMessage | Mapping[str, Any]] | None = None
    runtime_context: Any = None
    provider_options: SharedV4ProviderOptions | None = None
    max_output_tokens: int | None = None
    temperature: float | None = None
    top_p: float | None = None
    top_k: int | None = None
    presence_penalty: float | None = None
    frequency_penalty: float | None = None
    stop_sequences: Sequence[str] | None = None
    seed: int | None = None
    reasoning: LanguageModelV4ReasoningEffort | None = None


PrepareStepFunction = Callable[
    [PrepareStepOptions],
    "PrepareStepResult | Mapping[str, Any] | Awaitable[PrepareStepResult | Mapping[str, Any] | None] | None",
]
"""Returns overrides for the step (a :class:`PrepareStepResult` or a dict of its fields)."""

_FIELDS = frozenset(field.name for field in fields(PrepareStepResult))


def as_prepare_step_result(value: object) -> PrepareStepResult:
    """What ``prepare_step`` returned, as a :class:`PrepareStepResult`."""
    if value is None:
        return PrepareStepResult()
    if isinstance(value, PrepareStepResult):
        return value
    if isinstance(value, Mapping):
        overrides: dict[str, Any] = dict(value)  # type: ignore[arg-type]
        if "system" in overrides:  # the TS alias of instructions
            overrides.setdefault("instructions", overrides.pop("system"))
        unknown = set(overrides) - _FIELDS
        if unknown:
            raise TypeError(f"prepare_step returned unknown settings: {sorted(unknown)}")
        return PrepareStepResult(**overrides)
    raise TypeError(
        f"prepare_step must return a PrepareStepResult, a dict or None, not {type(value).__name__}"
    )
