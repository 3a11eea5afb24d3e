"""Random ids for tool calls, messages and responses (port of ``generate-id.ts``).

Not cryptographically secure, as in TS: the ids only need to be unique within a conversation.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from typing import TypeAlias

from ai_sdk_core.provider._errors import InvalidArgumentError

__all__ = ["IdGenerator", "create_id_generator", "generate_id"]

IdGenerator: TypeAlias = Callable[[], str]
"""A function that returns a new id on each call."""

_ALPHANUMERIC = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"


def create_id_generator(
    *,
    prefix: str | None = None,
    size: int = 16,
    alphabet: str = _ALPHANUMERIC,
    separator: str = "-",
) -> IdGenerator:
    """A generator of ids: ``size`` random characters of ``alphabet``, after ``prefix + separator``.

    With a prefix, the separator must not be part of the alphabet (so the prefix can be told
    apart); :class:`InvalidArgumentError` otherwise.
    """
    choices = random.choices
    join = "".join

    if prefix is None:

        def generate() -> str:
            return join(choices(alphabet, k=size))

        return generate

    if separator in alphabet:
        raise InvalidArgumentError(
            f'The separator "{separator}" must not be part of the alphabet "{alphabet}".',
            argument="separator",
        )
    head = prefix + separator

    def generate_prefixed() -> str:
        return head + join(choices(alphabet, k=size))

    return generate_prefixed


def generate_id() -> str:
    """A new id of 16 random alphanumeric characters."""
    return "".join(random.choices(_ALPHANUMERIC, k=16))
