"""When the tool loop stops: ``stop_when`` conditions (``isStepCount``, ``hasToolCall``, …)."""

from __future__ import annotations

import inspect
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass

from ._step_result import StepResult

__all__ = [
    "StopCondition",
    "StopConditionOptions",
    "has_tool_call",
    "is_loop_finished",
    "is_step_count",
]


@dataclass(slots=True, frozen=True, kw_only=True)
class StopConditionOptions:
    """What a stop condition sees: the steps so far."""

    steps: Sequence[StepResult]


StopCondition = Callable[[StopConditionOptions], bool | Awaitable[bool]]
"""A function of the steps so far; the loop stops when it returns true."""


def is_step_count(step_count: int) -> StopCondition:
    """Stop once ``step_count`` steps have run (the default is ``is_step_count(1)``)."""
    return lambda options: len(options.steps) == step_count


def has_tool_call(*tool_names: str) -> StopCondition:
    """Stop after a step that called one of ``tool_names``."""
    names = frozenset(tool_names)
    return lambda options: (
        bool(options.steps)
        and any(call.tool_name in names for call in options.steps[-1].tool_calls)
    )


def is_loop_finished() -> StopCondition:
    """Never stop on its own: run until the model makes no more tool calls."""
    return lambda options: False


async def is_stop_condition_met(
    conditions: Sequence[StopCondition], steps: Sequence[StepResult]
) -> bool:
    """Whether any condition holds (a list of conditions means "any of them")."""
    options = StopConditionOptions(steps=steps)
    met = False
    for condition in conditions:
        result = condition(options)
        if inspect.isawaitable(result):
            result = await result
        met = met or bool(result)
    return met
