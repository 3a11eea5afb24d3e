"""The chat model's provider options (port of ``openai-compatible-chat-language-model-options.ts``).

Pass them under the provider's camelCase name (``provider_options={"myProvider": {…}}``),
or ``"openaiCompatible"``. Keys are the TS (camelCase) names. Under the provider's own name,
every other key is sent as it is in the request body.
"""

from __future__ import annotations

from typing_extensions import TypedDict

__all__ = ["CHAT_OPTION_KEYS", "OpenAICompatibleLanguageModelChatOptions"]


class OpenAICompatibleLanguageModelChatOptions(TypedDict, total=False):
    """Options of OpenAI-compatible chat models."""

    user: str
    """A unique id of your end user, which can help the provider detect abuse."""

    reasoningEffort: str | None
    """Reasoning effort for reasoning models (``reasoning_effort``); wins over the top-level
    ``reasoning`` call option."""

    textVerbosity: str
    """How verbose the text should be (``verbosity``)."""

    strictJsonSchema: bool
    """Whether a JSON schema response format is ``strict`` (default ``True``). Only used when
    the provider supports structured outputs and a schema is given."""


CHAT_OPTION_KEYS = (
    OpenAICompatibleLanguageModelChatOptions.__required_keys__
    | OpenAICompatibleLanguageModelChatOptions.__optional_keys__
)
"""The option keys the chat model reads itself; other keys are passed through."""
