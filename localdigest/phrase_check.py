"""Is a Korean line that copies English words broken? An English function word left standing
in the Korean ("from Peers 학습", "콘텐츠 while neglecting") means a phrase was copied
half-turned; the floor then says less. Also the Hangul share of a text.
"""

from __future__ import annotations

import re

_FUNCTION = {
    "both",
    "either",
    "each",
    "every",
    "kind",
    "kinds",
    "type",
    "types",
    "sort",
    "form",
    "such",
    "more",
    "most",
    "less",
    "least",
    "very",
    "well",
    "also",
    "only",
    "even",
    "just",
    "much",
    "many",
    "few",
    "all",
    "any",
    "some",
    "other",
    "another",
    "same",
    "own",
    "via",
    "per",
    "emphasis",
    "matters",
    "makes",
    "meets",
    "helps",
    "beats",
    "enables",
    "boosts",
    "improves",
    "promotes",
    "hurts",
    "affects",
    "yields",
    "fails",
    "better",
    "best",
    "worse",
    "worst",
    "whole",
    "toward",
    "towards",
    "upon",
    "among",
    "amid",
    "without",
    "alongside",
    "besides",
    "together",
    "versus",
    "instead",
    "against",
    "despite",
    "through",
    "thus",
    # verbs and words of a clause the copy ran into ("open 모델 achieve near parity",
    # "콘텐츠 while neglecting", "에이전트 given 접근", "project them")
    "while",
    "but",
    "up",  # "allocations up (to any k goods)": a cut "up to"
    "one",  # "speech from one language", "one dimensional": 한 or 1D, the copy cannot say
    "like",
    "whose",
    "across",
    "way",
    "given",
    "them",
    "achieve",
    "achieves",
    "outperform",
    "outperforms",
    "reveal",
    "reveals",
    "hence",
    "yet",
    "still",
    "i.e.",
    "e.g.",
    "let",
    "lets",
    "let's",
    "think",
    "thinks",
    "need",
    "needs",
    "see",
    "sees",
    "don't",
    "can't",
    "from",
    "of",
    "for",
    "in",
    "on",
    "with",
    "to",
    "at",
    "by",
    "into",
    "my",
    "your",
    "his",
    "her",
    "their",
    "our",
    "two",
    "three",
    "four",
    "five",
    "six",
    "several",
    "define",
    "defines",
    "propose",
    "proposes",
    "introduce",
    "introduces",
    "present",
    "presents",
    # a participle that opened a clause in English ("an experimental study investigating the
    # impact of X" -> "실험적 연구 investigating 영향"): a verb the copy ran into, not a term
    "investigating",
    "evaluating",
    "analyzing",
    "analysing",
    "identifying",
    "pertaining",
    "relying",
    "competing",
    "during",
    "examining",
    "exploring",
    "studying",
    "addressing",
    "comparing",
    "considering",
    "regarding",
    "using",
    "including",
    "involving",
    "focusing",
    "aiming",
}


def korean_share(text: str) -> float:
    letters = [c for c in text if c.isalpha()]
    return sum("\uac00" <= c <= "\ud7a3" for c in letters) / max(1, len(letters))


def _broken(line: str) -> bool:
    """An English function word left standing in the Korean ("from Peers 학습", "학습 of
    COntrastive"): some phrase was copied half-turned; say less instead."""
    depth = 0
    for ch in line if "(" in line else "":  # a lone ")" is tidied away, not a cut name
        depth += {"(": 1, ")": -1}.get(ch, 0)
        if depth < 0:
            return True  # "Evaluation)을 위한 FLUKE (Framework를": a spelled-out name cut in half
    if depth:
        return True
    if re.search(
        r"(?:된|적인|하는|있는|없는|로운|(?<![\w-])(?!testbed|seed|speed|feed|embed)[a-z][\w-]*ed)(?:을|를)(?=[\s.,]|$)",
        line,
    ):
        # "일반적인 구조화된을 제시합니다", "대규모 expert-curated를": a modifier left
        # without its noun
        return True
    if re.search(r"\\[A-Za-z]", line):
        return True  # "\\nModels VLMs": a macro the abstract's author defined, not a word
    if re.search(r"(?<=[A-Za-z0-9)])(?:와|과)(?:을|를|이|가|은|는)(?=[\s.,]|$)", line):
        return True  # "FLAT와를 제안합니다" (from "we introduce FLAT and, ..."): "and" cut off
    if re.search(r"[가-힣]와(?:을|를)(?=[\s.,]|$)", line):
        return True  # "이해와를 위한": "understanding and leveraging" cut after "and"
    words = re.findall(r"(?<![\w'-])[a-z][a-z']*(?![\w'-])", line)
    if any(w in _FUNCTION for w in words):
        return True
    # a Title-Case preposition inside Korean: "Event-based Star 추적 Under Jitter"
    return bool(
        re.search(r"(?<![\w'-])(?:Under|Of|For|With|From|Into|And|The|Via)(?![\w'-])", line)
    )
