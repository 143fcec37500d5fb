"""Kill-and-resume: a writer killed with SIGKILL mid-run and restarted ends with exactly the rows
of a clean run (a real subprocess writing to a real DuckDB file)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import duckdb
import pytest

sys.path.insert(0, str(Path(__file__).parent))

from test_store import snapshot  # noqa: E402

WRITER = textwrap.dedent(
    """
    import sys, time
    sys.path.insert(0, {here!r})
    import synthetic
    from flashpoint.records import CodedArticle
    from flashpoint.store import Store

    db, pause = sys.argv[1], float(sys.argv[2])
    outcomes = synthetic.corpus(120)
    with Store(db) as store:
        for start in range(0, len(outcomes), 12):
            # Resume: articles a previous run already committed are skipped (as ingest does).
            batch = [o for o in outcomes[start:start + 12]
                     if not (isinstance(o, CodedArticle) and store.has_article(o.article.id))]
            store.write(batch)
            print("committed", start // 12 + 1, flush=True)
            time.sleep(pause)
        store.finish_run()
    print("done", flush=True)
    """
)


def run_writer(script: Path, db: Path, pause: float) -> subprocess.Popen:
    env = dict(os.environ, PYTHONUNBUFFERED="1")
    return subprocess.Popen(
        [sys.executable, str(script), str(db), str(pause)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env,
    )


@pytest.mark.slow
def test_killed_run_resumes_to_the_rows_of_a_clean_run(tmp_path):
    script = tmp_path / "writer.py"
    script.write_text(WRITER.format(here=str(Path(__file__).parent)))

    clean_db = tmp_path / "clean.duckdb"
    clean = run_writer(script, clean_db, 0.0)
    out, err = clean.communicate(timeout=300)
    assert clean.returncode == 0, err
    assert out.strip().endswith("done")

    killed_db = tmp_path / "killed.duckdb"
    proc = run_writer(script, killed_db, 0.5)
    seen = 0
    for line in proc.stdout:
        if line.startswith("committed"):
            seen = int(line.split()[1])
            if seen >= 3:
                break
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=60)
    assert proc.returncode == -signal.SIGKILL

    conn = duckdb.connect(str(killed_db))
    partial = conn.execute("SELECT count(*) FROM articles").fetchone()[0]
    conn.close()
    assert 0 < partial < 110, "the kill must land mid-run"

    resumed = run_writer(script, killed_db, 0.0)
    out, err = resumed.communicate(timeout=300)
    assert resumed.returncode == 0, err

    volatile = {"ingest_log": {"run_id", "time"}}
    with duckdb.connect(str(clean_db), read_only=True) as a:
        expected = snapshot(a, volatile)
    with duckdb.connect(str(killed_db), read_only=True) as b:
        got = snapshot(b, volatile)
    assert got == expected
    assert len(expected["articles"]) == 120
    assert len(expected["fused_events"]) > 0
