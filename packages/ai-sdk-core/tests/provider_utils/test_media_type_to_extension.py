from __future__ import annotations

import pytest

from ai_sdk_core.provider_utils import media_type_to_extension


@pytest.mark.parametrize(
    ("media_type", "extension"),
    [
        ("audio/mpeg", "mp3"),
        ("audio/mp3", "mp3"),
        ("audio/wav", "wav"),
        ("audio/x-wav", "wav"),
        ("audio/webm", "webm"),
        ("audio/ogg", "ogg"),
        ("audio/opus", "ogg"),
        ("audio/mp4", "m4a"),
        ("audio/x-m4a", "m4a"),
        ("audio/flac", "flac"),
        ("audio/MPEG", "mp3"),
        ("AUDIO/WAV", "wav"),
        ("audio", ""),
        ("", ""),
    ],
)
def test_media_type_to_extension(media_type: str, extension: str) -> None:
    assert media_type_to_extension(media_type) == extension
