"""What one English word is, for the phrase translator: a verb, a noun, a name spelled out in
Title Case, a word whose common sense is not the ML one, a copied word a Korean frame cannot
carry (phrase.py turns phrases; this module only judges words)."""

from __future__ import annotations

import re

from .korean import Glossary, _is_name
from .phrase_check import _FUNCTION

# Contribution verbs -> the Korean verb stem the line ends with (+ 합니다).
VERBS = {
    "propose": "제안",
    "introduce": "제안",
    "present": "제시",
    "develop": "개발",
    "design": "설계",
    "build": "구축",
    "construct": "구축",
    "curate": "구축",
    "create": "구축",
    "release": "공개",
    "investigate": "분석",
    "study": "분석",
    "examine": "분석",
    "analyze": "분석",
    "analyse": "분석",
    "explore": "탐구",
    "evaluate": "평가",
    "benchmark": "평가",
}

# "that leverages X" -> "X를 활용하는": relative-clause verbs the line can carry.
RELATIVE = {
    "leverage": "활용하는",
    "use": "사용하는",
    "utilize": "사용하는",
    "employ": "사용하는",
    "exploit": "활용하는",
    "combine": "결합하는",
    "integrate": "통합하는",
    "incorporate": "통합하는",
    "unify": "통합하는",
    "learn": "학습하는",
    "generate": "생성하는",
    "predict": "예측하는",
    "estimate": "추정하는",
    "detect": "검출하는",
    "identify": "식별하는",
    "capture": "포착하는",
    "model": "모델링하는",
    "support": "지원하는",
    "address": "다루는",
    "reduce": "줄이는",
    "enhance": "강화하는",
    "improve": "개선하는",
    "optimize": "최적화하는",
    "automate": "자동화하는",
    "evaluate": "평가하는",
    "measure": "측정하는",
    "retrieve": "검색하는",
    "build": "구축하는",
    "construct": "구축하는",
    "solve": "해결하는",
    "mitigate": "완화하는",
    "handle": "처리하는",
    "bridge": "연결하는",
    "align": "정렬하는",
    "accelerate": "가속하는",
    "compress": "압축하는",
    "assess": "평가하는",
    # what a system turns its input into ("a system that outputs facial animation from audio")
    "produce": "생성하는",
    "output": "출력하는",
    "synthesize": "합성하는",
    "reconstruct": "재구성하는",
    "convert": "변환하는",
    "extract": "추출하는",
    "decompose": "분해하는",
    "classify": "분류하는",
    "segment": "분할하는",
    "summarize": "요약하는",
    "translate": "번역하는",
    "recommend": "추천하는",
}


# plural nouns an -ing word modifies rather than governs ("reasoning capabilities")
_KIND_PLURALS = {
    "benchmarks",
    "capabilities",
    "abilities",
    "skills",
    "models",
    "methods",
    "tasks",
    "datasets",
    "agents",
    "systems",
    "tools",
    "frameworks",
    "approaches",
    "algorithms",
    "techniques",
    "strategies",
    "schemes",
    "mechanisms",
    "modules",
    "pipelines",
    "environments",
    "problems",
    "errors",
    "behaviors",
    "behaviours",
    "stages",
    "steps",
    "phases",
}


# Glossary words with a common non-ML sense (competition law, Persian literature, Space
# science, product recall, event horizon, speech act, action unit, motor imagery). Beside a
# copied English word they sit in a compound the glossary does not know, so they are copied.
_SENSES = {
    "competition",
    "literature",
    "space",
    "recall",
    "field",
    "event",
    "speech",
    "action",
    "imagery",
    "modern",
    "usage",
    "value",
    "values",
    "universal",
}


def _plain_english(word: str, glossary: Glossary) -> bool:
    word = word.strip(",")
    # "non-cooperative space objects": a hyphenated word the glossary does not know is as
    # plain as an unhyphenated one
    shape = r"[A-Za-z][a-z]{2,}|[A-Za-z][a-z]+(?:-[A-Za-z][a-z]+)+"
    return bool(re.fullmatch(shape, word)) and glossary.get(word.lower()) is None


def _unknown_sense(words: list[str], i: int, glossary: Glossary) -> bool:
    if words[i].lower().strip(",") not in _SENSES:
        return False
    prev = words[i - 1] if i else ""
    nxt = words[i + 1] if i + 1 < len(words) else ""
    return _plain_english(prev, glossary) or _plain_english(nxt, glossary)


def ends_in_modifier(ko: str, glossary: Glossary) -> bool:
    """ "일관된": a Korean phrase whose last word is a glossary modifier has lost its noun."""
    last = ko.split()[-1] if ko.split() else ""
    if not last.endswith(("된", "한", "적인", "는", "운", "은")):
        return False  # 합성 is "synthetic" and "synthesis": only a modifier form counts
    values = [(v, pos) for v, pos in glossary.entries.values() if v == last]
    return bool(values) and all(pos == "a" for _, pos in values)


def _is_noun(word: str, glossary: Glossary) -> bool:
    hit = glossary.get(word.lower())
    return bool(hit and hit[1] == "n") or bool(re.fullmatch(r"[A-Za-z]+[^s]s", word))


def _spelled_out_name(words: list[str], glossary: Glossary | None = None) -> set[int]:
    """Indices of a Title-Case run that ends in its acronym ("Direct Advantage
    Regression(DAR)"), or of three or more Title-Case words in a row ("Shift Sparse Block
    Attention", "You Only Select Essential Tokens": titles reach here lower-cased, so in an
    abstract's phrase such a run is a name): translated word by word it changes meaning
    (advantage -> 장점, shift -> 변화), so it is copied."""
    keep: set[int] = set()
    for j, word in enumerate(words):
        if re.fullmatch(r"[A-Z][\w-]*\([A-Z][\w-]*\)", word):
            i = j
            while i > 0 and words[i - 1][:1].isupper():
                i -= 1
            if j - i >= 1:
                keep.update(range(i, j + 1))
    title_case = [bool(re.fullmatch(r"[A-Z][a-z][\w-]*,?", w)) for w in words]
    j = 0
    while j < len(words):
        k = j
        while k < len(words) and title_case[k]:
            k += 1
        run = " ".join(w.strip(",") for w in words[j:k]).lower()
        if k - j >= 3 and not (glossary and glossary.get(run)):
            keep.update(range(j, k))  # "Large Language Models" is a term the glossary knows
        j = k + 1
    return keep


# A Korean modifier before "and": its connective form (한 -> 하고, 적인 -> 적이고, 된 -> 되고).
_CONNECTIVE = (("적인", "적이고"), ("한", "하고"), ("된", "되고"), ("인", "이고"), ("은", "고"))


def _join_modifier(ko: str) -> str | None:
    for end, joined in _CONNECTIVE:
        if ko.endswith(end) and len(ko) > len(end):
            return ko[: -len(end)] + joined
    return None


# Copied English words a Korean frame cannot carry: a verb, an adverb, a comparison, a
# possessive or a function word left in place reads as broken Korean ("학습 boosts 음성").
def _risky_english(word: str, glossary: Glossary, prev: str = "", nxt: str = "") -> bool:
    low = word.lower()
    if not low.isascii() or not re.search("[a-z]", low) or _is_name(word) or word[:1].isupper():
        return False  # names, acronyms and capitalized terms are copied as they are
    if low in _FUNCTION or low.endswith(("'s", "s'", "’s", "ly")):
        return True
    between_nouns = prev.lower() not in ("", "and", "or") and not re.search(
        r"(?:ed|al|ive|ous|ic)$", prev.lower()
    )
    if low.endswith("ed") and len(low) > 4 and "-" not in low and between_nouns and nxt:
        # a participle the glossary does not know: "distribution aided learning"
        return low != "based"
    if re.fullmatch(r"[a-z]+(?:est|ier)", low) and len(low) > 5:
        return True  # largest, richer-style comparisons
    if low.endswith("ing") and len(low) > 5 and "-" not in low:
        # a participle with its own subject or object: "mice solving puzzles", "parsing the"
        plural_before = re.fullmatch(r"[a-z]+[^s]s|mice|people|children", prev.lower())
        gerund_first = not prev and bool(nxt)  # "parsing human anatomy": a verb and its object
        obj_after = nxt[:1].isupper() or (
            re.fullmatch(r"[a-z]+[^s]s", nxt.lower() or "x") and nxt.lower() not in _KIND_PLURALS
        )  # "data ordering methods": a kind of method, not "ordering" and its object
        if plural_before or gerund_first or obj_after or nxt.lower() in ("a", "an", "the", "its"):
            return True
    if _is_verb(low, glossary) and prev and nxt and low not in _NOUN_TOO:
        return True  # "tracking datasets demonstrate the effectiveness": a verb mid-phrase
    stem = low[:-1] if low.endswith("s") else ""
    return bool(stem) and _known_verb(stem, glossary)


# glossary verbs that are nouns in a compound as often ("attack framework", "diffusion bridge
# model", "report generation", "motion capture dataset")
_NOUN_TOO = {
    "attack",
    "design",
    "transfer",
    "support",
    "update",
    "review",
    "bridge",
    "report",
    "track",
    "approximate",
    "transform",
    "measures",
    "coordinate",
    "coordinates",
    "addresses",
    "use",
    "capture",
    "disentangle",
}


# Everyday verbs of sentence titles ("The Chain Holds, the Answer Folds", "Early Token
# Compression Completes ..." is left: "complete" is an adjective as often); none is a noun in an
# ML compound
_PLAIN_VERBS = {
    "hold",
    "matter",
    "meet",
    "help",
    "make",
    "fail",
    "see",
    "know",
    "say",
    "think",
    "beat",
    "tell",
    "go",
    "get",
    "give",
    "lie",
    "hide",
    "speak",
    "fool",
    "hurt",
    "pay",
    "stay",
    "keep",
    "bring",
    "become",
    "remain",
}


def _known_verb(word: str, glossary: Glossary) -> bool:
    """A contribution or relative-clause verb, a glossary verb entry or an everyday verb."""
    hit = glossary.get(word)
    return word in VERBS or word in RELATIVE or word in _PLAIN_VERBS or bool(hit and hit[1] == "v")


def _is_verb(word: str, glossary: Glossary) -> bool:
    low = word.lower()
    for cand in (
        low,
        low[:-1] if low.endswith("s") else "",
        low[:-2] if low.endswith("es") else "",
    ):
        if cand and _known_verb(cand, glossary):
            noun = glossary.get(low)
            return not (noun and noun[1] == "n")  # "model", "design": nouns as well
    return False
