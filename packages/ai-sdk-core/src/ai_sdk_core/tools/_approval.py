"""Tool approval: whether a call waits for the user, and the user's answers found in the
messages (ports of ``resolve-tool-approval.ts`` and ``collect-tool-approvals.ts``).

Only the tool's own ``needs_approval`` is ported; the call-level ``tool_approval``
configuration (``approved`` / ``denied`` decided by policy) and HMAC-signed approval requests
of TS are out of scope.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Literal

from ai_sdk_core._content import ToolCall
from ai_sdk_core._errors import InvalidToolApprovalError, ToolCallNotFoundForApprovalError
from ai_sdk_core.prompt._messages import (
    AssistantModelMessage,
    ToolApprovalRequest,
    ToolApprovalResponse,
    ToolCallPart,
    ToolModelMessage,
    ToolResultPart,
)

from ._execute import maybe_await
from ._tool import ToolExecutionOptions

if TYPE_CHECKING:
    from ai_sdk_core.prompt._messages import ModelMessage

    from ._tool import Tool

__all__: list[str] = []


async def resolve_tool_approval(
    *,
    tool: Tool[Any, Any] | None,
    tool_call: ToolCall,
    messages: Sequence[ModelMessage],
    context: Any = None,
) -> Literal["not-applicable", "user-approval"]:
    """``"user-approval"`` when ``tool.needs_approval`` (a bool, or a sync or async function
    of the validated input and the execution options) asks for it."""
    needs_approval = False if tool is None else tool.needs_approval
    if callable(needs_approval):
        options = ToolExecutionOptions(
            tool_call_id=tool_call.tool_call_id, messages=messages, context=context
        )
        needs_approval = await maybe_await(needs_approval(tool_call.input, options))
    return "user-approval" if needs_approval else "not-applicable"


@dataclass(slots=True, frozen=True, kw_only=True)
class CollectedToolApproval:
    """An answered approval request, with the tool call it is about.

    ``tool_call.input`` is the input as the messages hold it (plain JSON, not validated);
    ``existing_tool_result`` is the ``execution-denied`` result already sent for a denial.
    """

    approval_request: ToolApprovalRequest
    approval_response: ToolApprovalResponse
    tool_call: ToolCall
    existing_tool_result: ToolResultPart | None = None


@dataclass(slots=True, frozen=True, kw_only=True)
class CollectedToolApprovals:
    """The approved and the denied tool calls that still wait for execution or a result."""

    approved: list[CollectedToolApproval] = field(default_factory=list[CollectedToolApproval])
    denied: list[CollectedToolApproval] = field(default_factory=list[CollectedToolApproval])


def collect_tool_approvals(messages: Sequence[ModelMessage]) -> CollectedToolApprovals:
    """The approval responses of the last message, when it is a tool message.

    Each response is paired with its request and tool call from the assistant messages:
    :class:`InvalidToolApprovalError` when no request has its approval id,
    :class:`ToolCallNotFoundForApprovalError` when the request's tool call is missing.
    Responses whose call already has a result are skipped, except denials answered with an
    ``execution-denied`` result.
    """
    collected = CollectedToolApprovals()
    last_message = messages[-1] if messages else None
    if not isinstance(last_message, ToolModelMessage):
        return collected

    tool_calls: dict[str, ToolCallPart] = {}
    requests: dict[str, ToolApprovalRequest] = {}
    for message in messages:
        if isinstance(message, AssistantModelMessage) and not isinstance(message.content, str):
            for part in message.content:
                if isinstance(part, ToolCallPart):
                    tool_calls[part.tool_call_id] = part
                elif isinstance(part, ToolApprovalRequest):
                    requests[part.approval_id] = part

    results = {
        part.tool_call_id: part for part in last_message.content if isinstance(part, ToolResultPart)
    }
    for response in last_message.content:
        if not isinstance(response, ToolApprovalResponse):
            continue
        request = requests.get(response.approval_id)
        if request is None:
            raise InvalidToolApprovalError(approval_id=response.approval_id)
        existing_result = results.get(request.tool_call_id)
        if existing_result is not None and (
            response.approved or existing_result.output.type != "execution-denied"
        ):
            continue
        call = tool_calls.get(request.tool_call_id)
        if call is None:
            raise ToolCallNotFoundForApprovalError(
                tool_call_id=request.tool_call_id, approval_id=request.approval_id
            )
        approval = CollectedToolApproval(
            approval_request=request,
            approval_response=response,
            tool_call=ToolCall(
                tool_call_id=call.tool_call_id,
                tool_name=call.tool_name,
                input=call.input,
                provider_executed=call.provider_executed,
            ),
            existing_tool_result=existing_result,
        )
        if response.approved:
            collected.approved.append(approval)
        else:
            collected.denied.append(approval)
    return collected
