"""Train the field classifier (localdigest/data/fields.npz) on the label set's training days.

Embeds the training days' papers with the bundled MiniLM embedder (cached under /tmp), fits a
multinomial logistic regression from embedding to the editor's primary field, another from the
title and abstract's TF-IDF words (averaged, --mix), and saves both as data. Each taxonomy
field's own description (name, description, keywords) joins the training set ``--descriptions``
times, so a field the training days barely hold (one graph paper, no theory paper) is known.
With --cv it first prints leave-one-day-out accuracy (train on all training days but one, test on
that one) for a few settings, so they are chosen without touching a held-out day.

Usage: .venv/bin/python bench/train_fields.py [--cv [--grid 4:0.5,4:0.7]] [--c 4] [--mix 0.7]
       [--out localdigest/data/fields.npz]
"""

from __future__ import annotations

import argparse
import time

import numpy as np
from labelset import DEFAULT_CACHE, HELDOUT_DAYS, ROOT, TRAIN_DAYS, labelled_days, offline


def stack(days: list) -> tuple[np.ndarray, list[str], list[list[str]]]:
    vectors = np.vstack([v for _, _, v, _ in days])
    fields = [labels[p.id][0] for _, papers, _, labels in days for p in papers]
    also = [labels[p.id][1] for _, papers, _, labels in days for p in papers]
    return vectors, fields, also


def fit_days(
    days: list, embedder, c: float = 4.0, descriptions: int = 3, meta=None, mix: float = 0.7
):
    """The classifier recipe, shared with bench/categories.py --split train."""
    from localdigest.fields import paper_text, train
    from localdigest.label import load_taxonomy

    x, fields, _ = stack(days)
    texts = [paper_text(p) for _, papers, _, _ in days for p in papers]
    if descriptions:
        taxonomy = load_taxonomy()
        desc = embedder.embed([f.text() for f in taxonomy])
        x = np.vstack([x] + [desc] * descriptions)
        fields = fields + [f.id for f in taxonomy] * descriptions
        texts = texts + [f.text() for f in taxonomy] * descriptions
    meta = dict(meta or {}, descriptions=descriptions)
    return train(x, fields, embedder.name, c=c, meta=meta, texts=texts, mix=mix)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--days", nargs="*", default=TRAIN_DAYS, help="training days")
    parser.add_argument("--c", type=float, default=4.0, help="inverse regularisation strength")
    parser.add_argument("--descriptions", type=int, default=3, help="copies of field texts")
    parser.add_argument("--mix", type=float, default=0.7, help="share of the words part")
    parser.add_argument("--cv", action="store_true", help="leave-one-day-out accuracy first")
    parser.add_argument(
        "--grid",
        default="2:0,4:0,8:0,4:0.3,4:0.5,4:0.7",
        help="--cv settings, C:words share, comma-separated",
    )
    parser.add_argument("--cache", default=DEFAULT_CACHE, help="DuckDB file for embeddings")
    parser.add_argument("--out", default=str(ROOT / "localdigest/data/fields.npz"))
    args = parser.parse_args()
    held = sorted(set(args.days) & set(HELDOUT_DAYS))
    if held:
        raise SystemExit(f"refusing to train on held-out days: {', '.join(held)}")
    offline()

    from localdigest.embed import SentenceTransformerEmbedder
    from localdigest.fields import paper_text

    embedder = SentenceTransformerEmbedder()
    days = labelled_days(args.days, args.cache, embedder)
    if args.cv:
        print("leave-one-day-out on the training days: top-1 / fits (field or also) / top-2")
        grid = [tuple(float(v) for v in item.split(":")) for item in args.grid.split(",")]
        for c, mix in grid:
            scores = []
            for i in range(len(days)):
                xv, fv, av = stack([days[i]])
                model = fit_days(days[:i] + days[i + 1 :], embedder, c, args.descriptions, mix=mix)
                p = model.proba(xv, texts=[paper_text(p) for p in days[i][1]])
                order = p.argsort(axis=1)[:, ::-1]
                top = [model.ids[j] for j in order[:, 0]]
                second = [model.ids[j] for j in order[:, 1]]
                scores.append(
                    (
                        np.mean([t == f for t, f in zip(top, fv, strict=True)]),
                        np.mean([t == f or t in a for t, f, a in zip(top, fv, av, strict=True)]),
                        np.mean([f in (t, s) for t, s, f in zip(top, second, fv, strict=True)]),
                    )
                )
            top1, fits, top2 = np.mean(scores, axis=0)
            print(
                f"  C={c:<4} words {mix:.1f}  top-1 {top1:.3f}  fits {fits:.3f}  top-2 {top2:.3f}"
            )
    start = time.perf_counter()
    meta = {"days": args.days}
    model = fit_days(days, embedder, args.c, args.descriptions, meta=meta, mix=args.mix)
    model.save(args.out)
    print(
        f"trained on {model.meta['papers']} examples ({args.descriptions} per field from its "
        f"description) of {len(days)} days, {len(model.ids)} fields, "
        f"C={args.c}, {time.perf_counter() - start:.1f} s -> {args.out} ({model.digest})"
    )


if __name__ == "__main__":
    main()
