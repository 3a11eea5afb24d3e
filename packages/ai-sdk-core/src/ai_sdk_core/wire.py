"""The wire codec: spec types ↔ the camelCase JSON the TS SDK produces.

``to_wire`` turns a spec value (or a list/dict of them) into plain JSON data: camelCase keys,
absent (``None``) fields omitted, bytes as base64, datetimes as ``2025-08-01T00:00:01.000Z``,
exceptions as ``{"name", "message", …fields}``. ``from_wire`` validates such data back into
spec types; the round trip is lossless for values in canonical form (binary data as ``bytes``,
UTC datetimes with millisecond precision, as a JS ``Date`` holds them).

The gateway client and server and the conformance runner speak through this module. pydantic
is imported on first use, not at import time.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from typing import Any, TypeVar, cast, overload

from ._type_adapters import type_adapter
from .provider._codec_hints import spec_type as spec_type, to_camel
from .provider._errors import AISDKError, TypeValidationError

__all__ = [
    "error_to_wire",
    "from_wire",
    "from_wire_json",
    "spec_type",
    "to_wire",
    "to_wire_json",
]

T = TypeVar("T")


def to_wire(value: object) -> Any:
    """The TS JSON form of a spec value, a list or dict of them, an exception, or plain JSON."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return type_adapter(type(value)).dump_python(value, mode="json", by_alias=True)
    if isinstance(value, BaseException):
        return error_to_wire(value)
    if isinstance(value, list | tuple):
        return [to_wire(item) for item in cast("list[object]", value)]
    if isinstance(value, Mapping):
        return {key: to_wire(item) for key, item in cast("Mapping[str, object]", value).items()}
    return value


def to_wire_json(value: object) -> bytes:
    """:func:`to_wire`, serialized as compact UTF-8 JSON (as ``JSON.stringify`` writes it)."""
    import json

    return json.dumps(
        to_wire(value), separators=(",", ":"), ensure_ascii=False, allow_nan=False
    ).encode()


@overload
def from_wire(tp: type[T], data: object) -> T: ...
@overload
def from_wire(tp: Any, data: object) -> Any: ...
def from_wire(tp: Any, data: object) -> Any:
    """Validate TS JSON data into ``tp`` (a spec type, a union alias, or ``list[...]`` of them).

    Raises :class:`TypeValidationError` when the data does not match.
    """
    from pydantic import ValidationError

    try:
        return type_adapter(tp).validate_python(data)
    except ValidationError as error:
        raise TypeValidationError(value=data, cause=error) from error


@overload
def from_wire_json(tp: type[T], data: bytes | str) -> T: ...
@overload
def from_wire_json(tp: Any, data: bytes | str) -> Any: ...
def from_wire_json(tp: Any, data: bytes | str) -> Any:
    """Parse and validate JSON text into ``tp`` in one pass.

    Raises :class:`TypeValidationError` for invalid JSON or data that does not match.
    """
    from pydantic import ValidationError

    try:
        return type_adapter(tp).validate_json(data)
    except ValidationError as error:
        raise TypeValidationError(value=data, cause=error) from error


def error_to_wire(error: BaseException) -> dict[str, Any]:
    """``{"name", "message", …fields, "cause"?}``, as the TS SDK serializes an ``Error``.

    AI SDK errors carry their TS name and the fields listed in ``wire_fields``; other
    exceptions carry their class name and message.
    """
    if not isinstance(error, AISDKError):
        return {"name": type(error).__name__, "message": str(error)}
    wire: dict[str, Any] = {"name": error.name, "message": error.message}
    for field in error.wire_fields:
        item = getattr(error, field)
        if item is not None:
            wire[to_camel(field)] = to_wire(item)
    if error.cause is not None:
        wire["cause"] = to_wire(error.cause)
    return wire
