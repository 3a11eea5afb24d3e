"""The provider: model kinds, settings, the API key (when and where it is read), imports."""

from __future__ import annotations

import subprocess
import sys
import traceback
from typing import Any

import httpx
import pytest
import respx

from ai_sdk_core.errors import APICallError, LoadAPIKeyError, NoSuchModelError
from ai_sdk_core.provider import (
    LanguageModelV4,
    LanguageModelV4CallOptions,
    LanguageModelV4TextPart,
    LanguageModelV4UserMessage,
    ProviderV4,
    TranscriptionModelV4,
    TranscriptionModelV4CallOptions,
)
from ai_sdk_groq import (
    GroqChatLanguageModel,
    GroqProvider,
    GroqTranscriptionModel,
    __version__,
    create_groq,
    groq,
)

PROMPT = [LanguageModelV4UserMessage(content=[LanguageModelV4TextPart(text="Hello")])]
CHAT_RESPONSE = {"choices": [{"index": 0, "message": {"content": "hi"}, "finish_reason": "stop"}]}
SECRET = "gsk_do-not-leak-0123456789"


def test_model_kinds_and_provider_ids() -> None:
    provider = create_groq()

    assert isinstance(provider, ProviderV4)
    assert provider.specification_version == "v4"
    for chat in (provider("m"), provider.language_model("m"), provider.chat("m")):
        assert isinstance(chat, GroqChatLanguageModel)
        assert isinstance(chat, LanguageModelV4)
        assert (chat.provider, chat.model_id, chat.specification_version) == (
            "groq.chat",
            "m",
            "v4",
        )
    for transcription in (provider.transcription("w"), provider.transcription_model("w")):
        assert isinstance(transcription, GroqTranscriptionModel)
        assert isinstance(transcription, TranscriptionModelV4)
        assert (transcription.provider, transcription.model_id) == ("groq.transcription", "w")


@pytest.mark.parametrize(
    ("method", "model_type"),
    [
        ("embedding_model", "embeddingModel"),
        ("text_embedding_model", "embeddingModel"),
        ("image_model", "imageModel"),
    ],
)
def test_no_embedding_or_image_models(method: str, model_type: str) -> None:
    with pytest.raises(NoSuchModelError) as caught:
        getattr(groq, method)("some-model")
    assert (caught.value.model_id, caught.value.model_type) == ("some-model", model_type)


def test_supported_urls_are_http_image_urls() -> None:
    patterns = groq("m").supported_urls["image/*"]
    assert any(pattern.match("https://example.com/a.png") for pattern in patterns)
    assert any(pattern.match("http://example.com/a.png") for pattern in patterns)
    assert not any(pattern.match("ftp://example.com/a.png") for pattern in patterns)


def test_the_default_provider() -> None:
    assert isinstance(groq, GroqProvider)
    assert repr(groq) == "GroqProvider(base_url='https://api.groq.com/openai/v1')"


async def _generate(provider: GroqProvider) -> None:
    await provider("llama-3.3-70b-versatile").do_generate(LanguageModelV4CallOptions(prompt=PROMPT))


@pytest.mark.anyio
async def test_key_from_the_environment_is_read_per_request(
    api: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    api.json(CHAT_RESPONSE)
    provider = create_groq()  # no key anywhere yet: creating the provider does not fail
    model = provider("llama-3.3-70b-versatile")

    monkeypatch.setenv("GROQ_API_KEY", "env-key-1")
    await model.do_generate(LanguageModelV4CallOptions(prompt=PROMPT))
    assert api.request.headers["authorization"] == "Bearer env-key-1"

    monkeypatch.setenv("GROQ_API_KEY", "env-key-2")
    await model.do_generate(LanguageModelV4CallOptions(prompt=PROMPT))
    assert api.request.headers["authorization"] == "Bearer env-key-2"


@pytest.mark.anyio
async def test_the_api_key_setting_wins_over_the_environment(
    api: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    api.json(CHAT_RESPONSE)
    monkeypatch.setenv("GROQ_API_KEY", "env-key")
    await _generate(create_groq(api_key="setting-key"))
    assert api.request.headers["authorization"] == "Bearer setting-key"


@pytest.mark.anyio
async def test_headers_setting_wins_over_the_key(api: Any) -> None:
    api.json(CHAT_RESPONSE)
    await _generate(create_groq(api_key="k", headers={"Authorization": "Bearer other"}))
    assert api.request.headers.get_list("authorization") == ["Bearer other"]


@pytest.mark.anyio
async def test_a_missing_key_fails_the_call_not_the_import(api: Any) -> None:
    model = groq("llama-3.3-70b-versatile")  # the default instance, GROQ_API_KEY unset
    with pytest.raises(LoadAPIKeyError) as caught:
        await model.do_generate(LanguageModelV4CallOptions(prompt=PROMPT))
    assert "GROQ_API_KEY" in str(caught.value)
    assert "'api_key'" in str(caught.value)
    with pytest.raises(LoadAPIKeyError):
        await model.do_stream(LanguageModelV4CallOptions(prompt=PROMPT))
    with pytest.raises(LoadAPIKeyError):
        await groq.transcription("whisper-large-v3").do_generate(
            TranscriptionModelV4CallOptions(audio=b"RIFF", media_type="audio/wav")
        )
    assert not api.route.calls


@pytest.mark.anyio
@pytest.mark.parametrize("key_source", ["setting", "environment"])
async def test_the_key_never_appears_in_errors(
    api: Any, monkeypatch: pytest.MonkeyPatch, key_source: str
) -> None:
    api.json({"error": {"message": "Invalid API Key", "type": "invalid_request_error"}}, status=401)
    if key_source == "environment":
        monkeypatch.setenv("GROQ_API_KEY", SECRET)
        provider = create_groq()
    else:
        provider = create_groq(api_key=SECRET)

    with pytest.raises(APICallError) as caught:
        await _generate(provider)

    assert api.request.headers["authorization"] == f"Bearer {SECRET}"
    error = caught.value
    rendered = "".join(traceback.format_exception(error)) + repr(error) + str(vars(error))
    assert SECRET not in rendered
    assert SECRET not in repr(provider)
    assert SECRET not in repr(provider("m"))


@pytest.mark.anyio
async def test_base_url_and_custom_http_client() -> None:
    calls: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        calls.append(request)
        return httpx.Response(200, json=CHAT_RESPONSE)

    async with httpx.AsyncClient(transport=httpx.MockTransport(handler)) as client:
        provider = create_groq(
            api_key="k", base_url="https://proxy.example/groq/", http_client=client
        )
        await _generate(provider)

    assert str(calls[0].url) == "https://proxy.example/groq/chat/completions"
    assert calls[0].headers["user-agent"].startswith(f"ai-sdk-groq/{__version__} ")


@pytest.mark.anyio
async def test_the_default_url() -> None:
    with respx.mock(assert_all_called=False) as router:
        route = router.post("https://api.groq.com/openai/v1/chat/completions").respond(
            json=CHAT_RESPONSE
        )
        await _generate(create_groq(api_key="k"))
    assert route.called


def test_import_is_cheap() -> None:
    script = (
        "import os, sys\n"
        "os.environ.pop('GROQ_API_KEY', None)\n"
        "import ai_sdk_groq as g\n"
        "g.groq, g.create_groq(), g.groq.tools.browser_search()\n"
        "print(sorted(m for m in sys.modules if m.startswith(('pydantic', 'ai_sdk_groq._'))))"
    )
    loaded = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True
    ).stdout
    assert "pydantic" not in loaded
    assert "_chat_model" not in loaded
    assert "_transcription_model" not in loaded


def test_lazy_names_resolve() -> None:
    import ai_sdk_groq

    for name in ai_sdk_groq.__all__:
        assert getattr(ai_sdk_groq, name) is not None
    assert set(ai_sdk_groq.__all__) <= set(dir(ai_sdk_groq))
    with pytest.raises(AttributeError):
        ai_sdk_groq.no_such_name  # noqa: B018  # pyright: ignore[reportAttributeAccessIssue]
