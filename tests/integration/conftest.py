"""Fixtures of the integration tests: a real llama.cpp server (built once into a cache outside
the repository by ``tools/local_llm.py``) and providers that talk to it."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "tools"))

from ai_sdk.providers.openai_compatible import (
    OpenAICompatibleProvider,
    create_openai_compatible,
)
from local_llm import Server
from local_llm_fixture import llama_server, llama_server_with_api_key

__all__ = ["llama_server", "llama_server_with_api_key"]


@pytest.fixture
def anyio_backend() -> str:
    return "asyncio"


@pytest.fixture(scope="session")
def llama(llama_server: Server) -> OpenAICompatibleProvider:
    """The openai-compatible provider for the session's server, as the README configures it."""
    return create_openai_compatible(
        base_url=llama_server.base_url,
        name="llamacpp",
        include_usage=True,
        supports_structured_outputs=True,
    )
