"""Groq provider for the AI SDK for Python.

This package will hold ``create_groq`` and the default ``groq`` instance: Groq's chat
language models (tool calls, reasoning, streaming) and its Whisper transcription models.
"""

from ._version import __version__ as __version__

__all__ = ["__version__"]
