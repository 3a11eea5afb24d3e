"""JSON values, as the spec passes them through untouched (``JSONValue`` in TS)."""

from __future__ import annotations

from typing import TYPE_CHECKING, TypeAlias

from typing_extensions import TypeAliasType

__all__ = ["JSONArray", "JSONObject", "JSONValue"]

if TYPE_CHECKING:
    # pyright resolves this recursive form reliably; pydantic needs the TypeAliasType below.
    JSONValue: TypeAlias = (
        "bool | int | float | str | list[JSONValue] | dict[str, JSONValue] | None"
    )
else:
    JSONValue = TypeAliasType(
        "JSONValue",
        bool | int | float | str | list["JSONValue"] | dict[str, "JSONValue"] | None,
    )
"""Any value that survives ``json.dumps``/``json.loads`` unchanged."""

JSONObject: TypeAlias = dict[str, JSONValue]
"""A JSON object."""

JSONArray: TypeAlias = list[JSONValue]
"""A JSON array."""
