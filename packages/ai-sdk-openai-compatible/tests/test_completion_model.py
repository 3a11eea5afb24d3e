"""The completion model (ports of openai-compatible-completion-language-model.test.ts and the
prompt conversion)."""

from __future__ import annotations

from typing import Any

import pytest

from ai_sdk_core.errors import InvalidPromptError, UnsupportedFunctionalityError
from ai_sdk_core.provider import (
    LanguageModelV4AssistantMessage,
    LanguageModelV4CallOptions,
    LanguageModelV4FilePart,
    LanguageModelV4FunctionTool,
    LanguageModelV4ReasoningPart,
    LanguageModelV4ResponseFormatJson,
    LanguageModelV4SystemMessage,
    LanguageModelV4TextPart,
    LanguageModelV4ToolCallPart,
    LanguageModelV4ToolChoiceAuto,
    LanguageModelV4ToolMessage,
    LanguageModelV4ToolResultOutputText,
    LanguageModelV4ToolResultPart,
    LanguageModelV4UserMessage,
    SharedV4FileDataUrl,
)
from ai_sdk_core.testing import convert_async_iterable_to_array
from ai_sdk_core.wire import to_wire
from ai_sdk_openai_compatible import create_openai_compatible
from ai_sdk_openai_compatible.internal import convert_to_openai_compatible_completion_prompt

pytestmark = pytest.mark.anyio

PROMPT = [LanguageModelV4UserMessage(content=[LanguageModelV4TextPart(text="Hello")])]
provider = create_openai_compatible(
    base_url="https://my.api.com/v1/", name="test-provider", api_key="test-api-key"
)
model = provider.completion_model("gpt-3.5-turbo-instruct")

RESPONSE = {
    "id": "cmpl-96cAM1v77r4jXa4qb2NSmRREV5oWB",
    "object": "text_completion",
    "created": 1711363706,
    "model": "gpt-3.5-turbo-instruct",
    "choices": [{"text": "Hello, World!", "index": 0, "logprobs": None, "finish_reason": "stop"}],
    "usage": {"prompt_tokens": 4, "total_tokens": 34, "completion_tokens": 30},
}


def options(**kwargs: Any) -> LanguageModelV4CallOptions:
    return LanguageModelV4CallOptions(prompt=kwargs.pop("prompt", PROMPT), **kwargs)


# --- prompt conversion ---------------------------------------------------------------------


def test_prompt_with_system_user_and_assistant_turns() -> None:
    converted = convert_to_openai_compatible_completion_prompt(
        [
            LanguageModelV4SystemMessage(content="Be nice."),
            LanguageModelV4UserMessage(
                content=[
                    LanguageModelV4TextPart(text="Hi "),
                    LanguageModelV4FilePart(
                        media_type="image/png", data=SharedV4FileDataUrl(url="https://x/y.png")
                    ),
                    LanguageModelV4TextPart(text="there"),
                ]
            ),
            LanguageModelV4AssistantMessage(
                content=[
                    LanguageModelV4ReasoningPart(text="hidden"),
                    LanguageModelV4TextPart(text="Hello"),
                ]
            ),
        ]
    )
    assert converted.prompt == "Be nice.\n\nuser:\nHi there\n\nassistant:\nHello\n\nassistant:\n"
    assert converted.stop_sequences == ["\nuser:"]


def test_prompt_errors() -> None:
    with pytest.raises(InvalidPromptError, match="Unexpected system message in prompt: late"):
        convert_to_openai_compatible_completion_prompt(
            [*PROMPT, LanguageModelV4SystemMessage(content="late")]
        )
    with pytest.raises(UnsupportedFunctionalityError) as caught:
        convert_to_openai_compatible_completion_prompt(
            [
                LanguageModelV4AssistantMessage(
                    content=[LanguageModelV4ToolCallPart(tool_call_id="a", tool_name="t", input={})]
                )
            ]
        )
    assert caught.value.functionality == "tool-call messages"
    with pytest.raises(UnsupportedFunctionalityError) as caught:
        convert_to_openai_compatible_completion_prompt(
            [
                LanguageModelV4ToolMessage(
                    content=[
                        LanguageModelV4ToolResultPart(
                            tool_call_id="a",
                            tool_name="t",
                            output=LanguageModelV4ToolResultOutputText(value="x"),
                        )
                    ]
                )
            ]
        )
    assert caught.value.functionality == "tool messages"


async def test_prompt_errors_are_raised_before_any_request(api: Any) -> None:
    with pytest.raises(InvalidPromptError):
        await model.do_generate(
            options(prompt=[*PROMPT, LanguageModelV4SystemMessage(content="late")])
        )
    assert not api.route.called


# --- doGenerate ----------------------------------------------------------------------------


async def test_generate(api: Any) -> None:
    api.json(RESPONSE, headers={"test-header": "test-value"})

    result = await model.do_generate(options(max_output_tokens=16, stop_sequences=["END"]))

    assert to_wire(result) == {
        "content": [{"type": "text", "text": "Hello, World!"}],
        "finishReason": {"unified": "stop", "raw": "stop"},
        "usage": {
            "inputTokens": {"total": 4, "noCache": 4},
            "outputTokens": {"total": 30, "text": 30},
            "raw": {"prompt_tokens": 4, "total_tokens": 34, "completion_tokens": 30},
        },
        "request": {
            "body": {
                "model": "gpt-3.5-turbo-instruct",
                "max_tokens": 16,
                "prompt": "user:\nHello\n\nassistant:\n",
                "stop": ["\nuser:", "END"],
            }
        },
        "response": {
            "id": "cmpl-96cAM1v77r4jXa4qb2NSmRREV5oWB",
            "modelId": "gpt-3.5-turbo-instruct",
            "timestamp": "2024-03-25T10:48:26.000Z",
            "headers": {
                "content-length": str(len(api.route.calls.last.response.content)),
                "content-type": "application/json",
                "test-header": "test-value",
            },
            "body": RESPONSE,
        },
        "warnings": [],
    }
    assert api.request.url == "https://my.api.com/v1/completions"
    assert api.request.headers["authorization"] == "Bearer test-api-key"


async def test_unknown_finish_reason_and_empty_text(api: Any) -> None:
    api.json({**RESPONSE, "choices": [{"text": "", "finish_reason": "eos"}]})
    result = await model.do_generate(options())
    assert result.content == []
    assert to_wire(result.finish_reason) == {"unified": "other", "raw": "eos"}


async def test_unsupported_settings_warn(api: Any) -> None:
    api.json(RESPONSE)
    result = await model.do_generate(
        options(
            top_k=1,
            tools=[LanguageModelV4FunctionTool(name="t", input_schema={"type": "object"})],
            tool_choice=LanguageModelV4ToolChoiceAuto(),
            response_format=LanguageModelV4ResponseFormatJson(),
        )
    )
    assert to_wire(result.warnings) == [
        {"type": "unsupported", "feature": "topK"},
        {"type": "unsupported", "feature": "tools"},
        {"type": "unsupported", "feature": "toolChoice"},
        {
            "type": "unsupported",
            "feature": "responseFormat",
            "details": "JSON response format is not supported.",
        },
    ]


async def test_provider_options_are_read_and_passed_through(api: Any) -> None:
    api.json(RESPONSE)

    result = await model.do_generate(
        options(
            provider_options={
                "test-provider": {"echo": True, "suffix": "raw", "someKey": 1},
                "testProvider": {"suffix": "camel", "logitBias": {"50256": -100}},
                "other": {"ignored": True},
            }
        )
    )

    assert api.request_json == {
        "model": "gpt-3.5-turbo-instruct",
        "echo": True,
        "logit_bias": {"50256": -100},
        "suffix": "camel",
        "someKey": 1,
        "logitBias": {"50256": -100},
        "prompt": "user:\nHello\n\nassistant:\n",
        "stop": ["\nuser:"],
    }
    assert [warning.type for warning in result.warnings] == ["deprecated"]


# --- doStream ------------------------------------------------------------------------------


async def test_stream(api: Any) -> None:
    head = {"id": "cmpl-1", "object": "text_completion", "created": 1711363440, "model": "m"}
    api.data_events(
        {**head, "choices": [{"text": "Hello", "index": 0, "finish_reason": None}]},
        {**head, "choices": [{"text": ", World!", "index": 0, "finish_reason": "stop"}]},
        {
            **head,
            "choices": [],
            "usage": {"prompt_tokens": 10, "completion_tokens": 362, "total_tokens": 372},
        },
    )
    streaming = create_openai_compatible(
        base_url="https://my.api.com/v1", name="test-provider", include_usage=True
    ).completion_model("m")

    result = await streaming.do_stream(options(include_raw_chunks=False))
    parts = to_wire(await convert_async_iterable_to_array(result.stream))

    assert parts == [
        {"type": "stream-start", "warnings": []},
        {
            "type": "response-metadata",
            "id": "cmpl-1",
            "modelId": "m",
            "timestamp": "2024-03-25T10:44:00.000Z",
        },
        {"type": "text-start", "id": "0"},
        {"type": "text-delta", "id": "0", "delta": "Hello"},
        {"type": "text-delta", "id": "0", "delta": ", World!"},
        {"type": "text-end", "id": "0"},
        {
            "type": "finish",
            "finishReason": {"unified": "stop", "raw": "stop"},
            "usage": {
                "inputTokens": {"total": 10, "noCache": 10},
                "outputTokens": {"total": 362, "text": 362},
                "raw": {"prompt_tokens": 10, "completion_tokens": 362, "total_tokens": 372},
            },
        },
    ]
    assert to_wire(result.request)["body"]["stream_options"] == {"include_usage": True}


async def test_stream_error_and_unparsable_chunks(api: Any) -> None:
    api.sse(
        [
            'data: {"error":{"message":"The server had an error","type":"server_error","param":null,"code":null}}\n\n',
            "data: {unparsable}\n\n",
            "data: [DONE]\n\n",
        ]
    )
    result = await model.do_stream(options())
    parts = to_wire(await convert_async_iterable_to_array(result.stream))
    assert [part["type"] for part in parts] == ["stream-start", "error", "error", "finish"]
    assert parts[1]["error"] == {
        "message": "The server had an error",
        "type": "server_error",
        "param": None,
        "code": None,
    }
    assert parts[2]["error"]["name"] == "AI_JSONParseError"
    assert parts[3] == {
        "type": "finish",
        "finishReason": {"unified": "error"},
        "usage": {"inputTokens": {}, "outputTokens": {}},
    }


async def test_stream_without_finish_reason_finishes_with_other(api: Any) -> None:
    api.data_events({"id": "c", "choices": [{"text": "x", "index": 0}]})
    result = await model.do_stream(options())
    parts = to_wire(await convert_async_iterable_to_array(result.stream))
    assert parts[-1]["finishReason"] == {"unified": "other"}
