"""Categories of one real arXiv day (data/days/) with the bundled MiniLM: the issue's per-day
targets. Slow: embeds 161 papers on the CPU (about 30 s with clustering)."""

from __future__ import annotations

from pathlib import Path

import pytest

from localdigest import sources
from localdigest.embed import SentenceTransformerEmbedder, embed_papers
from localdigest.pipeline import categorize, make_labeler
from localdigest.store import Store

DAY = Path(__file__).resolve().parents[1] / "data" / "days" / "2025-04-04.jsonl"

pytestmark = [
    pytest.mark.slow,
    pytest.mark.filterwarnings("ignore:n_jobs value:UserWarning"),  # UMAP with a fixed seed
]


def test_real_day_meets_the_digest_targets(tmp_path):
    papers = sorted(sources.load([str(DAY)]).papers.values(), key=lambda p: p.id)
    assert len(papers) == 161
    embedder = SentenceTransformerEmbedder()
    with Store(tmp_path / "ld.duckdb") as store:
        vectors, _ = embed_papers(store, embedder, papers)
    labeler = make_labeler(embedder, None)
    assert labeler.guided  # the shipped field classifier knows the bundled embedder and fields
    cats, outlier_share = categorize(papers, vectors, labeler, seed=42)
    assert 6 <= len(cats) <= 12
    assert max(len(c.papers) for c in cats) <= 0.30 * len(papers)
    ids = [p.id for c in cats for p in c.papers]
    assert sorted(ids) == [p.id for p in papers]  # every paper exactly once
    assert 0.0 <= outlier_share < 0.5
    names = [c.name for c in cats]
    assert len(set(names)) == len(names)
    taxonomy = {f.name for f in labeler.taxonomy}
    assert {"LLM", "Computer Vision"} <= {n.split(" · ")[0] for n in names}  # a cs.CV/CL day
    assert sum(n.split(" · ")[0] in taxonomy for n in names) >= len(names) - 1
    again, _ = categorize(papers, vectors, labeler, seed=42)  # deterministic
    assert [(c.name, [p.id for p in c.papers]) for c in again] == [
        (c.name, [p.id for p in c.papers]) for c in cats
    ]
