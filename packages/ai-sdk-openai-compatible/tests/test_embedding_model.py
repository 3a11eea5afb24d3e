"""The embedding model (ports of openai-compatible-embedding-model.test.ts)."""

from __future__ import annotations

from typing import Any

import pytest

from ai_sdk_core.errors import APICallError, TooManyEmbeddingValuesForCallError
from ai_sdk_core.provider import EmbeddingModelV4CallOptions
from ai_sdk_core.wire import to_wire
from ai_sdk_openai_compatible import (
    OpenAICompatibleEmbeddingConfig,
    OpenAICompatibleEmbeddingModel,
    create_openai_compatible,
)

pytestmark = pytest.mark.anyio

VALUES = ["sunny day at the beach", "rainy day in the city"]
RESPONSE = {
    "object": "list",
    "data": [
        {"object": "embedding", "index": 0, "embedding": [0.1, 0.2, 0.3]},
        {"object": "embedding", "index": 1, "embedding": [0.4, 0.5, 0.6]},
    ],
    "model": "text-embedding-3-large",
    "usage": {"prompt_tokens": 8, "total_tokens": 8},
}
provider = create_openai_compatible(
    base_url="https://my.api.com/v1/", name="test-provider", api_key="test-api-key"
)
model = provider.embedding_model("text-embedding-3-large")


async def test_embeddings_usage_and_response(api: Any) -> None:
    api.json(RESPONSE, headers={"test-header": "test-value"})

    result = await model.do_embed(EmbeddingModelV4CallOptions(values=VALUES))

    assert result.embeddings == [[0.1, 0.2, 0.3], [0.4, 0.5, 0.6]]
    assert to_wire(result.usage) == {"tokens": 8}
    assert result.warnings == []
    assert result.response is not None
    assert result.response.body == RESPONSE
    assert result.response.headers is not None
    assert result.response.headers["test-header"] == "test-value"
    assert api.request_json == {
        "model": "text-embedding-3-large",
        "input": VALUES,
        "encoding_format": "float",
    }
    assert api.request.url == "https://my.api.com/v1/embeddings"


async def test_provider_metadata_from_the_response(api: Any) -> None:
    api.json({**RESPONSE, "providerMetadata": {"test-provider": {"cached": True}}})
    result = await model.do_embed(EmbeddingModelV4CallOptions(values=VALUES))
    assert result.provider_metadata == {"test-provider": {"cached": True}}


@pytest.mark.parametrize(
    ("key", "warnings", "sent"),
    [
        ("openaiCompatible", [], True),
        (
            "openai-compatible",
            [
                {
                    "type": "deprecated",
                    "setting": "providerOptions key 'openai-compatible'",
                    "message": "Use 'openaiCompatible' instead.",
                }
            ],
            True,
        ),
        (
            "test-provider",
            [
                {
                    "type": "deprecated",
                    "setting": "providerOptions key 'test-provider'",
                    "message": "Use 'testProvider' instead.",
                }
            ],
            True,
        ),
        ("testProvider", [], False),  # the camelCase key is not read (TS quirk)
    ],
)
async def test_provider_option_keys(api: Any, key: str, warnings: list[Any], sent: bool) -> None:
    api.json(RESPONSE)
    result = await model.do_embed(
        EmbeddingModelV4CallOptions(
            values=VALUES, provider_options={key: {"dimensions": 64, "user": "u"}}
        )
    )
    body = api.request_json
    assert ("dimensions" in body, "user" in body) == (sent, sent)
    if sent:
        assert (body["dimensions"], body["user"]) == (64, "u")
    assert to_wire(result.warnings) == warnings


async def test_too_many_values(api: Any) -> None:
    small = OpenAICompatibleEmbeddingModel(
        "m",
        OpenAICompatibleEmbeddingConfig(
            provider="p.embedding",
            url=lambda *, model_id, path: f"https://my.api.com/v1{path}",
            max_embeddings_per_call=1,
            supports_parallel_calls=False,
        ),
    )
    assert small.max_embeddings_per_call == 1
    assert small.supports_parallel_calls is False
    assert model.max_embeddings_per_call == 2048
    assert model.supports_parallel_calls is True
    with pytest.raises(TooManyEmbeddingValuesForCallError) as caught:
        await small.do_embed(EmbeddingModelV4CallOptions(values=VALUES))
    assert caught.value.max_embeddings_per_call == 1
    assert not api.route.called


async def test_headers_and_errors(api: Any) -> None:
    api.json({"error": {"message": "Invalid input"}}, status=400)
    with pytest.raises(APICallError, match="Invalid input"):
        await model.do_embed(
            EmbeddingModelV4CallOptions(values=VALUES, headers={"Custom-Request-Header": "v"})
        )
    assert api.request.headers["custom-request-header"] == "v"
    assert api.request.headers["authorization"] == "Bearer test-api-key"
