"""What a benchmark or a study puts to the test: "We evaluate 23 state-of-the-art LLMs" ->
"23개 최신 LLM을 평가합니다.". For a paper that makes a benchmark, how many systems it
tests is the concrete fact its title leaves out; only from a sentence where the authors say
it ("we evaluate/benchmark/compare N <systems>"), with the count as printed."""

from __future__ import annotations

import re

from .contribution import sentences
from .floor_count import _NUMBER_WORDS, count_of
from .floor_eval import _METRIC_NAMES
from .korean import Glossary, _is_name, josa
from .phrase import translate_phrase
from .phrase_check import _broken

_N = r"\d{1,3}|" + "|".join(_NUMBER_WORDS)
_TESTED = re.compile(
    r"\b[Ww]e\s+(?:(?:also|then|further|\w+ly)\s+)?"
    # "We introduce TIME10k, a benchmark ..., and evaluate the time-awareness of 37 VLMs": the
    # second verb of the authors' sentence, and the aspect it tests said before the systems
    r"(?:[^.;]{0,200}?,?\s+and\s+(?:also\s+|then\s+)?(?=(?:evaluate|benchmark|test|assess)\s))?"
    r"(?P<verb>evaluate|benchmark|test|assess|compare|analy[sz]e|examine|study|audit)\s+"
    r"(?:the\s+(?:[\w-]+\s+){1,3}?of\s+(?=\d|(?:two|three|four|five|six|seven|eight|nine|ten)\s))?"
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


# "We evaluate six LLMs (GPT-4o, GPT-4o-mini, DeepSeek-Chat-V3, ...)", "we assess multiple
# LLMs, including Grok-4.1, Gemini-3-Pro and GPT-5.2": the systems by name
_MODEL_NAME = (
    r"(?:[A-Z][\w.\-]*[\w+]|[a-z]{1,3}[\d\-][\w.\-]*[\w])"
    r"(?:\s+(?:\d[\w.\-]*|v\d[\w.]*|[A-Z][\w.\-]*[\w])){0,3}"
)
_TESTED_NAMED = re.compile(
    r"\b(?:[Ww]e|[Tt]his (?:paper|study|work))\s+(?:(?:also|then|further|\w+ly)\s+)?"
    r"(?P<verb>evaluate|benchmark|test|assess|compare|analy[sz]e|examine|audit)[sd]?\s+"
    rf"(?:(?P<n>{_N})\s+)?(?:(?!(?:and|or|of|in|for|from|with|on|to)\b)[\w-]+\s+){{0,3}}?"
    r"(?P<noun>LLMs|VLMs|MLLMs|LVLMs|LRMs|(?:language\s+)?models|systems|agents)"
    r"(?P<open>\s*\(\s*|\s*:\s*|\s*,\s*(?=including|such as|namely|like)|\s+(?=including|such as))"
    r"(?P<ex>(?:including|such as|namely|like|e\.g\.,?)\s+)?"
    rf"(?P<names>{_MODEL_NAME}(?:\s*,\s*(?:and\s+)?{_MODEL_NAME}|\s+and\s+{_MODEL_NAME}){{1,9}})"
    r"(?P<after>\s*(?:,\s*(?:and\s+)?)?(?:etc\.?|and\s+(?:other|more)|\)|[,;.]|$))"
)


# "we assess GPT-4o, GPT-5, Perplexity, and Qwen Chat": the systems named right after the verb;
# "we test X on three ASR models: Wav2Vec2, HuBERT, and Whisper": the systems it runs on
_FAMILIES = re.compile(
    r"(?:GPT|Claude|Gemini|Llama|LLaMA|Qwen|Mistral|Mixtral|DeepSeek|Perplexity|Grok|Gemma|Phi|"
    r"Copilot|Whisper|Falcon|Vicuna|Kimi|Doubao|Yi|GLM)\b"
)
_TESTED_DIRECT = re.compile(
    r"\b[Ww]e\s+(?:(?:also|then|further|\w+ly)\s+)?(?P<verb>evaluate|benchmark|test|assess|"
    r"compare)\s+"
    rf"(?P<names>{_MODEL_NAME}(?:\s*,\s*(?:and\s+)?{_MODEL_NAME}|\s+and\s+{_MODEL_NAME}){{1,9}})"
    r"(?=\s*(?:[;.]|$)|\s+(?:on|across|in|using|with|under)\b)"
)
_TESTED_ON = re.compile(
    r"\b[Ww]e\s+(?:(?:also|then|further|\w+ly)\s+)?(?:evaluate|benchmark|test|assess|apply)\w*\b"
    rf"[^.;:]{{0,120}}?\bon\s+(?P<n>{_N})\s+(?:[\w-]+\s+){{0,3}}?(?:models|LLMs|systems)\s*:\s*"
    rf"(?P<names>{_MODEL_NAME}(?:\s*,\s*(?:and\s+)?{_MODEL_NAME}|\s+and\s+{_MODEL_NAME}){{1,9}})"
    r"\s*(?:[;.]|$)"
)


def _system_name(name: str) -> bool:
    """A model or system's name: a name by its shape ("Wav2Vec2", "GPT-4o") or a known family
    ("Perplexity", "Qwen Chat")."""
    if re.fullmatch(_METRIC_NAMES.pattern, name, re.IGNORECASE):
        return False  # "we evaluate BLEU, CHRF, TER": metrics, not systems
    return _is_name(name.split()[0]) or bool(_FAMILIES.match(name))


def _direct_tested(sentence: str) -> tuple[str, list[str]] | None:
    """ "GPT-4o·GPT-5·Perplexity 등을 평가합니다." / "Wav2Vec2·HuBERT·Whisper에서 평가합니다."
    and the names read, when every name is a system's and the list is read whole."""
    m = _TESTED_ON.search(sentence)
    on = bool(m)
    m = m or _TESTED_DIRECT.search(sentence)
    if not m:
        return None
    names = [n for n in re.split(r"\s*,\s*(?:and\s+)?|\s+and\s+", m.group("names")) if n]
    if len(names) < 2 or not all(_system_name(n) for n in names):
        return None
    if on and count_of(m.group("n").lower()) != len(names):
        return None
    listed = "·".join(names[:3]) + (" 등" if len(names) > 3 else "")
    if on:
        return f"{listed}에서 평가합니다.", names
    verb = _VERB_KO.get(m.group("verb").lower(), "평가합니다")
    return f"{josa(listed, '을/를')} {verb}.", names


def _named_tested(sentence: str) -> tuple[str, list[str], bool, int, str] | None:
    """(verb, names, whole list, count, noun) of a sentence naming the systems it tests."""
    m = _TESTED_NAMED.search(sentence)
    if not m or re.search(r"\b(?:can|could|may|might|would|will)\s*$", sentence[: m.start()]):
        return None
    names = [n for n in re.split(r"\s*,\s*(?:and\s+)?|\s+and\s+", m.group("names")) if n]
    if not any(_is_name(n.split()[0]) for n in names):
        return None  # "models, including Random Forest and Logistic Regression": no system names
    n = count_of(m.group("n").lower()) if m.group("n") else 0
    after = m.group("after")
    closed = not re.search(r"etc|other|more", after) and (
        (m.group("open").strip() == "(" and after.strip() == ")" and not m.group("ex"))
        or n == len(names)
    )
    return m.group("verb").lower(), names, closed, n, m.group("noun")


def systems_tested(abstract: str, glossary: Glossary, main: str = "") -> str | None:
    """ "23개 최신 LLM을 평가합니다." from the first "we evaluate N <systems>" sentence, or the
    systems it names ("GPT-4o·Claude 3.5 Sonnet 등을 평가합니다."), or None. Never when the line
    says the count already."""
    for sentence in sentences(abstract):
        named = _named_tested(sentence)
        if named:
            verb_en, names, closed, n, noun = named
            verb = _VERB_KO.get(verb_en, "평가합니다")
            if verb in main or any(name in main for name in names):
                continue
            listed = "·".join(names[:3]) + ("" if closed and len(names) <= 3 else " 등")
            noun = noun[:-1] if re.fullmatch(r"[A-Z]+s", noun) else noun  # "LLMs" -> "LLM"
            kind = translate_phrase(noun, glossary) or noun
            # "ChatGPT·Gemini·Claude 등 6개 VLM": the count says how many the 등 stands for
            counted = f" {n}개 {kind}" if n and (not closed or len(names) > 3) else ""
            return f"{josa(listed + counted, '을/를')} {verb}."
        direct = _direct_tested(sentence)
        if direct and direct[1][0] not in main:
            return direct[0]
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
