"""Categories benchmark: do the day's categories carry names that fit their papers?

Scored against the editor's label set (data/labels/, see its README), on a held-out set of five
consecutive days (--split heldout: 2025-05-12 .. 16, the default; heldout2: 2025-04-28 .. 05-02;
heldout3: 2025-05-05 .. 09; heldout4: 2025-10-20 .. 24; heldout-all: all four, each from a fresh
store as if run alone, then pooled); nothing here was tuned on them. Every method gets the same
MiniLM embeddings (all-MiniLM-L6-v2, cached in a DuckDB file under /tmp, so a rerun only clusters):

  ours      the pipeline: text + field classifier probabilities -> UMAP + HDBSCAN, named by the
            classifier (localdigest/data/fields.npz, trained on the training days only)
  ours-old  with --old-fields PATH: the same pipeline with another classifier file (e.g. the
            previous fields.npz, from `git show`), so a retrained classifier meets its
            predecessor on the same days in the same run
  before    the previous pipeline: text + arXiv categories (weight 0.5), named by each paper's
            nearest field description
  KMeans    k=10 on the MiniLM vectors
  BERTopic  its defaults on the MiniLM vectors (precomputed embeddings, seeded UMAP); its
            outlier topic -1 is one group without a field, as a reader would see it
  arXiv     each paper's arXiv primary category as its category

Ours and before name their own categories. The baselines have no field names, so each of their
groups is named by the same classifier vote ours uses (the field most of its papers are
predicted to be in): their fit measures how well their groups can be named at all.

Per day: cats (categories), largest (share of the largest), other (share in 기타 / no field),
fit (share of papers whose category is named after their field or one of their "also"
fields), purity (share of papers in their category's most common field), arXiv homogeneity
(sklearn homogeneity against arXiv primary categories; secondary, the old figure), dropped
(papers in no category or in two). Totals: fit and purity over all the days' papers (and the
mean of the days' figures), the range or worst day of the rest, and distinct category names
over the days against 1.5x the mean number per day. Ours and before run the days in date order
against one store each, so a day sees the names of the days before it, as `localdigest run`
does.

--split train scores the training days instead, with the classifier retrained on the other
training days for each day (leave one day out), and --tune tries guide weights there.

Each method's totals line marks every bar of issue 12 "ok" or "MISS"; --check exits 1 when ours
misses one.

Usage: .venv/bin/python bench/categories.py
         [--split heldout|heldout2|heldout3|heldout4|heldout-all|train] [--tune]
       [--mix M] [--old-fields PATH] [--no-bertopic] [--show] [--check]
"""

from __future__ import annotations

import argparse
import time
from collections import Counter

import numpy as np
from labelset import DEFAULT_CACHE, HELDOUT_SETS, TRAIN_DAYS, labelled_days, offline

NO_FIELD = None


def fit_and_purity(groups: list, group_field: dict, papers: list, labels: dict) -> tuple:
    """Name fit and purity of one day's grouping (one group per paper)."""
    fields = [labels[p.id][0] for p in papers]
    fits = [
        group_field.get(g) is not None
        and (group_field[g] == labels[p.id][0] or group_field[g] in labels[p.id][1])
        for g, p in zip(groups, papers, strict=True)
    ]
    by_group: dict = {}
    for g, f in zip(groups, fields, strict=True):
        by_group.setdefault(g, Counter())[f] += 1
    purity = sum(c.most_common(1)[0][1] for c in by_group.values()) / len(papers)
    return float(np.mean(fits)), purity


def vote_names(groups: list, probs: np.ndarray, ids: list[str], skip=()) -> dict:
    """Each group's field: the one most of its papers are predicted to be in."""
    out = {}
    for g in set(groups):
        if g in skip:
            out[g] = NO_FIELD
            continue
        members = [i for i, x in enumerate(groups) if x == g]
        votes = np.bincount(probs[members].argmax(axis=1), minlength=len(ids))
        out[g] = ids[int(votes.argmax())]
    return out


def pipeline_day(state, day, papers, vectors, labeler, seed, **options) -> dict:
    from localdigest.label import OTHER_NAME
    from localdigest.pipeline import categorize, save_categories

    known = state.known_categories(exclude_day=day)
    cats, outlier_share = categorize(papers, vectors, labeler, seed, known=known, **options)
    save_categories(state, day, cats)
    id_of = {f.name: f.id for f in labeler.taxonomy}
    groups, seen = {}, Counter()
    for i, c in enumerate(cats):
        for p in c.papers:
            groups[p.id] = i
            seen[p.id] += 1
    return {
        "groups": [groups.get(p.id, -99) for p in papers],
        "field": {i: id_of.get(c.field_name) for i, c in enumerate(cats)},
        "names": [c.name for c in cats],
        "sizes": [len(c.papers) for c in cats],
        "other": sum(len(c.papers) for c in cats if c.name == OTHER_NAME) / len(papers),
        "dropped": sum(seen[p.id] != 1 for p in papers),
        "detail": [(c.emoji, c.name, len(c.papers), c.keywords[:3]) for c in cats],
    }


def baseline_day(groups: list, probs: np.ndarray, ids: list[str], names=None, skip=()) -> dict:
    field = vote_names(groups, probs, ids, skip)
    order = sorted(set(groups), key=lambda g: -groups.count(g))
    sizes = [groups.count(g) for g in order]
    shown = {g: (names or {}).get(g) or field[g] or "기타" for g in order}
    return {
        "groups": groups,
        "field": field,
        "names": [field[g] or "기타" for g in order],
        "sizes": sizes,
        "other": sum(groups.count(g) for g in order if field[g] is NO_FIELD) / len(groups),
        "dropped": 0,
        "detail": [("", shown[g], groups.count(g), []) for g in order],
    }


def kmeans(vectors: np.ndarray, seed: int, k: int = 10) -> list:
    from sklearn.cluster import KMeans

    return KMeans(n_clusters=k, n_init=10, random_state=seed).fit_predict(vectors).tolist()


def bertopic(papers: list, vectors: np.ndarray, seed: int) -> list:
    from bertopic import BERTopic
    from umap import UMAP

    reducer = UMAP(n_neighbors=15, n_components=5, min_dist=0.0, metric="cosine", random_state=seed)
    model = BERTopic(embedding_model=None, umap_model=reducer)
    topics, _ = model.fit_transform([p.text_for_embedding() for p in papers], embeddings=vectors)
    return [int(t) for t in topics]


def figures(result: dict, papers: list, labels: dict) -> dict:
    from sklearn.metrics import homogeneity_score

    fit, purity = fit_and_purity(result["groups"], result["field"], papers, labels)
    primary = [p.primary_category or "?" for p in papers]
    return {
        "cats": len(result["sizes"]),
        "largest": max(result["sizes"]) / len(papers),
        "other": result["other"],
        "fit": fit,
        "purity": purity,
        "homog": homogeneity_score(primary, result["groups"]),
        "dropped": result["dropped"],
    }


HEAD = f"{'cats':>4} {'largest':>7} {'other':>5} {'fit':>5} {'purity':>6} {'arXivH':>6} {'drop':>4}"


def row(f: dict) -> str:
    return (
        f"{f['cats']:>4} {f['largest']:>7.0%} {f['other']:>5.0%} {f['fit']:>5.0%} "
        f"{f['purity']:>6.3f} {f['homog']:>6.3f} {f['dropped']:>4}"
    )


def names_bar(results: list[dict], runs: list[int]) -> tuple[str, bool]:
    """Distinct names against 1.5x the daily mean, over each run of consecutive days (``runs``:
    how many days each set has, in order); the issue's bar is per five consecutive days."""
    values, met, start = [], True, 0
    for n in runs:
        part = results[start : start + n]
        start += n
        distinct = len({name for r in part for name in r["names"]})
        per_day = float(np.mean([len(r["names"]) for r in part]))
        values.append(f"{distinct} vs 1.5 x {per_day:.1f} = {1.5 * per_day:.1f}")
        met = met and distinct <= 1.5 * per_day
    return "; ".join(values), met


def bars(
    figs: list[dict], results: list[dict], runs: list[int] | None = None
) -> list[tuple[str, str, bool]]:
    """Each "Done means" figure of issue 12 over the days: (what, value, met). Fit and purity
    over all the days' papers (a 258-paper day counts 258 times), the days' mean in brackets."""
    names, names_ok = names_bar(results, runs or [len(results)])
    cats = [f["cats"] for f in figs]
    sizes = np.array([len(r["groups"]) for r in results])
    fit = np.array([f["fit"] for f in figs])
    purity = np.array([f["purity"] for f in figs])
    pooled_fit, pooled_purity = fit @ sizes / sizes.sum(), purity @ sizes / sizes.sum()
    largest = max(f["largest"] for f in figs)
    other = max(f["other"] for f in figs)
    dropped = sum(f["dropped"] for f in figs)
    return [
        ("fit", f"{pooled_fit:.1%} [days {fit.mean():.1%}] (>= 80%)", pooled_fit >= 0.80),
        (
            "purity",
            f"{pooled_purity:.3f} [days {purity.mean():.3f}] (>= 0.65)",
            pooled_purity >= 0.65,
        ),
        ("cats/day", f"{min(cats)}-{max(cats)} (6-12)", min(cats) >= 6 and max(cats) <= 12),
        ("largest max", f"{largest:.0%} (<= 30%)", largest <= 0.30),
        ("기타 max", f"{other:.1%} (<= 3%)", other <= 0.03),
        ("papers not once", f"{dropped} (0)", dropped == 0),
        ("distinct names", names, names_ok),
    ]


def summary(label: str, figs: list[dict], results: list[dict], runs=None) -> str:
    checked = bars(figs, results, runs)
    met = sum(ok for _, _, ok in checked)
    return (
        f"{label:<9} "
        + " | ".join(f"{what} {value} {'ok' if ok else 'MISS'}" for what, value, ok in checked)
        + f" | arXiv homog {np.mean([f['homog'] for f in figs]):.3f}"
        + f" | bars met {met}/{len(checked)}"
    )


def classifiers(days: list, split: str, embedder, mix: float | None = None) -> list:
    """The field classifier for each day: the shipped one on held-out days; on training days,
    one trained on the other training days (the day itself is never in its training set)."""
    from train_fields import fit_days

    from localdigest.fields import load_field_model

    if split != "train":
        return [load_field_model()] * len(days)
    options = {} if mix is None else {"mix": mix}
    return [fit_days(days[:i] + days[i + 1 :], embedder, **options) for i in range(len(days))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--split", choices=[*HELDOUT_SETS, "heldout-all", "train"], default="heldout"
    )
    parser.add_argument("--old-fields", help="also run ours with this classifier (ours-old)")
    parser.add_argument("--mix", type=float, help="--split train: words share of the classifiers")
    parser.add_argument("--tune", action="store_true", help="guide weights (training days only)")
    parser.add_argument("--cache", default=DEFAULT_CACHE, help="DuckDB file for embeddings")
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument("--no-bertopic", action="store_true", help="skip the BERTopic column")
    parser.add_argument("--show", action="store_true", help="list each day's categories")
    parser.add_argument("--check", action="store_true", help="exit 1 unless ours meets every bar")
    args = parser.parse_args()
    if (args.tune or args.mix is not None) and args.split != "train":
        raise SystemExit("--tune and --mix run on the training days only: add --split train")
    offline()

    from localdigest.embed import SentenceTransformerEmbedder
    from localdigest.fields import load_field_model, paper_text
    from localdigest.label import Labeler, load_taxonomy
    from localdigest.store import Store

    embedder = SentenceTransformerEmbedder()
    taxonomy = load_taxonomy()
    ids = [f.id for f in taxonomy]
    sets = {"train": {"train": TRAIN_DAYS}, "heldout-all": HELDOUT_SETS}.get(
        args.split, {args.split: HELDOUT_SETS.get(args.split)}
    )
    days = labelled_days([d for s in sets.values() for d in s], args.cache, embedder)
    models = classifiers(days, args.split, embedder, args.mix)
    old = load_field_model(args.old_fields) if args.old_fields else None
    for name, set_days in sets.items():
        n = sum(len(p) for d, p, _, _ in days if d in set_days)
        print(f"{name} days: {', '.join(set_days)}; {n} papers")
    if old is not None:
        print(f"ours-old: {args.old_fields} (trained on {', '.join(old.meta.get('days', []))})")

    if args.tune:
        tune(days, models, embedder, taxonomy, args.seed)
        return

    methods = ["ours"] + (["ours-old"] if old else []) + ["before", "KMeans", "arXiv"]
    methods += [] if args.no_bertopic else ["BERTopic"]
    per: dict[str, list] = {m: [] for m in methods}
    seconds: Counter = Counter()
    firsts = {s[0] for s in sets.values()}
    for (day, papers, vectors, labels), model in zip(days, models, strict=True):
        if day in firsts:  # each set starts from an empty store, as when run alone
            states = {m: Store(":memory:") for m in ("ours", "ours-old", "before")}
        probs = model.proba(vectors, ids, [paper_text(p) for p in papers])
        out: dict[str, dict] = {}
        if old is not None:
            start = time.perf_counter()
            labeler = Labeler(embedder, taxonomy, model=old)
            out["ours-old"] = pipeline_day(
                states["ours-old"], day, papers, vectors, labeler, args.seed
            )
            seconds["ours-old"] += time.perf_counter() - start
        start = time.perf_counter()
        out["ours"] = pipeline_day(
            states["ours"],
            day,
            papers,
            vectors,
            Labeler(embedder, taxonomy, model=model),
            args.seed,
        )
        seconds["ours"] += time.perf_counter() - start
        start = time.perf_counter()
        out["before"] = pipeline_day(
            states["before"],
            day,
            papers,
            vectors,
            Labeler(embedder, taxonomy),
            args.seed,
            arxiv_weight=0.5,
        )
        seconds["before"] += time.perf_counter() - start
        start = time.perf_counter()
        out["KMeans"] = baseline_day(kmeans(vectors, args.seed), probs, ids)
        seconds["KMeans"] += time.perf_counter() - start
        primary = [p.primary_category or "?" for p in papers]
        out["arXiv"] = baseline_day(primary, probs, ids)
        if "BERTopic" in methods:
            start = time.perf_counter()
            out["BERTopic"] = baseline_day(
                bertopic(papers, vectors, args.seed), probs, ids, skip={-1}
            )
            seconds["BERTopic"] += time.perf_counter() - start
        print(f"{day} ({len(papers)} papers)        {HEAD}")
        for m in methods:
            f = figures(out[m], papers, labels)
            per[m].append((f, out[m]))
            print(f"  {m:<9}                   {row(f)}")
        if args.show:
            for emoji, name, size, kws in out["ours"]["detail"]:
                print(f"      {emoji} {name:<40} {size:>4}  {', '.join(kws)}")
    runs = [len(s) for s in sets.values()]
    if len(sets) > 1:
        start = 0
        for name, n in zip(sets, runs, strict=True):
            print(f"\n{name}:")
            for m in methods:
                part = per[m][start : start + n]
                print(summary(m, [f for f, _ in part], [r for _, r in part]))
            start += n
    print(f"\n{' + '.join(sets)} ({len(days)} days):" if len(sets) > 1 else "")
    for m in methods:
        print(summary(m, [f for f, _ in per[m]], [r for _, r in per[m]], runs))
    print("seconds: " + ", ".join(f"{k} {v:.1f}" for k, v in seconds.items()))
    ours = bars([f for f, _ in per["ours"]], [r for _, r in per["ours"]], runs)
    missed = [what for what, _, ok in ours if not ok]
    print("ours: every bar met" if not missed else f"ours: bars missed: {', '.join(missed)}")
    if args.check and missed:
        raise SystemExit(1)


def tune(days, models, embedder, taxonomy, seed) -> None:
    """Guide weights and labelling settings on the training days (leave-one-day-out
    classifiers): fit and purity (pooled [mean of days]), cats, largest, distinct names per
    five days."""
    from localdigest.cluster_cache import ClusterCache
    from localdigest.label import Labeler
    from localdigest.store import Store

    cache = ClusterCache(Store(":memory:"))  # one clustering per weight, whatever the margin
    print(
        f"{'weight':>6} {'settle':>6} {'fill':>4} {'fit':>13} {'purity':>13} "
        f"{'cats':>5} {'largest':>7} {'other':>5} {'names':>9}"
    )
    off = 10**9
    grid = [(1.0, None, off), (1.0, 0.0, off), (1.0, 0.0, 4), (1.0, 0.2, 4), (1.0, 0.0, 6)]
    grid += [(0.5, 0.0, 4), (2.0, 0.0, 4)]
    for weight, margin, fill in grid:
        state = Store(":memory:")
        figs, results = [], []
        for (day, papers, vectors, labels), model in zip(days, models, strict=True):
            labeler = Labeler(embedder, taxonomy, model=model, settle_margin=margin, fill_min=fill)
            r = pipeline_day(
                state, day, papers, vectors, labeler, seed, guide_weight=weight, cache=cache
            )
            figs.append(figures(r, papers, labels))
            results.append(r)
        runs = [5] * (len(days) // 5) + ([len(days) % 5] if len(days) % 5 else [])
        checked = dict((what, value) for what, value, _ in bars(figs, results, runs))
        names = "/".join(part.split(" vs")[0] for part in checked["distinct names"].split("; "))
        print(
            f"{weight:>6} {margin!s:>6} {'off' if fill == off else fill:>4} "
            f"{checked['fit'].split(' (')[0]:>13} {checked['purity'].split(' (')[0]:>13} "
            f"{np.mean([f['cats'] for f in figs]):>5.1f} "
            f"{max(f['largest'] for f in figs):>7.0%} {max(f['other'] for f in figs):>5.0%} "
            f"{names:>9}"
        )


if __name__ == "__main__":
    main()
