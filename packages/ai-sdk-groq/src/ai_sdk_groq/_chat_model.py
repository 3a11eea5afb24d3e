"""The Groq chat model: call options → ``POST {base_url}/chat/completions`` → result.

Port of ``groq-chat-language-model.ts``; the stream transform lives in :mod:`._chat_stream`.
"""

from __future__ import annotations

import re
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
    SharedV4UnsupportedWarning,
    SharedV4Warning,
    SupportedUrls,
)
from ai_sdk_core.provider_utils import (
    combine_headers,
    create_event_source_response_handler,
    create_json_response_handler,
    generate_id,
    is_custom_reasoning,
    parse_provider_options,
    post_json_to_api,
)

from ._chat_api import GroqChatChunkOrError, GroqChatResponse
from ._chat_stream import groq_chat_stream_parts, response_metadata
from ._errors import groq_failed_response_handler
from ._finish_reason import map_groq_finish_reason
from ._json import drop_none, dumps, js_json_value
from ._messages import convert_to_groq_chat_messages
from ._reasoning import groq_reasoning_effort
from ._tools import prepare_tools
from ._usage import convert_groq_usage
from .options import GroqLanguageModelChatOptions

if TYPE_CHECKING:
    import httpx

__all__ = ["GroqChatConfig", "GroqChatLanguageModel"]

_SUPPORTED_URLS: SupportedUrls = {"image/*": [re.compile(r"^https?://.*$")]}


@dataclass(slots=True, kw_only=True)
class GroqChatConfig:
    """How a Groq model reaches the API.

    ``url(model_id=…, path=…)`` builds request URLs; ``headers()`` is called for every request
    (it reads the API key then, so a missing key fails the call, not the model's creation).
    """

    provider: str
    url: Callable[..., str]
    headers: Callable[[], Mapping[str, str | None]]
    http_client: httpx.AsyncClient | None = None


@dataclass(slots=True)
class _Args:
    body: dict[str, Any]
    warnings: list[SharedV4Warning]


class GroqChatLanguageModel:
    """A Groq chat model (``LanguageModelV4``), provider id ``"groq.chat"``."""

    specification_version: Literal["v4"] = "v4"

    __slots__ = ("config", "model_id")

    def __init__(self, model_id: str, config: GroqChatConfig) -> None:
        self.model_id = model_id
        self.config = config

    @property
    def provider(self) -> str:
        """The provider id, ``"groq.chat"``."""
        return self.config.provider

    @property
    def supported_urls(self) -> SupportedUrls:
        """Image URLs (``http``/``https``) are passed to Groq; other URLs are downloaded."""
        return _SUPPORTED_URLS

    def __repr__(self) -> str:
        return f"GroqChatLanguageModel(model_id={self.model_id!r})"

    def _url(self) -> str:
        return self.config.url(model_id=self.model_id, path="/chat/completions")

    def _headers(self, options: LanguageModelV4CallOptions) -> dict[str, str | None]:
        return combine_headers(self.config.headers(), options.headers)

    def _get_args(self, options: LanguageModelV4CallOptions) -> _Args:
        warnings: list[SharedV4Warning] = []
        groq_options: GroqLanguageModelChatOptions = (
            parse_provider_options(
                provider="groq",
                provider_options=options.provider_options,
                schema=GroqLanguageModelChatOptions,
            )
            or {}
        )
        structured_outputs = groq_options.get("structured_outputs", True)
        strict_json_schema = groq_options.get("strict_json_schema", True)

        if options.top_k is not None:
            warnings.append(SharedV4UnsupportedWarning(feature="topK"))

        response_format = options.response_format
        json_format = (
            response_format
            if isinstance(response_format, LanguageModelV4ResponseFormatJson)
            else None
        )
        if json_format is not None and json_format.schema is not None and not structured_outputs:
            warnings.append(
                SharedV4UnsupportedWarning(
                    feature="responseFormat",
                    details="JSON response format schema is only supported with structuredOutputs",
                )
            )

        tools = prepare_tools(
            tools=options.tools, tool_choice=options.tool_choice, model_id=self.model_id
        )

        reasoning_effort: str | None = groq_options.get("reasoning_effort")
        if reasoning_effort is None and is_custom_reasoning(options.reasoning):
            reasoning_effort = groq_reasoning_effort(
                options.reasoning, model_id=self.model_id, warnings=warnings
            )

        body: dict[str, Any] = {
            "model": self.model_id,
            "user": groq_options.get("user"),
            "parallel_tool_calls": groq_options.get("parallel_tool_calls"),
            "max_tokens": options.max_output_tokens,
            "temperature": options.temperature,
            "top_p": options.top_p,
            "frequency_penalty": options.frequency_penalty,
            "presence_penalty": options.presence_penalty,
            "stop": options.stop_sequences,
            "seed": options.seed,
            "response_format": _response_format(
                json_format, structured_outputs, strict_json_schema
            ),
            "reasoning_format": groq_options.get("reasoning_format"),
            "reasoning_effort": reasoning_effort,
            "service_tier": groq_options.get("service_tier"),
            "messages": convert_to_groq_chat_messages(options.prompt),
            "tools": tools.tools,
            "tool_choice": tools.tool_choice,
        }
        return _Args(body=body, warnings=[*warnings, *tools.tool_warnings])

    async def do_generate(
        self, options: LanguageModelV4CallOptions
    ) -> LanguageModelV4GenerateResult:
        """One chat completion; ``request.body`` is the JSON text sent."""
        args = self._get_args(options)
        body = js_json_value(drop_none(args.body))
        response = await post_json_to_api(
            url=self._url(),
            headers=self._headers(options),
            body=body,
            failed_response_handler=groq_failed_response_handler,
            successful_response_handler=create_json_response_handler(GroqChatResponse),
            http_client=self.config.http_client,
        )
        value: GroqChatResponse = response.value
        raw_response = response.raw_value
        if not value["choices"]:
            raise InvalidResponseDataError(
                "Response did not contain any choices.", data=raw_response
            )
        choice = value["choices"][0]
        message = choice["message"]

        content: list[LanguageModelV4Content] = []
        reasoning = message.get("reasoning")
        if reasoning:
            content.append(LanguageModelV4Reasoning(text=reasoning))
        text = message.get("content")
        if text:
            content.append(LanguageModelV4Text(text=text))
        content.extend(
            LanguageModelV4ToolCall(
                tool_call_id=tool_call.get("id") or generate_id(),
                tool_name=tool_call["function"]["name"],
                input=tool_call["function"]["arguments"],
            )
            for tool_call in message.get("tool_calls") or ()
        )

        finish_reason = choice.get("finish_reason")
        return LanguageModelV4GenerateResult(
            content=content,
            finish_reason=LanguageModelV4FinishReason(
                unified=map_groq_finish_reason(finish_reason), raw=finish_reason
            ),
            usage=convert_groq_usage(value.get("usage")),
            request=LanguageModelV4RequestInfo(body=dumps(body)),
            response=LanguageModelV4ResponseInfo(
                **response_metadata(
                    id=value.get("id"), model=value.get("model"), created=value.get("created")
                ),
                headers=response.response_headers,
                body=raw_response,
            ),
            warnings=args.warnings,
        )

    async def do_stream(self, options: LanguageModelV4CallOptions) -> LanguageModelV4StreamResult:
        """A streamed chat completion; ``request.body`` is the JSON text sent."""
        args = self._get_args(options)
        body = js_json_value(drop_none({**args.body, "stream": True}))
        response = await post_json_to_api(
            url=self._url(),
            headers=self._headers(options),
            body=body,
            failed_response_handler=groq_failed_response_handler,
            successful_response_handler=create_event_source_response_handler(GroqChatChunkOrError),
            http_client=self.config.http_client,
        )
        return LanguageModelV4StreamResult(
            stream=groq_chat_stream_parts(
                response.value,
                warnings=args.warnings,
                include_raw_chunks=bool(options.include_raw_chunks),
            ),
            request=LanguageModelV4RequestInfo(body=dumps(body)),
            response=LanguageModelV4StreamResponseInfo(headers=response.response_headers),
        )


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
