"""Replaying a corpus: each case in isolation, compared with what the TS SDK did, reported.

A case runs on a fresh event loop in its own thread, with a fresh :class:`ReplayServer` and
provider, the environment prepared as the corpus README says and restored afterwards, and a
timeout (a case that blocks its event loop is abandoned on its daemon thread).
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import os
import sys
import threading
import time
import traceback
from collections.abc import Callable, Coroutine, Generator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar, cast

from ai_sdk_core.errors import AISDKError, TypeValidationError
from ai_sdk_core.wire import from_wire

from .compare import Difference, compare, format_difference, parse_path
from .convert import (
    decode_tagged,
    normalize_request,
    outcome_json,
    tolerate_runtime_token,
    with_port,
)
from .providers import (
    METHODS,
    OPTIONS,
    PROVIDERS,
    ProviderEntry,
    SetupError,
    load_factory,
    python_settings,
)
from .server import RecordedRequest, ReplayServer

__all__ = ["CLEARED_ENV", "CaseReport", "main", "run_case"]

T = TypeVar("T")

CLEARED_ENV = (
    "AI_GATEWAY_API_KEY",
    "VERCEL_OIDC_TOKEN",
    "VERCEL_DEPLOYMENT_ID",
    "VERCEL_ENV",
    "VERCEL_REGION",
    "VERCEL_PROJECT_ID",
    "VERCEL_URL",
    "GROQ_API_KEY",
    "TOGETHER_API_KEY",
    "TOGETHER_AI_API_KEY",
    "OPENAI_API_KEY",
)
"""Environment variables unset before every case (then the case's ``env`` is applied)."""

OUTCOMES = ("expected_result", "expected_error", "expected_stream", "expected_stream_error")
MAX_DIFFERENCES = 20
TRACEBACK_LINES = 15


@dataclass(slots=True)
class CaseReport:
    """How one case went: a ``reason`` when it could not run, else its differences."""

    name: str
    provider: str
    seconds: float = 0.0
    reason: str | None = None
    differences: list[Difference] = field(default_factory=list[Difference])
    tracebacks: list[str] = field(default_factory=list[str])

    @property
    def passed(self) -> bool:
        return self.reason is None and not self.differences


@dataclass(frozen=True, slots=True)
class _Plan:
    factory: Callable[..., Any]
    model_method: str | None
    method: str
    options_type: type[object] | None


@dataclass(frozen=True, slots=True)
class _Replay:
    requests: list[RecordedRequest]
    port: int
    outcome: dict[str, object]


def _plan(case: Mapping[str, Any], providers: Mapping[str, ProviderEntry]) -> _Plan:
    provider, kind, method = case["provider"], case["model"]["kind"], case["call"]["method"]
    entry = providers.get(provider)
    if entry is None:
        raise SetupError(f"unknown provider {provider!r} (known: {', '.join(providers)})")
    if kind not in entry.models:
        raise SetupError(f"model kind {kind!r} is not mapped for {provider}")
    if method not in METHODS:
        raise SetupError(f"call method {method!r} is not mapped")
    return _Plan(load_factory(entry), entry.models[kind], METHODS[method], OPTIONS.get(kind))


def _attribute(target: object, name: str) -> Any:
    found = getattr(target, name, None)
    if found is None:
        raise SetupError(f"{type(target).__qualname__} has no {name}")
    return found


async def _call(
    plan: _Plan, settings: dict[str, Any], model_id: str, options: object
) -> dict[str, object]:
    """The outcome under the case's field names: the result (and stream parts) or the error."""
    try:
        provider = plan.factory(**settings)
        target = (
            provider
            if plan.model_method is None
            else _attribute(provider, plan.model_method)(model_id)
        )
        method = _attribute(target, plan.method)
        result: Any = await (method() if plan.options_type is None else method(options))
    except SetupError:
        raise
    except Exception as error:
        return {"expected_error": error}
    if plan.method != "do_stream":
        return {"expected_result": result}
    parts: list[object] = []
    outcome: dict[str, object] = {
        "expected_result": {
            name: value
            for name in ("request", "response")
            if (value := getattr(result, name, None)) is not None
        },
        "expected_stream": parts,
    }
    try:
        async with contextlib.aclosing(result.stream) as stream:
            async for part in stream:
                parts.append(part)  # noqa: PERF401 - keeps the parts read before an error
    except Exception as error:
        outcome["expected_stream_error"] = error
    return outcome


async def _replay(case: Mapping[str, Any], plan: _Plan) -> _Replay:
    async with ReplayServer(case["response"]) as server:
        port = server.port
        settings = python_settings(decode_tagged(with_port(case["settings"], port)))
        options: object = None
        if plan.options_type is not None:
            data = decode_tagged(with_port(case["call"].get("options", {}), port))
            try:
                options = from_wire(plan.options_type, data)
            except TypeValidationError as error:
                raise SetupError(
                    f"call.options do not decode as {plan.options_type.__name__}: {error.cause}"
                ) from None
        for name in CLEARED_ENV:
            os.environ.pop(name, None)
        os.environ.update(with_port(case.get("env") or {}, port))
        outcome = await _call(plan, settings, case["model"]["id"], options)
    return _Replay(server.requests, port, outcome)


def _run_isolated(make: Callable[[], Coroutine[Any, Any, T]], timeout: float) -> T:
    """``make()`` on a new event loop in a daemon thread; ``TimeoutError`` after ``timeout`` s."""
    results: list[T] = []
    errors: list[BaseException] = []

    async def bounded() -> T:
        async with asyncio.timeout(timeout):
            return await make()

    def run() -> None:
        try:
            results.append(asyncio.run(bounded()))
        except BaseException as error:
            errors.append(error)

    thread = threading.Thread(target=run, name="conformance-case", daemon=True)
    thread.start()
    thread.join(timeout + 2)
    if thread.is_alive():
        raise TimeoutError(f"timed out after {timeout:g} s, blocking its event loop")
    if errors:
        raise errors[0]
    return results[0]


@contextlib.contextmanager
def _restored_environment() -> Generator[None]:
    saved = dict(os.environ)
    try:
        yield
    finally:
        for name in set(os.environ) - set(saved):
            del os.environ[name]
        for name, value in saved.items():
            if os.environ.get(name) != value:
                os.environ[name] = value


def _user_agent(request: object) -> str | None:
    headers = cast("dict[str, Any]", request).get("headers") if isinstance(request, dict) else None
    agent = cast("dict[str, Any]", headers).get("user-agent") if isinstance(headers, dict) else None
    return agent if isinstance(agent, str) else None


def _actual(case: Mapping[str, Any], replay: _Replay) -> dict[str, Any]:
    """The actual counterpart of the case's ``expected_*`` fields, in the README's JSON form."""
    request = normalize_request(replay.requests[0], replay.port) if replay.requests else None
    expected_agent = _user_agent(case.get("expected_request"))
    actual_agent = _user_agent(request)
    if request is not None and expected_agent is not None and actual_agent is not None:
        request["headers"]["user-agent"] = tolerate_runtime_token(expected_agent, actual_agent)
    actual = {"expected_request": request}
    actual.update((key, outcome_json(value, replay.port)) for key, value in replay.outcome.items())
    return actual


def _tracebacks(outcome: Mapping[str, object]) -> list[str]:
    """Tracebacks of exceptions that are not AI SDK errors: likely bugs, worth showing."""
    return [
        "".join(traceback.format_exception(error))
        for error in outcome.values()
        if isinstance(error, Exception) and not isinstance(error, AISDKError)
    ]


def run_case(
    directory: Path,
    name: str,
    providers: Mapping[str, ProviderEntry] = PROVIDERS,
    timeout: float = 30.0,
) -> CaseReport:
    """Replay the case in ``directory`` and compare; never raises for a broken case."""
    report = CaseReport(name=name, provider="?")
    started = time.perf_counter()
    try:
        case = json.loads((directory / "case.json").read_text("utf-8"))
        report.provider = str(case["provider"])
        ignore = [
            parse_path(path)
            for path in (*case.get("ignore_paths", ()), *case.get("manual_ignore_paths", ()))
        ]
        plan = _plan(case, providers)
        with _restored_environment():
            replay = _run_isolated(lambda: _replay(case, plan), timeout)
    except SetupError as error:
        report.reason = str(error)
    except TimeoutError as error:
        report.reason = str(error) or f"timed out after {timeout:g} s"
    except Exception as error:
        report.reason = f"runner error: {type(error).__name__}: {error}"
        report.tracebacks = ["".join(traceback.format_exception(error))]
    else:
        expected = {key: case[key] for key in ("expected_request", *OUTCOMES) if key in case}
        report.differences = compare(expected, _actual(case, replay), ignore)
        if len(replay.requests) > 1:
            report.differences.append(
                Difference("expected_request", "1 request", f"{len(replay.requests)} requests")
            )
        if report.differences:
            report.tracebacks = _tracebacks(replay.outcome)
    report.seconds = time.perf_counter() - started
    return report


def _report_lines(report: CaseReport, expected_failure: bool) -> list[str]:
    timing = f"({report.seconds:.2f} s)"
    if report.passed:
        return [f"PASS {report.name} {timing}"]
    marker = " [expected failure]" if expected_failure else ""
    if report.reason is not None:
        lines = [f"FAIL {report.name} {timing}{marker}: {report.reason}"]
    else:
        count = len(report.differences)
        lines = [f"FAIL {report.name} {timing}{marker}: {count} difference{'s' * (count != 1)}"]
        for difference in report.differences[:MAX_DIFFERENCES]:
            lines += [f"    {line}" for line in format_difference(difference)]
        if count > MAX_DIFFERENCES:
            lines.append(f"    … and {count - MAX_DIFFERENCES} more")
    for text in report.tracebacks:
        lines += [f"    | {line}" for line in text.rstrip().splitlines()[-TRACEBACK_LINES:]]
    return lines


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="conformance.py",
        description="Replay a conformance corpus through the Python providers.",
    )
    parser.add_argument("--corpus", required=True, type=Path, help="folder of case folders")
    parser.add_argument(
        "--only", default="", metavar="SUBSTRING", help="run cases whose name contains SUBSTRING"
    )
    parser.add_argument(
        "--expect-failures-from",
        default="",
        metavar="PROVIDER[,PROVIDER]",
        help="providers not ported yet: their failed cases are reported and counted, but do not fail the run",
    )
    parser.add_argument(
        "--timeout", type=float, default=30.0, metavar="SECONDS", help="per case (default 30)"
    )
    return parser


def main(
    argv: Sequence[str] | None = None, providers: Mapping[str, ProviderEntry] = PROVIDERS
) -> int:
    """Run the command; the exit status is 0 when no case failed other than expected ones."""
    args = _parser().parse_args(argv)
    corpus: Path = args.corpus
    if not corpus.is_dir():
        print(f"conformance: corpus folder {corpus} does not exist", file=sys.stderr)
        return 2
    tolerated = {name.strip() for name in str(args.expect_failures_from).split(",") if name.strip()}
    names = sorted(
        path.parent.relative_to(corpus).as_posix()
        for path in corpus.rglob("case.json")
        if path.parent != corpus
    )
    started = time.perf_counter()
    reports: list[CaseReport] = []
    for name in names:
        if args.only in name:
            report = run_case(corpus / name, name, providers, args.timeout)
            print("\n".join(_report_lines(report, report.provider in tolerated)), flush=True)
            reports.append(report)
    failed = [report for report in reports if not report.passed]
    unexpected = [report for report in failed if report.provider not in tolerated]
    if len(failed) > len(unexpected):
        print(
            f"{len(failed) - len(unexpected)} failed cases are expected to fail"
            f" (--expect-failures-from {','.join(sorted(tolerated))})"
        )
    for provider in sorted(tolerated):
        own = [report for report in reports if report.provider == provider]
        if own and all(report.passed for report in own):
            print(f"every {provider} case passes: drop it from --expect-failures-from")
    print(f"{len(reports)} cases in {time.perf_counter() - started:.1f} s")
    print(f"{len(reports) - len(failed)} passed, {len(failed)} failed")
    return 1 if unexpected else 0
