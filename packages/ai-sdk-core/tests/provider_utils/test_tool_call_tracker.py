"""Port of streaming-tool-call-tracker.test.ts, plus interleaving and property checks."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given, strategies as st
from pydantic import BaseModel

from ai_sdk_core.errors import InvalidResponseDataError
from ai_sdk_core.provider_utils import StreamingToolCallTracker
from ai_sdk_core.wire import to_wire


def delta(
    index: int | None = None,
    id: str | None = None,
    name: str | None = None,
    arguments: str | None = None,
    type: str | None = "function",
) -> dict[str, Any]:
    function = {"name": name, "arguments": arguments}
    return {"index": index, "id": id, "type": type, "function": function}


class Collector:
    """Feeds deltas to a tracker and keeps the parts as TS JSON, like the TS test collector."""

    def __init__(self, tracker: StreamingToolCallTracker[Any] | None = None) -> None:
        self.tracker = tracker or StreamingToolCallTracker()
        self.parts: list[dict[str, Any]] = []

    def process(self, value: Any) -> list[dict[str, Any]]:
        new = to_wire(list(self.tracker.process_delta(value)))
        self.parts.extend(new)
        return new

    def flush(self) -> list[dict[str, Any]]:
        new = to_wire(self.tracker.flush())
        self.parts.extend(new)
        return new

    def tool_calls(self) -> list[dict[str, Any]]:
        return [part for part in self.parts if part["type"] == "tool-call"]


class TestProcessDelta:
    def test_single_call_across_deltas(self) -> None:
        c = Collector()
        assert c.process(delta(0, "call_1", "get_weather", '{"ci')) == [
            {"type": "tool-input-start", "id": "call_1", "toolName": "get_weather"},
            {"type": "tool-input-delta", "id": "call_1", "delta": '{"ci'},
        ]
        assert c.process({"index": 0, "function": {"arguments": 'ty": "San'}}) == [
            {"type": "tool-input-delta", "id": "call_1", "delta": 'ty": "San'}
        ]
        # complete JSON must not finalize: it may be the prefix of longer arguments
        assert c.process({"index": 0, "function": {"arguments": ' Francisco"}'}}) == [
            {"type": "tool-input-delta", "id": "call_1", "delta": ' Francisco"}'}
        ]
        assert c.flush() == [
            {"type": "tool-input-end", "id": "call_1"},
            {
                "type": "tool-call",
                "toolCallId": "call_1",
                "toolName": "get_weather",
                "input": '{"city": "San Francisco"}',
            },
        ]

    def test_full_call_in_one_chunk(self) -> None:
        c = Collector()
        assert c.process(delta(0, "call_1", "get_weather", '{"city": "London"}')) == [
            {"type": "tool-input-start", "id": "call_1", "toolName": "get_weather"},
            {"type": "tool-input-delta", "id": "call_1", "delta": '{"city": "London"}'},
        ]
        assert c.flush() == [
            {"type": "tool-input-end", "id": "call_1"},
            {
                "type": "tool-call",
                "toolCallId": "call_1",
                "toolName": "get_weather",
                "input": '{"city": "London"}',
            },
        ]

    def test_parsable_prefix_is_not_finalized(self) -> None:
        c = Collector()
        c.process(delta(0, "call_1", "search", '{"query": "test"}'))
        assert [part["type"] for part in c.parts] == ["tool-input-start", "tool-input-delta"]
        c.process({"index": 0, "function": {"arguments": ', "limit": 10}'}})
        c.flush()
        assert c.tool_calls() == [
            {
                "type": "tool-call",
                "toolCallId": "call_1",
                "toolName": "search",
                "input": '{"query": "test"}, "limit": 10}',
            }
        ]

    def test_concurrent_calls(self) -> None:
        c = Collector()
        c.process(delta(0, "call_1", "get_weather", ""))
        c.process(delta(1, "call_2", "get_time", ""))
        assert c.parts == [
            {"type": "tool-input-start", "id": "call_1", "toolName": "get_weather"},
            {"type": "tool-input-start", "id": "call_2", "toolName": "get_time"},
        ]

    def test_non_zero_and_non_contiguous_indexes(self) -> None:
        c = Collector()
        c.process(delta(1, "call_1", "fn1", '{"value":1}'))
        c.process(delta(3, "call_2", "fn2", '{"value":2}'))
        c.flush()
        assert [(p["toolCallId"], p["toolName"], p["input"]) for p in c.tool_calls()] == [
            ("call_1", "fn1", '{"value":1}'),
            ("call_2", "fn2", '{"value":2}'),
        ]

    def test_distinct_calls_reusing_an_index(self) -> None:
        c = Collector()
        c.process(delta(0, "call_1", "fn", '{"value":1}'))
        c.process(delta(0, "call_2", "fn", '{"value":2}'))
        c.flush()
        assert [(p["toolCallId"], p["input"]) for p in c.tool_calls()] == [
            ("call_1", '{"value":1}'),
            ("call_2", '{"value":2}'),
        ]

    @pytest.mark.parametrize("index", [None, 7])
    def test_delta_without_index_continues_latest_call(self, index: int | None) -> None:
        c = Collector()
        c.process(delta(index, "call_1", "fn", '{"val'))
        c.process({"function": {"arguments": 'ue":1}'}})
        c.flush()
        assert [p["input"] for p in c.tool_calls()] == ['{"value":1}']

    def test_empty_continuation_id_uses_index(self) -> None:
        c = Collector()
        c.process(delta(0, "call_1", "fn", '{"val'))
        c.process({"index": 0, "id": "", "type": "function", "function": {"arguments": 'ue":1}'}})
        c.flush()
        assert [(p["toolCallId"], p["input"]) for p in c.tool_calls()] == [
            ("call_1", '{"value":1}')
        ]

    def test_deltas_after_flush_are_skipped(self) -> None:
        c = Collector()
        c.process(delta(0, "call_1", "fn", "{}"))
        c.flush()
        assert c.process({"index": 0, "function": {"arguments": "extra"}}) == []

    def test_null_arguments_emit_nothing(self) -> None:
        c = Collector()
        c.process(delta(0, "call_1", "fn", ""))
        assert c.process({"index": 0, "function": {"arguments": None}}) == []
        assert c.process({"index": 0}) == []

    def test_calls_without_index(self) -> None:
        c = Collector()
        c.process(delta(None, "call_1", "fn1", "{}"))
        c.process(delta(None, "call_2", "fn2", "{}"))
        assert [p for p in c.parts if p["type"] == "tool-input-start"] == [
            {"type": "tool-input-start", "id": "call_1", "toolName": "fn1"},
            {"type": "tool-input-start", "id": "call_2", "toolName": "fn2"},
        ]

    def test_missing_id(self) -> None:
        value = delta(0, None, "fn")
        with pytest.raises(
            InvalidResponseDataError, match=r"^Expected 'id' to be a string\.$"
        ) as caught:
            StreamingToolCallTracker().process_delta(value)
        assert caught.value.data is value

    def test_missing_function_name(self) -> None:
        with pytest.raises(
            InvalidResponseDataError, match=r"^Expected 'function\.name' to be a string\.$"
        ):
            StreamingToolCallTracker().process_delta({"index": 0, "id": "call_1", "function": {}})

    def test_name_arriving_after_arguments(self) -> None:
        # a new call needs its name in the first delta: arguments first is an error, as in TS
        tracker = StreamingToolCallTracker()
        with pytest.raises(InvalidResponseDataError, match=r"function\.name"):
            tracker.process_delta(delta(0, "call_1", None, '{"a"'))
        # once started, a repeated or different name neither restarts nor renames the call
        c = Collector()
        c.process(delta(0, "call_1", "fn", '{"a"'))
        assert c.process(delta(0, None, "other", ":1}")) == [
            {"type": "tool-input-delta", "id": "call_1", "delta": ":1}"}
        ]
        c.flush()
        assert [(p["toolName"], p["input"]) for p in c.tool_calls()] == [("fn", '{"a":1}')]


class TestEmptyDeltasAndOrdering:
    def test_empty_argument_deltas(self) -> None:
        c = Collector()
        # a new call with empty arguments emits no delta ...
        assert [p["type"] for p in c.process(delta(0, "call_1", "fn", ""))] == ["tool-input-start"]
        # ... but an empty continuation is still a tool-input-delta (anthropic-fallback fixture)
        assert c.process({"index": 0, "function": {"arguments": ""}}) == [
            {"type": "tool-input-delta", "id": "call_1", "delta": ""}
        ]
        c.process({"index": 0, "function": {"arguments": "{}"}})
        c.flush()
        assert [p["input"] for p in c.tool_calls()] == ["{}"]

    def test_interleaved_indexes_and_flush_order(self) -> None:
        c = Collector()
        c.process(delta(2, "call_c", "third", ""))
        c.process(delta(0, "call_a", "first", '{"a":'))
        c.process({"index": 2, "function": {"arguments": '{"c":'}})
        c.process(delta(1, "call_b", "second", '{"b":'))
        c.process({"index": 0, "function": {"arguments": "1}"}})
        c.process({"index": 1, "function": {"arguments": "2}"}})
        c.process({"index": 2, "function": {"arguments": "3}"}})
        c.process({"function": {"arguments": ""}})  # no index, no id: the latest call (index 2)
        assert [(p["type"], p["id"]) for p in c.parts if p["type"] == "tool-input-delta"] == [
            ("tool-input-delta", "call_a"),
            ("tool-input-delta", "call_c"),
            ("tool-input-delta", "call_b"),
            ("tool-input-delta", "call_a"),
            ("tool-input-delta", "call_b"),
            ("tool-input-delta", "call_c"),
            ("tool-input-delta", "call_c"),
        ]
        assert c.flush() == [
            {"type": "tool-input-end", "id": "call_c"},
            {"type": "tool-call", "toolCallId": "call_c", "toolName": "third", "input": '{"c":3}'},
            {"type": "tool-input-end", "id": "call_a"},
            {"type": "tool-call", "toolCallId": "call_a", "toolName": "first", "input": '{"a":1}'},
            {"type": "tool-input-end", "id": "call_b"},
            {"type": "tool-call", "toolCallId": "call_b", "toolName": "second", "input": '{"b":2}'},
        ]

    def test_second_flush_emits_nothing(self) -> None:
        c = Collector()
        c.process(delta(0, "call_1", "fn", "{}"))
        assert len(c.flush()) == 2
        assert c.flush() == []

    def test_unfinished_arguments_are_flushed_as_they_are(self) -> None:
        c = Collector()
        c.process(delta(0, "call_1", "fn", '{"key": "val'))
        assert c.flush()[1]["input"] == '{"key": "val'


class TestTypeValidation:
    def test_none(self) -> None:
        tracker = StreamingToolCallTracker(type_validation="none")
        parts = to_wire(list(tracker.process_delta(delta(0, "call_1", "fn", "", type="custom"))))
        assert parts == [{"type": "tool-input-start", "id": "call_1", "toolName": "fn"}]

    def test_if_present(self) -> None:
        tracker = StreamingToolCallTracker(type_validation="if-present")
        with pytest.raises(InvalidResponseDataError, match=r"^Expected 'function' type\.$"):
            tracker.process_delta(delta(0, "call_1", "fn", "", type="custom"))
        assert len(tracker.process_delta(delta(0, "call_1", "fn", "", type=None))) == 1

    def test_required(self) -> None:
        tracker = StreamingToolCallTracker(type_validation="required")
        with pytest.raises(InvalidResponseDataError, match=r"^Expected 'function' type\.$"):
            tracker.process_delta(delta(0, "call_1", "fn", "", type=None))
        assert len(tracker.process_delta(delta(0, "call_1", "fn", "", type="function"))) == 1

    def test_type_is_only_checked_for_new_calls(self) -> None:
        tracker = StreamingToolCallTracker(type_validation="required")
        tracker.process_delta(delta(0, "call_1", "fn", ""))
        assert len(tracker.process_delta({"index": 0, "function": {"arguments": "{}"}})) == 1


class TestMetadata:
    def test_extracted_metadata_on_tool_call(self) -> None:
        def extract(value: dict[str, Any]) -> dict[str, Any] | None:
            signature = value.get("extra_content", {}).get("google", {}).get("thought_signature")
            return {"thoughtSignature": signature} if signature else None

        def build(metadata: dict[str, Any] | None) -> dict[str, Any] | None:
            if metadata and metadata.get("thoughtSignature"):
                return {"google": {"thoughtSignature": metadata["thoughtSignature"]}}
            return None

        c = Collector(
            StreamingToolCallTracker(
                extract_metadata=extract, build_tool_call_provider_metadata=build
            )
        )
        value = delta(0, "call_1", "fn", "{}")
        value["extra_content"] = {"google": {"thought_signature": "sig123"}}
        c.process(value)
        c.flush()
        assert c.tool_calls() == [
            {
                "type": "tool-call",
                "toolCallId": "call_1",
                "toolName": "fn",
                "input": "{}",
                "providerMetadata": {"google": {"thoughtSignature": "sig123"}},
            }
        ]

    def test_metadata_for_unfinished_calls(self) -> None:
        c = Collector(
            StreamingToolCallTracker(
                extract_metadata=lambda _: {"custom": {"key": "value"}},
                build_tool_call_provider_metadata=lambda m: {"provider": m} if m else None,
            )
        )
        c.process(delta(0, "call_1", "fn", '{"incomplete'))
        c.flush()
        assert c.tool_calls()[0]["providerMetadata"] == {"provider": {"custom": {"key": "value"}}}

    def test_no_metadata_when_builder_returns_none(self) -> None:
        c = Collector(
            StreamingToolCallTracker(
                extract_metadata=lambda _: None, build_tool_call_provider_metadata=lambda _: None
            )
        )
        c.process(delta(0, "call_1", "fn", "{}"))
        c.flush()
        assert "providerMetadata" not in c.tool_calls()[0]

    def test_extract_is_called_once_per_call(self) -> None:
        seen: list[Any] = []
        tracker = StreamingToolCallTracker(extract_metadata=lambda d: seen.append(d))
        first = delta(0, "call_1", "fn", "{")
        tracker.process_delta(first)
        tracker.process_delta({"index": 0, "function": {"arguments": "}"}})
        assert seen == [first]


class FunctionDelta(BaseModel):
    name: str | None = None
    arguments: str | None = None


class ToolCallDelta(BaseModel):
    index: int | None = None
    id: str | None = None
    type: str | None = None
    function: FunctionDelta | None = None


def test_attribute_deltas_such_as_pydantic_models() -> None:
    tracker = StreamingToolCallTracker[ToolCallDelta](type_validation="required")
    first = ToolCallDelta.model_validate(
        {
            "index": 0,
            "id": "call_1",
            "type": "function",
            "function": {"name": "fn", "arguments": "{"},
        }
    )
    parts = [*tracker.process_delta(first)]
    parts += tracker.process_delta(ToolCallDelta(index=0, function=FunctionDelta(arguments="}")))
    parts += tracker.process_delta(ToolCallDelta(index=0))
    parts += tracker.flush()
    assert to_wire(parts) == [
        {"type": "tool-input-start", "id": "call_1", "toolName": "fn"},
        {"type": "tool-input-delta", "id": "call_1", "delta": "{"},
        {"type": "tool-input-delta", "id": "call_1", "delta": "}"},
        {"type": "tool-input-end", "id": "call_1"},
        {"type": "tool-call", "toolCallId": "call_1", "toolName": "fn", "input": "{}"},
    ]


@given(
    st.lists(st.lists(st.text(max_size=6), min_size=1, max_size=5), min_size=1, max_size=4).flatmap(
        lambda calls: st.tuples(
            st.just(calls),
            st.permutations([i for i, chunks in enumerate(calls) for _ in chunks[1:]]),
        )
    )
)
def test_interleaved_chunks_reassemble(data: tuple[list[list[str]], list[int]]) -> None:
    """Any interleaving of argument chunks gives each call exactly its own input, in order."""
    calls, order = data
    c = Collector()
    for i, chunks in enumerate(calls):
        c.process(delta(i, f"call_{i}", f"fn{i}", chunks[0]))
    position = [1] * len(calls)
    for i in order:
        c.process({"index": i, "function": {"arguments": calls[i][position[i]]}})
        position[i] += 1
    c.flush()
    assert [(p["toolCallId"], p["input"]) for p in c.tool_calls()] == [
        (f"call_{i}", "".join(chunks)) for i, chunks in enumerate(calls)
    ]
    for i, chunks in enumerate(calls):
        deltas = [
            p["delta"]
            for p in c.parts
            if p["type"] == "tool-input-delta" and p["id"] == f"call_{i}"
        ]
        assert "".join(deltas) == "".join(chunks)
        assert len(deltas) == len(chunks) - (chunks[0] == "")
