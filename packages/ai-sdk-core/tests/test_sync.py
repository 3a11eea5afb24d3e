"""The machinery behind the ``*_sync`` twins: ``run_sync`` and ``iterate_sync``."""

from __future__ import annotations

import asyncio
import gc
import os
import signal
import subprocess
import sys
import textwrap
import threading
import traceback
from collections.abc import AsyncGenerator
from concurrent.futures import ThreadPoolExecutor

import pytest

from ai_sdk_core._sync import (
    _HIGH_WATER,  # pyright: ignore[reportPrivateUsage]
    iterate_sync,
    run_sync,
    shutdown,
)

needs_sigint = pytest.mark.skipif(
    not hasattr(signal, "pthread_kill")
    or signal.getsignal(signal.SIGINT) is not signal.default_int_handler,
    reason="needs POSIX signals and the default SIGINT handler",
)


class BoomError(Exception):
    pass


async def add(a: int, b: int, *, times: int = 1) -> int:
    await asyncio.sleep(0)
    return (a + b) * times


async def where() -> tuple[asyncio.AbstractEventLoop, threading.Thread]:
    return asyncio.get_running_loop(), threading.current_thread()


async def fail_deep() -> None:
    await asyncio.sleep(0)
    raise BoomError("deep")


async def count_up(n: int) -> AsyncGenerator[int, None]:
    for i in range(n):
        yield i


class Tracked:
    """An endless async stream that records how far it got and whether it was closed."""

    def __init__(self, *, pause_after: int | None = None) -> None:
        self.produced = 0
        self.closed = False
        self.cancelled = False
        self._pause_after = pause_after

    async def stream(self) -> AsyncGenerator[int, None]:
        try:
            while True:
                if self.produced == self._pause_after:
                    await asyncio.Event().wait()  # a response that stalls
                yield self.produced
                self.produced += 1
        except asyncio.CancelledError:
            self.cancelled = True
            raise
        finally:
            self.closed = True


def worker_threads() -> set[threading.Thread]:
    return {thread for thread in threading.enumerate() if thread is not threading.main_thread()}


# --- run_sync ---


def test_run_sync_from_a_plain_function_passes_arguments_and_returns_the_result() -> None:
    assert run_sync(add, 1, 2, times=3) == 9


def test_run_sync_runs_on_one_reused_background_loop() -> None:
    first_loop, first_thread = run_sync(where)
    second_loop, second_thread = run_sync(where)

    assert first_loop is second_loop
    assert first_thread is second_thread
    assert first_thread.name == "ai-sdk-sync"
    assert first_thread.daemon
    assert first_thread is not threading.current_thread()


def test_run_sync_from_many_worker_threads_at_once() -> None:
    def double(i: int) -> int:
        return run_sync(add, i, i)

    def loop_of_call(_: int) -> asyncio.AbstractEventLoop:
        return run_sync(where)[0]

    with ThreadPoolExecutor(max_workers=8) as pool:
        results = list(pool.map(double, range(200)))
        loops = set(pool.map(loop_of_call, range(16)))

    assert results == [2 * i for i in range(200)]
    assert len(loops) == 1


@pytest.mark.anyio
async def test_run_sync_from_sync_code_inside_a_running_event_loop() -> None:
    # e.g. a Jupyter cell, or a sync library function called from a coroutine
    def sync_code() -> tuple[int, asyncio.AbstractEventLoop]:
        loop, _ = run_sync(where)
        return run_sync(add, 20, 1, times=2), loop

    value, loop = sync_code()

    assert value == 42
    assert loop is not asyncio.get_running_loop()


def test_run_sync_awaits_an_awaitable_attribute_on_the_loop() -> None:
    class Result:
        def __init__(self) -> None:
            self.loops: list[asyncio.AbstractEventLoop] = []

        @property
        def text(self) -> asyncio.Future[str]:
            loop = asyncio.get_running_loop()  # only works on the loop thread
            self.loops.append(loop)
            future = loop.create_future()
            loop.call_soon(future.set_result, "hello")
            return future

    result = Result()

    assert run_sync(lambda: result.text) == "hello"
    assert result.loops == [run_sync(where)[0]]


def test_run_sync_propagates_the_exception_with_type_and_traceback() -> None:
    with pytest.raises(BoomError, match="deep") as raised:
        run_sync(fail_deep)

    frames = [frame.name for frame in traceback.extract_tb(raised.value.__traceback__)]
    assert "fail_deep" in frames
    assert run_sync(add, 1, 1) == 2  # the loop survives


def test_a_keyboard_interrupt_raised_by_the_coroutine_reaches_the_caller_not_the_loop() -> None:
    async def interrupt() -> None:
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        run_sync(interrupt)
    assert run_sync(add, 2, 2) == 4


@needs_sigint
def test_ctrl_c_while_waiting_cancels_the_coroutine_and_waits_for_its_cleanup() -> None:
    main = threading.main_thread().ident
    assert main is not None
    events: list[str] = []

    async def hang() -> None:
        try:
            signal.pthread_kill(main, signal.SIGINT)
            await asyncio.Event().wait()
        except asyncio.CancelledError:
            events.append("cancelled")
            raise
        finally:
            await asyncio.sleep(0)  # cleanup that itself awaits, like closing a response
            events.append("cleaned up")

    with pytest.raises(KeyboardInterrupt):
        run_sync(hang)
    assert events == ["cancelled", "cleaned up"]


def test_run_sync_on_the_loop_thread_raises_instead_of_deadlocking() -> None:
    async def nested() -> int:
        return run_sync(add, 1, 2)

    with pytest.raises(RuntimeError, match="worker thread"):
        run_sync(nested)


def test_many_calls_leak_no_threads() -> None:
    run_sync(add, 0, 0)
    before = worker_threads()

    for i in range(300):
        run_sync(add, i, 1)
    for _ in range(50):
        list(iterate_sync(count_up(10)))
        with iterate_sync(Tracked().stream()) as it:
            next(it)

    assert worker_threads() == before


def test_shutdown_stops_the_thread_and_the_next_call_starts_a_new_loop() -> None:
    old_loop, old_thread = run_sync(where)

    shutdown()

    assert not old_thread.is_alive()
    assert old_loop.is_closed()
    new_loop, new_thread = run_sync(where)
    assert new_loop is not old_loop
    assert new_thread.is_alive()


# --- iterate_sync ---


def test_iterate_sync_yields_every_item_in_order() -> None:
    assert list(iterate_sync(count_up(5000))) == list(range(5000))


def test_iterate_sync_moves_items_in_batches_not_one_hop_each() -> None:
    it = iterate_sync(count_up(2000))

    assert sum(it) == sum(range(2000))
    assert 1 <= it.batches <= 20


def test_iterate_sync_starts_the_source_on_the_first_next() -> None:
    tracked = Tracked()
    it = iterate_sync(tracked.stream())

    assert tracked.produced == 0
    assert next(it) == 0
    it.close()


@pytest.mark.anyio
async def test_iterate_sync_inside_a_running_event_loop() -> None:
    def sync_code() -> list[int]:
        return list(iterate_sync(count_up(100)))

    assert sync_code() == list(range(100))


def test_closing_early_cancels_a_waiting_producer_and_runs_its_finally() -> None:
    tracked = Tracked(pause_after=3)
    it = iterate_sync(tracked.stream())

    assert [next(it), next(it), next(it)] == [0, 1, 2]
    it.close()

    assert tracked.closed
    assert tracked.cancelled
    with pytest.raises(StopIteration):
        next(it)


def test_closing_early_closes_a_producer_held_back_by_the_bounded_buffer() -> None:
    tracked = Tracked()  # endless and never awaits: only the buffer bound stops it

    with iterate_sync(tracked.stream()) as it:
        assert next(it) == 0

    assert tracked.closed
    assert tracked.produced <= _HIGH_WATER + 1


def test_breaking_out_of_a_for_loop_and_dropping_the_iterator_closes_the_source() -> None:
    tracked = Tracked(pause_after=10)

    for item in iterate_sync(tracked.stream()):
        if item == 5:
            break
    gc.collect()

    assert tracked.closed


def test_an_error_in_the_source_arrives_after_the_items_before_it() -> None:
    async def fail_after_two() -> AsyncGenerator[int, None]:
        yield 1
        yield 2
        await fail_deep()

    it = iterate_sync(fail_after_two())

    assert next(it) == 1
    assert next(it) == 2
    with pytest.raises(BoomError) as raised:
        next(it)
    assert "fail_deep" in [frame.name for frame in traceback.extract_tb(raised.value.__traceback__)]
    with pytest.raises(StopIteration):
        next(it)


@needs_sigint
def test_ctrl_c_while_waiting_for_items_cancels_the_producer() -> None:
    main = threading.main_thread().ident
    assert main is not None
    tracked = Tracked(pause_after=0)

    async def interrupted() -> AsyncGenerator[int, None]:
        signal.pthread_kill(main, signal.SIGINT)
        async for item in tracked.stream():
            yield item

    it = iterate_sync(interrupted())
    with pytest.raises(KeyboardInterrupt):
        next(it)

    assert tracked.cancelled
    assert tracked.closed


def test_closing_before_the_first_item_does_not_touch_the_source() -> None:
    tracked = Tracked()
    it = iterate_sync(tracked.stream())

    it.close()

    assert list(it) == []
    assert tracked.produced == 0


def test_iterate_sync_from_worker_threads_at_once() -> None:
    def consume(n: int) -> list[int]:
        return list(iterate_sync(count_up(n)))

    with ThreadPoolExecutor(max_workers=8) as pool:
        results = list(pool.map(consume, range(0, 800, 25)))

    assert results == [list(range(n)) for n in range(0, 800, 25)]


def test_iterate_sync_on_the_loop_thread_raises_instead_of_deadlocking() -> None:
    async def nested() -> list[int]:
        return list(iterate_sync(count_up(3)))

    with pytest.raises(RuntimeError, match="worker thread"):
        run_sync(nested)


# --- process lifecycle (fresh interpreters) ---


def run_script(source: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", textwrap.dedent(source)],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


def test_an_open_stream_is_closed_at_interpreter_exit() -> None:
    completed = run_script(
        """
        import asyncio
        from ai_sdk_core._sync import iterate_sync

        async def numbers():
            try:
                i = 0
                while True:
                    yield i
                    i += 1
                    await asyncio.sleep(0)
            finally:
                print("closed", flush=True)

        it = iterate_sync(numbers())
        print(next(it), flush=True)
        """
    )

    assert completed.returncode == 0, completed.stderr
    assert completed.stdout.split() == ["0", "closed"]
    assert completed.stderr == ""


def test_importing_starts_nothing_and_the_first_call_starts_one_thread() -> None:
    completed = run_script(
        """
        import threading
        from ai_sdk_core import _sync
        import ai_sdk_core.testing
        before = threading.active_count()
        async def one():
            return 1
        _sync.run_sync(one)
        print(before, threading.active_count())
        """
    )

    assert completed.returncode == 0, completed.stderr
    assert completed.stdout.split() == ["1", "2"]


@pytest.mark.skipif(not hasattr(os, "fork"), reason="needs os.fork")
def test_a_forked_child_starts_its_own_loop() -> None:
    completed = run_script(
        """
        import asyncio, os
        from ai_sdk_core._sync import run_sync

        async def pid():
            await asyncio.sleep(0)
            return os.getpid()

        assert run_sync(pid) == os.getpid()
        child = os.fork()
        if child == 0:
            code = 1
            try:
                code = 0 if run_sync(pid) == os.getpid() else 2
            finally:
                os._exit(code)
        _, status = os.waitpid(child, 0)
        print(os.waitstatus_to_exitcode(status), run_sync(pid) == os.getpid())
        """
    )

    assert completed.returncode == 0, completed.stderr
    assert completed.stdout.split() == ["0", "True"]
