"""The image model (ports of openai-compatible-image-model.test.ts), incl. multipart edits."""

from __future__ import annotations

from datetime import UTC, datetime
from email.message import Message
from email.parser import BytesParser
from email.policy import HTTP
from typing import Any

import httpx
import pytest
from typing_extensions import TypedDict

from ai_sdk_core.errors import APICallError
from ai_sdk_core.provider import ImageModelV4CallOptions, ImageModelV4FileData
from ai_sdk_core.wire import to_wire
from ai_sdk_openai_compatible import (
    OpenAICompatibleImageModel,
    OpenAICompatibleImageModelConfig,
    ProviderErrorStructure,
    create_openai_compatible,
)

pytestmark = pytest.mark.anyio

provider = create_openai_compatible(
    base_url="https://my.api.com/v1", name="test-provider", api_key="test-api-key"
)
model = provider.image_model("dall-e-3")
PNG = bytes([137, 80, 78, 71])


def options(**kwargs: Any) -> ImageModelV4CallOptions:
    return ImageModelV4CallOptions(
        prompt=kwargs.pop("prompt", "A cute baby sea otter"),
        n=kwargs.pop("n", 1),
        size=kwargs.pop("size", "1024x1024"),
        provider_options=kwargs.pop("provider_options", {}),
        **kwargs,
    )


def form_fields(request: httpx.Request) -> list[tuple[str, str | None, str, bytes]]:
    """(name, filename, content type, payload) of each multipart field, in order."""
    head = f"Content-Type: {request.headers['content-type']}\r\n\r\n".encode()
    message = BytesParser(policy=HTTP).parsebytes(head + request.content)
    fields: list[tuple[str, str | None, str, bytes]] = []
    for part in message.iter_parts():
        assert isinstance(part, Message)
        payload = part.get_payload(decode=True)
        assert isinstance(payload, bytes)
        fields.append(
            (
                str(part.get_param("name", header="content-disposition")),
                part.get_filename(),
                part.get_content_type(),
                payload,
            )
        )
    return fields


async def test_generation_request_and_result(api: Any) -> None:
    api.json(
        {
            "data": [{"b64_json": "image-1"}, {"b64_json": "image-2"}],
            "usage": {"input_tokens": 12, "output_tokens": None, "total_tokens": 20, "x": 1},
        },
        headers={"x-request-id": "r"},
    )
    date = datetime(2024, 1, 1, tzinfo=UTC)
    dated = OpenAICompatibleImageModel(
        "dall-e-3",
        OpenAICompatibleImageModelConfig(
            provider="test-provider.image",
            url=lambda *, model_id, path: f"https://my.api.com/v1{path}",
            current_date=lambda: date,
        ),
    )

    result = await dated.do_generate(
        options(n=2, provider_options={"testProvider": {"quality": "hd", "user": "u-1"}})
    )

    assert api.request.url == "https://my.api.com/v1/images/generations"
    assert api.request_json == {
        "model": "dall-e-3",
        "prompt": "A cute baby sea otter",
        "n": 2,
        "size": "1024x1024",
        "quality": "hd",
        "user": "u-1",
    }
    assert result.images == ["image-1", "image-2"]
    assert to_wire(result.usage) == {"inputTokens": 12, "totalTokens": 20}
    assert to_wire(result.response)["timestamp"] == "2024-01-01T00:00:00.000Z"
    assert result.response.model_id == "dall-e-3"
    assert result.response.headers is not None
    assert result.response.headers["x-request-id"] == "r"
    assert result.warnings == []
    assert dated.max_images_per_call == 10
    assert dated.provider == "test-provider.image"


async def test_usage_is_none_when_omitted_and_user_only_when_set(api: Any) -> None:
    api.json({"data": [{"b64_json": "x"}]})
    result = await model.do_generate(options())
    assert result.usage is None
    assert "user" not in api.request_json


async def test_warnings_for_unsupported_settings_and_raw_key(api: Any) -> None:
    api.json({"data": [{"b64_json": "x"}]})
    result = await model.do_generate(
        options(aspect_ratio="16:9", seed=1, provider_options={"test-provider": {"style": "vivid"}})
    )
    assert api.request_json["style"] == "vivid"
    assert to_wire(result.warnings) == [
        {
            "type": "unsupported",
            "feature": "aspectRatio",
            "details": "This model does not support aspect ratio. Use `size` instead.",
        },
        {"type": "unsupported", "feature": "seed"},
        {
            "type": "deprecated",
            "setting": "providerOptions key 'test-provider'",
            "message": "Use 'testProvider' instead.",
        },
    ]


async def test_edit_with_files_and_mask_is_multipart(api: Any) -> None:
    api.json({"data": [{"b64_json": "edited-image-base64"}]})

    result = await model.do_generate(
        options(
            prompt="Add a flamingo to the pool",
            n=1,
            files=[ImageModelV4FileData(media_type="image/png", data=PNG)],
            mask=ImageModelV4FileData(media_type="image/png", data="iVBORw=="),
            provider_options={"testProvider": {"quality": "high", "output_compression": 50}},
        )
    )

    assert result.images == ["edited-image-base64"]
    assert api.request.url == "https://my.api.com/v1/images/edits"
    assert api.request.headers["content-type"].startswith("multipart/form-data; boundary=")
    assert api.request.headers["authorization"] == "Bearer test-api-key"
    assert form_fields(api.request) == [
        ("model", None, "text/plain", b"dall-e-3"),
        ("prompt", None, "text/plain", b"Add a flamingo to the pool"),
        ("image", "blob", "image/png", PNG),
        ("mask", "blob", "image/png", PNG),
        ("n", None, "text/plain", b"1"),
        ("size", None, "text/plain", b"1024x1024"),
        ("quality", None, "text/plain", b"high"),
        ("output_compression", None, "text/plain", b"50"),
    ]


async def test_edit_with_several_images_uses_array_fields(api: Any) -> None:
    api.json({"data": [{"b64_json": "x"}], "usage": {"input_tokens": 1}})
    result = await model.do_generate(
        options(
            files=[
                ImageModelV4FileData(media_type="image/png", data=PNG),
                ImageModelV4FileData(media_type="image/jpeg", data=b"\xff\xd8"),
            ],
            size=None,
        )
    )
    names = [(name, content_type) for name, _, content_type, _ in form_fields(api.request)]
    assert names == [
        ("model", "text/plain"),
        ("prompt", "text/plain"),
        ("image[]", "image/png"),
        ("image[]", "image/jpeg"),
        ("n", "text/plain"),
    ]
    assert to_wire(result.usage) == {"inputTokens": 1}


async def test_image_urls_in_the_response_are_downloaded(api: Any) -> None:
    api.route.mock(
        side_effect=lambda request: (
            httpx.Response(200, content=b"PNGDATA")
            if request.url.path == "/v1/files/1.png"
            else httpx.Response(200, json={"data": [{"url": "https://my.api.com/v1/files/1.png"}]})
        )
    )
    result = await model.do_generate(options())
    assert result.images == [b"PNGDATA"]
    # same origin as the API: its headers are sent along
    assert api.request.headers["authorization"] == "Bearer test-api-key"


async def test_api_errors(api: Any) -> None:
    api.json({"error": {"message": "Invalid prompt", "type": "invalid_request_error"}}, status=400)
    with pytest.raises(APICallError, match="Invalid prompt"):
        await model.do_generate(options())


class _CustomError(TypedDict):
    detail: str


async def test_custom_error_structure(api: Any) -> None:
    api.json({"detail": "Custom provider error"}, status=500)
    custom = OpenAICompatibleImageModel(
        "m",
        OpenAICompatibleImageModelConfig(
            provider="custom.image",
            url=lambda *, model_id, path: f"https://my.api.com/v1{path}",
            error_structure=ProviderErrorStructure[_CustomError](
                error_schema=_CustomError,
                error_to_message=lambda data: f"Custom: {data['detail']}",
                is_retryable=lambda response, data: False,
            ),
        ),
    )
    with pytest.raises(APICallError) as caught:
        await custom.do_generate(options())
    assert caught.value.message == "Custom: Custom provider error"
    assert caught.value.is_retryable is False
