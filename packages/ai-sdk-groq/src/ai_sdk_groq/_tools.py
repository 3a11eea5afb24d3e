"""Tools and tool choice in Groq's request format (port of ``groq-prepare-tools.ts``).

Function tools are sent as ``{"type": "function", "function": {…}}``; the browser search tool
as ``{"type": "browser_search"}`` on the models that support it. Other provider tools, and
browser search on other models, are left out with an ``unsupported`` warning.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from ai_sdk_core.provider import (
    LanguageModelV4FunctionTool,
    LanguageModelV4Tool,
    LanguageModelV4ToolChoice,
    LanguageModelV4ToolChoiceTool,
    SharedV4UnsupportedWarning,
    SharedV4Warning,
)

from ._browser_search import browser_search_unsupported_details, is_browser_search_supported_model

__all__ = ["PreparedTools", "prepare_tools"]

_BROWSER_SEARCH_ID = "groq.browser_search"


@dataclass(slots=True, kw_only=True)
class PreparedTools:
    """The ``tools`` and ``tool_choice`` request fields (``None``: not sent), and warnings."""

    tools: list[dict[str, Any]] | None = None
    tool_choice: str | dict[str, Any] | None = None
    tool_warnings: list[SharedV4Warning] = field(default_factory=list[SharedV4Warning])


def _function_tool(tool: LanguageModelV4FunctionTool) -> dict[str, Any]:
    function: dict[str, Any] = {"name": tool.name}
    if tool.description is not None:
        function["description"] = tool.description
    function["parameters"] = tool.input_schema
    if tool.strict is not None:
        function["strict"] = tool.strict
    return {"type": "function", "function": function}


def prepare_tools(
    *,
    tools: Sequence[LanguageModelV4Tool] | None,
    tool_choice: LanguageModelV4ToolChoice | None,
    model_id: str,
) -> PreparedTools:
    """The Groq tools for ``model_id``. No tools (or an empty list) sends neither field."""
    if not tools:
        return PreparedTools()

    warnings: list[SharedV4Warning] = []
    groq_tools: list[dict[str, Any]] = []
    for tool in tools:
        if isinstance(tool, LanguageModelV4FunctionTool):
            groq_tools.append(_function_tool(tool))
        elif tool.id != _BROWSER_SEARCH_ID:
            warnings.append(SharedV4UnsupportedWarning(feature=f"provider-defined tool {tool.id}"))
        elif is_browser_search_supported_model(model_id):
            groq_tools.append({"type": "browser_search"})
        else:
            warnings.append(
                SharedV4UnsupportedWarning(
                    feature=f"provider-defined tool {tool.id}",
                    details=browser_search_unsupported_details(model_id),
                )
            )

    if tool_choice is None:
        choice: str | dict[str, Any] | None = None
    elif isinstance(tool_choice, LanguageModelV4ToolChoiceTool):
        choice = {"type": "function", "function": {"name": tool_choice.tool_name}}
    else:
        choice = tool_choice.type  # "auto", "none" or "required"
    return PreparedTools(tools=groq_tools, tool_choice=choice, tool_warnings=warnings)
