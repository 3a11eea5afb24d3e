"""The error raised when a provider module's package is not installed."""

from __future__ import annotations


def missing_provider(module: str, extra: str) -> ImportError:
    """Return the ImportError for ``module`` whose provider needs ``ai-sdk[extra]``."""
    package = f"ai-sdk-{extra}"
    return ImportError(
        f"{module} needs the {package} package, which is not installed; "
        f'install it with: pip install "ai-sdk[{extra}]"',
        name=package.replace("-", "_"),
    )
