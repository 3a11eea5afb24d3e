"""What every provider package shares: HTTP calls, response handlers, settings, ids, schemas.

This is the Python form of ``@ai-sdk/provider-utils``. Nothing here imports pydantic or jiter
until it is first used.
"""

from __future__ import annotations

from .._sync import iterate_sync as iterate_sync, run_sync as run_sync  # noqa: TID252
from ._headers import (
    HeadersInput as HeadersInput,
    combine_headers as combine_headers,
    extract_response_headers as extract_response_headers,
    normalize_headers as normalize_headers,
    remove_undefined_entries as remove_undefined_entries,
    runtime_user_agent as runtime_user_agent,
    with_user_agent_suffix as with_user_agent_suffix,
)
from ._http import (
    FormData as FormData,
    FormFile as FormFile,
    default_http_client as default_http_client,
    get_from_api as get_from_api,
    post_form_data_to_api as post_form_data_to_api,
    post_json_to_api as post_json_to_api,
)
from ._id import (
    IdGenerator as IdGenerator,
    create_id_generator as create_id_generator,
    generate_id as generate_id,
)
from ._language_model_utils import (
    CustomReasoning as CustomReasoning,
    LanguageModelResponseMetadata as LanguageModelResponseMetadata,
    ReasoningLevel as ReasoningLevel,
    create_language_model_response_metadata as create_language_model_response_metadata,
    create_null_language_model_usage as create_null_language_model_usage,
    is_custom_reasoning as is_custom_reasoning,
    map_reasoning_to_provider_budget as map_reasoning_to_provider_budget,
    map_reasoning_to_provider_effort as map_reasoning_to_provider_effort,
)
from ._media_type_to_extension import (
    media_type_to_extension as media_type_to_extension,
)
from ._parse_json import (
    ParseFailure as ParseFailure,
    ParseResult as ParseResult,
    ParseSuccess as ParseSuccess,
    is_parsable_json as is_parsable_json,
    parse_json as parse_json,
    safe_parse_json as safe_parse_json,
    safe_validate_types as safe_validate_types,
    secure_json_parse as secure_json_parse,
    validate_types as validate_types,
)
from ._partial_json import (
    PartialJSONState as PartialJSONState,
    parse_partial_json as parse_partial_json,
)
from ._provider_options import (
    parse_provider_options as parse_provider_options,
)
from ._response_handlers import (
    ApiResponse as ApiResponse,
    ResponseHandler as ResponseHandler,
    create_binary_response_handler as create_binary_response_handler,
    create_event_source_response_handler as create_event_source_response_handler,
    create_json_error_response_handler as create_json_error_response_handler,
    create_json_response_handler as create_json_response_handler,
    create_status_code_error_response_handler as create_status_code_error_response_handler,
)
from ._retry import (
    PreparedRetries as PreparedRetries,
    RetryFunction as RetryFunction,
    prepare_retries as prepare_retries,
    retry_with_exponential_backoff as retry_with_exponential_backoff,
)
from ._schema import (
    FunctionSchema as FunctionSchema,
    JSONSchema as JSONSchema,
    Schema as Schema,
    as_schema as as_schema,
    function_schema as function_schema,
    json_schema as json_schema,
)
from ._settings import (
    load_api_key as load_api_key,
    load_optional_setting as load_optional_setting,
    load_setting as load_setting,
)
from ._sse import (
    EventSourceParser as EventSourceParser,
    ServerSentEvent as ServerSentEvent,
    parse_json_event_stream as parse_json_event_stream,
)
from ._tool_call_tracker import (
    StreamingToolCallDelta as StreamingToolCallDelta,
    StreamingToolCallFunctionDelta as StreamingToolCallFunctionDelta,
    StreamingToolCallTracker as StreamingToolCallTracker,
    ToolCallTypeValidation as ToolCallTypeValidation,
)

__all__ = [
    # running async code from sync code (the *_sync twins)
    "iterate_sync",
    "run_sync",
    # HTTP calls and response handlers
    "FormData",
    "FormFile",
    "default_http_client",
    "get_from_api",
    "post_form_data_to_api",
    "post_json_to_api",
    "ApiResponse",
    "ResponseHandler",
    "create_binary_response_handler",
    "create_event_source_response_handler",
    "create_json_error_response_handler",
    "create_json_response_handler",
    "create_status_code_error_response_handler",
    # server-sent events and JSON parsing
    "EventSourceParser",
    "ServerSentEvent",
    "parse_json_event_stream",
    "ParseFailure",
    "ParseResult",
    "ParseSuccess",
    "is_parsable_json",
    "parse_json",
    "safe_parse_json",
    "safe_validate_types",
    "secure_json_parse",
    "validate_types",
    "PartialJSONState",
    "parse_partial_json",
    # headers and retries
    "HeadersInput",
    "combine_headers",
    "extract_response_headers",
    "normalize_headers",
    "remove_undefined_entries",
    "runtime_user_agent",
    "with_user_agent_suffix",
    "PreparedRetries",
    "RetryFunction",
    "prepare_retries",
    "retry_with_exponential_backoff",
    # settings, ids and provider options
    "load_api_key",
    "load_optional_setting",
    "load_setting",
    "IdGenerator",
    "create_id_generator",
    "generate_id",
    "parse_provider_options",
    "media_type_to_extension",
    # streaming tool calls and schemas
    "StreamingToolCallDelta",
    "StreamingToolCallFunctionDelta",
    "StreamingToolCallTracker",
    "ToolCallTypeValidation",
    "FunctionSchema",
    "JSONSchema",
    "Schema",
    "as_schema",
    "function_schema",
    "json_schema",
    # language model helpers
    "CustomReasoning",
    "LanguageModelResponseMetadata",
    "ReasoningLevel",
    "create_language_model_response_metadata",
    "create_null_language_model_usage",
    "is_custom_reasoning",
    "map_reasoning_to_provider_budget",
    "map_reasoning_to_provider_effort",
]
