#!/usr/bin/env python3
"""Refuse dependency files that only install on the machine that wrote them.

Checks ``pyproject.toml``, ``requirements.txt`` (the runtime lock) and ``requirements-dev.txt``
(runtime + test + dev tools) and prints one line per problem, naming the file and line:

- a local path or URL anywhere (``file:``, ``/tmp/``, ``-e ./``, ``--find-links`` to a folder,
  ``name @ <url>`` direct references): pip fails with ``OSError`` on every other machine;
- a pin without ``==`` or without ``--hash=sha256:`` (``pip --require-hashes`` would refuse it);
- a test or dev tool in the runtime lock (a production server installs that file alone);
- a package pinned differently in the two locks.

Exit status 0 when clean, 1 otherwise.  Standard library only: it runs before any install.
Usage: scripts/check_locks.py [REPO_DIR]
"""

from __future__ import annotations

import re
import sys
import tomllib
from dataclasses import dataclass
from pathlib import Path

LOCAL_REFERENCE = re.compile(r"file:|(^|[\s=@])/tmp/|^\s*-e\s+[./]|^\s*(--find-links|-f)\b|\s@\s*(file|https?|git\+)")
PIN = re.compile(r"^([A-Za-z0-9][A-Za-z0-9._-]*)(\[[^\]]*\])?==([^\s;\\]+)")
REQUIREMENT_NAME = re.compile(r"^\s*([A-Za-z0-9][A-Za-z0-9._-]*)")
NO_HASH = "has no --hash=sha256: (pip --require-hashes refuses it)"


@dataclass
class Pin:
    name: str
    version: str
    line: int
    hashed: bool


def normalise(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def logical_lines(path: Path):
    """(first line number, text) of each requirement, joining backslash continuations."""
    start, parts = None, []
    for number, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        text = raw.split(" #", 1)[0] if not raw.lstrip().startswith("#") else ""
        if start is None:
            start = number
        parts.append(text.rstrip("\\").strip())
        if raw.rstrip().endswith("\\"):
            continue
        joined = " ".join(p for p in parts if p)
        if joined:
            yield start, joined
        start, parts = None, []


def check_lock(path: Path, problems: list[str]) -> dict[str, Pin]:
    pins: dict[str, Pin] = {}
    if not path.exists():
        problems.append(f"{path.name}: missing (run `make lock`)")
        return pins
    for number, text in logical_lines(path):
        where = f"{path.name}:{number}"
        if LOCAL_REFERENCE.search(text):
            problems.append(f"{where}: points at this machine or a direct URL, not the registry: {text[:100]}")
            continue
        if text.startswith("-"):
            problems.append(f"{where}: option lines do not belong in a lock: {text[:100]}")
            continue
        match = PIN.match(text)
        if not match:
            problems.append(f"{where}: not an exact `name==version` pin: {text[:100]}")
            continue
        name = normalise(match.group(1))
        hashed = "--hash=sha256:" in text
        if not hashed:
            problems.append(f"{where}: {name}=={match.group(3)} {NO_HASH}")
        if name in pins:
            problems.append(f"{where}: {name} pinned twice (first at line {pins[name].line})")
        pins[name] = Pin(name, match.group(3), number, hashed)
    return pins


def check_pyproject(path: Path, problems: list[str]) -> set[str]:
    """Check the declarations; return the tools declared only for development."""
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    declared = list(data.get("project", {}).get("dependencies", []))
    for group in data.get("dependency-groups", {}).values():
        declared += [entry for entry in group if isinstance(entry, str)]
    for extra in data.get("project", {}).get("optional-dependencies", {}).values():
        declared += extra
    lines = path.read_text(encoding="utf-8").splitlines()
    for entry in declared:
        if LOCAL_REFERENCE.search(entry) or re.search(r"\s@\s", entry):
            number = next((i for i, line in enumerate(lines, 1) if entry in line), 0)
            problems.append(f"{path.name}:{number}: declares a local path or direct URL: {entry}")
    runtime = {normalise(REQUIREMENT_NAME.match(e).group(1)) for e in data.get("project", {}).get("dependencies", [])}
    dev_only = set()
    for group in data.get("dependency-groups", {}).values():
        dev_only |= {normalise(REQUIREMENT_NAME.match(e).group(1)) for e in group if isinstance(e, str)}
    return dev_only - runtime


def main(repo: Path) -> int:
    problems: list[str] = []
    dev_tools = check_pyproject(repo / "pyproject.toml", problems)
    runtime = check_lock(repo / "requirements.txt", problems)
    dev = check_lock(repo / "requirements-dev.txt", problems)
    for name in sorted(dev_tools & runtime.keys()):
        problems.append(f"requirements.txt:{runtime[name].line}: {name} is a dev tool; a server must not install it")
    for name, pin in sorted(runtime.items()):
        other = dev.get(name)
        if other is None:
            problems.append(f"requirements-dev.txt: lacks {name}=={pin.version} of requirements.txt (run `make lock`)")
        elif other.version != pin.version:
            problems.append(
                f"requirements-dev.txt:{other.line}: {name}=={other.version} but requirements.txt:{pin.line} "
                f"pins {pin.version} (run `make lock`)"
            )
    for problem in problems:
        print(problem)
    if problems:
        print(f"check_locks: {len(problems)} problem(s); regenerate with `make lock` (never `pip freeze`)")
        return 1
    print(f"check_locks: ok ({len(runtime)} runtime pins, {len(dev)} dev pins, all hashed)")
    return 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).resolve().parents[1]))
