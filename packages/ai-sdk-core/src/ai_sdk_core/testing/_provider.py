"""A provider for tests (``MockProviderV4``): models looked up by id in the dicts it is given."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Literal, TypeVar

from ai_sdk_core.provider import (
    EmbeddingModelV4,
    ImageModelV4,
    LanguageModelV4,
    ModelType,
    NoSuchModelError,
    RerankingModelV4,
    SpeechModelV4,
    TranscriptionModelV4,
)

__all__ = ["MockProviderV4"]

M = TypeVar("M")


def _find(models: Mapping[str, M] | None, model_id: str, model_type: ModelType) -> M:
    if models is None or model_id not in models:
        raise NoSuchModelError(model_id=model_id, model_type=model_type)
    return models[model_id]


class MockProviderV4:
    """A ``ProviderV4`` that returns the models it was given; other ids raise ``NoSuchModelError``."""

    specification_version: Literal["v4"] = "v4"

    def __init__(
        self,
        *,
        language_models: Mapping[str, LanguageModelV4] | None = None,
        embedding_models: Mapping[str, EmbeddingModelV4] | None = None,
        image_models: Mapping[str, ImageModelV4] | None = None,
        transcription_models: Mapping[str, TranscriptionModelV4] | None = None,
        speech_models: Mapping[str, SpeechModelV4] | None = None,
        reranking_models: Mapping[str, RerankingModelV4] | None = None,
    ) -> None:
        self._language_models = language_models
        self._embedding_models = embedding_models
        self._image_models = image_models
        self._transcription_models = transcription_models
        self._speech_models = speech_models
        self._reranking_models = reranking_models

    def language_model(self, model_id: str) -> LanguageModelV4:
        """The language model given under ``model_id``."""
        return _find(self._language_models, model_id, "languageModel")

    def embedding_model(self, model_id: str) -> EmbeddingModelV4:
        """The embedding model given under ``model_id``."""
        return _find(self._embedding_models, model_id, "embeddingModel")

    def image_model(self, model_id: str) -> ImageModelV4:
        """The image model given under ``model_id``."""
        return _find(self._image_models, model_id, "imageModel")

    def transcription_model(self, model_id: str) -> TranscriptionModelV4:
        """The transcription model given under ``model_id``."""
        return _find(self._transcription_models, model_id, "transcriptionModel")

    def speech_model(self, model_id: str) -> SpeechModelV4:
        """The speech model given under ``model_id``."""
        return _find(self._speech_models, model_id, "speechModel")

    def reranking_model(self, model_id: str) -> RerankingModelV4:
        """The reranking model given under ``model_id``."""
        return _find(self._reranking_models, model_id, "rerankingModel")
