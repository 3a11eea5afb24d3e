"""Every development task of the workspace; ``nox`` alone runs the default sessions.

Sessions: ``lint``, ``typecheck``, ``tests`` (Python 3.11-3.13 x each package, plus the
tools), ``conformance``, ``integration`` (a real local model), ``build`` and ``wheels``;
``bench`` (tools/bench) only when named. Environments are made with uv from ``uv.lock``.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import sys
import tempfile
import tomllib
from pathlib import Path

import nox

ROOT = Path(__file__).resolve().parent
PYTHONS = ["3.11", "3.12", "3.13"]
PACKAGES = sorted(
    path.name for path in (ROOT / "packages").iterdir() if (path / "pyproject.toml").is_file()
)
DIST = ROOT / "dist"

nox.needs_version = ">=2024.10.9"
nox.options.default_venv_backend = "uv"
nox.options.sessions = [
    "lint",
    "typecheck",
    "tests",
    "conformance",
    "integration",
    "build",
    "wheels",
]

# Providers whose packages are not ported yet: their conformance cases may fail without failing
# the session (they are still printed and counted). Each provider's issue removes its name.
CONFORMANCE_EXPECTED_FAILURES: list[str] = []


def _expose_pyenv_pythons() -> None:
    """Put pyenv's ``python3.X`` executables on PATH, so uv finds them before pyenv's shims.

    Only the versioned names are exposed (links in ``.nox/.pythons``), so ``python3``, ``pip``
    and ``uv`` resolve as before. Without a pyenv directory nothing changes.
    """
    versions = Path(os.environ.get("PYENV_ROOT", Path.home() / ".pyenv")) / "versions"
    links = ROOT / ".nox" / ".pythons"
    for python in PYTHONS:
        installed = [
            path
            for path in versions.glob(f"{python}.*/bin/python{python}")
            if re.fullmatch(r"[0-9]+\.[0-9]+\.[0-9]+", path.parents[1].name)
        ]
        if not installed:
            continue
        newest = max(installed, key=lambda path: int(path.parents[1].name.split(".")[2]))
        links.mkdir(parents=True, exist_ok=True)
        link = links / f"python{python}"
        link.unlink(missing_ok=True)
        link.symlink_to(newest)
    if links.is_dir():
        os.environ["PATH"] = f"{links}{os.pathsep}{os.environ.get('PATH', '')}"


_expose_pyenv_pythons()


def _sync(session: nox.Session, *args: str) -> None:
    """``uv sync --frozen`` into the session's own environment."""
    session.run_install(
        "uv",
        "sync",
        "--frozen",
        "--no-default-groups",
        *args,
        env={"UV_PROJECT_ENVIRONMENT": session.virtualenv.location},
    )


def _workspace_dependencies(package: str) -> set[str]:
    """Workspace members that ``package`` (with all its extras) needs, itself included."""
    members = {
        name: tomllib.loads((ROOT / "packages" / name / "pyproject.toml").read_text("utf-8"))[
            "project"
        ]
        for name in PACKAGES
    }
    needed, pending = set[str](), [package]
    while pending:
        name = pending.pop()
        if name in needed:
            continue
        needed.add(name)
        project = members[name]
        requirements = list(project.get("dependencies", []))
        for extra in project.get("optional-dependencies", {}).values():
            requirements += extra
        for requirement in requirements:
            name = re.match(r"\s*([A-Za-z0-9._-]+)", requirement)
            dist = re.sub(r"[-_.]+", "-", name[1]).lower() if name else ""
            if dist in members:
                pending.append(dist)
    return needed


@nox.session(python=PYTHONS)
@nox.parametrize("package", [*PACKAGES, "tools"])
def tests(session: nox.Session, package: str) -> None:
    """One package's tests, in an environment holding only what it declares + the test group
    (the tools: every package)."""
    if package == "tools":
        # the tools include the conformance runner, which imports every package
        _sync(session, "--all-packages", "--all-extras", "--group", "test")
        session.run("pytest", "tools/tests", *session.posargs)
        return
    _sync(session, "--package", package, "--all-extras", "--group", "test")
    python = str(Path(session.virtualenv.bin) / "python")
    listing = session.run(
        "uv", "pip", "list", "--quiet", "--format", "json", "--python", python, silent=True
    )
    installed = json.loads(str(listing).strip().splitlines()[-1])
    members = {entry["name"] for entry in installed} & set(PACKAGES)
    expected = _workspace_dependencies(package)
    if members != expected:
        session.error(
            f"environment holds workspace packages {sorted(members)}, expected {sorted(expected)}"
        )
    tests_dir = ROOT / "packages" / package / "tests"
    if not any(tests_dir.rglob("test_*.py")):
        # a package without code yet: check that it imports with only what it declares
        module = package.replace("-", "_")
        session.log(f"{package} has no tests yet; checking that {module} imports")
        session.run("python", "-c", f"import {module}")
        return
    session.run("pytest", str(tests_dir), *session.posargs)


@nox.session(python=PYTHONS[0])
def lint(session: nox.Session) -> None:
    """ruff check, ruff format --check, and uv.lock up to date with every pyproject.toml."""
    _sync(session, "--only-group", "lint")
    session.run("ruff", "check", ".")
    session.run("ruff", "format", "--check", ".")
    session.run("uv", "lock", "--check")


@nox.session(python=PYTHONS[0])
def typecheck(session: nox.Session) -> None:
    """pyright strict on every package's src (and tools/), then on a user's view of ai_sdk."""
    _sync(session, "--all-packages", "--all-extras", "--group", "dev")
    python = str(Path(session.virtualenv.bin) / "python")
    session.run("pyright", "--pythonpath", python, *session.posargs)
    with tempfile.TemporaryDirectory() as tmp:
        user_file = Path(tmp) / "user_code.py"
        user_file.write_text(_user_view_source(session))
        (Path(tmp) / "pyrightconfig.json").write_text(
            '{"typeCheckingMode": "strict", "pythonVersion": "3.11", "reportUnusedImport": false}'
        )
        session.run("pyright", "--pythonpath", python, "--project", tmp, str(user_file))


def _user_view_source(session: nox.Session) -> str:
    """A user's module importing every public name of core from ai_sdk, and each provider."""
    names = session.run(
        "python", "-c", "import ai_sdk_core; print(' '.join(ai_sdk_core.__all__))", silent=True
    )
    imports = "\n".join(f"from ai_sdk import {name} as {name}" for name in str(names).split())
    providers = "\n".join(
        f"from ai_sdk.providers import {module} as {module}\nassert_type({module}.__version__, str)"
        for module in ["openai_compatible", "groq", "togetherai", "gateway"]
    )
    return f"from typing import assert_type\n\nimport ai_sdk\n{imports}\n{providers}\nassert_type(ai_sdk.__version__, str)\n"


def _conformance_corpus() -> Path:
    """``$AI_SDK_CONFORMANCE_DIR``, else ``../shared/conformance`` beside the repository, else
    ``/work/shared/conformance`` when that exists."""
    configured = os.environ.get("AI_SDK_CONFORMANCE_DIR")
    if configured:
        return Path(configured)
    beside = ROOT.parent / "shared" / "conformance"
    fallback = Path("/work/shared/conformance")
    return fallback if not beside.is_dir() and fallback.is_dir() else beside


@nox.session(python=PYTHONS[0])
def conformance(session: nox.Session) -> None:
    """tools/conformance.py on the shared corpus: every case replayed through the providers."""
    corpus = _conformance_corpus()
    if not corpus.is_dir():
        session.skip(
            f"no conformance corpus at {corpus} (set AI_SDK_CONFORMANCE_DIR to the corpus folder)"
        )
    _sync(session, "--all-packages", "--all-extras")
    session.run(
        "python",
        "tools/conformance.py",
        "--corpus",
        str(corpus),
        "--expect-failures-from",
        ",".join(CONFORMANCE_EXPECTED_FAILURES),
        *session.posargs,
    )


@nox.session(python=PYTHONS[0])
def integration(session: nox.Session) -> None:
    """The providers against a real model: llama.cpp's llama-server with SmolLM2-135M on
    127.0.0.1 (tests/integration). tools/local_llm.py builds the server once into a cache outside
    the repository (about 6-10 minutes on 2 cores; ``$AI_SDK_LLAMA_CACHE`` moves it)."""
    _sync(session, "--all-packages", "--all-extras", "--group", "test")
    session.run("python", "tools/local_llm.py", "prepare")
    session.run("pytest", "tests/integration", *session.posargs)


@nox.session(venv_backend="none")
def build(session: nox.Session) -> None:
    """uv build --all-packages into a clean dist/: one wheel and one sdist per package."""
    shutil.rmtree(DIST, ignore_errors=True)
    session.run("uv", "build", "--all-packages", "--out-dir", str(DIST), external=True)
    wheels, sdists = sorted(DIST.glob("*.whl")), sorted(DIST.glob("*.tar.gz"))
    if len(wheels) != len(PACKAGES) or len(sdists) != len(PACKAGES):
        session.error(
            f"expected {len(PACKAGES)} wheels and sdists, got {len(wheels)} and {len(sdists)}"
        )


@nox.session(venv_backend="none")
def wheels(session: nox.Session) -> None:
    """Each built wheel in a fresh environment: installs alone, imports, declares its imports."""
    if not list(DIST.glob("*.whl")):
        session.error("no wheels in dist/: run `nox -s build` first")
    session.run(sys.executable, "tools/check_wheels.py", str(DIST), external=True)


@nox.session(python="3.12", default=False)
def bench(session: nox.Session) -> None:
    """tools/bench: this project against raw httpx and the peers (openai, litellm, pydantic-ai,
    Vercel's ``ai``), each peer in its own cached venv; not a default session. Arguments go to
    ``python -m bench`` (``nox -s bench -- --help``)."""
    _sync(session, "--package", "ai-sdk", "--extra", "openai-compatible")
    session.run(
        "python",
        "-m",
        "bench",
        "--cache",
        str(ROOT / ".nox" / ".cache" / "bench"),
        *session.posargs,
        env={"PYTHONPATH": str(ROOT / "tools")},
    )
