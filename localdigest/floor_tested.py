"""What a benchmark or a study puts to the test: "We evaluate 23 state-of-the-art LLMs" ->
"23개 최신 LLM을 평가합니다.". For a paper that makes a benchmark, how many systems it
tests is the concrete fact its title leaves out; only from a sentence where the authors say
it ("we evaluate/benchmark/compare N <systems>"), with the count as printed."""

from __future__ import annotations

import re

from .contribution import sentences
from .floor_eval import _NUMBER_WORDS, count_of
from .korean import Glossary, josa
from .phrase import translate_phrase
from .phrase_check import _broken

_N = r"\d{1,3}|" + "|".join(_NUMBER_WORDS)
_TESTED = re.compile(
    r"\b[Ww]e\s+(?:(?:also|then|further|\w+ly)\s+)?"
    r"(?P<verb>evaluate|benchmark|test|assess|compare|analy[sz]e|examine|study|audit)\s+"
    # the words before the noun describe it: no "and", no preposition ("eight mainstream
    # branches of LLMs", "nine open- and closed-source models")
    rf"(?P<n>{_N})\s+(?P<adj>(?:(?!(?:and|or|of|in|for|from|with|on|to)\b)[\w]+(?:-\w+)*\s+){{0,3}}?)"
    r"(?P<noun>LLMs|VLMs|MLLMs|LVLMs|(?:language\s+|vision\s+|foundation\s+)?models|systems|"
    r"agents|detectors|methods|algorithms|architectures)\b"
    # "12 models from 4 families" is fine; "two models of which one ..." is not a count
    r"(?!\s+(?:of|in which|where)\b)",
    re.IGNORECASE,
)
_VERB_KO = {"compare": "비교합니다"} | {
    v: "분석합니다" for v in ("analyse", "analyze", "examine", "study", "audit")
}
# a qualifier that says nothing a reader needs and that the glossary may not carry
_FILLER = re.compile(r"^(?:different|various|distinct|diverse|representative)\s+", re.I)


def systems_tested(abstract: str, glossary: Glossary, main: str = "") -> str | None:
    """ "23개 최신 LLM을 평가합니다." from the first "we evaluate N <systems>" sentence, or None.
    Never when the line says the count already."""
    for sentence in sentences(abstract):
        m = _TESTED.search(sentence)
        if not m or re.search(r"\b(?:can|could|may|might|would|will)\s*$", sentence[: m.start()]):
            continue
        n = count_of(m.group("n").lower())
        if n < 2 or re.search(rf"(?<![\d,.]){n}(?![\d,.])", main):
            continue
        noun = m.group("noun")
        noun = noun[:-1] if re.fullmatch(r"[A-Z]+s", noun) else noun  # "LLMs" -> "LLM"
        described = _FILLER.sub("", f"{m.group('adj')}{noun}".strip())
        ko = translate_phrase(described, glossary)
        if not ko or _broken(ko) or not re.search("[가-힣]|[A-Z]{2}", ko):
            ko = translate_phrase(noun, glossary) or noun
        verb = _VERB_KO.get(m.group("verb").lower(), "평가합니다")
        if main.endswith(f" {verb}") or main.endswith(f"를 {verb}") or verb in main:
            continue  # "다섯 DL 모델을 평가합니다": the line's own sentence says what it tests
        return f"{n}개 {josa(ko, '을/를')} {verb}."
    return None
