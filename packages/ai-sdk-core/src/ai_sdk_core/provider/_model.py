"""What every V4 model has: the specification version, the provider id and the model id."""

from __future__ import annotations

from typing import Literal, Protocol, runtime_checkable

__all__ = ["ModelV4"]


@runtime_checkable
class ModelV4(Protocol):
    """The identity shared by every model protocol of the V4 specification."""

    @property
    def specification_version(self) -> Literal["v4"]:
        """Always ``"v4"``."""
        ...

    @property
    def provider(self) -> str:
        """Provider id, e.g. ``"groq.chat"``."""
        ...

    @property
    def model_id(self) -> str:
        """Provider-specific model id."""
        ...
