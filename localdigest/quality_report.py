"""Quality reports for written digests: what `localdigest check` and bench/quality.py print.

The checks themselves live in quality.py; this module applies them to a
``digest_<date>.json`` document and the papers stored in the database.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from .errors import InputError, StoreError
from .quality import (
    MAX_FALLBACK_SHARE,
    PaperLike,
    QualityReport,
    check_sections,
    repeated_across,
    report_terms,
)


@dataclass
class CategoryCheck:
    name: str
    emoji: str
    report: QualityReport
    missing_papers: list[str] = field(default_factory=list)  # ids not in the database


def check_digest(digest: Mapping, papers: Mapping[str, PaperLike]) -> list[CategoryCheck]:
    """Run the gate on every category of a ``digest_<date>.json`` document, then the day-wide
    boilerplate check: a sentence that, with each category's name and keywords masked, also
    appears in another category fails both.

    ``papers`` maps arXiv id -> paper (title, abstract), e.g. from ``Store.papers(ids)``. The
    category's name and keywords (and the terms of quality.report_terms) count as sources. The
    report is the category's ``report`` (sentences with sources and who wrote them); an older
    digest without it is read from ``sections`` as unsourced sentences, and fails.
    """
    out = []
    for cat in digest.get("categories", []):
        ids = list(cat.get("papers", []))
        found = [papers[i] for i in ids if i in papers]
        missing = [i for i in ids if i not in papers]
        quality = cat.get("quality") or {}
        report = check_sections(
            cat.get("report") or cat.get("sections", []),
            found,
            report_terms(cat.get("name", ""), cat.get("keywords", [])),
            attempts=int(quality.get("attempts", 1)),
        )
        if missing:
            report.failures.append(f"{len(missing)} paper(s) not in the database")
            report.passed = False
            report.papers_total = len(ids)
        out.append(CategoryCheck(cat.get("name", "?"), cat.get("emoji", ""), report, missing))
    cats = digest.get("categories", [])
    repeated = repeated_across(
        [(mask_terms(c), c.get("report") or c.get("sections", [])) for c in cats]
    )
    for i, sentences in repeated.items():
        out[i].report.failures.append(
            f"boilerplate: {len(sentences)} sentence(s) also in another category, e.g. "
            f"'{sentences[0][:80]}'"
        )
        out[i].report.passed = False
    return out


def mask_terms(cat: Mapping) -> list[str]:
    """A category's own words, masked before comparing its sentences with other categories'."""
    return [cat.get("name", ""), cat.get("name_ko") or "", *cat.get("keywords", [])]


# --- a written digest -------------------------------------------------------------------------

_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def digest_path(target: str, out: str) -> Path:
    """``target`` as a path to a digest JSON, or a date looked up as ``out/digest_<date>.json``."""
    path = Path(target)
    if path.is_file():
        return path
    if _DATE.match(target):
        path = Path(out) / f"digest_{target}.json"
        if path.is_file():
            return path
        raise InputError(
            f"no digest for {target} in {out}; pass --out DIR or the JSON's path", path=str(path)
        )
    raise InputError("not a digest JSON file or a date (YYYY-MM-DD)", path=target)


def check_day(target: str, db: str, out: str) -> tuple[dict, list[CategoryCheck]]:
    """Read a digest JSON (path or date) and its papers from the database, and check it."""
    from .store import Store

    path = digest_path(target, out)
    try:
        digest = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise InputError(f"cannot read digest JSON: {exc}", path=str(path)) from exc
    if not isinstance(digest, dict) or not isinstance(digest.get("categories"), list):
        raise InputError("not a localdigest digest (no 'categories' list)", path=str(path))
    if not Path(db).is_file():
        raise StoreError(f"database not found: {db}; pass --db PATH (the one the run used)")
    ids = [pid for c in digest["categories"] for pid in c.get("papers", [])]
    with Store(db, read_only=True) as store:
        papers = {p.id: p for p in store.papers(ids)}
    return digest, check_digest(digest, papers)


def summary_line(check: CategoryCheck) -> str:
    r = check.report
    bad = f" ({', '.join(r.ungrounded_tokens)})" if r.ungrounded_tokens else ""
    return (
        f"{'PASS' if r.passed else 'FAIL'}  {check.emoji} {check.name}: "
        f"hangul {r.hangul_ratio:.2f}, distinct3 {r.distinct3:.2f}, "
        f"mentioned {r.papers_mentioned}/{r.papers_total}, "
        f"ungrounded {len(r.ungrounded_tokens)}{bad}, "
        f"fallback {r.fallback_units}/{r.units}, unsourced {r.unsourced}, "
        f"lines floor {r.floor_lines} / model {r.model_lines}"
        + (f" ({', '.join(r.models)})" if r.models else "")
    )


def totals(checks: Sequence[CategoryCheck]) -> dict:
    """Figures over all categories: passing, lowest ratios, mentions, ungrounded tokens."""
    reports = [c.report for c in checks]
    return {
        "categories": len(reports),
        "passed": sum(r.passed for r in reports),
        "hangul_ratio_min": round(min((r.hangul_ratio for r in reports), default=0.0), 3),
        "hangul_ratio_mean": round(
            sum(r.hangul_ratio for r in reports) / len(reports) if reports else 0.0, 3
        ),
        "distinct3_min": round(min((r.distinct3 for r in reports), default=1.0), 3),
        "papers_mentioned": sum(r.papers_mentioned for r in reports),
        "papers_total": sum(r.papers_total for r in reports),
        "ungrounded_tokens": sum(len(r.ungrounded_tokens) for r in reports),
        "fallback_categories": sum(r.fallback for r in reports),
        "units": sum(r.units for r in reports),
        "fallback_units": sum(r.fallback_units for r in reports),
        "fallback_share": round(
            sum(r.fallback_units for r in reports) / max(1, sum(r.units for r in reports)), 4
        ),
        "unsourced": sum(r.unsourced for r in reports),
        "floor_lines": sum(r.floor_lines for r in reports),
        "model_lines": sum(r.model_lines for r in reports),
        "models": sorted({m for r in reports for m in r.models}),
    }


def trusted(total: Mapping) -> bool:
    """A day a reader may trust: every category passes and at most MAX_FALLBACK_SHARE of all
    units fell back."""
    return total["passed"] == total["categories"] and total["fallback_share"] <= MAX_FALLBACK_SHARE
