"""Prompts: the messages users write, and their conversion to the provider prompt."""

from __future__ import annotations

from . import _messages
from ._messages import *  # noqa: F403

__all__: list[str] = []
__all__ += _messages.__all__
