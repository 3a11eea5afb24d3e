"""``tool()``, ``dynamic_tool()`` and provider tool factories: what users write, as a :class:`Tool`.

``execute`` may be a plain or ``async`` function, or a plain or ``async`` generator function
(each yielded value is a preliminary output, the last one the final output). It takes the input,
or the input and the :class:`ToolExecutionOptions`; which one is decided once, from its
signature. Plain functions and generators run in a worker thread, so they never block the event
loop; one that times out or is cancelled keeps running there, its result discarded.
"""

from __future__ import annotations

import inspect
from collections.abc import AsyncIterator, Awaitable, Callable, Iterator, Mapping
from typing import TYPE_CHECKING, Any, Literal, TypeAlias, TypedDict, TypeVar, Unpack, overload

import anyio

from ai_sdk_core.provider._json import JSONObject
from ai_sdk_core.provider._shared import SharedV4ProviderOptions
from ai_sdk_core.provider_utils._schema import FunctionSchema, Schema, as_schema, function_schema

from ._tool import (
    Tool,
    ToolExecutionOptions,
    ToolInputAvailableOptions,
    ToolInputDeltaOptions,
    ToolModelOutputOptions,
    ToolNeedsApproval,
)

if TYPE_CHECKING:
    from pydantic import TypeAdapter

    from ai_sdk_core.prompt._messages import ToolResultOutput

__all__ = [
    "ProviderToolFactory",
    "ToolExecuteFunction",
    "ToolOptions",
    "create_provider_tool_factory",
    "dynamic_tool",
    "tool",
]

InputT = TypeVar("InputT")

ToolExecuteFunction: TypeAlias = (
    Callable[[InputT, ToolExecutionOptions], Any] | Callable[[InputT], Any]
)
"""Runs a tool: ``(input)`` or ``(input, options)``, returning the output, an awaitable of it,
or a (sync or async) iterator of preliminary outputs whose last one is final."""

ProviderToolFactory: TypeAlias = Callable[..., Tool[Any, Any]]
"""Creates a provider tool; its keyword arguments are the tool's ``args`` (and callbacks)."""

_OnInputStart: TypeAlias = Callable[[ToolExecutionOptions], Awaitable[None] | None]
_OnInputDelta: TypeAlias = Callable[[ToolInputDeltaOptions], Awaitable[None] | None]
_OnInputAvailable: TypeAlias = Callable[[ToolInputAvailableOptions[Any]], Awaitable[None] | None]
_ToModelOutput: TypeAlias = Callable[
    [ToolModelOutputOptions[Any, Any]], "ToolResultOutput | Awaitable[ToolResultOutput]"
]


class ToolOptions(TypedDict, total=False):
    """The optional settings of :func:`tool` and :func:`dynamic_tool` (see :class:`Tool`)."""

    description: str | None
    title: str | None
    output_schema: object
    strict: bool | None
    input_examples: list[JSONObject] | None
    provider_options: SharedV4ProviderOptions | None
    metadata: JSONObject | None
    needs_approval: ToolNeedsApproval
    on_input_start: _OnInputStart | None
    on_input_delta: _OnInputDelta | None
    on_input_available: _OnInputAvailable | None
    to_model_output: _ToModelOutput | None


@overload
def tool(function: Callable[..., Any], /) -> Tool[dict[str, Any], Any]: ...
@overload
def tool(
    *,
    input_schema: type[InputT] | Schema[InputT] | TypeAdapter[InputT],
    execute: ToolExecuteFunction[InputT] | None = None,
    **options: Unpack[ToolOptions],
) -> Tool[InputT, Any]: ...
@overload
def tool(
    *,
    input_schema: Mapping[str, Any] | object,
    execute: ToolExecuteFunction[Any] | None = None,
    **options: Unpack[ToolOptions],
) -> Tool[Any, Any]: ...
@overload
def tool(
    *, execute: Callable[..., Any], **options: Unpack[ToolOptions]
) -> Tool[dict[str, Any], Any]: ...
@overload
def tool(
    **options: Unpack[ToolOptions],
) -> Callable[[Callable[..., Any]], Tool[dict[str, Any], Any]]: ...
def tool(
    function: Callable[..., Any] | None = None,
    /,
    *,
    input_schema: object = None,
    execute: Callable[..., Any] | None = None,
    **options: Unpack[ToolOptions],
) -> Tool[Any, Any] | Callable[[Callable[..., Any]], Tool[Any, Any]]:
    """A tool the model can call.

    ``input_schema`` is anything :func:`~ai_sdk_core.provider_utils.as_schema` takes: a pydantic
    model (``execute`` then receives a validated instance), a JSON-schema dict, a
    :class:`Schema`. Without it, the schema is derived from ``execute``'s typed parameters and
    docstring (:func:`~ai_sdk_core.provider_utils.function_schema`; the docstring also gives the
    description unless one is passed), ``execute`` is called with the validated arguments as
    keywords, and a parameter annotated :class:`ToolExecutionOptions` receives the options.

    Use it as ``@tool`` or ``@tool(description=...)`` on a typed function, too: called with
    neither ``input_schema`` nor ``execute``, it returns a decorator. Without ``execute`` the
    generation stops at a call for the caller to supply the result (a tool without execute
    and without input takes ``input_schema=as_schema(None)``, the empty object schema).
    """
    if function is not None:
        if execute is not None:
            raise TypeError("tool() takes the function either positionally or as execute=")
        execute = function
    elif execute is None and input_schema is None:
        return lambda decorated: _build_tool("function", None, decorated, options)
    return _build_tool("function", input_schema, execute, options)


def dynamic_tool(
    *,
    input_schema: object,
    execute: ToolExecuteFunction[Any] | None = None,
    **options: Unpack[ToolOptions],
) -> Tool[Any, Any]:
    """A tool whose input and output types are only known at run time (e.g. an MCP tool).

    Its calls and results are marked ``dynamic``; otherwise it is built as :func:`tool` builds
    a tool with an ``input_schema``.
    """
    return _build_tool("dynamic", as_schema(input_schema), execute, options)


def create_provider_tool_factory(
    *,
    id: str,
    input_schema: object = None,
    output_schema: object = None,
    executed_by_provider: bool = False,
    supports_deferred_results: bool = False,
) -> ProviderToolFactory:
    """A factory of a provider tool ``id`` (``"<provider>.<tool>"``), for provider packages.

    The factory's keyword arguments become the tool's ``args`` (sent to the provider as given),
    except the callbacks: ``on_input_start``, ``on_input_delta``, ``on_input_available``, and,
    for tools the user executes (``executed_by_provider=False``), ``execute``,
    ``output_schema``, ``needs_approval`` and ``to_model_output``. Provider-executed tools may
    deliver their result in a later step when ``supports_deferred_results`` is set.
    """
    if "." not in id:
        raise ValueError(f"provider tool ids have the form '<provider>.<tool>', got {id!r}")
    if supports_deferred_results and not executed_by_provider:
        raise ValueError("supports_deferred_results applies to provider-executed tools only")
    input_schema_ = as_schema(input_schema)
    default_output_schema = None if output_schema is None else as_schema(output_schema)

    def provider_executed_tool(
        *,
        on_input_start: _OnInputStart | None = None,
        on_input_delta: _OnInputDelta | None = None,
        on_input_available: _OnInputAvailable | None = None,
        **args: Any,
    ) -> Tool[Any, Any]:
        return Tool(
            type="provider",
            id=id,
            args=args,
            input_schema=input_schema_,
            output_schema=default_output_schema,
            is_provider_executed=True,
            supports_deferred_results=supports_deferred_results,
            on_input_start=on_input_start,
            on_input_delta=on_input_delta,
            on_input_available=on_input_available,
        )

    def provider_defined_tool(
        *,
        execute: ToolExecuteFunction[Any] | None = None,
        output_schema: object = None,
        needs_approval: ToolNeedsApproval = False,
        to_model_output: _ToModelOutput | None = None,
        on_input_start: _OnInputStart | None = None,
        on_input_delta: _OnInputDelta | None = None,
        on_input_available: _OnInputAvailable | None = None,
        **args: Any,
    ) -> Tool[Any, Any]:
        return Tool(
            type="provider",
            id=id,
            args=args,
            input_schema=input_schema_,
            output_schema=default_output_schema
            if output_schema is None
            else as_schema(output_schema),
            execute=None if execute is None else _input_execute(execute),
            needs_approval=needs_approval,
            to_model_output=to_model_output,
            on_input_start=on_input_start,
            on_input_delta=on_input_delta,
            on_input_available=on_input_available,
        )

    return provider_executed_tool if executed_by_provider else provider_defined_tool


def _build_tool(
    kind: Literal["function", "dynamic"],
    input_schema: object,
    execute: Callable[..., Any] | None,
    options: ToolOptions,
) -> Tool[Any, Any]:
    description = options.get("description")
    if input_schema is None and execute is not None:
        schema, run = _function_execute(execute)
        if description is None:
            description = schema.description
    else:
        schema = as_schema(input_schema)
        run = None if execute is None else _input_execute(execute)
    output_schema = options.get("output_schema")
    return Tool(
        type=kind,
        input_schema=schema,
        execute=run,
        description=description,
        title=options.get("title"),
        output_schema=None if output_schema is None else as_schema(output_schema),
        strict=options.get("strict"),
        input_examples=options.get("input_examples"),
        provider_options=options.get("provider_options"),
        metadata=options.get("metadata"),
        needs_approval=options.get("needs_approval", False),
        on_input_start=options.get("on_input_start"),
        on_input_delta=options.get("on_input_delta"),
        on_input_available=options.get("on_input_available"),
        to_model_output=options.get("to_model_output"),
    )


# --- execute, normalized to Tool.execute(input, options) -------------------------------------

_Execute: TypeAlias = Callable[[Any, ToolExecutionOptions], Any]
_OPTIONS_NAMESPACE = {ToolExecutionOptions.__name__: ToolExecutionOptions}


def _input_execute(fn: Callable[..., Any]) -> _Execute:
    """``fn(input)`` or ``fn(input, options)``: options go to a second positional parameter."""
    if _takes_options(fn):
        return _off_the_loop(fn, fn)
    return _off_the_loop(fn, lambda input, _options: fn(input))


def _function_execute(fn: Callable[..., Any]) -> tuple[FunctionSchema, _Execute]:
    """The schema of ``fn``'s parameters, and ``fn`` called with the validated keywords."""
    options_name = _options_parameter(fn)
    if options_name is None:
        return function_schema(fn), _off_the_loop(fn, lambda input, _options: fn(**input))
    schema = function_schema(_WithoutParameter(fn, options_name))
    return schema, _off_the_loop(fn, lambda input, options: fn(**input, **{options_name: options}))


def _takes_options(fn: Callable[..., Any]) -> bool:
    try:
        parameters = inspect.signature(fn).parameters.values()
    except (TypeError, ValueError):  # no readable signature: pass the input only
        return False
    positional = [
        parameter
        for parameter in parameters
        if parameter.kind in (parameter.POSITIONAL_ONLY, parameter.POSITIONAL_OR_KEYWORD)
    ]
    return len(positional) >= 2 or any(
        parameter.kind is parameter.VAR_POSITIONAL for parameter in parameters
    )


def _options_parameter(fn: Callable[..., Any]) -> str | None:
    """The name of ``fn``'s parameter annotated :class:`ToolExecutionOptions`, if any."""
    for parameter in _signature(fn).parameters.values():
        annotation = parameter.annotation
        if annotation is ToolExecutionOptions or annotation == ToolExecutionOptions.__name__:
            return parameter.name
    return None


def _signature(fn: Callable[..., Any]) -> inspect.Signature:
    """``fn``'s signature with evaluated annotations, or as written while they do not resolve
    (e.g. a forward reference to a class defined later in the module)."""
    try:
        return inspect.signature(fn, eval_str=True, locals=_OPTIONS_NAMESPACE)
    except Exception:  # any error of evaluating an annotation
        return inspect.signature(fn)


class _WithoutParameter:
    # ``fn`` as function_schema() should see it: the same name and docstring, one parameter
    # less. The signature is read on each access, so annotations resolve as late as they do
    # for function_schema(fn) itself.

    def __init__(self, fn: Callable[..., Any], parameter: str) -> None:
        self._fn = fn
        self._parameter = parameter
        self.__name__ = getattr(fn, "__name__", type(fn).__name__)
        self.__doc__ = inspect.getdoc(fn)

    @property
    def __signature__(self) -> inspect.Signature:
        signature = _signature(self._fn)
        return signature.replace(
            parameters=[p for p in signature.parameters.values() if p.name != self._parameter]
        )

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        return self._fn(*args, **kwargs)


def _off_the_loop(fn: Callable[..., Any], call: _Execute) -> _Execute:
    """``call`` (which calls ``fn``) as ``Tool.execute``: coroutine and async generator
    functions as they are, generators iterated and other functions called in a worker thread."""
    candidates = (fn, getattr(fn, "__call__", None))  # noqa: B004 - a callable object's method
    if any(inspect.iscoroutinefunction(c) or inspect.isasyncgenfunction(c) for c in candidates):
        return call
    if any(inspect.isgeneratorfunction(c) for c in candidates):
        return lambda input, options: _iterate_in_worker_thread(call(input, options))

    async def in_worker_thread(input: Any, options: ToolExecutionOptions) -> Any:
        result = await anyio.to_thread.run_sync(call, input, options, abandon_on_cancel=True)
        if inspect.isawaitable(result):  # e.g. a lambda that returns a coroutine
            return await result
        return result

    return in_worker_thread


async def _iterate_in_worker_thread(iterator: Iterator[Any]) -> AsyncIterator[Any]:
    done = object()
    while (
        item := await anyio.to_thread.run_sync(next, iterator, done, abandon_on_cancel=True)
    ) is not done:
        yield item
