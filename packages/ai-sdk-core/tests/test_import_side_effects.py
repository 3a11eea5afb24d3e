"""Importing the SDK is free of side effects: no network, no threads, no optional integrations.

Each check runs in a fresh interpreter so that nothing imported by the test session leaks in.
"""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap

MODULES = [
    "ai_sdk_core",
    "ai_sdk_core.embed",
    "ai_sdk_core.generate_text",
    "ai_sdk_core.errors",
    "ai_sdk_core.provider",
    "ai_sdk_core.provider_utils",
    "ai_sdk_core.wire",
]

OPTIONAL_INTEGRATIONS = [
    "starlette",
    "fastapi",
    "django",
    "redis",
    "opentelemetry",
    "uvicorn",
    "jinja2",
]


def _import_in_fresh_interpreter() -> dict[str, object]:
    script = textwrap.dedent(
        f"""
        import json, socket, sys, threading

        attempts = []

        def refuse(*args, **kwargs):
            attempts.append(repr(args[:2]))
            raise OSError("network access during import")

        socket.socket.connect = refuse
        socket.socket.connect_ex = refuse
        socket.create_connection = refuse
        socket.getaddrinfo = refuse

        for name in {MODULES!r}:
            __import__(name)

        print(json.dumps({{
            "network": attempts,
            "threads": [thread.name for thread in threading.enumerate()],
            "modules": sorted(sys.modules),
        }}))
        """
    )
    completed = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True
    )
    return json.loads(completed.stdout)


def test_import_makes_no_network_call_and_starts_no_thread() -> None:
    report = _import_in_fresh_interpreter()

    assert report["network"] == []
    assert report["threads"] == ["MainThread"]


def test_import_loads_no_optional_integration() -> None:
    modules = set(_import_in_fresh_interpreter()["modules"])  # type: ignore[arg-type]

    assert {name.split(".")[0] for name in modules} & set(OPTIONAL_INTEGRATIONS) == set()


def test_pydantic_is_imported_on_first_use_only() -> None:
    # pydantic's model machinery costs more import time than the rest of the SDK together;
    # the spec types are plain dataclasses and validation builds its adapters lazily
    modules = set(_import_in_fresh_interpreter()["modules"])  # type: ignore[arg-type]

    assert "pydantic.main" not in modules
    assert "pydantic_core" not in modules


def test_http_and_event_loop_machinery_load_on_first_use() -> None:
    # httpx (and its TLS stack) and asyncio cost more import time than the SDK itself; the
    # first request, download or sync call loads them
    modules = set(_import_in_fresh_interpreter()["modules"])  # type: ignore[arg-type]

    assert {"httpx", "ssl", "asyncio"} & modules == set()
