"""``cosine_similarity``: how alike two vectors (e.g. embeddings) point."""

from __future__ import annotations

import math
from collections.abc import Sequence

from ai_sdk_core.provider._errors import InvalidArgumentError

__all__ = ["cosine_similarity"]


def cosine_similarity(vector1: Sequence[float], vector2: Sequence[float]) -> float:
    """The cosine of the angle between two vectors: 1 for the same direction, -1 for
    opposite ones; 0 when either is a zero vector (or both are empty).

    Raises :class:`InvalidArgumentError` when the vectors differ in length.
    """
    if len(vector1) != len(vector2):
        raise InvalidArgumentError(
            "Vectors must have the same length",
            argument="vector1,vector2",
            value={"vector1_length": len(vector1), "vector2_length": len(vector2)},
        )
    magnitude_squared1 = math.fsum(value * value for value in vector1)
    magnitude_squared2 = math.fsum(value * value for value in vector2)
    if magnitude_squared1 == 0 or magnitude_squared2 == 0:
        return 0.0
    dot_product = math.fsum(a * b for a, b in zip(vector1, vector2, strict=True))
    return dot_product / (math.sqrt(magnitude_squared1) * math.sqrt(magnitude_squared2))
