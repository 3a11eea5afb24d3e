"""Groq finish reasons → the spec's unified finish reason (port of ``map-groq-finish-reason.ts``)."""

from __future__ import annotations

from ai_sdk_core.provider import LanguageModelV4UnifiedFinishReason

__all__ = ["map_groq_finish_reason"]

_UNIFIED: dict[str, LanguageModelV4UnifiedFinishReason] = {
    "stop": "stop",
    "length": "length",
    "content_filter": "content-filter",
    "function_call": "tool-calls",
    "tool_calls": "tool-calls",
}


def map_groq_finish_reason(finish_reason: str | None) -> LanguageModelV4UnifiedFinishReason:
    """``stop``, ``length``, ``content_filter`` and ``tool_calls`` / ``function_call`` map to
    their spec names; anything else (or nothing) is ``other``."""
    if finish_reason is None:
        return "other"
    return _UNIFIED.get(finish_reason, "other")
