"""Prompts: the messages users write, and their conversion to the provider prompt."""

from __future__ import annotations

from . import (
    _call_options,
    _convert,
    _download,
    _media_type,
    _messages,
    _prepare_tools,
    _standardize,
)
from ._call_options import *  # noqa: F403
from ._convert import *  # noqa: F403
from ._download import *  # noqa: F403
from ._media_type import *  # noqa: F403
from ._messages import *  # noqa: F403
from ._prepare_tools import *  # noqa: F403
from ._standardize import *  # noqa: F403

__all__: list[str] = []
__all__ += _messages.__all__
__all__ += _standardize.__all__
__all__ += _convert.__all__
__all__ += _download.__all__
__all__ += _media_type.__all__
__all__ += _call_options.__all__
__all__ += _prepare_tools.__all__
