"""Text generation: ``generate_text``, ``stream_text`` and their results."""

from __future__ import annotations

from . import _content, _step_result, _stream_parts
from ._content import *  # noqa: F403
from ._step_result import *  # noqa: F403
from ._stream_parts import *  # noqa: F403

__all__: list[str] = []
__all__ += _content.__all__
__all__ += _step_result.__all__
__all__ += _stream_parts.__all__
