"""Tools: definitions, parsing and execution of tool calls."""

from __future__ import annotations

from . import _factory, _parse_tool_call, _tool
from ._factory import *  # noqa: F403
from ._parse_tool_call import *  # noqa: F403
from ._tool import *  # noqa: F403

__all__: list[str] = []
__all__ += _tool.__all__
__all__ += _factory.__all__
__all__ += _parse_tool_call.__all__
