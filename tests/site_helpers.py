"""Two fake days in a fresh database, shared by the site, browser, search and trends tests."""

from __future__ import annotations

from pathlib import Path

from conftest import _write_jsonl, make_tiny_papers

from localdigest.config import Settings
from localdigest.embed import HashEmbedder
from localdigest.llm import FakeLLM
from localdigest.pipeline import DayRequest, run_day

DAY_A, DAY_B = "2025-04-03", "2025-04-02"
HOSTILE = '<script>alert("x")</script> & <b>Bold</b> Graph Pooling'


def build_two_days(root: Path, profile: str = ""):
    """DAY_B: every other tiny paper (16); DAY_A: all 32 under new ids, one with a hostile
    HTML title. Runs with the fake LLM and the hash embedder."""
    day_a = make_tiny_papers(DAY_A, start=1)
    day_a[-1].title = HOSTILE
    day_b = make_tiny_papers(DAY_B, start=101)[::2]
    settings = Settings(
        db=str(root / "db.duckdb"),
        out=str(root / "out"),
        llm_backend="fake",
        embed_backend="hash",
        profile=profile,
    )
    path = _write_jsonl(root / "papers.jsonl", [*day_b, *day_a])
    results = [
        run_day(
            settings,
            DayRequest(inputs=[str(path)], date=day),
            llm=FakeLLM(),
            embedder=HashEmbedder(),
        )
        for day in (DAY_B, DAY_A)
    ]
    return settings, results
