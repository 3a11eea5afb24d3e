"""What ``generate_text`` and ``stream_text`` share: preparing a step's model call, turning a
model response into content, running tools, and deciding whether the loop goes on."""

from __future__ import annotations

import inspect
import json
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass, fields, replace
from typing import Any, TypeVar, cast

import anyio

from ai_sdk_core._callbacks import notify
from ai_sdk_core._content import (
    ContentPart,
    CustomOutput,
    FileOutput,
    GeneratedFile,
    ReasoningFileOutput,
    ReasoningOutput,
    TextOutput,
    ToolApprovalRequestOutput,
    ToolApprovalResponseOutput,
    ToolCall,
    ToolError,
    ToolResult,
)
from ai_sdk_core._default_provider import LanguageModel, resolve_language_model
from ai_sdk_core._errors import InvalidToolInputError, ToolCallNotFoundForApprovalError
from ai_sdk_core._merge_objects import merge_objects
from ai_sdk_core.prompt._call_options import (
    LanguageModelCallOptions,
    prepare_language_model_call_options,
)
from ai_sdk_core.prompt._convert import convert_to_language_model_prompt
from ai_sdk_core.prompt._download import DownloadFunction
from ai_sdk_core.prompt._messages import ModelMessage, ToolModelMessage, ToolResultPart
from ai_sdk_core.prompt._prepare_tools import prepare_tool_choice, prepare_tools
from ai_sdk_core.prompt._standardize import Instructions, standardize_prompt
from ai_sdk_core.provider._errors import InvalidResponseDataError, TypeValidationError
from ai_sdk_core.provider._language_model import LanguageModelV4
from ai_sdk_core.provider._language_model_call import LanguageModelV4CallOptions
from ai_sdk_core.provider._language_model_content import (
    LanguageModelV4Content,
    LanguageModelV4CustomContent,
    LanguageModelV4DocumentSource,
    LanguageModelV4File,
    LanguageModelV4Reasoning,
    LanguageModelV4ReasoningFile,
    LanguageModelV4Text,
    LanguageModelV4ToolCall,
    LanguageModelV4ToolResult,
    LanguageModelV4UrlSource,
)
from ai_sdk_core.provider._language_model_prompt import (
    LanguageModelV4ToolResultOutputExecutionDenied,
)
from ai_sdk_core.provider._shared import SharedV4ProviderOptions
from ai_sdk_core.tools._approval import collect_tool_approvals
from ai_sdk_core.tools._execute import execute_tool_call
from ai_sdk_core.tools._model_output import create_tool_model_output, to_json_value
from ai_sdk_core.tools._tool import ToolSet
from ai_sdk_core.wire import to_wire

from ._output import Output
from ._prepare_step import (
    PrepareStepFunction,
    PrepareStepOptions,
    PrepareStepResult,
    as_prepare_step_result,
)
from ._step_result import FinishReason, ResponseMessage, StepResult
from ._timeout import Deadlines, Timeout

__all__ = [
    "ApprovalAnswers",
    "CallPlan",
    "PreparedStep",
    "ToolExecution",
    "ToolExecutionEndEvent",
    "ToolExecutionStartEvent",
    "answer_tool_approvals",
    "as_content",
    "file_output",
    "gather",
    "is_tool_execution_allowed",
    "maybe_await",
    "prepare_step_call",
    "run_tools",
    "tokens_per_second",
]

T = TypeVar("T")


async def maybe_await(value: T | Awaitable[T]) -> T:
    """``value``, awaited when it is awaitable (for callbacks that may be sync or async)."""
    if inspect.isawaitable(value):
        return await value
    return value


async def gather(calls: Sequence[Callable[[], Awaitable[T]]]) -> list[T]:
    """Run the calls concurrently; their results in order (the first error cancels the rest)."""
    if len(calls) <= 1:
        return [await call() for call in calls]
    results: list[Any] = [None] * len(calls)

    async def run(index: int, call: Callable[[], Awaitable[T]]) -> None:
        results[index] = await call()

    try:
        async with anyio.create_task_group() as group:
            for index, call in enumerate(calls):
                group.start_soon(run, index, call)
    except BaseExceptionGroup as group:  # as Promise.all: the first error, not a group
        raise group.exceptions[0] from None
    return cast("list[T]", results)


def tokens_per_second(tokens: int | None, duration_ms: float | None) -> float:
    """Tokens per second over ``duration_ms``; 0 when either is missing or zero."""
    if not tokens or not duration_ms:
        return 0.0
    return 1000 * tokens / duration_ms


def is_tool_execution_allowed(finish_reason: FinishReason) -> bool:
    """Client tools run only after a step that finished with ``stop`` or ``tool-calls``."""
    return finish_reason in ("stop", "tool-calls")


@dataclass(slots=True, kw_only=True)
class CallPlan:
    """The settings of a ``generate_text``/``stream_text`` call that every step starts from."""

    model: LanguageModel
    tools: ToolSet | None
    tool_choice: Any
    active_tools: Sequence[str] | None
    tool_order: Sequence[str] | None
    call_settings: LanguageModelCallOptions
    provider_options: SharedV4ProviderOptions | None
    headers: dict[str, str]
    prepare_step: PrepareStepFunction | None
    download: DownloadFunction | None
    output: Output[Any] | None
    initial_instructions: Instructions | None
    initial_messages: list[ModelMessage]
    include_raw_chunks: bool = False


@dataclass(slots=True, kw_only=True)
class PreparedStep:
    """One step's model, prompt and call options, after ``prepare_step``."""

    model: LanguageModelV4
    instructions: Instructions | None
    messages: list[ModelMessage]
    options: LanguageModelV4CallOptions
    tools: ToolSet | None
    runtime_context: Any


def _active(tools: ToolSet | None, active: Sequence[str] | None) -> ToolSet | None:
    if tools is None or active is None:
        return tools
    names = set(active)
    return {name: tool for name, tool in tools.items() if name in names}


_CALL_SETTINGS = tuple(setting.name for setting in fields(LanguageModelCallOptions))


def _step_settings(base: LanguageModelCallOptions, step: PrepareStepResult) -> dict[str, Any]:
    """The call settings of a step, validated: the step's overrides, else the call's.

    As TS ``prepareStepCallSettings``: ``None`` falls back to the call's setting, while falsy
    values such as ``temperature=0``, ``seed=0`` and ``stop_sequences=[]`` are kept.
    """
    settings = prepare_language_model_call_options(
        **{
            name: getattr(base, name) if getattr(step, name) is None else getattr(step, name)
            for name in _CALL_SETTINGS
        }
    )
    return {name: getattr(settings, name) for name in _CALL_SETTINGS}


async def prepare_step_call(
    plan: CallPlan,
    *,
    steps: Sequence[StepResult],
    instructions: Instructions | None,
    messages: list[ModelMessage],
    response_messages: Sequence[ResponseMessage],
    runtime_context: Any,
) -> PreparedStep:
    """Run ``prepare_step`` and build the step's provider call options."""
    step = PrepareStepResult()
    if plan.prepare_step is not None:
        step = as_prepare_step_result(
            await maybe_await(
                plan.prepare_step(
                    PrepareStepOptions(
                        steps=list(steps),
                        step_number=len(steps),
                        model=plan.model,
                        instructions=instructions,
                        initial_instructions=plan.initial_instructions,
                        messages=messages,
                        initial_messages=plan.initial_messages,
                        response_messages=list(response_messages),
                        runtime_context=runtime_context,
                    )
                )
            )
        )
    model = resolve_language_model(step.model if step.model is not None else plan.model)
    if step.instructions is not None:
        instructions = step.instructions
    if step.messages is not None:
        messages = standardize_prompt(
            messages=step.messages, allow_system_in_messages=True
        ).messages
    prompt = await convert_to_language_model_prompt(
        instructions=instructions,
        messages=messages,
        supported_urls=await maybe_await(model.supported_urls),
        download=plan.download,
        provider=model.provider.split(".")[0],
    )
    active_tools = step.active_tools if step.active_tools is not None else plan.active_tools
    tool_order = step.tool_order if step.tool_order is not None else plan.tool_order
    response_format = await plan.output.response_format() if plan.output is not None else None
    options = LanguageModelV4CallOptions(
        prompt=prompt,
        **_step_settings(plan.call_settings, step),
        response_format=response_format,
        tools=await prepare_tools(
            tools=plan.tools, active_tools=active_tools, tool_order=tool_order
        ),
        tool_choice=prepare_tool_choice(
            step.tool_choice if step.tool_choice is not None else plan.tool_choice
        ),
        include_raw_chunks=plan.include_raw_chunks or None,
        headers=dict(plan.headers) or None,
        provider_options=merge_objects(plan.provider_options, step.provider_options),
    )
    return PreparedStep(
        model=model,
        instructions=instructions,
        messages=messages,
        options=options,
        tools=_active(plan.tools, active_tools),
        runtime_context=runtime_context if step.runtime_context is None else step.runtime_context,
    )


def file_output(
    part: LanguageModelV4File | LanguageModelV4ReasoningFile,
) -> FileOutput | ReasoningFileOutput:
    """A generated (reasoning) file as users see it."""
    data = part.data.data if part.data.type == "data" else part.data.url
    file = GeneratedFile(data=data, media_type=part.media_type)
    if isinstance(part, LanguageModelV4File):
        return FileOutput(file=file, provider_metadata=part.provider_metadata)
    return ReasoningFileOutput(file=file, provider_metadata=part.provider_metadata)


def _provider_executed_output(
    part: LanguageModelV4ToolResult, tool_call: ToolCall | None, tools: ToolSet | None
) -> ToolResult | ToolError:
    if tool_call is None:
        tool = (tools or {}).get(part.tool_name)
        if tool is None or not (tool.type == "provider" and tool.supports_deferred_results):
            raise InvalidResponseDataError(
                f"Tool call {part.tool_call_id} not found.", data=to_wire(part)
            )
    input_value = None if tool_call is None else tool_call.input
    tool_metadata = None if tool_call is None else tool_call.tool_metadata
    dynamic = part.dynamic if tool_call is None else (part.dynamic or tool_call.dynamic)
    if part.is_error:
        return ToolError(
            tool_call_id=part.tool_call_id,
            tool_name=part.tool_name,
            input=input_value,
            error=part.result,
            provider_executed=True,
            dynamic=dynamic,
            provider_metadata=part.provider_metadata,
            tool_metadata=tool_metadata,
        )
    return ToolResult(
        tool_call_id=part.tool_call_id,
        tool_name=part.tool_name,
        input=input_value,
        output=part.result,
        provider_executed=True,
        dynamic=dynamic,
        provider_metadata=part.provider_metadata,
        tool_metadata=tool_metadata,
    )


def as_content(
    *,
    content: Sequence[LanguageModelV4Content],
    tool_calls: Sequence[ToolCall],
    tool_outputs: Sequence[ToolResult | ToolError],
    approval_requests: Sequence[ToolApprovalRequestOutput],
    approval_responses: Sequence[ToolApprovalResponseOutput],
    tools: ToolSet | None,
) -> list[ContentPart]:
    """A step's content from the model's content, the parsed tool calls and the tool outputs.

    The order is TS's: the model's content, then client tool outputs, approval requests,
    approval responses, and the outputs of calls that were approved automatically.
    """
    calls = {call.tool_call_id: call for call in tool_calls}
    parts: list[ContentPart] = []
    for part in content:
        if isinstance(part, LanguageModelV4Text):
            parts.append(TextOutput(text=part.text, provider_metadata=part.provider_metadata))
        elif isinstance(part, LanguageModelV4Reasoning):
            parts.append(ReasoningOutput(text=part.text, provider_metadata=part.provider_metadata))
        elif isinstance(part, LanguageModelV4CustomContent):
            parts.append(CustomOutput(kind=part.kind, provider_metadata=part.provider_metadata))
        elif isinstance(part, LanguageModelV4UrlSource | LanguageModelV4DocumentSource):
            parts.append(part)
        elif isinstance(part, LanguageModelV4File | LanguageModelV4ReasoningFile):
            parts.append(file_output(part))
        elif isinstance(part, LanguageModelV4ToolCall):
            parts.append(calls[part.tool_call_id])
        elif isinstance(part, LanguageModelV4ToolResult):
            parts.append(_provider_executed_output(part, calls.get(part.tool_call_id), tools))
        else:  # a provider's tool approval request
            call = calls.get(part.tool_call_id)
            if call is None:
                raise ToolCallNotFoundForApprovalError(
                    tool_call_id=part.tool_call_id, approval_id=part.approval_id
                )
            parts.append(ToolApprovalRequestOutput(approval_id=part.approval_id, tool_call=call))
    approved_ids = {response.tool_call.tool_call_id for response in approval_responses}
    return [
        *parts,
        *(output for output in tool_outputs if output.tool_call_id not in approved_ids),
        *approval_requests,
        *approval_responses,
        *(output for output in tool_outputs if output.tool_call_id in approved_ids),
    ]


@dataclass(slots=True, frozen=True, kw_only=True)
class ToolExecutionStartEvent:
    """``on_tool_execution_start``: a client tool is about to run."""

    call_id: str
    tool_call: ToolCall
    messages: Sequence[ModelMessage]


@dataclass(slots=True, frozen=True, kw_only=True)
class ToolExecutionEndEvent:
    """``on_tool_execution_end``: a client tool ran; ``output`` is its result or error."""

    call_id: str
    tool_call: ToolCall
    output: ToolResult | ToolError
    duration_ms: float


@dataclass(slots=True, frozen=True, kw_only=True)
class ToolExecution:
    """The output of one executed tool call and how long it took."""

    output: ToolResult | ToolError
    execution_ms: float


async def run_tools(
    tool_calls: Sequence[ToolCall],
    *,
    tools: ToolSet,
    call_id: str,
    messages: Sequence[ModelMessage],
    context: Any,
    timeout: Timeout,
    deadlines: Deadlines,
    on_start: Callable[[ToolExecutionStartEvent], Any] | None,
    on_end: Callable[[ToolExecutionEndEvent], Any] | None,
    on_output: Callable[[ToolResult | ToolError], Awaitable[None]] | None = None,
    on_preliminary_result: Callable[[ToolResult], Awaitable[None]] | None = None,
) -> list[ToolExecution]:
    """Execute the tool calls concurrently; the executions in call order.

    A tool that exceeds its own time limit fails with a ``ToolError``; running past the call's
    total or step deadline raises ``TimeoutError`` for the whole call. ``on_output`` sees each
    final output as soon as its tool finishes (streams emit it then).
    """

    async def run(tool_call: ToolCall) -> ToolExecution | None:
        tool = tools.get(tool_call.tool_name)
        if tool is None or tool.execute is None:  # the caller supplies the result
            return None
        await notify(
            ToolExecutionStartEvent(call_id=call_id, tool_call=tool_call, messages=messages),
            on_start,
        )
        execution = await execute_tool_call(
            tool_call=tool_call,
            tools=tools,
            messages=messages,
            context=context,
            timeout=timeout.for_tool(tool_call.tool_name),
            on_preliminary_result=on_preliminary_result,
        )
        if execution is None:
            return None
        result = ToolExecution(output=execution.output, execution_ms=execution.execution_ms)
        await notify(
            ToolExecutionEndEvent(
                call_id=call_id,
                tool_call=tool_call,
                output=result.output,
                duration_ms=result.execution_ms,
            ),
            on_end,
        )
        if on_output is not None:
            await on_output(result.output)
        return result

    with anyio.fail_after(deadlines.remaining()):
        executions = await gather([lambda call=call: run(call) for call in tool_calls])
    return [execution for execution in executions if execution is not None]


@dataclass(slots=True, kw_only=True)
class ApprovalAnswers:
    """What answering the last message's tool approvals produced before the first step."""

    messages: list[ResponseMessage]
    outputs: list[ToolResult | ToolError]
    denied: list[ToolCall]


async def answer_tool_approvals(
    messages: Sequence[ModelMessage],
    *,
    tools: ToolSet | None,
    call_id: str,
    context: Any,
    timeout: Timeout,
    deadlines: Deadlines,
    on_tool_execution_start: Callable[[ToolExecutionStartEvent], Any] | None,
    on_tool_execution_end: Callable[[ToolExecutionEndEvent], Any] | None,
    on_preliminary_result: Callable[[ToolResult], Awaitable[None]] | None = None,
) -> ApprovalAnswers:
    """Run the tool calls the last tool message approves; record denied ones as denied.

    The returned tool message carries their results for the model (none when there were no
    approval responses). An approved call whose input does not match its tool's schema (a
    forged approval) raises :class:`InvalidToolInputError` before anything runs.
    """
    approvals = collect_tool_approvals(messages)
    approved = [
        approval for approval in approvals.approved if not approval.tool_call.provider_executed
    ]
    unanswered = [
        approval for approval in approvals.denied if approval.existing_tool_result is None
    ]
    executions = await run_tools(
        [_with_validated_input(approval.tool_call, tools) for approval in approved],
        tools=tools or {},
        call_id=call_id,
        messages=messages,
        context=context,
        timeout=timeout,
        deadlines=deadlines,
        on_start=on_tool_execution_start,
        on_end=on_tool_execution_end,
        on_preliminary_result=on_preliminary_result,
    )
    outputs: list[ToolResult | ToolError] = [execution.output for execution in executions]
    content: list[ToolResultPart] = [
        ToolResultPart(
            tool_call_id=output.tool_call_id,
            tool_name=output.tool_name,
            output=await create_tool_model_output(
                tool_call_id=output.tool_call_id,
                input=output.input,
                output=output.output if isinstance(output, ToolResult) else output.error,
                tool=(tools or {}).get(output.tool_name),
                error_mode="text" if isinstance(output, ToolError) else "none",
            ),
        )
        for output in outputs
    ]
    content += [
        ToolResultPart(
            tool_call_id=approval.tool_call.tool_call_id,
            tool_name=approval.tool_call.tool_name,
            output=LanguageModelV4ToolResultOutputExecutionDenied(
                reason=approval.approval_response.reason,
                # as TS: a provider-executed tool's provider correlates the denial by its id
                provider_options={"openai": {"approvalId": approval.approval_response.approval_id}}
                if approval.tool_call.provider_executed
                else None,
            ),
        )
        for approval in unanswered
    ]
    return ApprovalAnswers(
        messages=[ToolModelMessage(content=list(content))] if content else [],
        outputs=outputs,
        denied=[approval.tool_call for approval in approvals.denied],
    )


def _with_validated_input(tool_call: ToolCall, tools: ToolSet | None) -> ToolCall:
    """An approved call from the history, its input validated by the tool's schema.

    The input comes from the client, so it is checked again before the tool runs, as TS does:
    input that does not match raises :class:`InvalidToolInputError`.
    """
    tool = (tools or {}).get(tool_call.tool_name)
    if tool is None or tool.execute is None:  # nothing will run
        return tool_call
    try:
        return replace(tool_call, input=tool.input_schema.validate(tool_call.input))
    except TypeValidationError as error:
        raise InvalidToolInputError(
            tool_name=tool_call.tool_name,
            tool_input=json.dumps(
                to_json_value(tool_call.input), separators=(",", ":"), ensure_ascii=False
            ),
            cause=error,
        ) from error
