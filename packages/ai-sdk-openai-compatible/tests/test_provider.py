"""The provider factory (ports of openai-compatible-provider.test.ts) and package imports."""

from __future__ import annotations

import subprocess
import sys
from typing import Any

import pytest

from ai_sdk_core import __version__ as core_version
from ai_sdk_core.provider import (
    EmbeddingModelV4,
    EmbeddingModelV4CallOptions,
    ImageModelV4,
    LanguageModelV4,
    LanguageModelV4CallOptions,
    LanguageModelV4TextPart,
    LanguageModelV4UserMessage,
    ProviderV4,
)
from ai_sdk_openai_compatible import (
    OpenAICompatibleChatConfig,
    OpenAICompatibleChatLanguageModel,
    OpenAICompatibleCompletionConfig,
    OpenAICompatibleCompletionLanguageModel,
    OpenAICompatibleEmbeddingConfig,
    OpenAICompatibleEmbeddingModel,
    OpenAICompatibleImageModel,
    __version__,
    create_openai_compatible,
)
from ai_sdk_openai_compatible.internal import to_camel_case

PROMPT = [LanguageModelV4UserMessage(content=[LanguageModelV4TextPart(text="Hello")])]
CHAT_RESPONSE = {
    "choices": [{"message": {"role": "assistant", "content": "hi"}, "finish_reason": "stop"}]
}


def test_model_kinds_and_provider_ids() -> None:
    provider = create_openai_compatible(base_url="https://my.api.com/v1", name="test-provider")

    assert isinstance(provider, ProviderV4)
    chat = provider("model-a")
    assert isinstance(chat, OpenAICompatibleChatLanguageModel)
    assert isinstance(chat, LanguageModelV4)
    assert (chat.provider, chat.model_id) == ("test-provider.chat", "model-a")
    assert provider.language_model("m").provider == "test-provider.chat"
    assert provider.chat_model("m").supports_structured_outputs is False

    completion = provider.completion_model("m")
    assert isinstance(completion, OpenAICompatibleCompletionLanguageModel)
    assert isinstance(completion, LanguageModelV4)
    assert completion.provider == "test-provider.completion"

    embedding = provider.embedding_model("m")
    assert isinstance(embedding, OpenAICompatibleEmbeddingModel)
    assert isinstance(embedding, EmbeddingModelV4)
    assert embedding.provider == "test-provider.embedding"

    image = provider.image_model("m")
    assert isinstance(image, OpenAICompatibleImageModel)
    assert isinstance(image, ImageModelV4)
    assert image.provider == "test-provider.image"

    with pytest.warns(DeprecationWarning, match="embedding_model"):
        assert provider.text_embedding_model("m").provider == "test-provider.embedding"


def test_settings_reach_the_models() -> None:
    provider = create_openai_compatible(
        base_url="https://x/v1",
        name="p",
        include_usage=True,
        supports_structured_outputs=True,
    )
    assert provider.chat_model("m").config.include_usage is True
    assert provider.completion_model("m").config.include_usage is True
    assert provider.chat_model("m").supports_structured_outputs is True
    assert provider.language_model("m").supports_structured_outputs is True


@pytest.mark.anyio
async def test_headers_url_and_query_params(api: Any) -> None:
    api.json(CHAT_RESPONSE)
    provider = create_openai_compatible(
        base_url="https://my.api.com/v1/",
        name="p",
        api_key="secret",
        headers={"X-Custom": "1"},
        query_params={"api-version": "2025-01-01", "q": "a b~*"},
    )

    await provider("m").do_generate(LanguageModelV4CallOptions(prompt=PROMPT))

    request = api.request
    assert (
        str(request.url)
        == "https://my.api.com/v1/chat/completions?api-version=2025-01-01&q=a+b%7E*"
    )
    assert request.headers["authorization"] == "Bearer secret"
    assert request.headers["x-custom"] == "1"
    assert request.headers["user-agent"].startswith(
        f"ai-sdk-openai-compatible/{__version__} ai-sdk-provider-utils/"
    )


@pytest.mark.anyio
async def test_no_authorization_without_api_key(api: Any) -> None:
    api.json(CHAT_RESPONSE)
    provider = create_openai_compatible(base_url="https://my.api.com/v1", name="p")
    await provider("m").do_generate(LanguageModelV4CallOptions(prompt=PROMPT))
    assert "authorization" not in api.request.headers
    assert api.request.url == "https://my.api.com/v1/chat/completions"


@pytest.mark.anyio
async def test_legacy_user_agent_config_sends_the_old_token_forms(api: Any) -> None:
    def url(*, model_id: str, path: str) -> str:
        return f"https://my.api.com/v1{path}"

    def headers() -> dict[str, str]:
        return {"User-Agent": "ai-sdk/x/1.0"}

    legacy = f"ai-sdk/x/1.0 ai-sdk/provider-utils/{core_version} runtime/python/"

    api.json(CHAT_RESPONSE)
    chat = OpenAICompatibleChatLanguageModel(
        "m",
        OpenAICompatibleChatConfig(
            provider="x.chat", url=url, headers=headers, legacy_user_agent=True
        ),
    )
    await chat.do_generate(LanguageModelV4CallOptions(prompt=PROMPT))
    assert api.request.headers["user-agent"].startswith(legacy)

    api.json({"choices": [{"text": "hi", "finish_reason": "stop"}]})
    completion = OpenAICompatibleCompletionLanguageModel(
        "m",
        OpenAICompatibleCompletionConfig(
            provider="x.completion", url=url, headers=headers, legacy_user_agent=True
        ),
    )
    await completion.do_generate(LanguageModelV4CallOptions(prompt=PROMPT))
    assert api.request.headers["user-agent"].startswith(legacy)

    api.json({"data": [{"embedding": [1.0]}]})
    embedding = OpenAICompatibleEmbeddingModel(
        "m",
        OpenAICompatibleEmbeddingConfig(
            provider="x.embedding", url=url, headers=headers, legacy_user_agent=True
        ),
    )
    await embedding.do_embed(EmbeddingModelV4CallOptions(values=["a"]))
    assert api.request.headers["user-agent"].startswith(legacy)


@pytest.mark.parametrize(
    ("name", "camel"),
    [
        ("test-provider", "testProvider"),
        ("my_provider", "myProvider"),
        ("togetherai", "togetherai"),
        ("a-b-c", "aBC"),
        ("already-Camel", "already-Camel"),
        ("", ""),
    ],
)
def test_to_camel_case(name: str, camel: str) -> None:
    assert to_camel_case(name) == camel


def test_import_loads_no_model_module_and_no_pydantic() -> None:
    script = (
        "import sys, ai_sdk_openai_compatible as p\n"
        "p.create_openai_compatible(base_url='http://x', name='n')\n"
        "print(sorted(m for m in sys.modules if m.startswith(('pydantic', 'ai_sdk_openai_compatible._'))))"
    )
    loaded = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True
    ).stdout
    assert "pydantic" not in loaded
    assert "_chat_model" not in loaded
    assert "_image_model" not in loaded
