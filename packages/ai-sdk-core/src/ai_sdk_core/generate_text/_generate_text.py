"""``generate_text``: call a language model, run the tools it calls, repeat until done."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any, TypeVar, overload

import anyio

from ai_sdk_core._callbacks import notify
from ai_sdk_core._content import (
    ToolApprovalRequestOutput,
    ToolApprovalResponseOutput,
    ToolCall,
    ToolError,
    ToolResult,
)
from ai_sdk_core._default_provider import LanguageModel, resolve_language_model
from ai_sdk_core._log_warnings import log_warnings
from ai_sdk_core._usage import LanguageModelUsage, add_language_model_usage, as_language_model_usage
from ai_sdk_core._version import __version__
from ai_sdk_core.prompt._call_options import prepare_language_model_call_options
from ai_sdk_core.prompt._download import DownloadFunction
from ai_sdk_core.prompt._messages import ModelMessage
from ai_sdk_core.prompt._prepare_tools import ToolChoice
from ai_sdk_core.prompt._standardize import Instructions, standardize_prompt
from ai_sdk_core.provider._errors import get_error_message
from ai_sdk_core.provider._language_model_call import LanguageModelV4ReasoningEffort
from ai_sdk_core.provider._language_model_content import LanguageModelV4ToolCall
from ai_sdk_core.provider._language_model_result import LanguageModelV4GenerateResult
from ai_sdk_core.provider._shared import SharedV4ProviderOptions, SharedV4UnsupportedWarning
from ai_sdk_core.provider_utils._headers import with_user_agent_suffix
from ai_sdk_core.provider_utils._id import create_id_generator
from ai_sdk_core.provider_utils._retry import RetryFunction, prepare_retries
from ai_sdk_core.tools._approval import resolve_tool_approval
from ai_sdk_core.tools._parse_tool_call import ToolCallRepairFunction, parse_tool_call
from ai_sdk_core.tools._tool import ToolExecutionOptions, ToolInputAvailableOptions, ToolSet

from ._output import Output
from ._prepare_step import PrepareStepFunction
from ._response_messages import to_response_messages
from ._results import FinishEvent, GenerateTextResult
from ._step_result import (
    LanguageModelRequestMetadata,
    LanguageModelResponseMetadata,
    ModelInfo,
    ResponseMessage,
    StepPerformance,
    StepResult,
)
from ._steps import (
    CallPlan,
    ToolExecutionEndEvent,
    ToolExecutionStartEvent,
    answer_tool_approvals,
    as_content,
    gather,
    is_tool_execution_allowed,
    maybe_await,
    prepare_step_call,
    run_tools,
    tokens_per_second,
)
from ._stop_condition import StopCondition, is_step_count, is_stop_condition_met
from ._timeout import Deadlines, Timeout, TimeoutInput, as_timeout

__all__ = ["GenerateTextInclude", "StartEvent", "StepStartEvent", "generate_text"]

OutputT = TypeVar("OutputT")

_generate_response_id = create_id_generator(prefix="aitxt", size=24)
_generate_call_id = create_id_generator(prefix="call", size=24)
USER_AGENT = f"ai/{__version__}"


@dataclass(slots=True, frozen=True, kw_only=True)
class GenerateTextInclude:
    """What to keep in the results: request bodies, request messages, response bodies.

    Off by default (as in TS ai 7), since they can be large.
    """

    request_body: bool = False
    request_messages: bool = False
    response_body: bool = False


@dataclass(slots=True, frozen=True, kw_only=True)
class StartEvent:
    """``on_start``: the call begins."""

    call_id: str
    model: ModelInfo
    instructions: Instructions | None
    messages: Sequence[ModelMessage]
    tools: ToolSet | None
    runtime_context: Any = None


@dataclass(slots=True, frozen=True, kw_only=True)
class StepStartEvent:
    """``on_step_start``: a step is about to call the model."""

    call_id: str
    step_number: int
    model: ModelInfo
    instructions: Instructions | None
    messages: Sequence[ModelMessage]
    steps: Sequence[StepResult]
    runtime_context: Any = None


@dataclass(slots=True, kw_only=True)
class _LoopState:
    """What the loop carries from one step to the next."""

    instructions: Instructions | None
    messages: list[ModelMessage]
    runtime_context: Any
    steps: list[StepResult] = field(default_factory=list[StepResult])
    pending_deferred: set[str] = field(default_factory=set[str])


@overload
async def generate_text(
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
    include: GenerateTextInclude | None = None,
    on_start: Callable[[StartEvent], Any] | None = None,
    on_step_start: Callable[[StepStartEvent], Any] | None = None,
    on_step_finish: Callable[[StepResult], Any] | None = None,
    on_finish: Callable[[FinishEvent], Any] | None = None,
    on_tool_execution_start: Callable[[ToolExecutionStartEvent], Any] | None = None,
    on_tool_execution_end: Callable[[ToolExecutionEndEvent], Any] | None = None,
) -> GenerateTextResult[OutputT]: ...
@overload
async def generate_text(
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
    include: GenerateTextInclude | None = None,
    on_start: Callable[[StartEvent], Any] | None = None,
    on_step_start: Callable[[StepStartEvent], Any] | None = None,
    on_step_finish: Callable[[StepResult], Any] | None = None,
    on_finish: Callable[[FinishEvent], Any] | None = None,
    on_tool_execution_start: Callable[[ToolExecutionStartEvent], Any] | None = None,
    on_tool_execution_end: Callable[[ToolExecutionEndEvent], Any] | None = None,
) -> GenerateTextResult[str]: ...
async def generate_text(
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
    include: GenerateTextInclude | None = None,
    on_start: Callable[[StartEvent], Any] | None = None,
    on_step_start: Callable[[StepStartEvent], Any] | None = None,
    on_step_finish: Callable[[StepResult], Any] | None = None,
    on_finish: Callable[[FinishEvent], Any] | None = None,
    on_tool_execution_start: Callable[[ToolExecutionStartEvent], Any] | None = None,
    on_tool_execution_end: Callable[[ToolExecutionEndEvent], Any] | None = None,
) -> GenerateTextResult[Any]:
    """Generate text (and run tools) with a language model.

    Give the prompt as ``prompt`` (a string or messages) or ``messages``, with optional
    ``instructions``. With ``tools``, the model may call them; each step's client tool calls are
    executed in parallel, and the loop continues while ``stop_when`` (default: one step) allows
    and every call got a result. ``output`` asks for structured output (``Output.object(...)``).
    Errors of the model call are retried (``max_retries``, default 2) and then raised.
    """
    resolved_model = resolve_language_model(model)
    time_limits = as_timeout(timeout)
    _warn_about_stream_only_timeouts(time_limits, resolved_model.provider, resolved_model.model_id)
    deadlines = Deadlines(time_limits)
    retries = prepare_retries(max_retries)
    include = include or GenerateTextInclude()
    stop_conditions = _stop_conditions(stop_when)
    initial = standardize_prompt(
        instructions=instructions,
        system=system,
        prompt=prompt,
        messages=messages,
        allow_system_in_messages=allow_system_in_messages,
    )
    plan = CallPlan(
        model=model,
        tools=tools,
        tool_choice=tool_choice,
        active_tools=active_tools,
        tool_order=tool_order,
        call_settings=prepare_language_model_call_options(
            max_output_tokens=max_output_tokens,
            temperature=temperature,
            top_p=top_p,
            top_k=top_k,
            presence_penalty=presence_penalty,
            frequency_penalty=frequency_penalty,
            stop_sequences=stop_sequences,
            seed=seed,
            reasoning=reasoning,
        ),
        provider_options=provider_options,
        headers=with_user_agent_suffix(headers, USER_AGENT),
        prepare_step=prepare_step,
        download=download,
        output=output,
        initial_instructions=initial.instructions,
        initial_messages=initial.messages,
    )
    call_id = _generate_call_id()
    await notify(
        StartEvent(
            call_id=call_id,
            model=ModelInfo(provider=resolved_model.provider, model_id=resolved_model.model_id),
            instructions=initial.instructions,
            messages=initial.messages,
            tools=tools,
            runtime_context=runtime_context,
        ),
        on_start,
    )

    try:
        answers = await answer_tool_approvals(
            initial.messages,
            tools=tools,
            call_id=call_id,
            context=runtime_context,
            timeout=time_limits,
            deadlines=deadlines,
            on_tool_execution_start=on_tool_execution_start,
            on_tool_execution_end=on_tool_execution_end,
        )
        initial_response_messages = answers.messages
        state = _LoopState(
            instructions=initial.instructions,
            messages=[*initial.messages, *initial_response_messages],
            runtime_context=runtime_context,
        )
        while True:
            deadlines.start_step()
            step, client_calls, client_outputs, denied = await _run_step(
                plan,
                state,
                call_id=call_id,
                initial_response_messages=initial_response_messages,
                retry=retries.retry,
                repair_tool_call=repair_tool_call,
                include=include,
                timeout=time_limits,
                deadlines=deadlines,
                on_step_start=on_step_start,
                on_tool_execution_start=on_tool_execution_start,
                on_tool_execution_end=on_tool_execution_end,
            )
            await notify(step, on_step_finish)
            if not (
                len(client_outputs) + denied == len(client_calls)
                and (client_calls or state.pending_deferred)
                and not await is_stop_condition_met(stop_conditions, state.steps)
            ):
                break
    except TimeoutError as error:
        expired = deadlines.which()
        if expired == "Timeout":  # raised by the model or other code, not by a time limit
            raise
        raise TimeoutError(f"{expired} exceeded") from error

    total_usage = _total_usage(state.steps)
    await notify(
        FinishEvent(
            steps=state.steps,
            total_usage=total_usage,
            initial_response_messages=initial_response_messages,
            call_id=call_id,
            runtime_context=state.runtime_context,
        ),
        on_finish,
    )
    result = GenerateTextResult[Any](
        steps=state.steps,
        total_usage=total_usage,
        initial_response_messages=initial_response_messages,
    )
    final_step = state.steps[-1]
    if final_step.finish_reason == "stop":
        result._output = await (output or Output.text()).parse_complete_output(  # pyright: ignore[reportPrivateUsage]
            final_step.text,
            response=final_step.response,
            usage=final_step.usage,
            finish_reason=final_step.finish_reason,
        )
        result._has_output = True  # pyright: ignore[reportPrivateUsage]
    return result


def _stop_conditions(
    stop_when: StopCondition | Sequence[StopCondition] | None,
) -> list[StopCondition]:
    if stop_when is None:
        return [is_step_count(1)]
    if callable(stop_when):
        return [stop_when]
    return list(stop_when)


def _warn_about_stream_only_timeouts(timeout: Timeout, provider: str, model_id: str) -> None:
    warnings = [
        SharedV4UnsupportedWarning(
            feature=f"timeout.{name}",
            details=f"The {name} timeout is only supported by streaming functions.",
        )
        for name in ("first_chunk", "chunk")
        if getattr(timeout, name) is not None
    ]
    log_warnings(warnings, provider=provider, model=model_id)


def _total_usage(steps: Sequence[StepResult]) -> LanguageModelUsage:
    total = LanguageModelUsage()
    for step in steps:
        total = add_language_model_usage(total, step.usage)
    return total


async def _run_step(
    plan: CallPlan,
    state: _LoopState,
    *,
    call_id: str,
    initial_response_messages: list[ResponseMessage],
    retry: RetryFunction,
    repair_tool_call: ToolCallRepairFunction | None,
    include: GenerateTextInclude,
    timeout: Timeout,
    deadlines: Deadlines,
    on_step_start: Callable[[StepStartEvent], Any] | None,
    on_tool_execution_start: Callable[[ToolExecutionStartEvent], Any] | None,
    on_tool_execution_end: Callable[[ToolExecutionEndEvent], Any] | None,
) -> tuple[StepResult, list[ToolCall], list[ToolResult | ToolError], int]:
    """One model call and its tool executions; appends the step to ``state``.

    Returns the step, its client tool calls, their outputs and the number of denied approvals.
    """
    response_messages = [
        *initial_response_messages,
        *(message for step in state.steps for message in step.response.messages),
    ]
    prepared = await prepare_step_call(
        plan,
        steps=state.steps,
        instructions=state.instructions,
        messages=state.messages,
        response_messages=response_messages,
        runtime_context=state.runtime_context,
    )
    state.runtime_context = prepared.runtime_context
    model = prepared.model
    await notify(
        StepStartEvent(
            call_id=call_id,
            step_number=len(state.steps),
            model=ModelInfo(provider=model.provider, model_id=model.model_id),
            instructions=prepared.instructions,
            messages=prepared.messages,
            steps=list(state.steps),
            runtime_context=state.runtime_context,
        ),
        on_step_start,
    )

    started = anyio.current_time()
    with anyio.fail_after(deadlines.remaining()):
        response: LanguageModelV4GenerateResult = await retry(
            lambda: model.do_generate(prepared.options)
        )
    response_time_ms = (anyio.current_time() - started) * 1000
    usage = as_language_model_usage(response.usage)

    tool_calls = await gather(
        [
            lambda part=part: parse_tool_call(
                tool_call=part,
                tools=prepared.tools,
                repair_tool_call=repair_tool_call,
                instructions=prepared.instructions,
                messages=prepared.messages,
            )
            for part in response.content
            if isinstance(part, LanguageModelV4ToolCall)
        ]
    )
    approval_requests, approval_responses, blocked = await _approve(
        tool_calls, tools=prepared.tools, messages=prepared.messages, context=state.runtime_context
    )
    client_calls = [call for call in tool_calls if not call.provider_executed]
    client_outputs: list[ToolResult | ToolError] = [
        ToolError(
            tool_call_id=call.tool_call_id,
            tool_name=call.tool_name,
            input=call.input,
            error=get_error_message(call.error),
            dynamic=True,
            title=call.title,
            tool_metadata=call.tool_metadata,
        )
        for call in client_calls
        if call.invalid
    ]
    tool_execution_ms: dict[str, float] = {}
    if prepared.tools and is_tool_execution_allowed(response.finish_reason.unified):
        executions = await run_tools(
            [
                call
                for call in client_calls
                if not call.invalid and call.tool_call_id not in blocked
            ],
            tools=prepared.tools,
            call_id=call_id,
            messages=prepared.messages,
            context=state.runtime_context,
            timeout=timeout,
            deadlines=deadlines,
            on_start=on_tool_execution_start,
            on_end=on_tool_execution_end,
        )
        for execution in executions:
            tool_execution_ms[execution.output.tool_call_id] = execution.execution_ms
            client_outputs.append(execution.output)
    _track_deferred(state, tool_calls, response, prepared.tools)

    content = as_content(
        content=response.content,
        tool_calls=tool_calls,
        tool_outputs=client_outputs,
        approval_requests=approval_requests,
        approval_responses=approval_responses,
        tools=plan.tools,
    )
    step_messages = await to_response_messages(content=content, tools=plan.tools)
    metadata = response.response
    step = StepResult(
        call_id=call_id,
        step_number=len(state.steps),
        model=ModelInfo(provider=model.provider, model_id=model.model_id),
        content=content,
        finish_reason=response.finish_reason.unified,
        raw_finish_reason=response.finish_reason.raw,
        usage=usage,
        performance=StepPerformance(
            effective_output_tokens_per_second=tokens_per_second(
                usage.output_tokens, response_time_ms
            ),
            effective_total_tokens_per_second=tokens_per_second(
                (usage.input_tokens or 0) + (usage.output_tokens or 0), response_time_ms
            ),
            step_time_ms=(anyio.current_time() - started) * 1000,
            response_time_ms=response_time_ms,
            tool_execution_ms=tool_execution_ms,
        ),
        warnings=response.warnings,
        request=LanguageModelRequestMetadata(
            body=response.request.body if include.request_body and response.request else None,
            messages=list(prepared.messages) if include.request_messages else None,
        ),
        response=LanguageModelResponseMetadata(
            id=(metadata.id if metadata and metadata.id else None) or _generate_response_id(),
            timestamp=(metadata.timestamp if metadata else None) or datetime.now(UTC),
            model_id=(metadata.model_id if metadata else None) or model.model_id,
            headers=metadata.headers if metadata else None,
            body=metadata.body if include.response_body and metadata else None,
            messages=step_messages,
        ),
        provider_metadata=response.provider_metadata,
        runtime_context=state.runtime_context,
    )
    log_warnings(response.warnings, provider=model.provider, model=model.model_id)
    state.steps.append(step)
    state.instructions = prepared.instructions
    state.messages = [*prepared.messages, *step_messages]
    denied = sum(1 for response_ in approval_responses if not response_.approved)
    return step, client_calls, client_outputs, denied


async def _approve(
    tool_calls: Sequence[ToolCall],
    *,
    tools: ToolSet | None,
    messages: Sequence[ModelMessage],
    context: Any,
) -> tuple[list[ToolApprovalRequestOutput], list[ToolApprovalResponseOutput], set[str]]:
    """Input callbacks and approval decisions for the step's valid tool calls.

    Returns the approval requests, the automatic approval responses, and the ids of calls
    that must not run (waiting for the user, or denied).
    """
    requests: list[ToolApprovalRequestOutput] = []
    responses: list[ToolApprovalResponseOutput] = []
    blocked: set[str] = set()
    for call in tool_calls:
        tool = None if call.invalid else (tools or {}).get(call.tool_name)
        if tool is None:
            continue
        options = ToolExecutionOptions(
            tool_call_id=call.tool_call_id, messages=messages, context=context
        )
        if tool.on_input_start is not None:
            await maybe_await(tool.on_input_start(options))
        if tool.on_input_available is not None:
            await maybe_await(
                tool.on_input_available(
                    ToolInputAvailableOptions(
                        input=call.input,
                        tool_call_id=call.tool_call_id,
                        messages=messages,
                        context=context,
                    )
                )
            )
        status = await resolve_tool_approval(
            tool=tool, tool_call=call, messages=messages, context=context
        )
        if status == "not-applicable":
            continue
        approval_id = _generate_response_id()
        if status == "user-approval":
            requests.append(ToolApprovalRequestOutput(approval_id=approval_id, tool_call=call))
            blocked.add(call.tool_call_id)
        else:  # decided without asking the user
            requests.append(
                ToolApprovalRequestOutput(
                    approval_id=approval_id, tool_call=call, is_automatic=True
                )
            )
            approved = status == "approved"
            responses.append(
                ToolApprovalResponseOutput(
                    approval_id=approval_id,
                    tool_call=call,
                    approved=approved,
                    provider_executed=call.provider_executed,
                )
            )
            if not approved:
                blocked.add(call.tool_call_id)
    return requests, responses, blocked


def _track_deferred(
    state: _LoopState,
    tool_calls: Sequence[ToolCall],
    response: LanguageModelV4GenerateResult,
    tools: ToolSet | None,
) -> None:
    """Remember provider-executed calls whose results arrive in a later step."""
    result_ids = {part.tool_call_id for part in response.content if part.type == "tool-result"}
    for call in tool_calls:
        tool = (tools or {}).get(call.tool_name)
        if (
            call.provider_executed
            and tool is not None
            and tool.type == "provider"
            and tool.supports_deferred_results
            and call.tool_call_id not in result_ids
        ):
            state.pending_deferred.add(call.tool_call_id)
    state.pending_deferred -= result_ids
