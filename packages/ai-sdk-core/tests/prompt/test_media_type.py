"""Ports of detect-media-type.test.ts, is-url-supported.test.ts and split-data-url behaviour."""

from __future__ import annotations

import base64
import re

import pytest

from ai_sdk_core.prompt import (
    detect_media_type,
    get_top_level_media_type,
    is_full_media_type,
    is_url_supported,
    split_data_url,
)
from ai_sdk_core.prompt._media_type import MAX_ID3_TAG_BYTES

WEBP = bytes(
    [0x52, 0x49, 0x46, 0x46, 0x24, 0, 0, 0, 0x57, 0x45, 0x42, 0x50, 0x56, 0x50, 0x38, 0x20]
)
WAV = bytes([0x52, 0x49, 0x46, 0x46, 0x24, 0, 0, 0, 0x57, 0x41, 0x56, 0x45, 0x66, 0x6D, 0x74, 0x20])
MP3_WITH_ID3 = bytes([0x49, 0x44, 0x33, 3, 0, 0, 0, 0, 0, 10, *([0] * 10), 0xFF, 0xFB, 0, 0])
AVIF = bytes([0, 0, 0, 0x20, 0x66, 0x74, 0x79, 0x70, 0x61, 0x76, 0x69, 0x66, 0xFF])
HEIC = bytes([0, 0, 0, 0x20, 0x66, 0x74, 0x79, 0x70, 0x68, 0x65, 0x69, 0x63, 0xFF])
MP4 = bytes([0, 0, 0, 0x18, 0x66, 0x74, 0x79, 0x70])


def b64(data: bytes) -> str:
    return base64.b64encode(data).decode()


@pytest.mark.parametrize(
    ("data", "top_level_type", "expected"),
    [
        (bytes([0x47, 0x49, 0x46, 0xFF, 0xFF]), "image", "image/gif"),
        ("R0lGabc123", "image", "image/gif"),
        (bytes([0x89, 0x50, 0x4E, 0x47, 0xFF, 0xFF]), "image", "image/png"),
        ("iVBORwabc123", "image", "image/png"),
        (bytes([0xFF, 0xD8, 0xFF, 0xFF]), "image", "image/jpeg"),
        ("/9j/abc123", "image", "image/jpeg"),
        (WEBP, "image", "image/webp"),
        (b64(WEBP), "image", "image/webp"),
        (WAV, "image", None),  # RIFF audio is not WebP
        (b64(WAV), "image", None),
        (bytes([0x42, 0x4D, 0xFF, 0xFF]), "image", "image/bmp"),
        (bytes([0x49, 0x49, 0x2A, 0x00, 0xFF]), "image", "image/tiff"),
        ("SUkqAAabc123", "image", "image/tiff"),
        (bytes([0x4D, 0x4D, 0x00, 0x2A, 0xFF]), "image", "image/tiff"),
        ("TU0AKgabc123", "image", "image/tiff"),
        (AVIF, "image", "image/avif"),
        ("AAAAIGZ0eXBhdmlmabc123", "image", "image/avif"),
        (HEIC, "image", "image/heic"),
        ("AAAAIGZ0eXBoZWljabc123", "image", "image/heic"),
        (bytes([0xFF, 0xFB]), "audio", "audio/mpeg"),
        ("//s=", "audio", "audio/mpeg"),
        (MP3_WITH_ID3, "audio", "audio/mpeg"),
        (b64(MP3_WITH_ID3), "audio", "audio/mpeg"),
        (WAV, "audio", "audio/wav"),
        (b64(WAV), "audio", "audio/wav"),
        (WEBP, "audio", None),  # WebP is not WAV
        (bytes([0x4F, 0x67, 0x67, 0x53]), "audio", "audio/ogg"),
        (bytes([0x66, 0x4C, 0x61, 0x43]), "audio", "audio/flac"),
        (bytes([0x40, 0x15, 0x00, 0x00]), "audio", "audio/aac"),
        (b64(bytes([0x40, 0x15, 0x00, 0x00])), "audio", "audio/aac"),
        (MP4, "audio", "audio/mp4"),
        (b64(MP4), "audio", "audio/mp4"),
        (bytes([0x1A, 0x45, 0xDF, 0xA3]), "audio", "audio/webm"),
        (bytes([0x1A, 0x45, 0xDF, 0xA3]), "video", "video/webm"),
        (bytes([0x25, 0x50, 0x44, 0x46, 0x00]), "application", "application/pdf"),
        (b"Hello", "text", None),  # no table for text
        (bytes([0x89, 0x50, 0x4E, 0x47, 0xFF, 0xFF]), "not-a-real-segment", None),
        (bytes([0, 1, 2, 3]), "image", None),
        (bytes([0, 1, 2, 3]), "audio", None),
        (b"", "image", None),
        (b"", "audio", None),
        (bytes([0x89, 0x50]), "image", None),  # shorter than the signature
        (bytes([0x4F, 0x67]), "audio", None),
        ("invalid123", "image", None),
        ("invalid123", "audio", None),
        ("not base64!", "image", None),
    ],
)
def test_detects_media_types_by_signature(
    data: bytes | str, top_level_type: str, expected: str | None
) -> None:
    assert detect_media_type(data, top_level_type=top_level_type) == expected


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (bytes([0x89, 0x50, 0x4E, 0x47, 0xFF, 0xFF]), "image/png"),
        (bytes([0xFF, 0xFB]), "audio/mpeg"),
        (MP4, "video/mp4"),  # an ftyp box without a top-level type reads as video
        (bytes([0x25, 0x50, 0x44, 0x46, 0x00]), "application/pdf"),
        (bytes([0, 1, 2, 3]), None),
    ],
)
def test_detects_across_all_tables_without_a_top_level_type(
    data: bytes, expected: str | None
) -> None:
    assert detect_media_type(data) == expected


def id3_tagged_mp3(tag_body: int) -> bytes:
    data = bytearray(10 + tag_body + 2)
    data[0:3] = b"ID3"
    data[6:10] = bytes((tag_body >> shift) & 0x7F for shift in (21, 14, 7, 0))
    data[10 + tag_body :] = b"\xff\xfb"
    return bytes(data)


def test_an_id3_tag_at_the_scan_limit_is_skipped_for_bytes_and_base64() -> None:
    at_limit = id3_tagged_mp3(MAX_ID3_TAG_BYTES)
    assert detect_media_type(at_limit, top_level_type="audio") == "audio/mpeg"
    assert detect_media_type(b64(at_limit), top_level_type="audio") == "audio/mpeg"


def test_an_id3_tag_over_the_scan_limit_is_not_scanned() -> None:
    over_limit = id3_tagged_mp3(MAX_ID3_TAG_BYTES + 1)
    assert detect_media_type(over_limit, top_level_type="audio") is None
    assert detect_media_type(b64(over_limit), top_level_type="audio") is None


@pytest.mark.parametrize(
    ("media_type", "top_level", "full"),
    [
        ("image/png", "image", True),
        ("application/pdf", "application", True),
        ("text/plain", "text", True),
        ("image", "image", False),
        ("image/*", "image", False),
        ("image/", "image", False),
        ("", "", False),
        ("/", "", False),
    ],
)
def test_top_level_and_full_media_types(media_type: str, top_level: str, full: bool) -> None:
    assert get_top_level_media_type(media_type) == top_level
    assert is_full_media_type(media_type) is full


TEXT_OR_ANY = {
    "text/plain": [re.compile(r"https://text\.com")],
    "*": [re.compile(r"https://any\.com")],
}


@pytest.mark.parametrize(
    ("media_type", "url", "supported_urls", "expected"),
    [
        ("text/plain", "https://example.com", {}, False),
        (
            "text/plain",
            "https://example.com",
            {"text/plain": [re.compile(r"https://example\.com")]},
            True,
        ),
        (
            "image/png",
            "https://another.com/img.png",
            {"image/png": [re.compile(r"https://one\.com"), re.compile(r"https://another\.com")]},
            True,
        ),
        (
            "text/plain",
            "https://another.com",
            {"text/plain": [re.compile(r"https://example\.com")]},
            False,
        ),
        (
            "image/png",
            "https://example.com",
            {"text/plain": [re.compile(r"https://example\.com")]},
            False,
        ),
        ("text/plain", "https://example.com", {"*": [re.compile(r"https://example\.com")]}, True),
        ("video/mp4", "https://another.com", {"*": [re.compile(r"https://example\.com")]}, False),
        ("text/plain", "https://text.com", TEXT_OR_ANY, True),
        ("text/plain", "https://any.com", TEXT_OR_ANY, True),
        ("image/png", "https://any.com", TEXT_OR_ANY, True),
        ("text/plain", "https://other.com", TEXT_OR_ANY, False),
        ("text/plain", "", {"text/plain": [re.compile(r".*")]}, True),
        ("text/plain", "", {"text/plain": [re.compile(r"https://.+")]}, False),
        # media types compare case-insensitively; URLs are lower-cased before matching
        (
            "TEXT/PLAIN",
            "https://example.com",
            {"text/plain": [re.compile(r"https://example\.com")]},
            True,
        ),
        (
            "text/plain",
            "https://EXAMPLE.com/PATH",
            {"text/plain": [re.compile(r"https://example\.com/path")]},
            True,
        ),
        (
            "image/png",
            "https://example.com",
            {"image/*": [re.compile(r"https://example\.com")]},
            True,
        ),
        (
            "image/png",
            "https://any.com",
            {
                "image/*": [re.compile(r"https://images\.com")],
                "*": [re.compile(r"https://any\.com")],
            },
            True,
        ),
        # a top-level-only media type matches type/* and *, never a full type
        (
            "image",
            "https://example.com/cat.png",
            {"image/*": [re.compile(r"https://example\.com/.+")]},
            True,
        ),
        ("image", "https://example.com", {"*": [re.compile(r"https://example\.com")]}, True),
        (
            "image",
            "https://example.com/cat.png",
            {"image/png": [re.compile(r"https://example\.com/.+")]},
            False,
        ),
        (
            "image",
            "https://example.com/a.mp3",
            {"audio/*": [re.compile(r"https://example\.com/.+")]},
            False,
        ),
        ("text/plain", "https://example.com", {"text/plain": []}, False),
        (
            "text/plain",
            "https://any.com",
            {"text/plain": [], "*": [re.compile(r"https://any\.com")]},
            True,
        ),
        (
            "text/plain",
            "https://another.com",
            {"text/plain": [], "*": [re.compile(r"https://any\.com")]},
            False,
        ),
        ("application/pdf", "https://x.com/a.pdf", {"*/*": [re.compile(r"^https://")]}, True),
    ],
)
def test_is_url_supported(
    media_type: str, url: str, supported_urls: dict[str, list[re.Pattern[str]]], expected: bool
) -> None:
    assert (
        is_url_supported(media_type=media_type, url=url, supported_urls=supported_urls) is expected
    )


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("data:image/png;base64,iVBORw0KGgo=", ("image/png", "iVBORw0KGgo=")),
        ("data:text/plain;base64,aGVsbG8=", ("text/plain", "aGVsbG8=")),
        ("data:,abc", ("", "abc")),
        ("data:image/png;base64", ("image/png", None)),
        ("no-colon,abc", (None, "abc")),
    ],
)
def test_split_data_url(url: str, expected: tuple[str | None, str | None]) -> None:
    assert split_data_url(url) == expected
