"""Gateway errors: the mapping from error bodies, messages, retryability, timeouts, and how the
core retry loop treats them."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from ai_sdk_core.errors import AISDKError, APICallError, RetryError
from ai_sdk_core.provider import LanguageModelV4CallOptions, LanguageModelV4UserMessage
from ai_sdk_core.provider_utils import retry_with_exponential_backoff
from ai_sdk_core.wire import error_to_wire
from ai_sdk_gateway import (
    GatewayAuthenticationError,
    GatewayError,
    GatewayFailedDependencyError,
    GatewayForbiddenError,
    GatewayInternalServerError,
    GatewayInvalidRequestError,
    GatewayModelNotFoundError,
    GatewayNotFoundError,
    GatewayProvider,
    GatewayRateLimitError,
    GatewayResponseError,
    GatewayTimeoutError,
    create_gateway,
)
from ai_sdk_gateway._errors import as_gateway_error, create_gateway_error_from_response

from .conftest import BASE_URL, FakeGateway

pytestmark = pytest.mark.anyio


def body(error_type: str | None, message: str = "m", **extra: Any) -> dict[str, Any]:
    return {"error": {"message": message, "type": error_type, **extra}}


@pytest.mark.parametrize(
    ("error_type", "cls", "status", "retryable"),
    [
        ("invalid_request_error", GatewayInvalidRequestError, 400, False),
        ("rate_limit_exceeded", GatewayRateLimitError, 429, True),
        ("model_not_found", GatewayModelNotFoundError, 404, False),
        ("not_found", GatewayNotFoundError, 404, False),
        ("internal_server_error", GatewayInternalServerError, 500, True),
        ("failed_dependency", GatewayFailedDependencyError, 424, False),
        ("forbidden", GatewayForbiddenError, 403, False),
        ("something_new", GatewayInternalServerError, 502, True),
        (None, GatewayInternalServerError, 503, True),
    ],
)
def test_the_error_type_picks_the_class(
    error_type: str | None, cls: type[GatewayError], status: int, retryable: bool
) -> None:
    error = create_gateway_error_from_response(
        response=body(error_type, "the message"), status_code=status
    )
    assert type(error) is cls
    assert error.name == cls.__name__
    assert (error.message, error.status_code, error.is_retryable) == (
        "the message",
        status,
        retryable,
    )
    assert isinstance(error, AISDKError)


def test_default_statuses_and_types() -> None:
    assert [
        (cls().status_code, cls.type)
        for cls in (
            GatewayAuthenticationError,
            GatewayInvalidRequestError,
            GatewayRateLimitError,
            GatewayModelNotFoundError,
            GatewayNotFoundError,
            GatewayInternalServerError,
            GatewayFailedDependencyError,
            GatewayForbiddenError,
            GatewayResponseError,
            GatewayTimeoutError,
        )
    ] == [
        (401, "authentication_error"),
        (400, "invalid_request_error"),
        (429, "rate_limit_exceeded"),
        (404, "model_not_found"),
        (404, "not_found"),
        (500, "internal_server_error"),
        (424, "failed_dependency"),
        (403, "forbidden"),
        (502, "response_error"),
        (408, "timeout_error"),
    ]


def test_generation_id_is_appended_to_the_message() -> None:
    error = create_gateway_error_from_response(
        response={**body("rate_limit_exceeded", "Slow down"), "generationId": "gen_1"},
        status_code=429,
    )
    assert error.message == "Slow down [gen_1]"
    assert str(error) == "Slow down [gen_1]"
    assert error.generation_id == "gen_1"
    assert error_to_wire(error)["generationId"] == "gen_1"


def test_model_id_and_rule_id_from_param() -> None:
    not_found = create_gateway_error_from_response(
        response=body("model_not_found", param={"modelId": "x/y"}), status_code=404
    )
    assert isinstance(not_found, GatewayModelNotFoundError)
    assert not_found.model_id == "x/y"
    assert error_to_wire(not_found)["modelId"] == "x/y"
    forbidden = create_gateway_error_from_response(
        response=body("forbidden", param={"ruleId": "rule_1"}), status_code=403
    )
    assert isinstance(forbidden, GatewayForbiddenError)
    assert forbidden.rule_id == "rule_1"
    odd = create_gateway_error_from_response(
        response=body("model_not_found", param={"modelId": 3}), status_code=404
    )
    assert isinstance(odd, GatewayModelNotFoundError)
    assert odd.model_id is None


@pytest.mark.parametrize(
    ("auth_method", "text"),
    [
        ("api-key", "Invalid API key or token."),
        ("oidc", "Invalid OIDC token."),
        (None, "No authentication provided."),
    ],
)
def test_authentication_messages_depend_on_the_auth_method(auth_method: Any, text: str) -> None:
    error = create_gateway_error_from_response(
        response=body("authentication_error", "server text"),
        status_code=401,
        auth_method=auth_method,
    )
    assert isinstance(error, GatewayAuthenticationError)
    assert error.message.startswith(f"AI Gateway authentication failed: {text}")
    assert "server text" not in error.message


@pytest.mark.parametrize(
    "response",
    [
        "plain text",
        {},
        {"error": "no object"},
        {"error": {"type": "x"}},
        {"error": {"message": "m", "code": True}},
        {"error": {"message": "m"}, "generationId": 5},
    ],
)
def test_malformed_bodies_are_response_errors(response: object) -> None:
    error = create_gateway_error_from_response(
        response=response, status_code=500, default_message="Gateway request failed"
    )
    assert isinstance(error, GatewayResponseError)
    assert error.message == "Invalid error response format: Gateway request failed"
    assert error.response == response
    assert error.validation_error is not None
    assert error.is_retryable is True  # by status


def test_a_response_error_keeps_a_raw_generation_id() -> None:
    error = create_gateway_error_from_response(response={"generationId": "gen_2"}, status_code=502)
    assert isinstance(error, GatewayResponseError)
    assert error.generation_id == "gen_2"
    assert error.message.endswith(" [gen_2]")


class TestAsGatewayError:
    def api_call_error(self, **kwargs: Any) -> APICallError:
        return APICallError("failed", url="u", request_body_values={}, **kwargs)

    def test_gateway_errors_stay(self) -> None:
        error = GatewayRateLimitError()
        assert as_gateway_error(error) is error

    def test_api_call_errors_are_mapped_by_their_data(self) -> None:
        cause = self.api_call_error(status_code=429, data=body("rate_limit_exceeded", "slow"))
        error = as_gateway_error(cause, "api-key")
        assert isinstance(error, GatewayRateLimitError)
        assert error.cause is cause
        assert error.__cause__ is cause

    def test_else_by_their_body_text(self) -> None:
        error = as_gateway_error(
            self.api_call_error(
                status_code=403, response_body='{"error":{"message":"x","type":"forbidden"}}'
            )
        )
        assert isinstance(error, GatewayForbiddenError)
        text = as_gateway_error(self.api_call_error(status_code=502, response_body="<html>"))
        assert isinstance(text, GatewayResponseError)
        assert text.response == "<html>"
        assert text.status_code == 502

    def test_network_failures_stay_retryable(self) -> None:
        cause = self.api_call_error(is_retryable=True, cause=httpx.ConnectError("refused"))
        error = as_gateway_error(cause)
        assert isinstance(error, GatewayResponseError)
        assert (error.status_code, error.is_retryable) == (500, True)

    def test_an_http_error_is_judged_by_its_status(self) -> None:
        error = as_gateway_error(self.api_call_error(status_code=400, is_retryable=True))
        assert error.is_retryable is False

    @pytest.mark.parametrize(
        "timeout",
        [httpx.ReadTimeout("read"), httpx.ConnectTimeout("connect"), httpx.PoolTimeout("pool")],
    )
    def test_timeouts(self, timeout: httpx.TimeoutException) -> None:
        wrapped = self.api_call_error(is_retryable=True, cause=timeout)
        for error in (as_gateway_error(wrapped), as_gateway_error(timeout)):
            assert isinstance(error, GatewayTimeoutError)
            assert error.status_code == 408
            assert error.is_retryable is True
            assert error.message.startswith("Gateway request timed out: ")
            assert "client-side timeout" in error.message

    def test_other_exceptions(self) -> None:
        error = as_gateway_error(ValueError("boom"))
        assert isinstance(error, GatewayResponseError)
        assert error.message == "Invalid error response format: Gateway request failed: boom"
        assert error.status_code == 500
        assert error.response == {}


async def test_a_client_timeout_through_the_model(provider: GatewayProvider) -> None:
    import respx

    with respx.mock() as router:
        router.post(f"{BASE_URL}/language-model").mock(side_effect=httpx.ReadTimeout("slow"))
        with pytest.raises(GatewayTimeoutError):
            await provider("a/b").do_generate(
                LanguageModelV4CallOptions(prompt=[LanguageModelV4UserMessage(content=[])])
            )


class TestCoreRetries:
    async def test_retryable_gateway_errors_are_retried_with_the_retry_after_header(
        self, fake: FakeGateway, provider: GatewayProvider
    ) -> None:
        fake.json(
            "/v4/ai/embedding-model",
            body("rate_limit_exceeded", "slow"),
            status=429,
            headers={"retry-after-ms": "5"},
        )
        delays: list[float] = []

        async def sleep(seconds: float) -> None:
            delays.append(seconds)

        from ai_sdk_core.provider import EmbeddingModelV4CallOptions

        model = provider.embedding_model("a/b")
        with pytest.raises(RetryError) as raised:
            await retry_with_exponential_backoff(
                lambda: model.do_embed(EmbeddingModelV4CallOptions(values=["x"])),
                max_retries=2,
                sleep=sleep,
            )
        assert raised.value.reason == "maxRetriesExceeded"
        assert [type(error) for error in raised.value.errors] == [GatewayRateLimitError] * 3
        assert delays == [0.005, 0.005]

    async def test_other_gateway_errors_are_not(self, fake: FakeGateway) -> None:
        fake.json("/v4/ai/embedding-model", body("invalid_request_error"), status=400)
        model = create_gateway(api_key="k", base_url=BASE_URL).embedding_model("a/b")
        from ai_sdk_core.provider import EmbeddingModelV4CallOptions

        calls = 0

        async def call() -> object:
            nonlocal calls
            calls += 1
            return await model.do_embed(EmbeddingModelV4CallOptions(values=["x"]))

        with pytest.raises(GatewayInvalidRequestError):
            await retry_with_exponential_backoff(call, max_retries=2)
        assert calls == 1
