"""``embed_sync`` and ``embed_many_sync``: the same calls for code without ``await``.

They run on the SDK's shared background event loop (see ``generate_text_sync``), so they work in
scripts, in threads and inside code that already runs an event loop (a Jupyter cell).
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import ParamSpec, TypeVar

from ai_sdk_core._sync import run_sync

from ._embed import embed
from ._embed_many import embed_many

__all__ = ["embed_many_sync", "embed_sync"]

P = ParamSpec("P")
T = TypeVar("T")


def _blocking(async_fn: Callable[P, Awaitable[T]]) -> Callable[P, T]:
    def call(*args: P.args, **kwargs: P.kwargs) -> T:
        return run_sync(async_fn, *args, **kwargs)

    call.__name__ = f"{async_fn.__name__}_sync"
    call.__qualname__ = call.__name__
    call.__doc__ = f"``{async_fn.__name__}`` for synchronous code: the same arguments and result."
    return call


embed_sync = _blocking(embed)
embed_many_sync = _blocking(embed_many)
