"""The README's Python blocks are valid Python, and the offline example runs."""

from __future__ import annotations

import ast
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

README = Path(__file__).resolve().parents[1] / "README.md"
BLOCKS = re.findall(r"```python\n(.*?)```", README.read_text("utf-8"), flags=re.DOTALL)


@pytest.mark.parametrize("block", BLOCKS, ids=[f"example-{n}" for n in range(len(BLOCKS))])
def test_readme_block_compiles(block: str) -> None:
    compile(block, "README.md", "exec", flags=ast.PyCF_ALLOW_TOP_LEVEL_AWAIT)


def test_the_offline_example_runs() -> None:
    block = next(block for block in BLOCKS if "MockTransport" in block)
    environment = {key: value for key, value in os.environ.items() if key != "GROQ_API_KEY"}
    output = subprocess.run(
        [sys.executable, "-c", block],
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
        env=environment,
    ).stdout
    assert output.splitlines() == ["Hi from a fake Groq.", "5 6"]
