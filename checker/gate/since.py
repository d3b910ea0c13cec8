"""Seeds added or changed since a git revision (``checker gate --since REF``).

A seed counts as changed when its text (``seeds/<id>.txt``), its metadata
(``seeds/<id>.toml``) or its claims file (``claims/<id>.json``, which editors
may correct by hand) differs between the merge base of REF and HEAD and the
working tree, or is new and not yet committed.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path, PurePosixPath

from checker.errors import CheckerError

_WATCHED = {("seeds", ".txt"), ("seeds", ".toml"), ("claims", ".json")}


def _git(root: Path, *args: str) -> subprocess.CompletedProcess[str]:
    executable = shutil.which("git")
    if executable is None:
        raise CheckerError("--since needs git, which is not installed")
    return subprocess.run(
        [executable, "-C", str(root), *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        errors="replace",
        check=False,
    )


def seed_of(path: str) -> str | None:
    """The seed id a root-relative path belongs to, or ``None``."""
    parts = PurePosixPath(path).parts
    if len(parts) != 2:
        return None
    folder, name = parts
    suffix = PurePosixPath(name).suffix
    if (folder, suffix) not in _WATCHED or name == "schema.json":
        return None
    return PurePosixPath(name).stem


def changed_seeds(root: Path, ref: str) -> set[str]:
    """Ids of the seeds touched since ``ref`` (see the module docstring).

    Raises :class:`CheckerError` when ``root`` is not in a git work tree or
    ``ref`` is not a known revision.
    """
    if ref.startswith("-"):
        raise CheckerError(f"--since: {ref!r} is not a revision")
    check = _git(root, "rev-parse", "--verify", "--quiet", f"{ref}^{{commit}}")
    if check.returncode != 0:
        reason = check.stderr.strip().splitlines()[-1:] or [f"unknown revision {ref!r}"]
        raise CheckerError(f"--since {ref}: {reason[0]}", path=root)
    base = _git(root, "merge-base", ref, "HEAD")
    # A shallow clone may lack the merge base: compare with REF itself.
    since = base.stdout.strip() if base.returncode == 0 and base.stdout.strip() else ref
    diff = _git(root, "diff", "--name-only", "--relative", "-z", since, "--", "seeds", "claims")
    if diff.returncode != 0:
        raise CheckerError(f"--since {ref}: git diff failed: {diff.stderr.strip()}", path=root)
    new = _git(root, "ls-files", "--others", "--exclude-standard", "-z", "--", "seeds", "claims")
    names = diff.stdout.split("\0") + (new.stdout.split("\0") if new.returncode == 0 else [])
    return {seed for seed in map(seed_of, filter(None, names)) if seed is not None}
