"""OpenAI finish reasons → the spec's unified finish reason (port of
``map-openai-compatible-finish-reason.ts``)."""

from __future__ import annotations

from ai_sdk_core.provider import LanguageModelV4UnifiedFinishReason

__all__ = ["map_openai_compatible_finish_reason"]

_UNIFIED: dict[str, LanguageModelV4UnifiedFinishReason] = {
    "stop": "stop",
    "length": "length",
    "content_filter": "content-filter",
    "function_call": "tool-calls",
    "tool_calls": "tool-calls",
}


def map_openai_compatible_finish_reason(
    finish_reason: str | None, *, has_refusal: bool = False
) -> LanguageModelV4UnifiedFinishReason:
    """``stop``, ``length``, ``content_filter`` and ``tool_calls``/``function_call`` map to their
    spec names, anything else to ``other``. A ``stop`` after a refusal is ``content-filter``."""
    if finish_reason == "stop" and has_refusal:
        return "content-filter"
    return _UNIFIED.get(finish_reason or "", "other")
