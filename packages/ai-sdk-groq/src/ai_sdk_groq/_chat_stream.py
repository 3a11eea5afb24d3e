"""The chat stream: parsed Groq chunks in, ``LanguageModelV4`` stream parts out.

The transform of ``groq-chat-language-model.ts`` ``doStream``: ``stream-start``, then
``response-metadata`` from the first chunk, reasoning (``delta.reasoning``) and text
(``delta.content``) blocks with the fixed ids ``reasoning-0`` and ``txt-0``, tool calls through
the shared :class:`StreamingToolCallTracker` (finished when the stream ends), and ``finish``
with the usage of ``x_groq.usage``. Error chunks and unparsable chunks become ``error`` parts
and the finish reason ``error``; a stream without a finish reason finishes with ``other``.
"""

from __future__ import annotations

from collections.abc import AsyncGenerator
from datetime import UTC, datetime
from typing import Any, cast

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
    SharedV4Warning,
)
from ai_sdk_core.provider_utils import (
    LanguageModelResponseMetadata,
    ParseFailure,
    ParseResult,
    StreamingToolCallTracker,
    create_language_model_response_metadata,
)

from ._chat_api import GroqChatChunk, GroqToolCallDelta
from ._finish_reason import map_groq_finish_reason
from ._usage import GroqTokenUsage, convert_groq_usage

__all__ = ["groq_chat_stream_parts", "response_metadata"]

_TEXT_ID = "txt-0"
_REASONING_ID = "reasoning-0"


def response_metadata(
    *, id: str | None, model: str | None, created: float | None
) -> LanguageModelResponseMetadata:
    """Response id, model id and timestamp (``created`` in Unix seconds; ``0`` is 1970-01-01
    here, as Groq's TS provider reads it)."""
    metadata = create_language_model_response_metadata(id=id, model=model, created=created)
    if created == 0:
        metadata["timestamp"] = datetime.fromtimestamp(0, UTC)
    return metadata


async def groq_chat_stream_parts(
    chunks: AsyncGenerator[ParseResult[Any], None],
    *,
    warnings: list[SharedV4Warning],
    include_raw_chunks: bool,
) -> AsyncGenerator[LanguageModelV4StreamPart, None]:
    """The stream parts of a Groq chat response; closing this generator closes ``chunks``."""
    tracker = StreamingToolCallTracker[GroqToolCallDelta](type_validation="required")
    finish_reason = LanguageModelV4FinishReason(unified="other")
    usage: GroqTokenUsage | None = None
    first_chunk = True
    reasoning_active = False
    text_active = False

    try:
        yield LanguageModelV4StreamStart(warnings=warnings)
        async for chunk in chunks:
            if include_raw_chunks:
                yield LanguageModelV4RawChunk(raw_value=chunk.raw_value)
            if isinstance(chunk, ParseFailure):
                finish_reason = LanguageModelV4FinishReason(unified="error")
                yield LanguageModelV4StreamError(error=chunk.error)
                continue
            parsed: dict[str, Any] = chunk.value
            if "error" in parsed:
                finish_reason = LanguageModelV4FinishReason(unified="error")
                yield LanguageModelV4StreamError(error=parsed["error"])
                continue
            value = cast("GroqChatChunk", parsed)

            if first_chunk:
                first_chunk = False
                yield LanguageModelV4ResponseMetadataPart(
                    **response_metadata(
                        id=value.get("id"), model=value.get("model"), created=value.get("created")
                    )
                )

            x_groq = value.get("x_groq")
            if x_groq is not None and x_groq.get("usage") is not None:
                usage = x_groq.get("usage")

            choices = value["choices"]
            if not choices:
                continue
            choice = choices[0]
            raw_finish_reason = choice.get("finish_reason")
            if raw_finish_reason is not None:
                finish_reason = LanguageModelV4FinishReason(
                    unified=map_groq_finish_reason(raw_finish_reason), raw=raw_finish_reason
                )
            delta = choice.get("delta")
            if delta is None:
                continue

            reasoning = delta.get("reasoning")
            if reasoning:
                if not reasoning_active:
                    reasoning_active = True
                    yield LanguageModelV4ReasoningStart(id=_REASONING_ID)
                yield LanguageModelV4ReasoningDelta(id=_REASONING_ID, delta=reasoning)

            content = delta.get("content")
            if content:
                if reasoning_active:  # reasoning ends where the text starts
                    reasoning_active = False
                    yield LanguageModelV4ReasoningEnd(id=_REASONING_ID)
                if not text_active:
                    text_active = True
                    yield LanguageModelV4TextStart(id=_TEXT_ID)
                yield LanguageModelV4TextDelta(id=_TEXT_ID, delta=content)

            tool_calls = delta.get("tool_calls")
            if tool_calls:
                if reasoning_active:  # and where the tool calls start
                    reasoning_active = False
                    yield LanguageModelV4ReasoningEnd(id=_REASONING_ID)
                for tool_call in tool_calls:
                    for part in tracker.process_delta(tool_call):
                        yield part

        if reasoning_active:
            yield LanguageModelV4ReasoningEnd(id=_REASONING_ID)
        if text_active:
            yield LanguageModelV4TextEnd(id=_TEXT_ID)
        for part in tracker.flush():
            yield part
        yield LanguageModelV4Finish(finish_reason=finish_reason, usage=convert_groq_usage(usage))
    finally:
        await chunks.aclose()
