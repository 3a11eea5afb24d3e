"""Ports of download.test.ts, validate-download-url.test.ts, fetch-with-validated-redirects and
read-response-with-size-limit tests: a real loopback server, respx for the public-address paths."""

from __future__ import annotations

import socket
import sys
from collections.abc import AsyncIterator, Sequence
from functools import partial
from typing import Any

import anyio
import httpx
import pytest
import respx

from ai_sdk_core._version import __version__
from ai_sdk_core.errors import DownloadError
from ai_sdk_core.prompt import (
    DownloadedFile,
    DownloadRequest,
    create_default_download_function,
    download,
    validate_download_url,
)

from .conftest import PNG, FileServer

PUBLIC = "93.184.216.34"  # a literal public address: no DNS lookup, and respx answers


@pytest.fixture
async def client() -> AsyncIterator[httpx.AsyncClient]:
    async with httpx.AsyncClient() as client:
        yield client


@pytest.mark.anyio
async def test_downloads_bytes_and_media_type(
    file_server: FileServer, client: httpx.AsyncClient
) -> None:
    result = await download(
        file_server.url("/image.png"), http_client=client, allow_private_network=True
    )
    assert result == DownloadedFile(data=PNG, media_type="image/png")
    [(_, headers)] = file_server.requests
    python = "python/{}.{}.{}".format(*sys.version_info[:3])
    assert headers["user-agent"] == f"ai-sdk/{__version__} {python}"


@pytest.mark.anyio
async def test_a_loopback_address_is_refused_without_a_request(
    file_server: FileServer, client: httpx.AsyncClient
) -> None:
    url = file_server.url("/image.png")
    with pytest.raises(DownloadError) as caught:
        await download(url, http_client=client)
    assert caught.value.message == "URL with IP address 127.0.0.1 is not allowed"
    assert caught.value.url == url
    assert file_server.requests == []


@pytest.mark.anyio
async def test_redirects_are_followed(file_server: FileServer, client: httpx.AsyncClient) -> None:
    result = await download(
        file_server.url("/redirect"), http_client=client, allow_private_network=True
    )
    assert result.data == PNG
    assert file_server.paths == ["/redirect", "/image.png"]


@pytest.mark.anyio
async def test_a_redirect_loop_stops_after_ten_redirects(
    file_server: FileServer, client: httpx.AsyncClient
) -> None:
    with pytest.raises(DownloadError, match=r"^Too many redirects \(max 10\)$"):
        await download(file_server.url("/loop"), http_client=client, allow_private_network=True)
    assert len(file_server.requests) == 11


@pytest.mark.anyio
async def test_an_error_status_raises(file_server: FileServer, client: httpx.AsyncClient) -> None:
    url = file_server.url("/missing")
    with pytest.raises(DownloadError) as caught:
        await download(url, http_client=client, allow_private_network=True)
    assert (caught.value.status_code, caught.value.status_text) == (404, "Not Found")
    assert caught.value.message == f"Failed to download {url}: 404 Not Found"


@pytest.mark.anyio
async def test_a_declared_size_over_the_cap_is_refused(
    file_server: FileServer, client: httpx.AsyncClient
) -> None:
    url = file_server.url("/declared-large")
    with pytest.raises(DownloadError) as caught:
        await download(url, max_bytes=100, http_client=client, allow_private_network=True)
    assert caught.value.message == (
        f"Download of {url} exceeded maximum size of 100 bytes (Content-Length: 1000)."
    )


@pytest.mark.anyio
async def test_the_size_cap_is_enforced_while_streaming(
    file_server: FileServer, client: httpx.AsyncClient
) -> None:
    url = file_server.url("/streamed-large")
    with pytest.raises(DownloadError) as caught:
        await download(url, max_bytes=999, http_client=client, allow_private_network=True)
    assert caught.value.message == f"Download of {url} exceeded maximum size of 999 bytes."
    exact = await download(url, max_bytes=1000, http_client=client, allow_private_network=True)
    assert exact.data == b"x" * 1000


@pytest.mark.anyio
@pytest.mark.parametrize("allow_private_network", [False, True])
@pytest.mark.parametrize(
    "url", ["file:///etc/passwd", "ftp://example.com/file", "javascript:alert(1)", "gs://b/f"]
)
async def test_non_http_schemes_are_refused(
    url: str, allow_private_network: bool, client: httpx.AsyncClient
) -> None:
    with pytest.raises(DownloadError, match="URL scheme must be http or https"):
        await download(url, http_client=client, allow_private_network=allow_private_network)


@pytest.mark.anyio
async def test_a_redirect_to_a_private_address_is_refused_before_it_is_requested() -> None:
    with respx.mock(assert_all_called=False) as router:
        start = router.get(f"https://{PUBLIC}/start").respond(
            302, headers={"location": "http://169.254.169.254/latest/meta-data/"}
        )
        metadata = router.get("http://169.254.169.254/latest/meta-data/").respond(200)
        with pytest.raises(DownloadError, match=r"URL with IP address 169\.254\.169\.254"):
            await download(f"https://{PUBLIC}/start")
    assert start.call_count == 1
    assert not metadata.called


def fake_resolver(addresses: dict[str, list[str]]) -> Any:
    async def getaddrinfo(host: str, port: int, **_: object) -> list[tuple[Any, ...]]:
        return [
            (
                socket.AF_INET6 if ":" in address else socket.AF_INET,
                socket.SOCK_STREAM,
                6,
                "",
                (address, port),
            )
            for address in addresses[host]
        ]

    return getaddrinfo


@pytest.mark.anyio
@pytest.mark.parametrize(
    "resolved",
    [["10.0.0.5"], ["::1"], ["fd00::5"], [PUBLIC, "::ffff:127.0.0.1"], ["64:ff9b::a9fe:a9fe"]],
)
async def test_a_host_resolving_to_any_private_address_is_refused(
    resolved: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(anyio, "getaddrinfo", fake_resolver({"files.example": resolved}))
    with respx.mock(assert_all_called=False) as router:
        route = router.get("https://files.example/a.png").respond(200, content=PNG)
        with pytest.raises(DownloadError, match=r"^Hostname files\.example resolved to disallowed"):
            await download("https://files.example/a.png")
    assert not route.called


@pytest.mark.anyio
async def test_every_redirect_hop_is_resolved_and_checked(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(
        anyio,
        "getaddrinfo",
        fake_resolver(
            {"cdn.example": [PUBLIC, "2606:4700::1"], "internal.example": ["192.168.1.9"]}
        ),
    )
    with respx.mock(assert_all_called=False) as router:
        router.get("https://cdn.example/a.png").respond(
            307, headers={"location": "https://internal.example/a.png"}
        )
        internal = router.get("https://internal.example/a.png").respond(200)
        with pytest.raises(DownloadError, match=r"internal\.example resolved to disallowed IP"):
            await download("https://cdn.example/a.png")
    assert not internal.called


@pytest.mark.anyio
async def test_a_public_host_is_downloaded(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(anyio, "getaddrinfo", fake_resolver({"cdn.example": [PUBLIC]}))
    with respx.mock() as router:
        router.get("https://cdn.example/a.png").respond(
            200, content=PNG, headers={"content-type": "image/png"}
        )
        assert await download("https://cdn.example/a.png") == DownloadedFile(
            data=PNG, media_type="image/png"
        )


@pytest.mark.anyio
async def test_a_connection_failure_is_a_download_error() -> None:
    url = f"https://{PUBLIC}/a.png"
    failure = httpx.ConnectError("connection refused")
    with respx.mock() as router:
        router.get(url).mock(side_effect=failure)
        with pytest.raises(DownloadError) as caught:
            await download(url)
    assert caught.value.cause is failure
    assert caught.value.message == f"Failed to download {url}: connection refused"


@pytest.mark.parametrize(
    "url",
    [
        "https://example.com/image.png",
        "http://example.com/image.png",
        "https://8.8.8.8/file",
        "https://example.com:8080/file",
        "http://172.15.0.1/file",
        "http://172.32.0.1/file",
        "http://192.0.3.1/file",
        "http://198.51.101.1/file",
        "http://203.0.114.1/file",
        "http://100.63.0.1/file",
        "http://100.128.0.1/file",
        "http://[::ffff:8.8.8.8]/file",
        "http://[64:ff9b::8.8.8.8]/file",
        "http://[2606:4700::1]/file",
        "http://[3fff:1000::1]/file",
        "https://example.com./image.png",
    ],
)
def test_public_urls_are_valid(url: str) -> None:
    validate_download_url(url)


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("not-a-url", "Invalid URL: not-a-url"),
        ("file:///etc/passwd", "URL scheme must be http or https, got file:"),
        ("data:text/plain;base64,aGVsbG8=", "URL scheme must be http or https, got data:"),
        ("http:///file", "URL must have a hostname"),
        ("http://localhost/file", "URL with hostname localhost is not allowed"),
        ("http://localhost:3000/file", "URL with hostname localhost is not allowed"),
        ("http://localhost./file", "URL with hostname localhost is not allowed"),
        ("http://myhost.local/file", "URL with hostname myhost.local is not allowed"),
        ("http://myhost.local./file", "URL with hostname myhost.local is not allowed"),
        ("http://app.localhost/file", "URL with hostname app.localhost is not allowed"),
        ("http://127.0.0.1/file", "URL with IP address 127.0.0.1 is not allowed"),
        ("http://127.255.0.1/file", "URL with IP address 127.255.0.1 is not allowed"),
        ("http://10.0.0.1/file", "URL with IP address 10.0.0.1 is not allowed"),
        ("http://172.16.0.1/file", "URL with IP address 172.16.0.1 is not allowed"),
        ("http://172.31.255.255/file", "URL with IP address 172.31.255.255 is not allowed"),
        ("http://192.168.1.1/file", "URL with IP address 192.168.1.1 is not allowed"),
        ("http://169.254.169.254/latest/", "URL with IP address 169.254.169.254 is not allowed"),
        ("http://0.0.0.0/file", "URL with IP address 0.0.0.0 is not allowed"),
        ("http://224.0.0.1/file", "URL with IP address 224.0.0.1 is not allowed"),
        ("http://239.255.255.250/file", "URL with IP address 239.255.255.250 is not allowed"),
        ("http://240.0.0.1/file", "URL with IP address 240.0.0.1 is not allowed"),
        ("http://255.255.255.255/file", "URL with IP address 255.255.255.255 is not allowed"),
        ("http://192.0.0.1/file", "URL with IP address 192.0.0.1 is not allowed"),
        ("http://192.0.2.1/file", "URL with IP address 192.0.2.1 is not allowed"),
        ("http://198.51.100.1/file", "URL with IP address 198.51.100.1 is not allowed"),
        ("http://203.0.113.1/file", "URL with IP address 203.0.113.1 is not allowed"),
        ("http://100.64.0.1/file", "URL with IP address 100.64.0.1 is not allowed"),
        ("http://100.127.255.255/file", "URL with IP address 100.127.255.255 is not allowed"),
        ("http://198.18.0.1/file", "URL with IP address 198.18.0.1 is not allowed"),
        ("http://198.19.255.255/file", "URL with IP address 198.19.255.255 is not allowed"),
        # other IPv4 notations of 127.0.0.1
        ("http://2130706433/file", "URL with IP address 2130706433 is not allowed"),
        ("http://0x7f000001/file", "URL with IP address 0x7f000001 is not allowed"),
        ("http://0177.0.0.1/file", "Invalid URL: http://0177.0.0.1/file"),  # httpx refuses it
        ("http://[::1]/file", "URL with IPv6 address [::1] is not allowed"),
        ("http://[::]/file", "URL with IPv6 address [::] is not allowed"),
        ("http://[fc00::1]/file", "URL with IPv6 address [fc00::1] is not allowed"),
        ("http://[fd12::1]/file", "URL with IPv6 address [fd12::1] is not allowed"),
        ("http://[fe80::1]/file", "URL with IPv6 address [fe80::1] is not allowed"),
        ("http://[fec0::1]/file", "URL with IPv6 address [fec0::1] is not allowed"),
        ("http://[ff02::1]/file", "URL with IPv6 address [ff02::1] is not allowed"),
        ("http://[2001:db8::1]/file", "URL with IPv6 address [2001:db8::1] is not allowed"),
        ("http://[3fff::1]/file", "URL with IPv6 address [3fff::1] is not allowed"),
        ("http://[3fff:fff::1]/file", "URL with IPv6 address [3fff:fff::1] is not allowed"),
        ("http://[::ffff:127.0.0.1]/file", "URL with IPv6 address [::ffff:127.0.0.1]"),
        ("http://[::ffff:10.0.0.1]/file", "URL with IPv6 address [::ffff:10.0.0.1]"),
        ("http://[::ffff:169.254.169.254]/file", "URL with IPv6 address [::ffff:169.254.169.254]"),
        ("http://[::127.0.0.1]/file", "URL with IPv6 address [::127.0.0.1]"),
        ("http://[::ffff:0:127.0.0.1]/file", "URL with IPv6 address [::ffff:0:127.0.0.1]"),
        ("http://[64:ff9b::127.0.0.1]/file", "URL with IPv6 address [64:ff9b::127.0.0.1]"),
        (
            "http://[64:ff9b::169.254.169.254]/file",
            "URL with IPv6 address [64:ff9b::169.254.169.254]",
        ),
        (
            "http://[64:ff9b:1::169.254.169.254]/f",
            "URL with IPv6 address [64:ff9b:1::169.254.169.254]",
        ),
    ],
)
def test_unsafe_urls_are_refused(url: str, message: str) -> None:
    with pytest.raises(DownloadError) as caught:
        validate_download_url(url)
    assert caught.value.message.startswith(message)
    assert caught.value.url == url


@pytest.mark.anyio
async def test_the_default_download_function_downloads_in_parallel(
    file_server: FileServer, client: httpx.AsyncClient
) -> None:
    download_all = create_default_download_function(
        partial(download, http_client=client, allow_private_network=True)
    )
    urls = [file_server.url(f"/together/{index}") for index in range(3)]
    # the server answers only when all three requests are in flight at once
    results = await download_all(
        [DownloadRequest(url=url, is_url_supported_by_model=False) for url in urls]
    )
    assert [result and result.data for result in results] == [
        b"/together/0",
        b"/together/1",
        b"/together/2",
    ]


@pytest.mark.anyio
async def test_urls_the_model_supports_are_not_downloaded(
    file_server: FileServer, client: httpx.AsyncClient
) -> None:
    download_all = create_default_download_function(
        partial(download, http_client=client, allow_private_network=True)
    )
    results = await download_all(
        [
            DownloadRequest(url=file_server.url("/image.png"), is_url_supported_by_model=True),
            DownloadRequest(url=file_server.url("/text"), is_url_supported_by_model=False),
        ]
    )
    assert results == [None, DownloadedFile(data=b"hello", media_type="text/plain")]
    assert file_server.paths == ["/text"]


@pytest.mark.anyio
async def test_a_failed_download_raises_its_own_error() -> None:
    async def fail(url: str) -> DownloadedFile:
        raise DownloadError(url=url, status_code=500, status_text="Internal Server Error")

    requests: Sequence[DownloadRequest] = [
        DownloadRequest(url="https://a.example/x", is_url_supported_by_model=False)
    ]
    with pytest.raises(DownloadError, match="500 Internal Server Error"):
        await create_default_download_function(fail)(requests)
