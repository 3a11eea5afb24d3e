"""The TS names a case uses, mapped to the Python packages. No other per-name knowledge.

- :data:`PROVIDERS`: provider → package, factory, and the factory's method for each model kind
  (the corpus README table "Model kinds"; ``None`` means the provider itself is called).
- :data:`METHODS`: ``call.method`` → Python method (``doGenerate`` → ``do_generate``).
- :data:`OPTIONS`: model kind → call-options type that ``call.options`` decodes to (kinds
  missing here are called without options).
- :func:`python_settings`: settings keys, camelCase → snake_case (``baseURL`` → ``base_url``,
  ``teamIdOrSlug`` → ``team_id_or_slug``) except the names in :data:`SETTING_NAMES`
  (``fetch`` → ``http_client``). Values are passed as they are.
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from ai_sdk_core.provider import (
    EmbeddingModelV4CallOptions,
    LanguageModelV4CallOptions,
    RerankingModelV4CallOptions,
)

__all__ = [
    "METHODS",
    "OPTIONS",
    "PROVIDERS",
    "SETTING_NAMES",
    "ProviderEntry",
    "SetupError",
    "load_factory",
    "python_settings",
]


class SetupError(Exception):
    """The case cannot be run: an unknown name, or a package without what the case needs."""


@dataclass(frozen=True, slots=True)
class ProviderEntry:
    """Where a provider's factory lives, and its method per model kind."""

    module: str
    factory: str
    models: Mapping[str, str | None]


PROVIDERS: Mapping[str, ProviderEntry] = {
    "openai-compatible": ProviderEntry(
        "ai_sdk_openai_compatible",
        "create_openai_compatible",
        {
            "language": "chat_model",
            "completion": "completion_model",
            "embedding": "embedding_model",
        },
    ),
    "groq": ProviderEntry("ai_sdk_groq", "create_groq", {"language": "language_model"}),
    "togetherai": ProviderEntry(
        "ai_sdk_togetherai",
        "create_togetherai",
        {"language": "chat_model", "embedding": "embedding_model", "reranking": "reranking_model"},
    ),
    "gateway": ProviderEntry(
        "ai_sdk_gateway",
        "create_gateway",
        {
            "language": "language_model",
            "embedding": "embedding_model",
            "metadata": None,
            "credits": None,
        },
    ),
}

METHODS: Mapping[str, str] = {
    "doGenerate": "do_generate",
    "doStream": "do_stream",
    "doEmbed": "do_embed",
    "doRerank": "do_rerank",
    "getAvailableModels": "get_available_models",
    "getCredits": "get_credits",
}

OPTIONS: Mapping[str, type[object]] = {
    "language": LanguageModelV4CallOptions,
    "completion": LanguageModelV4CallOptions,
    "embedding": EmbeddingModelV4CallOptions,
    "reranking": RerankingModelV4CallOptions,
}

SETTING_NAMES: Mapping[str, str] = {"fetch": "http_client"}

_WORD_START = re.compile(r"(?<=[a-z0-9])(?=[A-Z])")


def python_settings(settings: Mapping[str, Any]) -> dict[str, Any]:
    """Factory keyword arguments for a case's TS ``settings``."""
    return {
        SETTING_NAMES.get(name) or _WORD_START.sub("_", name).lower(): value
        for name, value in settings.items()
    }


def load_factory(entry: ProviderEntry) -> Callable[..., Any]:
    """The provider factory; :class:`SetupError` when its package is missing or lacks it."""
    try:
        module = importlib.import_module(entry.module)
    except ImportError as error:
        raise SetupError(f"provider package {entry.module} cannot be imported: {error}") from None
    factory = getattr(module, entry.factory, None)
    if not callable(factory):
        raise SetupError(f"provider package {entry.module} has no {entry.factory} (not ported yet)")
    return factory
