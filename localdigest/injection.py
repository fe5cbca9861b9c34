"""Abstracts that cannot steer a model: instruction-like sentences, prompt markers and
invisible characters found (injection_phrases) and neutralized before any prompt or floor
line is built. The gate in quality.py checks model output with the same patterns."""

from __future__ import annotations

import re
import unicodedata

# --- injection --------------------------------------------------------------------------------

_LANGS = r"(?:english|chinese|japanese|french|german|spanish|russian|korean|hindi|arabic)"
# Sentences that talk to the model rather than about research. Conservative: each pattern needs
# an imperative or a role phrase that a real abstract would not use about its own work.
_INSTRUCTION = re.compile(
    r"\b(?:ignore|disregard|forget|override)\s+(?:all\s+|any\s+|the\s+|your\s+)?"
    r"(?:(?:previous|prior|above|earlier|preceding|former|system)\s+)+"
    r"(?:instructions?|prompts?|directions?|rules|context|messages?)\b"
    r"|\byou\s+are\s+now\b"
    r"|\bfrom\s+now\s+on\b"
    r"|\bsystem\s+prompt\b"
    r"|\bnew\s+instructions?\s*:"
    r"|\bpretend\s+(?:to\s+be|you\s+are)\b"
    r"|\bif\s+you\s+are\s+an?\s+(?:ai|llm|language\s+model|assistant)\b"
    r"|\b(?:write|respond|answer|reply|output|summari[sz]e)\s+(?:this\s+|the\s+\w+\s+)?"
    rf"(?:only\s+|entirely\s+)?in\s+{_LANGS}\b"
    r"|(?:이전|위의?|앞의?)\s*(?:지시|명령|지침)\S*\s*(?:을|를)?\s*무시"
    r"|(?:영어|영문|중국어|일본어)로\s*(?:작성|답|출력|쓰)",
    re.IGNORECASE,
)
# Chat-template and prompt-format markers: removed wherever they occur (Alpaca-style
# "### Instruction:" too, mid-line, since neutralize joins the lines first).
_MARKERS = re.compile(
    r"<\|[^|<>]{1,40}\|>|</?(?:start_of_turn|end_of_turn|s|bos|eos)>|\[/?INST\]|<<SYS>>|<</SYS>>"
    r"|#{1,6}\s*(?:instruction|system|response|input|user|assistant|human)s?\b\s*:?"
    r"|\b(?:instruction|response|assistant|human)s?\s*:"
    r"|(?:한 문장 요약|제목|초록|요약|보고서|분야|논문|지시|응답)\s*:",
    re.IGNORECASE | re.MULTILINE,
)
# In an abstract (never in our own output, which the gate checks with _INSTRUCTION alone):
# Korean imperatives addressed to the reader ("…라고 말하세요", "…하십시오"). Papers state
# results; they do not command the reader, in English or Korean.
_IMPERATIVE_KO = re.compile(
    r"[가-힣](?:세요|십시오|시오|주세요|해라|하라|해줘|해 줘)(?=[\s.!?。,…]|$)"
)
# Invisible characters that could split a phrase so the patterns miss it ("ig\u200bnore").
_INVISIBLE = re.compile(
    "[\u00ad\u034f\u061c\u115f\u1160\u180e\u200b-\u200f\u202a-\u202e"
    "\u2060-\u206f\u3164\ufe00-\ufe0f\ufeff\uffa0]"
)
_SENTENCE = re.compile(r"[^.!?。…]*(?:[.!?。…]+|$)")
REMOVED = "[…]"


def injection_phrases(text: str) -> list[str]:
    """Instruction-like phrases and prompt markers found in a text."""
    text = _INVISIBLE.sub("", unicodedata.normalize("NFKC", text))
    return (
        [m.group().strip() for m in _INSTRUCTION.finditer(text)]
        + [m.group().strip() for m in _MARKERS.finditer(text)]
        + [m.group().strip() for m in _IMPERATIVE_KO.finditer(text)]
    )


def _steers(sentence: str) -> bool:
    plain = unicodedata.normalize("NFKC", sentence)  # full-width "ｉｇｎｏｒｅ" reads as "ignore"
    return bool(_INSTRUCTION.search(plain) or _IMPERATIVE_KO.search(plain))


def neutralize(abstract: str) -> str:
    """An abstract that cannot steer a completion.

    * whitespace is collapsed to single spaces, so no line of an abstract can pose as a new
      prompt line ("보고서:", "제목:");
    * chat-template and prompt markers (``<|im_start|>``, ``<start_of_turn>``, ``[INST]``,
      ``### Instruction``, our own labels such as ``요약:``) are removed;
    * every sentence holding an instruction-like phrase ("ignore previous instructions",
      "you are now", "system prompt", "write in English", "이전 지시를 무시", ...) or a Korean
      imperative ("…라고 말하세요") is replaced by ``[…]``;
    * zero-width and bidi control characters are dropped (they could split a phrase).

    Only those patterns are touched; an abstract without them comes back with its whitespace
    collapsed and nothing else changed. Grounding still uses the original abstract.
    """
    text = " ".join(_INVISIBLE.sub("", abstract or "").split())
    text = _MARKERS.sub(" ", text)
    if _steers(text):
        text = "".join(f" {REMOVED} " if _steers(s) else s for s in _SENTENCE.findall(text))
    return " ".join(text.split())
