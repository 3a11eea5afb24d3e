from __future__ import annotations

import sys

import httpx

from ai_sdk_core.provider_utils import (
    combine_headers,
    extract_response_headers,
    normalize_headers,
    remove_undefined_entries,
    runtime_user_agent,
    with_user_agent_suffix,
)


def test_combine_headers_later_mappings_win_and_none_arguments_are_skipped() -> None:
    combined = combine_headers({"a": "1", "b": "2"}, None, {"b": "3", "c": None})

    assert combined == {"a": "1", "b": "3", "c": None}


def test_combine_headers_compares_names_as_written() -> None:
    assert combine_headers({"X-Key": "1"}, {"x-key": "2"}) == {"X-Key": "1", "x-key": "2"}


def test_remove_undefined_entries_drops_none_but_keeps_falsy_values() -> None:
    assert remove_undefined_entries({"a": None, "b": "", "c": 0}) == {"b": "", "c": 0}


def test_normalize_headers_lower_cases_names_and_drops_none() -> None:
    assert normalize_headers({"Content-Type": "text/plain", "X-Drop": None}) == {
        "content-type": "text/plain"
    }
    assert normalize_headers([("A", "1"), ("a", "2")]) == {"a": "2"}
    assert normalize_headers(None) == {}


def test_with_user_agent_suffix_appends_to_an_existing_user_agent() -> None:
    headers = with_user_agent_suffix(
        {"User-Agent": "my-app/1.0", "Authorization": "Bearer k", "X-None": None},
        "ai-sdk-groq/1.2.3",
        "python/3.12.0",
    )

    assert headers == {
        "authorization": "Bearer k",
        "user-agent": "my-app/1.0 ai-sdk-groq/1.2.3 python/3.12.0",
    }


def test_with_user_agent_suffix_creates_the_header_and_skips_empty_parts() -> None:
    assert with_user_agent_suffix(None, "a/1", "", "b/2") == {"user-agent": "a/1 b/2"}


def test_with_user_agent_suffix_sorts_names_as_fetch_headers_do() -> None:
    headers = with_user_agent_suffix({"z": "1", "b": "2"}, "x/1")

    assert list(headers) == ["b", "user-agent", "z"]


def test_runtime_user_agent_names_the_interpreter_version() -> None:
    major, minor, micro = sys.version_info[:3]

    assert runtime_user_agent() == f"python/{major}.{minor}.{micro}"
    assert runtime_user_agent(legacy=True) == f"runtime/python/{major}.{minor}.{micro}"


def test_extract_response_headers_joins_repeats_and_keeps_the_last_set_cookie() -> None:
    response = httpx.Response(
        200,
        headers=[
            ("X-Request-Id", "r1"),
            ("Vary", "accept"),
            ("vary", "origin"),
            ("Set-Cookie", "a=1"),
            ("Set-Cookie", "b=2"),
        ],
    )

    headers = extract_response_headers(response)

    assert headers == {"set-cookie": "b=2", "vary": "accept, origin", "x-request-id": "r1"}
    assert list(headers) == ["set-cookie", "vary", "x-request-id"]
