"""The AI SDK for Python: one API for language, embedding, image, speech and other models.

``ai_sdk_core`` holds the user-facing functions, the provider specification
(:mod:`ai_sdk_core.provider`), the helpers provider packages share
(:mod:`ai_sdk_core.provider_utils`) and the TS-compatible wire codec (:mod:`ai_sdk_core.wire`).
Most applications install and import the ``ai-sdk`` meta-package instead.
"""

from __future__ import annotations

from . import errors as _errors
from ._version import __version__ as __version__
from .errors import *  # noqa: F403

__all__: list[str] = ["__version__"]
__all__ += _errors.__all__
