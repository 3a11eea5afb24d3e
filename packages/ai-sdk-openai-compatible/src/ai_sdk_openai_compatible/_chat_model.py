"""The OpenAI-compatible chat model: call options → ``POST {url}/chat/completions`` → result.

Port of ``chat/openai-compatible-chat-language-model.ts``; the stream transform lives in
:mod:`._chat_stream`.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Literal

from ai_sdk_core.errors import InvalidResponseDataError
from ai_sdk_core.provider import (
    LanguageModelV4CallOptions,
    LanguageModelV4Content,
    LanguageModelV4FinishReason,
    LanguageModelV4GenerateResult,
    LanguageModelV4Reasoning,
    LanguageModelV4RequestInfo,
    LanguageModelV4ResponseFormatJson,
    LanguageModelV4ResponseInfo,
    LanguageModelV4StreamResponseInfo,
    LanguageModelV4StreamResult,
    LanguageModelV4Text,
    LanguageModelV4ToolCall,
    LanguageModelV4Usage,
    SharedV4DeprecatedWarning,
    SharedV4ProviderMetadata,
    SharedV4UnsupportedWarning,
    SharedV4Warning,
    SupportedUrls,
)
from ai_sdk_core.provider_utils import (
    ReasoningLevel,
    combine_headers,
    create_event_source_response_handler,
    create_json_error_response_handler,
    create_json_response_handler,
    generate_id,
    is_custom_reasoning,
    parse_provider_options,
    post_json_to_api,
)

from ._chat_api import ChatChunk, ChatResponse, chat_chunk_schema
from ._chat_messages import convert_to_openai_compatible_chat_messages
from ._chat_options import CHAT_OPTION_KEYS, OpenAICompatibleLanguageModelChatOptions
from ._chat_stream import chat_stream_parts, content_parts, prediction_token_metadata
from ._errors import DEFAULT_ERROR_STRUCTURE, ProviderErrorStructure
from ._finish_reason import map_openai_compatible_finish_reason
from ._json import drop_none, dumps, js_json_value
from ._metadata_extractor import MetadataExtractor
from ._prepare_tools import prepare_tools
from ._provider_options import (
    provider_options_name,
    resolve_provider_options_key,
    to_camel_case,
    warn_if_deprecated_provider_options_key,
)
from ._response_metadata import get_response_metadata
from ._url import UrlBuilder
from ._usage import OpenAICompatibleTokenUsage, convert_openai_compatible_chat_usage

if TYPE_CHECKING:
    import httpx

__all__ = ["OpenAICompatibleChatConfig", "OpenAICompatibleChatLanguageModel", "ReasoningMapper"]


ReasoningMapper = Callable[[Literal["none"] | ReasoningLevel, list[SharedV4Warning]], "str | None"]
"""Maps the top-level ``reasoning`` call option to ``reasoning_effort`` (may append warnings)."""


@dataclass(slots=True, kw_only=True)
class OpenAICompatibleChatConfig:
    """How a chat model reaches its API (``OpenAICompatibleChatConfig`` in TS).

    ``provider`` is ``"<name>.chat"``; its ``<name>`` is where provider options are read.
    ``headers`` is called for every request. ``error_structure`` describes the provider's
    error bodies (default: OpenAI's). ``transform_request_body`` gets the final body (without
    ``None`` entries) and returns the one to send. ``convert_usage`` replaces the default usage
    conversion, ``map_reasoning`` the top-level ``reasoning`` → ``reasoning_effort`` mapping.
    ``legacy_user_agent`` sends the user-agent tokens as older TS provider-utils releases did
    (``ai-sdk/provider-utils/<v> runtime/python/<v>``), for providers whose TS package still
    does (Together AI).
    """

    provider: str
    url: UrlBuilder
    headers: Callable[[], Mapping[str, str | None]] | None = None
    http_client: httpx.AsyncClient | None = None
    include_usage: bool = False
    error_structure: ProviderErrorStructure[Any] | None = None
    metadata_extractor: MetadataExtractor | None = None
    supports_structured_outputs: bool = False
    supports_multi_part_tool_content: bool = False
    supported_urls: Callable[[], SupportedUrls] | None = None
    transform_request_body: Callable[[dict[str, Any]], dict[str, Any]] | None = None
    map_reasoning: ReasoningMapper | None = None
    convert_usage: Callable[[OpenAICompatibleTokenUsage | None], LanguageModelV4Usage] | None = None
    legacy_user_agent: bool = False


@dataclass(slots=True)
class _Args:
    body: dict[str, Any]
    warnings: list[SharedV4Warning]
    metadata_key: str


class OpenAICompatibleChatLanguageModel:
    """A chat model of any OpenAI-compatible API (``LanguageModelV4``)."""

    specification_version: Literal["v4"] = "v4"

    def __init__(self, model_id: str, config: OpenAICompatibleChatConfig) -> None:
        self.model_id = model_id
        self.config = config
        error_structure = config.error_structure or DEFAULT_ERROR_STRUCTURE
        self._chunk_schema = chat_chunk_schema(ChatChunk, error_structure.error_schema)
        self._failed_response_handler = create_json_error_response_handler(
            error_schema=error_structure.error_schema,
            error_to_message=error_structure.error_to_message,
            is_retryable=error_structure.is_retryable,
        )
        self._options_name = provider_options_name(config.provider)

    @property
    def provider(self) -> str:
        """The provider id, ``"<name>.chat"``."""
        return self.config.provider

    @property
    def supports_structured_outputs(self) -> bool:
        """Whether JSON schema response formats are sent as ``json_schema``."""
        return self.config.supports_structured_outputs

    @property
    def supported_urls(self) -> SupportedUrls:
        """URL patterns the API fetches itself (from the config; none by default)."""
        return self.config.supported_urls() if self.config.supported_urls is not None else {}

    def __repr__(self) -> str:
        return f"OpenAICompatibleChatLanguageModel(provider={self.provider!r}, model_id={self.model_id!r})"

    def _convert_usage(self, usage: OpenAICompatibleTokenUsage | None) -> LanguageModelV4Usage:
        if self.config.convert_usage is not None:
            return self.config.convert_usage(usage)
        return convert_openai_compatible_chat_usage(usage)

    def _url(self) -> str:
        return self.config.url(model_id=self.model_id, path="/chat/completions")

    def _headers(self, options: LanguageModelV4CallOptions) -> dict[str, str | None]:
        return combine_headers(
            self.config.headers() if self.config.headers is not None else None, options.headers
        )

    def _get_args(self, options: LanguageModelV4CallOptions) -> _Args:
        warnings: list[SharedV4Warning] = []
        provider_options = options.provider_options
        raw_name = self._options_name
        camel_name = to_camel_case(raw_name)

        # later keys win: deprecated 'openai-compatible', 'openaiCompatible', raw name, camelCase
        compatible: OpenAICompatibleLanguageModelChatOptions = {}
        for key in ("openai-compatible", "openaiCompatible", raw_name, camel_name):
            parsed = parse_provider_options(
                provider=key,
                provider_options=provider_options,
                schema=OpenAICompatibleLanguageModelChatOptions,
            )
            if parsed is None:
                continue
            if key == "openai-compatible":
                warnings.append(
                    _deprecated("providerOptions key 'openai-compatible'", "openaiCompatible")
                )
            compatible.update(parsed)
        warn_if_deprecated_provider_options_key(
            raw_name=raw_name, provider_options=provider_options, warnings=warnings
        )

        if options.top_k is not None:
            warnings.append(SharedV4UnsupportedWarning(feature="topK"))

        response_format = options.response_format
        json_format = (
            response_format
            if isinstance(response_format, LanguageModelV4ResponseFormatJson)
            else None
        )
        structured = self.config.supports_structured_outputs
        if json_format is not None and json_format.schema is not None and not structured:
            warnings.append(
                SharedV4UnsupportedWarning(
                    feature="responseFormat",
                    details="JSON response format schema is only supported with structuredOutputs",
                )
            )
        tools = prepare_tools(tools=options.tools, tool_choice=options.tool_choice)
        metadata_key = resolve_provider_options_key(raw_name, provider_options)

        reasoning_effort: Any = None
        if "reasoningEffort" in compatible:
            reasoning_effort = compatible["reasoningEffort"]
        elif is_custom_reasoning(options.reasoning):
            reasoning = options.reasoning
            reasoning_effort = (
                self.config.map_reasoning(reasoning, warnings)
                if self.config.map_reasoning is not None
                else reasoning
            )

        body: dict[str, Any] = {
            "model": self.model_id,
            "user": compatible.get("user"),
            "max_tokens": options.max_output_tokens,
            "temperature": options.temperature,
            "top_p": options.top_p,
            "frequency_penalty": options.frequency_penalty,
            "presence_penalty": options.presence_penalty,
            "response_format": _response_format(
                json_format, structured, compatible.get("strictJsonSchema", True)
            ),
            "stop": options.stop_sequences,
            "seed": options.seed,
        }
        if provider_options is not None:
            for key in (raw_name, camel_name):
                options_under_key = provider_options.get(key) or {}
                body.update(
                    {
                        name: value
                        for name, value in options_under_key.items()
                        if name not in CHAT_OPTION_KEYS
                    }
                )
        if reasoning_effort is not None:
            body["reasoning_effort"] = reasoning_effort
        if "textVerbosity" in compatible:
            body["verbosity"] = compatible["textVerbosity"]
        body["messages"] = convert_to_openai_compatible_chat_messages(
            options.prompt,
            provider=raw_name,
            provider_options_key=metadata_key,
            supports_multi_part_tool_content=self.config.supports_multi_part_tool_content,
        )
        body["tools"] = tools.tools
        body["tool_choice"] = tools.tool_choice
        return _Args(
            body=body, warnings=[*warnings, *tools.tool_warnings], metadata_key=metadata_key
        )

    def _transform(self, body: dict[str, Any]) -> dict[str, Any]:
        body = drop_none(body)
        if self.config.transform_request_body is not None:
            body = drop_none(self.config.transform_request_body(body))
        return js_json_value(body)

    async def do_generate(
        self, options: LanguageModelV4CallOptions
    ) -> LanguageModelV4GenerateResult:
        """One chat completion; ``request.body`` is the JSON text sent."""
        args = self._get_args(options)
        body = self._transform(args.body)
        response = await post_json_to_api(
            url=self._url(),
            headers=self._headers(options),
            body=body,
            failed_response_handler=self._failed_response_handler,
            successful_response_handler=create_json_response_handler(ChatResponse),
            http_client=self.config.http_client,
            legacy_user_agent=self.config.legacy_user_agent,
        )
        value: ChatResponse = response.value
        raw_response = response.raw_value
        if not value["choices"]:
            raise InvalidResponseDataError(
                "Response did not contain any choices.", data=raw_response
            )
        choice = value["choices"][0]
        message = choice["message"]
        metadata_key = args.metadata_key

        content: list[LanguageModelV4Content] = []
        reasoning = message.get("reasoning_content")
        if reasoning is None:
            reasoning = message.get("reasoning")
        if reasoning:
            content.append(LanguageModelV4Reasoning(text=reasoning))
        for is_reasoning, text in content_parts(message.get("content")):
            content.append(
                LanguageModelV4Reasoning(text=text)
                if is_reasoning
                else LanguageModelV4Text(text=text)
            )
        refusal = message.get("refusal")
        has_refusal = False
        if isinstance(refusal, str) and refusal:
            has_refusal = True
            content.append(LanguageModelV4Text(text=refusal))
        for tool_call in message.get("tool_calls") or ():
            signature = ((tool_call.get("extra_content") or {}).get("google") or {}).get(
                "thought_signature"
            )
            content.append(
                LanguageModelV4ToolCall(
                    tool_call_id=tool_call.get("id") or generate_id(),
                    tool_name=tool_call["function"]["name"],
                    input=tool_call["function"]["arguments"],
                    provider_metadata={metadata_key: {"thoughtSignature": signature}}
                    if signature
                    else None,
                )
            )

        provider_metadata: SharedV4ProviderMetadata = {metadata_key: {}}
        if self.config.metadata_extractor is not None:
            extracted = self.config.metadata_extractor.extract_metadata(parsed_body=raw_response)
            if inspect.isawaitable(extracted):
                extracted = await extracted
            provider_metadata.update(extracted or {})
        usage = value.get("usage")
        finish_reason = choice.get("finish_reason")
        return LanguageModelV4GenerateResult(
            content=content,
            finish_reason=LanguageModelV4FinishReason(
                unified=map_openai_compatible_finish_reason(finish_reason, has_refusal=has_refusal),
                raw=finish_reason,
            ),
            usage=self._convert_usage(usage),
            provider_metadata=prediction_token_metadata(provider_metadata, metadata_key, usage),
            request=LanguageModelV4RequestInfo(body=dumps(body)),
            response=LanguageModelV4ResponseInfo(
                **get_response_metadata(value),
                headers=response.response_headers,
                body=raw_response,
            ),
            warnings=args.warnings,
        )

    async def do_stream(self, options: LanguageModelV4CallOptions) -> LanguageModelV4StreamResult:
        """A streamed chat completion; ``request.body`` is the body sent, as a dict."""
        args = self._get_args(options)
        body = self._transform(
            {
                **args.body,
                "stream": True,
                "stream_options": {"include_usage": True} if self.config.include_usage else None,
            }
        )
        extractor = self.config.metadata_extractor
        response = await post_json_to_api(
            url=self._url(),
            headers=self._headers(options),
            body=body,
            failed_response_handler=self._failed_response_handler,
            successful_response_handler=create_event_source_response_handler(self._chunk_schema),
            http_client=self.config.http_client,
            legacy_user_agent=self.config.legacy_user_agent,
        )
        return LanguageModelV4StreamResult(
            stream=chat_stream_parts(
                response.value,
                warnings=args.warnings,
                include_raw_chunks=bool(options.include_raw_chunks),
                metadata_key=args.metadata_key,
                metadata_extractor=extractor.create_stream_extractor()
                if extractor is not None
                else None,
                convert_usage=self._convert_usage,
            ),
            request=LanguageModelV4RequestInfo(body=body),
            response=LanguageModelV4StreamResponseInfo(headers=response.response_headers),
        )


def _deprecated(setting: str, replacement: str) -> SharedV4Warning:
    return SharedV4DeprecatedWarning(setting=setting, message=f"Use '{replacement}' instead.")


def _response_format(
    json_format: LanguageModelV4ResponseFormatJson | None, structured: bool, strict: bool
) -> dict[str, Any] | None:
    if json_format is None:
        return None
    if not structured or json_format.schema is None:
        return {"type": "json_object"}
    json_schema: dict[str, Any] = {
        "schema": json_format.schema,
        "strict": strict,
        "name": json_format.name if json_format.name is not None else "response",
    }
    if json_format.description is not None:
        json_schema["description"] = json_format.description
    return {"type": "json_schema", "json_schema": json_schema}
