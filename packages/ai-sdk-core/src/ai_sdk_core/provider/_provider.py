"""The provider protocol (``ProviderV4``): a factory of models by id."""

from __future__ import annotations

from typing import Literal, Protocol, runtime_checkable

from ._embedding_model import EmbeddingModelV4
from ._image_model import ImageModelV4
from ._language_model import LanguageModelV4

__all__ = ["ProviderV4"]


@runtime_checkable
class ProviderV4(Protocol):
    """A provider, version 4 of the specification.

    Besides these three methods a provider may offer ``transcription_model``,
    ``speech_model``, ``reranking_model`` and ``video_model`` (model id → model), and
    ``files()`` / ``skills()`` (→ :class:`FilesV4` / :class:`SkillsV4`); callers look them up
    with ``getattr``. A method raises :class:`NoSuchModelError` for ids or kinds it does not
    offer.
    """

    @property
    def specification_version(self) -> Literal["v4"]:
        """Always ``"v4"``."""
        ...

    def language_model(self, model_id: str) -> LanguageModelV4:
        """The language model with this id."""
        ...

    def embedding_model(self, model_id: str) -> EmbeddingModelV4:
        """The embedding model with this id."""
        ...

    def image_model(self, model_id: str) -> ImageModelV4:
        """The image model with this id."""
        ...
