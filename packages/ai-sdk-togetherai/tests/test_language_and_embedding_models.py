"""Chat, completion and embedding models: the OpenAI-compatible models as Together AI
configures them (usage in streams, ``togetherai`` provider options, structured outputs)."""

from __future__ import annotations

from typing import Any

import pytest

from ai_sdk_core.provider import (
    EmbeddingModelV4CallOptions,
    LanguageModelV4CallOptions,
    LanguageModelV4ResponseFormatJson,
    LanguageModelV4TextPart,
    LanguageModelV4UserMessage,
)
from ai_sdk_core.wire import to_wire
from ai_sdk_togetherai import create_togetherai

pytestmark = pytest.mark.anyio

provider = create_togetherai(api_key="k")
PROMPT = [LanguageModelV4UserMessage(content=[LanguageModelV4TextPart(text="Hello")])]
USAGE = {"prompt_tokens": 4, "completion_tokens": 2, "total_tokens": 6}
SCHEMA = {"type": "object", "properties": {"a": {"type": "string"}}}


async def test_chat_options_are_read_and_passed_through(api: Any) -> None:
    api.json(
        {
            "choices": [
                {"message": {"role": "assistant", "content": "hi"}, "finish_reason": "stop"}
            ],
            "usage": USAGE,
        }
    )

    result = await provider("meta-llama/Llama-3.3-70B-Instruct-Turbo").do_generate(
        LanguageModelV4CallOptions(
            prompt=PROMPT,
            temperature=0.2,
            provider_options={"togetherai": {"user": "user-7", "repetition_penalty": 1.1}},
        )
    )

    assert api.request_json == {
        "model": "meta-llama/Llama-3.3-70B-Instruct-Turbo",
        "user": "user-7",
        "temperature": 0.2,
        "repetition_penalty": 1.1,
        "messages": [{"role": "user", "content": "Hello"}],
    }
    assert result.warnings == []  # "togetherai" is already camelCase: no deprecation
    assert result.provider_metadata == {"togetherai": {}}
    assert to_wire(result.usage)["inputTokens"]["total"] == 4


async def test_chat_stream_asks_for_usage_and_reports_it(api: Any) -> None:
    api.data_events(
        {"id": "c1", "model": "m", "choices": [{"index": 0, "delta": {"content": "hi"}}]},
        {"id": "c1", "model": "m", "choices": [{"index": 0, "delta": {}, "finish_reason": "stop"}]},
        {"id": "c1", "model": "m", "choices": [], "usage": USAGE},
    )

    result = await provider("m").do_stream(LanguageModelV4CallOptions(prompt=PROMPT))
    parts = [to_wire(part) async for part in result.stream]

    assert api.request_json["stream"] is True
    assert api.request_json["stream_options"] == {"include_usage": True}
    finish = parts[-1]
    assert finish["type"] == "finish"
    assert finish["usage"]["inputTokens"]["total"] == 4
    assert finish["usage"]["outputTokens"]["total"] == 2


async def test_json_schema_becomes_json_object_with_a_warning(api: Any) -> None:
    api.json(
        {"choices": [{"message": {"role": "assistant", "content": "{}"}, "finish_reason": "stop"}]}
    )

    result = await provider("deepseek-ai/DeepSeek-V3").do_generate(
        LanguageModelV4CallOptions(
            prompt=PROMPT, response_format=LanguageModelV4ResponseFormatJson(schema=SCHEMA)
        )
    )

    assert api.request_json["response_format"] == {"type": "json_object"}
    assert [to_wire(warning) for warning in result.warnings] == [
        {
            "type": "unsupported",
            "feature": "responseFormat",
            "details": "JSON response format schema is only supported with structuredOutputs",
        }
    ]


async def test_deepseek_v4_flash_gets_a_json_schema(api: Any) -> None:
    api.json(
        {"choices": [{"message": {"role": "assistant", "content": "{}"}, "finish_reason": "stop"}]}
    )

    result = await provider("deepseek-ai/DeepSeek-V4-Flash-0731").do_generate(
        LanguageModelV4CallOptions(
            prompt=PROMPT, response_format=LanguageModelV4ResponseFormatJson(schema=SCHEMA)
        )
    )

    assert api.request_json["response_format"] == {
        "type": "json_schema",
        "json_schema": {"schema": SCHEMA, "strict": True, "name": "response"},
    }
    assert result.warnings == []


async def test_completion_stream_asks_for_usage(api: Any) -> None:
    api.data_events(
        {"id": "c1", "choices": [{"index": 0, "text": "hi", "finish_reason": "stop"}]},
        {"id": "c1", "choices": [], "usage": USAGE},
    )

    result = await provider.completion_model("m").do_stream(
        LanguageModelV4CallOptions(prompt=PROMPT)
    )
    parts = [to_wire(part) async for part in result.stream]

    assert api.request_json["stream_options"] == {"include_usage": True}
    assert api.request_json["prompt"] == "user:\nHello\n\nassistant:\n"
    assert parts[-1]["usage"]["outputTokens"]["total"] == 2


async def test_embedding_request_and_result(api: Any) -> None:
    api.json({"data": [{"embedding": [0.1, 0.2]}, {"embedding": [0.3, 0.4]}], "usage": USAGE})

    result = await provider.embedding_model("BAAI/bge-base-en-v1.5").do_embed(
        EmbeddingModelV4CallOptions(
            values=["a", "b"], provider_options={"togetherai": {"user": "u-1"}}
        )
    )

    assert api.request_json == {
        "model": "BAAI/bge-base-en-v1.5",
        "input": ["a", "b"],
        "encoding_format": "float",
        "user": "u-1",
    }
    assert result.embeddings == [[0.1, 0.2], [0.3, 0.4]]
    assert result.usage is not None
    assert result.usage.tokens == 4
    assert result.warnings == []
