"""HTTP header helpers: merging, normalising, the user-agent suffix, response headers."""

from __future__ import annotations

import sys
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, TypeAlias, TypeVar, cast

if TYPE_CHECKING:
    import httpx

__all__ = [
    "HeadersInput",
    "combine_headers",
    "extract_response_headers",
    "normalize_headers",
    "remove_undefined_entries",
    "runtime_user_agent",
    "with_user_agent_suffix",
]

V = TypeVar("V")

HeadersInput: TypeAlias = Mapping[str, str | None] | Iterable[tuple[str, str | None]] | None
"""Headers as a mapping or as ``(name, value)`` pairs; a ``None`` value means "not set"."""


def combine_headers(*headers: Mapping[str, str | None] | None) -> dict[str, str | None]:
    """Merge header mappings left to right (later ones win; ``None`` arguments are skipped).

    Names are compared as written and ``None`` values are kept: the HTTP layer drops them.
    """
    combined: dict[str, str | None] = {}
    for item in headers:
        if item is not None:
            combined.update(item)
    return combined


def remove_undefined_entries(record: Mapping[str, V | None]) -> dict[str, V]:
    """The entries of ``record`` whose value is not ``None``."""
    return {key: value for key, value in record.items() if value is not None}


def normalize_headers(headers: HeadersInput) -> dict[str, str]:
    """Headers as a plain dict with lower-case names; ``None`` values are dropped."""
    if headers is None:
        return {}
    items: Iterable[tuple[str, str | None]] = (
        cast("Mapping[str, str | None]", headers).items()
        if isinstance(headers, Mapping)
        else headers
    )
    return {name.lower(): value for name, value in items if value is not None}


def with_user_agent_suffix(headers: HeadersInput, *suffix_parts: str) -> dict[str, str]:
    """Normalised headers (names sorted, as ``fetch`` orders them) with ``suffix_parts``
    appended to the ``user-agent`` header, which is created when missing."""
    normalized = normalize_headers(headers)
    user_agent = normalized.get("user-agent", "")
    normalized["user-agent"] = " ".join(part for part in (user_agent, *suffix_parts) if part)
    return dict(sorted(normalized.items()))


def runtime_user_agent(*, legacy: bool = False) -> str:
    """The user-agent token of the running interpreter: ``python/3.12.4``.

    ``legacy=True`` gives the form older provider-utils releases sent
    (``runtime/python/3.12.4``).
    """
    major, minor, micro = sys.version_info[:3]
    token = f"python/{major}.{minor}.{micro}"
    return f"runtime/{token}" if legacy else token


def extract_response_headers(response: httpx.Response) -> dict[str, str]:
    """Response headers as ``Object.fromEntries(response.headers)`` gives them in TS.

    Names are lower-case and sorted; repeated headers are joined with ``", "`` except
    ``set-cookie``, where the last one wins.
    """
    headers: dict[str, str] = {}
    for name, value in response.headers.multi_items():
        if name in headers and name != "set-cookie":
            headers[name] = f"{headers[name]}, {value}"
        else:
            headers[name] = value
    return dict(sorted(headers.items()))
