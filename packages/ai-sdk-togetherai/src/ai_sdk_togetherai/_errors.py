"""Together AI's error bodies.

Chat, completion and embedding models use the OpenAI error format of
:mod:`ai_sdk_openai_compatible` (:data:`TogetherAIErrorData`); the image and reranking models
read ``{"error": {"message": …}}`` and use that message.
"""

from __future__ import annotations

from typing import TypeAlias

from typing_extensions import TypedDict

from ai_sdk_core.errors import APICallError
from ai_sdk_core.provider_utils import ResponseHandler, create_json_error_response_handler
from ai_sdk_openai_compatible import OpenAICompatibleErrorData

__all__ = ["TogetherAIErrorData", "failed_response_handler"]

TogetherAIErrorData: TypeAlias = OpenAICompatibleErrorData
"""An error body of Together AI: ``{"error": {"message": …, "type": …, "code": …}}``."""


class _ErrorDetails(TypedDict):
    message: str


class _ErrorBody(TypedDict):
    error: _ErrorDetails


def _message(data: _ErrorBody) -> str:
    return data["error"]["message"]


def failed_response_handler() -> ResponseHandler[APICallError]:
    """The error handler of the image and reranking models: ``APICallError`` with the
    server's ``error.message`` (or the HTTP reason phrase)."""
    return create_json_error_response_handler(error_schema=_ErrorBody, error_to_message=_message)
