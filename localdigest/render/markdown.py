"""The reference Markdown shape: title line with the chart, one section per category."""

from __future__ import annotations

from ..prompts import PARTS
from . import DayDigest, chart_name
from .text import escape  # noqa: F401 - re-exported: tests and callers import it here

TITLE = "# Daily Artificial Intelligence Insights : Papers![Category Distribution Graph]({chart})"


def render_markdown(digest: DayDigest) -> str:
    out = [TITLE.format(chart=chart_name(digest.date)), ""]
    for cat in digest.categories:
        parts = digest.sections[cat.id]
        out += [f"## {cat.emoji} {escape(cat.name)}", "", "**요약:**", ""]
        for number, text in enumerate(parts, start=1):
            heading = PARTS[number][0]
            if number == 3:
                out.append(f"{number}. {heading}:")
                out += [f"   - {escape(line.lstrip('- '))}" for line in text.splitlines()]
            else:
                out.append(f"{number}. {heading}:")
                out.append(f"   - {escape(text)}")
            out.append("")
        out += ["**출처:**", ""]
        out += [f" - {escape(p.title)} ({p.url})" for p in cat.papers]
        out += ["", ""]
    return "\n".join(out).rstrip() + "\n"
