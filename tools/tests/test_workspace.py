"""Invariants of the workspace's packaging that no single package's tests can see."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path
from typing import Any

import pytest

from release import compatible_range, normalize, parse_version, workspace_members

ROOT = Path(__file__).resolve().parents[2]
MEMBERS = workspace_members(ROOT)
PROJECTS: dict[str, dict[str, Any]] = {
    name: tomllib.loads((path / "pyproject.toml").read_text("utf-8"))
    for name, path in MEMBERS.items()
}
# DESIGN.md, "Dependency rule": who may depend on (and import) whom.
ALLOWED = {
    "ai-sdk-core": set[str](),
    "ai-sdk-openai-compatible": {"ai-sdk-core"},
    "ai-sdk-groq": {"ai-sdk-core"},
    "ai-sdk-togetherai": {"ai-sdk-core", "ai-sdk-openai-compatible"},
    "ai-sdk-gateway": {"ai-sdk-core"},
    "ai-sdk": {
        "ai-sdk-core",
        "ai-sdk-openai-compatible",
        "ai-sdk-groq",
        "ai-sdk-togetherai",
        "ai-sdk-gateway",
    },
}
REQUIREMENT = re.compile(r"([A-Za-z0-9][A-Za-z0-9._-]*)\s*(\[[^\]]*\])?\s*([^;]*?)\s*(;.*)?")


def requirements(project: dict[str, Any]) -> list[tuple[str, str]]:
    """(normalized name, version specifier) of every dependency, extras included."""
    texts: list[str] = list(project["project"].get("dependencies", []))
    for extra in project["project"].get("optional-dependencies", {}).values():
        texts += extra
    found: list[tuple[str, str]] = []
    for text in texts:
        match = REQUIREMENT.fullmatch(text)
        assert match, text
        found.append((normalize(match[1]), match[3]))
    return found


def test_members_are_the_six_packages() -> None:
    assert set(MEMBERS) == set(ALLOWED)
    assert {path.name for path in MEMBERS.values()} == set(ALLOWED)


def test_dependency_rule() -> None:
    for name, project in PROJECTS.items():
        used = {dep for dep, _ in requirements(project) if dep in MEMBERS}
        assert used <= ALLOWED[name], name


def test_workspace_ranges_follow_the_rule_and_admit_the_current_version() -> None:
    for name, project in PROJECTS.items():
        for dep, specifier in requirements(project):
            if dep not in MEMBERS:
                continue
            bounds = re.fullmatch(r">=([0-9.]+),<([0-9.]+)", specifier)
            assert bounds, f"{name}: {dep}{specifier}"
            floor, ceiling = parse_version(bounds[1]), parse_version(bounds[2])
            assert specifier == compatible_range(floor), f"{name}: {dep}{specifier}"
            current = parse_version(PROJECTS[dep]["project"]["version"])
            assert floor <= current < ceiling, f"{name}: {dep}{specifier} excludes {current}"


def test_workspace_dependencies_come_from_the_workspace() -> None:
    for name, project in PROJECTS.items():
        sources = project.get("tool", {}).get("uv", {}).get("sources", {})
        for dep, _ in requirements(project):
            if dep in MEMBERS:
                assert sources.get(dep) == {"workspace": True}, f"{name}: {dep}"


def test_meta_package_has_one_extra_per_provider_and_all() -> None:
    extras: dict[str, list[str]] = PROJECTS["ai-sdk"]["project"]["optional-dependencies"]
    providers = sorted(ALLOWED["ai-sdk"] - {"ai-sdk-core"})
    assert sorted(extras) == sorted([*(p.removeprefix("ai-sdk-") for p in providers), "all"])
    for extra, requirement_list in extras.items():
        if extra != "all":
            assert [normalize(r.split(">")[0]) for r in requirement_list] == [f"ai-sdk-{extra}"]
    assert sorted(extras["all"]) == sorted(r for e, rs in extras.items() if e != "all" for r in rs)
    modules = MEMBERS["ai-sdk"] / "src" / "ai_sdk" / "providers"
    for extra in extras:
        if extra != "all":
            assert (modules / f"{extra.replace('-', '_')}.py").is_file(), extra


def test_every_changelog_has_one_unreleased_section() -> None:
    for path in MEMBERS.values():
        text = (path / "CHANGELOG.md").read_text("utf-8")
        assert re.findall(r"^## Unreleased$", text, re.MULTILINE) == ["## Unreleased"], path


def _import_dir(name: str) -> Path:
    return MEMBERS[name] / "src" / name.replace("-", "_")


@pytest.mark.parametrize("name", sorted(ALLOWED))
def test_version_module_matches_pyproject(name: str) -> None:
    version_file = (_import_dir(name) / "_version.py").read_text("utf-8")

    assert version_file == f'__version__ = "{PROJECTS[name]["project"]["version"]}"\n'


@pytest.mark.parametrize("name", sorted(ALLOWED))
def test_wheel_ships_the_import_package_with_its_typing_marker(name: str) -> None:
    targets = PROJECTS[name]["tool"]["hatch"]["build"]["targets"]["wheel"]["packages"]

    assert [MEMBERS[name] / target for target in targets] == [_import_dir(name)]
    assert (_import_dir(name) / "py.typed").is_file()
