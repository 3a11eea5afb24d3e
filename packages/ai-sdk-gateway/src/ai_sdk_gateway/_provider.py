"""``create_gateway`` and the default ``gateway``: one provider for every model behind the
Vercel AI Gateway (port of ``gateway-provider.ts``).

Creating a provider is cheap: it reads no environment and opens no connection. Credentials
and the ``VERCEL_*`` observability environment are read when models are created and called;
the model classes load with the first model.
"""

from __future__ import annotations

import asyncio
import time
import warnings
from collections.abc import Callable, Mapping, Sequence
from typing import TYPE_CHECKING, Literal

from ._auth import ApiKey, create_auth_headers, create_o11y_headers, get_gateway_auth_token
from ._errors import GatewayAuthenticationError

if TYPE_CHECKING:
    import httpx

    from ._config import GatewayConfig
    from ._embedding_model import GatewayEmbeddingModel
    from ._generation_info import GatewayGenerationInfo
    from ._image_model import GatewayImageModel
    from ._language_model import GatewayLanguageModel
    from ._metadata import GatewayCreditsResponse, GatewayFetchMetadataResponse
    from ._reranking_model import GatewayRerankingModel
    from ._speech_model import GatewaySpeechModel
    from ._spend_report import (
        CredentialType,
        GatewaySpendReportResponse,
        SpendReportDatePart,
        SpendReportGroupBy,
    )
    from ._tools import GatewayTools
    from ._transcription_model import GatewayTranscriptionModel
    from ._video_model import GatewayVideoModel

__all__ = ["DEFAULT_BASE_URL", "GatewayProvider", "create_gateway", "gateway"]

DEFAULT_BASE_URL = "https://ai-gateway.vercel.sh/v4/ai"
_PROVIDER = "gateway"


class GatewayProvider:
    """Every model of the AI Gateway, by ``"<provider>/<model>"`` id (``ProviderV4``).

    Calling the provider (or :meth:`language_model`) gives a language model; the other
    ``*_model`` methods give the other kinds. :meth:`get_available_models`,
    :meth:`get_credits`, :meth:`get_spend_report` and :meth:`get_generation_info` query the
    gateway itself. Create one with :func:`create_gateway`.
    """

    specification_version: Literal["v4"] = "v4"

    __slots__ = (
        "_api_key",
        "_base_url",
        "_clock",
        "_headers",
        "_http_client",
        "_last_fetch_time",
        "_metadata_cache",
        "_pending_metadata",
        "_refresh_seconds",
        "_team_id_or_slug",
    )

    def __init__(
        self,
        *,
        api_key: ApiKey | None,
        base_url: str,
        team_id_or_slug: str | None,
        headers: Mapping[str, str] | None,
        metadata_cache_refresh_millis: float,
        http_client: httpx.AsyncClient | None,
        clock: Callable[[], float],
    ) -> None:
        self._api_key = api_key
        self._base_url = base_url.removesuffix("/")
        self._team_id_or_slug = team_id_or_slug
        self._headers = dict(headers) if headers is not None else None
        self._refresh_seconds = metadata_cache_refresh_millis / 1000
        self._http_client = http_client
        self._clock = clock
        self._pending_metadata: asyncio.Task[GatewayFetchMetadataResponse] | None = None
        self._metadata_cache: GatewayFetchMetadataResponse | None = None
        self._last_fetch_time = 0.0

    def __repr__(self) -> str:
        return f"GatewayProvider(base_url={self._base_url!r})"

    @property
    def base_url(self) -> str:
        """The gateway URL that model paths (``/language-model``, …) are appended to."""
        return self._base_url

    # --- auth and config -------------------------------------------------------------------

    async def _auth_headers(self) -> dict[str, str]:
        try:
            auth = await get_gateway_auth_token(self._api_key)
        except Exception as error:
            raise GatewayAuthenticationError.create_contextual_error(
                api_key_provided=False, oidc_token_provided=False, status_code=401, cause=error
            ) from error
        return create_auth_headers(
            auth, team_id_or_slug=self._team_id_or_slug, headers=self._headers
        )

    def _config(self) -> GatewayConfig:
        from ._config import GatewayConfig

        return GatewayConfig(
            provider=_PROVIDER,
            base_url=self._base_url,
            headers=self._auth_headers,
            o11y_headers=create_o11y_headers(),
            http_client=self._http_client,
            clock=self._clock,
        )

    # --- models ----------------------------------------------------------------------------

    def __call__(self, model_id: str) -> GatewayLanguageModel:
        """The language model ``model_id``."""
        return self.language_model(model_id)

    def language_model(self, model_id: str) -> GatewayLanguageModel:
        """The language model ``model_id`` (``"openai/gpt-5"``)."""
        from ._language_model import GatewayLanguageModel

        return GatewayLanguageModel(model_id, self._config())

    def chat(self, model_id: str) -> GatewayLanguageModel:
        """Alias of :meth:`language_model`."""
        return self.language_model(model_id)

    def embedding_model(self, model_id: str) -> GatewayEmbeddingModel:
        """The embedding model ``model_id`` (``"openai/text-embedding-3-small"``)."""
        from ._embedding_model import GatewayEmbeddingModel

        return GatewayEmbeddingModel(model_id, self._config())

    def embedding(self, model_id: str) -> GatewayEmbeddingModel:
        """Alias of :meth:`embedding_model`."""
        return self.embedding_model(model_id)

    def text_embedding_model(self, model_id: str) -> GatewayEmbeddingModel:
        """Deprecated: use :meth:`embedding_model`."""
        warnings.warn(
            "text_embedding_model() is deprecated; use embedding_model()",
            DeprecationWarning,
            stacklevel=2,
        )
        return self.embedding_model(model_id)

    def image_model(self, model_id: str) -> GatewayImageModel:
        """The image model ``model_id`` (``"openai/gpt-image-1"``)."""
        from ._image_model import GatewayImageModel

        return GatewayImageModel(model_id, self._config())

    def image(self, model_id: str) -> GatewayImageModel:
        """Alias of :meth:`image_model`."""
        return self.image_model(model_id)

    def video_model(self, model_id: str) -> GatewayVideoModel:
        """The video model ``model_id`` (``"google/veo-3.0-generate-001"``)."""
        from ._video_model import GatewayVideoModel

        return GatewayVideoModel(model_id, self._config())

    def video(self, model_id: str) -> GatewayVideoModel:
        """Alias of :meth:`video_model`."""
        return self.video_model(model_id)

    def reranking_model(self, model_id: str) -> GatewayRerankingModel:
        """The reranking model ``model_id`` (``"cohere/rerank-v3.5"``)."""
        from ._reranking_model import GatewayRerankingModel

        return GatewayRerankingModel(model_id, self._config())

    def reranking(self, model_id: str) -> GatewayRerankingModel:
        """Alias of :meth:`reranking_model`."""
        return self.reranking_model(model_id)

    def speech_model(self, model_id: str) -> GatewaySpeechModel:
        """The speech model ``model_id`` (``"openai/tts-1"``)."""
        from ._speech_model import GatewaySpeechModel

        return GatewaySpeechModel(model_id, self._config())

    def speech(self, model_id: str) -> GatewaySpeechModel:
        """Alias of :meth:`speech_model`."""
        return self.speech_model(model_id)

    def transcription_model(self, model_id: str) -> GatewayTranscriptionModel:
        """The transcription model ``model_id`` (``"openai/whisper-1"``)."""
        from ._transcription_model import GatewayTranscriptionModel

        return GatewayTranscriptionModel(model_id, self._config())

    def transcription(self, model_id: str) -> GatewayTranscriptionModel:
        """Alias of :meth:`transcription_model`."""
        return self.transcription_model(model_id)

    @property
    def tools(self) -> GatewayTools:
        """The gateway tools (web searches run by the gateway for any model)."""
        from ._tools import gateway_tools

        return gateway_tools

    # --- gateway queries -------------------------------------------------------------------

    async def get_available_models(self) -> GatewayFetchMetadataResponse:
        """The models the gateway offers (``GET <base_url>/config``).

        The answer is cached per provider for ``metadata_cache_refresh_millis``; after that a
        call returns the cached answer at once and refreshes it in the background
        (stale-while-revalidate). Callers arriving before the first answer share one request;
        a failed request is raised to every caller until the interval has passed.
        """
        loop = asyncio.get_running_loop()
        now = self._clock()
        pending = self._pending_metadata
        if (
            pending is None
            or pending.get_loop() is not loop
            or now - self._last_fetch_time > self._refresh_seconds
        ):
            self._last_fetch_time = now
            pending = self._pending_metadata = loop.create_task(self._fetch_metadata())
            pending.add_done_callback(_retrieve_exception)
        if self._metadata_cache is not None:
            return self._metadata_cache
        return await asyncio.shield(pending)

    async def _fetch_metadata(self) -> GatewayFetchMetadataResponse:
        from ._metadata import fetch_available_models

        metadata = await fetch_available_models(self._config())
        self._metadata_cache = metadata
        return metadata

    async def get_credits(self) -> GatewayCreditsResponse:
        """The credit balance and the credits used (``GET <origin>/v1/credits``)."""
        from ._metadata import fetch_credits

        return await fetch_credits(self._config())

    async def get_spend_report(
        self,
        *,
        start_date: str,
        end_date: str,
        group_by: SpendReportGroupBy | None = None,
        date_part: SpendReportDatePart | None = None,
        user_id: str | None = None,
        model: str | None = None,
        provider: str | None = None,
        credential_type: CredentialType | None = None,
        tags: Sequence[str] | None = None,
    ) -> GatewaySpendReportResponse:
        """Cost, tokens and requests between ``start_date`` and ``end_date`` (``YYYY-MM-DD``,
        inclusive), grouped by ``group_by`` (``"day"`` by default; ``date_part="hour"`` for
        hours) and filtered by user, model, provider, credential type or tags
        (``GET <origin>/v1/report``)."""
        from ._spend_report import fetch_spend_report, spend_report_query

        query = spend_report_query(
            start_date=start_date,
            end_date=end_date,
            group_by=group_by,
            date_part=date_part,
            user_id=user_id,
            model=model,
            provider=provider,
            credential_type=credential_type,
            tags=tags,
        )
        return await fetch_spend_report(self._config(), query)

    async def get_generation_info(self, id: str) -> GatewayGenerationInfo:
        """Cost, tokens, latency and provider of the generation ``id`` (``gen_…``, from
        ``provider_metadata["gateway"]["generationId"]``; ``GET <origin>/v1/generation``)."""
        from ._generation_info import fetch_generation_info

        return await fetch_generation_info(self._config(), id)

    # --- sync twins ------------------------------------------------------------------------

    def get_available_models_sync(self) -> GatewayFetchMetadataResponse:
        """:meth:`get_available_models`, for synchronous code."""
        from ai_sdk_core.provider_utils import run_sync

        return run_sync(self.get_available_models)

    def get_credits_sync(self) -> GatewayCreditsResponse:
        """:meth:`get_credits`, for synchronous code."""
        from ai_sdk_core.provider_utils import run_sync

        return run_sync(self.get_credits)

    def get_spend_report_sync(
        self,
        *,
        start_date: str,
        end_date: str,
        group_by: SpendReportGroupBy | None = None,
        date_part: SpendReportDatePart | None = None,
        user_id: str | None = None,
        model: str | None = None,
        provider: str | None = None,
        credential_type: CredentialType | None = None,
        tags: Sequence[str] | None = None,
    ) -> GatewaySpendReportResponse:
        """:meth:`get_spend_report`, for synchronous code."""
        from ai_sdk_core.provider_utils import run_sync

        return run_sync(
            lambda: self.get_spend_report(
                start_date=start_date,
                end_date=end_date,
                group_by=group_by,
                date_part=date_part,
                user_id=user_id,
                model=model,
                provider=provider,
                credential_type=credential_type,
                tags=tags,
            )
        )

    def get_generation_info_sync(self, id: str) -> GatewayGenerationInfo:
        """:meth:`get_generation_info`, for synchronous code."""
        from ai_sdk_core.provider_utils import run_sync

        return run_sync(self.get_generation_info, id)


def _retrieve_exception(task: asyncio.Task[object]) -> None:
    # a background refresh may fail with nobody awaiting it: mark its error as seen
    if not task.cancelled():
        task.exception()


def create_gateway(
    *,
    api_key: ApiKey | None = None,
    base_url: str = DEFAULT_BASE_URL,
    team_id_or_slug: str | None = None,
    headers: Mapping[str, str] | None = None,
    metadata_cache_refresh_millis: float = 300_000,
    http_client: httpx.AsyncClient | None = None,
    clock: Callable[[], float] = time.time,
) -> GatewayProvider:
    """A provider for the Vercel AI Gateway (or a server that speaks its protocol).

    Args:
        api_key: API key or Vercel access token, sent as ``Authorization: Bearer …``; or a
            function (sync or async) called before each request that returns one. When
            ``None``, a non-empty ``AI_GATEWAY_API_KEY`` is used, else the Vercel OIDC token
            (``VERCEL_OIDC_TOKEN``, or the request's, see :func:`vercel_request_context`),
            each read per request. Without any, calls raise
            :class:`GatewayAuthenticationError`.
        base_url: The gateway API URL (a trailing ``/`` is removed). Credits, spend reports
            and generation info are read from its origin.
        team_id_or_slug: The Vercel team to act for, for access tokens of several teams
            (``x-vercel-ai-gateway-team``).
        headers: Extra headers for every request (they may override the auth headers).
        metadata_cache_refresh_millis: How long :meth:`GatewayProvider.get_available_models`
            keeps its answer before refreshing it (default five minutes).
        http_client: The ``httpx.AsyncClient`` for all requests (default: a shared client).
        clock: Seconds since the epoch, for the metadata cache and response timestamps
            (``time.time``; tests pass a fake).
    """
    return GatewayProvider(
        api_key=api_key,
        base_url=base_url,
        team_id_or_slug=team_id_or_slug,
        headers=headers,
        metadata_cache_refresh_millis=metadata_cache_refresh_millis,
        http_client=http_client,
        clock=clock,
    )


gateway = create_gateway()
"""The default provider: ``gateway("openai/gpt-5")``; also the default provider of string
model ids (``generate_text(model="openai/gpt-5", …)``) when no other is set."""
