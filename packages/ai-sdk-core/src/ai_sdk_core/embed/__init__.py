"""Embeddings: ``embed``, ``embed_many``, their sync twins, and ``cosine_similarity``."""

from __future__ import annotations

from . import _cosine_similarity, _embed, _embed_many, _results, _sync_twins
from ._cosine_similarity import *  # noqa: F403
from ._embed import *  # noqa: F403
from ._embed_many import *  # noqa: F403
from ._results import *  # noqa: F403
from ._sync_twins import *  # noqa: F403

__all__: list[str] = []
__all__ += _embed.__all__
__all__ += _embed_many.__all__
__all__ += _sync_twins.__all__
__all__ += _results.__all__
__all__ += _cosine_similarity.__all__
