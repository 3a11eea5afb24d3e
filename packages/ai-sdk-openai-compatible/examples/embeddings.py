"""Embeddings of a few sentences and their cosine similarities: ``python examples/embeddings.py``.

llama.cpp needs ``--embeddings`` (and a pooling mode, e.g. ``--pooling mean``).
"""

from __future__ import annotations

import asyncio
import math

from _settings import EMBEDDING_MODEL, provider

from ai_sdk_core.provider import EmbeddingModelV4CallOptions

SENTENCES = ["The cat sleeps on the sofa.", "A kitten naps on the couch.", "Stock prices fell."]


def cosine(a: list[float], b: list[float]) -> float:
    dot = sum(x * y for x, y in zip(a, b, strict=True))
    return dot / (math.sqrt(sum(x * x for x in a)) * math.sqrt(sum(y * y for y in b)))


async def main() -> None:
    model = provider().embedding_model(EMBEDDING_MODEL)
    result = await model.do_embed(EmbeddingModelV4CallOptions(values=SENTENCES))
    print(f"{len(result.embeddings)} embeddings of {len(result.embeddings[0])} dimensions")
    for index, sentence in enumerate(SENTENCES[1:], start=1):
        similarity = cosine(result.embeddings[0], result.embeddings[index])
        print(f"{similarity:.3f}  {SENTENCES[0]!r} ~ {sentence!r}")


if __name__ == "__main__":
    asyncio.run(main())
