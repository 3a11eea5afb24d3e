"""tools/dev.py: usage, and how it hands over to uv and nox."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from pathlib import Path

DEV = Path(__file__).resolve().parents[1] / "dev.py"


def run_dev(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(DEV), *args], capture_output=True, text=True, env=env, check=False
    )


def fake_uv(directory: Path) -> Path:
    """A stand-in uv that reports its arguments, PATH and UV instead of running anything."""
    uv = directory / "uv"
    uv.write_text('#!/bin/sh\necho "args: $*"\necho "PATH: $PATH"\necho "UV: $UV"\nexit 3\n')
    uv.chmod(uv.stat().st_mode | stat.S_IEXEC)
    return uv


def test_without_a_command_it_prints_usage() -> None:
    result = run_dev(env=dict(os.environ))
    assert result.returncode == 2
    assert "python3 tools/dev.py test" in result.stderr


def test_test_runs_nox_through_uv_and_passes_arguments(tmp_path: Path) -> None:
    uv = fake_uv(tmp_path)
    env = dict(os.environ, UV=str(uv))

    result = run_dev("test", "-s", "lint", "--no-color", env=env)

    assert result.returncode == 3  # uv's exit code is dev.py's
    lines = result.stdout.splitlines()
    assert lines[0] == "args: run --frozen nox -s lint --no-color"
    assert lines[1].startswith(f"PATH: {tmp_path}{os.pathsep}")
    assert lines[2] == f"UV: {uv}"


def test_uv_found_on_path_is_used(tmp_path: Path) -> None:
    uv = fake_uv(tmp_path)
    env = {key: value for key, value in os.environ.items() if key != "UV"}
    env["PATH"] = f"{tmp_path}{os.pathsep}{env.get('PATH', '')}"

    result = run_dev("uv", env=env)

    assert result.returncode == 0
    assert result.stdout.strip() == str(uv)


def test_demo_against_a_hosted_provider_syncs_the_demo_environment_and_builds_nothing(
    tmp_path: Path,
) -> None:
    uv = fake_uv(tmp_path)
    cache = tmp_path / "llama-cache"
    env = dict(os.environ, UV=str(uv), AI_SDK_LLAMA_CACHE=str(cache))

    result = run_dev("demo", "--provider", "groq", env=env)

    assert result.returncode == 3  # the (fake) uv sync failed: the demo stops there
    assert result.stdout.splitlines()[0] == (
        "args: sync --frozen --all-packages --all-extras --no-default-groups --quiet"
    )
    assert "into " + str(Path(__file__).resolve().parents[2] / ".nox" / "demo") in result.stderr
    assert not cache.exists()  # no llama.cpp download or build for a hosted provider
