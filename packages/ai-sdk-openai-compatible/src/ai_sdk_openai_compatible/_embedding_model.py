"""The OpenAI-compatible embedding model: ``POST {url}/embeddings``.

Port of ``embedding/openai-compatible-embedding-model.ts``.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Literal, NotRequired

from typing_extensions import TypedDict

from ai_sdk_core.errors import TooManyEmbeddingValuesForCallError
from ai_sdk_core.provider import (
    EmbeddingModelV4CallOptions,
    EmbeddingModelV4ResponseInfo,
    EmbeddingModelV4Result,
    EmbeddingModelV4Usage,
    SharedV4DeprecatedWarning,
    SharedV4Warning,
)
from ai_sdk_core.provider_utils import (
    combine_headers,
    create_json_error_response_handler,
    create_json_response_handler,
    parse_provider_options,
    post_json_to_api,
)

from ._errors import DEFAULT_ERROR_STRUCTURE, ProviderErrorStructure
from ._json import drop_none, js_json_value
from ._provider_options import provider_options_name, warn_if_deprecated_provider_options_key
from ._url import UrlBuilder

if TYPE_CHECKING:
    import httpx

__all__ = [
    "OpenAICompatibleEmbeddingConfig",
    "OpenAICompatibleEmbeddingModel",
    "OpenAICompatibleEmbeddingModelOptions",
]


class OpenAICompatibleEmbeddingModelOptions(TypedDict, total=False):
    """Options of OpenAI-compatible embedding models, under ``"openaiCompatible"`` or the
    provider's raw name (the camelCase name is not read by embedding models)."""

    dimensions: int
    """The number of dimensions of the embeddings (text-embedding-3 and later)."""

    user: str
    """A unique id of your end user, which can help the provider detect abuse."""


class _Embedding(TypedDict):
    embedding: list[float]


class _EmbeddingUsage(TypedDict):
    prompt_tokens: int


class _EmbeddingResponse(TypedDict):
    data: list[_Embedding]
    usage: NotRequired[_EmbeddingUsage | None]
    providerMetadata: NotRequired[dict[str, dict[str, Any]]]


@dataclass(slots=True, kw_only=True)
class OpenAICompatibleEmbeddingConfig:
    """How an embedding model reaches its API; ``provider`` is ``"<name>.embedding"``.

    ``max_embeddings_per_call`` defaults to 2048; ``supports_parallel_calls`` to ``True``.
    ``legacy_user_agent``: as in :class:`OpenAICompatibleChatConfig`.
    """

    provider: str
    url: UrlBuilder
    headers: Callable[[], Mapping[str, str | None]] | None = None
    http_client: httpx.AsyncClient | None = None
    max_embeddings_per_call: int | None = None
    supports_parallel_calls: bool | None = None
    error_structure: ProviderErrorStructure[Any] | None = None
    legacy_user_agent: bool = False


class OpenAICompatibleEmbeddingModel:
    """A text embedding model of any OpenAI-compatible API (``EmbeddingModelV4``)."""

    specification_version: Literal["v4"] = "v4"

    def __init__(self, model_id: str, config: OpenAICompatibleEmbeddingConfig) -> None:
        self.model_id = model_id
        self.config = config
        error_structure = config.error_structure or DEFAULT_ERROR_STRUCTURE
        self._failed_response_handler = create_json_error_response_handler(
            error_schema=error_structure.error_schema,
            error_to_message=error_structure.error_to_message,
            is_retryable=error_structure.is_retryable,
        )

    @property
    def provider(self) -> str:
        """The provider id, ``"<name>.embedding"``."""
        return self.config.provider

    @property
    def max_embeddings_per_call(self) -> int:
        """The most values one call embeds (2048 unless configured)."""
        limit = self.config.max_embeddings_per_call
        return 2048 if limit is None else limit

    @property
    def supports_parallel_calls(self) -> bool:
        """Whether calls may run in parallel (``True`` unless configured)."""
        parallel = self.config.supports_parallel_calls
        return True if parallel is None else parallel

    def __repr__(self) -> str:
        return f"OpenAICompatibleEmbeddingModel(provider={self.provider!r}, model_id={self.model_id!r})"

    async def do_embed(self, options: EmbeddingModelV4CallOptions) -> EmbeddingModelV4Result:
        """Embed ``options.values``; more than :attr:`max_embeddings_per_call` raises
        :class:`TooManyEmbeddingValuesForCallError` before any request."""
        warnings: list[SharedV4Warning] = []
        provider_options = options.provider_options
        raw_name = provider_options_name(self.config.provider)
        compatible: OpenAICompatibleEmbeddingModelOptions = {}
        for key in ("openai-compatible", "openaiCompatible", raw_name):
            parsed = parse_provider_options(
                provider=key,
                provider_options=provider_options,
                schema=OpenAICompatibleEmbeddingModelOptions,
            )
            if parsed is None:
                continue
            if key == "openai-compatible":
                warnings.append(
                    SharedV4DeprecatedWarning(
                        setting="providerOptions key 'openai-compatible'",
                        message="Use 'openaiCompatible' instead.",
                    )
                )
            compatible.update(parsed)
        warn_if_deprecated_provider_options_key(
            raw_name=raw_name, provider_options=provider_options, warnings=warnings
        )

        values = options.values
        if len(values) > self.max_embeddings_per_call:
            raise TooManyEmbeddingValuesForCallError(
                provider=self.provider,
                model_id=self.model_id,
                max_embeddings_per_call=self.max_embeddings_per_call,
                values=values,
            )

        dimensions = compatible.get("dimensions")
        if dimensions is None:  # the call option (spec versions that have it)
            dimensions = getattr(options, "dimensions", None)
        body = js_json_value(
            drop_none(
                {
                    "model": self.model_id,
                    "input": values,
                    "encoding_format": "float",
                    "dimensions": dimensions,
                    "user": compatible.get("user"),
                }
            )
        )
        response = await post_json_to_api(
            url=self.config.url(model_id=self.model_id, path="/embeddings"),
            headers=combine_headers(
                self.config.headers() if self.config.headers is not None else None,
                options.headers,
            ),
            body=body,
            failed_response_handler=self._failed_response_handler,
            successful_response_handler=create_json_response_handler(_EmbeddingResponse),
            http_client=self.config.http_client,
            legacy_user_agent=self.config.legacy_user_agent,
        )
        value: _EmbeddingResponse = response.value
        usage = value.get("usage")
        return EmbeddingModelV4Result(
            warnings=warnings,
            embeddings=[item["embedding"] for item in value["data"]],
            usage=EmbeddingModelV4Usage(tokens=usage["prompt_tokens"]) if usage else None,
            provider_metadata=value.get("providerMetadata"),
            response=EmbeddingModelV4ResponseInfo(
                headers=response.response_headers, body=response.raw_value
            ),
        )
