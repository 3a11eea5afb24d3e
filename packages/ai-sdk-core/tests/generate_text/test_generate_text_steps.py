"""Port of generate-text.test.ts: stop conditions, ``prepare_step``, active tools, tool order
and tool choice."""

from __future__ import annotations

from typing import Any

import pytest

from ai_sdk_core import (
    ToolExecutionOptions,
    generate_text,
    has_tool_call,
    is_loop_finished,
    is_step_count,
    tool,
)
from ai_sdk_core.errors import NoSuchToolError
from ai_sdk_core.generate_text import (
    GenerateTextInclude,
    PrepareStepOptions,
    PrepareStepResult,
    StopConditionOptions,
)
from ai_sdk_core.provider import (
    InvalidArgumentError,
    LanguageModelV4CallOptions,
    LanguageModelV4GenerateResult,
)
from ai_sdk_core.testing import MockLanguageModelV4
from ai_sdk_core.wire import to_wire

from ._helpers import (
    VALUE_SCHEMA,
    ValueInput,
    assistant_call,
    call,
    model_of,
    prompt_of,
    text_result,
    tool_call,
    tool_message,
    user,
    value_tool,
)

pytestmark = pytest.mark.anyio


# --- stop conditions -----------------------------------------------------------------------


def looping_model(steps: int = 5) -> MockLanguageModelV4:
    """Calls ``tool1`` in every step (ids call-0, call-1, …) until ``steps`` is reached."""

    def do_generate(options: LanguageModelV4CallOptions) -> LanguageModelV4GenerateResult:
        step = len(model.do_generate_calls) - 1
        if step + 1 >= steps:
            return text_result("Done!")
        return call(tool_call(input=f'{{"value": "{step}"}}', tool_call_id=f"call-{step}"))

    model = MockLanguageModelV4(do_generate=do_generate)
    return model


class TestStopConditions:
    async def test_is_step_count(self) -> None:
        model = looping_model()
        response = await generate_text(
            model=model,
            prompt="test-input",
            tools={"tool1": value_tool()},
            stop_when=is_step_count(2),
        )
        assert len(response.steps) == 2
        assert response.finish_reason == "tool-calls"

    async def test_is_loop_finished_runs_until_there_are_no_tool_calls(self) -> None:
        response = await generate_text(
            model=looping_model(4),
            prompt="test-input",
            tools={"tool1": value_tool()},
            stop_when=is_loop_finished(),
        )
        assert len(response.steps) == 4
        assert response.text == "Done!"
        assert [r.output for r in response.tool_results] == ["0-result", "1-result", "2-result"]

    async def test_has_tool_call(self) -> None:
        model = model_of(
            call(tool_call()),
            call(tool_call("finalAnswer", '{"value": "42"}', "call-2")),
            text_result(),
        )
        response = await generate_text(
            model=model,
            prompt="test-input",
            tools={"tool1": value_tool(), "finalAnswer": value_tool()},
            stop_when=[has_tool_call("finalAnswer", "other"), is_step_count(10)],
        )
        assert len(response.steps) == 2
        assert response.final_step.tool_calls[0].tool_name == "finalAnswer"

    async def test_a_list_means_any_and_every_condition_sees_the_steps(self) -> None:
        calls: list[tuple[int, int]] = []

        def never(options: StopConditionOptions) -> bool:
            calls.append((0, len(options.steps)))
            return False

        async def after_two(options: StopConditionOptions) -> bool:
            calls.append((1, len(options.steps)))
            return len(options.steps) == 2

        response = await generate_text(
            model=looping_model(),
            prompt="test-input",
            tools={"tool1": value_tool()},
            stop_when=[never, after_two],
        )
        assert len(response.steps) == 2
        assert calls == [(0, 1), (1, 1), (0, 2), (1, 2)]

    async def test_conditions_are_not_asked_when_the_loop_ends_anyway(self) -> None:
        calls: list[object] = []
        await generate_text(
            model=model_of(text_result()),
            prompt="test-input",
            stop_when=lambda options: bool(calls.append(options)),
        )
        assert calls == []


# --- prepare_step --------------------------------------------------------------------------


class TestPrepareStep:
    async def test_overrides_of_model_tool_choice_instructions_and_messages(self) -> None:
        default_model = model_of()
        step_model = MockLanguageModelV4(
            provider="step-provider",
            model_id="step-model",
            do_generate=[call(tool_call()), text_result()],
        )
        seen: list[PrepareStepOptions] = []
        executed_with: list[Any] = []

        def execute(input: ValueInput, options: ToolExecutionOptions) -> str:
            executed_with.append(to_wire(options.messages))
            return "result1"

        def prepare_step(options: PrepareStepOptions) -> PrepareStepResult | None:
            seen.append(options)
            if options.step_number == 0:
                return PrepareStepResult(
                    model=step_model,
                    tool_choice={"type": "tool", "tool_name": "tool1"},
                    instructions="system-message-0",
                    messages=[{"role": "user", "content": "new input from prepare_step"}],
                    runtime_context={"context": "state2"},
                )
            return PrepareStepResult(
                model=step_model,
                active_tools=[],
                instructions="system-message-1",
                runtime_context={"context": "state3"},
            )

        response = await generate_text(
            model=default_model,
            prompt="test-input",
            tools={"tool1": tool(input_schema=ValueInput, execute=execute)},
            runtime_context={"context": "state1"},
            stop_when=is_step_count(3),
            prepare_step=prepare_step,
        )

        assert default_model.do_generate_calls == []
        first, second = step_model.do_generate_calls
        assert prompt_of(first) == [
            {"role": "system", "content": "system-message-0"},
            user("new input from prepare_step"),
        ]
        assert to_wire(first.tool_choice) == {"type": "tool", "toolName": "tool1"}
        assert to_wire(first.tools) == [
            {"type": "function", "name": "tool1", "inputSchema": VALUE_SCHEMA}
        ]
        # the messages of prepare_step carry over; the tool choice and active tools do not
        assert prompt_of(second) == [
            {"role": "system", "content": "system-message-1"},
            user("new input from prepare_step"),
            assistant_call(),
            tool_message(("call-1", {"type": "text", "value": "result1"})),
        ]
        assert to_wire(second.tool_choice) == {"type": "auto"}
        assert second.tools is None
        assert executed_with == [[{"role": "user", "content": "new input from prepare_step"}]]

        assert [options.step_number for options in seen] == [0, 1]
        assert [len(options.steps) for options in seen] == [0, 1]
        assert seen[0].model is default_model
        assert [options.runtime_context for options in seen] == [
            {"context": "state1"},
            {"context": "state2"},
        ]
        assert [step.runtime_context for step in response.steps] == [
            {"context": "state2"},
            {"context": "state3"},
        ]
        assert response.steps[0].model.model_id == "step-model"

    async def test_prepare_step_sees_initial_and_response_messages(self) -> None:
        seen: list[dict[str, Any]] = []
        model = model_of(call(tool_call(input='{ "value": "test" }')), text_result("Done."))

        async def prepare_step(options: PrepareStepOptions) -> dict[str, Any] | None:
            seen.append(
                {
                    "instructions": options.instructions,
                    "initial_instructions": options.initial_instructions,
                    "initial_messages": to_wire(options.initial_messages),
                    "response_messages": to_wire(options.response_messages),
                    "messages": to_wire(options.messages),
                }
            )
            return {"instructions": "prepared instructions"} if options.step_number == 0 else None

        await generate_text(
            model=model,
            tools={"tool1": value_tool()},
            instructions="test instructions",
            messages=[{"role": "user", "content": "test-input"}],
            stop_when=is_step_count(3),
            prepare_step=prepare_step,
        )

        initial = [{"role": "user", "content": "test-input"}]
        step_messages = [
            assistant_call(value="test"),
            tool_message(("call-1", {"type": "text", "value": "test-result"})),
        ]
        assert seen == [
            {
                "instructions": "test instructions",
                "initial_instructions": "test instructions",
                "initial_messages": initial,
                "response_messages": [],
                "messages": initial,
            },
            {
                "instructions": "prepared instructions",  # carried over from step 0
                "initial_instructions": "test instructions",
                "initial_messages": initial,
                "response_messages": step_messages,
                "messages": initial + step_messages,
            },
        ]
        assert prompt_of(model.do_generate_calls[1])[0] == {
            "role": "system",
            "content": "prepared instructions",
        }

    async def test_prepared_messages_are_the_request_messages(self) -> None:
        response = await generate_text(
            model=model_of(call(tool_call()), text_result()),
            prompt="prompt",
            tools={"tool1": value_tool()},
            stop_when=is_step_count(2),
            include=GenerateTextInclude(request_messages=True),
            prepare_step=lambda options: (
                {"messages": [{"role": "user", "content": "prepared prompt"}]}
                if options.step_number == 0
                else None
            ),
        )
        prepared = [{"role": "user", "content": "prepared prompt"}]
        assert to_wire(response.steps[0].request.messages) == prepared
        assert to_wire(response.steps[1].request.messages) == prepared + to_wire(
            response.steps[0].response.messages
        )

    async def test_call_settings_apply_to_their_step_only(self) -> None:
        model = looping_model(3)

        def prepare_step(options: PrepareStepOptions) -> dict[str, Any] | None:
            if options.step_number == 1:
                return {
                    "max_output_tokens": 50,
                    "temperature": 0,
                    "top_p": 0.5,
                    "top_k": 10,
                    "presence_penalty": 0,
                    "frequency_penalty": -0.2,
                    "stop_sequences": [],
                    "seed": 0,
                    "reasoning": "provider-default",
                }
            if options.step_number == 2:
                return {"temperature": None}
            return None

        await generate_text(
            model=model,
            prompt="test-input",
            tools={"tool1": value_tool()},
            stop_when=is_step_count(3),
            max_output_tokens=100,
            temperature=1,
            top_p=0.9,
            top_k=40,
            presence_penalty=0.4,
            frequency_penalty=0.3,
            stop_sequences=["outer"],
            seed=123,
            reasoning="high",
            prepare_step=prepare_step,
        )

        def settings(options: LanguageModelV4CallOptions) -> tuple[Any, ...]:
            return (
                options.max_output_tokens,
                options.temperature,
                options.top_p,
                options.top_k,
                options.presence_penalty,
                options.frequency_penalty,
                options.stop_sequences,
                options.seed,
                options.reasoning,
            )

        outer = (100, 1, 0.9, 40, 0.4, 0.3, ["outer"], 123, "high")
        step = (50, 0, 0.5, 10, 0, -0.2, [], 0, "provider-default")
        assert [settings(options) for options in model.do_generate_calls] == [outer, step, outer]

    async def test_settings_from_prepare_step_are_validated(self) -> None:
        model = model_of(text_result())
        with pytest.raises(InvalidArgumentError, match="max_output_tokens must be >= 1"):
            await generate_text(
                model=model,
                prompt="test-input",
                prepare_step=lambda options: {"max_output_tokens": 0},
            )
        assert model.do_generate_calls == []

    async def test_provider_options_are_deep_merged(self) -> None:
        model = model_of(text_result())
        await generate_text(
            model=model,
            prompt="test-input",
            provider_options={"openai": {"store": False, "user": "u1"}, "other": {"a": 1}},
            prepare_step=lambda options: {
                "provider_options": {"openai": {"store": True, "container": "c1"}}
            },
        )
        assert model.do_generate_calls[0].provider_options == {
            "openai": {"store": True, "user": "u1", "container": "c1"},
            "other": {"a": 1},
        }

    async def test_active_tools_limit_what_is_sent_and_run(self) -> None:
        executed: list[str] = []
        model = model_of(call(tool_call("tool2", '{"value": "x"}')), text_result())
        response = await generate_text(
            model=model,
            prompt="test-input",
            tools={
                "tool1": value_tool(),
                "tool2": tool(
                    input_schema=ValueInput, execute=lambda input: executed.append(input.value)
                ),
            },
            prepare_step=lambda options: PrepareStepResult(active_tools=["tool1"]),
        )
        assert [tool.name for tool in model.do_generate_calls[0].tools or []] == ["tool1"]
        assert executed == []
        assert isinstance(response.tool_calls[0].error, NoSuchToolError)

    async def test_unknown_settings_in_a_dict_are_an_error(self) -> None:
        with pytest.raises(TypeError, match="unknown settings"):
            await generate_text(
                model=model_of(text_result()),
                prompt="test-input",
                prepare_step=lambda options: {"temprature": 0},
            )

    async def test_system_is_an_alias_of_instructions(self) -> None:
        model = model_of(text_result())
        await generate_text(
            model=model, prompt="hi", prepare_step=lambda options: {"system": "be brief"}
        )
        assert prompt_of(model.do_generate_calls[0])[0] == {
            "role": "system",
            "content": "be brief",
        }


class TestActiveToolsAndOrder:
    async def test_active_tools(self) -> None:
        model = model_of(text_result())
        await generate_text(
            model=model,
            prompt="test-input",
            tools={"tool1": value_tool(), "tool2": value_tool()},
            active_tools=["tool1"],
        )
        assert to_wire(model.do_generate_calls[0].tools) == [
            {"type": "function", "name": "tool1", "inputSchema": VALUE_SCHEMA}
        ]

    async def test_tool_order(self) -> None:
        model = model_of(text_result())
        await generate_text(
            model=model,
            prompt="test-input",
            tools={"zebra": value_tool(), "alpha": value_tool(), "middle": value_tool()},
            tool_order=["middle"],
        )
        assert [tool.name for tool in model.do_generate_calls[0].tools or []] == [
            "middle",
            "alpha",
            "zebra",
        ]

    async def test_tool_choice(self) -> None:
        model = model_of(text_result(), text_result())
        await generate_text(
            model=model, prompt="test-input", tools={"tool1": value_tool()}, tool_choice="required"
        )
        await generate_text(
            model=model,
            prompt="test-input",
            tools={"tool1": value_tool()},
            tool_choice={"type": "tool", "toolName": "tool1"},
        )
        assert [to_wire(options.tool_choice) for options in model.do_generate_calls] == [
            {"type": "required"},
            {"type": "tool", "toolName": "tool1"},
        ]
