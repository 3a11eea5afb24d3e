"""Request and response shapes of the embedding, image, reranking, speech, transcription and
video models."""

from __future__ import annotations

import base64
import json
from datetime import UTC, datetime

import pytest

from ai_sdk_core.errors import APICallError
from ai_sdk_core.provider import (
    EmbeddingModelV4,
    EmbeddingModelV4CallOptions,
    ImageModelV4,
    ImageModelV4CallOptions,
    ImageModelV4FileData,
    ImageModelV4FileUrl,
    RerankingModelV4,
    RerankingModelV4CallOptions,
    RerankingModelV4ObjectDocuments,
    RerankingModelV4TextDocuments,
    SharedV4OtherWarning,
    SharedV4UnsupportedWarning,
    SpeechModelV4,
    SpeechModelV4CallOptions,
    TranscriptionModelV4,
    TranscriptionModelV4CallOptions,
    VideoModelV4,
    VideoModelV4CallOptions,
    VideoModelV4FileData,
    VideoModelV4FrameImage,
    VideoModelV4OperationCompleted,
    VideoModelV4OperationError,
    VideoModelV4OperationPending,
    VideoModelV4OperationsModel,
    VideoModelV4UrlVideo,
)
from ai_sdk_core.wire import to_wire
from ai_sdk_gateway import (
    GatewayInvalidRequestError,
    GatewayModelNotFoundError,
    GatewayProvider,
    GatewayResponseError,
)

from .conftest import FakeClock, FakeGateway

pytestmark = pytest.mark.anyio

NOW = datetime(2025, 8, 1, tzinfo=UTC)


def test_every_model_kind_is_a_v4_model(provider: GatewayProvider) -> None:
    assert isinstance(provider.embedding_model("a/b"), EmbeddingModelV4)
    assert isinstance(provider.image_model("a/b"), ImageModelV4)
    assert isinstance(provider.reranking_model("a/b"), RerankingModelV4)
    assert isinstance(provider.speech_model("a/b"), SpeechModelV4)
    assert isinstance(provider.transcription_model("a/b"), TranscriptionModelV4)
    assert isinstance(provider.video_model("a/b"), VideoModelV4)
    assert isinstance(provider.video_model("a/b"), VideoModelV4OperationsModel)
    for model in (
        provider.embedding("a/b"),
        provider.image("a/b"),
        provider.reranking("a/b"),
        provider.speech("a/b"),
        provider.transcription("a/b"),
        provider.video("a/b"),
        provider.chat("a/b"),
    ):
        assert (model.provider, model.model_id, model.specification_version) == (
            "gateway",
            "a/b",
            "v4",
        )


def test_text_embedding_model_is_deprecated(provider: GatewayProvider) -> None:
    with pytest.warns(DeprecationWarning, match="embedding_model"):
        assert provider.text_embedding_model("a/b").model_id == "a/b"


class TestEmbedding:
    async def test_request_and_result(self, fake: FakeGateway, provider: GatewayProvider) -> None:
        route = fake.json(
            "/v4/ai/embedding-model",
            {
                "embeddings": [[0.5, 1]],
                "warnings": [{"type": "other", "message": "w"}],
                "usage": None,
            },
        )
        model = provider.embedding_model("openai/text-embedding-3-small")
        assert (model.max_embeddings_per_call, model.supports_parallel_calls) == (2048, True)

        result = await model.do_embed(
            EmbeddingModelV4CallOptions(values=["a"], provider_options={}, headers={"X-A": "1"})
        )

        request = route.calls.last.request
        assert request.headers["ai-embedding-model-specification-version"] == "4"
        assert request.headers["ai-model-id"] == "openai/text-embedding-3-small"
        assert request.headers["x-a"] == "1"
        assert FakeGateway.body(route) == {"values": ["a"], "providerOptions": {}}
        assert result.embeddings == [[0.5, 1.0]]
        assert result.usage is None
        assert result.warnings == [SharedV4OtherWarning(message="w")]


class TestImage:
    async def test_request(self, fake: FakeGateway, provider: GatewayProvider) -> None:
        route = fake.json("/v4/ai/image-model", {"images": ["aW1n"]})
        await provider.image_model("openai/gpt-image-1").do_generate(
            ImageModelV4CallOptions(
                prompt="a cat",
                n=2,
                size="1024x1024",
                aspect_ratio="",
                seed=0,
                provider_options={"openai": {"quality": "high"}},
                files=[
                    ImageModelV4FileData(media_type="image/png", data=b"png"),
                    ImageModelV4FileUrl(url="https://example.com/a.png"),
                ],
                mask=ImageModelV4FileData(media_type="image/png", data="bWFzaw=="),
            )
        )
        request = route.calls.last.request
        assert request.headers["ai-image-model-specification-version"] == "4"
        assert request.headers["ai-model-id"] == "openai/gpt-image-1"
        assert FakeGateway.body(route) == {
            "prompt": "a cat",
            "n": 2,
            "size": "1024x1024",
            "seed": 0,
            "providerOptions": {"openai": {"quality": "high"}},
            "files": [
                {"type": "file", "mediaType": "image/png", "data": "cG5n"},
                {"type": "url", "url": "https://example.com/a.png"},
            ],
            "mask": {"type": "file", "mediaType": "image/png", "data": "bWFzaw=="},
        }

    async def test_result(self, fake: FakeGateway, clock: FakeClock) -> None:
        from ai_sdk_gateway import create_gateway

        provider = create_gateway(api_key="k", base_url=fake.base_url, clock=clock)
        fake.json(
            "/v4/ai/image-model",
            {
                "images": ["aW1n", "aW1nMg=="],
                "warnings": [{"type": "unsupported", "feature": "size"}],
                "providerMetadata": {"gateway": {"images": [{"revisedPrompt": "x"}]}},
                "usage": {"inputTokens": 5, "outputTokens": None},
            },
        )
        model = provider.image_model("openai/gpt-image-1")
        result = await model.do_generate(ImageModelV4CallOptions(n=2, provider_options={}))
        assert model.max_images_per_call == 2**53 - 1
        assert result.images == ["aW1n", "aW1nMg=="]
        assert result.warnings == [SharedV4UnsupportedWarning(feature="size")]
        assert result.provider_metadata == {"gateway": {"images": [{"revisedPrompt": "x"}]}}
        assert result.usage is not None
        assert result.usage.input_tokens == 5
        assert result.usage.output_tokens is None
        assert result.response.timestamp == NOW
        assert result.response.model_id == "openai/gpt-image-1"
        assert result.response.headers is not None
        assert result.response.headers["content-type"] == "application/json"

    @pytest.mark.parametrize(
        ("options", "sent"),
        [
            ({"gateway": {"experimental_streamingImageDecoding": True}}, None),
            (
                {"gateway": {"experimental_streamingImageDecoding": True, "order": ["a"]}},
                {"gateway": {"order": ["a"]}},
            ),
            (
                {"gateway": {"experimental_streamingImageDecoding": False}, "openai": {"x": 1}},
                {"openai": {"x": 1}},
            ),
        ],
    )
    async def test_the_client_only_option_is_not_sent(
        self,
        fake: FakeGateway,
        provider: GatewayProvider,
        options: dict[str, dict[str, object]],
        sent: object,
    ) -> None:
        route = fake.json("/v4/ai/image-model", {"images": []})
        await provider.image_model("a/b").do_generate(
            ImageModelV4CallOptions(n=1, provider_options=options)  # type: ignore[arg-type]
        )
        assert FakeGateway.body(route).get("providerOptions") == sent

    async def test_images_must_be_strings(
        self, fake: FakeGateway, provider: GatewayProvider
    ) -> None:
        fake.json("/v4/ai/image-model", {"images": [1]})
        with pytest.raises(GatewayResponseError):
            await provider.image_model("a/b").do_generate(
                ImageModelV4CallOptions(n=1, provider_options={})
            )


class TestReranking:
    async def test_request_and_result(self, fake: FakeGateway, provider: GatewayProvider) -> None:
        route = fake.json(
            "/v4/ai/reranking-model",
            {
                "ranking": [
                    {"index": 1, "relevanceScore": 0.9},
                    {"index": 0, "relevanceScore": 0.1},
                ],
                "providerMetadata": {"cohere": {"billed": 1}},
            },
        )
        result = await provider.reranking_model("cohere/rerank-v3.5").do_rerank(
            RerankingModelV4CallOptions(
                documents=RerankingModelV4TextDocuments(values=["a", "b"]),
                query="b?",
                top_n=2,
            )
        )
        request = route.calls.last.request
        assert request.headers["ai-reranking-model-specification-version"] == "4"
        assert request.headers["ai-model-id"] == "cohere/rerank-v3.5"
        assert FakeGateway.body(route) == {
            "documents": {"type": "text", "values": ["a", "b"]},
            "query": "b?",
            "topN": 2,
        }
        assert [(r.index, r.relevance_score) for r in result.ranking] == [(1, 0.9), (0, 0.1)]
        assert result.warnings == []
        assert result.provider_metadata == {"cohere": {"billed": 1}}
        assert result.response is not None
        assert result.response.body == FakeGateway.body_of_response(route)

    async def test_object_documents(self, fake: FakeGateway, provider: GatewayProvider) -> None:
        route = fake.json("/v4/ai/reranking-model", {"ranking": []})
        await provider.reranking_model("a/b").do_rerank(
            RerankingModelV4CallOptions(
                documents=RerankingModelV4ObjectDocuments(values=[{"t": 1}]), query="q"
            )
        )
        assert FakeGateway.body(route) == {
            "documents": {"type": "object", "values": [{"t": 1}]},
            "query": "q",
        }


class TestSpeech:
    async def test_request_and_result(self, fake: FakeGateway, clock: FakeClock) -> None:
        from ai_sdk_gateway import create_gateway

        provider = create_gateway(api_key="k", base_url=fake.base_url, clock=clock)
        route = fake.json(
            "/v4/ai/speech-model",
            {"audio": "UklGRg==", "warnings": [{"type": "other", "message": "m"}]},
        )
        result = await provider.speech_model("openai/tts-1").do_generate(
            SpeechModelV4CallOptions(
                text="Hello",
                voice="alloy",
                output_format="",
                speed=0,
                language="en",
                provider_options={"openai": {}},
            )
        )
        request = route.calls.last.request
        assert request.headers["ai-speech-model-specification-version"] == "4"
        assert request.headers["ai-model-id"] == "openai/tts-1"
        assert FakeGateway.body(route) == {
            "text": "Hello",
            "voice": "alloy",
            "speed": 0,
            "language": "en",
            "providerOptions": {"openai": {}},
        }
        assert result.audio == "UklGRg=="
        assert result.warnings == [SharedV4OtherWarning(message="m")]
        assert result.response.timestamp == NOW
        assert result.response.body == {
            "audio": "UklGRg==",
            "warnings": [{"type": "other", "message": "m"}],
        }

    async def test_audio_is_required(self, fake: FakeGateway, provider: GatewayProvider) -> None:
        fake.json("/v4/ai/speech-model", {})
        with pytest.raises(GatewayResponseError):
            await provider.speech_model("a/b").do_generate(SpeechModelV4CallOptions(text="x"))


class TestTranscription:
    async def test_request_and_result(self, fake: FakeGateway, clock: FakeClock) -> None:
        from ai_sdk_gateway import create_gateway

        provider = create_gateway(api_key="k", base_url=fake.base_url, clock=clock)
        route = fake.json(
            "/v4/ai/transcription-model",
            {
                "text": "hello world",
                "segments": [{"text": "hello", "startSecond": 0, "endSecond": 0.5}],
                "language": "en",
                "durationInSeconds": 1.5,
                "providerMetadata": {"openai": {}},
            },
        )
        result = await provider.transcription_model("openai/whisper-1").do_generate(
            TranscriptionModelV4CallOptions(audio=b"RIFF", media_type="audio/wav")
        )
        request = route.calls.last.request
        assert request.headers["ai-transcription-model-specification-version"] == "4"
        assert request.headers["ai-model-id"] == "openai/whisper-1"
        assert FakeGateway.body(route) == {
            "audio": base64.b64encode(b"RIFF").decode(),
            "mediaType": "audio/wav",
        }
        assert result.text == "hello world"
        assert [(s.text, s.start_second, s.end_second) for s in result.segments] == [
            ("hello", 0, 0.5)
        ]
        assert (result.language, result.duration_in_seconds) == ("en", 1.5)
        assert result.warnings == []
        assert result.response.timestamp == NOW
        assert result.response.model_id == "openai/whisper-1"

    async def test_base64_audio_is_sent_as_it_is(
        self, fake: FakeGateway, provider: GatewayProvider
    ) -> None:
        route = fake.json("/v4/ai/transcription-model", {"text": "", "language": None})
        result = await provider.transcription_model("a/b").do_generate(
            TranscriptionModelV4CallOptions(
                audio="UklGRg==", media_type="audio/wav", provider_options={"a": {}}
            )
        )
        assert FakeGateway.body(route) == {
            "audio": "UklGRg==",
            "mediaType": "audio/wav",
            "providerOptions": {"a": {}},
        }
        assert (result.segments, result.language) == ([], None)

    @pytest.mark.parametrize(
        ("model_id", "body", "warned"),
        [
            ("xai/grok-stt", {"text": "x"}, True),
            ("spacexai/grok-stt", {"text": "x"}, True),
            ("xai/grok-stt", {"text": "x", "words": [{"speaker": 1}]}, False),
            ("openai/whisper-1", {"text": "x"}, False),
        ],
    )
    async def test_xai_diarization_warning(
        self,
        fake: FakeGateway,
        provider: GatewayProvider,
        model_id: str,
        body: dict[str, object],
        warned: bool,
    ) -> None:
        fake.json("/v4/ai/transcription-model", body)
        result = await provider.transcription_model(model_id).do_generate(
            TranscriptionModelV4CallOptions(
                audio=b"a", media_type="audio/wav", provider_options={"xai": {"diarize": True}}
            )
        )
        expected = SharedV4UnsupportedWarning(
            feature="providerOptions.xai.diarize",
            details="AI Gateway does not currently expose xAI speaker diarization metadata.",
        )
        assert result.warnings == ([expected] if warned else [])


VIDEO_OPTIONS = VideoModelV4CallOptions(prompt="a cat", n=1, provider_options={})


class TestVideo:
    async def test_request(self, fake: FakeGateway, provider: GatewayProvider) -> None:
        route = fake.sse(
            "/v4/ai/video-model",
            [{"type": "result", "videos": [{"type": "url", "url": "u", "mediaType": "video/mp4"}]}],
        )
        await provider.video_model("google/veo-3").do_generate(
            VideoModelV4CallOptions(
                prompt="a cat",
                n=1,
                aspect_ratio="16:9",
                resolution="",
                duration=0,
                fps=24,
                seed=0,
                generate_audio=False,
                image=VideoModelV4FileData(media_type="image/png", data=b"png"),
                frame_images=[
                    VideoModelV4FrameImage(
                        image=VideoModelV4FileData(media_type="image/png", data=b"last"),
                        frame_type="last_frame",
                    )
                ],
                provider_options={},
            )
        )
        request = route.calls.last.request
        assert request.headers["accept"] == "text/event-stream"
        assert request.headers["ai-video-model-specification-version"] == "4"
        assert request.headers["ai-model-id"] == "google/veo-3"
        assert FakeGateway.body(route) == {
            "prompt": "a cat",
            "n": 1,
            "aspectRatio": "16:9",
            "fps": 24,
            "seed": 0,
            "generateAudio": False,
            "providerOptions": {},
            "image": {"type": "file", "mediaType": "image/png", "data": "cG5n"},
            "frameImages": [
                {
                    "image": {"type": "file", "mediaType": "image/png", "data": "bGFzdA=="},
                    "frameType": "last_frame",
                }
            ],
        }

    async def test_the_first_event_is_the_result(self, fake: FakeGateway, clock: FakeClock) -> None:
        from ai_sdk_gateway import create_gateway

        provider = create_gateway(api_key="k", base_url=fake.base_url, clock=clock)
        fake.sse(
            "/v4/ai/video-model",
            [
                {
                    "type": "result",
                    "videos": [
                        {"type": "url", "url": "https://v/1.mp4", "mediaType": "video/mp4"},
                        {"type": "base64", "data": "AAAA", "mediaType": "video/mp4"},
                    ],
                    "warnings": [{"type": "other", "message": "w"}],
                    "providerMetadata": {"google": {"videos": []}},
                },
                "not even json",
            ],
        )
        result = await provider.video_model("google/veo-3").do_generate(VIDEO_OPTIONS)
        assert result.videos[0] == VideoModelV4UrlVideo(
            url="https://v/1.mp4", media_type="video/mp4"
        )
        assert to_wire(result.videos[1]) == {
            "type": "base64",
            "data": "AAAA",
            "mediaType": "video/mp4",
        }
        assert result.warnings == [SharedV4OtherWarning(message="w")]
        assert result.provider_metadata == {"google": {"videos": []}}
        assert result.response.timestamp == NOW
        assert fake.streams[-1].closed  # the rest of the stream is not read

    async def test_an_error_event_is_the_gateway_error_of_its_type(
        self, fake: FakeGateway, provider: GatewayProvider
    ) -> None:
        event = {
            "type": "error",
            "message": "no such model",
            "errorType": "model_not_found",
            "statusCode": 404,
            "param": {"modelId": "google/veo-9"},
        }
        fake.sse("/v4/ai/video-model", [event])
        with pytest.raises(GatewayModelNotFoundError) as raised:
            await provider.video_model("google/veo-9").do_generate(VIDEO_OPTIONS)
        error = raised.value
        assert (error.message, error.status_code, error.model_id) == (
            "no such model",
            404,
            "google/veo-9",
        )
        assert isinstance(error.cause, APICallError)
        assert json.loads(error.cause.response_body or "") == event

    @pytest.mark.parametrize(
        ("events", "message"),
        [
            ([], "SSE stream ended without a data event"),
            (["{oops"], "Failed to parse video SSE event"),
        ],
    )
    async def test_a_missing_or_broken_event(
        self, fake: FakeGateway, provider: GatewayProvider, events: list[str], message: str
    ) -> None:
        fake.sse("/v4/ai/video-model", events)
        with pytest.raises(GatewayResponseError) as raised:
            await provider.video_model("a/b").do_generate(VIDEO_OPTIONS)
        assert isinstance(raised.value.cause, APICallError)
        assert raised.value.cause.message == message
        assert raised.value.status_code == 200

    async def test_http_errors(self, fake: FakeGateway, provider: GatewayProvider) -> None:
        fake.json(
            "/v4/ai/video-model",
            {"error": {"message": "bad prompt", "type": "invalid_request_error"}},
            status=400,
        )
        with pytest.raises(GatewayInvalidRequestError, match="bad prompt"):
            await provider.video_model("a/b").do_generate(VIDEO_OPTIONS)

    async def test_start_and_status(self, fake: FakeGateway, provider: GatewayProvider) -> None:
        start = fake.json("/v4/ai/video-model/start", {"operation": {"id": "op_1"}})
        model = provider.video_model("google/veo-3")
        options = VideoModelV4CallOptions(
            prompt="p", n=1, provider_options={}, webhook_url="https://me/hook"
        )
        started = await model.do_start(options)
        assert FakeGateway.body(start) == {
            "prompt": "p",
            "n": 1,
            "providerOptions": {},
            "callbackUrl": "https://me/hook",
        }
        assert started.operation == {"id": "op_1"}
        assert started.warnings == []

        status = fake.json("/v4/ai/video-model/status", {"status": "pending"})
        assert isinstance(await model.do_status({"id": "op_1"}), VideoModelV4OperationPending)
        assert FakeGateway.body(status) == {"operation": {"id": "op_1"}}

        fake.json(
            "/v4/ai/video-model/status",
            {"status": "completed", "videos": [{"type": "url", "url": "u", "mediaType": "m"}]},
        )
        completed = await model.do_status({"id": "op_1"})
        assert isinstance(completed, VideoModelV4OperationCompleted)
        assert completed.videos == [VideoModelV4UrlVideo(url="u", media_type="m")]

        fake.json("/v4/ai/video-model/status", {"status": "cancelled"})
        cancelled = await model.do_status({"id": "op_1"})
        assert isinstance(cancelled, VideoModelV4OperationError)
        assert cancelled.error == "Video generation was cancelled."

        fake.json("/v4/ai/video-model/status", {"status": "error", "error": "boom"})
        failed = await model.do_status({"id": "op_1"})
        assert isinstance(failed, VideoModelV4OperationError)
        assert failed.error == "boom"
