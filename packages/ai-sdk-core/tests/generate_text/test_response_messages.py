"""Port of to-response-messages.test.ts."""

from __future__ import annotations

from typing import Any

import pytest
from pydantic import BaseModel

from ai_sdk_core.generate_text import (
    ContentPart,
    CustomOutput,
    FileOutput,
    GeneratedFile,
    ReasoningFileOutput,
    ReasoningOutput,
    TextOutput,
    ToolApprovalRequestOutput,
    ToolApprovalResponseOutput,
    ToolCall,
    ToolError,
    ToolResult,
)
from ai_sdk_core.generate_text._response_messages import to_response_messages
from ai_sdk_core.prompt import (
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
from ai_sdk_core.provider import (
    LanguageModelV4ToolResultOutputErrorJson,
    LanguageModelV4ToolResultOutputErrorText,
    LanguageModelV4ToolResultOutputExecutionDenied,
    LanguageModelV4ToolResultOutputJson,
    LanguageModelV4ToolResultOutputText,
    LanguageModelV4UrlSource,
)
from ai_sdk_core.tools import Tool, create_provider_tool_factory, tool

pytestmark = pytest.mark.anyio

PNG = GeneratedFile(data=bytes([137, 80, 78, 71, 13, 10, 26, 10]), media_type="image/png")
JPEG = GeneratedFile(data=bytes([255, 216, 255]), media_type="image/jpeg")
SIG = {"testProvider": {"signature": "sig"}}
TOOLS: dict[str, Tool[Any, Any]] = {"testTool": tool(description="A test tool", input_schema={})}


def call(tool_call_id: str = "123", tool_name: str = "testTool", **fields: Any) -> ToolCall:
    return ToolCall(
        tool_call_id=tool_call_id, tool_name=tool_name, input=fields.pop("input", {}), **fields
    )


def call_part(
    tool_call_id: str = "123", tool_name: str = "testTool", **fields: Any
) -> ToolCallPart:
    return ToolCallPart(
        tool_call_id=tool_call_id, tool_name=tool_name, input=fields.pop("input", {}), **fields
    )


async def messages(*content: ContentPart, tools: Any = TOOLS) -> list[Any]:
    return await to_response_messages(content=list(content), tools=tools)


class TestAssistantMessage:
    async def test_text(self) -> None:
        assert await messages(TextOutput(text="Hello, world!")) == [
            AssistantModelMessage(content=[TextPart(text="Hello, world!")])
        ]

    async def test_tool_calls(self) -> None:
        assert await messages(TextOutput(text="Using a tool"), call(provider_metadata=SIG)) == [
            AssistantModelMessage(
                content=[TextPart(text="Using a tool"), call_part(provider_options=SIG)]
            )
        ]

    async def test_custom_parts(self) -> None:
        metadata = {"openai": {"itemId": "cmp_123"}}

        assert await messages(
            CustomOutput(kind="mock-provider.compaction", provider_metadata=metadata), tools=None
        ) == [
            AssistantModelMessage(
                content=[CustomPart(kind="mock-provider.compaction", provider_options=metadata)]
            )
        ]

    async def test_reasoning(self) -> None:
        assert await messages(
            ReasoningOutput(text="redacted-data", provider_metadata={"p": {"isRedacted": True}}),
            ReasoningOutput(text="Thinking text", provider_metadata=SIG),
            TextOutput(text="Final text"),
            tools={},
        ) == [
            AssistantModelMessage(
                content=[
                    ReasoningPart(
                        text="redacted-data", provider_options={"p": {"isRedacted": True}}
                    ),
                    ReasoningPart(text="Thinking text", provider_options=SIG),
                    TextPart(text="Final text"),
                ]
            )
        ]

    async def test_reasoning_files(self) -> None:
        assert await messages(
            ReasoningFileOutput(file=PNG, provider_metadata=SIG),
            TextOutput(text="Here is my analysis"),
            tools={},
        ) == [
            AssistantModelMessage(
                content=[
                    ReasoningFilePart(
                        data="iVBORw0KGgo=", media_type="image/png", provider_options=SIG
                    ),
                    TextPart(text="Here is my analysis"),
                ]
            )
        ]

    async def test_files(self) -> None:
        assert await messages(
            TextOutput(text="Here are images"), FileOutput(file=PNG), FileOutput(file=JPEG)
        ) == [
            AssistantModelMessage(
                content=[
                    TextPart(text="Here are images"),
                    FilePart(data="iVBORw0KGgo=", media_type="image/png"),
                    FilePart(data=JPEG.base64, media_type="image/jpeg"),
                ]
            )
        ]

    async def test_order_of_reasoning_files_text_and_tool_calls(self) -> None:
        assert await messages(
            ReasoningOutput(text="Thinking text", provider_metadata=SIG),
            FileOutput(file=PNG),
            TextOutput(text="Combined response"),
            call(),
        ) == [
            AssistantModelMessage(
                content=[
                    ReasoningPart(text="Thinking text", provider_options=SIG),
                    FilePart(data="iVBORw0KGgo=", media_type="image/png"),
                    TextPart(text="Combined response"),
                    call_part(),
                ]
            )
        ]

    async def test_empty_text_and_sources_are_left_out(self) -> None:
        source = LanguageModelV4UrlSource(id="s1", url="https://example.com")

        assert await messages(TextOutput(text=""), source, call()) == [
            AssistantModelMessage(content=[call_part()])
        ]

    async def test_no_content_no_messages(self) -> None:
        assert await messages(tools={}) == []
        assert await messages(TextOutput(text=""), tools={}) == []

    async def test_text_provider_metadata(self) -> None:
        assert await messages(TextOutput(text="Here is a text", provider_metadata=SIG)) == [
            AssistantModelMessage(content=[TextPart(text="Here is a text", provider_options=SIG)])
        ]

    async def test_pydantic_input_is_sent_as_json(self) -> None:
        class Weather(BaseModel):
            city: str

        assert await messages(call(input=Weather(city="Oslo"))) == [
            AssistantModelMessage(content=[call_part(input={"city": "Oslo"})])
        ]


class TestToolMessage:
    async def test_tool_results(self) -> None:
        assert await messages(
            TextOutput(text="Tool used"),
            call(),
            ToolResult(**_ids(), input={}, output="Tool result"),
        ) == [
            AssistantModelMessage(content=[TextPart(text="Tool used"), call_part()]),
            ToolModelMessage(
                content=[
                    ToolResultPart(
                        **_ids(), output=LanguageModelV4ToolResultOutputText(value="Tool result")
                    )
                ]
            ),
        ]

    async def test_tool_errors_are_error_text(self) -> None:
        assert (await messages(call(), ToolError(**_ids(), input={}, error="Tool error")))[
            1
        ] == ToolModelMessage(
            content=[
                ToolResultPart(
                    **_ids(), output=LanguageModelV4ToolResultOutputErrorText(value="Tool error")
                )
            ]
        )

    async def test_exception_error_text(self) -> None:
        [_, tool_message] = await messages(
            call(), ToolError(**_ids(), input={}, error=RuntimeError("boom"))
        )

        assert tool_message.content[0].output == LanguageModelV4ToolResultOutputErrorText(
            value="RuntimeError: boom"
        )

    async def test_tool_result_provider_metadata(self) -> None:
        [_, tool_message] = await messages(
            call(), ToolResult(**_ids(), input={}, output="x", provider_metadata=SIG)
        )

        assert tool_message.content[0].provider_options == SIG

    async def test_parallel_results_follow_the_call_order(self) -> None:
        tools = {"toolA": tool(input_schema={}), "toolB": tool(input_schema={})}

        [_, tool_message] = await messages(
            TextOutput(text="Using tools"),
            call("call-a", "toolA"),
            call("call-b", "toolB"),
            ToolResult(tool_call_id="call-b", tool_name="toolB", input={}, output="B result"),
            ToolResult(tool_call_id="call-a", tool_name="toolA", input={}, output="A result"),
            tools=tools,
        )

        assert [part.tool_call_id for part in tool_message.content] == ["call-a", "call-b"]

    async def test_results_of_calls_from_earlier_steps_go_last(self) -> None:
        [_, tool_message] = await messages(
            ToolResult(tool_call_id="old-1", tool_name="testTool", input={}, output="1"),
            call("call-a"),
            ToolResult(tool_call_id="old-2", tool_name="testTool", input={}, output="2"),
            ToolResult(tool_call_id="call-a", tool_name="testTool", input={}, output="a"),
        )

        assert [part.tool_call_id for part in tool_message.content] == ["call-a", "old-1", "old-2"]

    async def test_to_model_output_is_used(self) -> None:
        tools = {
            "testTool": tool(
                input_schema={},
                to_model_output=lambda options: LanguageModelV4ToolResultOutputJson(
                    value={"proof": "that toModelOutput is called"}
                ),
            )
        }

        [_, tool_message] = await messages(
            call(), ToolResult(**_ids(), input={}, output="image-base64"), tools=tools
        )

        assert tool_message.content[0].output == LanguageModelV4ToolResultOutputJson(
            value={"proof": "that toModelOutput is called"}
        )


class TestProviderExecutedTools:
    async def test_calls_and_results_stay_in_the_assistant_message(self) -> None:
        web_search = create_provider_tool_factory(id="test.web_search", executed_by_provider=True)()
        query = {"query": "San Francisco major news events June 22 2025"}

        assert await messages(
            TextOutput(text="Let me search."),
            call("srvtoolu_1", "web_search", input=query, provider_executed=True),
            ToolResult(
                tool_call_id="srvtoolu_1",
                tool_name="web_search",
                input=query,
                output=[{"url": "https://patch.com/california/san-francisco/calendar"}],
                provider_executed=True,
            ),
            TextOutput(text="Based on the search results"),
            tools={"web_search": web_search},
        ) == [
            AssistantModelMessage(
                content=[
                    TextPart(text="Let me search."),
                    call_part("srvtoolu_1", "web_search", input=query, provider_executed=True),
                    ToolResultPart(
                        tool_call_id="srvtoolu_1",
                        tool_name="web_search",
                        output=LanguageModelV4ToolResultOutputJson(
                            value=[{"url": "https://patch.com/california/san-francisco/calendar"}]
                        ),
                    ),
                    TextPart(text="Based on the search results"),
                ]
            )
        ]

    async def test_provider_executed_errors_are_error_json(self) -> None:
        [assistant] = await messages(
            call("c1", "mcp", provider_executed=True),
            ToolError(
                tool_call_id="c1",
                tool_name="mcp",
                input={},
                error={"code": "denied"},
                provider_executed=True,
                provider_metadata=SIG,
            ),
            tools={},
        )

        assert assistant.content[1] == ToolResultPart(
            tool_call_id="c1",
            tool_name="mcp",
            output=LanguageModelV4ToolResultOutputErrorJson(value={"code": "denied"}),
            provider_options=SIG,
        )


class TestApprovals:
    async def test_approval_request(self) -> None:
        weather = call("123", "weather", input={"city": "Tokyo"})

        assert await messages(
            TextOutput(text="Let me check the weather"),
            weather,
            ToolApprovalRequestOutput(approval_id="approval-1", tool_call=weather),
        ) == [
            AssistantModelMessage(
                content=[
                    TextPart(text="Let me check the weather"),
                    call_part("123", "weather", input={"city": "Tokyo"}),
                    ToolApprovalRequest(approval_id="approval-1", tool_call_id="123"),
                ]
            )
        ]

    async def test_automatic_and_signed_approval_request(self) -> None:
        weather = call("call-1", "weather")

        [assistant] = await messages(
            weather,
            ToolApprovalRequestOutput(
                approval_id="approval-1", tool_call=weather, is_automatic=True, signature="s"
            ),
        )

        assert assistant.content[1] == ToolApprovalRequest(
            approval_id="approval-1", tool_call_id="call-1", is_automatic=True, signature="s"
        )

    async def test_approval_response_and_result_in_the_tool_message(self) -> None:
        weather = call("call-1", "weather", input={"city": "Tokyo"})

        [_, tool_message] = await messages(
            weather,
            ToolApprovalRequestOutput(
                approval_id="approval-1", tool_call=weather, is_automatic=True
            ),
            ToolApprovalResponseOutput(approval_id="approval-1", approved=True, tool_call=weather),
            ToolResult(
                tool_call_id="call-1",
                tool_name="weather",
                input={"city": "Tokyo"},
                output="72F and sunny",
            ),
        )

        assert tool_message == ToolModelMessage(
            content=[
                ToolApprovalResponse(approval_id="approval-1", approved=True),
                ToolResultPart(
                    tool_call_id="call-1",
                    tool_name="weather",
                    output=LanguageModelV4ToolResultOutputText(value="72F and sunny"),
                ),
            ]
        )

    async def test_denial_adds_an_execution_denied_result(self) -> None:
        weather = call("call-1", "weather")

        [_, tool_message] = await messages(
            weather,
            ToolApprovalRequestOutput(approval_id="approval-1", tool_call=weather),
            ToolApprovalResponseOutput(
                approval_id="approval-1",
                approved=False,
                reason="User denied access",
                tool_call=weather,
            ),
        )

        assert tool_message == ToolModelMessage(
            content=[
                ToolApprovalResponse(
                    approval_id="approval-1", approved=False, reason="User denied access"
                ),
                ToolResultPart(
                    tool_call_id="call-1",
                    tool_name="weather",
                    output=LanguageModelV4ToolResultOutputExecutionDenied(
                        reason="User denied access"
                    ),
                ),
            ]
        )

    async def test_provider_executed_approval_response(self) -> None:
        mcp = call("mcp-call-1", "mcp_tool", provider_executed=True, dynamic=True)

        assert await messages(
            mcp,
            ToolApprovalRequestOutput(approval_id="mcp-approval-1", tool_call=mcp),
            ToolApprovalResponseOutput(
                approval_id="mcp-approval-1", approved=True, provider_executed=True, tool_call=mcp
            ),
            tools={},
        ) == [
            AssistantModelMessage(
                content=[
                    call_part("mcp-call-1", "mcp_tool", provider_executed=True),
                    ToolApprovalRequest(approval_id="mcp-approval-1", tool_call_id="mcp-call-1"),
                ]
            ),
            ToolModelMessage(
                content=[
                    ToolApprovalResponse(
                        approval_id="mcp-approval-1", approved=True, provider_executed=True
                    )
                ]
            ),
        ]


class TestInvalidToolCalls:
    async def test_non_object_input_is_sent_as_an_empty_object(self) -> None:
        assert await messages(
            call(
                "call-1",
                "weather",
                input="{ city: San Francisco, }",
                dynamic=True,
                invalid=True,
                error=ValueError("JSON parsing failed"),
            ),
            ToolError(
                tool_call_id="call-1",
                tool_name="weather",
                input="{ city: San Francisco, }",
                error="Invalid input for tool weather: JSON parsing failed",
                dynamic=True,
            ),
        ) == [
            AssistantModelMessage(content=[call_part("call-1", "weather", input={})]),
            ToolModelMessage(
                content=[
                    ToolResultPart(
                        tool_call_id="call-1",
                        tool_name="weather",
                        output=LanguageModelV4ToolResultOutputErrorText(
                            value="Invalid input for tool weather: JSON parsing failed"
                        ),
                    )
                ]
            ),
        ]

    @pytest.mark.parametrize("input", [{"cities": "San Francisco"}, [1], None])
    async def test_object_input_is_kept(self, input: Any) -> None:
        [assistant] = await messages(
            call("call-1", "weather", input=input, dynamic=True, invalid=True, error="x")
        )

        assert assistant.content[0].input == input


def _ids() -> dict[str, str]:
    return {"tool_call_id": "123", "tool_name": "testTool"}
