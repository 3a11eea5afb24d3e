"""The README's Python examples run as written and print what the README says they print."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

README = Path(__file__).resolve().parents[1] / "README.md"
BLOCKS = re.findall(r"```python\n(.*?)```", README.read_text(), flags=re.DOTALL)


def _expected_output(block: str) -> list[str]:
    """The ``# value`` comments after ``print(...)`` lines: what each print must show."""
    return [
        comment.strip()
        for line in block.splitlines()
        if line.lstrip().startswith("print(") and (comment := line.partition("#")[2])
    ]


@pytest.mark.parametrize("block", BLOCKS, ids=[f"example-{n}" for n in range(len(BLOCKS))])
def test_readme_example_runs(block: str) -> None:
    completed = subprocess.run(
        [sys.executable, "-c", block], capture_output=True, text=True, timeout=60
    )

    assert completed.returncode == 0, completed.stderr
    output = completed.stdout
    for expected in _expected_output(block):
        assert expected in output


def test_readme_has_examples() -> None:
    assert len(BLOCKS) >= 3
