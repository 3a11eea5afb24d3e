"""Replays the recorded TS conformance cases of the gateway against this package.

Each ``gateway-*/case.json`` of the corpus (``$AI_SDK_CONFORMANCE_DIR``, or
``../shared/conformance`` next to the repository) is served with respx exactly as recorded
(status, reason phrase, headers, body bytes or SSE chunks), the provider is built from the
case's settings, the model method is called, and the request and the outcome, converted with
:mod:`ai_sdk_core.wire`, are compared with the case (honouring ``ignore_paths``).
"""

from __future__ import annotations

import base64
import json
import os
import re
from collections.abc import AsyncIterator, Iterator
from pathlib import Path
from typing import Any, cast

import httpx
import pytest
import respx

from ai_sdk_core.provider import EmbeddingModelV4CallOptions, LanguageModelV4CallOptions
from ai_sdk_core.wire import error_to_wire, from_wire, to_wire
from ai_sdk_gateway import create_gateway

PORT = 48123  # any port: respx answers every request to 127.0.0.1
PROVIDER = "gateway"

CLEARED_ENV = [
    "AI_GATEWAY_API_KEY",
    "VERCEL_OIDC_TOKEN",
    "VERCEL_DEPLOYMENT_ID",
    "VERCEL_ENV",
    "VERCEL_REGION",
    "VERCEL_PROJECT_ID",
    "VERCEL_URL",
    "GROQ_API_KEY",
    "TOGETHER_API_KEY",
    "TOGETHER_AI_API_KEY",
    "OPENAI_API_KEY",
]
TRANSPORT_HEADERS = {
    "host",
    "connection",
    "content-length",
    "accept-encoding",
    "accept-language",
    "sec-fetch-mode",
    "transfer-encoding",
    "keep-alive",
}
SETTING_NAMES = {"baseURL": "base_url", "apiKey": "api_key", "teamIdOrSlug": "team_id_or_slug"}


def _corpus_dir() -> Path | None:
    configured = os.environ.get("AI_SDK_CONFORMANCE_DIR")
    if configured:
        return Path(configured)
    repo_root = Path(__file__).resolve().parents[3]
    candidate = repo_root.parent / "shared" / "conformance"
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


# --- serving -------------------------------------------------------------------------------


class _Chunks(httpx.AsyncByteStream):
    def __init__(self, chunks: list[bytes]) -> None:
        self._chunks = chunks

    async def __aiter__(self) -> AsyncIterator[bytes]:
        for chunk in self._chunks:
            yield chunk


def _body_chunks(response: dict[str, Any]) -> list[bytes]:
    if "body" in response:
        return [json.dumps(response["body"], separators=(",", ":"), ensure_ascii=False).encode()]
    if "body_text" in response:
        return [response["body_text"].encode()]
    if "sse_chunks" in response:
        return [chunk.encode() for chunk in response["sse_chunks"]]
    return [base64.b64decode(chunk) for chunk in response["chunks_base64"]]


def _served(response: dict[str, Any]) -> httpx.Response:
    return httpx.Response(
        response["status"],
        headers=list(response["headers"].items()),
        stream=_Chunks(_body_chunks(response)),
        extensions={"reason_phrase": response["reason"].encode()},
    )


# --- inputs --------------------------------------------------------------------------------


def _with_port(value: Any) -> Any:
    if isinstance(value, str):
        return value.replace("{port}", str(PORT))
    if isinstance(value, list):
        return [_with_port(item) for item in cast("list[Any]", value)]
    if isinstance(value, dict):
        return {key: _with_port(item) for key, item in cast("dict[str, Any]", value).items()}
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


def _snake(name: str) -> str:
    return SETTING_NAMES.get(name) or re.sub(r"(?<!^)(?=[A-Z])", "_", name).lower()


def _model(case: dict[str, Any], http_client: httpx.AsyncClient) -> Any:
    settings = {_snake(key): value for key, value in _with_port(case["settings"]).items()}
    provider = create_gateway(**settings, http_client=http_client)
    kind, model_id = case["model"]["kind"], case["model"]["id"]
    if kind == "language":
        return provider.language_model(model_id)
    if kind == "embedding":
        return provider.embedding_model(model_id)
    assert kind in ("metadata", "credits"), kind
    return provider


# --- outcome -------------------------------------------------------------------------------


def _without_port(value: Any) -> Any:
    if isinstance(value, str):
        return value.replace(f"127.0.0.1:{PORT}", "127.0.0.1:{port}")
    if isinstance(value, list):
        return [_without_port(item) for item in cast("list[Any]", value)]
    if isinstance(value, dict):
        return {key: _without_port(item) for key, item in cast("dict[str, Any]", value).items()}
    return value


async def _run(case: dict[str, Any], http_client: httpx.AsyncClient) -> dict[str, Any]:
    model = _model(case, http_client)
    method = case["call"]["method"]
    options = _decode_tagged(_with_port(case["call"]["options"]))
    outcome: dict[str, Any] = {}
    try:
        if method == "getAvailableModels":
            outcome["expected_result"] = to_wire(await model.get_available_models())
        elif method == "getCredits":
            outcome["expected_result"] = to_wire(await model.get_credits())
        elif method == "doEmbed":
            result = await model.do_embed(from_wire(EmbeddingModelV4CallOptions, options))
            outcome["expected_result"] = to_wire(result)
        elif method == "doGenerate":
            result = await model.do_generate(from_wire(LanguageModelV4CallOptions, options))
            outcome["expected_result"] = to_wire(result)
        else:
            assert method == "doStream", method
            result = await model.do_stream(from_wire(LanguageModelV4CallOptions, options))
            outcome["expected_result"] = {
                key: to_wire(value)
                for key, value in (("request", result.request), ("response", result.response))
                if value is not None
            }
            parts: list[Any] = []
            outcome["expected_stream"] = parts
            try:
                async for part in result.stream:
                    parts.append(to_wire(part))  # noqa: PERF401 - parts before an error count
            except Exception as error:
                outcome["expected_stream_error"] = error_to_wire(error)
    except Exception as error:
        outcome["expected_error"] = error_to_wire(error)
    return _without_port(outcome)


def _recorded_request(request: httpx.Request) -> dict[str, Any]:
    query: dict[str, Any] = {}
    for name, value in request.url.params.multi_items():
        if name in query:
            previous = query[name]
            query[name] = [*previous, value] if isinstance(previous, list) else [previous, value]
        else:
            query[name] = value
    headers = {
        name: value
        for name, value in sorted((name.lower(), value) for name, value in request.headers.items())
        if name not in TRANSPORT_HEADERS and not (name == "accept" and value == "*/*")
    }
    recorded: dict[str, Any] = {
        "method": request.method,
        "path": request.url.path,
        "query": query,
        "headers": headers,
    }
    content = request.content
    if content:  # a GET has no body
        try:
            recorded["json_body"] = json.loads(content)
        except ValueError:
            recorded["body_text"] = content.decode()
    return recorded


def _user_agent_tokens(user_agent: str) -> list[str]:
    # versions as the corpus writes them, without the runtime token (node.js vs python)
    return re.sub(r"/[^ /]+(?= |$)", "/<version>", user_agent).split(" ")[:-1]


# --- comparison ----------------------------------------------------------------------------

Path_ = list[str | int]


def _parse_path(pattern: str) -> Path_:
    tokens: Path_ = []
    for match in re.finditer(r"\[(\*|\d+)\]|\.?([^.\[\]]+)", pattern):
        index, key = match.groups()
        tokens.append(key if index is None else ("*" if index == "*" else int(index)))
    return tokens


def _ignored(path: Path_, patterns: list[Path_]) -> bool:
    for pattern in patterns:
        if len(pattern) <= len(path) and all(
            want == "*" or want == got for want, got in zip(pattern, path, strict=False)
        ):
            return True
    return False


def _show(path: Path_) -> str:
    return "".join(f"[{token}]" if isinstance(token, int) else f".{token}" for token in path)[1:]


def _differences(expected: Any, actual: Any, path: Path_, ignore: list[Path_]) -> Iterator[str]:
    if _ignored(path, ignore):
        return
    if isinstance(expected, dict) and isinstance(actual, dict):
        want, got = cast("dict[str, Any]", expected), cast("dict[str, Any]", actual)
        for key in sorted(want.keys() | got.keys()):
            if key not in got:
                if not _ignored([*path, key], ignore):
                    yield f"{_show([*path, key])}: missing (expected {json.dumps(want[key])[:200]})"
            elif key not in want:
                if not _ignored([*path, key], ignore):
                    yield f"{_show([*path, key])}: unexpected {json.dumps(got[key])[:200]}"
            else:
                yield from _differences(want[key], got[key], [*path, key], ignore)
        return
    if isinstance(expected, list) and isinstance(actual, list):
        want_list, got_list = cast("list[Any]", expected), cast("list[Any]", actual)
        if len(want_list) != len(got_list):
            yield f"{_show(path)}: {len(got_list)} items, expected {len(want_list)}"
        for index, (want_item, got_item) in enumerate(zip(want_list, got_list, strict=False)):
            yield from _differences(want_item, got_item, [*path, index], ignore)
        return
    same_kind = isinstance(expected, bool) == isinstance(actual, bool)
    if not same_kind or expected != actual:
        yield f"{_show(path)}: {json.dumps(actual)[:300]} != expected {json.dumps(expected)[:300]}"


def _compare_request(expected: dict[str, Any], actual: dict[str, Any]) -> list[str]:
    want_headers = dict(expected["headers"])
    got_headers = dict(actual["headers"])
    problems: list[str] = []
    want_agent, got_agent = want_headers.pop("user-agent", ""), got_headers.pop("user-agent", "")
    if _user_agent_tokens(want_agent) != _user_agent_tokens(got_agent):
        problems.append(f"expected_request.headers.user-agent: {got_agent!r} != {want_agent!r}")
    problems += _differences(
        {**expected, "headers": want_headers},
        {**actual, "headers": got_headers},
        ["expected_request"],
        [],
    )
    return problems


# --- the test ------------------------------------------------------------------------------


@pytest.mark.skipif(
    CORPUS is None or not CASES,
    reason="conformance corpus not found: set AI_SDK_CONFORMANCE_DIR or put it at ../shared/conformance",
)
@pytest.mark.parametrize("name", CASES or ["<no corpus>"])
@pytest.mark.anyio
async def test_corpus_case(name: str, monkeypatch: pytest.MonkeyPatch) -> None:
    assert CORPUS is not None
    case = json.loads((CORPUS / name / "case.json").read_text("utf-8"))
    for variable in CLEARED_ENV:
        monkeypatch.delenv(variable, raising=False)
    for variable, value in (case.get("env") or {}).items():
        monkeypatch.setenv(variable, value)

    async with httpx.AsyncClient() as http_client:
        with respx.mock(assert_all_called=False) as router:
            route = router.route().mock(return_value=_served(case["response"]))
            outcome = await _run(case, http_client)

    ignore = [_parse_path(pattern) for pattern in case.get("ignore_paths", [])]
    problems: list[str] = []
    if case.get("expected_request") is None:
        assert not route.calls, "expected no request"
    else:
        assert len(route.calls) == 1
        problems += _compare_request(
            case["expected_request"], _recorded_request(route.calls.last.request)
        )
    outcomes = ("expected_result", "expected_error", "expected_stream", "expected_stream_error")
    for key in outcomes:
        if key in case or key in outcome:
            problems += _differences(case.get(key), outcome.get(key), [key], ignore)
    assert not problems, "\n".join(problems)
