"""Response id, model id and timestamp of an OpenAI-style response (port of
``get-response-metadata.ts``)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ai_sdk_core.provider_utils import (
    LanguageModelResponseMetadata,
    create_language_model_response_metadata,
)

__all__ = ["get_response_metadata"]


def get_response_metadata(response: Mapping[str, Any]) -> LanguageModelResponseMetadata:
    """``{"id", "model_id", "timestamp"}`` from ``id``, ``model`` and ``created`` (Unix seconds).

    ``created`` 0, which some servers send as a placeholder, gives no timestamp.
    """
    return create_language_model_response_metadata(
        id=response.get("id"), model=response.get("model"), created=response.get("created") or None
    )
