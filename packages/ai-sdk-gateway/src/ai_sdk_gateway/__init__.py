"""AI Gateway provider for the AI SDK for Python.

This package will hold ``create_gateway`` and the default ``gateway`` instance: a client for
Vercel's AI Gateway (every model behind one API key, addressed as ``"provider/model"``), and
a self-hostable gateway server that speaks the same protocol.
"""

from ._version import __version__ as __version__

__all__ = ["__version__"]
