"""The OpenAI-compatible completion model: ``POST {url}/completions`` with a text prompt.

Port of ``completion/openai-compatible-completion-language-model.ts``.
"""

from __future__ import annotations

from collections.abc import AsyncGenerator, Callable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Literal, NotRequired

from typing_extensions import TypedDict

from ai_sdk_core.provider import (
    LanguageModelV4CallOptions,
    LanguageModelV4Content,
    LanguageModelV4Finish,
    LanguageModelV4FinishReason,
    LanguageModelV4GenerateResult,
    LanguageModelV4RawChunk,
    LanguageModelV4RequestInfo,
    LanguageModelV4ResponseInfo,
    LanguageModelV4ResponseMetadataPart,
    LanguageModelV4StreamError,
    LanguageModelV4StreamPart,
    LanguageModelV4StreamResponseInfo,
    LanguageModelV4StreamResult,
    LanguageModelV4StreamStart,
    LanguageModelV4Text,
    LanguageModelV4TextDelta,
    LanguageModelV4TextEnd,
    LanguageModelV4TextStart,
    SharedV4UnsupportedWarning,
    SharedV4Warning,
    SupportedUrls,
)
from ai_sdk_core.provider_utils import (
    ParseFailure,
    ParseResult,
    combine_headers,
    create_event_source_response_handler,
    create_json_error_response_handler,
    create_json_response_handler,
    create_language_model_response_metadata,
    parse_provider_options,
    post_json_to_api,
)

from ._chat_api import chat_chunk_schema
from ._chat_stream import error_of_chunk
from ._completion_options import OpenAICompatibleLanguageModelCompletionOptions
from ._completion_prompt import convert_to_openai_compatible_completion_prompt
from ._errors import DEFAULT_ERROR_STRUCTURE, ProviderErrorStructure
from ._finish_reason import map_openai_compatible_finish_reason
from ._json import drop_none, js_json_value
from ._provider_options import (
    provider_options_name,
    to_camel_case,
    warn_if_deprecated_provider_options_key,
)
from ._url import UrlBuilder
from ._usage import convert_openai_compatible_completion_usage

if TYPE_CHECKING:
    import httpx

__all__ = ["OpenAICompatibleCompletionConfig", "OpenAICompatibleCompletionLanguageModel"]


class _CompletionUsage(TypedDict):
    prompt_tokens: int
    completion_tokens: int
    total_tokens: int


setattr(_CompletionUsage, "__pydantic_config__", {"extra": "allow"})  # noqa: B010 - loose, as raw usage


class _CompletionChoice(TypedDict):
    text: str
    finish_reason: str


class _CompletionResponse(TypedDict):
    id: NotRequired[str | None]
    created: NotRequired[float | None]
    model: NotRequired[str | None]
    choices: list[_CompletionChoice]
    usage: NotRequired[_CompletionUsage | None]


class _CompletionChunkChoice(TypedDict):
    text: str
    finish_reason: NotRequired[str | None]
    index: int


class _CompletionChunk(TypedDict):
    id: NotRequired[str | None]
    created: NotRequired[float | None]
    model: NotRequired[str | None]
    choices: list[_CompletionChunkChoice]
    usage: NotRequired[_CompletionUsage | None]


@dataclass(slots=True, kw_only=True)
class OpenAICompatibleCompletionConfig:
    """How a completion model reaches its API; ``provider`` is ``"<name>.completion"``.

    ``legacy_user_agent``: as in :class:`OpenAICompatibleChatConfig`.
    """

    provider: str
    url: UrlBuilder
    headers: Callable[[], Mapping[str, str | None]] | None = None
    http_client: httpx.AsyncClient | None = None
    include_usage: bool = False
    error_structure: ProviderErrorStructure[Any] | None = None
    supported_urls: Callable[[], SupportedUrls] | None = None
    legacy_user_agent: bool = False


class OpenAICompatibleCompletionLanguageModel:
    """A text-completion model of any OpenAI-compatible API (``LanguageModelV4``)."""

    specification_version: Literal["v4"] = "v4"

    def __init__(self, model_id: str, config: OpenAICompatibleCompletionConfig) -> None:
        self.model_id = model_id
        self.config = config
        error_structure = config.error_structure or DEFAULT_ERROR_STRUCTURE
        self._chunk_schema = chat_chunk_schema(_CompletionChunk, error_structure.error_schema)
        self._failed_response_handler = create_json_error_response_handler(
            error_schema=error_structure.error_schema,
            error_to_message=error_structure.error_to_message,
            is_retryable=error_structure.is_retryable,
        )
        self._options_name = provider_options_name(config.provider)

    @property
    def provider(self) -> str:
        """The provider id, ``"<name>.completion"``."""
        return self.config.provider

    @property
    def supported_urls(self) -> SupportedUrls:
        """URL patterns the API fetches itself (none by default)."""
        return self.config.supported_urls() if self.config.supported_urls is not None else {}

    def __repr__(self) -> str:
        return f"OpenAICompatibleCompletionLanguageModel(provider={self.provider!r}, model_id={self.model_id!r})"

    def _get_args(
        self, options: LanguageModelV4CallOptions
    ) -> tuple[dict[str, Any], list[SharedV4Warning]]:
        warnings: list[SharedV4Warning] = []
        provider_options = options.provider_options
        raw_name = self._options_name
        camel_name = to_camel_case(raw_name)
        warn_if_deprecated_provider_options_key(
            raw_name=raw_name, provider_options=provider_options, warnings=warnings
        )
        completion: OpenAICompatibleLanguageModelCompletionOptions = {}
        for key in (raw_name, camel_name):
            parsed = parse_provider_options(
                provider=key,
                provider_options=provider_options,
                schema=OpenAICompatibleLanguageModelCompletionOptions,
            )
            if parsed is not None:
                completion.update(parsed)

        if options.top_k is not None:
            warnings.append(SharedV4UnsupportedWarning(feature="topK"))
        if options.tools:
            warnings.append(SharedV4UnsupportedWarning(feature="tools"))
        if options.tool_choice is not None:
            warnings.append(SharedV4UnsupportedWarning(feature="toolChoice"))
        if options.response_format is not None and options.response_format.type != "text":
            warnings.append(
                SharedV4UnsupportedWarning(
                    feature="responseFormat", details="JSON response format is not supported."
                )
            )

        prompt = convert_to_openai_compatible_completion_prompt(options.prompt)
        stop = [*prompt.stop_sequences, *(options.stop_sequences or ())]
        body: dict[str, Any] = {
            "model": self.model_id,
            "echo": completion.get("echo"),
            "logit_bias": completion.get("logitBias"),
            "suffix": completion.get("suffix"),
            "user": completion.get("user"),
            "max_tokens": options.max_output_tokens,
            "temperature": options.temperature,
            "top_p": options.top_p,
            "frequency_penalty": options.frequency_penalty,
            "presence_penalty": options.presence_penalty,
            "seed": options.seed,
        }
        if provider_options is not None:  # every option key is passed through, as in TS
            for key in (raw_name, camel_name):
                body.update(provider_options.get(key) or {})
        body["prompt"] = prompt.prompt
        body["stop"] = stop or None
        return body, warnings

    def _headers(self, options: LanguageModelV4CallOptions) -> dict[str, str | None]:
        return combine_headers(
            self.config.headers() if self.config.headers is not None else None, options.headers
        )

    async def do_generate(
        self, options: LanguageModelV4CallOptions
    ) -> LanguageModelV4GenerateResult:
        """One completion; ``request.body`` is the body sent, as a dict."""
        args, warnings = self._get_args(options)
        body = js_json_value(drop_none(args))
        response = await post_json_to_api(
            url=self.config.url(model_id=self.model_id, path="/completions"),
            headers=self._headers(options),
            body=body,
            failed_response_handler=self._failed_response_handler,
            successful_response_handler=create_json_response_handler(_CompletionResponse),
            http_client=self.config.http_client,
            legacy_user_agent=self.config.legacy_user_agent,
        )
        value: _CompletionResponse = response.value
        choice = value["choices"][0]
        content: list[LanguageModelV4Content] = []
        if choice["text"]:
            content.append(LanguageModelV4Text(text=choice["text"]))
        return LanguageModelV4GenerateResult(
            content=content,
            usage=convert_openai_compatible_completion_usage(value.get("usage")),
            finish_reason=LanguageModelV4FinishReason(
                unified=map_openai_compatible_finish_reason(choice["finish_reason"]),
                raw=choice["finish_reason"],
            ),
            request=LanguageModelV4RequestInfo(body=body),
            response=LanguageModelV4ResponseInfo(
                **create_language_model_response_metadata(
                    id=value.get("id"), model=value.get("model"), created=value.get("created")
                ),
                headers=response.response_headers,
                body=response.raw_value,
            ),
            warnings=warnings,
        )

    async def do_stream(self, options: LanguageModelV4CallOptions) -> LanguageModelV4StreamResult:
        """A streamed completion; the text block's id is ``"0"``."""
        args, warnings = self._get_args(options)
        body = js_json_value(
            drop_none(
                {
                    **args,
                    "stream": True,
                    "stream_options": {"include_usage": True}
                    if self.config.include_usage
                    else None,
                }
            )
        )
        response = await post_json_to_api(
            url=self.config.url(model_id=self.model_id, path="/completions"),
            headers=self._headers(options),
            body=body,
            failed_response_handler=self._failed_response_handler,
            successful_response_handler=create_event_source_response_handler(self._chunk_schema),
            http_client=self.config.http_client,
            legacy_user_agent=self.config.legacy_user_agent,
        )
        return LanguageModelV4StreamResult(
            stream=_completion_stream_parts(
                response.value,
                warnings=warnings,
                include_raw_chunks=bool(options.include_raw_chunks),
            ),
            request=LanguageModelV4RequestInfo(body=body),
            response=LanguageModelV4StreamResponseInfo(headers=response.response_headers),
        )


async def _completion_stream_parts(
    chunks: AsyncGenerator[ParseResult[Any], None],
    *,
    warnings: list[SharedV4Warning],
    include_raw_chunks: bool,
) -> AsyncGenerator[LanguageModelV4StreamPart, None]:
    finish_reason = LanguageModelV4FinishReason(unified="other")
    usage: Mapping[str, Any] | None = None
    first_chunk = True
    try:
        yield LanguageModelV4StreamStart(warnings=warnings)
        async for chunk in chunks:
            if include_raw_chunks:
                yield LanguageModelV4RawChunk(raw_value=chunk.raw_value)
            if isinstance(chunk, ParseFailure):
                finish_reason = LanguageModelV4FinishReason(unified="error")
                yield LanguageModelV4StreamError(error=chunk.error)
                continue
            is_error, error = error_of_chunk(chunk.value)
            if is_error:
                finish_reason = LanguageModelV4FinishReason(unified="error")
                yield LanguageModelV4StreamError(error=error)
                continue
            value: _CompletionChunk = chunk.value
            if first_chunk:
                first_chunk = False
                yield LanguageModelV4ResponseMetadataPart(
                    **create_language_model_response_metadata(
                        id=value.get("id"), model=value.get("model"), created=value.get("created")
                    )
                )
                yield LanguageModelV4TextStart(id="0")
            chunk_usage = value.get("usage")
            if chunk_usage is not None:
                usage = chunk_usage
            choices = value["choices"]
            if not choices:
                continue
            choice = choices[0]
            raw_finish_reason = choice.get("finish_reason")
            if raw_finish_reason is not None:
                finish_reason = LanguageModelV4FinishReason(
                    unified=map_openai_compatible_finish_reason(raw_finish_reason),
                    raw=raw_finish_reason,
                )
            yield LanguageModelV4TextDelta(id="0", delta=choice["text"])
        if not first_chunk:
            yield LanguageModelV4TextEnd(id="0")
        yield LanguageModelV4Finish(
            finish_reason=finish_reason, usage=convert_openai_compatible_completion_usage(usage)
        )
    finally:
        await chunks.aclose()
