"""The README's Python blocks are valid Python, and the self-contained ones run."""

from __future__ import annotations

import ast
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


def test_the_metadata_extractor_example_is_a_metadata_extractor() -> None:
    block = next(block for block in BLOCKS if "class CostExtractor" in block)
    check = (
        "\nfrom ai_sdk_openai_compatible import MetadataExtractor, StreamMetadataExtractor\n"
        "assert isinstance(CostExtractor(), MetadataExtractor)\n"
        "assert isinstance(CostExtractor().create_stream_extractor(), StreamMetadataExtractor)\n"
    )
    subprocess.run([sys.executable, "-c", block + check], check=True, timeout=60)
