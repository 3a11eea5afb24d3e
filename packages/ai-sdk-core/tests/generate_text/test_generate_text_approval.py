"""Port of generate-text.test.ts, "tool execution approval": ``needs_approval`` stops the loop
with an approval request; the next call answers it before the first model call."""

from __future__ import annotations

from typing import Any

import pytest

from ai_sdk_core import (
    ToolApprovalResponse,
    ToolExecutionOptions,
    ToolModelMessage,
    generate_text,
    is_step_count,
    tool,
)
from ai_sdk_core.errors import InvalidToolApprovalError, InvalidToolInputError
from ai_sdk_core.generate_text import (
    PrepareStepOptions,
    ToolApprovalRequestOutput,
    ToolCall,
    ToolExecutionEndEvent,
    ToolExecutionStartEvent,
)
from ai_sdk_core.testing import MockLanguageModelV4
from ai_sdk_core.tools import create_provider_tool_factory
from ai_sdk_core.wire import to_wire

from ._helpers import ValueInput, call, model_of, prompt_of, text_result, tool_call

pytestmark = pytest.mark.anyio


class Recorder:
    """An ``execute`` that records its inputs and options."""

    def __init__(self, error: Exception | None = None) -> None:
        self.calls: list[tuple[Any, ToolExecutionOptions]] = []
        self.error = error

    def __call__(self, input: ValueInput, options: ToolExecutionOptions) -> str:
        self.calls.append((input, options))
        if self.error is not None:
            raise self.error
        return f"result for {input.value}"


def history(*responses: dict[str, Any], tool_name: str = "tool1", **input: Any) -> list[Any]:
    """A conversation that asked to approve ``call-1`` (approval id ``id-1``), then answers."""
    return [
        {"role": "user", "content": "test-input"},
        {
            "role": "assistant",
            "content": [
                {
                    "type": "tool-call",
                    "toolCallId": "call-1",
                    "toolName": tool_name,
                    "input": input or {"value": "value"},
                },
                {"type": "tool-approval-request", "approvalId": "id-1", "toolCallId": "call-1"},
            ],
        },
        {"role": "tool", "content": list(responses)},
    ]


def approval(approved: bool, **fields: Any) -> dict[str, Any]:
    return {"type": "tool-approval-response", "approvalId": "id-1", "approved": approved, **fields}


USER = {"role": "user", "content": [{"type": "text", "text": "test-input"}]}
ASSISTANT_CALL = {
    "role": "assistant",
    "content": [
        {
            "type": "tool-call",
            "toolCallId": "call-1",
            "toolName": "tool1",
            "input": {"value": "value"},
        }
    ],
}


def tool_result(output: dict[str, Any], tool_call_id: str = "call-1") -> dict[str, Any]:
    return {
        "type": "tool-result",
        "toolCallId": tool_call_id,
        "toolName": "tool1",
        "output": output,
    }


class TestApprovalRequests:
    async def test_a_tool_that_needs_approval_stops_the_loop_with_a_request(self) -> None:
        execute = Recorder()
        model = model_of(call(tool_call()), text_result())
        response = await generate_text(
            model=model,
            prompt="test-input",
            tools={"tool1": tool(input_schema=ValueInput, execute=execute, needs_approval=True)},
            stop_when=is_step_count(3),
        )

        assert execute.calls == []
        assert len(model.do_generate_calls) == 1
        assert response.finish_reason == "tool-calls"
        tool_call_part, request = response.content
        assert tool_call_part == ToolCall(
            tool_call_id="call-1", tool_name="tool1", input=ValueInput(value="value")
        )
        assert isinstance(request, ToolApprovalRequestOutput)
        assert request.tool_call == tool_call_part
        assert request.is_automatic is None
        assert request.approval_id.startswith("aitxt-")
        assert to_wire(response.response_messages) == [
            {
                "role": "assistant",
                "content": [
                    *ASSISTANT_CALL["content"],
                    {
                        "type": "tool-approval-request",
                        "approvalId": request.approval_id,
                        "toolCallId": "call-1",
                    },
                ],
            }
        ]

    async def test_needs_approval_as_a_function_of_the_input(self) -> None:
        asked: list[tuple[Any, ToolExecutionOptions]] = []

        async def needs_approval(input: ValueInput, options: ToolExecutionOptions) -> bool:
            asked.append((input, options))
            return input.value == "value-needs-approval"

        response = await generate_text(
            model=model_of(
                call(
                    tool_call(input='{ "value": "value-needs-approval" }', tool_call_id="call-1"),
                    tool_call(input='{ "value": "value-no-approval" }', tool_call_id="call-2"),
                ),
                text_result(),
            ),
            prompt="test-input",
            tools={
                "tool1": tool(
                    input_schema=ValueInput,
                    execute=lambda input: f"result for {input.value}",
                    needs_approval=needs_approval,
                )
            },
            runtime_context={"userId": "u1"},
            stop_when=is_step_count(3),
        )

        assert [(input.value, options.tool_call_id) for input, options in asked] == [
            ("value-needs-approval", "call-1"),
            ("value-no-approval", "call-2"),
        ]
        assert to_wire(asked[0][1].messages) == [{"role": "user", "content": "test-input"}]
        assert asked[0][1].context == {"userId": "u1"}
        # the call that needs no approval ran; the loop waits for the other
        assert len(response.steps) == 1
        assert [part.type for part in response.content] == [
            "tool-call",
            "tool-call",
            "tool-result",
            "tool-approval-request",
        ]
        assert [(r.tool_call_id, r.output) for r in response.tool_results] == [
            ("call-2", "result for value-no-approval")
        ]

    async def test_the_answer_round_trip(self) -> None:
        """The approval request goes back with an approval response; the tool then runs."""
        execute = Recorder()
        tools = {"tool1": tool(input_schema=ValueInput, execute=execute, needs_approval=True)}
        first = await generate_text(
            model=model_of(call(tool_call())), prompt="test-input", tools=tools
        )
        request = first.content[-1]
        assert isinstance(request, ToolApprovalRequestOutput)

        model = model_of(text_result("Done."))
        second = await generate_text(
            model=model,
            messages=[
                {"role": "user", "content": "test-input"},
                *first.response_messages,
                ToolModelMessage(
                    content=[ToolApprovalResponse(approval_id=request.approval_id, approved=True)]
                ),
            ],
            tools=tools,
        )

        assert [input for input, _ in execute.calls] == [ValueInput(value="value")]
        assert prompt_of(model.do_generate_calls[0]) == [
            USER,
            ASSISTANT_CALL,
            {
                "role": "tool",
                "content": [tool_result({"type": "text", "value": "result for value"})],
            },
        ]
        assert second.text == "Done."


class TestApprovalResponses:
    async def test_an_approved_call_runs_before_the_first_model_call(self) -> None:
        execute = Recorder()
        order: list[str] = []
        starts: list[ToolExecutionStartEvent] = []
        ends: list[ToolExecutionEndEvent] = []
        prepared: list[Any] = []

        def prepare_step(options: PrepareStepOptions) -> None:
            order.append("prepare_step")
            prepared.append(to_wire(options.response_messages))

        model = MockLanguageModelV4(
            do_generate=lambda options: order.append("do_generate") or text_result()
        )
        response = await generate_text(
            model=model,
            messages=history(approval(True)),
            tools={"tool1": tool(input_schema=ValueInput, execute=execute, needs_approval=True)},
            stop_when=is_step_count(3),
            prepare_step=prepare_step,
            on_tool_execution_start=lambda event: (
                order.append("tool start"),
                starts.append(event),
            ),
            on_tool_execution_end=lambda event: (order.append("tool end"), ends.append(event)),
        )

        assert order == ["tool start", "tool end", "prepare_step", "do_generate"]
        ((input, options),) = execute.calls
        assert input == ValueInput(value="value")  # validated by the tool's schema
        assert options.tool_call_id == "call-1"
        assert len(options.messages) == 3
        assert starts[0].tool_call.tool_call_id == "call-1"
        assert ends[0].output.type == "tool-result"

        result_message = {
            "role": "tool",
            "content": [tool_result({"type": "text", "value": "result for value"})],
        }
        # the approval parts are not sent to the model; the tool result is
        assert prompt_of(model.do_generate_calls[0]) == [USER, ASSISTANT_CALL, result_message]
        assert to_wire(response.response_messages) == [
            result_message,
            {"role": "assistant", "content": [{"type": "text", "text": "Hello, world!"}]},
        ]
        assert prepared == [[result_message]]
        # tool results of the approval answer are not part of the steps' content
        assert [part.type for part in response.content] == ["text"]

    async def test_two_approved_calls(self) -> None:
        execute = Recorder()
        model = model_of(text_result())
        messages = [
            {"role": "user", "content": "test-input"},
            {
                "role": "assistant",
                "content": [
                    {
                        "type": "tool-call",
                        "toolCallId": id_,
                        "toolName": "tool1",
                        "input": {"value": value},
                    }
                    for id_, value in (("call-1", "value1"), ("call-2", "value2"))
                ]
                + [
                    {"type": "tool-approval-request", "approvalId": approval_id, "toolCallId": id_}
                    for approval_id, id_ in (("id-1", "call-1"), ("id-2", "call-2"))
                ],
            },
            {
                "role": "tool",
                "content": [
                    {"type": "tool-approval-response", "approvalId": "id-1", "approved": True},
                    {"type": "tool-approval-response", "approvalId": "id-2", "approved": True},
                ],
            },
        ]

        await generate_text(
            model=model,
            messages=messages,
            tools={"tool1": tool(input_schema=ValueInput, execute=execute, needs_approval=True)},
        )

        assert prompt_of(model.do_generate_calls[0])[-1] == {
            "role": "tool",
            "content": [
                tool_result({"type": "text", "value": "result for value1"}),
                tool_result({"type": "text", "value": "result for value2"}, "call-2"),
            ],
        }

    async def test_an_approved_tool_that_raises_is_fed_back_as_error_text(self) -> None:
        model = model_of(text_result())
        await generate_text(
            model=model,
            messages=history(approval(True)),
            tools={
                "tool1": tool(
                    input_schema=ValueInput,
                    execute=Recorder(RuntimeError("database unavailable")),
                    needs_approval=True,
                )
            },
        )
        assert prompt_of(model.do_generate_calls[0])[-1] == {
            "role": "tool",
            "content": [
                tool_result({"type": "error-text", "value": "RuntimeError: database unavailable"})
            ],
        }

    async def test_a_denied_call_is_not_run_and_the_model_learns_it_was_denied(self) -> None:
        execute = Recorder()
        model = model_of(text_result())
        response = await generate_text(
            model=model,
            messages=history(approval(False, reason="Too dangerous")),
            tools={"tool1": tool(input_schema=ValueInput, execute=execute, needs_approval=True)},
            stop_when=is_step_count(3),
        )

        assert execute.calls == []
        denied = {
            "role": "tool",
            "content": [tool_result({"type": "execution-denied", "reason": "Too dangerous"})],
        }
        assert prompt_of(model.do_generate_calls[0]) == [USER, ASSISTANT_CALL, denied]
        assert to_wire(response.response_messages)[0] == denied

    async def test_an_existing_execution_denied_result_is_not_repeated(self) -> None:
        model = model_of(text_result())
        response = await generate_text(
            model=model,
            messages=history(
                approval(False, reason="User denied the request"),
                tool_result({"type": "execution-denied", "reason": "User denied the request"}),
            ),
            tools={"tool1": tool(input_schema=ValueInput, execute=Recorder(), needs_approval=True)},
        )
        prompt = prompt_of(model.do_generate_calls[0])
        assert str(prompt).count("execution-denied") == 1
        assert "execution-denied" not in str(to_wire(response.response_messages))

    async def test_a_forged_approval_with_invalid_input_is_rejected(self) -> None:
        execute = Recorder()
        model = model_of(text_result())
        with pytest.raises(InvalidToolInputError, match="Invalid input for tool tool1") as raised:
            await generate_text(
                model=model,
                messages=history(approval(True), value=42),
                tools={
                    "tool1": tool(input_schema=ValueInput, execute=execute, needs_approval=True)
                },
            )
        assert raised.value.tool_input == '{"value":42}'
        assert execute.calls == []
        assert model.do_generate_calls == []

    async def test_an_unknown_approval_id_is_an_error(self) -> None:
        messages = history(approval(True))
        messages[-1]["content"][0]["approvalId"] = "id-unknown"
        with pytest.raises(InvalidToolApprovalError):
            await generate_text(
                model=model_of(text_result()),
                messages=messages,
                tools={"tool1": tool(input_schema=ValueInput, execute=Recorder())},
            )

    async def test_provider_executed_approvals_go_to_the_provider(self) -> None:
        mcp_tool = create_provider_tool_factory(
            id="test.mcp_tool", input_schema={"type": "object"}, executed_by_provider=True
        )
        for approved in (True, False):
            model = model_of(text_result())
            await generate_text(
                model=model,
                messages=[
                    {"role": "user", "content": "Shorten this URL"},
                    {
                        "role": "assistant",
                        "content": [
                            {
                                "type": "tool-call",
                                "toolCallId": "mcp-call-1",
                                "toolName": "mcp_tool",
                                "input": {"query": "test"},
                                "providerExecuted": True,
                            },
                            {
                                "type": "tool-approval-request",
                                "approvalId": "mcp-approval-1",
                                "toolCallId": "mcp-call-1",
                            },
                        ],
                    },
                    {
                        "role": "tool",
                        "content": [
                            {
                                "type": "tool-approval-response",
                                "approvalId": "mcp-approval-1",
                                "approved": approved,
                                "reason": "User said so",
                                "providerExecuted": True,
                            }
                        ],
                    },
                ],
                tools={"mcp_tool": mcp_tool()},
            )

            response_part = {
                "type": "tool-approval-response",
                "approvalId": "mcp-approval-1",
                "approved": approved,
                "reason": "User said so",
            }
            denied_result = {
                "type": "tool-result",
                "toolCallId": "mcp-call-1",
                "toolName": "mcp_tool",
                "output": {
                    "type": "execution-denied",
                    "reason": "User said so",
                    "providerOptions": {"openai": {"approvalId": "mcp-approval-1"}},
                },
            }
            assert prompt_of(model.do_generate_calls[0])[-1] == {
                "role": "tool",
                "content": [response_part] if approved else [response_part, denied_result],
            }
