#!/usr/bin/env python3
"""Release one workspace package: its version, its dependents' ranges, its changelog, the lock.

Usage::

    python tools/release.py <package-dir-name> <X.Y.Z | major | minor | patch> [--date YYYY-MM-DD]

It sets the version in ``packages/<name>/pyproject.toml`` and ``src/<module>/_version.py``;
rewrites every requirement on the package in the other members' ``dependencies`` and
``optional-dependencies`` to ``>=X.Y.Z,<next-breaking`` (the next minor while 0.x, the next
major from 1.0); turns ``## Unreleased`` in its CHANGELOG.md into ``## X.Y.Z (date)`` under a
fresh empty ``## Unreleased``; then runs ``uv lock``. Nothing is written unless every edit
succeeds. Standard library only, so it runs with any Python 3.11+.
"""

from __future__ import annotations

import argparse
import datetime
import glob
import os
import re
import shutil
import subprocess
import sys
import tomllib
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]

Version = tuple[int, int, int]

_VERSION = re.compile(r"(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)")
_TABLE_HEADER = re.compile(r"^[ \t]*\[([^\[\]\n]+)\][ \t]*(?:#.*)?$", re.MULTILINE)
_REQUIREMENT = re.compile(
    r"""\s*(?P<name>[A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?)\s*
        (?P<extras>\[[^\]]*\])?\s*
        (?P<spec>[^;@]*?)\s*
        (?P<marker>;.*)?""",
    re.VERBOSE | re.DOTALL,
)
_UNRELEASED = re.compile(r"^## Unreleased[ \t]*$", re.MULTILINE)


class ReleaseError(Exception):
    """A release that cannot be made as asked; nothing has been written."""


def parse_version(text: str) -> Version:
    """``"1.2.3"`` → ``(1, 2, 3)``; only plain X.Y.Z releases are supported."""
    match = _VERSION.fullmatch(text.strip())
    if match is None:
        raise ReleaseError(f"not an X.Y.Z version: {text!r}")
    major, minor, patch = (int(part) for part in match.groups())
    return major, minor, patch


def format_version(version: Version) -> str:
    return ".".join(str(part) for part in version)


def bump(current: Version, how: str) -> Version:
    """The version after ``current`` for ``how`` = major, minor, patch or an explicit X.Y.Z."""
    major, minor, patch = current
    if how == "major":
        return major + 1, 0, 0
    if how == "minor":
        return major, minor + 1, 0
    if how == "patch":
        return major, minor, patch + 1
    new = parse_version(how)
    if new <= current:
        raise ReleaseError(f"{how} is not newer than the current {format_version(current)}")
    return new


def compatible_range(version: Version) -> str:
    """``>=X.Y.Z,<next-breaking``: the next minor while 0.x, the next major from 1.0."""
    major, minor, _ = version
    breaking = (0, minor + 1, 0) if major == 0 else (major + 1, 0, 0)
    return f">={format_version(version)},<{format_version(breaking)}"


def normalize(name: str) -> str:
    """PEP 503 name normalization."""
    return re.sub(r"[-_.]+", "-", name).lower()


def workspace_members(root: Path) -> dict[str, Path]:
    """Distribution name → member directory, from the root's ``[tool.uv.workspace]``."""
    config = _load_toml(root / "pyproject.toml")
    patterns: list[str] = config["tool"]["uv"]["workspace"]["members"]
    members: dict[str, Path] = {}
    for pattern in patterns:
        for match in sorted(glob.glob(pattern, root_dir=root)):
            pyproject = root / match / "pyproject.toml"
            if pyproject.is_file():
                members[normalize(_load_toml(pyproject)["project"]["name"])] = root / match
    return members


def _load_toml(path: Path) -> dict[str, Any]:
    return tomllib.loads(path.read_text("utf-8"))


def _tables(text: str) -> Iterator[tuple[str, int, int]]:
    """Each ``[table]`` of a TOML document: name, start and end offset of its body."""
    headers = list(_TABLE_HEADER.finditer(text))
    for index, header in enumerate(headers):
        end = headers[index + 1].start() if index + 1 < len(headers) else len(text)
        yield header.group(1).strip(), header.end(), end


def _array_strings(text: str, start: int) -> Iterator[tuple[int, int]]:
    """Spans of the single-line strings in the TOML array that opens at ``text[start]``."""
    depth, index = 0, start
    while index < len(text):
        char = text[index]
        if char == "#":
            index = text.index("\n", index) if "\n" in text[index:] else len(text)
            continue
        if char in "\"'":
            end = text.index(char, index + 1)
            if char == '"' and "\\" in text[index + 1 : end]:
                raise ReleaseError("escaped strings in dependency arrays are not supported")
            yield index + 1, end
            index = end + 1
            continue
        if char == "[":
            depth += 1
        elif char == "]":
            depth -= 1
            if depth == 0:
                return
        index += 1
    raise ReleaseError("unterminated array")


def _requirement_strings(text: str) -> Iterator[tuple[int, int]]:
    """Spans of every requirement in ``[project] dependencies`` and optional-dependencies."""
    for table, start, end in _tables(text):
        body = text[start:end]
        if table == "project":
            for key in re.finditer(r"^[ \t]*dependencies[ \t]*=[ \t]*\[", body, re.MULTILINE):
                yield from _array_strings(text, start + key.end() - 1)
        elif table == "project.optional-dependencies":
            for key in re.finditer(
                r"^[ \t]*[\"']?[A-Za-z0-9._-]+[\"']?[ \t]*=[ \t]*\[", body, re.M
            ):
                yield from _array_strings(text, start + key.end() - 1)


def retarget_requirements(text: str, package: str, new_range: str) -> tuple[str, int]:
    """Set the version range of every requirement on ``package``; returns (text, count)."""
    edits: list[tuple[int, int, str]] = []
    for start, end in _requirement_strings(text):
        match = _REQUIREMENT.fullmatch(text, start, end)
        if match is None or normalize(match.group("name")) != normalize(package):
            continue
        edits.append((match.start("spec"), match.end("spec"), new_range))
    for start, end, replacement in reversed(edits):
        text = text[:start] + replacement + text[end:]
    return text, len(edits)


def _declared_requirements(config: dict[str, Any]) -> list[str]:
    project: dict[str, Any] = config.get("project", {})
    requirements: list[str] = list(project.get("dependencies", []))
    extras: dict[str, list[str]] = project.get("optional-dependencies", {})
    for group in extras.values():
        requirements.extend(group)
    return requirements


def set_project_version(text: str, version: str) -> str:
    """Replace ``version = "…"`` in the ``[project]`` table."""
    for table, start, end in _tables(text):
        if table == "project":
            body, count = re.subn(
                r'^(version[ \t]*=[ \t]*)"[^"\n]*"',
                rf'\g<1>"{version}"',
                text[start:end],
                flags=re.M,
            )
            if count == 1:
                return text[:start] + body + text[end:]
    raise ReleaseError('no single `version = "…"` line in [project]')


def release_changelog(text: str, version: str, date: str, *, allow_empty: bool = False) -> str:
    """``## Unreleased`` becomes ``## <version> (<date>)`` under a fresh ``## Unreleased``."""
    matches = list(_UNRELEASED.finditer(text))
    if len(matches) != 1:
        raise ReleaseError("the changelog needs exactly one '## Unreleased' heading")
    if re.search(rf"^## {re.escape(version)}\b", text, re.MULTILINE):
        raise ReleaseError(f"the changelog already has a section for {version}")
    heading = matches[0]
    following = re.compile(r"^## ", re.MULTILINE).search(text, heading.end())
    notes = text[heading.end() : following.start() if following else len(text)]
    if not notes.strip() and not allow_empty:
        raise ReleaseError("nothing under '## Unreleased' (pass --allow-empty-changelog)")
    return f"{text[: heading.start()]}## Unreleased\n\n## {version} ({date}){text[heading.end() :]}"


def plan_release(
    root: Path, directory: str, how: str, date: str, *, allow_empty_changelog: bool = False
) -> tuple[str, dict[Path, str], list[str]]:
    """Compute every edit: (new version, path → new text, names of updated dependents)."""
    members = workspace_members(root)
    by_directory = {path.name: name for name, path in members.items()}
    if directory not in by_directory:
        raise ReleaseError(f"no workspace package {directory!r}; one of {sorted(by_directory)}")
    package = by_directory[directory]
    package_dir = members[package]

    pyproject = package_dir / "pyproject.toml"
    config = _load_toml(pyproject)
    version = bump(parse_version(config["project"]["version"]), how)
    text_version = format_version(version)
    edits: dict[Path, str] = {
        pyproject: set_project_version(pyproject.read_text("utf-8"), text_version)
    }

    version_files = sorted(package_dir.glob("src/*/_version.py"))
    if len(version_files) != 1:
        raise ReleaseError(f"expected one src/*/_version.py in {package_dir}")
    edits[version_files[0]], count = re.subn(
        r'^__version__[ \t]*=[ \t]*"[^"\n]*"',
        f'__version__ = "{text_version}"',
        version_files[0].read_text("utf-8"),
        flags=re.M,
    )
    if count != 1:
        raise ReleaseError(f"no single __version__ line in {version_files[0]}")

    changelog = package_dir / "CHANGELOG.md"
    edits[changelog] = release_changelog(
        changelog.read_text("utf-8"), text_version, date, allow_empty=allow_empty_changelog
    )

    new_range = compatible_range(version)
    dependents: list[str] = []
    for name, member_dir in members.items():
        if name == package:
            continue
        path = member_dir / "pyproject.toml"
        text, count = retarget_requirements(path.read_text("utf-8"), package, new_range)
        expected = [
            requirement
            for requirement in _declared_requirements(_load_toml(path))
            if (match := _REQUIREMENT.fullmatch(requirement))
            and normalize(match["name"]) == package
        ]
        if count != len(expected):
            raise ReleaseError(
                f"{path}: found {count} of the {len(expected)} requirements on {package}"
            )
        if count:
            _check_ranges(tomllib.loads(text), package, new_range, path)
            edits[path] = text
            dependents.append(name)
    return text_version, edits, dependents


def _check_ranges(config: dict[str, Any], package: str, new_range: str, path: Path) -> None:
    for requirement in _declared_requirements(config):
        match = _REQUIREMENT.fullmatch(requirement)
        if match and normalize(match["name"]) == package and match["spec"] != new_range:
            raise ReleaseError(f"{path}: could not rewrite {requirement!r}")


def _check_date(text: str) -> None:
    try:
        datetime.date.fromisoformat(text)
    except ValueError:
        raise ReleaseError(f"not a YYYY-MM-DD date: {text!r}") from None
    if not re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", text):
        raise ReleaseError(f"not a YYYY-MM-DD date: {text!r}")


def uv_lock(root: Path) -> None:
    uv = os.environ.get("UV") or shutil.which("uv")
    if uv is None:
        raise ReleaseError("uv not found: install it (pip install uv) and run `uv lock`")
    subprocess.run([uv, "lock"], cwd=root, check=True)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("package", help="directory name under packages/, e.g. ai-sdk-groq")
    parser.add_argument("version", help="X.Y.Z, major, minor or patch")
    parser.add_argument("--date", default=datetime.date.today().isoformat(), help="YYYY-MM-DD")
    parser.add_argument("--allow-empty-changelog", action="store_true")
    parser.add_argument("--no-lock", action="store_true", help="skip `uv lock`")
    args = parser.parse_args(argv)
    try:
        _check_date(args.date)
        version, edits, dependents = plan_release(
            ROOT,
            args.package,
            args.version,
            args.date,
            allow_empty_changelog=args.allow_empty_changelog,
        )
    except ReleaseError as error:
        print(f"release: {error}", file=sys.stderr)
        return 1
    for path, text in edits.items():
        path.write_text(text, "utf-8")
        print(f"updated {path.relative_to(ROOT)}")
    if not args.no_lock:
        uv_lock(ROOT)
    print(f"{args.package} {version}")
    if dependents:
        print(
            f"dependents now require {compatible_range(parse_version(version))}: {', '.join(dependents)}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
