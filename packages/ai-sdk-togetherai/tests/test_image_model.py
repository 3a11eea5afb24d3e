"""The image model (ports of togetherai-image-model.test.ts): request bodies, warnings,
input images, errors and the response."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from typing import Any

import pytest

from ai_sdk_core.errors import APICallError, InvalidArgumentError
from ai_sdk_core.provider import (
    ImageModelV4CallOptions,
    ImageModelV4FileData,
    ImageModelV4FileUrl,
)
from ai_sdk_core.wire import to_wire
from ai_sdk_togetherai import (
    TogetherAIImageModel,
    TogetherAIImageModelConfig,
    TogetherAIImageModelOptions,
    create_togetherai,
)

pytestmark = pytest.mark.anyio

PROMPT = "A cute baby sea otter"
MODEL_ID = "stabilityai/stable-diffusion-xl"
RESPONSE = {
    "id": "test-id",
    "data": [{"index": 0, "b64_json": "test-base64-content"}],
    "model": MODEL_ID,
    "object": "list",
}
SIZE_WARNING = {
    "type": "unsupported",
    "feature": "aspectRatio",
    "details": "This model does not support the `aspectRatio` option. Use `size` instead.",
}


def make_model(model_id: str = MODEL_ID, **config: Any) -> TogetherAIImageModel:
    return TogetherAIImageModel(
        model_id,
        TogetherAIImageModelConfig(
            provider="togetherai",
            base_url="https://api.example.com",
            headers=config.pop("headers", lambda: {"api-key": "test-key"}),
            **config,
        ),
    )


def options(**kwargs: Any) -> ImageModelV4CallOptions:
    return ImageModelV4CallOptions(
        prompt=kwargs.pop("prompt", PROMPT),
        n=kwargs.pop("n", 1),
        provider_options=kwargs.pop("provider_options", {}),
        **kwargs,
    )


@pytest.fixture(autouse=True)
def _respond(api: Any) -> None:
    api.json(RESPONSE)


async def test_size_seed_and_provider_options_in_the_body(api: Any) -> None:
    await make_model().do_generate(
        options(
            size="1024x1024",
            seed=42,
            provider_options={"togetherai": {"additional_param": "value"}},
        )
    )

    assert api.request_json == {
        "model": MODEL_ID,
        "prompt": PROMPT,
        "seed": 42,
        "width": 1024,
        "height": 1024,
        "response_format": "base64",
        "additional_param": "value",
    }


async def test_minimal_body_without_seed_size_or_n(api: Any) -> None:
    await make_model().do_generate(options())

    assert api.request_json == {"model": MODEL_ID, "prompt": PROMPT, "response_format": "base64"}


async def test_n_only_when_more_than_one(api: Any) -> None:
    await make_model().do_generate(options(n=3, size="1024x1024", seed=42))

    assert api.request_json == {
        "model": MODEL_ID,
        "prompt": PROMPT,
        "seed": 42,
        "n": 3,
        "width": 1024,
        "height": 1024,
        "response_format": "base64",
    }


@pytest.mark.parametrize(
    ("size", "width", "height"),
    [("1024x768", 1024, 768), ("512x512px", 512, 512), (" 64x32x9", 64, 32)],
)
async def test_size_is_read_like_js_parse_int(api: Any, size: str, width: int, height: int) -> None:
    await make_model().do_generate(options(size=size))

    assert (api.request_json["width"], api.request_json["height"]) == (width, height)


async def test_url_method_and_headers(api: Any) -> None:
    model = make_model(headers=lambda: {"Custom-Provider-Header": "provider-header-value"})

    await model.do_generate(options(headers={"Custom-Request-Header": "request-header-value"}))

    request = api.request
    assert (request.method, str(request.url)) == (
        "POST",
        "https://api.example.com/images/generations",
    )
    assert request.headers["content-type"] == "application/json"
    assert request.headers["custom-provider-header"] == "provider-header-value"
    assert request.headers["custom-request-header"] == "request-header-value"
    assert request.headers["user-agent"].startswith("ai-sdk/provider-utils/")


async def test_api_errors_carry_the_server_message(api: Any) -> None:
    api.json({"error": {"message": "Bad Request"}}, status=400)

    with pytest.raises(APICallError) as caught:
        await make_model().do_generate(options())

    assert caught.value.message == "Bad Request"
    assert caught.value.status_code == 400
    assert caught.value.is_retryable is False


async def test_provider_options_are_validated() -> None:
    with pytest.raises(InvalidArgumentError, match="invalid togetherai provider options"):
        await make_model().do_generate(options(provider_options={"togetherai": {"steps": "many"}}))


# --- warnings ------------------------------------------------------------------------------


async def test_a_size_gives_the_aspect_ratio_warning_as_in_ts() -> None:
    result = await make_model().do_generate(options(size="1024x1024", aspect_ratio="1:1", seed=123))

    assert [to_wire(warning) for warning in result.warnings] == [SIZE_WARNING]


async def test_an_aspect_ratio_alone_is_ignored_without_warning(api: Any) -> None:
    result = await make_model().do_generate(options(aspect_ratio="16:9"))

    assert result.warnings == []
    assert "aspect_ratio" not in api.request_json
    assert "width" not in api.request_json


async def test_non_diffusion_models_drop_diffusion_options_and_warn_about_seed(api: Any) -> None:
    result = await make_model("google/gemini-3-pro-image").do_generate(
        options(
            size="1024x1024",
            seed=7,
            provider_options={
                "togetherai": {
                    "steps": 28,
                    "guidance": 3.5,
                    "negative_prompt": "blur",
                    "disable_safety_checker": True,
                    "output_format": "png",
                }
            },
        )
    )

    assert api.request_json == {
        "model": "google/gemini-3-pro-image",
        "prompt": PROMPT,
        "width": 1024,
        "height": 1024,
        "response_format": "base64",
        "output_format": "png",
    }
    assert [to_wire(warning) for warning in result.warnings] == [
        SIZE_WARNING,
        {
            "type": "unsupported",
            "feature": "seed",
            "details": "The google/gemini-3-pro-image model does not support the `seed` option.",
        },
    ]


async def test_diffusion_options_reach_diffusion_models(api: Any) -> None:
    image_options: TogetherAIImageModelOptions = {
        "steps": 28,
        "guidance": 3.5,
        "negative_prompt": "blur",
        "disable_safety_checker": True,
    }
    await make_model().do_generate(options(provider_options={"togetherai": {**image_options}}))

    body = api.request_json
    assert (body["steps"], body["guidance"]) == (28, 3.5)
    assert isinstance(body["steps"], int)
    assert (body["negative_prompt"], body["disable_safety_checker"]) == ("blur", True)


# --- input images --------------------------------------------------------------------------


async def test_a_url_file_is_sent_as_image_url(api: Any) -> None:
    await make_model().do_generate(
        options(
            prompt="Make the shirt yellow",
            files=[ImageModelV4FileUrl(url="https://example.com/input.jpg")],
        )
    )

    assert api.request_json == {
        "image_url": "https://example.com/input.jpg",
        "model": MODEL_ID,
        "prompt": "Make the shirt yellow",
        "response_format": "base64",
    }


async def test_bytes_become_a_data_url(api: Any) -> None:
    png = bytes([137, 80, 78, 71, 13, 10, 26, 10])
    await make_model().do_generate(
        options(
            prompt="Transform this image",
            files=[ImageModelV4FileData(data=png, media_type="image/png")],
        )
    )

    assert api.request_json["image_url"] == "data:image/png;base64,iVBORw0KGgo="
    assert api.request_json["prompt"] == "Transform this image"


async def test_base64_data_is_used_as_it_is(api: Any) -> None:
    data = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=="
    await make_model().do_generate(
        options(files=[ImageModelV4FileData(data=data, media_type="image/png")])
    )

    assert api.request_json["image_url"] == f"data:image/png;base64,{data}"


async def test_a_mask_is_rejected_before_any_request(api: Any) -> None:
    with pytest.raises(ValueError, match="does not support mask-based image editing") as caught:
        await make_model().do_generate(
            options(
                files=[ImageModelV4FileUrl(url="https://example.com/input.jpg")],
                mask=ImageModelV4FileUrl(url="https://example.com/mask.png"),
            )
        )

    assert "FLUX Kontext models (e.g., black-forest-labs/FLUX.1-kontext-pro)" in str(caught.value)
    assert not api.route.calls


async def test_only_the_first_of_several_files_is_sent_with_a_warning(api: Any) -> None:
    result = await make_model().do_generate(
        options(
            files=[
                ImageModelV4FileUrl(url="https://example.com/input1.jpg"),
                ImageModelV4FileUrl(url="https://example.com/input2.jpg"),
            ]
        )
    )

    assert [to_wire(warning) for warning in result.warnings] == [
        {
            "type": "other",
            "message": "Together AI only supports a single input image. Additional images are ignored.",
        }
    ]
    assert api.request_json["image_url"] == "https://example.com/input1.jpg"


async def test_provider_options_with_image_editing(api: Any) -> None:
    await make_model().do_generate(
        options(
            prompt="Transform the style",
            files=[ImageModelV4FileUrl(url="https://example.com/input.jpg")],
            provider_options={"togetherai": {"steps": 28, "guidance": 3.5}},
        )
    )

    assert api.request_json == {
        "guidance": 3.5,
        "image_url": "https://example.com/input.jpg",
        "model": MODEL_ID,
        "prompt": "Transform the style",
        "response_format": "base64",
        "steps": 28,
    }


# --- response ------------------------------------------------------------------------------


async def test_images_timestamp_model_id_and_headers(api: Any) -> None:
    api.json(RESPONSE, headers={"x-request-id": "test-request-id"})
    date = datetime(2024, 1, 1, tzinfo=UTC)

    result = await make_model(current_date=lambda: date).do_generate(options())

    assert result.images == ["test-base64-content"]
    assert result.response.timestamp == date
    assert result.response.model_id == MODEL_ID
    assert result.response.headers == {
        "content-length": str(len(json.dumps(RESPONSE, separators=(",", ":")))),
        "content-type": "application/json",
        "x-request-id": "test-request-id",
    }
    assert result.usage is None
    assert result.provider_metadata is None


async def test_the_timestamp_defaults_to_now() -> None:
    before = datetime.now(UTC)
    result = await make_model().do_generate(options())
    assert before <= result.response.timestamp <= datetime.now(UTC)


async def test_through_the_provider(api: Any) -> None:
    provider = create_togetherai(api_key="k")

    await provider.image_model("black-forest-labs/FLUX.1-schnell").do_generate(options())

    assert str(api.request.url) == "https://api.together.xyz/v1/images/generations"
    assert api.request.headers["authorization"] == "Bearer k"
    assert api.request.headers["user-agent"].startswith("ai-sdk/togetherai/")
