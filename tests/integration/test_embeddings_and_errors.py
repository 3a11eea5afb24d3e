"""Embeddings and error responses of llama-server through ai-sdk-openai-compatible."""

from __future__ import annotations

import math

import pytest

from ai_sdk import (
    APICallError,
    LanguageModel,
    Output,
    cosine_similarity,
    embed,
    embed_many,
    generate_text,
)
from ai_sdk.providers.openai_compatible import OpenAICompatibleProvider, create_openai_compatible
from local_llm import Server

pytestmark = pytest.mark.anyio

TIMEOUT = 300.0  # seconds for a whole call: other load can slow the model down 10-100x
DIMENSIONS = 576  # SmolLM2-135M's embedding size

SENTENCES = ["The cat sleeps on the sofa.", "A kitten naps on the couch.", "Stock prices fell."]


async def test_embed_many_returns_one_normalised_vector_per_value(
    llama: OpenAICompatibleProvider,
) -> None:
    result = await embed_many(model=llama.embedding_model("smollm2"), values=SENTENCES)

    assert result.values == SENTENCES
    assert [len(vector) for vector in result.embeddings] == [DIMENSIONS] * 3
    for vector in result.embeddings:
        assert math.fsum(x * x for x in vector) == pytest.approx(1, abs=1e-3)  # --pooling mean
    assert result.usage.tokens > len(SENTENCES)
    assert len(result.responses or []) == 1  # up to 2048 values go in one request
    assert result.warnings == []


async def test_embed_is_deterministic_and_agrees_with_embed_many(
    llama: OpenAICompatibleProvider,
) -> None:
    model = llama.embedding_model("smollm2")

    one = await embed(model=model, value=SENTENCES[0])
    again = await embed(model=model, value=SENTENCES[0])
    many = await embed_many(model=model, values=SENTENCES)

    assert cosine_similarity(one.embedding, again.embedding) == pytest.approx(1, abs=1e-6)
    assert cosine_similarity(one.embedding, many.embeddings[0]) == pytest.approx(1, abs=1e-3)
    assert one.usage.tokens > 0


async def test_bad_request_raises_a_non_retryable_api_call_error(
    llama: OpenAICompatibleProvider,
) -> None:
    invalid_schema = {"type": "object", "properties": {"a": {"type": "no-such-type"}}}

    with pytest.raises(APICallError) as raised:
        await generate_text(
            model=llama("smollm2"),
            output=Output.object(schema=invalid_schema),
            prompt="Anything.",
            max_output_tokens=8,
            timeout=TIMEOUT,
        )

    error = raised.value
    assert error.status_code == 400
    assert error.is_retryable is False  # raised at once, not as a RetryError after retries
    assert str(error)  # the server's error.message
    assert isinstance(error.data, dict)
    assert error.data["error"]["type"] == "invalid_request_error"
    assert error.url.endswith("/v1/chat/completions")


async def test_a_prompt_longer_than_the_context_is_a_400_with_the_server_error_type(
    llama: OpenAICompatibleProvider,
) -> None:
    with pytest.raises(APICallError) as raised:
        await generate_text(
            model=llama("smollm2"),
            prompt="hello " * 5000,  # -c 4096
            max_output_tokens=8,
            timeout=TIMEOUT,
        )

    error = raised.value
    assert error.status_code == 400
    assert error.is_retryable is False
    assert isinstance(error.data, dict)
    assert error.data["error"]["type"] == "exceed_context_size_error"
    assert '"n_ctx":4096' in (error.response_body or "")


async def test_api_key_is_required_and_checked(llama_server_with_api_key: Server) -> None:
    server = llama_server_with_api_key
    assert server.api_key is not None

    def model(api_key: str | None) -> LanguageModel:
        provider = create_openai_compatible(
            base_url=server.base_url, name="llamacpp", api_key=api_key
        )
        return provider("smollm2")

    for api_key in ("wrong-key", None):
        with pytest.raises(APICallError) as raised:
            await generate_text(model=model(api_key), prompt="Hi", max_output_tokens=4)
        assert raised.value.status_code == 401
        assert raised.value.is_retryable is False
        assert isinstance(raised.value.data, dict)
        assert raised.value.data["error"]["type"] == "authentication_error"
        assert api_key is None or api_key not in f"{raised.value} {raised.value!r}"  # no keys shown

    result = await generate_text(
        model=model(server.api_key),
        prompt="Hi",
        max_output_tokens=4,
        timeout=TIMEOUT,
    )
    assert result.finish_reason in ("stop", "length")
