"""Structured output: an object matching a pydantic model.

``python examples/json_schema.py``. Set ``OPENAI_COMPATIBLE_STRUCTURED_OUTPUTS=1`` for servers
that enforce ``response_format: json_schema`` (llama.cpp, vLLM, Ollama, LM Studio); without it
the request asks for ``json_object`` and the schema is only described in the prompt.
"""

from __future__ import annotations

import asyncio

from _settings import MODEL, provider
from pydantic import BaseModel

from ai_sdk_core import Output, generate_text


class City(BaseModel):
    name: str
    country: str
    population_millions: float


async def main() -> None:
    result = await generate_text(
        model=provider()(MODEL),
        output=Output.object(schema=City, name="city"),
        prompt="Describe Paris as JSON with name, country and population_millions.",
        max_output_tokens=128,
        temperature=0,
    )
    print(result.output)


if __name__ == "__main__":
    asyncio.run(main())
