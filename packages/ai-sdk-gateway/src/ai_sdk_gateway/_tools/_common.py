"""What the gateway tools share: camelCase tool args, and the error output."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Literal, NotRequired, cast

from typing_extensions import TypedDict

__all__ = ["GatewayToolError", "camel_args"]


class GatewayToolError(TypedDict):
    """A tool's output when the search failed."""

    error: Literal[
        "api_error",
        "configuration_error",
        "execution_error",
        "gateway_rate_limit",
        "invalid_input",
        "rate_limit",
        "timeout",
        "unknown",
        "unknown_tool",
    ]
    message: str
    statusCode: NotRequired[int]
    retryAfter: NotRequired[str]
    statusText: NotRequired[str]


def _camel(name: str) -> str:
    first, *rest = name.split("_")
    return first + "".join(word[:1].upper() + word[1:] for word in rest)


def camel_args(
    config: Mapping[str, Any], *, verbatim: frozenset[str] = frozenset()
) -> dict[str, Any]:
    """The tool's ``args`` as the gateway reads them: the TS config object, with camelCase keys
    at every level (``num_results`` → ``numResults``; camelCase keys stay as they are).

    ``None`` values are left out; the values of the keys in ``verbatim`` are kept as given.
    """
    args: dict[str, Any] = {}
    for name, value in config.items():
        if value is None:
            continue
        if name in verbatim:
            args[_camel(name)] = value
        elif isinstance(value, Mapping):
            args[_camel(name)] = camel_args(cast("Mapping[str, Any]", value))
        else:
            args[_camel(name)] = value
    return args
