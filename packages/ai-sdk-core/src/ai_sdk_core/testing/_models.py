"""Embedding, image, reranking, speech and transcription models for tests.

Each ``do_*`` method takes a result for every call, a list of results (one per call, in order)
or a sync or async function of the call options, and records the options of each call in
``do_*_calls``; a method not given raises ``NotImplementedError``.
"""

from __future__ import annotations

from collections.abc import Awaitable
from typing import Literal, Protocol

from ai_sdk_core.provider import (
    EmbeddingModelV4CallOptions,
    EmbeddingModelV4Result,
    ImageModelV4CallOptions,
    ImageModelV4Result,
    MaxImagesPerCall,
    RerankingModelV4CallOptions,
    RerankingModelV4Result,
    SpeechModelV4CallOptions,
    SpeechModelV4Result,
    TranscriptionModelV4CallOptions,
    TranscriptionModelV4Result,
    TranscriptionModelV4StreamOptions,
    TranscriptionModelV4StreamResult,
)

from ._answers import Answer, answer

__all__ = [
    "MockEmbeddingModelV4",
    "MockImageModelV4",
    "MockRerankingModelV4",
    "MockSpeechModelV4",
    "MockTranscriptionModelV4",
]


class _MockModel:
    specification_version: Literal["v4"] = "v4"

    def __init__(self, provider: str, model_id: str) -> None:
        self.provider = provider
        self.model_id = model_id


class MockEmbeddingModelV4(_MockModel):
    """An ``EmbeddingModelV4`` for tests; one value per call and no parallel calls by default."""

    def __init__(
        self,
        *,
        provider: str = "mock-provider",
        model_id: str = "mock-model-id",
        max_embeddings_per_call: int | Awaitable[int | None] | None = 1,
        supports_parallel_calls: bool | Awaitable[bool] = False,
        do_embed: Answer[EmbeddingModelV4CallOptions, EmbeddingModelV4Result] | None = None,
    ) -> None:
        super().__init__(provider, model_id)
        self.max_embeddings_per_call = max_embeddings_per_call
        self.supports_parallel_calls = supports_parallel_calls
        self._do_embed = do_embed
        self.do_embed_calls: list[EmbeddingModelV4CallOptions] = []

    async def do_embed(self, options: EmbeddingModelV4CallOptions) -> EmbeddingModelV4Result:
        """Record the call and answer it."""
        return await answer(self, "do_embed", self._do_embed, self.do_embed_calls, options)


class MockImageModelV4(_MockModel):
    """An ``ImageModelV4`` for tests; one image per call by default."""

    def __init__(
        self,
        *,
        provider: str = "mock-provider",
        model_id: str = "mock-model-id",
        max_images_per_call: MaxImagesPerCall = 1,
        do_generate: Answer[ImageModelV4CallOptions, ImageModelV4Result] | None = None,
    ) -> None:
        super().__init__(provider, model_id)
        self.max_images_per_call = max_images_per_call
        self._do_generate = do_generate
        self.do_generate_calls: list[ImageModelV4CallOptions] = []

    async def do_generate(self, options: ImageModelV4CallOptions) -> ImageModelV4Result:
        """Record the call and answer it."""
        return await answer(self, "do_generate", self._do_generate, self.do_generate_calls, options)


class MockRerankingModelV4(_MockModel):
    """A ``RerankingModelV4`` for tests."""

    def __init__(
        self,
        *,
        provider: str = "mock-provider",
        model_id: str = "mock-model-id",
        do_rerank: Answer[RerankingModelV4CallOptions, RerankingModelV4Result] | None = None,
    ) -> None:
        super().__init__(provider, model_id)
        self._do_rerank = do_rerank
        self.do_rerank_calls: list[RerankingModelV4CallOptions] = []

    async def do_rerank(self, options: RerankingModelV4CallOptions) -> RerankingModelV4Result:
        """Record the call and answer it."""
        return await answer(self, "do_rerank", self._do_rerank, self.do_rerank_calls, options)


class MockSpeechModelV4(_MockModel):
    """A ``SpeechModelV4`` for tests."""

    def __init__(
        self,
        *,
        provider: str = "mock-provider",
        model_id: str = "mock-model-id",
        do_generate: Answer[SpeechModelV4CallOptions, SpeechModelV4Result] | None = None,
    ) -> None:
        super().__init__(provider, model_id)
        self._do_generate = do_generate
        self.do_generate_calls: list[SpeechModelV4CallOptions] = []

    async def do_generate(self, options: SpeechModelV4CallOptions) -> SpeechModelV4Result:
        """Record the call and answer it."""
        return await answer(self, "do_generate", self._do_generate, self.do_generate_calls, options)


class _DoStream(Protocol):
    async def __call__(
        self, options: TranscriptionModelV4StreamOptions
    ) -> TranscriptionModelV4StreamResult: ...


class MockTranscriptionModelV4(_MockModel):
    """A ``TranscriptionModelV4`` for tests.

    It has a ``do_stream`` method (and so is a ``TranscriptionModelV4StreamingModel``) only when
    ``do_stream`` is given, as a provider's model has one only when it can stream.
    """

    def __init__(
        self,
        *,
        provider: str = "mock-provider",
        model_id: str = "mock-model-id",
        do_generate: Answer[TranscriptionModelV4CallOptions, TranscriptionModelV4Result]
        | None = None,
        do_stream: Answer[TranscriptionModelV4StreamOptions, TranscriptionModelV4StreamResult]
        | None = None,
    ) -> None:
        super().__init__(provider, model_id)
        self._do_generate = do_generate
        self.do_generate_calls: list[TranscriptionModelV4CallOptions] = []
        self.do_stream_calls: list[TranscriptionModelV4StreamOptions] = []
        self.do_stream: _DoStream
        if do_stream is not None:
            given = do_stream

            async def stream(
                options: TranscriptionModelV4StreamOptions,
            ) -> TranscriptionModelV4StreamResult:
                return await answer(self, "do_stream", given, self.do_stream_calls, options)

            self.do_stream = stream

    async def do_generate(
        self, options: TranscriptionModelV4CallOptions
    ) -> TranscriptionModelV4Result:
        """Record the call and answer it."""
        return await answer(self, "do_generate", self._do_generate, self.do_generate_calls, options)
