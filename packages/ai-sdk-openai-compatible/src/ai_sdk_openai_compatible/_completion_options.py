"""The completion model's provider options (port of
``openai-compatible-completion-language-model-options.ts``).

Read under the provider's camelCase name (or its raw name, deprecated). Every key under those
names is also copied into the request body as it is.
"""

from __future__ import annotations

from typing_extensions import TypedDict

__all__ = ["OpenAICompatibleLanguageModelCompletionOptions"]


class OpenAICompatibleLanguageModelCompletionOptions(TypedDict, total=False):
    """Options of OpenAI-compatible completion models."""

    echo: bool
    """Echo back the prompt in addition to the completion."""

    logitBias: dict[str, float]
    """Token id → bias from -100 to 100 (``logit_bias``)."""

    suffix: str
    """The text that comes after the completion (for insertion)."""

    user: str
    """A unique id of your end user, which can help the provider detect abuse."""
