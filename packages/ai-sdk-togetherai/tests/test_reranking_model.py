"""The reranking model (ports of togetherai-reranking-model.test.ts): request bodies, the
``rank_fields`` option in both spellings, the result and errors."""

from __future__ import annotations

import json
from typing import Any

import pytest

from ai_sdk_core.errors import APICallError, InvalidArgumentError
from ai_sdk_core.provider import (
    RerankingModelV4CallOptions,
    RerankingModelV4Documents,
    RerankingModelV4ObjectDocuments,
    RerankingModelV4TextDocuments,
)
from ai_sdk_core.wire import to_wire
from ai_sdk_togetherai import TogetherAIRerankingModelOptions, create_togetherai

pytestmark = pytest.mark.anyio

provider = create_togetherai(api_key="test-api-key")
model = provider.reranking_model("Salesforce/Llama-Rank-v1")

RESPONSE = {  # the TS fixture togetherai-reranking.1.json
    "id": "oGs6Zt9-62bZhn-99529372487b1b0a",
    "object": "rerank",
    "model": "Salesforce/Llama-Rank-v1",
    "results": [
        {"index": 0, "relevance_score": 0.6475887154399037, "document": {}},
        {"index": 5, "relevance_score": 0.6323295373206566, "document": {}},
    ],
    "usage": {"prompt_tokens": 2966, "completion_tokens": 0, "total_tokens": 2966},
}
OBJECTS = RerankingModelV4ObjectDocuments(
    values=[{"example": "sunny day at the beach"}, {"example": "rainy day in the city"}]
)
TEXTS = RerankingModelV4TextDocuments(values=["sunny day at the beach", "rainy day in the city"])


@pytest.fixture(autouse=True)
def _respond(api: Any) -> None:
    api.json(RESPONSE)


async def rerank(documents: RerankingModelV4Documents, **kwargs: Any) -> Any:
    return await model.do_rerank(
        RerankingModelV4CallOptions(documents=documents, query="rainy day", **kwargs)
    )


@pytest.mark.parametrize(("documents"), [OBJECTS, TEXTS], ids=["objects", "texts"])
async def test_request_body_headers_and_result(
    api: Any, documents: RerankingModelV4Documents
) -> None:
    options: TogetherAIRerankingModelOptions = {"rank_fields": ["example"]}
    result = await rerank(documents, top_n=2, provider_options={"togetherai": {**options}})

    request = api.request
    assert str(request.url) == "https://api.together.xyz/v1/rerank"
    assert api.request_json == {
        "model": "Salesforce/Llama-Rank-v1",
        "documents": documents.values,
        "query": "rainy day",
        "top_n": 2,
        "rank_fields": ["example"],
        "return_documents": False,
    }
    assert request.headers["authorization"] == "Bearer test-api-key"
    assert request.headers["content-type"] == "application/json"

    assert result.warnings is None
    assert result.provider_metadata is None
    assert to_wire(result.ranking) == [
        {"index": 0, "relevanceScore": 0.6475887154399037},
        {"index": 5, "relevanceScore": 0.6323295373206566},
    ]
    assert to_wire(result.response) == {
        "id": "oGs6Zt9-62bZhn-99529372487b1b0a",
        "modelId": "Salesforce/Llama-Rank-v1",
        "headers": {
            "content-length": str(len(json.dumps(RESPONSE, separators=(",", ":")))),
            "content-type": "application/json",
        },
        "body": RESPONSE,
    }


async def test_the_ts_spelling_rank_fields_is_accepted(api: Any) -> None:
    await rerank(OBJECTS, provider_options={"togetherai": {"rankFields": ["title", "text"]}})

    assert api.request_json["rank_fields"] == ["title", "text"]


async def test_no_top_n_and_no_options_leave_them_out(api: Any) -> None:
    await rerank(TEXTS)

    assert api.request_json == {
        "model": "Salesforce/Llama-Rank-v1",
        "documents": TEXTS.values,
        "query": "rainy day",
        "return_documents": False,
    }


async def test_a_response_without_id_and_model(api: Any) -> None:
    api.json(
        {
            "results": [{"index": 1, "relevance_score": 0.5}],
            "usage": {"prompt_tokens": 3, "completion_tokens": 0, "total_tokens": 3},
        }
    )

    result = await rerank(TEXTS)

    assert result.response is not None
    assert (result.response.id, result.response.model_id) == (None, None)
    assert to_wire(result.ranking) == [{"index": 1, "relevanceScore": 0.5}]


async def test_usage_is_required_in_the_response(api: Any) -> None:
    api.json({"results": []})

    with pytest.raises(APICallError, match="Invalid JSON response"):
        await rerank(TEXTS)


async def test_invalid_options_raise(api: Any) -> None:
    with pytest.raises(InvalidArgumentError, match="invalid togetherai provider options"):
        await rerank(TEXTS, provider_options={"togetherai": {"rank_fields": "title"}})
    assert not api.route.calls


async def test_errors_carry_the_server_message(api: Any) -> None:
    api.json({"error": {"message": "model not found"}}, status=404)

    with pytest.raises(APICallError) as caught:
        await rerank(TEXTS)

    assert caught.value.message == "model not found"
    assert caught.value.status_code == 404
    assert caught.value.request_body_values == {
        "model": "Salesforce/Llama-Rank-v1",
        "documents": TEXTS.values,
        "query": "rainy day",
        "return_documents": False,
    }


async def test_call_headers_are_sent(api: Any) -> None:
    await rerank(TEXTS, headers={"X-Trace": "t"})

    assert api.request.headers["x-trace"] == "t"
    assert api.request.headers["user-agent"].startswith("ai-sdk/togetherai/")
