"""The README's demo (examples/demo.py) runs to its end against the local server."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from local_llm import Server

DEMO = Path(__file__).resolve().parents[2] / "examples" / "demo.py"


def test_the_demo_runs_every_step(llama_server: Server) -> None:
    completed = subprocess.run(
        [sys.executable, str(DEMO), "--base-url", llama_server.base_url],
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )

    assert completed.returncode == 0, completed.stderr
    output = completed.stdout
    for number, title in enumerate(
        ["generate_text", "stream_text", "tools", "structured output", "embeddings"], start=1
    ):
        assert f"{number}/5  {title}" in output
    assert "tool call get_weather(" in output
    assert "type: City" in output
    assert "3 embeddings of 576 numbers each" in output
