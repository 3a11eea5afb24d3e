"""The file extension of a media type, for upload file names (port of
``media-type-to-extension.ts``)."""

from __future__ import annotations

__all__ = ["media_type_to_extension"]

_EXTENSIONS = {"mpeg": "mp3", "x-wav": "wav", "opus": "ogg", "mp4": "m4a", "x-m4a": "m4a"}


def media_type_to_extension(media_type: str) -> str:
    """``audio/mpeg`` → ``mp3``, ``audio/x-wav`` → ``wav``, ``audio/opus`` → ``ogg``,
    ``audio/mp4`` and ``audio/x-m4a`` → ``m4a``; otherwise the lower-cased subtype
    (``audio/WAV`` → ``wav``), or ``""`` when there is none."""
    parts = media_type.lower().split("/")
    subtype = parts[1] if len(parts) > 1 else ""
    return _EXTENSIONS.get(subtype, subtype)
