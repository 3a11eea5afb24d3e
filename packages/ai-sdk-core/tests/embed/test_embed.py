"""Port of embed.test.ts: results, options, warnings, callbacks, retries, model ids."""

from __future__ import annotations

import logging
from typing import Any

import pytest

from ai_sdk_core import (
    EmbeddingModelUsage,
    EmbedEndEvent,
    EmbedStartEvent,
    __version__,
    embed,
    embed_sync,
    set_default_provider,
)
from ai_sdk_core.errors import APICallError, RetryError, UnsupportedModelVersionError
from ai_sdk_core.provider import (
    EmbeddingModelV4CallOptions,
    EmbeddingModelV4ResponseInfo,
    EmbeddingModelV4Result,
    EmbeddingModelV4Usage,
    SharedV4OtherWarning,
    SharedV4UnsupportedWarning,
    SharedV4Warning,
)
from ai_sdk_core.provider_utils import _retry
from ai_sdk_core.testing import MockEmbeddingModelV4, MockProviderV4

pytestmark = pytest.mark.anyio

DUMMY_EMBEDDING = [0.1, 0.2, 0.3]
TEST_VALUE = "sunny day at the beach"
USER_AGENT = f"ai/{__version__}"


def mock_embed(
    expected_values: list[str],
    embeddings: list[list[float]],
    usage: EmbeddingModelV4Usage | None = None,
    response: EmbeddingModelV4ResponseInfo | None = None,
    provider_metadata: dict[str, Any] | None = None,
    warnings: list[SharedV4Warning] | None = None,
) -> Any:
    def do_embed(options: EmbeddingModelV4CallOptions) -> EmbeddingModelV4Result:
        assert options.values == expected_values
        return EmbeddingModelV4Result(
            embeddings=embeddings,
            usage=usage or EmbeddingModelV4Usage(tokens=10),
            response=response or EmbeddingModelV4ResponseInfo(headers={}, body={}),
            provider_metadata=provider_metadata,
            warnings=warnings or [],
        )

    return do_embed


def model_for(**kwargs: Any) -> MockEmbeddingModelV4:
    return MockEmbeddingModelV4(do_embed=mock_embed([TEST_VALUE], [DUMMY_EMBEDDING], **kwargs))


async def test_result_holds_the_embedding_and_the_value() -> None:
    result = await embed(model=model_for(), value=TEST_VALUE)

    assert result.embedding == DUMMY_EMBEDDING
    assert result.value == TEST_VALUE


async def test_result_holds_the_response() -> None:
    response = EmbeddingModelV4ResponseInfo(headers={"foo": "bar"}, body={"foo": "bar"})

    result = await embed(model=model_for(response=response), value=TEST_VALUE)

    assert result.response == response


async def test_result_holds_the_usage() -> None:
    result = await embed(model=model_for(usage=EmbeddingModelV4Usage(tokens=10)), value=TEST_VALUE)

    assert result.usage == EmbeddingModelUsage(tokens=10)


async def test_usage_is_zero_when_the_model_reports_none() -> None:
    model = MockEmbeddingModelV4(
        do_embed=EmbeddingModelV4Result(embeddings=[DUMMY_EMBEDDING], warnings=[])
    )

    result = await embed(model=model, value=TEST_VALUE)

    assert result.usage == EmbeddingModelUsage(tokens=0)


async def test_result_holds_the_provider_metadata() -> None:
    metadata = {"gateway": {"routing": {"resolvedProvider": "test-provider"}}}

    result = await embed(model=model_for(provider_metadata=metadata), value=TEST_VALUE)

    assert result.provider_metadata == metadata


async def test_headers_get_the_user_agent_and_reach_the_model() -> None:
    model = model_for()

    await embed(
        model=model, value=TEST_VALUE, headers={"custom-request-header": "request-header-value"}
    )

    assert model.do_embed_calls[0].headers == {
        "custom-request-header": "request-header-value",
        "user-agent": USER_AGENT,
    }


async def test_provider_options_reach_the_model() -> None:
    model = MockEmbeddingModelV4(
        do_embed=EmbeddingModelV4Result(embeddings=[[1, 2, 3]], warnings=[])
    )

    result = await embed(
        model=model, value="test-input", provider_options={"aProvider": {"someKey": "someValue"}}
    )

    assert model.do_embed_calls[0].provider_options == {"aProvider": {"someKey": "someValue"}}
    assert result.embedding == [1, 2, 3]


async def test_warnings_are_in_the_result_and_logged(caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.WARNING, logger="ai_sdk")
    warnings: list[SharedV4Warning] = [
        SharedV4OtherWarning(message="Setting is not supported"),
        SharedV4UnsupportedWarning(
            feature="dimensions", details="Dimensions parameter not supported"
        ),
    ]

    result = await embed(model=model_for(warnings=warnings), value=TEST_VALUE)

    assert result.warnings == warnings
    assert [record.getMessage() for record in caplog.records] == [
        "AI SDK Warning (mock-provider / mock-model-id): Setting is not supported",
        (
            'AI SDK Warning (mock-provider / mock-model-id): The feature "dimensions" is not '
            "supported. Dimensions parameter not supported"
        ),
    ]


class TestCallbacks:
    async def test_on_start_gets_the_call_before_the_model_runs(self) -> None:
        order: list[str] = []
        events: list[EmbedStartEvent] = []

        def do_embed(options: EmbeddingModelV4CallOptions) -> EmbeddingModelV4Result:
            order.append("do_embed")
            return EmbeddingModelV4Result(embeddings=[DUMMY_EMBEDDING], warnings=[])

        def on_start(event: EmbedStartEvent) -> None:
            order.append("on_start")
            events.append(event)

        await embed(
            model=MockEmbeddingModelV4(do_embed=do_embed),
            value=TEST_VALUE,
            headers={"x-custom": "header-value"},
            provider_options={"myProvider": {"key": "value"}},
            on_start=on_start,
        )

        assert order == ["on_start", "do_embed"]
        event = events[0]
        assert event.call_id.startswith("call-")
        assert (event.operation_id, event.provider, event.model_id) == (
            "ai.embed",
            "mock-provider",
            "mock-model-id",
        )
        assert event.value == TEST_VALUE
        assert event.max_retries == 2
        assert event.headers == {"user-agent": USER_AGENT, "x-custom": "header-value"}
        assert event.provider_options == {"myProvider": {"key": "value"}}

    async def test_on_end_gets_the_result_with_the_same_call_id(self) -> None:
        starts: list[EmbedStartEvent] = []
        ends: list[EmbedEndEvent] = []
        response = EmbeddingModelV4ResponseInfo(headers={"h": "v"}, body={"b": 1})

        async def on_end(event: EmbedEndEvent) -> None:
            ends.append(event)

        await embed(
            model=model_for(usage=EmbeddingModelV4Usage(tokens=15), response=response),
            value=TEST_VALUE,
            on_start=starts.append,
            on_end=on_end,
        )

        end = ends[0]
        assert end.call_id == starts[0].call_id
        assert end.operation_id == "ai.embed"
        assert end.embedding == DUMMY_EMBEDDING
        assert end.usage == EmbeddingModelUsage(tokens=15)
        assert end.response == response
        assert end.warnings == []

    async def test_callbacks_that_raise_do_not_break_the_call(self) -> None:
        def fail(event: object) -> None:
            raise RuntimeError("callback error")

        result = await embed(model=model_for(), value=TEST_VALUE, on_start=fail, on_end=fail)

        assert result.embedding == DUMMY_EMBEDDING


class TestRetries:
    @pytest.fixture(autouse=True)
    def no_sleep(self, monkeypatch: pytest.MonkeyPatch) -> list[float]:
        delays: list[float] = []

        async def sleep(seconds: float) -> None:
            delays.append(seconds)

        monkeypatch.setattr(_retry, "retry_sleep", sleep)
        return delays

    @staticmethod
    def error(retryable: bool) -> APICallError:
        return APICallError(
            "busy", url="http://127.0.0.1/e", request_body_values={}, is_retryable=retryable
        )

    async def test_retryable_errors_are_retried(self, no_sleep: list[float]) -> None:
        answers = [self.error(True), self.error(True)]

        def do_embed(options: EmbeddingModelV4CallOptions) -> EmbeddingModelV4Result:
            if answers:
                raise answers.pop(0)
            return EmbeddingModelV4Result(embeddings=[DUMMY_EMBEDDING], warnings=[])

        model = MockEmbeddingModelV4(do_embed=do_embed)
        result = await embed(model=model, value=TEST_VALUE)

        assert result.embedding == DUMMY_EMBEDDING
        assert len(model.do_embed_calls) == 3
        assert no_sleep == [2.0, 4.0]

    async def test_max_retries_limits_the_attempts(self) -> None:
        def do_embed(options: EmbeddingModelV4CallOptions) -> EmbeddingModelV4Result:
            raise self.error(True)

        model = MockEmbeddingModelV4(do_embed=do_embed)
        with pytest.raises(RetryError) as raised:
            await embed(model=model, value=TEST_VALUE, max_retries=1)

        assert raised.value.reason == "maxRetriesExceeded"
        assert len(model.do_embed_calls) == 2

    async def test_errors_that_are_not_retryable_are_raised_as_they_are(self) -> None:
        def do_embed(options: EmbeddingModelV4CallOptions) -> EmbeddingModelV4Result:
            raise self.error(False)

        model = MockEmbeddingModelV4(do_embed=do_embed)
        with pytest.raises(APICallError):
            await embed(model=model, value=TEST_VALUE)
        assert len(model.do_embed_calls) == 1


class TestModels:
    async def test_a_model_id_resolves_through_the_default_provider(self) -> None:
        model = model_for()
        set_default_provider(MockProviderV4(embedding_models={"my-embedder": model}))
        try:
            result = await embed(model="my-embedder", value=TEST_VALUE)
        finally:
            set_default_provider(None)

        assert result.embedding == DUMMY_EMBEDDING
        assert len(model.do_embed_calls) == 1

    async def test_a_model_of_another_specification_version_is_refused(self) -> None:
        model = model_for()
        model.specification_version = "v2"  # pyright: ignore[reportAttributeAccessIssue]

        with pytest.raises(UnsupportedModelVersionError):
            await embed(model=model, value=TEST_VALUE)


def test_embed_sync_runs_without_an_event_loop() -> None:
    result = embed_sync(model=model_for(), value=TEST_VALUE)

    assert result.embedding == DUMMY_EMBEDDING
