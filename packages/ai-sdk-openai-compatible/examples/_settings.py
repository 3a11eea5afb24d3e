"""The server every example talks to, from environment variables.

- ``OPENAI_COMPATIBLE_BASE_URL``: the API's base URL (default ``http://127.0.0.1:8080/v1``,
  llama.cpp's ``llama-server``)
- ``OPENAI_COMPATIBLE_MODEL``: the chat model id (default ``smollm2``)
- ``OPENAI_COMPATIBLE_EMBEDDING_MODEL``: the embedding model id (default: the chat model)
- ``OPENAI_COMPATIBLE_API_KEY``: sent as a bearer token when set
- ``OPENAI_COMPATIBLE_STRUCTURED_OUTPUTS``: ``1`` when the server supports ``json_schema``
"""

from __future__ import annotations

import os

from ai_sdk_openai_compatible import OpenAICompatibleProvider, create_openai_compatible

BASE_URL = os.environ.get("OPENAI_COMPATIBLE_BASE_URL", "http://127.0.0.1:8080/v1")
MODEL = os.environ.get("OPENAI_COMPATIBLE_MODEL", "smollm2")
EMBEDDING_MODEL = os.environ.get("OPENAI_COMPATIBLE_EMBEDDING_MODEL", MODEL)


def provider() -> OpenAICompatibleProvider:
    """The provider for the configured server."""
    return create_openai_compatible(
        base_url=BASE_URL,
        name="local",
        api_key=os.environ.get("OPENAI_COMPATIBLE_API_KEY"),
        include_usage=True,
        supports_structured_outputs=os.environ.get("OPENAI_COMPATIBLE_STRUCTURED_OUTPUTS") == "1",
    )
