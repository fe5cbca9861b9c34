"""The JSON digest: the machine-readable contract other tools rely on."""

from __future__ import annotations

import json

from ..sentence import report_to_json
from . import DayDigest, part_text


def digest_dict(digest: DayDigest) -> dict:
    return {
        "date": digest.date,
        "categories": [
            {
                "name": c.name,
                "emoji": c.emoji,
                "papers": [p.id for p in c.papers],
                "name_ko": c.name_ko,
                "keywords": c.keywords,
                # five plain-text parts (one line per sentence), as before; "report" holds the
                # same sentences with the ids of the papers each rests on and who wrote it
                "sections": [part_text(part) for part in digest.sections[c.id]],
                "report": report_to_json(digest.sections[c.id]),
                **({"quality": digest.quality[c.id]} if c.id in digest.quality else {}),
            }
            for c in digest.categories
        ],
        "stats": digest.stats,
    }


def render_json(digest: DayDigest) -> str:
    return json.dumps(digest_dict(digest), ensure_ascii=False, indent=2) + "\n"
