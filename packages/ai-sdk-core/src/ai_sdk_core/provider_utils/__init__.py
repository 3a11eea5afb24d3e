"""What every provider package shares: HTTP calls, response handlers, settings, ids, schemas.

This is the Python form of ``@ai-sdk/provider-utils``.
"""

from __future__ import annotations

__all__: list[str] = []

# --- HTTP, response handlers, SSE, JSON parsing, headers, retries -------------------------

# --- settings, ids, provider options, tool-call tracker, schemas, partial JSON -------------
