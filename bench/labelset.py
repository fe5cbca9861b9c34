"""The editor's label set (data/labels/) and its days (data/days/), for the benches and
bench/train_fields.py. Training days fit and tune; the held-out sets only report."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
TRAIN_DAYS = [
    "2025-04-09",
    "2025-04-10",
    "2025-04-11",
    "2025-04-14",
    "2025-04-17",
    "2025-04-21",
    "2025-04-22",
    "2025-04-23",
    "2025-04-24",
    "2025-04-25",
]
# Held-out sets of five consecutive announcement days each; never trained or tuned on.
HELDOUT_SETS = {
    "heldout": ["2025-05-12", "2025-05-13", "2025-05-14", "2025-05-15", "2025-05-16"],
    "heldout2": ["2025-04-28", "2025-04-29", "2025-04-30", "2025-05-01", "2025-05-02"],
    "heldout3": ["2025-05-05", "2025-05-06", "2025-05-07", "2025-05-08", "2025-05-09"],
    # Five months after every other labelled day, imported by tools/import_daily.py.
    "heldout4": ["2025-10-20", "2025-10-21", "2025-10-22", "2025-10-23", "2025-10-24"],
}
HELDOUT_DAYS = [day for days in HELDOUT_SETS.values() for day in days]  # every held-out day
DEFAULT_CACHE = "/tmp/localdigest-bench/embeddings.duckdb"


def load_labels(day: str, folder: Path = ROOT / "data/labels") -> dict[str, tuple[str, list[str]]]:
    """paper id -> (field, also)."""
    out = {}
    path = folder / f"{day}.jsonl"
    for n, line in enumerate(path.read_text().splitlines(), start=1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
            out[row["id"]] = (row["field"], list(row.get("also", [])))
        except (json.JSONDecodeError, KeyError) as exc:
            raise SystemExit(f"{path}:{n}: bad label line ({exc})") from exc
    return out


def load_day(day: str, folder: Path = ROOT / "data/days") -> list:
    from localdigest import sources

    papers = sources.load([str(folder / f"{day}.jsonl")]).papers.values()
    return sorted((p for p in papers if p.published == day), key=lambda p: p.id)


def embed(cache: str, embedder, papers: list) -> np.ndarray:
    from localdigest.embed import embed_papers
    from localdigest.store import Store

    Path(cache).parent.mkdir(parents=True, exist_ok=True)
    with Store(cache) as store:
        store.upsert_papers(papers)
        vectors, _ = embed_papers(store, embedder, papers)
    return vectors


def labelled_days(
    days: list[str], cache: str, embedder
) -> list[tuple[str, list, np.ndarray, dict]]:
    """(day, papers, vectors, labels) for each day; every paper must carry a label."""
    out = []
    for day in days:
        papers, labels = load_day(day), load_labels(day)
        missing = [p.id for p in papers if p.id not in labels]
        if missing:
            raise SystemExit(f"data/labels/{day}.jsonl: no label for {len(missing)} papers")
        out.append((day, papers, embed(cache, embedder, papers), labels))
    return out


def offline() -> None:
    import os
    import warnings

    os.environ["HF_HUB_OFFLINE"] = "1"  # nothing downloads, whatever a library tries
    os.environ["TRANSFORMERS_OFFLINE"] = "1"
    os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
    warnings.filterwarnings("ignore")
