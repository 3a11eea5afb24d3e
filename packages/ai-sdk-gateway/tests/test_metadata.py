"""The model catalog (with its stale-while-revalidate cache), credits, spend reports and
generation info."""

from __future__ import annotations

import asyncio
from typing import Any

import anyio
import pytest

from ai_sdk_core.wire import from_wire, to_wire
from ai_sdk_gateway import (
    GatewayFetchMetadataResponse,
    GatewayGenerationInfo,
    GatewayInternalServerError,
    GatewayLanguageModelEntry,
    GatewayProvider,
    GatewayResponseError,
    GatewaySpendReportResponse,
    create_gateway,
)
from ai_sdk_gateway._spend_report import spend_report_query

from .conftest import BASE_URL, FakeClock, FakeGateway

pytestmark = pytest.mark.anyio


def model(model_id: str, **extra: Any) -> dict[str, Any]:
    provider, _, name = model_id.partition("/")
    return {
        "id": model_id,
        "name": name,
        "specification": {"specificationVersion": "v4", "provider": provider, "modelId": name},
        **extra,
    }


def catalog(*ids: str) -> dict[str, Any]:
    return {"models": [model(model_id) for model_id in ids]}


class TestAvailableModels:
    async def test_entries(self, fake: FakeGateway, provider: GatewayProvider) -> None:
        route = fake.json(
            "/v4/ai/config",
            {
                "models": [
                    model(
                        "openai/gpt-5",
                        description="Flagship",
                        pricing={
                            "input": "0.00000125",
                            "output": "0.00001",
                            "input_cache_read": "0.000000125",
                            "input_cache_write": "",
                            "extra": "dropped",
                        },
                        modelType="language",
                        unknownKey=1,
                    ),
                    model("xai/grok", description=None, pricing=None, modelType=None),
                    model("future/thing", modelType="hologram"),
                ]
            },
        )

        result = await provider.get_available_models()

        assert route.calls.last.request.method == "GET"
        assert str(route.calls.last.request.url) == f"{BASE_URL}/config"
        first, second = result.models
        assert first.id == "openai/gpt-5"
        assert first.description == "Flagship"
        assert first.model_type == "language"
        assert first.specification.model_id == "gpt-5"
        assert first.pricing is not None
        assert first.pricing.cached_input_tokens == "0.000000125"
        assert first.pricing.cache_creation_input_tokens is None  # empty: left out
        assert (second.description, second.pricing, second.model_type) == (None, None, None)
        # the TS JSON form keeps explicit nulls and leaves out what was not sent
        assert to_wire(result) == {
            "models": [
                {
                    "id": "openai/gpt-5",
                    "name": "gpt-5",
                    "description": "Flagship",
                    "pricing": {
                        "input": "0.00000125",
                        "output": "0.00001",
                        "cachedInputTokens": "0.000000125",
                    },
                    "modelType": "language",
                    "specification": {
                        "specificationVersion": "v4",
                        "provider": "openai",
                        "modelId": "gpt-5",
                    },
                },
                {
                    "id": "xai/grok",
                    "name": "grok",
                    "description": None,
                    "pricing": None,
                    "modelType": None,
                    "specification": {
                        "specificationVersion": "v4",
                        "provider": "xai",
                        "modelId": "grok",
                    },
                },
            ]
        }

    def test_the_wire_form_round_trips(self) -> None:
        wire = {
            "models": [
                {
                    "id": "a/b",
                    "name": "b",
                    "description": None,
                    "specification": {
                        "specificationVersion": "v4",
                        "provider": "a",
                        "modelId": "b",
                    },
                },
                {
                    "id": "a/c",
                    "name": "c",
                    "specification": {
                        "specificationVersion": "v4",
                        "provider": "a",
                        "modelId": "c",
                    },
                    "modelType": "embedding",
                },
            ]
        }
        decoded = from_wire(GatewayFetchMetadataResponse, wire)
        assert isinstance(decoded.models[0], GatewayLanguageModelEntry)
        assert decoded.models[0].null_fields == {"description"}
        assert to_wire(decoded) == wire

    async def test_an_unknown_spec_version_is_an_invalid_response(
        self, fake: FakeGateway, provider: GatewayProvider
    ) -> None:
        bad = model("a/b")
        bad["specification"]["specificationVersion"] = "v3"
        fake.json("/v4/ai/config", {"models": [bad]})
        with pytest.raises(GatewayResponseError) as raised:
            await provider.get_available_models()
        assert raised.value.status_code == 200
        assert raised.value.is_retryable is False

    async def test_errors_become_gateway_errors_knowing_the_auth_method(
        self, fake: FakeGateway, provider: GatewayProvider
    ) -> None:
        fake.json(
            "/v4/ai/config",
            {"error": {"message": "bad key", "type": "authentication_error"}},
            status=401,
        )
        with pytest.raises(Exception, match="Invalid API key or token"):
            await provider.get_available_models()


class TestMetadataCache:
    async def test_cached_for_the_refresh_interval(
        self, fake: FakeGateway, clock: FakeClock
    ) -> None:
        provider = create_gateway(
            api_key="k", base_url=BASE_URL, metadata_cache_refresh_millis=10_000, clock=clock
        )
        route = fake.json("/v4/ai/config", catalog("a/one"))
        first = await provider.get_available_models()
        clock.advance(10)  # exactly the interval: still fresh
        assert await provider.get_available_models() is first
        assert route.call_count == 1

    async def test_stale_answers_come_at_once_while_refreshing(
        self, fake: FakeGateway, clock: FakeClock
    ) -> None:
        provider = create_gateway(
            api_key="k", base_url=BASE_URL, metadata_cache_refresh_millis=10_000, clock=clock
        )
        route = fake.json("/v4/ai/config", catalog("a/one"))
        first = await provider.get_available_models()

        fake.json("/v4/ai/config", catalog("a/two"))
        clock.advance(10.001)
        stale = await provider.get_available_models()
        assert stale is first  # the old answer, without waiting
        await anyio.wait_all_tasks_blocked()  # the refresh runs in the background
        refreshed = await provider.get_available_models()
        assert [entry.id for entry in refreshed.models] == ["a/two"]
        assert route.call_count == 2  # one refresh (respx keeps one route per pattern)

    async def test_the_default_interval_is_five_minutes(
        self, fake: FakeGateway, clock: FakeClock, provider: GatewayProvider
    ) -> None:
        route = fake.json("/v4/ai/config", catalog("a/one"))
        await provider.get_available_models()
        clock.advance(300)
        await provider.get_available_models()
        assert route.call_count == 1
        clock.advance(0.01)
        await provider.get_available_models()
        await anyio.wait_all_tasks_blocked()
        assert route.call_count == 2

    async def test_concurrent_first_calls_share_one_request(
        self, fake: FakeGateway, provider: GatewayProvider
    ) -> None:
        route = fake.json("/v4/ai/config", catalog("a/one"))
        results = await asyncio.gather(*(provider.get_available_models() for _ in range(3)))
        assert route.call_count == 1
        assert results[0] is results[1] is results[2]

    async def test_a_failure_is_remembered_until_the_interval_passes(
        self, fake: FakeGateway, clock: FakeClock, provider: GatewayProvider
    ) -> None:
        failing = fake.json(
            "/v4/ai/config", {"error": {"message": "down", "type": None}}, status=503
        )
        with pytest.raises(GatewayInternalServerError):
            await provider.get_available_models()
        with pytest.raises(GatewayInternalServerError):
            await provider.get_available_models()
        assert failing.call_count == 1

        fake.json("/v4/ai/config", catalog("a/one"))
        clock.advance(301)
        result = await provider.get_available_models()
        assert [entry.id for entry in result.models] == ["a/one"]

    async def test_each_provider_has_its_own_cache(self, fake: FakeGateway) -> None:
        route = fake.json("/v4/ai/config", catalog("a/one"))
        await create_gateway(api_key="k", base_url=BASE_URL).get_available_models()
        await create_gateway(api_key="k", base_url=BASE_URL).get_available_models()
        assert route.call_count == 2

    def test_sync_twin_and_a_new_event_loop(self, fake: FakeGateway, clock: FakeClock) -> None:
        provider = create_gateway(api_key="k", base_url=BASE_URL, clock=clock)
        fake.json("/v4/ai/config", catalog("a/one"))
        assert [entry.id for entry in provider.get_available_models_sync().models] == ["a/one"]
        # a pending request of another (finished) event loop is not awaited
        clock.advance(1000)
        fake.json("/v4/ai/config", catalog("a/two"))
        result = asyncio.run(provider.get_available_models())
        assert [entry.id for entry in result.models] == ["a/one"]  # stale, refresh started


class TestCredits:
    async def test_read_from_the_origin(self, fake: FakeGateway) -> None:
        provider = create_gateway(api_key="k", base_url=f"{fake.origin}:443/some/prefix/")
        route = fake.json("/v1/credits", {"balance": "95.50", "total_used": "4.50"})
        credits = await provider.get_credits()
        assert str(route.calls.last.request.url) == f"{fake.origin}/v1/credits"
        assert (credits.balance, credits.total_used) == ("95.50", "4.50")
        assert to_wire(credits) == {"balance": "95.50", "totalUsed": "4.50"}

    @pytest.mark.parametrize(
        ("team", "query"),
        [("team_abc", "teamId=team_abc"), ("my-team", "slug=my-team"), ("  ", None)],
    )
    async def test_the_team_goes_in_the_query(
        self, fake: FakeGateway, team: str, query: str | None
    ) -> None:
        provider = create_gateway(api_key="k", base_url=BASE_URL, team_id_or_slug=team)
        route = fake.json("/v1/credits", {"balance": "1", "total_used": "0"})
        await provider.get_credits()
        assert route.calls.last.request.url.query.decode() == (query or "")

    async def test_errors(self, fake: FakeGateway, provider: GatewayProvider) -> None:
        fake.json("/v1/credits", {"error": {"message": "nope", "type": "forbidden"}}, status=403)
        with pytest.raises(Exception, match="nope") as raised:
            await provider.get_credits()
        assert type(raised.value).__name__ == "GatewayForbiddenError"


class TestSpendReport:
    def test_query_with_every_parameter(self) -> None:
        assert spend_report_query(
            start_date="2026-01-01",
            end_date="2026-01-31",
            group_by="model",
            date_part="hour",
            user_id="user 1&2",
            model="anthropic/claude-sonnet-4.5",
            provider="anthropic",
            credential_type="byok",
            tags=["prod", "team~a*"],
        ) == (
            "start_date=2026-01-01&end_date=2026-01-31&group_by=model&date_part=hour"
            "&user_id=user+1%262&model=anthropic%2Fclaude-sonnet-4.5&provider=anthropic"
            "&credential_type=byok&tags=prod%2Cteam%7Ea*"
        )

    def test_query_leaves_out_empty_filters(self) -> None:
        assert (
            spend_report_query(start_date="2026-01-01", end_date="2026-01-02", tags=[], user_id="")
            == "start_date=2026-01-01&end_date=2026-01-02"
        )

    async def test_report(self, fake: FakeGateway, provider: GatewayProvider) -> None:
        route = fake.json(
            "/v1/report",
            {
                "results": [
                    {
                        "day": "2026-01-01",
                        "total_cost": 1.5,
                        "market_cost": 1.25,
                        "input_tokens": 100,
                        "output_tokens": 20,
                        "cached_input_tokens": 5,
                        "cache_creation_input_tokens": 1,
                        "reasoning_tokens": 3,
                        "request_count": 7,
                    },
                    {"credential_type": "system", "total_cost": 0},
                ]
            },
        )
        report = await provider.get_spend_report(
            start_date="2026-01-01", end_date="2026-01-02", tags=["a", "b"]
        )
        request = route.calls.last.request
        assert request.method == "GET"
        assert str(request.url) == (
            f"{fake.origin}/v1/report?start_date=2026-01-01&end_date=2026-01-02&tags=a%2Cb"
        )
        assert isinstance(report, GatewaySpendReportResponse)
        assert report.results[0].total_cost == 1.5
        assert report.results[0].request_count == 7
        assert report.results[1].credential_type == "system"
        assert to_wire(report) == {
            "results": [
                {
                    "day": "2026-01-01",
                    "totalCost": 1.5,
                    "marketCost": 1.25,
                    "inputTokens": 100,
                    "outputTokens": 20,
                    "cachedInputTokens": 5,
                    "cacheCreationInputTokens": 1,
                    "reasoningTokens": 3,
                    "requestCount": 7,
                },
                {"credentialType": "system", "totalCost": 0},
            ]
        }

    async def test_a_row_without_total_cost_is_invalid(
        self, fake: FakeGateway, provider: GatewayProvider
    ) -> None:
        fake.json("/v1/report", {"results": [{"day": "2026-01-01"}]})
        with pytest.raises(GatewayResponseError):
            await provider.get_spend_report(start_date="2026-01-01", end_date="2026-01-01")


GENERATION = {
    "id": "gen_01/x",
    "total_cost": 0.002,
    "upstream_inference_cost": 0,
    "usage": 0.002,
    "created_at": "2026-01-01T00:00:00.000Z",
    "model": "openai/gpt-5",
    "is_byok": False,
    "provider_name": "openai",
    "streamed": True,
    "finish_reason": "stop",
    "latency": 120,
    "generation_time": 900,
    "native_tokens_prompt": 10,
    "native_tokens_completion": 20,
    "native_tokens_reasoning": 5,
    "native_tokens_cached": 2,
    "native_tokens_cache_creation": 1,
    "billable_web_search_calls": 0,
}


class TestGenerationInfo:
    async def test_info(self, fake: FakeGateway, provider: GatewayProvider) -> None:
        route = fake.json("/v1/generation", {"data": {**GENERATION, "market_cost": 0.0019}})
        info = await provider.get_generation_info("gen_01/x y")
        assert str(route.calls.last.request.url) == (
            f"{fake.origin}/v1/generation?id=gen_01%2Fx%20y"
        )
        assert isinstance(info, GatewayGenerationInfo)
        assert (info.prompt_tokens, info.completion_tokens, info.reasoning_tokens) == (10, 20, 5)
        assert (info.cached_tokens, info.cache_creation_tokens) == (2, 1)
        assert info.is_byok is False
        assert info.market_cost == 0.0019
        assert info.gateway_cost is None
        wire = to_wire(info)
        assert wire["isByok"] is False
        assert wire["promptTokens"] == 10
        assert wire["marketCost"] == 0.0019
        assert "gatewayCost" not in wire
        assert "surchargeCost" not in wire

    async def test_missing_fields_are_invalid(
        self, fake: FakeGateway, provider: GatewayProvider
    ) -> None:
        incomplete = {key: value for key, value in GENERATION.items() if key != "latency"}
        fake.json("/v1/generation", {"data": incomplete})
        with pytest.raises(GatewayResponseError):
            await provider.get_generation_info("gen_1")

    async def test_not_found(self, fake: FakeGateway, provider: GatewayProvider) -> None:
        fake.json(
            "/v1/generation",
            {"error": {"message": "no such generation", "type": "not_found"}},
            status=404,
        )
        with pytest.raises(Exception, match="no such generation") as raised:
            await provider.get_generation_info("gen_1")
        assert type(raised.value).__name__ == "GatewayNotFoundError"
        assert getattr(raised.value, "is_retryable", None) is False
