"""How spec types are declared, and the hints that tell the wire codec how to encode them.

Spec types are slotted, keyword-only dataclasses: cheap to import and to create (a stream
part is built per chunk). Their snake_case fields map to the TS camelCase names on the wire.
The ``Annotated`` hints below cost nothing until :mod:`ai_sdk_core.wire` first builds a codec;
only then is pydantic imported.
"""

from __future__ import annotations

import base64
import binascii
from dataclasses import dataclass, fields
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any, TypeVar, cast

from typing_extensions import dataclass_transform

if TYPE_CHECKING:
    from pydantic import GetCoreSchemaHandler
    from pydantic_core import CoreSchema
    from pydantic_core.core_schema import DataclassArgsSchema

__all__ = [
    "Base64",
    "DataContent",
    "DropNoneValues",
    "ErrorValue",
    "FirstMatch",
    "Tagged",
    "Timestamp",
    "decode_base64",
    "encode_base64",
    "format_timestamp",
    "spec_type",
    "to_camel",
    "to_timestamp",
]

T = TypeVar("T")


def to_camel(name: str) -> str:
    """``provider_metadata`` → ``providerMetadata``."""
    first, *rest = name.split("_")
    return first + "".join(word[:1].upper() + word[1:] for word in rest)


# camelCase on the wire; validation also takes the Python (snake_case) names, so plain dicts
# written by Python users validate too.
_WIRE_CONFIG = {"alias_generator": to_camel, "validate_by_name": True, "validate_by_alias": True}


def _is_none(value: object) -> bool:
    return value is None


def _wire_schema(cls: type[Any], source: Any, handler: GetCoreSchemaHandler) -> CoreSchema:
    """The dataclass schema, with optional fields left out of the wire form while ``None``.

    A required field keeps ``None`` as JSON ``null`` (e.g. a raw chunk whose value is null), so
    absence and null stay distinct, as ``undefined`` and ``null`` are in TS.
    """
    schema = handler(source)
    optional = {field.name for field in fields(cls) if field.default is None}
    if schema["type"] == "dataclass":
        arguments = schema["schema"]
        if arguments["type"] == "dataclass-args":
            for field_schema in cast("DataclassArgsSchema", arguments)["fields"]:
                if field_schema["name"] in optional:
                    field_schema["serialization_exclude_if"] = _is_none
    return schema


@dataclass_transform(kw_only_default=True)
def spec_type(cls: type[T]) -> type[T]:
    """Declare a spec type: a slotted, keyword-only dataclass with camelCase wire names.

    Optional fields default to ``None``, which means absent (``undefined`` in TS).
    """
    spec_cls = dataclass(slots=True, kw_only=True)(cls)
    setattr(spec_cls, "__pydantic_config__", _WIRE_CONFIG)  # noqa: B010 - class attribute on a slotted class
    setattr(  # noqa: B010
        spec_cls,
        "__get_pydantic_core_schema__",
        classmethod(_wire_schema),
    )
    return spec_cls


class Tagged:
    """``Annotated[A | B, Tagged("type")]``: a union told apart by the ``type`` field."""

    __slots__ = ("field",)

    def __init__(self, field: str) -> None:
        self.field = field

    def __get_pydantic_core_schema__(
        self, source: Any, handler: GetCoreSchemaHandler
    ) -> CoreSchema:
        from typing import Annotated

        from pydantic import Field

        return handler.generate_schema(Annotated[source, Field(discriminator=self.field)])


def decode_base64(text: str) -> bytes:
    """Standard or URL-safe base64, padded or not, to bytes (``ValueError`` when invalid)."""
    normalized = text.replace("-", "+").replace("_", "/")
    normalized += "=" * (-len(normalized) % 4)
    try:
        return base64.b64decode(normalized, validate=True)
    except binascii.Error as error:
        raise ValueError(f"invalid base64 data: {error}") from None


def encode_base64(data: bytes | str) -> str:
    """Bytes to standard base64; a string is taken to be base64 already."""
    return data if isinstance(data, str) else base64.b64encode(data).decode("ascii")


class _FirstMatchHint:
    """``Annotated[A | B | C, FirstMatch]``: try the members in order, take the first that fits.

    For unions whose members overlap (a tagged ``{"type": "url", …}`` dict is also a
    ``dict[str, str]``), where pydantic's "best match" could pick the wrong one.
    """

    __slots__ = ()

    def __get_pydantic_core_schema__(
        self, source: Any, handler: GetCoreSchemaHandler
    ) -> CoreSchema:
        schema = handler(source)
        if schema["type"] == "union":
            schema["mode"] = "left_to_right"
        return schema


class _Base64Hint:
    """Binary data: base64 text on the wire, ``bytes`` once decoded.

    The spec types accept ``bytes`` or a base64 ``str`` (as TS accepts ``Uint8Array`` or a
    string); decoding always yields ``bytes``, the canonical form.
    """

    __slots__ = ()

    def __get_pydantic_core_schema__(
        self, source: Any, handler: GetCoreSchemaHandler
    ) -> CoreSchema:
        from pydantic_core import core_schema

        def validate(value: object) -> bytes:
            if isinstance(value, bytes):
                return value
            if isinstance(value, bytearray):
                return bytes(value)
            if isinstance(value, str):
                return decode_base64(value)
            raise ValueError("expected bytes or a base64 string")

        return core_schema.no_info_plain_validator_function(
            validate,
            serialization=core_schema.plain_serializer_function_ser_schema(
                encode_base64, when_used="json"
            ),
        )


def to_timestamp(value: datetime | str) -> datetime:
    """A UTC datetime with millisecond precision, like a JS ``Date``; naive means UTC."""
    if isinstance(value, str):
        value = datetime.fromisoformat(value)
    value = value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)
    return value.replace(microsecond=value.microsecond // 1000 * 1000)


def format_timestamp(value: datetime) -> str:
    """``2025-08-01T00:00:01.000Z``, as JS ``Date.toISOString`` writes it."""
    value = to_timestamp(value)
    return f"{value:%Y-%m-%dT%H:%M:%S}.{value.microsecond // 1000:03d}Z"


class _DataContentHint:
    """User-facing file content: ``bytes`` (base64 on the wire) or a ``str``, kept as it is.

    A string is base64 data or a URL; which one is decided when the prompt is converted.
    """

    __slots__ = ()

    def __get_pydantic_core_schema__(
        self, source: Any, handler: GetCoreSchemaHandler
    ) -> CoreSchema:
        from pydantic_core import core_schema

        def validate(value: object) -> bytes | str:
            if isinstance(value, bytes | str):
                return value
            if isinstance(value, bytearray):
                return bytes(value)
            raise ValueError("expected bytes or a string (base64 data or a URL)")

        return core_schema.no_info_plain_validator_function(
            validate,
            serialization=core_schema.plain_serializer_function_ser_schema(
                encode_base64, when_used="json"
            ),
        )


class _TimestampHint:
    """A point in time: ISO-8601 ``…sssZ`` text on the wire, an aware ``datetime`` in Python."""

    __slots__ = ()

    def __get_pydantic_core_schema__(
        self, source: Any, handler: GetCoreSchemaHandler
    ) -> CoreSchema:
        from pydantic_core import core_schema

        def validate(value: object) -> datetime:
            if isinstance(value, datetime | str):
                return to_timestamp(value)
            raise ValueError("expected a datetime or an ISO-8601 string")

        return core_schema.no_info_plain_validator_function(
            validate,
            serialization=core_schema.plain_serializer_function_ser_schema(
                format_timestamp, when_used="json"
            ),
        )


class _ErrorValueHint:
    """An error carried in a stream part: an exception, or any JSON the provider sent.

    Exceptions are written as ``{"name", "message", …fields}``; decoding keeps the JSON.
    """

    __slots__ = ()

    def __get_pydantic_core_schema__(
        self, source: Any, handler: GetCoreSchemaHandler
    ) -> CoreSchema:
        from pydantic_core import core_schema

        def serialize(value: object) -> object:
            from ai_sdk_core.wire import error_to_wire, to_wire

            if isinstance(value, BaseException):
                return error_to_wire(value)
            return to_wire(value)

        return core_schema.any_schema(
            serialization=core_schema.plain_serializer_function_ser_schema(
                serialize, when_used="json"
            )
        )


class _DropNoneValuesHint:
    """A mapping whose ``None`` values are left out on the wire (TS drops ``undefined``)."""

    __slots__ = ()

    def __get_pydantic_core_schema__(
        self, source: Any, handler: GetCoreSchemaHandler
    ) -> CoreSchema:
        from pydantic_core import core_schema

        def serialize(value: dict[str, object]) -> dict[str, object]:
            return {key: item for key, item in value.items() if item is not None}

        return core_schema.no_info_after_validator_function(
            lambda value: value,
            handler(source),
            serialization=core_schema.plain_serializer_function_ser_schema(
                serialize, when_used="json"
            ),
        )


Base64 = _Base64Hint()
FirstMatch = _FirstMatchHint()
DataContent = _DataContentHint()
DropNoneValues = _DropNoneValuesHint()
Timestamp = _TimestampHint()
ErrorValue = _ErrorValueHint()
