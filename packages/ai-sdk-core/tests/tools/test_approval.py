"""Port of resolve-tool-approval.test.ts (tool-defined approval) and
collect-tool-approvals.test.ts."""

from __future__ import annotations

from typing import Any

import pytest

from ai_sdk_core.errors import InvalidToolApprovalError, ToolCallNotFoundForApprovalError
from ai_sdk_core.generate_text import ToolCall
from ai_sdk_core.prompt import (
    AssistantModelMessage,
    ModelMessage,
    TextPart,
    ToolApprovalRequest,
    ToolApprovalResponse,
    ToolCallPart,
    ToolModelMessage,
    ToolResultPart,
    UserModelMessage,
)
from ai_sdk_core.provider import (
    LanguageModelV4ToolResultOutputExecutionDenied,
    LanguageModelV4ToolResultOutputText,
)
from ai_sdk_core.tools import ToolExecutionOptions, tool
from ai_sdk_core.tools._approval import (
    CollectedToolApproval,
    CollectedToolApprovals,
    collect_tool_approvals,
    resolve_tool_approval,
)

MESSAGES = [UserModelMessage(content="hello")]
WEATHER_CALL = ToolCall(tool_call_id="call-1", tool_name="weather", input={"city": "Berlin"})


def weather_tool(needs_approval: Any = False) -> Any:
    return tool(input_schema={"type": "object"}, needs_approval=needs_approval)


class TestResolveToolApproval:
    @pytest.mark.anyio
    async def test_not_applicable_without_tool_or_approval(self) -> None:
        for t in (None, weather_tool()):
            status = await resolve_tool_approval(tool=t, tool_call=WEATHER_CALL, messages=MESSAGES)
            assert status == "not-applicable"

    @pytest.mark.anyio
    async def test_boolean_needs_approval(self) -> None:
        approve = await resolve_tool_approval(
            tool=weather_tool(True), tool_call=WEATHER_CALL, messages=MESSAGES
        )

        assert approve == "user-approval"

    @pytest.mark.anyio
    @pytest.mark.parametrize("decision", [True, False])
    async def test_function_gets_input_and_options(self, decision: bool) -> None:
        calls: list[tuple[Any, ToolExecutionOptions]] = []

        def needs_approval(input: Any, options: ToolExecutionOptions) -> bool:
            calls.append((input, options))
            return decision

        status = await resolve_tool_approval(
            tool=weather_tool(needs_approval),
            tool_call=WEATHER_CALL,
            messages=MESSAGES,
            context={"tenant": "t-1"},
        )

        assert status == ("user-approval" if decision else "not-applicable")
        assert calls == [
            (
                {"city": "Berlin"},
                ToolExecutionOptions(
                    tool_call_id="call-1", messages=MESSAGES, context={"tenant": "t-1"}
                ),
            )
        ]
        assert calls[0][1].messages is MESSAGES

    @pytest.mark.anyio
    async def test_async_function(self) -> None:
        async def needs_approval(input: dict[str, str], options: ToolExecutionOptions) -> bool:
            return input["city"] == "Berlin"

        status = await resolve_tool_approval(
            tool=weather_tool(needs_approval), tool_call=WEATHER_CALL, messages=MESSAGES
        )

        assert status == "user-approval"


def assistant(*parts: Any) -> AssistantModelMessage:
    return AssistantModelMessage(content=list(parts))


def tool_message(*parts: Any) -> ToolModelMessage:
    return ToolModelMessage(content=list(parts))


def call_part(number: int = 1) -> ToolCallPart:
    return ToolCallPart(
        tool_call_id=f"call-{number}", tool_name="tool1", input={"value": f"test-input-{number}"}
    )


def request(number: int = 1, tool_call_id: str | None = None) -> ToolApprovalRequest:
    return ToolApprovalRequest(
        approval_id=f"approval-id-{number}", tool_call_id=tool_call_id or f"call-{number}"
    )


def response(number: int = 1, *, approved: bool, reason: str | None = None) -> ToolApprovalResponse:
    return ToolApprovalResponse(
        approval_id=f"approval-id-{number}", approved=approved, reason=reason
    )


def result_part(number: int = 1, *, denied: bool = False) -> ToolResultPart:
    return ToolResultPart(
        tool_call_id=f"call-{number}",
        tool_name="tool1",
        output=LanguageModelV4ToolResultOutputExecutionDenied(reason="test-reason")
        if denied
        else LanguageModelV4ToolResultOutputText(value=f"test-output-{number}"),
    )


def collected(
    number: int, response: ToolApprovalResponse, existing: ToolResultPart | None = None
) -> CollectedToolApproval:
    return CollectedToolApproval(
        approval_request=request(number),
        approval_response=response,
        tool_call=ToolCall(
            tool_call_id=f"call-{number}",
            tool_name="tool1",
            input={"value": f"test-input-{number}"},
        ),
        existing_tool_result=existing,
    )


class TestCollectToolApprovals:
    def test_last_message_is_not_a_tool_message(self) -> None:
        messages: list[ModelMessage] = [
            assistant(call_part(), request()),
            UserModelMessage(content="Hello, world!"),
        ]

        assert collect_tool_approvals(messages) == CollectedToolApprovals()
        assert collect_tool_approvals([]) == CollectedToolApprovals()

    def test_request_without_response_is_ignored(self) -> None:
        messages = [assistant(call_part(), request()), tool_message()]

        assert collect_tool_approvals(messages) == CollectedToolApprovals()

    def test_approved(self) -> None:
        approved = response(approved=True)
        messages = [assistant(call_part(), request()), tool_message(approved)]

        assert collect_tool_approvals(messages) == CollectedToolApprovals(
            approved=[collected(1, approved)]
        )

    def test_approved_with_a_result_is_done(self) -> None:
        messages = [
            assistant(call_part(), request()),
            tool_message(response(approved=True), result_part()),
        ]

        assert collect_tool_approvals(messages) == CollectedToolApprovals()

    def test_denied(self) -> None:
        denied = response(approved=False, reason="test-reason")
        messages = [assistant(call_part(), request()), tool_message(denied)]

        assert collect_tool_approvals(messages) == CollectedToolApprovals(
            denied=[collected(1, denied)]
        )

    def test_denied_with_an_execution_denied_result(self) -> None:
        denied = response(approved=False, reason="test-reason")
        existing = result_part(denied=True)
        messages = [assistant(call_part(), request()), tool_message(denied, existing)]

        assert collect_tool_approvals(messages) == CollectedToolApprovals(
            denied=[collected(1, denied, existing)]
        )

    def test_denied_with_another_result_is_ignored(self) -> None:
        messages = [
            assistant(call_part(), request()),
            tool_message(response(approved=False, reason="test-reason"), result_part()),
        ]

        assert collect_tool_approvals(messages) == CollectedToolApprovals()

    @pytest.mark.parametrize("approval_id", ["unknown-approval-id", "__class__", "get"])
    def test_unknown_approval_id(self, approval_id: str) -> None:
        messages = [
            assistant(call_part(), request()),
            tool_message(ToolApprovalResponse(approval_id=approval_id, approved=True)),
        ]

        with pytest.raises(InvalidToolApprovalError) as raised:
            collect_tool_approvals(messages)

        assert raised.value.approval_id == approval_id
        assert str(raised.value).startswith(
            f'Tool approval response references unknown approvalId: "{approval_id}"'
        )

    def test_unknown_tool_call(self) -> None:
        messages = [
            assistant(request(tool_call_id="call-that-does-not-exist")),
            tool_message(response(approved=True)),
        ]

        with pytest.raises(ToolCallNotFoundForApprovalError) as raised:
            collect_tool_approvals(messages)

        assert str(raised.value) == (
            'Tool call "call-that-does-not-exist" not found for approval request "approval-id-1".'
        )

    def test_provider_executed_flag_of_the_call(self) -> None:
        part = ToolCallPart(
            tool_call_id="call-1", tool_name="mcp", input={}, provider_executed=True
        )
        messages = [assistant(part, request()), tool_message(response(approved=True))]

        [approval] = collect_tool_approvals(messages).approved

        assert approval.tool_call.provider_executed is True

    def test_requests_and_calls_from_earlier_messages(self) -> None:
        approved = response(2, approved=True)
        messages: list[ModelMessage] = [
            assistant(call_part(2)),
            UserModelMessage(content="go on"),
            AssistantModelMessage(content="plain text"),
            assistant(TextPart(text="asking"), request(2)),
            tool_message(approved),
        ]

        assert collect_tool_approvals(messages) == CollectedToolApprovals(
            approved=[collected(2, approved)]
        )

    def test_mixed_approvals(self) -> None:
        parts: list[Any] = []
        for number in range(1, 7):
            parts += [call_part(number), request(number)]
        responses = [
            response(1, approved=True),
            response(2, approved=True),
            response(3, approved=False, reason="test-reason"),
            response(4, approved=False),
            response(5, approved=True),
            response(6, approved=False),
        ]
        existing_6 = result_part(6, denied=True)
        messages = [
            assistant(*parts),
            tool_message(*responses[:5], result_part(5), responses[5], existing_6),
        ]

        assert collect_tool_approvals(messages) == CollectedToolApprovals(
            approved=[collected(1, responses[0]), collected(2, responses[1])],
            denied=[
                collected(3, responses[2]),
                collected(4, responses[3]),
                collected(6, responses[5], existing_6),
            ],
        )
