"""A loopback HTTP server that answers every request with a case's recorded response.

It writes exactly what the case records (README "Serving the response"): the status line with
the recorded reason phrase, the recorded headers and no others, then the body, one write (and
flush) per chunk. The connection is closed after each response, which also ends a stream.
"""

from __future__ import annotations

import asyncio
import base64
import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from types import TracebackType
from typing import Any, Protocol

__all__ = ["RecordedRequest", "ReplayServer", "read_request", "wire_chunks", "write_chunks"]

_BODY_FORMS = ("body", "body_text", "sse_chunks", "chunks_base64")


@dataclass(frozen=True, slots=True)
class RecordedRequest:
    """A request as it arrived: method, target (path and query), headers in order, body."""

    method: str
    target: str
    headers: list[tuple[str, str]]
    body: bytes


def wire_chunks(response: Mapping[str, Any]) -> list[bytes]:
    """The bytes to send for a case's ``response``: the head, then each body chunk.

    ``body`` is compact JSON (as ``JSON.stringify`` writes it), ``body_text`` the text,
    ``sse_chunks`` one chunk per string, ``chunks_base64`` the decoded bytes of each chunk.
    Raises ``ValueError`` when the response has more than one body form.
    """
    head = [f"HTTP/1.1 {response['status']} {response['reason']}"]
    head += [f"{name}: {value}" for name, value in response["headers"].items()]
    chunks = [("\r\n".join(head) + "\r\n\r\n").encode()]
    forms = [form for form in _BODY_FORMS if form in response]
    if len(forms) > 1:
        raise ValueError(f"the response has more than one body form: {', '.join(forms)}")
    if forms == ["body"]:
        chunks.append(
            json.dumps(response["body"], separators=(",", ":"), ensure_ascii=False).encode()
        )
    elif forms == ["body_text"]:
        chunks.append(str(response["body_text"]).encode())
    elif forms == ["sse_chunks"]:
        chunks += [str(chunk).encode() for chunk in response["sse_chunks"]]
    elif forms == ["chunks_base64"]:
        chunks += [base64.b64decode(chunk) for chunk in response["chunks_base64"]]
    return chunks


class Writer(Protocol):
    """The part of :class:`asyncio.StreamWriter` that :func:`write_chunks` uses."""

    def write(self, data: bytes) -> None: ...

    async def drain(self) -> None: ...


async def write_chunks(writer: Writer, chunks: Sequence[bytes]) -> None:
    """Write each chunk on its own and flush it before the next."""
    for chunk in chunks:
        writer.write(chunk)
        await writer.drain()


async def read_request(reader: asyncio.StreamReader) -> RecordedRequest | None:
    """Read one HTTP/1.1 request (body by ``content-length`` or chunked); ``None`` at EOF."""
    try:
        head = await reader.readuntil(b"\r\n\r\n")
    except asyncio.IncompleteReadError:
        return None
    request_line, *lines = head[:-4].decode("latin-1").split("\r\n")
    method, target, _version = request_line.split(" ", 2)
    headers = [(name, value.strip()) for name, _, value in (line.partition(":") for line in lines)]
    fields = {name.lower(): value for name, value in headers}
    if "content-length" in fields:
        body = await reader.readexactly(int(fields["content-length"]))
    elif fields.get("transfer-encoding", "").lower() == "chunked":
        body = await _read_chunked_body(reader)
    else:
        body = b""
    return RecordedRequest(method=method, target=target, headers=headers, body=body)


async def _read_chunked_body(reader: asyncio.StreamReader) -> bytes:
    body = bytearray()
    while size := int((await reader.readuntil(b"\r\n")).split(b";")[0], 16):
        body += await reader.readexactly(size)
        await reader.readexactly(2)  # the CRLF after the chunk
    while await reader.readuntil(b"\r\n") != b"\r\n":  # trailers, up to the empty line
        pass
    return bytes(body)


class ReplayServer:
    """``async with ReplayServer(response) as server``: serves on ``127.0.0.1:server.port``.

    Every request gets the recorded response and is appended to ``requests``. Leaving the
    block closes the server and any connection still open.
    """

    def __init__(self, response: Mapping[str, Any]) -> None:
        self.requests: list[RecordedRequest] = []
        self.port = 0
        self._chunks = wire_chunks(response)
        self._connections: set[asyncio.StreamWriter] = set()
        self._server: asyncio.Server | None = None

    async def __aenter__(self) -> ReplayServer:
        self._server = await asyncio.start_server(self._serve, "127.0.0.1", 0)
        self.port = self._server.sockets[0].getsockname()[1]
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        assert self._server is not None
        self._server.close()
        for writer in self._connections:
            writer.close()
        await self._server.wait_closed()

    async def _serve(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        self._connections.add(writer)
        try:
            request = await read_request(reader)
            if request is not None:
                self.requests.append(request)
                await write_chunks(writer, self._chunks)
        except ConnectionError:
            pass  # the client closed the connection early
        finally:
            self._connections.discard(writer)
            writer.close()
