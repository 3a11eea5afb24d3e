"""A step's content as the messages that continue the conversation (port of
``to-response-messages.ts``)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Literal

from ai_sdk_core._content import (
    ContentPart,
    CustomOutput,
    FileOutput,
    ReasoningFileOutput,
    ReasoningOutput,
    TextOutput,
    ToolApprovalRequestOutput,
    ToolApprovalResponseOutput,
    ToolCall,
    ToolError,
    ToolResult,
)
from ai_sdk_core.prompt._messages import (
    AssistantModelMessage,
    CustomPart,
    FilePart,
    ReasoningFilePart,
    ReasoningPart,
    TextPart,
    ToolApprovalRequest,
    ToolApprovalResponse,
    ToolCallPart,
    ToolModelMessage,
    ToolResultPart,
)
from ai_sdk_core.provider._json import JSONValue
from ai_sdk_core.provider._language_model_prompt import (
    LanguageModelV4ToolResultOutputExecutionDenied,
)
from ai_sdk_core.tools._model_output import create_tool_model_output, to_json_value
from ai_sdk_core.tools._tool import ToolSet

from ._step_result import ResponseMessage

__all__: list[str] = []

_AssistantPart = (
    TextPart
    | CustomPart
    | FilePart
    | ReasoningPart
    | ReasoningFilePart
    | ToolCallPart
    | ToolResultPart
    | ToolApprovalRequest
)


async def to_response_messages(
    *, content: Sequence[ContentPart], tools: ToolSet | None
) -> list[ResponseMessage]:
    """An assistant message, then a tool message, each only when it has content.

    The assistant message holds text (empty text left out), reasoning, files, tool calls,
    results and errors of provider-executed tools, and approval requests; sources are left out.
    The tool message holds approval responses (a denial followed by its ``execution-denied``
    result) and the results and errors of the other tools, sorted in tool-call order.
    """
    tool_call_order: dict[str, int] = {}
    assistant: list[_AssistantPart] = []
    for part in content:
        match part:
            case TextOutput(text=text) if text:
                assistant.append(TextPart(text=text, provider_options=part.provider_metadata))
            case CustomOutput():
                assistant.append(
                    CustomPart(kind=part.kind, provider_options=part.provider_metadata)
                )
            case ReasoningOutput():
                assistant.append(
                    ReasoningPart(text=part.text, provider_options=part.provider_metadata)
                )
            case FileOutput():
                assistant.append(
                    FilePart(
                        data=part.file.base64,
                        media_type=part.file.media_type,
                        provider_options=part.provider_metadata,
                    )
                )
            case ReasoningFileOutput():
                assistant.append(
                    ReasoningFilePart(
                        data=part.file.base64,
                        media_type=part.file.media_type,
                        provider_options=part.provider_metadata,
                    )
                )
            case ToolCall():
                tool_call_order.setdefault(part.tool_call_id, len(tool_call_order))
                assistant.append(
                    ToolCallPart(
                        tool_call_id=part.tool_call_id,
                        tool_name=part.tool_name,
                        input=_tool_call_input(part),
                        provider_executed=part.provider_executed,
                        provider_options=part.provider_metadata,
                    )
                )
            case ToolResult() | ToolError() if part.provider_executed:
                assistant.append(await _tool_result_part(part, tools, error_mode="json"))
            case ToolApprovalRequestOutput():
                assistant.append(
                    ToolApprovalRequest(
                        approval_id=part.approval_id,
                        tool_call_id=part.tool_call.tool_call_id,
                        is_automatic=part.is_automatic,
                        signature=part.signature,
                    )
                )
            case _:  # sources, empty text, client tool outputs, approval responses
                pass

    tool: list[ToolResultPart | ToolApprovalResponse] = []
    for part in content:
        if isinstance(part, ToolApprovalResponseOutput):
            tool.append(
                ToolApprovalResponse(
                    approval_id=part.approval_id,
                    approved=part.approved,
                    reason=part.reason,
                    provider_executed=part.provider_executed,
                )
            )
            if not part.approved:  # no result will come for a denied call
                tool.append(
                    ToolResultPart(
                        tool_call_id=part.tool_call.tool_call_id,
                        tool_name=part.tool_call.tool_name,
                        output=LanguageModelV4ToolResultOutputExecutionDenied(reason=part.reason),
                    )
                )
        elif isinstance(part, ToolResult | ToolError) and not part.provider_executed:
            tool.append(await _tool_result_part(part, tools, error_mode="text"))

    messages: list[ResponseMessage] = []
    if assistant:
        messages.append(AssistantModelMessage(content=assistant))
    if tool:
        messages.append(ToolModelMessage(content=_in_tool_call_order(tool, tool_call_order)))
    return messages


def _tool_call_input(call: ToolCall) -> JSONValue:
    """The input as JSON; the raw text of an unparsable call is sent as ``{}``."""
    value = to_json_value(call.input)
    if call.invalid and value is not None and not isinstance(value, dict | list):
        return {}
    return value


async def _tool_result_part(
    part: ToolResult | ToolError, tools: ToolSet | None, *, error_mode: Literal["text", "json"]
) -> ToolResultPart:
    """A tool output as a message part; ``error_mode`` is how an error is sent."""
    output = await create_tool_model_output(
        tool_call_id=part.tool_call_id,
        input=part.input,
        output=part.error if isinstance(part, ToolError) else part.output,
        tool=None if tools is None else tools.get(part.tool_name),
        error_mode=error_mode if isinstance(part, ToolError) else "none",
    )
    return ToolResultPart(
        tool_call_id=part.tool_call_id,
        tool_name=part.tool_name,
        output=output,
        provider_options=part.provider_metadata,
    )


def _in_tool_call_order(
    parts: list[ToolResultPart | ToolApprovalResponse], order: dict[str, int]
) -> list[ToolResultPart | ToolApprovalResponse]:
    """The tool results sorted by the order of their calls (results of calls not in this step
    last, in their order); approval responses keep their places."""
    results = sorted(
        (part for part in parts if isinstance(part, ToolResultPart)),
        key=lambda part: (part.tool_call_id not in order, order.get(part.tool_call_id, 0)),
    )
    sorted_results = iter(results)
    return [next(sorted_results) if isinstance(part, ToolResultPart) else part for part in parts]
