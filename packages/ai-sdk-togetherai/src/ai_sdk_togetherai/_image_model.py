"""Together AI's image model: ``POST {base_url}/images/generations`` with a JSON body.

Port of ``togetherai-image-model.ts``. One image per call; an input image (for FLUX Kontext
editing) is sent as ``image_url`` (its URL, or a ``data:`` URL of its bytes).
"""

from __future__ import annotations

import base64
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any, Literal

from typing_extensions import TypedDict

from ai_sdk_core.provider import (
    ImageModelV4CallOptions,
    ImageModelV4File,
    ImageModelV4FileUrl,
    ImageModelV4ResponseInfo,
    ImageModelV4Result,
    SharedV4OtherWarning,
    SharedV4UnsupportedWarning,
    SharedV4Warning,
)
from ai_sdk_core.provider_utils import (
    combine_headers,
    create_json_response_handler,
    parse_provider_options,
    post_json_to_api,
)

from ._errors import failed_response_handler
from .options import TogetherAIImageModelOptions

if TYPE_CHECKING:
    import httpx

__all__ = ["TogetherAIImageModel", "TogetherAIImageModelConfig"]

NON_DIFFUSION_MODELS = frozenset({"google/gemini-3-pro-image"})
"""Models without diffusion settings: ``steps``, ``guidance``, ``negative_prompt``,
``disable_safety_checker`` and ``seed`` are not sent to them."""

_DIFFUSION_OPTIONS = ("steps", "guidance", "negative_prompt", "disable_safety_checker")

MASK_NOT_SUPPORTED = (
    "Together AI does not support mask-based image editing. Use FLUX Kontext models "
    "(e.g., black-forest-labs/FLUX.1-kontext-pro) with a reference image and descriptive "
    "prompt instead."
)

_LEADING_INT = re.compile(r"\s*([+-]?\d+)")


class _Image(TypedDict):
    b64_json: str


class _ImageResponse(TypedDict):
    data: list[_Image]


@dataclass(slots=True, kw_only=True)
class TogetherAIImageModelConfig:
    """How the image model reaches the API; ``provider`` is ``"togetherai.image"``.

    ``base_url`` has no trailing ``/``; ``headers`` is called for every request;
    ``current_date`` gives the response timestamp (for tests).
    """

    provider: str
    base_url: str
    headers: Callable[[], Mapping[str, str | None]] | None = None
    http_client: httpx.AsyncClient | None = None
    current_date: Callable[[], datetime] | None = None


class TogetherAIImageModel:
    """A Together AI image model (``ImageModelV4``): FLUX, Stable Diffusion and others."""

    specification_version: Literal["v4"] = "v4"
    max_images_per_call: int = 1

    def __init__(self, model_id: str, config: TogetherAIImageModelConfig) -> None:
        self.model_id = model_id
        self.config = config

    @property
    def provider(self) -> str:
        """The provider id, ``"togetherai.image"``."""
        return self.config.provider

    def __repr__(self) -> str:
        return f"TogetherAIImageModel(provider={self.provider!r}, model_id={self.model_id!r})"

    async def do_generate(self, options: ImageModelV4CallOptions) -> ImageModelV4Result:
        """Generate one image (``n`` is sent only when above 1).

        ``size`` (``"1024x768"``) becomes ``width`` and ``height``; the first of ``files`` is
        sent as ``image_url`` (more give a warning); a ``mask`` raises :class:`ValueError`.
        """
        if options.mask is not None:
            raise ValueError(MASK_NOT_SUPPORTED)
        warnings: list[SharedV4Warning] = []
        if options.size is not None:  # as in TS: the warning is about aspectRatio, given a size
            warnings.append(
                SharedV4UnsupportedWarning(
                    feature="aspectRatio",
                    details="This model does not support the `aspectRatio` option. "
                    "Use `size` instead.",
                )
            )
        current_date = (
            self.config.current_date()
            if self.config.current_date is not None
            else datetime.now(UTC)
        )
        parsed = parse_provider_options(
            provider="togetherai",
            provider_options=options.provider_options,
            schema=TogetherAIImageModelOptions,
        )
        model_options: dict[str, Any] = dict(parsed or {})
        non_diffusion = self.model_id in NON_DIFFUSION_MODELS
        if non_diffusion:
            for key in _DIFFUSION_OPTIONS:
                model_options.pop(key, None)
            if options.seed is not None:
                warnings.append(
                    SharedV4UnsupportedWarning(
                        feature="seed",
                        details=f"The {self.model_id} model does not support the `seed` option.",
                    )
                )

        image_url: str | None = None
        if options.files:
            image_url = _url_or_data_url(options.files[0])
            if len(options.files) > 1:
                warnings.append(
                    SharedV4OtherWarning(
                        message="Together AI only supports a single input image. "
                        "Additional images are ignored."
                    )
                )

        body: dict[str, Any] = {"model": self.model_id, "prompt": options.prompt}
        if options.seed is not None and not non_diffusion:
            body["seed"] = options.seed
        if options.n > 1:
            body["n"] = options.n
        if options.size is not None:
            width, _, height = options.size.partition("x")
            body["width"] = _parse_int(width)
            body["height"] = _parse_int(height)
        if image_url is not None:
            body["image_url"] = image_url
        body["response_format"] = "base64"
        body.update(model_options)

        response = await post_json_to_api(
            url=f"{self.config.base_url}/images/generations",
            headers=combine_headers(
                self.config.headers() if self.config.headers is not None else None,
                options.headers,
            ),
            body=body,
            failed_response_handler=failed_response_handler(),
            successful_response_handler=create_json_response_handler(_ImageResponse),
            http_client=self.config.http_client,
            legacy_user_agent=True,
        )
        value: _ImageResponse = response.value
        return ImageModelV4Result(
            images=[item["b64_json"] for item in value["data"]],
            warnings=warnings,
            response=ImageModelV4ResponseInfo(
                timestamp=current_date, model_id=self.model_id, headers=response.response_headers
            ),
        )


def _url_or_data_url(file: ImageModelV4File) -> str:
    """A URL file's URL, else a ``data:<media type>;base64,…`` URL of the file's data."""
    if isinstance(file, ImageModelV4FileUrl):
        return file.url
    data = file.data if isinstance(file.data, str) else base64.b64encode(file.data).decode()
    return f"data:{file.media_type};base64,{data}"


def _parse_int(text: str) -> int | None:
    """The leading integer of ``text``, as JS ``parseInt`` reads it (``None`` for ``NaN``)."""
    match = _LEADING_INT.match(text)
    return int(match.group(1)) if match else None
