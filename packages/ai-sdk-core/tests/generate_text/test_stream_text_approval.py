"""Tool approval in ``stream_text`` (port of stream-text.test.ts ``tool execution approval``)."""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any

import pytest

from ai_sdk_core import (
    AssistantModelMessage,
    ToolApprovalRequest,
    ToolApprovalResponse,
    ToolCallPart,
    ToolModelMessage,
    UserModelMessage,
    tool,
)
from ai_sdk_core.generate_text import (
    ToolApprovalRequestOutput,
    ToolCall,
    ToolError,
    ToolOutputDenied,
    ToolResult,
    is_step_count,
)
from ai_sdk_core.provider import (
    LanguageModelV4ToolResultOutputExecutionDenied,
    LanguageModelV4ToolResultOutputText,
)

from .stream_text_support import (
    collect,
    finish,
    model,
    stream,
    text_step,
    tool_call,
    types,
)

pytestmark = pytest.mark.anyio

VALUE = {"type": "object", "properties": {"value": {"type": "string"}}}


def history(approved: bool, reason: str | None = None) -> list[Any]:
    """A conversation whose last assistant turn asked to approve call-1, and the answer."""
    return [
        UserModelMessage(content="test-input"),
        AssistantModelMessage(
            content=[
                ToolCallPart(tool_call_id="call-1", tool_name="tool1", input={"value": "value"}),
                ToolApprovalRequest(approval_id="id-1", tool_call_id="call-1"),
            ]
        ),
        ToolModelMessage(
            content=[ToolApprovalResponse(approval_id="id-1", approved=approved, reason=reason)]
        ),
    ]


async def test_a_tool_that_needs_approval_emits_a_request_and_stops() -> None:
    executed: list[Any] = []
    mock = model([tool_call("call-1", "tool1", '{ "value": "value" }'), finish("tool-calls")])
    result = stream(
        model=mock,
        tools={"tool1": tool(input_schema=VALUE, execute=executed.append, needs_approval=True)},
        stop_when=is_step_count(3),
    )
    parts = await collect(result)
    assert types(parts) == [
        "start",
        "start-step",
        "tool-call",
        "tool-approval-request",
        "finish-step",
        "finish",
    ]
    call = ToolCall(tool_call_id="call-1", tool_name="tool1", input={"value": "value"})
    request = parts[3]
    assert isinstance(request, ToolApprovalRequestOutput)
    assert request.tool_call == call
    assert request.approval_id
    assert executed == []
    assert len(mock.do_stream_calls) == 1  # the loop stops for the user's answer
    assert await result.finish_reason == "tool-calls"
    assert await result.content == [call, request]
    assert await result.response_messages == [
        AssistantModelMessage(
            content=[
                ToolCallPart(tool_call_id="call-1", tool_name="tool1", input={"value": "value"}),
                ToolApprovalRequest(approval_id=request.approval_id, tool_call_id="call-1"),
            ]
        )
    ]


async def test_approval_function_decides_per_input() -> None:
    seen: list[Any] = []

    def needs_approval(value: dict[str, str], options: Any) -> bool:
        seen.append((value, options.tool_call_id))
        return value["value"] == "dangerous"

    result = stream(
        model=model(
            [
                tool_call("call-1", "tool1", '{"value":"safe"}'),
                tool_call("call-2", "tool1", '{"value":"dangerous"}'),
                finish("tool-calls"),
            ]
        ),
        tools={
            "tool1": tool(
                input_schema=VALUE, execute=lambda v: "ran", needs_approval=needs_approval
            )
        },
    )
    parts = await collect(result)
    assert seen == [({"value": "safe"}, "call-1"), ({"value": "dangerous"}, "call-2")]
    assert [
        (part.type, getattr(part, "tool_call_id", None))
        for part in parts
        if part.type in ("tool-result", "tool-approval-request")
    ] == [("tool-approval-request", None), ("tool-result", "call-1")]


async def test_an_approved_call_runs_before_the_first_step() -> None:
    executed: list[Any] = []

    def execute(value: dict[str, str]) -> str:
        executed.append(value)
        return "result1"

    mock = model(text_step("Hello, world!"))
    result = stream(
        model=mock,
        messages=history(approved=True),
        tools={"tool1": tool(input_schema=VALUE, execute=execute, needs_approval=True)},
        stop_when=is_step_count(3),
    )
    parts = await collect(result)
    assert types(parts)[:3] == ["start", "tool-result", "start-step"]
    assert parts[1] == ToolResult(
        tool_call_id="call-1",
        tool_name="tool1",
        input={"value": "value"},
        output="result1",
        dynamic=False,
    )
    assert executed == [{"value": "value"}]
    prompt = mock.do_stream_calls[0].prompt
    assert [message.role for message in prompt] == ["user", "assistant", "tool"]
    [tool_result] = prompt[-1].content
    assert tool_result.output == LanguageModelV4ToolResultOutputText(value="result1")  # type: ignore[union-attr]
    messages = await result.response_messages
    assert messages[0].role == "tool"  # the approved result comes first
    assert messages[0].content[0].output == LanguageModelV4ToolResultOutputText(value="result1")  # type: ignore[union-attr]
    assert await result.text == "Hello, world!"


async def test_an_approved_call_whose_tool_raises_is_a_tool_error() -> None:
    def execute(value: Any) -> str:
        raise RuntimeError("broken")

    mock = model(text_step("ok"))
    result = stream(
        model=mock,
        messages=history(approved=True),
        tools={"tool1": tool(input_schema=VALUE, execute=execute, needs_approval=True)},
    )
    parts = await collect(result)
    assert types(parts)[:3] == ["start", "tool-error", "start-step"]
    error = parts[1]
    assert isinstance(error, ToolError)
    assert str(error.error) == "broken"
    [sent] = mock.do_stream_calls[0].prompt[-1].content
    assert sent.output.type == "error-text"  # type: ignore[union-attr]
    assert sent.output.value == "RuntimeError: broken"  # type: ignore[union-attr]


async def test_an_approved_generator_tool_streams_preliminary_results_first() -> None:
    async def execute(value: Any) -> AsyncIterator[str]:
        yield "loading"
        yield "done"

    result = stream(
        model=model(text_step("ok")),
        messages=history(approved=True),
        tools={"tool1": tool(input_schema=VALUE, execute=execute, needs_approval=True)},
    )
    parts = await collect(result)
    results = [
        part for part in parts[: types(parts).index("start-step")] if isinstance(part, ToolResult)
    ]
    assert [(r.output, r.preliminary) for r in results] == [
        ("loading", True),
        ("done", True),
        ("done", None),
    ]


async def test_a_denied_call_is_not_executed_and_reported_as_denied() -> None:
    executed: list[Any] = []
    mock = model(text_step("Hello"))
    result = stream(
        model=mock,
        messages=history(approved=False, reason="not allowed"),
        tools={"tool1": tool(input_schema=VALUE, execute=executed.append, needs_approval=True)},
    )
    parts = await collect(result)
    assert types(parts)[:3] == ["start", "tool-output-denied", "start-step"]
    assert parts[1] == ToolOutputDenied(tool_call_id="call-1", tool_name="tool1")
    assert executed == []
    [denied] = mock.do_stream_calls[0].prompt[-1].content
    assert denied.output == LanguageModelV4ToolResultOutputExecutionDenied(reason="not allowed")  # type: ignore[union-attr]
    assert (await result.response_messages)[0].role == "tool"
