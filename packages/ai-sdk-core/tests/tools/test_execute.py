"""Port of execute-tool-call.test.ts and execute-tool.test.ts (the parts without telemetry,
sandbox and tool context), plus timeouts, threads and cancellation."""

from __future__ import annotations

import threading
from collections.abc import AsyncIterator, Iterator
from typing import Any

import anyio
import pytest

from ai_sdk_core.generate_text import ToolCall, ToolError, ToolResult
from ai_sdk_core.prompt import UserModelMessage
from ai_sdk_core.tools import Tool, ToolExecutionOptions, dynamic_tool, tool
from ai_sdk_core.tools._execute import execute_tool_call

pytestmark = pytest.mark.anyio

INPUT_SCHEMA = {"type": "object", "properties": {"value": {"type": "string"}}}
MESSAGES = [UserModelMessage(content="test message")]


def tool_call(**overrides: Any) -> ToolCall:
    fields: dict[str, Any] = {
        "tool_call_id": "call-1",
        "tool_name": "testTool",
        "input": {"value": "test"},
        "dynamic": False,
    }
    return ToolCall(**(fields | overrides))


def echo_tool() -> Tool[Any, Any]:
    async def execute(input: dict[str, str]) -> str:
        return f"{input['value']}-result"

    return tool(input_schema=INPUT_SCHEMA, execute=execute)


def failing_tool(error: Exception) -> Tool[Any, Any]:
    async def execute(input: Any) -> str:
        raise error

    return tool(input_schema=INPUT_SCHEMA, execute=execute)


class TestWithoutExecution:
    async def test_tool_without_execute(self) -> None:
        tools = {"testTool": tool(input_schema=INPUT_SCHEMA)}

        assert await execute_tool_call(tool_call=tool_call(), tools=tools, messages=[]) is None

    async def test_without_tools(self) -> None:
        assert await execute_tool_call(tool_call=tool_call(), tools=None, messages=[]) is None

    async def test_unknown_tool(self) -> None:
        tools = {"otherTool": echo_tool()}

        assert await execute_tool_call(tool_call=tool_call(), tools=tools, messages=[]) is None


class TestSuccess:
    async def test_tool_result(self) -> None:
        execution = await execute_tool_call(
            tool_call=tool_call(), tools={"testTool": echo_tool()}, messages=[]
        )

        assert execution is not None
        assert execution.output == ToolResult(
            tool_call_id="call-1",
            tool_name="testTool",
            input={"value": "test"},
            output="test-result",
            dynamic=False,
        )
        assert execution.execution_ms >= 0

    async def test_keeps_provider_and_tool_metadata(self) -> None:
        execution = await execute_tool_call(
            tool_call=tool_call(
                provider_metadata={"custom": {"key": "value"}},
                tool_metadata={"clientName": "MyMCPClient"},
                title="ignored",
            ),
            tools={"testTool": echo_tool()},
            messages=[],
        )

        assert execution is not None
        assert execution.output == ToolResult(
            tool_call_id="call-1",
            tool_name="testTool",
            input={"value": "test"},
            output="test-result",
            dynamic=False,
            provider_metadata={"custom": {"key": "value"}},
            tool_metadata={"clientName": "MyMCPClient"},
        )

    async def test_execute_receives_the_options(self) -> None:
        seen: list[ToolExecutionOptions] = []

        def execute(input: Any, options: ToolExecutionOptions) -> str:
            seen.append(options)
            return "ok"

        await execute_tool_call(
            tool_call=tool_call(),
            tools={"testTool": tool(input_schema=INPUT_SCHEMA, execute=execute)},
            messages=MESSAGES,
            context={"tenant": "t-1"},
        )

        assert seen == [
            ToolExecutionOptions(
                tool_call_id="call-1", messages=MESSAGES, context={"tenant": "t-1"}
            )
        ]

    async def test_dynamic_tool(self) -> None:
        tools = {"testTool": dynamic_tool(input_schema=INPUT_SCHEMA, execute=lambda input: "x")}

        execution = await execute_tool_call(tool_call=tool_call(), tools=tools, messages=[])

        assert execution is not None
        assert isinstance(execution.output, ToolResult)
        assert execution.output.dynamic is True

    async def test_raw_tool_with_a_plain_return_value(self) -> None:
        raw = Tool(input_schema=echo_tool().input_schema, execute=lambda input, options: 42)

        execution = await execute_tool_call(
            tool_call=tool_call(), tools={"testTool": raw}, messages=[]
        )

        assert execution is not None
        assert isinstance(execution.output, ToolResult)
        assert execution.output.output == 42


class TestErrors:
    async def test_exception_becomes_a_tool_error(self) -> None:
        error = RuntimeError("execution failed")

        execution = await execute_tool_call(
            tool_call=tool_call(
                provider_metadata={"custom": {"key": "value"}},
                tool_metadata={"clientName": "MyMCPClient"},
            ),
            tools={"testTool": failing_tool(error)},
            messages=[],
        )

        assert execution is not None
        assert execution.output == ToolError(
            tool_call_id="call-1",
            tool_name="testTool",
            input={"value": "test"},
            error=error,
            dynamic=False,
            provider_metadata={"custom": {"key": "value"}},
            tool_metadata={"clientName": "MyMCPClient"},
        )

    async def test_exception_of_a_sync_tool(self) -> None:
        def execute(input: Any) -> str:
            raise ValueError("bad value")

        execution = await execute_tool_call(
            tool_call=tool_call(),
            tools={"testTool": tool(input_schema=INPUT_SCHEMA, execute=execute)},
            messages=[],
        )

        assert execution is not None
        assert isinstance(execution.output, ToolError)
        assert isinstance(execution.output.error, ValueError)
        assert str(execution.output.error) == "bad value"

    async def test_dynamic_tool_error(self) -> None:
        async def execute(input: Any) -> str:
            raise RuntimeError("boom")

        tools = {"testTool": dynamic_tool(input_schema=INPUT_SCHEMA, execute=execute)}

        execution = await execute_tool_call(tool_call=tool_call(), tools=tools, messages=[])

        assert execution is not None
        assert isinstance(execution.output, ToolError)
        assert execution.output.dynamic is True


class TestPreliminaryResults:
    async def test_each_output_is_reported_and_the_last_is_final(self) -> None:
        async def execute(input: dict[str, str]) -> AsyncIterator[str]:
            yield "partial-1"
            yield f"{input['value']}-final"

        preliminary: list[ToolResult] = []
        execution = await execute_tool_call(
            tool_call=tool_call(title="Test", tool_metadata={"m": 1}),
            tools={"testTool": tool(input_schema=INPUT_SCHEMA, execute=execute)},
            messages=[],
            on_preliminary_result=preliminary.append,
        )

        assert preliminary == [
            ToolResult(
                tool_call_id="call-1",
                tool_name="testTool",
                input={"value": "test"},
                output=output,
                dynamic=False,
                title="Test",
                tool_metadata={"m": 1},
                preliminary=True,
            )
            for output in ["partial-1", "test-final"]
        ]
        assert execution is not None
        assert isinstance(execution.output, ToolResult)
        assert execution.output.output == "test-final"
        assert execution.output.preliminary is None

    async def test_sync_generator_and_async_callback(self) -> None:
        def execute(input: Any) -> Iterator[int]:
            yield 1
            yield 2

        outputs: list[Any] = []

        async def on_preliminary_result(result: ToolResult) -> None:
            outputs.append(result.output)

        execution = await execute_tool_call(
            tool_call=tool_call(),
            tools={"testTool": tool(input_schema=INPUT_SCHEMA, execute=execute)},
            messages=[],
            on_preliminary_result=on_preliminary_result,
        )

        assert outputs == [1, 2]
        assert execution is not None
        assert isinstance(execution.output, ToolResult)
        assert execution.output.output == 2

    async def test_generator_without_outputs_gives_none(self) -> None:
        async def execute(input: Any) -> AsyncIterator[str]:
            return
            yield  # pragma: no cover - makes this an async generator

        execution = await execute_tool_call(
            tool_call=tool_call(),
            tools={"testTool": tool(input_schema=INPUT_SCHEMA, execute=execute)},
            messages=[],
        )

        assert execution is not None
        assert isinstance(execution.output, ToolResult)
        assert execution.output.output is None

    async def test_error_after_outputs_closes_the_generator(self) -> None:
        closed = anyio.Event()

        async def execute(input: Any) -> AsyncIterator[str]:
            try:
                yield "first"
                yield "second"
            finally:
                closed.set()

        def on_preliminary_result(result: ToolResult) -> None:
            raise RuntimeError("consumer failed")

        execution = await execute_tool_call(
            tool_call=tool_call(),
            tools={"testTool": tool(input_schema=INPUT_SCHEMA, execute=execute)},
            messages=[],
            on_preliminary_result=on_preliminary_result,
        )

        assert execution is not None
        assert isinstance(execution.output, ToolError)
        assert str(execution.output.error) == "consumer failed"
        assert closed.is_set()


class TestTimeout:
    async def test_result_before_the_timeout(self) -> None:
        execution = await execute_tool_call(
            tool_call=tool_call(), tools={"testTool": echo_tool()}, messages=[], timeout=10
        )

        assert execution is not None
        assert isinstance(execution.output, ToolResult)
        assert execution.output.output == "test-result"

    async def test_async_tool_that_runs_too_long(self) -> None:
        never = anyio.Event()

        async def execute(input: Any) -> str:
            await never.wait()
            return "late"

        execution = await execute_tool_call(
            tool_call=tool_call(),
            tools={"testTool": tool(input_schema=INPUT_SCHEMA, execute=execute)},
            messages=[],
            timeout=0.01,
        )

        assert execution is not None
        assert isinstance(execution.output, ToolError)
        assert isinstance(execution.output.error, TimeoutError)
        assert str(execution.output.error) == (
            "Tool 'testTool' did not finish within 0.01 seconds."
        )

    async def test_sync_tool_that_runs_too_long(self) -> None:
        release = threading.Event()

        def execute(input: Any) -> str:
            release.wait(timeout=5)
            return "late"

        try:
            execution = await execute_tool_call(
                tool_call=tool_call(),
                tools={"testTool": tool(input_schema=INPUT_SCHEMA, execute=execute)},
                messages=[],
                timeout=0.01,
            )
        finally:
            release.set()  # let the abandoned worker thread finish

        assert execution is not None
        assert isinstance(execution.output, ToolError)
        assert isinstance(execution.output.error, TimeoutError)

    async def test_a_tool_raising_timeout_error_itself_keeps_its_error(self) -> None:
        error = TimeoutError("upstream timed out")

        execution = await execute_tool_call(
            tool_call=tool_call(), tools={"testTool": failing_tool(error)}, messages=[], timeout=10
        )

        assert execution is not None
        assert isinstance(execution.output, ToolError)
        assert execution.output.error is error


async def test_cancellation_propagates() -> None:
    started = anyio.Event()
    never = anyio.Event()
    finished: list[object] = []

    async def execute(input: Any) -> str:
        started.set()
        await never.wait()
        return "never"

    tools = {"testTool": tool(input_schema=INPUT_SCHEMA, execute=execute)}

    async def run() -> None:
        finished.append(await execute_tool_call(tool_call=tool_call(), tools=tools, messages=[]))

    async with anyio.create_task_group() as group:
        group.start_soon(run)
        await started.wait()
        group.cancel_scope.cancel()

    assert finished == []
