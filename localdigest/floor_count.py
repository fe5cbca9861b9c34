"""How widely the floor says a paper is evaluated: how many benchmarks or datasets a sentence
about its own evaluation counts ("Experiments on three public datasets" -> "3개 데이터셋"), and
the named systems it says it beats. Split from floor_eval.py, which reads the names."""

from __future__ import annotations

import re

from .contribution import sentences
from .floor_detail import _about_ours
from .korean import _is_name

# data a model learns from, not where it is evaluated ("we pretrain ViCTr on the ATLAS-8k
# dataset", "we train our model using two datasets")
_TRAINED_ON = re.compile(
    r"\b(?:train\w*|pre-?train\w*|fine-?tun\w*|learn\w*|distill\w*|select\w*)\b", re.I
)


_NUMBER_WORDS = {
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
}


def count_of(word: str) -> int:
    """ "three" or "3" -> 3 (the number words of _NUMBER_WORDS, or digits)."""
    return int(word) if word.isdigit() else _NUMBER_WORDS[word.lower()]


_COUNT = re.compile(
    r"\b(?P<prep>on|across|over|using|with)\s+(?P<n>\d{1,3}|" + "|".join(_NUMBER_WORDS) + r")\s+"
    # the words between count and noun describe the noun: no other count ("eight classification
    # and one segmentation datasets"), no preposition ("two settings on several benchmarks")
    # and no plural noun joined to the counted one ("ten national cultures and culture-sensitive
    # tasks" counts cultures)
    r"(?:(?!(?![\w-]+ics\s)[\w-]+[^su\W]s\s+(?:and|or)\s)(?!\d|(?:one|an?|on|in|of|for|across|with|from|at|over|under|to|by|"
    + "|".join(_NUMBER_WORDS)
    + r")\s)[\w-]+\s+){0,4}?"
    r"(?P<what>benchmarks|datasets|tasks|languages)\b",
    re.IGNORECASE,
)
# "mid-training on 11 tasks" is no evaluation: the count must come from a sentence about one
_EVALUATION = re.compile(
    r"\b(?:experiment\w*|evaluat\w*|results?|outperform\w*|surpass\w*|achiev\w*|"
    r"state[- ]of[- ]the[- ]art|benchmark(?:ed|ing)|tested|validat\w*|demonstrat\w*)\b",
    re.IGNORECASE,
)
_MORE = re.compile(
    r"\band\s+(?:\d{1,3}|one|an?|" + "|".join(_NUMBER_WORDS) + r")\s+(?:[\w()-]+\s+){0,6}?"
    r"(?:benchmarks?|datasets?|tasks?|languages?)\b",
    re.IGNORECASE,
)


def _added(before: str, what: str) -> bool:
    """The count adds to one already given: "on two sequestered datasets ..., as well as on
    two novel datasets" (the same noun counted before it, or "as well as"/"and" just before)."""
    counted = r"\b(?:\d{1,3}|" + "|".join(_NUMBER_WORDS) + r")\s+(?:[\w-]+\s+){0,8}?" + what
    return bool(
        re.search(
            r"\b(?:as well as|in addition to|plus|and also|and)\s*(?:on|across|over)?\s*$",
            before,
            re.I,
        )
        or re.search(counted, before, re.I)
    )


_COUNT_KO = {"benchmarks": "벤치마크", "datasets": "데이터셋", "tasks": "작업", "languages": "언어"}


def eval_count(abstract: str) -> str | None:
    """ "Experiments on three public datasets" -> "3개 데이터셋"; None when no sentence
    counts them."""
    for sentence in sentences(abstract):
        m = _COUNT.search(sentence)
        after = sentence[m.end() :] if m else ""
        breakdown = re.match(r"\s*(?:,\s*)?(?:including|namely|such as|:)", after)
        if m and _MORE.search(after) and not breakdown:
            continue  # "two English benchmarks ... and one Chinese benchmark": not the total
        if m and _added(sentence[: m.start()], m.group("what")):
            continue  # "on two sequestered datasets ..., as well as on two novel datasets"
        if m and m.group("prep").lower() in ("using", "with"):
            # "We conducted a comprehensive evaluation using three distinct medical datasets";
            # "we train our model using two datasets" is the data it learns from
            before = sentence[: m.start()]
            if not _EVALUATION.search(before) or _TRAINED_ON.search(before):
                continue
            if m.group("what").lower() == "tasks":
                continue  # "a benchmark with 10 tasks": what it holds, not where it is tested
        if m and _EVALUATION.search(sentence):
            n = m.group("n").lower()
            count = count_of(n)
            if count >= 2:
                return f"{count}개 {_COUNT_KO[m.group('what').lower()]}"
    return None


_BEATS = re.compile(
    r"\b(?:outperform\w*|surpass\w*)\s+(?:the\s+)?(?:strong\s+)?"
    # "pyRDF2vec": a name may start lower-case when a capital or digit follows
    r"(?P<names>(?:[A-Z]|[a-z]+[A-Z0-9])[\w\-.]*[\w]"
    r"(?:\s*(?:,\s*and|,|and)\s+(?:[A-Z]|[a-z]+[A-Z0-9])[\w\-.]*[\w]){0,2})"
    r"(?=\s*(?:[,;]|\.(?!\w)|by|on|in|across|while|and|with|$))"
)
_NOT_SYSTEM = re.compile(r"^(?:SOTA|State|Existing|Prior|Previous|Current|Other|All)$", re.I)


def beaten_names(abstract: str, names: tuple[str, ...] = ()) -> list[str]:
    """The named systems the paper says its method outperforms ("outperforms GPT-4o and
    Claude" -> GPT-4o, Claude), from a sentence about its own method."""
    for sentence in sentences(abstract):
        m = _BEATS.search(sentence)
        if not m or not _about_ours(sentence[: m.start()], names):
            continue
        if re.search(r"\b(?:comparable|on par|competitive)\b", sentence[m.end() :], re.I):
            continue  # "outperforms GPT-4o in Chinese tasks and is comparable to GPT-4 in English"
        found = [n for n in re.split(r"\s*,\s*and\s+|\s*,\s*|\s+and\s+", m.group("names")) if n]
        if found and all(_is_name(n) and not _NOT_SYSTEM.match(n) for n in found):
            return found
    return []
