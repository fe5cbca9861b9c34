"""Faithfulness benchmark for the per-paper Korean lines (issue 10).

Held-out papers: bench/data/faithful_papers.jsonl — 66 papers, 22 drawn (seed 7) from each of
2025-05-13, 2025-05-15 and 2025-05-16, days no writer, check or glossary entry was tuned on.
bench/data/faithful_refs.jsonl holds a reference line per paper, written by hand.

Two steps, because quality is measured by reading:

  generate  runs every writer on the same papers in one process and writes
            bench/ratings/<tag>/lines.jsonl (system, paper, line, check verdict, seconds) and
            bench/ratings/<tag>/blind.jsonl: every distinct line once, shuffled, with only an
            item number, the paper's title and abstract — what a rater sees.
  report    joins bench/ratings/<tag>/ratings.jsonl ({"item", "rating": 0|1|2, "why"}),
            made blind, and prints per system: rated-2 and rated-0 shares, the share of lines
            from the floor, chrF against the references (secondary: it rewards wording, not
            truth) and seconds per paper; for each floor system, how many lines with and without
            a second sentence were rated 2; and, for each faithfulness check, how many model
            lines rated 0 it rejects and how many rated 2 it loses.

Systems:
  floor          the copy-first line (floor.py) — the default
  model:<name>   the model's raw line (few-shot prompt with the paper's glossary terms), unchecked
  checked:<name> the model's line where faithful.py accepts it, else the floor — what
                 `--writer llm` ships
  old:<name>     the previous release's prompt and gate (prompt v6), the baseline

Usage:
  .venv/bin/python bench/faithful.py generate --tag 2026-12-01 [--model PATH ...]
  .venv/bin/python bench/faithful.py report --tag 2026-12-01
"""

from __future__ import annotations

import argparse
import json
import random
import subprocess
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
DATA = ROOT / "bench" / "data"
RATINGS = ROOT / "bench" / "ratings"


PAPERS = DATA / "faithful_papers.jsonl"


def load_papers():
    from localdigest.paper import Paper

    rows = [json.loads(line) for line in PAPERS.open()]
    return [
        Paper(id=r["id"], title=r["title"], abstract=r["abstract"], published=r["published"])
        for r in rows
    ]


def refs() -> dict[str, str]:
    if PAPERS.name != "faithful_papers.jsonl":
        return {}  # reference lines exist for the first set only
    return {
        r["id"]: r["ref"]
        for r in (json.loads(line) for line in (DATA / "faithful_refs.jsonl").open())
    }


def chrf(hyp: str, ref: str, n: int = 6, beta: float = 2.0) -> float:
    """Character n-gram F-score (spaces removed), averaged over n = 1..6, in 0..100."""
    h, r = "".join(hyp.split()), "".join(ref.split())
    precisions, recalls = [], []
    for k in range(1, n + 1):
        hg = Counter(h[i : i + k] for i in range(len(h) - k + 1))
        rg = Counter(r[i : i + k] for i in range(len(r) - k + 1))
        if not hg or not rg:
            continue
        match = sum((hg & rg).values())
        precisions.append(match / sum(hg.values()))
        recalls.append(match / sum(rg.values()))
    if not precisions:
        return 0.0
    p, rc = sum(precisions) / len(precisions), sum(recalls) / len(recalls)
    if p + rc == 0:
        return 0.0
    return 100 * (1 + beta**2) * p * rc / (beta**2 * p + rc)


def generate(args) -> None:
    from localdigest.faithful import FaithCheck
    from localdigest.injection import neutralize
    from localdigest.korean import Glossary
    from localdigest.llm import get_llm
    from localdigest.paperline import glossary_terms, line_prompt, wants_example
    from localdigest.prompts import PAPER_BLOCK, PAPER_HEAD
    from localdigest.quality import SourceIndex
    from localdigest.summarize import (
        TITLE_WORDS,
        Summarizer,
        clean_line,
        first_words,
        key_sentences,
    )

    papers = load_papers()
    glossary = Glossary.load()
    check = FaithCheck(glossary)
    rows = []

    start = time.perf_counter()
    floors = pipeline_floors(papers, glossary)
    floor_s = (time.perf_counter() - start) / len(papers)
    for p, line in zip(papers, floors, strict=True):
        rows.append({"system": "floor", "id": p.id, "line": line, "seconds": floor_s})

    for rev in args.baseline_rev:
        # named by the commit, not by what was typed: "HEAD~2"[:7] would name another commit
        short = subprocess.run(
            ["git", "rev-parse", "--short=7", rev], capture_output=True, text=True, check=True
        ).stdout.strip()
        start = time.perf_counter()
        base = baseline_floors(rev)
        per = (time.perf_counter() - start) / len(papers)
        for p, line in zip(papers, base, strict=True):
            rows.append({"system": f"floor@{short}", "id": p.id, "line": line, "seconds": per})

    for n_model, model in enumerate(args.model):
        llm = get_llm("llama-cpp", model, n_ctx=4096, parallel=args.parallel)
        short = Path(model).stem
        key = [key_sentences(neutralize(p.abstract), 30) for p in papers]
        example = wants_example(llm)
        new_prompts = [
            line_prompt(
                first_words(p.title, TITLE_WORDS),
                k,
                glossary_terms(p, glossary),
                example=example,
            )
            for p, k in zip(papers, key, strict=True)
        ]
        old_prompts = [
            PAPER_HEAD + PAPER_BLOCK.format(title=first_words(p.title, TITLE_WORDS), abstract=k)
            for p, k in zip(papers, key, strict=True)
        ]
        with_old = n_model == 0 and not args.skip_old
        runs = [("model", new_prompts)] + ([("old", old_prompts)] if with_old else [])
        for system, prompts in runs:  # the old prompt: the previous release's model only
            t0 = time.perf_counter()
            results = llm.complete_many(
                prompts,
                max_tokens=64,
                stop=["\n"],
                attempts=[(42, 0.2)],
                max_sentences=1,
            )
            per = (time.perf_counter() - t0) / len(papers)
            gate = Summarizer(llm)  # the pipeline's writing gate, on this paper alone
            for p, res, floor in zip(papers, results, floors, strict=True):
                text = clean_line(res[-1].text)
                line = "이 논문은 " + text
                gate._index = SourceIndex([p.title, p.abstract], [])
                passes_gate = bool(text) and gate._accepts(text, avoid=p.title)
                if system == "old":
                    # the previous release: its gate (Korean share, loops, numbers/Latin terms)
                    ok = passes_gate
                    old_line = line if ok else "이 논문은 " + _OLD_FALLBACK
                    rows.append(
                        {"system": f"old:{short}", "id": p.id, "line": old_line, "seconds": per}
                    )
                    continue
                verdict = check.check(text, p)
                if not passes_gate:
                    verdict.failures.append("gate writing")
                rows.append(
                    {
                        "system": f"model:{short}",
                        "id": p.id,
                        "line": line,
                        "seconds": per,
                        "failures": verdict.failures,
                    }
                )
                rows.append(
                    {
                        "system": f"checked:{short}",
                        "id": p.id,
                        "line": line if verdict.ok else floor,
                        "seconds": per + floor_s,
                        "from": "model" if verdict.ok else "floor",
                    }
                )

    write_sheets(RATINGS / args.tag, rows, papers, args.seed)


def baseline_floors(rev: str) -> list[str]:
    """Floor lines from an earlier commit's code, on the same papers, in a child process: the
    baseline is measured in the same run, not copied from an old sheet. (The process start
    is in its seconds per paper.)"""
    import subprocess
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        archive = subprocess.run(
            ["git", "-C", str(ROOT), "archive", rev, "localdigest", "bench/faithful.py"],
            check=True,
            capture_output=True,
        ).stdout
        subprocess.run(["tar", "-x", "-C", tmp], input=archive, check=True)
        code = (
            "import json, sys; sys.argv = ['x']; import importlib.util as u;"
            f"spec = u.spec_from_file_location('fb', '{tmp}/bench/faithful.py');"
            "fb = u.module_from_spec(spec); spec.loader.exec_module(fb);"
            f"fb.PAPERS = __import__('pathlib').Path('{Path(PAPERS).resolve()}');"
            "from localdigest.korean import Glossary;"
            "print(json.dumps(fb.pipeline_floors(fb.load_papers(), Glossary.load())))"
        )
        out = subprocess.run(
            [sys.executable, "-c", code],
            check=True,
            capture_output=True,
            text=True,
            env={**__import__("os").environ, "PYTHONPATH": tmp},
            cwd=tmp,
        ).stdout
    return json.loads(out.strip().splitlines()[-1])


def pipeline_floors(papers, glossary) -> list[str]:
    """Floor lines exactly as the summarizer makes them (from the neutralized abstract)."""
    import dataclasses

    from localdigest.floor import floor_line
    from localdigest.injection import neutralize

    return [
        floor_line(dataclasses.replace(p, abstract=neutralize(p.abstract)), glossary)
        for p in papers
    ]


def write_sheets(out: Path, rows: list[dict], papers, seed: int) -> None:
    out.mkdir(parents=True, exist_ok=True)
    with (out / "lines.jsonl").open("w") as fh:
        for r in rows:
            fh.write(json.dumps(r, ensure_ascii=False) + "\n")
    by_id = {p.id: p for p in papers}
    items = sorted({(r["id"], r["line"]) for r in rows})
    random.Random(seed).shuffle(items)
    with (out / "blind.jsonl").open("w") as fh:
        for n, (pid, line) in enumerate(items, start=1):
            p = by_id[pid]
            item = {"item": n, "id": pid, "title": p.title, "abstract": p.abstract, "line": line}
            fh.write(json.dumps(item, ensure_ascii=False) + "\n")
    print(f"wrote {len(rows)} lines ({len(items)} distinct) to {out}")


def refloor(args) -> None:
    """Recompute the floor lines (and the checked systems' floor rows) with the current code,
    keeping the model rows: the floor is deterministic and costs milliseconds."""
    from localdigest.korean import Glossary

    papers = load_papers()
    floors = dict(
        zip((p.id for p in papers), pipeline_floors(papers, Glossary.load()), strict=True)
    )
    out = RATINGS / args.tag
    rows = [json.loads(line) for line in (out / "lines.jsonl").open()]
    for r in rows:
        if r["system"] == "floor" or r.get("from") == "floor":
            r["line"] = floors[r["id"]]
    write_sheets(out, rows, papers, args.seed)


_OLD_FALLBACK = "한국어 요약이 품질 검사를 통과하지 못해, 원문 초록을 참고하시기 바랍니다."


def report(args) -> None:
    out = RATINGS / args.tag
    rows = [json.loads(line) for line in (out / "lines.jsonl").open()]
    blind = {(b["id"], b["line"]): b["item"] for b in map(json.loads, (out / "blind.jsonl").open())}
    ratings = {r["item"]: r["rating"] for r in map(json.loads, (out / "ratings.jsonl").open())}
    references = refs()
    by_system = defaultdict(list)
    for r in rows:
        r["rating"] = ratings.get(blind[(r["id"], r["line"])])
        by_system[r["system"]].append(r)
    print(
        f"{'system':34} {'n':>3} {'rated2':>7} {'rated0':>7} {'floor':>6} {'chrF':>5} "
        f"{'s/paper':>8}"
    )
    for system, rs in by_system.items():
        rated = [r["rating"] for r in rs if r["rating"] is not None]
        floor = sum(1 for r in rs if r["system"] == "floor" or r.get("from") == "floor")
        cf = (
            sum(chrf(r["line"], references[r["id"]]) for r in rs) / len(rs)
            if references
            else float("nan")
        )
        print(
            f"{system:34} {len(rated):3d} {rated.count(2) / len(rated):7.0%} "
            f"{rated.count(0) / len(rated):7.0%} {floor / len(rs):6.0%} {cf:5.1f} "
            f"{rs[0]['seconds']:8.3f}"
        )
    # what earns a 2: floor lines with a second sentence (a fact beyond the title) and without
    print("\nrated 2 among lines      with a 2nd sentence   without")
    for system, rs in by_system.items():
        if system.startswith(("floor", "checked:")):
            rated = [r for r in rs if r["rating"] is not None]
            two = [r for r in rated if r["line"].count("니다.") >= 2]
            one = [r for r in rated if r["line"].count("니다.") < 2]
            print(
                f"{system:24} {sum(r['rating'] == 2 for r in two):7d}/{len(two):<3d}"
                f"{sum(r['rating'] == 2 for r in one):14d}/{len(one):<3d}"
            )
    # each check against the model lines' ratings: wrong lines caught, good lines lost
    print("\ncheck (model lines)   rejects rated-0   loses rated-2")
    models = [r for r in rows if r["system"].startswith("model:") and r["rating"] is not None]
    zeros = [r for r in models if r["rating"] == 0]
    twos = [r for r in models if r["rating"] == 2]
    names = sorted({f.split()[0] for r in models for f in r.get("failures", [])})
    for name in names + ["all"]:

        def hit(r, name=name):
            fails = [f.split()[0] for f in r.get("failures", [])]
            return bool(fails) if name == "all" else name in fails

        print(
            f"{name:20} {sum(map(hit, zeros)):4d}/{len(zeros):<4d}      "
            f"{sum(map(hit, twos)):4d}/{len(twos):<4d}"
        )


def checks(args) -> None:
    """The dev checks kept in a tag's checks.jsonl (helper reads of every line a floor version
    changed, OLD beside NEW on the same papers): per check, how many NEW lines and how many OLD
    lines were read as wrong, and NEW against OLD. Not blind and not a result: a rule's check
    before it is rated on fresh days."""
    rows = [json.loads(line) for line in (RATINGS / args.tag / "checks.jsonl").open()]
    print(f"{'check':28} {'n':>4} {'NEW wrong':>10} {'OLD wrong':>10}  better/same/worse")
    for name in dict.fromkeys(r["check"] for r in rows):
        these = [r for r in rows if r["check"] == name]
        new = sum(r["verdict"] == "wrong" for r in these)
        olds = [r["old_verdict"] for r in these if "old_verdict" in r]
        old = f"{sum(v == 'wrong' for v in olds):d}" if olds else "-"
        cmp = "/".join(
            str(sum(r["compare"] == c for r in these)) for c in ("better", "same", "worse")
        )
        print(f"{name:28} {len(these):4d} {new:10d} {old:>10}  {cmp}")


def main() -> None:
    global PAPERS
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    sub = ap.add_subparsers(dest="cmd", required=True)
    g = sub.add_parser("generate")
    g.add_argument("--tag", required=True)
    g.add_argument("--model", action="append", default=[])
    g.add_argument("--parallel", type=int, default=8)
    g.add_argument("--seed", type=int, default=1)
    g.add_argument(
        "--baseline-rev",
        action="append",
        default=[],
        help="also rate the floor of this git revision (baseline); repeat for several",
    )
    g.add_argument("--skip-old", action="store_true", help="skip the previous release's prompt")
    r = sub.add_parser("report")
    r.add_argument("--tag", required=True)
    f = sub.add_parser("refloor")
    f.add_argument("--tag", required=True)
    f.add_argument("--seed", type=int, default=1)
    c = sub.add_parser("checks", help="summarize a dev check's checks.jsonl (not a result)")
    c.add_argument("--tag", required=True)
    for p in (g, r, f):
        p.add_argument("--papers", default=str(PAPERS), help="held-out papers (JSON lines)")
    args = ap.parse_args()
    PAPERS = Path(getattr(args, "papers", PAPERS))
    {"generate": generate, "report": report, "refloor": refloor, "checks": checks}[args.cmd](args)


if __name__ == "__main__":
    main()
