"""Calling user callbacks: sync or async, and never allowed to break the call.

A callback that raises is logged (logger ``ai_sdk``) and otherwise ignored, as TS ``notify``
does; the generation goes on.
"""

from __future__ import annotations

import inspect
import logging
from collections.abc import Callable
from typing import Any, TypeVar

__all__ = ["Callback", "logger", "notify"]

logger = logging.getLogger("ai_sdk")

EventT = TypeVar("EventT")

Callback = Callable[[EventT], Any]
"""A function of one event; it may be a coroutine function."""


async def notify(event: EventT, *callbacks: Callable[[EventT], Any] | None) -> None:
    """Call each callback with ``event`` in turn; log and swallow what they raise."""
    for callback in callbacks:
        if callback is None:
            continue
        try:
            result = callback(event)
            if inspect.isawaitable(result):
                await result
        except Exception:
            logger.exception("callback %r raised; the call continues", callback)
