"""Media types: detection from file signatures, data URLs, and which URLs a model accepts.

Ports of ``detect-media-type.ts``, ``is-url-supported.ts`` (provider-utils) and
``split-data-url.ts``.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Final

from ai_sdk_core.provider._codec_hints import decode_base64
from ai_sdk_core.provider._language_model import SupportedUrls

__all__ = [
    "detect_media_type",
    "get_top_level_media_type",
    "is_full_media_type",
    "is_url_supported",
    "split_data_url",
]

# A signature is a byte prefix; ``None`` matches any byte.
_Signature = tuple[str, tuple[int | None, ...]]

_RIFF = (0x52, 0x49, 0x46, 0x46, None, None, None, None)
_FTYP = (0x00, 0x00, 0x00, None, 0x66, 0x74, 0x79, 0x70)

_IMAGE: Final[tuple[_Signature, ...]] = (
    ("image/gif", (0x47, 0x49, 0x46)),
    ("image/png", (0x89, 0x50, 0x4E, 0x47)),
    ("image/jpeg", (0xFF, 0xD8)),
    ("image/webp", (*_RIFF, 0x57, 0x45, 0x42, 0x50)),
    ("image/bmp", (0x42, 0x4D)),
    ("image/tiff", (0x49, 0x49, 0x2A, 0x00)),
    ("image/tiff", (0x4D, 0x4D, 0x00, 0x2A)),
    ("image/avif", (0x00, 0x00, 0x00, 0x20, 0x66, 0x74, 0x79, 0x70, 0x61, 0x76, 0x69, 0x66)),
    ("image/heic", (0x00, 0x00, 0x00, 0x20, 0x66, 0x74, 0x79, 0x70, 0x68, 0x65, 0x69, 0x63)),
)
_DOCUMENT: Final[tuple[_Signature, ...]] = (("application/pdf", (0x25, 0x50, 0x44, 0x46)),)
_AUDIO_WITHOUT_MP4: Final[tuple[_Signature, ...]] = (
    *(("audio/mpeg", (0xFF, second)) for second in (0xFB, 0xFA, 0xF3, 0xF2, 0xE3, 0xE2)),
    ("audio/wav", (*_RIFF, 0x57, 0x41, 0x56, 0x45)),
    ("audio/ogg", (0x4F, 0x67, 0x67, 0x53)),
    ("audio/flac", (0x66, 0x4C, 0x61, 0x43)),
    ("audio/aac", (0x40, 0x15, 0x00, 0x00)),
    ("audio/webm", (0x1A, 0x45, 0xDF, 0xA3)),
)
_AUDIO: Final[tuple[_Signature, ...]] = (*_AUDIO_WITHOUT_MP4, ("audio/mp4", _FTYP))
_VIDEO: Final[tuple[_Signature, ...]] = (
    ("video/mp4", _FTYP),
    ("video/webm", (0x1A, 0x45, 0xDF, 0xA3)),
    ("video/quicktime", (0x00, 0x00, 0x00, 0x14, 0x66, 0x74, 0x79, 0x70, 0x71, 0x74)),
    ("video/x-msvideo", (0x52, 0x49, 0x46, 0x46)),
)
_BY_TOP_LEVEL_TYPE: Final[Mapping[str, tuple[_Signature, ...]]] = {
    "image": _IMAGE,
    "audio": _AUDIO,
    "video": _VIDEO,
    "application": _DOCUMENT,
}
# Without a top-level type every table counts; an ftyp box reads as video/mp4.
_ALL: Final = (*_IMAGE, *_DOCUMENT, *_AUDIO_WITHOUT_MP4, *_VIDEO)

_SNIFF_BYTES = 18
_MAX_SIGNATURE_BYTES = 12
MAX_ID3_TAG_BYTES = 128 * 1024
"""The largest ID3v2 tag skipped to reach an MP3 frame (keeps detection O(1) in the size)."""


def detect_media_type(data: bytes | str, *, top_level_type: str | None = None) -> str | None:
    """The IANA media type of ``data`` (bytes or base64) from its leading bytes.

    With ``top_level_type`` (``"image"``, ``"audio"``, ``"video"``, ``"application"``) only that
    table is tried; ``None`` when nothing matches, the type has no table, or the base64 is invalid.
    """
    if top_level_type is None:
        signatures = _ALL
    elif (table := _BY_TOP_LEVEL_TYPE.get(top_level_type)) is not None:
        signatures = table
    else:
        return None
    try:
        head = _prefix(data, _SNIFF_BYTES)
        if len(head) > 10 and head.startswith(b"ID3"):  # ID3v2-tagged MP3: skip the tag
            size = (head[6] & 0x7F) << 21 | (head[7] & 0x7F) << 14 | (head[8] & 0x7F) << 7
            size |= head[9] & 0x7F
            head = _prefix(data, MAX_ID3_TAG_BYTES + _MAX_SIGNATURE_BYTES)[size + 10 :]
    except ValueError:
        return None
    for media_type, prefix in signatures:
        if len(head) >= len(prefix) and all(
            byte is None or head[index] == byte for index, byte in enumerate(prefix)
        ):
            return media_type
    return None


def _prefix(data: bytes | str, size: int) -> bytes:
    """The first ``size`` bytes; base64 is decoded only as far as needed."""
    if isinstance(data, str):
        return decode_base64(data[: -(-size // 3) * 4])[:size]
    return data[:size]


def get_top_level_media_type(media_type: str) -> str:
    """``image/png`` → ``image`` (the part before ``/``)."""
    return media_type.partition("/")[0]


def is_full_media_type(media_type: str) -> bool:
    """Whether ``media_type`` has a concrete subtype (``image/png``, not ``image`` or ``image/*``)."""
    _, slash, subtype = media_type.partition("/")
    return bool(slash) and subtype not in ("", "*")


def is_url_supported(*, media_type: str, url: str, supported_urls: SupportedUrls) -> bool:
    """Whether the model fetches ``url`` (of ``media_type``) itself.

    Media types compare case-insensitively; keys are full types, ``type/*`` or ``*`` (``*/*``).
    A top-level-only type (``image``) matches only ``image/*`` and ``*``. The patterns are
    searched in the lower-cased URL.
    """
    url = url.lower()
    media_type = media_type.lower()
    return any(
        pattern.search(url)
        for key, patterns in supported_urls.items()
        if _key_matches(key.lower(), media_type)
        for pattern in patterns
    )


def _key_matches(key: str, media_type: str) -> bool:
    prefix = "" if key in ("*", "*/*") else key.replace("*", "", 1)
    if prefix == "":
        return True
    if "/" not in media_type:  # a subtype cannot be known: only ``type/*`` applies
        return prefix == f"{media_type}/"
    return media_type.startswith(prefix)


def split_data_url(data_url: str) -> tuple[str | None, str | None]:
    """``data:image/png;base64,AAA`` → ``("image/png", "AAA")``; ``None`` for missing parts."""
    header, comma, rest = data_url.partition(",")
    scheme_and_type = header.split(";")[0].split(":")
    media_type = scheme_and_type[1] if len(scheme_and_type) > 1 else None
    return media_type, rest.split(",")[0] if comma else None
