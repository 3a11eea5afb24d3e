"""tools/conformance.py: serving, normalising, converting, comparing, and the whole run."""

from __future__ import annotations

import asyncio
import base64
import json
import math
import os
import re
import subprocess
import sys
import types
from collections.abc import AsyncGenerator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, cast

import httpx
import pytest

from _conformance.compare import (
    MISSING,
    Difference,
    Wildcard,
    compare,
    format_difference,
    parse_path,
)
from _conformance.convert import (
    decode_tagged,
    normalize_request,
    outcome_json,
    tolerate_runtime_token,
    with_port,
)
from _conformance.providers import ProviderEntry, python_settings
from _conformance.runner import main
from _conformance.server import RecordedRequest, ReplayServer, wire_chunks, write_chunks
from ai_sdk_core.errors import APICallError, InvalidResponseDataError
from ai_sdk_core.provider import (
    LanguageModelV4CallOptions,
    LanguageModelV4FinishReason,
    LanguageModelV4GenerateResult,
    LanguageModelV4InputTokens,
    LanguageModelV4OutputTokens,
    LanguageModelV4RequestInfo,
    LanguageModelV4ResponseInfo,
    LanguageModelV4StreamResponseInfo,
    LanguageModelV4StreamResult,
    LanguageModelV4Text,
    LanguageModelV4Usage,
)
from ai_sdk_core.wire import to_wire

CONFORMANCE = Path(__file__).resolve().parents[1] / "conformance.py"


@pytest.fixture
def anyio_backend() -> str:
    return "asyncio"


# -- a fake provider: just enough HTTP to show what the runner serves and records ------------


class FakeModel:
    def __init__(self, provider: FakeProvider, model_id: str) -> None:
        self.provider = provider
        self.model_id = model_id

    def _request(self, options: LanguageModelV4CallOptions, stream: bool) -> httpx.Request:
        api_key = self.provider.api_key or os.environ.get("FAKE_API_KEY", "none")
        headers = {
            "authorization": f"Bearer {api_key}",
            "user-agent": "fake-provider/1.2.3 python/3.11.0",
            **self.provider.headers,
            **{name: value for name, value in (options.headers or {}).items() if value},
        }
        if "OPENAI_API_KEY" in os.environ:  # the runner clears it for every case
            headers["x-leaked"] = os.environ["OPENAI_API_KEY"]
        body = {"model": self.model_id, "prompt": to_wire(options.prompt), "stream": stream}
        return httpx.Request(
            "POST", f"{self.provider.base_url}/generate", json=body, headers=headers
        )

    async def do_generate(
        self, options: LanguageModelV4CallOptions
    ) -> LanguageModelV4GenerateResult:
        if self.model_id == "hang":
            await asyncio.Event().wait()
        request = self._request(options, stream=False)
        async with httpx.AsyncClient() as client:
            response = await client.send(request)
        if response.status_code >= 400:
            raise APICallError(
                response.reason_phrase,
                url=str(request.url),
                request_body_values=json.loads(request.content),
                status_code=response.status_code,
                response_headers=dict(response.headers),
                response_body=response.text,
            )
        data = response.json()
        return LanguageModelV4GenerateResult(
            content=[LanguageModelV4Text(text=data["text"])],
            finish_reason=LanguageModelV4FinishReason(unified="stop", raw="stop"),
            usage=LanguageModelV4Usage(
                input_tokens=LanguageModelV4InputTokens(total=3),
                output_tokens=LanguageModelV4OutputTokens(total=1),
            ),
            warnings=[],
            response=LanguageModelV4ResponseInfo(headers=dict(response.headers), body=data),
        )

    async def do_stream(self, options: LanguageModelV4CallOptions) -> LanguageModelV4StreamResult:
        request = self._request(options, stream=True)
        client = httpx.AsyncClient()
        response = await client.send(request, stream=True)

        async def parts() -> AsyncGenerator[dict[str, Any], None]:
            try:
                yield {"type": "stream-start", "warnings": []}
                buffer = ""
                async for text in response.aiter_text():
                    buffer += text
                    while "\n\n" in buffer:
                        event, buffer = buffer.split("\n\n", 1)
                        data = event.removeprefix("data: ")
                        if data == "boom":
                            raise InvalidResponseDataError(data=data, message="bad event")
                        yield {"type": "text-delta", "id": "0", "delta": data}
                yield {"type": "finish", "finishReason": {"unified": "stop"}}
            finally:
                await response.aclose()
                await client.aclose()

        return LanguageModelV4StreamResult(
            stream=cast("Any", parts()),  # plain dicts stand in for stream parts
            request=LanguageModelV4RequestInfo(body=json.loads(request.content)),
            response=LanguageModelV4StreamResponseInfo(headers=dict(response.headers)),
        )


class FakeProvider:
    def __init__(
        self, *, base_url: str, api_key: str | None = None, headers: dict[str, str] | None = None
    ) -> None:
        self.base_url = base_url
        self.api_key = api_key
        self.headers = headers or {}

    def language_model(self, model_id: str) -> FakeModel:
        return FakeModel(self, model_id)

    async def get_available_models(self) -> dict[str, Any]:
        async with httpx.AsyncClient() as client:
            response = await client.get(f"{self.base_url}/config?b=2&a=1&b=3")
        return {"models": response.json(), "fetchedAt": datetime(2025, 8, 1, tzinfo=UTC)}


PROVIDERS = {
    "fake": ProviderEntry(
        "fake_conformance_provider",
        "create_fake",
        {"language": "language_model", "metadata": None},
    ),
    "unported": ProviderEntry("fake_conformance_provider", "create_unported", {"language": "x"}),
    "missing": ProviderEntry("ai_sdk_no_such_package", "create_missing", {"language": "x"}),
}


@pytest.fixture(autouse=True)
def fake_provider_module(monkeypatch: pytest.MonkeyPatch) -> None:
    module = types.ModuleType("fake_conformance_provider")
    setattr(module, "create_fake", FakeProvider)  # noqa: B010 - a module built at run time
    monkeypatch.setitem(sys.modules, "fake_conformance_provider", module)


# -- a synthetic corpus -------------------------------------------------------------------------

PROMPT = [{"role": "user", "content": [{"type": "text", "text": "Hi"}]}]
AGENT = "fake-provider/<version> node.js/<version>"


def case(**fields: Any) -> dict[str, Any]:
    """A language-model case of the fake provider; ``fields`` override or add."""
    return {
        "description": "synthetic",
        "provider": "fake",
        "settings": {"baseURL": "http://127.0.0.1:{port}/v1", "apiKey": "k"},
        "model": {"kind": "language", "id": "m"},
        "call": {"method": "doGenerate", "options": {"prompt": PROMPT}},
        "ignore_paths": [],
        **fields,
    }


def request(stream: bool = False, **headers: str) -> dict[str, Any]:
    return {
        "method": "POST",
        "path": "/v1/generate",
        "query": {},
        "headers": {
            "authorization": "Bearer k",
            "content-type": "application/json",
            "user-agent": AGENT,
            **headers,
        },
        "json_body": {"model": "m", "prompt": PROMPT, "stream": stream},
    }


def json_headers(body: object) -> dict[str, str]:
    length = len(json.dumps(body, separators=(",", ":"), ensure_ascii=False).encode())
    return {"content-type": "application/json", "content-length": str(length), "x-request-id": "r"}


STREAM_HEADERS = {"content-type": "text/event-stream", "cache-control": "no-cache"}


def generate_case(text: str = "Grüße", **fields: Any) -> dict[str, Any]:
    body = {"text": "Grüße"}
    headers = json_headers(body)
    return case(
        response={"status": 200, "reason": "OK", "headers": headers, "body": body},
        expected_request=request(),
        expected_result={
            "content": [{"type": "text", "text": text}],
            "finishReason": {"unified": "stop", "raw": "stop"},
            "usage": {"inputTokens": {"total": 3}, "outputTokens": {"total": 1}},
            "warnings": [],
            "response": {"headers": headers, "body": body},
        },
        **fields,
    )


def stream_case(response: dict[str, Any], deltas: list[str], **fields: Any) -> dict[str, Any]:
    return case(
        call={"method": "doStream", "options": {"prompt": PROMPT}},
        response={"status": 200, "reason": "OK", "headers": STREAM_HEADERS, **response},
        expected_request=request(stream=True),
        expected_result={
            "request": {"body": {"model": "m", "prompt": PROMPT, "stream": True}},
            "response": {"headers": STREAM_HEADERS},
        },
        expected_stream=[
            {"type": "stream-start", "warnings": []},
            *({"type": "text-delta", "id": "0", "delta": delta} for delta in deltas),
            {"type": "finish", "finishReason": {"unified": "stop"}},
        ],
        **fields,
    )


def write_corpus(root: Path, cases: dict[str, dict[str, Any]]) -> Path:
    for name, content in cases.items():
        (root / name).mkdir(parents=True)
        (root / name / "case.json").write_text(json.dumps(content), "utf-8")
    return root


def run(capsys: pytest.CaptureFixture[str], corpus: Path, *args: str) -> tuple[int, list[str]]:
    """Exit status and output lines of a run, with the timings taken out."""
    status = main(["--corpus", str(corpus), *args], providers=PROVIDERS)
    output = re.sub(r" \([0-9.]+ s\)| in [0-9.]+ s$", "", capsys.readouterr().out, flags=re.M)
    return status, output.splitlines()


# -- the server ---------------------------------------------------------------------------------


@pytest.mark.anyio
async def test_server_sends_exactly_the_recorded_response_and_records_the_request() -> None:
    response = {
        "status": 418,
        "reason": "I'm A Teapot Today",
        "headers": {"content-type": "application/json", "X-Odd-Case": "1"},
        "body": {"a": "é", "b": [1, None]},
    }
    async with ReplayServer(response) as server:
        reader, writer = await asyncio.open_connection("127.0.0.1", server.port)
        writer.write(
            b"POST /v1/x?q=1 HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked\r\n\r\n"
            b"3\r\nabc\r\n2;ext=1\r\nde\r\n0\r\n\r\n"
        )
        await writer.drain()
        received = await reader.read()  # until the server closes the connection
        writer.close()

    assert received == (
        b"HTTP/1.1 418 I'm A Teapot Today\r\ncontent-type: application/json\r\nX-Odd-Case: 1\r\n"
        b'\r\n{"a":"\xc3\xa9","b":[1,null]}'
    )
    assert server.requests == [
        RecordedRequest(
            method="POST",
            target="/v1/x?q=1",
            headers=[("Host", "h"), ("Transfer-Encoding", "chunked")],
            body=b"abcde",
        )
    ]


class RecordingWriter:
    def __init__(self) -> None:
        self.events: list[bytes | str] = []

    def write(self, data: bytes) -> None:
        self.events.append(data)

    async def drain(self) -> None:
        self.events.append("drain")


@pytest.mark.anyio
async def test_each_chunk_is_written_and_flushed_on_its_own() -> None:
    head: dict[str, Any] = {"status": 200, "reason": "OK", "headers": {}}
    sse: dict[str, Any] = {**head, "sse_chunks": ["data: a\n\n", "data: b\n\n"]}
    raw: dict[str, Any] = {**head, "chunks_base64": [base64.b64encode(b"\xc3").decode(), "qQ=="]}
    writer = RecordingWriter()

    await write_chunks(writer, wire_chunks(sse))

    assert writer.events == [
        b"HTTP/1.1 200 OK\r\n\r\n",
        "drain",
        b"data: a\n\n",
        "drain",
        b"data: b\n\n",
        "drain",
    ]
    assert wire_chunks(raw)[1:] == [b"\xc3", b"\xa9"]
    with pytest.raises(ValueError, match="more than one body form"):
        wire_chunks({**sse, "body_text": "x"})


# -- conversions --------------------------------------------------------------------------------


def test_request_normalisation_drops_transport_headers_and_versions() -> None:
    recorded = RecordedRequest(
        method="POST",
        target="/v1/chat?api-version=1&tag=a&tag=b&empty=",
        headers=[
            ("Host", "127.0.0.1:4321"),
            ("Accept", "*/*"),
            ("Accept-Encoding", "gzip"),
            ("Connection", "keep-alive"),
            ("Content-Length", "40"),
            ("User-Agent", "ai-sdk-groq/0.1.0.dev1 ai-sdk-provider-utils/0.1.0 python/3.11.7"),
            ("X-Multi", "1"),
            ("x-multi", "2"),
            ("Content-Type", "application/json"),
        ],
        body=b'{"url":"http://127.0.0.1:4321/x","n":1.0}',
    )

    assert normalize_request(recorded, 4321) == {
        "method": "POST",
        "path": "/v1/chat",
        "query": {"api-version": "1", "tag": ["a", "b"], "empty": ""},
        "headers": {
            "content-type": "application/json",
            "user-agent": "ai-sdk-groq/<version> ai-sdk-provider-utils/<version> python/<version>",
            "x-multi": "1, 2",
        },
        "json_body": {"url": "http://127.0.0.1:{port}/x", "n": 1.0},
    }
    other_accept = RecordedRequest("GET", "/", [("accept", "application/json")], b"text, not JSON")
    assert normalize_request(other_accept, 1) == {
        "method": "GET",
        "path": "/",
        "query": {},
        "headers": {"accept": "application/json"},
        "body_text": "text, not JSON",
    }
    assert "json_body" not in normalize_request(RecordedRequest("GET", "/", [], b""), 1)


def test_only_the_runtime_token_of_the_user_agent_is_tolerated() -> None:
    expected = "ai-sdk-groq/<version> ai-sdk-provider-utils/<version> node.js/<version>"
    python = "ai-sdk-groq/<version> ai-sdk-provider-utils/<version> python/<version>"
    wrong_package = "ai-sdk-gateway/<version> ai-sdk-provider-utils/<version> python/<version>"

    assert tolerate_runtime_token(expected, python) == expected
    assert tolerate_runtime_token(expected, wrong_package) == wrong_package
    assert tolerate_runtime_token(expected, "ai-sdk-groq/<version>") == "ai-sdk-groq/<version>"


def test_outcome_json_follows_the_readme_rules() -> None:
    error = APICallError(
        "failed",
        url="http://127.0.0.1:4321/v1/chat",
        request_body_values={},
        status_code=500,
        cause=ValueError("inner"),
    )
    value = {
        "nan": math.nan,
        "inf": -math.inf,
        "bytes": b"\x00\xff",
        "when": datetime(2025, 8, 1, 0, 0, 1, 123456, tzinfo=UTC),
        "http://127.0.0.1:4321": "at 127.0.0.1:4321 and 127.0.0.1:43210",
        "part": LanguageModelV4Text(text="t"),
        "error": error,
        "tuple": (1, None),
        "object": object(),
    }

    assert outcome_json(value, 4321) == {
        "nan": None,
        "inf": None,
        "bytes": "AP8=",
        "when": "2025-08-01T00:00:01.123Z",
        "http://127.0.0.1:{port}": "at 127.0.0.1:{port} and 127.0.0.1:{port}0",
        "part": {"type": "text", "text": "t"},
        "error": {
            "name": "AI_APICallError",
            "message": "failed",
            "url": "http://127.0.0.1:{port}/v1/chat",
            "requestBodyValues": {},
            "statusCode": 500,
            "isRetryable": True,
            "cause": {"name": "ValueError", "message": "inner"},
        },
        "tuple": [1, None],
        "object": "<not JSON: object>",
    }


def test_inputs_decode_tagged_values_and_ports() -> None:
    options = {
        "data": {"__type": "Uint8Array", "base64": "AP8="},
        "url": [{"__type": "URL", "href": "http://127.0.0.1:{port}/a.png"}],
    }

    assert decode_tagged(with_port(options, 99)) == {
        "data": b"\x00\xff",
        "url": ["http://127.0.0.1:99/a.png"],
    }
    with pytest.raises(ValueError, match="Map"):
        decode_tagged({"__type": "Map"})


def test_settings_names_are_mapped_to_python() -> None:
    settings = {"baseURL": 1, "apiKey": 2, "teamIdOrSlug": 3, "queryParams": 4, "fetch": 5}

    assert python_settings(settings) == {
        "base_url": 1,
        "api_key": 2,
        "team_id_or_slug": 3,
        "query_params": 4,
        "http_client": 5,
    }


# -- comparing ----------------------------------------------------------------------------------


def test_missing_differs_from_null_and_numbers_compare_by_value() -> None:
    assert compare({"a": None}, {}) == [Difference("a", None, MISSING)]
    assert compare({}, {"a": None}) == [Difference("a", MISSING, None)]
    assert compare({"n": 1, "m": [1.5]}, {"n": 1.0, "m": [1.5]}) == []
    assert compare({"flag": True}, {"flag": 1}) == [Difference("flag", True, 1)]
    assert compare({"xs": [1, 2]}, {"xs": [1]}) == [Difference("xs[1]", 2, MISSING)]
    assert compare({"xs": [1]}, {"xs": {"0": 1}}) == [Difference("xs", [1], {"0": 1})]


def test_ignore_paths_patterns() -> None:
    expected = {"r": {"a": 1, "b": [{"id": "x", "t": 1}, {"id": "y", "t": 2}]}, "s": 1}
    actual = {"r": {"a": 2, "b": [{"id": "X", "t": 1}, {"id": "Y", "t": 3}]}, "s": 2}

    def differing(*paths: str) -> list[str]:
        return [d.path for d in compare(expected, actual, [parse_path(p) for p in paths])]

    assert differing() == ["r.a", "r.b[0].id", "r.b[1].id", "r.b[1].t", "s"]
    assert differing("r") == ["s"]  # a prefix ignores everything below it
    assert differing("r.b[1]", "s") == ["r.a", "r.b[0].id"]
    assert differing("r.b[*].id") == ["r.a", "r.b[1].t", "s"]
    assert differing("r.*") == ["s"]
    assert differing("*") == []
    assert differing("r.b.*") == ["r.a", "r.b[0].id", "r.b[1].id", "r.b[1].t", "s"]  # * is a key
    assert differing("r.b[*]") == ["r.a", "s"]
    assert parse_path("e[3].error.*") == ("e", 3, "error", Wildcard.KEY)
    with pytest.raises(ValueError, match="not an ignore path"):
        parse_path("a..b")


def test_a_difference_shows_where_long_values_start_to_differ() -> None:
    expected = "x" * 500 + "expected tail"
    actual = "x" * 500 + "actual tail"

    path, expected_line, actual_line = format_difference(Difference("p", expected, actual))

    assert path == "p"
    assert expected_line.startswith("  expected: …xxx")
    assert "expected tail" in expected_line
    assert "actual tail" in actual_line
    assert len(actual_line) < 200
    short = format_difference(Difference("q", MISSING, None))
    assert short == ["q", "  expected: (missing)", "  actual:   null"]


# -- whole runs ---------------------------------------------------------------------------------


def test_a_generate_case_passes_with_env_and_tagged_options(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("OPENAI_API_KEY", "must-be-cleared")
    monkeypatch.delenv("FAKE_API_KEY", raising=False)

    def image(data: object) -> list[dict[str, Any]]:
        part = {"type": "file", "mediaType": "image/png", "data": {"type": "data", "data": data}}
        return [{"role": "user", "content": [part]}]

    prompt = image({"__type": "Uint8Array", "base64": "AP8="})
    passing = generate_case(
        settings={"baseURL": "http://127.0.0.1:{port}/v1"},
        env={"FAKE_API_KEY": "key@127.0.0.1:{port}"},
        call={"method": "doGenerate", "options": {"prompt": prompt}},
    )
    passing["expected_request"]["json_body"]["prompt"] = image("AP8=")
    passing["expected_request"]["headers"]["authorization"] = "Bearer key@127.0.0.1:{port}"
    corpus = write_corpus(tmp_path, {"fake-generate": passing})

    status, lines = run(capsys, corpus)

    assert lines[0] == "PASS fake-generate"
    assert lines[-1] == "1 passed, 0 failed"
    assert status == 0
    assert os.environ["OPENAI_API_KEY"] == "must-be-cleared"
    assert "FAKE_API_KEY" not in os.environ


def test_streams_and_stream_errors(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    utf8 = "data: Grüße\n\n".encode()
    split = utf8.index(b"\xc3") + 1  # inside the two bytes of "ü"
    chunks = [base64.b64encode(part).decode() for part in (utf8[:split], utf8[split:])]
    failing_stream = stream_case({"sse_chunks": ["data: a\n\n", "data: boom\n\n"]}, ["a"])
    failing_stream["expected_stream"].pop()  # no finish: the stream raised
    failing_stream["expected_stream_error"] = {
        "name": "AI_InvalidResponseDataError",
        "message": "bad event",
        "data": "boom",
    }
    corpus = write_corpus(
        tmp_path,
        {
            "sse": stream_case({"sse_chunks": ["data: a\n\n", "data: b\n\n"]}, ["a", "b"]),
            "split-utf8": stream_case({"chunks_base64": chunks}, ["Grüße"]),
            "stream-error": failing_stream,
        },
    )

    status, lines = run(capsys, corpus)

    assert lines[:3] == [
        "PASS split-utf8",
        "PASS sse",
        "PASS stream-error",
    ]
    assert (status, lines[-1]) == (0, "3 passed, 0 failed")


def test_an_http_error_case_and_a_call_without_options(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    body = {"error": {"message": "slow down"}}
    error_case = case(
        response={
            "status": 429,
            "reason": "Slow Down Please",
            "headers": json_headers(body),
            "body": body,
        },
        expected_request=request(),
        expected_error={
            "name": "AI_APICallError",
            "message": "Slow Down Please",
            "url": "http://127.0.0.1:{port}/v1/generate",
            "requestBodyValues": {"model": "m", "prompt": PROMPT, "stream": False},
            "statusCode": 429,
            "responseHeaders": json_headers(body),
            "responseBody": '{"error":{"message":"slow down"}}',
            "isRetryable": True,
        },
    )
    metadata_case = case(
        model={"kind": "metadata", "id": "unused"},
        call={"method": "getAvailableModels", "options": {}},
        response={"status": 200, "reason": "OK", "headers": {}, "body_text": '["m1"]'},
        expected_request={
            "method": "GET",
            "path": "/v1/config",
            "query": {"b": ["2", "3"], "a": "1"},
            "headers": {"user-agent": "python-httpx/<version>"},
        },
        expected_result={"models": ["m1"], "fetchedAt": "2025-08-01T00:00:00.000Z"},
    )
    corpus = write_corpus(tmp_path, {"error-429": error_case, "metadata": metadata_case})

    status, lines = run(capsys, corpus)

    assert (status, lines[-1]) == (0, "2 passed, 0 failed"), "\n".join(lines)


def test_a_failing_case_prints_its_differences_and_fails_the_run(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    failing = generate_case(text="Hello")
    failing["expected_result"]["usage"]["raw"] = None  # null: the fake leaves raw out
    failing["expected_request"]["headers"]["user-agent"] = "other/<version> node.js/<version>"
    ignored = generate_case(
        text="Hello", ignore_paths=["expected_result.content[*].text"], manual_ignore_paths=[]
    )
    corpus = write_corpus(
        tmp_path, {"a-failing": failing, "b-passing": generate_case(), "c-ignored": ignored}
    )

    status, lines = run(capsys, corpus)

    assert lines[0] == "FAIL a-failing: 3 differences"
    assert lines[1:10] == [
        "    expected_request.headers.user-agent",
        '      expected: "other/<version> node.js/<version>"',
        '      actual:   "fake-provider/<version> python/<version>"',
        "    expected_result.content[0].text",
        '      expected: "Hello"',
        '      actual:   "Grüße"',
        "    expected_result.usage.raw",
        "      expected: null",
        "      actual:   (missing)",
    ]
    assert lines[10:12] == ["PASS b-passing", "PASS c-ignored"]
    assert lines[-1] == "2 passed, 1 failed"
    assert status == 1


def test_unported_and_missing_providers_count_as_failed(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    corpus = write_corpus(
        tmp_path,
        {
            "missing-case": case(provider="missing"),
            "unported-case": case(provider="unported"),
            "unknown-case": case(provider="nobody"),
        },
    )

    status, lines = run(capsys, corpus)

    missing_package = "No module named 'ai_sdk_no_such_package'"
    assert lines[:3] == [
        f"FAIL missing-case: provider package ai_sdk_no_such_package cannot be imported: {missing_package}",
        "FAIL unknown-case: unknown provider 'nobody' (known: fake, unported, missing)",
        "FAIL unported-case: provider package fake_conformance_provider has no create_unported (not ported yet)",
    ]
    assert (status, lines[-1]) == (1, "0 passed, 3 failed")


def test_expected_failures_still_count_but_only_they_are_forgiven(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    corpus = write_corpus(
        tmp_path,
        {"missing-case": case(provider="missing"), "unported-case": case(provider="unported")},
    )

    all_expected, lines = run(capsys, corpus, "--expect-failures-from", "missing, unported")
    assert lines[0] == (
        "FAIL missing-case [expected failure]: provider package ai_sdk_no_such_package"
        " cannot be imported: No module named 'ai_sdk_no_such_package'"
    )
    assert lines[-3:-1] == [
        "2 failed cases are expected to fail (--expect-failures-from missing,unported)",
        "2 cases",
    ]
    assert (all_expected, lines[-1]) == (0, "0 passed, 2 failed")

    one_expected, lines = run(capsys, corpus, "--expect-failures-from", "missing")
    assert (one_expected, lines[-1]) == (1, "0 passed, 2 failed")


def test_only_and_a_note_when_an_expected_failure_passes(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    corpus = write_corpus(
        tmp_path, {"fake-one": generate_case(), "other": case(provider="missing")}
    )

    status, lines = run(capsys, corpus, "--only", "fake-", "--expect-failures-from", "fake")

    assert "every fake case passes: drop it from --expect-failures-from" in lines
    assert (status, lines[-1]) == (0, "1 passed, 0 failed")


def test_a_hanging_case_times_out(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    corpus = write_corpus(
        tmp_path, {"hang": generate_case(model={"kind": "language", "id": "hang"})}
    )

    status, lines = run(capsys, corpus, "--timeout", "0.2")

    assert lines[0] == "FAIL hang: timed out after 0.2 s"
    assert (status, lines[-1]) == (1, "0 passed, 1 failed")


def test_the_command(tmp_path: Path) -> None:
    corpus = write_corpus(tmp_path / "corpus", {"x": case(provider="nobody")})
    (corpus / "notes").mkdir()  # no case.json: not a case

    def command(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, str(CONFORMANCE), *args], capture_output=True, text=True, check=False
        )

    ran = command("--corpus", str(corpus))
    assert ran.returncode == 1
    assert ran.stdout.splitlines()[-1] == "0 passed, 1 failed"
    missing = command("--corpus", str(tmp_path / "nowhere"))
    assert missing.returncode == 2
    assert "does not exist" in missing.stderr
