"""Errors raised by the core functions (`ai` package errors in TS)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Literal

from .provider._errors import AISDKError, ModelType, NoSuchModelError, get_error_message

__all__ = [
    "DownloadError",
    "InvalidDataContentError",
    "InvalidMessageRoleError",
    "InvalidStreamPartError",
    "InvalidToolApprovalError",
    "InvalidToolApprovalSignatureError",
    "InvalidToolInputError",
    "MessageConversionError",
    "MissingToolResultsError",
    "NoImageGeneratedError",
    "NoObjectGeneratedError",
    "NoOutputGeneratedError",
    "NoSpeechGeneratedError",
    "NoSuchProviderError",
    "NoSuchToolError",
    "NoTranscriptGeneratedError",
    "NoTranslationGeneratedError",
    "NoVideoGeneratedError",
    "RetryError",
    "RetryErrorReason",
    "ToolCallNotFoundForApprovalError",
    "ToolCallRepairError",
    "UIMessageStreamError",
    "UnsupportedModelVersionError",
]


class InvalidStreamPartError(AISDKError):
    """A stream part that cannot be processed (e.g. a delta for an unknown block)."""

    error_name = "AI_InvalidStreamPartError"
    wire_fields = ("chunk",)

    def __init__(self, message: str, *, chunk: object) -> None:
        super().__init__(message)
        self.chunk = chunk


class InvalidToolApprovalError(AISDKError):
    """A tool approval response names an approval id that no request in the history has."""

    error_name = "AI_InvalidToolApprovalError"
    wire_fields = ("approval_id",)

    def __init__(self, *, approval_id: str) -> None:
        super().__init__(
            f'Tool approval response references unknown approvalId: "{approval_id}". '
            "No matching tool-approval-request found in message history."
        )
        self.approval_id = approval_id


class InvalidToolApprovalSignatureError(AISDKError):
    """The signature of a tool approval request does not verify."""

    error_name = "AI_InvalidToolApprovalSignatureError"
    wire_fields = ("approval_id", "tool_call_id")

    def __init__(self, *, approval_id: str, tool_call_id: str, reason: str) -> None:
        super().__init__(
            f'Tool approval signature verification failed for approval "{approval_id}" '
            f'(tool call "{tool_call_id}"): {reason}'
        )
        self.approval_id = approval_id
        self.tool_call_id = tool_call_id


class InvalidToolInputError(AISDKError):
    """The model called a tool with input that does not match the tool's schema."""

    error_name = "AI_InvalidToolInputError"
    wire_fields = ("tool_name", "tool_input")

    def __init__(
        self, *, tool_name: str, tool_input: str, cause: object, message: str | None = None
    ) -> None:
        super().__init__(
            message or f"Invalid input for tool {tool_name}: {get_error_message(cause)}",
            cause=cause,
        )
        self.tool_name = tool_name
        self.tool_input = tool_input


class ToolCallNotFoundForApprovalError(AISDKError):
    """An approval request refers to a tool call that is not in the history."""

    error_name = "AI_ToolCallNotFoundForApprovalError"
    wire_fields = ("tool_call_id", "approval_id")

    def __init__(self, *, tool_call_id: str, approval_id: str) -> None:
        super().__init__(
            f'Tool call "{tool_call_id}" not found for approval request "{approval_id}".'
        )
        self.tool_call_id = tool_call_id
        self.approval_id = approval_id


class MissingToolResultsError(AISDKError):
    """Tool calls in the history have no results."""

    error_name = "AI_MissingToolResultsError"
    wire_fields = ("tool_call_ids",)

    def __init__(self, *, tool_call_ids: Sequence[str]) -> None:
        plural = len(tool_call_ids) > 1
        super().__init__(
            f"Tool result{'s are' if plural else ' is'} missing for "
            f"tool call{'s' if plural else ''} {', '.join(tool_call_ids)}."
        )
        self.tool_call_ids = list(tool_call_ids)


class NoImageGeneratedError(AISDKError):
    """The image model returned no image."""

    error_name = "AI_NoImageGeneratedError"
    wire_fields = ("responses",)

    def __init__(
        self,
        message: str = "No image generated.",
        *,
        cause: object = None,
        responses: Sequence[object] | None = None,
    ) -> None:
        super().__init__(message, cause=cause)
        self.responses = list(responses) if responses is not None else None


class NoObjectGeneratedError(AISDKError):
    """Structured output could not be produced: no text, unparsable JSON, or a schema mismatch.

    Keeps the generated ``text``, the ``response`` metadata, ``usage`` and ``finish_reason``.
    """

    error_name = "AI_NoObjectGeneratedError"
    wire_fields = ("text", "response", "usage", "finish_reason")

    def __init__(
        self,
        message: str = "No object generated.",
        *,
        cause: object = None,
        text: str | None = None,
        response: object = None,
        usage: object = None,
        finish_reason: str | None = None,
    ) -> None:
        super().__init__(message, cause=cause)
        self.text = text
        self.response = response
        self.usage = usage
        self.finish_reason = finish_reason


class NoOutputGeneratedError(AISDKError):
    """No output is available, e.g. the last step did not finish with ``stop``."""

    error_name = "AI_NoOutputGeneratedError"

    def __init__(self, message: str = "No output generated.", *, cause: object = None) -> None:
        super().__init__(message, cause=cause)


class NoSpeechGeneratedError(AISDKError):
    """The speech model returned no audio."""

    error_name = "AI_NoSpeechGeneratedError"
    wire_fields = ("responses",)

    def __init__(self, *, responses: Sequence[object]) -> None:
        super().__init__("No speech audio generated.")
        self.responses = list(responses)


class NoTranscriptGeneratedError(AISDKError):
    """The transcription model returned no transcript."""

    error_name = "AI_NoTranscriptGeneratedError"
    wire_fields = ("responses",)

    def __init__(self, *, responses: Sequence[object]) -> None:
        super().__init__("No transcript generated.")
        self.responses = list(responses)


class NoTranslationGeneratedError(AISDKError):
    """The speech translation model returned no translation."""

    error_name = "AI_NoTranslationGeneratedError"
    wire_fields = ("response",)

    def __init__(self, *, response: object) -> None:
        super().__init__("No translation generated.")
        self.response = response


class NoVideoGeneratedError(AISDKError):
    """The video model returned no video."""

    error_name = "AI_NoVideoGeneratedError"
    wire_fields = ("responses",)

    def __init__(
        self,
        message: str = "No video generated.",
        *,
        cause: object = None,
        responses: Sequence[object] = (),
    ) -> None:
        super().__init__(message, cause=cause)
        self.responses = list(responses)


class NoSuchToolError(AISDKError):
    """The model called a tool that is not in the tool set."""

    error_name = "AI_NoSuchToolError"
    wire_fields = ("tool_name", "available_tools")

    def __init__(
        self,
        *,
        tool_name: str,
        available_tools: Sequence[str] | None = None,
        message: str | None = None,
    ) -> None:
        available = (
            "No tools are available."
            if available_tools is None
            else f"Available tools: {', '.join(available_tools)}."
        )
        super().__init__(
            message or f"Model tried to call unavailable tool '{tool_name}'. {available}"
        )
        self.tool_name = tool_name
        self.available_tools = list(available_tools) if available_tools is not None else None


class ToolCallRepairError(AISDKError):
    """The tool-call repair function itself failed."""

    error_name = "AI_ToolCallRepairError"
    wire_fields = ("original_error",)

    def __init__(
        self,
        *,
        cause: object,
        original_error: NoSuchToolError | InvalidToolInputError,
        message: str | None = None,
    ) -> None:
        super().__init__(
            message or f"Error repairing tool call: {get_error_message(cause)}", cause=cause
        )
        self.original_error = original_error


class UnsupportedModelVersionError(AISDKError):
    """A model implements a specification version this SDK cannot use."""

    error_name = "AI_UnsupportedModelVersionError"
    wire_fields = ("version", "provider", "model_id")

    def __init__(self, *, version: str, provider: str, model_id: str) -> None:
        super().__init__(
            f'Unsupported model version {version} for provider "{provider}" and model '
            f'"{model_id}". The AI SDK for Python supports models that implement '
            'specification version "v4".'
        )
        self.version = version
        self.provider = provider
        self.model_id = model_id


class UIMessageStreamError(AISDKError):
    """A UI message stream chunk is out of order or refers to an unknown part."""

    error_name = "AI_UIMessageStreamError"
    wire_fields = ("chunk_type", "chunk_id")

    def __init__(self, message: str, *, chunk_type: str, chunk_id: str) -> None:
        super().__init__(message)
        self.chunk_type = chunk_type
        self.chunk_id = chunk_id


class InvalidDataContentError(AISDKError):
    """File or image content is neither bytes nor a base64 string."""

    error_name = "AI_InvalidDataContentError"
    wire_fields = ("content",)

    def __init__(
        self, *, content: object, cause: object = None, message: str | None = None
    ) -> None:
        super().__init__(
            message
            or "Invalid data content. Expected a base64 string, bytes, bytearray or memoryview, "
            f"but got {type(content).__name__}.",
            cause=cause,
        )
        self.content = content


class InvalidMessageRoleError(AISDKError):
    """A message has a role other than system, user, assistant or tool."""

    error_name = "AI_InvalidMessageRoleError"
    wire_fields = ("role",)

    def __init__(self, *, role: str, message: str | None = None) -> None:
        super().__init__(
            message
            or f"Invalid message role: '{role}'. "
            'Must be one of: "system", "user", "assistant", "tool".'
        )
        self.role = role


class MessageConversionError(AISDKError):
    """A UI message cannot be converted to model messages."""

    error_name = "AI_MessageConversionError"
    wire_fields = ("original_message",)

    def __init__(self, message: str, *, original_message: object) -> None:
        super().__init__(message)
        self.original_message = original_message


class DownloadError(AISDKError):
    """Downloading a URL referenced by the prompt failed."""

    error_name = "AI_DownloadError"
    wire_fields = ("url", "status_code", "status_text")

    def __init__(
        self,
        *,
        url: str,
        status_code: int | None = None,
        status_text: str | None = None,
        cause: object = None,
        message: str | None = None,
    ) -> None:
        if message is None:
            message = (
                f"Failed to download {url}: {status_code} {status_text}"
                if cause is None
                else f"Failed to download {url}: {cause}"
            )
        super().__init__(message, cause=cause)
        self.url = url
        self.status_code = status_code
        self.status_text = status_text


RetryErrorReason = Literal["maxRetriesExceeded", "errorNotRetryable", "abort"]


class RetryError(AISDKError):
    """Retrying a call failed; ``errors`` holds every attempt's error, last one last."""

    error_name = "AI_RetryError"
    wire_fields = ("reason", "last_error", "errors")

    def __init__(
        self, message: str, *, reason: RetryErrorReason, errors: Sequence[BaseException]
    ) -> None:
        super().__init__(message)
        self.reason: RetryErrorReason = reason
        self.errors = list(errors)
        if self.errors:  # chain the last attempt into tracebacks
            self.__cause__ = self.errors[-1]

    @property
    def last_error(self) -> BaseException | None:
        """The error of the final attempt."""
        return self.errors[-1] if self.errors else None


class NoSuchProviderError(NoSuchModelError):
    """A registry has no provider with the requested id."""

    error_name = "AI_NoSuchProviderError"
    wire_fields = ("model_id", "model_type", "provider_id", "available_providers")

    def __init__(
        self,
        *,
        model_id: str,
        model_type: ModelType,
        provider_id: str,
        available_providers: Sequence[str],
        message: str | None = None,
    ) -> None:
        super().__init__(
            model_id=model_id,
            model_type=model_type,
            message=message
            or f"No such provider: {provider_id} "
            f"(available providers: {','.join(available_providers)})",
            name=self.error_name,
        )
        self.provider_id = provider_id
        self.available_providers = list(available_providers)
