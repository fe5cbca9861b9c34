"""Names for a category's sub-themes (part 1) and keywords (part 2): specific noun phrases the
papers write, shown in Korean where the reviewed glossary has the whole phrase.

A name is *generic* when it says nothing about the papers it groups: every word is empty
("current LLMs", "wide range", "computational costs"), it is a field-wide phrase ("machine
learning", "artificial intelligence"), markup ("emph"), or its last word is no noun ("deep
neural", "enhancing visual", a lone "latent"). Part of speech comes from the glossary where it
has the word (``pos`` column), else from the suffix. A name is shown as "확산 모델(diffusion
model)" when the glossary has the whole phrase as a noun, else as the paper writes it (a
code-switched English term is normal in Korean ML writing); its particle follows the Korean
reading (localdigest.korean.josa).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from .korean import Glossary, _is_name, josa

# Words that name no topic, alone or together: heads like "approach", modifiers like "current".
# A phrase is generic when all its words are here: "diffusion models" and "continual learning"
# are specific, "current models" and "deep learning" are not.
EMPTY = frozenset(
    """current recent existing prior previous modern new novel standard conventional typical
    general generic common popular simple effective efficient robust powerful strong better
    best large small big wide broad long short high low deep fast open unified various diverse
    different multiple several many single key main important major critical significant
    scaling scale model models method methods approach approaches framework frameworks system
    systems technique techniques strategy strategies pipeline paradigm mechanism module
    component components design solution solutions tool tools way ways manner range ranges
    cost costs set sets series number amount variety type types kind kinds level levels step
    steps stage stages aspect aspects factor factors issue issues problem problems challenge
    challenges task tasks setting settings scenario scenarios application applications domain
    domains field fields area areas research researchers study studies work works paper papers
    analysis result results performance accuracy efficiency effectiveness quality capability
    capabilities ability abilities potential impact role process information insight insights
    advance advances progress limitation limitations benchmark benchmarks dataset datasets data
    experiment experiments evaluation baseline baselines state art world time times use usage
    ai intelligence llm llms lm lms network networks neural computational human humans user
    users people learning input inputs output outputs machine online offline""".split()
)
# Field-wide phrases: in a digest of AI papers they tell one sub-theme from none.
GENERIC_PHRASES = frozenset(
    """artificial intelligence|machine learning|deep learning|neural network|deep neural
    network|large language model|language model|foundation model|large model|state of the
    art|real world|wide range|wide variety|computational cost|computational overhead|
    experimental result|extensive experiment|downstream task""".replace("\n    ", " ").split("|")
)
MARKUP = frozenset(
    "emph textbf textit texttt mathbf mathrm mathcal mathbb cite citep citet url "
    "href footnote".split()
)
_ADJ_SUFFIX = (
    "ive",
    "ous",
    "ful",
    "less",
    "able",
    "ible",
    "ical",
    "ional",
    "ual",
    "ial",
    "ral",
    "nal",
    "tal",
    "cal",
    "mal",
    "dal",
    "ular",
    "inear",
    "ic",
)
# nouns those suffixes would call adjectives
_NOUNS = frozenset(
    """signal signals journal material materials trial trials tutorial total capital hospital
    portal animal metric logic topic music clinic graphic traffic heuristic arithmetic
    rhetoric epidemic pandemic mosaic tactic magic fabric critic comic lyric seed speed feed
    need bed""".split()
)


def words_of(phrase: str) -> list[str]:
    return [w for w in re.split(r"[\s\-]+", phrase.lower()) if w]


def _singular(word: str) -> str:
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith("s") and not word.endswith("ss") and len(word) > 3:
        return word[:-1]
    return word


def is_name(phrase: str) -> bool:
    """Some word of it is a name or acronym ("VLMs", "DyDiT", "U-Net"), kept as written."""
    return any(_is_name(w) for w in phrase.split())


def _empty(word: str) -> bool:
    return word in EMPTY or _singular(word) in EMPTY


def adjective(word: str, glossary: Glossary) -> bool:
    """A word that modifies and names nothing: the glossary's adjective or verb, else an
    adjective suffix ("continual", "adaptive"), a participle ("supervised") or an adverb."""
    w = word.lower()
    hit = glossary.get(w)
    if hit is not None:
        return hit[1] != "n"
    if w in _NOUNS or _singular(w) in _NOUNS:
        return False
    return w.endswith(_ADJ_SUFFIX) or w.endswith("ed") or w.endswith("ly")


def why_generic(phrase: str, glossary: Glossary) -> str | None:
    """Why ``phrase`` says nothing about the papers it names, or None when it is specific."""
    ws = words_of(phrase)
    if not ws:
        return "empty"
    if any(w.strip("\\") in MARKUP for w in ws):
        return "markup"
    flat = " ".join(_singular(w) for w in ws)
    if flat in GENERIC_PHRASES or " ".join(ws) in GENERIC_PHRASES:
        return "field-wide phrase"
    if all(_empty(w) for w in ws):
        return "only empty words"
    whole = glossary.get(" ".join(ws))
    if adjective(ws[-1], glossary) and (whole is None or whole[1] != "n"):
        return "no noun at the end"
    return None


def generic(phrase: str, glossary: Glossary) -> bool:
    return why_generic(phrase, glossary) is not None


def noun_phrase(phrase: str, glossary: Glossary) -> bool:
    """Reads as a topic, not a verb phrase: a first word in -ing/-ed ("enhancing visual",
    "improved reasoning") only where the glossary has it as a noun or has the whole phrase."""
    ws = words_of(phrase)
    if len(ws) < 2 or glossary.get(" ".join(ws)) is not None:
        return True
    first = ws[0]
    if first.endswith(("ing", "ed")):
        hit = glossary.get(first)
        return hit is not None and hit[1] == "n"
    return True


@dataclass(frozen=True)
class Term:
    """A name as a paper writes it (``en``) and the glossary's Korean for it (``ko``)."""

    en: str
    ko: str | None = None

    @property
    def korean(self) -> bool:
        return self.ko is not None

    @property
    def shown(self) -> str:
        return f"'{self.ko}({self.en})'" if self.ko else f"'{self.en}'"

    def josa(self, pair: str) -> str:
        """Shown with the particle its Korean reading takes: '추론(reasoning)'은."""
        said = self.ko or self.en
        return self.shown + josa(said, pair)[len(said) :]


def term(en: str, glossary: Glossary) -> Term:
    """``en`` in Korean where the glossary has the whole phrase as a noun; a name
    ("Mamba", "CLIP") or a phrase the glossary lacks stays as written."""
    if len(en.split()) == 1 and is_name(en):
        return Term(en)
    hit = glossary.get(" ".join(en.split()))
    if hit is None or hit[1] != "n" or hit[0].casefold() == en.casefold():
        return Term(en)
    return Term(en, hit[0])


def expand(word: str, phrases: Iterable[set[str]], glossary: Glossary) -> str | None:
    """The noun phrase an adjective keyword stands for in these papers ("continual" ->
    "continual learning"): the specific two-word phrase starting with it that most papers
    share (at least two); None when there is none."""
    counts: dict[str, int] = {}
    for ps in phrases:
        for ph in ps:
            ws = ph.split()
            if len(ws) == 2 and ws[0] == word.lower() and not generic(ph, glossary):
                counts[ph] = counts.get(ph, 0) + 1
    best = sorted(counts, key=lambda ph: (-counts[ph], glossary.get(ph) is None, ph))
    return best[0] if best and counts[best[0]] >= 2 else None
