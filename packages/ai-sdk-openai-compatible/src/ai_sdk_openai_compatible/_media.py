"""File data helpers: full media types, base64 and data URLs, text file contents."""

from __future__ import annotations

import base64
import binascii

from ai_sdk_core.errors import UnsupportedFunctionalityError
from ai_sdk_core.prompt import detect_media_type, get_top_level_media_type, is_full_media_type

__all__ = ["decode_base64", "decode_text", "resolve_full_media_type", "to_base64"]


def to_base64(data: bytes | str) -> str:
    """Bytes as standard base64; a string is taken to be base64 already."""
    return data if isinstance(data, str) else base64.b64encode(data).decode("ascii")


def decode_base64(data: str) -> bytes:
    """Standard or URL-safe base64, padded or not."""
    normalized = data.replace("-", "+").replace("_", "/")
    try:
        return base64.b64decode(normalized + "=" * (-len(normalized) % 4))
    except binascii.Error as error:
        raise ValueError(f"invalid base64 data: {error}") from None


def decode_text(data: bytes | str) -> str:
    """File bytes (or base64) as text, as ``TextDecoder`` reads them (BOM dropped)."""
    raw = decode_base64(data) if isinstance(data, str) else data
    return raw.decode("utf-8-sig", "replace")


def resolve_full_media_type(media_type: str, data: bytes | str | None) -> str:
    """``media_type`` when it has a subtype, else the type sniffed from the inline ``data``.

    Raises :class:`UnsupportedFunctionalityError` when the subtype cannot be known.
    """
    if is_full_media_type(media_type):
        return media_type
    if data is not None:
        detected = detect_media_type(data, top_level_type=get_top_level_media_type(media_type))
        if detected:
            return detected
        raise UnsupportedFunctionalityError(
            functionality=f'file of media type "{media_type}" must specify subtype since it '
            "could not be auto-detected"
        )
    raise UnsupportedFunctionalityError(
        functionality=f'file of media type "{media_type}" must specify subtype since it is not '
        "passed as inline bytes"
    )
