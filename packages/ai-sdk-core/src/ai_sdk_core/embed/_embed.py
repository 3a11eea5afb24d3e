"""``embed``: the embedding of one value."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from ai_sdk_core._callbacks import notify
from ai_sdk_core._default_provider import EmbeddingModel, resolve_embedding_model
from ai_sdk_core._log_warnings import log_warnings
from ai_sdk_core._usage import EmbeddingModelUsage
from ai_sdk_core._version import __version__
from ai_sdk_core.provider._embedding_model import EmbeddingModelV4CallOptions
from ai_sdk_core.provider._shared import SharedV4ProviderOptions
from ai_sdk_core.provider_utils._headers import with_user_agent_suffix
from ai_sdk_core.provider_utils._id import create_id_generator
from ai_sdk_core.provider_utils._retry import prepare_retries

from ._results import EmbedEndEvent, EmbedResult, EmbedStartEvent

__all__ = ["embed"]

USER_AGENT = f"ai/{__version__}"
generate_call_id = create_id_generator(prefix="call", size=24)


async def embed(
    *,
    model: EmbeddingModel,
    value: str,
    max_retries: int | None = None,
    headers: Mapping[str, str | None] | None = None,
    provider_options: SharedV4ProviderOptions | None = None,
    on_start: Callable[[EmbedStartEvent], Any] | None = None,
    on_end: Callable[[EmbedEndEvent], Any] | None = None,
) -> EmbedResult:
    """Embed one value with an embedding model.

    ``model`` is an ``EmbeddingModelV4`` or a model id for the default provider. Retryable
    errors of the model call are retried ``max_retries`` times (default 2). ``headers`` are
    extra HTTP headers (``None`` removes one), ``provider_options`` provider-specific options.
    ``on_start`` / ``on_end`` (sync or async) are called before the model call and after it;
    an exception in them is logged and the call goes on.
    """
    resolved = resolve_embedding_model(model)
    retries = prepare_retries(max_retries)
    request_headers = with_user_agent_suffix(headers, USER_AGENT)
    call_id = generate_call_id()
    await notify(
        EmbedStartEvent(
            call_id=call_id,
            operation_id="ai.embed",
            provider=resolved.provider,
            model_id=resolved.model_id,
            value=value,
            max_retries=retries.max_retries,
            headers=request_headers,
            provider_options=provider_options,
        ),
        on_start,
    )

    async def call() -> EmbedResult:
        result = await resolved.do_embed(
            EmbeddingModelV4CallOptions(
                values=[value], provider_options=provider_options, headers=request_headers
            )
        )
        return EmbedResult(
            value=value,
            embedding=result.embeddings[0],
            usage=EmbeddingModelUsage(tokens=result.usage.tokens if result.usage else 0),
            warnings=list(result.warnings or []),
            provider_metadata=result.provider_metadata,
            response=result.response,
        )

    embedded = await retries.retry(call)
    log_warnings(embedded.warnings, provider=resolved.provider, model=resolved.model_id)
    await notify(
        EmbedEndEvent(
            call_id=call_id,
            operation_id="ai.embed",
            provider=resolved.provider,
            model_id=resolved.model_id,
            value=value,
            embedding=embedded.embedding,
            usage=embedded.usage,
            warnings=embedded.warnings,
            provider_metadata=embedded.provider_metadata,
            response=embedded.response,
        ),
        on_end,
    )
    return embedded
