"""Run async code from synchronous code: the machinery behind the ``*_sync`` twins.

One event loop runs in a daemon thread (``ai-sdk-sync``), started on first use and shared by all
sync calls; it is stopped at interpreter exit and started afresh in a forked child. A sync call
blocks only its own thread, so it works in scripts, in worker threads and in code that already
runs an event loop (a Jupyter cell, sync code called from a coroutine). Calling it from a
coroutine or callback running on the shared loop itself raises :class:`RuntimeError` (it would
deadlock): run such sync code in a worker thread (``anyio.to_thread.run_sync``).

Result objects whose properties are awaitables become sync with ``run_sync(lambda: result.text)``
(the lambda runs on the loop), their streams with ``iterate_sync(result.text_stream)``.
"""

from __future__ import annotations

import atexit
import os
import sys
import threading
from collections import deque
from collections.abc import AsyncIterable, Awaitable, Callable, Iterator
from dataclasses import dataclass
from types import TracebackType
from typing import TYPE_CHECKING, Any, Generic, ParamSpec, TypeVar

if TYPE_CHECKING:
    import asyncio

__all__ = ["SyncIterator", "iterate_sync", "run_sync", "shutdown"]

P = ParamSpec("P")
T = TypeVar("T")

_HIGH_WATER = 1024
"""Items a stream's producer reads ahead of a sync consumer before it waits for it."""


@dataclass(frozen=True, slots=True)
class _Running:
    loop: asyncio.AbstractEventLoop
    stop: asyncio.Event
    thread: threading.Thread


class _Portal:
    """The shared background loop: started lazily, stopped at exit, forgotten after fork."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._running: _Running | None = None
        self._hooks_registered = False

    def loop(self) -> asyncio.AbstractEventLoop:
        """The running loop, started if needed; raises when called from the loop's own thread."""
        running = self._running or self._start()
        if running.thread.ident == threading.get_ident():
            raise RuntimeError(
                "a sync AI SDK function was called from the event loop that runs sync calls; "
                "await the async function instead, or run this code in a worker thread"
            )
        return running.loop

    def on_loop_thread(self) -> bool:
        running = self._running
        return running is not None and running.thread.ident == threading.get_ident()

    def _start(self) -> _Running:
        with self._lock:
            if self._running is None:
                started: list[tuple[asyncio.AbstractEventLoop, asyncio.Event]] = []
                ready = threading.Event()
                thread = threading.Thread(
                    target=self._serve, args=(started, ready), name="ai-sdk-sync", daemon=True
                )
                thread.start()
                ready.wait()
                loop, stop = started[0]
                self._running = _Running(loop=loop, stop=stop, thread=thread)
                if not self._hooks_registered:
                    self._hooks_registered = True
                    atexit.register(self.stop)
                    if sys.platform != "win32":
                        os.register_at_fork(after_in_child=self._forget)
            return self._running

    @staticmethod
    def _serve(
        started: list[tuple[asyncio.AbstractEventLoop, asyncio.Event]], ready: threading.Event
    ) -> None:
        import asyncio  # deferred until the first sync call: importing asyncio is not free

        async def serve() -> None:
            stop = asyncio.Event()
            started.append((asyncio.get_running_loop(), stop))
            ready.set()
            await stop.wait()

        # asyncio.run cancels what is left, closes async generators and the default executor
        asyncio.run(serve())

    def stop(self) -> None:
        """Stop the loop and join its thread; the next sync call starts a new one."""
        with self._lock:
            running, self._running = self._running, None
        if running is not None:
            running.loop.call_soon_threadsafe(running.stop.set)
            running.thread.join()

    def _forget(self) -> None:
        # in a forked child the loop's thread does not exist: start anew on the next call
        self._lock = threading.Lock()
        self._running = None


_portal = _Portal()


def shutdown() -> None:
    """Stop the background loop now (it also stops at exit); the next sync call restarts it."""
    _portal.stop()


class _Call(Generic[T]):
    """One ``run_sync`` call: a task on the loop, and the caller waiting for it."""

    __slots__ = ("_args", "_done", "_error", "_fn", "_kwargs", "_task", "_value")

    def __init__(
        self, fn: Callable[..., Awaitable[T]], args: tuple[Any, ...], kwargs: dict[str, Any]
    ) -> None:
        self._fn = fn
        self._args = args
        self._kwargs = kwargs
        self._done = threading.Event()
        self._task: asyncio.Task[None] | None = None
        self._error: BaseException | None = None

    def start(self) -> None:
        import asyncio  # the loop is running, so this is a dictionary lookup

        # on the loop thread
        task = asyncio.get_running_loop().create_task(self._run())
        task.add_done_callback(self._finished)
        self._task = task

    def cancel(self) -> None:
        import asyncio  # the loop is running, so this is a dictionary lookup

        # on the loop thread, after start (callbacks run in the order they were scheduled),
        # or instead of it when the caller was interrupted before scheduling it
        if self._task is None:
            self._error = asyncio.CancelledError()
            self._done.set()
        else:
            self._task.cancel()

    async def _run(self) -> None:
        # every exception goes to the caller: a KeyboardInterrupt must not stop the loop
        try:
            self._value = await self._fn(*self._args, **self._kwargs)
        except BaseException as exc:
            self._error = exc

    def _finished(self, task: asyncio.Task[None]) -> None:
        import asyncio  # the loop is running, so this is a dictionary lookup

        if task.cancelled():  # cancelled before it started to run
            self._error = asyncio.CancelledError()
        self._done.set()

    def wait(self, loop: asyncio.AbstractEventLoop) -> T:
        try:
            loop.call_soon_threadsafe(self.start)
            self._done.wait()
        except BaseException:  # KeyboardInterrupt: cancel, let the coroutine clean up, re-raise
            loop.call_soon_threadsafe(self.cancel)
            self._done.wait()
            raise
        if self._error is not None:
            error, self._error = self._error, None
            raise error
        return self._value


def run_sync(async_fn: Callable[P, Awaitable[T]], /, *args: P.args, **kwargs: P.kwargs) -> T:
    """Run ``await async_fn(*args, **kwargs)`` on the shared loop and return its result.

    ``async_fn`` is called on the loop thread, so ``run_sync(lambda: result.text)`` awaits an
    awaitable attribute there. Exceptions propagate with their type and traceback; an interrupt
    (KeyboardInterrupt) cancels the coroutine and waits for its cleanup before propagating.
    """
    loop = _portal.loop()
    return _Call(async_fn, args, kwargs).wait(loop)


def iterate_sync(source: AsyncIterable[T]) -> SyncIterator[T]:
    """A plain iterator over ``source``, which is iterated on the shared loop."""
    return SyncIterator(source)


_NEW, _RUNNING, _CLOSED = 0, 1, 2


class SyncIterator(Iterator[T]):
    """A synchronous iterator over an async iterable that runs on the shared loop.

    A producer task reads ``source`` ahead (up to a bounded buffer) while the consumer takes
    items; whenever the consumer runs dry it waits for everything available at once, so a
    burst of items costs one thread hop, not one per item. ``batches`` counts those hops.
    Iteration starts on the first ``next()``. ``close()`` (also on ``with`` exit, on an
    exception or interrupt inside ``next()``, and on garbage collection) cancels the producer
    and ``aclose()``s ``source`` before it returns. For one consumer thread at a time.
    """

    def __init__(self, source: AsyncIterable[T]) -> None:
        self._source = source
        self._buffer: deque[T] = deque()
        self._cond = threading.Condition(threading.Lock())
        self._state = _NEW
        self._waiting = False  # the consumer waits (or is about to) for items
        self._resume: asyncio.Event | None = None  # set while the producer waits for room
        self._done = False  # the producer has finished
        self._error: BaseException | None = None
        self._loop: asyncio.AbstractEventLoop | None = None
        self._task: asyncio.Task[None] | None = None
        self.batches = 0

    def __next__(self) -> T:
        if self._buffer:
            return self._buffer.popleft()
        return self._next_batch()

    def __enter__(self) -> SyncIterator[T]:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()

    def __del__(self) -> None:
        if self._state == _RUNNING:
            self.close()

    def close(self) -> None:
        """Stop iterating: cancel the producer and wait until ``source`` is closed."""
        if self._state == _RUNNING and not self._done:
            loop = self._loop
            assert loop is not None
            loop.call_soon_threadsafe(self._cancel)
            if not _portal.on_loop_thread():
                with self._cond:
                    while not self._done:
                        self._cond.wait()
        self._state = _CLOSED
        self._buffer.clear()

    def _next_batch(self) -> T:
        state = self._state
        if state == _CLOSED:
            raise StopIteration
        if state == _NEW:
            self._loop = _portal.loop()
        loop = self._loop
        assert loop is not None
        buffer = self._buffer
        try:
            if state == _NEW:
                self._state = _RUNNING
                loop.call_soon_threadsafe(self._spawn)
            with self._cond:
                while True:
                    self._waiting = True  # before looking: a producer appending now notifies
                    if buffer or self._done:
                        break
                    if self._resume is not None:  # the producer waits for an empty buffer
                        loop.call_soon_threadsafe(self._resume.set)
                        self._resume = None
                    self._cond.wait()
                self._waiting = False
        except BaseException:
            self.close()
            raise
        if buffer:
            self.batches += 1
            return buffer.popleft()
        self._state = _CLOSED
        error, self._error = self._error, None
        if error is not None:
            raise error
        raise StopIteration

    # --- on the loop thread ---

    def _spawn(self) -> None:
        import asyncio  # the loop is running, so this is a dictionary lookup

        task = asyncio.get_running_loop().create_task(self._produce())
        task.add_done_callback(self._produced)
        self._task = task

    def _cancel(self) -> None:
        # runs after _spawn when that was scheduled (callbacks run in order), else instead of it
        if self._task is None:
            self._finish()
        else:
            self._task.cancel()

    async def _produce(self) -> None:
        buffer = self._buffer
        cond = self._cond
        iterator = aiter(self._source)
        try:
            try:
                async for item in iterator:
                    buffer.append(item)
                    if self._waiting:
                        self._waiting = False
                        with cond:
                            cond.notify()
                    if len(buffer) >= _HIGH_WATER:
                        await self._pause()
            finally:
                aclose: Callable[[], Awaitable[object]] | None = getattr(iterator, "aclose", None)
                if aclose is not None:
                    await aclose()
        except BaseException as exc:  # the consumer re-raises it
            self._error = exc

    async def _pause(self) -> None:
        import asyncio  # the loop is running, so this is a dictionary lookup

        with self._cond:
            if len(self._buffer) < _HIGH_WATER:
                return
            resume = self._resume = asyncio.Event()
        await resume.wait()

    def _produced(self, task: asyncio.Task[None]) -> None:
        import asyncio  # the loop is running, so this is a dictionary lookup

        if task.cancelled() and self._error is None:  # cancelled before it started to run
            self._error = asyncio.CancelledError()
        self._finish()

    def _finish(self) -> None:
        with self._cond:
            self._done = True
            self._cond.notify()
