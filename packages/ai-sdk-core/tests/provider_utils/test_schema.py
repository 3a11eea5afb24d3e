"""Ports of schema.test.ts and add-additional-properties-to-json-schema.test.ts, and the
Python-only schema sources: typed functions and their docstrings."""

from __future__ import annotations

import dataclasses
import enum
from typing import Annotated, Any, Literal, NotRequired

import pytest
from pydantic import BaseModel, ConfigDict, Field, TypeAdapter, ValidationError
from typing_extensions import TypedDict

from ai_sdk_core.errors import TypeValidationError
from ai_sdk_core.provider_utils import (
    FunctionSchema,
    Schema,
    as_schema,
    function_schema,
    json_schema,
)
from ai_sdk_core.provider_utils._schema import _close_objects, _parse_docstring

DRAFT_07 = "http://json-schema.org/draft-07/schema#"


def _walk(schema: Any) -> list[dict[str, Any]]:
    nodes: list[dict[str, Any]] = []
    stack = [schema]
    while stack:
        node = stack.pop()
        if isinstance(node, dict):
            nodes.append(node)
            stack.extend(node.values())
        elif isinstance(node, list):
            stack.extend(node)
    return nodes


class TestAsSchema:
    def test_none_is_an_empty_object_schema(self) -> None:
        schema = as_schema(None)
        assert schema.json_schema == {
            "type": "object",
            "properties": {},
            "additionalProperties": False,
        }
        assert schema.validator is None
        assert schema.validate({"anything": 1}) == {"anything": 1}

    def test_dict_is_used_as_given(self) -> None:
        raw = {"type": "object", "properties": {"a": {"type": "string"}}}
        schema = as_schema(raw)
        assert schema.json_schema is raw
        assert schema.validate({"a": 1}) == {"a": 1}  # no validator: taken as it is

    def test_schema_is_returned_as_it_is(self) -> None:
        schema = json_schema({"type": "string"})
        assert as_schema(schema) is schema

    def test_functions_need_function_schema(self) -> None:
        def tool(city: str) -> str:
            return city

        with pytest.raises(TypeError, match="function_schema"):
            as_schema(tool)

    def test_nothing_is_built_before_first_use(self) -> None:
        class Unbuildable:
            pass

        schema = as_schema(Unbuildable)  # pydantic cannot build this; as_schema must not try
        with pytest.raises(Exception, match="Unbuildable"):
            _ = schema.json_schema


class TestJsonSchema:
    def test_lazy_schema_is_computed_once(self) -> None:
        calls: list[int] = []

        def build() -> dict[str, Any]:
            calls.append(1)
            return {"type": "number"}

        schema = json_schema(build)
        assert calls == []
        assert schema.json_schema == {"type": "number"}
        assert schema.json_schema is schema.json_schema
        assert calls == [1]

    def test_validator_result_and_failure(self) -> None:
        def positive(value: Any) -> int:
            if not isinstance(value, int) or value <= 0:
                raise ValueError("expected a positive integer")
            return value

        schema: Schema[int] = json_schema({"type": "integer", "minimum": 1}, positive)
        assert schema.validate(3) == 3
        with pytest.raises(TypeValidationError) as caught:
            schema.validate(-1)
        assert caught.value.value == -1
        assert isinstance(caught.value.cause, ValueError)
        assert str(caught.value) == (
            "Type validation failed: Value: -1.\nError message: ValueError: expected a positive integer"
        )

    def test_validation_errors_for_the_same_value_are_not_wrapped_twice(self) -> None:
        value = {"a": 1}

        def reject(item: Any) -> Any:
            raise TypeValidationError(value=item, cause="no")

        with pytest.raises(TypeValidationError) as caught:
            json_schema({}, reject).validate(value)
        assert caught.value.cause == "no"


class Ingredient(BaseModel):
    name: str
    amount: str


class Recipe(BaseModel):
    """A recipe."""

    ingredients: list[Ingredient]
    alternatives: list[Ingredient]


class TestPydanticModels:
    """The zod/v4 snapshots of schema.test.ts, with pydantic models."""

    def test_simple_types(self) -> None:
        class Simple(BaseModel):
            text: str
            number: float

        assert as_schema(Simple).json_schema == {
            "$schema": DRAFT_07,
            "type": "object",
            "properties": {"text": {"type": "string"}, "number": {"type": "number"}},
            "required": ["text", "number"],
            "additionalProperties": False,
        }

    def test_optional_fields_with_descriptions(self) -> None:
        class Optional(BaseModel):
            required: str = Field(description="Required description")
            optional: str | None = Field(default=None, description="Optional description")

        schema = as_schema(Optional).json_schema
        assert schema["required"] == ["required"]
        assert schema["properties"] == {
            "required": {"type": "string", "description": "Required description"},
            "optional": {
                "anyOf": [{"type": "string"}, {"type": "null"}],
                "default": None,
                "description": "Optional description",
            },
        }

    def test_arrays_enums_literals(self) -> None:
        class Kinds(BaseModel):
            items: list[str]
            type: Literal["a", "b", "c"]
            text: Literal["hello"]

        assert as_schema(Kinds).json_schema["properties"] == {
            "items": {"type": "array", "items": {"type": "string"}},
            "type": {"type": "string", "enum": ["a", "b", "c"]},
            "text": {"type": "string", "const": "hello"},
        }

    def test_nested_models_are_inlined_not_referenced(self) -> None:
        schema = as_schema(Recipe).json_schema
        ingredient = {
            "type": "object",
            "properties": {"name": {"type": "string"}, "amount": {"type": "string"}},
            "required": ["name", "amount"],
            "additionalProperties": False,
        }
        assert schema == {
            "$schema": DRAFT_07,
            "description": "A recipe.",
            "type": "object",
            "properties": {
                "ingredients": {"type": "array", "items": ingredient},
                "alternatives": {"type": "array", "items": ingredient},
            },
            "required": ["ingredients", "alternatives"],
            "additionalProperties": False,
        }
        assert "definitions" not in schema
        assert not any("$ref" in node for node in _walk(schema))

    def test_recursive_models_use_definitions(self) -> None:
        class Category(BaseModel):
            name: str
            subcategories: list[Category]

        class Catalog(BaseModel):
            category: Category

        Category.model_rebuild()
        schema = as_schema(Catalog).json_schema
        category = {
            "type": "object",
            "properties": {
                "name": {"type": "string"},
                "subcategories": {"type": "array", "items": {"$ref": "#/definitions/Category"}},
            },
            "required": ["name", "subcategories"],
            "additionalProperties": False,
        }
        assert schema["definitions"] == {"Category": category}
        assert schema["properties"]["category"] == category

    def test_nullable(self) -> None:
        class Place(BaseModel):
            location: str | None

        schema = as_schema(Place).json_schema
        assert schema["properties"]["location"] == {"anyOf": [{"type": "string"}, {"type": "null"}]}
        assert schema["required"] == ["location"]

    def test_records_keep_value_schemas_and_open_objects_stay_open(self) -> None:
        class Maps(BaseModel):
            model_config = ConfigDict(extra="allow")
            values: dict[str, str]
            anything: dict[str, Any]

        schema = as_schema(Maps).json_schema
        assert schema["additionalProperties"] is True
        assert schema["properties"]["values"] == {
            "type": "object",
            "additionalProperties": {"type": "string"},
        }
        assert schema["properties"]["anything"] == {"type": "object", "additionalProperties": True}

    def test_no_generated_titles(self) -> None:
        class Color(enum.Enum):
            RED = "red"
            BLUE = "blue"

        @dataclasses.dataclass
        class Point:
            x: int
            y: int

        class Shape(BaseModel):
            color: Color
            points: list[Point]
            label: str = Field(title="Label shown to people")

        schema = as_schema(Shape).json_schema
        assert [node["title"] for node in _walk(schema) if "title" in node] == [
            "Label shown to people"
        ]
        assert schema["properties"]["color"] == {"type": "string", "enum": ["red", "blue"]}

    def test_camel_case_aliases_are_the_property_names(self) -> None:
        class Options(BaseModel):
            model_config = ConfigDict(alias_generator=lambda name: name.replace("_f", "F"))
            reasoning_format: str

        assert list(as_schema(Options).json_schema["properties"]) == ["reasoningFormat"]
        assert as_schema(Options).validate({"reasoningFormat": "x"}) == Options.model_validate(
            {"reasoningFormat": "x"}
        )

    def test_validation(self) -> None:
        schema = as_schema(Recipe)
        value = {"ingredients": [{"name": "salt", "amount": "1g"}], "alternatives": []}
        recipe = schema.validate(value)
        assert isinstance(recipe, Recipe)
        assert recipe.ingredients == [Ingredient(name="salt", amount="1g")]
        with pytest.raises(TypeValidationError) as caught:
            schema.validate({"ingredients": [{"name": 1}]})
        assert caught.value.value == {"ingredients": [{"name": 1}]}
        assert isinstance(caught.value.cause, ValidationError)


class Movie(TypedDict):
    title: str
    year: NotRequired[int]


@dataclasses.dataclass
class Weather:
    city: str
    celsius: float = 20.0


class TestOtherTypes:
    def test_typed_dict(self) -> None:
        schema = as_schema(Movie)
        assert schema.json_schema == {
            "$schema": DRAFT_07,
            "type": "object",
            "properties": {"title": {"type": "string"}, "year": {"type": "integer"}},
            "required": ["title"],
            "additionalProperties": False,
        }
        assert schema.validate({"title": "Heat"}) == {"title": "Heat"}

    def test_dataclass(self) -> None:
        schema = as_schema(Weather)
        assert schema.json_schema["properties"] == {
            "city": {"type": "string"},
            "celsius": {"type": "number", "default": 20.0},
        }
        assert schema.validate({"city": "Oslo"}) == Weather(city="Oslo")

    def test_type_adapter_and_generic_types(self) -> None:
        assert as_schema(TypeAdapter(list[int])).validate(["1", 2]) == [1, 2]
        assert as_schema(list[int]).json_schema == {
            "$schema": DRAFT_07,
            "type": "array",
            "items": {"type": "integer"},
        }
        with pytest.raises(TypeValidationError):
            as_schema(list[int]).validate(["x"])


class TestCloseObjects:
    """add-additional-properties-to-json-schema.test.ts, applied to schemas pydantic emits."""

    def test_objects_recursively_and_inside_arrays(self) -> None:
        schema = {
            "type": "object",
            "properties": {
                "user": {"type": "object", "properties": {"name": {"type": "string"}}},
                "items": {"type": "array", "items": {"type": "object", "properties": {}}},
                "age": {"type": "number"},
            },
        }
        assert _close_objects(schema) == {
            "type": "object",
            "additionalProperties": False,
            "properties": {
                "user": {
                    "type": "object",
                    "additionalProperties": False,
                    "properties": {"name": {"type": "string"}},
                },
                "items": {
                    "type": "array",
                    "items": {"type": "object", "properties": {}, "additionalProperties": False},
                },
                "age": {"type": "number"},
            },
        }

    @pytest.mark.parametrize("combinator", ["anyOf", "allOf", "oneOf"])
    def test_objects_inside_combinators(self, combinator: str) -> None:
        schema = {
            combinator: [{"type": "object"}, {"type": ["object", "null"]}, {"type": "string"}]
        }
        assert _close_objects(schema) == {
            combinator: [
                {"type": "object", "additionalProperties": False},
                {"type": ["object", "null"], "additionalProperties": False},
                {"type": "string"},
            ]
        }

    def test_definitions_and_references(self) -> None:
        schema = {
            "type": "object",
            "properties": {"node": {"$ref": "#/definitions/Node"}},
            "definitions": {
                "Node": {"type": "object", "properties": {"next": {"$ref": "#/definitions/Node"}}}
            },
        }
        closed = _close_objects(schema)
        assert closed["definitions"]["Node"]["additionalProperties"] is False
        assert closed["properties"]["node"] == {"$ref": "#/definitions/Node"}

    def test_schema_valued_additional_properties_are_closed_too(self) -> None:
        schema = {"type": "object", "additionalProperties": {"type": "object", "properties": {}}}
        assert _close_objects(schema) == {
            "type": "object",
            "additionalProperties": {
                "type": "object",
                "properties": {},
                "additionalProperties": False,
            },
        }

    def test_explicit_true_is_kept(self) -> None:
        # TS overwrites `true`, which zod never emits (it writes `{}` for open objects); pydantic
        # writes `true` only for objects that are open on purpose, so it is kept.
        assert _close_objects({"type": "object", "additionalProperties": True}) == {
            "type": "object",
            "additionalProperties": True,
        }

    def test_non_objects_unchanged(self) -> None:
        assert _close_objects({"type": "string"}) == {"type": "string"}


# --- function schemas -------------------------------------------------------------------------


def google_style(city: str, units: Literal["c", "f"] = "c", *, days: int = 1) -> str:
    """Get the weather forecast.

    Uses the national weather service.

    Args:
        city: The city name,
            e.g. "Berlin".
        units (str): Temperature units.
        days: How many days
            to forecast.

    Returns:
        The forecast text.
    """
    return city


def numpy_style(city: str, units: Literal["c", "f"] = "c", *, days: int = 1) -> str:
    """Get the weather forecast.

    Uses the national weather service.

    Parameters
    ----------
    city : str
        The city name,
        e.g. "Berlin".
    units : {"c", "f"}, optional
        Temperature units.
    days : int
        How many days
        to forecast.

    Returns
    -------
    str
        The forecast text.
    """
    return city


def sphinx_style(city: str, units: Literal["c", "f"] = "c", *, days: int = 1) -> str:
    """Get the weather forecast.

    Uses the national weather service.

    :param city: The city name,
        e.g. "Berlin".
    :param str units: Temperature units.
    :type units: str
    :param days: How many days
        to forecast.
    :returns: The forecast text.
    :rtype: str
    """
    return city


FORECAST_SCHEMA = {
    "$schema": DRAFT_07,
    "type": "object",
    "properties": {
        "city": {"type": "string", "description": 'The city name, e.g. "Berlin".'},
        "units": {
            "type": "string",
            "enum": ["c", "f"],
            "default": "c",
            "description": "Temperature units.",
        },
        "days": {"type": "integer", "default": 1, "description": "How many days to forecast."},
    },
    "required": ["city"],
    "additionalProperties": False,
}


class TestFunctionSchema:
    @pytest.mark.parametrize("fn", [google_style, numpy_style, sphinx_style])
    def test_docstring_styles(self, fn: Any) -> None:
        schema = function_schema(fn)
        assert isinstance(schema, FunctionSchema)
        assert schema.name == fn.__name__
        assert (
            schema.description == "Get the weather forecast.\n\nUses the national weather service."
        )
        assert schema.json_schema == FORECAST_SCHEMA

    def test_validation_returns_keyword_arguments(self) -> None:
        schema = function_schema(google_style)
        kwargs = schema.validate({"city": "Oslo", "days": "3"})
        assert kwargs == {"city": "Oslo", "units": "c", "days": 3}
        assert google_style(**kwargs) == "Oslo"
        with pytest.raises(TypeValidationError) as caught:
            schema.validate({"units": "k"})
        assert caught.value.value == {"units": "k"}

    def test_annotated_description_wins_over_docstring(self) -> None:
        def tool(count: Annotated[int, Field(description="From the annotation", ge=1)]) -> None:
            """Count.

            Args:
                count: From the docstring.
            """

        assert function_schema(tool).json_schema["properties"]["count"] == {
            "type": "integer",
            "minimum": 1,
            "description": "From the annotation",
        }

    def test_models_parameters_and_names_of_base_model_attributes(self) -> None:
        def tool(recipe: Recipe, json: bool = False, schema: str | None = None, other=None) -> None:
            """No parameter docs."""

        fs = function_schema(tool)
        assert fs.description == "No parameter docs."
        properties = fs.json_schema["properties"]
        assert list(properties) == ["recipe", "json", "schema", "other"]
        assert properties["other"] == {"default": None}
        assert (
            properties["recipe"]["properties"]["ingredients"]["items"]["additionalProperties"]
            is False
        )
        kwargs = fs.validate({"recipe": {"ingredients": [], "alternatives": []}, "json": True})
        assert kwargs == {
            "recipe": Recipe(ingredients=[], alternatives=[]),
            "json": True,
            "schema": None,
            "other": None,
        }

    def test_without_docstring_or_parameters(self) -> None:
        def ping() -> str:
            return "pong"

        fs = function_schema(ping)
        assert fs.description is None
        assert fs.json_schema == {
            "$schema": DRAFT_07,
            "type": "object",
            "properties": {},
            "additionalProperties": False,
        }
        assert fs.validate({}) == {}

    def test_async_functions_and_methods(self) -> None:
        class Service:
            async def lookup(self, key: str) -> str:
                """Look a key up.

                Args:
                    key: The key.
                """
                return key

        fs = function_schema(Service().lookup)
        assert fs.name == "lookup"
        assert fs.json_schema["properties"] == {
            "key": {"type": "string", "description": "The key."}
        }

    @pytest.mark.parametrize(
        "source",
        ["def f(a, /): ...", "def f(*args: int): ...", "def f(**kwargs: int): ..."],
    )
    def test_unsupported_parameter_kinds(self, source: str) -> None:
        namespace: dict[str, Any] = {}
        exec(source, namespace)
        with pytest.raises(TypeError, match="only parameters that can be passed by keyword"):
            function_schema(namespace["f"])


@pytest.mark.parametrize(
    ("docstring", "description", "parameters"),
    [
        (
            """Summary.

            Raises:
                ValueError: never.

            Keyword Args:
                limit (int, optional): At most
                    this many.
            """,
            "Summary.",
            {"limit": "At most this many."},
        ),
        (
            """Two values.

            Parameters
            ----------
            x, y : float
                Coordinates.
            label
                Shown text.

            Notes
            -----
            label : not a parameter
            """,
            "Two values.",
            {"x": "Coordinates.", "y": "Coordinates.", "label": "Shown text."},
        ),
        (
            """Sphinx.

            :param int count: How many.
            :keyword mode: Either
                fast or slow.
            :raises ValueError: never.
            """,
            "Sphinx.",
            {"count": "How many.", "mode": "Either fast or slow."},
        ),
        ("Only a summary line.", "Only a summary line.", {}),
        ("", None, {}),
    ],
)
def test_docstring_sections(
    docstring: str, description: str | None, parameters: dict[str, str]
) -> None:
    assert _parse_docstring(docstring) == (description, parameters)
