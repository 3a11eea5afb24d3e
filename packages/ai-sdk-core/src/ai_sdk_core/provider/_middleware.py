"""Middleware specifications: hooks that transform the parameters of a model call or wrap it.

A middleware is a record of optional hooks; each hook receives keyword arguments named as in
TS (``type``, ``params``, ``model``, ``do_generate``, …).
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Literal, Protocol

from ._embedding_model import EmbeddingModelV4, EmbeddingModelV4CallOptions, EmbeddingModelV4Result
from ._image_model import (
    ImageModelV4,
    ImageModelV4CallOptions,
    ImageModelV4Result,
    MaxImagesPerCall,
)
from ._language_model import LanguageModelV4, SupportedUrls
from ._language_model_call import LanguageModelV4CallOptions
from ._language_model_result import LanguageModelV4GenerateResult, LanguageModelV4StreamResult

__all__ = [
    "EmbeddingModelV4Middleware",
    "EmbeddingModelV4TransformParams",
    "EmbeddingModelV4WrapEmbed",
    "ImageModelV4Middleware",
    "ImageModelV4TransformParams",
    "ImageModelV4WrapGenerate",
    "LanguageModelV4Middleware",
    "LanguageModelV4TransformParams",
    "LanguageModelV4WrapGenerate",
    "LanguageModelV4WrapStream",
]


class LanguageModelV4TransformParams(Protocol):
    """``transform_params(type=, params=, model=)``: the call options to use instead."""

    def __call__(
        self,
        *,
        type: Literal["generate", "stream"],
        params: LanguageModelV4CallOptions,
        model: LanguageModelV4,
    ) -> Awaitable[LanguageModelV4CallOptions]: ...


class LanguageModelV4WrapGenerate(Protocol):
    """``wrap_generate(do_generate=, do_stream=, params=, model=)``: run (or replace) a generate call."""

    def __call__(
        self,
        *,
        do_generate: Callable[[], Awaitable[LanguageModelV4GenerateResult]],
        do_stream: Callable[[], Awaitable[LanguageModelV4StreamResult]],
        params: LanguageModelV4CallOptions,
        model: LanguageModelV4,
    ) -> Awaitable[LanguageModelV4GenerateResult]: ...


class LanguageModelV4WrapStream(Protocol):
    """``wrap_stream(do_generate=, do_stream=, params=, model=)``: run (or replace) a stream call."""

    def __call__(
        self,
        *,
        do_generate: Callable[[], Awaitable[LanguageModelV4GenerateResult]],
        do_stream: Callable[[], Awaitable[LanguageModelV4StreamResult]],
        params: LanguageModelV4CallOptions,
        model: LanguageModelV4,
    ) -> Awaitable[LanguageModelV4StreamResult]: ...


@dataclass(frozen=True, slots=True, kw_only=True)
class LanguageModelV4Middleware:
    """Hooks around a language model; every hook is optional.

    ``override_*`` replace the wrapped model's provider, model id or supported URLs;
    ``transform_params`` runs before either call; ``wrap_generate``/``wrap_stream`` run the call.
    """

    specification_version: Literal["v4"] = "v4"
    override_provider: Callable[[LanguageModelV4], str] | None = None
    override_model_id: Callable[[LanguageModelV4], str] | None = None
    override_supported_urls: (
        Callable[[LanguageModelV4], SupportedUrls | Awaitable[SupportedUrls]] | None
    ) = None
    transform_params: LanguageModelV4TransformParams | None = None
    wrap_generate: LanguageModelV4WrapGenerate | None = None
    wrap_stream: LanguageModelV4WrapStream | None = None


class EmbeddingModelV4TransformParams(Protocol):
    """``transform_params(params=, model=)``: the embedding call options to use instead."""

    def __call__(
        self, *, params: EmbeddingModelV4CallOptions, model: EmbeddingModelV4
    ) -> Awaitable[EmbeddingModelV4CallOptions]: ...


class EmbeddingModelV4WrapEmbed(Protocol):
    """``wrap_embed(do_embed=, params=, model=)``: run (or replace) an embedding call."""

    def __call__(
        self,
        *,
        do_embed: Callable[[], Awaitable[EmbeddingModelV4Result]],
        params: EmbeddingModelV4CallOptions,
        model: EmbeddingModelV4,
    ) -> Awaitable[EmbeddingModelV4Result]: ...


@dataclass(frozen=True, slots=True, kw_only=True)
class EmbeddingModelV4Middleware:
    """Hooks around an embedding model; every hook is optional."""

    specification_version: Literal["v4"] = "v4"
    override_provider: Callable[[EmbeddingModelV4], str] | None = None
    override_model_id: Callable[[EmbeddingModelV4], str] | None = None
    override_max_embeddings_per_call: (
        Callable[[EmbeddingModelV4], int | Awaitable[int | None] | None] | None
    ) = None
    override_supports_parallel_calls: (
        Callable[[EmbeddingModelV4], bool | Awaitable[bool]] | None
    ) = None
    transform_params: EmbeddingModelV4TransformParams | None = None
    wrap_embed: EmbeddingModelV4WrapEmbed | None = None


class ImageModelV4TransformParams(Protocol):
    """``transform_params(params=, model=)``: the image call options to use instead."""

    def __call__(
        self, *, params: ImageModelV4CallOptions, model: ImageModelV4
    ) -> Awaitable[ImageModelV4CallOptions]: ...


class ImageModelV4WrapGenerate(Protocol):
    """``wrap_generate(do_generate=, params=, model=)``: run (or replace) an image call."""

    def __call__(
        self,
        *,
        do_generate: Callable[[], Awaitable[ImageModelV4Result]],
        params: ImageModelV4CallOptions,
        model: ImageModelV4,
    ) -> Awaitable[ImageModelV4Result]: ...


@dataclass(frozen=True, slots=True, kw_only=True)
class ImageModelV4Middleware:
    """Hooks around an image model; every hook is optional."""

    specification_version: Literal["v4"] = "v4"
    override_provider: Callable[[ImageModelV4], str] | None = None
    override_model_id: Callable[[ImageModelV4], str] | None = None
    override_max_images_per_call: Callable[[ImageModelV4], MaxImagesPerCall] | None = None
    transform_params: ImageModelV4TransformParams | None = None
    wrap_generate: ImageModelV4WrapGenerate | None = None
