"""Downloads of prompt URLs the model cannot fetch itself, guarded against SSRF.

Port of ``download.ts``, ``download-function.ts`` (ai) and ``validate-download-url.ts``,
``fetch-with-validated-redirects.ts``, ``read-response-with-size-limit.ts`` (provider-utils).
Only ``http``/``https`` URLs are fetched. Unless ``allow_private_network`` is set, every hop of a
redirect chain is checked before it is requested: its host name, its literal IP address, and
every address the host resolves to (IPv4 and IPv6) must be public. Like TS on runtimes other
than Node, the request then resolves the host again: constrain egress at the network layer when
DNS answers are untrusted (rebinding).
"""

from __future__ import annotations

import ipaddress
import socket
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, TypeAlias

import anyio

from ai_sdk_core._errors import DownloadError
from ai_sdk_core._version import __version__
from ai_sdk_core.provider_utils import (
    default_http_client,
    runtime_user_agent,
    with_user_agent_suffix,
)

if TYPE_CHECKING:
    import httpx

__all__ = [
    "DEFAULT_MAX_DOWNLOAD_SIZE",
    "DownloadFunction",
    "DownloadRequest",
    "DownloadedFile",
    "create_default_download_function",
    "download",
    "validate_download_url",
]

DEFAULT_MAX_DOWNLOAD_SIZE = 2 * 1024**3
"""The default size cap of a download: 2 GiB."""

_MAX_REDIRECTS = 10


@dataclass(slots=True, frozen=True, kw_only=True)
class DownloadedFile:
    """Downloaded bytes and the ``content-type`` the server sent (if any)."""

    data: bytes
    media_type: str | None = None


@dataclass(slots=True, frozen=True, kw_only=True)
class DownloadRequest:
    """A URL of the prompt, and whether the model accepts it as a URL."""

    url: str
    is_url_supported_by_model: bool


DownloadFunction: TypeAlias = Callable[
    [Sequence[DownloadRequest]], Awaitable[Sequence[DownloadedFile | None]]
]
"""Downloads the prompt's URLs: one result per request, in order.

``None`` passes the URL to the model as it is; a :class:`DownloadedFile` inlines the data.
Raise :class:`~ai_sdk_core.errors.DownloadError` when a download fails.
"""


def create_default_download_function(
    download_file: Callable[[str], Awaitable[DownloadedFile]] | None = None,
) -> DownloadFunction:
    """Download, in parallel, the URLs the model does not support (with :func:`download`)."""
    fetch = download if download_file is None else download_file

    async def download_all(requests: Sequence[DownloadRequest]) -> list[DownloadedFile | None]:
        results: list[DownloadedFile | None] = [None] * len(requests)

        async def run(index: int, url: str) -> None:
            results[index] = await fetch(url)

        try:
            async with anyio.create_task_group() as group:
                for index, request in enumerate(requests):
                    if not request.is_url_supported_by_model:
                        group.start_soon(run, index, request.url)
        except BaseExceptionGroup as errors:  # the first failure, as Promise.all rejects
            raise errors.exceptions[0] from None
        return results

    return download_all


async def download(
    url: str,
    *,
    max_bytes: int = DEFAULT_MAX_DOWNLOAD_SIZE,
    http_client: httpx.AsyncClient | None = None,
    allow_private_network: bool = False,
) -> DownloadedFile:
    """GET ``url`` and return its body (at most ``max_bytes``) and content type.

    Redirects are followed (at most 10), each hop checked first. ``allow_private_network``
    turns the address checks off (e.g. to fetch from a local test server). Every failure raises
    :class:`~ai_sdk_core.errors.DownloadError`.
    """
    try:
        response = await _get_with_validated_redirects(
            url, http_client or default_http_client(), allow_private_network
        )
        try:
            if not response.is_success:
                raise DownloadError(
                    url=url, status_code=response.status_code, status_text=response.reason_phrase
                )
            data = await _read_with_size_limit(response, url, max_bytes)
        finally:
            await response.aclose()
        return DownloadedFile(data=data, media_type=response.headers.get("content-type"))
    except DownloadError:
        raise
    except Exception as error:
        raise DownloadError(url=url, cause=error) from error


async def _get_with_validated_redirects(
    url: str, client: httpx.AsyncClient, allow_private_network: bool
) -> httpx.Response:
    headers = with_user_agent_suffix(None, f"ai-sdk/{__version__}", runtime_user_agent())
    current = url
    for _ in range(_MAX_REDIRECTS + 1):
        parsed = _parse_http_url(current)
        if not allow_private_network:
            _validate_host(parsed, current)
            await _validate_resolved_addresses(parsed)
        request = client.build_request("GET", parsed, headers=headers)
        response = await client.send(request, stream=True, follow_redirects=False)
        if not response.is_redirect:
            return response
        await response.aclose()
        current = str(parsed.join(response.headers["location"]))
    raise DownloadError(url=url, message=f"Too many redirects (max {_MAX_REDIRECTS})")


def validate_download_url(url: str) -> None:
    """Raise :class:`~ai_sdk_core.errors.DownloadError` unless ``url`` may be downloaded.

    It must be ``http``/``https`` with a host name that is not ``localhost``, ``*.local`` or
    ``*.localhost``, and not a private, loopback, link-local, multicast, documentation or
    otherwise non-public IP address (in any IPv4 notation, or IPv6 embedding IPv4).
    """
    _validate_host(_parse_http_url(url), url)


def _validate_host(parsed: httpx.URL, url: str) -> None:
    host = parsed.host.lower().rstrip(".")
    if not host:
        raise DownloadError(url=url, message="URL must have a hostname")
    if host == "localhost" or host.endswith((".local", ".localhost")):
        raise DownloadError(url=url, message=f"URL with hostname {host} is not allowed")
    if ":" in host:
        if _is_private_ipv6(host):
            raise DownloadError(url=url, message=f"URL with IPv6 address [{host}] is not allowed")
        return
    address = _ipv4_literal(host)
    if address is not None and _is_private_ipv4(address):
        raise DownloadError(url=url, message=f"URL with IP address {host} is not allowed")


def _parse_http_url(url: str) -> httpx.URL:
    import httpx  # deferred: httpx is loaded on the first download, not at import

    try:
        parsed = httpx.URL(url)
    except httpx.InvalidURL:
        parsed = None
    if parsed is None or not parsed.scheme:
        raise DownloadError(url=url, message=f"Invalid URL: {url}")
    if parsed.scheme not in ("http", "https"):
        raise DownloadError(
            url=url, message=f"URL scheme must be http or https, got {parsed.scheme}:"
        )
    return parsed


async def _validate_resolved_addresses(url: httpx.URL) -> None:
    """Every address the host resolves to must be public."""
    port = url.port or (443 if url.scheme == "https" else 80)
    resolved = await anyio.getaddrinfo(url.host, port, type=socket.SOCK_STREAM)
    if not resolved:
        raise DownloadError(url=str(url), message=f"Hostname {url.host} did not resolve")
    for family, _, _, _, sockaddr in resolved:
        address = str(sockaddr[0])
        if family == socket.AF_INET:
            unsafe = _is_private_ipv4(ipaddress.IPv4Address(address))
        else:
            unsafe = family != socket.AF_INET6 or _is_private_ipv6(address)
        if unsafe:
            raise DownloadError(
                url=str(url),
                message=f"Hostname {url.host} resolved to disallowed IP address {address}",
            )


def _ipv4_literal(host: str) -> ipaddress.IPv4Address | None:
    """The IPv4 address a host name denotes, in any notation ``inet_aton`` (and WHATWG) accept:
    ``2130706433``, ``0x7f000001`` and ``0177.0.0.1`` are all 127.0.0.1."""
    try:
        return ipaddress.IPv4Address(socket.inet_aton(host))
    except (OSError, ValueError):
        return None


_PRIVATE_IPV4 = tuple(
    ipaddress.IPv4Network(network)
    for network in (
        "0.0.0.0/8",
        "10.0.0.0/8",
        "100.64.0.0/10",  # carrier-grade NAT
        "127.0.0.0/8",
        "169.254.0.0/16",  # link-local, cloud metadata
        "172.16.0.0/12",
        "192.0.0.0/24",
        "192.0.2.0/24",
        "192.168.0.0/16",
        "198.18.0.0/15",
        "198.51.100.0/24",
        "203.0.113.0/24",
        "224.0.0.0/3",  # multicast, reserved, broadcast
    )
)
_PRIVATE_IPV6 = tuple(
    ipaddress.IPv6Network(network)
    for network in (
        "::/127",  # unspecified, loopback
        "fc00::/7",  # unique local
        "fe80::/10",  # link-local
        "fec0::/10",  # site-local
        "ff00::/8",  # multicast
        "2001:db8::/32",  # documentation
        "3fff::/20",  # documentation
    )
)
# IPv6 ranges whose last 32 bits are an IPv4 address (compatible, mapped, translated, NAT64).
_EMBEDDING_IPV4 = tuple(
    ipaddress.IPv6Network(network)
    for network in ("::/96", "::ffff:0:0/96", "::ffff:0:0:0/96", "64:ff9b::/96", "64:ff9b:1::/48")
)


def _is_private_ipv4(address: ipaddress.IPv4Address) -> bool:
    return any(address in network for network in _PRIVATE_IPV4)


def _is_private_ipv6(text: str) -> bool:
    try:
        address = ipaddress.IPv6Address(text.split("%", 1)[0])
    except ValueError:
        return True  # fail closed
    if any(address in network for network in _PRIVATE_IPV6):
        return True
    if any(address in network for network in _EMBEDDING_IPV4):
        return _is_private_ipv4(ipaddress.IPv4Address(int(address) & 0xFFFFFFFF))
    return False


async def _read_with_size_limit(response: httpx.Response, url: str, max_bytes: int) -> bytes:
    """The body, refused early by ``content-length`` and while streaming past ``max_bytes``."""
    length = response.headers.get("content-length", "")
    if length.isdigit() and int(length) > max_bytes:
        raise DownloadError(
            url=url,
            message=f"Download of {url} exceeded maximum size of {max_bytes} bytes "
            f"(Content-Length: {int(length)}).",
        )
    body = bytearray()
    async for chunk in response.aiter_bytes():
        if len(body) + len(chunk) > max_bytes:
            raise DownloadError(
                url=url, message=f"Download of {url} exceeded maximum size of {max_bytes} bytes."
            )
        body += chunk
    return bytes(body)
