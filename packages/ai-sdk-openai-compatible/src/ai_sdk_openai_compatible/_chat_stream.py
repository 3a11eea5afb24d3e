"""The chat stream: parsed chunks in, ``LanguageModelV4`` stream parts out.

The transform of ``openai-compatible-chat-language-model.ts`` ``doStream``. Tool-call deltas
are buffered by ``index`` until their ``function.name`` arrives (some servers send the id and
arguments first), then handed to the shared :class:`StreamingToolCallTracker`, which finishes
every call when the stream ends.
"""

from __future__ import annotations

from collections.abc import AsyncGenerator, Callable, Mapping
from typing import Any, cast

from ai_sdk_core.errors import InvalidResponseDataError
from ai_sdk_core.provider import (
    LanguageModelV4Finish,
    LanguageModelV4FinishReason,
    LanguageModelV4RawChunk,
    LanguageModelV4ReasoningDelta,
    LanguageModelV4ReasoningEnd,
    LanguageModelV4ReasoningStart,
    LanguageModelV4ResponseMetadataPart,
    LanguageModelV4StreamError,
    LanguageModelV4StreamPart,
    LanguageModelV4StreamStart,
    LanguageModelV4TextDelta,
    LanguageModelV4TextEnd,
    LanguageModelV4TextStart,
    LanguageModelV4Usage,
    SharedV4ProviderMetadata,
    SharedV4Warning,
)
from ai_sdk_core.provider_utils import ParseFailure, ParseResult, StreamingToolCallTracker

from ._chat_api import ChatChunk, ToolCallDelta
from ._finish_reason import map_openai_compatible_finish_reason
from ._metadata_extractor import StreamMetadataExtractor
from ._response_metadata import get_response_metadata
from ._usage import OpenAICompatibleTokenUsage

__all__ = ["chat_stream_parts", "content_parts", "error_of_chunk", "prediction_token_metadata"]

_TEXT_ID = "txt-0"
_REASONING_ID = "reasoning-0"


def content_parts(content: str | list[dict[str, Any]] | None) -> list[tuple[bool, str]]:
    """``(is_reasoning, text)`` pieces of a message ``content``: a string, or a list of
    ``text`` and ``thinking`` parts (as Mistral sends); empty pieces are dropped."""
    if not content:
        return []
    if isinstance(content, str):
        return [(False, content)]
    pieces: list[tuple[bool, str]] = []
    for part in content:
        kind = part.get("type")
        if kind == "text":
            text = part.get("text")
            if isinstance(text, str) and text:
                pieces.append((False, text))
        elif kind == "thinking":
            thinking = part.get("thinking")
            if isinstance(thinking, list):
                texts: list[str] = []
                for chunk in cast("list[Any]", thinking):
                    if isinstance(chunk, dict):
                        item = cast("dict[str, Any]", chunk)
                        text = item.get("text")
                        if item.get("type") == "text" and isinstance(text, str):
                            texts.append(text)
                reasoning = "".join(texts)
                if reasoning:
                    pieces.append((True, reasoning))
    return pieces


def error_of_chunk(value: Any) -> tuple[bool, Any]:
    """``(True, error)`` when a validated chunk is an error chunk (it has an ``error`` entry)."""
    if isinstance(value, Mapping):
        mapping = cast("Mapping[str, Any]", value)
        if "error" in mapping:
            return True, mapping["error"]
        return False, None
    return True, getattr(value, "error", value)  # a custom error schema's model


def prediction_token_metadata(
    metadata: SharedV4ProviderMetadata, key: str, usage: Mapping[str, Any] | None
) -> SharedV4ProviderMetadata:
    """``metadata`` with ``key`` present, plus the accepted/rejected prediction token counts."""
    entry = dict(metadata.get(key) or {})
    details: Mapping[str, Any] | None = (usage or {}).get("completion_tokens_details")
    if details:
        accepted = details.get("accepted_prediction_tokens")
        if accepted is not None:
            entry["acceptedPredictionTokens"] = accepted
        rejected = details.get("rejected_prediction_tokens")
        if rejected is not None:
            entry["rejectedPredictionTokens"] = rejected
    return {**metadata, key: entry}


class _PendingToolCall:
    __slots__ = ("arguments", "extra_content", "id")

    def __init__(self, delta: ToolCallDelta) -> None:
        self.id: str | None = delta.get("id")
        self.arguments: list[str] = []
        self.extra_content: Any = delta.get("extra_content")


def _thought_signature_metadata(key: str) -> Callable[[Any], SharedV4ProviderMetadata | None]:
    def extract(delta: Any) -> SharedV4ProviderMetadata | None:
        extra_content: Mapping[str, Any] = delta.get("extra_content") or {}
        google: Mapping[str, Any] = extra_content.get("google") or {}
        signature = google.get("thought_signature")
        return {key: {"thoughtSignature": signature}} if signature else None

    return extract


def _keep(metadata: SharedV4ProviderMetadata | None) -> SharedV4ProviderMetadata | None:
    return metadata


async def chat_stream_parts(
    chunks: AsyncGenerator[ParseResult[Any], None],
    *,
    warnings: list[SharedV4Warning],
    include_raw_chunks: bool,
    metadata_key: str,
    metadata_extractor: StreamMetadataExtractor | None,
    convert_usage: Callable[[OpenAICompatibleTokenUsage | None], LanguageModelV4Usage],
) -> AsyncGenerator[LanguageModelV4StreamPart, None]:
    """The stream parts of a chat response; closing this generator closes ``chunks``."""
    tracker = StreamingToolCallTracker[Any](
        extract_metadata=_thought_signature_metadata(metadata_key),
        build_tool_call_provider_metadata=_keep,
    )
    pending: dict[int, _PendingToolCall] = {}
    forwarded: set[int] = set()
    errored = False  # an error chunk came after the last finish reason
    raw_finish_reason: str | None = None
    usage: OpenAICompatibleTokenUsage | None = None
    metadata_sent = False
    reasoning_active = False
    text_active = False
    has_refusal = False

    try:
        yield LanguageModelV4StreamStart(warnings=warnings)
        async for chunk in chunks:
            if include_raw_chunks:
                yield LanguageModelV4RawChunk(raw_value=chunk.raw_value)
            if isinstance(chunk, ParseFailure):
                errored, raw_finish_reason = True, None
                yield LanguageModelV4StreamError(error=chunk.error)
                continue
            if metadata_extractor is not None:
                metadata_extractor.process_chunk(chunk.raw_value)
            parsed: Any = chunk.value
            if "error" in parsed if type(parsed) is dict else error_of_chunk(parsed)[0]:
                errored, raw_finish_reason = True, None
                yield LanguageModelV4StreamError(error=error_of_chunk(parsed)[1])
                continue
            value = cast("ChatChunk", parsed)

            if not metadata_sent and (
                value.get("id") or value.get("model") or value.get("created")
            ):
                metadata_sent = True
                yield LanguageModelV4ResponseMetadataPart(**get_response_metadata(value))
            chunk_usage = value.get("usage")
            if chunk_usage is not None:
                usage = chunk_usage
            choices = value["choices"]
            if not choices:
                continue
            choice = choices[0]
            finish_reason = choice.get("finish_reason")
            if finish_reason is not None:
                raw_finish_reason, errored = finish_reason, False
            delta = choice.get("delta")
            if delta is None:
                continue

            reasoning = delta.get("reasoning_content") or delta.get("reasoning")
            content = delta.get("content")
            refusal = delta.get("refusal")
            pieces: tuple[tuple[bool, str], ...] | list[tuple[bool, str]]
            if not (reasoning or refusal) and type(content) is str:
                pieces = ((False, content),) if content else ()  # the usual text delta
            else:
                pieces = [(True, reasoning)] if reasoning else []
                pieces += content_parts(content)
                if isinstance(refusal, str) and refusal:
                    has_refusal = True
                    pieces.append((False, refusal))

            for is_reasoning, text in pieces:
                if is_reasoning:
                    if text_active:
                        text_active = False
                        yield LanguageModelV4TextEnd(id=_TEXT_ID)
                    if not reasoning_active:
                        reasoning_active = True
                        yield LanguageModelV4ReasoningStart(id=_REASONING_ID)
                    yield LanguageModelV4ReasoningDelta(id=_REASONING_ID, delta=text)
                else:
                    if reasoning_active:
                        reasoning_active = False
                        yield LanguageModelV4ReasoningEnd(id=_REASONING_ID)
                    if not text_active:
                        text_active = True
                        yield LanguageModelV4TextStart(id=_TEXT_ID)
                    yield LanguageModelV4TextDelta(id=_TEXT_ID, delta=text)

            tool_calls = delta.get("tool_calls")
            if tool_calls:
                if reasoning_active:
                    reasoning_active = False
                    yield LanguageModelV4ReasoningEnd(id=_REASONING_ID)
                for tool_call in tool_calls:
                    index = tool_call.get("index")
                    if index is None or index in forwarded:
                        for part in tracker.process_delta(tool_call):
                            yield part
                        continue
                    # buffer the call until its name is known
                    buffered = pending.get(index)
                    if buffered is None:
                        buffered = pending[index] = _PendingToolCall(tool_call)
                    else:
                        if buffered.id is None:
                            buffered.id = tool_call.get("id")
                        if buffered.extra_content is None:
                            buffered.extra_content = tool_call.get("extra_content")
                    function = tool_call["function"]
                    arguments = function.get("arguments")
                    if arguments is not None:
                        buffered.arguments.append(arguments)
                    name = function.get("name")
                    if name is not None:
                        del pending[index]
                        forwarded.add(index)
                        merged: dict[str, Any] = {
                            "index": index,
                            "id": buffered.id,
                            "function": {"name": name, "arguments": "".join(buffered.arguments)},
                        }
                        if buffered.extra_content is not None:
                            merged["extra_content"] = buffered.extra_content
                        for part in tracker.process_delta(merged):
                            yield part

        if reasoning_active:
            yield LanguageModelV4ReasoningEnd(id=_REASONING_ID)
        if text_active:
            yield LanguageModelV4TextEnd(id=_TEXT_ID)
        # calls whose name never came: the tracker rejects them (the stream errors)
        for index, buffered in pending.items():
            nameless = {
                "index": index,
                "id": buffered.id,
                "function": {"arguments": "".join(buffered.arguments)},
            }
            for part in tracker.process_delta(nameless):
                yield part
        pending.clear()
        for part in tracker.flush():
            yield part

        if raw_finish_reason is not None and not errored:
            finish = LanguageModelV4FinishReason(
                unified=map_openai_compatible_finish_reason(
                    raw_finish_reason, has_refusal=has_refusal
                ),
                raw=raw_finish_reason,
            )
        else:
            finish = LanguageModelV4FinishReason(unified="error")
            if not errored:
                yield LanguageModelV4StreamError(
                    error=InvalidResponseDataError(
                        "Response stream ended without a finish reason.", data=None
                    )
                )

        provider_metadata: SharedV4ProviderMetadata = {metadata_key: {}}
        if metadata_extractor is not None:
            provider_metadata.update(metadata_extractor.build_metadata() or {})
        yield LanguageModelV4Finish(
            finish_reason=finish,
            usage=convert_usage(usage),
            provider_metadata=prediction_token_metadata(provider_metadata, metadata_key, usage),
        )
    finally:
        await chunks.aclose()
