"""A streamed chat completion, printed as it arrives: ``python examples/stream.py``."""

from __future__ import annotations

import asyncio

from _settings import MODEL, provider

from ai_sdk_core import stream_text


async def main() -> None:
    result = stream_text(
        model=provider()(MODEL),
        prompt="Write a haiku about the sea.",
        max_output_tokens=64,
        temperature=0,
    )
    async for delta in result.text_stream:
        print(delta, end="", flush=True)
    print()
    usage = await result.usage
    print(
        f"finish reason: {await result.finish_reason}, tokens: {usage.input_tokens} in, {usage.output_tokens} out"
    )


if __name__ == "__main__":
    asyncio.run(main())
