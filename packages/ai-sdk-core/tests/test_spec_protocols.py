"""The model protocols recognise implementations structurally, without a base class."""

from __future__ import annotations

from typing import Any, ClassVar

from ai_sdk_core.provider import (
    EmbeddingModelV4,
    EmbeddingModelV4CallOptions,
    EmbeddingModelV4Result,
    LanguageModelV4,
    LanguageModelV4Middleware,
    ProviderV4,
    RerankingModelV4,
)


class _Embedder:
    specification_version = "v4"
    provider = "test"
    model_id = "embed"
    max_embeddings_per_call = 2
    supports_parallel_calls = True

    async def do_embed(self, options: EmbeddingModelV4CallOptions) -> EmbeddingModelV4Result:
        return EmbeddingModelV4Result(embeddings=[[0.0] for _ in options.values], warnings=[])


class _HalfLanguageModel:
    specification_version = "v4"
    provider = "test"
    model_id = "half"
    supported_urls: ClassVar[dict[str, Any]] = {}

    async def do_generate(self, options: Any) -> Any: ...


def test_an_embedding_model_is_recognised_by_shape() -> None:
    model = _Embedder()

    assert isinstance(model, EmbeddingModelV4)
    assert not isinstance(model, LanguageModelV4)
    assert not isinstance(model, RerankingModelV4)


def test_a_model_without_do_stream_is_not_a_language_model() -> None:
    assert not isinstance(_HalfLanguageModel(), LanguageModelV4)
    assert not isinstance(_HalfLanguageModel(), ProviderV4)


def test_middleware_hooks_default_to_absent() -> None:
    middleware = LanguageModelV4Middleware()

    assert middleware.specification_version == "v4"
    assert (middleware.transform_params, middleware.wrap_generate, middleware.wrap_stream) == (
        None,
        None,
        None,
    )
