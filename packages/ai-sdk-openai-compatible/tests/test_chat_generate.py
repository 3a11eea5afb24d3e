"""doGenerate of the chat model (ports of openai-compatible-chat-language-model.test.ts)."""

from __future__ import annotations

import json
from typing import Any

import pytest

from ai_sdk_core.errors import APICallError, InvalidArgumentError, InvalidResponseDataError
from ai_sdk_core.provider import (
    LanguageModelV4AssistantMessage,
    LanguageModelV4CallOptions,
    LanguageModelV4FunctionTool,
    LanguageModelV4ProviderTool,
    LanguageModelV4ResponseFormatJson,
    LanguageModelV4ResponseFormatText,
    LanguageModelV4TextPart,
    LanguageModelV4ToolCallPart,
    LanguageModelV4ToolChoiceTool,
    LanguageModelV4UserMessage,
)
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


def completion(
    *,
    content: str | None = "",
    reasoning_content: str | None = None,
    tool_calls: list[dict[str, Any]] | None = None,
    finish_reason: str | None = "stop",
    usage: dict[str, Any] | None = None,
    **message: Any,
) -> dict[str, Any]:
    body_message: dict[str, Any] = {"role": "assistant", "content": content, **message}
    if reasoning_content is not None:
        body_message["reasoning_content"] = reasoning_content
    if tool_calls is not None:
        body_message["tool_calls"] = tool_calls
    body: dict[str, Any] = {
        "id": "chatcmpl-95ZTZkhr0mHNKqerQfiwkuox3PHAd",
        "object": "chat.completion",
        "created": 1711115037,
        "model": "grok-3",
        "choices": [{"index": 0, "message": body_message, "finish_reason": finish_reason}],
    }
    if usage is not None:
        body["usage"] = usage
    return body


def options(**kwargs: Any) -> LanguageModelV4CallOptions:
    return LanguageModelV4CallOptions(prompt=kwargs.pop("prompt", PROMPT), **kwargs)


async def test_extracts_text_and_reasoning_in_ts_order(api: Any) -> None:
    api.json(completion(content="Hello, World!", reasoning_content="thinking"))

    result = await model.do_generate(options())

    assert to_wire(result.content) == [
        {"type": "reasoning", "text": "thinking"},
        {"type": "text", "text": "Hello, World!"},
    ]


async def test_prefers_reasoning_content_over_reasoning(api: Any) -> None:
    api.json(completion(content="x", reasoning_content="from content", reasoning="from reasoning"))
    result = await model.do_generate(options())
    assert to_wire(result.content[0]) == {"type": "reasoning", "text": "from content"}

    api.json(completion(content="x", reasoning="from reasoning"))
    result = await model.do_generate(options())
    assert to_wire(result.content[0]) == {"type": "reasoning", "text": "from reasoning"}


async def test_content_parts_array_with_thinking(api: Any) -> None:
    api.json(
        completion(
            content=[
                {"type": "thinking", "thinking": [{"type": "text", "text": "step 1"}]},
                {"type": "text", "text": "answer"},
                {"type": "image", "url": "ignored"},
            ]
        )
    )
    result = await model.do_generate(options())
    assert to_wire(result.content) == [
        {"type": "reasoning", "text": "step 1"},
        {"type": "text", "text": "answer"},
    ]


async def test_refusal_is_text_and_finish_reason_content_filter(api: Any) -> None:
    api.json(completion(content=None, refusal="I can't help with that."))
    result = await model.do_generate(options())
    assert to_wire(result.content) == [{"type": "text", "text": "I can't help with that."}]
    assert to_wire(result.finish_reason) == {"unified": "content-filter", "raw": "stop"}

    api.json(completion(content="ok", refusal=False))  # non-string refusals are ignored
    result = await model.do_generate(options())
    assert to_wire(result.finish_reason) == {"unified": "stop", "raw": "stop"}


async def test_generates_distinct_ids_for_tool_calls_with_empty_ids(api: Any) -> None:
    call = {"id": "", "type": "function", "function": {"name": "t", "arguments": "{}"}}
    api.json(completion(content=None, tool_calls=[call, call], finish_reason="tool_calls"))

    result = await model.do_generate(options())

    ids = [part.tool_call_id for part in result.content]  # type: ignore[union-attr]
    assert len(set(ids)) == 2
    assert all(ids)


async def test_usage_details_and_prediction_tokens(api: Any) -> None:
    api.json(
        completion(
            usage={
                "prompt_tokens": 20,
                "completion_tokens": 30,
                "total_tokens": 50,
                "prompt_tokens_details": {"cached_tokens": 5, "audio_tokens": 1},
                "completion_tokens_details": {
                    "reasoning_tokens": 10,
                    "accepted_prediction_tokens": 15,
                    "rejected_prediction_tokens": 5,
                },
                "cost_in_usd_ticks": 7,
            }
        )
    )

    result = await model.do_generate(options())

    assert to_wire(result.usage) == {
        "inputTokens": {"total": 20, "noCache": 15, "cacheRead": 5},
        "outputTokens": {"total": 30, "text": 20, "reasoning": 10},
        "raw": {
            "prompt_tokens": 20,
            "completion_tokens": 30,
            "total_tokens": 50,
            "prompt_tokens_details": {"cached_tokens": 5, "audio_tokens": 1},
            "completion_tokens_details": {
                "reasoning_tokens": 10,
                "accepted_prediction_tokens": 15,
                "rejected_prediction_tokens": 5,
            },
            "cost_in_usd_ticks": 7,
        },
    }
    assert result.provider_metadata == {
        "test-provider": {"acceptedPredictionTokens": 15, "rejectedPredictionTokens": 5}
    }


async def test_partial_and_missing_usage(api: Any) -> None:
    api.json(completion(usage={"prompt_tokens": 20, "total_tokens": 20}))
    result = await model.do_generate(options())
    assert to_wire(result.usage)["outputTokens"] == {"total": 0, "text": 0, "reasoning": 0}

    api.json(completion())
    result = await model.do_generate(options())
    assert to_wire(result.usage) == {"inputTokens": {}, "outputTokens": {}}


async def test_unknown_finish_reason_is_other(api: Any) -> None:
    api.json(completion(finish_reason="eos"))
    result = await model.do_generate(options())
    assert to_wire(result.finish_reason) == {"unified": "other", "raw": "eos"}


async def test_response_without_choices_raises(api: Any) -> None:
    api.json({"id": "x", "choices": []})
    with pytest.raises(InvalidResponseDataError, match="did not contain any choices"):
        await model.do_generate(options())


async def test_response_metadata_headers_and_raw_body(api: Any) -> None:
    body = completion(content="x", extra_field=1)
    body["unknown_top_level"] = {"kept": True}
    api.json(body, headers={"test-header": "test-value"})

    result = await model.do_generate(options())

    response = to_wire(result.response)
    assert response["id"] == "chatcmpl-95ZTZkhr0mHNKqerQfiwkuox3PHAd"
    assert response["modelId"] == "grok-3"
    assert response["timestamp"] == "2024-03-22T13:43:57.000Z"
    assert response["headers"]["test-header"] == "test-value"
    assert response["body"] == body


async def test_request_body_is_the_json_text_sent_with_all_settings(api: Any) -> None:
    api.json(completion())

    result = await model.do_generate(
        options(
            max_output_tokens=100,
            temperature=1.0,
            top_p=0.5,
            frequency_penalty=0.25,
            presence_penalty=0.75,
            stop_sequences=["\n"],
            seed=7,
            provider_options={"testProvider": {"user": "u-1"}},
        )
    )

    expected = (
        '{"model":"grok-3","user":"u-1","max_tokens":100,"temperature":1,"top_p":0.5,'
        '"frequency_penalty":0.25,"presence_penalty":0.75,"stop":["\\n"],"seed":7,'
        '"messages":[{"role":"user","content":"Hello"}]}'
    )
    assert result.request is not None
    assert result.request.body == expected
    assert api.request.content.decode() == expected


async def test_top_k_is_unsupported(api: Any) -> None:
    api.json(completion())
    result = await model.do_generate(options(top_k=3))
    assert to_wire(result.warnings) == [{"type": "unsupported", "feature": "topK"}]
    assert "top_k" not in api.request_json


# --- provider option keys ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("provider_options", "warnings", "metadata_key"),
    [
        ({"testProvider": {"user": "u"}}, [], "testProvider"),
        (
            {"test-provider": {"user": "u"}},
            [
                {
                    "type": "deprecated",
                    "setting": "providerOptions key 'test-provider'",
                    "message": "Use 'testProvider' instead.",
                }
            ],
            "test-provider",
        ),
        ({"openaiCompatible": {"user": "u"}}, [], "test-provider"),
        (
            {"openai-compatible": {"user": "u"}},
            [
                {
                    "type": "deprecated",
                    "setting": "providerOptions key 'openai-compatible'",
                    "message": "Use 'openaiCompatible' instead.",
                }
            ],
            "test-provider",
        ),
    ],
    ids=["camelCase", "raw name", "openaiCompatible", "openai-compatible"],
)
async def test_each_provider_options_key(
    api: Any, provider_options: dict[str, Any], warnings: list[Any], metadata_key: str
) -> None:
    api.json(completion())

    result = await model.do_generate(options(provider_options=provider_options))

    assert api.request_json["user"] == "u"
    assert to_wire(result.warnings) == warnings
    assert result.provider_metadata == {metadata_key: {}}


async def test_later_keys_win_and_unknown_keys_pass_through(api: Any) -> None:
    api.json(completion())

    result = await model.do_generate(
        options(
            provider_options={
                "openaiCompatible": {"user": "compatible", "reasoningEffort": "low"},
                "test-provider": {"user": "raw", "rawOnly": 1},
                "testProvider": {"user": "camel", "textVerbosity": "high", "custom": {"a": 1}},
                "other-provider": {"ignored": True},
            }
        )
    )

    body = api.request_json
    assert body["user"] == "camel"
    assert body["reasoning_effort"] == "low"
    assert body["verbosity"] == "high"
    assert body["rawOnly"] == 1
    assert body["custom"] == {"a": 1}
    assert "ignored" not in body
    assert "textVerbosity" not in body  # schema keys are not passed through
    assert list(body) == [
        "model", "user", "rawOnly", "custom", "reasoning_effort", "verbosity", "messages"
    ]  # fmt: skip
    assert [warning.type for warning in result.warnings] == ["deprecated"]


async def test_invalid_provider_options_raise(api: Any) -> None:
    with pytest.raises(InvalidArgumentError, match="invalid testProvider provider options"):
        await model.do_generate(options(provider_options={"testProvider": {"user": 1}}))


async def test_provider_without_dash_reads_its_name(api: Any) -> None:
    api.json(completion())
    togetherai = create_openai_compatible(base_url="https://my.api.com/v1", name="togetherai")
    result = await togetherai("m").do_generate(
        options(provider_options={"togetherai": {"user": "t"}})
    )
    assert api.request_json["user"] == "t"
    assert result.warnings == []
    assert result.provider_metadata == {"togetherai": {}}


# --- reasoning -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("reasoning", "provider_options", "expected"),
    [
        ("high", None, "high"),
        ("none", None, "none"),
        ("provider-default", None, None),
        ("high", {"testProvider": {"reasoningEffort": "low"}}, "low"),
    ],
)
async def test_top_level_reasoning(
    api: Any, reasoning: Any, provider_options: Any, expected: str | None
) -> None:
    api.json(completion())
    await model.do_generate(options(reasoning=reasoning, provider_options=provider_options))
    assert api.request_json.get("reasoning_effort") == expected


async def test_map_reasoning_hook(api: Any) -> None:
    api.json(completion())

    def map_reasoning(reasoning: str, warnings: list[Any]) -> str | None:
        return {"xhigh": "high"}.get(reasoning, reasoning)

    chat = OpenAICompatibleChatLanguageModel(
        "m",
        OpenAICompatibleChatConfig(
            provider="p.chat",
            url=lambda *, model_id, path: f"https://my.api.com/v1{path}",
            map_reasoning=map_reasoning,
        ),
    )
    await chat.do_generate(options(reasoning="xhigh"))
    assert api.request_json["reasoning_effort"] == "high"


# --- response format -----------------------------------------------------------------------

SCHEMA = {"type": "object", "properties": {"value": {"type": "string"}}, "required": ["value"]}


async def test_text_response_format_sends_nothing(api: Any) -> None:
    api.json(completion())
    await model.do_generate(options(response_format=LanguageModelV4ResponseFormatText()))
    assert "response_format" not in api.request_json


async def test_json_without_schema_is_json_object(api: Any) -> None:
    api.json(completion())
    result = await model.do_generate(options(response_format=LanguageModelV4ResponseFormatJson()))
    assert api.request_json["response_format"] == {"type": "json_object"}
    assert result.warnings == []


async def test_json_schema_without_structured_outputs_warns(api: Any) -> None:
    api.json(completion())
    result = await model.do_generate(
        options(response_format=LanguageModelV4ResponseFormatJson(schema=SCHEMA))
    )
    assert api.request_json["response_format"] == {"type": "json_object"}
    assert to_wire(result.warnings) == [
        {
            "type": "unsupported",
            "feature": "responseFormat",
            "details": "JSON response format schema is only supported with structuredOutputs",
        }
    ]


async def test_json_schema_with_structured_outputs(api: Any) -> None:
    api.json(completion())
    structured = create_openai_compatible(
        base_url="https://my.api.com/v1", name="test-provider", supports_structured_outputs=True
    )("m")

    await structured.do_generate(
        options(response_format=LanguageModelV4ResponseFormatJson(schema=SCHEMA))
    )
    assert api.request_json["response_format"] == {
        "type": "json_schema",
        "json_schema": {"schema": SCHEMA, "strict": True, "name": "response"},
    }

    await structured.do_generate(
        options(
            response_format=LanguageModelV4ResponseFormatJson(
                schema=SCHEMA, name="answer", description="An answer"
            ),
            provider_options={"testProvider": {"strictJsonSchema": False}},
        )
    )
    assert api.request_json["response_format"] == {
        "type": "json_schema",
        "json_schema": {
            "schema": SCHEMA,
            "strict": False,
            "name": "answer",
            "description": "An answer",
        },
    }

    await structured.do_generate(options(response_format=LanguageModelV4ResponseFormatJson()))
    assert api.request_json["response_format"] == {"type": "json_object"}


# --- tools ---------------------------------------------------------------------------------


async def test_tools_and_tool_choice(api: Any) -> None:
    api.json(completion())

    result = await model.do_generate(
        options(
            tools=[
                LanguageModelV4FunctionTool(name="test-tool", input_schema=SCHEMA),
                LanguageModelV4FunctionTool(
                    name="strict-tool", description="d", input_schema=SCHEMA, strict=True
                ),
                LanguageModelV4ProviderTool(id="x.web_search", name="web_search", args={}),
            ],
            tool_choice=LanguageModelV4ToolChoiceTool(tool_name="test-tool"),
        )
    )

    body = api.request_json
    assert body["tools"] == [
        {"type": "function", "function": {"name": "test-tool", "parameters": SCHEMA}},
        {
            "type": "function",
            "function": {
                "name": "strict-tool",
                "description": "d",
                "parameters": SCHEMA,
                "strict": True,
            },
        },
    ]
    assert body["tool_choice"] == {"type": "function", "function": {"name": "test-tool"}}
    assert to_wire(result.warnings) == [
        {"type": "unsupported", "feature": "provider-defined tool x.web_search"}
    ]


async def test_thought_signatures(api: Any) -> None:
    call = {
        "id": "call_1",
        "type": "function",
        "function": {"name": "check_flight", "arguments": "{}"},
        "extra_content": {"google": {"thought_signature": "<Signature A>"}},
    }
    api.json(
        completion(content=None, tool_calls=[call, {**call, "id": "call_2", "extra_content": None}])
    )

    result = await model.do_generate(options(provider_options={"testProvider": {}}))

    assert to_wire(result.content) == [
        {
            "type": "tool-call",
            "toolCallId": "call_1",
            "toolName": "check_flight",
            "input": "{}",
            "providerMetadata": {"testProvider": {"thoughtSignature": "<Signature A>"}},
        },
        {"type": "tool-call", "toolCallId": "call_2", "toolName": "check_flight", "input": "{}"},
    ]


async def test_thought_signature_is_sent_back_with_the_metadata_key(api: Any) -> None:
    api.json(completion())
    prompt = [
        *PROMPT,
        LanguageModelV4AssistantMessage(
            content=[
                LanguageModelV4ToolCallPart(
                    tool_call_id="call_1",
                    tool_name="check_flight",
                    input={"flight": "AA100"},
                    provider_options={"testProvider": {"thoughtSignature": "sig"}},
                )
            ]
        ),
    ]

    await model.do_generate(options(prompt=prompt, provider_options={"testProvider": {}}))

    assert api.request_json["messages"][1] == {
        "role": "assistant",
        "content": None,
        "tool_calls": [
            {
                "id": "call_1",
                "type": "function",
                "function": {"name": "check_flight", "arguments": '{"flight":"AA100"}'},
                "extra_content": {"google": {"thought_signature": "sig"}},
            }
        ],
    }


# --- headers, errors, hooks ----------------------------------------------------------------


async def test_headers(api: Any) -> None:
    api.json(completion())
    with_headers = create_openai_compatible(
        base_url="https://my.api.com/v1",
        name="test-provider",
        api_key="test-key",
        headers={"Custom-Provider-Header": "provider-header-value"},
    )
    await with_headers("m").do_generate(
        options(headers={"Custom-Request-Header": "request-header-value", "X-Unset": None})
    )
    headers = api.request.headers
    assert headers["authorization"] == "Bearer test-key"
    assert headers["custom-provider-header"] == "provider-header-value"
    assert headers["custom-request-header"] == "request-header-value"
    assert "x-unset" not in headers
    assert headers["user-agent"].startswith("ai-sdk-openai-compatible/")


async def test_api_error_uses_error_message(api: Any) -> None:
    api.json({"error": {"message": "Bad things", "code": 42, "extra": 1}}, status=400)
    with pytest.raises(APICallError) as caught:
        await model.do_generate(options())
    assert caught.value.message == "Bad things"
    assert caught.value.data == {"error": {"message": "Bad things", "code": 42}}
    assert caught.value.is_retryable is False


async def test_api_error_without_error_body_uses_reason_phrase(api: Any) -> None:
    api.json({"detail": "nope"}, status=503)
    with pytest.raises(APICallError) as caught:
        await model.do_generate(options())
    assert caught.value.message == "Service Unavailable"
    assert caught.value.is_retryable is True


def _chat_model(**config: Any) -> OpenAICompatibleChatLanguageModel:
    return OpenAICompatibleChatLanguageModel(
        "grok-3",
        OpenAICompatibleChatConfig(
            provider="test-provider.chat",
            url=lambda *, model_id, path: f"https://my.api.com/v1{path}",
            **config,
        ),
    )


async def test_transform_request_body(api: Any) -> None:
    api.json(completion())
    seen: list[dict[str, Any]] = []

    def transform(body: dict[str, Any]) -> dict[str, Any]:
        seen.append(body)
        return {**body, "custom_field": "added-by-transform", "max_tokens": None}

    result = await _chat_model(transform_request_body=transform).do_generate(
        options(max_output_tokens=5)
    )

    assert seen == [
        {"model": "grok-3", "max_tokens": 5, "messages": [{"role": "user", "content": "Hello"}]}
    ]
    assert api.request_json == {
        "model": "grok-3",
        "messages": [{"role": "user", "content": "Hello"}],
        "custom_field": "added-by-transform",
    }
    assert result.request is not None
    assert json.loads(result.request.body) == api.request_json


class _Extractor:
    def __init__(self, *, asynchronous: bool) -> None:
        self.asynchronous = asynchronous

    def extract_metadata(self, *, parsed_body: Any) -> Any:
        metadata = (
            {"test-provider": {"value": parsed_body["test_field"]}}
            if "test_field" in parsed_body
            else None
        )
        if not self.asynchronous:
            return metadata

        async def later() -> Any:
            return metadata

        return later()

    def create_stream_extractor(self) -> Any:  # pragma: no cover - generate only
        raise AssertionError


@pytest.mark.parametrize("asynchronous", [False, True])
async def test_metadata_extractor_generate(api: Any, asynchronous: bool) -> None:
    body = completion(
        usage={
            "prompt_tokens": 1,
            "completion_tokens": 1,
            "completion_tokens_details": {"accepted_prediction_tokens": 2},
        }
    )
    body["test_field"] = "test_value"
    api.json(body)

    result = await _chat_model(
        metadata_extractor=_Extractor(asynchronous=asynchronous)
    ).do_generate(options())

    assert result.provider_metadata == {
        "test-provider": {"value": "test_value", "acceptedPredictionTokens": 2}
    }


async def test_supported_urls_from_config() -> None:
    import re

    patterns = {"image/*": [re.compile(r"^https://")]}
    chat = create_openai_compatible(base_url="https://x", name="p", supported_urls=patterns)("m")
    assert chat.supported_urls == patterns
    assert provider("m").supported_urls == {}
