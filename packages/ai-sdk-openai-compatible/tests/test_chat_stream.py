"""doStream of the chat model (ports of openai-compatible-chat-language-model.test.ts)."""

from __future__ import annotations

from typing import Any

import pytest

from ai_sdk_core.errors import InvalidResponseDataError
from ai_sdk_core.provider import (
    LanguageModelV4CallOptions,
    LanguageModelV4StreamResult,
    LanguageModelV4TextPart,
    LanguageModelV4UserMessage,
)
from ai_sdk_core.testing import convert_async_iterable_to_array
from ai_sdk_core.wire import to_wire
from ai_sdk_openai_compatible import (
    OpenAICompatibleChatConfig,
    OpenAICompatibleChatLanguageModel,
    create_openai_compatible,
)

pytestmark = pytest.mark.anyio

PROMPT = [LanguageModelV4UserMessage(content=[LanguageModelV4TextPart(text="Hello")])]
provider = create_openai_compatible(
    base_url="https://my.api.com/v1/",
    name="test-provider",
    headers={"Authorization": "Bearer test-api-key"},
)
model = provider("grok-3")

HEAD = {
    "id": "chatcmpl-1",
    "object": "chat.completion.chunk",
    "created": 1711357598,
    "model": "grok-3",
}
NULL_USAGE = {"inputTokens": {}, "outputTokens": {}}


def chunk(
    delta: dict[str, Any] | None = None, finish_reason: str | None = None, **extra: Any
) -> dict[str, Any]:
    choice: dict[str, Any] = {"index": 0, "delta": delta or {}, "finish_reason": finish_reason}
    return {**HEAD, "choices": [choice], **extra}


def tool_delta(
    index: int | None,
    *,
    id: str | None = None,
    name: str | None = None,
    arguments: str | None = None,
    **extra: Any,
) -> dict[str, Any]:
    function: dict[str, Any] = {}
    if name is not None:
        function["name"] = name
    if arguments is not None:
        function["arguments"] = arguments
    delta: dict[str, Any] = {"function": function, **extra}
    if index is not None:
        delta["index"] = index
    if id is not None:
        delta["id"] = id
        delta["type"] = "function"
    return delta


async def stream(chat: Any = model, **kwargs: Any) -> tuple[LanguageModelV4StreamResult, list[Any]]:
    result = await chat.do_stream(LanguageModelV4CallOptions(prompt=PROMPT, **kwargs))
    return result, to_wire(await convert_async_iterable_to_array(result.stream))


def of_type(parts: list[Any], *types: str) -> list[Any]:
    return [part for part in parts if part["type"] in types]


async def test_streams_text(api: Any) -> None:
    api.data_events(
        chunk({"role": "assistant", "content": ""}),
        chunk({"content": "Hello"}),
        chunk({"content": ", World!"}),
        chunk({}, "stop"),
        {**HEAD, "choices": [], "usage": {"prompt_tokens": 18, "completion_tokens": 10}},
    )

    result, parts = await stream()

    assert parts == [
        {"type": "stream-start", "warnings": []},
        {
            "type": "response-metadata",
            "id": "chatcmpl-1",
            "modelId": "grok-3",
            "timestamp": "2024-03-25T09:06:38.000Z",
        },
        {"type": "text-start", "id": "txt-0"},
        {"type": "text-delta", "id": "txt-0", "delta": "Hello"},
        {"type": "text-delta", "id": "txt-0", "delta": ", World!"},
        {"type": "text-end", "id": "txt-0"},
        {
            "type": "finish",
            "finishReason": {"unified": "stop", "raw": "stop"},
            "usage": {
                "inputTokens": {"total": 18, "noCache": 18, "cacheRead": 0},
                "outputTokens": {"total": 10, "text": 10, "reasoning": 0},
                "raw": {"prompt_tokens": 18, "completion_tokens": 10},
            },
            "providerMetadata": {"test-provider": {}},
        },
    ]
    assert to_wire(result.request) == {
        "body": {
            "model": "grok-3",
            "messages": [{"role": "user", "content": "Hello"}],
            "stream": True,
        }
    }


async def test_response_metadata_waits_for_a_chunk_with_metadata(api: Any) -> None:
    api.data_events(
        {"id": "", "model": "", "created": 0, "choices": []},
        {"id": "chatcmpl-2", "created": 0, "choices": [{"delta": {"content": "x"}}]},
        chunk({}, "stop"),
    )
    _, parts = await stream()
    assert of_type(parts, "response-metadata") == [
        {"type": "response-metadata", "id": "chatcmpl-2"}
    ]


async def test_empty_string_role(api: Any) -> None:
    api.data_events(
        chunk({"role": "", "content": "Hello"}),
        chunk({"role": "", "content": " World"}),
        chunk({}, "stop"),
    )
    _, parts = await stream()
    assert [part["delta"] for part in of_type(parts, "text-delta")] == ["Hello", " World"]


async def test_reasoning_then_text_then_reasoning(api: Any) -> None:
    api.data_events(
        chunk({"reasoning_content": "Let me think"}),
        chunk({"reasoning": "ignored", "reasoning_content": "..."}),
        chunk({"content": "Answer"}),
        chunk({"reasoning": "more"}),
        chunk({"content": "!"}, "stop"),
    )

    _, parts = await stream()

    assert [part["type"] for part in parts[2:-1]] == [
        "reasoning-start", "reasoning-delta", "reasoning-delta", "reasoning-end",
        "text-start", "text-delta", "text-end",
        "reasoning-start", "reasoning-delta", "reasoning-end",
        "text-start", "text-delta", "text-end",
    ]  # fmt: skip
    assert [part.get("delta") for part in of_type(parts, "reasoning-delta")] == [
        "Let me think", "...", "more",
    ]  # fmt: skip
    assert {part["id"] for part in of_type(parts, "reasoning-start", "reasoning-end")} == {
        "reasoning-0"
    }


async def test_refusal_streams_as_text_and_finishes_with_content_filter(api: Any) -> None:
    api.data_events(chunk({"refusal": "No."}), chunk({"refusal": None}, "stop"))
    _, parts = await stream()
    assert of_type(parts, "text-delta") == [{"type": "text-delta", "id": "txt-0", "delta": "No."}]
    assert parts[-1]["finishReason"] == {"unified": "content-filter", "raw": "stop"}


async def test_interleaved_tool_calls(api: Any) -> None:
    api.data_events(
        chunk({"role": "assistant", "content": None}),
        chunk({"tool_calls": [tool_delta(0, id="call_a", name="a", arguments='{"x"')]}),
        chunk({"tool_calls": [tool_delta(1, id="call_b", name="b", arguments="")]}),
        chunk({"tool_calls": [tool_delta(0, arguments=":1}")]}),
        chunk({"tool_calls": [tool_delta(1, arguments="{}")]}),
        chunk({}, "tool_calls"),
    )

    _, parts = await stream()

    assert parts[2:-1] == [
        {"type": "tool-input-start", "id": "call_a", "toolName": "a"},
        {"type": "tool-input-delta", "id": "call_a", "delta": '{"x"'},
        {"type": "tool-input-start", "id": "call_b", "toolName": "b"},
        {"type": "tool-input-delta", "id": "call_a", "delta": ":1}"},
        {"type": "tool-input-delta", "id": "call_b", "delta": "{}"},
        {"type": "tool-input-end", "id": "call_a"},
        {"type": "tool-call", "toolCallId": "call_a", "toolName": "a", "input": '{"x":1}'},
        {"type": "tool-input-end", "id": "call_b"},
        {"type": "tool-call", "toolCallId": "call_b", "toolName": "b", "input": "{}"},
    ]
    assert parts[-1]["finishReason"] == {"unified": "tool-calls", "raw": "tool_calls"}


async def test_tool_call_name_after_arguments(api: Any) -> None:
    api.data_events(
        chunk({"tool_calls": [tool_delta(0, id="call_late", arguments="")]}),
        chunk({"tool_calls": [tool_delta(0, arguments='{"')]}),
        chunk({"tool_calls": [tool_delta(0, id="call_late", name="test-tool", arguments="value")]}),
        chunk({"tool_calls": [tool_delta(0, arguments='":"hi"}')]}),
        chunk({}, "tool_calls"),
    )

    _, parts = await stream()

    assert of_type(parts, "tool-input-start", "tool-input-delta", "tool-call") == [
        {"type": "tool-input-start", "id": "call_late", "toolName": "test-tool"},
        {"type": "tool-input-delta", "id": "call_late", "delta": '{"value'},
        {"type": "tool-input-delta", "id": "call_late", "delta": '":"hi"}'},
        {
            "type": "tool-call",
            "toolCallId": "call_late",
            "toolName": "test-tool",
            "input": '{"value":"hi"}',
        },
    ]


async def test_tool_call_without_index_and_empty_arguments(api: Any) -> None:
    api.data_events(
        chunk({"tool_calls": [tool_delta(None, id="call_g", name="search", arguments="")]}),
        chunk({"tool_calls": [tool_delta(None, arguments="")]}),
        chunk({}, "tool_calls"),
    )
    _, parts = await stream()
    assert of_type(parts, "tool-call") == [
        {"type": "tool-call", "toolCallId": "call_g", "toolName": "search", "input": ""}
    ]
    assert of_type(parts, "tool-input-delta") == [
        {"type": "tool-input-delta", "id": "call_g", "delta": ""}
    ]


async def test_tool_call_that_never_gets_a_name_errors_the_stream(api: Any) -> None:
    api.data_events(
        chunk({"tool_calls": [tool_delta(0, id="call_missing", arguments="{}")]}),
        chunk({}, "tool_calls"),
    )
    result = await model.do_stream(LanguageModelV4CallOptions(prompt=PROMPT))
    with pytest.raises(
        InvalidResponseDataError, match=r"Expected 'function\.name' to be a string\."
    ):
        await convert_async_iterable_to_array(result.stream)


async def test_tool_call_thought_signature(api: Any) -> None:
    signature = {"google": {"thought_signature": "<Signature A>"}}
    api.data_events(
        chunk(
            {
                "tool_calls": [
                    tool_delta(
                        0,
                        id="function-call-1",
                        name="check_flight",
                        arguments="",
                        extra_content=signature,
                    )
                ]
            }
        ),
        chunk({"tool_calls": [tool_delta(0, arguments="{}")]}),
        chunk(
            {
                "tool_calls": [
                    tool_delta(1, id="function-call-2", name="check_flight", arguments="{}")
                ]
            }
        ),
        chunk({}, "tool_calls"),
    )
    _, parts = await stream(provider_options={"testProvider": {}})
    assert of_type(parts, "tool-call") == [
        {
            "type": "tool-call",
            "toolCallId": "function-call-1",
            "toolName": "check_flight",
            "input": "{}",
            "providerMetadata": {"testProvider": {"thoughtSignature": "<Signature A>"}},
        },
        {
            "type": "tool-call",
            "toolCallId": "function-call-2",
            "toolName": "check_flight",
            "input": "{}",
        },
    ]
    assert parts[-1]["providerMetadata"] == {"testProvider": {}}


async def test_text_is_not_closed_by_tool_calls(api: Any) -> None:
    api.data_events(
        chunk({"content": "Reading it."}),
        chunk({"tool_calls": [tool_delta(1, id="t", name="read_file", arguments="{}")]}),
        chunk({}, "tool_calls"),
    )
    _, parts = await stream()
    assert [part["type"] for part in parts[2:-1]] == [
        "text-start", "text-delta", "tool-input-start", "tool-input-delta",
        "text-end", "tool-input-end", "tool-call",
    ]  # fmt: skip


@pytest.mark.parametrize("done", [False, True], ids=["connection closes", "[DONE]"])
async def test_missing_finish_reason(api: Any, done: bool) -> None:
    api.sse(
        [
            'data: {"id":"c","choices":[{"index":0,"delta":{"content":"Hello"},"finish_reason":null}]}\n\n',
            'data: {"id":"c","choices":[{"index":0,"delta":{"content":" World"},"finish_reason":null}]}\n\n',
            *(["data: [DONE]\n\n"] if done else []),
        ]
    )
    _, parts = await stream()
    assert [part["delta"] for part in of_type(parts, "text-delta")] == ["Hello", " World"]
    assert parts[-2:] == [
        {
            "type": "error",
            "error": {
                "name": "AI_InvalidResponseDataError",
                "message": "Response stream ended without a finish reason.",
            },
        },
        {
            "type": "finish",
            "finishReason": {"unified": "error"},
            "usage": NULL_USAGE,
            "providerMetadata": {"test-provider": {}},
        },
    ]


async def test_error_chunk(api: Any) -> None:
    api.data_events(
        {"error": {"message": "Context length exceeded", "code": "CONTEXT_LENGTH_EXCEEDED"}}
    )
    _, parts = await stream()
    assert parts == [
        {"type": "stream-start", "warnings": []},
        {
            "type": "error",
            "error": {"message": "Context length exceeded", "code": "CONTEXT_LENGTH_EXCEEDED"},
        },
        {
            "type": "finish",
            "finishReason": {"unified": "error"},
            "usage": NULL_USAGE,
            "providerMetadata": {"test-provider": {}},
        },
    ]


async def test_unparsable_chunk(api: Any) -> None:
    api.sse(["data: {unparsable}\n\n", "data: [DONE]\n\n"])
    _, parts = await stream()
    assert [part["type"] for part in parts] == ["stream-start", "error", "finish"]
    assert parts[1]["error"]["name"] == "AI_JSONParseError"
    assert parts[2]["finishReason"] == {"unified": "error"}


async def test_finish_reason_after_an_error_chunk_wins(api: Any) -> None:
    api.data_events({"error": {"message": "transient"}}, chunk({"content": "x"}, "stop"))
    _, parts = await stream()
    assert parts[-1]["finishReason"] == {"unified": "stop", "raw": "stop"}
    assert len(of_type(parts, "error")) == 1


async def test_raw_chunks(api: Any) -> None:
    api.sse(
        [
            'data: {"id":"chat-id","choices":[{"delta":{"content":"Hello"}}]}\n\n',
            'data: {"choices":[{"delta":{},"finish_reason":"stop"}]}\n\n',
            "data: [DONE]\n\n",
        ]
    )
    _, parts = await stream(include_raw_chunks=True)
    assert [part["type"] for part in parts] == [
        "stream-start", "raw", "response-metadata", "text-start", "text-delta", "raw", "text-end", "finish",
    ]  # fmt: skip
    assert parts[1]["rawValue"] == {"id": "chat-id", "choices": [{"delta": {"content": "Hello"}}]}
    assert parts[2] == {"type": "response-metadata", "id": "chat-id"}


async def test_include_usage_and_usage_details(api: Any) -> None:
    api.data_events(
        chunk({"content": "x"}, "stop"),
        {
            **HEAD,
            "choices": [],
            "usage": {
                "prompt_tokens": 20,
                "completion_tokens": 30,
                "prompt_tokens_details": {"cached_tokens": 5},
                "completion_tokens_details": {
                    "reasoning_tokens": 10,
                    "accepted_prediction_tokens": 15,
                    "rejected_prediction_tokens": 5,
                },
            },
        },
    )
    chat = create_openai_compatible(
        base_url="https://my.api.com/v1", name="test-provider", include_usage=True
    )("m")

    result, parts = await stream(chat)

    assert api.request_json["stream_options"] == {"include_usage": True}
    assert to_wire(result.request)["body"]["stream_options"] == {"include_usage": True}
    assert parts[-1]["usage"]["inputTokens"] == {"total": 20, "noCache": 15, "cacheRead": 5}
    assert parts[-1]["usage"]["outputTokens"] == {"total": 30, "text": 20, "reasoning": 10}
    assert parts[-1]["providerMetadata"] == {
        "test-provider": {"acceptedPredictionTokens": 15, "rejectedPredictionTokens": 5}
    }


async def test_camel_case_options_key_names_the_finish_metadata(api: Any) -> None:
    api.data_events(chunk({}, "stop"))
    _, parts = await stream(provider_options={"testProvider": {"user": "u"}})
    assert parts[0]["warnings"] == []
    assert parts[-1]["providerMetadata"] == {"testProvider": {}}

    api.data_events(chunk({}, "stop"))
    _, parts = await stream(provider_options={"test-provider": {"user": "u"}})
    assert [warning["type"] for warning in parts[0]["warnings"]] == ["deprecated"]
    assert parts[-1]["providerMetadata"] == {"test-provider": {}}


class _StreamExtractor:
    def __init__(self) -> None:
        self.value: str | None = None

    def process_chunk(self, parsed_chunk: Any) -> None:
        choices = parsed_chunk.get("choices") or [{}]
        if choices[0].get("finish_reason") == "stop" and "test_field" in parsed_chunk:
            self.value = parsed_chunk["test_field"]

    def build_metadata(self) -> Any:
        return {"test-provider": {"value": self.value}} if self.value else None


class _Extractor:
    def extract_metadata(self, *, parsed_body: Any) -> Any:  # pragma: no cover - stream only
        return None

    def create_stream_extractor(self) -> _StreamExtractor:
        return _StreamExtractor()


def _chat_model(**config: Any) -> OpenAICompatibleChatLanguageModel:
    return OpenAICompatibleChatLanguageModel(
        "gpt-5",
        OpenAICompatibleChatConfig(
            provider="test-provider.chat",
            url=lambda *, model_id, path: f"https://my.api.com/v1{path}",
            **config,
        ),
    )


async def test_metadata_extractor_stream(api: Any) -> None:
    api.sse(
        [
            'data: {"choices":[{"delta":{"content":"Hello"}}]}\n\n',
            'data: {"choices":[{"finish_reason":"stop"}],"test_field":"test_value"}\n\n',
            "data: [DONE]\n\n",
        ]
    )
    _, parts = await stream(_chat_model(metadata_extractor=_Extractor()))
    assert parts[-1]["providerMetadata"] == {"test-provider": {"value": "test_value"}}
    assert api.request_json == {
        "model": "gpt-5",
        "messages": [{"role": "user", "content": "Hello"}],
        "stream": True,
    }


async def test_transform_request_body_in_stream(api: Any) -> None:
    api.data_events(chunk({"content": "x"}, "stop"))
    seen: list[dict[str, Any]] = []

    def transform(body: dict[str, Any]) -> dict[str, Any]:
        seen.append(body)
        return {**body, "custom_field": "added-by-transform"}

    result, _ = await stream(_chat_model(transform_request_body=transform))

    assert seen[0]["stream"] is True
    assert api.request_json["custom_field"] == "added-by-transform"
    assert to_wire(result.request)["body"]["custom_field"] == "added-by-transform"


async def test_closing_the_stream_early_closes_the_response(api: Any) -> None:
    api.data_events(chunk({"content": "a"}), chunk({"content": "b"}, "stop"))
    result = await model.do_stream(LanguageModelV4CallOptions(prompt=PROMPT))
    first = await anext(result.stream)
    assert first.type == "stream-start"
    await result.stream.aclose()
    assert api.streams[-1].closed
