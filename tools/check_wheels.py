#!/usr/bin/env python3
"""Check the built wheels in ``dist/`` one by one, each in a fresh virtual environment.

For every wheel: install it (with all its extras) plus the wheels of its workspace
dependencies *by file path* (third-party packages come from the index), confirm that every
workspace distribution in the environment is the one from ``dist/``, import the package and
all its submodules, and fail if its source imports a top-level module that is neither the
standard library, the package itself, nor provided by a declared dependency (extras
included). Imports are found statically with ``ast`` (inside functions too) and mapped to
distributions with ``importlib.metadata`` inside that environment.

Then, for the meta-package: ``ai-sdk[all]`` installs all workspace packages from
``--find-links dist/``, and ``ai-sdk`` without extras raises the documented ImportError for
each provider module.

Usage: ``python tools/check_wheels.py [DIST_DIR] [--python PYTHON]``. Standard library only;
needs ``uv``.
"""

from __future__ import annotations

import argparse
import ast
import email.parser
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import zipfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypedDict

ROOT = Path(__file__).resolve().parents[1]
META = "ai-sdk"
_REQUIREMENT = re.compile(r"\s*([A-Za-z0-9][A-Za-z0-9._-]*)\s*(\[[^\]]*\])?([^;]*)(;.*)?")
_EXTRA_MARKER = re.compile(r"""extra\s*==\s*["']([^"']+)["']""")


def normalize(name: str) -> str:
    """PEP 503 name normalization."""
    return re.sub(r"[-_.]+", "-", name).lower()


@dataclass
class Requirement:
    name: str
    extras: frozenset[str]
    extra: str | None  # the extra of the declaring package that brings it in, if any


@dataclass
class Wheel:
    path: Path
    name: str
    version: str
    metadata: str
    requires: list[Requirement]
    extras: list[str]
    top_level: list[str]
    sources: dict[str, str] = field(repr=False)  # archive path → Python source
    files: set[str] = field(repr=False)

    @classmethod
    def read(cls, path: Path) -> Wheel:
        with zipfile.ZipFile(path) as archive:
            names = archive.namelist()
            metadata_path = next(n for n in names if n.endswith(".dist-info/METADATA"))
            metadata = archive.read(metadata_path).decode()
            sources = {n: archive.read(n).decode() for n in names if n.endswith(".py")}
        message = email.parser.Parser().parsestr(metadata)
        requires: list[Requirement] = []
        for text in message.get_all("Requires-Dist") or []:
            match = _REQUIREMENT.fullmatch(text)
            if match is None:
                raise ValueError(f"{path.name}: cannot read requirement {text!r}")
            extras = frozenset(e.strip() for e in (match[2] or "[]")[1:-1].split(",") if e.strip())
            extra = _EXTRA_MARKER.search(match[4] or "")
            requires.append(Requirement(normalize(match[1]), extras, extra and extra[1]))
        top_level = sorted(
            {n.split("/")[0] for n in names if "/" in n} - {metadata_path.split("/")[0]}
        )
        return cls(
            path=path,
            name=normalize(message["Name"]),
            version=message["Version"],
            metadata=metadata,
            requires=requires,
            extras=list(message.get_all("Provides-Extra") or []),
            top_level=top_level,
            sources=sources,
            files=set(names),
        )

    def requirements(self, extras: Iterable[str] = ()) -> list[Requirement]:
        """What installing this wheel with ``extras`` asks for."""
        wanted = set(extras)
        return [r for r in self.requires if r.extra is None or r.extra in wanted]


def imported_modules(source: str, filename: str) -> set[str]:
    """Top-level names of every absolute import in ``source``, wherever it stands."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(source, filename)):
        if isinstance(node, ast.Import):
            found.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            found.add(node.module.split(".")[0])
        elif isinstance(node, ast.Call) and node.args:
            function = node.func
            called = (
                function.attr
                if isinstance(function, ast.Attribute)
                else getattr(function, "id", "")
            )
            first = node.args[0]
            if (
                called in {"import_module", "__import__"}
                and isinstance(first, ast.Constant)
                and isinstance(first.value, str)
                and not first.value.startswith(".")
            ):
                found.add(first.value.split(".")[0])
    return found


class ProbeSpec(TypedDict):
    packages: list[str]  # import names to import with all submodules
    imports: list[str]  # top-level modules the source imports (besides the packages)
    declared: list[str]  # normalized names of declared dependencies (extras included)
    metadata: dict[str, str]  # workspace distribution → its METADATA text in dist/


class ProbeResult(TypedDict):
    errors: list[str]
    imported: int
    warnings: list[str]


def probe(spec: ProbeSpec) -> ProbeResult:
    """Run inside the checked environment: origins, imports, and the undeclared-import rule."""
    import importlib
    import importlib.metadata
    import pkgutil
    import traceback
    import warnings

    errors: list[str] = []
    for name, expected in spec["metadata"].items():
        try:
            installed = importlib.metadata.distribution(name).read_text("METADATA")
        except importlib.metadata.PackageNotFoundError:
            errors.append(f"{name} is not installed")
            continue
        if installed != expected:
            errors.append(f"{name} in the environment is not the wheel from dist/")

    imported = 0
    caught: list[str] = []
    with warnings.catch_warnings(record=True) as records:
        warnings.simplefilter("always")
        for package in spec["packages"]:
            try:
                module = importlib.import_module(package)
                imported += 1
                for info in pkgutil.walk_packages(module.__path__, f"{package}."):
                    importlib.import_module(info.name)
                    imported += 1
            except Exception:
                errors.append(f"importing {package} failed:\n{traceback.format_exc()}")
        caught = [f"{r.category.__name__}: {r.message}" for r in records]

    providers = importlib.metadata.packages_distributions()
    declared = set(spec["declared"])
    for module in sorted(spec["imports"]):
        if module in sys.stdlib_module_names or module in spec["packages"]:
            continue
        dists = sorted({normalize(d) for d in providers.get(module, [])})
        if not dists:
            errors.append(f"imports {module!r}, which no installed distribution provides")
        elif not declared.intersection(dists):
            errors.append(f"imports {module!r} from {', '.join(dists)}, not a declared dependency")
    return {"errors": errors, "imported": imported, "warnings": caught}


class Checker:
    """Fresh environments under one temporary directory, built with uv."""

    def __init__(self, workdir: Path, python: str, ours: Iterable[str]) -> None:
        self.workdir = workdir
        self.python = python
        # uv caches wheels by name and version: a rebuilt 0.1.0 must not come from the cache.
        self.refresh = [option for name in sorted(ours) for option in ("--refresh-package", name)]
        self.uv = os.environ.get("UV") or shutil.which("uv") or "uv"
        self.env = {**os.environ, "UV_LINK_MODE": os.environ.get("UV_LINK_MODE", "copy")}
        for variable in ("VIRTUAL_ENV", "UV_PROJECT_ENVIRONMENT", "PYTHONPATH"):
            self.env.pop(variable, None)

    def venv(self, name: str, *requirements: str, find_links: Path | None = None) -> Path:
        """A new environment with ``requirements`` installed; returns its interpreter."""
        location = self.workdir / name
        self.run(self.uv, "venv", "--quiet", "--python", self.python, str(location))
        python = location / ("Scripts/python.exe" if os.name == "nt" else "bin/python")
        command = [self.uv, "pip", "install", "--quiet", "--python", str(python), *self.refresh]
        if find_links is not None:
            command += ["--find-links", str(find_links)]
        self.run(*command, *requirements)
        return python

    def probe(self, python: Path, spec: ProbeSpec) -> ProbeResult:
        spec_file = self.workdir / "probe.json"
        spec_file.write_text(json.dumps(spec))
        output = self.run(str(python), __file__, "--probe", str(spec_file), capture=True)
        result: ProbeResult = json.loads(output.splitlines()[-1])
        return result

    def run(self, *command: str, capture: bool = False) -> str:
        completed = subprocess.run(
            command, env=self.env, cwd=self.workdir, text=True, check=False, capture_output=capture
        )
        if completed.returncode != 0:
            detail = f"\n{completed.stdout}{completed.stderr}" if capture else ""
            raise RuntimeError(
                f"command failed ({completed.returncode}): {' '.join(command)}{detail}"
            )
        return completed.stdout or ""


def workspace_closure(
    wheel: Wheel, workspace: dict[str, Wheel], extras: Iterable[str]
) -> dict[str, set[str]]:
    """Workspace distributions that installing ``wheel[extras]`` pulls in → their extras."""
    wanted: dict[str, set[str]] = {}
    pending = [(wheel.name, set(extras))]
    while pending:
        name, asked = pending.pop()
        if name in wanted and asked <= wanted[name]:
            continue
        wanted[name] = wanted.get(name, set()) | asked
        pending += [
            (requirement.name, set(requirement.extras))
            for requirement in workspace[name].requirements(wanted[name])
            if requirement.name in workspace
        ]
    return wanted


def _spec(path: Path, extras: Iterable[str]) -> str:
    extras = sorted(extras)
    return f"{path}[{','.join(extras)}]" if extras else str(path)


def check_wheel(wheel: Wheel, workspace: dict[str, Wheel], checker: Checker) -> list[str]:
    """Problems of one wheel installed in isolation (empty when it is fine)."""
    errors: list[str] = []
    expected_top = wheel.name.replace("-", "_")
    if wheel.top_level != [expected_top]:
        errors.append(f"ships top-level {wheel.top_level}, expected [{expected_top!r}]")
    errors += [
        f"{top}/py.typed is missing"
        for top in wheel.top_level
        if f"{top}/py.typed" not in wheel.files
    ]

    closure = workspace_closure(wheel, workspace, wheel.extras)
    python = checker.venv(
        f"venv-{wheel.name}",
        *(_spec(workspace[name].path, extras) for name, extras in sorted(closure.items())),
    )
    imports: set[str] = set()
    for filename, source in wheel.sources.items():
        imports |= imported_modules(source, filename)
    result = checker.probe(
        python,
        {
            "packages": wheel.top_level,
            "imports": sorted(imports),
            "declared": sorted({r.name for r in wheel.requires}),
            "metadata": {name: workspace[name].metadata for name in closure},
        },
    )
    print(f"  {wheel.path.name}: imported {result['imported']} modules; imports {sorted(imports)}")
    for warning in result["warnings"]:
        print(f"    warned on import: {warning}")
    return errors + result["errors"]


def check_meta(dist: Path, workspace: dict[str, Wheel], checker: Checker) -> list[str]:
    """``ai-sdk[all]`` from --find-links, and the missing-extra errors of plain ``ai-sdk``."""
    meta = workspace[META]
    errors: list[str] = []
    python = checker.venv("venv-all", f"{META}[all]=={meta.version}", find_links=dist)
    result = checker.probe(
        python,
        {
            "packages": ["ai_sdk"],
            "imports": [],
            "declared": [],
            "metadata": {name: wheel.metadata for name, wheel in workspace.items()},
        },
    )
    errors += [f"ai-sdk[all]: {error}" for error in result["errors"]]

    python = checker.venv(
        "venv-bare", *(str(workspace[name].path) for name in workspace_closure(meta, workspace, ()))
    )
    modules = {
        f"ai_sdk.providers.{extra.replace('-', '_')}": extra
        for extra in meta.extras
        if extra != "all"
    }
    modules["ai_sdk.providers.together"] = "togetherai"
    script = (
        "import importlib, json, sys\n"
        "out = {}\n"
        "for module in json.loads(sys.argv[1]):\n"
        "    try:\n"
        "        importlib.import_module(module)\n"
        "        out[module] = None\n"
        "    except ImportError as error:\n"
        "        out[module] = str(error)\n"
        "print(json.dumps(out))\n"
    )
    output = checker.run(str(python), "-c", script, json.dumps(sorted(modules)), capture=True)
    messages: dict[str, str | None] = json.loads(output.splitlines()[-1])
    for module, extra in sorted(modules.items()):
        message = messages[module]
        wanted = f'pip install "ai-sdk[{extra}]"'
        if message is None or wanted not in message:
            errors.append(f"plain ai-sdk: import {module} gave {message!r}, expected {wanted!r}")
    print(f"  ai-sdk[all] from --find-links; plain ai-sdk import errors for {sorted(modules)}")
    return errors


def read_workspace(dist: Path) -> dict[str, Wheel]:
    wheels = [Wheel.read(path) for path in sorted(dist.glob("*.whl"))]
    workspace = {wheel.name: wheel for wheel in wheels}
    if len(workspace) != len(wheels):
        raise SystemExit(f"{dist} holds more than one wheel of a distribution; rebuild it")
    return workspace


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Check built wheels in isolation.")
    parser.add_argument("dist", nargs="?", type=Path, default=ROOT / "dist")
    parser.add_argument("--python", default=sys.executable, help="interpreter for the environments")
    parser.add_argument("--probe", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.probe is not None:
        spec: ProbeSpec = json.loads(args.probe.read_text())
        print(json.dumps(probe(spec)))
        return 0

    dist: Path = args.dist.resolve()
    workspace = read_workspace(dist)
    if not workspace:
        print(f"no wheels in {dist}; run `nox -s build` first", file=sys.stderr)
        return 1
    failures: dict[str, list[str]] = {}
    with tempfile.TemporaryDirectory(prefix="check-wheels-") as tmp:
        checker = Checker(Path(tmp), args.python, workspace)
        for name, wheel in workspace.items():
            failures[name] = check_wheel(wheel, workspace, checker)
        if META in workspace:
            failures[f"{META} (extras)"] = check_meta(dist, workspace, checker)
    for name, errors in failures.items():
        for error in errors:
            print(f"FAIL {name}: {error}", file=sys.stderr)
    bad = sum(bool(errors) for errors in failures.values())
    print(f"{len(failures) - bad} passed, {bad} failed")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
