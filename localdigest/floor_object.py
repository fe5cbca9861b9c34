"""Whether a phrase the floor would name as a part or an object says anything.

"three key components", "the effectiveness of", "identifies key challenges": true and empty;
"corrects distributional biases" in a list: a second verb, not a part. Each check says
less rather than guess.
"""

from __future__ import annotations

import re

from .floor_verbs import _FORM_TO_VERB, DOING_VERBS
from .korean import Glossary, _is_name
from .phrase import _cut_participle
from .phrase_words import _is_verb

_VAGUE_HEAD = re.compile(
    r"(?:innovation|contribution|component|stage|step|module|part|phase|branch|element|idea|"
    r"paradigm|strateg(?:y|ie)|technique|design|insight|principle|aspect|feature|"
    r"improvement|change|sequence|way|factor|advance(?:ment)?|progress|development|method|"
    r"approach|framework|tool|representation|image|data|information|model|dataset|answer|"
    r"output|result|resource|score|work|research|stud(?:y|ie)|literature)(?:e?s)?$",
    re.IGNORECASE,
)
_VAGUE_MOD = {
    "key",
    "core",
    "main",
    "essential",
    "important",
    "critical",
    "major",
    "several",
    "multiple",
    "various",
    "crucial",
    "primary",
    "distinct",
    "different",
    "complementary",
    "additional",
    "two",
    "three",
    "four",
    "five",
    "novel",
    "new",
    "following",
    "innovative",
    "unique",
    "powerful",
    "advanced",
    "useful",
    "recent",
    "latest",
    "systematic",
    "simple",
    "general",
    "standard",
    "existing",
    "effective",
    "efficient",
    "robust",
    "specific",
    "appropriate",
    "suitable",
    "proposed",
    "public",
    "publicly",
    "available",
    "open",
    "numerous",
    "many",
    "some",
    "its",
    "their",
    "relevant",
    "successful",
    "prior",
}
# "two types of self-attention", "the introduction of X": a kind or an act, not a part
_VAGUE_OF = re.compile(
    r"^(?:\w+\s+)?(?:types?|kinds?|class(?:es)?|sorts?|variety|set|number|series|range|"
    r"introduction|use|usage|application|development|incorporation|integration|combination|"
    r"adoption|utilization)\s+of\b",
    re.IGNORECASE,
)


_PRONOUN = {"everything", "them", "this", "these", "those", "it", "both", "all", "each", "such"}


def _vague_part(item: str, glossary: Glossary) -> bool:
    words = item.split()
    if len(_cut_participle(words, glossary)) < len(words):
        return True  # "representation engineering techniques" would lose its head noun
    if "\\" in item or "{" in item or "}" in item or "'s" in item or "’s" in item:
        return True  # TeX styling cut in the middle; a possessive the line cannot turn
    if re.search(
        r"\b(?:number|amount|lot|variety|dozens|tens|hundreds|thousands|millions|billions)\b",
        item,
        re.IGNORECASE,
    ):
        return True  # "the number of steps": a quantity, and its order does not carry
    if len(words) == 1 and not (_is_name(item) or item.isupper() or glossary.get(item.lower())):
        return True  # one plain word ("representations"): too little to name a part
    if re.fullmatch(r"[\d,.]+[KkM]?|\(?\d+[).]", words[0]) or re.search(r"[a-z]ed$", words[-1]):
        return True  # "40 sequences" ("3D" is a term); "cache configured": a clause cut short
    if (
        _VAGUE_OF.search(item)
        or re.search(r"[a-z](?:ing|ed)$", words[-1])
        and not glossary.get(words[-1].lower())
    ):
        return True  # "pipeline focusing": a participle clause cut short
    if words[0].lower() in _PRONOUN or _is_verb(words[0], glossary):
        return True  # "and evaluate outputs": the list went on into a verb
    mods = [w.lower() for w in words[:-1]]
    # "BERTScore" is a name, not the vague head "score"
    head = not _is_name(words[-1]) and _VAGUE_HEAD.search(words[-1])
    return bool(head) and all(w in _VAGUE_MOD for w in mods)


# What a "doing" verb's object must not be: a finding, a quality or a kind ("identifies key
# challenges", "validates the effectiveness of", "deploys a selection of"): true, and empty.
_EMPTY_HEAD = re.compile(
    r"(?:challenge|obstacle|failure|mode|capabilit(?:y|ie)|abilit(?:y|ie)|issue|limitation|gap|"
    r"pattern|foundation|performance|effectiveness|efficacy|distinction|difference|finding|"
    r"trade-?off|propert(?:y|ie)|behaviou?r|baseline|variant|setting|scenario|option|question|"
    r"problem|task|solution|strength|weakness|benefit|advantage|potential|role|impact|effect|"
    r"outcome|phenomen(?:on|a)|process|concept|idea|aspect|factor|element|component|insight|"
    r"knowledge|information|content|thing|way|means|categor(?:y|ie)|cue|clue|type|kind)(?:e?s)?$",
    re.IGNORECASE,
)
_EMPTY_MOD = _VAGUE_MOD | set(
    "pivotal typical persistent fundamental significant notable common remaining underlying "
    "potential possible competitive strong better superior open-source diverse broad wide "
    "comprehensive extensive important interesting unified integrated overall entire whole "
    "current given original natural simple basic generic overall".split()
)
_EMPTY_OF = re.compile(
    r"^(?:\w+\s+)?(?:selection|suite|family|array|mix|group|effectiveness|efficacy|superiority|"
    r"feasibility|performance|utility|validity|quality|potential|impact|role|effect)\s+of\b",
    re.IGNORECASE,
)


# one English noun, two Korean senses the glossary cannot tell apart ("lightweight resolution"
# is no 해상도, "feature field" no 분야, a "character function" no 함수): say nothing
_TWO_SENSES = {"resolution", "field", "fields", "function", "functions", "character", "state"}


# people are no material a method works on: "training translation students" is teaching
_PEOPLE_OBJECT = re.compile(
    r"(?:student|translator|user|clinician|practitioner|researcher|developer|people|human|"
    r"patient|annotator|worker|expert|teacher|learner)s?$",
    re.IGNORECASE,
)


def _people_object(item: str) -> bool:
    """ "translation students": people (a lower-case word), not a method's material."""
    last = item.split()[-1]
    return last[:1].islower() and bool(_PEOPLE_OBJECT.search(last))


def _empty_object(item: str) -> bool:
    words = item.split()

    if words[-1].lower() in _TWO_SENSES:
        return True
    if _EMPTY_OF.search(item):
        return True
    head = not _is_name(words[-1]) and _EMPTY_HEAD.search(words[-1])
    return bool(head) and all(w.lower() in _EMPTY_MOD for w in words[:-1])


_BARE_VERBS = (
    frozenset(
        "uncover reveal show find demonstrate propose provide highlight examine present introduce "
        "achieve outperform enable allow offer release discuss suggest observe report".split()
    )
    | DOING_VERBS
)


def _verb_led(item: str, glossary: Glossary) -> bool:
    """ "corrects distributional biases": a lower-case -s word no glossary knows as a noun,
    followed by more words, reads as a verb that the list ran into."""
    words = item.split()
    first = words[0]
    if len(words) > 1 and first in _FORM_TO_VERB and not first.endswith(("ing", "ed")):
        return True  # "estimates X and learns Y": the second is its own verb
    if len(words) > 1 and first in _BARE_VERBS:
        return True  # "we identify five clusters and uncover misalignment"
    if (
        len(words) > 2
        and first.endswith("ing")
        and first in _FORM_TO_VERB
        and (glossary.match(words, 0) or ("", "", 1))[2] < 2
    ):
        return True  # "estimating X and learning residual corrections"; not "learning rate"
    if len(words) < 2 or not re.fullmatch(r"[a-z]+[^su]s", first):
        return False
    hit = glossary.get(first)
    return not (hit and hit[1] == "n")
