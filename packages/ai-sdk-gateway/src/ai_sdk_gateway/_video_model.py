"""The gateway video model (port of ``gateway-video-model.ts``).

``do_generate`` posts to ``<base_url>/video-model`` asking for an event stream and reads its
first event: ``{"type": "result", videos, warnings?, providerMetadata?}`` or ``{"type":
"error", message, errorType, statusCode, param}`` (raised as the gateway error of that type).
``do_start`` / ``do_status`` run the same request as a long-running operation
(``/video-model/start`` and ``/video-model/status``).
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from contextlib import aclosing
from typing import TYPE_CHECKING, Any, Literal, NotRequired, TypeAlias

from typing_extensions import TypedDict

from ai_sdk_core.errors import APICallError, TypeValidationError
from ai_sdk_core.provider import (
    JSONValue,
    SharedV4ProviderMetadata,
    SharedV4RequestHeaders,
    SharedV4Warning,
    VideoModelV4CallOptions,
    VideoModelV4OperationCompleted,
    VideoModelV4OperationError,
    VideoModelV4OperationPending,
    VideoModelV4OperationStartResult,
    VideoModelV4OperationStatusResult,
    VideoModelV4ResponseInfo,
    VideoModelV4Result,
    VideoModelV4VideoData,
)
from ai_sdk_core.provider_utils import (
    ApiResponse,
    ParseFailure,
    create_event_source_response_handler,
)
from ai_sdk_core.wire import from_wire, to_wire

from ._config import GatewayConfig, decode, json_result_handler, post_to_gateway

if TYPE_CHECKING:
    import httpx

__all__ = ["GatewayVideoModel"]


class _ResultEvent(TypedDict):
    type: Literal["result"]
    videos: list[VideoModelV4VideoData]
    warnings: NotRequired[list[SharedV4Warning]]
    providerMetadata: NotRequired[SharedV4ProviderMetadata]


class _ErrorEvent(TypedDict):
    type: Literal["error"]
    message: str
    errorType: str
    statusCode: int
    param: NotRequired[Any]


_Event: TypeAlias = _ResultEvent | _ErrorEvent


class GatewayVideoModel:
    """A video model behind the AI Gateway (``VideoModelV4`` and
    ``VideoModelV4OperationsModel``)."""

    specification_version: Literal["v4"] = "v4"
    max_videos_per_call = 2**53 - 1  # Number.MAX_SAFE_INTEGER: no splitting on the client

    __slots__ = ("_config", "model_id")

    def __init__(self, model_id: str, config: GatewayConfig) -> None:
        self.model_id = model_id
        self._config = config

    @property
    def provider(self) -> str:
        return self._config.provider

    def __repr__(self) -> str:
        return f"GatewayVideoModel(model_id={self.model_id!r})"

    def _model_headers(self) -> dict[str, str]:
        return {"ai-video-model-specification-version": "4", "ai-model-id": self.model_id}

    def _response_info(self, headers: dict[str, str]) -> VideoModelV4ResponseInfo:
        return VideoModelV4ResponseInfo(
            timestamp=self._config.now(), model_id=self.model_id, headers=headers
        )

    async def do_generate(self, options: VideoModelV4CallOptions) -> VideoModelV4Result:
        """Generate ``options.n`` videos in one call (the gateway keeps the connection open
        with an event stream until they are ready)."""
        response = await post_to_gateway(
            self._config,
            path="video-model",
            model_headers=self._model_headers(),
            call_headers=options.headers,
            body=_request_body(options),
            successful_response_handler=_first_event,
            extra_headers={"accept": "text/event-stream"},
        )
        event = response.value
        return VideoModelV4Result(
            videos=event["videos"],
            warnings=event.get("warnings") or [],
            provider_metadata=event.get("providerMetadata"),
            response=self._response_info(response.response_headers),
        )

    async def do_start(self, options: VideoModelV4CallOptions) -> VideoModelV4OperationStartResult:
        """Start generating (``/video-model/start``); ``options.webhook_url`` is sent as the
        gateway's ``callbackUrl``."""
        body = _request_body(options)
        if options.webhook_url:
            body["callbackUrl"] = options.webhook_url

        def result(
            body: Mapping[str, Any], headers: dict[str, str]
        ) -> VideoModelV4OperationStartResult:
            if "operation" not in body:
                raise TypeValidationError(value=body, cause=ValueError("expected an operation"))
            return VideoModelV4OperationStartResult(
                operation=body["operation"],
                warnings=from_wire(list[SharedV4Warning], body.get("warnings") or []),
                provider_metadata=decode(SharedV4ProviderMetadata, body.get("providerMetadata")),
                response=self._response_info(headers),
            )

        response = await post_to_gateway(
            self._config,
            path="video-model/start",
            model_headers=self._model_headers(),
            call_headers=options.headers,
            body=body,
            successful_response_handler=json_result_handler(result),
        )
        return response.value

    async def do_status(
        self, operation: JSONValue, *, headers: SharedV4RequestHeaders | None = None
    ) -> VideoModelV4OperationStatusResult:
        """Poll an operation (``/video-model/status``); a cancelled operation is reported as
        an error."""

        def result(
            body: Mapping[str, Any], headers: dict[str, str]
        ) -> VideoModelV4OperationStatusResult:
            response = self._response_info(headers)
            metadata = decode(SharedV4ProviderMetadata, body.get("providerMetadata"))
            warnings = from_wire(list[SharedV4Warning], body.get("warnings") or [])
            match body.get("status"):
                case "completed":
                    return VideoModelV4OperationCompleted(
                        videos=from_wire(list[VideoModelV4VideoData], body.get("videos")),
                        warnings=warnings,
                        provider_metadata=metadata,
                        response=response,
                    )
                case "error":
                    error = body.get("error")
                    if not isinstance(error, str):
                        raise TypeValidationError(value=body, cause=ValueError("expected error"))
                    return VideoModelV4OperationError(
                        error=error, provider_metadata=metadata, response=response
                    )
                case "cancelled":
                    return VideoModelV4OperationError(
                        error="Video generation was cancelled.",
                        provider_metadata=metadata,
                        response=response,
                    )
                case "pending":
                    return VideoModelV4OperationPending(
                        warnings=warnings, provider_metadata=metadata, response=response
                    )
                case _:
                    raise TypeValidationError(value=body, cause=ValueError("unknown status"))

        response = await post_to_gateway(
            self._config,
            path="video-model/status",
            model_headers=self._model_headers(),
            call_headers=headers,
            body={"operation": operation},
            successful_response_handler=json_result_handler(result),
        )
        return response.value


def _request_body(options: VideoModelV4CallOptions) -> dict[str, Any]:
    body: dict[str, Any] = {"prompt": options.prompt, "n": options.n}
    if options.aspect_ratio:
        body["aspectRatio"] = options.aspect_ratio
    if options.resolution:
        body["resolution"] = options.resolution
    if options.duration:
        body["duration"] = options.duration
    if options.fps:
        body["fps"] = options.fps
    if options.seed is not None:
        body["seed"] = options.seed
    if options.generate_audio is not None:
        body["generateAudio"] = options.generate_audio
    body["providerOptions"] = options.provider_options
    if options.image is not None:
        body["image"] = to_wire(options.image)
    if options.frame_images is not None:
        body["frameImages"] = to_wire(options.frame_images)
    if options.input_references is not None:
        body["inputReferences"] = to_wire(options.input_references)
    return body


_EVENTS = create_event_source_response_handler(_Event)


async def _first_event(
    *, response: httpx.Response, url: str, request_body_values: object
) -> ApiResponse[_ResultEvent]:
    """The first event of the stream: a result, or an error raised as ``APICallError`` whose
    data is a gateway error body (so it maps to the gateway error of that type)."""
    stream = await _EVENTS(response=response, url=url, request_body_values=request_body_values)
    headers = stream.response_headers
    async with aclosing(stream.value) as events:
        first = await anext(events, None)
    if first is None:
        raise APICallError(
            "SSE stream ended without a data event",
            url=url,
            request_body_values=request_body_values,
            status_code=response.status_code,
        )
    if isinstance(first, ParseFailure):
        raise APICallError(
            "Failed to parse video SSE event",
            cause=first.error,
            url=url,
            request_body_values=request_body_values,
            status_code=response.status_code,
        )
    event = first.value
    if event["type"] == "error":
        error: dict[str, Any] = {"message": event["message"], "type": event["errorType"]}
        if "param" in event:
            error["param"] = event["param"]
        raise APICallError(
            event["message"],
            status_code=event["statusCode"],
            url=url,
            request_body_values=request_body_values,
            response_headers=headers,
            response_body=json.dumps(event, separators=(",", ":"), ensure_ascii=False),
            data={"error": error},
        )
    return ApiResponse(value=event, response_headers=headers)
