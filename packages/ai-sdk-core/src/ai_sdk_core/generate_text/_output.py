"""Structured output: what ``output=`` asks the model for and how its text is parsed.

Port of ``output.ts``. ``Output.text()`` (the default), ``Output.object(schema=...)``,
``Output.array(element=...)``, ``Output.choice(options=[...])`` and ``Output.json()`` each give
the response format sent to the model, parse the final text into the typed value, and parse the
text streamed so far into a partial value. Partial objects and JSON are plain JSON (not
validated); the elements of a partial array are the complete ones, validated.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Generic, Never, cast, overload

from typing_extensions import TypeVar

from ai_sdk_core._errors import NoObjectGeneratedError
from ai_sdk_core._usage import LanguageModelUsage
from ai_sdk_core.provider._errors import TypeValidationError
from ai_sdk_core.provider._json import JSONValue
from ai_sdk_core.provider._language_model_call import (
    LanguageModelV4ResponseFormat,
    LanguageModelV4ResponseFormatJson,
    LanguageModelV4ResponseFormatText,
)
from ai_sdk_core.provider_utils._parse_json import ParseFailure, safe_parse_json
from ai_sdk_core.provider_utils._partial_json import parse_partial_json
from ai_sdk_core.provider_utils._schema import JSONSchema, Schema, as_schema

from ._step_result import FinishReason, LanguageModelResponseMetadata

if TYPE_CHECKING:
    from pydantic import TypeAdapter

__all__ = ["ElementTracker", "Output", "PartialOutput"]

T = TypeVar("T")
OutputT = TypeVar("OutputT", default=Any)
PartialT = TypeVar("PartialT", default=Any)
ElementT = TypeVar("ElementT", default=Any)
ChoiceT = TypeVar("ChoiceT", bound=str)

_DRAFT_07 = "http://json-schema.org/draft-07/schema#"
_COULD_NOT_PARSE = "No object generated: could not parse the response."
_DID_NOT_MATCH = "No object generated: response did not match schema."


@dataclass(slots=True, frozen=True)
class PartialOutput(Generic[PartialT]):
    """A partial value parsed from the text so far (``partial`` may be ``None``: JSON null)."""

    partial: PartialT


class ElementTracker(Generic[ElementT]):
    """Finds the array elements that are new in each partial output (``Output.array`` only).

    A partial array holds only complete elements: an element appears once the next one has
    started, or once the whole JSON text is complete, which publishes the last element. There
    is no other final flush: when the JSON is cut off, its last element is never published.
    """

    __slots__ = ("_published",)

    def __init__(self) -> None:
        self._published = 0

    def push(self, partial_output: Sequence[ElementT] | None) -> list[ElementT]:
        """The elements of ``partial_output`` not returned before (none for ``None``)."""
        if partial_output is None or len(partial_output) <= self._published:
            return []
        new_elements = list(partial_output[self._published :])
        self._published = len(partial_output)
        return new_elements


class Output(ABC, Generic[OutputT, PartialT, ElementT]):
    """An output specification for ``generate_text``/``stream_text`` (``output=``).

    Create one with :meth:`text`, :meth:`object`, :meth:`array`, :meth:`choice` or :meth:`json`;
    subclass it for a custom output. ``OutputT`` is the complete value, ``PartialT`` the partial
    value while streaming, ``ElementT`` an array element (``Output[T]`` leaves the last two
    ``Any``).
    """

    name: str
    """The output mode: ``"text"``, ``"object"``, ``"array"``, ``"choice"`` or ``"json"``."""

    @abstractmethod
    async def response_format(self) -> LanguageModelV4ResponseFormat:
        """The response format to request from the model."""

    @abstractmethod
    async def parse_complete_output(
        self,
        text: str,
        *,
        response: LanguageModelResponseMetadata,
        usage: LanguageModelUsage,
        finish_reason: FinishReason,
    ) -> OutputT:
        """The value of the final step's text; :class:`NoObjectGeneratedError` when it fails
        (keeping ``text``, ``response``, ``usage`` and ``finish_reason``)."""

    @abstractmethod
    async def parse_partial_output(self, text: str) -> PartialOutput[PartialT] | None:
        """The partial value of the text streamed so far, or ``None`` when there is none yet."""

    def create_element_tracker(self) -> ElementTracker[ElementT] | None:
        """A tracker of completed array elements, or ``None`` when this output has no elements."""
        return None

    @staticmethod
    def text() -> Output[str, str, Never]:
        """Plain text (the default output)."""
        return _TextOutput()

    @overload
    @staticmethod
    def object(
        *, schema: Schema[T], name: str | None = None, description: str | None = None
    ) -> Output[T, Any, Never]: ...
    @overload
    @staticmethod
    def object(
        *, schema: TypeAdapter[T], name: str | None = None, description: str | None = None
    ) -> Output[T, Any, Never]: ...
    @overload
    @staticmethod
    def object(
        *, schema: type[T], name: str | None = None, description: str | None = None
    ) -> Output[T, Any, Never]: ...
    @overload
    @staticmethod
    def object(
        *, schema: Any, name: str | None = None, description: str | None = None
    ) -> Output[Any, Any, Never]: ...
    @staticmethod
    def object(
        *, schema: Any, name: str | None = None, description: str | None = None
    ) -> Output[Any, Any, Never]:
        """An object matching ``schema`` (a pydantic model or other type, a ``TypeAdapter``, a
        :class:`Schema` or a JSON-schema dict); ``name`` and ``description`` guide some models."""
        return _ObjectOutput(as_schema(schema), name, description)

    @overload
    @staticmethod
    def array(
        *, element: Schema[T], name: str | None = None, description: str | None = None
    ) -> Output[list[T], list[T], T]: ...
    @overload
    @staticmethod
    def array(
        *, element: TypeAdapter[T], name: str | None = None, description: str | None = None
    ) -> Output[list[T], list[T], T]: ...
    @overload
    @staticmethod
    def array(
        *, element: type[T], name: str | None = None, description: str | None = None
    ) -> Output[list[T], list[T], T]: ...
    @overload
    @staticmethod
    def array(
        *, element: Any, name: str | None = None, description: str | None = None
    ) -> Output[list[Any], list[Any], Any]: ...
    @staticmethod
    def array(
        *, element: Any, name: str | None = None, description: str | None = None
    ) -> Output[list[Any], list[Any], Any]:
        """A list of elements matching ``element``; the model writes ``{"elements": [...]}``."""
        return _ArrayOutput(as_schema(element), name, description)

    @staticmethod
    def choice(
        *, options: Sequence[ChoiceT], name: str | None = None, description: str | None = None
    ) -> Output[ChoiceT, ChoiceT, Never]:
        """One of ``options``; the model writes ``{"result": "<option>"}``."""
        return _ChoiceOutput(list(options), name, description)

    @staticmethod
    def json(
        *, name: str | None = None, description: str | None = None
    ) -> Output[JSONValue, JSONValue, Never]:
        """Any JSON value (no schema)."""
        return _JsonOutput[JSONValue, JSONValue, Never](name, description)


class _TextOutput(Output[str, str, Never]):
    name = "text"

    async def response_format(self) -> LanguageModelV4ResponseFormat:
        return LanguageModelV4ResponseFormatText()

    async def parse_complete_output(
        self,
        text: str,
        *,
        response: LanguageModelResponseMetadata,
        usage: LanguageModelUsage,
        finish_reason: FinishReason,
    ) -> str:
        return text

    async def parse_partial_output(self, text: str) -> PartialOutput[str] | None:
        return PartialOutput(text)


class _JsonOutput(Output[OutputT, PartialT, ElementT]):
    """Any JSON value, and the base of the other JSON outputs, which refine the parsed value."""

    name = "json"

    def __init__(self, name: str | None, description: str | None) -> None:
        self._name = name
        self._description = description

    def _json_format(self, schema: JSONSchema | None = None) -> LanguageModelV4ResponseFormat:
        return LanguageModelV4ResponseFormatJson(
            schema=schema, name=self._name, description=self._description
        )

    async def response_format(self) -> LanguageModelV4ResponseFormat:
        return self._json_format()

    async def parse_complete_output(
        self,
        text: str,
        *,
        response: LanguageModelResponseMetadata,
        usage: LanguageModelUsage,
        finish_reason: FinishReason,
    ) -> OutputT:
        def fail(message: str, cause: object) -> NoObjectGeneratedError:
            return NoObjectGeneratedError(
                message,
                cause=cause,
                text=text,
                response=response,
                usage=usage,
                finish_reason=finish_reason,
            )

        parsed = safe_parse_json(text)
        if isinstance(parsed, ParseFailure):
            raise fail(_COULD_NOT_PARSE, parsed.error)
        try:
            return self._complete_value(parsed.value)
        except TypeValidationError as error:
            raise fail(_DID_NOT_MATCH, error) from error

    def _complete_value(self, value: JSONValue) -> OutputT:
        """The output of the parsed JSON; :class:`TypeValidationError` when it does not match."""
        return cast(OutputT, value)

    async def parse_partial_output(self, text: str) -> PartialOutput[PartialT] | None:
        value, state = parse_partial_json(text)
        if state in ("failed-parse", "undefined-input"):
            return None
        return self._partial_value(value, repaired=state == "repaired-parse")

    def _partial_value(self, value: Any, *, repaired: bool) -> PartialOutput[PartialT] | None:
        return PartialOutput(value)


class _ObjectOutput(_JsonOutput[T, Any, Never]):
    name = "object"

    def __init__(self, schema: Schema[T], name: str | None, description: str | None) -> None:
        super().__init__(name, description)
        self._schema = schema

    async def response_format(self) -> LanguageModelV4ResponseFormat:
        return self._json_format(self._schema.json_schema)

    def _complete_value(self, value: JSONValue) -> T:
        return self._schema.validate(value)


class _ArrayOutput(_JsonOutput[list[T], list[T], T]):
    name = "array"

    def __init__(self, element: Schema[T], name: str | None, description: str | None) -> None:
        super().__init__(name, description)
        self._element = element

    async def response_format(self) -> LanguageModelV4ResponseFormat:
        # Root-level definitions move to the wrapper's root, where root-relative $refs find them.
        item_schema = dict(self._element.json_schema)
        item_schema.pop("$schema", None)
        definitions = item_schema.pop("definitions", None)
        defs = item_schema.pop("$defs", None)
        schema: JSONSchema = {"$schema": _DRAFT_07}
        if definitions is not None:
            schema["definitions"] = definitions
        if defs is not None:
            schema["$defs"] = defs
        schema |= {
            "type": "object",
            "properties": {"elements": {"type": "array", "items": item_schema}},
            "required": ["elements"],
            "additionalProperties": False,
        }
        return self._json_format(schema)

    def _complete_value(self, value: JSONValue) -> list[T]:
        elements = _elements(value)
        if elements is None:
            raise TypeValidationError(
                value=value, cause="response must be an object with an elements array"
            )
        return [self._element.validate(element) for element in elements]

    def _partial_value(self, value: Any, *, repaired: bool) -> PartialOutput[list[T]] | None:
        elements = _elements(value)
        if elements is None:
            return None
        if repaired and elements:
            elements = elements[:-1]  # the last element may still be incomplete
        valid: list[T] = []
        for element in elements:
            try:
                valid.append(self._element.validate(element))
            except TypeValidationError:
                continue
        return PartialOutput(valid)

    def create_element_tracker(self) -> ElementTracker[T]:
        return ElementTracker()


class _ChoiceOutput(_JsonOutput[ChoiceT, ChoiceT, Never]):
    name = "choice"

    def __init__(self, options: list[ChoiceT], name: str | None, description: str | None) -> None:
        super().__init__(name, description)
        self._options = options

    async def response_format(self) -> LanguageModelV4ResponseFormat:
        return self._json_format(
            {
                "$schema": _DRAFT_07,
                "type": "object",
                "properties": {"result": {"type": "string", "enum": list(self._options)}},
                "required": ["result"],
                "additionalProperties": False,
            }
        )

    def _complete_value(self, value: JSONValue) -> ChoiceT:
        result = _result(value)
        if result not in self._options:
            raise TypeValidationError(
                value=value, cause="response must be an object that contains a choice value."
            )
        return cast(ChoiceT, result)

    def _partial_value(self, value: Any, *, repaired: bool) -> PartialOutput[ChoiceT] | None:
        result = _result(value)
        if result is None:
            return None
        matches = [option for option in self._options if option.startswith(result)]
        if not repaired:  # complete JSON: only an exact option
            return PartialOutput(cast(ChoiceT, result)) if result in matches else None
        return PartialOutput(matches[0]) if len(matches) == 1 else None  # unambiguous prefix


def _elements(value: object) -> list[Any] | None:
    """``value["elements"]`` when ``value`` is an object with an ``elements`` list."""
    if isinstance(value, Mapping):
        elements = cast(Mapping[str, Any], value).get("elements")
        if isinstance(elements, list):
            return cast(list[Any], elements)
    return None


def _result(value: object) -> str | None:
    """``value["result"]`` when ``value`` is an object with a string ``result``."""
    if isinstance(value, Mapping):
        result = cast(Mapping[str, Any], value).get("result")
        if isinstance(result, str):
            return result
    return None
