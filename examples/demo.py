"""The AI SDK for Python in five steps, against a real model.

``python3 tools/dev.py demo`` runs it against SmolLM2-135M served by llama.cpp on 127.0.0.1
(built once by ``tools/local_llm.py``). Run it by hand against any OpenAI-compatible server::

    uv run --all-packages python examples/demo.py --base-url http://127.0.0.1:8080/v1 --model smollm2

or against a hosted provider (its API key in the environment)::

    python3 tools/dev.py demo --provider groq          # GROQ_API_KEY
    python3 tools/dev.py demo --provider togetherai    # TOGETHER_API_KEY
    python3 tools/dev.py demo --provider gateway       # AI_GATEWAY_API_KEY

Everything goes through the public API: ``from ai_sdk import ...``.
"""

from __future__ import annotations

import argparse
import asyncio
import importlib
import json
import os
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel, Field

from ai_sdk import (
    EmbeddingModel,
    LanguageModel,
    ModelMessage,
    Output,
    cosine_similarity,
    embed_many,
    generate_text,
    is_step_count,
    stream_text,
    tool,
)


@dataclass(frozen=True)
class Target:
    """The models the demo uses."""

    label: str
    language_model: LanguageModel
    embedding_model: EmbeddingModel | None
    few_shot_note: str = ""


@dataclass(frozen=True)
class HostedProvider:
    module: str
    factory: str
    extra: str
    api_key_env: str
    chat_model: str
    embedding_model: str | None


HOSTED = {
    "groq": HostedProvider(
        "ai_sdk.providers.groq", "create_groq", "groq", "GROQ_API_KEY",
        "llama-3.3-70b-versatile", None,
    ),
    "togetherai": HostedProvider(
        "ai_sdk.providers.togetherai", "create_togetherai", "togetherai", "TOGETHER_API_KEY",
        "meta-llama/Llama-3.3-70B-Instruct-Turbo", "BAAI/bge-base-en-v1.5",
    ),
    "gateway": HostedProvider(
        "ai_sdk.providers.gateway", "create_gateway", "gateway", "AI_GATEWAY_API_KEY",
        "openai/gpt-4o-mini", "openai/text-embedding-3-small",
    ),
}  # fmt: skip


def local_target(base_url: str, model: str, embedding_model: str, api_key: str | None) -> Target:
    from ai_sdk.providers.openai_compatible import create_openai_compatible

    provider = create_openai_compatible(
        base_url=base_url,
        name="llamacpp",
        api_key=api_key,
        include_usage=True,  # token usage in streams
        supports_structured_outputs=True,  # llama.cpp enforces JSON schemas with a grammar
    )
    return Target(
        label=f"{model} at {base_url}",
        language_model=provider.chat_model(model),
        embedding_model=provider.embedding_model(embedding_model),
        few_shot_note=" (a 135M model needs the six worked examples in the prompt for this)",
    )


def hosted_target(name: str, model: str | None, embedding_model: str | None) -> Target:
    hosted = HOSTED[name]
    if not os.environ.get(hosted.api_key_env):
        raise SystemExit(f"demo: --provider {name} needs ${hosted.api_key_env} set to an API key")
    try:
        module = importlib.import_module(hosted.module)
    except ImportError as error:
        raise SystemExit(f"demo: --provider {name}: {error}") from error
    factory: Callable[[], Any] | None = getattr(module, hosted.factory, None)
    if factory is None:
        raise SystemExit(
            f"demo: the installed ai-sdk-{hosted.extra} has no {hosted.factory}() yet; update it"
        )
    provider = factory()
    embedding_id = embedding_model or hosted.embedding_model
    return Target(
        label=f"{name}: {model or hosted.chat_model}",
        language_model=provider.language_model(model or hosted.chat_model),
        embedding_model=provider.embedding_model(embedding_id) if embedding_id else None,
    )


# --- the steps ---------------------------------------------------------------------------------


BOLD, PLAIN = ("\033[1m", "\033[0m") if sys.stdout.isatty() else ("", "")


def heading(number: int, title: str, explanation: str) -> None:
    print(f"\n{BOLD}{number}/5  {title}{PLAIN}")
    print(f"    {explanation}")


def done(started: float) -> None:
    print(f"    ({time.monotonic() - started:.1f} s)")


async def step_generate_text(target: Target) -> None:
    heading(1, "generate_text", "One request; the whole answer comes back at once, with usage.")
    started = time.monotonic()
    result = await generate_text(
        model=target.language_model,
        prompt="What is the capital of France? Answer in one sentence.",
        max_output_tokens=48,
        temperature=0,
    )
    print(f"    answer: {result.text.strip()}")
    usage = result.usage
    print(
        f"    finish reason: {result.finish_reason}; tokens: {usage.input_tokens} in, "
        f"{usage.output_tokens} out"
    )
    done(started)


async def step_stream_text(target: Target) -> None:
    heading(2, "stream_text", "The same kind of call as a stream: tokens print as they arrive.")
    started = time.monotonic()
    result = stream_text(
        model=target.language_model,
        prompt="Write a short poem about the sea.",
        max_output_tokens=48,
        temperature=0,
    )
    print("    ", end="")
    async for delta in result.text_stream:
        print(delta.replace("\n", "\n    "), end="", flush=True)
    print()
    usage = await result.usage
    print(
        f"    finish reason: {await result.finish_reason}; tokens: {usage.input_tokens} in, "
        f"{usage.output_tokens} out"
    )
    done(started)


def get_weather(city: str) -> dict[str, Any]:
    """Get the current weather for a city."""
    return {"city": city, "forecast": "sunny", "temperature_c": 21}


def few_shot_weather_history(cities: Sequence[str]) -> list[ModelMessage | dict[str, Any]]:
    """Worked examples for small models: a question, the tool call, its result, the answer."""
    messages: list[ModelMessage | dict[str, Any]] = []
    for index, city in enumerate(cities):
        call_id = f"call_{index}"
        messages += [
            {"role": "user", "content": f"What is the weather in {city}?"},
            {
                "role": "assistant",
                "content": [
                    {
                        "type": "tool-call",
                        "toolCallId": call_id,
                        "toolName": "get_weather",
                        "input": {"city": city},
                    }
                ],
            },
            {
                "role": "tool",
                "content": [
                    {
                        "type": "tool-result",
                        "toolCallId": call_id,
                        "toolName": "get_weather",
                        "output": {"type": "json", "value": get_weather(city)},
                    }
                ],
            },
            {"role": "assistant", "content": f"It is sunny in {city}, 21 °C."},
        ]
    return messages


FEW_SHOT_CITIES = ["London", "Berlin", "Rome", "Madrid", "Vienna", "Lisbon"]


async def step_tools(target: Target) -> None:
    heading(
        3,
        "tools",
        "The model calls get_weather, the SDK runs it and sends the result back for the answer"
        + target.few_shot_note
        + ".",
    )
    started = time.monotonic()
    result = await generate_text(
        model=target.language_model,
        system="You are a function-calling assistant. Always answer by calling a tool.",
        messages=[
            *few_shot_weather_history(FEW_SHOT_CITIES),
            {"role": "user", "content": "What is the weather in Paris?"},
        ],
        tools={"get_weather": tool(get_weather)},
        stop_when=is_step_count(3),
        max_output_tokens=64,
        temperature=0,
    )
    for number, step in enumerate(result.steps, start=1):
        for call in step.tool_calls:
            print(f"    step {number}: tool call {call.tool_name}({json.dumps(call.input)})")
        for tool_result in step.tool_results:
            print(f"    step {number}: tool result {json.dumps(tool_result.output)}")
    print(f"    answer: {result.text.strip() or '(none)'}")
    done(started)


class City(BaseModel):
    """A city, as the model must return it."""

    name: str
    country: str
    population_millions: float = Field(description="inhabitants, in millions")


async def step_structured_output(target: Target) -> None:
    heading(
        4,
        "structured output",
        "Output.object(schema=City) sends the pydantic model's JSON schema; the reply is a City.",
    )
    started = time.monotonic()
    result = await generate_text(
        model=target.language_model,
        output=Output.object(schema=City, name="city"),
        prompt="Describe Paris as JSON with name, country and population_millions.",
        max_output_tokens=96,
        temperature=0,
    )
    city = result.output
    print(f"    {city!r}")
    print(
        f"    type: {type(city).__name__}, population_millions is a {type(city.population_millions).__name__}"
    )
    done(started)


SENTENCES = [
    "The cat sleeps on the sofa.",
    "A kitten naps on the couch.",
    "Stock prices fell sharply today.",
]


async def step_embeddings(target: Target) -> None:
    heading(
        5,
        "embeddings",
        "embed_many turns sentences into vectors; cosine_similarity shows which are alike.",
    )
    if target.embedding_model is None:
        print("    (skipped: this provider has no embedding model; pass --embedding-model)")
        return
    started = time.monotonic()
    result = await embed_many(model=target.embedding_model, values=SENTENCES)
    print(f"    {len(result.embeddings)} embeddings of {len(result.embeddings[0])} numbers each")
    first = result.embeddings[0]
    for sentence, embedding in zip(SENTENCES[1:], result.embeddings[1:], strict=True):
        similarity = cosine_similarity(first, embedding)
        print(f"    {similarity:.3f}  {SENTENCES[0]!r} ~ {sentence!r}")
    done(started)


STEPS = [step_generate_text, step_stream_text, step_tools, step_structured_output, step_embeddings]


async def run(target: Target) -> None:
    print(f"ai-sdk demo with {target.label}")
    for step in STEPS:
        await step(target)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("--provider", choices=["local", *HOSTED], default="local")
    parser.add_argument(
        "--base-url",
        default=os.environ.get("OPENAI_COMPATIBLE_BASE_URL", "http://127.0.0.1:8080/v1"),
        help="the OpenAI-compatible server of --provider local",
    )
    parser.add_argument("--api-key", default=os.environ.get("OPENAI_COMPATIBLE_API_KEY"))
    parser.add_argument("--model", default=None, help="the chat model id")
    parser.add_argument("--embedding-model", default=None, help="the embedding model id")
    args = parser.parse_args(argv)

    if args.provider == "local":
        model = args.model or "smollm2"
        target = local_target(args.base_url, model, args.embedding_model or model, args.api_key)
    else:
        target = hosted_target(args.provider, args.model, args.embedding_model)
    asyncio.run(run(target))
    return 0


if __name__ == "__main__":
    sys.exit(main())
