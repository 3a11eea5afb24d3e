"""generate_text / stream_text with this provider against a real HTTP server on 127.0.0.1:
a two-step tool loop (the model calls a tool, then answers with its result)."""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import pytest

from ai_sdk_core import generate_text, is_step_count, stream_text, tool
from ai_sdk_openai_compatible import create_openai_compatible

pytestmark = pytest.mark.anyio

TOOL_CALL = {
    "id": "call_1",
    "type": "function",
    "function": {"name": "weather", "arguments": '{"city":"Paris"}'},
}


def _reply(body: dict[str, Any]) -> dict[str, Any]:
    """The step answered: a tool call first, then text about the tool result."""
    messages = body["messages"]
    if messages[-1]["role"] == "tool":
        return {"content": f"It is {json.loads(messages[-1]['content'])['forecast']}."}
    return {"content": None, "tool_calls": [TOOL_CALL]}


class _Handler(BaseHTTPRequestHandler):
    requests: list[dict[str, Any]]

    def do_POST(self) -> None:
        body = json.loads(self.rfile.read(int(self.headers["content-length"])))
        self.requests.append(body)
        message = _reply(body)
        finish_reason = "tool_calls" if "tool_calls" in message else "stop"
        if body.get("stream"):
            delta: dict[str, Any] = {"role": "assistant"}
            if message.get("content"):
                delta["content"] = message["content"]
            if "tool_calls" in message:
                delta["tool_calls"] = [{"index": 0, **TOOL_CALL}]
            chunks = [
                {"id": "c", "created": 1, "model": "m", "choices": [{"delta": delta}]},
                {"id": "c", "choices": [{"delta": {}, "finish_reason": finish_reason}]},
            ]
            payload = "".join(f"data: {json.dumps(chunk)}\n\n" for chunk in chunks)
            data = (payload + "data: [DONE]\n\n").encode()
            content_type = "text/event-stream"
        else:
            answer = {
                "id": "c",
                "created": 1,
                "model": "m",
                "choices": [
                    {"message": {"role": "assistant", **message}, "finish_reason": finish_reason}
                ],
                "usage": {"prompt_tokens": 3, "completion_tokens": 2, "total_tokens": 5},
            }
            data = json.dumps(answer).encode()
            content_type = "application/json"
        self.send_response(200)
        self.send_header("content-type", content_type)
        self.send_header("content-length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, format: str, *args: Any) -> None:
        pass


@pytest.fixture
def server() -> Iterator[tuple[str, list[dict[str, Any]]]]:
    requests: list[dict[str, Any]] = []
    handler = type("Handler", (_Handler,), {"requests": requests})
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}/v1", requests
    finally:
        httpd.shutdown()
        httpd.server_close()
        thread.join()


def weather(city: str) -> dict[str, str]:
    """The weather in a city."""
    return {"forecast": f"sunny in {city}"}


async def test_generate_text_tool_loop(server: tuple[str, list[dict[str, Any]]]) -> None:
    base_url, requests = server
    model = create_openai_compatible(base_url=base_url, name="local")("m")

    result = await generate_text(
        model=model,
        prompt="Weather in Paris?",
        tools={"weather": tool(weather)},
        stop_when=is_step_count(2),
    )

    assert result.text == "It is sunny in Paris."
    assert len(result.steps) == 2
    assert requests[0]["tools"][0]["function"]["name"] == "weather"
    assert requests[1]["messages"][1:] == [
        {"role": "assistant", "content": None, "tool_calls": [TOOL_CALL]},
        {"role": "tool", "tool_call_id": "call_1", "content": '{"forecast":"sunny in Paris"}'},
    ]


async def test_stream_text_tool_loop(server: tuple[str, list[dict[str, Any]]]) -> None:
    base_url, requests = server
    model = create_openai_compatible(base_url=base_url, name="local")("m")

    result = stream_text(
        model=model,
        prompt="Weather in Paris?",
        tools={"weather": tool(weather)},
        stop_when=is_step_count(2),
    )

    assert "".join([delta async for delta in result.text_stream]) == "It is sunny in Paris."
    assert len(await result.steps) == 2
    assert [request["stream"] for request in requests] == [True, True]
