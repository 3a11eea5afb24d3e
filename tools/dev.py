#!/usr/bin/env python3
"""One command for a fresh machine with only Python 3.11+: ``python3 tools/dev.py test``.

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
import venv
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BOOTSTRAP = ROOT / ".nox" / ".uv-bootstrap"


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


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    if not args or args[0] not in {"test", "uv"}:
        print(__doc__, file=sys.stderr)
        return 2
    uv = find_or_install_uv()
    if args[0] == "uv":
        print(uv)
        return 0
    env = dict(os.environ, UV=uv)
    env["PATH"] = os.pathsep.join([str(Path(uv).parent), env.get("PATH", "")])
    command = [uv, "run", "--frozen", "nox", *args[1:]]
    print(f"dev: {' '.join(command)}", file=sys.stderr, flush=True)
    return subprocess.run(command, cwd=ROOT, env=env, check=False).returncode


if __name__ == "__main__":
    sys.exit(main())
