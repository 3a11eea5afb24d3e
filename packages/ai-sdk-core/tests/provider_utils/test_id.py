from __future__ import annotations

import re

import pytest
from hypothesis import given, strategies as st

from ai_sdk_core.errors import InvalidArgumentError
from ai_sdk_core.provider_utils import create_id_generator, generate_id


def test_generate_id_is_16_alphanumeric_characters() -> None:
    ids = [generate_id() for _ in range(200)]
    assert all(re.fullmatch(r"[0-9A-Za-z]{16}", value) for value in ids)
    assert len(set(ids)) == len(ids)


def test_size() -> None:
    assert len(create_id_generator(size=10)()) == 10
    assert len(create_id_generator()()) == 16


def test_prefix_and_separator() -> None:
    value = create_id_generator(prefix="msg", size=8)()
    assert re.fullmatch(r"msg-[0-9A-Za-z]{8}", value)
    assert re.fullmatch(
        r"call_[a-c]{4}",
        create_id_generator(prefix="call", separator="_", alphabet="abc", size=4)(),
    )


def test_separator_in_alphabet_is_rejected_with_prefix() -> None:
    with pytest.raises(InvalidArgumentError) as caught:
        create_id_generator(separator="a", prefix="b")
    assert caught.value.argument == "separator"
    assert str(caught.value) == (
        'The separator "a" must not be part of the alphabet '
        '"0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz".'
    )


def test_separator_is_not_checked_without_prefix() -> None:
    assert len(create_id_generator(separator="a")()) == 16


@given(
    size=st.integers(min_value=0, max_value=64),
    alphabet=st.text(alphabet="abcdefXYZ0123", min_size=1, max_size=8),
    prefix=st.none() | st.text(alphabet="pq", max_size=4),
)
def test_ids_use_only_the_alphabet(size: int, alphabet: str, prefix: str | None) -> None:
    value = create_id_generator(prefix=prefix, size=size, alphabet=alphabet, separator="-")()
    head = "" if prefix is None else f"{prefix}-"
    assert value.startswith(head)
    random_part = value[len(head) :]
    assert len(random_part) == size
    assert set(random_part) <= set(alphabet)
