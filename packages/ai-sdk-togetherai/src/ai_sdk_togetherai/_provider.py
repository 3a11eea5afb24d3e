"""``create_togetherai`` and the default ``togetherai`` provider.

Port of ``togetherai-provider.ts``: chat, completion and embedding models are the
OpenAI-compatible models (with usage in streams), image and reranking models are Together AI's
own. Nothing is read from the environment and no model module (nor pydantic) is imported until
a model is created or called: the API key is looked up for every request.
"""

from __future__ import annotations

import os
import warnings
from collections.abc import Mapping
from typing import TYPE_CHECKING, Literal

from ai_sdk_core.provider_utils import load_api_key, with_user_agent_suffix

from ._version import __version__

if TYPE_CHECKING:
    import httpx

    from ai_sdk_openai_compatible import (
        OpenAICompatibleChatLanguageModel,
        OpenAICompatibleCompletionLanguageModel,
        OpenAICompatibleEmbeddingModel,
    )

    from ._image_model import TogetherAIImageModel
    from ._model_ids import (
        TogetherAIChatModelId,
        TogetherAICompletionModelId,
        TogetherAIEmbeddingModelId,
        TogetherAIImageModelId,
        TogetherAIRerankingModelId,
    )
    from ._reranking_model import TogetherAIRerankingModel

__all__ = ["DEFAULT_BASE_URL", "TogetherAIProvider", "create_togetherai", "togetherai"]

DEFAULT_BASE_URL = "https://api.together.xyz/v1/"
"""Together AI's API (a trailing ``/`` is removed before paths are appended)."""

API_KEY_VARIABLE = "TOGETHER_API_KEY"
DEPRECATED_API_KEY_VARIABLE = "TOGETHER_AI_API_KEY"

_USER_AGENT = f"ai-sdk/togetherai/{__version__}"

# DeepSeek V4 Flash supports json_schema response formats; other models get json_object
_STRUCTURED_OUTPUT_MODELS = frozenset({"deepseek-ai/DeepSeek-V4-Flash-0731"})


def _deprecated_api_key() -> str | None:
    """``TOGETHER_AI_API_KEY`` (with a :class:`DeprecationWarning`), unless
    ``TOGETHER_API_KEY`` is set."""
    if API_KEY_VARIABLE in os.environ:
        return None
    key = os.environ.get(DEPRECATED_API_KEY_VARIABLE)
    if key is not None:
        warnings.warn(
            f"the {DEPRECATED_API_KEY_VARIABLE} environment variable is deprecated and will be "
            f"removed in a future release; set {API_KEY_VARIABLE} instead",
            DeprecationWarning,
            stacklevel=2,
        )
    return key


class TogetherAIProvider:
    """Together AI's models (``ProviderV4``).

    Calling the provider, :meth:`chat_model` and :meth:`language_model` give chat models;
    :meth:`completion_model`, :meth:`embedding_model`, :meth:`image_model` and
    :meth:`reranking_model` the others. Create it with :func:`create_togetherai`, or use the
    default :data:`togetherai`.
    """

    specification_version: Literal["v4"] = "v4"

    __slots__ = ("_api_key", "_base_url", "_headers", "_http_client")

    def __init__(
        self,
        *,
        api_key: str | None,
        base_url: str,
        headers: Mapping[str, str] | None,
        http_client: httpx.AsyncClient | None,
    ) -> None:
        self._api_key = api_key
        self._base_url = base_url[:-1] if base_url.endswith("/") else base_url
        self._headers = dict(headers or {})
        self._http_client = http_client

    def __repr__(self) -> str:
        return f"TogetherAIProvider(base_url={self._base_url!r})"

    @property
    def base_url(self) -> str:
        """The API's base URL, without a trailing ``/``."""
        return self._base_url

    def _request_headers(self) -> dict[str, str]:
        """``authorization`` (the key is loaded now), the custom headers, the user agent."""
        api_key = load_api_key(
            api_key=self._api_key if self._api_key is not None else _deprecated_api_key(),
            environment_variable_name=API_KEY_VARIABLE,
            description="TogetherAI",
        )
        return with_user_agent_suffix(
            {"Authorization": f"Bearer {api_key}", **self._headers}, _USER_AGENT
        )

    def _url(self, *, model_id: str, path: str) -> str:
        return f"{self._base_url}{path}"

    def __call__(self, model_id: TogetherAIChatModelId) -> OpenAICompatibleChatLanguageModel:
        """The chat model ``model_id``."""
        return self.chat_model(model_id)

    def language_model(self, model_id: TogetherAIChatModelId) -> OpenAICompatibleChatLanguageModel:
        """The chat model ``model_id`` (provider id ``"togetherai.chat"``)."""
        return self.chat_model(model_id)

    def chat_model(self, model_id: TogetherAIChatModelId) -> OpenAICompatibleChatLanguageModel:
        """The chat model ``model_id``: ``POST {base_url}/chat/completions``."""
        from ai_sdk_openai_compatible import (
            OpenAICompatibleChatConfig,
            OpenAICompatibleChatLanguageModel,
        )

        return OpenAICompatibleChatLanguageModel(
            model_id,
            OpenAICompatibleChatConfig(
                provider="togetherai.chat",
                url=self._url,
                headers=self._request_headers,
                http_client=self._http_client,
                include_usage=True,
                supports_structured_outputs=model_id in _STRUCTURED_OUTPUT_MODELS,
                legacy_user_agent=True,
            ),
        )

    def completion_model(
        self, model_id: TogetherAICompletionModelId
    ) -> OpenAICompatibleCompletionLanguageModel:
        """The completion model ``model_id``: ``POST {base_url}/completions``."""
        from ai_sdk_openai_compatible import (
            OpenAICompatibleCompletionConfig,
            OpenAICompatibleCompletionLanguageModel,
        )

        return OpenAICompatibleCompletionLanguageModel(
            model_id,
            OpenAICompatibleCompletionConfig(
                provider="togetherai.completion",
                url=self._url,
                headers=self._request_headers,
                http_client=self._http_client,
                include_usage=True,
                legacy_user_agent=True,
            ),
        )

    def embedding_model(
        self, model_id: TogetherAIEmbeddingModelId
    ) -> OpenAICompatibleEmbeddingModel:
        """The embedding model ``model_id``: ``POST {base_url}/embeddings``."""
        from ai_sdk_openai_compatible import (
            OpenAICompatibleEmbeddingConfig,
            OpenAICompatibleEmbeddingModel,
        )

        return OpenAICompatibleEmbeddingModel(
            model_id,
            OpenAICompatibleEmbeddingConfig(
                provider="togetherai.embedding",
                url=self._url,
                headers=self._request_headers,
                http_client=self._http_client,
                legacy_user_agent=True,
            ),
        )

    def text_embedding_model(
        self, model_id: TogetherAIEmbeddingModelId
    ) -> OpenAICompatibleEmbeddingModel:
        """Deprecated: use :meth:`embedding_model`."""
        warnings.warn(
            "text_embedding_model() is deprecated; use embedding_model()",
            DeprecationWarning,
            stacklevel=2,
        )
        return self.embedding_model(model_id)

    def image_model(self, model_id: TogetherAIImageModelId) -> TogetherAIImageModel:
        """The image model ``model_id``: ``POST {base_url}/images/generations``."""
        from ._image_model import TogetherAIImageModel, TogetherAIImageModelConfig

        return TogetherAIImageModel(
            model_id,
            TogetherAIImageModelConfig(
                provider="togetherai.image",
                base_url=self._base_url,
                headers=self._request_headers,
                http_client=self._http_client,
            ),
        )

    def image(self, model_id: TogetherAIImageModelId) -> TogetherAIImageModel:
        """The image model ``model_id`` (same as :meth:`image_model`)."""
        return self.image_model(model_id)

    def reranking_model(self, model_id: TogetherAIRerankingModelId) -> TogetherAIRerankingModel:
        """The reranking model ``model_id``: ``POST {base_url}/rerank``."""
        from ._reranking_model import TogetherAIRerankingModel, TogetherAIRerankingModelConfig

        return TogetherAIRerankingModel(
            model_id,
            TogetherAIRerankingModelConfig(
                provider="togetherai.reranking",
                base_url=self._base_url,
                headers=self._request_headers,
                http_client=self._http_client,
            ),
        )

    def reranking(self, model_id: TogetherAIRerankingModelId) -> TogetherAIRerankingModel:
        """The reranking model ``model_id`` (same as :meth:`reranking_model`)."""
        return self.reranking_model(model_id)


def create_togetherai(
    *,
    api_key: str | None = None,
    base_url: str = DEFAULT_BASE_URL,
    headers: Mapping[str, str] | None = None,
    http_client: httpx.AsyncClient | None = None,
) -> TogetherAIProvider:
    """A provider for Together AI (https://www.together.ai).

    Args:
        api_key: Sent as ``Authorization: Bearer <api_key>``. Without it the
            ``TOGETHER_API_KEY`` environment variable is read for every request (the old
            ``TOGETHER_AI_API_KEY`` still works, with a :class:`DeprecationWarning`); a missing
            key raises :class:`~ai_sdk_core.errors.LoadAPIKeyError` when a model is called.
        base_url: The API's base URL (default ``https://api.together.xyz/v1/``; a trailing
            ``/`` is removed), e.g. for a proxy.
        headers: Extra headers for every request (they can override ``authorization``).
        http_client: The ``httpx.AsyncClient`` for all requests (default: a shared client).
    """
    return TogetherAIProvider(
        api_key=api_key, base_url=base_url, headers=headers, http_client=http_client
    )


togetherai = create_togetherai()
"""The default provider: the key from ``TOGETHER_API_KEY``, the default base URL."""
