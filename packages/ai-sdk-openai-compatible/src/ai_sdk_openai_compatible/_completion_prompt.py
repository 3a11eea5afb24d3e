"""A chat prompt as one text prompt for the completions endpoint (port of
``convert-to-openai-compatible-completion-prompt.ts``)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from ai_sdk_core.errors import InvalidPromptError, UnsupportedFunctionalityError
from ai_sdk_core.provider import (
    LanguageModelV4AssistantMessage,
    LanguageModelV4Message,
    LanguageModelV4SystemMessage,
    LanguageModelV4ToolCallPart,
    LanguageModelV4UserMessage,
)

__all__ = ["CompletionPrompt", "convert_to_openai_compatible_completion_prompt"]


@dataclass(slots=True, frozen=True, kw_only=True)
class CompletionPrompt:
    """The prompt text, and the stop sequence that ends the assistant's turn."""

    prompt: str
    stop_sequences: list[str]


def convert_to_openai_compatible_completion_prompt(
    prompt: Sequence[LanguageModelV4Message], *, user: str = "user", assistant: str = "assistant"
) -> CompletionPrompt:
    """``"<system>\\n\\nuser:\\n<text>\\n\\nassistant:\\n<text>\\n\\n…assistant:\\n"``.

    Only a leading system message is allowed (:class:`InvalidPromptError` otherwise); tool calls
    and tool messages raise :class:`UnsupportedFunctionalityError`; files are left out.
    """
    text = ""
    messages = list(prompt)
    if messages and isinstance(messages[0], LanguageModelV4SystemMessage):
        text += f"{messages[0].content}\n\n"
        messages = messages[1:]

    for message in messages:
        if isinstance(message, LanguageModelV4SystemMessage):
            raise InvalidPromptError(
                f"Unexpected system message in prompt: {message.content}", prompt=messages
            )
        if isinstance(message, LanguageModelV4UserMessage):
            user_text = "".join(part.text for part in message.content if part.type == "text")
            text += f"{user}:\n{user_text}\n\n"
        elif isinstance(message, LanguageModelV4AssistantMessage):
            pieces: list[str] = []
            for part in message.content:
                if part.type == "text":
                    pieces.append(part.text)
                elif isinstance(part, LanguageModelV4ToolCallPart):
                    raise UnsupportedFunctionalityError(functionality="tool-call messages")
            text += f"{assistant}:\n{''.join(pieces)}\n\n"
        else:
            raise UnsupportedFunctionalityError(functionality="tool messages")

    text += f"{assistant}:\n"
    return CompletionPrompt(prompt=text, stop_sequences=[f"\n{user}:"])
