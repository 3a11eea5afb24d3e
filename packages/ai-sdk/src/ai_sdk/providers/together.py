"""Deprecated: the old name of :mod:`ai_sdk.providers.togetherai`, which it re-exports."""

from __future__ import annotations

import warnings

from . import togetherai as _togetherai
from .togetherai import *  # noqa: F403

__all__: list[str] = []
__all__ += _togetherai.__all__

warnings.warn(
    "ai_sdk.providers.together is deprecated; import ai_sdk.providers.togetherai instead",
    DeprecationWarning,
    stacklevel=2,
)
