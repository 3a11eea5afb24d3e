"""The gateway language model: the V4 call options go to the gateway as they are, the V4
result (or stream parts) come back as they are.

Port of ``gateway-language-model.ts``. The request body is the call options in their TS JSON
form (:func:`ai_sdk_core.wire.to_wire`, which writes file bytes as base64); the response is a
``LanguageModelV4GenerateResult`` in the same form, or an event stream whose every ``data:``
is one stream part. Usage, finish reasons and provider metadata are the server's.
"""

from __future__ import annotations

import re
from collections.abc import AsyncGenerator, Coroutine, Mapping
from contextlib import aclosing
from typing import Any, Literal, cast

from ai_sdk_core.provider import (
    LanguageModelV4CallOptions,
    LanguageModelV4GenerateResult,
    LanguageModelV4RequestInfo,
    LanguageModelV4StreamPart,
    LanguageModelV4StreamResponseInfo,
    LanguageModelV4StreamResult,
    SupportedUrls,
)
from ai_sdk_core.provider_utils import (
    ParseFailure,
    ParseResult,
    ResponseHandler,
    create_event_source_response_handler,
)
from ai_sdk_core.wire import from_wire, to_wire

from ._config import GatewayConfig, json_result_handler, post_to_gateway

__all__ = ["GatewayLanguageModel"]

_SUPPORTED_URLS: SupportedUrls = {"*/*": [re.compile(".*")]}


class GatewayLanguageModel:
    """A language model behind the AI Gateway (``LanguageModelV4``).

    ``model_id`` is ``"<provider>/<model>"`` (``"openai/gpt-5"``); the gateway routes it. The
    model accepts every URL in prompts as it is: the gateway (or the provider behind it)
    downloads what it needs.
    """

    specification_version: Literal["v4"] = "v4"

    __slots__ = ("_config", "model_id")

    def __init__(self, model_id: str, config: GatewayConfig) -> None:
        self.model_id = model_id
        self._config = config

    @property
    def provider(self) -> str:
        return self._config.provider

    @property
    def supported_urls(self) -> SupportedUrls:
        return _SUPPORTED_URLS

    def __repr__(self) -> str:
        return f"GatewayLanguageModel(model_id={self.model_id!r})"

    def _model_headers(self, *, streaming: bool) -> dict[str, str]:
        return {
            "ai-language-model-specification-version": "4",
            "ai-language-model-id": self.model_id,
            "ai-language-model-streaming": "true" if streaming else "false",
        }

    async def do_generate(
        self, options: LanguageModelV4CallOptions
    ) -> LanguageModelV4GenerateResult:
        """Generate through ``POST <base_url>/language-model``.

        The result is the server's, except ``request`` (the body sent, as a dict),
        ``response`` (the response headers and parsed body) and ``warnings`` (the server's).
        """
        args = cast("dict[str, Any]", to_wire(options))
        response = await post_to_gateway(
            self._config,
            path="language-model",
            model_headers=self._model_headers(streaming=False),
            call_headers=options.headers,
            body=args,
            successful_response_handler=_generate_result_handler(args),
        )
        return response.value

    async def do_stream(self, options: LanguageModelV4CallOptions) -> LanguageModelV4StreamResult:
        """Stream through ``POST <base_url>/language-model`` (an event stream of V4 parts).

        ``raw`` parts are dropped unless ``include_raw_chunks`` is set; an event that is not a
        valid part ends the stream with its parse error.
        """
        args = cast("dict[str, Any]", to_wire(options))
        response = await post_to_gateway(
            self._config,
            path="language-model",
            model_headers=self._model_headers(streaming=True),
            call_headers=options.headers,
            body=args,
            successful_response_handler=create_event_source_response_handler(
                LanguageModelV4StreamPart
            ),
        )
        events = response.value
        return LanguageModelV4StreamResult(
            stream=_ClosingParts(
                _stream_parts(events, include_raw_chunks=bool(options.include_raw_chunks)),
                events,
            ),
            request=LanguageModelV4RequestInfo(body=args),
            response=LanguageModelV4StreamResponseInfo(headers=response.response_headers),
        )


def _generate_result_handler(
    args: dict[str, Any],
) -> ResponseHandler[LanguageModelV4GenerateResult]:
    def build(body: Mapping[str, Any], headers: dict[str, str]) -> LanguageModelV4GenerateResult:
        # the server's result, with the client's request and response info
        return from_wire(
            LanguageModelV4GenerateResult,
            {
                **body,
                "request": {"body": args},
                "response": {"headers": headers, "body": body},
                "warnings": body.get("warnings") or [],
            },
        )

    return json_result_handler(build)


class _ClosingParts(AsyncGenerator[LanguageModelV4StreamPart, None]):
    """The stream parts; :meth:`aclose` also closes the events (and so the response) when the
    parts were never read (a generator that never started skips its ``finally``)."""

    __slots__ = ("_events", "_parts")

    def __init__(
        self,
        parts: AsyncGenerator[LanguageModelV4StreamPart, None],
        events: AsyncGenerator[ParseResult[LanguageModelV4StreamPart], None],
    ) -> None:
        self._parts = parts
        self._events = events

    def __aiter__(self) -> _ClosingParts:
        return self

    def __anext__(self) -> Coroutine[Any, Any, LanguageModelV4StreamPart]:
        return self._parts.__anext__()

    def asend(self, value: None) -> Coroutine[Any, Any, LanguageModelV4StreamPart]:
        return self._parts.asend(value)

    def athrow(self, *args: Any) -> Coroutine[Any, Any, LanguageModelV4StreamPart]:
        return self._parts.athrow(*args)

    async def aclose(self) -> None:
        try:
            await self._parts.aclose()
        finally:
            await self._events.aclose()


async def _stream_parts(
    events: AsyncGenerator[ParseResult[LanguageModelV4StreamPart], None],
    *,
    include_raw_chunks: bool,
) -> AsyncGenerator[LanguageModelV4StreamPart, None]:
    async with aclosing(events):
        async for event in events:
            if isinstance(event, ParseFailure):
                raise event.error
            part = event.value
            if part.type == "raw" and not include_raw_chunks:
                continue
            yield part
