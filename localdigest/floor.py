"""The floor line: a Korean line for one paper, built only from the paper's own words.

It cannot invent: every content word is either copied from the paper (names, terms the
glossary does not know) or a reviewed glossary translation of a word the paper uses; the
Korean around them is fixed grammar (particles by rule, a verb chosen from the paper's own
contribution verb). What it says, in order of preference:

  1. the contribution sentence's object ("we propose HTMNet, a hybrid network for depth
     completion") -> "깊이 보완을 위한 하이브리드 네트워크 HTMNet을 제안합니다."
     with a relative clause when the paper gives one ("... that leverages Mamba layers"
     -> "Mamba layers를 활용하는 ...");
  2. otherwise the title's description ("Name: a description") -> "... 다룹니다.";
  3. claims the abstract states plainly: state-of-the-art / outperforming earlier methods,
     released code (a code link in the abstract).
English word order is turned into Korean order only at prepositions the grammar knows
("A for B" -> "B를 위한 A"); a phrase it cannot place is cut there, never reordered by guess.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .floor_detail import (
    beaten_names,
    eval_count,
    eval_names,
    how_fact,
    result_fact,
    size_fact,
)
from .korean import Glossary, _is_name, default_glossary, josa
from .paper import Paper

# Part of every summary cache key: bump when a rule here changes what a line says.
FLOOR_VERSION = "floor-11"

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
_VERB_FORMS = (
    "|".join(
        rf"{v[:-1]}(?:e|es|ed|ing)" if v.endswith("e") else rf"{v}(?:s|es|ed|ies)?" for v in VERBS
    )
    .replace("study(?:s|es|ed|ies)?", "stud(?:y|ies|ied)")
    .replace("analyze", "analyz")
)
_SUBJECT = (
    r"(?:\bwe(?: further| also| first| then| here| hence| therefore| thus)?"
    r"|\bthis (?:paper|work|study|article|letter|report)|\bour (?:paper|work)|\bhere,? we)"
)
_CONTRIB = re.compile(rf"{_SUBJECT}\s+({_VERB_FORMS})\b\s+(.*)", re.IGNORECASE)

# Where the object phrase ends: a new clause, or a list/explanation the line cannot carry.
_NAMING = re.compile(
    r"\b(?:called|named|dubbed|termed|coined)\s+\"?([A-Za-z0-9][\w\-\.+]*[\w+])", re.IGNORECASE
)
_PAREN = re.compile(r"\s*\(([^()]{1,40})\)")
_DETERMINER = re.compile(
    r"^(?:(?:a|the) (?:wide |broad |diverse )?(?:range|variety|set|number|series|suite) of|"
    r"a (?:new|novel) (?:and|yet) \w+|a|an|the|our|this|these|two|three|several)\s+",
    re.IGNORECASE,
)
# prepositions -> Korean frame around the translated object {b}; A <prep> B -> "{b} ... A"
PREPS = {
    "based on": "{b} 기반",
    "for": "{b_eul} 위한",
    "of": "{b_ui}",
    "via": "{b_eul} 통한",
    "through": "{b_eul} 통한",
    "using": "{b_eul} 활용한",
    "leveraging": "{b_eul} 활용한",
    "in": "{b}에서의",
    "on": "{b}에 대한",
    "across": "{b} 전반의",
    "towards": "{b_eul} 향한",
    "toward": "{b_eul} 향한",
    "between": "{b} 사이의",
    "within": "{b} 내의",
    "from": "{b_euro}부터의",
    "against": "{b}에 대한",
    "under": "{b} 조건에서의",
    "without": "{b} 없는",
}
_PREP_RE = re.compile(
    r"\s+("
    + "|".join(sorted((re.escape(p) for p in [*PREPS, "with"]), key=len, reverse=True))
    + r")\s+",
    re.IGNORECASE,
)
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
}
_AND_VERBS = "|".join(
    [
        "show",
        "demonstrate",
        "find",
        "prove",
        "validate",
        "achieve",
        "apply",
        "provide",
        "conduct",
        "compare",
        "discuss",
        "propose",
        "introduce",
        "present",
        "release",
        "study",
        "investigate",
        "analy[sz]e",
        "outperform",
        "reveal",
        "offer",
        "open-source",
        "ensure",
        "enable",
        "allow",
        "maintain",
        "preserve",
        "yield",
    ]
    + list(RELATIVE)
)
_BOUNDARY = re.compile(
    r"\s*(?:(?<!\d),|,(?!\d{3}\b)|[;:!?]|\.(?!\d)|\s[–—-]{1,2}\s)|\s+(?:(?:that|which|who|whose|where|whereby|while|to|"
    r"containing|comprising|consisting|spanning|covering|featuring|involving|requiring|born|"
    r"and (?=(?:for|in|on|with|to|from|at|by|via|over|under|across)\b)|"
    r"by|as|so|such that|in order|enabling|allowing|achieving|resulting|yielding|called|named|"
    r"dubbed|termed|coined|namely|i\.e|e\.g|specifically|including|with the (?:aim|goal)|"
    r"aimed|aiming|designed|tailored|capable|able)\b|(?-i:and (?:"
    + _AND_VERBS
    + r")(?:s|es|ed|d)?)\b"
    r"|(?!based\b)[a-z\-]+ed\s+(?:on|by|with|for|in|from|to|using|via|through|under|across)\b)",
    re.IGNORECASE,
)
_REL_ROOTS = {(v[:-1] if v.endswith(("e", "y")) else v): v for v in RELATIVE}
_RELATIVE_RE = re.compile(
    r"^\s*,?\s*(?:(?:that|which|to)\s+)?(?:(?:first|jointly|explicitly|dynamically|"
    r"effectively|efficiently|automatically|adaptively|simultaneously|also)\s+)?("
    + "|".join(_REL_ROOTS)
    + r")(?:e|es|s|ies|y|ing|ying)?\s+(.*)",
    re.IGNORECASE,
)
_SOTA = re.compile(
    r"\b(?:achiev\w*|set\w*|establish\w*|reach\w*|attain\w*|obtain\w*|deliver\w*)\s+(?:a\s+)?"
    r"(?:new\s+)?state[- ]of[- ]the[- ]art\b|\boutperform\w*\s+(?:\w+\s+){0,3}?(?:existing|"
    r"prior|previous|state-of-the-art|sota|baseline|competing)\b",
    re.IGNORECASE,
)
_LINK = re.compile(r"https?://(?:www\.)?(?:github\.com|gitlab\.com)/\S+", re.I)
# "code" said in the link's own sentence; a paper list, data or checkpoints are not code
_CODE_WORDS = re.compile(r"\b(?:code|codes|implementation|source|codebase)\b", re.I)
_NOT_CODE = re.compile(
    r"\b(?:papers?|list|awesome|survey|reading|collection|resources?|checkpoints?|weights)\b",
    re.I,
)
MAX_PHRASE_WORDS = 14


@dataclass
class Contribution:
    verb: str  # Korean verb stem
    phrase: str  # English object phrase, determiners stripped
    name: str | None  # the method/system/dataset name, if the paper gives one
    relative: str | None  # "that <verb> <object>" clause as (verb, object) text
    relative_verb: str | None
    qualified_first: bool = False  # "first" holds only with a clause the line does not carry


def sentences(text: str) -> list[str]:
    return [s for s in re.split(r"(?<=[.!?])\s+(?=[A-Z0-9(\"'])", " ".join(text.split())) if s]


def title_name(title: str) -> str | None:
    """The name before a title's colon ("HTMNet: ..." -> HTMNet), if it is short."""
    head, sep, _ = title.partition(":")
    head = head.strip()
    if sep and 0 < len(head.split()) <= 3 and len(head) <= 30 and "," not in head:
        return head
    return None


_MAKING = {"제안", "제시", "개발", "설계", "구축", "공개"}  # verbs that make something


def find_contribution(paper: Paper) -> Contribution | None:
    """The paper's main contribution: the first sentence where it makes something ("we
    propose", "we release"), else the first where it studies something ("we evaluate")."""
    studied = None
    for sentence in sentences(paper.abstract):
        m = _CONTRIB.search(sentence)
        if not m:
            continue
        verb_word = m.group(1).lower()
        stem = next((ko for en, ko in VERBS.items() if verb_word.startswith(_root(en))), None)
        rest = m.group(2)
        if stem is None or re.match(r"(?:that|how|whether|to|a (?:way|method) to)\b", rest, re.I):
            continue  # "we show that ...", "we study how ...": a claim, not an object
        found = _parse_object(rest, stem, paper.title)
        if found and stem in _MAKING:
            return found
        studied = studied or found
    return studied


def _root(verb: str) -> str:
    return verb[:-1] if verb.endswith(("e", "y")) else verb


def _parse_object(rest: str, stem: str, title: str) -> Contribution | None:
    rest = re.sub(r"\s+-{2,3}\s+|\s+[–—]\s+", ", ", rest)
    name = None
    naming = _naming(rest[:240])
    # "HTMNet, a hybrid network ..." : a name, then its description after the comma
    first, comma, after = rest.partition(",")
    if comma and _looks_like_name(_PAREN.sub("", first).strip()):
        name, rest = _inline_parens(first.strip()), after.strip()
    participle = bool(name and re.match(r"[a-z]+ing\s", rest) and _RELATIVE_RE.match(rest))
    phrase_end = re.match("", rest) if participle else _BOUNDARY.search(rest)
    # "a large-scale, difficulty-graded reasoning dataset": a comma between modifiers
    # ("SMARTFinRAG, addressing gaps in X": no phrase, only a relative clause)
    while (
        phrase_end
        and phrase_end.end()
        and rest[phrase_end.start()] == ","
        and _ends_in_modifier(rest[: phrase_end.start()])
    ):
        nxt = _BOUNDARY.search(rest, phrase_end.end())
        if nxt is None:
            phrase_end = None
            break
        phrase_end = nxt
    phrase = rest[: phrase_end.start()] if phrase_end else rest
    tail = rest[phrase_end.start() :] if phrase_end else ""
    if re.match(r",\s*(?:[\w-]+\s*,\s*)?(?:[\w-]+\s+){0,3}?(?:and|or)\s", tail):
        # "prompts in English, Spanish and German": the comma continues a list the phrase's
        # last words start; keep the phrase only up to the preposition that opens the list
        cut = list(_PREP_RE.finditer(phrase))
        phrase = phrase[: cut[-1].start()] if cut else phrase
    if phrase.count("(") > phrase.count(")"):
        phrase = phrase[: phrase.rfind("(")]  # "attack (i" cut at "i.e.": drop the aside
    phrase = _inline_parens(phrase)
    if name is None and naming:
        name = naming
    if name is None:
        tn = title_name(title)
        if tn and tn.lower() in rest.lower():
            name = tn
    phrase = _DETERMINER.sub("", phrase.strip())
    phrase = _DETERMINER.sub("", phrase)  # "a new" after "the"
    # "the first kind of model", "a new type of foundation model": the kind is the noun
    phrase = re.sub(
        r"^(?:(?:first|new|novel)\s+)?(?:kind|type|class|sort|form|family)\s+of\s+",
        "",
        phrase,
        flags=re.IGNORECASE,
    )
    # "a new generation of reasoning models": a cohort, not the act of generating
    phrase = re.sub(r"^(?:new|next|latest)[- ]generation\s+of\s+", "", phrase, flags=re.IGNORECASE)
    # "the first framework that needs no labels": "first" belongs to the cut-off clause
    qualified_first = bool(
        re.search(r"\bfirst\b", phrase, re.I)
        and re.match(
            r"\s*(?:(?:that|which|to|without|with|capable|able|in|on|for|using|by|where)\b|,)",
            tail,
        )
    )
    if name and phrase.strip().lower() == name.lower():
        phrase = ""
    words = phrase.split()
    if len(words) > MAX_PHRASE_WORDS:
        return None
    rel = _RELATIVE_RE.match(tail)
    relative = relative_verb = None
    if rel:
        obj = rel.group(2)
        cut = _BOUNDARY.search(obj)
        obj = obj[: cut.start()] if cut else obj
        obj = re.sub(r"\s*\(([A-Z][\w]*)\)-", r"(\1)-", obj)  # "(DCT)-based" keeps DCT
        obj = _DETERMINER.sub("", re.sub(r"\s+\([^()]{1,40}\)", "", obj).strip())
        if 0 < len(obj.split()) <= 8:
            relative, relative_verb = obj, RELATIVE[_REL_ROOTS[rel.group(1).lower()]]
    if not words and not name:
        return None
    if not name and not relative and _too_thin(phrase):
        return None  # "soft", "use of addition": a cut-off phrase, not the contribution
    return Contribution(stem, phrase.strip(), name, relative, relative_verb, qualified_first)


def _too_thin(phrase: str) -> bool:
    """At most two content words, none a name or a capitalized term, and not a phrase the
    glossary knows whole: too little to be sure what it names."""
    words = [w for w in re.split(r"[\s]+", phrase.lower()) if w and w not in _ARTICLES]
    content = [w for w in words if w not in ("of", "for", "the", "use", "new", "novel")]
    if len(phrase.split()) == 1 and phrase[:1].isupper() and not _is_name(phrase):
        # "Scan" cut from "Scan, Materialize, Simulate" is a word; "Tango" is a name
        return default_glossary().get(phrase.lower()) is not None
    return len(content) <= 1 and not any(_is_name(w) or w[:1].isupper() for w in phrase.split())


def _ends_in_modifier(text: str) -> bool:
    last = text.split()[-1].lower() if text.split() else ""
    return bool(
        re.search(r"(?:-scale|-graded|-based|-aware|-free|-level|ive|al|ous|ic|ful)$", last)
    )


def _naming(text: str) -> str | None:
    """The name after "called"/"named"/...: its acronym in parentheses when it has one
    ("called Transformer based Encoder Decoder Network (TED Net)" -> TED Net), the words
    themselves when they are short, else nothing."""
    m = re.search(r"\b(?:called|named|dubbed|termed|coined)\s+([^,.;:]{1,80})", text, re.I)
    if not m:
        return None
    words = m.group(1).strip().strip("\"'“”")
    paren = _PAREN.search(words)
    if paren and len(paren.group(1).split()) <= 3:
        return paren.group(1).strip()
    words = words.split()
    if words and _is_name(words[0]):
        return words[0].strip("\"'“”")
    return None


def _looks_like_name(text: str) -> bool:
    """A short name: "HTMNet", "U-Shape Mamba", "TED Net" — every word capitalized and one
    of them a name by itself ("the Text-to-TrajVis task" is a phrase around a name)."""
    words = text.split()
    return (
        0 < len(words) <= 3
        and len(text) <= 30
        and all(w[:1].isupper() or w[:1].isdigit() for w in words)
        and any(_is_name(w) for w in words)
    )


def _inline_parens(text: str) -> str:
    """ "extended Kalman filter (EKF)" -> "extended Kalman filter(EKF)": an acronym stays
    with the words it abbreviates; a longer aside is dropped."""

    def keep(m: re.Match) -> str:
        inside = m.group(1).strip()
        return f"({inside})" if _looks_like_name(inside) and " " not in inside else ""

    return _PAREN.sub(keep, text).strip()


# --- English noun phrase -> Korean ---------------------------------------------------------


def translate_phrase(phrase: str, glossary: Glossary, depth: int = 0) -> str | None:
    """Korean for an English noun phrase: glossary terms in place of the words they cover,
    other words copied, "A for B" turned into "B를 위한 A". None when the phrase holds a
    word order the grammar cannot place (a verb, a dangling preposition)."""
    phrase = _DETERMINER.sub("", phrase.strip(" ,;"))
    if not phrase:
        return None
    first, _, rest = phrase.partition(" ")
    # "rendering module": one singular noun after the -ing word is a compound, not its object
    compound = re.fullmatch(r"[a-z][\w-]*[^s\W]", rest) is not None
    stem = (
        _verb_noun(first, glossary)
        if first.lower().endswith("ing") and rest and not compound
        else None
    )
    if stem:
        # "generating pseudo-labels" -> "의사 레이블 생성": the object, then the verb's noun
        obj = translate_phrase(rest, glossary, depth + 1)
        return f"{obj} {stem}" if obj else None
    m = _PREP_RE.search(phrase)
    while m and _inside_name(phrase, m):  # "6 Degrees of Freedom": a name, not "B의 A"
        m = _PREP_RE.search(phrase, m.end() - 1)
    if m and depth < 3:
        head, prep, obj = phrase[: m.start()], m.group(1).lower(), phrase[m.end() :]
        if prep == "with":
            # "with" means "using" or "having": which one is a guess, so say only the head
            return translate_phrase(head, glossary, depth + 1)
        head_words = [w for w in head.split() if w.lower() not in _ARTICLES]
        if len(_cut_participle(head_words, glossary)) < len(head_words):
            return translate_words(head, glossary)  # the PP belongs to the cut-off clause
        head_ko = translate_phrase(head, glossary, depth + 1)
        # "researchers of sexism and LLMs": which noun "and" joins is a guess; say less
        ambiguous = re.search(r"\s(?:and|or)\s", obj) and _PREP_RE.search(obj)
        obj_ko = (
            None if ambiguous else translate_phrase(_DETERMINER.sub("", obj), glossary, depth + 1)
        )
        if head_ko is None or obj_ko is None:
            return head_ko if head_ko and not obj_ko and prep != "of" else None
        frame = PREPS[prep].format(
            b=obj_ko,
            b_eul=josa(obj_ko, "을/를"),
            b_ui=obj_ko + "의",
            b_euro=josa(obj_ko, "으로/로"),
        )
        return f"{frame} {head_ko}"
    if m:
        return None
    return translate_words(phrase, glossary)


def _inside_name(phrase: str, m: re.Match) -> bool:
    """A preposition between two capitalized words belongs to a spelled-out name."""
    before, after = phrase[: m.start()].split(), phrase[m.end() :].split()
    return bool(before and after and before[-1][:1].isupper() and after[0][:1].isupper())


def _cut_participle(words: list[str], glossary: Glossary) -> list[str]:
    """ "dataset mapping excerpts to impacts": an -ing word right after a noun starts a clause
    about that noun (unless the two are one glossary term, "image editing"); cut there."""
    for i in range(1, len(words) - 1):
        # "motion encoding head": one singular word after the -ing word is a compound, not a
        # clause ("dataset mapping excerpts" is one)
        nxt = words[i + 1]
        if i == len(words) - 2 and not (nxt[:1].isupper() or re.fullmatch(r"[a-z]+[^s]s", nxt)):
            continue
        w = words[i].lower()
        if w.endswith("ing") and len(w) > 5 and not words[i][:1].isupper():
            prev = glossary.get(words[i - 1].lower())
            if prev and prev[1] == "n" and not glossary.get(f"{words[i - 1]} {w}"):
                return words[:i]
    return words


def _capitalized_run(words: list[str], start: int) -> int:
    n = start
    while n < len(words) and words[n][:1].isupper():
        n += 1
    return n - start


def _verb_noun(gerund: str, glossary: Glossary) -> str | None:
    """The glossary's Korean for the verb behind an -ing form (generating -> 생성)."""
    base = gerund.lower()[:-3]
    for cand in (base, base + "e", base[:-1] if len(base) > 2 and base[-1] == base[-2] else ""):
        hit = glossary.get(cand) if cand else None
        if hit and hit[1] == "v":
            return hit[0]
    hit = glossary.get(gerund.lower())
    return hit[0] if hit and hit[1] == "n" else None


_ARTICLES = {"a", "an", "the"}
# Words that mean the phrase is a clause, not a noun phrase: its order cannot be turned.
_CLAUSE_WORDS = {
    "to",
    "is",
    "are",
    "was",
    "were",
    "be",
    "been",
    "can",
    "could",
    "will",
    "would",
    "should",
    "may",
    "might",
    "do",
    "does",
    "did",
    "how",
    "what",
    "why",
    "when",
    "whether",
    "not",
    "it",
    "its",
    "their",
    "we",
    "our",
    "they",
    "this",
    "these",
    "those",
    "that",
    "which",
    "who",
    "than",
    "if",
    "about",
    "into",
    "at",
    "by",
    "as",
    "has",
    "have",
    "beyond",
    "over",
    "vs",
    "vs.",
    "versus",
    "or",
}


def translate_words(phrase: str, glossary: Glossary) -> str | None:
    words = [w for w in phrase.split() if w.lower() not in _ARTICLES]
    if words and words[0].lower() == "both" and "and" in (w.lower() for w in words):
        words = words[1:]  # "both A and B" -> "A와 B"
    words = _cut_participle(words, glossary)
    if any(w.lower().strip(",") in _CLAUSE_WORDS for w in words):
        return None
    if not words:
        return None
    commas = [k for k, w in enumerate(words[:-1]) if w.endswith(",")]
    if commas and any(w.lower() in ("and", "or") for w in words[commas[0] :]):
        return None  # "Cooperative Speech, Semantic Competence, and AI": a list, not one noun
    verbatim = _spelled_out_name(words)
    out, i, last_pos = [], 0, ""
    while i < len(words):
        word = words[i]
        low = word.lower().strip(",")
        if i in verbatim:
            out.append(word)  # "Direct Advantage Regression(DAR)": a name, not three words
            last_pos = ""
            i += 1
            continue
        if low in ("and", "or"):
            if not out:
                return None
            if last_pos == "a":  # "simple and effective" -> "단순하고 효과적인"
                joined = _join_modifier(out[-1]) if low == "and" else None
                if joined is None:
                    return None
                out[-1] = joined
            elif re.search(r"[a-z](?:ous|ful|ive|al|ic|able|ible|ary)$", out[-1]):
                return None  # "rigorous and multifaceted": English modifiers take no 과/와
            else:
                out[-1] = josa(out[-1], "과/와") if low == "and" else out[-1] + " 또는"
            i += 1
            continue
        hit = glossary.match([w.strip(",") for w in words], i)
        if hit:
            out.append(hit[0])
            last_pos = hit[1]
            i += hit[2]
        else:
            prev = words[i - 1] if i else ""
            nxt = words[i + 1] if i + 1 < len(words) else ""
            if _risky_english(word.strip(","), glossary, prev, nxt):
                return None
            out.append(word.strip(","))
            last_pos = ""
            i += 1
    return " ".join(out)


def _spelled_out_name(words: list[str]) -> set[int]:
    """Indices of a Title-Case run that ends in its acronym ("Direct Advantage
    Regression(DAR)"): translated word by word it changes meaning (advantage -> 장점), so it
    is copied."""
    keep: set[int] = set()
    for j, word in enumerate(words):
        if re.fullmatch(r"[A-Z][\w-]*\([A-Z][\w-]*\)", word):
            i = j
            while i > 0 and words[i - 1][:1].isupper():
                i -= 1
            if j - i >= 1:
                keep.update(range(i, j + 1))
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
    "against",
    "despite",
    "through",
    "thus",
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
}


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
        obj_after = nxt[:1].isupper() or re.fullmatch(r"[a-z]+[^s]s", nxt.lower() or "x")
        if plural_before or gerund_first or obj_after or nxt.lower() in ("a", "an", "the", "its"):
            return True
    stem = low[:-1] if low.endswith("s") else ""
    return bool(stem) and _known_verb(stem, glossary)


def korean_share(text: str) -> float:
    letters = [c for c in text if c.isalpha()]
    return sum("\uac00" <= c <= "\ud7a3" for c in letters) / max(1, len(letters))


# --- the line ------------------------------------------------------------------------------


_MARKUP = re.compile(r"\*\*|__|`|\$")
_TEX_QUOTES = re.compile(r"``|''")
_LATEX_STYLE = re.compile(
    r"\\(?:textbf|textit|emph|texttt|textsc|mathrm|mathbf|underline|overline|text)\{([^{}]*)\}"
)


def _plain(text: str) -> str:
    """Emphasis, LaTeX styling and math markers out: a copied phrase must not carry "**" or
    "\\textbf{" into Korean."""
    text = _TEX_QUOTES.sub("", _LATEX_STYLE.sub(r"\1", text))
    text = re.sub(r"(?<=\w)-{2,3}(?=\S)|(?<=\S)-{2,3}(?=\w)", " — ", text)  # TeX dashes
    return " ".join(_MARKUP.sub("", text).split())


def releases_code(abstract: str) -> bool:
    """A code link in a sentence that says it is code ("Code is available at github.com/...");
    a GitHub link to a paper list or to model weights is no code release."""
    for sentence in sentences(abstract):
        if _LINK.search(sentence) and _CODE_WORDS.search(sentence):
            if not _NOT_CODE.search(sentence):
                return True
    return False


def floor_line(paper: Paper, glossary: Glossary) -> str:
    """One Korean line for ``paper``, from its own words only: what the paper makes or studies,
    then at most one fact the title does not say (the parts its method uses, or a number it
    reports), then where it is evaluated and whether it releases code."""
    paper = Paper(id=paper.id, title=_plain(paper.title), abstract=_plain(paper.abstract))
    contribution = find_contribution(paper)
    main = _contribution_sentence(paper, glossary)
    if main is None or _broken(main):
        main = _title_sentence(paper, glossary)
    names = (title_name(paper.title) or "", (contribution.name if contribution else None) or "")
    said_how = bool(contribution and contribution.relative and "하는" in main)
    fact = result_fact(paper.abstract, glossary, names)
    how = (
        None
        if said_how or main.startswith("초록의 요지")
        else how_fact(paper.abstract, glossary, names, main)
    )
    size = None if fact else size_fact(paper.abstract, glossary, names)
    parts = [main] + [x for x in (fact, size, how) if x][:1]  # a number is the most specific
    extras = []
    sota = next((x for x in sentences(paper.abstract) if _SOTA.search(x)), None)
    if sota and not fact:
        # where it is better: the names or the count its own sentence gives, nothing else
        where = _sota_benchmarks(sota, title_name(paper.title))
        scope = "·".join(where) if where else eval_count(sota)
        extras.append((f"{scope}에서 " if scope else "") + "기존 방법보다 높은 성능을 보고합니다")
    elif not fact and beaten_names(paper.abstract, names):
        extras.append(f"{'·'.join(beaten_names(paper.abstract, names))}보다 높은 성능을 보고합니다")
    elif not fact:
        where = eval_names(paper.abstract, names)
        scope = "·".join(where) if where else eval_count(paper.abstract)
        if scope:
            extras.append(f"{scope}에서 평가합니다")
    if releases_code(paper.abstract) and "코드" not in main:  # not twice ("코드와 데이터를 공개")
        extras.append("코드를 공개합니다")
    if extras:
        parts.append(
            ", ".join(extras[:-1] + [extras[-1]])
            .replace("보고합니다, ", "보고하며, ")
            .replace("평가합니다, ", "평가하며, ")
            + "."
        )
    return " ".join(parts)


_ON_NAMES = re.compile(
    r"\bon\s+(?:the\s+|several\s+|multiple\s+|\w+\s+)?((?:[A-Z][\w.\-]*[\w](?:\s*,?\s+and\s+|\s*,\s*|\s+)?)+)"
)


def _sota_benchmarks(abstract: str, own: str | None = None) -> list[str]:
    """The benchmarks a state-of-the-art sentence names ("outperforms prior work on COCO and
    LVIS" -> COCO, LVIS): only names (mixed case, acronyms, digits), at most three."""
    for sentence in sentences(abstract):
        if not _SOTA.search(sentence):
            continue
        m = _ON_NAMES.search(sentence)
        if not m:
            return []
        names = [w for w in re.split(r"\s*,\s*|\s+and\s+|\s+", m.group(1)) if w]
        names = [w.rstrip(".") for w in names if _is_name(w.rstrip(".")) or w.isupper()]
        names = [w for w in names if not own or w.lower() != own.lower()]  # its own benchmark
        return names[:3]
    return []


def _contribution_sentence(paper: Paper, glossary: Glossary) -> str | None:
    c = find_contribution(paper)
    if c is None:
        return None
    np_ko = translate_phrase(c.phrase, glossary) if c.phrase else ""
    if np_ko and c.qualified_first:
        np_ko = re.sub(r"최초의\s*", "", np_ko).strip()
    if np_ko is None:
        if not c.name:
            return None
        np_ko = ""
    said_how = False  # a relative clause made it into the line
    if c.relative and (np_ko or c.name):
        rel_ko = translate_phrase(c.relative, glossary)
        last = glossary.get(c.relative.split()[-1].lower())
        if last and last[1] == "a":
            rel_ko = None  # "generates accurate": the noun after the adjective was cut off
        if rel_ko and not _broken(rel_ko):
            np_ko = f"{josa(rel_ko, '을/를')} {c.relative_verb} {np_ko}".strip()
            said_how = True
    if _is_generic(c.phrase) and not c.relative and not c.name:
        # "we propose an approach": the title says what the approach is
        topic = _title_topic(paper.title, glossary)
        if topic:
            return f"{josa(topic, '을/를')} {c.verb}합니다."
    bare = re.sub(r"^the\s+", "", c.name or "", flags=re.IGNORECASE)
    name = c.name if c.name and bare.lower() not in np_ko.lower() else ""
    obj = " ".join(x for x in (np_ko, name) if x)
    if c.verb in _MAKING and c.verb != "공개" and not said_how and "위한" not in obj:
        # "MARRS, a new framework": the title says what it is for
        purpose = _title_purpose(paper.title, obj, glossary)
        if purpose:
            obj = f"{josa(purpose, '을/를')} 위한 {obj}"
        elif name and _is_generic(c.phrase or "new"):
            # "we introduce DiVE" / "X-Fusion, a novel framework": only a name; the title
            # ("DiVE: Multi-View Driving Scene Generation") says what it is
            topic = _title_topic(paper.title, glossary)
            desc = (_title_desc(paper.title) or ("", None, ""))[2]
            verbal = re.match(r"[A-Za-z-]+ing\b", desc)  # "Rethinking ...", "Boosting ..."
            if topic and topic.endswith(name) and not verbal and not _broken(topic):
                obj = topic
    return f"{josa(obj, '을/를')} {c.verb}합니다."


# Nouns that name an activity, a task a contribution can be for ("... generation").
_TASK_END = re.compile(
    r"(?:tion|sion|sis|ment|ing|ance|ence|QA|retrieval|search|control|discovery|design)$",
    re.IGNORECASE,
)
_METHOD_PREP = re.compile(r"\s+(?:via|with|using|through|by|from|leveraging|based on)\s+", re.I)


def _title_desc(title: str) -> tuple[str, str | None, str] | None:
    """(the title on one line, its name, what it describes): "HTMNet: A Hybrid Network" ->
    the part after the colon, else the part before it, without a leading "Towards"/"On"/
    article. None for a question."""
    title = " ".join(title.split()).rstrip(".!")
    if title.endswith("?"):
        return None
    name = title_name(title)
    head, _, tail = title.partition(":")
    desc = tail.strip() if name else head.strip()
    return title, name, re.sub(r"^(?:towards?|on|a|an|the)\s+", "", desc, flags=re.IGNORECASE)


def _known_verb(word: str, glossary: Glossary) -> bool:
    """A contribution or relative-clause verb, or a glossary verb entry."""
    hit = glossary.get(word)
    return word in VERBS or word in RELATIVE or bool(hit and hit[1] == "v")


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


_SETTING = r"(?:pre-?training|training|learning|fine-?tuning|practice|the wild)$"


def _title_purpose(title: str, obj_ko: str, glossary: Glossary) -> str | None:
    """The task a title names, in Korean, when the line does not say it yet:
    "Interspatial Attention for Efficient 4D Human Video Generation" -> "효율적인 4D human
    비디오 생성"; "EmotionHallucer: Evaluating Emotion Hallucinations in MLLMs" -> "MLLMs에서의
    감정 환각 평가". None when the title names no task or the line already says it."""
    parsed = _title_desc(title)
    if parsed is None:
        return None
    desc = parsed[2]
    m = re.search(r"\s+for\s+(.+)$", desc, re.IGNORECASE)
    lead = desc.split()[0].lower() if desc.split() else ""
    if not m and not (lead.endswith("ing") and _verb_noun(lead, glossary)):
        # "Refinement is All You Need in Autoregressive Image Generation": a task after "in"
        # ("in Pretraining" is a setting, not a task)
        tail = re.search(r"\s+in\s+((?:[\w-]+\s+){0,4}[\w-]+)$", desc, re.IGNORECASE)
        ok = tail and _TASK_END.search(tail.group(1))
        m = tail if ok and not re.search(_SETTING, tail.group(1), re.I) else None
    task = m.group(1) if m else desc
    task = _METHOD_PREP.split(task)[0].strip()
    first = task.split()[0].lower() if task.split() else ""
    gerund = first.endswith("ing") and _verb_noun(first, glossary) is not None
    if gerund and re.match(
        r"(?:build|creat|construct|develop|design|introduc|train|scal|bench|rethink|revisit)",
        first,
    ):
        return None  # "Building a VLM": what the paper does, not what its result is for
    rest = task.split()[1:] if gerund else task.split()
    if any(_is_verb(w, glossary) for w in rest):
        return None  # a sentence title ("Protocols Enhance Inference"), not a task
    head = re.split(r"\s+(?:in|on|of|across|under|within|at|over)\s+", task, flags=re.I)[0]
    if not task or not (gerund or _TASK_END.search(head)) or len(task.split()) > 8:
        return None
    ko = translate_phrase(_uncapitalize(task), glossary)
    if not ko or korean_share(ko) == 0:
        return None
    said = set(obj_ko.lower().split())
    words = [w for w in ko.lower().split() if len(w) > 1]
    if not words or words[-1] in said or sum(w in said for w in words) * 2 >= len(words):
        return None  # the line already names the task
    return ko


_GENERIC = {
    "approach",
    "method",
    "framework",
    "model",
    "technique",
    "system",
    "pipeline",
    "strategy",
    "algorithm",
    "paradigm",
    "architecture",
    "scheme",
    "tool",
    "solution",
    "mechanism",
    "module",
    "novel",
    "new",
    "simple",
    "effective",
    "efficient",
    "unified",
    "general",
    "robust",
    "lightweight",
    "innovative",
    "comprehensive",
    "systematic",
    "practical",
    "scalable",
    "flexible",
    "training",
    "learning",
    "yet",
    "and",
    "method,",
    "way",
    "idea",
    "work",
    "network",
    "neural",
    "benchmark",
    "dataset",
    "first",
    "family",
    "series",
    "suite",
}


def _is_generic(phrase: str) -> bool:
    words = [w.lower().strip(",") for w in phrase.split() if w.lower() not in _ARTICLES]
    return all(w.rstrip("s") in _GENERIC or w in _GENERIC for w in words)


def _title_topic(title: str, glossary: Glossary) -> str | None:
    """Korean for what a title names: "HTMNet: A Hybrid Network for Depth Completion" ->
    "깊이 보완을 위한 하이브리드 네트워크 HTMNet"; None when the title is a question or
    a sentence the grammar cannot place."""
    parsed = _title_desc(title)
    if parsed is None:
        return None
    title, name, desc = parsed
    _, colon, tail = title.partition(":")
    ko = translate_phrase(_uncapitalize(desc), glossary)
    if not ko or korean_share(ko) == 0:
        return None
    if (
        not name
        and colon
        and re.search(r"\b(survey|review|benchmark|dataset|tutorial)\b", tail, re.I)
    ):
        kind = translate_words(
            re.search(r"\b(survey|review|benchmark|dataset|tutorial)\b", tail, re.I).group(1),
            glossary,
        )
        return f"{ko}에 대한 {kind}"
    return f"{ko} {name}" if name else ko


def _uncapitalize(title: str) -> str:
    """Title Case -> plain words, names kept: "Hybrid Network for LiDAR" -> "hybrid network
    for LiDAR" (in a title, capitals mark the style, not a name)."""
    return " ".join(w if _is_name(w) or w.isupper() else w.lower() for w in title.split())


def _broken(line: str) -> bool:
    """An English function word left standing in the Korean ("from Peers 학습", "학습 of
    COntrastive"): some phrase was copied half-turned; say less instead."""
    depth = 0
    for ch in line:
        depth += {"(": 1, ")": -1}.get(ch, 0)
        if depth < 0:
            return True  # "Evaluation)을 위한 FLUKE (Framework를": a spelled-out name cut in half
    if depth:
        return True
    words = re.findall(r"(?<![\w'-])[a-z][a-z']*(?![\w'-])", line)
    if any(w in _FUNCTION for w in words):
        return True
    # a Title-Case preposition inside Korean: "Event-based Star 추적 Under Jitter"
    return bool(
        re.search(r"(?<![\w'-])(?:Under|Of|For|With|From|Into|And|The|Via)(?![\w'-])", line)
    )


def _title_sentence(paper: Paper, glossary: Glossary) -> str:
    """No contribution sentence: say what the title says the paper is about, or, when the
    title is a question or a sentence, quote the abstract's own key sentence."""
    topic = _title_topic(paper.title, glossary)
    if topic and not _broken(topic):
        return f"{josa(topic, '을/를')} 다룹니다."
    quote = _key_quote(paper.abstract)
    if quote:
        return f"초록의 요지: “{quote}”"
    return "초록이 없어 제목만 전합니다."


_CUE = re.compile(r"\b(?:we|our|this (?:paper|work|study))\b", re.IGNORECASE)


def _key_quote(abstract: str, max_words: int = 28) -> str | None:
    """The abstract's first sentence that speaks for the authors ("we ...", "this paper ..."),
    else its first sentence, cut at ``max_words`` words."""
    found = sentences(abstract)
    if not found:
        return None
    pick = next((s for s in found if _CUE.search(s)), found[0])
    words = pick.split()
    return " ".join(words[:max_words]) + (" …" if len(words) > max_words else "")
