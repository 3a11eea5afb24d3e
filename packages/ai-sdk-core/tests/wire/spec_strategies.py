"""Hypothesis strategies for every spec type, derived from the dataclass type hints.

Values are drawn in canonical form (binary data as ``bytes``, UTC datetimes with millisecond
precision, headers without ``None`` values): the form ``from_wire`` returns.
"""

from __future__ import annotations

import dataclasses
import types
import typing
from datetime import UTC, datetime
from functools import cache
from typing import Annotated, Any, Literal, Union, get_args, get_origin, get_type_hints

from hypothesis import strategies as st
from typing_extensions import TypeAliasType

from ai_sdk_core.provider import JSONValue
from ai_sdk_core.provider._codec_hints import (
    Base64,
    DropNoneValues,
    ErrorValue,
    Tagged,
    Timestamp,
)

text = st.text(alphabet=st.characters(exclude_categories=["Cs"]), max_size=12)
json_values: st.SearchStrategy[Any] = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(min_value=-(2**53), max_value=2**53)
    | st.floats(allow_nan=False, allow_infinity=False)
    | text,
    lambda children: st.lists(children, max_size=3) | st.dictionaries(text, children, max_size=3),
    max_leaves=8,
)
timestamps = st.datetimes(
    min_value=datetime(1970, 1, 1), max_value=datetime(2100, 1, 1), timezones=st.just(UTC)
).map(lambda value: value.replace(microsecond=value.microsecond // 1000 * 1000))


def for_type(tp: Any) -> st.SearchStrategy[Any]:
    """A strategy of canonical values of ``tp``."""
    if isinstance(tp, TypeAliasType) or tp is JSONValue:
        return json_values if tp is JSONValue else for_type(tp.__value__)
    origin = get_origin(tp)
    if origin is Annotated:
        base, *hints = get_args(tp)
        if any(hint is Base64 for hint in hints):
            return st.binary(max_size=12)
        if any(hint is Timestamp for hint in hints):
            return timestamps
        if any(hint is ErrorValue for hint in hints):
            return json_values
        if any(hint is DropNoneValues for hint in hints):
            return st.dictionaries(text, text, max_size=3)
        if any(isinstance(hint, Tagged) for hint in hints):
            return for_type(base)
        return for_type(base)
    if origin in (Union, types.UnionType):
        return st.one_of([for_type(arg) for arg in get_args(tp)])
    if origin is Literal:
        return st.sampled_from(get_args(tp))
    if origin is list:
        return st.lists(for_type(get_args(tp)[0]), max_size=3)
    if origin is dict:
        key, value = get_args(tp)
        return st.dictionaries(for_type(key), for_type(value), max_size=3)
    if tp is Any:
        return json_values
    if tp is type(None):
        return st.none()
    if tp is str:
        return text
    if tp is bool:
        return st.booleans()
    if tp is int:
        return st.integers(min_value=-(2**53), max_value=2**53)
    if tp is float:
        return st.floats(allow_nan=False, allow_infinity=False)
    if dataclasses.is_dataclass(tp):
        return for_dataclass(tp)
    raise TypeError(f"no strategy for {tp!r}")


@cache
def for_dataclass(cls: type[Any]) -> st.SearchStrategy[Any]:
    """Instances of a spec dataclass with every field drawn (optional ones sometimes ``None``)."""
    hints = get_type_hints(cls, include_extras=True)
    fields = {
        field.name: st.deferred(lambda tp=hints[field.name]: for_type(tp))
        for field in dataclasses.fields(cls)
    }
    return st.builds(cls, **fields)


def is_wire_type(value: object) -> bool:
    """Spec dataclasses that the wire codec handles (not the ones holding streams or callables)."""
    return (
        isinstance(value, type)
        and dataclasses.is_dataclass(value)
        and "__pydantic_config__" in vars(value)
    )


__all__ = ["for_dataclass", "for_type", "is_wire_type", "json_values", "typing"]
