"""One cache of pydantic ``TypeAdapter``s for the whole SDK, built on first use."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from pydantic import TypeAdapter

__all__ = ["type_adapter"]

_adapters: dict[Any, TypeAdapter[Any]] = {}


def type_adapter(schema: Any) -> TypeAdapter[Any]:
    """The cached ``TypeAdapter`` of ``schema`` (unhashable schemas are not cached)."""
    try:
        return _adapters[schema]
    except KeyError:
        adapter = _adapters[schema] = _new_adapter(schema)
        return adapter
    except TypeError:
        return _new_adapter(schema)


def _new_adapter(schema: Any) -> TypeAdapter[Any]:
    from pydantic import TypeAdapter

    return TypeAdapter(schema)
