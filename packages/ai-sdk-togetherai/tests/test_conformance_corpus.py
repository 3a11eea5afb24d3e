"""Replays the recorded TS conformance cases of togetherai against this package.

Each ``togetherai-*/case.json`` of the corpus (``$AI_SDK_CONFORMANCE_DIR``, or
``../shared/conformance`` next to the repository) is served with respx as recorded, the
provider is built from the case's settings, the model method is called, and the request and
the outcome (converted with :mod:`ai_sdk_core.wire`) must equal the case, except the
user agent's runtime token (``runtime/node.js/…`` there, ``runtime/python/…`` here).
``tools/conformance.py`` runs the same corpus over a real loopback server.
"""

from __future__ import annotations

import base64
import json
import os
import re
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any, cast

import httpx
import pytest
import respx

from ai_sdk_core.provider import (
    EmbeddingModelV4CallOptions,
    LanguageModelV4CallOptions,
    RerankingModelV4CallOptions,
)
from ai_sdk_core.wire import error_to_wire, from_wire, to_wire
from ai_sdk_togetherai import create_togetherai

PORT = 48124  # any port: respx answers every request
TRANSPORT_HEADERS = {"host", "connection", "content-length", "accept-encoding", "transfer-encoding"}
MODEL_METHODS = {
    "language": "chat_model",
    "embedding": "embedding_model",
    "reranking": "reranking_model",
}
CALLS = {
    "doGenerate": ("do_generate", LanguageModelV4CallOptions),
    "doStream": ("do_stream", LanguageModelV4CallOptions),
    "doEmbed": ("do_embed", EmbeddingModelV4CallOptions),
    "doRerank": ("do_rerank", RerankingModelV4CallOptions),
}


def _corpus() -> Path | None:
    configured = os.environ.get("AI_SDK_CONFORMANCE_DIR")
    path = (
        Path(configured)
        if configured
        else Path(__file__).resolve().parents[4] / "shared" / "conformance"
    )
    return path if path.is_dir() else None


CORPUS = _corpus()
CASES = sorted(p.parent.name for p in CORPUS.glob("togetherai-*/case.json")) if CORPUS else []


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
    elif "sse_chunks" in response:
        chunks = [chunk.encode() for chunk in response["sse_chunks"]]
    else:
        chunks = [base64.b64decode(chunk) for chunk in response["chunks_base64"]]
    return httpx.Response(
        response["status"],
        headers=list(response["headers"].items()),
        stream=_Chunks(chunks),
        extensions={"reason_phrase": response["reason"].encode()},
    )


def _replace(value: Any, old: str, new: str) -> Any:
    """``value`` with ``old`` replaced by ``new`` in every string."""
    if isinstance(value, str):
        return value.replace(old, new)
    if isinstance(value, list):
        return [_replace(item, old, new) for item in cast("list[Any]", value)]
    if isinstance(value, dict):
        return {k: _replace(v, old, new) for k, v in cast("dict[str, Any]", value).items()}
    return value


def _decode_tagged(value: Any) -> Any:
    if isinstance(value, list):
        return [_decode_tagged(item) for item in cast("list[Any]", value)]
    if isinstance(value, dict):
        mapping = cast("dict[str, Any]", value)
        if mapping.get("__type") == "Uint8Array":
            return base64.b64decode(mapping["base64"])
        if mapping.get("__type") == "URL":
            return mapping["href"]
        return {key: _decode_tagged(item) for key, item in mapping.items()}
    return value


async def _outcome(case: dict[str, Any], http_client: httpx.AsyncClient) -> dict[str, Any]:
    settings = _replace(case["settings"], "{port}", str(PORT))
    provider = create_togetherai(
        api_key=settings.get("apiKey"),
        base_url=settings["baseURL"],
        headers=settings.get("headers"),
        http_client=http_client,
    )
    model = getattr(provider, MODEL_METHODS[case["model"]["kind"]])(case["model"]["id"])
    method, options_type = CALLS[case["call"]["method"]]
    options = from_wire(
        options_type, _decode_tagged(_replace(case["call"]["options"], "{port}", str(PORT)))
    )
    outcome: dict[str, Any] = {}
    try:
        result = await getattr(model, method)(options)
        if method != "do_stream":
            outcome["expected_result"] = to_wire(result)
        else:
            outcome["expected_result"] = {
                "request": to_wire(result.request),
                "response": to_wire(result.response),
            }
            parts: list[Any] = outcome.setdefault("expected_stream", [])
            try:
                async for part in result.stream:
                    parts.append(to_wire(part))  # noqa: PERF401 - parts before an error count
            except Exception as error:
                outcome["expected_stream_error"] = error_to_wire(error)
    except Exception as error:
        outcome["expected_error"] = error_to_wire(error)
    return _replace(outcome, f"127.0.0.1:{PORT}", "127.0.0.1:{port}")


def _request(request: httpx.Request) -> dict[str, Any]:
    headers = {
        name: value
        for name, value in sorted(request.headers.items())
        if name not in TRANSPORT_HEADERS and not (name == "accept" and value == "*/*")
    }
    # versions as the corpus writes them; the last (runtime) token is the interpreter's
    agent = re.sub(r"/[^ /]+(?= |$)", "/<version>", headers.pop("user-agent", "")).split(" ")
    return {
        "method": request.method,
        "path": request.url.path,
        "query": dict(request.url.params),
        "headers": headers,
        "user_agent_without_runtime": agent[:-1],
        "json_body": json.loads(request.content),
    }


def _ignoring(value: Any, paths: list[str], root: str) -> Any:
    """``value`` with the case's ``ignore_paths`` under ``root`` replaced by ``"<ignored>"``."""
    for path in paths:
        if not path.startswith(root):
            continue
        tokens = re.findall(r"\[(\*|\d+)\]|\.([^.\[\]]+)", path[len(root) :])
        value = _mask(value, [index or key for index, key in tokens])
    return value


def _mask(value: Any, tokens: list[str]) -> Any:
    if not tokens:
        return "<ignored>"
    head, rest = tokens[0], tokens[1:]
    if isinstance(value, list):
        items = cast("list[Any]", value)
        return [_mask(v, rest) if head in ("*", str(i)) else v for i, v in enumerate(items)]
    if isinstance(value, dict):
        mapping = cast("dict[str, Any]", value)
        return {k: _mask(v, rest) if head in ("*", k) else v for k, v in mapping.items()}
    return value


@pytest.mark.skipif(not CASES, reason="conformance corpus not found (AI_SDK_CONFORMANCE_DIR)")
@pytest.mark.parametrize("name", CASES or ["<no corpus>"])
@pytest.mark.anyio
async def test_corpus_case(name: str, monkeypatch: pytest.MonkeyPatch) -> None:
    assert CORPUS is not None
    case = json.loads((CORPUS / name / "case.json").read_text("utf-8"))
    for variable, value in (case.get("env") or {}).items():
        monkeypatch.setenv(variable, value)  # conftest has cleared the Together AI keys

    async with httpx.AsyncClient() as http_client:
        with respx.mock(assert_all_called=False) as router:
            route = router.route().mock(return_value=_served(case["response"]))
            outcome = await _outcome(case, http_client)

    expected_request = dict(case["expected_request"])
    agent = re.sub(r"/[^ /]+(?= |$)", "/<version>", expected_request["headers"]["user-agent"])
    expected_request["headers"] = {
        k: v for k, v in expected_request["headers"].items() if k != "user-agent"
    }
    expected_request["user_agent_without_runtime"] = agent.split(" ")[:-1]
    assert len(route.calls) == 1
    assert _request(route.calls.last.request) == expected_request

    ignore = case.get("ignore_paths", [])
    for key in ("expected_result", "expected_error", "expected_stream", "expected_stream_error"):
        if key in case or key in outcome:
            actual, expected = outcome.get(key), case.get(key)
            assert _ignoring(actual, ignore, key) == _ignoring(expected, ignore, key), key
