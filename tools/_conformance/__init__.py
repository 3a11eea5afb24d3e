"""The parts of the conformance runner; ``tools/conformance.py`` is the command.

``server`` serves a case's recorded response, ``convert`` turns inputs and outcomes into the
corpus README's JSON forms, ``compare`` diffs expected and actual JSON under ``ignore_paths``,
``providers`` maps the TS names of a case to the Python packages, ``runner`` ties them together.
"""
