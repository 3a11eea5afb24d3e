"""``stream_text``: ``generate_text`` as a stream of parts, with the same tool loop."""

from __future__ import annotations

import math
import time
from collections.abc import AsyncGenerator, AsyncIterator, Callable, Mapping, Sequence
from contextlib import aclosing
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any, TypeVar, overload

import anyio

from ai_sdk_core._callbacks import logger, notify
from ai_sdk_core._content import (
    ContentPart,
    CustomOutput,
    ReasoningOutput,
    TextOutput,
    ToolApprovalRequestOutput,
    ToolCall,
    ToolError,
    ToolOutputDenied,
    ToolResult,
)
from ai_sdk_core._default_provider import LanguageModel, resolve_language_model
from ai_sdk_core._errors import NoOutputGeneratedError, ToolCallNotFoundForApprovalError
from ai_sdk_core._log_warnings import log_warnings
from ai_sdk_core._usage import LanguageModelUsage, add_language_model_usage, as_language_model_usage
from ai_sdk_core.prompt._call_options import prepare_language_model_call_options
from ai_sdk_core.prompt._download import DownloadFunction
from ai_sdk_core.prompt._messages import ModelMessage
from ai_sdk_core.prompt._prepare_tools import ToolChoice
from ai_sdk_core.prompt._standardize import Instructions, standardize_prompt
from ai_sdk_core.provider._errors import get_error_message
from ai_sdk_core.provider._language_model_call import LanguageModelV4ReasoningEffort
from ai_sdk_core.provider._language_model_stream import LanguageModelV4StreamPart
from ai_sdk_core.provider._shared import SharedV4ProviderMetadata, SharedV4ProviderOptions
from ai_sdk_core.provider_utils._headers import with_user_agent_suffix
from ai_sdk_core.provider_utils._id import create_id_generator
from ai_sdk_core.provider_utils._retry import prepare_retries
from ai_sdk_core.tools._approval import resolve_tool_approval
from ai_sdk_core.tools._parse_tool_call import ToolCallRepairFunction, parse_tool_call
from ai_sdk_core.tools._tool import (
    Tool,
    ToolExecutionOptions,
    ToolInputAvailableOptions,
    ToolInputDeltaOptions,
    ToolSet,
)

from ._generate_text import USER_AGENT, StartEvent, StepStartEvent
from ._output import Output
from ._prepare_step import PrepareStepFunction
from ._response_messages import to_response_messages
from ._results import FinishEvent, StepsSummary
from ._smooth_stream import StreamTextTransform
from ._step_result import (
    FinishReason,
    LanguageModelRequestMetadata,
    LanguageModelResponseMetadata,
    ModelInfo,
    OutputChunkTimingStats,
    StepPerformance,
    StepResult,
)
from ._steps import (
    CallPlan,
    PreparedStep,
    ToolExecutionEndEvent,
    ToolExecutionStartEvent,
    answer_tool_approvals,
    file_output,
    is_tool_execution_allowed,
    maybe_await,
    prepare_step_call,
    run_tools,
    tokens_per_second,
)
from ._stop_condition import StopCondition, is_step_count, is_stop_condition_met
from ._stream_parts import (
    AbortPart,
    ErrorPart,
    FinishPart,
    FinishStepPart,
    RawPart,
    ReasoningDeltaPart,
    ReasoningEndPart,
    ReasoningStartPart,
    StartPart,
    StartStepPart,
    TextDeltaPart,
    TextEndPart,
    TextStartPart,
    TextStreamPart,
    ToolInputDeltaPart,
    ToolInputEndPart,
    ToolInputStartPart,
)
from ._stream_text_result import StreamTextResult, _Outcome, close_iterator  # pyright: ignore[reportPrivateUsage]
from ._timeout import Deadlines, Timeout, TimeoutInput, as_timeout

__all__ = ["AbortEvent", "ChunkEvent", "ErrorEvent", "stream_text"]

OutputT = TypeVar("OutputT")

_generate_id = create_id_generator(prefix="aitxt", size=24)
_generate_call_id = create_id_generator(prefix="call", size=24)


@dataclass(slots=True, frozen=True, kw_only=True)
class ChunkEvent:
    """``on_chunk``: a part of the stream."""

    chunk: TextStreamPart


@dataclass(slots=True, frozen=True, kw_only=True)
class ErrorEvent:
    """``on_error``: an error part of the stream."""

    error: Any


@dataclass(slots=True, frozen=True, kw_only=True)
class AbortEvent:
    """``on_abort``: the stream was stopped; ``steps`` are the steps completed before."""

    call_id: str
    steps: Sequence[StepResult]
    reason: str | None = None


def _log_error(event: ErrorEvent) -> None:
    error = event.error
    if isinstance(error, BaseException):
        logger.error("stream_text: %s", get_error_message(error), exc_info=error)
    else:
        logger.error("stream_text: %s", get_error_message(error))


@overload
def stream_text(
    *,
    model: LanguageModel,
    output: Output[OutputT],
    instructions: Instructions | None = None,
    system: Instructions | None = None,
    prompt: str | Sequence[ModelMessage | Mapping[str, Any]] | None = None,
    messages: Sequence[ModelMessage | Mapping[str, Any]] | None = None,
    allow_system_in_messages: bool = False,
    tools: ToolSet | None = None,
    tool_choice: ToolChoice | None = None,
    active_tools: Sequence[str] | None = None,
    tool_order: Sequence[str] | None = None,
    stop_when: StopCondition | Sequence[StopCondition] | None = None,
    max_output_tokens: int | None = None,
    temperature: float | None = None,
    top_p: float | None = None,
    top_k: int | None = None,
    presence_penalty: float | None = None,
    frequency_penalty: float | None = None,
    stop_sequences: Sequence[str] | None = None,
    seed: int | None = None,
    reasoning: LanguageModelV4ReasoningEffort | None = None,
    max_retries: int | None = None,
    headers: Mapping[str, str | None] | None = None,
    provider_options: SharedV4ProviderOptions | None = None,
    timeout: TimeoutInput = None,
    prepare_step: PrepareStepFunction | None = None,
    repair_tool_call: ToolCallRepairFunction | None = None,
    download: DownloadFunction | None = None,
    runtime_context: Any = None,
    include_raw_chunks: bool = False,
    transform: StreamTextTransform | Sequence[StreamTextTransform] | None = None,
    on_chunk: Callable[[ChunkEvent], Any] | None = None,
    on_error: Callable[[ErrorEvent], Any] | None = _log_error,
    on_abort: Callable[[AbortEvent], Any] | None = None,
    on_start: Callable[[StartEvent], Any] | None = None,
    on_step_start: Callable[[StepStartEvent], Any] | None = None,
    on_step_finish: Callable[[StepResult], Any] | None = None,
    on_finish: Callable[[FinishEvent], Any] | None = None,
    on_tool_execution_start: Callable[[ToolExecutionStartEvent], Any] | None = None,
    on_tool_execution_end: Callable[[ToolExecutionEndEvent], Any] | None = None,
) -> StreamTextResult[OutputT]: ...
@overload
def stream_text(
    *,
    model: LanguageModel,
    output: None = None,
    instructions: Instructions | None = None,
    system: Instructions | None = None,
    prompt: str | Sequence[ModelMessage | Mapping[str, Any]] | None = None,
    messages: Sequence[ModelMessage | Mapping[str, Any]] | None = None,
    allow_system_in_messages: bool = False,
    tools: ToolSet | None = None,
    tool_choice: ToolChoice | None = None,
    active_tools: Sequence[str] | None = None,
    tool_order: Sequence[str] | None = None,
    stop_when: StopCondition | Sequence[StopCondition] | None = None,
    max_output_tokens: int | None = None,
    temperature: float | None = None,
    top_p: float | None = None,
    top_k: int | None = None,
    presence_penalty: float | None = None,
    frequency_penalty: float | None = None,
    stop_sequences: Sequence[str] | None = None,
    seed: int | None = None,
    reasoning: LanguageModelV4ReasoningEffort | None = None,
    max_retries: int | None = None,
    headers: Mapping[str, str | None] | None = None,
    provider_options: SharedV4ProviderOptions | None = None,
    timeout: TimeoutInput = None,
    prepare_step: PrepareStepFunction | None = None,
    repair_tool_call: ToolCallRepairFunction | None = None,
    download: DownloadFunction | None = None,
    runtime_context: Any = None,
    include_raw_chunks: bool = False,
    transform: StreamTextTransform | Sequence[StreamTextTransform] | None = None,
    on_chunk: Callable[[ChunkEvent], Any] | None = None,
    on_error: Callable[[ErrorEvent], Any] | None = _log_error,
    on_abort: Callable[[AbortEvent], Any] | None = None,
    on_start: Callable[[StartEvent], Any] | None = None,
    on_step_start: Callable[[StepStartEvent], Any] | None = None,
    on_step_finish: Callable[[StepResult], Any] | None = None,
    on_finish: Callable[[FinishEvent], Any] | None = None,
    on_tool_execution_start: Callable[[ToolExecutionStartEvent], Any] | None = None,
    on_tool_execution_end: Callable[[ToolExecutionEndEvent], Any] | None = None,
) -> StreamTextResult[str]: ...
def stream_text(
    *,
    model: LanguageModel,
    output: Output[Any] | None = None,
    instructions: Instructions | None = None,
    system: Instructions | None = None,
    prompt: str | Sequence[ModelMessage | Mapping[str, Any]] | None = None,
    messages: Sequence[ModelMessage | Mapping[str, Any]] | None = None,
    allow_system_in_messages: bool = False,
    tools: ToolSet | None = None,
    tool_choice: ToolChoice | None = None,
    active_tools: Sequence[str] | None = None,
    tool_order: Sequence[str] | None = None,
    stop_when: StopCondition | Sequence[StopCondition] | None = None,
    max_output_tokens: int | None = None,
    temperature: float | None = None,
    top_p: float | None = None,
    top_k: int | None = None,
    presence_penalty: float | None = None,
    frequency_penalty: float | None = None,
    stop_sequences: Sequence[str] | None = None,
    seed: int | None = None,
    reasoning: LanguageModelV4ReasoningEffort | None = None,
    max_retries: int | None = None,
    headers: Mapping[str, str | None] | None = None,
    provider_options: SharedV4ProviderOptions | None = None,
    timeout: TimeoutInput = None,
    prepare_step: PrepareStepFunction | None = None,
    repair_tool_call: ToolCallRepairFunction | None = None,
    download: DownloadFunction | None = None,
    runtime_context: Any = None,
    include_raw_chunks: bool = False,
    transform: StreamTextTransform | Sequence[StreamTextTransform] | None = None,
    on_chunk: Callable[[ChunkEvent], Any] | None = None,
    on_error: Callable[[ErrorEvent], Any] | None = _log_error,
    on_abort: Callable[[AbortEvent], Any] | None = None,
    on_start: Callable[[StartEvent], Any] | None = None,
    on_step_start: Callable[[StepStartEvent], Any] | None = None,
    on_step_finish: Callable[[StepResult], Any] | None = None,
    on_finish: Callable[[FinishEvent], Any] | None = None,
    on_tool_execution_start: Callable[[ToolExecutionStartEvent], Any] | None = None,
    on_tool_execution_end: Callable[[ToolExecutionEndEvent], Any] | None = None,
) -> StreamTextResult[Any]:
    """Stream text (and run tools) with a language model; returns at once.

    Takes the arguments of :func:`generate_text`, plus ``transform`` (stream transforms such as
    :func:`smooth_stream`), ``include_raw_chunks``, and the stream callbacks ``on_chunk``,
    ``on_error`` (default: log the error) and ``on_abort``. Nothing runs until the result is
    consumed (iterate a stream or await a result). Errors arrive as ``error`` parts and
    ``on_error``; cancelling the consuming task, or ``await result.aclose()``, stops the model
    call and runs ``on_abort``.
    """
    settings = prepare_language_model_call_options(
        max_output_tokens=max_output_tokens,
        temperature=temperature,
        top_p=top_p,
        top_k=top_k,
        presence_penalty=presence_penalty,
        frequency_penalty=frequency_penalty,
        stop_sequences=stop_sequences,
        seed=seed,
        reasoning=reasoning,
    )
    retries = prepare_retries(max_retries)
    transforms: list[StreamTextTransform] = (
        [] if transform is None else [transform] if callable(transform) else list(transform)
    )
    if stop_when is None:
        stop_conditions: list[StopCondition] = [is_step_count(1)]
    else:
        stop_conditions = [stop_when] if callable(stop_when) else list(stop_when)

    def run(
        outcome: _Outcome, append: Callable[[TextStreamPart], None]
    ) -> AsyncIterator[TextStreamPart]:
        runner = _StreamRunner(
            outcome=outcome,
            append=append,
            model=model,
            output=output,
            prompt_arguments={
                "instructions": instructions,
                "system": system,
                "prompt": prompt,
                "messages": messages,
                "allow_system_in_messages": allow_system_in_messages,
            },
            plan_arguments={
                "model": model,
                "tools": tools,
                "tool_choice": tool_choice,
                "active_tools": active_tools,
                "tool_order": tool_order,
                "call_settings": settings,
                "provider_options": provider_options,
                "headers": with_user_agent_suffix(headers, USER_AGENT),
                "prepare_step": prepare_step,
                "download": download,
                "output": output,
                "include_raw_chunks": include_raw_chunks,
            },
            retry=retries.retry,
            stop_conditions=stop_conditions,
            timeout=as_timeout(timeout),
            repair_tool_call=repair_tool_call,
            runtime_context=runtime_context,
            on_abort=on_abort,
            on_start=on_start,
            on_step_start=on_step_start,
            on_step_finish=on_step_finish,
            on_finish=on_finish,
            on_tool_execution_start=on_tool_execution_start,
            on_tool_execution_end=on_tool_execution_end,
        )
        source = runner.run()
        stream: AsyncIterator[TextStreamPart] = source
        for each in transforms:
            stream = each(stream)
        if on_chunk is None and on_error is None and not transforms:
            return stream
        return _observe(stream, runner, source, on_chunk, on_error)

    return StreamTextResult(run, output)


async def _observe(
    stream: AsyncIterator[TextStreamPart],
    runner: _StreamRunner,
    source: AsyncGenerator[TextStreamPart, None],
    on_chunk: Callable[[ChunkEvent], Any] | None,
    on_error: Callable[[ErrorEvent], Any] | None,
) -> AsyncGenerator[TextStreamPart, None]:
    """The (transformed) stream, calling ``on_chunk`` for every part and ``on_error`` for
    error parts; closing it also stops the generation, even if a transform does not close
    its source."""
    try:
        async for part in stream:
            if on_chunk is not None:
                await notify(ChunkEvent(chunk=part), on_chunk)
            if on_error is not None and type(part) is ErrorPart:
                await notify(ErrorEvent(error=part.error), on_error)
            yield part
        runner.ended = True  # a transform may end the stream early: that is no abort
    finally:
        await close_iterator(stream)
        if source is not stream:
            await close_iterator(source)


@dataclass(slots=True, kw_only=True)
class _StepRecord:
    """What one streamed step has produced so far."""

    content: list[ContentPart] = field(default_factory=list[ContentPart])
    tool_calls: list[ToolCall] = field(default_factory=list[ToolCall])
    client_outputs: list[ToolResult | ToolError] = field(
        default_factory=list[ToolResult | ToolError]
    )
    to_execute: list[ToolCall] = field(default_factory=list[ToolCall])
    warnings: list[Any] = field(default_factory=list[Any])
    finish_reason: FinishReason = "other"
    raw_finish_reason: str | None = None
    usage: LanguageModelUsage = field(default_factory=LanguageModelUsage)
    provider_metadata: SharedV4ProviderMetadata | None = None
    response_id: str = ""
    timestamp: datetime = field(default_factory=lambda: datetime.now(UTC))
    model_id: str = ""
    terminal: bool = False
    output_seen: bool = False
    first_output_ms: float | None = None
    previous_output_at: float | None = None
    gaps_ms: list[float] = field(default_factory=list[float])
    response_time_ms: float = 0.0
    tool_execution_ms: dict[str, float] = field(default_factory=dict[str, float])
    headers: dict[str, str] | None = None
    started: float = 0.0


class _StreamRunner:
    """One ``stream_text`` generation: the tool loop as an async generator of parts."""

    def __init__(
        self,
        *,
        outcome: _Outcome,
        append: Callable[[TextStreamPart], None],
        model: LanguageModel,
        output: Output[Any] | None,
        prompt_arguments: dict[str, Any],
        plan_arguments: dict[str, Any],
        retry: Any,
        stop_conditions: list[StopCondition],
        timeout: Timeout,
        repair_tool_call: ToolCallRepairFunction | None,
        runtime_context: Any,
        on_abort: Callable[[AbortEvent], Any] | None,
        on_start: Callable[[StartEvent], Any] | None,
        on_step_start: Callable[[StepStartEvent], Any] | None,
        on_step_finish: Callable[[StepResult], Any] | None,
        on_finish: Callable[[FinishEvent], Any] | None,
        on_tool_execution_start: Callable[[ToolExecutionStartEvent], Any] | None,
        on_tool_execution_end: Callable[[ToolExecutionEndEvent], Any] | None,
    ) -> None:
        self.outcome = outcome
        self.append = append
        self.model = model
        self.output = output
        self.prompt_arguments = prompt_arguments
        self.plan_arguments = plan_arguments
        self.retry = retry
        self.stop_conditions = stop_conditions
        self.timeout = timeout
        self.deadlines = Deadlines(timeout)
        self.repair_tool_call = repair_tool_call
        self.runtime_context = runtime_context
        self.on_abort = on_abort
        self.on_start = on_start
        self.on_step_start = on_step_start
        self.on_step_finish = on_step_finish
        self.on_finish = on_finish
        self.on_tool_execution_start = on_tool_execution_start
        self.on_tool_execution_end = on_tool_execution_end
        self.call_id = _generate_call_id()
        self.steps: list[StepResult] = []
        self.text_ids: set[str] = set()
        self.reasoning_ids: set[str] = set()
        self.timeout_reason: str | None = None
        self.ended = False  # set when the (transformed) stream ended before the generation

    async def run(self) -> AsyncGenerator[TextStreamPart, None]:
        """The parts of the whole generation; records its outcome."""
        yield StartPart()
        try:
            async with aclosing(self._generate()) as parts:
                async for part in parts:
                    yield part
        except TimeoutError as error:
            expired = self.deadlines.which()
            reason = self.timeout_reason or (
                None if expired == "Timeout" else f"{expired} exceeded"
            )
            if reason is None:  # raised by the model or a callback, not by a time limit
                self.outcome.error = error
                yield ErrorPart(error=error)
                return
            self.outcome.timeout = TimeoutError(reason)
            await notify(
                AbortEvent(call_id=self.call_id, steps=self.steps, reason=reason), self.on_abort
            )
            yield AbortPart(reason=reason)
        except (GeneratorExit, anyio.get_cancelled_exc_class()):
            if self.ended:  # a transform ended the stream: no abort
                raise
            # stopped by aclose() or by cancelling the consuming task
            with anyio.CancelScope(shield=True):
                await notify(AbortEvent(call_id=self.call_id, steps=self.steps), self.on_abort)
            self.append(AbortPart())
            raise
        except Exception as error:
            self.outcome.error = error
            yield ErrorPart(error=error)

    async def _generate(self) -> AsyncGenerator[TextStreamPart, None]:
        initial = standardize_prompt(**self.prompt_arguments)
        plan = CallPlan(
            **self.plan_arguments,
            initial_instructions=initial.instructions,
            initial_messages=initial.messages,
        )
        first_model = resolve_language_model(self.model)
        await notify(
            StartEvent(
                call_id=self.call_id,
                model=ModelInfo(provider=first_model.provider, model_id=first_model.model_id),
                instructions=initial.instructions,
                messages=initial.messages,
                tools=plan.tools,
                runtime_context=self.runtime_context,
            ),
            self.on_start,
        )
        preliminary: list[ToolResult] = []

        async def keep(result: ToolResult) -> None:
            preliminary.append(result)

        answers = await answer_tool_approvals(
            initial.messages,
            tools=plan.tools,
            call_id=self.call_id,
            context=self.runtime_context,
            timeout=self.timeout,
            deadlines=self.deadlines,
            on_tool_execution_start=self.on_tool_execution_start,
            on_tool_execution_end=self.on_tool_execution_end,
            on_preliminary_result=keep,
        )
        for call in answers.denied:
            yield ToolOutputDenied(tool_call_id=call.tool_call_id, tool_name=call.tool_name)
        for part in [*preliminary, *answers.outputs]:
            yield part
        initial_response_messages = answers.messages

        instructions: Instructions | None = initial.instructions
        messages = [*initial.messages, *initial_response_messages]
        total_usage = LanguageModelUsage()
        pending_deferred: set[str] = set()
        while True:
            self.deadlines.start_step()
            response_messages = [
                *initial_response_messages,
                *(message for step in self.steps for message in step.response.messages),
            ]
            prepared = await prepare_step_call(
                plan,
                steps=self.steps,
                instructions=instructions,
                messages=messages,
                response_messages=response_messages,
                runtime_context=self.runtime_context,
            )
            self.runtime_context = prepared.runtime_context
            record = _StepRecord(model_id=prepared.model.model_id, response_id=_generate_id())
            async with aclosing(self._stream_step(prepared, record)) as parts:
                async for part in parts:
                    yield part
            if not record.terminal and not record.output_seen:
                error = NoOutputGeneratedError(
                    "No output generated. The model stream ended without a finish chunk."
                )
                self.outcome.error = error
                yield ErrorPart(error=error)
                return

            step = await self._record_step(prepared, record, plan.tools)
            total_usage = add_language_model_usage(total_usage, record.usage)
            yield FinishStepPart(
                response=step.response,
                usage=record.usage,
                performance=step.performance,
                finish_reason=record.finish_reason,
                raw_finish_reason=record.raw_finish_reason,
                provider_metadata=record.provider_metadata,
            )
            await notify(step, self.on_step_finish)
            self._track_deferred(record, prepared.tools, pending_deferred)
            instructions = prepared.instructions
            messages = [*prepared.messages, *step.response.messages]

            client_calls = [call for call in record.tool_calls if not call.provider_executed]
            client_outputs = [out for out in record.client_outputs if not out.provider_executed]
            if not (
                len(client_calls) == len(client_outputs)
                and (client_calls or pending_deferred)
                and not await is_stop_condition_met(self.stop_conditions, self.steps)
            ):
                break

        summary = StepsSummary(
            steps=self.steps,
            total_usage=total_usage,
            initial_response_messages=initial_response_messages,
        )
        final = self.steps[-1]
        yield FinishPart(
            finish_reason=final.finish_reason,
            raw_finish_reason=final.raw_finish_reason,
            total_usage=total_usage,
        )
        self.outcome.summary = summary
        await notify(
            FinishEvent(
                steps=self.steps,
                total_usage=total_usage,
                initial_response_messages=initial_response_messages,
                call_id=self.call_id,
                runtime_context=self.runtime_context,
            ),
            self.on_finish,
        )

    async def _stream_step(
        self, prepared: PreparedStep, record: _StepRecord
    ) -> AsyncGenerator[TextStreamPart, None]:
        """One model call: its parts as they arrive, then the outputs of the tools it called."""
        model = prepared.model
        await notify(
            StepStartEvent(
                call_id=self.call_id,
                step_number=len(self.steps),
                model=ModelInfo(provider=model.provider, model_id=model.model_id),
                instructions=prepared.instructions,
                messages=prepared.messages,
                steps=list(self.steps),
                runtime_context=self.runtime_context,
            ),
            self.on_step_start,
        )
        started = record.started = time.monotonic()
        with anyio.fail_after(self.deadlines.remaining()):
            result = await self.retry(lambda: model.do_stream(prepared.options))
        converter = _PartConverter(self, prepared, record, started)
        request = LanguageModelRequestMetadata()
        step_started = False
        first_chunk, chunk_limit = self.timeout.first_chunk, self.timeout.chunk
        timed = (
            first_chunk is not None
            or chunk_limit is not None
            or self.deadlines.remaining() is not None
        )
        # the first-chunk limit runs from the start of the response, the chunk limit from the
        # last output chunk (text, reasoning and tool-input deltas, files, tool calls) as in TS
        first_chunk_end = None if first_chunk is None else time.monotonic() + first_chunk
        async with aclosing(result.stream) as model_stream:
            while True:
                if timed:
                    chunk = await self._next_chunk(model_stream, record, first_chunk_end)
                else:
                    chunk = await anext(model_stream, None)
                if chunk is None:
                    break
                if chunk.type == "stream-start":
                    record.warnings = list(chunk.warnings)
                    continue
                if not step_started:
                    step_started = True
                    yield StartStepPart(request=request, warnings=record.warnings)
                parts = converter.convert(chunk)
                if parts is None:
                    parts = await converter.convert_async(chunk)
                for part in parts:
                    yield part
        converter.close_open_blocks()
        if not record.terminal:
            record.response_time_ms = (time.monotonic() - started) * 1000
        record.headers = result.response.headers if result.response else None

        if record.to_execute and is_tool_execution_allowed(record.finish_reason):
            async with aclosing(self._execute(prepared, record)) as outputs:
                async for part in outputs:
                    yield part

    async def _next_chunk(
        self,
        model_stream: AsyncIterator[LanguageModelV4StreamPart],
        record: _StepRecord,
        first_chunk_end: float | None,
    ) -> LanguageModelV4StreamPart | None:
        """The next model chunk, within the total, step, first-chunk and chunk limits."""
        if not record.output_seen:
            end, label = first_chunk_end, "First chunk"
        elif self.timeout.chunk is not None and record.previous_output_at is not None:
            end = record.started + record.previous_output_at / 1000 + self.timeout.chunk
            label = "Chunk"
        else:
            end, label = None, ""
        limit = None if end is None else max(0.0, end - time.monotonic())
        remaining = self.deadlines.remaining()
        if limit is not None and (remaining is None or limit < remaining):
            try:
                with anyio.fail_after(limit):
                    return await anext(model_stream, None)
            except TimeoutError:
                seconds = self.timeout.first_chunk if label == "First chunk" else self.timeout.chunk
                self.timeout_reason = f"{label} timeout of {seconds} s exceeded"
                raise
        with anyio.fail_after(remaining):
            return await anext(model_stream, None)

    async def _execute(
        self, prepared: PreparedStep, record: _StepRecord
    ) -> AsyncGenerator[TextStreamPart, None]:
        """Run the step's client tool calls concurrently; their outputs as they finish."""
        import asyncio

        queue: asyncio.Queue[ToolResult | ToolError | None] = asyncio.Queue()

        async def emit(result: ToolResult | ToolError) -> None:
            await queue.put(result)

        async def execute() -> None:
            try:
                executions = await run_tools(
                    record.to_execute,
                    tools=prepared.tools or {},
                    call_id=self.call_id,
                    messages=prepared.messages,
                    context=self.runtime_context,
                    timeout=self.timeout,
                    deadlines=self.deadlines,
                    on_start=self.on_tool_execution_start,
                    on_end=self.on_tool_execution_end,
                    on_output=emit,
                    on_preliminary_result=emit,
                )
                for execution in executions:
                    record.tool_execution_ms[execution.output.tool_call_id] = execution.execution_ms
            finally:
                await queue.put(None)

        task = asyncio.ensure_future(execute())
        try:
            while (item := await queue.get()) is not None:
                if not (isinstance(item, ToolResult) and item.preliminary):
                    record.client_outputs.append(item)
                    record.content.append(item)
                yield item
            await task  # raises what the execution raised
        finally:
            if not task.done():
                task.cancel()
                with anyio.CancelScope(shield=True):
                    await asyncio.gather(task, return_exceptions=True)

    async def _record_step(
        self, prepared: PreparedStep, record: _StepRecord, tools: ToolSet | None
    ) -> StepResult:
        model = prepared.model
        step_messages = await to_response_messages(content=record.content, tools=tools)
        usage = record.usage
        response_time_ms = record.response_time_ms
        first = record.first_output_ms
        step = StepResult(
            call_id=self.call_id,
            step_number=len(self.steps),
            model=ModelInfo(provider=model.provider, model_id=model.model_id),
            content=record.content,
            finish_reason=record.finish_reason,
            raw_finish_reason=record.raw_finish_reason,
            usage=usage,
            performance=StepPerformance(
                effective_output_tokens_per_second=tokens_per_second(
                    usage.output_tokens, response_time_ms
                ),
                effective_total_tokens_per_second=tokens_per_second(
                    (usage.input_tokens or 0) + (usage.output_tokens or 0), response_time_ms
                ),
                step_time_ms=(time.monotonic() - record.started) * 1000,
                response_time_ms=response_time_ms,
                tool_execution_ms=record.tool_execution_ms,
                output_tokens_per_second=(
                    None
                    if first is None
                    else tokens_per_second(usage.output_tokens, response_time_ms - first)
                ),
                input_tokens_per_second=(
                    None if first is None else tokens_per_second(usage.input_tokens, first)
                ),
                time_to_first_output_ms=first,
                time_between_output_chunks_ms=_timing_stats(record.gaps_ms),
            ),
            warnings=record.warnings,
            request=LanguageModelRequestMetadata(),
            response=LanguageModelResponseMetadata(
                id=record.response_id,
                timestamp=record.timestamp,
                model_id=record.model_id,
                headers=record.headers,
                messages=step_messages,
            ),
            provider_metadata=record.provider_metadata,
            runtime_context=self.runtime_context,
        )
        log_warnings(record.warnings, provider=model.provider, model=model.model_id)
        self.steps.append(step)
        return step

    @staticmethod
    def _track_deferred(record: _StepRecord, tools: ToolSet | None, pending: set[str]) -> None:
        result_ids = {
            output.tool_call_id for output in record.client_outputs if output.provider_executed
        } | {
            part.tool_call_id
            for part in record.content
            if isinstance(part, ToolResult | ToolError) and part.provider_executed
        }
        for call in record.tool_calls:
            tool = (tools or {}).get(call.tool_name)
            if (
                call.provider_executed
                and tool is not None
                and tool.type == "provider"
                and tool.supports_deferred_results
                and call.tool_call_id not in result_ids
            ):
                pending.add(call.tool_call_id)
        pending -= result_ids

    def reserve_id(self, ids: set[str], wanted: str) -> str:
        """``wanted``, or a fresh id when an earlier block of the generation used it."""
        if wanted not in ids:
            ids.add(wanted)
            return wanted
        base = _generate_id()
        unique, suffix = base, 0
        while unique in ids:
            suffix += 1
            unique = f"{base}-{suffix}"
        ids.add(unique)
        return unique


class _Block:
    """An open text or reasoning block: its stream id, its content, and its text so far."""

    __slots__ = ("content", "id", "pieces")

    def __init__(self, id_: str, content: TextOutput | ReasoningOutput) -> None:
        self.id = id_
        self.content = content
        self.pieces: list[str] = []


class _PartConverter:
    """Turns the model's stream parts into the user-facing parts of one step, and records them."""

    __slots__ = (
        "_input_tools",
        "_prepared",
        "_raw",
        "_reasoning",
        "_record",
        "_runner",
        "_started",
        "_text",
    )

    def __init__(
        self, runner: _StreamRunner, prepared: PreparedStep, record: _StepRecord, started: float
    ) -> None:
        self._runner = runner
        self._prepared = prepared
        self._record = record
        self._started = started
        self._raw = bool(runner.plan_arguments.get("include_raw_chunks"))
        # open blocks by the model's block id (their stream ids are unique over the generation)
        self._text: dict[str, _Block] = {}
        self._reasoning: dict[str, _Block] = {}
        self._input_tools: dict[str, Tool[Any, Any]] = {}  # tool call id → tool, while it streams

    def _output_arrived(self) -> None:
        record = self._record
        now = (time.monotonic() - self._started) * 1000
        if record.first_output_ms is None:
            record.first_output_ms = now
        elif record.previous_output_at is not None:
            record.gaps_ms.append(now - record.previous_output_at)
        record.previous_output_at = now
        record.output_seen = True

    def convert(self, chunk: LanguageModelV4StreamPart) -> list[TextStreamPart] | None:
        """The parts for ``chunk``; ``None`` when it needs :meth:`convert_async` (it calls
        tool callbacks or parses a tool call)."""
        record = self._record
        match chunk.type:
            case "text-delta":
                delta = chunk.delta
                metadata = chunk.provider_metadata
                if not delta and metadata is None:
                    return []
                if delta:
                    self._output_arrived()
                block = self._text.get(chunk.id)
                if block is None:
                    return [
                        TextDeltaPart(id=chunk.id, text=delta, provider_metadata=metadata),
                        ErrorPart(error=f"text part {chunk.id} not found"),
                    ]
                block.pieces.append(delta)
                if metadata is not None:
                    block.content.provider_metadata = metadata
                return [TextDeltaPart(id=block.id, text=delta, provider_metadata=metadata)]
            case "reasoning-delta":
                delta = chunk.delta
                metadata = chunk.provider_metadata
                if delta:
                    self._output_arrived()
                block = self._reasoning.get(chunk.id)
                if block is None:
                    return [
                        ReasoningDeltaPart(id=chunk.id, text=delta, provider_metadata=metadata),
                        ErrorPart(error=f"reasoning part {chunk.id} not found"),
                    ]
                block.pieces.append(delta)
                if metadata is not None:
                    block.content.provider_metadata = metadata
                return [ReasoningDeltaPart(id=block.id, text=delta, provider_metadata=metadata)]
            case "text-start":
                id_ = self._runner.reserve_id(self._runner.text_ids, chunk.id)
                text = TextOutput(text="", provider_metadata=chunk.provider_metadata)
                self._text[chunk.id] = _Block(id_, text)
                record.content.append(text)
                return [TextStartPart(id=id_, provider_metadata=chunk.provider_metadata)]
            case "reasoning-start":
                id_ = self._runner.reserve_id(self._runner.reasoning_ids, chunk.id)
                reasoning = ReasoningOutput(text="", provider_metadata=chunk.provider_metadata)
                self._reasoning[chunk.id] = _Block(id_, reasoning)
                record.content.append(reasoning)
                return [ReasoningStartPart(id=id_, provider_metadata=chunk.provider_metadata)]
            case "text-end":
                block = self._text.pop(chunk.id, None)
                if block is None:
                    return [
                        TextEndPart(id=chunk.id, provider_metadata=chunk.provider_metadata),
                        ErrorPart(error=f"text part {chunk.id} not found"),
                    ]
                self._end(block, chunk.provider_metadata)
                return [TextEndPart(id=block.id, provider_metadata=chunk.provider_metadata)]
            case "reasoning-end":
                block = self._reasoning.pop(chunk.id, None)
                if block is None:
                    return [
                        ReasoningEndPart(id=chunk.id, provider_metadata=chunk.provider_metadata),
                        ErrorPart(error=f"reasoning part {chunk.id} not found"),
                    ]
                self._end(block, chunk.provider_metadata)
                return [ReasoningEndPart(id=block.id, provider_metadata=chunk.provider_metadata)]
            case "tool-input-delta":
                tool = self._input_tools.get(chunk.id)
                if tool is not None and tool.on_input_delta is not None:
                    return None
                if chunk.delta:
                    self._output_arrived()
                return [
                    ToolInputDeltaPart(
                        id=chunk.id, delta=chunk.delta, provider_metadata=chunk.provider_metadata
                    )
                ]
            case "tool-input-end":
                self._input_tools.pop(chunk.id, None)
                return [ToolInputEndPart(id=chunk.id, provider_metadata=chunk.provider_metadata)]
            case "tool-input-start" | "tool-call":
                return None
            case "tool-result":
                calls = {call.tool_call_id: call for call in record.tool_calls}
                call = calls.get(chunk.tool_call_id)
                output: ToolResult | ToolError
                if chunk.is_error:
                    output = ToolError(
                        tool_call_id=chunk.tool_call_id,
                        tool_name=chunk.tool_name,
                        input=call.input if call else None,
                        error=chunk.result,
                        provider_executed=True,
                        dynamic=chunk.dynamic,
                        provider_metadata=chunk.provider_metadata,
                        tool_metadata=call.tool_metadata if call else None,
                    )
                else:
                    output = ToolResult(
                        tool_call_id=chunk.tool_call_id,
                        tool_name=chunk.tool_name,
                        input=call.input if call else None,
                        output=chunk.result,
                        provider_executed=True,
                        dynamic=chunk.dynamic,
                        provider_metadata=chunk.provider_metadata,
                        tool_metadata=call.tool_metadata if call else None,
                    )
                record.content.append(output)
                return [output]
            case "tool-approval-request":
                call = next(
                    (call for call in record.tool_calls if call.tool_call_id == chunk.tool_call_id),
                    None,
                )
                if call is None:
                    return [
                        ErrorPart(
                            error=ToolCallNotFoundForApprovalError(
                                tool_call_id=chunk.tool_call_id, approval_id=chunk.approval_id
                            )
                        )
                    ]
                request = ToolApprovalRequestOutput(approval_id=chunk.approval_id, tool_call=call)
                record.content.append(request)
                return [request]
            case "file" | "reasoning-file":
                self._output_arrived()
                output_file = file_output(chunk)
                record.content.append(output_file)
                return [output_file]
            case "source":
                record.content.append(chunk)
                return [chunk]
            case "custom":
                custom = CustomOutput(kind=chunk.kind, provider_metadata=chunk.provider_metadata)
                record.content.append(custom)
                return [custom]
            case "response-metadata":
                record.response_id = chunk.id or record.response_id
                record.timestamp = chunk.timestamp or record.timestamp
                record.model_id = chunk.model_id or record.model_id
                return []
            case "finish":
                record.terminal = True
                record.usage = as_language_model_usage(chunk.usage)
                record.finish_reason = chunk.finish_reason.unified
                record.raw_finish_reason = chunk.finish_reason.raw
                record.provider_metadata = chunk.provider_metadata
                record.response_time_ms = (time.monotonic() - self._started) * 1000
                self.close_open_blocks()
                return []
            case "raw":
                return [RawPart(raw_value=chunk.raw_value)] if self._raw else []
            case "error":
                record.terminal = True
                record.finish_reason = "error"
                return [ErrorPart(error=chunk.error)]
            case _:  # stream-start is handled by the caller
                return []

    async def convert_async(self, chunk: LanguageModelV4StreamPart) -> list[TextStreamPart]:
        """The parts for the chunks :meth:`convert` leaves to it."""
        match chunk.type:
            case "tool-input-start":
                tool = (self._prepared.tools or {}).get(chunk.tool_name)
                if tool is not None:
                    self._input_tools[chunk.id] = tool
                    if tool.on_input_start is not None:
                        await maybe_await(tool.on_input_start(self._execution_options(chunk.id)))
                return [
                    ToolInputStartPart(
                        id=chunk.id,
                        tool_name=chunk.tool_name,
                        provider_executed=chunk.provider_executed,
                        dynamic=chunk.dynamic
                        if chunk.dynamic is not None
                        else tool is not None and tool.type == "dynamic",
                        title=(tool.title if tool is not None else None) or chunk.title,
                        tool_metadata=tool.metadata if tool is not None else None,
                        provider_metadata=chunk.provider_metadata,
                    )
                ]
            case "tool-input-delta":
                if chunk.delta:
                    self._output_arrived()
                tool = self._input_tools[chunk.id]
                assert tool.on_input_delta is not None
                await maybe_await(
                    tool.on_input_delta(
                        ToolInputDeltaOptions(
                            input_text_delta=chunk.delta,
                            tool_call_id=chunk.id,
                            messages=self._prepared.messages,
                            context=self._runner.runtime_context,
                        )
                    )
                )
                return [
                    ToolInputDeltaPart(
                        id=chunk.id, delta=chunk.delta, provider_metadata=chunk.provider_metadata
                    )
                ]
            case "tool-call":
                self._output_arrived()
                return await self._tool_call(chunk)
            case _:
                raise AssertionError(f"convert() handles {chunk.type} parts")

    @staticmethod
    def _end(block: _Block, provider_metadata: SharedV4ProviderMetadata | None) -> None:
        block.content.text = "".join(block.pieces)
        if provider_metadata is not None:
            block.content.provider_metadata = provider_metadata

    def close_open_blocks(self) -> None:
        """Give the blocks that were not ended (a truncated stream) their text so far."""
        for block in (*self._text.values(), *self._reasoning.values()):
            block.content.text = "".join(block.pieces)

    def _execution_options(self, tool_call_id: str) -> ToolExecutionOptions:
        return ToolExecutionOptions(
            tool_call_id=tool_call_id,
            messages=self._prepared.messages,
            context=self._runner.runtime_context,
        )

    async def _tool_call(self, chunk: Any) -> list[TextStreamPart]:
        record = self._record
        prepared = self._prepared
        try:
            call = await parse_tool_call(
                tool_call=chunk,
                tools=prepared.tools,
                repair_tool_call=self._runner.repair_tool_call,
                instructions=prepared.instructions,
                messages=prepared.messages,
            )
        except Exception as error:
            return [ErrorPart(error=error)]
        record.tool_calls.append(call)
        record.content.append(call)
        parts: list[TextStreamPart] = [call]
        if call.invalid:
            if not call.provider_executed:
                error = ToolError(
                    tool_call_id=call.tool_call_id,
                    tool_name=call.tool_name,
                    input=call.input,
                    error=get_error_message(call.error),
                    dynamic=True,
                    title=call.title,
                    tool_metadata=call.tool_metadata,
                )
                record.client_outputs.append(error)
                record.content.append(error)
                parts.append(error)
            return parts
        tool = (prepared.tools or {}).get(call.tool_name)
        if tool is None:
            return parts
        if tool.on_input_available is not None:
            await maybe_await(
                tool.on_input_available(
                    ToolInputAvailableOptions(
                        input=call.input,
                        tool_call_id=call.tool_call_id,
                        messages=prepared.messages,
                        context=self._runner.runtime_context,
                    )
                )
            )
        status = await resolve_tool_approval(
            tool=tool,
            tool_call=call,
            messages=prepared.messages,
            context=self._runner.runtime_context,
        )
        if status == "user-approval":
            request = ToolApprovalRequestOutput(approval_id=_generate_id(), tool_call=call)
            record.content.append(request)
            parts.append(request)
            return parts
        if tool.execute is not None and not call.provider_executed:
            record.to_execute.append(call)
        return parts


def _timing_stats(gaps_ms: list[float]) -> OutputChunkTimingStats | None:
    if not gaps_ms:
        return None
    ordered = sorted(gaps_ms)

    def rank(percentile: float) -> float:
        return ordered[max(0, math.ceil(percentile * len(ordered)) - 1)]

    return OutputChunkTimingStats(
        min=ordered[0],
        p10=rank(0.1),
        median=rank(0.5),
        avg=sum(ordered) / len(ordered),
        p90=rank(0.9),
        max=ordered[-1],
    )
