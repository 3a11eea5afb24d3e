"""A real HTTP server on 127.0.0.1 for download tests (stdlib ``http.server`` in a thread)."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

PNG = bytes([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0])

# path → (status, body, headers); a body without content-length ends when the connection closes
ROUTES: dict[str, tuple[int, bytes, dict[str, str]]] = {
    "/image.png": (200, PNG, {"content-type": "image/png", "content-length": str(len(PNG))}),
    "/text": (200, b"hello", {"content-type": "text/plain", "content-length": "5"}),
    "/declared-large": (200, b"x" * 10, {"content-length": "1000"}),
    "/streamed-large": (200, b"x" * 1000, {"content-type": "application/octet-stream"}),
    "/redirect": (302, b"", {"location": "/image.png", "content-length": "0"}),
    "/loop": (301, b"", {"location": "/loop", "content-length": "0"}),
}


@dataclass
class FileServer:
    """Serves :data:`ROUTES`; records each request's path and headers.

    Requests to ``/together/…`` are answered only once ``barrier.parties`` of them are in
    flight at the same time (500 if that does not happen within 5 s).
    """

    base_url: str = ""
    requests: list[tuple[str, dict[str, str]]] = field(default_factory=list)
    barrier: threading.Barrier = field(default_factory=lambda: threading.Barrier(3, timeout=5))

    def url(self, path: str) -> str:
        return f"{self.base_url}{path}"

    @property
    def paths(self) -> list[str]:
        return [path for path, _ in self.requests]


def _handler(server: FileServer) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            server.requests.append((self.path, {k.lower(): v for k, v in self.headers.items()}))
            if self.path.startswith("/together/"):
                try:
                    server.barrier.wait()
                except threading.BrokenBarrierError:
                    self._send(500, b"", {"content-length": "0"})
                else:
                    body = self.path.encode()
                    self._send(200, body, {"content-length": str(len(body))})
                return
            self._send(*ROUTES.get(self.path, (404, b"", {"content-length": "0"})))

        def _send(self, status: int, body: bytes, headers: dict[str, str]) -> None:
            self.send_response(status)
            for name, value in headers.items():
                self.send_header(name, value)
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, format: str, *args: object) -> None:
            pass

    return Handler


@pytest.fixture
def file_server() -> Iterator[FileServer]:
    server = FileServer()
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _handler(server))
    httpd.daemon_threads = True
    server.base_url = f"http://127.0.0.1:{httpd.server_address[1]}"
    thread = threading.Thread(target=httpd.serve_forever, kwargs={"poll_interval": 0.01})
    thread.start()
    try:
        yield server
    finally:
        server.barrier.abort()
        httpd.shutdown()
        httpd.server_close()
        thread.join()
