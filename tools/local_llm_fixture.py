"""pytest fixtures for a real llama.cpp server (see ``local_llm.py``).

Import them into a ``conftest.py`` with ``tools/`` on ``sys.path``::

    from local_llm_fixture import llama_server, llama_server_with_api_key  # noqa: F401

``llama_server`` is one server for the whole test session, without an API key;
``llama_server_with_api_key`` is a second one started with ``--api-key`` (its key is
``server.api_key``), for tests of authentication errors. Both are stopped by PID when the session
ends. When the binary is not built yet, the build runs first with its progress shown (pytest's
output capture is suspended for it).
"""

from __future__ import annotations

import secrets
from collections.abc import Iterator

import pytest
from _pytest.capture import CaptureManager

import local_llm

__all__ = ["llama_server", "llama_server_with_api_key"]


def _prepare(request: pytest.FixtureRequest) -> None:
    if local_llm.is_prepared():
        return
    capture = request.config.pluginmanager.getplugin("capturemanager")
    if not isinstance(capture, CaptureManager):
        local_llm.prepare()
        return
    with capture.global_and_fixture_disabled():
        local_llm.prepare()


@pytest.fixture(scope="session")
def llama_server(request: pytest.FixtureRequest) -> Iterator[local_llm.Server]:
    """llama-server with SmolLM2-135M on 127.0.0.1 (model ``smollm2``), for the session."""
    _prepare(request)
    with local_llm.start() as server:
        yield server


@pytest.fixture(scope="session")
def llama_server_with_api_key(request: pytest.FixtureRequest) -> Iterator[local_llm.Server]:
    """A second server that requires ``Authorization: Bearer <server.api_key>``."""
    _prepare(request)
    with local_llm.start(api_key=f"test-{secrets.token_hex(8)}") as server:
        yield server
