"""The floor's size sentence: how many items the paper's own dataset or benchmark holds ("a
dataset comprising 14,902 image pairs" -> "데이터셋은 이미지 쌍 14,902개를 포함합니다"), said only
from a sentence about the paper's own data, with the data as the subject."""

from __future__ import annotations

import re

from .contribution import sentences
from .floor_object import _vague_part
from .korean import Glossary, josa
from .phrase import translate_words

_COUNT = (
    r"(?P<hedge>over|more than|approximately|about|nearly|around|roughly|~)?\s*"
    r"(?P<n>\d[\d,.]*(?:\s*(?:[KkM]\b|million|thousand))?)(?P<plus>\+)?\s+"
    r"(?:total\s+)?(?P<noun>(?:[\w-]+\s+){0,2}?[\w-]+[^s\W]s)\b"
    # "56k news articles", "PubMed Open Access articles": not the noun's end, read no further
    r"(?<!news)(?<!ics)(?<!series)(?<!species)(?!\s+of\s+interest\b)"
    r"(?!\s+(?!(?:was|has|its|this|thus|plus|versus|whereas|always|\w+(?:ous|ies|es))\b)[a-z]+[^s\W]s\b)"
)
_SIZE = re.compile(
    r"\b(?:contain\w*|compris\w*|consist\w* of|includ\w*|featur\w*|span\w*|cover\w*|total of)"
    rf"\s+{_COUNT}",
)
# "a dataset of 10,000 images", "a benchmark with 1,262 comic images": the data word says whose
_SIZE_OF = re.compile(
    r"(?<!prior )(?<!existing )(?<!previous )(?<!other )(?<!public )"
    rf"\b(?P<data>dataset|benchmark|corpus|collection|suite),?\s+(?:with|of|containing|comprising)"
    rf"\s+{_COUNT}",
)
_DATA_WORD = re.compile(r"\b(?:dataset|benchmark|corpus|collection|suite)\b", re.IGNORECASE)
_DATA_KO = {
    "dataset": "데이터셋",
    "benchmark": "벤치마크",
    "corpus": "코퍼스",
    "collection": "컬렉션",
    "suite": "스위트",
}
_PEOPLE = re.compile(
    r"(?:patients|participants|subjects|users|annotators|people|volunteers|students|speakers|"
    r"clinicians|doctors|females|males|individuals|children|adults|workers|respondents)$"
)
_NOT_SIZE = re.compile(r"(?:years|tokens|days|times|steps|epochs|layers|parameters|dimensions)$")
# a dataset's items by their generic name: not in the glossary ("instance" is a sense of
# its own in "instance segmentation"), but a count of them is a size
_ITEMS = {"instances": "인스턴스", "items": "항목", "entries": "항목", "records": "레코드"}
# "over 10K scenes" -> "장면 10K개 이상", "~26,000 pages" -> "페이지 약 26,000개"; "nearly": none
_HEDGE_KO = {"over": "{} 이상", "more than": "{} 이상", "+": "{} 이상"}
_HEDGE_KO |= {w: "약 {}" for w in ("approximately", "about", "around", "roughly", "~")}


def size_fact(
    abstract: str, glossary: Glossary, names: tuple[str, ...] = (), kind: str = ""
) -> str | None:
    """How many items the paper's own dataset or benchmark holds ("a dataset comprising 14,902
    image pairs" -> "이미지 쌍 14,902개로 구성됩니다."), from a sentence about it. ``kind``: the
    Korean kind of the line's own object when it is data ("벤치마크"), so that a sentence whose
    subject is its name ("VCR-Bench comprises 859 videos") speaks of it."""
    subject = re.compile(
        r"(?:(?:Specifically|In total|Overall|Together),\s+)?"
        r"(?:It|This (?:dataset|benchmark|corpus)"
        + "".join(f"|{re.escape(n)}" for n in names if n)
        + r")\s+(?:(?:also|currently|now)\s+)?$"
    )
    own = re.compile(
        r"\b(?:we|our|this|the (?:dataset|benchmark|corpus|collection)|it)\b"
        + "".join(f"|{re.escape(n)}" for n in names if n),
        re.IGNORECASE,
    )
    for by_name in (False, True):  # a sentence that names its data first, then one about its name
        previous = ""
        for sentence in sentences(abstract):
            before, previous = previous, sentence
            m = _SIZE.search(sentence)
            data = _DATA_WORD.search(sentence[: m.start()]) if m else None
            if m and not data and re.match(r"It\s+(?:also\s+)?$", sentence[: m.start()]):
                # "we introduce Morpheus, a benchmark for ... . It features 80 real-world videos":
                # "It" is the data the sentence before introduced
                data = re.search(r"\b(?:we|our)\b", before, re.I) and _DATA_WORD.search(before)
            named = bool(
                by_name and m and not data and kind and subject.match(sentence[: m.start()])
            )
            if not data and not named:
                m = _SIZE_OF.search(sentence)
                data = m and re.match(r"\w+", m.group("data"))
            if not m or not (data or named) or not own.search(sentence[: m.start()]):
                continue
            # the dataset is the sentence's subject, not the method the line's first part names
            said = kind if named else _DATA_KO[data.group(0).lower()]
            line = _size_said(m, sentence, said, glossary)
            if line:
                return line
    return None


def _size_said(m: re.Match, sentence: str, said: str, glossary: Glossary) -> str | None:
    """ "데이터셋은 이미지 쌍 14,902개를 포함합니다." for a size match, or None when the count is
    not of the data's items (per category, years, a vague noun, a hedge the line cannot carry)."""
    noun = m.group("noun")
    if re.match(r"\s+(?:per|for each|in each|each)\b", sentence[m.end() :]) or re.search(
        r"\b(?:each|every|per)\s+[\w-]+\s+(?:\w+\s+)?$", sentence[: m.start()]
    ):
        return None  # "500 pairs per category", "each task featuring 750 images": not the size
    if re.match(
        r"\s*(?:,\s*)?(?:and|or|&)\s+(?:[\w-]+\s+)?(?:images|videos|video clips|clips|texts|"
        r"audios?|frames|documents|point clouds)\b",
        sentence[m.end() :],
    ):
        return None  # "4,000 images and video clips": the count is of both kinds of media
    hedge = (m.group("hedge") or m.group("plus") or "").lower()
    if _NOT_SIZE.search(noun) or (hedge and hedge not in _HEDGE_KO):
        return None
    ko = _ITEMS.get(noun.lower()) or translate_words(noun, glossary)
    # "10,000 images": one plain noun in Korean is the items a dataset counts, never vague
    plain = bool(re.fullmatch(r"[a-z]+s", noun) and ko and re.fullmatch(r"[가-힣]+", ko))
    vague = not plain and _vague_part(noun, glossary) and not _PEOPLE.search(noun)
    if not ko or vague and noun.lower() not in _ITEMS:
        return None  # "training instances": a modifier, not a verb
    if noun.endswith("hours") and noun != "hours":
        return None  # "500 individual hours": no count of items
    spans = re.match(r"(?:span|cover)", m.group(0), re.I)
    if spans and noun.endswith("subjects"):
        return None  # "spanning 57 subjects": school subjects, not 57 people
    counter = "명" if _PEOPLE.search(noun) else "시간" if noun == "hours" else "개"
    what = f"{ko} " + _HEDGE_KO.get(hedge, "{}").format(f"{_korean_count(m.group('n'))}{counter}")
    verb = "다룹니다" if spans else "포함합니다"
    return f"{josa(said, '은/는')} {josa(what, '을/를')} {verb}."


def _korean_count(n: str) -> str:
    """ "3.49 million" -> "349만", "2 thousand" -> "2,000"; "30K" and "14,902" stay."""
    n = " ".join(n.split())
    m = re.fullmatch(r"([\d.]+)\s*(million|thousand)", n)
    if not m:
        return n.replace(" ", "")
    value = float(m.group(1)) * (100 if m.group(2) == "million" else 1000)
    return f"{value:g}만" if m.group(2) == "million" else f"{value:,.0f}"
