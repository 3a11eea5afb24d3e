"""``create_groq`` and the default ``groq`` provider (port of ``groq-provider.ts`` and
``groq-tools.ts``).

Creating a provider reads nothing and connects to nothing: the API key (the ``api_key``
setting, else ``GROQ_API_KEY``) is read for each request, and the model modules (and pydantic)
are imported when the first model is created.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, ClassVar, Literal, NoReturn

from ai_sdk_core.errors import NoSuchModelError
from ai_sdk_core.provider_utils import load_api_key, with_user_agent_suffix
from ai_sdk_core.tools import Tool

from ._browser_search import browser_search
from ._version import __version__

if TYPE_CHECKING:
    import httpx

    from ._chat_model import GroqChatLanguageModel
    from ._transcription_model import GroqTranscriptionModel

__all__ = ["GroqProvider", "GroqTools", "create_groq", "groq"]

DEFAULT_BASE_URL = "https://api.groq.com/openai/v1"

_USER_AGENT = f"ai-sdk-groq/{__version__}"


class GroqTools:
    """The tools Groq runs itself, as ``groq.tools``."""

    __slots__ = ()

    @staticmethod
    def browser_search() -> Tool[Any, Any]:
        """Browser search (``groq.browser_search``), on ``openai/gpt-oss-20b`` and
        ``openai/gpt-oss-120b``; other models get a warning and the tool is not sent."""
        return browser_search()

    def __repr__(self) -> str:
        return "GroqTools()"


class GroqProvider:
    """Groq models (``ProviderV4``): chat models and Whisper transcription models.

    Calling the provider, :meth:`language_model` and :meth:`chat` give chat models;
    :meth:`transcription` (or :meth:`transcription_model`) gives transcription models.
    Groq has no embedding or image models: those methods raise
    :class:`~ai_sdk_core.errors.NoSuchModelError`. Create one with :func:`create_groq`.
    """

    specification_version: Literal["v4"] = "v4"
    tools: ClassVar[GroqTools] = GroqTools()
    """Provider-executed tools: ``groq.tools.browser_search()``."""

    __slots__ = ("_api_key", "_base_url", "_headers", "_http_client")

    def __init__(
        self,
        *,
        api_key: str | None,
        base_url: str,
        headers: Mapping[str, str] | None,
        http_client: httpx.AsyncClient | None,
    ) -> None:
        self._api_key = api_key
        self._base_url = base_url
        self._headers = dict(headers) if headers is not None else {}
        self._http_client = http_client

    def __repr__(self) -> str:  # never the API key
        return f"GroqProvider(base_url={self._base_url!r})"

    def _request_headers(self) -> dict[str, str]:
        """The provider's headers for one request; reads the API key (``LoadAPIKeyError``)."""
        api_key = load_api_key(
            api_key=self._api_key, environment_variable_name="GROQ_API_KEY", description="Groq"
        )
        return with_user_agent_suffix(
            {"Authorization": f"Bearer {api_key}", **self._headers}, _USER_AGENT
        )

    def _url(self, *, model_id: str, path: str) -> str:
        return f"{self._base_url}{path}"

    def __call__(self, model_id: str) -> GroqChatLanguageModel:
        """The chat model ``model_id`` (e.g. ``"llama-3.3-70b-versatile"``)."""
        return self.chat(model_id)

    def language_model(self, model_id: str) -> GroqChatLanguageModel:
        """The chat model ``model_id``."""
        return self.chat(model_id)

    def chat(self, model_id: str) -> GroqChatLanguageModel:
        """The chat model ``model_id``: ``POST {base_url}/chat/completions``."""
        from ._chat_model import GroqChatConfig, GroqChatLanguageModel

        return GroqChatLanguageModel(
            model_id,
            GroqChatConfig(
                provider="groq.chat",
                url=self._url,
                headers=self._request_headers,
                http_client=self._http_client,
            ),
        )

    def transcription(self, model_id: str) -> GroqTranscriptionModel:
        """The transcription model ``model_id`` (e.g. ``"whisper-large-v3-turbo"``):
        multipart ``POST {base_url}/audio/transcriptions``."""
        from ._transcription_model import GroqTranscriptionConfig, GroqTranscriptionModel

        return GroqTranscriptionModel(
            model_id,
            GroqTranscriptionConfig(
                provider="groq.transcription",
                url=self._url,
                headers=self._request_headers,
                http_client=self._http_client,
            ),
        )

    def transcription_model(self, model_id: str) -> GroqTranscriptionModel:
        """The transcription model ``model_id`` (same as :meth:`transcription`)."""
        return self.transcription(model_id)

    def embedding_model(self, model_id: str) -> NoReturn:
        """Groq has no embedding models: raises :class:`NoSuchModelError`."""
        raise NoSuchModelError(model_id=model_id, model_type="embeddingModel")

    def text_embedding_model(self, model_id: str) -> NoReturn:
        """Groq has no embedding models: raises :class:`NoSuchModelError`."""
        raise NoSuchModelError(model_id=model_id, model_type="embeddingModel")

    def image_model(self, model_id: str) -> NoReturn:
        """Groq has no image models: raises :class:`NoSuchModelError`."""
        raise NoSuchModelError(model_id=model_id, model_type="imageModel")


def create_groq(
    *,
    api_key: str | None = None,
    base_url: str = DEFAULT_BASE_URL,
    headers: Mapping[str, str] | None = None,
    http_client: httpx.AsyncClient | None = None,
) -> GroqProvider:
    """A Groq provider.

    Args:
        api_key: Sent as ``Authorization: Bearer <api_key>``. Without it the ``GROQ_API_KEY``
            environment variable is read, when a request is made; if neither is set the call
            raises :class:`~ai_sdk_core.errors.LoadAPIKeyError`.
        base_url: The API's base URL (one trailing ``/`` is removed); paths such as
            ``/chat/completions`` are appended.
        headers: Extra headers for every request (they may override ``Authorization``).
        http_client: The ``httpx.AsyncClient`` for all requests (default: a shared client).
    """
    return GroqProvider(
        api_key=api_key,
        base_url=base_url.removesuffix("/"),
        headers=headers,
        http_client=http_client,
    )


groq: GroqProvider = create_groq()
"""The default Groq provider: ``GROQ_API_KEY`` and the public API URL."""
