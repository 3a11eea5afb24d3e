"""``generate_text_sync`` and ``stream_text_sync``: the same calls for code without ``await``.

They run on the SDK's shared background event loop, so they work in scripts, in threads and
inside code that already runs an event loop (a Jupyter cell). Streams are plain iterators.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Iterator
from typing import Any, Generic, ParamSpec, TypeVar

from ai_sdk_core._content import ContentPart, GeneratedFile, Source, ToolCall, ToolResult
from ai_sdk_core._sync import iterate_sync, run_sync
from ai_sdk_core._usage import LanguageModelUsage
from ai_sdk_core.prompt._messages import ReasoningFilePart, ReasoningPart
from ai_sdk_core.provider._shared import SharedV4ProviderMetadata, SharedV4Warning

from ._generate_text import generate_text
from ._step_result import (
    FinishReason,
    LanguageModelRequestMetadata,
    LanguageModelResponseMetadata,
    ResponseMessage,
    StepResult,
)
from ._stream_parts import TextStreamPart
from ._stream_text import stream_text
from ._stream_text_result import StreamTextResult

__all__ = ["SyncStreamTextResult", "generate_text_sync", "stream_text_sync"]

P = ParamSpec("P")
T = TypeVar("T")
OutputT = TypeVar("OutputT")


def _blocking(async_fn: Callable[P, Awaitable[T]]) -> Callable[P, T]:
    def call(*args: P.args, **kwargs: P.kwargs) -> T:
        return run_sync(async_fn, *args, **kwargs)

    call.__doc__ = f"``{async_fn.__name__}`` for synchronous code: the same arguments and result."
    return call


generate_text_sync = _blocking(generate_text)


class SyncStreamTextResult(Generic[OutputT]):
    """:class:`StreamTextResult` for synchronous code.

    The streams are plain iterators (``for delta in result.text_stream``); close one early with
    ``.close()`` or a ``with`` block. The results are properties that block until the
    generation has finished (``result.text``).
    """

    __slots__ = ("_result",)

    def __init__(self, result: StreamTextResult[OutputT]) -> None:
        self._result = result

    def _value(self, read: Callable[[StreamTextResult[OutputT]], Awaitable[T]]) -> T:
        return run_sync(lambda: read(self._result))

    @property
    def full_stream(self) -> Iterator[TextStreamPart]:
        """Every part of the generation."""
        return iterate_sync(self._result.full_stream)

    @property
    def stream(self) -> Iterator[TextStreamPart]:
        """The TS ai 7 name of :attr:`full_stream`."""
        return iterate_sync(self._result.full_stream)

    @property
    def text_stream(self) -> Iterator[str]:
        """The text deltas."""
        return iterate_sync(self._result.text_stream)

    @property
    def partial_output_stream(self) -> Iterator[Any]:
        """The structured output as it grows."""
        return iterate_sync(self._result.partial_output_stream)

    @property
    def element_stream(self) -> Iterator[Any]:
        """The elements of an ``Output.array`` output."""
        return iterate_sync(self._result.element_stream)

    def consume_stream(self) -> None:
        """Run the generation to its end without reading the parts."""
        run_sync(self._result.consume_stream)

    def close(self) -> None:
        """Stop the generation."""
        run_sync(self._result.aclose)

    @property
    def steps(self) -> list[StepResult]:
        """Every step."""
        return self._value(lambda result: result.steps)

    @property
    def final_step(self) -> StepResult:
        """The last step."""
        return self._value(lambda result: result.final_step)

    @property
    def content(self) -> list[ContentPart]:
        """The content of every step."""
        return self._value(lambda result: result.content)

    @property
    def text(self) -> str:
        """The text of the final step."""
        return self._value(lambda result: result.text)

    @property
    def reasoning(self) -> list[ReasoningPart | ReasoningFilePart]:
        """The reasoning of the final step."""
        return self._value(lambda result: result.reasoning)

    @property
    def reasoning_text(self) -> str | None:
        """The reasoning text of the final step."""
        return self._value(lambda result: result.reasoning_text)

    @property
    def files(self) -> list[GeneratedFile]:
        """The files of every step."""
        return self._value(lambda result: result.files)

    @property
    def sources(self) -> list[Source]:
        """The sources of every step."""
        return self._value(lambda result: result.sources)

    @property
    def tool_calls(self) -> list[ToolCall]:
        """The tool calls of every step."""
        return self._value(lambda result: result.tool_calls)

    @property
    def tool_results(self) -> list[ToolResult]:
        """The tool results of every step."""
        return self._value(lambda result: result.tool_results)

    @property
    def finish_reason(self) -> FinishReason:
        """Why the final step ended."""
        return self._value(lambda result: result.finish_reason)

    @property
    def raw_finish_reason(self) -> str | None:
        """The provider's finish reason of the final step."""
        return self._value(lambda result: result.raw_finish_reason)

    @property
    def usage(self) -> LanguageModelUsage:
        """Tokens used by every step together."""
        return self._value(lambda result: result.usage)

    @property
    def total_usage(self) -> LanguageModelUsage:
        """Tokens used by every step together."""
        return self._value(lambda result: result.total_usage)

    @property
    def warnings(self) -> list[SharedV4Warning]:
        """The warnings of every step."""
        return self._value(lambda result: result.warnings)

    @property
    def request(self) -> LanguageModelRequestMetadata:
        """The request of the final step."""
        return self._value(lambda result: result.request)

    @property
    def response(self) -> LanguageModelResponseMetadata:
        """The response of the final step."""
        return self._value(lambda result: result.response)

    @property
    def provider_metadata(self) -> SharedV4ProviderMetadata | None:
        """The provider metadata of the final step."""
        return self._value(lambda result: result.provider_metadata)

    @property
    def response_messages(self) -> list[ResponseMessage]:
        """Every message the generation added."""
        return self._value(lambda result: result.response_messages)

    @property
    def output(self) -> OutputT:
        """The parsed structured output."""
        return self._value(lambda result: result.output)


def _streaming(
    fn: Callable[P, StreamTextResult[OutputT]],
) -> Callable[P, SyncStreamTextResult[OutputT]]:
    def call(*args: P.args, **kwargs: P.kwargs) -> SyncStreamTextResult[OutputT]:
        return SyncStreamTextResult(fn(*args, **kwargs))

    call.__doc__ = "``stream_text`` for synchronous code: the same arguments; plain iterators."
    return call


stream_text_sync = _streaming(stream_text)
