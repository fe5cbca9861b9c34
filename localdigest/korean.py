"""Korean by rule: particles that fit the word before them, and terms from a reviewed glossary.

Korean particles change with the last sound of the word they follow (받침): HTMNet을 but
Mamba를, 모델은 but 데이터는. For a Latin-script word the last sound is read the way Korean
ML writers read it aloud: a final consonant letter (t, k, p, m, n, l, ...) has 받침, a final
vowel or a letter said with a trailing vowel (e, y, ...) does not; a final digit or capital
letter is read by its Korean name (3 = 삼, with 받침; 2 = 이, without; "L" = 엘, with).
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

# particle pairs: (after 받침, after a vowel)
PAIRS = {
    "을/를": ("을", "를"),
    "이/가": ("이", "가"),
    "은/는": ("은", "는"),
    "과/와": ("과", "와"),
    "이다/다": ("이다", "다"),
    "으로/로": ("으로", "로"),
}

# Digits as read in Korean: 영 일 이 삼 사 오 육 칠 팔 구 -> which end in a consonant.
_DIGIT_BATCHIM = {
    "0": True,
    "1": True,
    "2": False,
    "3": True,
    "4": False,
    "5": False,
    "6": True,
    "7": True,
    "8": True,
    "9": False,
}
# Capital letters read by name (에이, 비, 씨, 디, ... 엘, 엠, 엔, 알): these end in 받침.
_LETTER_BATCHIM = set("LMNR")
_VOWELS = set("aeiou")


def _latin_batchim(word: str) -> tuple[bool, bool]:
    """How a Latin word's end is read as a Korean loanword: Net 넷, map 맵, model 모델 and
    learning 러닝 end in 받침; test 테스트, network 네트워크, Transformer 트랜스포머, code 코드
    and models 모델스 do not (a cluster or s/d/f/x... is closed with a vowel)."""
    w = word.lower()
    silent_e = len(w) > 2 and w.endswith("e") and w[-2] not in _VOWELS
    if silent_e:
        w = w[:-1]  # silent e: line 라인, time 타임, code 코드
    last = w[-1]
    if last in _VOWELS or last in "yrw":
        return False, False
    if silent_e and w.endswith("ng"):
        return False, False  # range 레인지, challenge 챌린지
    if last in "mn" or w.endswith("ng"):
        return True, False
    if last == "l":
        return True, True
    if w.endswith("ck"):
        w = w[:-1]
        last = "k"
    elif last == "c":  # a final c is said k: logic 로직, metric 메트릭
        last = "k"
    if last in "ktpbg":  # a short vowel before one stop: net 넷, map 맵, web 웹, track 트랙
        if silent_e:  # a stop after a long vowel is closed with a vowel: 이미지, 스코프, 메이크
            return False, False
        return len(w) >= 2 and w[-2] in _VOWELS and (len(w) < 3 or w[-3] not in _VOWELS), False
    return False, False


def _hangul_batchim(ch: str) -> int | None:
    """0 for no 받침, the 받침 index otherwise; None when ch is not a Hangul syllable."""
    code = ord(ch) - 0xAC00
    if 0 <= code <= 11171:
        return code % 28
    return None


def has_batchim(word: str) -> tuple[bool, bool]:
    """(ends in a consonant sound, that consonant is ㄹ) for the last word-like run of word."""
    core = re.sub(r"[\s\)\]\}\"'’”.,:;!?·…\-]+$", "", word)
    if not core:
        return False, False
    last = core[-1]
    b = _hangul_batchim(last)
    if b is not None:
        return b != 0, b == 8  # 8 = ㄹ
    if last.isdigit():
        return _DIGIT_BATCHIM[last], last in "178"  # 일, 칠, 팔 end in ㄹ
    if last.isupper() or (len(core) >= 2 and core[-2:].isupper()):
        # an acronym is read letter by letter: "CNN" -> 엔, "RAG" -> 지, "LLM" -> 엠
        return last.upper() in _LETTER_BATCHIM, last.upper() == "L"
    if last.isalpha() and last.isascii():
        return _latin_batchim(re.split(r"[^A-Za-z]", core)[-1] or last)
    return False, False


def josa(word: str, pair: str) -> str:
    """``word`` followed by the form of ``pair`` ("을/를", "이/가", ...) that fits it."""
    consonant, rieul = has_batchim(word)
    with_b, without_b = PAIRS[pair]
    if pair == "으로/로" and rieul:
        return word + "로"  # ㄹ takes 로: 모델로, 서울로
    return word + (with_b if consonant else without_b)


# --- glossary ------------------------------------------------------------------------------


@dataclass
class Glossary:
    """Reviewed EN->KO terms (localdigest/data/glossary.tsv, see its card). Lookups are
    longest-match over lower-cased words; a regular plural (-s, -es, -ies) matches its
    singular entry. ``version`` is the file's content hash, part of every cache key."""

    entries: dict[str, tuple[str, str]]  # en -> (ko, pos)
    version: str = ""
    longest: int = 1

    @classmethod
    def load(cls, path: str | Path | None = None) -> Glossary:
        data = (
            Path(path).read_bytes()
            if path
            else resources.files("localdigest").joinpath("data/glossary.tsv").read_bytes()
        )
        entries: dict[str, tuple[str, str]] = {}
        for n, line in enumerate(data.decode("utf-8").splitlines()[1:], start=2):
            if not line.strip() or line.startswith("#"):
                continue
            cols = line.split("\t")
            if len(cols) < 3:
                raise ValueError(f"glossary line {n}: expected en<TAB>ko<TAB>pos, got {line!r}")
            entries[cols[0].strip().lower()] = (cols[1].strip(), cols[2].strip())
        longest = max((len(k.split()) for k in entries), default=1)
        return cls(entries, hashlib.sha256(data).hexdigest()[:16], longest)

    def get(self, en: str) -> tuple[str, str] | None:
        key = en.lower()
        hit = self.entries.get(key)
        if hit is None:
            for singular in _singulars(key):
                hit = self.entries.get(singular)
                if hit and hit[1] == "n":  # "dynamics" is no plural of the adjective "dynamic"
                    break
                hit = None
        return hit

    def match(self, words: list[str], start: int, pos: str = "nap") -> tuple[str, str, int] | None:
        """(ko, pos, number of words) for the longest entry starting at words[start] whose
        part of speech is in ``pos`` (inside a noun phrase a verb entry is a false friend:
        "present" is 제시 as a verb, not as an adjective)."""
        for n in range(min(self.longest, len(words) - start), 0, -1):
            phrase = " ".join(words[start : start + n])
            if n == 1 and _is_name(phrase):
                return None  # names stay as written: "Mamba", "CLIP", "U-Net"
            hit = self.get(phrase)
            if hit and hit[1] in pos:
                return hit[0], hit[1], n
        return None

    def korean_terms(self) -> dict[str, list[str]]:
        """ko -> the English terms it translates (for checking a model's Korean words)."""
        out: dict[str, list[str]] = {}
        for en, (ko, _) in self.entries.items():
            out.setdefault(ko, []).append(en)
        return out


def _singulars(word: str) -> list[str]:
    *head, last = word.split(" ")
    prefix = " ".join(head) + (" " if head else "")
    out = []
    if last.endswith("ies") and len(last) > 4:
        out.append(last[:-3] + "y")
    if last.endswith("es") and len(last) > 3:
        out.append(last[:-2])
    if last.endswith("s") and not last.endswith("ss") and len(last) > 3:
        out.append(last[:-1])
    return [prefix + w for w in out]


def _is_name(word: str) -> bool:
    """A name or acronym, kept as the paper writes it: any capital after the first letter
    (HTMNet, LoRA, CLIP, U-Net), or digits mixed with letters (GPT4, 3DGS)."""
    core = word.strip("()[],.;:")
    return any(c.isupper() for c in core[1:]) or (
        any(c.isdigit() for c in core) and any(c.isalpha() for c in core)
    )


@lru_cache(maxsize=1)
def default_glossary() -> Glossary:
    """The shipped glossary, read once per process."""
    return Glossary.load()
