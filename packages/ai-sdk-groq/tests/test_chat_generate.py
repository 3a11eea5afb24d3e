"""doGenerate of the chat model (ports of groq-chat-language-model.test.ts, and more)."""

from __future__ import annotations

import json
from typing import Any

import pytest

from ai_sdk_core.errors import APICallError, InvalidArgumentError, InvalidResponseDataError
from ai_sdk_core.provider import (
    LanguageModelV4CallOptions,
    LanguageModelV4FunctionTool,
    LanguageModelV4ResponseFormatJson,
    LanguageModelV4ResponseFormatText,
    LanguageModelV4TextPart,
    LanguageModelV4ToolChoiceTool,
    LanguageModelV4UserMessage,
)
from ai_sdk_core.wire import to_wire
from ai_sdk_groq import create_groq

pytestmark = pytest.mark.anyio

PROMPT = [LanguageModelV4UserMessage(content=[LanguageModelV4TextPart(text="Hello")])]
provider = create_groq(api_key="test-api-key")
model = provider("gemma2-9b-it")

SCHEMA = {
    "type": "object",
    "properties": {"value": {"type": "string"}},
    "required": ["value"],
    "additionalProperties": False,
    "$schema": "http://json-schema.org/draft-07/schema#",
}


def completion(
    *,
    content: str | None = "",
    reasoning: str | None = None,
    tool_calls: list[dict[str, Any]] | None = None,
    finish_reason: str | None = "stop",
    usage: dict[str, Any] | None = None,
    **extra: Any,
) -> dict[str, Any]:
    message: dict[str, Any] = {"role": "assistant", "content": content}
    if reasoning is not None:
        message["reasoning"] = reasoning
    if tool_calls is not None:
        message["tool_calls"] = tool_calls
    body: dict[str, Any] = {
        "id": "chatcmpl-test",
        "object": "chat.completion",
        "created": 1711115037,
        "model": "gemma2-9b-it",
        "choices": [{"index": 0, "message": message, "finish_reason": finish_reason}],
        **extra,
    }
    if usage is not None:
        body["usage"] = usage
    return body


def options(**kwargs: Any) -> LanguageModelV4CallOptions:
    return LanguageModelV4CallOptions(prompt=kwargs.pop("prompt", PROMPT), **kwargs)


async def test_content_order_is_reasoning_text_tool_calls(api: Any) -> None:
    api.json(
        completion(
            content="The answer.",
            reasoning="Let me think.",
            tool_calls=[
                {"id": "call-1", "type": "function", "function": {"name": "a", "arguments": "{}"}}
            ],
            finish_reason="tool_calls",
        )
    )

    result = await model.do_generate(options())

    assert to_wire(result.content) == [
        {"type": "reasoning", "text": "Let me think."},
        {"type": "text", "text": "The answer."},
        {"type": "tool-call", "toolCallId": "call-1", "toolName": "a", "input": "{}"},
    ]
    assert to_wire(result.finish_reason) == {"unified": "tool-calls", "raw": "tool_calls"}
    assert result.provider_metadata is None


async def test_empty_text_and_reasoning_give_no_parts(api: Any) -> None:
    api.json(completion(content="", reasoning=""))
    result = await model.do_generate(options())
    assert result.content == []


async def test_tool_calls_without_id_get_a_generated_id(api: Any) -> None:
    api.json(
        completion(
            tool_calls=[
                {"id": None, "type": "function", "function": {"name": "a", "arguments": "{}"}},
                {"type": "function", "function": {"name": "b", "arguments": "{}"}},
            ]
        )
    )
    result = await model.do_generate(options())
    ids = [part["toolCallId"] for part in to_wire(result.content)]
    assert all(isinstance(id, str) and id for id in ids)
    assert ids[0] != ids[1]


async def test_usage_without_details_leaves_them_undefined(api: Any) -> None:
    api.json(
        completion(
            usage={
                "prompt_tokens": 45,
                "completion_tokens": 607,
                "total_tokens": 652,
                "queue_time": 1,
            }
        )
    )
    result = await model.do_generate(options())
    assert to_wire(result.usage) == {
        "inputTokens": {"total": 45, "noCache": 45},
        "outputTokens": {"total": 607, "text": 607},
        "raw": {"prompt_tokens": 45, "completion_tokens": 607, "total_tokens": 652},
    }


async def test_partial_usage(api: Any) -> None:
    api.json(completion(usage={"prompt_tokens": 20, "total_tokens": 20}))
    result = await model.do_generate(options())
    assert to_wire(result.usage) == {
        "inputTokens": {"total": 20, "noCache": 20},
        "outputTokens": {"total": 0, "text": 0},
        "raw": {"prompt_tokens": 20, "total_tokens": 20},
    }


async def test_cached_and_reasoning_tokens(api: Any) -> None:
    api.json(
        completion(
            usage={
                "prompt_tokens": 20,
                "completion_tokens": 649,
                "total_tokens": 669,
                "prompt_tokens_details": {"cached_tokens": 15, "other": 1},
                "completion_tokens_details": {"reasoning_tokens": 570},
            }
        )
    )
    result = await model.do_generate(options())
    assert to_wire(result.usage) == {
        "inputTokens": {"total": 20, "noCache": 5, "cacheRead": 15},
        "outputTokens": {"total": 649, "text": 79, "reasoning": 570},
        "raw": {
            "prompt_tokens": 20,
            "completion_tokens": 649,
            "total_tokens": 669,
            "prompt_tokens_details": {"cached_tokens": 15},
            "completion_tokens_details": {"reasoning_tokens": 570},
        },
    }


async def test_no_usage_gives_empty_usage(api: Any) -> None:
    api.json(completion())
    result = await model.do_generate(options())
    assert to_wire(result.usage) == {"inputTokens": {}, "outputTokens": {}}


@pytest.mark.parametrize(
    ("raw", "unified"),
    [
        ("stop", "stop"),
        ("length", "length"),
        ("content_filter", "content-filter"),
        ("tool_calls", "tool-calls"),
        ("function_call", "tool-calls"),
        ("eos", "other"),
    ],
)
async def test_finish_reasons(api: Any, raw: str, unified: str) -> None:
    api.json(completion(finish_reason=raw))
    result = await model.do_generate(options())
    assert to_wire(result.finish_reason) == {"unified": unified, "raw": raw}


async def test_missing_finish_reason_is_other(api: Any) -> None:
    api.json(completion(finish_reason=None))
    result = await model.do_generate(options())
    assert to_wire(result.finish_reason) == {"unified": "other"}


async def test_response_metadata_headers_and_body(api: Any) -> None:
    body = completion(content="Hi", x_groq={"id": "req_1"})
    api.json(body, headers={"test-header": "test-value"})

    result = await model.do_generate(options())

    response = to_wire(result.response)
    assert response["id"] == "chatcmpl-test"
    assert response["modelId"] == "gemma2-9b-it"
    assert response["timestamp"] == "2024-03-22T13:43:57.000Z"
    assert response["headers"]["test-header"] == "test-value"
    assert response["headers"]["content-type"] == "application/json"
    assert response["body"] == body  # the raw body, unknown keys included


async def test_request_body_text_in_ts_key_order(api: Any) -> None:
    api.json(completion())

    result = await model.do_generate(
        options(
            max_output_tokens=100,
            temperature=1.0,
            top_p=0.5,
            frequency_penalty=0.25,
            presence_penalty=0.5,
            stop_sequences=["\n"],
            seed=7,
            response_format=LanguageModelV4ResponseFormatJson(),
            reasoning="low",
            provider_options={
                "groq": {
                    "user": "u",
                    "parallelToolCalls": True,
                    "reasoningFormat": "raw",
                    "serviceTier": "flex",
                }
            },
            tools=[LanguageModelV4FunctionTool(name="t", input_schema=SCHEMA)],
            tool_choice=LanguageModelV4ToolChoiceTool(tool_name="t"),
        )
    )

    body = result.request.body if result.request else None
    assert isinstance(body, str)
    assert list(json.loads(body)) == [
        "model",
        "user",
        "parallel_tool_calls",
        "max_tokens",
        "temperature",
        "top_p",
        "frequency_penalty",
        "presence_penalty",
        "stop",
        "seed",
        "response_format",
        "reasoning_format",
        "reasoning_effort",
        "service_tier",
        "messages",
        "tools",
        "tool_choice",
    ]
    assert '"temperature":1,' in body  # written as JS writes numbers
    assert json.loads(body) == api.request_json


async def test_minimal_request_body(api: Any) -> None:
    api.json(completion())
    result = await model.do_generate(options())
    assert result.request is not None
    assert result.request.body == (
        '{"model":"gemma2-9b-it","messages":[{"role":"user","content":"Hello"}]}'
    )
    assert result.warnings == []


async def test_provider_options_in_both_spellings(api: Any) -> None:
    api.json(completion())
    await model.do_generate(
        options(
            provider_options={
                "groq": {
                    "reasoning_format": "hidden",
                    "user": "test-user-id",
                    "parallel_tool_calls": False,
                }
            }
        )
    )
    snake = api.request_json
    await model.do_generate(
        options(
            provider_options={
                "groq": {
                    "reasoningFormat": "hidden",
                    "user": "test-user-id",
                    "parallelToolCalls": False,
                }
            }
        )
    )
    assert (
        api.request_json
        == snake
        == {
            "model": "gemma2-9b-it",
            "user": "test-user-id",
            "parallel_tool_calls": False,
            "reasoning_format": "hidden",
            "messages": [{"role": "user", "content": "Hello"}],
        }
    )


@pytest.mark.parametrize("tier", ["on_demand", "performance", "flex", "auto"])
async def test_service_tier(api: Any, tier: str) -> None:
    api.json(completion())
    await model.do_generate(options(provider_options={"groq": {"service_tier": tier}}))
    assert api.request_json["service_tier"] == tier


async def test_unknown_provider_options_are_not_sent(api: Any) -> None:
    api.json(completion())
    await model.do_generate(
        options(provider_options={"groq": {"top_k": 3}, "openai": {"user": "x"}})
    )
    assert "top_k" not in api.request_json
    assert "user" not in api.request_json


@pytest.mark.parametrize(
    "groq_options",
    [
        {"reasoningEffort": "extreme"},
        {"reasoning_effort": None},
        {"serviceTier": "premium"},
        {"reasoningFormat": "json"},
        {"structuredOutputs": "yes please"},
    ],
)
async def test_invalid_provider_options_raise_before_any_request(
    api: Any, groq_options: dict[str, Any]
) -> None:
    with pytest.raises(InvalidArgumentError, match="invalid groq provider options"):
        await model.do_generate(options(provider_options={"groq": groq_options}))
    assert not api.route.calls


@pytest.mark.parametrize(
    ("reasoning", "effort", "warning"),
    [
        ("high", "high", None),
        ("medium", "medium", None),
        ("low", "low", None),
        (
            "minimal",
            "low",
            'reasoning "minimal" is not directly supported by this model. mapped to effort "low".',
        ),
        (
            "xhigh",
            "high",
            'reasoning "xhigh" is not directly supported by this model. mapped to effort "high".',
        ),
        ("provider-default", None, None),
    ],
)
async def test_top_level_reasoning(
    api: Any, reasoning: str, effort: str | None, warning: str | None
) -> None:
    api.json(completion())
    result = await model.do_generate(options(reasoning=reasoning))
    assert api.request_json.get("reasoning_effort") == effort
    expected = (
        []
        if warning is None
        else [{"type": "compatibility", "feature": "reasoning", "details": warning}]
    )
    assert to_wire(result.warnings) == expected


@pytest.mark.parametrize(
    ("model_id", "effort", "warning"),
    [
        (
            "llama-3.3-70b-versatile",
            None,
            {
                "type": "unsupported",
                "feature": "reasoning",
                "details": 'reasoning "none" is not supported by this model.',
            },
        ),
        ("qwen/qwen3.6-27b", "none", None),
        (
            "openai/gpt-oss-120b",
            "low",
            {
                "type": "compatibility",
                "feature": "reasoning",
                "details": 'reasoning "none" is not directly supported by this model. mapped to effort "low".',
            },
        ),
        (
            "openai/gpt-oss-20b",
            "low",
            {
                "type": "compatibility",
                "feature": "reasoning",
                "details": 'reasoning "none" is not directly supported by this model. mapped to effort "low".',
            },
        ),
    ],
)
async def test_top_level_reasoning_none_depends_on_the_model(
    api: Any, model_id: str, effort: str | None, warning: dict[str, str] | None
) -> None:
    api.json(completion())
    result = await provider(model_id).do_generate(options(reasoning="none"))
    assert api.request_json.get("reasoning_effort") == effort
    assert to_wire(result.warnings) == ([] if warning is None else [warning])


async def test_provider_option_reasoning_effort_wins_without_warnings(api: Any) -> None:
    api.json(completion())
    result = await model.do_generate(
        options(reasoning="xhigh", provider_options={"groq": {"reasoningEffort": "default"}})
    )
    assert api.request_json["reasoning_effort"] == "default"
    assert result.warnings == []


async def test_top_k_is_unsupported(api: Any) -> None:
    api.json(completion())
    result = await model.do_generate(options(top_k=5))
    assert "top_k" not in api.request_json
    assert to_wire(result.warnings) == [{"type": "unsupported", "feature": "topK"}]


async def test_tools_and_tool_choice(api: Any) -> None:
    api.json(completion())
    await model.do_generate(
        options(
            tools=[LanguageModelV4FunctionTool(name="test-tool", input_schema=SCHEMA)],
            tool_choice=LanguageModelV4ToolChoiceTool(tool_name="test-tool"),
        )
    )
    assert api.request_json["tools"] == [
        {"type": "function", "function": {"name": "test-tool", "parameters": SCHEMA}}
    ]
    assert api.request_json["tool_choice"] == {
        "type": "function",
        "function": {"name": "test-tool"},
    }


async def test_json_schema_by_default(api: Any) -> None:
    api.json(completion())
    result = await model.do_generate(
        options(
            response_format=LanguageModelV4ResponseFormatJson(
                schema=SCHEMA, name="test-name", description="test description"
            )
        )
    )
    assert api.request_json["response_format"] == {
        "type": "json_schema",
        "json_schema": {
            "schema": SCHEMA,
            "strict": True,
            "name": "test-name",
            "description": "test description",
        },
    }
    assert result.warnings == []


async def test_json_schema_name_defaults_to_response_and_strict_can_be_off(api: Any) -> None:
    api.json(completion())
    await model.do_generate(
        options(
            response_format=LanguageModelV4ResponseFormatJson(schema=SCHEMA),
            provider_options={"groq": {"structuredOutputs": True, "strictJsonSchema": False}},
        )
    )
    assert api.request_json["response_format"] == {
        "type": "json_schema",
        "json_schema": {"schema": SCHEMA, "strict": False, "name": "response"},
    }


async def test_structured_outputs_off_sends_json_object_with_a_warning(api: Any) -> None:
    api.json(completion())
    result = await model.do_generate(
        options(
            response_format=LanguageModelV4ResponseFormatJson(schema=SCHEMA, name="test-name"),
            provider_options={"groq": {"structured_outputs": False}},
        )
    )
    assert api.request_json["response_format"] == {"type": "json_object"}
    assert to_wire(result.warnings) == [
        {
            "type": "unsupported",
            "feature": "responseFormat",
            "details": "JSON response format schema is only supported with structuredOutputs",
        }
    ]


async def test_json_without_schema_and_text_formats(api: Any) -> None:
    api.json(completion())
    result = await model.do_generate(options(response_format=LanguageModelV4ResponseFormatJson()))
    assert api.request_json["response_format"] == {"type": "json_object"}
    assert result.warnings == []
    await model.do_generate(options(response_format=LanguageModelV4ResponseFormatText()))
    assert "response_format" not in api.request_json


async def test_headers_and_user_agent(api: Any) -> None:
    api.json(completion())
    custom = create_groq(
        api_key="test-api-key", headers={"Custom-Provider-Header": "provider-header-value"}
    )

    await custom("gemma2-9b-it").do_generate(
        options(headers={"Custom-Request-Header": "request-header-value"})
    )

    headers = api.request.headers
    assert headers["authorization"] == "Bearer test-api-key"
    assert headers["content-type"] == "application/json"
    assert headers["custom-provider-header"] == "provider-header-value"
    assert headers["custom-request-header"] == "request-header-value"
    assert headers["user-agent"].startswith("ai-sdk-groq/")
    assert " ai-sdk-provider-utils/" in headers["user-agent"]


async def test_no_choices_is_an_invalid_response(api: Any) -> None:
    api.json({"id": "x", "choices": []})
    with pytest.raises(InvalidResponseDataError, match="did not contain any choices"):
        await model.do_generate(options())


async def test_a_body_that_is_not_a_completion_is_an_api_call_error(api: Any) -> None:
    api.json({"choices": [{"message": {"content": 1}}]})
    with pytest.raises(APICallError, match="Invalid JSON response"):
        await model.do_generate(options())


@pytest.mark.parametrize(("status", "retryable"), [(400, False), (429, True), (500, True)])
async def test_groq_error_bodies(api: Any, status: int, retryable: bool) -> None:
    api.json(
        {"error": {"message": "Bad things", "type": "invalid_request_error", "x": 1}}, status=status
    )

    with pytest.raises(APICallError) as caught:
        await model.do_generate(options())

    error = caught.value
    assert error.message == "Bad things"
    assert error.status_code == status
    assert error.is_retryable is retryable
    assert error.data == {"error": {"message": "Bad things", "type": "invalid_request_error"}}


async def test_error_body_without_type_uses_the_reason_phrase(api: Any) -> None:
    api.json({"error": {"message": "Bad things"}}, status=400)
    with pytest.raises(APICallError) as caught:
        await model.do_generate(options())
    assert caught.value.message == "Bad Request"
    assert caught.value.data is None
    assert caught.value.response_body == '{"error":{"message":"Bad things"}}'
