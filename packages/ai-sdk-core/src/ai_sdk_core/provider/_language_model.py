"""The language model protocol (``LanguageModelV4``)."""

from __future__ import annotations

import re
from collections.abc import Awaitable, Mapping, Sequence
from typing import Protocol, runtime_checkable

from typing_extensions import TypeAliasType

from ._language_model_call import LanguageModelV4CallOptions
from ._language_model_result import LanguageModelV4GenerateResult, LanguageModelV4StreamResult
from ._model import ModelV4

__all__ = ["LanguageModelV4", "SupportedUrls"]

SupportedUrls = TypeAliasType("SupportedUrls", Mapping[str, Sequence[re.Pattern[str]]])
"""URL patterns per media type pattern (``{"image/*": [re.compile(r"^https://")]}``) that the
model fetches itself; other URLs in the prompt are downloaded by the SDK."""


@runtime_checkable
class LanguageModelV4(ModelV4, Protocol):
    """A language model, version 4 of the specification.

    Implement it by providing the attributes and the two ``do_*`` methods; subclassing is not
    required. ``do_stream`` returns once the response has started; the parts follow in
    ``result.stream``.
    """

    @property
    def supported_urls(self) -> SupportedUrls | Awaitable[SupportedUrls]:
        """URLs the model accepts as they are, per media type pattern."""
        ...

    async def do_generate(
        self, options: LanguageModelV4CallOptions
    ) -> LanguageModelV4GenerateResult:
        """Generate a complete response."""
        ...

    async def do_stream(self, options: LanguageModelV4CallOptions) -> LanguageModelV4StreamResult:
        """Start a streamed response."""
        ...
