"""Port of cosine-similarity.test.ts."""

from __future__ import annotations

import math

import pytest

from ai_sdk_core import cosine_similarity
from ai_sdk_core.errors import InvalidArgumentError


def test_similarity_of_two_vectors() -> None:
    assert cosine_similarity([1, 2, 3], [4, 5, 6]) == pytest.approx(0.9746318461970762, abs=1e-12)


def test_opposite_vectors() -> None:
    assert cosine_similarity([1, 0], [-1, 0]) == pytest.approx(-1)


def test_vectors_of_different_lengths_are_refused() -> None:
    with pytest.raises(InvalidArgumentError) as raised:
        cosine_similarity([1, 2, 3], [4, 5])

    assert raised.value.argument == "vector1,vector2"
    assert raised.value.value == {"vector1_length": 3, "vector2_length": 2}


def test_a_zero_vector_gives_zero() -> None:
    assert cosine_similarity([0, 1, 2], [0, 0, 0]) == 0
    assert cosine_similarity([0, 0, 0], [0, 1, 2]) == 0
    assert cosine_similarity([], []) == 0


def test_tiny_magnitudes() -> None:
    assert cosine_similarity([1e-10, 0, 0], [2e-10, 0, 0]) == 1
    assert cosine_similarity([1e-10, 0, 0], [-1e-10, 0, 0]) == -1


def test_same_direction_is_one_for_any_length() -> None:
    vector = [math.sin(i) for i in range(576)]

    assert cosine_similarity(vector, [2 * x for x in vector]) == pytest.approx(1)
