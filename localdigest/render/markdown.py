"""The reference Markdown shape: title line with the chart, one section per category."""

from __future__ import annotations

from ..prompts import PARTS
from . import DayDigest, chart_name, source_numbers
from .text import escape  # noqa: F401 - re-exported: tests and callers import it here

TITLE = "# Daily Artificial Intelligence Insights : Papers![Category Distribution Graph]({chart})"


def refs(sources: tuple[str, ...], numbers: dict[str, int]) -> str:
    """The sentence's source papers as numbers of the 출처 list, e.g. " [1, 3]"."""
    shown = sorted({numbers[pid] for pid in sources if pid in numbers})
    return f" [{', '.join(map(str, shown))}]" if shown else ""


def render_markdown(digest: DayDigest) -> str:
    out = [TITLE.format(chart=chart_name(digest.date)), ""]
    for cat in digest.categories:
        numbers = source_numbers(cat)
        out += [f"## {cat.emoji} {escape(cat.name)}", "", "**요약:**", ""]
        for number, part in enumerate(digest.sections[cat.id], start=1):
            out.append(f"{number}. {PARTS[number][0]}:")
            out += [f"   - {escape(s.text)}{refs(s.sources, numbers)}" for s in part]
            out.append("")
        out += ["**출처:**", ""]
        out += [f" - [{n}] {escape(p.title)} ({p.url})" for n, p in enumerate(cat.papers, 1)]
        out += ["", ""]
    return "\n".join(out).rstrip() + "\n"
