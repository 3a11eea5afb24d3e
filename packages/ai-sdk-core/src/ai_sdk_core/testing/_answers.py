"""How a mock method answers a call: a fixed result, one result per call, or a function."""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Sequence
from typing import TypeVar, cast

from typing_extensions import TypeAliasType

__all__ = ["Answer", "answer"]

OptionsT = TypeVar("OptionsT")
ResultT = TypeVar("ResultT")

Answer = TypeAliasType(
    "Answer",
    ResultT | Sequence[ResultT] | Callable[[OptionsT], ResultT | Awaitable[ResultT]],
    type_params=(OptionsT, ResultT),
)
"""A result for every call, a list of results (the n-th call gets the n-th), or a sync or async
function of the call options."""


async def answer(
    mock: object,
    method: str,
    given: Answer[OptionsT, ResultT] | None,
    calls: list[OptionsT],
    options: OptionsT,
) -> ResultT:
    """Record ``options`` in ``calls``, then answer as ``given`` says."""
    calls.append(options)
    name = f"{type(mock).__name__}.{method}"
    if given is None:
        raise NotImplementedError(f"{name} is not implemented: pass {method}= to the mock")
    # casts: a type variable could itself be a sequence or callable; results never are
    if isinstance(given, Sequence):
        results = cast("Sequence[ResultT]", given)
        if len(calls) > len(results):
            raise IndexError(
                f"{name} was called {len(calls)} times but given {len(results)} results"
            )
        return results[len(calls) - 1]
    if callable(given):
        result = cast("Callable[[OptionsT], ResultT | Awaitable[ResultT]]", given)(options)
        if isinstance(result, Awaitable):
            return await cast("Awaitable[ResultT]", result)
        return cast("ResultT", result)
    return cast("ResultT", given)
