"""The dependency locks install on any machine: registry pins only, every one hashed, dev tools apart."""

import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
CHECK = REPO / "scripts" / "check_locks.py"
HASH = "    --hash=sha256:" + "0" * 64


def check(repo: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(CHECK), str(repo)], capture_output=True, text=True)


@pytest.fixture
def repo(tmp_path):
    """A copy of this project's pyproject and locks, to break one line at a time."""
    for name in ("pyproject.toml", "requirements.txt", "requirements-dev.txt"):
        (tmp_path / name).write_text((REPO / name).read_text())
    return tmp_path


def test_the_committed_locks_are_clean():
    result = check(REPO)
    assert result.returncode == 0, result.stdout
    runtime = (REPO / "requirements.txt").read_text()
    for tool in ("pytest", "playwright", "ruff", "reportlab"):
        assert f"\n{tool}==" not in runtime


def append(path: Path, text: str) -> int:
    """Append ``text`` and return the number of its first line."""
    before = path.read_text()
    path.write_text(before + text)
    return before.count("\n") + 1


@pytest.mark.parametrize(
    "line",
    [
        "pypdfium2 @ file:///tmp/pkgs/pypdfium2-5.15.2-py3-none-manylinux_2_17_x86_64.whl#sha256=dc31",
        "-e ./vendor/thing",
        "--find-links /opt/wheels",
        "thing @ https://example.org/thing-1.0.tar.gz",
    ],
)
def test_a_machine_local_line_fails_naming_file_and_line(repo, line):
    number = append(repo / "requirements-dev.txt", line + "\n")
    result = check(repo)
    assert result.returncode == 1
    assert f"requirements-dev.txt:{number}: points at this machine or a direct URL" in result.stdout


def test_an_unhashed_pin_fails(repo):
    number = append(repo / "requirements.txt", "six==1.16.0\n")
    result = check(repo)
    assert result.returncode == 1
    assert f"requirements.txt:{number}: six==1.16.0 has no --hash=sha256:" in result.stdout


def test_a_dev_tool_in_the_runtime_lock_fails(repo):
    number = append(repo / "requirements.txt", f"pytest-timeout==2.4.0 \\\n{HASH}\n")
    result = check(repo)
    assert f"requirements.txt:{number}: pytest-timeout is a dev tool" in result.stdout


def test_locks_that_disagree_fail(repo):
    dev = repo / "requirements-dev.txt"
    dev.write_text(dev.read_text().replace("\ndjango==5.2.19 ", "\ndjango==5.2.18 "))
    result = check(repo)
    assert result.returncode == 1
    assert "django==5.2.18 but requirements.txt" in result.stdout


def test_a_local_path_in_pyproject_fails(repo):
    pyproject = repo / "pyproject.toml"
    pyproject.write_text(pyproject.read_text().replace('"tqdm>=4.70,<5",', '"tqdm @ file:///tmp/tqdm.whl",'))
    result = check(repo)
    assert result.returncode == 1
    assert "pyproject.toml:" in result.stdout and "tqdm @ file:///tmp/tqdm.whl" in result.stdout
