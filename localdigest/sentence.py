"""One sentence of a report, tied to the papers it rests on.

A category's report is five parts; each part is a list of Sentences. Every sentence names its
source papers (arXiv ids) and who wrote it, so a reader (and `check`) can trace any claim:
  "facts"  composed by code from figures it computed and phrases copied from the papers
  "floor"  a per-paper line built from the paper's own words (copy-first, cannot invent)
  "model:<id>"  written by an LLM and kept because it passed the faithfulness check
  "fallback"  a plain sentence used when nothing else was available (counted as a failure)
"""

from __future__ import annotations

from dataclasses import dataclass, field

Part = list["Sentence"]
Report = list[Part]  # five parts, in order


@dataclass(frozen=True)
class Sentence:
    text: str
    sources: tuple[str, ...] = field(default_factory=tuple)
    by: str = "facts"

    def to_dict(self) -> dict:
        return {"text": self.text, "sources": list(self.sources), "by": self.by}

    @classmethod
    def from_dict(cls, d: dict) -> Sentence:
        return cls(d["text"], tuple(d.get("sources", ())), d.get("by", "facts"))


def report_to_json(report: Report) -> list[list[dict]]:
    return [[s.to_dict() for s in part] for part in report]


def report_from_json(data: list) -> Report:
    """Parts as stored; a part stored as a plain string (older caches) becomes one sentence."""
    out: Report = []
    for part in data:
        if isinstance(part, str):
            out.append([Sentence(line, (), "legacy") for line in part.splitlines() if line])
        else:
            out.append([Sentence.from_dict(d) for d in part])
    return out
