"""The README's Python blocks compile, and the runnable ones run against a mocked API."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import httpx
import pytest
import respx

README = Path(__file__).resolve().parents[1] / "README.md"
BLOCKS = re.findall(r"```python\n(.*?)```", README.read_text("utf-8"), flags=re.DOTALL)
RUNNABLE = [block for block in BLOCKS if "asyncio.run(main())" in block]

RESPONSES = {
    "/v1/chat/completions": {
        "choices": [
            {"message": {"role": "assistant", "content": "Waves fold"}, "finish_reason": "stop"}
        ]
    },
    "/v1/images/generations": {"data": [{"b64_json": "aW1hZ2U="}]},
    "/v1/rerank": {
        "results": [{"index": 1, "relevance_score": 0.9}],
        "usage": {"prompt_tokens": 9, "completion_tokens": 0, "total_tokens": 9},
    },
    "/v1/embeddings": {"data": [{"embedding": [0.1, 0.2, 0.3]}]},
}


def _respond(request: httpx.Request) -> httpx.Response:
    assert request.url.host == "api.together.xyz"
    assert request.headers["authorization"] == "Bearer test-key"
    return httpx.Response(200, json=RESPONSES[request.url.path])


@pytest.mark.parametrize("block", BLOCKS, ids=[f"example-{n}" for n in range(len(BLOCKS))])
def test_readme_block_compiles(block: str) -> None:
    compile(block, "README.md", "exec", flags=ast.PyCF_ALLOW_TOP_LEVEL_AWAIT)


@pytest.mark.parametrize("block", RUNNABLE, ids=[f"runnable-{n}" for n in range(len(RUNNABLE))])
def test_readme_example_runs(
    block: str,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.setenv("TOGETHER_API_KEY", "test-key")
    monkeypatch.chdir(tmp_path)  # the image example writes a file

    with respx.mock(assert_all_called=False) as router:
        router.route().mock(side_effect=_respond)
        exec(compile(block, "README.md", "exec"), {"__name__": "__main__"})

    assert capsys.readouterr().out.strip()
    if "lighthouse.png" in block:
        assert (tmp_path / "lighthouse.png").read_bytes() == b"image"
