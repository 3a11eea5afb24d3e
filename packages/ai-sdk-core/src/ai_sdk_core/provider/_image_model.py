"""The image model protocol (``ImageModelV4``) and its call options and result."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from datetime import datetime
from typing import Annotated, Literal, Protocol, runtime_checkable

from typing_extensions import TypeAliasType

from ._codec_hints import Base64, Tagged, Timestamp, spec_type
from ._json import JSONObject
from ._model import ModelV4
from ._shared import (
    SharedV4ProviderMetadata,
    SharedV4ProviderOptions,
    SharedV4RequestHeaders,
    SharedV4Warning,
)

__all__ = [
    "ImageModelV4",
    "ImageModelV4CallOptions",
    "ImageModelV4File",
    "ImageModelV4FileData",
    "ImageModelV4FileUrl",
    "ImageModelV4ResponseInfo",
    "ImageModelV4Result",
    "ImageModelV4Usage",
    "MaxImagesPerCall",
]


@spec_type
class ImageModelV4FileData:
    """An input image as bytes or base64, for image editing."""

    type: Literal["file"] = "file"
    media_type: str
    data: Annotated[bytes | str, Base64]
    provider_options: SharedV4ProviderMetadata | None = None


@spec_type
class ImageModelV4FileUrl:
    """An input image at a URL, for image editing."""

    type: Literal["url"] = "url"
    url: str
    provider_options: SharedV4ProviderMetadata | None = None


ImageModelV4File = TypeAliasType(
    "ImageModelV4File", Annotated[ImageModelV4FileData | ImageModelV4FileUrl, Tagged("type")]
)


@spec_type
class ImageModelV4CallOptions:
    """An image generation (or, with ``files``/``mask``, editing) request.

    ``size`` is ``"<width>x<height>"``, ``aspect_ratio`` ``"<width>:<height>"``.
    """

    prompt: str | None = None
    n: int
    size: str | None = None
    aspect_ratio: str | None = None
    seed: int | None = None
    files: list[ImageModelV4File] | None = None
    mask: ImageModelV4File | None = None
    provider_options: SharedV4ProviderOptions
    headers: SharedV4RequestHeaders | None = None


@spec_type
class ImageModelV4Usage:
    """Tokens used by an image call."""

    input_tokens: int | None = None
    output_tokens: int | None = None
    total_tokens: int | None = None


@spec_type
class ImageModelV4ResponseInfo:
    """When and by which model the images were made, and the response headers."""

    timestamp: Annotated[datetime, Timestamp]
    model_id: str
    headers: dict[str, str] | None = None


@spec_type
class ImageModelV4Result:
    """The generated images (bytes or base64 strings).

    ``provider_metadata`` holds per provider an ``images`` list aligned with ``images``.
    """

    images: list[Annotated[bytes | str, Base64]]
    warnings: list[SharedV4Warning]
    response: ImageModelV4ResponseInfo
    provider_metadata: dict[str, JSONObject] | None = None
    usage: ImageModelV4Usage | None = None


MaxImagesPerCall = TypeAliasType(
    "MaxImagesPerCall",
    Callable[[str], int | Awaitable[int | None] | None] | int | None,
)
"""A limit, no limit, or a function of the model id that returns one."""


@runtime_checkable
class ImageModelV4(ModelV4, Protocol):
    """An image model, version 4 of the specification."""

    @property
    def max_images_per_call(self) -> MaxImagesPerCall:
        """How many images one ``do_generate`` call can make."""
        ...

    async def do_generate(self, options: ImageModelV4CallOptions) -> ImageModelV4Result:
        """Generate ``options.n`` images."""
        ...
