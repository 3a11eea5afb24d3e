"""tools/release.py, run as a developer runs it, on a temporary copy of the workspace."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

from release import ReleaseError, bump, compatible_range, release_changelog

ROOT = Path(__file__).resolve().parents[2]
DATE = "2030-01-02"
CHANGELOG = "# Changelog\n\n## Unreleased\n\n- Added a thing.\n\n## 0.1.0\n\n- First release.\n"
COPIED = shutil.ignore_patterns(
    ".venv", ".nox", ".git", "dist", "__pycache__", ".pytest_cache", ".ruff_cache", ".hypothesis"
)


@pytest.fixture
def workspace(tmp_path: Path) -> Path:
    """A copy of the workspace's packaging files, with the release script inside it."""
    copy = tmp_path / "workspace"
    copy.mkdir()
    for name in ("pyproject.toml", "uv.lock"):
        shutil.copy2(ROOT / name, copy / name)
    shutil.copytree(ROOT / "packages", copy / "packages", ignore=COPIED)
    (copy / "tools").mkdir()
    shutil.copy2(ROOT / "tools" / "release.py", copy / "tools" / "release.py")
    for changelog in (copy / "packages").glob("*/CHANGELOG.md"):
        changelog.write_text(CHANGELOG)
    return copy


def release(workspace: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(workspace / "tools" / "release.py"), *args],
        cwd=workspace,
        capture_output=True,
        text=True,
        check=False,
    )


def snapshot(workspace: Path) -> dict[str, str]:
    files = [workspace / "uv.lock", *(workspace / "packages").glob("*/pyproject.toml")]
    files += [*(workspace / "packages").glob("*/CHANGELOG.md")]
    files += [*(workspace / "packages").glob("*/src/*/_version.py")]
    return {path.relative_to(workspace).as_posix(): path.read_text() for path in files}


def version_of(workspace: Path, directory: str) -> tuple[int, int, int]:
    text = (workspace / "packages" / directory / "pyproject.toml").read_text()
    major, minor, patch = tomllib.loads(text)["project"]["version"].split(".")
    return int(major), int(minor), int(patch)


def dependents_of(workspace: Path, dist: str) -> list[str]:
    pattern = re.compile(rf'"{re.escape(dist)}[>=<\[ ;"]')
    return sorted(
        path.relative_to(workspace).as_posix()
        for path in (workspace / "packages").glob("*/pyproject.toml")
        if path.parent.name != dist and pattern.search(path.read_text())
    )


def test_minor_release_of_core_edits_exactly_the_expected_lines(workspace: Path) -> None:
    before = snapshot(workspace)
    major, minor, patch = version_of(workspace, "ai-sdk-core")
    old, new = f"{major}.{minor}.{patch}", f"{major}.{minor + 1}.0"
    new_range = f">={new},<{major}.{minor + 2}.0" if major == 0 else f">={new},<{major + 1}.0.0"
    dependents = dependents_of(workspace, "ai-sdk-core")
    assert len(dependents) == 5

    result = release(workspace, "ai-sdk-core", "minor", "--date", DATE, "--no-lock")

    assert result.returncode == 0, result.stderr
    after = snapshot(workspace)
    changed = {path for path in before if before[path] != after[path]}
    core = "packages/ai-sdk-core"
    assert changed == {
        f"{core}/pyproject.toml",
        f"{core}/src/ai_sdk_core/_version.py",
        f"{core}/CHANGELOG.md",
        *dependents,
    }
    assert after[f"{core}/pyproject.toml"] == before[f"{core}/pyproject.toml"].replace(
        f'version = "{old}"', f'version = "{new}"', 1
    )
    assert after[f"{core}/src/ai_sdk_core/_version.py"] == f'__version__ = "{new}"\n'
    assert after[f"{core}/CHANGELOG.md"] == (
        f"# Changelog\n\n## Unreleased\n\n## {new} ({DATE})\n\n- Added a thing.\n\n"
        "## 0.1.0\n\n- First release.\n"
    )
    for path in dependents:
        expected = re.sub(r'"ai-sdk-core>=[^"]*"', f'"ai-sdk-core{new_range}"', before[path])
        assert after[path] == expected
        assert f'"ai-sdk-core{new_range}"' in after[path]
    assert f"dependents now require {new_range}" in result.stdout


def test_release_of_groq_updates_the_meta_package_extras(workspace: Path) -> None:
    meta = workspace / "packages" / "ai-sdk" / "pyproject.toml"
    before = meta.read_text()

    result = release(workspace, "ai-sdk-groq", "3.0.0", "--date", DATE, "--no-lock")

    assert result.returncode == 0, result.stderr
    extras = tomllib.loads(meta.read_text())["project"]["optional-dependencies"]
    assert extras["groq"] == ["ai-sdk-groq>=3.0.0,<4.0.0"]
    assert "ai-sdk-groq>=3.0.0,<4.0.0" in extras["all"]
    assert meta.read_text() == re.sub(
        r'"ai-sdk-groq>=[^"]*"', '"ai-sdk-groq>=3.0.0,<4.0.0"', before
    )
    assert (
        tomllib.loads(meta.read_text())["project"]["dependencies"]
        == tomllib.loads(before)["project"]["dependencies"]
    )


def test_major_patch_and_explicit_versions(workspace: Path) -> None:
    major, minor, patch = version_of(workspace, "ai-sdk-gateway")

    assert (
        release(workspace, "ai-sdk-gateway", "patch", "--date", DATE, "--no-lock").returncode == 0
    )
    assert version_of(workspace, "ai-sdk-gateway") == (major, minor, patch + 1)
    (workspace / "packages" / "ai-sdk-gateway" / "CHANGELOG.md").write_text(CHANGELOG)
    assert (
        release(workspace, "ai-sdk-gateway", "major", "--date", DATE, "--no-lock").returncode == 0
    )
    assert version_of(workspace, "ai-sdk-gateway") == (major + 1, 0, 0)
    meta = tomllib.loads((workspace / "packages" / "ai-sdk" / "pyproject.toml").read_text())
    assert meta["project"]["optional-dependencies"]["gateway"] == [
        f"ai-sdk-gateway>={major + 1}.0.0,<{major + 2}.0.0"
    ]


def test_release_without_dependents_touches_only_its_own_files(workspace: Path) -> None:
    before = snapshot(workspace)

    assert release(workspace, "ai-sdk", "minor", "--date", DATE, "--no-lock").returncode == 0

    changed = {path for path in before if before[path] != snapshot(workspace)[path]}
    assert changed == {
        "packages/ai-sdk/pyproject.toml",
        "packages/ai-sdk/src/ai_sdk/_version.py",
        "packages/ai-sdk/CHANGELOG.md",
    }


def test_extras_markers_and_other_strings_are_preserved(workspace: Path) -> None:
    pyproject = workspace / "packages" / "ai-sdk-groq" / "pyproject.toml"
    text = pyproject.read_text()
    text = text.replace('keywords = ["ai"', 'keywords = ["ai-sdk-core", "ai"', 1)
    text, count = re.subn(
        r'"ai-sdk-core>=[^"]*",',
        '# "ai-sdk-core>=0.0.1" stays a comment\n    "ai-sdk-core[fast] >= 0.1.0, < 0.2.0 ; python_version >= \'3.11\'",',
        text,
    )
    assert count == 1
    pyproject.write_text(text)
    major, minor, _ = version_of(workspace, "ai-sdk-core")

    result = release(workspace, "ai-sdk-core", f"{major}.{minor}.7", "--date", DATE, "--no-lock")

    assert result.returncode == 0, result.stderr
    new_range = compatible_range((major, minor, 7))
    assert pyproject.read_text() == text.replace(
        "[fast] >= 0.1.0, < 0.2.0 ;", f"[fast] {new_range} ;", 1
    )


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("ai-sdk-nope", "minor"), "no workspace package 'ai-sdk-nope'"),
        (("ai-sdk-groq", "0.0.9"), "not newer"),
        (("ai-sdk-groq", "1.2"), "not an X.Y.Z version"),
        (("ai-sdk-groq", "minor", "--date", "2030-13-45"), "not a YYYY-MM-DD date"),
    ],
)
def test_bad_requests_change_nothing(workspace: Path, args: tuple[str, ...], message: str) -> None:
    before = snapshot(workspace)

    result = release(workspace, *args, "--no-lock")

    assert result.returncode == 1
    assert message in result.stderr
    assert snapshot(workspace) == before


def test_empty_unreleased_section_is_refused_unless_allowed(workspace: Path) -> None:
    changelog = workspace / "packages" / "ai-sdk-groq" / "CHANGELOG.md"
    changelog.write_text("# Changelog\n\n## Unreleased\n\n## 0.1.0\n\n- First release.\n")
    major, minor, patch = version_of(workspace, "ai-sdk-groq")
    before = snapshot(workspace)

    refused = release(workspace, "ai-sdk-groq", "patch", "--date", DATE, "--no-lock")
    assert refused.returncode == 1
    assert "nothing under '## Unreleased'" in refused.stderr
    assert snapshot(workspace) == before

    allowed = release(
        workspace, "ai-sdk-groq", "patch", "--date", DATE, "--no-lock", "--allow-empty-changelog"
    )
    assert allowed.returncode == 0, allowed.stderr
    assert changelog.read_text().startswith(
        f"# Changelog\n\n## Unreleased\n\n## {major}.{minor}.{patch + 1} ({DATE})\n"
    )


def test_uv_lock_records_the_new_version(workspace: Path) -> None:
    major, minor, _ = version_of(workspace, "ai-sdk-togetherai")
    new = f"{major}.{minor + 1}.0"

    result = release(workspace, "ai-sdk-togetherai", "minor", "--date", DATE)

    assert result.returncode == 0, result.stderr
    lock = tomllib.loads((workspace / "uv.lock").read_text())
    versions = {package["name"]: package["version"] for package in lock["package"]}
    assert versions["ai-sdk-togetherai"] == new


@pytest.mark.parametrize(
    ("current", "how", "expected"),
    [
        ((0, 4, 2), "patch", (0, 4, 3)),
        ((0, 4, 2), "minor", (0, 5, 0)),
        ((0, 4, 2), "major", (1, 0, 0)),
        ((1, 9, 9), "1.10.0", (1, 10, 0)),
    ],
)
def test_bump(current: tuple[int, int, int], how: str, expected: tuple[int, int, int]) -> None:
    assert bump(current, how) == expected


def test_bump_refuses_going_back() -> None:
    with pytest.raises(ReleaseError):
        bump((1, 2, 3), "1.2.3")


@pytest.mark.parametrize(
    ("version", "expected"),
    [
        ((0, 1, 0), ">=0.1.0,<0.2.0"),
        ((0, 9, 4), ">=0.9.4,<0.10.0"),
        ((1, 0, 0), ">=1.0.0,<2.0.0"),
        ((2, 3, 1), ">=2.3.1,<3.0.0"),
    ],
)
def test_compatible_range(version: tuple[int, int, int], expected: str) -> None:
    assert compatible_range(version) == expected


def test_changelog_refuses_a_version_it_already_has() -> None:
    with pytest.raises(ReleaseError, match="already has"):
        release_changelog(CHANGELOG, "0.1.0", DATE)
