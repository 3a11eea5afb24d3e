"""JSON as ``JSON.stringify`` writes it, for request bodies and tool-call arguments.

Numbers follow JS: an integral float is written as an integer (``1.0`` → ``1``) and ``NaN`` or
an infinity as ``null``, so a request body reads the same as the one the TS SDK sends.
"""

from __future__ import annotations

import json
import math
from collections.abc import Mapping
from typing import Any, cast

__all__ = ["drop_none", "dumps", "js_json_value", "stringify"]


def drop_none(body: Mapping[str, Any]) -> dict[str, Any]:
    """``body`` without its ``None`` entries (``undefined`` properties in TS)."""
    return {key: value for key, value in body.items() if value is not None}


def js_json_value(value: Any) -> Any:
    """``value`` with every float that JS would write differently replaced (copies as needed)."""
    if isinstance(value, float):
        if value.is_integer():
            return int(value)
        return None if math.isnan(value) or math.isinf(value) else value
    if isinstance(value, dict):
        items = cast("dict[str, Any]", value)
        return {key: js_json_value(item) for key, item in items.items()}
    if isinstance(value, list | tuple):
        return [js_json_value(item) for item in cast("list[Any]", value)]
    return value


def stringify(value: Any) -> str:
    """Compact JSON text, non-ASCII kept, numbers written as in JS."""
    return dumps(js_json_value(value))


def dumps(value: Any) -> str:
    """Compact JSON text of a value already in JS form (see :func:`js_json_value`)."""
    return json.dumps(value, separators=(",", ":"), ensure_ascii=False)
