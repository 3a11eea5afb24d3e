"""The video model protocol (``VideoModelV4``, experimental in TS): direct or operation-based."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from datetime import datetime
from typing import Annotated, Literal, Protocol, runtime_checkable

from typing_extensions import TypeAliasType

from ._codec_hints import Base64, Tagged, Timestamp, spec_type
from ._json import JSONValue
from ._model import ModelV4
from ._shared import (
    SharedV4ProviderMetadata,
    SharedV4ProviderOptions,
    SharedV4RequestHeaders,
    SharedV4Warning,
)

__all__ = [
    "VideoModelV4",
    "VideoModelV4Base64Video",
    "VideoModelV4BinaryVideo",
    "VideoModelV4CallOptions",
    "VideoModelV4File",
    "VideoModelV4FileData",
    "VideoModelV4FileUrl",
    "VideoModelV4FrameImage",
    "VideoModelV4OperationCompleted",
    "VideoModelV4OperationError",
    "VideoModelV4OperationPending",
    "VideoModelV4OperationStartResult",
    "VideoModelV4OperationStatusResult",
    "VideoModelV4OperationWebhook",
    "VideoModelV4OperationsModel",
    "VideoModelV4ResponseInfo",
    "VideoModelV4Result",
    "VideoModelV4UrlVideo",
    "VideoModelV4VideoData",
    "MaxVideosPerCall",
]


@spec_type
class VideoModelV4FileData:
    """An input image or video as bytes or base64."""

    type: Literal["file"] = "file"
    media_type: str
    data: Annotated[bytes | str, Base64]
    provider_options: SharedV4ProviderMetadata | None = None


@spec_type
class VideoModelV4FileUrl:
    """An input image or video at a URL."""

    type: Literal["url"] = "url"
    url: str
    media_type: str | None = None
    provider_options: SharedV4ProviderMetadata | None = None


VideoModelV4File = TypeAliasType(
    "VideoModelV4File", Annotated[VideoModelV4FileData | VideoModelV4FileUrl, Tagged("type")]
)


@spec_type
class VideoModelV4FrameImage:
    """An image that must appear as the first or last frame."""

    image: VideoModelV4File
    frame_type: Literal["first_frame", "last_frame"]


@spec_type
class VideoModelV4CallOptions:
    """A video generation request.

    ``aspect_ratio`` is ``"<w>:<h>"`` or ``"adaptive"``, ``resolution`` ``"<w>x<h>"``,
    ``duration`` in seconds. ``webhook_url`` is only used by ``do_start``.
    """

    prompt: str | None = None
    n: int
    aspect_ratio: str | None = None
    resolution: str | None = None
    duration: float | None = None
    fps: float | None = None
    seed: int | None = None
    image: VideoModelV4File | None = None
    frame_images: list[VideoModelV4FrameImage] | None = None
    input_references: list[VideoModelV4File] | None = None
    generate_audio: bool | None = None
    provider_options: SharedV4ProviderOptions
    headers: SharedV4RequestHeaders | None = None
    webhook_url: str | None = None


@spec_type
class VideoModelV4UrlVideo:
    """A generated video at a URL."""

    type: Literal["url"] = "url"
    url: str
    media_type: str


@spec_type
class VideoModelV4Base64Video:
    """A generated video as base64 text."""

    type: Literal["base64"] = "base64"
    data: str
    media_type: str


@spec_type
class VideoModelV4BinaryVideo:
    """A generated video as bytes (base64 on the wire)."""

    type: Literal["binary"] = "binary"
    data: Annotated[bytes, Base64]
    media_type: str


VideoModelV4VideoData = TypeAliasType(
    "VideoModelV4VideoData",
    Annotated[
        VideoModelV4UrlVideo | VideoModelV4Base64Video | VideoModelV4BinaryVideo, Tagged("type")
    ],
)


@spec_type
class VideoModelV4ResponseInfo:
    """When and by which model the video was made, and the response headers."""

    timestamp: Annotated[datetime, Timestamp]
    model_id: str
    headers: dict[str, str] | None = None


@spec_type
class VideoModelV4Result:
    """The generated videos."""

    videos: list[VideoModelV4VideoData]
    warnings: list[SharedV4Warning]
    response: VideoModelV4ResponseInfo
    provider_metadata: SharedV4ProviderMetadata | None = None


@spec_type
class VideoModelV4OperationStartResult:
    """A started long-running generation; poll ``operation`` with ``do_status``."""

    operation: JSONValue
    warnings: list[SharedV4Warning]
    response: VideoModelV4ResponseInfo
    provider_metadata: SharedV4ProviderMetadata | None = None


@spec_type
class VideoModelV4OperationPending:
    """The operation is still running."""

    status: Literal["pending"] = "pending"
    response: VideoModelV4ResponseInfo
    warnings: list[SharedV4Warning] | None = None
    provider_metadata: SharedV4ProviderMetadata | None = None


@spec_type
class VideoModelV4OperationCompleted:
    """The operation finished with videos."""

    status: Literal["completed"] = "completed"
    videos: list[VideoModelV4VideoData]
    warnings: list[SharedV4Warning]
    response: VideoModelV4ResponseInfo
    provider_metadata: SharedV4ProviderMetadata | None = None


@spec_type
class VideoModelV4OperationError:
    """The operation failed."""

    status: Literal["error"] = "error"
    error: str
    response: VideoModelV4ResponseInfo
    provider_metadata: SharedV4ProviderMetadata | None = None


VideoModelV4OperationStatusResult = TypeAliasType(
    "VideoModelV4OperationStatusResult",
    Annotated[
        VideoModelV4OperationPending | VideoModelV4OperationCompleted | VideoModelV4OperationError,
        Tagged("status"),
    ],
)


@spec_type
class VideoModelV4OperationWebhook:
    """A webhook call that reports on an operation."""

    headers: dict[str, str]
    body: JSONValue


MaxVideosPerCall = TypeAliasType(
    "MaxVideosPerCall",
    Callable[[str], int | Awaitable[int | None] | None] | int | None,
)


@runtime_checkable
class VideoModelV4(ModelV4, Protocol):
    """A video model that generates in one call."""

    @property
    def max_videos_per_call(self) -> MaxVideosPerCall:
        """How many videos one call can make."""
        ...

    async def do_generate(self, options: VideoModelV4CallOptions) -> VideoModelV4Result:
        """Generate ``options.n`` videos."""
        ...


@runtime_checkable
class VideoModelV4OperationsModel(ModelV4, Protocol):
    """A video model that generates through a long-running operation."""

    async def do_start(self, options: VideoModelV4CallOptions) -> VideoModelV4OperationStartResult:
        """Start generating; ``options.webhook_url`` asks to be called back."""
        ...

    async def do_status(
        self, operation: JSONValue, *, headers: SharedV4RequestHeaders | None = None
    ) -> VideoModelV4OperationStatusResult:
        """Poll an operation started by :meth:`do_start`."""
        ...
