"""The top-level ``reasoning`` call setting as Groq's ``reasoning_effort``.

Groq knows the efforts ``low``, ``medium`` and ``high`` (and ``none`` / ``default`` on models that
can turn reasoning off). ``minimal`` is sent as ``low`` and ``xhigh`` as ``high``, each with a
``compatibility`` warning. ``none`` depends on the model, as in the TS provider (npm 4.0.84):

- models that can stop reasoning (``qwen/qwen3.6-27b``) get ``reasoning_effort: "none"``;
- models that always reason (``openai/gpt-oss-*``) get the lowest effort, ``low``, with a
  ``compatibility`` warning;
- any other model does not reason anyway: nothing is sent, with an ``unsupported`` warning.
"""

from __future__ import annotations

from collections.abc import Mapping

from ai_sdk_core.provider import (
    SharedV4CompatibilityWarning,
    SharedV4UnsupportedWarning,
    SharedV4Warning,
)
from ai_sdk_core.provider_utils import (
    CustomReasoning,
    ReasoningLevel,
    map_reasoning_to_provider_effort,
)

__all__ = ["groq_reasoning_effort"]

_EFFORTS: Mapping[ReasoningLevel, str] = {
    "minimal": "low",
    "low": "low",
    "medium": "medium",
    "high": "high",
    "xhigh": "high",
}

_MODELS_THAT_CAN_STOP_REASONING = frozenset({"qwen/qwen3.6-27b"})


def _always_reasons(model_id: str) -> bool:
    return model_id.startswith("openai/gpt-oss")


def groq_reasoning_effort(
    reasoning: CustomReasoning, *, model_id: str, warnings: list[SharedV4Warning]
) -> str | None:
    """The ``reasoning_effort`` for ``reasoning`` on ``model_id`` (``None``: not sent); appends
    the warnings the mapping produces."""
    if reasoning != "none":
        return map_reasoning_to_provider_effort(
            reasoning=reasoning, effort_map=_EFFORTS, warnings=warnings
        )
    if model_id in _MODELS_THAT_CAN_STOP_REASONING:
        return "none"
    if _always_reasons(model_id):
        warnings.append(
            SharedV4CompatibilityWarning(
                feature="reasoning",
                details='reasoning "none" is not directly supported by this model. '
                'mapped to effort "low".',
            )
        )
        return "low"
    warnings.append(
        SharedV4UnsupportedWarning(
            feature="reasoning", details='reasoning "none" is not supported by this model.'
        )
    )
    return None
