"""Versions written into generated files."""

from importlib.metadata import PackageNotFoundError, version

try:
    CHECKER_VERSION = version("checker")
except PackageNotFoundError:  # running from a source tree that is not installed
    CHECKER_VERSION = "0.0.0+source"
