"""The prompt options of every call, checked and brought into one form.

Port of ``standardize-prompt.ts`` and ``prompt.ts``: ``instructions`` (``system`` is its
deprecated alias) plus exactly one of ``prompt`` (text or messages) and ``messages``.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any, TypeAlias, cast

from ai_sdk_core.provider._errors import InvalidPromptError, TypeValidationError
from ai_sdk_core.wire import from_wire

from ._messages import ModelMessage, SystemModelMessage, UserModelMessage

__all__ = ["Instructions", "StandardizedPrompt", "standardize_prompt"]

Instructions: TypeAlias = str | SystemModelMessage | Sequence[SystemModelMessage]
"""System instructions: text, or system messages (which may carry provider options)."""

MessageInput: TypeAlias = ModelMessage | Mapping[str, Any]
"""A message as a dataclass, or as a dict with snake_case or camelCase keys."""


@dataclass(slots=True, kw_only=True)
class StandardizedPrompt:
    """Validated instructions and messages."""

    instructions: Instructions | None
    messages: list[ModelMessage]


def standardize_prompt(
    *,
    instructions: str | SystemModelMessage | Mapping[str, Any] | Sequence[Any] | None = None,
    system: str | SystemModelMessage | Mapping[str, Any] | Sequence[Any] | None = None,
    prompt: str | Sequence[MessageInput] | None = None,
    messages: Sequence[MessageInput] | None = None,
    allow_system_in_messages: bool = False,
) -> StandardizedPrompt:
    """Check the prompt options and validate the messages into dataclasses.

    ``system`` is used when ``instructions`` is not given. A string ``prompt`` becomes one user
    message. System messages are allowed in ``prompt``/``messages`` only with
    ``allow_system_in_messages``. Raises :class:`InvalidPromptError` for anything else.
    """
    given = prompt if prompt is not None else messages
    if given is None:
        raise InvalidPromptError("prompt or messages must be defined", prompt=None)
    if prompt is not None and messages is not None:
        raise InvalidPromptError(
            "prompt and messages cannot be defined at the same time", prompt=given
        )
    standardized_instructions = _standardize_instructions(
        system if instructions is None else instructions, given
    )
    raw = [UserModelMessage(content=prompt)] if isinstance(prompt, str) else given
    if not isinstance(raw, list | tuple):
        raise InvalidPromptError("messages must be a list of messages", prompt=given)
    items = cast("Sequence[object]", raw)
    if not items:
        raise InvalidPromptError("messages must not be empty", prompt=given)
    if not allow_system_in_messages and any(_role(item) == "system" for item in items):
        raise InvalidPromptError(
            "System messages are not allowed in the prompt or messages fields. "
            "Use the instructions option instead.",
            prompt=given,
        )
    try:
        validated: list[ModelMessage] = from_wire(list[ModelMessage], items)
    except TypeValidationError as error:
        raise InvalidPromptError(
            "The messages do not match the ModelMessage[] schema.", prompt=given, cause=error
        ) from error
    return StandardizedPrompt(instructions=standardized_instructions, messages=validated)


def _standardize_instructions(instructions: object, prompt: object) -> Instructions | None:
    if instructions is None or isinstance(instructions, str):
        return instructions
    try:
        if isinstance(instructions, list | tuple):
            return from_wire(list[SystemModelMessage], cast("Sequence[object]", instructions))
        return from_wire(SystemModelMessage, instructions)
    except TypeValidationError as error:
        raise InvalidPromptError(
            "instructions must be a string, SystemModelMessage, or array of SystemModelMessage",
            prompt=prompt,
            cause=error,
        ) from error


def _role(message: object) -> object:
    if isinstance(message, Mapping):
        return cast("Mapping[str, object]", message).get("role")
    return getattr(message, "role", None)
