"""``create_openai_compatible``: a provider for any server that speaks the OpenAI HTTP API.

Port of ``openai-compatible-provider.ts``. The model classes (and pydantic) are imported when
the first model is created, not when the provider is.
"""

from __future__ import annotations

import warnings
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any, Literal

from ai_sdk_core.provider_utils import with_user_agent_suffix

from ._url import build_url, without_trailing_slash
from ._version import __version__

if TYPE_CHECKING:
    import httpx

    from ai_sdk_core.provider import LanguageModelV4Usage, SupportedUrls

    from ._chat_model import OpenAICompatibleChatLanguageModel
    from ._completion_model import OpenAICompatibleCompletionLanguageModel
    from ._embedding_model import OpenAICompatibleEmbeddingModel
    from ._image_model import OpenAICompatibleImageModel
    from ._metadata_extractor import MetadataExtractor
    from ._usage import OpenAICompatibleTokenUsage

__all__ = ["OpenAICompatibleProvider", "create_openai_compatible"]

_USER_AGENT = f"ai-sdk-openai-compatible/{__version__}"


class OpenAICompatibleProvider:
    """Models of one OpenAI-compatible API (``ProviderV4``).

    Calling the provider, :meth:`language_model` and :meth:`chat_model` give chat models;
    :meth:`completion_model`, :meth:`embedding_model` and :meth:`image_model` the others.
    Create it with :func:`create_openai_compatible`.
    """

    specification_version: Literal["v4"] = "v4"

    __slots__ = (
        "_base_url",
        "_convert_usage",
        "_headers",
        "_http_client",
        "_include_usage",
        "_metadata_extractor",
        "_name",
        "_query_params",
        "_supported_urls",
        "_supports_structured_outputs",
        "_transform_request_body",
    )

    def __init__(
        self,
        *,
        base_url: str,
        name: str,
        headers: Mapping[str, str],
        query_params: Mapping[str, str] | None,
        include_usage: bool,
        supports_structured_outputs: bool,
        transform_request_body: Callable[[dict[str, Any]], dict[str, Any]] | None,
        metadata_extractor: MetadataExtractor | None,
        supported_urls: SupportedUrls | Callable[[], SupportedUrls] | None,
        convert_usage: Callable[[OpenAICompatibleTokenUsage | None], LanguageModelV4Usage] | None,
        http_client: httpx.AsyncClient | None,
    ) -> None:
        self._base_url = without_trailing_slash(base_url)
        self._name = name
        self._headers = dict(headers)
        self._query_params = dict(query_params) if query_params is not None else None
        self._include_usage = include_usage
        self._supports_structured_outputs = supports_structured_outputs
        self._transform_request_body = transform_request_body
        self._metadata_extractor = metadata_extractor
        self._supported_urls = supported_urls
        self._convert_usage = convert_usage
        self._http_client = http_client

    def __repr__(self) -> str:
        return f"OpenAICompatibleProvider(name={self._name!r}, base_url={self._base_url!r})"

    def _request_headers(self) -> dict[str, str]:
        return with_user_agent_suffix(self._headers, _USER_AGENT)

    def _url(self, *, model_id: str, path: str) -> str:
        return build_url(self._base_url, path, self._query_params)

    def _supported_urls_function(self) -> Callable[[], SupportedUrls] | None:
        supported = self._supported_urls
        if supported is None or callable(supported):
            return supported
        return lambda: supported

    def __call__(self, model_id: str) -> OpenAICompatibleChatLanguageModel:
        """The chat model ``model_id``."""
        return self.chat_model(model_id)

    def language_model(self, model_id: str) -> OpenAICompatibleChatLanguageModel:
        """The chat model ``model_id`` (provider id ``"<name>.chat"``)."""
        return self.chat_model(model_id)

    def chat_model(self, model_id: str) -> OpenAICompatibleChatLanguageModel:
        """The chat model ``model_id``: ``POST {base_url}/chat/completions``."""
        from ._chat_model import OpenAICompatibleChatConfig, OpenAICompatibleChatLanguageModel

        return OpenAICompatibleChatLanguageModel(
            model_id,
            OpenAICompatibleChatConfig(
                provider=f"{self._name}.chat",
                url=self._url,
                headers=self._request_headers,
                http_client=self._http_client,
                include_usage=self._include_usage,
                supports_structured_outputs=self._supports_structured_outputs,
                supported_urls=self._supported_urls_function(),
                transform_request_body=self._transform_request_body,
                metadata_extractor=self._metadata_extractor,
                convert_usage=self._convert_usage,
            ),
        )

    def completion_model(self, model_id: str) -> OpenAICompatibleCompletionLanguageModel:
        """The completion model ``model_id``: ``POST {base_url}/completions``."""
        from ._completion_model import (
            OpenAICompatibleCompletionConfig,
            OpenAICompatibleCompletionLanguageModel,
        )

        return OpenAICompatibleCompletionLanguageModel(
            model_id,
            OpenAICompatibleCompletionConfig(
                provider=f"{self._name}.completion",
                url=self._url,
                headers=self._request_headers,
                http_client=self._http_client,
                include_usage=self._include_usage,
            ),
        )

    def embedding_model(self, model_id: str) -> OpenAICompatibleEmbeddingModel:
        """The embedding model ``model_id``: ``POST {base_url}/embeddings``."""
        from ._embedding_model import (
            OpenAICompatibleEmbeddingConfig,
            OpenAICompatibleEmbeddingModel,
        )

        return OpenAICompatibleEmbeddingModel(
            model_id,
            OpenAICompatibleEmbeddingConfig(
                provider=f"{self._name}.embedding",
                url=self._url,
                headers=self._request_headers,
                http_client=self._http_client,
            ),
        )

    def text_embedding_model(self, model_id: str) -> OpenAICompatibleEmbeddingModel:
        """Deprecated: use :meth:`embedding_model`."""
        warnings.warn(
            "text_embedding_model() is deprecated; use embedding_model()",
            DeprecationWarning,
            stacklevel=2,
        )
        return self.embedding_model(model_id)

    def image_model(self, model_id: str) -> OpenAICompatibleImageModel:
        """The image model ``model_id``: ``POST {base_url}/images/generations`` (or
        ``/images/edits`` with input images)."""
        from ._image_model import OpenAICompatibleImageModel, OpenAICompatibleImageModelConfig

        return OpenAICompatibleImageModel(
            model_id,
            OpenAICompatibleImageModelConfig(
                provider=f"{self._name}.image",
                url=self._url,
                headers=self._request_headers,
                http_client=self._http_client,
            ),
        )


def create_openai_compatible(
    *,
    base_url: str,
    name: str,
    api_key: str | None = None,
    headers: Mapping[str, str] | None = None,
    query_params: Mapping[str, str] | None = None,
    include_usage: bool = False,
    supports_structured_outputs: bool = False,
    transform_request_body: Callable[[dict[str, Any]], dict[str, Any]] | None = None,
    metadata_extractor: MetadataExtractor | None = None,
    supported_urls: SupportedUrls | Callable[[], SupportedUrls] | None = None,
    convert_usage: Callable[[OpenAICompatibleTokenUsage | None], LanguageModelV4Usage]
    | None = None,
    http_client: httpx.AsyncClient | None = None,
) -> OpenAICompatibleProvider:
    """A provider for the OpenAI-compatible API at ``base_url``.

    Args:
        base_url: The API's base URL, e.g. ``"http://localhost:11434/v1"`` (a trailing ``/``
            is removed); paths such as ``/chat/completions`` are appended.
        name: The provider name: model ids are ``"<name>.chat"`` etc., provider options are
            read under ``name`` in camelCase, and provider metadata is keyed by it.
        api_key: Sent as ``Authorization: Bearer <api_key>`` (before ``headers``). No
            environment variable is read.
        headers: Extra headers for every request.
        query_params: Query parameters for every request URL (e.g. ``{"api-version": "…"}``).
        include_usage: Ask for usage in streams (``stream_options.include_usage``).
        supports_structured_outputs: Send JSON schema response formats as ``json_schema``
            (otherwise ``json_object`` with a warning).
        transform_request_body: Called with each chat request body; returns the body to send.
        metadata_extractor: Reads provider-specific metadata from chat responses.
        supported_urls: URL patterns per media type that the API fetches itself (or a
            function returning them); other prompt URLs are downloaded by the SDK.
        convert_usage: Replaces the chat usage conversion (for other token accounting).
        http_client: The ``httpx.AsyncClient`` for all requests (default: a shared client).
    """
    request_headers: dict[str, str] = {}
    if api_key:
        request_headers["Authorization"] = f"Bearer {api_key}"
    request_headers.update(headers or {})
    return OpenAICompatibleProvider(
        base_url=base_url,
        name=name,
        headers=request_headers,
        query_params=query_params,
        include_usage=include_usage,
        supports_structured_outputs=supports_structured_outputs,
        transform_request_body=transform_request_body,
        metadata_extractor=metadata_extractor,
        supported_urls=supported_urls,
        convert_usage=convert_usage,
        http_client=http_client,
    )
