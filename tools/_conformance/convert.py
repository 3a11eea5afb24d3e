"""The corpus README's value forms: decoding a case's inputs, and the JSON form of outcomes
and of the recorded request."""

from __future__ import annotations

import base64
import json
import math
import re
from collections.abc import Mapping
from datetime import UTC, datetime
from typing import Any, cast
from urllib.parse import parse_qsl

from ai_sdk_core.wire import to_wire

from .server import RecordedRequest

__all__ = [
    "TRANSPORT_HEADERS",
    "decode_tagged",
    "normalize_request",
    "normalize_user_agent",
    "outcome_json",
    "tolerate_runtime_token",
    "with_port",
]

PORT = "{port}"

TRANSPORT_HEADERS = frozenset(
    {
        "host",
        "connection",
        "content-length",
        "accept-encoding",
        "accept-language",
        "sec-fetch-mode",
        "transfer-encoding",
        "keep-alive",
    }
)
"""Request headers the HTTP client adds, removed before comparing (as is ``accept: */*``)."""

_VERSION = re.compile(r"/v?[0-9][^\s/]*")


def with_port(value: Any, port: int) -> Any:
    """``value`` with ``{port}`` replaced by ``port`` in every string (keys included)."""
    if isinstance(value, str):
        return value.replace(PORT, str(port))
    if isinstance(value, list):
        return [with_port(item, port) for item in cast("list[Any]", value)]
    if isinstance(value, dict):
        return {
            with_port(key, port): with_port(item, port)
            for key, item in cast("dict[str, Any]", value).items()
        }
    return value


def decode_tagged(value: Any) -> Any:
    """``{"__type": "Uint8Array", "base64"}`` → bytes and ``{"__type": "URL", "href"}`` → the
    href, anywhere in ``value``; ``ValueError`` for another ``__type``."""
    if isinstance(value, list):
        return [decode_tagged(item) for item in cast("list[Any]", value)]
    if not isinstance(value, dict):
        return value
    mapping = cast("dict[str, Any]", value)
    match mapping.get("__type"):
        case None:
            return {key: decode_tagged(item) for key, item in mapping.items()}
        case "Uint8Array":
            return base64.b64decode(mapping["base64"])
        case "URL":
            return mapping["href"]
        case other:
            raise ValueError(f"unknown tagged value {{'__type': {other!r}}}")


def outcome_json(value: object, port: int) -> Any:
    """A result, stream part or exception in the README's JSON form.

    :func:`ai_sdk_core.wire.to_wire` does the spec types and errors; then ``127.0.0.1:<port>``
    becomes ``127.0.0.1:{port}`` in every string, NaN and infinities become ``null``, bytes
    base64 and datetimes ISO-8601 text (for values held in plain dicts).
    """
    address = f"127.0.0.1:{port}"

    def convert(item: object) -> Any:
        if isinstance(item, str):
            return item.replace(address, f"127.0.0.1:{PORT}")
        if item is None or isinstance(item, bool | int):
            return item
        if isinstance(item, float):
            return item if math.isfinite(item) else None
        if isinstance(item, Mapping):
            return {
                str(convert(key)): convert(entry)
                for key, entry in cast("Mapping[object, object]", item).items()
            }
        if isinstance(item, list | tuple):
            return [convert(entry) for entry in cast("list[object]", item)]
        if isinstance(item, bytes | bytearray):
            return base64.b64encode(item).decode("ascii")
        if isinstance(item, datetime):
            aware = item if item.tzinfo else item.replace(tzinfo=UTC)
            return aware.astimezone(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")
        return f"<not JSON: {type(item).__qualname__}>"

    return convert(to_wire(value))


def normalize_user_agent(user_agent: str) -> str:
    """Every version suffix (``/3.0.92``, ``/v22.23.3``) replaced by ``/<version>``."""
    return _VERSION.sub("/<version>", user_agent)


def tolerate_runtime_token(expected: str, actual: str) -> str:
    """``expected`` when the user-agents differ at most in their last (runtime) token, else
    ``actual``: the runtime token names the JS runtime in the corpus and Python here."""
    expected_tokens, actual_tokens = expected.split(), actual.split()
    same = len(expected_tokens) == len(actual_tokens) and expected_tokens[:-1] == actual_tokens[:-1]
    return expected if same else actual


def normalize_request(request: RecordedRequest, port: int) -> dict[str, Any]:
    """The request as ``expected_request`` holds it (README "Normalizing the request").

    ``method``, ``path``, ``query`` (a list for a repeated name), ``headers`` (lower-case,
    sorted, transport headers dropped, versions in ``user-agent`` normalised) and
    ``json_body`` — or ``body_text`` for a body that is not JSON; neither without a body.
    """
    path, _, query_string = request.target.partition("?")
    query: dict[str, str | list[str]] = {}
    for name, value in parse_qsl(query_string, keep_blank_values=True):
        previous = query.get(name)
        if previous is None:
            query[name] = value
        else:
            query[name] = [*([previous] if isinstance(previous, str) else previous), value]
    headers: dict[str, str] = {}
    for raw_name, value in request.headers:
        name = raw_name.lower()
        if name in TRANSPORT_HEADERS or (name == "accept" and value == "*/*"):
            continue
        headers[name] = f"{headers[name]}, {value}" if name in headers else value
    if "user-agent" in headers:
        headers["user-agent"] = normalize_user_agent(headers["user-agent"])
    normalized: dict[str, Any] = {
        "method": request.method,
        "path": path,
        "query": query,
        "headers": dict(sorted(headers.items())),
    }
    if request.body:
        try:
            normalized["json_body"] = json.loads(request.body)
        except ValueError:
            normalized["body_text"] = request.body.decode("utf-8", "replace")
    return outcome_json(normalized, port)
