"""``smooth_stream``: re-chunk streamed text into words (or lines…) with a delay between them.

Port of ``smooth-stream.ts``. Text and reasoning deltas are buffered per block; every complete
chunk in the buffer is emitted as its own delta, followed by the delay. Any other part first
flushes the rest of the buffer (with the provider metadata of the buffered deltas), then
passes through unchanged; the end of the stream flushes too.
"""

from __future__ import annotations

import re
from collections.abc import AsyncIterable, AsyncIterator, Awaitable, Callable
from typing import Literal, TypeAlias, cast

import anyio

from ai_sdk_core.provider._errors import InvalidArgumentError
from ai_sdk_core.provider._shared import SharedV4ProviderMetadata

from ._stream_parts import ReasoningDeltaPart, TextDeltaPart, TextStreamPart

__all__ = ["ChunkDetector", "StreamTextTransform", "smooth_stream"]

StreamTextTransform: TypeAlias = Callable[
    [AsyncIterator[TextStreamPart]], AsyncIterator[TextStreamPart]
]
"""A transform of ``stream_text``'s parts (``experimental_transform`` in TS)."""

ChunkDetector: TypeAlias = Callable[[str], str | None]
"""The first chunk of a buffer (a non-empty prefix of it), or ``None`` when there is none yet."""

_CHUNKING_PATTERNS = {"word": re.compile(r"\S+\s+"), "line": re.compile(r"\n+")}


def smooth_stream(
    *,
    delay_ms: float | None = 10,
    chunking: Literal["word", "line"] | re.Pattern[str] | ChunkDetector = "word",
    sleep: Callable[[float], Awaitable[None]] = anyio.sleep,
) -> StreamTextTransform:
    """A transform that smooths text and reasoning deltas into chunks, ``delay_ms`` apart.

    ``chunking`` is ``"word"`` (a word and the whitespace after it), ``"line"``, a compiled
    pattern (a chunk ends where its first match ends) or a :data:`ChunkDetector`. ``delay_ms=None``
    emits chunks without delay. ``sleep`` (seconds) is the delay function, for tests.
    Raises :class:`InvalidArgumentError` for an unknown ``chunking``; iteration raises
    :class:`ValueError` when a detector returns an empty string or a string that is not a prefix
    of the buffer.
    """
    detect_chunk = _chunk_detector(chunking)

    async def transform(stream: AsyncIterable[TextStreamPart]) -> AsyncIterator[TextStreamPart]:
        buffer = ""
        block_id = ""
        kind: Literal["text-delta", "reasoning-delta"] | None = None
        provider_metadata: SharedV4ProviderMetadata | None = None
        parts = aiter(stream)
        try:
            async for part in parts:
                if not isinstance(part, TextDeltaPart | ReasoningDeltaPart):
                    if buffer and kind:
                        yield _delta(kind, block_id, buffer, provider_metadata)
                        buffer, provider_metadata = "", None
                    yield part
                    continue
                if buffer and kind and (part.type != kind or part.id != block_id):
                    yield _delta(kind, block_id, buffer, provider_metadata)
                    buffer, provider_metadata = "", None
                buffer += part.text
                block_id, kind = part.id, part.type
                if part.provider_metadata is not None:
                    provider_metadata = part.provider_metadata
                while (chunk := detect_chunk(buffer)) is not None:
                    yield _delta(kind, block_id, chunk, None)
                    buffer = buffer[len(chunk) :]
                    if delay_ms is not None:
                        await sleep(delay_ms / 1000)
            if buffer and kind:
                yield _delta(kind, block_id, buffer, provider_metadata)
        finally:
            aclose = getattr(parts, "aclose", None)
            if aclose is not None:
                await aclose()

    return transform


def _delta(
    kind: Literal["text-delta", "reasoning-delta"],
    block_id: str,
    text: str,
    provider_metadata: SharedV4ProviderMetadata | None,
) -> TextDeltaPart | ReasoningDeltaPart:
    part_type = TextDeltaPart if kind == "text-delta" else ReasoningDeltaPart
    return part_type(id=block_id, text=text, provider_metadata=provider_metadata)


def _chunk_detector(chunking: object) -> ChunkDetector:
    """The detector for a ``chunking`` option; custom detectors are checked on every call."""
    pattern = _CHUNKING_PATTERNS.get(chunking) if isinstance(chunking, str) else chunking
    if isinstance(pattern, re.Pattern):
        compiled = cast("re.Pattern[str]", pattern)

        def detect_match(buffer: str) -> str | None:
            match = compiled.search(buffer)
            if match is None:
                return None
            if not match.end():
                raise ValueError("Chunking pattern must not match an empty string at the start.")
            return buffer[: match.end()]

        return detect_match
    if callable(chunking):
        detector = cast(ChunkDetector, chunking)

        def detect_checked(buffer: str) -> str | None:
            chunk = detector(buffer)
            if chunk is None:
                return None
            if not chunk:
                raise ValueError("Chunking function must return a non-empty string.")
            if not buffer.startswith(chunk):
                raise ValueError(
                    "Chunking function must return a match that is a prefix of the buffer. "
                    f'Received: "{chunk}" expected to start with "{buffer}"'
                )
            return chunk

        return detect_checked
    raise InvalidArgumentError(
        'Chunking must be "word", "line", a compiled regular expression, or a chunk detector '
        f"function. Received: {chunking!r}",
        argument="chunking",
        value=chunking,
    )
