from __future__ import annotations

from typing import Any, cast

import pytest
from hypothesis import given, strategies as st

from ai_sdk_core.errors import LoadAPIKeyError, LoadSettingError
from ai_sdk_core.provider_utils import load_api_key, load_optional_setting, load_setting

ENV = "TEST_PROVIDER_API_KEY"


@pytest.fixture(autouse=True)
def _no_env(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(ENV, raising=False)


def _load_key(api_key: object) -> str:
    return load_api_key(
        api_key=cast(Any, api_key), environment_variable_name=ENV, description="Test Provider"
    )


class TestLoadApiKey:
    def test_argument_wins_over_environment(self, monkeypatch: pytest.MonkeyPatch) -> None:
        monkeypatch.setenv(ENV, "sk-from-env")
        assert _load_key("sk-from-argument") == "sk-from-argument"

    def test_environment_when_no_argument(self, monkeypatch: pytest.MonkeyPatch) -> None:
        monkeypatch.setenv(ENV, "sk-from-env")
        assert _load_key(None) == "sk-from-env"

    def test_empty_values_are_values(self, monkeypatch: pytest.MonkeyPatch) -> None:
        monkeypatch.setenv(ENV, "sk-from-env")
        assert _load_key("") == ""
        monkeypatch.setenv(ENV, "")
        assert _load_key(None) == ""

    def test_missing_key_names_parameter_and_variable(self) -> None:
        with pytest.raises(LoadAPIKeyError) as caught:
            _load_key(None)
        assert str(caught.value) == (
            "Test Provider API key is missing. Pass it using the 'api_key' parameter "
            "or the TEST_PROVIDER_API_KEY environment variable."
        )
        assert caught.value.name == "AI_LoadAPIKeyError"

    def test_custom_parameter_name(self) -> None:
        with pytest.raises(LoadAPIKeyError, match="Pass it using the 'token' parameter"):
            load_api_key(
                api_key=None,
                environment_variable_name=ENV,
                api_key_parameter_name="token",
                description="Test Provider",
            )

    def test_non_string_key(self) -> None:
        with pytest.raises(LoadAPIKeyError) as caught:
            _load_key(b"sk-secret-bytes")
        assert str(caught.value) == "Test Provider API key must be a string."

    @given(secret=st.text(alphabet=st.characters(codec="ascii"), min_size=8))
    def test_key_never_in_messages(self, secret: str) -> None:
        for api_key in (secret.encode(), [secret], {"key": secret}):
            with pytest.raises(LoadAPIKeyError) as caught:
                _load_key(api_key)
            shown = f"{caught.value} {caught.value!r} {caught.value.args}"
            assert secret not in shown
            assert repr(secret) not in shown


class TestLoadSetting:
    def test_precedence(self, monkeypatch: pytest.MonkeyPatch) -> None:
        kwargs: dict[str, Any] = {
            "environment_variable_name": ENV,
            "setting_name": "base_url",
            "description": "Base URL",
        }
        monkeypatch.setenv(ENV, "https://env.example")
        assert load_setting(setting_value="https://arg.example", **kwargs) == "https://arg.example"
        assert load_setting(setting_value=None, **kwargs) == "https://env.example"

    def test_missing_setting(self) -> None:
        with pytest.raises(LoadSettingError) as caught:
            load_setting(
                setting_value=None,
                environment_variable_name=ENV,
                setting_name="base_url",
                description="Base URL",
            )
        assert str(caught.value) == (
            "Base URL setting is missing. Pass it using the 'base_url' parameter "
            "or the TEST_PROVIDER_API_KEY environment variable."
        )
        assert caught.value.name == "AI_LoadSettingError"

    def test_non_string_setting(self) -> None:
        with pytest.raises(LoadSettingError, match=r"^Base URL setting must be a string\.$"):
            load_setting(
                setting_value=cast(Any, 42),
                environment_variable_name=ENV,
                setting_name="base_url",
                description="Base URL",
            )


class TestLoadOptionalSetting:
    def test_argument_then_environment_then_none(self, monkeypatch: pytest.MonkeyPatch) -> None:
        assert load_optional_setting(setting_value=None, environment_variable_name=ENV) is None
        monkeypatch.setenv(ENV, "from-env")
        assert load_optional_setting(setting_value=None, environment_variable_name=ENV) == (
            "from-env"
        )
        assert load_optional_setting(setting_value="arg", environment_variable_name=ENV) == "arg"

    def test_non_string_gives_none_without_reading_environment(
        self, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        monkeypatch.setenv(ENV, "from-env")
        value = load_optional_setting(setting_value=cast(Any, 1), environment_variable_name=ENV)
        assert value is None
