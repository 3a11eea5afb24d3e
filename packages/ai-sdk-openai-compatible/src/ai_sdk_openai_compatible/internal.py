"""Building blocks of the OpenAI-compatible models, for providers that reuse them
(``@ai-sdk/openai-compatible/internal`` in TS)."""

from __future__ import annotations

from ._chat_messages import convert_to_openai_compatible_chat_messages
from ._chat_model import OpenAICompatibleChatConfig
from ._completion_prompt import CompletionPrompt, convert_to_openai_compatible_completion_prompt
from ._finish_reason import map_openai_compatible_finish_reason
from ._prepare_tools import PreparedTools, prepare_tools
from ._provider_options import (
    provider_options_name,
    resolve_provider_options_key,
    to_camel_case,
    warn_if_deprecated_provider_options_key,
)
from ._response_metadata import get_response_metadata
from ._usage import convert_openai_compatible_chat_usage, convert_openai_compatible_completion_usage

__all__ = [
    "convert_to_openai_compatible_chat_messages",
    "convert_to_openai_compatible_completion_prompt",
    "CompletionPrompt",
    "convert_openai_compatible_chat_usage",
    "convert_openai_compatible_completion_usage",
    "map_openai_compatible_finish_reason",
    "get_response_metadata",
    "prepare_tools",
    "PreparedTools",
    "OpenAICompatibleChatConfig",
    "provider_options_name",
    "resolve_provider_options_key",
    "to_camel_case",
    "warn_if_deprecated_provider_options_key",
]
