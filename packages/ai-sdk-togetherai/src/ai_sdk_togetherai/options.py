"""Together AI's provider options: pass them per call under ``provider_options={"togetherai": …}``.

Chat, completion and embedding models are OpenAI-compatible models: they read the options of
:mod:`ai_sdk_openai_compatible` (``user``, ``reasoningEffort``, ``textVerbosity``,
``strictJsonSchema``; ``echo``, ``logitBias``, ``suffix``; ``dimensions``) and send every other
chat or completion key as it is (``repetition_penalty``, ``top_k``, ``min_p``, …). The image and
reranking models read the options below. Importing this module loads no pydantic.
"""

from __future__ import annotations

from typing_extensions import TypedDict

__all__ = ["TogetherAIImageModelOptions", "TogetherAIRerankingModelOptions"]


class TogetherAIImageModelOptions(TypedDict, total=False):
    """Options of Together AI image models (``provider_options={"togetherai": {…}}``).

    Any other key is sent in the request body as it is (e.g. ``"output_format": "png"``).
    """

    steps: int | float | None
    """The number of generation steps; more can improve quality."""

    guidance: int | float | None
    """The guidance scale: how closely the image follows the prompt."""

    negative_prompt: str | None
    """What the image should not show."""

    disable_safety_checker: bool | None
    """Skip the safety checker, so images flagged as potentially NSFW are not rejected (not
    available for FLUX Schnell Free and FLUX Pro models)."""


class TogetherAIRerankingModelOptions(TypedDict, total=False):
    """Options of Together AI reranking models (``provider_options={"togetherai": {…}}``).

    The TS spelling ``rankFields`` is accepted too.
    """

    rank_fields: list[str]
    """The keys of object documents to rank by (default: all keys), e.g.
    ``["title", "text"]``; sent as ``rank_fields``."""


def _camel(name: str) -> str:
    first, *rest = name.split("_")
    return first + "".join(word.capitalize() for word in rest)


# pydantic reads these when it validates options (plain dicts, so no pydantic import here)
setattr(TogetherAIImageModelOptions, "__pydantic_config__", {"extra": "allow"})  # noqa: B010
setattr(  # noqa: B010
    TogetherAIRerankingModelOptions,
    "__pydantic_config__",
    {"alias_generator": _camel, "validate_by_name": True, "validate_by_alias": True},
)
