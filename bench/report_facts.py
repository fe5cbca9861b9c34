"""Report-facts benchmark: are parts 1, 2, 4 and 5 about the day's papers, and can each be traced?

For each day: a fresh temporary database holding the papers of the 30 days before it (from the
same data folder, so part 2 has earlier days to compare with), then `run_day` on the day with
the fake LLM (part 3 only; it does not touch parts 1, 2, 4, 5) and the real MiniLM embedder.
On the digest it wrote, over the sentences of parts 1, 2, 4, 5:

  repeated    sentences that, with the category's name, Korean name and keywords masked, also
              appear in another category of the day (quality.repeated_across)
  sourced     share of sentences citing >= 1 paper of their category
  untraced    numbers that are neither found in a cited paper's title/abstract/comment nor a
              count recomputed here, independently of the composer: cited papers, a cited
              paper's arXiv categories, or, for a quoted term, papers mentioning it today / in
              the 7 and 30 days before (SQL over the database)
  unsupported quoted terms in parts 1 and 2 that some cited paper does not contain, or part-2
              counts that differ from the papers of the category mentioning the term
  fallback    share of all report units (those sentences + part-3 lines) marked fallback
  check       whether `localdigest check` trusts the day (exit 0)
  drops       part-5 reasons "보고한 개선 폭 N" (a reported gain) whose number the cited abstract
              states as a worsening, by this bench's own reading of the words around N
              (`reads_as_drop`, not claims.direction): a worsening word ("drops", "degrades",
              "decline") not after a reducing one, or decrease/reduce/lower next to accuracy,
              performance, F1 or a score. Baseline in the same run: part 5 composed from the
              same claims with the drops put back among the gains (as before this pass).
  naming      sub-theme names (quoted terms of part 1) and keywords (quoted terms of part 2):
              how many are generic by this bench's own definition (`generic_why` below, not
              the composer's list): every word in BENCH_EMPTY, a field-wide phrase, TeX markup,
              a lone word with an adjective suffix, or a term found in >= 20 % of the day's
              papers (SQL); and the share shown in Korean ('한국어(English)').
              Baseline in the same run: the naming before the naming pass (Composer with
              plain=True: any content phrase, English; the labeler's first keywords).

Baseline, measured in the same run on the same categories: the parts the previous generator
fell back to (its `_fallback` templates, copied below from summarize.py before issue 11; 50 of
223 parts on a real day were these), which had no sources. The previous LLM path (gemma-3-270m
writing parts 1, 2, 4, 5) is not rerun here: it needs the real model for ~3 minutes a day.

Usage (held-out days are for the final measurement only):
  .venv/bin/python bench/report_facts.py --data /work/shared/data/daily \
      --days 2025-05-13,2025-05-14,2025-05-15
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import re
import sys
import tempfile
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from localdigest import sources  # noqa: E402
from localdigest.claims import extract  # noqa: E402
from localdigest.config import Settings  # noqa: E402
from localdigest.history import mentions, term_pattern  # noqa: E402
from localdigest.pipeline import DayRequest, run_day  # noqa: E402
from localdigest.quality import SourceIndex, repeated_across, tokens  # noqa: E402
from localdigest.quality_report import check_day, totals, trusted  # noqa: E402
from localdigest.report_parts import Composer, _flat, composer  # noqa: E402
from localdigest.sentence import Sentence, report_from_json  # noqa: E402
from localdigest.store import Store  # noqa: E402

SUMMARY_PARTS = (0, 1, 3, 4)  # indexes of parts 1, 2, 4, 5
# a composed name or keyword is quoted and takes a particle; a paper name's apostrophe
# ("Chatbot's", "Gatsby Without the 'E'") is no quote
_QUOTED_TERM = re.compile(r"'([^']+)'(?=[을를은는이가과와])")
_KO_EN = re.compile(r"(.*[가-힣].*)\(([^()]+)\)")

# The bench's yardstick for a generic name, written here and not imported from the composer
# (localdigest/naming.py), so a composer that lets such names through is caught.
BENCH_EMPTY = frozenset(
    """current recent existing previous prior modern new novel general simple effective efficient
    robust large small big wide deep fast various different multiple several single key main
    important scaling scale model models method methods approach approaches framework system
    systems technique strategy pipeline mechanism module design solution tool range cost costs
    set number variety type level step aspect factor issue problem challenge task tasks setting
    application domain field area research study work paper analysis result results performance
    accuracy efficiency quality capability ability impact process information progress
    limitation benchmark dataset data experiment evaluation baseline state art world time ai
    intelligence llm llms network networks neural learning machine input output""".split()
)
BENCH_FIELD = frozenset(
    """artificial intelligence|machine learning|deep learning|neural network|language model|
    large language model|foundation model|state of the art|wide range|real world""".replace(
        "\n    ", ""
    ).split("|")
)
BENCH_MARKUP = frozenset("emph textbf textit mathbf mathrm mathcal cite url href".split())
BENCH_ADJ = ("al", "ive", "ous", "ful", "less", "able", "ible", "ic", "ed", "ly")
BENCH_NOUNS = frozenset("signal retrieval interval proposal removal metric logic topic".split())
GENERIC_DAY_SHARE = 0.20


def shown_term(quoted: str) -> tuple[str, bool]:
    """(the English term, shown in Korean?) of a quoted name: '추론(reasoning)' or 'Mamba'."""
    if m := _KO_EN.fullmatch(quoted):
        return m[2], True
    return quoted, False


def _sing(w: str) -> str:
    return w[:-1] if w.endswith("s") and not w.endswith("ss") and len(w) > 3 else w


def generic_why(term: str, day_share: float) -> str | None:
    words = [w for w in re.split(r"[\s\-]+", term.lower()) if w]
    if not words:
        return "empty"
    if any(w.strip("\\") in BENCH_MARKUP for w in words):
        return "markup"
    if " ".join(_sing(w) for w in words) in BENCH_FIELD:
        return "field-wide"
    if all(w in BENCH_EMPTY or _sing(w) in BENCH_EMPTY for w in words):
        return "empty words"
    lone = words[0]
    if len(words) == 1 and lone.endswith(BENCH_ADJ) and _sing(lone) not in BENCH_NOUNS:
        return "lone adjective"
    if day_share >= GENERIC_DAY_SHARE:
        return f"in {day_share:.0%} of the day"
    return None


def day_share(store: Store, term: str, day: str) -> float:
    """Share of the day's papers whose title or abstract has ``term`` (SQL of this bench)."""
    d0 = date.fromisoformat(day)
    where = "published >= ?::DATE AND published < ?::DATE"
    span = [d0.isoformat(), (d0 + timedelta(days=1)).isoformat()]
    total = store.db.execute(f"SELECT count(*) FROM papers WHERE {where}", span).fetchone()[0]
    hits = store.db.execute(
        f"SELECT count(*) FROM papers WHERE {where} AND regexp_matches("
        "regexp_replace(lower(title || ' ' || abstract), '\\s+', ' ', 'g'), ?)",
        [*span, term_pattern(term)],
    ).fetchone()[0]
    return hits / total if total else 0.0


def naming(names: list[list[str]], keywords: list[list[str]], store: Store, day: str) -> dict:
    """Generic count and Korean share over quoted names (per category lists)."""
    out: dict = {"examples": []}
    for label, groups in (("themes", names), ("keywords", keywords)):
        terms = [shown_term(t) for g in groups for t in g]
        bad = []
        for en, _ in terms:
            why = generic_why(en, day_share(store, en, day))
            if why:
                bad.append(f"{label[:-1]} '{en}': {why}")
        out[label] = len(terms)
        out[f"{label}_generic"] = len(bad)
        out[f"{label}_korean"] = sum(ko for _, ko in terms)
        out["examples"] += bad[:3]
    return out


def report_names(report: list) -> tuple[list[str], list[str]]:
    """Quoted terms of part 1 (sub-theme names) and part 2 (keywords) of one report."""
    themes = [t for s in report[0] for t in _QUOTED_TERM.findall(s.text)]
    kws = [t for s in report[1] for t in _QUOTED_TERM.findall(s.text)]
    return themes, kws


def old_naming(cat: dict, papers: list, c: Composer) -> tuple[list[str], list[str]]:
    """The names before the naming pass, on the same category: themes by the Composer with
    plain=True, keywords as part 2 picked them (the labeler's first three that occur)."""
    themes = [t.term.en for t in c.themes(papers)]
    chosen: list[str] = []
    shown: list[str] = []
    for k in [k for k in cat["keywords"] if len(k) >= 3]:
        if any(_flat(k).rstrip("s") == _flat(x).rstrip("s") for x in chosen):
            continue
        chosen.append(k)
        if any(mentions(f"{p.title} {p.abstract}", k) for p in papers):
            shown.append(k)
        if len(shown) == 3:
            break
    return themes, shown


def old_fallback(name_ko: str | None, keywords: list[str]) -> list[list[Sentence]]:
    """The previous generator's fallback parts 1, 2, 4, 5 (summarize._fallback before issue
    11, with each part's lead-in), as unsourced sentences; part 3 left empty."""
    field_ko = f"{name_ko} 분야의" if name_ko else "관련 분야의"
    keyword = next((k for k in keywords if len(k) >= 3), None)
    texts = {
        1: f"이 분야의 논문들은 {field_ko} 새로운 방법과 실험 결과를 다룹니다.",
        2: (
            f"주요 키워드는 '{keyword}'이며, 이와 관련된 연구가 이어지고 있습니다."
            if keyword
            else "여러 논문이 비슷한 문제를 서로 다른 방법으로 다룹니다."
        ),
        4: f"이러한 연구는 {field_ko} 연구와 응용에 참고가 될 수 있습니다.",
        5: "앞으로 이 분야에서 관련 연구가 계속될 것으로 보입니다.",
    }
    return [[Sentence(texts[n], (), "fallback")] if n != 3 else [] for n in range(1, 6)]


def day_file(data: Path, day: str) -> Path:
    return data / f"{day}.jsonl"


def load_history(store: Store, data: Path, day: str, back: int) -> int:
    d0 = date.fromisoformat(day)
    files = [day_file(data, (d0 - timedelta(days=k)).isoformat()) for k in range(1, back + 1)]
    files = [str(f) for f in files if f.is_file()]
    if not files:
        return 0
    papers = [p for p in sources.load(files).papers.values() if p.published and p.published < day]
    return store.upsert_papers(papers) and len(papers)


def sql_counts(store: Store, term: str, day: str) -> set[int]:
    """Today / 7 / 30 days: papers and papers mentioning ``term``, by SQL of this bench."""
    out: set[int] = set()
    d0 = date.fromisoformat(day)
    spans = [(d0, d0 + timedelta(days=1))] + [(d0 - timedelta(days=n), d0) for n in (7, 30)]
    for lo, hi in spans:
        where = "published >= ?::DATE AND published < ?::DATE"
        total = store.db.execute(
            f"SELECT count(*) FROM papers WHERE {where}", [lo.isoformat(), hi.isoformat()]
        ).fetchone()[0]
        hits = store.db.execute(
            f"SELECT count(*) FROM papers WHERE {where} AND regexp_matches("
            "regexp_replace(lower(title || ' ' || abstract), '\\s+', ' ', 'g'), ?)",
            [lo.isoformat(), hi.isoformat(), term_pattern(term)],
        ).fetchone()[0]
        out |= {int(total), int(hits)}
    return out


_B_WORSE = re.compile(
    r"\b(?:drop|drops|dropped|degrad\w*|declin\w*|deteriorat\w*|worse|worsen\w*)\b", re.I
)
_B_REDUCE = re.compile(r"\b(?:reduc\w*|mitigat\w*|alleviat\w*|prevent\w*|avoid\w*)\b", re.I)
_B_METRIC = r"(?:accuracy|performance|F1|scores?|success rates?)"
_B_LESS_GOOD = re.compile(
    rf"\b(?:decreas\w*|reduc\w*|lower\w*)\s+(?:[\w-]+\s+){{0,2}}{_B_METRIC}\b"
    rf"|\b{_B_METRIC}\s+(?:[\w-]+\s+)?(?:decreas\w*|reduc\w*|lower\w*|fell|falls?)\b",
    re.I,
)
_PART5_GAIN = re.compile(r"보고한 개선 폭 ([0-9][0-9.]*)")


def reads_as_drop(text: str, value: str) -> bool:
    """Does ``text`` state the number ``value`` as a worsening (see ``drops`` above)? Read at
    its first occurrence: the words of its clause before it (from the last comma, "while",
    "whereas" or "but") and up to four after it (to the next comma)."""
    for sent in re.split(r"(?<=[.!?])\s+", " ".join(text.split())):
        m = re.search(rf"(?<![\d.]){re.escape(value)}(?!\d)", sent)
        if not m:
            continue
        words = sent[: m.start()].split()
        cut = max(
            (
                i + 1
                for i, w in enumerate(words)
                if w.endswith((",", ";")) or w.lower() in ("while", "whereas", "but")
            ),
            default=0,
        )
        after = sent[m.end() :].split(",")[0].split()[:4]
        ctx = " ".join([*words[cut:][-8:], "N", *after])
        worse = _B_WORSE.search(ctx)
        if worse:  # "reduces the accuracy drop by 20%" is no drop
            return not _B_REDUCE.search(ctx[: worse.start()])
        return _B_LESS_GOOD.search(ctx) is not None
    return False


def gain_misreads(reports: list, papers: dict) -> tuple[int, int]:
    """(part-5 gain reasons the cited abstract states as a drop, part-5 gain reasons)."""
    bad = total = 0
    for report in reports:
        for s in report[4]:
            for value in _PART5_GAIN.findall(s.text):
                value = value.rstrip(".")
                total += 1
                texts = [papers[pid].abstract for pid in s.sources if pid in papers]
                bad += any(reads_as_drop(t, value) for t in texts)
    return bad, total


def part5_drops_as_gains(cats: list[dict], papers: dict, c: Composer) -> list:
    """Part 5 of every category from the same claims, with the drops put back among the gains
    (the reading before this pass), as reports holding only part 5."""
    out = []
    for cat in cats:
        ps = [papers[i] for i in cat["papers"]]
        claims = {}
        for p in ps:
            cl = extract(p.id, p.abstract, p.comment)
            merged = sorted([*cl.gains, *cl.drops], key=lambda g: -g.value)
            claims[p.id] = dataclasses.replace(cl, gains=merged, drops=[])
        c.compose(ps, cat["keywords"], [cat["name"], cat.get("name_ko") or ""])  # sets names
        out.append([[], [], [], [], c.part5(ps, claims, cat["keywords"])])
    return out


def measure(cats: list[dict], reports: list, papers: dict, store: Store | None, day: str) -> dict:
    """Figures over parts 1, 2, 4, 5 of every category (see the module docstring)."""
    masked = [[c["name"], c.get("name_ko") or "", *c["keywords"]] for c in cats]
    only = [[r[i] if i in SUMMARY_PARTS else [] for i in range(5)] for r in reports]
    repeated = sum(len(v) for v in repeated_across(list(zip(masked, only, strict=True))).values())
    sentences = numbers = untraced = quoted = unsupported = fallback = 0
    examples: list[str] = []
    for cat, report in zip(cats, reports, strict=True):
        ids = set(cat["papers"])
        for i in SUMMARY_PARTS:
            for s in report[i]:
                sentences += 1
                fallback += s.by == "fallback"
                cited = [papers[pid] for pid in s.sources if pid in ids and pid in papers]
                index = SourceIndex(
                    [t for p in cited for t in (p.title, p.abstract, p.comment or "")]
                )
                terms = (
                    [shown_term(t)[0] for t in _QUOTED_TERM.findall(s.text)] if i in (0, 1) else []
                )
                # 7 and 30 are the trend windows the composer states ("지난 7일")
                counts = {len(s.sources), 7, 30} | {len(p.categories) for p in cited}
                for term in terms:
                    if store is not None:
                        counts |= sql_counts(store, term, day)
                    quoted += 1
                    text_of = [f"{p.title} {p.abstract}" for p in cited]
                    support = all(mentions(t, term) for t in text_of)
                    if i == 1:  # part 2 counts the category's papers with the term
                        in_cat = sum(
                            mentions(f"{papers[pid].title} {papers[pid].abstract}", term)
                            for pid in ids
                            if pid in papers
                        )
                        support = support and in_cat == len(s.sources)
                    unsupported += not support
                    if not support and len(examples) < 5:
                        examples.append(f"unsupported '{term}' in: {s.text[:100]}")
                for tok in tokens(s.text):
                    if not tok.is_number:
                        continue
                    numbers += 1
                    ok = index.has_value(tok.value) or any(
                        abs(tok.value - c) < 1e-9 for c in counts
                    )
                    if not ok:
                        untraced += 1
                        if len(examples) < 5:
                            examples.append(f"{tok.surface} in: {s.text[:100]}")
    sourced = sum(bool(s.sources) for r in reports for i in SUMMARY_PARTS for s in r[i])
    return {
        "sentences": sentences,
        "repeated": repeated,
        "sourced": sourced / sentences if sentences else 0.0,
        "numbers": numbers,
        "untraced": untraced,
        "quoted": quoted,
        "unsupported": unsupported,
        "fallback_1245": fallback / sentences if sentences else 0.0,
        "examples": examples,
    }


def run_one(data: Path, day: str, tmp: Path, back: int) -> tuple[dict, dict, dict]:
    settings = Settings(db=str(tmp / f"{day}.duckdb"), out=str(tmp / "out"), llm_backend="fake")
    with Store(settings.db) as store:
        earlier = load_history(store, data, day, back)
    result = run_day(settings, DayRequest(inputs=[str(day_file(data, day))], date=day))
    digest = json.loads(result.json.read_text(encoding="utf-8"))
    _, checks = check_day(str(result.json), settings.db, settings.out)
    total = totals(checks)
    cats = digest["categories"]
    with Store(settings.db) as store:
        papers = {p.id: p for p in store.papers([i for c in cats for i in c["papers"]])}
        new = measure(cats, [report_from_json(c["report"]) for c in cats], papers, store, day)
    old = measure(
        cats, [old_fallback(c.get("name_ko"), c["keywords"]) for c in cats], papers, None, day
    )
    reports = [report_from_json(c["report"]) for c in cats]
    with Store(settings.db) as store:
        names = [report_names(r) for r in reports]
        new["naming"] = naming([n[0] for n in names], [n[1] for n in names], store, day)
        plain = composer(day, store)
        plain.plain = True
        before = [old_naming(c, [papers[i] for i in c["papers"]], plain) for c in cats]
        old["naming"] = naming([b[0] for b in before], [b[1] for b in before], store, day)
        new["drops"] = gain_misreads(reports, papers)
        old["drops"] = gain_misreads(
            part5_drops_as_gains(cats, papers, composer(day, store)), papers
        )
    # canary: the same figures must catch an invented number, an unsourced sentence, a
    # boilerplate sentence and an unsupported quoted term planted in a copy of the report
    planted = [report_from_json(c["report"]) for c in cats]
    first_ids = cats[0]["papers"]
    planted[0][3].append(Sentence("정확도가 987654% 올랐습니다.", (first_ids[0],)))
    planted[0][4].append(Sentence("관련 연구가 계속될 것으로 보입니다.", ()))
    planted[1][4].append(Sentence("관련 연구가 계속될 것으로 보입니다.", ()))
    planted[0][1].append(Sentence("'zzzunseen'은 이 분야 1편에 나옵니다.", (first_ids[0],)))
    with Store(settings.db) as store:
        caught = measure(cats, planted, papers, store, day)
        # a generic sub-theme name, planted in its own copy (it is also an unsupported term)
        generic_plant = [report_from_json(c["report"]) for c in cats]
        generic_plant[0][0].append(Sentence("'current LLMs'를 다루는 논문 1편.", (first_ids[0],)))
        names = [report_names(r) for r in generic_plant]
        caught_names = naming([n[0] for n in names], [n[1] for n in names], store, day)
    new["canary"] = (
        reads_as_drop("Accuracy drops by 12.5% under noise.", "12.5")
        and not reads_as_drop("It improves accuracy by 12.5%.", "12.5")
        and not reads_as_drop("It reduces the accuracy drop by 12.5%.", "12.5")
        and caught["untraced"] == new["untraced"] + 1
        and caught["repeated"] == new["repeated"] + 2
        and caught["unsupported"] == new["unsupported"] + 1
        and caught["sourced"] < new["sourced"]
        and caught_names["themes_generic"] == new["naming"]["themes_generic"] + 1
    )
    new["failures"] = [f"{c.name}: {f}" for c in checks for f in c.report.failures]
    new.update(
        fallback_all=total["fallback_share"],
        trusted=trusted(total),
        categories=len(cats),
        earlier_papers=earlier,
    )
    return new, old, digest


def line(label: str, r: dict) -> str:
    return (
        f"{label:<9} sentences {r['sentences']:>3}  repeated {r['repeated']:>3}  "
        f"sourced {r['sourced']:>6.1%}  numbers {r['numbers']:>3} untraced {r['untraced']:>2}  "
        f"quoted terms {r['quoted']:>3} unsupported {r['unsupported']:>2}  "
        f"fallback(1,2,4,5) {r['fallback_1245']:>6.1%}"
    )


def naming_line(label: str, n: dict) -> str:
    return (
        f"{label:<9} themes {n['themes']:>3} generic {n['themes_generic']:>2} "
        f"Korean {n['themes_korean'] / max(1, n['themes']):>6.1%}  "
        f"keywords {n['keywords']:>3} generic {n['keywords_generic']:>2} "
        f"Korean {n['keywords_korean'] / max(1, n['keywords']):>6.1%}"
    )


NAMING_KEYS = (
    "themes",
    "themes_generic",
    "themes_korean",
    "keywords",
    "keywords_generic",
    "keywords_korean",
)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--data", default=str(ROOT / "data/days"), help="folder of <date>.jsonl")
    ap.add_argument("--days", required=True, help="comma-separated dates")
    ap.add_argument("--history", type=int, default=30, help="days before loaded as history")
    ap.add_argument("--show", action="store_true", help="print the parts of the first day")
    args = ap.parse_args()
    data = Path(args.data)
    sums: dict[str, dict] = {"new": {}, "old": {}}
    with tempfile.TemporaryDirectory() as tmp:
        for n, day in enumerate(args.days.split(",")):
            new, old, digest = run_one(data, day.strip(), Path(tmp), args.history)
            print(
                f"{day}: {new['categories']} categories, {new['earlier_papers']} earlier papers "
                f"in the database; check {'PASS' if new['trusted'] else 'FAIL'}, "
                f"fallback share of all units {new['fallback_all']:.1%}; planted faults "
                f"{'caught' if new['canary'] else 'MISSED'}"
            )
            print("  " + line("new", new))
            print("  " + line("old-fallbk", old))
            print("  naming: " + naming_line("new", new["naming"]))
            print("  naming: " + naming_line("before", old["naming"]))
            print(
                f"  part-5 gains the paper states as drops: new {new['drops'][0]}/"
                f"{new['drops'][1]}  before (drops read as gains) {old['drops'][0]}/"
                f"{old['drops'][1]}"
            )
            for ex in new["naming"]["examples"]:
                print("    generic:", ex)
            for ex in new["examples"]:
                print("    not traced:", ex)
            for failure in new["failures"]:
                print("    check:", failure)
            for key in ("sentences", "repeated", "numbers", "untraced", "quoted", "unsupported"):
                for label, r in (("new", new), ("old", old)):
                    sums[label][key] = sums[label].get(key, 0) + r[key]
            for label, r in (("new", new), ("old", old)):
                for k, v in zip(("drops_bad", "drops_n"), r["drops"], strict=True):
                    sums[label][k] = sums[label].get(k, 0) + v
                for key in NAMING_KEYS:
                    sums[label][key] = sums[label].get(key, 0) + r["naming"][key]
            for label, r in (("new", new), ("old", old)):
                sums[label]["sourced_n"] = sums[label].get("sourced_n", 0) + round(
                    r["sourced"] * r["sentences"]
                )
                sums[label]["fb_n"] = sums[label].get("fb_n", 0) + round(
                    r["fallback_1245"] * r["sentences"]
                )
            if args.show and n == 0:
                for c in digest["categories"]:
                    print(f"\n## {c['name']}")
                    for i in SUMMARY_PARTS:
                        for s in c["report"][i]:
                            print(f"  {i + 1}. {s['text']} {s['sources']}")
    print("total:")
    for label in ("new", "old"):
        t = sums[label]
        t["sourced"] = t["sourced_n"] / max(1, t["sentences"])
        t["fallback_1245"] = t["fb_n"] / max(1, t["sentences"])
        print("  " + line(label if label == "new" else "old-fallbk", t))
    for label in ("new", "old"):
        print("  naming: " + naming_line(label if label == "new" else "before", sums[label]))
    print(
        f"  part-5 gains the paper states as drops: new {sums['new']['drops_bad']}/"
        f"{sums['new']['drops_n']}  before (drops read as gains) {sums['old']['drops_bad']}/"
        f"{sums['old']['drops_n']}"
    )


if __name__ == "__main__":
    main()
