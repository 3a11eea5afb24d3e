"""Port of generate-text.test.ts: the tool loop, tool execution, invalid tool calls and
``repair_tool_call``."""

from __future__ import annotations

import threading
from collections.abc import AsyncIterator, Iterator
from typing import Any

import anyio
import pytest
from pydantic import BaseModel

from ai_sdk_core import (
    RepairToolCallOptions,
    ToolExecutionOptions,
    dynamic_tool,
    generate_text,
    is_step_count,
    tool,
)
from ai_sdk_core.errors import (
    InvalidToolInputError,
    JSONParseError,
    NoSuchToolError,
    ToolCallRepairError,
)
from ai_sdk_core.generate_text import ToolCall, ToolError, ToolResult
from ai_sdk_core.provider import (
    LanguageModelV4Text,
    LanguageModelV4ToolCall,
    LanguageModelV4ToolResult,
    LanguageModelV4ToolResultOutputJson,
)
from ai_sdk_core.tools import create_provider_tool_factory
from ai_sdk_core.wire import to_wire

from ._helpers import (
    VALUE_SCHEMA,
    ValueInput,
    assistant_call,
    call,
    model_of,
    prompt_of,
    result,
    text_result,
    tool_call,
    tool_message,
    user,
    value_tool,
)

pytestmark = pytest.mark.anyio


class CityInput(BaseModel):
    city: str


# --- the loop ------------------------------------------------------------------------------


class TestToolLoop:
    async def test_two_steps_feed_the_tool_result_back(self) -> None:
        model = model_of(call(tool_call(), usage_=None), text_result("Hello, world!"))
        seen_messages: list[Any] = []

        def execute(input: ValueInput, options: ToolExecutionOptions) -> str:
            seen_messages.append(to_wire(options.messages))
            assert options.tool_call_id == "call-1"
            return "result1"

        response = await generate_text(
            model=model,
            prompt="test-input",
            tools={"tool1": tool(input_schema=ValueInput, execute=execute, title="Tool One")},
            stop_when=is_step_count(3),
        )

        first, second = model.do_generate_calls
        assert prompt_of(first) == [user("test-input")]
        assert to_wire(first.tools) == [
            {"type": "function", "name": "tool1", "inputSchema": VALUE_SCHEMA}
        ]
        assert to_wire(first.tool_choice) == {"type": "auto"}
        assert prompt_of(second) == [
            user("test-input"),
            assistant_call(),
            tool_message(("call-1", {"type": "text", "value": "result1"})),
        ]
        assert seen_messages == [[{"role": "user", "content": "test-input"}]]

        assert response.text == "Hello, world!"
        assert len(response.steps) == 2
        assert response.tool_calls == [
            ToolCall(
                tool_call_id="call-1",
                tool_name="tool1",
                input=ValueInput(value="value"),
                title="Tool One",
            )
        ]
        assert [result.output for result in response.tool_results] == ["result1"]
        assert response.final_step.tool_calls == []
        assert response.final_step.tool_results == []
        assert to_wire(response.response_messages) == [
            assistant_call(),
            tool_message(("call-1", {"type": "text", "value": "result1"})),
            {"role": "assistant", "content": [{"type": "text", "text": "Hello, world!"}]},
        ]
        assert to_wire(response.steps[0].response.messages) == to_wire(
            response.response_messages[:2]
        )
        assert to_wire(response.response.messages) == to_wire(response.response_messages[2:])

    async def test_response_messages_continue_the_conversation(self) -> None:
        first = await generate_text(
            model=model_of(call(tool_call()), text_result("It is value-result.")),
            prompt="What is it?",
            tools={"tool1": value_tool()},
            stop_when=is_step_count(2),
        )
        model = model_of(text_result("You are welcome."))

        await generate_text(
            model=model,
            messages=[
                {"role": "user", "content": "What is it?"},
                *first.response_messages,
                {"role": "user", "content": "Thanks!"},
            ],
            tools={"tool1": value_tool()},
        )

        assert prompt_of(model.do_generate_calls[0]) == [
            user("What is it?"),
            assistant_call(),
            tool_message(("call-1", {"type": "text", "value": "value-result"})),
            {"role": "assistant", "content": [{"type": "text", "text": "It is value-result."}]},
            user("Thanks!"),
        ]

    async def test_the_default_is_a_single_step(self) -> None:
        model = model_of(call(tool_call()), text_result())
        response = await generate_text(
            model=model, prompt="test-input", tools={"tool1": value_tool()}
        )
        assert len(model.do_generate_calls) == 1
        assert [result.output for result in response.tool_results] == ["value-result"]
        assert response.finish_reason == "tool-calls"

    async def test_tool_calls_run_in_parallel(self) -> None:
        started = {"a": anyio.Event(), "b": anyio.Event()}
        finished: list[str] = []

        async def execute(input: ValueInput) -> str:
            started[input.value].set()
            # each call waits for the other to have started: sequential calls would hang
            await started["b" if input.value == "a" else "a"].wait()
            if input.value == "a":  # a finishes last, yet its result comes first
                await anyio.wait_all_tasks_blocked()
            finished.append(input.value)
            return f"result-{input.value}"

        with anyio.fail_after(5):
            response = await generate_text(
                model=model_of(
                    call(
                        tool_call(input='{"value": "a"}', tool_call_id="call-a"),
                        tool_call(input='{"value": "b"}', tool_call_id="call-b"),
                    )
                ),
                prompt="test-input",
                tools={"tool1": tool(input_schema=ValueInput, execute=execute)},
            )

        assert finished == ["b", "a"]
        assert [(r.tool_call_id, r.output) for r in response.tool_results] == [
            ("call-a", "result-a"),
            ("call-b", "result-b"),
        ]

    async def test_sync_tools_run_in_worker_threads_in_parallel(self) -> None:
        barrier = threading.Barrier(2, timeout=5)
        loop_thread = threading.get_ident()
        threads: list[int] = []

        def execute(input: ValueInput) -> str:
            threads.append(threading.get_ident())
            barrier.wait()  # both calls must run at the same time
            return f"result-{input.value}"

        response = await generate_text(
            model=model_of(
                call(
                    tool_call(input='{"value": "a"}', tool_call_id="call-a"),
                    tool_call(input='{"value": "b"}', tool_call_id="call-b"),
                )
            ),
            prompt="test-input",
            tools={"tool1": tool(input_schema=ValueInput, execute=execute)},
        )

        assert [r.output for r in response.tool_results] == ["result-a", "result-b"]
        assert loop_thread not in threads
        assert len(set(threads)) == 2

    @pytest.mark.parametrize("kind", ["async generator", "generator"])
    async def test_generator_tools_give_their_last_output(self, kind: str) -> None:
        async def stream_weather(input: CityInput) -> AsyncIterator[dict[str, Any]]:
            yield {"status": "loading", "text": f"Getting weather for {input.city}"}
            yield {"status": "success", "temperature": 72}

        def iterate_weather(input: CityInput) -> Iterator[dict[str, Any]]:
            yield {"status": "loading", "text": f"Getting weather for {input.city}"}
            yield {"status": "success", "temperature": 72}

        model = model_of(
            call(tool_call("cityAttractions", '{ "city": "San Francisco" }')), text_result()
        )
        response = await generate_text(
            model=model,
            prompt="test-input",
            tools={
                "cityAttractions": tool(
                    input_schema=CityInput,
                    execute=stream_weather if kind == "async generator" else iterate_weather,
                )
            },
            stop_when=is_step_count(2),
        )

        assert [part.type for part in response.steps[0].content] == ["tool-call", "tool-result"]
        assert response.tool_results[0].output == {"status": "success", "temperature": 72}
        assert response.tool_results[0].preliminary is None
        assert prompt_of(model.do_generate_calls[1])[-1] == tool_message(
            (
                "call-1",
                {"type": "json", "value": {"status": "success", "temperature": 72}},
            ),
            tool_name="cityAttractions",
        )

    async def test_outputs_as_the_model_sees_them(self) -> None:
        model = model_of(
            call(
                tool_call("as_json", "{}", "call-1"),
                tool_call("as_model", "{}", "call-2"),
                tool_call("custom", "{}", "call-3"),
            ),
            text_result(),
        )
        await generate_text(
            model=model,
            prompt="test-input",
            tools={
                "as_json": tool(input_schema={}, execute=lambda _: {"a": [1, 2]}),
                "as_model": tool(input_schema={}, execute=lambda _: ValueInput(value="v")),
                "custom": tool(
                    input_schema={},
                    execute=lambda _: 42,
                    to_model_output=lambda options: LanguageModelV4ToolResultOutputJson(
                        value={"wrapped": options.output, "id": options.tool_call_id}
                    ),
                ),
            },
            stop_when=is_step_count(2),
        )
        assert prompt_of(model.do_generate_calls[1])[-1]["content"] == [
            {
                "type": "tool-result",
                "toolCallId": "call-1",
                "toolName": "as_json",
                "output": {"type": "json", "value": {"a": [1, 2]}},
            },
            {
                "type": "tool-result",
                "toolCallId": "call-2",
                "toolName": "as_model",
                "output": {"type": "json", "value": {"value": "v"}},
            },
            {
                "type": "tool-result",
                "toolCallId": "call-3",
                "toolName": "custom",
                "output": {"type": "json", "value": {"wrapped": 42, "id": "call-3"}},
            },
        ]

    async def test_execute_receives_the_runtime_context(self) -> None:
        contexts: list[Any] = []

        def execute(input: ValueInput, options: ToolExecutionOptions) -> str:
            contexts.append(options.context)
            return "ok"

        await generate_text(
            model=model_of(call(tool_call())),
            prompt="test-input",
            tools={"tool1": tool(input_schema=ValueInput, execute=execute)},
            runtime_context={"userId": "u1"},
        )
        assert contexts == [{"userId": "u1"}]

    async def test_a_tool_without_execute_stops_the_loop(self) -> None:
        model = model_of(
            call(tool_call(), tool_call("tool2", '{"value": "b"}', "call-2")), text_result()
        )
        response = await generate_text(
            model=model,
            prompt="test-input",
            tools={"tool1": tool(input_schema=ValueInput), "tool2": value_tool()},
            stop_when=is_step_count(5),
        )

        assert len(model.do_generate_calls) == 1
        assert [call.tool_call_id for call in response.tool_calls] == ["call-1", "call-2"]
        # the tool with execute ran; the other waits for the caller's result
        assert [(r.tool_call_id, r.output) for r in response.tool_results] == [
            ("call-2", "b-result")
        ]
        assert [message.role for message in response.response_messages] == ["assistant", "tool"]

    async def test_a_tool_exception_becomes_a_tool_error_fed_back(self) -> None:
        error = RuntimeError("test error")

        def execute(input: ValueInput) -> str:
            raise error

        model = model_of(call(tool_call()), text_result("Sorry."))
        response = await generate_text(
            model=model,
            prompt="test-input",
            tools={"tool1": tool(input_schema=ValueInput, execute=execute)},
            stop_when=is_step_count(2),
        )

        assert response.steps[0].content[1] == ToolError(
            tool_call_id="call-1",
            tool_name="tool1",
            input=ValueInput(value="value"),
            error=error,
            dynamic=False,
        )
        assert response.tool_results == []
        assert prompt_of(model.do_generate_calls[1])[-1] == tool_message(
            ("call-1", {"type": "error-text", "value": "RuntimeError: test error"})
        )
        assert response.text == "Sorry."

    async def test_dynamic_tools(self) -> None:
        response = await generate_text(
            model=model_of(call(tool_call("dyn", '{"value": "x"}'))),
            prompt="test-input",
            tools={
                "dyn": dynamic_tool(
                    input_schema={"type": "object"}, execute=lambda input: {"got": input}
                )
            },
        )
        assert response.dynamic_tool_calls == response.tool_calls
        assert response.static_tool_calls == []
        assert response.tool_calls[0].input == {"value": "x"}
        assert response.dynamic_tool_results[0].output == {"got": {"value": "x"}}
        assert response.static_tool_results == []

    @pytest.mark.parametrize("finish_reason", ["length", "error", "content-filter", "other"])
    async def test_tools_do_not_run_unless_the_step_finished_with_stop_or_tool_calls(
        self, finish_reason: Any
    ) -> None:
        executed: list[object] = []
        model = model_of(result(tool_call(), finish_reason=finish_reason), text_result())
        response = await generate_text(
            model=model,
            prompt="test-input",
            tools={"tool1": tool(input_schema=ValueInput, execute=executed.append)},
            stop_when=is_step_count(5),
        )
        assert executed == []
        assert len(response.tool_calls) == 1
        assert response.tool_results == []
        assert len(model.do_generate_calls) == 1

    async def test_tools_run_after_a_step_that_finished_with_stop(self) -> None:
        response = await generate_text(
            model=model_of(result(tool_call(), finish_reason="stop")),
            prompt="test-input",
            tools={"tool1": value_tool()},
        )
        assert [r.output for r in response.tool_results] == ["value-result"]

    async def test_provider_executed_tools_are_not_executed_and_end_the_loop(self) -> None:
        web_search = create_provider_tool_factory(
            id="test.web_search", input_schema={"type": "object"}, executed_by_provider=True
        )
        model = model_of(
            result(
                LanguageModelV4ToolCall(
                    tool_call_id="call-1",
                    tool_name="web_search",
                    input='{"query": "q"}',
                    provider_executed=True,
                ),
                LanguageModelV4ToolResult(
                    tool_call_id="call-1", tool_name="web_search", result={"hits": 1}
                ),
                LanguageModelV4Text(text="Found it."),
                finish_reason="tool-calls",
            ),
            text_result(),
        )
        response = await generate_text(
            model=model,
            prompt="test-input",
            tools={"web_search": web_search()},
            stop_when=is_step_count(3),
        )

        assert len(model.do_generate_calls) == 1
        assert response.tool_results == [
            ToolResult(
                tool_call_id="call-1",
                tool_name="web_search",
                input={"query": "q"},
                output={"hits": 1},
                provider_executed=True,
            )
        ]
        assert to_wire(model.do_generate_calls[0].tools) == [
            {"type": "provider", "id": "test.web_search", "name": "web_search", "args": {}}
        ]

    async def test_a_deferred_provider_result_continues_the_loop(self) -> None:
        program = create_provider_tool_factory(
            id="test.program",
            input_schema={"type": "object"},
            executed_by_provider=True,
            supports_deferred_results=True,
        )
        model = model_of(
            call(
                LanguageModelV4ToolCall(
                    tool_call_id="program-call",
                    tool_name="program",
                    input='{"code": "roll()"}',
                    provider_executed=True,
                )
            ),
            result(
                LanguageModelV4ToolResult(
                    tool_call_id="program-call", tool_name="program", result={"rolled": 6}
                ),
                LanguageModelV4Text(text="You rolled 6."),
            ),
        )
        response = await generate_text(
            model=model,
            prompt="Roll a die.",
            tools={"program": program()},
            stop_when=is_step_count(3),
        )

        # no client tool ran, yet the loop went on for the provider's deferred result
        assert len(model.do_generate_calls) == 2
        assert response.text == "You rolled 6."
        assert [(r.tool_call_id, r.output) for r in response.final_step.tool_results] == [
            ("program-call", {"rolled": 6})
        ]

    async def test_a_pending_approval_stops_the_loop_despite_a_deferred_result(self) -> None:
        executed: list[object] = []
        program = create_provider_tool_factory(
            id="test.program",
            input_schema={"type": "object"},
            executed_by_provider=True,
            supports_deferred_results=True,
        )
        model = model_of(
            call(
                LanguageModelV4ToolCall(
                    tool_call_id="program-call",
                    tool_name="program",
                    input='{"code": "getHours()"}',
                    provider_executed=True,
                ),
                tool_call("getHours", '{"value": "Ada"}', "get-hours-call"),
            ),
            text_result(),
        )
        response = await generate_text(
            model=model,
            prompt="Get Ada hours with a program.",
            tools={
                "program": program(),
                "getHours": tool(
                    input_schema=ValueInput, execute=executed.append, needs_approval=True
                ),
            },
            stop_when=is_step_count(3),
        )

        assert len(model.do_generate_calls) == 1
        assert executed == []
        requests = [part for part in response.content if part.type == "tool-approval-request"]
        assert [request.tool_call.tool_call_id for request in requests] == ["get-hours-call"]  # type: ignore[union-attr]

    async def test_no_client_tool_error_for_an_invalid_provider_executed_call(self) -> None:
        web_search = create_provider_tool_factory(
            id="test.web_search", input_schema=ValueInput, executed_by_provider=True
        )
        response = await generate_text(
            model=model_of(
                call(
                    LanguageModelV4ToolCall(
                        tool_call_id="call-1",
                        tool_name="web_search",
                        input="{}",
                        provider_executed=True,
                    ),
                    LanguageModelV4ToolResult(
                        tool_call_id="call-1",
                        tool_name="web_search",
                        result={"errorCode": "invalid_tool_input"},
                        is_error=True,
                    ),
                )
            ),
            prompt="Search the web.",
            tools={"web_search": web_search()},
        )

        invalid_call, provider_error = response.content
        assert isinstance(invalid_call, ToolCall)
        assert invalid_call.invalid
        assert invalid_call.provider_executed
        assert provider_error == ToolError(
            tool_call_id="call-1",
            tool_name="web_search",
            input={},
            error={"errorCode": "invalid_tool_input"},
            provider_executed=True,
            dynamic=True,
        )
        assert to_wire(response.response_messages) == [
            {
                "role": "assistant",
                "content": [
                    {
                        "type": "tool-call",
                        "toolCallId": "call-1",
                        "toolName": "web_search",
                        "input": {},
                        "providerExecuted": True,
                    },
                    {
                        "type": "tool-result",
                        "toolCallId": "call-1",
                        "toolName": "web_search",
                        "output": {
                            "type": "error-json",
                            "value": {"errorCode": "invalid_tool_input"},
                        },
                    },
                ],
            }
        ]


# --- invalid calls and repair ----------------------------------------------------------------


class TestInvalidToolCalls:
    async def test_invalid_input_becomes_a_tool_error_fed_back(self) -> None:
        executed: list[object] = []
        model = model_of(
            call(tool_call("cityAttractions", '{ "cities": "San Francisco" }')),
            text_result("Let me retry."),
        )
        response = await generate_text(
            model=model,
            prompt="What are the tourist attractions in San Francisco?",
            tools={"cityAttractions": tool(input_schema=CityInput, execute=executed.append)},
            stop_when=is_step_count(2),
        )

        assert executed == []
        invalid_call, error = response.steps[0].content
        assert isinstance(invalid_call, ToolCall)
        assert (invalid_call.invalid, invalid_call.dynamic) == (True, True)
        assert invalid_call.input == {"cities": "San Francisco"}
        assert isinstance(invalid_call.error, InvalidToolInputError)
        assert invalid_call.error.tool_input == '{ "cities": "San Francisco" }'
        assert isinstance(error, ToolError)
        assert error.dynamic is True
        assert error.error.startswith(
            "AI_InvalidToolInputError: Invalid input for tool cityAttractions: "
            "AI_TypeValidationError: Type validation failed"
        )
        assert response.dynamic_tool_calls == [invalid_call]
        # fed back as error text, and the loop continues
        assert prompt_of(model.do_generate_calls[1])[-1] == tool_message(
            ("call-1", {"type": "error-text", "value": error.error}),
            tool_name="cityAttractions",
        )
        assert response.text == "Let me retry."

    async def test_unparsable_input_keeps_the_raw_text(self) -> None:
        response = await generate_text(
            model=model_of(call(tool_call(input='{ "value": broken'))),
            prompt="test-input",
            tools={"tool1": value_tool()},
        )
        invalid_call = response.tool_calls[0]
        assert invalid_call.input == '{ "value": broken'
        assert isinstance(invalid_call.error, InvalidToolInputError)
        assert isinstance(invalid_call.error.cause, JSONParseError)
        assert response.content[1].type == "tool-error"

    async def test_an_unknown_tool_becomes_a_tool_error(self) -> None:
        response = await generate_text(
            model=model_of(call(tool_call("unknownTool", '{"value": "x"}'))),
            prompt="test-input",
            tools={"tool1": value_tool()},
        )
        invalid_call, error = response.content
        assert isinstance(invalid_call, ToolCall)
        assert isinstance(invalid_call.error, NoSuchToolError)
        assert invalid_call.error.available_tools == ["tool1"]
        assert error == ToolError(
            tool_call_id="call-1",
            tool_name="unknownTool",
            input={"value": "x"},
            error="AI_NoSuchToolError: Model tried to call unavailable tool 'unknownTool'. "
            "Available tools: tool1.",
            dynamic=True,
        )

    async def test_a_tool_call_without_tools_becomes_a_tool_error(self) -> None:
        response = await generate_text(model=model_of(call(tool_call())), prompt="test-input")
        assert isinstance(response.tool_calls[0].error, NoSuchToolError)
        assert response.content[1].type == "tool-error"

    async def test_empty_input_is_an_empty_object(self) -> None:
        response = await generate_text(
            model=model_of(call(tool_call("no_args", ""))),
            prompt="test-input",
            tools={"no_args": tool(input_schema={}, execute=lambda input: input)},
        )
        assert response.tool_calls[0].invalid is None
        assert response.tool_results[0].output == {}

    async def test_repair_fixes_invalid_input(self) -> None:
        repairs: list[RepairToolCallOptions] = []
        schemas: list[Any] = []

        async def repair(options: RepairToolCallOptions) -> LanguageModelV4ToolCall:
            repairs.append(options)
            schemas.append(await options.input_schema("tool1"))
            return LanguageModelV4ToolCall(
                tool_call_id=options.tool_call.tool_call_id,
                tool_name=options.tool_call.tool_name,
                input='{ "value": "repaired" }',
            )

        response = await generate_text(
            model=model_of(call(tool_call(input='{ "value": broken'))),
            instructions="be helpful",
            prompt="test-input",
            tools={"tool1": value_tool()},
            repair_tool_call=repair,
        )

        assert response.tool_calls == [
            ToolCall(tool_call_id="call-1", tool_name="tool1", input=ValueInput(value="repaired"))
        ]
        assert [r.output for r in response.tool_results] == ["repaired-result"]
        options = repairs[0]
        assert isinstance(options.error, InvalidToolInputError)
        assert options.tool_call == tool_call(input='{ "value": broken')
        assert options.instructions == "be helpful"
        assert to_wire(options.messages) == [{"role": "user", "content": "test-input"}]
        assert list(options.tools) == ["tool1"]
        assert schemas == [VALUE_SCHEMA]

    async def test_repair_renames_an_unknown_tool(self) -> None:
        errors: list[object] = []

        def repair(options: RepairToolCallOptions) -> LanguageModelV4ToolCall:
            errors.append(options.error)
            return LanguageModelV4ToolCall(
                tool_call_id=options.tool_call.tool_call_id,
                tool_name="tool1",
                input=options.tool_call.input,
            )

        response = await generate_text(
            model=model_of(call(tool_call("tool_one"))),
            prompt="test-input",
            tools={"tool1": value_tool()},
            repair_tool_call=repair,
        )
        assert isinstance(errors[0], NoSuchToolError)
        assert response.tool_calls[0].tool_name == "tool1"
        assert [r.output for r in response.tool_results] == ["value-result"]

    async def test_repair_returning_none_keeps_the_original_error(self) -> None:
        response = await generate_text(
            model=model_of(call(tool_call(input='{ "wrong": 1 }'))),
            prompt="test-input",
            tools={"tool1": value_tool()},
            repair_tool_call=lambda options: None,
        )
        invalid_call = response.tool_calls[0]
        assert invalid_call.invalid
        assert isinstance(invalid_call.error, InvalidToolInputError)
        assert response.content[1].type == "tool-error"

    async def test_repair_that_raises_becomes_a_tool_call_repair_error(self) -> None:
        cause = ValueError("repair failed")

        def repair(options: RepairToolCallOptions) -> None:
            raise cause

        response = await generate_text(
            model=model_of(call(tool_call(input='{ "wrong": 1 }'))),
            prompt="test-input",
            tools={"tool1": value_tool()},
            repair_tool_call=repair,
        )

        invalid_call, error = response.content
        assert isinstance(invalid_call, ToolCall)
        assert invalid_call.invalid
        assert isinstance(invalid_call.error, ToolCallRepairError)
        assert invalid_call.error.cause is cause
        assert isinstance(invalid_call.error.original_error, InvalidToolInputError)
        assert isinstance(error, ToolError)
        assert (
            error.error
            == "AI_ToolCallRepairError: Error repairing tool call: ValueError: repair failed"
        )

    async def test_a_repaired_call_that_is_still_invalid(self) -> None:
        response = await generate_text(
            model=model_of(call(tool_call(input='{ "wrong": 1 }'))),
            prompt="test-input",
            tools={"tool1": value_tool()},
            repair_tool_call=lambda options: LanguageModelV4ToolCall(
                tool_call_id="call-1", tool_name="tool1", input='{ "still": "wrong" }'
            ),
        )
        invalid_call = response.tool_calls[0]
        assert invalid_call.invalid
        assert invalid_call.input == {"wrong": 1}  # as TS: the original input
        assert isinstance(invalid_call.error, InvalidToolInputError)
        assert invalid_call.error.tool_input == '{ "still": "wrong" }'

    async def test_repair_is_not_called_for_valid_calls(self) -> None:
        repairs: list[object] = []
        await generate_text(
            model=model_of(call(tool_call())),
            prompt="test-input",
            tools={"tool1": value_tool()},
            repair_tool_call=repairs.append,
        )
        assert repairs == []
