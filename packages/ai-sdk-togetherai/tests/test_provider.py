"""The provider (ports of togetherai-provider.test.ts): model kinds, settings, API keys,
headers, and what importing the package costs."""

from __future__ import annotations

import subprocess
import sys
from typing import Any

import httpx
import pytest

from ai_sdk_core import __version__ as core_version
from ai_sdk_core.errors import APICallError, LoadAPIKeyError
from ai_sdk_core.provider import (
    EmbeddingModelV4,
    EmbeddingModelV4CallOptions,
    ImageModelV4,
    LanguageModelV4,
    LanguageModelV4CallOptions,
    LanguageModelV4TextPart,
    LanguageModelV4UserMessage,
    ProviderV4,
    RerankingModelV4,
    RerankingModelV4CallOptions,
    RerankingModelV4TextDocuments,
)
from ai_sdk_openai_compatible import (
    OpenAICompatibleChatLanguageModel,
    OpenAICompatibleCompletionLanguageModel,
    OpenAICompatibleEmbeddingModel,
)
from ai_sdk_togetherai import (
    TogetherAIImageModel,
    TogetherAIProvider,
    TogetherAIRerankingModel,
    __version__,
    create_togetherai,
    togetherai,
)

PROMPT = [LanguageModelV4UserMessage(content=[LanguageModelV4TextPart(text="Hello")])]
CHAT_RESPONSE = {
    "choices": [{"message": {"role": "assistant", "content": "hi"}, "finish_reason": "stop"}]
}
DEPRECATED_KEY_WARNING = r"TOGETHER_AI_API_KEY .*deprecated.*TOGETHER_API_KEY"


async def generate(provider: TogetherAIProvider) -> None:
    await provider("m").do_generate(LanguageModelV4CallOptions(prompt=PROMPT))


def test_model_kinds_and_provider_ids() -> None:
    provider = create_togetherai(api_key="k")

    assert isinstance(provider, ProviderV4)
    assert provider.specification_version == "v4"
    chat = provider("meta-llama/Llama-3.3-70B-Instruct-Turbo")
    assert isinstance(chat, OpenAICompatibleChatLanguageModel)
    assert isinstance(chat, LanguageModelV4)
    assert (chat.provider, chat.model_id) == (
        "togetherai.chat",
        "meta-llama/Llama-3.3-70B-Instruct-Turbo",
    )
    assert provider.chat_model("m").provider == "togetherai.chat"
    assert provider.language_model("m").provider == "togetherai.chat"

    completion = provider.completion_model("m")
    assert isinstance(completion, OpenAICompatibleCompletionLanguageModel)
    assert completion.provider == "togetherai.completion"

    embedding = provider.embedding_model("m")
    assert isinstance(embedding, OpenAICompatibleEmbeddingModel)
    assert isinstance(embedding, EmbeddingModelV4)
    assert embedding.provider == "togetherai.embedding"
    with pytest.warns(DeprecationWarning, match="embedding_model"):
        assert provider.text_embedding_model("m").provider == "togetherai.embedding"

    image = provider.image_model("black-forest-labs/FLUX.1-schnell")
    assert isinstance(image, TogetherAIImageModel)
    assert isinstance(image, ImageModelV4)
    assert (image.provider, image.max_images_per_call) == ("togetherai.image", 1)
    assert isinstance(provider.image("m"), TogetherAIImageModel)

    reranking = provider.reranking_model("Salesforce/Llama-Rank-v1")
    assert isinstance(reranking, TogetherAIRerankingModel)
    assert isinstance(reranking, RerankingModelV4)
    assert reranking.provider == "togetherai.reranking"
    assert isinstance(provider.reranking("m"), TogetherAIRerankingModel)


def test_chat_and_completion_models_ask_for_stream_usage() -> None:
    assert togetherai.chat_model("m").config.include_usage is True
    assert togetherai.completion_model("m").config.include_usage is True


def test_only_deepseek_v4_flash_supports_structured_outputs() -> None:
    assert togetherai("deepseek-ai/DeepSeek-V4-Flash-0731").supports_structured_outputs is True
    assert togetherai("deepseek-ai/DeepSeek-V3").supports_structured_outputs is False


def test_base_url_default_and_trailing_slash() -> None:
    assert togetherai.base_url == "https://api.together.xyz/v1"
    assert create_togetherai(base_url="https://custom.url/").base_url == "https://custom.url"
    image = create_togetherai(base_url="https://custom.url/").image_model("m")
    assert image.config.base_url == "https://custom.url"


@pytest.mark.anyio
async def test_every_model_kind_calls_its_endpoint(api: Any) -> None:
    provider = create_togetherai(api_key="k", base_url="https://proxy.test/v1/")

    api.json(CHAT_RESPONSE)
    await provider("m").do_generate(LanguageModelV4CallOptions(prompt=PROMPT))
    assert api.request.url == "https://proxy.test/v1/chat/completions"

    api.json({"choices": [{"text": "hi", "finish_reason": "stop"}]})
    await provider.completion_model("m").do_generate(LanguageModelV4CallOptions(prompt=PROMPT))
    assert api.request.url == "https://proxy.test/v1/completions"

    api.json({"data": [{"embedding": [0.5]}]})
    await provider.embedding_model("m").do_embed(EmbeddingModelV4CallOptions(values=["a"]))
    assert api.request.url == "https://proxy.test/v1/embeddings"

    api.json(
        {"results": [], "usage": {"prompt_tokens": 1, "completion_tokens": 0, "total_tokens": 1}}
    )
    await provider.reranking_model("m").do_rerank(
        RerankingModelV4CallOptions(
            documents=RerankingModelV4TextDocuments(values=["a"]), query="q"
        )
    )
    assert api.request.url == "https://proxy.test/v1/rerank"


@pytest.mark.anyio
async def test_headers_and_the_old_user_agent_form(api: Any) -> None:
    api.json(CHAT_RESPONSE)
    provider = create_togetherai(api_key="secret", headers={"X-Custom": "1"})

    await provider("m").do_generate(
        LanguageModelV4CallOptions(prompt=PROMPT, headers={"X-Call": "2"})
    )

    headers = api.request.headers
    assert headers["authorization"] == "Bearer secret"
    assert (headers["x-custom"], headers["x-call"]) == ("1", "2")
    assert headers["user-agent"] == (
        f"ai-sdk/togetherai/{__version__} ai-sdk/provider-utils/{core_version} "
        "runtime/python/{}.{}.{}".format(*sys.version_info[:3])
    )


@pytest.mark.anyio
async def test_custom_headers_can_replace_authorization(api: Any) -> None:
    api.json(CHAT_RESPONSE)
    await generate(create_togetherai(api_key="k", headers={"authorization": "Token t"}))
    assert api.request.headers["authorization"] == "Token t"


# --- API keys ------------------------------------------------------------------------------


@pytest.mark.anyio
async def test_key_from_together_api_key_at_request_time(
    api: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    api.json(CHAT_RESPONSE)
    provider = create_togetherai()  # no key yet: nothing is read on creation
    monkeypatch.setenv("TOGETHER_API_KEY", "env-key")

    await generate(provider)

    assert api.request.headers["authorization"] == "Bearer env-key"


@pytest.mark.anyio
async def test_deprecated_variable_is_used_with_a_warning(
    api: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    api.json(CHAT_RESPONSE)
    monkeypatch.setenv("TOGETHER_AI_API_KEY", "old-key")

    with pytest.warns(DeprecationWarning, match=DEPRECATED_KEY_WARNING):
        await generate(create_togetherai())

    assert api.request.headers["authorization"] == "Bearer old-key"


@pytest.mark.anyio
async def test_together_api_key_wins_over_the_deprecated_variable_without_warning(
    api: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    api.json(CHAT_RESPONSE)
    monkeypatch.setenv("TOGETHER_API_KEY", "new-key")
    monkeypatch.setenv("TOGETHER_AI_API_KEY", "old-key")

    await generate(create_togetherai())  # filterwarnings=error: a warning would fail

    assert api.request.headers["authorization"] == "Bearer new-key"


@pytest.mark.anyio
async def test_an_empty_together_api_key_still_wins(
    api: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    api.json(CHAT_RESPONSE)
    monkeypatch.setenv("TOGETHER_API_KEY", "")
    monkeypatch.setenv("TOGETHER_AI_API_KEY", "old-key")

    await generate(create_togetherai())

    assert api.request.headers["authorization"] == "Bearer "


@pytest.mark.anyio
async def test_explicit_api_key_wins_over_both_variables_without_warning(
    api: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    api.json(CHAT_RESPONSE)
    monkeypatch.setenv("TOGETHER_API_KEY", "new-key")
    monkeypatch.setenv("TOGETHER_AI_API_KEY", "old-key")

    await generate(create_togetherai(api_key="explicit-key"))
    assert api.request.headers["authorization"] == "Bearer explicit-key"

    monkeypatch.delenv("TOGETHER_API_KEY")
    await generate(create_togetherai(api_key="explicit-key"))
    assert api.request.headers["authorization"] == "Bearer explicit-key"


@pytest.mark.anyio
@pytest.mark.parametrize(
    "call",
    [
        lambda p: p("m").do_generate(LanguageModelV4CallOptions(prompt=PROMPT)),
        lambda p: p.embedding_model("m").do_embed(EmbeddingModelV4CallOptions(values=["a"])),
        lambda p: p.reranking_model("m").do_rerank(
            RerankingModelV4CallOptions(
                documents=RerankingModelV4TextDocuments(values=["a"]), query="q"
            )
        ),
    ],
    ids=["chat", "embedding", "reranking"],
)
async def test_a_missing_key_fails_at_call_time_naming_the_variable(api: Any, call: Any) -> None:
    with pytest.raises(LoadAPIKeyError) as caught:
        await call(togetherai)

    assert "TOGETHER_API_KEY" in caught.value.message
    assert "'api_key' parameter" in caught.value.message
    assert not api.route.calls


@pytest.mark.anyio
async def test_the_key_is_not_in_api_errors(api: Any) -> None:
    api.json({"error": {"message": "Invalid API key"}}, status=401)

    with pytest.raises(APICallError) as caught:
        await generate(create_togetherai(api_key="sk-very-secret"))

    error = caught.value
    assert error.message == "Invalid API key"
    assert error.status_code == 401
    assert "sk-very-secret" not in f"{error} {error!r} {vars(error)}"


def test_the_provider_keeps_its_http_client() -> None:
    client = httpx.AsyncClient()
    provider = create_togetherai(http_client=client)
    assert provider("m").config.http_client is client
    assert provider.completion_model("m").config.http_client is client
    assert provider.embedding_model("m").config.http_client is client
    assert provider.image_model("m").config.http_client is client
    assert provider.reranking_model("m").config.http_client is client
    assert "secret" not in repr(create_togetherai(api_key="secret"))


def test_import_is_cheap_and_reads_no_environment() -> None:
    script = (
        "import os, sys\n"
        "os.environ['TOGETHER_AI_API_KEY'] = 'old'\n"
        "import warnings; warnings.simplefilter('error')\n"
        "import ai_sdk_togetherai as p\n"
        "p.create_togetherai()\n"
        "p.togetherai('m')\n"
        "print(sorted(m for m in sys.modules if m.startswith(('pydantic', 'ai_sdk_togetherai._'))))"
    )
    loaded = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True
    ).stdout
    assert "pydantic" not in loaded
    assert "_image_model" not in loaded
    assert "_reranking_model" not in loaded
