"""The provider specification (``@ai-sdk/provider`` V4) in Python.

Model protocols, call options, prompts, content, stream parts, results and errors, named as in
TS (``LanguageModelV4CallOptions``) with snake_case attributes. Every data type is a slotted
dataclass that :mod:`ai_sdk_core.wire` converts to and from the TS JSON form.
"""

from __future__ import annotations

from . import (
    _embedding_model,
    _errors,
    _files,
    _image_model,
    _json,
    _language_model,
    _language_model_call,
    _language_model_content,
    _language_model_prompt,
    _language_model_result,
    _language_model_stream,
    _middleware,
    _model,
    _provider,
    _reranking_model,
    _shared,
    _speech_model,
    _transcription_model,
    _video_model,
)
from ._embedding_model import *  # noqa: F403
from ._errors import *  # noqa: F403
from ._files import *  # noqa: F403
from ._image_model import *  # noqa: F403
from ._json import *  # noqa: F403
from ._language_model import *  # noqa: F403
from ._language_model_call import *  # noqa: F403
from ._language_model_content import *  # noqa: F403
from ._language_model_prompt import *  # noqa: F403
from ._language_model_result import *  # noqa: F403
from ._language_model_stream import *  # noqa: F403
from ._middleware import *  # noqa: F403
from ._model import *  # noqa: F403
from ._provider import *  # noqa: F403
from ._reranking_model import *  # noqa: F403
from ._shared import *  # noqa: F403
from ._speech_model import *  # noqa: F403
from ._transcription_model import *  # noqa: F403
from ._video_model import *  # noqa: F403

__all__: list[str] = []
__all__ += _json.__all__
__all__ += _shared.__all__
__all__ += _language_model_prompt.__all__
__all__ += _language_model_call.__all__
__all__ += _language_model_content.__all__
__all__ += _language_model_stream.__all__
__all__ += _language_model_result.__all__
__all__ += _language_model.__all__
__all__ += _embedding_model.__all__
__all__ += _image_model.__all__
__all__ += _reranking_model.__all__
__all__ += _speech_model.__all__
__all__ += _transcription_model.__all__
__all__ += _video_model.__all__
__all__ += _files.__all__
__all__ += _provider.__all__
__all__ += _middleware.__all__
__all__ += _model.__all__
__all__ += _errors.__all__
