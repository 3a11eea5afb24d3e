"""The AI SDK for Python: one API for language, embedding, image, speech and other models.

``ai_sdk`` re-exports every public name of ``ai_sdk_core`` (``from ai_sdk import
generate_text``), so applications depend on one package and one import. Providers live
in :mod:`ai_sdk.providers`, each installed through an extra such as ``ai-sdk[groq]``.
"""

from __future__ import annotations

import ai_sdk_core as _core
from ai_sdk_core import *  # noqa: F403  # pyright: ignore[reportWildcardImportFromLibrary]

from ._version import __version__ as __version__

__all__: list[str] = []
__all__ += _core.__all__
