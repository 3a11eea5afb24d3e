"""API keys and settings: from an argument, else from an environment variable.

Ports of ``load-api-key.ts``, ``load-setting.ts`` and ``load-optional-setting.ts``. The messages
are the TS messages with the Python parameter names; they never contain a key's value.
"""

from __future__ import annotations

import os

from ai_sdk_core.provider._errors import LoadAPIKeyError, LoadSettingError

__all__ = ["load_api_key", "load_optional_setting", "load_setting"]


def load_api_key(
    *,
    api_key: str | None,
    environment_variable_name: str,
    api_key_parameter_name: str = "api_key",
    description: str,
) -> str:
    """``api_key`` when given, else the environment variable; :class:`LoadAPIKeyError` if neither.

    ``description`` names the provider (``"Groq"``); ``api_key_parameter_name`` is the factory
    parameter the message tells the user to pass.
    """
    if isinstance(api_key, str):
        return api_key
    if api_key is not None:
        raise LoadAPIKeyError(f"{description} API key must be a string.")
    value = os.environ.get(environment_variable_name)
    if value is None:
        raise LoadAPIKeyError(
            f"{description} API key is missing. Pass it using the '{api_key_parameter_name}' "
            f"parameter or the {environment_variable_name} environment variable."
        )
    return value


def load_setting(
    *,
    setting_value: str | None,
    environment_variable_name: str,
    setting_name: str,
    description: str,
) -> str:
    """``setting_value`` when given, else the environment variable; :class:`LoadSettingError`.

    ``setting_name`` is the Python parameter the message tells the user to pass.
    """
    if isinstance(setting_value, str):
        return setting_value
    if setting_value is not None:
        raise LoadSettingError(f"{description} setting must be a string.")
    value = os.environ.get(environment_variable_name)
    if value is None:
        raise LoadSettingError(
            f"{description} setting is missing. Pass it using the '{setting_name}' parameter "
            f"or the {environment_variable_name} environment variable."
        )
    return value


def load_optional_setting(
    *, setting_value: str | None, environment_variable_name: str
) -> str | None:
    """``setting_value`` when given, else the environment variable, else ``None``.

    A value that is not a string yields ``None`` without looking at the environment (as in TS).
    """
    if isinstance(setting_value, str):
        return setting_value
    if setting_value is not None:
        return None
    return os.environ.get(environment_variable_name)
