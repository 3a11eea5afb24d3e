"""Together AI provider for the AI SDK for Python.

This package will hold ``create_togetherai`` and the default ``togetherai`` instance:
Together AI's chat, completion, embedding, image and reranking models, built on
``ai_sdk_openai_compatible``.
"""

from ._version import __version__ as __version__

__all__ = ["__version__"]
