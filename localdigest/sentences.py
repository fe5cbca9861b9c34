"""One reading of a category's five report parts, whichever shape the summarize stage stored.

Old shape: five strings, part 3 being "- Title: line" lines. New shape: five lists of
sentences {"text", "sources": [paper ids], "by"}. Readers (HTML, feed, search) go through
``read_report`` so they work with both.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field


@dataclass
class Sentence:
    text: str
    sources: list[str] = field(default_factory=list)  # paper ids this sentence draws on
    by: str = ""  # who wrote it: the model's name, "fallback", ... ("" when not recorded)


@dataclass
class Report:
    parts: list[list[Sentence]]  # five parts, each a list of sentences
    per_paper: dict[str, Sentence]  # paper id -> its part-3 line

    def line_for(self, paper_id: str) -> str:
        s = self.per_paper.get(paper_id)
        return s.text if s else ""


def _sentence(raw: object) -> Sentence:
    if hasattr(raw, "to_dict"):  # localdigest.sentence.Sentence, as the pipeline holds it
        raw = raw.to_dict()
    if isinstance(raw, dict):
        return Sentence(
            str(raw.get("text", "")),
            [str(s) for s in raw.get("sources") or []],
            str(raw.get("by") or ""),
        )
    return Sentence(str(raw))


def _old_part3(text: str, papers: Sequence[tuple[str, str]]) -> list[Sentence]:
    """ "- Title: line" lines -> one sentence per paper, matched by title, else by position."""
    lines = [ln.strip() for ln in text.splitlines() if ln.strip()]
    out: list[Sentence] = []
    unclaimed = list(papers)
    for i, line in enumerate(lines):
        body = line[2:] if line.startswith("- ") else line
        match = next((p for p in unclaimed if body.startswith(f"{p[1]}:")), None)
        if match is None and i < len(papers) and papers[i] in unclaimed:
            match = papers[i]
        if match is not None:
            unclaimed.remove(match)
            body = body[len(match[1]) + 1 :].strip() if body.startswith(f"{match[1]}:") else body
        out.append(Sentence(body, [match[0]] if match else [], ""))
    return out


def read_report(sections: Sequence[object] | None, papers: Sequence[tuple[str, str]]) -> Report:
    """``sections`` as stored (either shape, or None); ``papers`` as (id, title) in order."""
    parts: list[list[Sentence]] = []
    for number, part in enumerate(list(sections or [])[:5], start=1):
        if isinstance(part, str):
            if number == 3:
                parts.append(_old_part3(part, papers))
            else:
                parts.append([Sentence(part)] if part.strip() else [])
        elif isinstance(part, list):
            parts.append([_sentence(s) for s in part])
        else:
            parts.append([])
    while len(parts) < 5:
        parts.append([])
    per_paper = {}
    titles = dict(papers)
    for s in parts[2]:
        if len(s.sources) == 1:
            pid = s.sources[0]
            head = f"{titles.get(pid, '')}:"
            if titles.get(pid) and s.text.startswith(head):  # the line as said after its title
                s = Sentence(s.text[len(head) :].strip(), s.sources, s.by)
            per_paper.setdefault(pid, s)
    return Report(parts, per_paper)
