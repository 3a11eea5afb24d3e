"""What ``stream_text`` returns: streams of the generation, and awaitable results.

The generation runs as it is consumed: iterating a stream pulls parts from the model, and
awaiting a result (``await result.text``) consumes the rest of the stream first. Every stream
property gives a new iterator that starts from the first part, so several consumers can read
the same generation (parts are kept for late readers, as TS's teed streams keep them).
"""

from __future__ import annotations

from collections.abc import AsyncGenerator, AsyncIterator, Awaitable, Callable
from contextlib import aclosing
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

import anyio

from ai_sdk_core._content import ContentPart, GeneratedFile, Source, ToolCall, ToolResult
from ai_sdk_core._errors import NoOutputGeneratedError
from ai_sdk_core._usage import LanguageModelUsage
from ai_sdk_core.prompt._messages import ReasoningFilePart, ReasoningPart
from ai_sdk_core.provider._errors import UnsupportedFunctionalityError
from ai_sdk_core.provider._shared import SharedV4ProviderMetadata, SharedV4Warning

from ._output import Output
from ._results import StepsSummary
from ._step_result import (
    FinishReason,
    LanguageModelRequestMetadata,
    LanguageModelResponseMetadata,
    ResponseMessage,
    StepResult,
)
from ._stream_parts import TextDeltaPart, TextStreamPart

__all__ = ["StreamTextResult", "close_iterator"]

OutputT = TypeVar("OutputT")
T = TypeVar("T")


async def close_iterator(iterator: AsyncIterator[Any]) -> None:
    """``aclose()`` the iterator when it can be closed (async generators can)."""
    close = getattr(iterator, "aclose", None)
    if close is not None:
        await close()


class _Recording:
    """The parts of one generation, pulled from its source on demand and kept for every reader.

    One reader pulls at a time; the others wait for the part it brings.
    """

    __slots__ = ("_arrived", "_done", "_parts", "_pulling", "_source")

    def __init__(self, source: AsyncIterator[TextStreamPart]) -> None:
        self._source = source
        self._parts: list[TextStreamPart] = []
        self._done = False
        self._pulling = False
        self._arrived: anyio.Event | None = None

    @property
    def done(self) -> bool:
        return self._done

    def append(self, part: TextStreamPart) -> None:
        """Add a part that did not come from the source (e.g. an abort)."""
        self._parts.append(part)

    async def parts(self) -> AsyncGenerator[TextStreamPart, None]:
        """Every part, from the first, pulling new ones as needed."""
        index = 0
        parts = self._parts
        while True:
            if index < len(parts):
                yield parts[index]
                index += 1
            elif self._done:
                return
            elif self._pulling:  # another reader is pulling: wait for the part it brings
                arrived = self._arrived
                if arrived is None:  # created only when a second reader waits
                    arrived = self._arrived = anyio.Event()
                await arrived.wait()
            else:
                self._pulling = True
                try:
                    part = await anext(self._source)
                except StopAsyncIteration:
                    self._done = True
                    continue
                except BaseException:
                    self._done = True
                    raise
                finally:
                    self._pulling = False
                    if self._arrived is not None:
                        self._arrived.set()
                        self._arrived = None
                parts.append(part)
                index += 1
                yield part

    async def drain(self) -> None:
        """Pull until the source is exhausted."""
        if self._done:
            return
        async with aclosing(self.parts()) as parts:
            async for _ in parts:
                pass

    async def close(self) -> None:
        """Stop the source (its ``finally`` blocks run; the HTTP response is closed)."""
        self._done = True
        await close_iterator(self._source)


@dataclass(slots=True, kw_only=True)
class _Outcome:
    """How the generation ended: its steps, or the error (or time limit) that ended it; and
    the parsed output once it was asked for."""

    summary: StepsSummary | None = None
    error: BaseException | None = None
    timeout: TimeoutError | None = None  # a time limit of the call stopped it
    output: Any = None
    has_output: bool = False


class StreamTextResult(Generic[OutputT]):
    """The result of :func:`stream_text`.

    Streams (each ``async for`` starts from the beginning): :attr:`full_stream` (every part),
    :attr:`text_stream` (text deltas), :attr:`partial_output_stream` and
    :attr:`element_stream` (structured output). Results (awaitable, e.g. ``await result.text``):
    the same fields as :class:`GenerateTextResult`. :meth:`aclose` stops the generation.
    """

    __slots__ = ("_outcome", "_output", "_recording")

    def __init__(
        self,
        run: Callable[[_Outcome, Callable[[TextStreamPart], None]], AsyncIterator[TextStreamPart]],
        output: Output[Any] | None,
    ) -> None:
        self._outcome = _Outcome()
        self._output = output
        self._recording = _Recording(run(self._outcome, self._append))

    def _append(self, part: TextStreamPart) -> None:
        self._recording.append(part)

    # --- streams -------------------------------------------------------------------------

    @property
    def full_stream(self) -> AsyncIterator[TextStreamPart]:
        """Every part of the generation (``fullStream``/``stream`` in TS)."""
        return self._recording.parts()

    @property
    def stream(self) -> AsyncIterator[TextStreamPart]:
        """The TS ai 7 name of :attr:`full_stream`."""
        return self._recording.parts()

    @property
    def text_stream(self) -> AsyncIterator[str]:
        """The text deltas. Errors do not raise here; they reach ``on_error``."""
        return self._text_deltas()

    async def _text_deltas(self) -> AsyncGenerator[str, None]:
        async for part in self._recording.parts():
            if type(part) is TextDeltaPart:
                yield part.text

    @property
    def partial_output_stream(self) -> AsyncIterator[Any]:
        """The structured output as it grows (partial JSON values; the text for text output)."""
        return self._partial_outputs()

    async def _partial_outputs(self) -> AsyncGenerator[Any, None]:
        output = self._output or Output.text()
        text: list[str] = []
        block: str | None = None
        last: Any = _UNSET
        async for part in self._recording.parts():
            if part.type == "start-step":
                text, block = [], None
            elif type(part) is TextDeltaPart and part.text:
                if block is None:
                    block = part.id
                elif part.id != block:
                    continue
                text.append(part.text)
                parsed = await output.parse_partial_output("".join(text))
                if parsed is not None and parsed.partial != last:
                    last = parsed.partial
                    yield parsed.partial

    @property
    def element_stream(self) -> AsyncIterator[Any]:
        """The elements of an ``Output.array`` output, each once it is complete."""
        return self._elements()

    async def _elements(self) -> AsyncGenerator[Any, None]:
        output = self._output
        tracker = output.create_element_tracker() if output is not None else None
        if tracker is None:
            raise UnsupportedFunctionalityError(
                functionality=f"element streams in {(output or Output.text()).name} mode"
            )
        async for partial in self._partial_outputs():
            for element in tracker.push(partial):
                yield element

    # --- control -------------------------------------------------------------------------

    async def consume_stream(
        self, *, on_error: Callable[[BaseException], Any] | None = None
    ) -> None:
        """Run the generation to its end without reading the parts (callbacks still fire)."""
        try:
            await self._recording.drain()
        except Exception as error:
            if on_error is None:
                raise
            on_error(error)

    async def aclose(self) -> None:
        """Stop the generation: the model stream is closed and ``on_abort`` runs."""
        await self._recording.close()

    # --- results -------------------------------------------------------------------------

    async def _summary(self) -> StepsSummary:
        await self._recording.drain()
        outcome = self._outcome
        if outcome.summary is None:
            if outcome.timeout is not None:
                raise outcome.timeout
            error = outcome.error
            if isinstance(error, NoOutputGeneratedError):
                raise error
            raise NoOutputGeneratedError(
                "No output generated. Check the stream for errors.", cause=error
            )
        return outcome.summary

    async def _get(self, read: Callable[[StepsSummary], T]) -> T:
        return read(await self._summary())

    @property
    def steps(self) -> Awaitable[list[StepResult]]:
        """Every step."""
        return self._get(lambda summary: summary.steps)

    @property
    def final_step(self) -> Awaitable[StepResult]:
        """The last step."""
        return self._get(lambda summary: summary.final_step)

    @property
    def content(self) -> Awaitable[list[ContentPart]]:
        """The content of every step."""
        return self._get(lambda summary: summary.content)

    @property
    def text(self) -> Awaitable[str]:
        """The text of the final step."""
        return self._get(lambda summary: summary.text)

    @property
    def reasoning(self) -> Awaitable[list[ReasoningPart | ReasoningFilePart]]:
        """The reasoning of the final step."""
        return self._get(lambda summary: summary.reasoning)

    @property
    def reasoning_text(self) -> Awaitable[str | None]:
        """The reasoning text of the final step."""
        return self._get(lambda summary: summary.reasoning_text)

    @property
    def files(self) -> Awaitable[list[GeneratedFile]]:
        """The files of every step."""
        return self._get(lambda summary: summary.files)

    @property
    def sources(self) -> Awaitable[list[Source]]:
        """The sources of every step."""
        return self._get(lambda summary: summary.sources)

    @property
    def tool_calls(self) -> Awaitable[list[ToolCall]]:
        """The tool calls of every step."""
        return self._get(lambda summary: summary.tool_calls)

    @property
    def tool_results(self) -> Awaitable[list[ToolResult]]:
        """The tool results of every step."""
        return self._get(lambda summary: summary.tool_results)

    @property
    def finish_reason(self) -> Awaitable[FinishReason]:
        """Why the final step ended."""
        return self._get(lambda summary: summary.finish_reason)

    @property
    def raw_finish_reason(self) -> Awaitable[str | None]:
        """The provider's finish reason of the final step."""
        return self._get(lambda summary: summary.raw_finish_reason)

    @property
    def usage(self) -> Awaitable[LanguageModelUsage]:
        """Tokens used by every step together."""
        return self._get(lambda summary: summary.total_usage)

    @property
    def total_usage(self) -> Awaitable[LanguageModelUsage]:
        """Tokens used by every step together (deprecated TS name of :attr:`usage`)."""
        return self._get(lambda summary: summary.total_usage)

    @property
    def warnings(self) -> Awaitable[list[SharedV4Warning]]:
        """The warnings of every step."""
        return self._get(lambda summary: summary.warnings)

    @property
    def request(self) -> Awaitable[LanguageModelRequestMetadata]:
        """The request of the final step."""
        return self._get(lambda summary: summary.request)

    @property
    def response(self) -> Awaitable[LanguageModelResponseMetadata]:
        """The response of the final step."""
        return self._get(lambda summary: summary.response)

    @property
    def provider_metadata(self) -> Awaitable[SharedV4ProviderMetadata | None]:
        """The provider metadata of the final step."""
        return self._get(lambda summary: summary.provider_metadata)

    @property
    def response_messages(self) -> Awaitable[list[ResponseMessage]]:
        """Every message the generation added, for the next call's ``messages``."""
        return self._get(lambda summary: summary.response_messages)

    @property
    def output(self) -> Awaitable[OutputT]:
        """The final step's text parsed by the ``output`` specification (the text by default).

        Raises ``NoOutputGeneratedError`` when the generation failed and
        ``NoObjectGeneratedError`` when the text does not parse (e.g. it was cut short).
        """
        return self._parsed_output()

    async def _parsed_output(self) -> OutputT:
        final = (await self._summary()).final_step
        outcome = self._outcome
        if not outcome.has_output:  # parsed on first use, as TS does
            outcome.output = await (self._output or Output.text()).parse_complete_output(
                final.text,
                response=final.response,
                usage=final.usage,
                finish_reason=final.finish_reason,
            )
            outcome.has_output = True
        return outcome.output


_UNSET: Any = object()
