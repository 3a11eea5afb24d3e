"""A language model for tests (``MockLanguageModelV4``)."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Literal

from ai_sdk_core.provider import (
    LanguageModelV4CallOptions,
    LanguageModelV4GenerateResult,
    LanguageModelV4StreamResult,
    SupportedUrls,
)

from ._answers import Answer, answer

__all__ = ["MockLanguageModelV4"]


class MockLanguageModelV4:
    """A ``LanguageModelV4`` that answers with what the test gives it and records every call.

    ``do_generate`` and ``do_stream`` take a result for every call, a list of results (one per
    call, in order) or a sync or async function of the call options; a method not given raises
    ``NotImplementedError``. The options of each call are appended to ``do_generate_calls`` /
    ``do_stream_calls``. A stream result can be read once: give a list, or a function that
    builds a fresh one (``lambda options: stream_result(parts)``), for several calls.
    """

    specification_version: Literal["v4"] = "v4"

    def __init__(
        self,
        *,
        provider: str = "mock-provider",
        model_id: str = "mock-model-id",
        supported_urls: SupportedUrls
        | Callable[[], SupportedUrls | Awaitable[SupportedUrls]]
        | None = None,
        do_generate: Answer[LanguageModelV4CallOptions, LanguageModelV4GenerateResult]
        | None = None,
        do_stream: Answer[LanguageModelV4CallOptions, LanguageModelV4StreamResult] | None = None,
    ) -> None:
        self.provider = provider
        self.model_id = model_id
        self._supported_urls: (
            SupportedUrls | Callable[[], SupportedUrls | Awaitable[SupportedUrls]]
        ) = {} if supported_urls is None else supported_urls
        self._do_generate = do_generate
        self._do_stream = do_stream
        self.do_generate_calls: list[LanguageModelV4CallOptions] = []
        self.do_stream_calls: list[LanguageModelV4CallOptions] = []

    @property
    def supported_urls(self) -> SupportedUrls | Awaitable[SupportedUrls]:
        """The URL patterns given (none by default), or what the given function returns."""
        if callable(self._supported_urls):
            return self._supported_urls()
        return self._supported_urls

    async def do_generate(
        self, options: LanguageModelV4CallOptions
    ) -> LanguageModelV4GenerateResult:
        """Record the call and answer it."""
        return await answer(self, "do_generate", self._do_generate, self.do_generate_calls, options)

    async def do_stream(self, options: LanguageModelV4CallOptions) -> LanguageModelV4StreamResult:
        """Record the call and answer it."""
        return await answer(self, "do_stream", self._do_stream, self.do_stream_calls, options)
