"""The reference Markdown shape: title line with the chart, one section per category."""

from __future__ import annotations

import re

from ..prompts import PARTS
from . import DayDigest, chart_name, source_numbers

TITLE = "# Daily Artificial Intelligence Insights : Papers![Category Distribution Graph]({chart})"
_ENTITY = re.compile(r"&(#?\w+;)")
_MD_SPECIAL = re.compile(r"([\\`*_\[\]{}#|!~])")  # ~: GFM strikethrough


def escape(text: str) -> str:
    """Show paper titles and model text as text: no HTML, links or emphasis sneak in."""
    # "&" only where it would start an entity ("&lt;" must stay text); "R&D" reads as is.
    text = _ENTITY.sub(r"&amp;\1", text).replace("<", "&lt;").replace(">", "&gt;")
    return _MD_SPECIAL.sub(r"\\\1", " ".join(text.split()))


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
