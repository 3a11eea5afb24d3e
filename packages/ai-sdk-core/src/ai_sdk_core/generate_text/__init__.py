"""Text generation: ``generate_text``, ``stream_text``, their sync twins and their results."""

from __future__ import annotations

from .. import _content  # noqa: TID252 - content types live below tools, which need them
from .._content import *  # noqa: F403, TID252
from . import (
    _generate_text,
    _output,
    _prepare_step,
    _results,
    _smooth_stream,
    _step_result,
    _stop_condition,
    _stream_parts,
    _stream_text,
    _sync_twins,
    _timeout,
)
from ._generate_text import *  # noqa: F403
from ._output import *  # noqa: F403
from ._prepare_step import *  # noqa: F403
from ._results import *  # noqa: F403
from ._smooth_stream import *  # noqa: F403
from ._step_result import *  # noqa: F403
from ._steps import (
    ToolExecutionEndEvent as ToolExecutionEndEvent,
    ToolExecutionStartEvent as ToolExecutionStartEvent,
)
from ._stop_condition import *  # noqa: F403
from ._stream_parts import *  # noqa: F403
from ._stream_text import *  # noqa: F403
from ._stream_text_result import StreamTextResult as StreamTextResult
from ._sync_twins import *  # noqa: F403
from ._timeout import *  # noqa: F403

__all__: list[str] = ["StreamTextResult", "ToolExecutionEndEvent", "ToolExecutionStartEvent"]
__all__ += _generate_text.__all__
__all__ += _stream_text.__all__
__all__ += _sync_twins.__all__
__all__ += _results.__all__
__all__ += _content.__all__
__all__ += _step_result.__all__
__all__ += _stream_parts.__all__
__all__ += _output.__all__
__all__ += _smooth_stream.__all__
__all__ += _stop_condition.__all__
__all__ += _prepare_step.__all__
__all__ += _timeout.__all__
