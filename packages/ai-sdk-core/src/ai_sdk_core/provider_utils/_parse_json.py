"""JSON parsing and schema validation with TS-compatible results and errors.

A *schema* is anything pydantic's ``TypeAdapter`` accepts: a pydantic model, a dataclass, a
``TypedDict``, ``dict[str, Any]``, a union, … Adapters are built on first use and cached;
pydantic itself is imported only then.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import (
    TYPE_CHECKING,
    Any,
    ClassVar,
    Generic,
    Literal,
    TypeAlias,
    TypeVar,
    cast,
    overload,
)

from ai_sdk_core._type_adapters import type_adapter
from ai_sdk_core.provider._errors import JSONParseError, TypeValidationError
from ai_sdk_core.provider._json import JSONValue

if TYPE_CHECKING:
    pass

__all__ = [
    "ParseFailure",
    "ParseResult",
    "ParseSuccess",
    "is_parsable_json",
    "parse_json",
    "safe_parse_json",
    "safe_validate_types",
    "secure_json_parse",
    "validate_types",
]

T = TypeVar("T")


class ParseSuccess(Generic[T]):
    """A successful parse: the validated ``value`` and the plain parsed JSON ``raw_value``."""

    __slots__ = ("_raw_value", "value")

    success: ClassVar[Literal[True]] = True
    """Always ``True``; ``result.success is True`` narrows a :data:`ParseResult` for pyright."""

    value: T

    def __init__(self, *, value: T, raw_value: Any) -> None:
        self.value = value
        self._raw_value = raw_value

    @property
    def raw_value(self) -> Any:
        """The JSON as parsed, before validation (unknown keys kept)."""
        return self._raw_value

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, ParseSuccess):
            return NotImplemented
        other_success = cast("ParseSuccess[Any]", other)
        return self.value == other_success.value and self.raw_value == other_success.raw_value

    def __repr__(self) -> str:
        return f"ParseSuccess(value={self.value!r}, raw_value={self.raw_value!r})"


class LazyParseSuccess(ParseSuccess[T]):
    """A :class:`ParseSuccess` whose ``raw_value`` is parsed from the JSON text on first access.

    The streaming parser validates each chunk straight from its text; the plain JSON is only
    needed when a caller asks for raw chunks.
    """

    __slots__ = ("_text",)

    def __init__(self, value: T, text: str) -> None:
        self.value = value
        self._text = text

    @property
    def raw_value(self) -> Any:
        """The JSON as parsed, before validation (unknown keys kept)."""
        try:
            return self._raw_value
        except AttributeError:
            self._raw_value = json.loads(self._text)
            return self._raw_value


@dataclass(slots=True, kw_only=True)
class ParseFailure:
    """A failed parse: the ``error``, and the parsed JSON when only validation failed."""

    success: ClassVar[Literal[False]] = False

    error: JSONParseError | TypeValidationError
    raw_value: Any


ParseResult: TypeAlias = ParseSuccess[T] | ParseFailure
"""The result of :func:`safe_parse_json` and :func:`safe_validate_types`."""


# --- secure JSON parsing (port of secure-json-parse.ts) ---------------------------------------

_SUSPECT_PROTO = re.compile(
    r'"(?:_|\\u005[Ff])(?:_|\\u005[Ff])(?:p|\\u0070)(?:r|\\u0072)(?:o|\\u006[Ff])'
    r'(?:t|\\u0074)(?:o|\\u006[Ff])(?:_|\\u005[Ff])(?:_|\\u005[Ff])"\s*:'
)
_SUSPECT_CONSTRUCTOR = re.compile(
    r'"(?:c|\\u0063)(?:o|\\u006[Ff])(?:n|\\u006[Ee])(?:s|\\u0073)(?:t|\\u0074)'
    r'(?:r|\\u0072)(?:u|\\u0075)(?:c|\\u0063)(?:t|\\u0074)(?:o|\\u006[Ff])(?:r|\\u0072)"\s*:'
)


def _reject_constant(name: str) -> Any:
    raise ValueError(f"{name} is not valid JSON")


def may_hold_prototype_keys(text: str) -> bool:
    """A quick, conservative check: ``False`` when ``text`` cannot hold a ``__proto__`` or
    ``constructor`` key, even in escaped form (every escape of their letters is ``\\u00…``)."""
    return ("\\" in text and "\\u00" in text) or "__proto__" in text or "constructor" in text


def _reject_prototype_keys(value: object) -> None:
    nodes: list[object] = [value]
    while nodes:
        node = nodes.pop()
        if isinstance(node, dict):
            obj = cast("dict[str, object]", node)
            constructor = obj.get("constructor")
            if "__proto__" in obj or (isinstance(constructor, dict) and "prototype" in constructor):
                raise ValueError("Object contains forbidden prototype property")
            nodes.extend(obj.values())
        elif isinstance(node, list):
            nodes.extend(cast("list[object]", node))


def secure_json_parse(text: str) -> Any:
    """``JSON.parse`` semantics (no ``NaN``/``Infinity``), rejecting prototype-pollution keys.

    Raises :class:`ValueError` (``json.JSONDecodeError`` for syntax errors).
    """
    value: object = json.loads(text, parse_constant=_reject_constant)
    if may_hold_prototype_keys(text) and (
        _SUSPECT_PROTO.search(text) or _SUSPECT_CONSTRUCTOR.search(text)
    ):
        _reject_prototype_keys(value)
    return value


# --- validation ----------------------------------------------------------------------------


def validate_types(
    value: object,
    schema: Any,
    *,
    field: str | None = None,
    entity_name: str | None = None,
    entity_id: str | None = None,
) -> Any:
    """``value`` validated against ``schema``; raises :class:`TypeValidationError`.

    ``field``, ``entity_name`` and ``entity_id`` describe what is validated, for the message.
    """
    result = safe_validate_types(
        value, schema, field=field, entity_name=entity_name, entity_id=entity_id
    )
    if isinstance(result, ParseFailure):
        raise result.error
    return result.value


def safe_validate_types(
    value: object,
    schema: Any,
    *,
    field: str | None = None,
    entity_name: str | None = None,
    entity_id: str | None = None,
) -> ParseResult[Any]:
    """Like :func:`validate_types`, but returns a :class:`ParseFailure` instead of raising."""
    try:
        return ParseSuccess(value=type_adapter(schema).validate_python(value), raw_value=value)
    except Exception as error:  # any validator failure is a validation error
        return ParseFailure(
            error=TypeValidationError.wrap(
                value=value,
                cause=error,
                field=field,
                entity_name=entity_name,
                entity_id=entity_id,
            ),
            raw_value=value,
        )


# --- parsing -------------------------------------------------------------------------------


@overload
def parse_json(text: str, schema: None = None) -> JSONValue: ...
@overload
def parse_json(text: str, schema: type[T]) -> T: ...
@overload
def parse_json(text: str, schema: Any) -> Any: ...
def parse_json(text: str, schema: Any = None) -> Any:
    """Parse JSON text and validate it against ``schema`` when one is given.

    Raises :class:`JSONParseError` for invalid JSON and :class:`TypeValidationError` when the
    value does not match the schema.
    """
    result = safe_parse_json(text, schema)
    if isinstance(result, ParseFailure):
        raise result.error
    return result.value


@overload
def safe_parse_json(text: str, schema: None = None) -> ParseResult[JSONValue]: ...
@overload
def safe_parse_json(text: str, schema: type[T]) -> ParseResult[T]: ...
@overload
def safe_parse_json(text: str, schema: Any) -> ParseResult[Any]: ...
def safe_parse_json(text: str, schema: Any = None) -> ParseResult[Any]:
    """Like :func:`parse_json`, but returns a :class:`ParseFailure` instead of raising.

    ``raw_value`` is the parsed JSON, or ``None`` when the text is not valid JSON.
    """
    try:
        value = secure_json_parse(text)
    except (ValueError, RecursionError) as error:
        return ParseFailure(error=JSONParseError(text=text, cause=error), raw_value=None)
    if schema is None:
        return ParseSuccess(value=value, raw_value=value)
    return safe_validate_types(value, schema)


def is_parsable_json(text: str) -> bool:
    """Whether ``text`` is valid JSON (as :func:`parse_json` accepts it)."""
    try:
        secure_json_parse(text)
    except (ValueError, RecursionError):
        return False
    return True
