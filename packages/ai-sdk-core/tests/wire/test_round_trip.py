"""``from_wire(to_wire(x)) == x`` for every spec type, and the JSON text form agrees."""

from __future__ import annotations

import json
from typing import Any

import pytest
from hypothesis import given, settings, strategies as st

import ai_sdk_core.provider as spec
from ai_sdk_core.wire import from_wire, from_wire_json, to_wire, to_wire_json

from .spec_strategies import for_dataclass, is_wire_type

SPEC_TYPES = sorted(
    (value for name in spec.__all__ if is_wire_type(value := getattr(spec, name))),
    key=lambda cls: cls.__name__,
)


def test_every_spec_dataclass_is_covered() -> None:
    # the stream results hold async iterators and the middleware records hold callables;
    # every other dataclass of the spec is a wire type
    not_on_wire = {
        "EmbeddingModelV4Middleware",
        "ImageModelV4Middleware",
        "LanguageModelV4Middleware",
        "LanguageModelV4StreamResult",
        "TranscriptionModelV4StreamOptions",
        "TranscriptionModelV4StreamResult",
    }
    dataclass_names = {
        name
        for name in spec.__all__
        if isinstance(getattr(spec, name), type)
        and hasattr(getattr(spec, name), "__slots__")
        and hasattr(getattr(spec, name), "__dataclass_fields__")
    }
    assert dataclass_names - {cls.__name__ for cls in SPEC_TYPES} == not_on_wire
    assert len(SPEC_TYPES) > 100


@pytest.mark.parametrize("spec_type", SPEC_TYPES, ids=lambda cls: cls.__name__)
@settings(max_examples=25, deadline=None)
@given(data=st.data())
def test_round_trip(spec_type: type[Any], data: st.DataObject) -> None:
    value = data.draw(for_dataclass(spec_type))

    wire = to_wire(value)

    assert from_wire(spec_type, wire) == value
    assert json.loads(to_wire_json(value)) == wire
    assert from_wire_json(spec_type, to_wire_json(value)) == value
