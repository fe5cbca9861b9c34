"""List frequent words and 2-3 word phrases from arXiv day files that the glossary lacks.

Usage:
    python tools/glossary_candidates.py data/days/*.jsonl \
        [--glossary PATH] [--top N] [--min-count K]

Each day file is JSON Lines with "title" and "abstract" fields.  The script counts
lower-cased words and 2-3 word phrases (phrases never cross punctuation and never
start or end on a stop word), drops anything already in the glossary (after
stripping a regular plural -s/-es, the way the digest code does), skips adverbs,
URL parts, -ing/-ed forms of glossary verbs and words mostly written as acronyms or
names (those stay as written), and prints the most frequent remaining candidates as
"count<TAB>kind<TAB>term" (count = papers using the term) for a maintainer to review
by hand.  Standard library only.  Never feed it held-out evaluation days.
"""

from __future__ import annotations

import argparse
import csv
import json
import re
import sys
from collections import Counter
from pathlib import Path

# Function words: a phrase may contain them inside ("state of the art") but may
# not start or end with one, and they are never listed as single words.
_STOP_WORDS = """
a an the and or but nor of in on at to for from by with without into onto over under
about above below between among through during before after than then as is are was were
be been being has have had do does did can could may might must shall should will would
this that these those it its we our us they their them he she his her you your i me my
which who whom whose what when where why how not no yes also such both each either
neither all any some many much more most less least few other another same only just
very so thus hence while whereas however therefore moreover furthermore yet still even
via per up down out off here there if whether since because although though upon within
across against along around toward towards e.g i.e et al etc one two three first second
new
"""
STOP = frozenset(_STOP_WORDS.split())

URL_BITS = {"http", "https", "www", "com", "org", "github", "io", "html", "arxiv"}

# Words ending in s that are not plurals.
KEEP_S = {
    "series",
    "species",
    "bias",
    "gas",
    "lens",
    "news",
    "physics",
    "robotics",
    "mathematics",
    "statistics",
    "economics",
    "genomics",
    "dynamics",
    "analysis",
    "basis",
    "thesis",
    "always",
}

WORD_RE = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
POSSESSIVE_RE = re.compile(r"(?<=[a-z0-9])['’]s?\b")
CHUNK_RE = re.compile(r"[.,;:!?()\[\]{}\"“”]|--| - ")


def singular(word: str) -> str:
    """Strip a regular English plural (models -> model, approaches -> approach)."""
    if word in KEEP_S or len(word) <= 3:
        return word
    if word.endswith("ies"):
        return word[:-3] + "y"
    if word.endswith(("sses", "xes", "shes", "ches")) or word[:-2].endswith(("ius", "cus", "ias")):
        return word[:-2]
    if word.endswith("s") and not word.endswith(("ss", "us", "is", "ias")):
        return word[:-1]
    return word


def inflected_known(word: str, known: set[str]) -> bool:
    """True for an -ing/-ed form of a glossary verb ("leveraging", "achieved")."""
    for suffix in ("ing", "ed"):
        if word.endswith(suffix) and len(word) > len(suffix) + 2:
            stem = word[: -len(suffix)]
            forms = {stem, stem + "e"}
            if len(stem) > 2 and stem[-1] == stem[-2]:
                forms.add(stem[:-1])  # "mapped" -> "map"
            if stem.endswith("i"):
                forms.add(stem[:-1] + "y")  # "applied" -> "apply"
            if forms & known:
                return True
    return False


def variants(term: str) -> set[str]:
    """Forms a glossary entry may have for term: as written, and each word with -s or -es off."""
    out = {term, norm(term)}
    words = term.split()
    last = words[-1]
    for cut in (1, 2):
        if len(last) > cut + 2 and last.endswith("s"):
            out.add(" ".join(words[:-1] + [last[:-cut]]))
    return out


def norm(term: str) -> str:
    return " ".join(singular(w) for w in term.lower().split())


def load_glossary(path: Path) -> set[str]:
    with path.open(encoding="utf-8", newline="") as fh:
        rows = csv.DictReader(fh, delimiter="\t")
        return {norm(r["en"]) for r in rows if r.get("en")}


def find_glossary() -> Path | None:
    """glossary.tsv next to this script, or in the repository it sits in (tools/ -> ..)."""
    here = Path(__file__).resolve().parent
    for base in (here, here.parent):
        for rel in (
            "glossary.tsv",
            "localdigest/glossary.tsv",
            "localdigest/data/glossary.tsv",
            "data/glossary.tsv",
        ):
            if (base / rel).is_file():
                return base / rel
    return None


def texts(paths: list[Path]):
    for path in paths:
        with path.open(encoding="utf-8") as fh:
            for lineno, line in enumerate(fh, 1):
                if not line.strip():
                    continue
                try:
                    rec = json.loads(line)
                except json.JSONDecodeError as exc:
                    print(
                        f"Error: {path}:{lineno} is not JSON ({exc.msg}); skipping line",
                        file=sys.stderr,
                    )
                    continue
                yield f"{rec.get('title', '')}. {rec.get('abstract', '')}"


def count(paths: list[Path]) -> tuple[Counter, Counter, Counter]:
    """Papers per word and per phrase, and how often each word was written with inner capitals."""
    words: Counter = Counter()
    phrases: Counter = Counter()
    capitals: Counter = Counter()
    for text in texts(paths):
        # "LLM", "GPT-4o", "CLIP": names and acronyms stay as written, so remember them.
        for tok in re.findall(r"[A-Za-z0-9]+(?:-[A-Za-z0-9]+)*", text):
            if any(c.isupper() for c in tok[1:]):
                capitals[singular(tok.lower())] += 1
        # Count each term once per paper so one long abstract cannot dominate.
        seen_w: set[str] = set()
        seen_p: set[str] = set()
        for chunk in CHUNK_RE.split(POSSESSIVE_RE.sub("", text.lower())):
            toks = WORD_RE.findall(chunk)
            for tok in toks:
                if tok not in STOP and not tok.isdigit() and len(tok) > 2:
                    seen_w.add(singular(tok))
            for n in (2, 3):
                for i in range(len(toks) - n + 1):
                    gram = toks[i : i + n]
                    if gram[0] in STOP or gram[-1] in STOP:
                        continue
                    if any(t.isdigit() for t in gram):
                        continue
                    seen_p.add(" ".join(singular(t) for t in gram))
        words.update(seen_w)
        phrases.update(seen_p)
    return words, phrases, capitals


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("days", nargs="+", type=Path, help="day files (JSON Lines)")
    ap.add_argument(
        "--glossary",
        type=Path,
        default=None,
        help="glossary TSV (default: found near this script)",
    )
    ap.add_argument("--top", type=int, default=200, help="how many candidates of each kind")
    ap.add_argument("--min-count", type=int, default=5, help="ignore terms in fewer papers")
    ap.add_argument("--kind", choices=["word", "phrase", "both"], default="both")
    args = ap.parse_args(argv)

    missing = [p for p in args.days if not p.is_file()]
    if missing:
        print(
            f"Error: day file not found: {missing[0]} (pass existing .jsonl files)",
            file=sys.stderr,
        )
        return 2
    glossary = args.glossary or find_glossary()
    if glossary is None or not glossary.is_file():
        print(
            "Error: glossary not found "
            f"({glossary or 'looked next to the script and in the repository'}); "
            "pass --glossary PATH/glossary.tsv",
            file=sys.stderr,
        )
        return 2
    known = load_glossary(glossary)
    words, phrases, capitals = count(args.days)
    kinds = [("word", words), ("phrase", phrases)]
    for kind, counter in kinds:
        if args.kind not in (kind, "both"):
            continue
        shown = 0
        for term, n in counter.most_common():
            if n < args.min_count or shown >= args.top:
                break
            if known & variants(term):
                continue
            if kind == "word" and capitals[term] * 2 >= n:
                continue  # mostly written as an acronym or a name
            if kind == "word" and (
                term.endswith("ly") or term in URL_BITS or inflected_known(term, known)
            ):
                continue  # adverbs, link parts and inflected forms of known verbs
            print(f"{n}\t{kind}\t{term}")
            shown += 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
