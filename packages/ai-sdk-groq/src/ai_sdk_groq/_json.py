"""JSON text as ``JSON.stringify`` writes it: request bodies and tool-call arguments.

Numbers follow JS: an integral float is written as an integer (``1.0`` → ``1``) and ``NaN`` or
an infinity as ``null``, so the ``request.body`` text reads exactly as the TS SDK's.
"""

from __future__ import annotations

import json
import math
from collections.abc import Mapping
from typing import Any, cast

__all__ = ["drop_none", "dumps", "js_json_value", "js_number_string", "stringify"]


def drop_none(mapping: Mapping[str, Any]) -> dict[str, Any]:
    """``mapping`` without its ``None`` entries (``undefined`` properties in TS)."""
    return {key: value for key, value in mapping.items() if value is not None}


def js_json_value(value: Any) -> Any:
    """``value`` with every float JS would write differently replaced (copied where needed)."""
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


def dumps(value: Any) -> str:
    """Compact JSON text (non-ASCII kept) of a value already in JS form."""
    return json.dumps(value, separators=(",", ":"), ensure_ascii=False)


def stringify(value: Any) -> str:
    """``JSON.stringify(value)``: compact, non-ASCII kept, numbers written as in JS."""
    return dumps(js_json_value(value))


def js_number_string(value: float) -> str:
    """``String(value)`` in JS: ``1.0`` → ``"1"``, ``1e-05`` → ``"0.00001"``, ``1e-07`` → ``"1e-7"``."""
    if math.isnan(value):
        return "NaN"
    if math.isinf(value):
        return "Infinity" if value > 0 else "-Infinity"
    if value.is_integer() and abs(value) < 1e21:
        return str(int(value))
    text = repr(value)
    if "e" not in text:
        return text
    mantissa, _, exponent_text = text.partition("e")
    exponent = int(exponent_text)
    if -7 < exponent < 0:  # JS writes these without an exponent
        sign = "-" if mantissa.startswith("-") else ""
        digits = mantissa.lstrip("-").replace(".", "")
        return f"{sign}0.{'0' * (-exponent - 1)}{digits}"
    return f"{mantissa}e{'+' if exponent > 0 else '-'}{abs(exponent)}"
