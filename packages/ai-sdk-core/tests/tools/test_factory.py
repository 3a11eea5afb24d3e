"""``tool()``, ``dynamic_tool()`` and ``create_provider_tool_factory()``: schemas, and every
form of ``execute`` normalized to ``Tool.execute(input, options)``."""

from __future__ import annotations

import inspect
import threading
from collections.abc import AsyncIterator, Iterator
from typing import Any

import anyio
import pytest
from pydantic import BaseModel, Field

from ai_sdk_core.prompt import UserModelMessage
from ai_sdk_core.provider_utils import as_schema, json_schema
from ai_sdk_core.tools import (
    Tool,
    ToolExecutionOptions,
    ToolModelOutputOptions,
    create_provider_tool_factory,
    dynamic_tool,
    tool,
)

pytestmark = pytest.mark.anyio

OPTIONS = ToolExecutionOptions(
    tool_call_id="call-1", messages=[UserModelMessage(content="hi")], context={"user": "u1"}
)


class Weather(BaseModel):
    city: str = Field(description="The city")
    days: int = 1


async def run(t: Tool[Any, Any], input: Any, options: ToolExecutionOptions = OPTIONS) -> Any:
    """What ``execute`` produces: the awaited output, or the list of streamed outputs."""
    assert t.execute is not None
    result = t.execute(input, options)
    if isinstance(result, AsyncIterator):
        return [item async for item in result]  # pyright: ignore[reportUnknownVariableType]
    assert inspect.isawaitable(result)
    return await result


# a typed function whose parameter type is defined further down the module, with options
@tool
def describe_later(item: LaterItem, options: ToolExecutionOptions) -> str:
    """Describe an item."""
    return f"{item.name} for {options.tool_call_id}"


class LaterItem(BaseModel):
    name: str


class TestInputSchema:
    async def test_pydantic_model_validates_to_an_instance(self) -> None:
        received: list[Any] = []

        async def get_weather(weather: Weather) -> str:
            received.append(weather)
            return f"sunny in {weather.city}"

        t = tool(description="Get the weather", input_schema=Weather, execute=get_weather)

        assert t.description == "Get the weather"
        assert t.type == "function"
        assert t.input_schema.json_schema["properties"]["city"] == {
            "type": "string",
            "description": "The city",
        }
        weather = t.input_schema.validate({"city": "Paris"})
        assert weather == Weather(city="Paris", days=1)
        assert await run(t, weather) == "sunny in Paris"
        assert received == [weather]

    async def test_json_schema_dict_is_used_as_given(self) -> None:
        schema = {"type": "object", "properties": {"q": {"type": "string"}}}
        t = tool(input_schema=schema, execute=lambda input: input["q"].upper())

        assert t.input_schema.json_schema is schema
        assert t.input_schema.validate({"q": "x"}) == {"q": "x"}
        assert await run(t, {"q": "abc"}) == "ABC"

    def test_schema_is_kept(self) -> None:
        schema = json_schema({"type": "object"})
        assert tool(input_schema=schema).input_schema is schema

    def test_without_execute_the_tool_has_none(self) -> None:
        t = tool(input_schema=Weather, output_schema=str)

        assert t.execute is None
        assert t.output_schema is not None
        assert t.output_schema.validate("ok") == "ok"

    def test_empty_input_tool_without_execute(self) -> None:
        t = tool(description="Ask the user", input_schema=as_schema(None))

        assert t.input_schema.json_schema == {
            "type": "object",
            "properties": {},
            "additionalProperties": False,
        }


class TestFunctionSchema:
    async def test_schema_and_description_from_a_typed_function(self) -> None:
        def get_weather(city: str, days: int = 1) -> str:
            """Get the weather.

            Args:
                city: The city.
                days: How many days.
            """
            return f"{city}:{days}"

        t = tool(execute=get_weather)

        assert t.description == "Get the weather."
        assert t.input_schema.json_schema["properties"] == {
            "city": {"type": "string", "description": "The city."},
            "days": {"type": "integer", "default": 1, "description": "How many days."},
        }
        assert t.input_schema.json_schema["required"] == ["city"]
        arguments = t.input_schema.validate({"city": "Oslo"})
        assert arguments == {"city": "Oslo", "days": 1}
        assert await run(t, arguments) == "Oslo:1"

    def test_description_given_wins_over_the_docstring(self) -> None:
        def f(x: int) -> int:
            """Docstring."""
            return x

        assert tool(execute=f, description="Given").description == "Given"

    async def test_bare_decorator(self) -> None:
        @tool
        async def add(a: int, b: int) -> int:
            """Add two numbers."""
            return a + b

        assert isinstance(add, Tool)
        assert add.description == "Add two numbers."
        assert await run(add, add.input_schema.validate({"a": 2, "b": "3"})) == 5

    async def test_decorator_with_options(self) -> None:
        @tool(description="Multiply", title="Multiplier", strict=True)
        def multiply(a: int, b: int) -> int:
            return a * b

        assert isinstance(multiply, Tool)
        assert (multiply.description, multiply.title, multiply.strict) == (
            "Multiply",
            "Multiplier",
            True,
        )
        assert await run(multiply, {"a": 6, "b": 7}) == 42

    async def test_options_parameter_receives_options_and_is_not_in_the_schema(self) -> None:
        seen: list[ToolExecutionOptions] = []

        async def lookup(key: str, options: ToolExecutionOptions) -> str:
            """Look a key up."""
            seen.append(options)
            return key

        t = tool(execute=lookup)

        assert t.description == "Look a key up."
        assert list(t.input_schema.json_schema["properties"]) == ["key"]
        assert t.input_schema.validate({"key": "k"}) == {"key": "k"}
        assert await run(t, {"key": "k"}) == "k"
        assert seen == [OPTIONS]

    async def test_options_parameter_with_a_forward_reference(self) -> None:
        assert describe_later.description == "Describe an item."
        assert list(describe_later.input_schema.json_schema["properties"]) == ["item"]
        arguments = describe_later.input_schema.validate({"item": {"name": "pen"}})
        assert arguments == {"item": LaterItem(name="pen")}
        assert await run(describe_later, arguments) == "pen for call-1"

    def test_function_both_positionally_and_as_execute_is_an_error(self) -> None:
        def f() -> None: ...

        with pytest.raises(TypeError, match="either positionally or as execute="):
            tool(f, execute=f)  # type: ignore[call-overload]


class TestExecuteForms:
    async def test_input_only_and_input_with_options(self) -> None:
        t1 = tool(input_schema={}, execute=lambda input: ("input", input))
        t2 = tool(input_schema={}, execute=lambda input, options: (input, options.tool_call_id))

        assert await run(t1, 1) == ("input", 1)
        assert await run(t2, 2) == (2, "call-1")

    async def test_var_positional_receives_options(self) -> None:
        def f(*args: Any) -> int:
            return len(args)

        assert await run(tool(input_schema={}, execute=f), "x") == 2

    async def test_sync_function_runs_in_a_worker_thread(self) -> None:
        loop_thread = threading.get_ident()
        t = tool(input_schema={}, execute=lambda input: threading.get_ident())

        assert await run(t, None) != loop_thread

    async def test_sync_function_does_not_block_the_event_loop(self) -> None:
        started = threading.Event()
        release = threading.Event()

        def blocking(input: Any) -> str:
            started.set()
            return "released" if release.wait(timeout=5) else "loop was blocked"

        t = tool(input_schema={}, execute=blocking)
        results: list[Any] = []

        async def run_tool() -> None:
            results.append(await run(t, None))

        async with anyio.create_task_group() as group:
            group.start_soon(run_tool)
            await anyio.to_thread.run_sync(started.wait)
            release.set()  # only reachable while the loop runs during the tool

        assert results == ["released"]

    async def test_async_function(self) -> None:
        async def f(input: int) -> int:
            return input + 1

        assert await run(tool(input_schema=int, execute=f), 1) == 2

    async def test_lambda_returning_a_coroutine_is_awaited(self) -> None:
        async def fetch(input: str) -> str:
            return input * 2

        assert await run(tool(input_schema=str, execute=lambda input: fetch(input)), "ab") == "abab"

    async def test_async_generator_streams_outputs(self) -> None:
        async def f(input: int, options: ToolExecutionOptions) -> AsyncIterator[str]:
            for index in range(input):
                yield f"{options.tool_call_id}:{index}"

        t = tool(input_schema=int, execute=f)

        assert await run(t, 3) == ["call-1:0", "call-1:1", "call-1:2"]

    async def test_sync_generator_is_iterated_in_a_worker_thread(self) -> None:
        loop_thread = threading.get_ident()

        def f(input: int) -> Iterator[bool]:
            for _ in range(input):
                yield threading.get_ident() != loop_thread

        assert await run(tool(input_schema=int, execute=f), 2) == [True, True]

    async def test_callable_object_with_async_call(self) -> None:
        class Fetcher:
            async def __call__(self, input: str, options: ToolExecutionOptions) -> str:
                return f"{input}@{threading.get_ident()}"

        loop_thread = threading.get_ident()
        assert await run(tool(input_schema=str, execute=Fetcher()), "x") == f"x@{loop_thread}"

    async def test_function_derived_generator(self) -> None:
        @tool
        async def count(to: int) -> AsyncIterator[int]:
            """Count."""
            for number in range(1, to + 1):
                yield number

        assert await run(count, {"to": 3}) == [1, 2, 3]


class TestToolOptions:
    def test_options_are_passed_through(self) -> None:
        def needs_approval(input: Any, options: ToolExecutionOptions) -> bool:
            return True

        def to_model_output(options: ToolModelOutputOptions[Any, Any]) -> Any:
            return None

        def on_input_start(options: ToolExecutionOptions) -> None: ...

        t = tool(
            input_schema=Weather,
            title="Weather",
            strict=False,
            input_examples=[{"city": "Paris"}],
            provider_options={"openai": {"x": 1}},
            metadata={"source": "mcp"},
            needs_approval=needs_approval,
            to_model_output=to_model_output,
            on_input_start=on_input_start,
            on_input_delta=on_input_start,  # type: ignore[arg-type]
            on_input_available=on_input_start,  # type: ignore[arg-type]
        )

        assert t.title == "Weather"
        assert t.strict is False
        assert t.input_examples == [{"city": "Paris"}]
        assert t.provider_options == {"openai": {"x": 1}}
        assert t.metadata == {"source": "mcp"}
        assert t.needs_approval is needs_approval
        assert t.to_model_output is to_model_output
        assert t.on_input_start is on_input_start
        assert t.on_input_delta is on_input_start
        assert t.on_input_available is on_input_start

    def test_defaults(self) -> None:
        t = tool(input_schema=Weather)

        assert t.needs_approval is False
        assert (t.description, t.title, t.output_schema, t.metadata) == (None, None, None, None)


class TestDynamicTool:
    async def test_dynamic_tool(self) -> None:
        schema = {"type": "object", "properties": {"q": {"type": "string"}}}
        t = dynamic_tool(
            description="Search", input_schema=schema, execute=lambda input: f"found {input['q']}"
        )

        assert t.type == "dynamic"
        assert t.description == "Search"
        assert t.input_schema.json_schema is schema
        assert await run(t, {"q": "cats"}) == "found cats"

    def test_dynamic_tool_without_input_schema_value(self) -> None:
        t = dynamic_tool(input_schema=None)

        assert t.input_schema.json_schema["type"] == "object"
        assert t.execute is None


class TestProviderToolFactory:
    async def test_provider_defined_tool(self) -> None:
        factory = create_provider_tool_factory(id="acme.shell", input_schema=Weather)

        def run_shell(input: Weather, options: ToolExecutionOptions) -> str:
            return f"{input.city}/{options.tool_call_id}"

        t = factory(execute=run_shell, output_schema=str, needs_approval=True, timeout_ms=500)

        assert (t.type, t.id, t.args) == ("provider", "acme.shell", {"timeout_ms": 500})
        assert t.is_provider_executed is False
        assert t.supports_deferred_results is False
        assert t.needs_approval is True
        assert t.output_schema is not None
        assert t.output_schema.validate("x") == "x"
        assert await run(t, Weather(city="Rome")) == "Rome/call-1"

    def test_provider_defined_tool_without_execute(self) -> None:
        t = create_provider_tool_factory(id="acme.shell", output_schema=int)()

        assert t.execute is None
        assert t.args == {}
        assert t.output_schema is not None
        assert t.output_schema.validate(3) == 3

    def test_provider_executed_tool(self) -> None:
        factory = create_provider_tool_factory(
            id="groq.browser_search",
            output_schema={"type": "object"},
            executed_by_provider=True,
            supports_deferred_results=True,
        )

        def on_input_start(options: ToolExecutionOptions) -> None: ...

        t = factory(search_context_size="high", on_input_start=on_input_start)

        assert (t.type, t.id) == ("provider", "groq.browser_search")
        assert t.args == {"search_context_size": "high"}
        assert t.is_provider_executed is True
        assert t.supports_deferred_results is True
        assert t.on_input_start is on_input_start
        assert t.execute is None
        assert t.input_schema.json_schema["type"] == "object"

    def test_provider_executed_tool_takes_no_execute(self) -> None:
        factory = create_provider_tool_factory(id="acme.search", executed_by_provider=True)

        # what is not a callback is a provider argument
        assert factory(execute="x").args == {"execute": "x"}

    def test_invalid_configurations(self) -> None:
        with pytest.raises(ValueError, match=r"'<provider>\.<tool>'"):
            create_provider_tool_factory(id="search")
        with pytest.raises(ValueError, match="provider-executed tools only"):
            create_provider_tool_factory(id="acme.search", supports_deferred_results=True)
