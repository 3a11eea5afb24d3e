"""The codec against JSON the TS SDK produced: every recorded call, result and stream part of
the conformance corpus decodes into spec types and encodes back to the same JSON."""

from __future__ import annotations

import base64
import dataclasses
import json
import os
from pathlib import Path
from typing import Any

import pytest

from ai_sdk_core.provider import (
    EmbeddingModelV4CallOptions,
    EmbeddingModelV4Result,
    LanguageModelV4CallOptions,
    LanguageModelV4GenerateResult,
    LanguageModelV4StreamPart,
    RerankingModelV4CallOptions,
    RerankingModelV4Result,
)
from ai_sdk_core.provider._codec_hints import to_camel
from ai_sdk_core.wire import from_wire, to_wire


def _find_corpus() -> Path:
    """``$AI_SDK_CONFORMANCE_DIR``, else ``../shared/conformance`` beside the checkout."""
    if configured := os.environ.get("AI_SDK_CONFORMANCE_DIR"):
        return Path(configured)
    repo = Path(__file__).resolve().parents[4]
    candidates = [repo.parent / "shared" / "conformance", Path("/work/shared/conformance")]
    return next((path for path in candidates if path.is_dir()), candidates[0])


CORPUS = _find_corpus()
CASES = {
    path.parent.name: json.loads(path.read_text()) for path in sorted(CORPUS.glob("*/case.json"))
}

pytestmark = pytest.mark.skipif(
    not CASES, reason=f"no conformance corpus at {CORPUS} (set AI_SDK_CONFORMANCE_DIR)"
)

OPTIONS_TYPE: dict[str, Any] = {
    "doGenerate": LanguageModelV4CallOptions,
    "doStream": LanguageModelV4CallOptions,
    "doEmbed": EmbeddingModelV4CallOptions,
    "doRerank": RerankingModelV4CallOptions,
}
RESULT_TYPE: dict[tuple[str, str], Any] = {
    ("language", "doGenerate"): LanguageModelV4GenerateResult,
    ("embedding", "doEmbed"): EmbeddingModelV4Result,
    ("reranking", "doRerank"): RerankingModelV4Result,
}


def _result_type(case: dict[str, Any]) -> Any:
    return RESULT_TYPE.get((case["model"]["kind"], case["call"]["method"]))


def _decode_tagged(value: Any) -> Any:
    """The corpus' input encoding → TS JSON: byte arrays as base64, URLs as their href."""
    if isinstance(value, dict):
        tag = value.get("__type")
        if tag == "Uint8Array":
            return base64.b64encode(base64.b64decode(value["base64"])).decode()
        if tag == "URL":
            return value["href"]
        return {key: _decode_tagged(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_decode_tagged(item) for item in value]
    return value


@pytest.mark.parametrize(
    "name", [name for name, case in CASES.items() if case["call"]["method"] in OPTIONS_TYPE]
)
def test_call_options_round_trip(name: str) -> None:
    case = CASES[name]
    options_type = OPTIONS_TYPE[case["call"]["method"]]
    wire = _decode_tagged(case["call"]["options"])

    decoded = from_wire(options_type, wire)

    # keys outside the spec (a case may pass extra options, which TS ignores) are dropped
    spec_keys = {to_camel(field.name) for field in dataclasses.fields(options_type)}
    assert to_wire(decoded) == {key: item for key, item in wire.items() if key in spec_keys}


@pytest.mark.parametrize(
    "name",
    [name for name, case in CASES.items() if _result_type(case) and "expected_result" in case],
)
def test_results_round_trip(name: str) -> None:
    case = CASES[name]
    wire = case["expected_result"]

    assert to_wire(from_wire(_result_type(case), wire)) == wire


@pytest.mark.parametrize(
    "name", [name for name, case in CASES.items() if "expected_stream" in case]
)
def test_stream_parts_round_trip(name: str) -> None:
    wire = CASES[name]["expected_stream"]

    parts = from_wire(list[LanguageModelV4StreamPart], wire)

    assert to_wire(parts) == wire
