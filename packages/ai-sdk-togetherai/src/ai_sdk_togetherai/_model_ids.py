"""Model ids Together AI serves (``togetherai-*-options.ts`` / ``-settings.ts`` in TS).

Each alias lists well-known ids for editors and documentation; any other ``str`` works too.
See https://docs.together.ai/docs/serverless-models for what is currently available.
"""

from __future__ import annotations

from typing import Literal, TypeAlias

__all__ = [
    "TogetherAIChatModelId",
    "TogetherAICompletionModelId",
    "TogetherAIEmbeddingModelId",
    "TogetherAIImageModelId",
    "TogetherAIRerankingModelId",
]

TogetherAIChatModelId: TypeAlias = (
    Literal[
        "meta-llama/Llama-3.3-70B-Instruct-Turbo",
        "meta-llama/Meta-Llama-3.1-8B-Instruct-Turbo",
        "meta-llama/Meta-Llama-3.1-70B-Instruct-Turbo",
        "meta-llama/Meta-Llama-3.1-405B-Instruct-Turbo",
        "meta-llama/Meta-Llama-3-8B-Instruct-Turbo",
        "meta-llama/Meta-Llama-3-70B-Instruct-Turbo",
        "meta-llama/Llama-3.2-3B-Instruct-Turbo",
        "meta-llama/Meta-Llama-3-8B-Instruct-Lite",
        "meta-llama/Meta-Llama-3-70B-Instruct-Lite",
        "meta-llama/Llama-3-8b-chat-hf",
        "meta-llama/Llama-3-70b-chat-hf",
        "nvidia/Llama-3.1-Nemotron-70B-Instruct-HF",
        "Qwen/Qwen2.5-Coder-32B-Instruct",
        "Qwen/QwQ-32B-Preview",
        "microsoft/WizardLM-2-8x22B",
        "google/gemma-2-27b-it",
        "google/gemma-2-9b-it",
        "databricks/dbrx-instruct",
        "deepseek-ai/deepseek-llm-67b-chat",
        "deepseek-ai/DeepSeek-V3",
        "deepseek-ai/DeepSeek-V4-Flash-0731",
        "google/gemma-2b-it",
        "Gryphe/MythoMax-L2-13b",
        "meta-llama/Llama-2-13b-chat-hf",
        "mistralai/Mistral-7B-Instruct-v0.1",
        "mistralai/Mistral-7B-Instruct-v0.2",
        "mistralai/Mistral-7B-Instruct-v0.3",
        "mistralai/Mixtral-8x7B-Instruct-v0.1",
        "mistralai/Mixtral-8x22B-Instruct-v0.1",
        "NousResearch/Nous-Hermes-2-Mixtral-8x7B-DPO",
        "Qwen/Qwen2.5-7B-Instruct-Turbo",
        "Qwen/Qwen2.5-72B-Instruct-Turbo",
        "Qwen/Qwen2-72B-Instruct",
        "upstage/SOLAR-10.7B-Instruct-v1.0",
    ]
    | str
)
"""Chat models (``togetherai(…)``, ``chat_model``, ``language_model``)."""

TogetherAICompletionModelId: TypeAlias = (
    Literal[
        "meta-llama/Llama-2-70b-hf",
        "mistralai/Mistral-7B-v0.1",
        "mistralai/Mixtral-8x7B-v0.1",
        "Meta-Llama/Llama-Guard-7b",
        "codellama/CodeLlama-34b-Instruct-hf",
        "Qwen/Qwen2.5-Coder-32B-Instruct",
    ]
    | str
)
"""Completion models (``completion_model``)."""

TogetherAIEmbeddingModelId: TypeAlias = (
    Literal[
        "togethercomputer/m2-bert-80M-2k-retrieval",
        "togethercomputer/m2-bert-80M-32k-retrieval",
        "togethercomputer/m2-bert-80M-8k-retrieval",
        "WhereIsAI/UAE-Large-V1",
        "BAAI/bge-large-en-v1.5",
        "BAAI/bge-base-en-v1.5",
        "sentence-transformers/msmarco-bert-base-dot-v5",
        "bert-base-uncased",
    ]
    | str
)
"""Embedding models (``embedding_model``)."""

TogetherAIImageModelId: TypeAlias = (
    Literal[
        # text to image
        "stabilityai/stable-diffusion-xl-base-1.0",
        "black-forest-labs/FLUX.1-dev",
        "black-forest-labs/FLUX.1-dev-lora",
        "black-forest-labs/FLUX.1-schnell",
        "black-forest-labs/FLUX.1-canny",
        "black-forest-labs/FLUX.1-depth",
        "black-forest-labs/FLUX.1-redux",
        "black-forest-labs/FLUX.1.1-pro",
        "black-forest-labs/FLUX.1-pro",
        "black-forest-labs/FLUX.1-schnell-Free",
        # image editing with a reference image (FLUX Kontext)
        "black-forest-labs/FLUX.1-kontext-pro",
        "black-forest-labs/FLUX.1-kontext-max",
        "black-forest-labs/FLUX.1-kontext-dev",
    ]
    | str
)
"""Image models (``image_model``)."""

TogetherAIRerankingModelId: TypeAlias = (
    Literal["Salesforce/Llama-Rank-v1", "mixedbread-ai/Mxbai-Rerank-Large-V2"] | str
)
"""Reranking models (``reranking_model``)."""
