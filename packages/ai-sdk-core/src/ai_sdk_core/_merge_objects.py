"""Deep merge of JSON-like objects, as TS ``mergeObjects`` does it (provider options etc.)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, cast

__all__ = ["merge_objects"]


def merge_objects(
    base: Mapping[str, Any] | None, overrides: Mapping[str, Any] | None
) -> dict[str, Any] | None:
    """``overrides`` deep-merged over ``base``: nested mappings merge, ``None`` values are
    skipped, anything else replaces. ``None`` when both are ``None``."""
    if base is None and overrides is None:
        return None
    merged: dict[str, Any] = dict(base or {})
    for key, value in (overrides or {}).items():
        if value is None:
            continue
        current = merged.get(key)
        if isinstance(value, Mapping) and isinstance(current, Mapping):
            merged[key] = merge_objects(
                cast("Mapping[str, Any]", current), cast("Mapping[str, Any]", value)
            )
        else:
            merged[key] = value
    return merged
