"""Running one tool call (port of ``execute-tool-call.ts`` and ``execute-tool.ts``)."""

from __future__ import annotations

import inspect
import time
from collections.abc import AsyncGenerator, AsyncIterable, Awaitable, Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, TypeVar, cast

import anyio

from ai_sdk_core._content import ToolCall, ToolError, ToolResult

from ._tool import ToolExecutionOptions, ToolSet

if TYPE_CHECKING:
    from ai_sdk_core.prompt._messages import ModelMessage

__all__: list[str] = []

T = TypeVar("T")


@dataclass(slots=True, frozen=True, kw_only=True)
class ToolCallExecution:
    """The outcome of a tool call, and how long ``execute`` ran (milliseconds)."""

    output: ToolResult | ToolError
    execution_ms: float


async def maybe_await(value: T | Awaitable[T]) -> T:
    """``value``, awaited when it is awaitable (for functions that may be sync or async)."""
    if inspect.isawaitable(value):
        return await value
    return value


async def execute_tool_call(
    *,
    tool_call: ToolCall,
    tools: ToolSet | None,
    messages: Sequence[ModelMessage],
    context: Any = None,
    timeout: float | None = None,
    on_preliminary_result: Callable[[ToolResult], Awaitable[None] | None] | None = None,
) -> ToolCallExecution | None:
    """Run ``tool_call``'s tool; ``None`` when the tool is unknown or has no ``execute``.

    An exception in ``execute`` becomes a :class:`ToolError` holding it, and so does running
    longer than ``timeout`` seconds (a :class:`TimeoutError`); cancellation of the caller
    propagates. Each output of a streaming tool is reported to ``on_preliminary_result`` as a
    preliminary :class:`ToolResult`; the last one is the final output. ``Tool.execute`` is
    called on the event loop: :func:`~ai_sdk_core.tool` moves plain functions to a worker
    thread.
    """
    tool = None if tools is None else tools.get(tool_call.tool_name)
    if tool is None or tool.execute is None:
        return None
    options = ToolExecutionOptions(
        tool_call_id=tool_call.tool_call_id, messages=messages, context=context
    )

    async def report(output: Any) -> None:
        if on_preliminary_result is not None:
            await maybe_await(on_preliminary_result(_preliminary_result(tool_call, output)))

    output: Any = None
    error: Exception | None = None
    start = time.perf_counter()
    with anyio.move_on_after(timeout) as scope:
        try:
            result = tool.execute(tool_call.input, options)
            if isinstance(result, AsyncIterable):
                output = await _last_output(cast("AsyncIterable[Any]", result), report)
            else:
                output = await maybe_await(result)
        except Exception as exception:
            error = exception
    execution_ms = (time.perf_counter() - start) * 1000
    if scope.cancelled_caught:
        error = TimeoutError(
            f"Tool '{tool_call.tool_name}' did not finish within {timeout} seconds."
        )

    dynamic = tool.type == "dynamic"
    if error is not None:
        outcome: ToolResult | ToolError = ToolError(
            tool_call_id=tool_call.tool_call_id,
            tool_name=tool_call.tool_name,
            input=tool_call.input,
            error=error,
            dynamic=dynamic,
            provider_metadata=tool_call.provider_metadata,
            tool_metadata=tool_call.tool_metadata,
        )
    else:
        outcome = ToolResult(
            tool_call_id=tool_call.tool_call_id,
            tool_name=tool_call.tool_name,
            input=tool_call.input,
            output=output,
            dynamic=dynamic,
            provider_metadata=tool_call.provider_metadata,
            tool_metadata=tool_call.tool_metadata,
        )
    return ToolCallExecution(output=outcome, execution_ms=execution_ms)


async def _last_output(
    outputs: AsyncIterable[Any], report: Callable[[Any], Awaitable[None]]
) -> Any:
    """Report every output of a streaming tool; the last one (``None`` when there is none)."""
    last: Any = None
    try:
        async for last in outputs:
            await report(last)
    finally:
        if isinstance(outputs, AsyncGenerator):
            await outputs.aclose()
    return last


def _preliminary_result(tool_call: ToolCall, output: Any) -> ToolResult:
    return ToolResult(
        tool_call_id=tool_call.tool_call_id,
        tool_name=tool_call.tool_name,
        input=tool_call.input,
        output=output,
        provider_executed=tool_call.provider_executed,
        provider_metadata=tool_call.provider_metadata,
        tool_metadata=tool_call.tool_metadata,
        dynamic=tool_call.dynamic,
        title=tool_call.title,
        preliminary=True,
    )
