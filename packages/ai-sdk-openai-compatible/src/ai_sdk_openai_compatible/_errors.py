"""The error bodies of OpenAI-compatible APIs, and how a provider describes its own.

Port of ``openai-compatible-error.ts``. ``OpenAICompatibleErrorData`` is a ``TypedDict``, so a
parsed error is a plain dict: keys the server left out stay absent, ``null`` stays ``None``
(as zod keeps them apart), and unknown keys are dropped.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Generic, NotRequired, TypeVar

from typing_extensions import TypedDict

if TYPE_CHECKING:
    import httpx

__all__ = [
    "DEFAULT_ERROR_STRUCTURE",
    "OpenAICompatibleErrorData",
    "OpenAICompatibleErrorDetails",
    "ProviderErrorStructure",
]

T = TypeVar("T")


class OpenAICompatibleErrorDetails(TypedDict):
    """The ``error`` object: a ``message``, and loosely typed ``type``, ``param`` and ``code``."""

    message: str
    type: NotRequired[str | None]
    param: NotRequired[Any]
    code: NotRequired[str | int | None]


class OpenAICompatibleErrorData(TypedDict):
    """An OpenAI-style error body: ``{"error": {"message": …, "type": …, "code": …}}``."""

    error: OpenAICompatibleErrorDetails


@dataclass(frozen=True, kw_only=True)  # no slots: ProviderErrorStructure[T](...) must work
class ProviderErrorStructure(Generic[T]):
    """How a provider's error responses look (``ProviderErrorStructure`` in TS).

    ``error_schema`` validates an error body (a ``TypedDict``, pydantic model or any type
    pydantic knows); ``error_to_message`` turns the parsed body into the error message;
    ``is_retryable`` (called with the response and the parsed body, or ``None``) overrides the
    default (408, 409, 429 and 5xx are retryable). In a stream, a chunk that matches
    ``error_schema`` instead of the chunk schema becomes an ``error`` part carrying its
    ``error`` entry.
    """

    error_schema: Any
    error_to_message: Callable[[T], str]
    is_retryable: Callable[[httpx.Response, T | None], bool] | None = None


def _error_message(data: OpenAICompatibleErrorData) -> str:
    return data["error"]["message"]


DEFAULT_ERROR_STRUCTURE: ProviderErrorStructure[OpenAICompatibleErrorData] = ProviderErrorStructure(
    error_schema=OpenAICompatibleErrorData, error_to_message=_error_message
)
"""The OpenAI error format; the message is ``error.message``."""
