"""Deterministic stand-ins for id generators and other functions of no arguments."""

from __future__ import annotations

import itertools
from collections.abc import Callable
from typing import TypeVar

from ai_sdk_core.provider_utils import IdGenerator

__all__ = ["mock_id", "mock_values"]

T = TypeVar("T")


def mock_id(*, prefix: str = "id") -> IdGenerator:
    """An id generator that returns ``"<prefix>-0"``, ``"<prefix>-1"``, … in turn."""
    counter = itertools.count()
    return lambda: f"{prefix}-{next(counter)}"


def mock_values(*values: T) -> Callable[[], T]:
    """A function that returns ``values`` in turn, then the last one on every further call."""
    if not values:
        raise ValueError("mock_values needs at least one value")
    remaining = iter(values)
    last = values[-1]
    return lambda: next(remaining, last)
