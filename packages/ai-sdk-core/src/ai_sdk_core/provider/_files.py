"""Uploads to providers (``FilesV4``, ``SkillsV4``): store once, refer by provider reference."""

from __future__ import annotations

from typing import Annotated, Literal, Protocol, runtime_checkable

from ._codec_hints import Tagged, spec_type
from ._shared import (
    SharedV4FileDataData,
    SharedV4FileDataText,
    SharedV4ProviderMetadata,
    SharedV4ProviderOptions,
    SharedV4ProviderReference,
    SharedV4Warning,
)

__all__ = [
    "FilesV4",
    "FilesV4UploadFileCallOptions",
    "FilesV4UploadFileResult",
    "SkillsV4",
    "SkillsV4File",
    "SkillsV4UploadSkillCallOptions",
    "SkillsV4UploadSkillResult",
]


@spec_type
class FilesV4UploadFileCallOptions:
    """A file to upload: inline data or text, its media type and an optional name."""

    data: Annotated[SharedV4FileDataData | SharedV4FileDataText, Tagged("type")]
    media_type: str
    filename: str | None = None
    provider_options: SharedV4ProviderOptions | None = None


@spec_type
class FilesV4UploadFileResult:
    """The uploaded file's reference, for use in later prompts."""

    provider_reference: SharedV4ProviderReference
    warnings: list[SharedV4Warning]
    media_type: str | None = None
    filename: str | None = None
    provider_metadata: SharedV4ProviderMetadata | None = None


@runtime_checkable
class FilesV4(Protocol):
    """A provider's file store."""

    @property
    def specification_version(self) -> Literal["v4"]:
        """Always ``"v4"``."""
        ...

    @property
    def provider(self) -> str:
        """Provider id."""
        ...

    async def upload_file(self, options: FilesV4UploadFileCallOptions) -> FilesV4UploadFileResult:
        """Upload a file."""
        ...


@spec_type
class SkillsV4File:
    """One file of a skill, at ``path`` inside it."""

    path: str
    data: Annotated[SharedV4FileDataData | SharedV4FileDataText, Tagged("type")]


@spec_type
class SkillsV4UploadSkillCallOptions:
    """A skill to upload: its files and an optional display title."""

    files: list[SkillsV4File]
    display_title: str | None = None
    provider_options: SharedV4ProviderOptions | None = None


@spec_type
class SkillsV4UploadSkillResult:
    """The uploaded skill's reference and what the provider reports about it."""

    provider_reference: SharedV4ProviderReference
    warnings: list[SharedV4Warning]
    display_title: str | None = None
    name: str | None = None
    description: str | None = None
    latest_version: str | None = None
    provider_metadata: SharedV4ProviderMetadata | None = None


@runtime_checkable
class SkillsV4(Protocol):
    """A provider's skill store."""

    @property
    def specification_version(self) -> Literal["v4"]:
        """Always ``"v4"``."""
        ...

    @property
    def provider(self) -> str:
        """Provider id."""
        ...

    async def upload_skill(
        self, options: SkillsV4UploadSkillCallOptions
    ) -> SkillsV4UploadSkillResult:
        """Upload a skill."""
        ...
