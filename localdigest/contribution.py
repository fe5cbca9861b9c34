"""The paper's main contribution, read from its abstract ("we propose HTMNet, a hybrid network
for depth completion that leverages Mamba layers"): the verb, the object phrase, the name and a
relative clause, each cut at the first word that starts something else.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .korean import _is_name, default_glossary
from .paper import Paper
from .phrase import _ARTICLES, _DETERMINER, _PREP_RE
from .phrase_words import RELATIVE, VERBS
from .relative import _RELATIVE_RE, read_relative

_VERB_FORMS = (
    "|".join(
        rf"{v[:-1]}(?:e|es|ed|ing)" if v.endswith("e") else rf"{v}(?:s|es|ed|ies)?" for v in VERBS
    )
    .replace("study(?:s|es|ed|ies)?", "stud(?:y|ies|ied)")
    .replace("analyze", "analyz")
)

_SUBJECT = (
    r"(?:\bwe(?: further| also| first| then| here| hence| therefore| thus)?"
    r"|\bthis (?:paper|work|study|article|letter|report)|\bour (?:paper|work)|\bhere,? we"
    # "we aim to bridge this gap by introducing AfriSUD", "we address this by proposing X"
    # (only a making verb: "by evaluating the ability of GPT-4o, Llama 3 ..." is cut at a comma)
    r"|\bwe (?:aim|seek|set out|attempt) to [^,.;]{0,60}? by(?=\s+(?:introduc|propos|present|"
    r"develop|design|build|construct|creat|releas|curat))"
    r"|\bwe (?:address|tackle|fill|bridge|close|overcome) (?:this|these|such)\b[^,.;]{0,40}? "
    r"by(?=\s+(?:introduc|propos|present|develop|design|build|construct|creat|releas|curat)))"
)

_CONTRIB = re.compile(rf"{_SUBJECT}\s+({_VERB_FORMS})\b\s+(.*)", re.IGNORECASE)
# "we formally define structural repetition and propose RPG": what they make is the second
# verb's object; read only where no sentence says "we propose" outright (a paper that
# "formulates X and proposes a strategy" often proposes its method later: "we propose DGA")
_CONTRIB_AFTER = re.compile(
    r"\bwe (?:\w+ly )?(?:define|formali[sz]e|identify|address|tackle|revisit|formulate|"
    r"characteri[sz]e)\b[^,.;]{0,60}? and\s+(introduce|propose|present|develop|design)\b\s+(.*)",
    re.IGNORECASE,
)

# Where the object phrase ends: a new clause, or a list/explanation the line cannot carry.
_NAMING = re.compile(
    r"\b(?:called|named|dubbed|termed|coined)\s+\"?([A-Za-z0-9][\w\-\.+]*[\w+])", re.IGNORECASE
)

_PAREN = re.compile(r"\s*\(([^()]{1,40})\)")

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
    r"containing|comprising|consisting|composed|comprised|spanning|covering|featuring|involving|"
    r"requiring|born|under(?=\s+\d)|"
    r"and (?=(?:for|in|on|with|to|from|at|by|via|over|under|across)\b)|"
    r"by|as|so|such that|in order|enabling|allowing|achieving|resulting|yielding|called|named|"
    r"dubbed|termed|coined|namely|i\.e|e\.g|specifically|including|with the (?:aim|goal)|"
    # "predicts signed distance functions instead of binary masks": what it does not predict
    r"instead of|rather than|"
    r"aimed|aiming|designed|tailored|capable|able)\b|(?-i:and (?:"
    + _AND_VERBS
    + r")(?:s|es|ed|d)?)\b"
    r"|(?:(?!based\b)[a-z\-]+ed|built|made|given|drawn|taken|known|written|chosen|driven|shown|"
    r"found|held|learnt)\s+(?:on|by|with|for|in|from|to|using|via|through|under|across|upon)\b)",
    re.IGNORECASE,
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
    paired: bool = False  # the relative's object is "A and B" read from "combines A with B"


def sentences(text: str) -> list[str]:
    return [s for s in re.split(r"(?<=[.!?])\s+(?=[A-Z0-9(\"'])", " ".join(text.split())) if s]


def title_name(title: str) -> str | None:
    """The name before a title's colon ("HTMNet: ..." -> HTMNet), if it is short."""
    head, sep, _ = title.partition(":")
    head = head.strip()
    if sep and 0 < len(head.split()) <= 3 and len(head) <= 30 and "," not in head:
        words = head.split()
        if (
            len(words) > 1
            and all(_SLOGAN_WORD.fullmatch(w) for w in words)
            and any(w.lower() in ("yet", "but") for w in words)
        ):
            return None  # "Simple Yet Effective: ...": praise, not a name ("Less is More" may be)
        return head
    dashed = re.match(r"([A-Za-z][\w.+-]*)\s+(?:--|—|–)\s+\S", title)
    if not sep and dashed and re.search(r"[A-Z\d]", dashed.group(1)[1:]):
        # "FIND-Net -- Fourier-Integrated Network ...": a dash may set the name off
        return dashed.group(1)
    return None


_SLOGAN_WORD = re.compile(
    r"(?:simple|yet|effective|efficient|less|more|is|are|all|you|need|not|just|better|faster|"
    r"stronger|good|great|small|big|fast|strong|and|but|or|the|a|so|too|much|many|few)",
    re.IGNORECASE,
)


_MAKING = {"제안", "제시", "개발", "설계", "구축", "공개"}  # verbs that make something

# "we show that ...", "we introduce an explicit way to determine ...": what follows is a claim
# or a purpose clause the line cannot carry, not a thing the paper makes; "we evaluate this
# effect": a noun that points back to an earlier sentence
_NOT_OBJECT = (
    r"(?:that|how|whether|to|a method to|(?:an?|the)\s+(?:[\w-]+\s+){0,2}(?:way|means)\s+to|"
    r"(?:this|these|those|such|corresponding)\s+(?!paper|work|study)[a-z]+\b(?!\s+(?:called|named))|"
    r"(?:our|the|all)\s+(?:source\s+)?code)\b"  # "we release our code on ...": a claim
)


def find_contribution(paper: Paper) -> Contribution | None:
    """The paper's main contribution: the first sentence where it makes something ("we
    propose", "we release"), else the first where it studies something ("we evaluate")."""
    name = title_name(paper.title)
    made, studied = _first_made(paper, _CONTRIB, name)
    if made and made.verb in ("제안", "제시", "개발", "설계"):
        return made
    # "we define X and propose RPG ... we construct a dataset CodeRepetEval": the method the
    # authors propose, not the data they built to test it
    return _first_made(paper, _CONTRIB_AFTER, name)[0] or made or studied


def _first_made(
    paper: Paper, pattern: re.Pattern, name: str | None
) -> tuple[Contribution | None, ...]:
    """(the first thing made, the first thing studied) in sentences ``pattern`` reads
    (``name``: the title's name)."""
    studied = None
    for sentence in sentences(paper.abstract):
        m = pattern.search(sentence)
        if not m:
            continue
        verb_word, rest = m.group(1).lower(), m.group(2)
        second = _title_name_made_after(rest, name)
        if second:
            # "we propose a sampling strategy and introduce SSL4Eco, a multi-date dataset": the
            # title's name is the second verb's object, and the paper's main contribution
            verb_word, rest = second.group(1).lower(), rest[second.end() :]
        stem = next((ko for en, ko in VERBS.items() if verb_word.startswith(_root(en))), None)
        if stem is None or re.match(_NOT_OBJECT, rest, re.I):
            continue  # "we show that ...", "we study how ...": a claim, not an object
        found = _parse_object(rest, stem, paper.title)
        if found and stem in _MAKING:
            return found, studied
        studied = studied or found
    return None, studied


def _title_name_made_after(rest: str, name: str | None) -> re.Match | None:
    """ "and (further) propose/introduce ..." followed, in the same sentence, by the title's
    name: where the second object starts."""
    if not name:
        return None
    return re.search(
        r"\band\s+(?:further\s+|then\s+|also\s+|thereby\s+)?(propose|introduce|present|design|"
        rf"develop)s?\s+(?=[^.;]*?(?<![\w-]){re.escape(name)}(?![\w-]))",
        rest,
        re.IGNORECASE,
    )


def _root(verb: str) -> str:
    return verb[:-1] if verb.endswith(("e", "y")) else verb


def _parse_object(rest: str, stem: str, title: str) -> Contribution | None:
    # "the HAllucination Detection (HAD) models https://github.com/...": a link is no word
    rest = re.sub(r"\s*\(?https?://\S+\)?", "", rest)
    # "introduce corresponding SSL4Eco": what it corresponds to is in the clause before
    rest = re.sub(r"^(?:the\s+)?corresponding\s+(?=[A-Z])", "", rest)
    # "KG-RAG-a novel framework": a dash typed without spaces before the description
    rest = re.sub(r"(?<=\w)-(an?|the)\s+(?=(?:new|novel|simple|unified|general)\b)", r", \1 ", rest)
    rest = re.sub(r"(?<=[a-z])--(?=[a-z])", "-", rest)  # "speech--text": TeX's en dash, a compound
    rest = re.sub(r"\s+-{2,3}\s+|\s+[–—]\s+|\s+-\s+(?=(?:an?|the)\s)", ", ", rest)
    # "the first setting for segmentation in this work": the aside, not "work에서의"; "the
    # problem in details": how it is presented, not where
    rest = re.sub(
        r",?\s+(?:in this (?:work|paper|study|letter|article)|for the first time|"
        r"in (?:great |more |full )?details?|in depth|at length)\b",
        "",
        rest,
        flags=re.I,
    )
    # "a resource (memory, compute, power) efficient algorithm": a list in parentheses inside
    # the phrase is an aside; its commas must not end the phrase ("(i.e., ...)" still does)
    rest = re.sub(r"\s*\((?!i\.e|e\.g)[^()]*,[^()]*\)(?=\s+[a-z])", "", rest)
    # "GISP-Global Iterative Structured Pruning, a post-training method": the acronym glued to
    # the words it spells is "Global Iterative Structured Pruning (GISP)"
    glued = re.match(r"([A-Z]{2,})-((?:[A-Z][\w]*\s+){1,7}[A-Z][\w]*)(?=\s*[,.;:]|\s*$)", rest)
    if glued and _spells(glued.group(1), glued.group(2)):
        rest = f"{glued.group(2)} ({glued.group(1)})" + rest[glued.end() :]
    expansion = acronym = None
    # "a detection framework tailored for the Urdu language": what it is for is in the phrase
    # (only a short purpose that ends the clause, and only one: a longer one, or a second
    # "for", would not fit the phrase)
    purpose = re.search(
        r"\s+(?:specifically\s+|explicitly\s+)?(?:tailored|designed|optimi[sz]ed|developed|"
        r"crafted|intended|customi[sz]ed)\s+(?:specifically\s+|explicitly\s+)?for\s+"
        # (not "for analyzing X": a gerund's object may run past the clause)
        r"(?!example\b|[a-z]+ing\b)(?=(?:(?!(?:for|of|to|in|on|with|along|from|by|or|via|using|"
        r"like|absent|under|across|that|which)\b)[\w\-]+\s+){0,5}[\w\-]+(?:\s*[,.;:]|\s*$))",
        rest,
    )
    if purpose and not re.search(r"\sfor\s|\b(?:that|which|who)\b", rest[: purpose.start()]):
        rest = f"{rest[: purpose.start()]} for {rest[purpose.end() :]}"
    # "the City that Never Settles (CNS) dataset": the article before a spelled-out name
    the = re.match(r"the\s+(?=[A-Z][\w-]*\s+that\s+[A-Z])", rest)
    rest = rest[the.end() :] if the else rest
    exp = _EXPANSION.match(rest)
    if exp and _spells(exp.group(2), exp.group(1)):
        # "Policy as Generative Verifier (PAG), a framework ...": the name's own words are
        # copied whole, never cut at "as" or read as English to translate
        acronym, expansion = exp.group(2), f"{exp.group(1)}({exp.group(2)})"
        rest = acronym + rest[exp.end() :]
    name = None
    naming = _naming(rest[:240])
    # "we propose RFKG-CoT: First, it replaces ...": the name, then its steps, no description
    steps = re.match(r"([^\s:,]+):\s+(?:First|Firstly|Specifically|Namely|Concretely)\b", rest)
    if steps and _looks_like_name(steps.group(1)):
        rest = f"{steps.group(1)}."
    # "HTMNet, a hybrid network ..." : a name, then its description after the comma
    first, comma, after = rest.partition(",")
    if comma and _looks_like_name(_PAREN.sub("", first).strip()):
        name, rest = _inline_parens(first.strip()), after.strip()
        # "YOSE, You Only Select Essential Tokens, an efficient fine-tuning framework": the
        # words the name spells, then what it is
        spelled = re.match(r"((?:[A-Z][\w-]*\s+){1,7}[A-Z][\w-]*)\s*,\s*(?=(?:an?|the)\s)", rest)
        if spelled and _spells(name, spelled.group(1)):
            name, rest = f"{spelled.group(1)}({name})", rest[spelled.end() :]
    if expansion and name and re.match(r"[a-z]+ing\b", rest) and not _RELATIVE_RE.match(rest):
        rest = ""  # "(GCDG), introducing a generative paradigm ...": the name says what it is
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
    # "a case study of an Introduction to Software Engineering course": cut at "to" between two
    # capitalized words, the phrase would end inside a name ("Introduction의 사례 연구")
    last = rest[: phrase_end.start()].split()[-1:] if phrase_end else []
    if last and last[0][:1].isupper() and re.match(r"\s+to\s+[A-Z]", rest[phrase_end.start() :]):
        if not _is_name(last[0]) and not last[0].isupper():
            return None
    phrase = rest[: phrase_end.start()] if phrase_end else rest
    in_parens = phrase.count("(") > phrase.count(")")  # "processors (M0+, M4, M7)" cut at a comma
    if re.search(r"\((?:1|i|a)\)", phrase):
        return None  # "capabilities in performing (1) OCR, (2) ...": a list the line cannot carry
    tail = rest[phrase_end.start() :] if phrase_end else ""
    # "an evaluation of fisheye-based 3DGS methods, Fisheye-GS and 3DGUT, on real images": names
    # set off by commas after a plural are the methods the phrase speaks of, no list it starts
    appositive_names = re.match(
        r",\s*(?:[A-Z0-9][\w.\-]*\s*,\s*)*[A-Z0-9][\w.\-]*\s*,?\s*(?:and|or)\s+[A-Z0-9][\w.\-]*\s*,",
        tail,
    ) and re.search(r"[a-z]s$", phrase.strip())
    if not appositive_names and re.match(
        r",\s*(?:[\w-]+\s*,\s*)?(?:[\w-]+\s+){0,3}?(?:and|or)\s", tail
    ):
        # "prompts in English, Spanish and German": the comma continues a list the phrase's
        # last words start; keep the phrase only up to the preposition that opens the list
        cut = list(_PREP_RE.finditer(phrase))
        phrase = phrase[: cut[-1].start()] if cut else phrase
    between = re.search(r"\s+(?:between|among|amongst)\s+(?:(?!\band\b)[^,])+$", phrase)
    if between and tail.startswith(","):
        # "the interaction between language models, embedding models, ...": cut at its first
        # comma, "between" would name one of the things it is between
        phrase = phrase[: between.start()]
    if phrase.count("(") > phrase.count(")"):
        phrase = phrase[: phrase.rfind("(")]  # "attack (i" cut at "i.e.": drop the aside
    phrase = _inline_parens(phrase)
    if name is None and naming:
        name = naming
    # "a new benchmark, PubHealthBench, with ...": the name after the thing made; not an item
    # of a list (", ECGs, and PDFs") and not after "of" ("the utility of a model, PanDerm")
    appositive = re.match(r",\s*([A-Z][\w\-]*\w)\s*(?=,(?!\s*(?:and|or)\b)|\(|\.(?!\w)|$)", tail)
    if (
        name is None
        and appositive
        and not in_parens
        and stem in _MAKING
        and not re.search(r"\bof\b", phrase, re.I)
        # "a humor generation mechanism based on a fundamental humor theory, GTVH": the name is
        # the theory's, what it is based on, not the mechanism's
        # (a plural, "based on diffusion models, DiffDFKD", names nothing but the approach)
        and not re.search(
            r"\b(?:based on|built on|grounded in|inspired by|derived from)\s+(?:an?|the)\s+"
            r"(?:[\w-]+\s+){0,4}[\w-]*[^s\W]$",
            phrase.strip(),
            re.I,
        )
        and _is_name(appositive.group(1))
    ):
        name = appositive.group(1)
        # "a novel method, HyperDiff, which integrates X with Y": the relative after the name
        tail = tail[appositive.end() :]
    tn = title_name(title)
    if name is None and tn and re.search(rf"[a-z]\s+{re.escape(tn)}$", phrase.strip()):
        # "a framework for arbitrary style transfer RLMiniStyler": the name ends the phrase,
        # it is not what the framework is for
        name, phrase = tn, phrase.strip()[: -len(tn)].strip()
    if name is None:
        whole = tn and re.search(rf"(?<![\w-]){re.escape(tn)}(?![\w-])", rest, re.I)
        if whole and "@" not in tn and not _other_thing(whole, rest):
            name = tn  # ("DIMT25@ICDAR2025" is a venue)
    if acronym and (name == acronym or (name is None and phrase.strip() == acronym)):
        name, phrase = expansion, "" if phrase.strip() == acronym else phrase
    elif (
        acronym
        and name is None
        and re.match(rf"{re.escape(acronym)}\s+(?:dataset|benchmark)$", phrase.strip())
    ):
        # "the City that Never Settles (CNS) dataset": the spelled name, then its kind
        name, phrase = expansion, phrase.strip()[len(acronym) :].strip()
    phrase = _DETERMINER.sub("", phrase.strip())
    phrase = _DETERMINER.sub("", phrase)  # "a new" after "the"
    if re.fullmatch(r"[a-z]+ed", phrase.strip()):
        phrase = ""  # "DiTaiListener, powered by a diffusion model": the name alone
    if re.match(r"(?:using|via|through|by|with|leveraging|based on)\b", phrase, re.I):
        return None  # "we investigate this using X": a means, not the object studied
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
    if re.search(r"\b(?:for|of|to|with|on|in)\s+(?:and|or)\b", phrase):
        return None  # "a framework for and executing a study": two objects share one preposition
    rel_tail = tail
    if stem not in _MAKING and _RELATIVE_RE.match(tail) and re.match(r"\s*,\s*[a-z]+ing\b", tail):
        rel_tail = ""  # "we examine the space, identifying X": the participle is ours, not its
    relative, relative_verb, pair = read_relative(rel_tail, _BOUNDARY)
    if not words and not name:
        return None
    if not name and (not relative or len(relative.split()) <= 2) and _too_thin(phrase):
        # "a new approach that employs reinforcement learning": a short relative does not make
        # a thin phrase the contribution (round 40: the title and a how sentence said more)
        return None  # "soft", "use of addition": a cut-off phrase, not the contribution
    return Contribution(
        stem, phrase.strip(), name, relative, relative_verb, qualified_first, paired=pair
    )


_SMALL = r"(?:of|as|for|and|the|via|with|to|in|on|through|by|that)"
_EXPANSION = re.compile(
    rf"([A-Z][\w-]*(?:\s+(?:[A-Z][\w-]*|{_SMALL})){{1,8}})\s*\(([A-Z][A-Za-z0-9-]{{1,14}})\)"
    # the name ends the phrase: not "A (FADConv) and B (FAT) modules", "X (GLC) models"
    r"(?=\s*[,.;:]|\s*$|\s+(?:that|which|to|for|as|with|by|in|on|via|using|dataset|benchmark)\b)"
)


def _spells(acronym: str, words: str) -> bool:
    """ "ReCUT" from "Reasoning Compression ThroUgh Stepwise Trials": the acronym's capitals
    are the capitals of the words, in order, starting with the first; a phrase the glossary
    knows whole ("Large Language Models") is a term, not the paper's name."""
    caps = [c for c in acronym if c.isupper()]
    initials = "".join(
        w[0].upper() + "".join(c for c in w[1:] if c.isupper()) for w in words.split()
    )
    if not caps or caps[0] != words[0] or default_glossary().get(words.lower()):
        return False
    it = iter(initials)
    return all(c in it for c in caps)


def _other_thing(found: re.Match, rest: str) -> bool:
    """The title's name, found in the sentence, is something besides the object: "a
    Video2Reward module that estimates a reward from ReSim's simulated future", "a new task,
    alongside the ... Benchmark (MMMG)"."""
    before, after = rest[: found.start()], rest[found.end() :]
    return bool(
        re.match(r"['’]s\b", after)
        or re.search(
            r"\b(?:alongside|along with|together with|as well as|in addition to)\b", before
        )
        # "we evaluate a range of models on AfriSUD": the name is where they are evaluated
        or re.search(r"\b(?:on|using|across|against|over)\s+(?:the\s+)?$", before, re.I)
        # "a data generator ..., and from it construct HorizonBench", "a knowledge base (ACKB)
        # ... and propose a knowledge-driven approach (KD-CVG)": a second verb makes the name
        or re.search(
            r"\band\s+(?:[\w\s,]{0,20}\s)?(?:propose|introduce|present|construct|build|create|"
            r"design|develop|derive|release)s?\b",
            before,
            re.I,
        )
    )


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
        re.search(
            r"(?:-scale|-graded|-based|-aware|-free|-level|ive|al|ous|ic|ful|able|ible)$", last
        )
    )


def _naming(text: str) -> str | None:
    """The name after "called"/"named"/...: its acronym in parentheses when it has one
    ("called Transformer based Encoder Decoder Network (TED Net)" -> TED Net), the words
    themselves when they are short, else nothing."""
    # "Named Entity Recognition (NER)" is a term, not "named NER": the naming verb is lower-case
    m = re.search(r"\b(?:[Cc]alled|named|dubbed|termed|coined)\s+([^,.;:]{1,80})", text)
    if not m:
        return None
    words = m.group(1).strip().strip("\"'“”")
    paren = _PAREN.search(words)
    if paren and len(paren.group(1).split()) <= 3:
        return paren.group(1).strip()
    words = words.split()
    if len(words) > 1 and words[1].lower() in ("and", "&"):
        return None  # "termed OctoNav-Bench and OctoNav-R1": two names, one per thing made
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
        # "xLSTM", "ssToken": a few lower-case letters before capitals is a name's spelling
        and all(
            w[:1].isupper() or w[:1].isdigit() or re.fullmatch(r"[a-z]{1,3}[A-Z][\w\-]*", w)
            for w in words
        )
        # "Think@n": an @ inside a word is a name's ("pass@k" is lower-case, no name)
        and any(_is_name(w) or re.fullmatch(r"[A-Z]\w*@\w+", w) for w in words)
    )


def _inline_parens(text: str) -> str:
    """ "extended Kalman filter (EKF)" -> "extended Kalman filter(EKF)": an acronym stays
    with the words it abbreviates; a longer aside is dropped."""

    def keep(m: re.Match) -> str:
        inside = m.group(1).strip()
        return f"({inside})" if _looks_like_name(inside) and " " not in inside else ""

    return _PAREN.sub(keep, text).strip()
