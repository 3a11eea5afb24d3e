"""Port of embed-many.test.ts: chunking, parallel calls, results, options, callbacks."""

from __future__ import annotations

import logging
from typing import Any

import anyio
import anyio.lowlevel
import pytest

from ai_sdk_core import (
    EmbeddingModelUsage,
    EmbedEndEvent,
    EmbedStartEvent,
    __version__,
    embed_many,
    embed_many_sync,
)
from ai_sdk_core.errors import APICallError, InvalidArgumentError
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
from ai_sdk_core.testing import MockEmbeddingModelV4

pytestmark = pytest.mark.anyio

DUMMY_EMBEDDINGS = [[0.1, 0.2, 0.3], [0.4, 0.5, 0.6], [0.7, 0.8, 0.9]]
TEST_VALUES = [
    "sunny day at the beach",
    "rainy afternoon in the city",
    "snowy night in the mountains",
]
USER_AGENT = f"ai/{__version__}"


def embeddings_of(values: list[str]) -> list[list[float]]:
    return [DUMMY_EMBEDDINGS[TEST_VALUES.index(value)] for value in values]


def by_value(tokens: int | None = None, **extra: Any) -> Any:
    """A ``do_embed`` that embeds the values it gets."""

    def do_embed(options: EmbeddingModelV4CallOptions) -> EmbeddingModelV4Result:
        return EmbeddingModelV4Result(
            embeddings=embeddings_of(options.values),
            usage=None if tokens is None else EmbeddingModelV4Usage(tokens=tokens),
            warnings=[],
            **extra,
        )

    return do_embed


class TestParallelCalls:
    @staticmethod
    async def run(**settings: Any) -> tuple[list[str], list[list[float]]]:
        """Three one-value calls that each let the other tasks run before they finish."""
        events: list[str] = []
        count = 0

        async def do_embed(options: EmbeddingModelV4CallOptions) -> EmbeddingModelV4Result:
            nonlocal count
            index = count
            count += 1
            events.append(f"start-{index}")
            await anyio.lowlevel.checkpoint()  # every task that can run now, runs
            events.append(f"end-{index}")
            return EmbeddingModelV4Result(embeddings=[DUMMY_EMBEDDINGS[index]], warnings=[])

        model = MockEmbeddingModelV4(max_embeddings_per_call=1, do_embed=do_embed, **settings)
        result = await embed_many(model=model, values=TEST_VALUES)
        return events, result.embeddings

    async def test_calls_are_sequential_when_the_model_does_not_support_parallel_calls(
        self,
    ) -> None:
        events, embeddings = await self.run(supports_parallel_calls=False)

        assert events == ["start-0", "end-0", "start-1", "end-1", "start-2", "end-2"]
        assert embeddings == DUMMY_EMBEDDINGS

    async def test_calls_run_in_parallel_when_the_model_supports_it(self) -> None:
        events, embeddings = await self.run(supports_parallel_calls=True)

        assert events == ["start-0", "start-1", "start-2", "end-0", "end-1", "end-2"]
        assert embeddings == DUMMY_EMBEDDINGS

    async def test_max_parallel_calls_limits_the_calls_at_once(self) -> None:
        events: list[str] = []
        running = 0
        most = 0

        async def do_embed(options: EmbeddingModelV4CallOptions) -> EmbeddingModelV4Result:
            nonlocal running, most
            running += 1
            most = max(most, running)
            events.append(f"start-{options.values[0]}")
            await anyio.lowlevel.checkpoint()
            events.append(f"end-{options.values[0]}")
            running -= 1
            return EmbeddingModelV4Result(embeddings=embeddings_of(options.values), warnings=[])

        model = MockEmbeddingModelV4(
            max_embeddings_per_call=1, supports_parallel_calls=True, do_embed=do_embed
        )
        result = await embed_many(model=model, values=TEST_VALUES, max_parallel_calls=2)

        a, b, c = TEST_VALUES
        assert events == [f"start-{a}", f"start-{b}", f"end-{a}", f"end-{b}", f"start-{c}", f"end-{c}"]  # fmt: skip
        assert most == 2
        assert result.embeddings == DUMMY_EMBEDDINGS

    async def test_awaitable_model_limits_are_awaited(self) -> None:
        async def three() -> int:
            return 3

        async def yes() -> bool:
            return True

        model = MockEmbeddingModelV4(
            max_embeddings_per_call=three(), supports_parallel_calls=yes(), do_embed=by_value()
        )
        result = await embed_many(model=model, values=TEST_VALUES)

        assert [call.values for call in model.do_embed_calls] == [TEST_VALUES]
        assert result.embeddings == DUMMY_EMBEDDINGS

    @pytest.mark.parametrize("value", [0, -1, 1.5])
    async def test_max_parallel_calls_must_be_a_positive_integer(self, value: Any) -> None:
        model = MockEmbeddingModelV4(do_embed=by_value())

        with pytest.raises(InvalidArgumentError) as raised:
            await embed_many(model=model, values=TEST_VALUES, max_parallel_calls=value)

        assert raised.value.argument == "max_parallel_calls"
        assert model.do_embed_calls == []


class TestResults:
    async def test_one_call_when_the_model_takes_all_values(self) -> None:
        model = MockEmbeddingModelV4(max_embeddings_per_call=5, do_embed=by_value())

        result = await embed_many(model=model, values=TEST_VALUES)

        assert result.embeddings == DUMMY_EMBEDDINGS
        assert result.values == TEST_VALUES
        assert [call.values for call in model.do_embed_calls] == [TEST_VALUES]

    async def test_values_are_split_by_max_embeddings_per_call(self) -> None:
        model = MockEmbeddingModelV4(max_embeddings_per_call=2, do_embed=by_value())

        result = await embed_many(model=model, values=TEST_VALUES)

        assert [call.values for call in model.do_embed_calls] == [TEST_VALUES[:2], TEST_VALUES[2:]]
        assert result.embeddings == DUMMY_EMBEDDINGS

    async def test_no_limit_means_one_call(self) -> None:
        model = MockEmbeddingModelV4(max_embeddings_per_call=None, do_embed=by_value(tokens=7))

        result = await embed_many(model=model, values=TEST_VALUES)

        assert len(model.do_embed_calls) == 1
        assert result.usage == EmbeddingModelUsage(tokens=7)
        assert result.responses == [None]

    async def test_responses_hold_one_entry_per_call(self) -> None:
        def do_embed(options: EmbeddingModelV4CallOptions) -> EmbeddingModelV4Result:
            index = TEST_VALUES.index(options.values[0])
            return EmbeddingModelV4Result(
                embeddings=embeddings_of(options.values),
                warnings=[],
                response=EmbeddingModelV4ResponseInfo(body={"call": index}),
            )

        model = MockEmbeddingModelV4(max_embeddings_per_call=1, do_embed=do_embed)
        result = await embed_many(model=model, values=TEST_VALUES)

        assert result.responses == [
            EmbeddingModelV4ResponseInfo(body={"call": 0}),
            EmbeddingModelV4ResponseInfo(body={"call": 1}),
            EmbeddingModelV4ResponseInfo(body={"call": 2}),
        ]

    async def test_usage_is_summed_over_the_calls(self) -> None:
        results = [
            EmbeddingModelV4Result(
                embeddings=DUMMY_EMBEDDINGS[:2], usage=EmbeddingModelV4Usage(tokens=10), warnings=[]
            ),
            EmbeddingModelV4Result(
                embeddings=DUMMY_EMBEDDINGS[2:], usage=EmbeddingModelV4Usage(tokens=20), warnings=[]
            ),
        ]
        model = MockEmbeddingModelV4(max_embeddings_per_call=2, do_embed=results)

        result = await embed_many(model=model, values=TEST_VALUES)

        assert result.usage == EmbeddingModelUsage(tokens=30)

    async def test_no_values_make_no_call(self) -> None:
        model = MockEmbeddingModelV4(max_embeddings_per_call=2, do_embed=by_value())

        result = await embed_many(model=model, values=[])

        assert (result.embeddings, result.usage.tokens, model.do_embed_calls) == ([], 0, [])

    async def test_provider_metadata_of_one_call(self) -> None:
        metadata = {"gateway": {"routing": {"resolvedProvider": "test-provider"}}}
        model = MockEmbeddingModelV4(
            max_embeddings_per_call=3, do_embed=by_value(provider_metadata=metadata)
        )

        result = await embed_many(model=model, values=TEST_VALUES)

        assert result.provider_metadata == metadata

    async def test_provider_metadata_is_merged_per_provider_over_the_calls(self) -> None:
        results = [
            EmbeddingModelV4Result(
                embeddings=DUMMY_EMBEDDINGS[:2],
                warnings=[],
                provider_metadata={"p": {"a": 1, "b": 1}, "q": {"x": 1}},
            ),
            EmbeddingModelV4Result(embeddings=DUMMY_EMBEDDINGS[2:], warnings=[]),
        ]
        model = MockEmbeddingModelV4(max_embeddings_per_call=2, do_embed=results)
        first = await embed_many(model=model, values=TEST_VALUES)
        assert first.provider_metadata == {"p": {"a": 1, "b": 1}, "q": {"x": 1}}

        results.append(
            EmbeddingModelV4Result(
                embeddings=DUMMY_EMBEDDINGS[:2], warnings=[], provider_metadata={"p": {"a": 2}}
            )
        )
        results.append(
            EmbeddingModelV4Result(
                embeddings=DUMMY_EMBEDDINGS[2:],
                warnings=[],
                provider_metadata={"p": {"b": 3, "c": 3}, "r": {"y": 2}},
            )
        )
        model = MockEmbeddingModelV4(max_embeddings_per_call=2, do_embed=results[2:])
        second = await embed_many(model=model, values=TEST_VALUES)
        assert second.provider_metadata == {"p": {"a": 2, "b": 3, "c": 3}, "r": {"y": 2}}

    async def test_warnings_are_gathered_over_the_calls_and_logged(
        self, caplog: pytest.LogCaptureFixture
    ) -> None:
        caplog.set_level(logging.WARNING, logger="ai_sdk")
        warning1: SharedV4Warning = SharedV4OtherWarning(message="Warning from call 1")
        warning2: SharedV4Warning = SharedV4UnsupportedWarning(feature="dimensions")
        results = [
            EmbeddingModelV4Result(embeddings=DUMMY_EMBEDDINGS[:2], warnings=[warning1]),
            EmbeddingModelV4Result(embeddings=DUMMY_EMBEDDINGS[2:], warnings=[warning2]),
        ]
        model = MockEmbeddingModelV4(max_embeddings_per_call=2, do_embed=results)

        result = await embed_many(model=model, values=TEST_VALUES)

        assert result.warnings == [warning1, warning2]
        assert len(caplog.records) == 2
        assert "Warning from call 1" in caplog.records[0].getMessage()

    async def test_a_failing_call_raises_its_error(self, monkeypatch: pytest.MonkeyPatch) -> None:
        async def no_sleep(seconds: float) -> None:
            pass

        monkeypatch.setattr(_retry, "retry_sleep", no_sleep)

        def do_embed(options: EmbeddingModelV4CallOptions) -> EmbeddingModelV4Result:
            if options.values == [TEST_VALUES[1]]:
                raise APICallError("bad", url="http://127.0.0.1/e", request_body_values={})
            return EmbeddingModelV4Result(embeddings=embeddings_of(options.values), warnings=[])

        model = MockEmbeddingModelV4(
            max_embeddings_per_call=1, supports_parallel_calls=True, do_embed=do_embed
        )
        with pytest.raises(APICallError, match="bad"):
            await embed_many(model=model, values=TEST_VALUES)


class TestOptions:
    async def test_headers_and_provider_options_reach_every_call(self) -> None:
        model = MockEmbeddingModelV4(max_embeddings_per_call=2, do_embed=by_value())

        await embed_many(
            model=model,
            values=TEST_VALUES,
            headers={"custom-request-header": "request-header-value"},
            provider_options={"aProvider": {"someKey": "someValue"}},
        )

        for call in model.do_embed_calls:
            assert call.headers == {
                "custom-request-header": "request-header-value",
                "user-agent": USER_AGENT,
            }
            assert call.provider_options == {"aProvider": {"someKey": "someValue"}}


class TestCallbacks:
    async def test_events_of_a_chunked_call(self) -> None:
        order: list[str] = []
        starts: list[EmbedStartEvent] = []
        ends: list[EmbedEndEvent] = []

        def do_embed(options: EmbeddingModelV4CallOptions) -> EmbeddingModelV4Result:
            order.append("do_embed")
            tokens = 10 if len(options.values) == 2 else 5
            return EmbeddingModelV4Result(
                embeddings=embeddings_of(options.values),
                usage=EmbeddingModelV4Usage(tokens=tokens),
                warnings=[],
                response=EmbeddingModelV4ResponseInfo(body={"n": len(options.values)}),
            )

        def on_start(event: EmbedStartEvent) -> None:
            order.append("on_start")
            starts.append(event)

        def on_end(event: EmbedEndEvent) -> None:
            order.append("on_end")
            ends.append(event)

        await embed_many(
            model=MockEmbeddingModelV4(max_embeddings_per_call=2, do_embed=do_embed),
            values=TEST_VALUES,
            on_start=on_start,
            on_end=on_end,
        )

        assert order == ["on_start", "do_embed", "do_embed", "on_end"]
        start, end = starts[0], ends[0]
        assert start.operation_id == end.operation_id == "ai.embedMany"
        assert start.call_id == end.call_id
        assert start.value == TEST_VALUES
        assert start.headers == {"user-agent": USER_AGENT}
        assert end.embedding == DUMMY_EMBEDDINGS
        assert end.usage == EmbeddingModelUsage(tokens=15)
        assert end.response == [
            EmbeddingModelV4ResponseInfo(body={"n": 2}),
            EmbeddingModelV4ResponseInfo(body={"n": 1}),
        ]

    async def test_on_end_runs_when_on_start_raises(self) -> None:
        ends: list[EmbedEndEvent] = []

        def fail(event: EmbedStartEvent) -> None:
            raise RuntimeError("callback error")

        result = await embed_many(
            model=MockEmbeddingModelV4(max_embeddings_per_call=5, do_embed=by_value()),
            values=TEST_VALUES,
            on_start=fail,
            on_end=ends.append,
        )

        assert result.embeddings == DUMMY_EMBEDDINGS
        assert len(ends) == 1


def test_embed_many_sync_runs_without_an_event_loop() -> None:
    model = MockEmbeddingModelV4(max_embeddings_per_call=2, do_embed=by_value())

    assert embed_many_sync(model=model, values=TEST_VALUES).embeddings == DUMMY_EMBEDDINGS
