"""Chat, streaming and completion models of ai-sdk-openai-compatible against llama-server.

The model is SmolLM2-135M: the assertions are about structure (finish reasons, usage, stream
framing, request and response metadata), never about wording or speed.
"""

from __future__ import annotations

import time

import anyio
import httpx
import pytest

from ai_sdk import (
    TextDeltaPart,
    generate_text,
    generate_text_sync,
    stream_text,
)
from ai_sdk.providers.openai_compatible import OpenAICompatibleProvider
from local_llm import Server

pytestmark = pytest.mark.anyio

TIMEOUT = 300.0  # seconds for a whole call: other load can slow the model down 10-100x
PROMPT = "What is the capital of France? Answer in one sentence."


async def test_chat_returns_text_usage_and_response_metadata(
    llama: OpenAICompatibleProvider,
) -> None:
    result = await generate_text(
        model=llama("smollm2"),
        prompt=PROMPT,
        max_output_tokens=32,
        temperature=0,
        timeout=TIMEOUT,
    )

    assert result.text.strip()
    assert result.finish_reason in ("stop", "length")
    assert (result.usage.input_tokens or 0) > 5
    assert 0 < (result.usage.output_tokens or 0) <= 32
    assert result.usage.total_tokens == (result.usage.input_tokens or 0) + (
        result.usage.output_tokens or 0
    )
    assert result.response.id
    assert result.response.model_id == "smollm2"
    assert result.response.messages[0].role == "assistant"


async def test_max_output_tokens_ends_with_length(llama: OpenAICompatibleProvider) -> None:
    result = await generate_text(
        model=llama("smollm2"),
        prompt="Count from 1 to 100, separated by commas.",
        max_output_tokens=5,
        temperature=0,
        timeout=TIMEOUT,
    )

    assert result.finish_reason == "length"
    assert result.usage.output_tokens == 5


async def test_stream_delivers_deltas_then_finish_with_usage(
    llama: OpenAICompatibleProvider,
) -> None:
    result = stream_text(
        model=llama("smollm2"),
        prompt=PROMPT,
        max_output_tokens=32,
        temperature=0,
        timeout=TIMEOUT,
    )

    parts = [part async for part in result.full_stream]
    kinds = [part.type for part in parts]
    deltas = [part.text for part in parts if isinstance(part, TextDeltaPart)]

    assert kinds[:2] == ["start", "start-step"]
    assert kinds[-2:] == ["finish-step", "finish"]
    assert "error" not in kinds
    assert kinds.index("text-start") < kinds.index("text-delta") < kinds.index("text-end")
    assert len(deltas) > 1  # token by token, not one block
    assert "".join(deltas) == await result.text
    usage = await result.usage
    assert (usage.input_tokens or 0) > 5
    assert (usage.output_tokens or 0) > 0
    assert await result.finish_reason in ("stop", "length")
    assert (await result.response).model_id == "smollm2"


async def test_completion_model_generates_and_streams(llama: OpenAICompatibleProvider) -> None:
    model = llama.completion_model("smollm2")

    result = await generate_text(
        model=model, prompt="Once upon a time", max_output_tokens=16, temperature=0, timeout=TIMEOUT
    )
    streamed = stream_text(
        model=model, prompt="Once upon a time", max_output_tokens=16, temperature=0, timeout=TIMEOUT
    )
    deltas = [delta async for delta in streamed.text_stream]

    assert result.text.strip()
    assert result.finish_reason in ("stop", "length")
    assert 0 < (result.usage.output_tokens or 0) <= 16
    assert len(deltas) > 1
    assert "".join(deltas) == await streamed.text
    assert 0 < ((await streamed.usage).output_tokens or 0) <= 16
    assert await streamed.finish_reason in ("stop", "length")


def test_sync_twin_works_against_the_server(llama: OpenAICompatibleProvider) -> None:
    result = generate_text_sync(
        model=llama("smollm2"), prompt=PROMPT, max_output_tokens=16, temperature=0, timeout=TIMEOUT
    )

    assert result.text.strip()


async def _processing(server: Server) -> bool:
    async with httpx.AsyncClient() as client:
        slots = (await client.get(f"{server.origin}/slots", timeout=10)).json()
    return any(slot["is_processing"] for slot in slots)


async def test_a_stream_closed_midway_stops_generation_and_the_server_serves_on(
    llama: OpenAICompatibleProvider, llama_server: Server
) -> None:
    result = stream_text(
        model=llama("smollm2"),
        prompt="Count from 1 to 1000, separated by commas.",
        max_output_tokens=2000,
        temperature=0,
        timeout=TIMEOUT,
    )
    received: list[str] = []
    async for delta in result.text_stream:
        received.append(delta)
        if len(received) == 3:
            break
    await result.aclose()

    # the server notices the closed connection and frees its only slot (-np 1)
    deadline = time.monotonic() + 60
    while await _processing(llama_server):
        assert time.monotonic() < deadline, "the server kept generating after the stream closed"
        await anyio.sleep(0.1)  # polling with a deadline

    after = await generate_text(
        model=llama("smollm2"), prompt=PROMPT, max_output_tokens=16, temperature=0, timeout=TIMEOUT
    )
    assert len(received) == 3
    assert after.text.strip()
    assert after.finish_reason in ("stop", "length")
    assert llama_server.is_running()
