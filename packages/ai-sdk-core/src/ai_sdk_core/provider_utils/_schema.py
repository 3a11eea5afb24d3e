"""Schemas for tools and structured output: a JSON schema, and how to validate values against it.

Port of ``schema.ts`` (``jsonSchema``, ``asSchema``) with pydantic in the place of zod, plus
:func:`function_schema`, which derives a tool's input schema from a typed Python function.

JSON schemas derived from Python types follow what the TS SDK sends for zod schemas: draft-07
(``"$schema": "http://json-schema.org/draft-07/schema#"`` at the root), ``additionalProperties:
false`` on every object (port of ``add-additional-properties-to-json-schema.ts``), no titles,
nested models inlined, and only recursive models kept under ``definitions``
(``"$ref": "#/definitions/Node"``). Where pydantic's schema still differs from zod's:

- an optional parameter or field is ``T | None = None``: ``anyOf: [T, {"type": "null"}]`` with
  ``"default": null``, not required (zod's ``.optional()`` gives just ``T``, not required);
- defaults appear as ``default``; ``int`` is ``"type": "integer"`` (zod has only ``number``);
- recursive definitions keep their Python class names, not ``__schema0``;
- tuples use ``prefixItems`` (draft 2020-12), not draft-07's array form of ``items``;
- objects that are open on purpose (``dict[str, Any]``, ``extra="allow"``) keep
  ``additionalProperties: true`` (zod writes ``{}`` there, which TS keeps too);
- validation is pydantic's lax mode: ``"3"`` validates as ``3`` for an ``int`` (zod rejects it).

A plain JSON-schema dict is used exactly as given, as TS does. pydantic is imported on the first
validation or schema access, never at import time.
"""

from __future__ import annotations

import functools
import inspect
import re
import sys
from collections.abc import Callable, Mapping
from typing import (
    TYPE_CHECKING,
    Annotated,
    Any,
    Generic,
    TypeAlias,
    TypeVar,
    cast,
    get_origin,
    overload,
)

from ai_sdk_core._type_adapters import type_adapter
from ai_sdk_core.provider._errors import TypeValidationError

if TYPE_CHECKING:
    from pydantic import BaseModel, TypeAdapter
    from pydantic.json_schema import GenerateJsonSchema
    from pydantic_core import core_schema

__all__ = ["FunctionSchema", "JSONSchema", "Schema", "as_schema", "function_schema", "json_schema"]

T = TypeVar("T")

JSONSchema: TypeAlias = dict[str, Any]
"""A JSON schema (draft-07), as providers receive it."""

_DRAFT_07 = "http://json-schema.org/draft-07/schema#"
_REF_PREFIX = "#/definitions/"


class Schema(Generic[T]):
    """A JSON schema for values of type ``T``, with an optional validator.

    ``json_schema`` may be given as a function; it is then called once, on first access.
    ``validate`` takes plain JSON data and returns the typed value, raising any exception when
    the data does not match. Treat :attr:`json_schema` as read-only: it may be shared.
    """

    __slots__ = ("_json_schema", "_validator")

    def __init__(
        self,
        json_schema: Mapping[str, Any] | Callable[[], Mapping[str, Any]],
        validate: Callable[[Any], T] | None = None,
    ) -> None:
        self._json_schema = json_schema
        self._validator = validate

    @property
    def json_schema(self) -> JSONSchema:
        """The JSON schema sent to providers."""
        schema = self._json_schema
        if callable(schema):
            schema = self._json_schema = schema()
        return cast(JSONSchema, schema)

    @property
    def validator(self) -> Callable[[Any], T] | None:
        """The validator, or ``None`` when values are taken as they are."""
        return self._validator

    def validate(self, value: object) -> T:
        """``value`` as a ``T``; :class:`TypeValidationError` when it does not match."""
        if self._validator is None:
            return cast(T, value)
        try:
            return self._validator(value)
        except Exception as error:
            wrapped = TypeValidationError.wrap(value=value, cause=error)
            if wrapped is error:
                raise
            raise wrapped from error


class FunctionSchema(Schema[dict[str, Any]]):
    """The input schema of a function; validation returns its keyword arguments.

    ``name`` is the function's name and ``description`` the text of its docstring before the
    parameter and other sections.
    """

    __slots__ = ("description", "name")

    def __init__(
        self,
        json_schema: Callable[[], Mapping[str, Any]],
        validate: Callable[[Any], dict[str, Any]],
        *,
        name: str,
        description: str | None,
    ) -> None:
        super().__init__(json_schema, validate)
        self.name = name
        self.description = description


@overload
def json_schema(schema: Mapping[str, Any] | Callable[[], Mapping[str, Any]]) -> Schema[Any]: ...
@overload
def json_schema(
    schema: Mapping[str, Any] | Callable[[], Mapping[str, Any]], validate: Callable[[Any], T]
) -> Schema[T]: ...
def json_schema(
    schema: Mapping[str, Any] | Callable[[], Mapping[str, Any]],
    validate: Callable[[Any], Any] | None = None,
) -> Schema[Any]:
    """A schema from a JSON-schema dict (used as given) and an optional validator."""
    return Schema(schema, validate)


@overload
def as_schema(schema: None = None) -> Schema[Any]: ...
@overload
def as_schema(schema: Schema[T]) -> Schema[T]: ...
@overload
def as_schema(schema: TypeAdapter[T]) -> Schema[T]: ...
@overload
def as_schema(schema: type[T]) -> Schema[T]: ...
@overload
def as_schema(schema: Mapping[str, Any]) -> Schema[Any]: ...
@overload
def as_schema(schema: object) -> Schema[Any]: ...
def as_schema(schema: object = None) -> Schema[Any]:
    """A :class:`Schema` from what a user gives.

    ``None`` is an empty object schema; a :class:`Schema` is returned as it is; a dict is a JSON
    schema without validation; a pydantic ``TypeAdapter``, model, dataclass, ``TypedDict`` or
    any other type pydantic knows is validated with pydantic (lazily: nothing is built before
    the first use). Functions need :func:`function_schema`.
    """
    if schema is None:
        return Schema({"type": "object", "properties": {}, "additionalProperties": False})
    if isinstance(schema, Schema):
        return cast("Schema[Any]", schema)
    if isinstance(schema, Mapping):
        return Schema(cast("Mapping[str, Any]", schema))
    if inspect.isfunction(schema) or inspect.ismethod(schema):
        raise TypeError("as_schema() does not take functions; use function_schema()")
    adapter = _as_type_adapter(schema)
    if adapter is not None:
        return _pydantic_schema(lambda: adapter)
    return _pydantic_schema(lambda: type_adapter(schema))


def _as_type_adapter(value: object) -> TypeAdapter[Any] | None:
    if "pydantic" not in sys.modules:  # then it cannot be a TypeAdapter
        return None
    from pydantic import TypeAdapter

    return cast("TypeAdapter[Any]", value) if isinstance(value, TypeAdapter) else None


def _pydantic_schema(get_adapter: Callable[[], TypeAdapter[Any]]) -> Schema[Any]:
    return Schema(
        lambda: _to_json_schema(get_adapter()),
        lambda value: get_adapter().validate_python(value),
    )


def function_schema(fn: Callable[..., Any]) -> FunctionSchema:
    """The schema of a function's parameters, from its signature and docstring.

    Parameter descriptions come from a Google (``Args:``), NumPy (``Parameters`` / ``----``) or
    Sphinx (``:param x:``) docstring; ``Annotated[T, Field(description=...)]`` takes precedence.
    Validation returns the keyword arguments (defaults included) to call ``fn`` with.
    Positional-only and variadic parameters are not supported (:class:`TypeError`).
    """
    for parameter in inspect.signature(fn).parameters.values():
        if parameter.kind not in (parameter.POSITIONAL_OR_KEYWORD, parameter.KEYWORD_ONLY):
            raise TypeError(
                f"function_schema() cannot describe parameter {parameter.name!r} of {fn!r}: "
                "only parameters that can be passed by keyword are supported"
            )
    description, parameter_docs = _parse_docstring(inspect.getdoc(fn))

    @functools.cache
    def arguments() -> tuple[type[BaseModel], dict[str, str]]:
        return _arguments_model(fn, parameter_docs)

    def validate(value: Any) -> dict[str, Any]:
        model, names = arguments()
        validated = model.model_validate(value)
        return {name: getattr(validated, field) for field, name in names.items()}

    return FunctionSchema(
        lambda: _to_json_schema(type_adapter(arguments()[0])),
        validate,
        name=getattr(fn, "__name__", type(fn).__name__),
        description=description,
    )


def _arguments_model(
    fn: Callable[..., Any], parameter_docs: Mapping[str, str]
) -> tuple[type[BaseModel], dict[str, str]]:
    """A model of ``fn``'s parameters, and its field names → parameter names.

    Fields are named ``p0``, ``p1``, … with the parameter names as aliases, so parameters
    named like ``BaseModel`` attributes (``json``, ``copy``, ``schema``) cannot clash.
    """
    from pydantic import Field, create_model

    fields: dict[str, Any] = {}
    names: dict[str, str] = {}
    parameters = inspect.signature(fn, eval_str=True).parameters.values()
    for position, parameter in enumerate(parameters):
        annotation = Any if parameter.annotation is parameter.empty else parameter.annotation
        info = Field(alias=parameter.name, description=parameter_docs.get(parameter.name))
        default = ... if parameter.default is parameter.empty else parameter.default
        field = f"p{position}"
        fields[field] = (_with_leading_metadata(annotation, info), default)
        names[field] = parameter.name
    name = getattr(fn, "__name__", type(fn).__name__)
    return create_model(name, **fields), names


def _with_leading_metadata(annotation: Any, metadata: object) -> Any:
    """``Annotated[annotation, metadata]``, with any metadata of ``annotation`` after (winning)."""
    annotated = cast(Any, Annotated)
    if get_origin(annotation) is Annotated:
        return annotated[(annotation.__origin__, metadata, *annotation.__metadata__)]
    return annotated[annotation, metadata]


# --- JSON schema generation -----------------------------------------------------------------


def _to_json_schema(adapter: TypeAdapter[Any]) -> JSONSchema:
    generated = adapter.json_schema(
        ref_template=_REF_PREFIX + "{model}", schema_generator=_generator()
    )
    definitions: JSONSchema = generated.pop("$defs", {})
    for name, definition in definitions.items():
        if definition.get("title") == name:  # a class name, e.g. of an enum
            del definition["title"]
    schema, recursive = _inline_refs(generated, definitions)
    if recursive:
        schema["definitions"] = recursive
    return {"$schema": _DRAFT_07, **_close_objects(schema)}


@functools.cache
def _generator() -> type[GenerateJsonSchema]:
    """pydantic's JSON-schema generator, without the field and root class titles zod omits."""
    from pydantic.json_schema import GenerateJsonSchema

    def untitled(schema: JSONSchema, cls: type[Any] | None) -> JSONSchema:
        if cls is not None and schema.get("title") == cls.__name__:
            del schema["title"]
        return schema

    class TSCompatibleJsonSchema(GenerateJsonSchema):
        def field_title_should_be_set(self, schema: Any) -> bool:
            return False

        def model_schema(self, schema: core_schema.ModelSchema) -> JSONSchema:
            return untitled(super().model_schema(schema), schema["cls"])

        def dataclass_schema(self, schema: core_schema.DataclassSchema) -> JSONSchema:
            return untitled(super().dataclass_schema(schema), schema["cls"])

        def typed_dict_schema(self, schema: core_schema.TypedDictSchema) -> JSONSchema:
            return untitled(super().typed_dict_schema(schema), schema.get("cls"))

    return TSCompatibleJsonSchema


_SUBSCHEMA_KEYS = frozenset(
    {"items", "additionalProperties", "additionalItems", "contains", "not", "propertyNames"}
    | {"if", "then", "else"}
)
_SUBSCHEMA_LIST_KEYS = frozenset({"items", "anyOf", "allOf", "oneOf", "prefixItems"})
_SUBSCHEMA_MAP_KEYS = frozenset({"properties", "patternProperties", "definitions"})


def _map_subschemas(schema: JSONSchema, visit: Callable[[JSONSchema], JSONSchema]) -> JSONSchema:
    """A copy of ``schema`` with ``visit`` applied to each direct subschema."""

    def visit_schema(item: Any) -> Any:
        return visit(cast(JSONSchema, item)) if isinstance(item, dict) else item

    result: JSONSchema = {}
    for key, value in schema.items():
        if key in _SUBSCHEMA_LIST_KEYS and isinstance(value, list):
            value = [visit_schema(item) for item in cast("list[Any]", value)]
        elif key in _SUBSCHEMA_KEYS:
            value = visit_schema(value)
        elif key in _SUBSCHEMA_MAP_KEYS and isinstance(value, dict):
            value = {name: visit_schema(item) for name, item in cast(JSONSchema, value).items()}
        result[key] = value
    return result


def _inline_refs(schema: JSONSchema, definitions: JSONSchema) -> tuple[JSONSchema, JSONSchema]:
    """``schema`` with references inlined, and the definitions that recursion still needs."""
    kept: JSONSchema = {}

    def resolve(node: JSONSchema, expanding: frozenset[str]) -> JSONSchema:
        ref = node.get("$ref")
        name = ref.removeprefix(_REF_PREFIX) if isinstance(ref, str) else None
        if name is None or name not in definitions:
            return _map_subschemas(node, lambda sub: resolve(sub, expanding))
        siblings = _map_subschemas(
            {key: value for key, value in node.items() if key != "$ref"},
            lambda sub: resolve(sub, expanding),
        )
        if name in expanding:
            if name not in kept:
                kept[name] = {}  # a placeholder while the definition itself resolves
                kept[name] = resolve(definitions[name], frozenset({name}))
            return {"$ref": ref, **siblings}
        return {**resolve(definitions[name], expanding | {name}), **siblings}

    return resolve(schema, frozenset()), kept


def _close_objects(schema: JSONSchema) -> JSONSchema:
    """``additionalProperties: false`` on objects that do not allow extra properties explicitly."""
    schema = _map_subschemas(schema, _close_objects)
    kind = schema.get("type")
    if kind == "object" or (isinstance(kind, list) and "object" in kind):
        extra = schema.get("additionalProperties")
        if extra is not True and not isinstance(extra, dict):
            schema["additionalProperties"] = False
    return schema


# --- docstrings -----------------------------------------------------------------------------

_PARAMETER_SECTIONS = frozenset(
    {"args", "arguments", "parameters", "params", "keyword args", "keyword arguments"}
    | {"other parameters", "kwargs"}
)
_SECTION_NAMES = _PARAMETER_SECTIONS | frozenset(
    {"returns", "return", "yields", "yield", "raises", "raise", "except", "exceptions"}
    | {"examples", "example", "notes", "note", "attributes", "see also", "warnings", "warning"}
    | {"warns", "references", "todo", "methods"}
)
_GOOGLE_HEADER = re.compile(r"(?P<indent>\s*)(?P<name>[A-Za-z][A-Za-z ]*?)\s*:\s*")
_GOOGLE_ENTRY = re.compile(r"\*{0,2}(?P<name>\w+)\s*(?:\([^)]*\))?\s*:(?P<text>.*)")
_NUMPY_RULE = re.compile(r"\s*-{3,}\s*")
_NUMPY_ENTRY = re.compile(r"(?P<names>\*{0,2}\w+(?:\s*,\s*\*{0,2}\w+)*)\s*(?::.*)?")
_SPHINX_FIELD = re.compile(r"\s*:(?P<kind>\w+)(?P<args>[^:]*):(?P<text>.*)")
_SPHINX_PARAMETER_FIELDS = frozenset({"param", "parameter", "arg", "argument", "key", "keyword"})


def _parse_docstring(docstring: str | None) -> tuple[str | None, dict[str, str]]:
    """The description (text before the first section) and the parameter descriptions."""
    if not docstring:
        return None, {}
    lines = inspect.cleandoc(docstring).splitlines()
    parameters: dict[str, str] = {}
    description_end = len(lines)
    i = 0
    while i < len(lines):
        line = lines[i]
        if line.strip() and i + 1 < len(lines) and _NUMPY_RULE.fullmatch(lines[i + 1]):
            end = _numpy_section(lines, i, parameters)
        elif header := _google_header(line):
            end = _google_section(lines, i, header, parameters)
        elif field := _SPHINX_FIELD.match(line):
            end = _sphinx_field(lines, i, field, parameters)
        else:
            i += 1
            continue
        description_end = min(description_end, i)
        i = end
    description = "\n".join(lines[:description_end]).strip()
    return description or None, parameters


def _google_header(line: str) -> re.Match[str] | None:
    """The match of a Google section header such as ``Args:``, else ``None``."""
    header = _GOOGLE_HEADER.fullmatch(line)
    return header if header and header["name"].lower() in _SECTION_NAMES else None


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip())


def _google_section(
    lines: list[str], start: int, header: re.Match[str], parameters: dict[str, str]
) -> int:
    """Reads ``Args:`` entries ``name (type): text`` and their indented continuation lines."""
    header_indent = len(header["indent"])
    collect = header["name"].lower() in _PARAMETER_SECTIONS
    end = start + 1
    while end < len(lines) and (not lines[end].strip() or _indent(lines[end]) > header_indent):
        end += 1
    body = [line for line in lines[start + 1 : end] if line.strip()]
    if collect and body:
        entry_indent = _indent(body[0])
        current: str | None = None
        for line in body:
            entry = _GOOGLE_ENTRY.fullmatch(line.strip()) if _indent(line) == entry_indent else None
            if entry:
                current = name = entry["name"]
                parameters[name] = entry["text"].strip()
            elif current is not None:
                parameters[current] = f"{parameters[current]} {line.strip()}".strip()
    return end


def _numpy_section(lines: list[str], start: int, parameters: dict[str, str]) -> int:
    """Reads ``name : type`` entries of a ``Parameters`` section and their indented text."""
    collect = lines[start].strip().lower() in _PARAMETER_SECTIONS
    header_indent = _indent(lines[start])
    end = start + 2
    current: list[str] = []
    while end < len(lines) and not (
        lines[end].strip() and end + 1 < len(lines) and _NUMPY_RULE.fullmatch(lines[end + 1])
    ):
        line = lines[end]
        end += 1
        if not collect or not line.strip():
            continue
        entry = _NUMPY_ENTRY.fullmatch(line.strip()) if _indent(line) <= header_indent else None
        if entry:
            current = [name.strip().lstrip("*") for name in entry["names"].split(",")]
            for name in current:
                parameters[name] = ""
        else:
            for name in current:
                parameters[name] = f"{parameters[name]} {line.strip()}".strip()
    return end


def _sphinx_field(
    lines: list[str], start: int, field: re.Match[str], parameters: dict[str, str]
) -> int:
    """Reads one ``:param [type] name: text`` field and its indented continuation lines."""
    field_indent = _indent(lines[start])
    end = start + 1
    while (
        end < len(lines)
        and lines[end].strip()
        and _indent(lines[end]) > field_indent
        and not _SPHINX_FIELD.match(lines[end])
    ):
        end += 1
    words = field["args"].split()
    if field["kind"] in _SPHINX_PARAMETER_FIELDS and words:
        text = " ".join(line.strip() for line in [field["text"], *lines[start + 1 : end]])
        parameters[words[-1]] = text.strip()
    return end
