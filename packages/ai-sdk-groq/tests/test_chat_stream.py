"""doStream of the chat model (ports of groq-chat-language-model.test.ts, and more)."""

from __future__ import annotations

import contextlib
import json
from typing import Any

import pytest

from ai_sdk_core.errors import InvalidResponseDataError, JSONParseError
from ai_sdk_core.provider import (
    LanguageModelV4CallOptions,
    LanguageModelV4FunctionTool,
    LanguageModelV4StreamResult,
    LanguageModelV4TextPart,
    LanguageModelV4UserMessage,
)
from ai_sdk_core.testing import convert_async_iterable_to_array
from ai_sdk_core.wire import to_wire
from ai_sdk_groq import create_groq

pytestmark = pytest.mark.anyio

PROMPT = [LanguageModelV4UserMessage(content=[LanguageModelV4TextPart(text="Hello")])]
model = create_groq(api_key="test-api-key")("gemma2-9b-it")

HEAD = {
    "id": "chatcmpl-e7f8e220",
    "object": "chat.completion.chunk",
    "created": 1711357598,
    "model": "gemma2-9b-it",
}
METADATA = {
    "type": "response-metadata",
    "id": "chatcmpl-e7f8e220",
    "modelId": "gemma2-9b-it",
    "timestamp": "2024-03-25T09:06:38.000Z",
}
NULL_USAGE = {"inputTokens": {}, "outputTokens": {}}
X_GROQ_USAGE = {
    "queue_time": 0.06,
    "prompt_tokens": 18,
    "prompt_time": 0.0002,
    "completion_tokens": 439,
    "completion_time": 0.79,
    "total_tokens": 457,
    "total_time": 0.79,
}
USAGE = {
    "inputTokens": {"total": 18, "noCache": 18},
    "outputTokens": {"total": 439, "text": 439},
    "raw": {"prompt_tokens": 18, "completion_tokens": 439, "total_tokens": 457},
}
TOOL = LanguageModelV4FunctionTool(
    name="test-tool",
    input_schema={
        "type": "object",
        "properties": {"value": {"type": "string"}},
        "required": ["value"],
        "additionalProperties": False,
    },
)


def chunk(
    delta: dict[str, Any] | None = None, finish_reason: str | None = None, **extra: Any
) -> dict[str, Any]:
    choice = {"index": 0, "delta": delta or {}, "logprobs": None, "finish_reason": finish_reason}
    return {**HEAD, "choices": [choice], **extra}


def finish_chunk(finish_reason: str = "stop", **extra: Any) -> dict[str, Any]:
    return chunk({}, finish_reason, x_groq={"id": "req_1", "usage": X_GROQ_USAGE}, **extra)


def tool_delta(
    *, id: str | None = None, name: str | None = None, arguments: str | None = None
) -> dict[str, Any]:
    function: dict[str, Any] = {}
    if name is not None:
        function["name"] = name
    if arguments is not None:
        function["arguments"] = arguments
    delta: dict[str, Any] = {"index": 0, "function": function}
    if id is not None:
        delta.update(id=id, type="function")
    return delta


async def stream(**kwargs: Any) -> tuple[LanguageModelV4StreamResult, list[Any]]:
    result = await model.do_stream(LanguageModelV4CallOptions(prompt=PROMPT, **kwargs))
    return result, to_wire(await convert_async_iterable_to_array(result.stream))


async def test_streams_text(api: Any) -> None:
    api.data_events(
        chunk({"role": "assistant", "content": ""}, x_groq={"id": "req_1"}),
        chunk({"content": "Hello"}),
        chunk({"content": ", World!"}),
        finish_chunk(),
    )

    result, parts = await stream()

    assert parts == [
        {"type": "stream-start", "warnings": []},
        METADATA,
        {"type": "text-start", "id": "txt-0"},
        {"type": "text-delta", "id": "txt-0", "delta": "Hello"},
        {"type": "text-delta", "id": "txt-0", "delta": ", World!"},
        {"type": "text-end", "id": "txt-0"},
        {"type": "finish", "finishReason": {"unified": "stop", "raw": "stop"}, "usage": USAGE},
    ]
    assert result.request is not None
    assert result.request.body == (
        '{"model":"gemma2-9b-it","messages":[{"role":"user","content":"Hello"}],"stream":true}'
    )
    assert api.request_json == json.loads(result.request.body)
    assert "stream_options" not in api.request_json


async def test_reasoning_then_text_then_tool_calls(api: Any) -> None:
    api.data_events(
        chunk({"role": "assistant", "reasoning": "Think"}),
        chunk({"reasoning": "ing."}),
        chunk({"content": "Answer"}),
        chunk({"reasoning": "More."}),
        chunk({"tool_calls": [tool_delta(id="call-1", name="test-tool", arguments="{}")]}),
        finish_chunk("tool_calls"),
    )

    _, parts = await stream(tools=[TOOL])

    assert [(part["type"], part.get("delta")) for part in parts[2:-1]] == [
        ("reasoning-start", None),
        ("reasoning-delta", "Think"),
        ("reasoning-delta", "ing."),
        ("reasoning-end", None),
        ("text-start", None),
        ("text-delta", "Answer"),
        ("reasoning-start", None),
        ("reasoning-delta", "More."),
        ("reasoning-end", None),  # reasoning ends where the tool calls start
        ("tool-input-start", None),
        ("tool-input-delta", "{}"),
        ("text-end", None),  # the open text block ends with the stream
        ("tool-input-end", None),
        ("tool-call", None),
    ]
    assert parts[-1]["finishReason"] == {"unified": "tool-calls", "raw": "tool_calls"}


async def test_reasoning_open_at_the_end_is_ended(api: Any) -> None:
    api.data_events(chunk({"reasoning": "Hmm"}), finish_chunk())
    _, parts = await stream()
    assert [part["type"] for part in parts] == [
        "stream-start",
        "response-metadata",
        "reasoning-start",
        "reasoning-delta",
        "reasoning-end",
        "finish",
    ]


async def test_tool_call_deltas_after_the_first_chunk(api: Any) -> None:
    api.data_events(
        chunk(
            {
                "role": "assistant",
                "content": None,
                "tool_calls": [tool_delta(id="call_O17", name="test-tool", arguments='{"')],
            }
        ),
        *(
            chunk({"tool_calls": [tool_delta(arguments=piece)]})
            for piece in ["va", "lue", '":"', "Spark", "le", " Day", '"}']
        ),
        finish_chunk("tool_calls"),
    )

    _, parts = await stream(tools=[TOOL])

    assert parts == [
        {"type": "stream-start", "warnings": []},
        METADATA,
        {"type": "tool-input-start", "id": "call_O17", "toolName": "test-tool"},
        *(
            {"type": "tool-input-delta", "id": "call_O17", "delta": piece}
            for piece in ['{"', "va", "lue", '":"', "Spark", "le", " Day", '"}']
        ),
        {"type": "tool-input-end", "id": "call_O17"},
        {
            "type": "tool-call",
            "toolCallId": "call_O17",
            "toolName": "test-tool",
            "input": '{"value":"Sparkle Day"}',
        },
        {
            "type": "finish",
            "finishReason": {"unified": "tool-calls", "raw": "tool_calls"},
            "usage": USAGE,
        },
    ]


async def test_no_duplicate_tool_call_after_an_empty_final_chunk(api: Any) -> None:
    api.data_events(
        chunk({"role": "assistant", "content": ""}, usage={"prompt_tokens": 226}),
        chunk({"tool_calls": [tool_delta(id="tool-b3", name="searchGoogle")]}),
        chunk({"tool_calls": [tool_delta(arguments='{"query": "')]}),
        chunk({"tool_calls": [tool_delta(arguments='latest ai"}')]}),
        chunk({"tool_calls": [tool_delta(arguments="")]}, "tool_calls"),
        {**HEAD, "choices": [], "usage": {"prompt_tokens": 226, "completion_tokens": 20}},
    )

    _, parts = await stream()

    assert [part["type"] for part in parts[2:]] == [
        "tool-input-start",
        "tool-input-delta",
        "tool-input-delta",
        "tool-input-delta",
        "tool-input-end",
        "tool-call",
        "finish",
    ]
    assert parts[5] == {"type": "tool-input-delta", "id": "tool-b3", "delta": ""}
    assert parts[7]["input"] == '{"query": "latest ai"}'
    # top-level usage is not Groq's: only x_groq.usage counts
    assert parts[-1] == {
        "type": "finish",
        "finishReason": {"unified": "tool-calls", "raw": "tool_calls"},
        "usage": NULL_USAGE,
    }


async def test_tool_call_without_type_errors_the_stream(api: Any) -> None:
    api.data_events(
        chunk(
            {"tool_calls": [{"index": 0, "id": "c", "function": {"name": "t", "arguments": ""}}]}
        ),
        finish_chunk("tool_calls"),
    )
    result = await model.do_stream(LanguageModelV4CallOptions(prompt=PROMPT))
    parts: list[Any] = []

    async def read() -> None:
        async for part in result.stream:
            parts.append(part)  # noqa: PERF401 - the parts before the error count

    with pytest.raises(InvalidResponseDataError, match=r"Expected 'function' type\."):
        await read()
    assert [part.type for part in parts] == ["stream-start", "response-metadata"]


async def test_error_chunks_become_error_parts(api: Any) -> None:
    api.data_events(
        {
            "error": {
                "message": "The server had an error processing your request.",
                "type": "invalid_request_error",
            }
        }
    )

    _, parts = await stream()

    assert parts == [
        {"type": "stream-start", "warnings": []},
        {
            "type": "error",
            "error": {
                "message": "The server had an error processing your request.",
                "type": "invalid_request_error",
            },
        },
        {"type": "finish", "finishReason": {"unified": "error"}, "usage": NULL_USAGE},
    ]


async def test_unparsable_chunks_become_error_parts(api: Any) -> None:
    api.data_events("{unparsable}")

    result = await model.do_stream(LanguageModelV4CallOptions(prompt=PROMPT))
    parts = await convert_async_iterable_to_array(result.stream)

    assert [part.type for part in parts] == ["stream-start", "error", "finish"]
    error = parts[1].error  # pyright: ignore[reportAttributeAccessIssue]
    assert isinstance(error, JSONParseError)
    assert to_wire(parts[2])["finishReason"] == {"unified": "error"}


async def test_a_finish_reason_after_an_error_wins(api: Any) -> None:
    api.data_events(
        {"error": {"message": "m", "type": "t"}}, chunk({"content": "x"}), finish_chunk()
    )
    _, parts = await stream()
    assert parts[-1]["finishReason"] == {"unified": "stop", "raw": "stop"}
    # the first chunk that is not an error gives the response metadata
    assert [part["type"] for part in parts[:3]] == ["stream-start", "error", "response-metadata"]


async def test_a_stream_without_finish_reason_finishes_with_other(api: Any) -> None:
    api.data_events(chunk({"content": "Hi"}))
    _, parts = await stream()
    assert parts[-1] == {
        "type": "finish",
        "finishReason": {"unified": "other"},
        "usage": NULL_USAGE,
    }
    assert not any(part["type"] == "error" for part in parts)


async def test_response_metadata_comes_from_the_first_chunk_even_when_empty(api: Any) -> None:
    api.data_events(
        {"id": "", "model": "", "created": 0, "choices": []},
        chunk({"content": "Hi"}),
        finish_chunk(),
    )
    _, parts = await stream()
    assert parts[1] == {
        "type": "response-metadata",
        "id": "",
        "modelId": "",
        "timestamp": "1970-01-01T00:00:00.000Z",
    }
    assert sum(part["type"] == "response-metadata" for part in parts) == 1


async def test_raw_chunks(api: Any) -> None:
    first = {
        **HEAD,
        "choices": [{"index": 0, "delta": {"content": "Hello"}, "finish_reason": None}],
    }
    last = {
        **HEAD,
        "choices": [{"index": 0, "delta": {}, "finish_reason": "stop"}],
        "x_groq": {"usage": {"prompt_tokens": 10, "completion_tokens": 5, "total_tokens": 15}},
    }
    api.data_events(first, last)

    _, parts = await stream(include_raw_chunks=True)

    assert parts == [
        {"type": "stream-start", "warnings": []},
        {"type": "raw", "rawValue": first},
        METADATA,
        {"type": "text-start", "id": "txt-0"},
        {"type": "text-delta", "id": "txt-0", "delta": "Hello"},
        {"type": "raw", "rawValue": last},
        {"type": "text-end", "id": "txt-0"},
        {
            "type": "finish",
            "finishReason": {"unified": "stop", "raw": "stop"},
            "usage": {
                "inputTokens": {"total": 10, "noCache": 10},
                "outputTokens": {"total": 5, "text": 5},
                "raw": {"prompt_tokens": 10, "completion_tokens": 5, "total_tokens": 15},
            },
        },
    ]


async def test_warnings_are_in_stream_start(api: Any) -> None:
    api.data_events(finish_chunk())
    _, parts = await stream(top_k=1)
    assert parts[0] == {
        "type": "stream-start",
        "warnings": [{"type": "unsupported", "feature": "topK"}],
    }


async def test_response_headers(api: Any) -> None:
    api.data_events(finish_chunk())
    result, _ = await stream()
    assert result.response is not None
    assert result.response.headers == {
        "cache-control": "no-cache",
        "connection": "keep-alive",
        "content-type": "text/event-stream",
    }


async def test_closing_the_stream_early_closes_the_response(api: Any) -> None:
    api.data_events(chunk({"content": "a"}), chunk({"content": "b"}), finish_chunk())
    result = await model.do_stream(LanguageModelV4CallOptions(prompt=PROMPT))
    async with contextlib.aclosing(result.stream) as parts:
        async for part in parts:
            if part.type == "text-delta":
                break
    assert api.streams[-1].closed
