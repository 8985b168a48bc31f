"""scripts/search-engine.sh stop signals only the node it started, never what a stale state file names."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

LAUNCHER = Path(__file__).resolve().parents[1] / "scripts" / "search-engine.sh"
MARKERS = {
    "opensearch": "org.opensearch.bootstrap.OpenSearch",
    "elasticsearch": "org.elasticsearch.bootstrap.Elasticsearch",
}

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc/<pid>/cmdline")


def stop(engine, cache, pid, node_home):
    run = cache / "run"
    run.mkdir(parents=True, exist_ok=True)
    (run / f"{engine}.state").write_text(
        f"ENGINE={engine}\nPID={pid}\nWRAPPER={pid}\nURL={engine}9://127.0.0.1:1\nHTTP=http://127.0.0.1:1\n"
        f"NODE_HOME={node_home}\nOWN_HOME=0\nLOGS={node_home}/logs\n"
    )
    env = {**os.environ, f"{engine.upper()}_CACHE": str(cache)}
    result = subprocess.run([str(LAUNCHER), engine, "stop"], env=env, capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert not (run / f"{engine}.state").exists()
    return result.stderr


def process(*args):
    """A sleeper whose command line carries ``args``, as a real node's carries its home and class."""
    return subprocess.Popen([sys.executable, "-c", "import time; time.sleep(300)", *args])


@pytest.mark.parametrize("engine", MARKERS)
def test_a_stale_state_file_naming_an_unrelated_process_leaves_it_running(tmp_path, engine):
    unrelated = process()
    # Even a process of the same engine is spared if it is not this node (another home).
    other_node = process("java", f"-Des.path.conf={tmp_path}/another-home/config", MARKERS[engine])
    try:
        for victim in (unrelated, other_node):
            stderr = stop(engine, tmp_path / "cache", victim.pid, tmp_path / "home")
            assert victim.poll() is None
            assert f"pid {victim.pid} is not this {engine} node" in stderr
    finally:
        unrelated.kill()
        other_node.kill()


@pytest.mark.parametrize("engine", MARKERS)
def test_the_node_the_state_file_names_is_stopped(tmp_path, engine):
    home = tmp_path / "home"
    node = process("java", f"-Dpath.conf={home}/config", MARKERS[engine])
    try:
        stop(engine, tmp_path / "cache", node.pid, home)
        assert node.wait(timeout=30) != 0  # ended by the launcher's SIGTERM
    finally:
        node.kill()
