"""The OpenAI-compatible image model: ``/images/generations`` (JSON), or ``/images/edits``
(multipart) when input images are given.

Port of ``image/openai-compatible-image-model.ts``.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any, Literal, NotRequired, cast
from urllib.parse import urlsplit

from typing_extensions import TypedDict

from ai_sdk_core.errors import InvalidResponseDataError
from ai_sdk_core.provider import (
    ImageModelV4CallOptions,
    ImageModelV4File,
    ImageModelV4FileUrl,
    ImageModelV4ResponseInfo,
    ImageModelV4Result,
    ImageModelV4Usage,
    SharedV4UnsupportedWarning,
    SharedV4Warning,
)
from ai_sdk_core.provider_utils import (
    FormFile,
    combine_headers,
    create_binary_response_handler,
    create_json_error_response_handler,
    create_json_response_handler,
    create_status_code_error_response_handler,
    get_from_api,
    post_form_data_to_api,
    post_json_to_api,
)

from ._errors import DEFAULT_ERROR_STRUCTURE, ProviderErrorStructure
from ._json import drop_none, js_json_value, stringify
from ._media import decode_base64
from ._provider_options import (
    provider_options_name,
    to_camel_case,
    warn_if_deprecated_provider_options_key,
)
from ._url import UrlBuilder

if TYPE_CHECKING:
    import httpx

__all__ = [
    "OpenAICompatibleImageModel",
    "OpenAICompatibleImageModelConfig",
    "OpenAICompatibleImageModelOptions",
]


class OpenAICompatibleImageModelOptions(TypedDict, total=False):
    """Common image options (any other key is sent too), under the provider's camelCase name."""

    size: str
    quality: str
    output_format: str
    output_compression: int
    background: str


class _ImageData(TypedDict, total=False):
    b64_json: str | None
    url: str | None


class _ImageUsage(TypedDict, total=False):
    input_tokens: int | None
    output_tokens: int | None
    total_tokens: int | None


class _ImageResponse(TypedDict):
    data: list[_ImageData]
    usage: NotRequired[_ImageUsage | None]


@dataclass(slots=True, kw_only=True)
class OpenAICompatibleImageModelConfig:
    """How an image model reaches its API; ``provider`` is ``"<name>.image"``.

    ``current_date`` gives the response timestamp (for tests).
    """

    provider: str
    url: UrlBuilder
    headers: Callable[[], Mapping[str, str | None]] | None = None
    http_client: httpx.AsyncClient | None = None
    error_structure: ProviderErrorStructure[Any] | None = None
    current_date: Callable[[], datetime] | None = None


class OpenAICompatibleImageModel:
    """An image generation model of any OpenAI-compatible API (``ImageModelV4``)."""

    specification_version: Literal["v4"] = "v4"
    max_images_per_call: int = 10

    def __init__(self, model_id: str, config: OpenAICompatibleImageModelConfig) -> None:
        self.model_id = model_id
        self.config = config
        error_structure = config.error_structure or DEFAULT_ERROR_STRUCTURE
        self._failed_response_handler = create_json_error_response_handler(
            error_schema=error_structure.error_schema,
            error_to_message=error_structure.error_to_message,
            is_retryable=error_structure.is_retryable,
        )

    @property
    def provider(self) -> str:
        """The provider id, ``"<name>.image"``."""
        return self.config.provider

    def __repr__(self) -> str:
        return f"OpenAICompatibleImageModel(provider={self.provider!r}, model_id={self.model_id!r})"

    async def do_generate(self, options: ImageModelV4CallOptions) -> ImageModelV4Result:
        """Generate (or, with ``options.files``, edit) ``options.n`` images."""
        warnings: list[SharedV4Warning] = []
        if options.aspect_ratio is not None:
            warnings.append(
                SharedV4UnsupportedWarning(
                    feature="aspectRatio",
                    details="This model does not support aspect ratio. Use `size` instead.",
                )
            )
        if options.seed is not None:
            warnings.append(SharedV4UnsupportedWarning(feature="seed"))
        current_date = (
            self.config.current_date()
            if self.config.current_date is not None
            else datetime.now(UTC)
        )

        raw_name = provider_options_name(self.config.provider)
        provider_options = options.provider_options
        warn_if_deprecated_provider_options_key(
            raw_name=raw_name, provider_options=provider_options, warnings=warnings
        )
        extra: dict[str, Any] = {
            **(provider_options.get(raw_name) or {}),
            **(provider_options.get(to_camel_case(raw_name)) or {}),
        }
        editing = bool(options.files)
        url = self.config.url(
            model_id=self.model_id, path="/images/edits" if editing else "/images/generations"
        )
        headers = combine_headers(
            self.config.headers() if self.config.headers is not None else None, options.headers
        )

        if options.files:
            form: list[tuple[str, str | FormFile]] = []
            images = [await self._file(file) for file in options.files]
            fields: dict[str, Any] = {
                "model": self.model_id,
                "prompt": options.prompt,
                "image": images,
                "mask": await self._file(options.mask) if options.mask is not None else None,
                "n": options.n,
                "size": options.size,
                **extra,
            }
            for name, field_value in fields.items():
                if field_value is None:
                    continue
                if isinstance(field_value, list):  # one item: a plain field, more: name[]
                    items = cast("list[Any]", field_value)
                    if len(items) == 1:
                        form.append((name, _form_value(items[0])))
                    else:
                        form.extend((f"{name}[]", _form_value(item)) for item in items)
                else:
                    form.append((name, _form_value(field_value)))
            response = await post_form_data_to_api(
                url=url,
                headers=headers,
                form_data=form,
                failed_response_handler=self._failed_response_handler,
                successful_response_handler=create_json_response_handler(_ImageResponse),
                http_client=self.config.http_client,
            )
        else:
            body = js_json_value(
                drop_none(
                    {
                        "model": self.model_id,
                        "prompt": options.prompt,
                        "n": options.n,
                        "size": options.size,
                        **extra,
                    }
                )
            )
            response = await post_json_to_api(
                url=url,
                headers=headers,
                body=body,
                failed_response_handler=self._failed_response_handler,
                successful_response_handler=create_json_response_handler(_ImageResponse),
                http_client=self.config.http_client,
            )

        value: _ImageResponse = response.value
        usage = value.get("usage")
        return ImageModelV4Result(
            images=await self._images(value["data"], url, headers),
            warnings=warnings,
            usage=None
            if usage is None
            else ImageModelV4Usage(
                input_tokens=usage.get("input_tokens"),
                output_tokens=usage.get("output_tokens"),
                total_tokens=usage.get("total_tokens"),
            ),
            response=ImageModelV4ResponseInfo(
                timestamp=current_date, model_id=self.model_id, headers=response.response_headers
            ),
        )

    async def _file(self, file: ImageModelV4File) -> FormFile:
        if isinstance(file, ImageModelV4FileUrl):
            from ai_sdk_core.prompt import download

            downloaded = await download(file.url, http_client=self.config.http_client)
            return FormFile(
                data=downloaded.data,
                media_type=downloaded.media_type or "application/octet-stream",
            )
        data = decode_base64(file.data) if isinstance(file.data, str) else file.data
        return FormFile(data=data, media_type=file.media_type)

    async def _images(
        self, data: Sequence[_ImageData], api_url: str, headers: Mapping[str, str | None]
    ) -> list[bytes | str]:
        """Base64 images as sent; images given by URL are downloaded (with the API's headers
        only when they are on the API's own origin)."""
        encoded = [image.get("b64_json") for image in data]
        if all(item is not None for item in encoded):
            return cast("list[bytes | str]", encoded)
        images: list[bytes | str] = []
        for image in data:
            b64 = image.get("b64_json")
            if b64 is not None:
                images.append(decode_base64(b64))
                continue
            image_url = image.get("url")
            if image_url is None:
                raise InvalidResponseDataError(
                    "Expected b64_json or url in the image response", data=image
                )
            if _origin(image_url) == _origin(api_url):
                downloaded = await get_from_api(
                    url=image_url,
                    headers=headers,
                    failed_response_handler=create_status_code_error_response_handler(),
                    successful_response_handler=create_binary_response_handler(),
                    http_client=self.config.http_client,
                )
                images.append(downloaded.value)
            else:
                from ai_sdk_core.prompt import download

                images.append((await download(image_url, http_client=self.config.http_client)).data)
        return images


def _origin(url: str) -> tuple[str, str]:
    parts = urlsplit(url)
    return parts.scheme.lower(), parts.netloc.lower()


def _form_value(value: Any) -> str | FormFile:
    """A form field as ``FormData.append`` writes it (numbers and booleans as JS text)."""
    if isinstance(value, str | FormFile):
        return value
    if isinstance(value, bool):
        return "true" if value else "false"
    return stringify(value)
