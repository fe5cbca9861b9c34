"""The floor's "how" sentence: the parts a method uses, or what it does to its material.

"It leverages channel-wise self-attention and glyph extraction" -> "channel-wise 셀프 어텐션·
glyph 추출을 활용합니다."; "8DNA learns the full 8D light transport" -> "full 8D 빛 전달을
학습합니다.". Only from a sentence about the paper's own method, only an object that can be
named without guessing (floor_object.py), never one the title already says.
"""

from __future__ import annotations

import re

from .contribution import _CONTRIB, sentences
from .floor_count import count_of
from .floor_object import _empty_object, _people_object, _vague_part, _verb_led
from .floor_verbs import _FORM_TO_VERB, _HOW_FORMS, _HOW_GERUNDS, HOW_VERBS, _how_verb
from .korean import Glossary, _is_name, josa
from .phrase import translate_phrase
from .phrase_check import _broken
from .phrase_words import _is_verb
from .relative import _adjective

# What may stand before the subject: a connective ("Specifically,") or a short clause ("In the
# synthesis stage,"); the clause holds no comma, so it ends at the sentence's first one.
_LEAD_WORDS = re.compile(
    r"(?:Specifically|In particular|Concretely|To this end|Moreover|Furthermore|"
    r"Additionally|In addition|Technically),?\s+",
    re.IGNORECASE,
)
_LEAD_CLAUSE = re.compile(r"[A-Z][\w\- ]{0,40},\s+", re.IGNORECASE)
# a longer lead that says why or against what ("To scalably obtain labeled data for training
# AgentPRM, we employ ...", "Whereas most approaches treat maps equally, our method uses ...");
# only before "we"/"our": after "While thermal imaging offers ..., it" the "it" is the lead's
_LEAD_PURPOSE = re.compile(
    r"(?:\(?\d\)\s+)?(?:To|In order to|Whereas|Unlike|While)\b[^,;:]{3,140},\s+(?=we\b|our\b)",
    re.IGNORECASE,
)
_KINDS = (
    r"(?:method|model|approach|framework|system|design|architecture|pipeline|network|module|"
    r"mechanism|strategy|algorithm|agent|encoder|decoder|benchmark|dataset|toolkit|platform|"
    r"technique|scheme)"
)
# "The AFIA module adopts ...": a part the abstract names is the paper's own
_NAMED_PART = (
    r"(?:the|our|this)\s+(?:(?-i:[A-Z][\w-]*)\s+){1,3}"
    r"(?:module|block|layer|branch|component|mechanism|network|encoder|decoder|head|unit)"
)
_SUBJECT_WORDS = rf"(?:we|it|(?:this|our|the(?: proposed)?) {_KINDS}|{_NAMED_PART})"
_ADVERB = r"(?:(?:first|also|further|then|next|additionally|\w+ly)\s+){0,2}"
# Where the list of parts ends: a purpose, a result, a new clause ((?!-): "under-sampling" is a
# part, not the preposition "under").
_HOW_END = re.compile(
    r"\s+(?:to|for|in order|so that|which|that|while|thereby|thus|where|whereby|by|through|"
    r"via|with|within|into|resulting|enabling|allowing|achieving|leading|making|as|across|"
    r"from|under|over|at|on|in|during|until|after|before|alone|together|directly|jointly|"
    r"simultaneously|automatically|iteratively|explicitly|implicitly|efficiently|effectively|"
    r"dynamically|adaptively|separately|independently|respectively|accordingly|instead|only|"
    r"rather|than|along|alongside|besides|beyond|including|such|like|versus|vs|between|among|"
    # "augment the source domain using GPT-guided diffusion": the means is said apart (_means)
    r"using|leveraging|employing|utilizing|exploiting|twice|once|again|repeatedly)"
    # "." only where a sentence ends: "Qwen2.5-72B" and "SD3.5M" are read whole
    r"\b(?!-)|[;:(\[]|\.(?!\w)|\s[–—-]{1,2}\s|,\s*(?!and\b)(?=[a-z]+(?:ing|ed)\b)"
    # "vascular graphs extracted from ground truth", "a model trained on 24K heads": the noun
    # phrase ends before the participle that says where it came from
    r"|\s+(?:trained|extracted|based|inspired|derived|obtained|collected|captured|generated|"
    r"learned|fitted|computed|provided|designed|tailored|adapted|built|curated|combined|"
    r"fine-tuned|pre-?trained|produced|tested|constructed|guided|conditioned|driven)"
    r"\s+(?:on|from|with|by|for|to|in|along|as|via|using|under|at)\b",
    re.IGNORECASE,
)
_PARTICIPLE_END = re.compile(r"\s+[a-z-]+ed\s+[a-z]+\b", re.IGNORECASE)
_ITEM_SPLIT = re.compile(r"\s*,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+", re.IGNORECASE)
_ITEM_DET = re.compile(r"^(?:a|an|the|both|either|two|three|several|novel|new|our)\s+", re.I)

# The verb patterns hold every form of ~110 verbs: compiled once here, not per paper. Only the
# subject, which carries the paper's own names, is compiled per paper (a short pattern).
# "<subject> (first) leverages X"; "The proposed framework, which combines X with Y, ...":
# the relative after the subject says the same
_STATED_TAIL = re.compile(
    rf"(?:\s*,\s*which\s+|\s+){_ADVERB}(?P<verb>{_HOW_FORMS})\s+(?P<obj>.*)", re.IGNORECASE
)
_BY = re.compile(rf"\bby\s+(?P<verb>{_HOW_GERUNDS})\s+(?P<obj>.*)", re.IGNORECASE)
_LEADING = re.compile(
    rf"^(?:By\s+)?(?P<verb>{_HOW_GERUNDS})\s+(?P<obj>[^,]{{3,80}}),\s+", re.IGNORECASE
)  # "Leveraging X, <subject> ..."
# "Our key idea is to decouple X", "The core idea of SLFG is to combine X"
_IDEA = re.compile(
    r"^(?:The|Our)\s+(?:key|core|main|central|basic)\s+(?:idea|insight|innovation)"
    rf"(?:\s+of\s+\S+)?\s+is\s+to\s+{_ADVERB}(?P<verb>{_HOW_FORMS})\s+(?P<obj>.*)",
    re.IGNORECASE,
)
_USE = re.compile(r"\b(?:can|could|may|might)\s+(?:also\s+)?(?:serve|be used|help|benefit|aid)\b")


def how_fact(
    abstract: str,
    glossary: Glossary,
    names: tuple[str, ...] = (),
    main: str = "",
    title: str = "",
    late: bool = False,
) -> str | None:
    """One Korean sentence naming the parts the paper's method uses ("It leverages channel-wise
    self-attention and glyph extraction" -> "channel-wise 셀프 어텐션·glyph 추출을
    활용합니다."), from the first sentence about the method itself whose parts can be named
    without guessing."""
    found = list(_how_candidates(sentences(abstract), names, glossary, main))
    # the parts a method uses say more than what it does to its input: those first;
    # ``late``: only what "Specifically, we introduce" names, for a line with nothing else
    for verb, obj, numbered, introduced in sorted(
        found, key=lambda c: c[0] not in HOW_VERBS.values()
    ):
        if introduced != late:
            continue
        head = " ".join(re.sub(r"^(?:an?|the)\s+", "", obj).split()[:3]).lower()
        if late and (any(n and n.lower() in obj.lower() for n in names) or head in main.lower()):
            continue  # "we introduce the PGPFR framework": the method itself, no part of it
        line = _parts_sentence(verb, obj, glossary, main, names, title, numbered)
        if line:
            return line
    return None


_SPECIFICALLY = re.compile(
    r"(?:Specifically|Concretely|In particular|Technically),\s+we\s+(?:first\s+)?"
    r"(?P<verb>introduce|incorporate|employ|adopt|leverage|integrate|use|utilize)\s+(?P<obj>.*)"
)


def _how_candidates(found: list[str], names: tuple[str, ...], glossary: Glossary, main: str = ""):
    """(Korean verb, English object, numbered, late) in abstract order, from four sentence shapes:
    "It leverages X", "... by leveraging X", "Leveraging X, we ..." and "Our key idea is to
    <verb> X"; ``numbered`` when the object was a "(1) ..., (2) ..." list."""
    names = tuple(n for n in names if n)
    previous = ""
    for sentence in found:
        before, previous = previous, sentence
        by = _BY.search(sentence)
        contrib = _CONTRIB.search(sentence)
        if contrib and (not by or by.start("verb") == contrib.start(1)):
            # "Specifically, we introduce a conditional image branch into ...": after the
            # contribution, what the authors introduce to build it is a part of it
            part = _SPECIFICALLY.match(sentence)
            verb = part and _how_verb(part.group("verb"), glossary)
            if part and before and verb:
                yield verb, part.group("obj"), False, True
            continue  # the contribution sentence is the line's first sentence already
        leading = _LEADING.match(sentence)
        if leading and not _subject_at(sentence, leading.end(), names, r"\b"):
            leading = None
        for m, subj in (
            _stated(sentence, names),
            (by, ""),
            (leading, ""),
            (_IDEA.search(sentence), ""),
        ):
            if not m or (m is by and not _ours(_by_clause(sentence[: m.start()]), names)):
                continue
            if m is by and _USE.search(sentence[max(0, m.start() - 60) : m.start()]):
                continue  # "the dataset can also serve ... by training": a use, not the method
            other_data = m is by and re.search(
                r"\b([A-Z][\w-]*)\s+(?:benchmarks?|datasets?|corpus)\s*$",
                sentence[: m.start()].strip(),
            )
            if other_data and other_data.group(1) not in main + " ".join(names):
                continue  # "we enhance the SafeEdit benchmark by incorporating X": that data's
            if (
                subj.lower() == "it"
                and before
                and not (_CONTRIB.search(before) or _ours(before, names))
            ):
                continue  # "CLIP is widely used. However, it learns ...": not our method
            first = (m.group("obj").split() or [""])[0].lower()
            if glossary.get(f"{m.group('verb').lower()} {first}"):
                continue  # "by learning rate scaling": a noun compound, not a gerund and object
            verb = _how_verb(m.group("verb"), glossary)
            if verb:
                listed = _enumerated(m.group("obj"))
                yield verb, listed or m.group("obj"), bool(listed), False


# The subject is the method's kind or one of the paper's own names; the names change with every
# paper, so they are matched one by one after the fixed words (the same order one alternation
# "(?:we|it|...|NAME1|NAME2)" would try).
_OURS_WORDS = re.compile(rf"(?:^|\s)(?:{_SUBJECT_WORDS}|our)\b", re.IGNORECASE)
_SUBJECT = {
    r"\b": re.compile(rf"{_SUBJECT_WORDS}\b", re.IGNORECASE),
    r"(?=\s|,\s*which\s)": re.compile(rf"{_SUBJECT_WORDS}(?=\s|,\s*which\s)", re.IGNORECASE),
}


def _ours(text: str, names: tuple[str, ...]) -> bool:
    """The text speaks of the paper's own method: "we", "our", "the proposed model", a name."""
    return bool(_OURS_WORDS.search(text)) or any(
        re.search(rf"(?:^|\s){re.escape(n)}\b", text, re.IGNORECASE) for n in names
    )


def _subject_at(text: str, pos: int, names: tuple[str, ...], end: str) -> re.Match | None:
    """The subject of the method at ``pos`` ("it", "the proposed module", a name), ended by
    ``end`` (a space follows, or a word boundary)."""
    found = _SUBJECT[end].match(text, pos)
    for n in names:
        found = found or re.compile(re.escape(n) + end, re.IGNORECASE).match(text, pos)
    return found


def _stated(sentence: str, names: tuple[str, ...]) -> tuple[re.Match | None, str]:
    """ "[lead] <subject> [adverbs] <verb> <object>": the verb match and the subject, trying
    the lead a connective gives, then a lead clause, then none, as one pattern would."""
    leads = [
        m.end()
        for m in (
            _LEAD_WORDS.match(sentence),
            _LEAD_CLAUSE.match(sentence),
            _LEAD_PURPOSE.match(sentence),
        )
        if m
    ]
    contrast = re.match(r"(?:While|Although|Though|Whereas|Unlike|Since|As)\b", sentence)
    for start in dict.fromkeys([*leads, 0]):
        subj = _subject_at(sentence, start, names, r"(?=\s|,\s*which\s)")
        if subj and contrast and start and subj.group(0).lower() == "it":
            continue  # "While thermal imaging offers privacy, it introduces ...": the lead's "it"
        tail = _STATED_TAIL.match(sentence, subj.end()) if subj else None
        if tail:
            return tail, subj.group(0)
    return None, ""


_ENUM_START = re.compile(
    r"^(?:(?:two|three|four|five|six|several|\d)\s+)?(?:[\w-]+\s+){0,2}?"
    r"(?:components?|modules?|stages?|parts?|steps?|phases?|elements?|branches|blocks?|"
    r"mechanisms?|pipelines?|designs?|innovations?)?\s*:?\s*\((?:1|i|a)\)\s*",
    re.IGNORECASE,
)
_ENUM_MARK = re.compile(r"[;,]?\s*(?:and\s+)?\((?:\d|[ivx]{1,4}|[b-f])\)\s*")
_NAMED_ITEM = re.compile(r"^([A-Z][\w-]*(?:\s+[A-Z][\w-]*){0,3}),\s+(?:an?|the)?\s*[a-z]")


def _enumerated(obj: str) -> str | None:
    """ "five key components: (1) a Temporal Knowledge Graph Generator that creates ...; (2) a
    Temporal Query Decomposition mechanism that ..." -> "Temporal Knowledge Graph Generator,
    Temporal Query Decomposition mechanism, ...": each numbered part's own noun phrase, or
    its name when it opens with one ("(1) MoSE, modality-specific experts ...")."""
    m = _ENUM_START.match(obj)
    if not m:
        return None
    items = []
    for item in _ENUM_MARK.split(obj[m.end() :]):
        named = _NAMED_ITEM.match(item)
        if named:
            items.append(named.group(1))
            continue
        end = _HOW_END.search(" " + item)
        head = (" " + item)[: end.start()] if end else item
        head = head.split(",")[0].strip()
        if not head:
            return None
        items.append(head)
    return ", ".join(items) if len(items) > 1 else None


def _by_clause(before: str) -> str:
    """What a "by -ing" hangs on: the sentence before it, unless it contrasts ("..., not by
    thinking, but by generating texts": LLMs generating, not the authors)."""
    return (
        ""
        if re.search(r"\b(?:not|but)\s+(?:\w+\s+)?by\b|\bnot\b[^,]*,\s*but\s*$", before)
        else before
    )


def _stem(word: str) -> str:
    word = word.lower()
    return word[:-1] if word.endswith("s") and not word.endswith("ss") else word


def _in_title(item: str, title: str) -> bool:
    """Every word of the part is a word of the title: the sentence would say the title again."""
    said = {_stem(w) for w in re.findall(r"[\w][\w-]*", title)}
    words = [_stem(w) for w in re.findall(r"[\w][\w-]*", item)]
    return bool(words) and all(w in said for w in words)


_ENDS_PHRASE = re.compile(rf"\s+(?:and|or)\b|{_HOW_END.pattern}", re.IGNORECASE)


def _noun_goes_on(text: str) -> bool:
    """ "(R2L) evaluation stream": the parenthesis sits inside a noun phrase, and cutting there
    would drop its head; "(CJM) as a ...", "(R2L), which", "(R2L)." end it."""
    m = re.match(r"\([^()]*\)", text)
    rest = text[m.end() :] if m else ""
    return bool(re.match(r"\s+[a-z]", rest)) and not _ENDS_PHRASE.match(rest)


def _combined_with(obj: str, end: re.Match) -> str | None:
    """ "a MobileViT-XXS slice encoder with a two-layer SliceTransformer aggregator for ..." ->
    "a MobileViT-XXS slice encoder and a two-layer SliceTransformer aggregator": the thing it
    is combined with, when a plain noun phrase (no list, no clause) names it."""
    first = obj[: end.start()].strip()
    rest = re.match(r"\s+with\s+(.+)", obj[end.start() :])
    if not first or not rest:
        return None
    second = rest.group(1)
    stop = _HOW_END.search(" " + second)
    second_np = (" " + second)[: stop.start()].strip() if stop else second.strip()
    after = (" " + second)[stop.start() :] if stop else ""
    listed = re.match(r"\s*(?:,\s*[\w-]+(?:\s+[\w-]+)?\s*(?:,|and\b|or\b)|(?:and|or)\b)", after)
    if not second_np or listed or re.search(r"\s(?:and|or)\s|,", second_np):
        return None  # "with A and B", "with A, B": which are parts and which qualify, unsure
    return f"{first} and {second_np}{after}"


def _parts_sentence(
    verb: str,
    obj: str,
    glossary: Glossary,
    main: str,
    names: tuple[str, ...] = (),
    title: str = "",
    numbered: bool = False,
) -> str | None:
    """The Korean sentence for one candidate; ``numbered``: the object is a "(1) ... (2) ..."
    list read whole by _enumerated, so it may be longer."""
    if verb == "합성합니다" and _IDEAS.search(obj):
        return None  # "we synthesize the historical evolution of ...": a review sums up
    # "a convolutional autoencoder (AE) with a Vision Transformer (ViT)": the abbreviations
    # out, or the pair is cut at the first parenthesis
    obj = re.sub(
        r"\s+\([A-Z][\w\-]{0,10}\)(?=\s+with\s|\s+and\s+(?:(?:an?|the)\s+\w|[A-Z]))", "", obj
    )
    counted = _COUNTED.match(obj)
    line = counted and _counted_sentence(verb, counted, glossary, main, names, title)
    if line:
        return line
    end = _HOW_END.search(obj)
    if verb == "변환합니다" and end and re.match(r"\s+(?:into|to)\b", obj[end.start() :]):
        return None  # "transforms a simple camera into a coach": what it becomes is the point
    if end and re.search(r"\bas\s+(?:an?\s+)?case stud(?:y|ies)\b", obj[end.start() :], re.I):
        return None  # "we use a performance disparity ... as a case study": studied, not used
    after = re.match(r"\([^()]*\)\s+([a-z]+)", obj[end.start() :]) if end else None
    if after and (after.group(1) in _FORM_TO_VERB or _is_verb(after.group(1), glossary)):
        return None  # "A and B (OCC) learns C": "and" joined two clauses, B is no part of A's verb
    if end and re.match(r"\([^()]*\)\s*,\s*[a-z]+ing\b", obj[end.start() :]):
        return None  # "..., and Chromatic Correction (OCC), mitigating ...": a sibling design
    if end and obj[end.start()] == "(" and _noun_goes_on(obj[end.start() :]):
        # "a structured Chain-of-Thought (CoT) prompting mechanism": the abbreviation out, the
        # noun phrase whole (cut at the parenthesis it would lose its head)
        obj = obj[: end.start()] + re.sub(r"^\([^()]*\)", "", obj[end.start() :])
        end = _HOW_END.search(obj)
    if (
        end
        and verb in ("결합합니다", "정렬합니다", "통합합니다", "연결합니다")
        and re.match(r"\s+(?:with|to)\b", obj[end.start() :])
        and not re.search(r"\s(?:and|or)\s|,", obj[: end.start()])
    ):
        paired = _combined_with(obj, end)
        if paired:
            obj = paired  # "combines A with B": A and B are the parts combined
            end = _HOW_END.search(obj)
        elif verb in ("결합합니다", "정렬합니다"):
            return None  # "combines different LLMs with prompting techniques": with what, unsaid
        # "integrates cross-modal understanding with ...": what it integrates is said alone,
        # as before (round 40 read those lines as right and specific)
    if end and re.match(r"\s+(?:between|among)\b", obj[end.start() :]):
        if len(obj[: end.start()].split()) < 2 and not _is_name(obj[: end.start()].strip()):
            return None  # "measures similarity between ...": of what, the line cannot say
    if (
        end
        and _PARTICIPLE_END.match(obj[end.start() :])
        and re.search(r"\s(?:and|or)\s|,", obj[end.end() :])
    ):
        return None  # "videos captured on-site and documents used in ...": the list goes on
    means = _means(obj[end.start() :], glossary) if end else None
    if end and not means and _MEANS.match(obj[end.start() :]):
        if verb not in HOW_VERBS.values():
            return None  # "re-identification using visual similarity, face recognition and
            # ...": the means could not be read, so neither can what the list after it joins
        # "features a coaxial optical design using dichroic mirrors": the part is said alone
    head = obj[: end.start()] if end else obj
    if means and verb not in HOW_VERBS.values() and _GENERIC_OBJECT.fullmatch(head.strip()):
        # "implement the method using OpenGL shaders": the means is what there is to say
        return f"{josa(means, '으로/로')} {verb}."
    obj = obj[: end.start()] if end else obj
    raw = [i.strip() for i in _ITEM_SPLIT.split(obj) if i.strip()]
    named_first = all(w[:1].isupper() or _is_name(w) for w in raw[0].split()) if raw else False
    # "the bsc-bio-ehr-en3 model, a RoBERTa-based biomedical model": a name and its kind, then
    # the apposition, and no list after it
    named_kind = (
        len(raw) == 2
        and any(_is_name(w) for w in raw[0].split())
        and re.search(rf"\s{_KINDS}$", raw[0], re.IGNORECASE)
        and re.match(r"[^,]*,\s+an?\s", obj)
    )
    if not numbered and len(raw) > 1 and (named_first or named_kind):
        # "Mutual Information, a metric ...", "CoTR, a token reduction module": an apposition
        # names the first part again, it is no second part
        first_apposed = next(
            (k for k, i in enumerate(raw[1:], 1) if re.match(r"(?:a|an|the)\s", i)), 0
        )
        raw = raw[:first_apposed] if first_apposed else raw
    if any(re.search(r"\b(?:our|the|a)[A-Z]|[a-z]{2}[^s]s-[A-Z]{2}", i) for i in raw):
        return None  # "ourChroKnowPrompt", "variants-SDXL": words run together in the abstract
    items = [_ITEM_DET.sub("", _ITEM_DET.sub("", i)) for i in raw]
    items = [i for i in items if i]
    if verb == "구성됩니다" and len(items) == 1 and not items[0].endswith("s"):
        return None  # "consists of an offline stage for ..., followed by ...": one part of two
    if any(re.search(r"\b(?:and|or)$", i, re.IGNORECASE) for i in items):
        return None  # a list cut after its "and": the last part is missing
    if not items or len(items) > (6 if numbered else 4) or any(len(i.split()) > 6 for i in items):
        return None  # a long list or a clause, not parts: say nothing
    if any(re.search(r"\b(?:backwards?|forwards?|together|apart|away|back)$", i) for i in items):
        return None  # "integrating the learned velocity field backward": an adverb, no part
    if any(_adjective(i.split()[-1]) for i in items):
        return None  # "the capabilities inherent (in VLMs)": cut after a trailing adjective
    if any(_CHANGE_NOUN.search(i) for i in items):
        return None  # "it introduces a small drop (in accuracy)": a change, not a part
    if any(_vague_part(i, glossary) for i in items):
        return None  # "three key components": the parts come later, or not at all
    if any(_empty_object(i) for i in items):
        return None  # "includes key tasks": nothing a reader can picture
    if verb not in HOW_VERBS.values() and any(_people_object(i) for i in items):
        return None  # "training translation students": teaching people, not a method's doing
    if any(re.search(r"\b(?:them|they|it|its|their|this|these)\b", i, re.I) for i in items):
        return None  # "extract feature embeddings and project them": a clause, not parts
    if any(re.match(r"[a-z]+\s+(?:the|a|an|its|their)\b", i) for i in raw[1:]):
        return None  # "capture HDR panoramas and recover the absolute radiance": a second verb
    if any(_verb_led(i, glossary) for i in items[1:]):
        return None  # "identifies key tokens and corrects biases": a second verb, not a part
    flat = [re.sub(r"[\s-]+", " ", n.lower()) for n in names if n]
    if any(n in re.sub(r"[\s-]+", " ", obj.lower()) for n in flat):
        return None  # "validates ProKG-Dial": the method said again, nothing new
    if len(items) > 1 and any(re.search(r"\s(?:of|for|in|on|with)\s", i) for i in items):
        return None  # "strengths of A and B": which noun "and" joins is a guess
    if title and all(_in_title(i, title) for i in items):
        return None  # "leverages data augmentation" under a title about data augmentation
    ko = [translate_phrase(i, glossary) for i in items[:3]]
    if any(k is None or _broken(k) for k in ko):
        return None
    if all(k in _BARE_KINDS for k in ko):
        return None  # "introduces a mechanism to recover ...": the kind alone names nothing
    if main and all(k in main for k in ko):
        return None  # "a federated learning framework ... 연합 학습을 활용합니다": said
    joined = "·".join(ko) + (" 등" if len(items) > 3 else "")
    if means and verb not in HOW_VERBS.values() and verb != "구성됩니다":
        # "augment the source domain using GPT-guided diffusion": with what, said as 으로/로
        return f"{josa(means, '으로/로')} {josa(joined, '을/를')} {verb}."
    return _parts_said(joined, verb)


# "two key components: a meta prompt optimizer and a meta structure optimizer": the count says
# how many parts the list after the colon must hold, so a list read whole can be checked
_COUNTED = re.compile(
    r"(?:the\s+|its\s+|our\s+)?(?P<n>two|three|four|[234])\s+(?:[\w-]+\s+){0,3}?"
    r"(?P<kind>components|modules|stages|steps|phases|parts|branches|blocks|networks|"
    r"mechanisms|techniques|strategies|hypotheses|tasks|subtasks|datasets|levels|sub-modules)"
    r"\s*:\s*(?P<rest>.+)$",
    re.IGNORECASE,
)
_COUNTED_MARK = re.compile(r"\(?(?:\d|i{1,3}|iv)\)\s*", re.IGNORECASE)


def _counted_sentence(
    verb: str, m: re.Match, glossary: Glossary, main: str, names: tuple[str, ...], title: str
) -> str | None:
    """The parts of a counted list, only when the list after the colon holds exactly as many
    plain noun phrases as the count says (each at most six words, an abbreviation in
    parentheses dropped); anything longer is a description, and the line says nothing."""
    rest = re.sub(r"\.\s*$", "", _COUNTED_MARK.sub("", m.group("rest")))
    rest = re.sub(r"\s*\([^()]*\)", "", rest)  # "(DRD-Net)": the abbreviation, not a part
    raw = [i.strip() for i in _ITEM_SPLIT.split(rest) if i.strip()]
    if len(raw) != count_of(m.group("n")):
        return None  # "two stages: First, we ...": no list of names, or one read wrong
    items = [_ITEM_DET.sub("", i) for i in raw]
    if any(len(i.split()) > 6 or _HOW_END.search(i) or _verb_led(i, glossary) for i in items):
        return None  # "an evidence graph derived from ...": a clause, not a name
    if any(
        re.search(r"\b(?:which|that|we|it|its|their|them|this|these)\b", i, re.I) for i in items
    ):
        return None
    if any(_vague_part(i, glossary) or _empty_object(i) for i in items):
        return None
    if title and all(_in_title(i, title) for i in items):
        return None
    ko = [translate_phrase(i, glossary) for i in items]
    if any(k is None or _broken(k) for k in ko) or all(k in main for k in ko):
        return None
    return _parts_said("·".join(ko), verb)


# what a review synthesizes (sums up), not what a generator synthesizes (makes)
_IDEAS = re.compile(
    r"\b(?:evolution|findings|literature|insights|evidence|research|studies|trends|history|"
    r"perspectives|lessons|principles|knowledge|works?|developments|advances)\b",
    re.IGNORECASE,
)
_BARE_KINDS = {
    "메커니즘",
    "모듈",
    "전략",
    "방법",
    "프레임워크",
    "접근 방식",
    "기법",
    "방식",
    "모델",
}


def _parts_said(joined: str, verb: str) -> str:
    """ "A·B로 구성됩니다" for "consists of", else "A·B를 <verb>"."""
    if verb == "구성됩니다":
        return f"{josa(joined, '으로/로')} {verb}."
    return f"{josa(joined, '을/를')} {verb}."


_CHANGE_NOUN = re.compile(
    # ("focal loss", "inference cost" are terms: not here)
    r"\b(?:drops?|decreases?|increases?|reductions?|improvements?|gains?|"
    r"degradations?|overheads?|boosts?|speedups?|slowdowns?)$",
    re.IGNORECASE,
)
_GENERIC_OBJECT = re.compile(
    r"(?:the|our|this|it|its)?\s*(?:proposed\s+)?(?:method|approach|framework|model|system|"
    r"pipeline|technique|algorithm|it|them)s?",
    re.IGNORECASE,
)
_MEANS = re.compile(r"\s+(?:using|leveraging|employing|utilizing|via)\s+(?:the\s+|an?\s+)?")


def _means(rest: str, glossary: Glossary) -> str | None:
    """What "<verb> X using Y" does it with: Y in Korean when Y is a plain noun phrase or a
    short list of them ("using LLM-based statement extraction and knowledge graph analysis"),
    else None and the line says X alone or nothing."""
    m = _MEANS.match(rest)
    if not m:
        return None
    tail = rest[m.end() :]
    # the list's "and"/"," are read as its joints; its end is where no joint follows
    end = _MEANS_END.search(" " + tail)
    phrase = (" " + tail)[: end.start()].strip() if end else tail.strip()
    after = (" " + tail)[end.start() :] if end else ""
    if after.startswith("(") and _noun_goes_on(after.lstrip()):
        return None  # "using T1-weighted (T1w) non-contrast MRI scans": cut inside the noun
    if after and not re.match(r"\s*[.;:(]|,|\s+(?:to|for|which|that|so that|while|by)\b", after):
        return None  # "using values from the World Value Survey": the phrase goes on
    if re.search(r"[A-Z]\.[A-Z]|\b[A-Z]\.?$", phrase) and "." in phrase:
        return None  # "financial data of U.S.": cut at the abbreviation's dot
    items = [_ITEM_DET.sub("", i) for i in _ITEM_SPLIT.split(phrase) if i.strip()]
    if not 1 <= len(items) <= 3 or any(not 1 <= len(i.split()) <= 5 for i in items):
        return None
    if re.search(r"\b(?:its|their|our|it|them|this|these|those)\b|\b\d+\b", phrase):
        return None  # "using their outputs", "using four rubrics": not a means to name
    if any(_vague_part(i, glossary) or _empty_object(i) or _people_object(i) for i in items):
        return None  # "using this information", "using experts": nothing to picture
    ko = [translate_phrase(i, glossary) for i in items]
    if any(k is None or _broken(k) for k in ko):
        return None
    return "·".join(ko)


# where a means ends: _HOW_END less the joints of a list ("A, B and C")
_MEANS_END = re.compile(
    r"(?!\s*,\s*(?:and\s+)?(?!(?:which|while|where|whereas)\b|[a-z]+(?:ing|ed)\b)"
    rf"[A-Za-z][\w-]*(?:\s|$))(?:{_HOW_END.pattern})"
)


# "two stages", "key innovations", "essential modules": a count or a kind, not a part
