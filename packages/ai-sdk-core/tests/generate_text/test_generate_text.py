"""Port of generate-text.test.ts: results, usage, request options and model ids.

The other themes: test_generate_text_tools.py (the tool loop, repair), _steps.py (stop
conditions, ``prepare_step``), _approval.py, _output.py, _callbacks.py and _runtime.py
(retries, time limits, cancellation, ``generate_text_sync``).
"""

from __future__ import annotations

import logging
from datetime import UTC, datetime
from typing import Any

import pytest

from ai_sdk_core import (
    AssistantModelMessage,
    ReasoningPart,
    TextPart,
    __version__,
    generate_text,
    is_step_count,
    set_default_provider,
    tool,
)
from ai_sdk_core.errors import (
    AISDKError,
    InvalidArgumentError,
    InvalidPromptError,
    NoSuchModelError,
    UnsupportedModelVersionError,
)
from ai_sdk_core.generate_text import (
    CustomOutput,
    FileOutput,
    FinishEvent,
    GeneratedFile,
    GenerateTextInclude,
    ModelInfo,
    ReasoningFileOutput,
    ReasoningOutput,
    TextOutput,
    Timeout,
    ToolCall,
    ToolResult,
)
from ai_sdk_core.provider import (
    LanguageModelV4CustomContent,
    LanguageModelV4DocumentSource,
    LanguageModelV4File,
    LanguageModelV4InputTokens,
    LanguageModelV4OutputTokens,
    LanguageModelV4Reasoning,
    LanguageModelV4ReasoningFile,
    LanguageModelV4RequestInfo,
    LanguageModelV4ResponseInfo,
    LanguageModelV4Text,
    LanguageModelV4UrlSource,
    LanguageModelV4Usage,
    SharedV4FileDataData,
    SharedV4FileDataUrl,
    SharedV4OtherWarning,
    SharedV4UnsupportedWarning,
)
from ai_sdk_core.testing import MockLanguageModelV4, MockProviderV4
from ai_sdk_core.wire import to_wire

from ._helpers import (
    ValueInput,
    call,
    model_of,
    prompt_of,
    result,
    text_result,
    tool_call,
    usage,
    value_tool,
)

pytestmark = pytest.mark.anyio


def two_step_model(**second: Any) -> MockLanguageModelV4:
    """Step 1 calls ``tool1``; step 2 answers with text."""
    return model_of(call(tool_call()), text_result("Done.", **second))


# --- results -------------------------------------------------------------------------------


class TestContent:
    async def test_content_in_model_order_then_tool_results(self) -> None:
        source = LanguageModelV4UrlSource(
            id="123",
            url="https://example.com",
            title="Example",
            provider_metadata={"provider": {"custom": "value"}},
        )
        seen: list[ValueInput] = []

        def execute(input: ValueInput) -> str:
            seen.append(input)
            return "result1"

        response = await generate_text(
            model=model_of(
                result(
                    LanguageModelV4Text(text="Hello, world!"),
                    source,
                    LanguageModelV4File(
                        data=SharedV4FileDataData(data=bytes([1, 2, 3])), media_type="image/png"
                    ),
                    LanguageModelV4Reasoning(
                        text="I will open the conversation with witty banter."
                    ),
                    tool_call(),
                    LanguageModelV4Text(text="More text"),
                )
            ),
            prompt="prompt",
            tools={"tool1": tool(input_schema=ValueInput, execute=execute)},
        )

        assert seen == [ValueInput(value="value")]
        assert response.content == [
            TextOutput(text="Hello, world!"),
            source,
            FileOutput(file=GeneratedFile(data=bytes([1, 2, 3]), media_type="image/png")),
            ReasoningOutput(text="I will open the conversation with witty banter."),
            ToolCall(tool_call_id="call-1", tool_name="tool1", input=ValueInput(value="value")),
            TextOutput(text="More text"),
            ToolResult(
                tool_call_id="call-1",
                tool_name="tool1",
                input=ValueInput(value="value"),
                output="result1",
                dynamic=False,
            ),
        ]
        assert response.files[0].base64 == "AQID"
        # text joins the text parts of the final step; tool results fed no second step
        assert response.text == "Hello, world!More text"
        assert len(response.steps) == 1

    async def test_custom_parts(self) -> None:
        response = await generate_text(
            model=model_of(
                result(
                    LanguageModelV4Text(text="Hello"),
                    LanguageModelV4CustomContent(
                        kind="openai.compaction", provider_metadata={"openai": {"itemId": "c"}}
                    ),
                    LanguageModelV4CustomContent(kind="openai.other"),
                )
            ),
            prompt="prompt",
        )

        assert response.content == [
            TextOutput(text="Hello"),
            CustomOutput(kind="openai.compaction", provider_metadata={"openai": {"itemId": "c"}}),
            CustomOutput(kind="openai.other"),
        ]

    async def test_reasoning_files_are_content_but_not_files(self) -> None:
        response = await generate_text(
            model=model_of(
                result(
                    LanguageModelV4Text(text="Here is a thought image:"),
                    LanguageModelV4ReasoningFile(
                        data=SharedV4FileDataData(data=bytes([10, 20, 30])),
                        media_type="image/png",
                        provider_metadata={"google": {"thoughtSignature": "sig123"}},
                    ),
                    LanguageModelV4File(
                        data=SharedV4FileDataData(data=bytes([40, 50, 60])),
                        media_type="image/jpeg",
                    ),
                )
            ),
            prompt="prompt",
        )

        jpeg = GeneratedFile(data=bytes([40, 50, 60]), media_type="image/jpeg")
        assert response.content == [
            TextOutput(text="Here is a thought image:"),
            ReasoningFileOutput(
                file=GeneratedFile(data=bytes([10, 20, 30]), media_type="image/png"),
                provider_metadata={"google": {"thoughtSignature": "sig123"}},
            ),
            FileOutput(file=jpeg),
        ]
        assert response.files == [jpeg]
        assert response.content[1].file.base64 == "ChQe"  # type: ignore[union-attr]

    async def test_files_given_as_url_or_base64(self) -> None:
        response = await generate_text(
            model=model_of(
                result(
                    LanguageModelV4File(
                        data=SharedV4FileDataData(data="AQID"), media_type="image/png"
                    ),
                )
            ),
            prompt="prompt",
        )
        assert response.files[0].data == bytes([1, 2, 3])

        with_url = await generate_text(
            model=model_of(
                result(
                    LanguageModelV4File(
                        data=SharedV4FileDataUrl(url="https://example.com/a.png"),
                        media_type="image/png",
                    )
                )
            ),
            prompt="prompt",
        )
        assert with_url.files[0].media_type == "image/png"

    async def test_text_and_reasoning_text(self) -> None:
        response = await generate_text(
            model=model_of(
                result(
                    LanguageModelV4Reasoning(text="I will open "),
                    LanguageModelV4Reasoning(text="with banter."),
                    LanguageModelV4Text(text="Hello, world!"),
                )
            ),
            prompt="prompt",
        )

        assert response.text == "Hello, world!"
        assert response.reasoning_text == "I will open with banter."
        assert response.reasoning == [
            ReasoningPart(text="I will open "),
            ReasoningPart(text="with banter."),
        ]
        assert response.response_messages == [
            AssistantModelMessage(
                content=[
                    ReasoningPart(text="I will open "),
                    ReasoningPart(text="with banter."),
                    TextPart(text="Hello, world!"),
                ]
            )
        ]

    async def test_no_reasoning_is_none(self) -> None:
        response = await generate_text(model=model_of(text_result()), prompt="prompt")
        assert response.reasoning_text is None
        assert response.reasoning == []

    async def test_sources_and_files_from_all_steps(self) -> None:
        first_source = LanguageModelV4UrlSource(id="1", url="https://a.example")
        second_source = LanguageModelV4DocumentSource(
            id="2", media_type="application/pdf", title="Doc"
        )
        first_file = LanguageModelV4File(
            data=SharedV4FileDataData(data=b"1"), media_type="text/plain"
        )
        second_file = LanguageModelV4File(
            data=SharedV4FileDataData(data=b"2"), media_type="text/plain"
        )
        response = await generate_text(
            model=model_of(
                call(tool_call(), first_source, first_file),
                result(second_source, second_file, LanguageModelV4Text(text="Done.")),
            ),
            prompt="prompt",
            tools={"tool1": value_tool()},
            stop_when=is_step_count(3),
        )

        assert response.sources == [first_source, second_source]
        assert [file.data for file in response.files] == [b"1", b"2"]
        assert response.steps[0].sources == [first_source]
        assert response.final_step.files == [GeneratedFile(data=b"2", media_type="text/plain")]
        assert [part.type for part in response.content] == [
            "tool-call",
            "source",
            "file",
            "tool-result",
            "source",
            "file",
            "text",
        ]

    async def test_warnings_from_all_steps(self) -> None:
        warning0 = SharedV4OtherWarning(message="step 0 warning")
        warning1 = SharedV4OtherWarning(message="step 1 warning")
        finish: list[FinishEvent] = []

        response = await generate_text(
            model=model_of(
                call(tool_call(), warnings=[warning0]),
                text_result("Done.", warnings=[warning1]),
            ),
            prompt="prompt",
            tools={"tool1": value_tool()},
            stop_when=is_step_count(3),
            on_finish=finish.append,
        )

        assert response.warnings == [warning0, warning1]
        assert response.final_step.warnings == [warning1]
        assert finish[0].warnings == [warning0, warning1]

    async def test_final_step_and_step_fields(self) -> None:
        response = await generate_text(
            model=model_of(
                text_result(
                    "Hello!",
                    raw_finish_reason="end_turn",
                    provider_metadata={"provider": {"key": "value"}},
                )
            ),
            prompt="test-input",
        )

        step = response.final_step
        assert step is response.steps[-1]
        assert step.step_number == 0
        assert step.model == ModelInfo(provider="mock-provider", model_id="mock-model-id")
        assert response.finish_reason == "stop"
        assert response.raw_finish_reason == "end_turn"
        assert response.provider_metadata == {"provider": {"key": "value"}}
        assert response.model == step.model
        assert step.performance.tool_execution_ms == {}
        assert step.performance.response_time_ms >= 0
        assert step.performance.step_time_ms >= step.performance.response_time_ms

    async def test_tool_execution_time_is_tracked_per_call(self) -> None:
        response = await generate_text(
            model=model_of(call(tool_call())), prompt="test-input", tools={"tool1": value_tool()}
        )
        assert list(response.final_step.performance.tool_execution_ms) == ["call-1"]
        assert response.final_step.performance.tool_execution_ms["call-1"] >= 0


class TestUsage:
    async def test_usage_sums_all_steps(self) -> None:
        finish: list[FinishEvent] = []
        response = await generate_text(
            model=model_of(call(tool_call(), usage_=usage(10, 5)), text_result("Hello, world!")),
            prompt="test-input",
            tools={"tool1": value_tool()},
            stop_when=is_step_count(3),
            on_finish=finish.append,
        )

        assert response.usage.input_tokens == 13
        assert response.usage.output_tokens == 15
        assert response.usage.total_tokens == 28
        assert response.usage.input_token_details.no_cache_tokens == 13
        assert response.usage.input_token_details.cache_read_tokens is None
        assert response.usage.output_token_details.text_tokens == 15
        assert response.usage.output_token_details.reasoning_tokens is None
        assert response.total_usage == response.usage
        assert response.final_step.usage.input_tokens == 3
        assert response.final_step.usage.total_tokens == 13
        assert [step.usage.total_tokens for step in response.steps] == [15, 13]
        assert finish[0].usage == response.usage
        assert finish[0].final_step.usage == response.final_step.usage

    async def test_unreported_counts_stay_none_and_reported_ones_sum(self) -> None:
        unreported = LanguageModelV4Usage(
            input_tokens=LanguageModelV4InputTokens(),
            output_tokens=LanguageModelV4OutputTokens(),
        )
        cached = LanguageModelV4Usage(
            input_tokens=LanguageModelV4InputTokens(total=4, cache_read=2),
            output_tokens=LanguageModelV4OutputTokens(total=6, reasoning=1),
            raw={"anything": 1},
        )

        only_unreported = await generate_text(
            model=model_of(text_result(usage_=unreported)), prompt="x"
        )
        assert only_unreported.usage.input_tokens is None
        assert only_unreported.usage.output_tokens is None
        assert only_unreported.usage.total_tokens is None

        mixed = await generate_text(
            model=model_of(call(tool_call(), usage_=unreported), text_result(usage_=cached)),
            prompt="x",
            tools={"tool1": value_tool()},
            stop_when=is_step_count(2),
        )
        assert mixed.usage.input_tokens == 4
        assert mixed.usage.output_tokens == 6
        assert mixed.usage.total_tokens == 10
        assert mixed.usage.input_token_details.cache_read_tokens == 2
        assert mixed.usage.input_token_details.no_cache_tokens is None
        assert mixed.usage.output_token_details.reasoning_tokens == 1
        assert mixed.final_step.usage.raw == {"anything": 1}
        assert mixed.usage.raw is None  # raw is per call, not summed


class TestRequestAndResponse:
    async def test_bodies_and_request_messages_are_left_out_by_default(self) -> None:
        response = await generate_text(
            model=model_of(
                text_result(
                    request=LanguageModelV4RequestInfo(body="test body"),
                    response=LanguageModelV4ResponseInfo(body="response body"),
                )
            ),
            prompt="prompt",
        )
        assert response.request.body is None
        assert response.request.messages is None
        assert response.response.body is None

    async def test_include_keeps_bodies_and_request_messages(self) -> None:
        response = await generate_text(
            model=model_of(
                text_result(
                    request=LanguageModelV4RequestInfo(body="test body"),
                    response=LanguageModelV4ResponseInfo(body="response body"),
                )
            ),
            prompt="prompt",
            include=GenerateTextInclude(
                request_body=True, request_messages=True, response_body=True
            ),
        )
        assert response.request.body == "test body"
        assert to_wire(response.request.messages) == [{"role": "user", "content": "prompt"}]
        assert response.steps[0].request.messages == response.request.messages
        assert response.response.body == "response body"

    async def test_response_metadata_from_the_model(self) -> None:
        response = await generate_text(
            model=model_of(
                text_result(
                    response=LanguageModelV4ResponseInfo(
                        id="test-id-from-model",
                        timestamp=datetime.fromtimestamp(10, UTC),
                        model_id="test-response-model-id",
                        headers={"custom-response-header": "response-header-value"},
                    )
                )
            ),
            prompt="prompt",
        )
        assert response.response.id == "test-id-from-model"
        assert response.response.timestamp == datetime.fromtimestamp(10, UTC)
        assert response.response.model_id == "test-response-model-id"
        assert response.response.headers == {"custom-response-header": "response-header-value"}
        assert response.response.messages == [
            AssistantModelMessage(content=[TextPart(text="Hello, world!")])
        ]

    async def test_missing_response_metadata_is_filled_in(self) -> None:
        before = datetime.now(UTC)
        response = await generate_text(model=model_of(text_result()), prompt="prompt")
        assert response.response.id.startswith("aitxt-")
        assert response.response.timestamp >= before
        assert response.response.model_id == "mock-model-id"
        assert response.response.headers is None


class TestCallOptions:
    async def test_prompt_and_default_options(self) -> None:
        model = model_of(text_result())
        await generate_text(model=model, prompt="prompt")

        assert to_wire(model.do_generate_calls[0]) == {
            "prompt": [{"role": "user", "content": [{"type": "text", "text": "prompt"}]}],
            "toolChoice": {"type": "auto"},
            "headers": {"user-agent": f"ai/{__version__}"},
        }

    async def test_headers_get_the_user_agent_suffix(self) -> None:
        model = model_of(text_result(), text_result())
        await generate_text(
            model=model,
            prompt="test-input",
            headers={"Custom-Request-Header": "request-header-value", "X-Unset": None},
        )
        await generate_text(model=model, prompt="test-input", headers={"User-Agent": "my-app/1"})

        assert model.do_generate_calls[0].headers == {
            "custom-request-header": "request-header-value",
            "user-agent": f"ai/{__version__}",
        }
        assert model.do_generate_calls[1].headers == {"user-agent": f"my-app/1 ai/{__version__}"}

    async def test_call_settings_and_provider_options_reach_the_model(self) -> None:
        model = model_of(text_result())
        await generate_text(
            model=model,
            prompt="test-input",
            max_output_tokens=100,
            temperature=0.5,
            top_p=0.9,
            top_k=40,
            presence_penalty=0.4,
            frequency_penalty=0.3,
            stop_sequences=["stop"],
            seed=123,
            reasoning="high",
            provider_options={"aProvider": {"someKey": "someValue"}},
        )

        options = model.do_generate_calls[0]
        assert (
            options.max_output_tokens,
            options.temperature,
            options.top_p,
            options.top_k,
            options.presence_penalty,
            options.frequency_penalty,
            options.stop_sequences,
            options.seed,
            options.reasoning,
        ) == (100, 0.5, 0.9, 40, 0.4, 0.3, ["stop"], 123, "high")
        assert options.provider_options == {"aProvider": {"someKey": "someValue"}}

    @pytest.mark.parametrize(
        ("setting", "message"),
        [
            ({"max_output_tokens": 0}, "max_output_tokens must be >= 1"),
            ({"temperature": "hot"}, "temperature must be a number"),
            ({"seed": 1.5}, "seed must be an integer"),
            ({"max_retries": -1}, "max_retries must be >= 0"),
        ],
    )
    async def test_invalid_settings_raise_before_the_model_is_called(
        self, setting: dict[str, Any], message: str
    ) -> None:
        model = model_of(text_result())
        with pytest.raises(InvalidArgumentError, match=message):
            await generate_text(model=model, prompt="test-input", **setting)
        assert model.do_generate_calls == []

    async def test_instructions_become_the_system_message(self) -> None:
        model = model_of(text_result())
        await generate_text(
            model=model,
            instructions="you are a helpful assistant",
            messages=[{"role": "user", "content": "test-message"}],
        )
        assert prompt_of(model.do_generate_calls[0]) == [
            {"role": "system", "content": "you are a helpful assistant"},
            {"role": "user", "content": [{"type": "text", "text": "test-message"}]},
        ]

    async def test_system_messages_in_messages_are_rejected_by_default(self) -> None:
        model = model_of(text_result())
        with pytest.raises(InvalidPromptError):
            await generate_text(
                model=model, messages=[{"role": "system", "content": "INSTRUCTIONS"}]
            )
        assert model.do_generate_calls == []

        await generate_text(
            model=model,
            messages=[{"role": "system", "content": "INSTRUCTIONS"}],
            allow_system_in_messages=True,
        )
        assert prompt_of(model.do_generate_calls[0]) == [
            {"role": "system", "content": "INSTRUCTIONS"}
        ]

    async def test_model_warnings_are_logged(self, caplog: pytest.LogCaptureFixture) -> None:
        caplog.set_level(logging.WARNING, logger="ai_sdk")
        await generate_text(
            model=model_of(
                text_result(
                    warnings=[
                        SharedV4OtherWarning(message="Setting is not supported"),
                        SharedV4UnsupportedWarning(feature="temperature", details="ignored"),
                    ]
                )
            ),
            prompt="test-input",
        )

        assert [record.getMessage() for record in caplog.records] == [
            "AI SDK Warning (mock-provider / mock-model-id): Setting is not supported",
            (
                'AI SDK Warning (mock-provider / mock-model-id): The feature "temperature" is not '
                "supported. ignored"
            ),
        ]
        assert all(record.levelno == logging.WARNING for record in caplog.records)

    async def test_stream_only_timeouts_are_logged_as_unsupported(
        self, caplog: pytest.LogCaptureFixture
    ) -> None:
        caplog.set_level(logging.WARNING, logger="ai_sdk")
        await generate_text(
            model=model_of(text_result()),
            prompt="test-input",
            timeout=Timeout(first_chunk=5, chunk=5),
        )
        messages = [record.getMessage() for record in caplog.records]
        assert messages == [
            (
                'AI SDK Warning (mock-provider / mock-model-id): The feature "timeout.first_chunk" '
                "is not supported. The first_chunk timeout is only supported by streaming functions."
            ),
            (
                'AI SDK Warning (mock-provider / mock-model-id): The feature "timeout.chunk" '
                "is not supported. The chunk timeout is only supported by streaming functions."
            ),
        ]


# --- model ids -----------------------------------------------------------------------------


class TestModelIds:
    @pytest.fixture(autouse=True)
    def reset_default_provider(self) -> Any:
        yield
        set_default_provider(None)

    async def test_string_model_ids_resolve_through_the_default_provider(self) -> None:
        model = model_of(text_result())
        set_default_provider(MockProviderV4(language_models={"mock/model": model}))

        response = await generate_text(model="mock/model", prompt="prompt")

        assert response.text == "Hello, world!"
        assert len(model.do_generate_calls) == 1

    async def test_prepare_step_may_switch_to_a_string_model_id(self) -> None:
        first = model_of(call(tool_call()))
        second = MockLanguageModelV4(
            provider="other", model_id="other-model", do_generate=[text_result("Done.")]
        )
        set_default_provider(MockProviderV4(language_models={"other/model": second}))

        response = await generate_text(
            model=first,
            prompt="prompt",
            tools={"tool1": value_tool()},
            stop_when=is_step_count(2),
            prepare_step=lambda options: {"model": "other/model"} if options.step_number else None,
        )

        assert response.text == "Done."
        assert response.final_step.model == ModelInfo(provider="other", model_id="other-model")

    async def test_unknown_model_id(self) -> None:
        set_default_provider(MockProviderV4(language_models={}))
        with pytest.raises(NoSuchModelError):
            await generate_text(model="mock/missing", prompt="prompt")

    async def test_no_default_provider_is_a_clear_error(
        self, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        set_default_provider(None)
        # no installed package registers a default provider either
        monkeypatch.setattr("importlib.metadata.entry_points", lambda **_: [])

        with pytest.raises(AISDKError, match=r"set_default_provider\(\.\.\.\)") as raised:
            await generate_text(model="groq/llama-3.3-70b-versatile", prompt="prompt")
        assert raised.value.name == "AI_NoDefaultProviderError"
        assert "ai-sdk[gateway]" in raised.value.message

    async def test_models_of_other_spec_versions_are_rejected(self) -> None:
        class OldModel:
            specification_version = "v1"
            provider = "old"
            model_id = "old-model"

        with pytest.raises(UnsupportedModelVersionError):
            await generate_text(model=OldModel(), prompt="prompt")  # type: ignore[arg-type]
