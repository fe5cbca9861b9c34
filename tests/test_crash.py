"""kill -9 in the middle of the summarize stage, with the fakes, then the same run again.

The real-model version, which also kills during embedding and clustering, is bench/crash.py.
"""

from __future__ import annotations

import dataclasses
import json
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import duckdb
import pytest

from localdigest.embed import HashEmbedder
from localdigest.llm import FakeLLM
from localdigest.pipeline import DayRequest, run_day

pytestmark = [
    pytest.mark.filterwarnings("ignore:n_jobs value:UserWarning"),
    pytest.mark.filterwarnings("ignore:distutils Version classes:DeprecationWarning"),
]

# Runs the day with a fake LLM that reports each call on stdout and then stalls at call N,
# so the test can kill it at a known point: some categories stored, one half done.
DRIVER = textwrap.dedent(
    """
    import sys, time
    from localdigest.config import Settings
    from localdigest.embed import HashEmbedder
    from localdigest.llm import FakeLLM
    from localdigest.pipeline import DayRequest, run_day

    db, out, source, stall = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])

    class Stalling(FakeLLM):
        def complete(self, prompt, **opts):
            print(f"call {len(self.prompts) + 1}", flush=True)
            if len(self.prompts) + 1 == stall:
                time.sleep(600)
            return super().complete(prompt, **opts)

    settings = Settings(
        db=db, out=out, llm_backend="fake", embed_backend="hash", writer="llm"
    )
    run_day(settings, DayRequest(inputs=[source]), llm=Stalling(), embedder=HashEmbedder())
    """
)


def table_facts(db: Path) -> dict:
    con = duckdb.connect(str(db), read_only=True)
    try:
        one = lambda sql: con.execute(sql).fetchone()[0]  # noqa: E731
        return {
            "assignments": dict(
                con.execute("SELECT paper_id, category_id FROM assignments").fetchall()
            ),
            "dup_papers": one("SELECT count(*) - count(DISTINCT id) FROM papers"),
            "summaries": one("SELECT count(*) FROM summaries"),
            "linked": one("SELECT count(*) FROM day_summaries"),
            "categories": one("SELECT count(*) FROM day_categories"),
            "embeddings": one("SELECT count(*) FROM embeddings"),
            "runs": [r[0] for r in con.execute("SELECT status FROM runs ORDER BY id").fetchall()],
        }
    finally:
        con.close()


def test_kill_during_summarize_then_rerun(tmp_path, settings, paper_factory, write_jsonl):
    source = write_jsonl(tmp_path / "day.jsonl", paper_factory())
    request = DayRequest(inputs=[str(source)])
    # writer "llm": the model writes part 3, so the run can be stopped inside summarize
    settings = dataclasses.replace(settings, writer="llm")
    baseline = run_day(settings, request, llm=FakeLLM(), embedder=HashEmbedder())
    total_calls = baseline.stats["llm_calls"]
    # one LLM call per paper (part 3); parts 1, 2, 4, 5 are composed without the model
    per_category = {c.id: len(c.papers) for c in baseline.categories}
    first = next(iter(per_category.values()))
    stall = first + 2  # the first category is stored, the second is in progress

    db, out = tmp_path / "crash" / "ld.duckdb", tmp_path / "crash" / "out"
    proc = subprocess.Popen(
        [sys.executable, "-c", DRIVER, str(db), str(out), str(source), str(stall)],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        for line in proc.stdout:
            if line.strip() == f"call {stall}":
                break
        else:
            pytest.fail(f"the driver ended before call {stall}: rc {proc.wait()}")
    finally:
        proc.send_signal(signal.SIGKILL)
        proc.wait()
    assert proc.returncode == -signal.SIGKILL
    killed = table_facts(db)
    assert killed["summaries"] == 1 and killed["runs"] == ["running"]
    assert not out.exists() or not any(out.iterdir())

    crash_settings = settings.with_overrides(db=str(db), out=str(out))
    llm = FakeLLM()
    rerun = run_day(crash_settings, request, llm=llm, embedder=HashEmbedder())
    # Only the unfinished categories are generated again; the stored one is reused.
    assert rerun.stats["cache_hits"] == 1
    assert len(llm.prompts) == total_calls - first
    assert rerun.stats["embedding_cache_hits"] == 32

    got, base = table_facts(db), table_facts(Path(settings.db))
    assert got["assignments"] == base["assignments"]
    assert got["dup_papers"] == 0
    assert got["summaries"] == got["linked"] == got["categories"] == len(per_category)
    assert got["embeddings"] == base["embeddings"] == 32
    assert got["runs"] == ["running", "ok"]  # the killed run stays 'running'; harmless
    assert sorted(p.name for p in out.iterdir()) == sorted(
        p.name for p in Path(settings.out).iterdir()
    )  # the three digest files, no temp file
    a = json.loads(rerun.json.read_text(encoding="utf-8"))
    b = json.loads(baseline.json.read_text(encoding="utf-8"))
    assert a["categories"] == b["categories"]
