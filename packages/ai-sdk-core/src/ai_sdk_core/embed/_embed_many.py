"""``embed_many``: embeddings of many values, split into as many model calls as the model needs."""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping, Sequence
from typing import Any, TypeVar

from ai_sdk_core._callbacks import notify
from ai_sdk_core._default_provider import EmbeddingModel, resolve_embedding_model
from ai_sdk_core._log_warnings import log_warnings
from ai_sdk_core._usage import EmbeddingModelUsage
from ai_sdk_core.generate_text._steps import gather, maybe_await
from ai_sdk_core.provider._embedding_model import (
    EmbeddingModelV4CallOptions,
    EmbeddingModelV4ResponseInfo,
)
from ai_sdk_core.provider._errors import InvalidArgumentError
from ai_sdk_core.provider._json import JSONObject
from ai_sdk_core.provider._shared import (
    SharedV4ProviderMetadata,
    SharedV4ProviderOptions,
    SharedV4Warning,
)
from ai_sdk_core.provider_utils._headers import with_user_agent_suffix
from ai_sdk_core.provider_utils._retry import prepare_retries

from ._embed import USER_AGENT, generate_call_id
from ._results import Embedding, EmbedEndEvent, EmbedManyResult, EmbedStartEvent

__all__ = ["embed_many"]

T = TypeVar("T")


async def embed_many(
    *,
    model: EmbeddingModel,
    values: Sequence[str],
    max_parallel_calls: int | None = None,
    max_retries: int | None = None,
    headers: Mapping[str, str | None] | None = None,
    provider_options: SharedV4ProviderOptions | None = None,
    on_start: Callable[[EmbedStartEvent], Any] | None = None,
    on_end: Callable[[EmbedEndEvent], Any] | None = None,
) -> EmbedManyResult:
    """Embed several values with an embedding model; the embeddings are in the order of
    ``values``.

    When the model takes at most ``max_embeddings_per_call`` values per call, the values are
    split into chunks of that size; the chunks are embedded one after another, or — when the
    model ``supports_parallel_calls`` — up to ``max_parallel_calls`` at a time (default: no
    limit). Each model call is retried on its own (``max_retries``, default 2). The other
    options are those of :func:`embed`.
    """
    resolved = resolve_embedding_model(model)
    if max_parallel_calls is not None and (
        type(max_parallel_calls) is not int or max_parallel_calls < 1
    ):
        raise InvalidArgumentError.for_parameter(
            "max_parallel_calls", max_parallel_calls, "max_parallel_calls must be an integer >= 1"
        )
    retries = prepare_retries(max_retries)
    request_headers = with_user_agent_suffix(headers, USER_AGENT)
    value_list = list(values)
    call_id = generate_call_id()
    await notify(
        EmbedStartEvent(
            call_id=call_id,
            operation_id="ai.embedMany",
            provider=resolved.provider,
            model_id=resolved.model_id,
            value=value_list,
            max_retries=retries.max_retries,
            headers=request_headers,
            provider_options=provider_options,
        ),
        on_start,
    )
    max_per_call = await maybe_await(resolved.max_embeddings_per_call)
    supports_parallel = await maybe_await(resolved.supports_parallel_calls)

    async def call(chunk: list[str]) -> _Chunk:
        result = await resolved.do_embed(
            EmbeddingModelV4CallOptions(
                values=chunk, provider_options=provider_options, headers=request_headers
            )
        )
        return _Chunk(
            embeddings=result.embeddings,
            tokens=result.usage.tokens if result.usage else 0,
            warnings=list(result.warnings or []),
            provider_metadata=result.provider_metadata,
            response=result.response,
        )

    chunks: list[_Chunk]
    if max_per_call is None or max_per_call == math.inf:
        single = await retries.retry(lambda: call(value_list))
        chunks, provider_metadata = [single], single.provider_metadata
    else:
        value_chunks = _split(value_list, max_per_call)
        at_once = (max_parallel_calls or len(value_chunks) or 1) if supports_parallel else 1
        chunks = []
        for group in _split(value_chunks, at_once):
            chunks += await gather(
                [lambda chunk=chunk: retries.retry(lambda: call(chunk)) for chunk in group]
            )
        provider_metadata = _merge_provider_metadata(chunks)

    embeddings = [embedding for chunk in chunks for embedding in chunk.embeddings]
    warnings = [warning for chunk in chunks for warning in chunk.warnings]
    usage = EmbeddingModelUsage(tokens=sum(chunk.tokens for chunk in chunks))
    responses = [chunk.response for chunk in chunks]
    log_warnings(warnings, provider=resolved.provider, model=resolved.model_id)
    await notify(
        EmbedEndEvent(
            call_id=call_id,
            operation_id="ai.embedMany",
            provider=resolved.provider,
            model_id=resolved.model_id,
            value=value_list,
            embedding=embeddings,
            usage=usage,
            warnings=warnings,
            provider_metadata=provider_metadata,
            response=responses,
        ),
        on_end,
    )
    return EmbedManyResult(
        values=value_list,
        embeddings=embeddings,
        usage=usage,
        warnings=warnings,
        provider_metadata=provider_metadata,
        responses=responses,
    )


class _Chunk:
    __slots__ = ("embeddings", "provider_metadata", "response", "tokens", "warnings")

    def __init__(
        self,
        *,
        embeddings: list[Embedding],
        tokens: int,
        warnings: list[SharedV4Warning],
        provider_metadata: SharedV4ProviderMetadata | None,
        response: EmbeddingModelV4ResponseInfo | None,
    ) -> None:
        self.embeddings = embeddings
        self.tokens = tokens
        self.warnings = warnings
        self.provider_metadata = provider_metadata
        self.response = response


def _split(items: list[T], size: int) -> list[list[T]]:
    return [items[start : start + size] for start in range(0, len(items), size)]


def _merge_provider_metadata(chunks: Sequence[_Chunk]) -> SharedV4ProviderMetadata | None:
    """Each provider's metadata of every call, later calls' keys winning (as TS merges it)."""
    merged: dict[str, JSONObject] | None = None
    for chunk in chunks:
        if chunk.provider_metadata is None:
            continue
        if merged is None:
            merged = dict(chunk.provider_metadata)
            continue
        for name, metadata in chunk.provider_metadata.items():
            merged[name] = {**merged.get(name, {}), **metadata}
    return merged
