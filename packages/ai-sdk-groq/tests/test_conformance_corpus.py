"""Replays the recorded TS conformance cases of groq against this package.

Each ``groq-*/case.json`` of the corpus (``$AI_SDK_CONFORMANCE_DIR``, or ``../shared/conformance``
next to the repository) is served with respx exactly as recorded (status, reason phrase,
headers, body bytes or SSE chunks); the provider is built from the case's settings, the model
method is called, and the request and the outcome, converted with :mod:`ai_sdk_core.wire`, are
compared with the case. ``tools/conformance.py`` does the same for every provider over a real
loopback server; this is the package's own, smaller check.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import AsyncIterator, Iterator
from pathlib import Path
from typing import Any, cast

import httpx
import pytest
import respx

from ai_sdk_core.provider import LanguageModelV4CallOptions
from ai_sdk_core.wire import error_to_wire, from_wire, to_wire
from ai_sdk_groq import create_groq

PORT = 48123  # any port: respx answers every request to 127.0.0.1
PROVIDER = "groq"
CLEARED_ENV = ["GROQ_API_KEY", "AI_GATEWAY_API_KEY", "OPENAI_API_KEY"]
TRANSPORT_HEADERS = {"host", "connection", "content-length", "accept-encoding", "accept"}


def _corpus_dir() -> Path | None:
    configured = os.environ.get("AI_SDK_CONFORMANCE_DIR")
    if configured:
        return Path(configured)
    candidate = Path(__file__).resolve().parents[3].parent / "shared" / "conformance"
    return candidate if candidate.is_dir() else None


CORPUS = _corpus_dir()
CASES = (
    sorted(
        path.name
        for path in CORPUS.iterdir()
        if (path / "case.json").is_file() and path.name.startswith(f"{PROVIDER}-")
    )
    if CORPUS is not None and CORPUS.is_dir()
    else []
)


class _Chunks(httpx.AsyncByteStream):
    def __init__(self, chunks: list[bytes]) -> None:
        self._chunks = chunks

    async def __aiter__(self) -> AsyncIterator[bytes]:
        for chunk in self._chunks:
            yield chunk


def _served(response: dict[str, Any]) -> httpx.Response:
    if "body" in response:
        chunks = [json.dumps(response["body"], separators=(",", ":"), ensure_ascii=False).encode()]
    elif "body_text" in response:
        chunks = [response["body_text"].encode()]
    else:
        chunks = [chunk.encode() for chunk in response["sse_chunks"]]
    return httpx.Response(
        response["status"],
        headers=list(response["headers"].items()),
        stream=_Chunks(chunks),
        extensions={"reason_phrase": response["reason"].encode()},
    )


def _replace(value: Any, old: str, new: str) -> Any:
    if isinstance(value, str):
        return value.replace(old, new)
    if isinstance(value, list):
        return [_replace(item, old, new) for item in cast("list[Any]", value)]
    if isinstance(value, dict):
        return {
            key: _replace(item, old, new) for key, item in cast("dict[str, Any]", value).items()
        }
    return value


async def _run(case: dict[str, Any], http_client: httpx.AsyncClient) -> dict[str, Any]:
    settings = _replace(case["settings"], "{port}", str(PORT))
    provider = create_groq(
        api_key=settings.get("apiKey"), base_url=settings["baseURL"], http_client=http_client
    )
    assert case["model"]["kind"] == "language"
    model = provider.language_model(case["model"]["id"])
    options = from_wire(LanguageModelV4CallOptions, case["call"]["options"])
    outcome: dict[str, Any] = {}
    try:
        if case["call"]["method"] == "doGenerate":
            outcome["expected_result"] = to_wire(await model.do_generate(options))
        else:
            result = await model.do_stream(options)
            outcome["expected_result"] = {
                "request": to_wire(result.request),
                "response": to_wire(result.response),
            }
            outcome["expected_stream"] = [to_wire(part) async for part in result.stream]
    except Exception as error:
        outcome["expected_error"] = error_to_wire(error)
    return _replace(outcome, f"127.0.0.1:{PORT}", "127.0.0.1:{port}")


def _recorded_request(request: httpx.Request) -> dict[str, Any]:
    headers = {
        name: value
        for name, value in sorted((name.lower(), value) for name, value in request.headers.items())
        if name not in TRANSPORT_HEADERS
    }
    return {
        "method": request.method,
        "path": request.url.path,
        "query": dict(request.url.params),
        "headers": headers,
        "json_body": json.loads(request.content),
    }


def _user_agent_tokens(user_agent: str) -> list[str]:
    # versions as the corpus writes them, without the runtime token (node.js vs python)
    return re.sub(r"/[^ /]+(?= |$)", "/<version>", user_agent).split(" ")[:-1]


def _differences(expected: Any, actual: Any, path: str) -> Iterator[str]:
    if isinstance(expected, dict) and isinstance(actual, dict):
        want, got = cast("dict[str, Any]", expected), cast("dict[str, Any]", actual)
        for key in sorted(want.keys() | got.keys()):
            if key not in got:
                yield f"{path}.{key}: missing"
            elif key not in want:
                yield f"{path}.{key}: unexpected {json.dumps(got[key])[:200]}"
            else:
                yield from _differences(want[key], got[key], f"{path}.{key}")
    elif isinstance(expected, list) and isinstance(actual, list):
        want_list, got_list = cast("list[Any]", expected), cast("list[Any]", actual)
        if len(want_list) != len(got_list):
            yield f"{path}: {len(got_list)} items, expected {len(want_list)}"
        for index, (want_item, got_item) in enumerate(zip(want_list, got_list, strict=False)):
            yield from _differences(want_item, got_item, f"{path}[{index}]")
    elif isinstance(expected, bool) != isinstance(actual, bool) or expected != actual:
        yield f"{path}: {json.dumps(actual)[:300]} != expected {json.dumps(expected)[:300]}"


@pytest.mark.skipif(
    not CASES,
    reason="conformance corpus not found: set AI_SDK_CONFORMANCE_DIR or put it at ../shared/conformance",
)
@pytest.mark.parametrize("name", CASES or ["<no corpus>"])
@pytest.mark.anyio
async def test_corpus_case(name: str, monkeypatch: pytest.MonkeyPatch) -> None:
    assert CORPUS is not None
    case = json.loads((CORPUS / name / "case.json").read_text("utf-8"))
    assert not case.get("ignore_paths"), "ignore_paths are not supported by this check"
    assert not case.get("env"), "env is not supported by this check"
    for variable in CLEARED_ENV:
        monkeypatch.delenv(variable, raising=False)

    async with httpx.AsyncClient() as http_client:
        with respx.mock(assert_all_called=False) as router:
            route = router.route().mock(return_value=_served(case["response"]))
            outcome = await _run(case, http_client)

    assert len(route.calls) == 1
    expected_request = dict(case["expected_request"])
    actual_request = _recorded_request(route.calls.last.request)
    want_headers, got_headers = dict(expected_request.pop("headers")), actual_request.pop("headers")
    assert _user_agent_tokens(want_headers.pop("user-agent")) == _user_agent_tokens(
        got_headers.pop("user-agent")
    )
    problems = list(_differences(want_headers, got_headers, "expected_request.headers"))
    problems += _differences(expected_request, actual_request, "expected_request")
    for key in ("expected_result", "expected_error", "expected_stream"):
        if key in case or key in outcome:
            problems += _differences(case.get(key), outcome.get(key), key)
    assert not problems, "\n".join(problems)
