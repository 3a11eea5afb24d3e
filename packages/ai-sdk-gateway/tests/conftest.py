from __future__ import annotations

import json
from collections.abc import AsyncIterator, Iterator
from typing import Any

import httpx
import pytest
import respx

from ai_sdk_gateway import GatewayProvider, create_gateway

ORIGIN = "https://gateway.test"
BASE_URL = f"{ORIGIN}/v4/ai"

# The variables the gateway client reads; every test starts without them.
GATEWAY_ENV = [
    "AI_GATEWAY_API_KEY",
    "VERCEL_OIDC_TOKEN",
    "VERCEL_DEPLOYMENT_ID",
    "VERCEL_ENV",
    "VERCEL_REGION",
    "VERCEL_PROJECT_ID",
]


@pytest.fixture
def anyio_backend() -> str:
    return "asyncio"


@pytest.fixture(autouse=True)
def clean_env(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in GATEWAY_ENV:
        monkeypatch.delenv(name, raising=False)


class FakeClock:
    """Seconds since the epoch, moved by hand."""

    def __init__(self, now: float = 1_754_006_400.0) -> None:  # 2025-08-01T00:00:00Z
        self.now = now

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


class _Chunks(httpx.AsyncByteStream):
    def __init__(self, chunks: list[bytes]) -> None:
        self._chunks = chunks
        self.closed = False

    async def __aiter__(self) -> AsyncIterator[bytes]:
        for chunk in self._chunks:
            yield chunk

    async def aclose(self) -> None:
        self.closed = True


class FakeGateway:
    """Answers requests to the gateway by path (``"/v4/ai/image-model"``, ``"/v1/credits"``);
    records them."""

    origin = ORIGIN
    base_url = BASE_URL

    def __init__(self, router: respx.MockRouter) -> None:
        self.router = router
        self.streams: list[_Chunks] = []

    @staticmethod
    def body(route: respx.Route, index: int = -1) -> Any:
        """The JSON body of a recorded request."""
        return json.loads(route.calls[index].request.content)

    @staticmethod
    def body_of_response(route: respx.Route, index: int = -1) -> Any:
        """The JSON body of a recorded response."""
        return json.loads(route.calls[index].response.content)

    def json(
        self,
        path: str,
        body: Any,
        *,
        status: int = 200,
        headers: dict[str, str] | None = None,
    ) -> respx.Route:
        route = self.router.route(url__regex=rf"^{ORIGIN}{path}(\?.*)?$")
        route.mock(
            return_value=httpx.Response(
                status,
                headers={"content-type": "application/json", **(headers or {})},
                content=json.dumps(body, separators=(",", ":")).encode(),
            )
        )
        return route

    def sse(self, path: str, events: list[Any], *, status: int = 200) -> respx.Route:
        """``data: <json>`` events (strings are sent as they are)."""
        chunks = [
            f"data: {event if isinstance(event, str) else json.dumps(event)}\n\n".encode()
            for event in events
        ]

        def respond(request: httpx.Request) -> httpx.Response:
            self.streams.append(_Chunks(chunks))
            return httpx.Response(
                status, headers={"content-type": "text/event-stream"}, stream=self.streams[-1]
            )

        route = self.router.route(url__regex=rf"^{ORIGIN}{path}(\?.*)?$")
        route.mock(side_effect=respond)
        return route


@pytest.fixture
def fake() -> Iterator[FakeGateway]:
    with respx.mock(assert_all_called=False) as router:
        yield FakeGateway(router)


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def provider(clock: FakeClock) -> GatewayProvider:
    return create_gateway(api_key="test-key", base_url=BASE_URL, clock=clock)
