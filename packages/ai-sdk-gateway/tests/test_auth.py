"""Credentials per request (argument, AI_GATEWAY_API_KEY, Vercel OIDC) and the headers every
request carries."""

from __future__ import annotations

import pytest

from ai_sdk_core.errors import LoadAPIKeyError
from ai_sdk_core.provider import (
    LanguageModelV4CallOptions,
    LanguageModelV4TextPart,
    LanguageModelV4UserMessage,
)
from ai_sdk_gateway import (
    GatewayAuthenticationError,
    GatewayProvider,
    create_gateway,
    vercel_request_context,
)
from ai_sdk_gateway._auth import get_gateway_auth_token
from ai_sdk_gateway._vercel_environment import VercelOidcTokenError

from .conftest import BASE_URL, FakeGateway

pytestmark = pytest.mark.anyio

GENERATE_RESULT = {
    "content": [{"type": "text", "text": "Hi"}],
    "finishReason": {"unified": "stop"},
    "usage": {"inputTokens": {}, "outputTokens": {}},
    "warnings": [],
}
OPTIONS = LanguageModelV4CallOptions(
    prompt=[LanguageModelV4UserMessage(content=[LanguageModelV4TextPart(text="Hello")])]
)


async def sent_headers(fake: FakeGateway, provider: GatewayProvider) -> dict[str, str]:
    route = fake.json("/v4/ai/language-model", GENERATE_RESULT)
    await provider("openai/gpt-5").do_generate(OPTIONS)
    return dict(route.calls.last.request.headers)


class TestCredentialPrecedence:
    async def test_the_argument_wins_over_the_environment(
        self, monkeypatch: pytest.MonkeyPatch, fake: FakeGateway
    ) -> None:
        monkeypatch.setenv("AI_GATEWAY_API_KEY", "env-key")
        monkeypatch.setenv("VERCEL_OIDC_TOKEN", "oidc-token")
        headers = await sent_headers(fake, create_gateway(api_key="arg-key", base_url=BASE_URL))
        assert headers["authorization"] == "Bearer arg-key"
        assert headers["ai-gateway-auth-method"] == "api-key"

    async def test_the_environment_key_wins_over_oidc(
        self, monkeypatch: pytest.MonkeyPatch, fake: FakeGateway
    ) -> None:
        monkeypatch.setenv("AI_GATEWAY_API_KEY", "env-key")
        monkeypatch.setenv("VERCEL_OIDC_TOKEN", "oidc-token")
        headers = await sent_headers(fake, create_gateway(base_url=BASE_URL))
        assert headers["authorization"] == "Bearer env-key"
        assert headers["ai-gateway-auth-method"] == "api-key"

    async def test_an_empty_environment_key_falls_through_to_oidc(
        self, monkeypatch: pytest.MonkeyPatch, fake: FakeGateway
    ) -> None:
        monkeypatch.setenv("AI_GATEWAY_API_KEY", "")
        monkeypatch.setenv("VERCEL_OIDC_TOKEN", "oidc-token")
        headers = await sent_headers(fake, create_gateway(base_url=BASE_URL))
        assert headers["authorization"] == "Bearer oidc-token"
        assert headers["ai-gateway-auth-method"] == "oidc"

    async def test_an_empty_key_argument_skips_the_environment_key(
        self, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        monkeypatch.setenv("AI_GATEWAY_API_KEY", "env-key")
        monkeypatch.setenv("VERCEL_OIDC_TOKEN", "oidc-token")
        auth = await get_gateway_auth_token("")
        assert (auth.token, auth.auth_method) == ("oidc-token", "oidc")

    async def test_a_whitespace_key_is_still_a_key(self, monkeypatch: pytest.MonkeyPatch) -> None:
        monkeypatch.setenv("AI_GATEWAY_API_KEY", "\t ")
        auth = await get_gateway_auth_token(None)
        assert (auth.token, auth.auth_method) == ("\t ", "api-key")

    async def test_the_credential_is_read_per_request(
        self, monkeypatch: pytest.MonkeyPatch, fake: FakeGateway
    ) -> None:
        provider = create_gateway(base_url=BASE_URL)
        model = provider("openai/gpt-5")  # created before the key is set
        route = fake.json("/v4/ai/language-model", GENERATE_RESULT)
        monkeypatch.setenv("AI_GATEWAY_API_KEY", "first")
        await model.do_generate(OPTIONS)
        monkeypatch.setenv("AI_GATEWAY_API_KEY", "second")
        await model.do_generate(OPTIONS)
        assert [call.request.headers["authorization"] for call in route.calls] == [
            "Bearer first",
            "Bearer second",
        ]

    async def test_no_credential_is_a_contextual_error_before_any_request(
        self, fake: FakeGateway
    ) -> None:
        route = fake.json("/v4/ai/language-model", GENERATE_RESULT)
        with pytest.raises(GatewayAuthenticationError) as raised:
            await create_gateway(base_url=BASE_URL)("openai/gpt-5").do_generate(OPTIONS)
        error = raised.value
        assert "No authentication provided" in error.message
        assert error.status_code == 401
        assert error.is_retryable is False
        assert isinstance(error.cause, VercelOidcTokenError)
        assert "x-vercel-oidc-token" in str(error.cause)
        assert not route.calls

    async def test_no_credential_also_fails_the_gateway_queries(self, fake: FakeGateway) -> None:
        with pytest.raises(GatewayAuthenticationError, match="No authentication provided"):
            await create_gateway(base_url=BASE_URL).get_credits()


class TestCallableApiKey:
    async def test_a_function_is_called_for_every_request(self, fake: FakeGateway) -> None:
        keys = iter(["one", "two"])
        provider = create_gateway(api_key=lambda: next(keys), base_url=BASE_URL)
        route = fake.json("/v4/ai/language-model", GENERATE_RESULT)
        model = provider("openai/gpt-5")
        await model.do_generate(OPTIONS)
        await model.do_generate(OPTIONS)
        assert [call.request.headers["authorization"] for call in route.calls] == [
            "Bearer one",
            "Bearer two",
        ]

    async def test_an_async_function_is_awaited(self) -> None:
        async def key() -> str:
            return "async-key"

        auth = await get_gateway_auth_token(key)
        assert (auth.token, auth.auth_method) == ("async-key", "api-key")

    @pytest.mark.parametrize("value", ["", "   ", None, 42])
    async def test_a_function_must_return_a_non_empty_string(
        self, monkeypatch: pytest.MonkeyPatch, value: object
    ) -> None:
        monkeypatch.setenv("AI_GATEWAY_API_KEY", "env-key")  # not used instead
        with pytest.raises(LoadAPIKeyError, match="non-empty string"):
            await get_gateway_auth_token(lambda: value)  # type: ignore[arg-type, return-value]

    async def test_through_the_provider_it_is_an_authentication_error(self) -> None:
        provider = create_gateway(api_key=lambda: "", base_url=BASE_URL)
        with pytest.raises(GatewayAuthenticationError) as raised:
            await provider("openai/gpt-5").do_generate(OPTIONS)
        assert isinstance(raised.value.cause, LoadAPIKeyError)


class TestVercelRequestContext:
    async def test_the_request_oidc_token_wins_over_the_environment(
        self, monkeypatch: pytest.MonkeyPatch, fake: FakeGateway
    ) -> None:
        monkeypatch.setenv("VERCEL_OIDC_TOKEN", "env-token")
        provider = create_gateway(base_url=BASE_URL)
        with vercel_request_context({"X-Vercel-OIDC-Token": "request-token"}):
            headers = await sent_headers(fake, provider)
        assert headers["authorization"] == "Bearer request-token"
        assert headers["ai-gateway-auth-method"] == "oidc"

    async def test_the_context_ends_with_the_block(self, monkeypatch: pytest.MonkeyPatch) -> None:
        monkeypatch.setenv("VERCEL_OIDC_TOKEN", "env-token")
        with vercel_request_context({"x-vercel-oidc-token": "request-token"}):
            pass
        assert (await get_gateway_auth_token(None)).token == "env-token"


class TestHeaders:
    async def test_every_request_carries_the_protocol_headers(
        self, fake: FakeGateway, provider: GatewayProvider
    ) -> None:
        headers = await sent_headers(fake, provider)
        assert headers["ai-gateway-protocol-version"] == "0.0.1"
        assert headers["user-agent"].startswith("ai-sdk-gateway/")
        assert " ai-sdk-provider-utils/" in headers["user-agent"]
        assert "x-vercel-ai-gateway-team" not in headers

    async def test_team_header(self, fake: FakeGateway) -> None:
        provider = create_gateway(api_key="k", base_url=BASE_URL, team_id_or_slug="my team/a&b")
        headers = await sent_headers(fake, provider)
        assert headers["x-vercel-ai-gateway-team"] == "my team/a&b"

    async def test_the_headers_setting_may_override_the_auth_headers(
        self, fake: FakeGateway
    ) -> None:
        provider = create_gateway(
            api_key="k",
            base_url=BASE_URL,
            headers={"Authorization": "Bearer custom", "X-Custom": "1"},
        )
        headers = await sent_headers(fake, provider)
        assert headers["authorization"] == "Bearer custom"
        assert headers["x-custom"] == "1"

    async def test_call_headers_override_the_provider_headers(
        self, fake: FakeGateway, provider: GatewayProvider
    ) -> None:
        route = fake.json("/v4/ai/language-model", GENERATE_RESULT)
        options = LanguageModelV4CallOptions(prompt=OPTIONS.prompt, headers={"X-Trace": "t1"})
        await provider("openai/gpt-5").do_generate(options)
        request = route.calls.last.request
        assert request.headers["x-trace"] == "t1"
        # and they are part of the forwarded call options
        assert FakeGateway.body(route)["headers"] == {"X-Trace": "t1"}

    def test_the_token_is_not_in_reprs(self) -> None:
        provider = create_gateway(api_key="secret-key")
        assert "secret-key" not in repr(provider)
        assert "secret-key" not in repr(provider("openai/gpt-5"))


class TestO11yHeaders:
    async def test_vercel_environment_and_request_id(
        self, monkeypatch: pytest.MonkeyPatch, fake: FakeGateway, provider: GatewayProvider
    ) -> None:
        monkeypatch.setenv("VERCEL_DEPLOYMENT_ID", "dpl_1")
        monkeypatch.setenv("VERCEL_ENV", "production")
        monkeypatch.setenv("VERCEL_REGION", "iad1")
        monkeypatch.setenv("VERCEL_PROJECT_ID", "prj_1")
        with vercel_request_context({"x-vercel-id": "iad1::abc"}):
            headers = await sent_headers(fake, provider)
        assert {name: value for name, value in headers.items() if name.startswith("ai-o11y-")} == {
            "ai-o11y-deployment-id": "dpl_1",
            "ai-o11y-environment": "production",
            "ai-o11y-region": "iad1",
            "ai-o11y-request-id": "iad1::abc",
            "ai-o11y-project-id": "prj_1",
        }

    async def test_unset_and_empty_values_are_left_out(
        self, monkeypatch: pytest.MonkeyPatch, fake: FakeGateway, provider: GatewayProvider
    ) -> None:
        monkeypatch.setenv("VERCEL_ENV", "")
        monkeypatch.setenv("VERCEL_REGION", "fra1")
        headers = await sent_headers(fake, provider)
        assert [name for name in headers if name.startswith("ai-o11y-")] == ["ai-o11y-region"]

    async def test_the_environment_is_read_when_the_model_is_created(
        self, monkeypatch: pytest.MonkeyPatch, fake: FakeGateway, provider: GatewayProvider
    ) -> None:
        monkeypatch.setenv("VERCEL_REGION", "fra1")
        model = provider("openai/gpt-5")
        monkeypatch.setenv("VERCEL_REGION", "sfo1")
        route = fake.json("/v4/ai/language-model", GENERATE_RESULT)
        await model.do_generate(OPTIONS)
        assert route.calls.last.request.headers["ai-o11y-region"] == "fra1"

    async def test_gateway_queries_do_not_send_them(
        self, monkeypatch: pytest.MonkeyPatch, fake: FakeGateway, provider: GatewayProvider
    ) -> None:
        monkeypatch.setenv("VERCEL_REGION", "fra1")
        route = fake.json("/v1/credits", {"balance": "1", "total_used": "0"})
        await provider.get_credits()
        assert "ai-o11y-region" not in route.calls.last.request.headers
