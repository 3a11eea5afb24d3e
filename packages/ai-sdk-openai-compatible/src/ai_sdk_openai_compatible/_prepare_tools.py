"""Tools and tool choice in the OpenAI chat format (port of ``openai-compatible-prepare-tools.ts``)."""

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

__all__ = ["PreparedTools", "prepare_tools"]


@dataclass(slots=True, kw_only=True)
class PreparedTools:
    """The ``tools`` and ``tool_choice`` request fields (``None`` to leave them out), and the
    warnings for tools that cannot be sent."""

    tools: list[dict[str, Any]] | None = None
    tool_choice: str | dict[str, Any] | None = None
    tool_warnings: list[SharedV4Warning] = field(default_factory=list[SharedV4Warning])


def prepare_tools(
    *,
    tools: Sequence[LanguageModelV4Tool] | None,
    tool_choice: LanguageModelV4ToolChoice | None = None,
) -> PreparedTools:
    """Function tools as ``{"type": "function", "function": {…}}``; provider tools are dropped
    with an ``unsupported`` warning. No tools (or an empty list) sends neither field."""
    if not tools:
        return PreparedTools()

    warnings: list[SharedV4Warning] = []
    openai_tools: list[dict[str, Any]] = []
    for tool in tools:
        if isinstance(tool, LanguageModelV4FunctionTool):
            function: dict[str, Any] = {"name": tool.name}
            if tool.description is not None:
                function["description"] = tool.description
            function["parameters"] = tool.input_schema
            if tool.strict is not None:
                function["strict"] = tool.strict
            openai_tools.append({"type": "function", "function": function})
        else:
            warnings.append(SharedV4UnsupportedWarning(feature=f"provider-defined tool {tool.id}"))

    if tool_choice is None:
        return PreparedTools(tools=openai_tools, tool_warnings=warnings)
    if isinstance(tool_choice, LanguageModelV4ToolChoiceTool):
        choice: str | dict[str, Any] = {
            "type": "function",
            "function": {"name": tool_choice.tool_name},
        }
    else:
        choice = tool_choice.type
    return PreparedTools(tools=openai_tools, tool_choice=choice, tool_warnings=warnings)
