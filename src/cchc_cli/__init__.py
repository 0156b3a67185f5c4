"""cchc: administrative-reform targets computed from one-stop-shop exports."""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("cchc")
except PackageNotFoundError:  # running from a source tree without installation
    __version__ = "0.0.0"
