"""``import ai_sdk_gateway`` is cheap: no environment read, no HTTP client, no pydantic, no
model modules; the public names are all there."""

from __future__ import annotations

import json
import subprocess
import sys

import ai_sdk_gateway

SCRIPT = """
import json, os, sys
import httpx
import ai_sdk_core  # what core itself does at import is not this package's business

read = []
class Recording(dict):
    def get(self, key, default=None):
        read.append(key)
        return super().get(key, default)
    def __getitem__(self, key):
        read.append(key)
        return super().__getitem__(key)
os.environ = Recording(os.environ)
clients = []
original = httpx.AsyncClient.__init__
def init(self, *args, **kwargs):
    clients.append(1)
    original(self, *args, **kwargs)
httpx.AsyncClient.__init__ = init

import ai_sdk_gateway
ai_sdk_gateway.create_gateway()
print(json.dumps({
    "read": read,
    "clients": len(clients),
    "modules": sorted(m for m in sys.modules if m.startswith(("pydantic", "ai_sdk_gateway."))),
}))
"""


def test_import_reads_nothing_and_loads_little() -> None:
    output = subprocess.run(
        [sys.executable, "-c", SCRIPT], capture_output=True, text=True, check=True, timeout=60
    ).stdout
    found = json.loads(output)
    assert found["read"] == []
    assert found["clients"] == 0
    assert not [m for m in found["modules"] if m.startswith("pydantic")]
    assert not [m for m in found["modules"] if m.endswith("_model") or "_tools" in m]


def test_every_public_name_resolves() -> None:
    for name in ai_sdk_gateway.__all__:
        assert getattr(ai_sdk_gateway, name) is not None, name
    assert set(ai_sdk_gateway.__all__) <= set(dir(ai_sdk_gateway))
