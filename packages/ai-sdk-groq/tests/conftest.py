from __future__ import annotations

import json
from collections.abc import AsyncIterator, Iterator
from typing import Any

import httpx
import pytest
import respx

BASE_URL = "https://api.groq.com/openai/v1"


@pytest.fixture
def anyio_backend() -> str:
    return "asyncio"


@pytest.fixture(autouse=True)
def _no_groq_api_key(monkeypatch: pytest.MonkeyPatch) -> None:
    """Tests choose the key themselves (``api_key=`` or ``GROQ_API_KEY``)."""
    monkeypatch.delenv("GROQ_API_KEY", raising=False)


class Chunks(httpx.AsyncByteStream):
    """A streamed body that records whether it was closed."""

    def __init__(self, chunks: list[bytes]) -> None:
        self._chunks = chunks
        self.closed = False

    async def __aiter__(self) -> AsyncIterator[bytes]:
        for chunk in self._chunks:
            yield chunk

    async def aclose(self) -> None:
        self.closed = True


class FakeApi:
    """Answers every request to ``BASE_URL`` with the response set last; records requests."""

    def __init__(self, router: respx.MockRouter) -> None:
        self.route = router.route()
        self.streams: list[Chunks] = []
        self.json({})

    def json(self, body: Any, *, status: int = 200, headers: dict[str, str] | None = None) -> None:
        self.route.mock(
            return_value=httpx.Response(
                status,
                headers={"content-type": "application/json", **(headers or {})},
                content=json.dumps(body, separators=(",", ":")).encode(),
            )
        )

    def text(self, body: str, *, headers: dict[str, str] | None = None) -> None:
        self.route.mock(return_value=httpx.Response(200, headers=headers, content=body.encode()))

    def sse(self, chunks: list[str], *, headers: dict[str, str] | None = None) -> None:
        def respond(request: httpx.Request) -> httpx.Response:
            self.streams.append(Chunks([chunk.encode() for chunk in chunks]))
            return httpx.Response(
                200,
                headers={
                    "content-type": "text/event-stream",
                    "cache-control": "no-cache",
                    "connection": "keep-alive",
                    **(headers or {}),
                },
                stream=self.streams[-1],
            )

        self.route.mock(side_effect=respond)

    def data_events(self, *events: dict[str, Any] | str) -> None:
        """``data: <json>`` events, then ``data: [DONE]``."""
        self.sse(
            [
                f"data: {event if isinstance(event, str) else json.dumps(event)}\n\n"
                for event in events
            ]
            + ["data: [DONE]\n\n"]
        )

    @property
    def request(self) -> httpx.Request:
        return self.route.calls.last.request

    @property
    def request_json(self) -> Any:
        return json.loads(self.request.content)


@pytest.fixture
def api() -> Iterator[FakeApi]:
    with respx.mock(base_url=BASE_URL, assert_all_called=False) as router:
        yield FakeApi(router)
