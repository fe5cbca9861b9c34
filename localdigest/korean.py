"""Korean by rule: particles that fit the word before them, and terms from a reviewed glossary.

Korean particles change with the last sound of the word they follow (받침): HTMNet을 but
Mamba를, 모델은 but 데이터는. For a Latin-script word the last sound is read the way Korean
ML writers read it aloud: a final consonant letter (t, k, p, m, n, l, ...) has 받침, a final
vowel or a letter said with a trailing vowel (e, y, ...) does not; a final digit or capital
letter is read by its Korean name (3 = 삼, with 받침; 2 = 이, without; "L" = 엘, with).
"""

from __future__ import annotations

import re

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
_DIGIT_BATCHIM = {"0": True, "1": True, "2": False, "3": True, "4": False, "5": False,
                  "6": True, "7": True, "8": True, "9": False}
# Capital letters read by name (에이, 비, 씨, 디, ... 엘, 엠, 엔, 알): these end in 받침.
_LETTER_BATCHIM = set("LMNR")
_VOWELS = set("aeiou")


def _latin_batchim(word: str) -> tuple[bool, bool]:
    """How a Latin word's end is read as a Korean loanword: Net 넷, map 맵, model 모델 and
    learning 러닝 end in 받침; test 테스트, network 네트워크, Transformer 트랜스포머, code 코드
    and models 모델스 do not (a cluster or s/d/f/x... is closed with a vowel)."""
    w = word.lower()
    if len(w) > 2 and w.endswith("e") and w[-2] not in _VOWELS:
        w = w[:-1]  # silent e: line 라인, time 타임, code 코드
    last = w[-1]
    if last in _VOWELS or last in "yrw":
        return False, False
    if last in "mn" or w.endswith("ng"):
        return True, False
    if last == "l":
        return True, True
    if w.endswith("ck"):
        w = w[:-1]
        last = "k"
    if last in "ktpbg":  # a short vowel before one stop: net 넷, map 맵, web 웹, track 트랙
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
