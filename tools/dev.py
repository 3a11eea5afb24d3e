#!/usr/bin/env python3
"""Two commands for a fresh machine with only Python 3.11+: ``python3 tools/dev.py demo`` and
``python3 tools/dev.py test``.

``demo [DEMO ARGS...]``  the SDK against a real model: make sure uv is there, sync an environment
                        with every package (``.nox/demo``), build llama.cpp's llama-server and fetch
                        SmolLM2-135M (``tools/local_llm.py``; only the first run builds: about 6-10
                        minutes on 2 cores), start it on 127.0.0.1, run ``examples/demo.py`` against
                        it and stop it. ``--provider groq|togetherai|gateway`` runs the demo against
                        that provider instead (``GROQ_API_KEY``, ``TOGETHER_API_KEY`` or
                        ``AI_GATEWAY_API_KEY`` set); ``--base-url URL`` against a server of yours.
``test [NOX ARGS...]``  make sure uv is there, then ``uv run --frozen nox [NOX ARGS...]``
                        (no arguments: the default sessions, i.e. the whole test suite).
``uv``                  make sure uv is there and print its path.

uv is taken from ``$UV``, then ``PATH``, then a ``uv`` package importable by this Python;
failing those it is installed with pip: into the active virtual environment, else with
``--user``, else (for an externally managed Python) into ``.nox/.uv-bootstrap``.
Standard library only.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
import venv
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BOOTSTRAP = ROOT / ".nox" / ".uv-bootstrap"
DEMO_ENVIRONMENT = ROOT / ".nox" / "demo"


def _uv_of(python: str) -> str | None:
    """The uv binary that the ``uv`` package of ``python`` provides, if any."""
    found = subprocess.run(
        [python, "-c", "import uv; print(uv.find_uv_bin())"],
        capture_output=True,
        text=True,
        check=False,
    )
    path = found.stdout.strip()
    return path if found.returncode == 0 and path and os.access(path, os.X_OK) else None


def _pip_install_uv(python: str, *options: str) -> str | None:
    command = [
        python,
        "-m",
        "pip",
        "install",
        "--quiet",
        "--disable-pip-version-check",
        *options,
        "uv",
    ]
    print(f"dev: {' '.join(command)}", file=sys.stderr)
    if subprocess.run(command, check=False).returncode != 0:
        return None
    return _uv_of(python)


def find_or_install_uv() -> str:
    """Path of a working uv binary, installing uv with pip when there is none."""
    for candidate in (os.environ.get("UV"), shutil.which("uv")):
        if candidate and shutil.which(candidate):
            return candidate
    for python in (sys.executable, str(BOOTSTRAP / "bin" / "python")):
        if Path(python).exists() and (found := _uv_of(python)):
            return found
    in_venv = sys.prefix != sys.base_prefix
    if found := _pip_install_uv(sys.executable, *(() if in_venv else ("--user",))):
        return found
    if not in_venv:  # e.g. an externally managed system Python: use a private environment
        print(f"dev: installing uv into {BOOTSTRAP}", file=sys.stderr)
        venv.create(BOOTSTRAP, with_pip=True, clear=True)
        if found := _pip_install_uv(str(BOOTSTRAP / "bin" / "python")):
            return found
    raise SystemExit("dev: could not install uv; install it by hand (https://docs.astral.sh/uv/)")


def _option(args: Sequence[str], name: str) -> str | None:
    """The value of ``--name VALUE`` or ``--name=VALUE`` in ``args``."""
    for index, arg in enumerate(args):
        if arg == name and index + 1 < len(args):
            return args[index + 1]
        if arg.startswith(f"{name}="):
            return arg.partition("=")[2]
    return None


def demo(uv: str, args: Sequence[str]) -> int:
    """Sync the demo environment, start the local model (unless another target is given) and
    run ``examples/demo.py`` with ``args``."""
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    import local_llm

    started = time.monotonic()
    local = (_option(args, "--provider") or "local") == "local" and not _option(args, "--base-url")
    if local:  # first, as only the first run builds (it says how long that takes)
        try:
            local_llm.prepare()
        except local_llm.LocalLLMError as error:
            print(f"dev: {error}", file=sys.stderr)
            return 1
    env = dict(os.environ, UV=uv, UV_PROJECT_ENVIRONMENT=str(DEMO_ENVIRONMENT))
    sync = [uv, "sync", "--frozen", "--all-packages", "--all-extras", "--no-default-groups"]
    print(f"dev: {' '.join(sync)} (into {DEMO_ENVIRONMENT})", file=sys.stderr, flush=True)
    synced = subprocess.run([*sync, "--quiet"], cwd=ROOT, env=env, check=False)
    if synced.returncode != 0:
        return synced.returncode
    command = [str(DEMO_ENVIRONMENT / "bin" / "python"), str(ROOT / "examples" / "demo.py"), *args]
    if not local:
        return subprocess.run(command, cwd=ROOT, check=False).returncode
    try:
        with local_llm.start() as server:
            print(
                f"dev: llama-server (pid {server.pid}) serves {server.model!r} at "
                f"{server.base_url}, ready after {time.monotonic() - started:.1f} s",
                file=sys.stderr,
                flush=True,
            )
            command += ["--base-url", server.base_url]
            return subprocess.run(command, cwd=ROOT, check=False).returncode
    except local_llm.LocalLLMError as error:
        print(f"dev: {error}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    if not args or args[0] not in {"demo", "test", "uv"}:
        print(__doc__, file=sys.stderr)
        return 2
    uv = find_or_install_uv()
    if args[0] == "uv":
        print(uv)
        return 0
    if args[0] == "demo":
        return demo(uv, args[1:])
    env = dict(os.environ, UV=uv)
    env["PATH"] = os.pathsep.join([str(Path(uv).parent), env.get("PATH", "")])
    command = [uv, "run", "--frozen", "nox", *args[1:]]
    print(f"dev: {' '.join(command)}", file=sys.stderr, flush=True)
    return subprocess.run(command, cwd=ROOT, env=env, check=False).returncode


if __name__ == "__main__":
    sys.exit(main())
