"""Which ``provider_options`` keys a model reads, and the warning for the deprecated ones.

Port of ``utils/to-camel-case.ts``. A model whose provider id is ``"test-provider.chat"`` reads
its options under ``"test-provider"`` (the raw name, deprecated) and ``"testProvider"`` (its
camelCase form), and reports provider metadata under the key the caller used.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from ai_sdk_core.provider import SharedV4DeprecatedWarning, SharedV4Warning

__all__ = [
    "provider_options_name",
    "resolve_provider_options_key",
    "to_camel_case",
    "warn_if_deprecated_provider_options_key",
]

_SEPARATED_LOWER = re.compile(r"[_-]([a-z])")


def to_camel_case(name: str) -> str:
    """``test-provider`` → ``testProvider``; ``my_provider`` → ``myProvider``."""
    return _SEPARATED_LOWER.sub(lambda match: match.group(1).upper(), name)


def provider_options_name(provider: str) -> str:
    """The provider name in a model's provider id: ``"test-provider.chat"`` → ``"test-provider"``."""
    return provider.split(".")[0].strip()


def resolve_provider_options_key(raw_name: str, provider_options: Mapping[str, Any] | None) -> str:
    """The provider metadata key: the camelCase name when the caller used it, else ``raw_name``."""
    camel_name = to_camel_case(raw_name)
    if (
        camel_name != raw_name
        and provider_options is not None
        and provider_options.get(camel_name) is not None
    ):
        return camel_name
    return raw_name


def warn_if_deprecated_provider_options_key(
    *,
    raw_name: str,
    provider_options: Mapping[str, Any] | None,
    warnings: list[SharedV4Warning],
) -> None:
    """Append a ``deprecated`` warning when options were passed under the raw (non-camelCase) name."""
    camel_name = to_camel_case(raw_name)
    if (
        camel_name != raw_name
        and provider_options is not None
        and provider_options.get(raw_name) is not None
    ):
        warnings.append(
            SharedV4DeprecatedWarning(
                setting=f"providerOptions key '{raw_name}'", message=f"Use '{camel_name}' instead."
            )
        )
