"""Types shared by every model kind: headers, provider options and metadata, warnings, file data."""

from __future__ import annotations

from typing import Annotated, Literal

from typing_extensions import TypeAliasType

from ._codec_hints import Base64, DropNoneValues, Tagged, spec_type
from ._json import JSONObject

__all__ = [
    "SharedV4AudioFormat",
    "SharedV4CompatibilityWarning",
    "SharedV4DeprecatedWarning",
    "SharedV4FileData",
    "SharedV4FileDataData",
    "SharedV4FileDataReference",
    "SharedV4FileDataText",
    "SharedV4FileDataUrl",
    "SharedV4Headers",
    "SharedV4OtherWarning",
    "SharedV4ProviderMetadata",
    "SharedV4ProviderOptions",
    "SharedV4ProviderReference",
    "SharedV4RequestHeaders",
    "SharedV4UnsupportedWarning",
    "SharedV4Warning",
]

SharedV4Headers = TypeAliasType("SharedV4Headers", dict[str, str])
"""HTTP headers, names as the server or caller wrote them."""

SharedV4RequestHeaders = TypeAliasType(
    "SharedV4RequestHeaders", Annotated[dict[str, str | None], DropNoneValues]
)
"""Extra HTTP headers of a call; a ``None`` value removes that header."""

SharedV4ProviderOptions = TypeAliasType("SharedV4ProviderOptions", dict[str, JSONObject])
"""Provider-specific input, keyed by provider name: ``{"groq": {"reasoningFormat": "parsed"}}``."""

SharedV4ProviderMetadata = TypeAliasType("SharedV4ProviderMetadata", dict[str, JSONObject])
"""Provider-specific output, keyed by provider name."""

SharedV4ProviderReference = TypeAliasType("SharedV4ProviderReference", dict[str, str])
"""An uploaded file's id per provider: ``{"openai": "file-abc", "anthropic": "file_123"}``."""


@spec_type
class SharedV4UnsupportedWarning:
    """A feature the model does not support was requested; it was ignored."""

    type: Literal["unsupported"] = "unsupported"
    feature: str
    details: str | None = None


@spec_type
class SharedV4CompatibilityWarning:
    """A feature is supported only approximately (e.g. mapped to the nearest setting)."""

    type: Literal["compatibility"] = "compatibility"
    feature: str
    details: str | None = None


@spec_type
class SharedV4DeprecatedWarning:
    """A deprecated setting was used."""

    type: Literal["deprecated"] = "deprecated"
    setting: str
    message: str


@spec_type
class SharedV4OtherWarning:
    """Any other warning."""

    type: Literal["other"] = "other"
    message: str


SharedV4Warning = TypeAliasType(
    "SharedV4Warning",
    Annotated[
        SharedV4UnsupportedWarning
        | SharedV4CompatibilityWarning
        | SharedV4DeprecatedWarning
        | SharedV4OtherWarning,
        Tagged("type"),
    ],
)
"""A warning returned by a model call."""


@spec_type
class SharedV4FileDataData:
    """Inline file content: bytes, or a base64 string."""

    type: Literal["data"] = "data"
    data: Annotated[bytes | str, Base64]


@spec_type
class SharedV4FileDataUrl:
    """File content the provider (or the SDK) fetches from a URL."""

    type: Literal["url"] = "url"
    url: str


@spec_type
class SharedV4FileDataReference:
    """A file uploaded to providers before, by id per provider."""

    type: Literal["reference"] = "reference"
    reference: SharedV4ProviderReference


@spec_type
class SharedV4FileDataText:
    """Inline text content of a text file."""

    type: Literal["text"] = "text"
    text: str


SharedV4FileData = TypeAliasType(
    "SharedV4FileData",
    Annotated[
        SharedV4FileDataData
        | SharedV4FileDataUrl
        | SharedV4FileDataReference
        | SharedV4FileDataText,
        Tagged("type"),
    ],
)
"""File content, tagged by how it is given."""


@spec_type
class SharedV4AudioFormat:
    """The encoding of streamed audio: ``type`` (``pcm16``, …) and sample ``rate``."""

    type: str
    rate: int | None = None
