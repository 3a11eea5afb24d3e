"""One chat completion: ``python examples/chat.py``."""

from __future__ import annotations

import asyncio

from _settings import MODEL, provider

from ai_sdk_core import generate_text


async def main() -> None:
    result = await generate_text(
        model=provider()(MODEL),
        system="You are a concise assistant.",
        prompt="What is the capital of France? Answer in one sentence.",
        max_output_tokens=64,
        temperature=0,
    )
    print(result.text)
    usage = result.usage
    print(
        f"finish reason: {result.finish_reason}, tokens: {usage.input_tokens} in, {usage.output_tokens} out"
    )


if __name__ == "__main__":
    asyncio.run(main())
