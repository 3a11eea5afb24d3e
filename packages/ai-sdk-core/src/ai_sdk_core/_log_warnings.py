"""Model warnings go to the ``ai_sdk`` logger (at WARNING level), formatted as TS formats them."""

from __future__ import annotations

from collections.abc import Sequence

from ._callbacks import logger
from .provider._shared import (
    SharedV4CompatibilityWarning,
    SharedV4DeprecatedWarning,
    SharedV4UnsupportedWarning,
    SharedV4Warning,
)

__all__ = ["format_warning", "log_warnings"]


def format_warning(warning: SharedV4Warning, *, provider: str, model: str) -> str:
    """``AI SDK Warning (provider / model): …``."""
    prefix = f"AI SDK Warning ({provider} / {model}):"
    if isinstance(warning, SharedV4UnsupportedWarning):
        message = f'{prefix} The feature "{warning.feature}" is not supported.'
        return f"{message} {warning.details}" if warning.details else message
    if isinstance(warning, SharedV4CompatibilityWarning):
        message = f'{prefix} The feature "{warning.feature}" is used in a compatibility mode.'
        return f"{message} {warning.details}" if warning.details else message
    if isinstance(warning, SharedV4DeprecatedWarning):
        return f'{prefix} Deprecated: "{warning.setting}". {warning.message}'
    return f"{prefix} {warning.message}"


def log_warnings(warnings: Sequence[SharedV4Warning], *, provider: str, model: str) -> None:
    """Log each warning of a call."""
    for warning in warnings:
        logger.warning(format_warning(warning, provider=provider, model=model))
