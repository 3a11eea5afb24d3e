"""Groq's error bodies and the handler that turns them into ``APICallError`` (port of
``groq-error.ts``).

The body is ``{"error": {"message": …, "type": …}}``; both fields are required, other keys are
dropped from the parsed ``data``. The error message is ``error.message``; a body of another
shape gives the HTTP reason phrase and keeps the body text.
"""

from __future__ import annotations

from typing_extensions import TypedDict

from ai_sdk_core.provider_utils import create_json_error_response_handler

__all__ = ["GroqErrorData", "GroqErrorDetails", "groq_failed_response_handler"]


class GroqErrorDetails(TypedDict):
    """The ``error`` object of a Groq error body."""

    message: str
    type: str


class GroqErrorData(TypedDict):
    """A Groq error body, as in HTTP error responses and stream error chunks."""

    error: GroqErrorDetails


def _error_message(data: GroqErrorData) -> str:
    return data["error"]["message"]


groq_failed_response_handler = create_json_error_response_handler(
    error_schema=GroqErrorData, error_to_message=_error_message
)
"""The failed-response handler of every Groq model."""
