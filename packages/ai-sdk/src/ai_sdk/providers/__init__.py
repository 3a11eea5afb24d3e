"""Model providers: one module per provider package, each installed through an extra.

- :mod:`ai_sdk.providers.openai_compatible` re-exports ``ai_sdk_openai_compatible``
  (``pip install "ai-sdk[openai-compatible]"``)
- :mod:`ai_sdk.providers.groq` re-exports ``ai_sdk_groq`` (``pip install "ai-sdk[groq]"``)
- :mod:`ai_sdk.providers.togetherai` re-exports ``ai_sdk_togetherai``
  (``pip install "ai-sdk[togetherai]"``)
- :mod:`ai_sdk.providers.gateway` re-exports ``ai_sdk_gateway`` (``pip install "ai-sdk[gateway]"``)

Importing a module whose provider package is not installed raises an :class:`ImportError`
naming the ``pip install`` that fixes it. ``ai_sdk.providers.together`` is the deprecated old
name of ``ai_sdk.providers.togetherai``.
"""
