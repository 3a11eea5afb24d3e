"""The AI SDK for Python: one API for language, embedding, image, speech and other models.

``ai_sdk_core`` holds the user-facing functions (``generate_text``, ``stream_text`` and their
``_sync`` twins, tools, structured output), the provider specification
(:mod:`ai_sdk_core.provider`), the helpers provider packages share
(:mod:`ai_sdk_core.provider_utils`) and the TS-compatible wire codec (:mod:`ai_sdk_core.wire`).
Most applications install and import the ``ai-sdk`` meta-package instead.
"""

from __future__ import annotations

from . import _default_provider, _usage, embed as _embed, errors, generate_text as _generate_text
from ._default_provider import *  # noqa: F403
from ._usage import *  # noqa: F403
from ._version import __version__ as __version__
from .embed import *  # noqa: F403
from .errors import *  # noqa: F403
from .generate_text import *  # noqa: F403
from .prompt import (
    AssistantContent as AssistantContent,
    AssistantModelMessage as AssistantModelMessage,
    CustomPart as CustomPart,
    FilePart as FilePart,
    ImagePart as ImagePart,
    ModelMessage as ModelMessage,
    ReasoningFilePart as ReasoningFilePart,
    ReasoningPart as ReasoningPart,
    SystemModelMessage as SystemModelMessage,
    TextPart as TextPart,
    ToolApprovalRequest as ToolApprovalRequest,
    ToolApprovalResponse as ToolApprovalResponse,
    ToolCallPart as ToolCallPart,
    ToolContent as ToolContent,
    ToolModelMessage as ToolModelMessage,
    ToolResultOutput as ToolResultOutput,
    ToolResultPart as ToolResultPart,
    UserContent as UserContent,
    UserModelMessage as UserModelMessage,
)
from .prompt._download import (
    DownloadedFile as DownloadedFile,
    DownloadFunction as DownloadFunction,
    DownloadRequest as DownloadRequest,
)
from .prompt._prepare_tools import ToolChoice as ToolChoice
from .provider_utils import (
    Schema as Schema,
    as_schema as as_schema,
    create_id_generator as create_id_generator,
    generate_id as generate_id,
    json_schema as json_schema,
)
from .tools import (
    RepairToolCallOptions as RepairToolCallOptions,
    Tool as Tool,
    ToolCallRepairFunction as ToolCallRepairFunction,
    ToolExecutionOptions as ToolExecutionOptions,
    ToolSet as ToolSet,
    dynamic_tool as dynamic_tool,
    tool as tool,
)

__all__: list[str] = [
    "__version__",
    "DownloadFunction",
    "DownloadRequest",
    "DownloadedFile",
    "RepairToolCallOptions",
    "Schema",
    "Tool",
    "ToolCallRepairFunction",
    "ToolChoice",
    "ToolExecutionOptions",
    "ToolSet",
    "as_schema",
    "create_id_generator",
    "dynamic_tool",
    "generate_id",
    "json_schema",
    "tool",
    "AssistantContent",
    "AssistantModelMessage",
    "CustomPart",
    "FilePart",
    "ImagePart",
    "ModelMessage",
    "ReasoningFilePart",
    "ReasoningPart",
    "SystemModelMessage",
    "TextPart",
    "ToolApprovalRequest",
    "ToolApprovalResponse",
    "ToolCallPart",
    "ToolContent",
    "ToolModelMessage",
    "ToolResultOutput",
    "ToolResultPart",
    "UserContent",
    "UserModelMessage",
]
__all__ += _generate_text.__all__
__all__ += _default_provider.__all__
__all__ += _usage.__all__
__all__ += errors.__all__
__all__ += _embed.__all__
