"""Comparing expected and actual JSON: ``ignore_paths`` patterns, differences, their report.

Objects compare by key (order does not matter), arrays by index, numbers by value (``1`` and
``1.0`` are equal, ``true`` is not ``1``). A key that is missing differs from one that is
``null``, as ``undefined`` differs from ``null`` in TS.
"""

from __future__ import annotations

import enum
import json
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TypeAlias, cast

__all__ = [
    "MISSING",
    "Difference",
    "Pattern",
    "Wildcard",
    "compare",
    "format_difference",
    "format_path",
    "matches",
    "parse_path",
]


class Wildcard(enum.Enum):
    """``*`` (any object key) and ``[*]`` (any array index) in an ignore path."""

    KEY = "*"
    INDEX = "[*]"


class _Missing(enum.Enum):
    MISSING = "(missing)"


MISSING = _Missing.MISSING
"""Stands for an absent key or array element."""

Segment: TypeAlias = str | int
Pattern: TypeAlias = tuple[str | int | Wildcard, ...]

_HEAD = re.compile(r"[^.\[\]]+")
_STEP = re.compile(r"\.([^.\[\]]+)|\[([0-9]+|\*)\]")


def parse_path(text: str) -> Pattern:
    """``expected_stream[*].error.*`` → ``("expected_stream", Wildcard.INDEX, "error",
    Wildcard.KEY)``; ``ValueError`` when ``text`` is not such a path."""
    head = _HEAD.match(text)
    if head is None:
        raise ValueError(f"not an ignore path: {text!r}")
    pattern: list[str | int | Wildcard] = [Wildcard.KEY if head[0] == "*" else head[0]]
    position = head.end()
    while position < len(text):
        step = _STEP.match(text, position)
        if step is None:
            raise ValueError(f"not an ignore path: {text!r}")
        key, index = step.groups()
        if key is not None:
            pattern.append(Wildcard.KEY if key == "*" else key)
        else:
            pattern.append(Wildcard.INDEX if index == "*" else int(index))
        position = step.end()
    return tuple(pattern)


def matches(pattern: Pattern, path: Sequence[Segment]) -> bool:
    """Whether ``path`` is at or below what ``pattern`` names."""
    if len(pattern) > len(path):
        return False
    for wanted, segment in zip(pattern, path, strict=False):
        if wanted is Wildcard.KEY:
            if not isinstance(segment, str):
                return False
        elif wanted is Wildcard.INDEX:
            if not isinstance(segment, int):
                return False
        elif type(wanted) is not type(segment) or wanted != segment:
            return False
    return True


def format_path(path: Sequence[Segment]) -> str:
    """``("expected_stream", 3, "error")`` → ``expected_stream[3].error``."""
    text = ""
    for segment in path:
        if isinstance(segment, int):
            text += f"[{segment}]"
        else:
            text += f".{segment}" if text else segment
    return text


@dataclass(frozen=True, slots=True)
class Difference:
    """Where expected and actual JSON differ; a side is :data:`MISSING` when absent."""

    path: str
    expected: object
    actual: object


def _same(expected: object, actual: object) -> bool:
    if isinstance(expected, bool) or isinstance(actual, bool):
        return type(expected) is type(actual) and expected == actual
    if isinstance(expected, int | float) and isinstance(actual, int | float):
        return expected == actual
    return type(expected) is type(actual) and expected == actual


def _as_dict(value: object) -> dict[str, object] | None:
    return cast("dict[str, object]", value) if isinstance(value, dict) else None


def _as_list(value: object) -> list[object] | None:
    return cast("list[object]", value) if isinstance(value, list) else None


def compare(expected: object, actual: object, ignore: Sequence[Pattern] = ()) -> list[Difference]:
    """Every difference between two JSON values outside the ``ignore`` patterns."""
    differences: list[Difference] = []

    def walk(expected: object, actual: object, path: tuple[Segment, ...]) -> None:
        if any(matches(pattern, path) for pattern in ignore):
            return
        expected_map, actual_map = _as_dict(expected), _as_dict(actual)
        expected_list, actual_list = _as_list(expected), _as_list(actual)
        if expected_map is not None and actual_map is not None:
            for key in [*expected_map, *(key for key in actual_map if key not in expected_map)]:
                walk(expected_map.get(key, MISSING), actual_map.get(key, MISSING), (*path, key))
        elif expected_list is not None and actual_list is not None:
            for index in range(max(len(expected_list), len(actual_list))):
                walk(
                    expected_list[index] if index < len(expected_list) else MISSING,
                    actual_list[index] if index < len(actual_list) else MISSING,
                    (*path, index),
                )
        elif not _same(expected, actual):
            differences.append(Difference(format_path(path), expected, actual))

    walk(expected, actual, ())
    return differences


def _render(value: object) -> str:
    if value is MISSING:
        return MISSING.value
    return json.dumps(value, ensure_ascii=False, default=repr)


def format_difference(difference: Difference, width: int = 160) -> list[str]:
    """Report lines: the path, then both values as one-line JSON of at most ``width``
    characters, cut to show where they start to differ."""
    expected, actual = _render(difference.expected), _render(difference.actual)
    start = 0
    if max(len(expected), len(actual)) > width:
        common = next(
            (i for i, (a, b) in enumerate(zip(expected, actual, strict=False)) if a != b),
            min(len(expected), len(actual)),
        )
        start = max(0, common - width // 4)

    def cut(text: str) -> str:
        shown = ("…" if start else "") + text[start : start + width]
        return shown + (f"… ({len(text)} chars)" if len(text) > start + width else "")

    return [difference.path, f"  expected: {cut(expected)}", f"  actual:   {cut(actual)}"]
