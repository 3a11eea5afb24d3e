"""Tools: definitions, parsing and execution of tool calls."""

from __future__ import annotations

from . import _tool
from ._tool import *  # noqa: F403

__all__: list[str] = []
__all__ += _tool.__all__
