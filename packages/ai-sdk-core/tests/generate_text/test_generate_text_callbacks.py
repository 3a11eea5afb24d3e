"""Port of generate-text.test.ts: the ``on_*`` callbacks, and that a raising one is logged
without breaking the call."""

from __future__ import annotations

import logging
from typing import Any

import pytest

from ai_sdk_core import ToolExecutionOptions, generate_text, is_step_count, tool
from ai_sdk_core.generate_text import (
    FinishEvent,
    ModelInfo,
    StartEvent,
    StepResult,
    StepStartEvent,
    ToolExecutionEndEvent,
    ToolExecutionStartEvent,
)
from ai_sdk_core.provider import LanguageModelV4CallOptions, LanguageModelV4GenerateResult
from ai_sdk_core.testing import MockLanguageModelV4
from ai_sdk_core.wire import to_wire

from ._helpers import ValueInput, call, model_of, text_result, tool_call, value_tool

pytestmark = pytest.mark.anyio


def two_step_model(**second: Any) -> MockLanguageModelV4:
    """Step 1 calls ``tool1``; step 2 answers with text."""
    return model_of(call(tool_call()), text_result("Done.", **second))


# --- callbacks -----------------------------------------------------------------------------


class TestCallbacks:
    async def test_on_start(self) -> None:
        order: list[str] = []
        starts: list[StartEvent] = []

        async def on_start(event: StartEvent) -> None:
            order.append("on_start")
            starts.append(event)

        def do_generate(options: LanguageModelV4CallOptions) -> LanguageModelV4GenerateResult:
            order.append("do_generate")
            return text_result()

        tools = {"tool1": value_tool()}
        response = await generate_text(
            model=MockLanguageModelV4(do_generate=do_generate),
            instructions="you are a helpful assistant",
            messages=[{"role": "user", "content": "test-message"}],
            tools=tools,
            runtime_context={"userId": "test-user"},
            on_start=on_start,
        )

        assert order == ["on_start", "do_generate"]
        event = starts[0]
        assert event.model == ModelInfo(provider="mock-provider", model_id="mock-model-id")
        assert event.instructions == "you are a helpful assistant"
        assert to_wire(event.messages) == [{"role": "user", "content": "test-message"}]
        assert event.tools is tools
        assert event.runtime_context == {"userId": "test-user"}
        assert event.call_id == response.final_step.call_id

    async def test_on_step_start(self) -> None:
        order: list[str] = []
        events: list[StepStartEvent] = []

        def on_step_start(event: StepStartEvent) -> None:
            order.append(f"on_step_start {event.step_number}")
            events.append(event)

        responses = iter([call(tool_call(input='{ "value": "test" }')), text_result("Final.")])

        def do_generate(options: LanguageModelV4CallOptions) -> LanguageModelV4GenerateResult:
            order.append("do_generate")
            return next(responses)

        await generate_text(
            model=MockLanguageModelV4(do_generate=do_generate),
            prompt="test-input",
            tools={"tool1": value_tool()},
            stop_when=is_step_count(3),
            on_step_start=on_step_start,
        )

        assert order == ["on_step_start 0", "do_generate", "on_step_start 1", "do_generate"]
        assert [len(event.steps) for event in events] == [0, 1]
        assert events[0].model == ModelInfo(provider="mock-provider", model_id="mock-model-id")
        assert to_wire(events[0].messages) == [{"role": "user", "content": "test-input"}]
        assert [message.role for message in events[1].messages] == ["user", "assistant", "tool"]
        assert events[1].steps[0].text == ""
        assert events[0].call_id == events[1].call_id

    async def test_on_step_finish_for_each_step(self) -> None:
        steps: list[StepResult] = []
        response = await generate_text(
            model=two_step_model(),
            prompt="test-input",
            tools={"tool1": value_tool()},
            stop_when=is_step_count(3),
            on_step_finish=steps.append,
        )

        assert steps == response.steps
        assert [step.step_number for step in steps] == [0, 1]
        assert [step.finish_reason for step in steps] == ["tool-calls", "stop"]
        assert steps[1].text == "Done."

    async def test_on_finish(self) -> None:
        finished: list[FinishEvent] = []
        starts: list[StartEvent] = []
        response = await generate_text(
            model=two_step_model(),
            prompt="test-input",
            tools={"tool1": value_tool()},
            stop_when=is_step_count(3),
            runtime_context={"context": "value"},
            on_start=starts.append,
            on_finish=finished.append,
        )

        event = finished[0]
        assert event.call_id == starts[0].call_id
        assert event.steps == response.steps
        assert event.final_step is event.steps[-1]
        assert event.text == "Done."
        assert event.finish_reason == "stop"
        assert event.usage == response.usage
        assert event.response_messages == response.response_messages
        assert event.tool_calls == response.tool_calls
        assert event.tool_results == response.tool_results
        assert event.runtime_context == {"context": "value"}

    async def test_tool_execution_callbacks(self) -> None:
        order: list[str] = []
        starts: list[ToolExecutionStartEvent] = []
        ends: list[ToolExecutionEndEvent] = []

        def execute(input: ValueInput) -> str:
            order.append("execute")
            if input.value == "fail":
                raise RuntimeError("tool failed")
            return "ok"

        def on_start(event: ToolExecutionStartEvent) -> None:
            order.append(f"start {event.tool_call.tool_call_id}")
            starts.append(event)

        def on_end(event: ToolExecutionEndEvent) -> None:
            order.append(f"end {event.tool_call.tool_call_id}")
            ends.append(event)

        response = await generate_text(
            model=model_of(call(tool_call(input='{ "value": "fail" }'))),
            prompt="test-input",
            tools={
                "tool1": tool(input_schema=ValueInput, execute=execute),
                "no_execute": tool(input_schema=ValueInput),
            },
            on_tool_execution_start=on_start,
            on_tool_execution_end=on_end,
            on_step_finish=lambda step: order.append("step finish"),
        )

        assert order == ["start call-1", "execute", "end call-1", "step finish"]
        assert starts[0].tool_call == response.tool_calls[0]
        assert starts[0].call_id == response.final_step.call_id
        assert to_wire(starts[0].messages) == [{"role": "user", "content": "test-input"}]
        assert ends[0].output.type == "tool-error"
        assert isinstance(ends[0].output.error, RuntimeError)  # type: ignore[union-attr]
        assert ends[0].duration_ms >= 0

    async def test_tool_execution_callbacks_skip_tools_without_execute(self) -> None:
        events: list[object] = []
        await generate_text(
            model=model_of(call(tool_call())),
            prompt="test-input",
            tools={"tool1": tool(input_schema=ValueInput)},
            on_tool_execution_start=events.append,
            on_tool_execution_end=events.append,
        )
        assert events == []

    async def test_tool_input_callbacks(self) -> None:
        recorded: list[tuple[str, Any]] = []

        def on_input_start(options: ToolExecutionOptions) -> None:
            recorded.append(("on_input_start", options))

        async def on_input_available(options: Any) -> None:
            recorded.append(("on_input_available", options))

        await generate_text(
            model=model_of(call(tool_call("test-tool"), finish_reason="stop")),
            prompt="test-input",
            tools={
                "test-tool": tool(
                    input_schema={
                        "type": "object",
                        "properties": {"value": {"type": "string"}},
                        "required": ["value"],
                    },
                    on_input_start=on_input_start,
                    on_input_delta=lambda options: recorded.append(("on_input_delta", options)),
                    on_input_available=on_input_available,
                )
            },
            tool_choice="required",
            runtime_context={"userId": "u1"},
        )

        assert [name for name, _ in recorded] == ["on_input_start", "on_input_available"]
        start, available = (options for _, options in recorded)
        assert start.tool_call_id == "call-1"
        assert start.context == {"userId": "u1"}
        assert to_wire(start.messages) == [{"role": "user", "content": "test-input"}]
        assert available.input == {"value": "value"}
        assert available.tool_call_id == "call-1"

    @pytest.mark.parametrize(
        "callback",
        [
            "on_start",
            "on_step_start",
            "on_step_finish",
            "on_finish",
            "on_tool_execution_start",
            "on_tool_execution_end",
        ],
    )
    @pytest.mark.parametrize("is_async", [False, True])
    async def test_a_raising_callback_is_logged_and_the_call_goes_on(
        self, callback: str, is_async: bool, caplog: pytest.LogCaptureFixture
    ) -> None:
        def fail(event: object) -> None:
            raise RuntimeError("callback error")

        async def fail_async(event: object) -> None:
            raise RuntimeError("callback error")

        response = await generate_text(
            model=two_step_model(),
            prompt="test-input",
            tools={"tool1": value_tool()},
            stop_when=is_step_count(3),
            **{callback: fail_async if is_async else fail},
        )

        assert response.text == "Done."
        assert len(response.steps) == 2
        errors = [record for record in caplog.records if record.name == "ai_sdk"]
        assert errors
        assert all(record.levelno == logging.ERROR for record in errors)
        assert all(
            record.exc_info is not None and str(record.exc_info[1]) == "callback error"
            for record in errors
        )
