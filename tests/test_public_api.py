"""The public surface is small and deliberate (as httpx keeps it): `checker.__all__`."""

from __future__ import annotations

import checker


def test_all_is_sorted_and_complete() -> None:
    exported = [name for name in checker.__all__ if name != "__version__"]
    assert exported == sorted(exported)
    public = {name for name in dir(checker) if not name.startswith("_")}
    # submodules are reachable as attributes once imported; only names are the API
    public -= {name for name in public if type(getattr(checker, name)).__name__ == "module"}
    assert public == set(exported)


def test_version_is_a_string() -> None:
    assert isinstance(checker.__version__, str) and checker.__version__
