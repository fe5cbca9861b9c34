"""English noun phrase -> Korean, without reordering by guess (the floor line's grammar).

Glossary terms replace the words they cover, other words are copied, and English order is
turned into Korean order only at prepositions the grammar knows ("A for B" -> "B를 위한 A").
Anything it cannot place (a verb, a dangling preposition, a comma list) gives None: the caller
says less instead of leaving half-turned English.
"""

from __future__ import annotations

import re

from .korean import Glossary, josa
from .phrase_words import (
    _KIND_PLURALS,
    _is_noun,
    _join_modifier,
    _risky_english,
    _spelled_out_name,
    _unknown_sense,
    ends_in_modifier,
)

_DETERMINER = re.compile(
    r"^(?:(?:a|the) (?:wide |broad |diverse )?(?:range|variety|set|number|series|suite) of|"
    r"a (?:new|novel) (?:and|yet) \w+|a|an|the|our|this|these|"
    # "a three phase framework": the count of its phases is part of the phrase ("세 단계")
    r"(?:two|three|several)(?!\s+(?:phase|stage|step|level|tier)s?\b))\s+",
    re.IGNORECASE,
)

_NUMERAL_KO = {
    "two": "두",
    "three": "세",
    "four": "네",
    "five": "다섯",
    "six": "여섯",
    "seven": "일곱",
    "eight": "여덟",
    "nine": "아홉",
    "several": "여러",
}
_NUMERAL = re.compile(rf"({'|'.join(_NUMERAL_KO)})\s+(?=\w)", re.IGNORECASE)

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

# -ing words that name a field or activity before a noun ("planning benchmarks"), not a verb
# with its object ("building agents")
_NOUN_GERUNDS = {
    "planning",
    "reasoning",
    "learning",
    "computing",
    "coding",
    "programming",
    "routing",
    "tracking",
    "matching",
    "ranking",
    "rendering",
    "sampling",
    "scheduling",
    "forecasting",
    "modeling",
    "modelling",
    "processing",
    "mining",
    "driving",
    "grounding",
    "editing",
    "captioning",
    "embedding",
    "encoding",
    "decoding",
}


# field words that take no object: "reasoning tokens", "planning horizon" (but "encoding
# documents" encodes them)
_FIELD_GERUNDS = {"reasoning", "planning", "learning", "driving", "computing", "programming"}


# processes whose plural nouns after them are their parts or measures ("training samples" are
# samples used in training, not samples being trained: "학습 샘플", not "샘플 학습")
_PROCESS_GERUNDS = {
    "training",
    "pretraining",
    "pre-training",
    "fine-tuning",
    "testing",
    "sampling",
    "decoding",
    "denoising",
}
_OF_A_PROCESS = {
    "dynamics",
    "samples",
    "examples",
    "instances",
    "steps",
    "epochs",
    "runs",
    "curves",
    "costs",
    "budgets",
    "signals",
    "recipes",
    "schedules",
    "regimes",
    "sets",
    "iterations",
    "statistics",
    "settings",
    "conditions",
    "objectives",
    "losses",
    "configurations",
    "trajectories",
    "hyperparameters",
    "parameters",
}


def translate_phrase(phrase: str, glossary: Glossary, depth: int = 0) -> str | None:
    """Korean for an English noun phrase: glossary terms in place of the words they cover,
    other words copied, "A for B" turned into "B를 위한 A". None when the phrase holds a
    word order the grammar cannot place (a verb, a dangling preposition)."""
    phrase = phrase.strip(" ,;")
    if not _NUMERAL.match(phrase):
        phrase = _DETERMINER.sub("", phrase)
    count = _NUMERAL.match(phrase)
    counted_words = phrase[count.end() :].split() if count else []
    if count and (len(counted_words) > 3 or counted_words[0].lower().endswith("ly")):
        phrase, count = phrase[count.end() :], None  # "세 흔히 사용되는 ...": no place for it
    if count:
        # "in three aspects": the count is part of what the phrase says ("세 측면"), not a
        # determiner to drop ("측면에서의" alone had read as "side-view")
        counted = translate_phrase(phrase[count.end() :], glossary, depth)
        return f"{_NUMERAL_KO[count.group(1).lower()]} {counted}" if counted else None
    if not phrase:
        return None
    first, _, rest = phrase.partition(" ")
    lead, nxt = first.lower(), (rest.split() or [""])[0].lower()
    # "rendering module": one singular noun after the -ing word is a compound, not its object
    compound = (
        # one singular noun ("analysis" and "loss" end in s too)
        re.fullmatch(r"[a-z][\w-]*(?:[^s\W]|sis|ss|us)", rest) is not None
        # "planning benchmarks", "reasoning capabilities": the kind of thing, not its object
        or (lead in _NOUN_GERUNDS and nxt in _KIND_PLURALS)
        # "prompting strategies", "instruction-following evaluation tasks": an -ing word
        # before the kind of thing, at most one noun between, names the kind
        or (
            0 < len(rest.split()) <= 2
            and rest.split()[-1].lower() in _METHOD_KINDS
            and not _ACTS_ON.match(lead)
            and not re.search(r"\b(?:the|a|an|of|for|to|with)\b", rest)
        )
        # "reasoning tokens": a field word before one noun modifies it
        or (lead in _FIELD_GERUNDS and " " not in rest)
        # "training data construction pipeline": a glossary term, not "training" + object
        or bool(nxt and glossary.get(f"{lead} {nxt}"))
        # "training dynamics", "sampling steps": what the process has, not what it acts on
        or (lead in _PROCESS_GERUNDS and nxt in _OF_A_PROCESS and " " not in rest)
    )
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
    # "6 Degrees of Freedom": a name, not "B의 A"; "work in progress": one glossary term
    while m and (_inside_name(phrase, m) or _inside_term(phrase, m, glossary)):
        m = _PREP_RE.search(phrase, m.end() - 1)
    if m and depth < 3:
        head, prep, obj = phrase[: m.start()], m.group(1).lower(), phrase[m.end() :]
        acronym = re.search(r"\s*\(([A-Z][\w-]*)\)$", obj)
        if acronym and depth == 0 and prep == "for" and not _abbreviates(acronym.group(1), obj):
            # "semantic error correction for RAG (SERC)": the acronym names the whole phrase,
            # so it follows the whole Korean, not the object it was printed after
            whole = translate_phrase(
                phrase[: m.start() + len(m.group(0))] + obj[: acronym.start()], glossary, depth
            )
            return f"{whole}({acronym.group(1)})" if whole else None
        if prep == "with":
            # "with" means "using" or "having": which one is a guess, so say only the head
            return translate_phrase(head, glossary, depth + 1)
        head_words = [w for w in head.split() if w.lower() not in _ARTICLES]
        if len(_cut_participle(head_words, glossary)) < len(head_words):
            return translate_words(head, glossary)  # the PP belongs to the cut-off clause
        head_ko = translate_phrase(head, glossary, depth + 1)
        # "researchers of sexism and LLMs": which noun "and" joins is a guess; say less
        ambiguous = re.search(r"\s(?:and|or)\s", obj) and _PREP_RE.search(obj)
        # "a benchmark for this setting": what "this" points to is in another sentence
        anaphor = re.match(r"(?:this|these|that|those|such)\s", obj, re.IGNORECASE)
        obj_ko = None if ambiguous or anaphor else translate_phrase(obj, glossary, depth + 1)
        if obj_ko and ends_in_modifier(obj_ko, glossary):
            obj_ko = None  # "framework for consistent, 3D ...": the object's noun was cut off
        if head_ko is None or obj_ko is None:
            return head_ko if head_ko and not obj_ko and prep != "of" else None
        # "under degradation conditions": the conditions named once ("저하 조건에서의")
        template = "{b}에서의" if prep == "under" and obj_ko.endswith("조건") else PREPS[prep]
        frame = template.format(
            b=obj_ko,
            b_eul=josa(obj_ko, "을/를"),
            b_ui=obj_ko + "의",
            b_euro=josa(obj_ko, "으로/로"),
        )
        return f"{frame} {head_ko}"
    if m:
        return None
    return translate_words(phrase, glossary)


def _abbreviates(acronym: str, text: str) -> bool:
    """ "LLMs" for "(training) large language models", "RefVOS" for "referring video object
    segmentation": the acronym's capitals are, in order, letters of the words from one of them
    to the end, the first capital that word's initial (the acronym itself left out)."""
    caps = [c for c in acronym if c.isupper()]
    words = [w for w in re.split(r"[\s-]+", re.sub(r"\([^()]*\)\s*$", "", text)) if w]
    for k in range(len(words)):
        # "VAEs" for "variational autoencoders": a capital may come from inside a word
        letters = iter("".join(words[k:]).upper())
        if caps and caps[0] == next(letters) and all(c in letters for c in caps[1:]):
            return True
    return False


def _inside_name(phrase: str, m: re.Match) -> bool:
    """A preposition between two capitalized words belongs to a spelled-out name."""
    before, after = phrase[: m.start()].split(), phrase[m.end() :].split()
    if m.group(1).lower() == "based on":
        return False  # "Defect Image Generator based on Stable Diffusion": two names, not one
    return bool(before and after and before[-1][:1].isupper() and after[0][:1].isupper())


def _inside_term(phrase: str, m: re.Match, glossary: Glossary) -> bool:
    """The preposition is inside a phrase the glossary knows whole ("work in progress")."""
    before, after = phrase[: m.start()].split(), phrase[m.end() :].split()
    prep = m.group(1).lower()
    return any(
        glossary.get(" ".join(before[-i:] + [prep] + after[:j]).lower())
        for i in range(1, min(3, len(before)) + 1)
        for j in range(1, min(3, len(after)) + 1)
    )


# kinds of method an -ing word names rather than acts on ("prompting strategies", "training
# stages"); "scaling models", "solving problems", "building agents" act on their object
_METHOD_KINDS = {
    "strategies",
    "methods",
    "approaches",
    "techniques",
    "schemes",
    "stages",
    "steps",
    "phases",
    "tasks",
    "mechanisms",
    "modules",
    "pipelines",
}


# -ing words that act on the methods or tasks after them ("evaluating explainability
# methods", "performing discriminative tasks")
_ACTS_ON = re.compile(
    r"(?:evaluat|perform|enhanc|improv|solv|compar|design|develop|build|select|combin|"
    r"benchmark|understand|analy[sz]|identify|automat|generat|assess|tackl|handl|address|"
    r"support|accelerat|optimiz|unify|unifi|bridg|integrat|explain|complet|execut|learn)\w*ing$"
)


def _cut_participle(words: list[str], glossary: Glossary) -> list[str]:
    """ "dataset mapping excerpts to impacts": an -ing word right after a noun starts a clause
    about that noun (unless the two are one glossary term, "image editing"); cut there."""
    for i in range(1, len(words) - 1):
        # "motion encoding head": one singular word after the -ing word is a compound, not a
        # clause ("dataset mapping excerpts" is one)
        nxt = words[i + 1]
        if i == len(words) - 2 and not (nxt[:1].isupper() or re.fullmatch(r"[a-z]+[^s]s", nxt)):
            continue
        if i == len(words) - 2 and nxt.lower() in _KIND_PLURALS:
            continue  # "data ordering methods": the kind of method, no clause
        if _compound_to_kind(words[i:]):
            continue
        w = words[i].lower()
        if w.endswith("ing") and len(w) > 5 and not words[i][:1].isupper():
            prev = glossary.get(words[i - 1].lower())
            # "natural language processing": a glossary compound of three words is no clause
            three = i > 1 and glossary.get(f"{words[i - 2]} {words[i - 1]} {w}".lower())
            if prev and prev[1] == "n" and not glossary.get(f"{words[i - 1]} {w}") and not three:
                return words[:i]
    return words


# singular heads that end a noun compound: "query embedding refinement algorithm" is one
_KIND_HEADS = {
    "algorithm",
    "method",
    "framework",
    "model",
    "module",
    "pipeline",
    "approach",
    "technique",
    "strategy",
    "scheme",
    "mechanism",
    "system",
    "architecture",
}


def _compound_to_kind(tail: list[str]) -> bool:
    """A field -ing word followed only by singular lowercase nouns that end in a kind
    ("embedding refinement algorithm") is a compound; with a plural or a capital after it
    ("mapping excerpts to impacts") it starts a clause."""
    if tail[0].lower() not in _NOUN_GERUNDS or tail[-1].lower() not in _KIND_HEADS:
        return False
    return all(re.fullmatch(r"[a-z][a-z-]*", w) and not re.search(r"[^s]s$", w) for w in tail[1:])


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
        if hit and hit[1] == "v" and not hit[0].endswith("게"):
            return hit[0]  # "enable" -> 가능하게 is no noun: "LLMs 가능하게를" would follow
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
    if (
        len(words) >= 2
        and re.fullmatch(r"[a-z]+ed", words[-1])
        and _is_noun(words[-2], glossary)
        and not (glossary.get(words[-1]) or ("", ""))[1] == "n"  # "inference speed", "seed"
    ):
        words = words[:-1]  # "language models trained": the participle starts a clause
    commas = [k for k, w in enumerate(words[:-1]) if w.endswith(",")]
    if commas and any(w.lower() in ("and", "or") for w in words[commas[0] :]):
        return None  # "Cooperative Speech, Semantic Competence, and AI": a list, not one noun
    verbatim = _spelled_out_name(words, glossary)
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
        if hit and hit[2] == 1 and _unknown_sense(words, i, glossary):
            hit = None  # "Competition Protection": which sense of the word is unknown
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
