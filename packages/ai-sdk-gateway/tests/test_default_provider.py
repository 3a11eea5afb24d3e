"""The gateway is the default provider of string model ids when installed; a user-set default
wins. Also: gateway tools and routing provider options reach the gateway as sent."""

from __future__ import annotations

import json
from collections.abc import Iterator
from importlib.metadata import entry_points

import httpx
import pytest
import respx

import ai_sdk_gateway
from ai_sdk_core import generate_text, get_default_provider, set_default_provider, stream_text
from ai_sdk_core.testing import MockLanguageModelV4, MockProviderV4

pytestmark = pytest.mark.anyio

DEFAULT_URL = "https://ai-gateway.vercel.sh/v4/ai/language-model"
RESULT = {
    "content": [{"type": "text", "text": "Hello from the gateway."}],
    "finishReason": {"unified": "stop", "raw": "stop"},
    "usage": {"inputTokens": {"total": 3}, "outputTokens": {"total": 5}},
    "providerMetadata": {"gateway": {"generationId": "gen_1"}},
    "warnings": [],
}


@pytest.fixture(autouse=True)
def no_user_default() -> Iterator[None]:
    set_default_provider(None)
    yield
    set_default_provider(None)


@pytest.fixture
def default_gateway(monkeypatch: pytest.MonkeyPatch) -> Iterator[respx.Route]:
    monkeypatch.setenv("AI_GATEWAY_API_KEY", "env-key")
    with respx.mock(assert_all_called=False) as router:
        yield router.post(DEFAULT_URL).mock(return_value=httpx.Response(200, json=RESULT))


def test_the_package_registers_the_default_provider_entry_point() -> None:
    (entry,) = [e for e in entry_points(group="ai_sdk.default_provider") if e.name == "gateway"]
    assert entry.value == "ai_sdk_gateway:gateway"
    assert entry.load() is ai_sdk_gateway.gateway


def test_it_is_the_default_provider() -> None:
    assert get_default_provider() is ai_sdk_gateway.gateway


async def test_generate_text_with_a_model_id(default_gateway: respx.Route) -> None:
    result = await generate_text(
        model="openai/gpt-5",
        prompt="Hi",
        provider_options={"gateway": {"order": ["azure", "openai"], "models": ["openai/gpt-4.1"]}},
    )

    assert result.text == "Hello from the gateway."
    request = default_gateway.calls.last.request
    assert request.headers["authorization"] == "Bearer env-key"
    assert request.headers["ai-language-model-id"] == "openai/gpt-5"
    body = json.loads(request.content)
    assert body["prompt"] == [{"role": "user", "content": [{"type": "text", "text": "Hi"}]}]
    # routing options travel untouched inside the call options
    assert body["providerOptions"] == {
        "gateway": {"order": ["azure", "openai"], "models": ["openai/gpt-4.1"]}
    }
    assert result.provider_metadata == {"gateway": {"generationId": "gen_1"}}


async def test_stream_text_with_a_model_id(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("AI_GATEWAY_API_KEY", "env-key")
    events = [
        {"type": "stream-start", "warnings": []},
        {"type": "text-start", "id": "0"},
        {"type": "text-delta", "id": "0", "delta": "Hi!"},
        {"type": "text-end", "id": "0"},
        {
            "type": "finish",
            "finishReason": {"unified": "stop"},
            "usage": {"inputTokens": {}, "outputTokens": {}},
        },
    ]
    content = "".join(f"data: {json.dumps(event)}\n\n" for event in events).encode()
    with respx.mock() as router:
        route = router.post(DEFAULT_URL).mock(
            return_value=httpx.Response(
                200, headers={"content-type": "text/event-stream"}, content=content
            )
        )
        result = stream_text(model="anthropic/claude-sonnet-4", prompt="Hi")
        assert await result.text == "Hi!"
    assert route.calls.last.request.headers["ai-language-model-streaming"] == "true"


async def test_a_user_set_default_wins(default_gateway: respx.Route) -> None:
    model = MockLanguageModelV4(do_generate=[])
    set_default_provider(MockProviderV4(language_models={"openai/gpt-5": model}))
    assert get_default_provider() is not ai_sdk_gateway.gateway
    with pytest.raises(Exception):  # noqa: B017, PT011 - the mock has no answer left
        await generate_text(model="openai/gpt-5", prompt="Hi", max_retries=0)
    assert len(model.do_generate_calls) == 1
    assert not default_gateway.calls


async def test_gateway_tools_are_sent_as_provider_tools(default_gateway: respx.Route) -> None:
    await generate_text(
        model="openai/gpt-5",
        prompt="Search",
        tools={
            "web": ai_sdk_gateway.gateway.tools.exa_search(
                num_results=3, contents={"text": {"max_characters": 500}}
            ),
            "tako": ai_sdk_gateway.gateway.tools.tako_search(
                sources={"data": {"include_contents": True}},
                extra_body={"some_field": {"snake_key": 1}},
            ),
        },
    )
    tools = json.loads(default_gateway.calls.last.request.content)["tools"]
    assert tools == [
        {
            "type": "provider",
            "id": "gateway.exa_search",
            "name": "web",
            "args": {"numResults": 3, "contents": {"text": {"maxCharacters": 500}}},
        },
        {
            "type": "provider",
            "id": "gateway.tako_search",
            "name": "tako",
            "args": {
                "sources": {"data": {"includeContents": True}},
                "extraBody": {"some_field": {"snake_key": 1}},
            },
        },
    ]
