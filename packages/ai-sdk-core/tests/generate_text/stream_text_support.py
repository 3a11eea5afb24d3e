"""Shared helpers of the ``stream_text`` tests: model stream parts, mock models, gated streams."""

from __future__ import annotations

from collections.abc import AsyncGenerator, Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

import anyio

from ai_sdk_core import stream_text
from ai_sdk_core.generate_text import StreamTextResult, TextStreamPart
from ai_sdk_core.provider import (
    LanguageModelV4CallOptions,
    LanguageModelV4Finish,
    LanguageModelV4FinishReason,
    LanguageModelV4InputTokens,
    LanguageModelV4OutputTokens,
    LanguageModelV4ResponseMetadataPart,
    LanguageModelV4StreamPart,
    LanguageModelV4StreamResult,
    LanguageModelV4StreamStart,
    LanguageModelV4TextDelta,
    LanguageModelV4TextEnd,
    LanguageModelV4TextStart,
    LanguageModelV4ToolCall,
    LanguageModelV4UnifiedFinishReason,
    LanguageModelV4Usage,
)
from ai_sdk_core.testing import MockLanguageModelV4, stream_result

EPOCH = datetime(1970, 1, 1, tzinfo=UTC)


def usage(input_tokens: int = 3, output_tokens: int = 10) -> LanguageModelV4Usage:
    return LanguageModelV4Usage(
        input_tokens=LanguageModelV4InputTokens(total=input_tokens, no_cache=input_tokens),
        output_tokens=LanguageModelV4OutputTokens(total=output_tokens, text=output_tokens),
    )


def finish(
    reason: LanguageModelV4UnifiedFinishReason = "stop",
    *,
    raw: str | None = None,
    tokens: LanguageModelV4Usage | None = None,
    provider_metadata: dict[str, Any] | None = None,
) -> LanguageModelV4Finish:
    return LanguageModelV4Finish(
        usage=tokens or usage(),
        finish_reason=LanguageModelV4FinishReason(unified=reason, raw=raw),
        provider_metadata=provider_metadata,
    )


def metadata(
    response_id: str = "id-0", model_id: str = "mock-model-id"
) -> LanguageModelV4ResponseMetadataPart:
    return LanguageModelV4ResponseMetadataPart(id=response_id, model_id=model_id, timestamp=EPOCH)


def text(*deltas: str, block_id: str = "1") -> list[LanguageModelV4StreamPart]:
    """A complete text block."""
    return [
        LanguageModelV4TextStart(id=block_id),
        *(LanguageModelV4TextDelta(id=block_id, delta=delta) for delta in deltas),
        LanguageModelV4TextEnd(id=block_id),
    ]


def tool_call(call_id: str, name: str, arguments: str = "{}") -> LanguageModelV4ToolCall:
    return LanguageModelV4ToolCall(tool_call_id=call_id, tool_name=name, input=arguments)


def text_step(
    *deltas: str, reason: LanguageModelV4UnifiedFinishReason = "stop"
) -> list[LanguageModelV4StreamPart]:
    """A whole model stream answering with text."""
    return [
        LanguageModelV4StreamStart(warnings=[]),
        metadata(),
        *text(*deltas),
        finish(reason, raw=reason),
    ]


def model(
    *steps: Sequence[LanguageModelV4StreamPart] | LanguageModelV4StreamResult,
) -> MockLanguageModelV4:
    """A mock model answering its n-th ``do_stream`` call with the n-th stream."""
    results = [
        step if isinstance(step, LanguageModelV4StreamResult) else stream_result(list(step))
        for step in steps
    ]
    return MockLanguageModelV4(do_stream=results)


def repeating_model(parts: Sequence[LanguageModelV4StreamPart]) -> MockLanguageModelV4:
    """A mock model answering every call with the same parts."""
    return MockLanguageModelV4(do_stream=lambda options: stream_result(list(parts)))


async def collect(result: StreamTextResult[Any]) -> list[TextStreamPart]:
    return [part async for part in result.full_stream]


def types(parts: Iterable[TextStreamPart]) -> list[str]:
    return [part.type for part in parts]


def stream(**arguments: Any) -> StreamTextResult[Any]:
    """``stream_text`` with a prompt and the default ``on_error`` silenced."""
    if "messages" not in arguments:
        arguments.setdefault("prompt", "test-input")
    arguments.setdefault("on_error", None)
    return stream_text(**arguments)


@dataclass
class GatedStream:
    """A model stream whose parts wait for events the test controls.

    ``gates[i]`` (when given) must be set before part ``i`` is yielded; ``reached[i]`` is set
    when the stream is about to wait for gate ``i``. ``closed`` is set in its ``finally``:
    the model stream was closed (as an HTTP response would be).
    """

    parts: list[LanguageModelV4StreamPart]
    gates: dict[int, anyio.Event] = field(default_factory=dict[int, anyio.Event])
    reached: dict[int, anyio.Event] = field(default_factory=dict[int, anyio.Event])
    closed: bool = False
    yielded: int = 0

    def gate(self, index: int) -> anyio.Event:
        """The event part ``index`` waits for (created on first use)."""
        self.reached.setdefault(index, anyio.Event())
        return self.gates.setdefault(index, anyio.Event())

    async def run(self) -> AsyncGenerator[LanguageModelV4StreamPart, None]:
        try:
            for index, part in enumerate(self.parts):
                gate = self.gates.get(index)
                if gate is not None:
                    self.reached[index].set()
                    await gate.wait()
                yield part
                self.yielded += 1
        finally:
            self.closed = True

    def result(self) -> LanguageModelV4StreamResult:
        return LanguageModelV4StreamResult(stream=self.run())


def gated_model(*streams: GatedStream | Sequence[LanguageModelV4StreamPart]) -> MockLanguageModelV4:
    """A mock model answering with gated streams (or plain part lists), one per call."""
    answers: list[Callable[[], LanguageModelV4StreamResult]] = [
        each.result
        if isinstance(each, GatedStream)
        else (lambda parts=list(each): stream_result(parts))
        for each in streams
    ]
    calls = iter(answers)

    def answer(options: LanguageModelV4CallOptions) -> LanguageModelV4StreamResult:
        return next(calls)()

    return MockLanguageModelV4(do_stream=answer)
