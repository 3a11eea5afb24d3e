#!/usr/bin/env python3
"""Replay a conformance corpus through the Python providers and compare with the TS SDK.

``uv run tools/conformance.py --corpus DIR [--only SUBSTRING] [--expect-failures-from
PROVIDER[,PROVIDER]] [--timeout SECONDS]``: every folder under DIR holding a ``case.json``
(the format of ``../shared/conformance/README.md``) is replayed against a loopback server;
each failing case is printed with its differences, and the last line reads
``N passed, M failed``. The exit status is 0 when no case failed, not counting the cases of
the providers named in ``--expect-failures-from`` (those still print and count as failed).
The parts live in ``tools/_conformance/``.
"""

from __future__ import annotations

import sys

from _conformance.runner import main

if __name__ == "__main__":
    sys.exit(main())
