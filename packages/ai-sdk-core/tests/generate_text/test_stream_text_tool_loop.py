"""The streamed tool loop (port of stream-text.test.ts ``options.stopWhen``, ``tool execution
errors``, ``invalid tool calls``, ``tools with preliminary results``, ``options.prepareStep``,
``options.activeTools``, ``options.onToolExecutionStart/End``)."""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any

import anyio
import pytest
from pydantic import BaseModel

from ai_sdk_core import (
    NoSuchToolError,
    RepairToolCallOptions,
    TextPart,
    ToolCallNotFoundForApprovalError,
    ToolModelMessage,
    ToolResultPart,
    tool,
)
from ai_sdk_core.generate_text import (
    ErrorPart,
    FinishStepPart,
    PrepareStepOptions,
    PrepareStepResult,
    StepResult,
    ToolApprovalRequestOutput,
    ToolCall,
    ToolError,
    ToolExecutionEndEvent,
    ToolExecutionStartEvent,
    ToolResult,
    has_tool_call,
    is_loop_finished,
    is_step_count,
)
from ai_sdk_core.provider import (
    LanguageModelV4CallOptions,
    LanguageModelV4StreamResult,
    LanguageModelV4ToolApprovalRequest,
    LanguageModelV4ToolCall,
    LanguageModelV4ToolResult,
    LanguageModelV4ToolResultOutputErrorText,
)
from ai_sdk_core.testing import MockLanguageModelV4, stream_result
from ai_sdk_core.tools import create_provider_tool_factory

from .stream_text_support import (
    GatedStream,
    collect,
    finish,
    gated_model,
    model,
    repeating_model,
    stream,
    text,
    text_step,
    tool_call,
    types,
)

pytestmark = pytest.mark.anyio

OBJECT = {"type": "object"}


class City(BaseModel):
    city: str


def echo_tool(name: str = "tool1") -> Any:
    return tool(input_schema=OBJECT, execute=lambda value: f"{name}-result")


async def test_two_steps_tool_then_text() -> None:
    mock = model(
        [*text("thinking"), tool_call("call-1", "tool1", '{"value":"v"}'), finish("tool-calls")],
        [*text("Hello, world!"), finish()],
    )
    result = stream(model=mock, tools={"tool1": echo_tool()}, stop_when=is_step_count(3))
    parts = await collect(result)
    assert types(parts) == [
        "start",
        "start-step",
        "text-start",
        "text-delta",
        "text-end",
        "tool-call",
        "tool-result",
        "finish-step",
        "start-step",
        "text-start",
        "text-delta",
        "text-end",
        "finish-step",
        "finish",
    ]
    assert len(mock.do_stream_calls) == 2
    second_prompt = mock.do_stream_calls[1].prompt
    assert [message.role for message in second_prompt] == ["user", "assistant", "tool"]
    assert await result.text == "Hello, world!"
    assert len(await result.steps) == 2


async def test_tools_run_after_the_model_stream_of_the_step_finished() -> None:
    calls: list[int] = []
    gated = GatedStream([tool_call("call-1", "tool1"), finish("tool-calls")])
    release_finish = gated.gate(1)

    async def execute(value: Any) -> str:
        calls.append(gated.yielded)
        return "done"

    result = stream(
        model=gated_model(gated), tools={"tool1": tool(input_schema=OBJECT, execute=execute)}
    )
    seen: list[str] = []
    async with anyio.create_task_group() as group:

        async def read() -> None:
            async for part in result.full_stream:
                seen.append(part.type)  # noqa: PERF401 - watched while it is read

        group.start_soon(read)
        await gated.reached[1].wait()
        await anyio.wait_all_tasks_blocked()
        assert "tool-call" in seen  # the call is streamed at once
        assert calls == []  # but not executed before the step's stream has finished
        release_finish.set()
    assert calls == [2]
    assert seen.index("tool-result") < seen.index("finish-step")


async def test_tool_outputs_stream_as_they_complete_and_tools_run_concurrently() -> None:
    release_slow = anyio.Event()
    slow_started = anyio.Event()

    async def slow(value: Any) -> str:
        slow_started.set()
        await release_slow.wait()
        return "slow-result"

    async def fast(value: Any) -> str:
        await slow_started.wait()  # would never return if the tools ran one after the other
        return "fast-result"

    result = stream(
        model=model(
            [tool_call("call-slow", "slow"), tool_call("call-fast", "fast"), finish("tool-calls")]
        ),
        tools={
            "slow": tool(input_schema=OBJECT, execute=slow),
            "fast": tool(input_schema=OBJECT, execute=fast),
        },
    )
    outputs: list[str] = []
    with anyio.fail_after(5):
        async for part in result.full_stream:
            if isinstance(part, ToolResult):
                outputs.append(part.output)
                if part.output == "fast-result":
                    release_slow.set()  # the fast result arrived while the slow tool still runs
    assert outputs == ["fast-result", "slow-result"]
    step = await result.final_step
    # step content keeps the order in which the outputs arrived
    assert [part.tool_call_id for part in step.content if part.type == "tool-result"] == [
        "call-fast",
        "call-slow",
    ]
    assert set(step.performance.tool_execution_ms) == {"call-slow", "call-fast"}


async def test_preliminary_results_of_a_generator_tool() -> None:
    async def execute(value: City) -> AsyncIterator[dict[str, Any]]:
        yield {"status": "loading", "text": f"Getting weather for {value.city}"}
        yield {"status": "success", "temperature": 72}

    result = stream(
        model=model(
            [tool_call("call-1", "cityAttractions", '{ "city": "San Francisco" }'), finish()]
        ),
        tools={"cityAttractions": tool(input_schema=City, execute=execute)},
    )
    parts = await collect(result)
    results = [part for part in parts if isinstance(part, ToolResult)]
    city = City(city="San Francisco")
    assert results == [
        ToolResult(
            tool_call_id="call-1",
            tool_name="cityAttractions",
            input=city,
            output={"status": "loading", "text": "Getting weather for San Francisco"},
            preliminary=True,
        ),
        ToolResult(
            tool_call_id="call-1",
            tool_name="cityAttractions",
            input=city,
            output={"status": "success", "temperature": 72},
            preliminary=True,
        ),
        ToolResult(
            tool_call_id="call-1",
            tool_name="cityAttractions",
            input=city,
            output={"status": "success", "temperature": 72},
            dynamic=False,
        ),
    ]
    # only the final result is content
    assert await result.tool_results == [results[-1]]
    step = await result.final_step
    assert [part.type for part in step.content] == ["tool-call", "tool-result"]


async def test_tool_exception_becomes_a_tool_error_fed_back_to_the_model() -> None:
    def execute(value: Any) -> str:
        raise ValueError("test error")

    mock = model(
        [tool_call("call-1", "tool1", '{"value":"v"}'), finish("tool-calls")],
        [*text("sorry"), finish()],
    )
    result = stream(
        model=mock,
        tools={"tool1": tool(input_schema=OBJECT, execute=execute)},
        stop_when=is_step_count(2),
    )
    parts = await collect(result)
    [error] = [part for part in parts if isinstance(part, ToolError)]
    assert (error.tool_call_id, error.tool_name, error.input) == ("call-1", "tool1", {"value": "v"})
    assert isinstance(error.error, ValueError)
    assert str(error.error) == "test error"
    assert types(parts).index("tool-error") < types(parts).index("finish-step")
    tool_message = mock.do_stream_calls[1].prompt[-1]
    assert tool_message.role == "tool"
    [result_part] = tool_message.content
    assert result_part.output == LanguageModelV4ToolResultOutputErrorText(  # type: ignore[union-attr]
        value="ValueError: test error"  # TS: error.toString()
    )
    assert await result.text == "sorry"


async def test_invalid_tool_input_gives_an_invalid_call_and_a_tool_error() -> None:
    executed: list[Any] = []
    result = stream(
        model=model(
            [tool_call("call-1", "cityAttractions", '{ "cities": "San Francisco" }'), finish()]
        ),
        tools={"cityAttractions": tool(input_schema=City, execute=executed.append)},
    )
    parts = await collect(result)
    call, error = (part for part in parts if part.type in ("tool-call", "tool-error"))
    assert isinstance(call, ToolCall)
    assert (call.invalid, call.dynamic, call.input) == (True, True, {"cities": "San Francisco"})
    assert "Invalid input for tool cityAttractions" in str(call.error)
    assert isinstance(error, ToolError)
    assert (error.dynamic, error.input) == (True, {"cities": "San Francisco"})
    assert isinstance(error.error, str)
    assert error.error.startswith(
        "AI_InvalidToolInputError: Invalid input for tool cityAttractions"
    )
    assert executed == []
    assert [part.type for part in await result.content] == ["tool-call", "tool-error"]


async def test_unknown_tool_is_repaired() -> None:
    repairs: list[RepairToolCallOptions] = []

    def repair(options: RepairToolCallOptions) -> LanguageModelV4ToolCall:
        repairs.append(options)
        return LanguageModelV4ToolCall(
            tool_call_id=options.tool_call.tool_call_id,
            tool_name="tool1",
            input=options.tool_call.input,
        )

    result = stream(
        model=model([tool_call("call-1", "unknownTool", '{"value":"v"}'), finish()]),
        tools={"tool1": echo_tool()},
        repair_tool_call=repair,
    )
    parts = await collect(result)
    assert isinstance(repairs[0].error, NoSuchToolError)
    call = next(part for part in parts if isinstance(part, ToolCall))
    assert (call.tool_name, call.input, call.invalid) == ("tool1", {"value": "v"}, None)
    assert any(isinstance(part, ToolResult) and part.output == "tool1-result" for part in parts)


async def test_unrepaired_unknown_tool_is_a_tool_error() -> None:
    result = stream(
        model=model([tool_call("call-1", "unknownTool", "{}"), finish()]),
        tools={"tool1": echo_tool()},
        repair_tool_call=lambda options: None,
    )
    parts = await collect(result)
    error = next(part for part in parts if isinstance(part, ToolError))
    assert error.tool_name == "unknownTool"
    assert "unknownTool" in error.error


async def test_tools_are_not_executed_when_the_step_was_cut_short() -> None:
    executed: list[Any] = []
    mock = model([tool_call("call-1", "tool1"), finish("length")])
    result = stream(
        model=mock,
        tools={"tool1": tool(input_schema=OBJECT, execute=executed.append)},
        stop_when=is_step_count(5),
    )
    assert "tool-result" not in types(await collect(result))
    assert executed == []
    assert len(mock.do_stream_calls) == 1  # the call has no output: the loop stops


async def test_a_tool_without_execute_stops_the_loop() -> None:
    mock = repeating_model([tool_call("call-1", "client"), finish("tool-calls")])
    result = stream(
        model=mock, tools={"client": tool(input_schema=OBJECT)}, stop_when=is_loop_finished()
    )
    parts = await collect(result)
    assert types(parts)[-3:] == ["tool-call", "finish-step", "finish"]
    assert len(mock.do_stream_calls) == 1
    assert await result.finish_reason == "tool-calls"


async def test_stop_conditions() -> None:
    step = [tool_call("call-1", "tool1"), finish("tool-calls")]

    async def steps_run(stop_when: Any) -> int:
        mock = repeating_model(step)
        await stream(model=mock, tools={"tool1": echo_tool()}, stop_when=stop_when).consume_stream()
        return len(mock.do_stream_calls)

    assert await steps_run(None) == 1  # default: is_step_count(1)
    assert await steps_run(is_step_count(3)) == 3
    assert await steps_run(has_tool_call("tool1")) == 1
    assert await steps_run([is_step_count(4), has_tool_call("other")]) == 4  # OR
    assert await steps_run([is_step_count(10), lambda options: len(options.steps) == 2]) == 2


async def test_async_stop_condition_sees_the_steps() -> None:
    seen: list[int] = []

    async def stop(options: Any) -> bool:
        seen.append(len(options.steps))
        return len(options.steps) == 2

    mock = repeating_model([tool_call("call-1", "tool1"), finish("tool-calls")])
    await stream(model=mock, tools={"tool1": echo_tool()}, stop_when=stop).consume_stream()
    assert seen == [1, 2]


async def test_prepare_step_overrides_model_tools_and_messages_per_step() -> None:
    first = model([tool_call("call-1", "tool1"), finish("tool-calls")])
    second = MockLanguageModelV4(
        model_id="second-model",
        do_stream=[stream_result([*text("from second"), finish()])],
    )
    calls: list[PrepareStepOptions] = []

    def prepare_step(options: PrepareStepOptions) -> PrepareStepResult | None:
        calls.append(options)
        if options.step_number == 0:
            return PrepareStepResult(tool_choice={"type": "tool", "tool_name": "tool1"})
        return PrepareStepResult(
            model=second,
            active_tools=[],
            instructions="be brief",
            temperature=0.5,
        )

    result = stream(
        model=first,
        tools={"tool1": echo_tool()},
        prepare_step=prepare_step,
        stop_when=is_step_count(3),
        temperature=0.1,
    )
    assert await result.text == "from second"
    assert [c.step_number for c in calls] == [0, 1]
    assert [len(c.steps) for c in calls] == [0, 1]
    assert [m.role for m in calls[1].messages] == ["user", "assistant", "tool"]
    assert [m.role for m in calls[1].response_messages] == ["assistant", "tool"]
    first_call = first.do_stream_calls[0]
    assert first_call.tool_choice is not None
    assert first_call.tool_choice.type == "tool"
    assert first_call.temperature == 0.1
    second_call = second.do_stream_calls[0]
    assert second_call.temperature == 0.5
    assert not second_call.tools
    assert second_call.prompt[0].role == "system"
    assert second_call.prompt[0].content == "be brief"  # type: ignore[union-attr]
    steps = await result.steps
    assert [s.model.model_id for s in steps] == ["mock-model-id", "second-model"]


async def test_prepare_step_messages_replace_the_prompt_and_carry_forward() -> None:
    mock = MockLanguageModelV4(
        do_stream=lambda options: stream_result(
            [tool_call(f"call-{len(options.prompt)}", "tool1"), finish("tool-calls")]
        )
    )
    prompts: list[list[str]] = []

    def prepare_step(options: PrepareStepOptions) -> dict[str, Any] | None:
        prompts.append([m.role for m in options.messages])
        if options.step_number == 1:
            return {"messages": [{"role": "user", "content": "replaced"}]}
        return None

    await stream(
        model=mock,
        tools={"tool1": echo_tool()},
        prepare_step=prepare_step,
        stop_when=is_step_count(3),
    ).consume_stream()
    # step 2 starts from step 1's replaced messages plus step 1's response (TS ai 7)
    assert prompts == [["user"], ["user", "assistant", "tool"], ["user", "assistant", "tool"]]
    third = mock.do_stream_calls[2].prompt
    assert third[0].content[0].text == "replaced"  # type: ignore[union-attr,index]


async def test_active_tools_limit_the_tools_sent_to_the_model() -> None:
    mock = model(text_step("ok"))
    await stream(
        model=mock,
        tools={"tool1": echo_tool(), "tool2": echo_tool("tool2")},
        active_tools=["tool2"],
    ).consume_stream()
    assert [t.name for t in mock.do_stream_calls[0].tools or []] == ["tool2"]


async def test_tool_execution_callbacks_and_step_finish() -> None:
    events: list[str] = []

    def on_start(event: ToolExecutionStartEvent) -> None:
        events.append(f"start {event.tool_call.tool_call_id}")

    def on_end(event: ToolExecutionEndEvent) -> None:
        assert isinstance(event.output, ToolResult)
        events.append(f"end {event.tool_call.tool_call_id} {event.output.output}")

    def on_step_finish(step: StepResult) -> None:
        events.append(f"step {step.step_number} {step.finish_reason}")

    await stream(
        model=model([tool_call("call-1", "tool1"), finish("tool-calls")], [*text("x"), finish()]),
        tools={"tool1": echo_tool()},
        stop_when=is_step_count(2),
        on_tool_execution_start=on_start,
        on_tool_execution_end=on_end,
        on_step_finish=on_step_finish,
    ).consume_stream()
    assert events == [
        "start call-1",
        "end call-1 tool1-result",
        "step 0 tool-calls",
        "step 1 stop",
    ]


async def test_tool_execution_options_carry_messages_and_context() -> None:
    seen: list[Any] = []

    def execute(value: Any, options: Any) -> str:
        seen.append((options.tool_call_id, [m.role for m in options.messages], options.context))
        return "ok"

    await stream(
        model=model([tool_call("call-1", "tool1"), finish()]),
        tools={"tool1": tool(input_schema=OBJECT, execute=execute)},
        runtime_context={"user": "u1"},
    ).consume_stream()
    assert seen == [("call-1", ["user"], {"user": "u1"})]


async def test_step_response_messages_hold_the_tool_results() -> None:
    result = stream(
        model=model([tool_call("call-1", "tool1"), finish("tool-calls")]),
        tools={"tool1": echo_tool()},
    )
    parts = await collect(result)
    step_part = next(part for part in parts if isinstance(part, FinishStepPart))
    assert step_part.response.messages[-1] == ToolModelMessage(
        content=[
            ToolResultPart(
                tool_call_id="call-1",
                tool_name="tool1",
                output=(await result.response_messages)[-1].content[0].output,  # type: ignore[union-attr]
            )
        ]
    )
    assert (await result.response_messages)[-1].content[0].output.value == "tool1-result"  # type: ignore[union-attr]


async def test_model_answering_per_call_options() -> None:
    """The tool loop sends the tools on every step (a model may be called with new options)."""
    seen: list[int] = []

    def answer(options: LanguageModelV4CallOptions) -> LanguageModelV4StreamResult:
        seen.append(len(options.tools or []))
        if len(seen) == 1:
            return stream_result([tool_call("call-1", "tool1"), finish("tool-calls")])
        return stream_result([*text("done"), finish()])

    result = stream(
        model=MockLanguageModelV4(do_stream=answer),
        tools={"tool1": echo_tool()},
        stop_when=is_step_count(2),
    )
    assert await result.text == "done"
    assert seen == [1, 1]
    assert TextPart(text="done") in (await result.response_messages)[-1].content  # type: ignore[operator]


def provider_executed(name: str, call_id: str, arguments: str = "{}") -> LanguageModelV4ToolCall:
    return LanguageModelV4ToolCall(
        tool_call_id=call_id, tool_name=name, input=arguments, provider_executed=True
    )


async def test_a_pending_deferred_provider_result_continues_the_loop() -> None:
    code_execution = create_provider_tool_factory(
        id="test.code_execution", executed_by_provider=True, supports_deferred_results=True
    )()
    mock = model(
        # step 1: the provider's tool starts and calls a client tool; its result is deferred
        [
            provider_executed("code_execution", "srv-1"),
            tool_call("call-1", "rollDie"),
            finish("tool-calls"),
        ],
        # step 2: the deferred result arrives; no client calls but the loop went on for it
        [
            LanguageModelV4ToolResult(
                tool_call_id="srv-1", tool_name="code_execution", result={"total": 6}
            ),
            finish("tool-calls"),
        ],
        [*text("You rolled 6"), finish()],
    )
    result = stream(
        model=mock,
        tools={
            "code_execution": code_execution,
            "rollDie": tool(input_schema=OBJECT, execute=lambda v: 6),
        },
        stop_when=is_step_count(5),
    )
    parts = await collect(result)
    assert len(mock.do_stream_calls) == 2  # step 2 had neither client calls nor pending results
    deferred = [p for p in parts if isinstance(p, ToolResult) and p.provider_executed]
    assert [(p.tool_call_id, p.output, p.input) for p in deferred] == [
        ("srv-1", {"total": 6}, None)
    ]
    assert await result.finish_reason == "tool-calls"


async def test_a_provider_approval_request_refers_to_its_tool_call() -> None:
    mcp = create_provider_tool_factory(id="test.mcp", executed_by_provider=True)()
    result = stream(
        model=model(
            [
                provider_executed("mcp", "mcp-1"),
                LanguageModelV4ToolApprovalRequest(approval_id="ap-1", tool_call_id="mcp-1"),
                LanguageModelV4ToolApprovalRequest(approval_id="ap-2", tool_call_id="unknown"),
                finish("tool-calls"),
            ]
        ),
        tools={"mcp": mcp},
    )
    parts = await collect(result)
    request = next(p for p in parts if isinstance(p, ToolApprovalRequestOutput))
    assert request.approval_id == "ap-1"
    assert request.tool_call.tool_call_id == "mcp-1"
    [error] = [p for p in parts if isinstance(p, ErrorPart)]
    assert isinstance(error.error, ToolCallNotFoundForApprovalError)


async def test_headers_reach_the_model_with_the_sdk_user_agent() -> None:
    mock = model(text_step("ok"))
    await stream(model=mock, headers={"custom-request-header": "value"}).consume_stream()
    headers = mock.do_stream_calls[0].headers or {}
    assert headers["custom-request-header"] == "value"
    assert "ai/" in headers["user-agent"]


async def test_aclose_while_tools_run_cancels_them() -> None:
    cleaned_up: list[str] = []
    aborts: list[Any] = []

    async def slow(value: Any) -> str:
        try:
            await anyio.Event().wait()  # never set
        finally:
            cleaned_up.append("slow")
        return "never"

    result = stream(
        model=model(
            [tool_call("c-slow", "slow"), tool_call("c-fast", "fast"), finish("tool-calls")]
        ),
        tools={
            "slow": tool(input_schema=OBJECT, execute=slow),
            "fast": tool(input_schema=OBJECT, execute=lambda v: "fast"),
        },
        on_abort=aborts.append,
    )
    reader = result.full_stream
    with anyio.fail_after(5):
        while not isinstance(await anext(reader), ToolResult):
            pass
    await result.aclose()
    assert cleaned_up == ["slow"]
    assert len(aborts) == 1
