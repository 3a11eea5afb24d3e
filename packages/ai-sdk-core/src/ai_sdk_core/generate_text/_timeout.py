"""Time limits of a call: in total, per step, per stream chunk and per tool (seconds)."""

from __future__ import annotations

import time
from collections.abc import Mapping
from dataclasses import dataclass, field

__all__ = ["Timeout", "TimeoutInput"]


@dataclass(frozen=True, kw_only=True)
class Timeout:
    """Time limits in seconds; ``None`` means no limit.

    ``total`` bounds the whole call, ``step`` each model call with its tool executions,
    ``first_chunk`` the wait for a stream's first output chunk and ``chunk`` every later one
    (streams only), ``tool`` each tool execution unless ``tools`` names that tool.
    """

    total: float | None = None
    step: float | None = None
    first_chunk: float | None = None
    chunk: float | None = None
    tool: float | None = None
    tools: Mapping[str, float] = field(default_factory=dict[str, float])

    def for_tool(self, tool_name: str) -> float | None:
        """The limit of one execution of ``tool_name``."""
        return self.tools.get(tool_name, self.tool)


TimeoutInput = float | Timeout | None
"""A total limit in seconds, a :class:`Timeout`, or ``None``."""


def as_timeout(value: TimeoutInput) -> Timeout:
    """``timeout=`` normalized: a number is the total limit."""
    if value is None:
        return Timeout()
    if isinstance(value, Timeout):
        return value
    return Timeout(total=float(value))


class Deadlines:
    """The total and per-step deadlines of a running call (monotonic clock)."""

    __slots__ = ("_step_end", "_timeout", "_total_end")

    def __init__(self, timeout: Timeout) -> None:
        self._timeout = timeout
        self._total_end = None if timeout.total is None else time.monotonic() + timeout.total
        self._step_end: float | None = None

    def start_step(self) -> None:
        """A new step begins: its deadline starts now."""
        step = self._timeout.step
        self._step_end = None if step is None else time.monotonic() + step

    def remaining(self, limit: float | None = None) -> float | None:
        """Seconds until the nearest deadline (also considering ``limit``), or ``None``."""
        candidates = [end - time.monotonic() for end in (self._total_end, self._step_end) if end]
        if limit is not None:
            candidates.append(limit)
        return max(0.0, min(candidates)) if candidates else None

    def which(self) -> str:
        """Which deadline ran out, for the error message."""
        now = time.monotonic()
        if self._total_end is not None and now >= self._total_end:
            return f"Total timeout of {self._timeout.total} s"
        if self._step_end is not None and now >= self._step_end:
            return f"Step timeout of {self._timeout.step} s"
        return "Timeout"
