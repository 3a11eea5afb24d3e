"""Mock models, providers and stream helpers for testing code that uses the AI SDK.

The Python form of TS ``ai/test``: the mocks implement the V4 model protocols, answer with what
the test gives them and record every call.
"""

from __future__ import annotations

from ._answers import Answer
from ._language_model import MockLanguageModelV4
from ._models import (
    MockEmbeddingModelV4,
    MockImageModelV4,
    MockRerankingModelV4,
    MockSpeechModelV4,
    MockTranscriptionModelV4,
)
from ._provider import MockProviderV4
from ._results import text_result, text_stream_parts, tool_calls_result, usage
from ._streams import (
    convert_array_to_async_iterable,
    convert_async_iterable_to_array,
    simulate_readable_stream,
    stream_result,
)
from ._values import mock_id, mock_values

__all__ = [
    "MockLanguageModelV4",
    "MockEmbeddingModelV4",
    "MockImageModelV4",
    "MockRerankingModelV4",
    "MockSpeechModelV4",
    "MockTranscriptionModelV4",
    "MockProviderV4",
    "Answer",
    "stream_result",
    "text_result",
    "text_stream_parts",
    "tool_calls_result",
    "usage",
    "simulate_readable_stream",
    "convert_array_to_async_iterable",
    "convert_async_iterable_to_array",
    "mock_id",
    "mock_values",
]
