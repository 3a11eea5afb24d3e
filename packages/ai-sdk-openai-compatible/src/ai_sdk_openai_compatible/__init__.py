"""OpenAI-compatible provider for the AI SDK for Python.

This package will hold ``create_openai_compatible``: chat, completion, embedding and image
models for any server that speaks the OpenAI HTTP API (Ollama, vLLM, llama.cpp, LM Studio
and hosted services), plus the building blocks that providers such as Together AI reuse.
"""

from ._version import __version__ as __version__

__all__ = ["__version__"]
