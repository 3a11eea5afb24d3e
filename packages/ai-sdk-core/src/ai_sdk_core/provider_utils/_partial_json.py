"""JSON that may be cut off mid-stream, parsed as far as it goes.

Port of ``parse-partial-json.ts``. Where TS repairs the text with ``fix-json.ts`` and parses it
again, this module parses with ``jiter``'s partial mode, after completing the two tails jiter
does not finish the way ``fixJson`` does: a cut-off literal (``tr`` → ``true``) and a number
cut off after its ``.`` or exponent (``2.5e-`` → ``2.5``).
"""

from __future__ import annotations

import re
from typing import Any, Literal, TypeAlias

__all__ = ["PartialJSONState", "parse_partial_json"]

PartialJSONState: TypeAlias = Literal[
    "undefined-input", "successful-parse", "repaired-parse", "failed-parse"
]
"""How :func:`parse_partial_json` got its value."""

_LITERAL_TAIL = re.compile(r"(?:^|(?<=[\s\[:,]))(?:t|tr|tru|f|fa|fal|fals|n|nu|nul)$")
_LITERAL_COMPLETIONS = {"t": "true", "f": "false", "n": "null"}
_NUMBER_TAIL = re.compile(r"(?<=\d)(?:\.|\.?[eE][-+]?)\s*$")
_OUTSIDE_STRINGS = re.compile(r'[^"]*+(?:"[^"\\]*+(?:\\.[^"\\]*+)*+"[^"]*+)*+', re.DOTALL)
_LAST_CHARS_OF_JSON = frozenset('}]"0123456789el')  # complete JSON ends with one of these
_TAIL_WINDOW = 8  # longer than any tail the patterns above match (trailing spaces aside)


def parse_partial_json(text: str | None) -> tuple[Any, PartialJSONState]:
    """The value of (possibly incomplete) JSON ``text``, and how it was obtained.

    Complete JSON gives ``successful-parse``; a prefix of JSON is completed (open strings,
    arrays and objects closed, a dangling key or comma dropped) for ``repaired-parse``;
    anything else gives ``(None, "failed-parse")``. ``None`` gives ``undefined-input``.
    """
    if text is None:
        return None, "undefined-input"
    from jiter import from_json

    if text.rstrip()[-1:] in _LAST_CHARS_OF_JSON:
        try:
            return from_json(text.encode(), allow_inf_nan=False), "successful-parse"
        except ValueError:
            pass
    try:
        repaired = _complete_tail(text).encode()
        return from_json(repaired, allow_inf_nan=False, partial_mode="trailing-strings"), (
            "repaired-parse"
        )
    except ValueError:
        return None, "failed-parse"


def _complete_tail(text: str) -> str:
    """``text`` with a cut-off number trimmed or a cut-off literal completed, outside strings."""
    number = _NUMBER_TAIL.search(text, max(0, len(text.rstrip()) - _TAIL_WINDOW))
    if number is not None:
        return text if _ends_inside_string(text) else text[: number.start()]
    literal = _LITERAL_TAIL.search(text, max(0, len(text) - _TAIL_WINDOW))
    if literal is None or _ends_inside_string(text):
        return text
    word = literal[0]
    return text + _LITERAL_COMPLETIONS[word[0]][len(word) :]


def _ends_inside_string(text: str) -> bool:
    match = _OUTSIDE_STRINGS.match(text)
    return match is None or match.end() != len(text)
