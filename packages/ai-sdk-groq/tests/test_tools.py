"""Tools, tool choice and browser search gating (ports of groq-prepare-tools.test.ts, and
browser search end to end)."""

from __future__ import annotations

from typing import Any

import pytest

from ai_sdk_core.provider import (
    LanguageModelV4CallOptions,
    LanguageModelV4FunctionTool,
    LanguageModelV4ProviderTool,
    LanguageModelV4TextPart,
    LanguageModelV4ToolChoiceAuto,
    LanguageModelV4ToolChoiceNone,
    LanguageModelV4ToolChoiceRequired,
    LanguageModelV4ToolChoiceTool,
    LanguageModelV4UserMessage,
)
from ai_sdk_core.wire import to_wire
from ai_sdk_groq import BROWSER_SEARCH_SUPPORTED_MODELS, browser_search, create_groq, groq
from ai_sdk_groq._tools import prepare_tools

SCHEMA = {"type": "object", "properties": {}}
FUNCTION = LanguageModelV4FunctionTool(name="testFunction", description="Test", input_schema=SCHEMA)
BROWSER_SEARCH = LanguageModelV4ProviderTool(
    id="groq.browser_search", name="browser_search", args={}
)
UNSUPPORTED_DETAILS = (
    "Browser search is only supported on the following models: openai/gpt-oss-20b, "
    "openai/gpt-oss-120b. Current model: {model}"
)


@pytest.mark.parametrize("tools", [None, []])
def test_no_tools_sends_neither_field(tools: list[Any] | None) -> None:
    prepared = prepare_tools(
        tools=tools, tool_choice=LanguageModelV4ToolChoiceAuto(), model_id="gemma2-9b-it"
    )
    assert (prepared.tools, prepared.tool_choice, prepared.tool_warnings) == (None, None, [])


def test_function_tools() -> None:
    prepared = prepare_tools(tools=[FUNCTION], tool_choice=None, model_id="gemma2-9b-it")
    assert prepared.tools == [
        {
            "type": "function",
            "function": {"name": "testFunction", "description": "Test", "parameters": SCHEMA},
        }
    ]
    assert prepared.tool_choice is None
    assert prepared.tool_warnings == []


@pytest.mark.parametrize(
    ("choice", "expected"),
    [
        (LanguageModelV4ToolChoiceAuto(), "auto"),
        (LanguageModelV4ToolChoiceNone(), "none"),
        (LanguageModelV4ToolChoiceRequired(), "required"),
        (
            LanguageModelV4ToolChoiceTool(tool_name="testFunction"),
            {"type": "function", "function": {"name": "testFunction"}},
        ),
    ],
)
def test_tool_choice(choice: Any, expected: object) -> None:
    prepared = prepare_tools(tools=[FUNCTION], tool_choice=choice, model_id="gemma2-9b-it")
    assert prepared.tool_choice == expected


def test_strict_is_sent_only_when_set() -> None:
    prepared = prepare_tools(
        tools=[
            LanguageModelV4FunctionTool(name="a", input_schema=SCHEMA, strict=True),
            LanguageModelV4FunctionTool(name="b", input_schema=SCHEMA, strict=False),
            LanguageModelV4FunctionTool(name="c", input_schema=SCHEMA),
        ],
        tool_choice=None,
        model_id="gemma2-9b-it",
    )
    assert [tool["function"].get("strict") for tool in prepared.tools or []] == [True, False, None]
    assert "strict" not in (prepared.tools or [])[2]["function"]


def test_other_provider_tools_are_unsupported() -> None:
    prepared = prepare_tools(
        tools=[LanguageModelV4ProviderTool(id="openai.file_search", name="fs", args={})],
        tool_choice=None,
        model_id="openai/gpt-oss-120b",
    )
    assert prepared.tools == []
    assert to_wire(prepared.tool_warnings) == [
        {"type": "unsupported", "feature": "provider-defined tool openai.file_search"}
    ]


@pytest.mark.parametrize("model_id", ["openai/gpt-oss-20b", "openai/gpt-oss-120b"])
def test_browser_search_on_supported_models(model_id: str) -> None:
    prepared = prepare_tools(
        tools=[BROWSER_SEARCH, FUNCTION],
        tool_choice=LanguageModelV4ToolChoiceRequired(),
        model_id=model_id,
    )
    assert prepared.tools == [
        {"type": "browser_search"},
        {
            "type": "function",
            "function": {"name": "testFunction", "description": "Test", "parameters": SCHEMA},
        },
    ]
    assert prepared.tool_choice == "required"
    assert prepared.tool_warnings == []


@pytest.mark.parametrize(
    "model_id", ["gemma2-9b-it", "llama-3.3-70b-versatile", "openai/gpt-oss-safeguard-20b", ""]
)
def test_browser_search_elsewhere_is_left_out_with_a_warning(model_id: str) -> None:
    prepared = prepare_tools(tools=[FUNCTION, BROWSER_SEARCH], tool_choice=None, model_id=model_id)
    assert [tool["type"] for tool in prepared.tools or []] == ["function"]
    assert to_wire(prepared.tool_warnings) == [
        {
            "type": "unsupported",
            "feature": "provider-defined tool groq.browser_search",
            "details": UNSUPPORTED_DETAILS.format(model=model_id),
        }
    ]


def test_the_supported_models() -> None:
    assert BROWSER_SEARCH_SUPPORTED_MODELS == ("openai/gpt-oss-20b", "openai/gpt-oss-120b")


def test_the_browser_search_tool() -> None:
    tool = groq.tools.browser_search()
    assert (tool.type, tool.id, tool.args, tool.is_provider_executed) == (
        "provider",
        "groq.browser_search",
        {},
        True,
    )
    assert tool.execute is None
    assert browser_search().id == "groq.browser_search"
    assert create_groq().tools.browser_search().id == "groq.browser_search"


@pytest.mark.anyio
@pytest.mark.parametrize(
    ("model_id", "sent", "warned"),
    [
        ("openai/gpt-oss-120b", [{"type": "browser_search"}], False),
        ("qwen/qwen3-32b", [], True),  # as in TS, the (now empty) list is still sent
    ],
)
async def test_browser_search_request(
    api: Any, model_id: str, sent: list[dict[str, str]], warned: bool
) -> None:
    api.json({"choices": [{"index": 0, "message": {"content": "ok"}, "finish_reason": "stop"}]})
    model = create_groq(api_key="k")(model_id)

    result = await model.do_generate(
        LanguageModelV4CallOptions(
            prompt=[LanguageModelV4UserMessage(content=[LanguageModelV4TextPart(text="News?")])],
            tools=[BROWSER_SEARCH],
        )
    )

    assert api.request_json["tools"] == sent
    assert [warning.type for warning in result.warnings] == (["unsupported"] if warned else [])
