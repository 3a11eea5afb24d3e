"""Request URLs: the provider's base URL, the endpoint path and optional query parameters."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Protocol
from urllib.parse import quote_plus, urlsplit, urlunsplit

__all__ = ["UrlBuilder", "build_url", "without_trailing_slash"]


class UrlBuilder(Protocol):
    """Builds a request URL from the model id and the endpoint path (``/chat/completions``)."""

    def __call__(self, *, model_id: str, path: str) -> str: ...


def without_trailing_slash(url: str) -> str:
    """``url`` without one trailing ``/``."""
    return url[:-1] if url.endswith("/") else url


def _form_encode(text: str) -> str:
    # as URLSearchParams serializes: spaces as "+", only *-._ and alphanumerics kept
    return quote_plus(text, safe="*").replace("~", "%7E")


def build_url(base_url: str, path: str, query_params: Mapping[str, str] | None = None) -> str:
    """``base_url + path``, its query replaced by ``query_params`` when given."""
    url = f"{base_url}{path}"
    if query_params is None:
        return url
    parts = urlsplit(url)
    query = "&".join(
        f"{_form_encode(key)}={_form_encode(value)}" for key, value in query_params.items()
    )
    return urlunsplit(parts._replace(query=query))
