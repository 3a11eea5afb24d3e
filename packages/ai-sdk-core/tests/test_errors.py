from __future__ import annotations

import pytest

from ai_sdk_core.errors import (
    AISDKError,
    APICallError,
    DownloadError,
    InvalidArgumentError,
    InvalidPromptError,
    InvalidResponseDataError,
    InvalidToolInputError,
    JSONParseError,
    MissingToolResultsError,
    NoSuchModelError,
    NoSuchProviderError,
    NoSuchToolError,
    RetryError,
    ToolCallRepairError,
    TooManyEmbeddingValuesForCallError,
    TypeValidationError,
    UnsupportedFunctionalityError,
    get_error_message,
)
from ai_sdk_core.wire import error_to_wire


@pytest.mark.parametrize(
    ("status_code", "retryable"),
    [
        (None, False),
        (400, False),
        (404, False),
        (408, True),
        (409, True),
        (429, True),
        (500, True),
        (503, True),
        (599, True),
    ],
)
def test_api_call_error_is_retryable_by_status(status_code: int | None, retryable: bool) -> None:
    error = APICallError(
        "failed", url="https://api.test/v1", request_body_values={}, status_code=status_code
    )

    assert error.is_retryable is retryable


def test_api_call_error_explicit_retryable_wins() -> None:
    error = APICallError("x", url="u", request_body_values={}, status_code=500, is_retryable=False)

    assert error.is_retryable is False


def test_errors_carry_the_ts_name_and_chain_their_cause() -> None:
    cause = ValueError("bad")
    error = InvalidArgumentError(
        "invalid groq provider options", argument="providerOptions", cause=cause
    )

    assert error.name == "AI_InvalidArgumentError"
    assert error.__cause__ is cause
    assert str(error) == "invalid groq provider options"
    assert isinstance(error, AISDKError)


def test_api_call_error_wire_form_matches_ts() -> None:
    error = APICallError(
        "Too Many Requests",
        url="http://127.0.0.1:1/v1/chat",
        request_body_values={"model": "m"},
        status_code=429,
        response_headers={"retry-after": "1"},
        response_body="slow down",
    )

    assert error_to_wire(error) == {
        "name": "AI_APICallError",
        "message": "Too Many Requests",
        "url": "http://127.0.0.1:1/v1/chat",
        "requestBodyValues": {"model": "m"},
        "statusCode": 429,
        "responseHeaders": {"retry-after": "1"},
        "responseBody": "slow down",
        "isRetryable": True,
    }


def test_wire_form_of_nested_causes_and_plain_exceptions() -> None:
    error = JSONParseError(text="{oops", cause=ValueError("Expecting value"))

    assert error_to_wire(error) == {
        "name": "AI_JSONParseError",
        "message": "JSON parsing failed: Text: {oops.\nError message: ValueError: Expecting value",
        "text": "{oops",
        "cause": {"name": "ValueError", "message": "Expecting value"},
    }


def test_messages_follow_ts() -> None:
    assert str(InvalidPromptError("empty", prompt=[])) == "Invalid prompt: empty"
    assert str(InvalidResponseDataError(data={"a": 1})) == 'Invalid response data: {"a":1}.'
    assert str(NoSuchModelError(model_id="x", model_type="imageModel")) == "No such imageModel: x"
    assert str(UnsupportedFunctionalityError(functionality="tools")) == (
        "'tools' functionality not supported."
    )
    assert str(NoSuchToolError(tool_name="t")) == (
        "Model tried to call unavailable tool 't'. No tools are available."
    )
    assert str(NoSuchToolError(tool_name="t", available_tools=["a", "b"])) == (
        "Model tried to call unavailable tool 't'. Available tools: a, b."
    )
    assert str(MissingToolResultsError(tool_call_ids=["1"])) == (
        "Tool result is missing for tool call 1."
    )
    assert str(MissingToolResultsError(tool_call_ids=["1", "2"])) == (
        "Tool results are missing for tool calls 1, 2."
    )
    assert str(DownloadError(url="https://x", status_code=404, status_text="Not Found")) == (
        "Failed to download https://x: 404 Not Found"
    )
    assert str(
        TooManyEmbeddingValuesForCallError(
            provider="p", model_id="m", max_embeddings_per_call=2, values=[1, 2, 3]
        )
    ) == (
        'Too many values for a single embedding call. The p model "m" can only embed up to '
        "2 values per call, but 3 values were provided."
    )


def test_core_invalid_argument_form() -> None:
    error = InvalidArgumentError.for_parameter("maxRetries", -1, "maxRetries must be >= 0")

    assert str(error) == "Invalid argument for parameter maxRetries: maxRetries must be >= 0"
    assert (error.parameter, error.value) == ("maxRetries", -1)


def test_type_validation_error_message_names_the_context() -> None:
    error = TypeValidationError(
        value={"a": 1}, cause="boom", field="message.parts", entity_name="tool", entity_id="t1"
    )

    assert str(error) == (
        'Type validation failed for message.parts (tool, id: "t1"): Value: {"a":1}.\n'
        "Error message: boom"
    )
    assert error.context == {"field": "message.parts", "entityName": "tool", "entityId": "t1"}


def test_type_validation_error_wrap_keeps_an_existing_error_for_the_same_value() -> None:
    value = {"a": 1}
    inner = TypeValidationError(value=value, cause="x")

    assert TypeValidationError.wrap(value=value, cause=inner) is inner
    assert TypeValidationError.wrap(value={"a": 1}, cause=inner) is not inner


def test_retry_error_keeps_every_attempt() -> None:
    first, last = ValueError("1"), ValueError("2")
    error = RetryError(
        "Failed after 2 attempts. Last error: 2", reason="maxRetriesExceeded", errors=[first, last]
    )

    assert error.last_error is last
    assert error.__cause__ is last
    assert error_to_wire(error)["errors"] == [
        {"name": "ValueError", "message": "1"},
        {"name": "ValueError", "message": "2"},
    ]


def test_no_such_provider_error_is_a_no_such_model_error() -> None:
    error = NoSuchProviderError(
        model_id="x:y", model_type="languageModel", provider_id="x", available_providers=["a", "b"]
    )

    assert isinstance(error, NoSuchModelError)
    assert error.name == "AI_NoSuchProviderError"
    assert str(error) == "No such provider: x (available providers: a,b)"


def test_tool_errors_chain_originals() -> None:
    original = InvalidToolInputError(tool_name="t", tool_input="{", cause=ValueError("bad json"))
    error = ToolCallRepairError(cause=RuntimeError("repair failed"), original_error=original)

    assert str(original) == "Invalid input for tool t: ValueError: bad json"
    assert str(error) == "Error repairing tool call: RuntimeError: repair failed"
    assert error.original_error is original


@pytest.mark.parametrize(
    ("value", "message"),
    [
        (None, "unknown error"),
        ("plain", "plain"),
        (ValueError("boom"), "ValueError: boom"),
        (ValueError(""), "ValueError"),
        ({"code": "FAIL"}, '{"code":"FAIL"}'),
        (42, "42"),
        (APICallError("nope", url="u", request_body_values=None), "AI_APICallError: nope"),
    ],
)
def test_get_error_message(value: object, message: str) -> None:
    assert get_error_message(value) == message
