"""The mock models, provider and stream helpers of ``ai_sdk_core.testing``."""

from __future__ import annotations

import re
from datetime import UTC, datetime
from typing import Any

import pytest

from ai_sdk_core.provider import (
    EmbeddingModelV4,
    EmbeddingModelV4CallOptions,
    EmbeddingModelV4Result,
    ImageModelV4,
    ImageModelV4CallOptions,
    ImageModelV4ResponseInfo,
    ImageModelV4Result,
    LanguageModelV4,
    LanguageModelV4CallOptions,
    LanguageModelV4FinishReason,
    LanguageModelV4GenerateResult,
    LanguageModelV4InputTokens,
    LanguageModelV4OutputTokens,
    LanguageModelV4RequestInfo,
    LanguageModelV4StreamResponseInfo,
    LanguageModelV4StreamResult,
    LanguageModelV4Text,
    LanguageModelV4TextDelta,
    LanguageModelV4TextEnd,
    LanguageModelV4TextPart,
    LanguageModelV4TextStart,
    LanguageModelV4Usage,
    LanguageModelV4UserMessage,
    NoSuchModelError,
    ProviderV4,
    RerankingModelV4,
    RerankingModelV4CallOptions,
    RerankingModelV4Ranking,
    RerankingModelV4Result,
    RerankingModelV4TextDocuments,
    SharedV4AudioFormat,
    SpeechModelV4,
    SpeechModelV4CallOptions,
    SpeechModelV4ResponseInfo,
    SpeechModelV4Result,
    TranscriptionModelV4,
    TranscriptionModelV4CallOptions,
    TranscriptionModelV4ResponseInfo,
    TranscriptionModelV4Result,
    TranscriptionModelV4StreamingModel,
    TranscriptionModelV4StreamOptions,
    TranscriptionModelV4StreamResult,
    TranscriptionModelV4TranscriptDelta,
)
from ai_sdk_core.testing import (
    MockEmbeddingModelV4,
    MockImageModelV4,
    MockLanguageModelV4,
    MockProviderV4,
    MockRerankingModelV4,
    MockSpeechModelV4,
    MockTranscriptionModelV4,
    convert_array_to_async_iterable,
    convert_async_iterable_to_array,
    mock_id,
    mock_values,
    simulate_readable_stream,
    stream_result,
)

NOW = datetime(2026, 1, 1, tzinfo=UTC)


def call_options(text: str = "hi") -> LanguageModelV4CallOptions:
    return LanguageModelV4CallOptions(
        prompt=[LanguageModelV4UserMessage(content=[LanguageModelV4TextPart(text=text)])]
    )


def generate_result(text: str) -> LanguageModelV4GenerateResult:
    return LanguageModelV4GenerateResult(
        content=[LanguageModelV4Text(text=text)],
        finish_reason=LanguageModelV4FinishReason(unified="stop", raw="stop"),
        usage=LanguageModelV4Usage(
            input_tokens=LanguageModelV4InputTokens(total=1, no_cache=1),
            output_tokens=LanguageModelV4OutputTokens(total=1, text=1),
        ),
        warnings=[],
    )


def text_stream(text: str) -> LanguageModelV4StreamResult:
    return stream_result(
        [
            LanguageModelV4TextStart(id=text),
            LanguageModelV4TextDelta(id=text, delta=text),
            LanguageModelV4TextEnd(id=text),
        ]
    )


async def read_text(result: LanguageModelV4StreamResult) -> str:
    parts = await convert_async_iterable_to_array(result.stream)
    return "".join(part.delta for part in parts if isinstance(part, LanguageModelV4TextDelta))


def first_text(result: LanguageModelV4GenerateResult) -> str:
    content = result.content[0]
    assert isinstance(content, LanguageModelV4Text)
    return content.text


# --- MockLanguageModelV4 ---


def test_language_model_satisfies_the_protocol_with_ts_defaults() -> None:
    model = MockLanguageModelV4()

    assert isinstance(model, LanguageModelV4)
    assert (model.specification_version, model.provider, model.model_id) == (
        "v4",
        "mock-provider",
        "mock-model-id",
    )
    assert model.supported_urls == {}


def test_supported_urls_may_be_a_mapping_or_a_function() -> None:
    urls = {"image/*": [re.compile(r"^https://")]}

    assert MockLanguageModelV4(supported_urls=urls).supported_urls is urls
    assert MockLanguageModelV4(supported_urls=lambda: urls).supported_urls is urls


@pytest.mark.anyio
async def test_a_single_result_answers_every_call_and_calls_are_recorded() -> None:
    result = generate_result("hello")
    model = MockLanguageModelV4(do_generate=result)
    first, second = call_options("a"), call_options("b")

    assert await model.do_generate(first) is result
    assert await model.do_generate(second) is result
    assert model.do_generate_calls == [first, second]
    assert model.do_generate_calls[0] is first
    assert model.do_stream_calls == []


@pytest.mark.anyio
async def test_a_list_of_results_answers_one_call_each_in_order() -> None:
    model = MockLanguageModelV4(do_generate=[generate_result("first"), generate_result("second")])

    assert first_text(await model.do_generate(call_options())) == "first"
    assert first_text(await model.do_generate(call_options())) == "second"
    with pytest.raises(IndexError, match=r"do_generate was called 3 times but given 2 results"):
        await model.do_generate(call_options())


@pytest.mark.anyio
async def test_a_list_of_stream_results_answers_one_call_each_in_order() -> None:
    model = MockLanguageModelV4(do_stream=[text_stream("first"), text_stream("second")])

    assert await read_text(await model.do_stream(call_options())) == "first"
    assert await read_text(await model.do_stream(call_options())) == "second"
    assert len(model.do_stream_calls) == 2


@pytest.mark.anyio
async def test_a_sync_function_answers_from_the_options() -> None:
    def echo(options: LanguageModelV4CallOptions) -> LanguageModelV4GenerateResult:
        message = options.prompt[0]
        assert isinstance(message, LanguageModelV4UserMessage)
        part = message.content[0]
        assert isinstance(part, LanguageModelV4TextPart)
        return generate_result(part.text.upper())

    model = MockLanguageModelV4(do_generate=echo)

    assert first_text(await model.do_generate(call_options("shout"))) == "SHOUT"


@pytest.mark.anyio
async def test_an_async_function_answers_and_a_fresh_stream_per_call() -> None:
    async def stream(options: LanguageModelV4CallOptions) -> LanguageModelV4StreamResult:
        return text_stream(f"call {len(model.do_stream_calls)}")

    model = MockLanguageModelV4(do_stream=stream)

    assert await read_text(await model.do_stream(call_options())) == "call 1"
    assert await read_text(await model.do_stream(call_options())) == "call 2"


@pytest.mark.anyio
async def test_a_method_not_given_raises_not_implemented_and_still_records_the_call() -> None:
    model = MockLanguageModelV4()
    options = call_options()

    with pytest.raises(NotImplementedError, match=r"MockLanguageModelV4\.do_stream"):
        await model.do_stream(options)
    with pytest.raises(NotImplementedError, match=r"do_generate= "):
        await model.do_generate(options)
    assert model.do_stream_calls == [options]


@pytest.mark.anyio
async def test_an_error_raised_by_the_function_propagates() -> None:
    def fail(options: LanguageModelV4CallOptions) -> LanguageModelV4GenerateResult:
        raise ValueError("model down")

    model = MockLanguageModelV4(do_generate=fail)

    with pytest.raises(ValueError, match="model down"):
        await model.do_generate(call_options())
    assert len(model.do_generate_calls) == 1


# --- the other models ---


@pytest.mark.anyio
async def test_embedding_model_defaults_and_answers() -> None:
    model = MockEmbeddingModelV4(
        do_embed=[
            EmbeddingModelV4Result(embeddings=[[1.0]], warnings=[]),
            EmbeddingModelV4Result(embeddings=[[2.0]], warnings=[]),
        ]
    )

    assert isinstance(model, EmbeddingModelV4)
    assert (model.max_embeddings_per_call, model.supports_parallel_calls) == (1, False)
    first = await model.do_embed(EmbeddingModelV4CallOptions(values=["first"]))
    second = await model.do_embed(EmbeddingModelV4CallOptions(values=["second"]))
    assert (first.embeddings, second.embeddings) == ([[1.0]], [[2.0]])
    assert [call.values for call in model.do_embed_calls] == [["first"], ["second"]]


def test_embedding_model_limits_are_configurable() -> None:
    model = MockEmbeddingModelV4(max_embeddings_per_call=None, supports_parallel_calls=True)

    assert (model.max_embeddings_per_call, model.supports_parallel_calls) == (None, True)


@pytest.mark.anyio
async def test_image_model_answers_and_records() -> None:
    result = ImageModelV4Result(
        images=[b"png"],
        warnings=[],
        response=ImageModelV4ResponseInfo(timestamp=NOW, model_id="mock-model-id"),
    )
    model = MockImageModelV4(max_images_per_call=4, do_generate=result)
    options = ImageModelV4CallOptions(prompt="a cat", n=1, provider_options={})

    assert isinstance(model, ImageModelV4)
    assert model.max_images_per_call == 4
    assert await model.do_generate(options) is result
    assert model.do_generate_calls == [options]
    assert MockImageModelV4().max_images_per_call == 1


@pytest.mark.anyio
async def test_reranking_model_answers_from_an_async_function() -> None:
    async def rerank(options: RerankingModelV4CallOptions) -> RerankingModelV4Result:
        count = len(options.documents.values)
        return RerankingModelV4Result(
            ranking=[
                RerankingModelV4Ranking(index=i, relevance_score=1 / (i + 1))
                for i in reversed(range(count))
            ]
        )

    model = MockRerankingModelV4(do_rerank=rerank)
    options = RerankingModelV4CallOptions(
        documents=RerankingModelV4TextDocuments(values=["a", "b"]), query="q"
    )

    assert isinstance(model, RerankingModelV4)
    assert [r.index for r in (await model.do_rerank(options)).ranking] == [1, 0]
    assert model.do_rerank_calls == [options]


@pytest.mark.anyio
async def test_speech_model_answers_and_raises_when_not_given() -> None:
    result = SpeechModelV4Result(
        audio=b"mp3",
        warnings=[],
        response=SpeechModelV4ResponseInfo(timestamp=NOW, model_id="mock-model-id"),
    )
    options = SpeechModelV4CallOptions(text="hello")

    assert isinstance(MockSpeechModelV4(), SpeechModelV4)
    assert await MockSpeechModelV4(do_generate=result).do_generate(options) is result
    with pytest.raises(NotImplementedError, match=r"MockSpeechModelV4\.do_generate"):
        await MockSpeechModelV4().do_generate(options)


@pytest.mark.anyio
async def test_transcription_model_streams_only_when_do_stream_is_given() -> None:
    result = TranscriptionModelV4Result(
        text="hi",
        segments=[],
        warnings=[],
        response=TranscriptionModelV4ResponseInfo(timestamp=NOW, model_id="mock-model-id"),
    )
    plain = MockTranscriptionModelV4(do_generate=result)
    streaming = MockTranscriptionModelV4(
        do_stream=lambda options: TranscriptionModelV4StreamResult(
            stream=convert_array_to_async_iterable(
                [TranscriptionModelV4TranscriptDelta(delta="hi")]
            )
        )
    )
    options = TranscriptionModelV4StreamOptions(
        audio=convert_array_to_async_iterable([b"\x00\x01"]),
        input_audio_format=SharedV4AudioFormat(type="pcm16", rate=16000),
    )

    transcribed = await plain.do_generate(
        TranscriptionModelV4CallOptions(audio=b"wav", media_type="audio/wav")
    )

    assert transcribed is result
    assert isinstance(plain, TranscriptionModelV4)
    assert not isinstance(plain, TranscriptionModelV4StreamingModel)
    assert isinstance(streaming, TranscriptionModelV4StreamingModel)
    parts = await convert_async_iterable_to_array((await streaming.do_stream(options)).stream)
    assert parts == [TranscriptionModelV4TranscriptDelta(delta="hi")]
    assert streaming.do_stream_calls == [options]


# --- MockProviderV4 ---


def test_provider_returns_the_models_it_was_given() -> None:
    language = MockLanguageModelV4()
    embedding = MockEmbeddingModelV4()
    image = MockImageModelV4()
    transcription = MockTranscriptionModelV4()
    speech = MockSpeechModelV4()
    reranking = MockRerankingModelV4()
    provider = MockProviderV4(
        language_models={"chat": language},
        embedding_models={"embed": embedding},
        image_models={"draw": image},
        transcription_models={"listen": transcription},
        speech_models={"speak": speech},
        reranking_models={"rank": reranking},
    )

    assert isinstance(provider, ProviderV4)
    assert provider.language_model("chat") is language
    assert provider.embedding_model("embed") is embedding
    assert provider.image_model("draw") is image
    assert provider.transcription_model("listen") is transcription
    assert provider.speech_model("speak") is speech
    assert provider.reranking_model("rank") is reranking


@pytest.mark.parametrize(
    ("method", "model_type"),
    [
        ("language_model", "languageModel"),
        ("embedding_model", "embeddingModel"),
        ("image_model", "imageModel"),
        ("transcription_model", "transcriptionModel"),
        ("speech_model", "speechModel"),
        ("reranking_model", "rerankingModel"),
    ],
)
def test_provider_raises_no_such_model_for_unknown_ids(method: str, model_type: str) -> None:
    provider = MockProviderV4(language_models={"chat": MockLanguageModelV4()})

    with pytest.raises(NoSuchModelError) as raised:
        getattr(provider, method)("missing")
    assert (raised.value.model_id, raised.value.model_type) == ("missing", model_type)


# --- streams and values ---


class RecordingSleep:
    def __init__(self) -> None:
        self.delays: list[float] = []

    async def __call__(self, seconds: float) -> None:
        self.delays.append(seconds)


@pytest.mark.anyio
async def test_simulated_stream_sleeps_before_each_chunk() -> None:
    sleep = RecordingSleep()
    stream = simulate_readable_stream(
        ["a", "b", "c"], initial_delay_ms=500, chunk_delay_ms=100, sleep=sleep
    )

    assert await convert_async_iterable_to_array(stream) == ["a", "b", "c"]
    assert sleep.delays == [0.5, 0.1, 0.1]


@pytest.mark.anyio
async def test_simulated_stream_skips_sleeping_for_none_but_not_for_zero() -> None:
    sleep = RecordingSleep()
    chunks = await convert_async_iterable_to_array(
        simulate_readable_stream([1, 2, 3], initial_delay_ms=None, sleep=sleep)
    )

    assert chunks == [1, 2, 3]
    assert sleep.delays == [0, 0]
    assert await convert_async_iterable_to_array(simulate_readable_stream(list[str]())) == []


@pytest.mark.anyio
async def test_simulated_stream_uses_the_real_sleep_by_default() -> None:
    stream = simulate_readable_stream(["x", "y"], initial_delay_ms=1, chunk_delay_ms=1)

    assert await convert_async_iterable_to_array(stream) == ["x", "y"]


@pytest.mark.anyio
async def test_stream_result_carries_request_and_response_info() -> None:
    request = LanguageModelV4RequestInfo(body={"stream": True})
    response = LanguageModelV4StreamResponseInfo(headers={"x-id": "1"})
    result = stream_result(
        [LanguageModelV4TextDelta(id="0", delta="hi")], request=request, response=response
    )

    assert (result.request, result.response) == (request, response)
    assert await convert_async_iterable_to_array(result.stream) == [
        LanguageModelV4TextDelta(id="0", delta="hi")
    ]
    assert await convert_async_iterable_to_array(result.stream) == []  # read once


@pytest.mark.anyio
async def test_array_to_async_iterable_round_trips() -> None:
    values: list[Any] = [1, "two", None]

    assert await convert_async_iterable_to_array(convert_array_to_async_iterable(values)) == values


def test_mock_id_counts_from_zero_per_generator() -> None:
    ids = mock_id()
    prefixed = mock_id(prefix="msg")

    assert [ids(), ids(), prefixed(), ids()] == ["id-0", "id-1", "msg-0", "id-2"]


def test_mock_values_returns_in_turn_then_repeats_the_last() -> None:
    values = mock_values(NOW, datetime(2027, 1, 1, tzinfo=UTC))

    assert [values().year for _ in range(4)] == [2026, 2027, 2027, 2027]
    with pytest.raises(ValueError, match="at least one"):
        mock_values()


@pytest.mark.anyio
async def test_ready_made_results_drive_generate_and_stream() -> None:
    from ai_sdk_core import generate_text, stream_text, tool
    from ai_sdk_core.testing import text_result, text_stream_parts, tool_calls_result

    model = MockLanguageModelV4(
        do_generate=[tool_calls_result({"c1": ("add", {"a": 1, "b": 2})}), text_result("3")],
        do_stream=lambda options: stream_result(text_stream_parts("Hel", "lo", output_tokens=2)),
    )

    def add(a: int, b: int) -> int:
        """Add two numbers."""
        return a + b

    from ai_sdk_core import is_step_count

    result = await generate_text(
        model=model, prompt="1+2?", tools={"add": tool(add)}, stop_when=is_step_count(2)
    )
    assert [call.input for call in result.tool_calls] == [{"a": 1, "b": 2}]
    assert [r.output for r in result.tool_results] == [3]
    assert result.text == "3"

    streamed = stream_text(model=model, prompt="hi")
    assert [delta async for delta in streamed.text_stream] == ["Hel", "lo"]
    assert (await streamed.usage).output_tokens == 2
