from __future__ import annotations

import json
from collections.abc import AsyncIterator, Iterator
from typing import Any

import httpx
import pytest
import respx

BASE_URL = "https://api.together.xyz/v1"
KEY_VARIABLES = ("TOGETHER_API_KEY", "TOGETHER_AI_API_KEY")


@pytest.fixture
def anyio_backend() -> str:
    return "asyncio"


@pytest.fixture(autouse=True)
def _no_together_keys(monkeypatch: pytest.MonkeyPatch) -> None:
    """Tests start without Together AI keys in the environment."""
    for variable in KEY_VARIABLES:
        monkeypatch.delenv(variable, raising=False)


class _Chunks(httpx.AsyncByteStream):
    def __init__(self, chunks: list[bytes]) -> None:
        self._chunks = chunks

    async def __aiter__(self) -> AsyncIterator[bytes]:
        for chunk in self._chunks:
            yield chunk


class FakeApi:
    """Answers every request with the response set last; records the requests."""

    def __init__(self, router: respx.MockRouter) -> None:
        self.route = router.route()
        self.json({})

    def json(self, body: Any, *, status: int = 200, headers: dict[str, str] | None = None) -> None:
        self.route.mock(
            return_value=httpx.Response(
                status,
                headers={"content-type": "application/json", **(headers or {})},
                content=json.dumps(body, separators=(",", ":")).encode(),
            )
        )

    def data_events(self, *events: dict[str, Any]) -> None:
        """``data: <json>`` events, then ``data: [DONE]``."""
        chunks = [f"data: {json.dumps(event)}\n\n".encode() for event in events]
        chunks.append(b"data: [DONE]\n\n")
        self.route.mock(
            side_effect=lambda request: httpx.Response(
                200, headers={"content-type": "text/event-stream"}, stream=_Chunks(chunks)
            )
        )

    @property
    def request(self) -> httpx.Request:
        return self.route.calls.last.request

    @property
    def request_json(self) -> Any:
        return json.loads(self.request.content)


@pytest.fixture
def api() -> Iterator[FakeApi]:
    with respx.mock(assert_all_called=False) as router:
        yield FakeApi(router)
