"""Quality gate for the Korean reports: grounding, structure, language, degeneration, injection.

Pure functions over text; no model is loaded. The summarize stage calls :func:`check_line` on
every generated part to decide between retry and accept, and :func:`check_sections` on the
finished five parts to get the :class:`QualityReport` stored with the summary and written to
``digest_<date>.json``. ``localdigest check`` and ``bench/quality.py`` run the same checks on
written digests.

Grounding, in short: the Korean text may only use numbers and Latin-script terms that occur in
the category's titles/abstracts or in its own name and keywords.

* A **term** is a run of Latin letters and digits joined by ``- / . _`` (``CLIP-ViT-L/14``,
  ``GPT-4``, ``Llama-3-8B-Instruct``). Hangul glued to it is never part of it, so particles
  (``LLM의``, ``LoRA를``) fall away by construction. It is grounded when its pieces, lowercased
  and with a plural ``s`` dropped, occur as a contiguous run of a source's pieces (so hyphen,
  slash and space variants match: ``CLIP ViT`` = ``CLIP-ViT``), or when its pieces written
  together equal a contiguous run of source pieces written together (``GPT4`` = ``GPT-4``).
* A **number** is digits with an optional decimal part and thousands commas, and an optional
  scale: ``K M B T`` (``0.3B`` = 3e8), ``thousand million billion trillion`` in sources, and the
  Korean ``조 억 만 천 백`` (``10억`` = 1e9, ``3천만`` = 3e7, ``1억 2천만`` = 1.2e8). ``%``,
  ``x`` and ``배`` do not change the value. A number is grounded when its *value* equals the
  value of a number in the sources, so ``3억`` is grounded by "0.3B" and ``10억`` is not.
  Sources are read generously: every digit run counts, also inside terms (``Llama-3-8B`` gives
  3, 8 and 8e9), and the English words one to twenty.
  Numbers spelled in Korean words (``세 가지``) are not checked.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass, field
from typing import Protocol

from .injection import _INSTRUCTION
from .sentence import Sentence

# Thresholds of issue 6.
MIN_HANGUL = 0.6
MIN_DISTINCT3 = 0.85
MAX_REPEAT = 0.5  # share of a part's word 3-grams already written by an earlier part
PARTS = 5

_HANGUL = re.compile(r"[\uac00-\ud7a3]")
_LETTER = re.compile(r"[^\W\d_]")
_LATIN = "A-Za-z\u00c0-\u024f"
_ALNUM = f"{_LATIN}0-9"
# A term or number: alphanumerics joined by - / . _ (only between alphanumerics) or by a
# thousands comma between digits ("1,000"; "LoRA,QLoRA" stays two terms).
_CHUNK = re.compile(
    rf"[{_ALNUM}]+(?:(?:[-/._](?=[{_ALNUM}])|(?<=[0-9]),(?=[0-9]{{3}}(?![0-9])))[{_ALNUM}]+)*"
)
_PIECE = re.compile(rf"[{_ALNUM}]+")
_NUMBER_CHUNK = re.compile(r"^(?P<num>\d[\d,]*(?:\.\d+)?)(?P<suffix>[A-Za-z]*)$")
_KO_SCALE = re.compile(r"[조억만천백]+")
_KO_NEXT = re.compile(r"\s?(\d+(?:\.\d+)?)([조억만천백]+)")
_KO_VALUES = {"조": 1e12, "억": 1e8, "만": 1e4, "천": 1e3, "백": 1e2}
_SCALE = {"K": 1e3, "M": 1e6, "B": 1e9, "T": 1e12}
_SCALE_WORDS = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}
_TIMES = {"x", "X"}
_SOURCE_NUMBER = re.compile(
    r"(\d{1,3}(?:,\d{3})+(?!\d)|\d+(?:\.\d+)?)\s?"
    r"(?:(?P<scale>[KMBT])(?![a-z])|(?P<word>thousand|million|billion|trillion)\b)?",
)
_NUMBER_WORDS = {
    w: float(i)
    for i, w in enumerate(
        "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
        "fifteen sixteen seventeen eighteen nineteen twenty".split()
    )
}
_NUMBER_WORDS.update({"single": 1.0, "twice": 2.0, "double": 2.0, "triple": 3.0, "dozen": 12.0})
_WORD = re.compile(r"[A-Za-z]+")
_GLUE = re.compile(r"(?<=[a-z])(?=[A-Z])|(?<=[0-9])(?=[A-Za-z])")
MAX_RUN = 8  # longest term (in pieces) looked up in the n-gram index; longer ones are scanned


# --- grounding --------------------------------------------------------------------------------


def _norm_piece(piece: str) -> str:
    """Lowercase; a plural 's' dropped ("LLMs" = "LLM", "models" = "model"; "loss" stays)."""
    p = piece.lower()
    if len(p) > 3 and p.endswith("s") and not p.endswith("ss") and p[-2].isalpha():
        p = p[:-1]
    return p


def _pieces(text: str) -> list[str]:
    return [_norm_piece(p) for p in _PIECE.findall(text)]


def _number(text: str) -> float:
    return float(text.replace(",", ""))


def _same(a: float, b: float) -> bool:
    return math.isclose(a, b, rel_tol=1e-9, abs_tol=1e-12)


@dataclass(frozen=True)
class Token:
    """A number or Latin-script term found in a text; ``value`` is set for numbers."""

    surface: str
    value: float | None = None

    @property
    def is_number(self) -> bool:
        return self.value is not None


def tokens(text: str) -> list[Token]:
    """The numbers and Latin-script terms of a (Korean) text, in order."""
    out: list[Token] = []
    pos = 0
    while True:
        m = _CHUNK.search(text, pos)
        if m is None:
            return out
        chunk, end = m.group(), m.end()
        num = _NUMBER_CHUNK.match(chunk)
        suffix = num["suffix"] if num else ""
        if num is None or (suffix and suffix not in _SCALE and suffix not in _TIMES):
            # A term: starts with a letter, holds a separator ("3-8B", "2024-10-27"), or is
            # digits with a suffix that is no scale ("3D", "A800" starts with a letter anyway).
            out.append(Token(chunk))
            pos = end
            continue
        value = _number(num["num"]) * _SCALE.get(num["suffix"], 1.0)
        surface = chunk
        if not num["suffix"]:
            # Korean scales glued on, possibly chained: "10억", "3천만", "1억 2천만".
            ko = _KO_SCALE.match(text, end)
            if ko:
                value = value * math.prod(_KO_VALUES[c] for c in ko.group())
                end = ko.end()
                last = math.prod(_KO_VALUES[c] for c in ko.group())
                while nxt := _KO_NEXT.match(text, end):
                    scale = math.prod(_KO_VALUES[c] for c in nxt.group(2))
                    if scale >= last:
                        break
                    value += float(nxt.group(1)) * scale
                    last, end = scale, nxt.end()
                surface = text[m.start() : end]
        out.append(Token(surface.strip(), value))
        pos = end


class SourceIndex:
    """What a category's texts allow: numbers (as values) and term piece runs.

    Build it once per category and reuse it for every generated part; building it is linear in
    the size of the sources, a lookup is a few set probes.
    """

    def __init__(self, sources: Iterable[str], extra_terms: Iterable[str] = ()):
        self.values: list[float] = []
        self.runs: set[tuple[str, ...]] = set()
        self.joined: set[str] = set()
        self.piece_lists: list[list[str]] = []
        for text in [*sources, *extra_terms]:
            self._add(text or "")
        self._value_set = set(self.values)

    def _add(self, text: str) -> None:
        for m in _SOURCE_NUMBER.finditer(text):
            base = _number(m.group(1))
            self.values.append(base)
            if m["scale"]:
                self.values.append(base * _SCALE[m["scale"]])
            if m["word"]:
                self.values.append(base * _SCALE_WORDS[m["word"]])
        for w in _WORD.findall(text):
            if w.lower() in _NUMBER_WORDS:
                self.values.append(_NUMBER_WORDS[w.lower()])
            elif w.lower() in _SCALE_WORDS:  # "a million", "billions of"
                self.values.append(_SCALE_WORDS[w.lower()])
        pieces = _pieces(text)
        self.piece_lists.append(pieces)
        # Glued words in abstracts ("8timesA800" gives "A800") also yield their parts.
        for raw in _PIECE.findall(text):
            for part in _GLUE.split(raw):
                if part and part != raw:
                    self.runs.add((_norm_piece(part),))
                    self.joined.add(_norm_piece(part))
        n = len(pieces)
        for i in range(n):
            for k in range(1, min(MAX_RUN, n - i) + 1):
                run = tuple(pieces[i : i + k])
                self.runs.add(run)
                if k <= 4:
                    self.joined.add("".join(run))

    def has_value(self, value: float) -> bool:
        return value in self._value_set or any(_same(value, v) for v in self.values)

    def has_term(self, term: str) -> bool:
        pieces = tuple(_pieces(term))
        if not pieces:
            return True
        if "".join(pieces) in self.joined:
            return True
        if len(pieces) <= MAX_RUN:
            return pieces in self.runs
        k = len(pieces)
        return any(
            tuple(ps[i : i + k]) == pieces for ps in self.piece_lists for i in range(len(ps))
        )

    def grounded(self, token: Token) -> bool:
        return self.has_value(token.value) if token.is_number else self.has_term(token.surface)

    def ungrounded(self, text: str) -> list[str]:
        """Surfaces of the text's numbers and terms the sources do not hold, first seen first."""
        out: list[str] = []
        for tok in tokens(text):
            if not self.grounded(tok) and tok.surface not in out:
                out.append(tok.surface)
        return out


def report_terms(name: str, keywords: Sequence[str]) -> list[str]:
    """Words a category's report may use besides its papers' text: the category's own name and
    keywords, "AI", which the model writes as 인공지능(AI) whatever the papers say, and "arXiv",
    which composed sentences name when they count a paper's arXiv categories. One
    list for the gate while writing and for `localdigest check` afterwards."""
    return [name, *keywords, "AI", "arXiv"]


def grounding(text: str, sources: Sequence[str], extra_terms: Sequence[str] = ()) -> list[str]:
    """The ungrounded numbers and Latin-script terms of ``text`` (see the module docstring)."""
    return SourceIndex(sources, extra_terms).ungrounded(text)


# --- language, degeneration, structure --------------------------------------------------------


def hangul_ratio(text: str) -> float:
    """Share of the letters that are Hangul syllables; 0.0 for a text without letters."""
    letters = _LETTER.findall(text)
    return len(_HANGUL.findall(text)) / len(letters) if letters else 0.0


def distinct3(text: str) -> float:
    """Distinct word 3-grams / all word 3-grams; 1.0 for texts of fewer than three words."""
    words = text.split()
    if len(words) < 3:
        return 1.0
    grams = list(zip(words, words[1:], words[2:], strict=False))
    return len(set(grams)) / len(grams)


def _grams(text: str) -> list[tuple[str, ...]]:
    words = text.casefold().split()
    return list(zip(words, words[1:], words[2:], strict=False))


def repeats(text: str, earlier: Sequence[str]) -> float:
    """Share of text's word 3-grams that an earlier part already has (0.0: all new). Catches
    a conclusion that restates the impact part, which distinct3 within one part cannot see."""
    grams = _grams(text)
    if not grams:
        return 0.0
    seen = {g for e in earlier for g in _grams(e)}
    return sum(g in seen for g in grams) / len(grams)


def structure_ok(sections: object) -> bool:
    """Exactly five parts, each a non-empty string."""
    return (
        isinstance(sections, Sequence)
        and not isinstance(sections, str)
        and len(sections) == PARTS
        and all(isinstance(s, str) and s.strip() for s in sections)
    )


def _squash(text: str) -> str:
    return " ".join(text.split()).casefold()


def short_name(title: str, words: int = 4) -> str:
    """The name a paper goes by: the part before ':' or ' -- ' ("LOGO", "BenTo"), when short;
    otherwise the first ``words`` words of the title."""
    title = " ".join(title.split())
    for sep in (":", " -- ", " — ", " - "):
        head = title.split(sep, 1)[0].strip()
        if head != title and 0 < len(head.split()) <= 6:
            return head
    return " ".join(title.split()[:words]).rstrip(" ?!.,;")


_TRAILING = {
    "a",
    "an",
    "and",
    "for",
    "from",
    "in",
    "of",
    "on",
    "the",
    "to",
    "via",
    "with",
    "by",
    "at",
}


# Words that tell no paper apart at the start of a title ("On the Effectiveness of ...").
_UNTELLING = _TRAILING | set(
    """is are do does can how what when why not be as into through beyond toward towards its
    their our we it this that these those all any analyzing analysing exploring rethinking
    revisiting investigating evaluating implementation improving enhancing leveraging
    understanding effectiveness impact role diverse effective efficient novel new simple
    general unified robust""".split()
)
MAX_NAME_WORDS = 9


def paper_name(title: str) -> str:
    """How a report names a paper: its short name (:func:`short_name`) without trailing
    function words ("Sentiment Analysis on the" -> "Sentiment Analysis"). A short name cut
    from the title's first words that says nothing ("On the Effectiveness", "Analyzing the
    Impact") takes title words until two of them tell the paper apart."""
    words = short_name(title).split()
    full = " ".join(title.split()).split()
    if words == full[: len(words)] and len(words) < len(full):

        def telling(w: str) -> bool:
            w = w.strip(",.;:?!()'\"").lower()
            return len(w) >= 3 and w not in _UNTELLING

        while len(words) < min(len(full), MAX_NAME_WORDS) and sum(map(telling, words)) < 2:
            words = full[: len(words) + 1]
    while len(words) > 1 and words[-1].lower() in _TRAILING:
        words.pop()
    return " ".join(words).rstrip(" ?!.,;:")


def _count(haystack: str, needle: str) -> int:
    """Occurrences of needle not glued to other Latin letters or digits (Hangul may follow)."""
    if not needle:
        return 0
    pattern = rf"(?<![{_ALNUM}]){re.escape(needle)}(?![{_ALNUM}])"
    return len(re.findall(pattern, haystack))


def papers_mentioned(part3: str, titles: Sequence[str]) -> list[bool]:
    """Per title: is the paper mentioned once in part 3?

    Case and spacing are ignored; lines are counted, not occurrences: a paper's own line may
    say its title again (a floor line quoting an abstract that opens with the title: "TextArena:
    초록의 요지: “TextArena is …”", 2025-04-16), which is one mention. A paper whose line starts
    with its full title is mentioned when exactly one line does (two lines mean it was listed
    twice); otherwise exactly one line must hold the full title, or some line its short name
    (:func:`short_name`).
    """
    lines = [_squash(x).lstrip("- ") for x in part3.splitlines() if x.strip()]
    out = []
    for title in titles:
        full = _squash(title)
        # the title, then no Latin letter or digit: "LOGO" does not lead "LOGOS: ..."
        lead = sum(x.startswith(full) and _count(x[: len(full) + 1], full) > 0 for x in lines)
        if lead:
            out.append(lead == 1)
            continue
        holding = sum(_count(x, full) > 0 for x in lines)
        short = _squash(short_name(title))
        out.append(holding == 1 if holding else any(_count(x, short) for x in lines))
    return out


def _strip_titles(text: str, titles: Sequence[str]) -> str:
    """Part 3 quotes the titles; they are data, not generated text, so language and
    repetition are measured without them."""
    for title in sorted(titles, key=len, reverse=True):
        if title.strip():
            text = re.sub(
                re.escape(" ".join(title.split())), " ", " ".join(text.split()), flags=re.I
            )
    return text


# --- the gate ---------------------------------------------------------------------------------


class PaperLike(Protocol):
    title: str
    abstract: str


# A one-line part that announces a list ("다음과 같습니다") promises text that never follows.
_ANNOUNCES = re.compile(r"(?:다음|아래)(?:과|와)\s*같")


def check_line(
    text: str,
    sources: Sequence[str] = (),
    extra_terms: Sequence[str] = (),
    *,
    index: SourceIndex | None = None,
) -> list[str]:
    """Failures of one generated part (empty list: accept). Each starts with the check's name:
    ``empty``, ``hangul``, ``distinct3``, ``ungrounded``, ``injection``, ``dangling``.

    Pass ``index`` (a :class:`SourceIndex` built once per category) to skip rebuilding it.
    """
    if not text.strip():
        return ["empty"]
    failures = []
    ratio = hangul_ratio(text)
    if ratio < MIN_HANGUL:
        failures.append(f"hangul {ratio:.2f}<{MIN_HANGUL}")
    d3 = distinct3(text)
    if d3 < MIN_DISTINCT3:
        failures.append(f"distinct3 {d3:.2f}<{MIN_DISTINCT3}")
    index = index or SourceIndex(sources, extra_terms)
    if bad := index.ungrounded(text):
        failures.append("ungrounded " + ", ".join(bad))
    if found := _INSTRUCTION.findall(text):
        failures.append("injection " + ", ".join(found))
    if found := _ANNOUNCES.search(text):
        failures.append(f"dangling '{found.group(0)}'")
    return failures


# A fallback is a failure: a category (and a day) passes only while at most this share of its
# units (each sentence of parts 1, 2, 4, 5 and each part-3 line) fell back. 5 %: one fallback
# line in a 20-paper category passes, one in a 3-paper category does not (issue 11).
MAX_FALLBACK_SHARE = 0.05
# Numbers a composed ("facts") sentence may state without a source text: counts the code made
# (N편 papers, N일 days, N개 arXiv categories). Any other number must be found in its papers.
_COUNT = re.compile(r"\d+(?=\s?(?:편|일|개))")
_QUOTED = re.compile(r"\"[^\"]*\"|'[^']*'|“[^”]*”|‘[^’]*’")
_URL = re.compile(r"(?:https?://|www\.)\S+|\b[\w.-]+\.(?:com|org|io|ai|net)/\S*")


@dataclass
class QualityReport:
    hangul_ratio: float  # lowest over the units (each sentence of parts 1, 2, 4, 5, each line)
    ungrounded_tokens: list[str]
    distinct3: float  # lowest over the same units
    papers_mentioned: int
    papers_total: int
    attempts: int = 1
    fallback: bool = False
    passed: bool = False
    failures: list[str] = field(default_factory=list)
    units: int = 0  # sentences of parts 1, 2, 4, 5 plus part-3 lines
    fallback_units: int = 0
    unsourced: int = 0  # sentences of parts 1, 2, 4, 5 without a source paper
    floor_lines: int = 0  # part-3 lines built from the paper's own words (floor.py)
    model_lines: int = 0  # part-3 lines written by a model and kept by the faithfulness check
    models: list[str] = field(default_factory=list)  # which model(s) wrote them

    @property
    def fallback_share(self) -> float:
        return self.fallback_units / self.units if self.units else 0.0

    def to_dict(self) -> dict:
        """The ``quality`` object of a category in ``digest_<date>.json``."""
        d = asdict(self)
        d["hangul_ratio"] = round(self.hangul_ratio, 3)
        d["distinct3"] = round(self.distinct3, 3)
        keys = (
            "hangul_ratio",
            "ungrounded_tokens",
            "distinct3",
            "papers_mentioned",
            "attempts",
            "fallback",
            "units",
            "fallback_units",
            "unsourced",
            "floor_lines",
            "model_lines",
            "models",
            "passed",
            "failures",
        )
        return {k: d[k] for k in keys}


def as_report(sections: object) -> list[list[Sentence]]:
    """A report as five lists of Sentences; a legacy report (five strings) becomes one
    sentence per part (part 3: one per line) with no sources, marked by="legacy"."""
    if isinstance(sections, str) or not isinstance(sections, Sequence):
        return []
    out = []
    for n, part in enumerate(sections, start=1):
        if isinstance(part, str):
            lines = part.splitlines() if n == 3 else [part]
            out.append([Sentence(x.lstrip("- ").strip(), (), "legacy") for x in lines if x.strip()])
        elif isinstance(part, Sequence):
            out.append([s if isinstance(s, Sentence) else Sentence.from_dict(s) for s in part])
        else:
            out.append([])
    return out


def shown_text(text: str, titles: Sequence[str]) -> str:
    """What a sentence says in its own words: quoted copies, links and paper titles/names are
    data, not writing, so language and repetition are measured without them."""
    # names first: a title's own quote marks ("Gatsby Without the 'E'", "Chatbot's") would
    # otherwise pair with another's and hide where a quoted span ends
    names = [*titles, *(paper_name(t) for t in titles)]
    text = _strip_titles(text, names)
    return _URL.sub(" ", _QUOTED.sub(" ", text))


def _composed_numbers_removed(text: str) -> str:
    return _COUNT.sub(" ", text)


def check_sections(
    sections: Sequence,
    papers: Sequence[PaperLike],
    extra_terms: Sequence[str] = (),
    attempts: int = 1,
    fallback: bool = False,
) -> QualityReport:
    """The gate for one category's report: five parts of Sentences (a legacy report of five
    strings is read as unsourced sentences). ``fallback`` marks the report as fallen back
    whatever its sentences say (kept for callers that know it from elsewhere)."""
    titles = [p.title for p in papers]
    ids = {getattr(p, "id", None) for p in papers}
    texts = {
        getattr(p, "id", None): [p.title, p.abstract, getattr(p, "comment", None) or ""]
        for p in papers
    }
    index = SourceIndex([t for ts in texts.values() for t in ts], extra_terms)
    report = as_report(sections)
    failures: list[str] = []
    if len(report) != PARTS or not all(report):
        empty = [str(i) for i, part in enumerate(report, 1) if not part]
        failures.append(
            f"structure: {len(report)} parts"
            + (f", part {', '.join(empty)} empty" if empty else "")
        )
    units: list[tuple[str, Sentence, str]] = []  # (label, sentence, its own words)
    for n, part in enumerate(report, start=1):
        for i, s in enumerate(part, start=1):
            label = f"part {n} line {i}" if n == 3 else f"part {n}.{i}"
            own = _strip_titles(s.text, titles) if n == 3 else shown_text(s.text, titles)
            units.append((label, s, own.lstrip(" -:")))
    # Korean share is a gate for written text; a floor line copies the paper's English names
    # and terms on purpose (its Korean is grammar around them), so it is not measured.
    ratios = [
        (hangul_ratio(own), label) for label, s, own in units if own.strip() and s.by != "floor"
    ]
    d3s = [(distinct3(s.text), label) for label, s, _ in units]
    ratio, ratio_at = min(ratios, default=(1.0, "no written text"))
    d3, d3_at = min(d3s, default=(1.0, ""))
    if ratio < MIN_HANGUL:
        failures.append(f"hangul {ratio:.2f}<{MIN_HANGUL} ({ratio_at})")
    if d3 < MIN_DISTINCT3:
        failures.append(f"distinct3 {d3:.2f}<{MIN_DISTINCT3} ({d3_at})")
    shown = [" ".join(x.text for x in part) for part in report]
    summary_parts = [t for i, t in enumerate(shown) if i != 2]  # parts 1, 2, 4, 5
    for k in range(1, len(summary_parts)):
        share = repeats(summary_parts[k], summary_parts[:k])
        if share > MAX_REPEAT:
            failures.append(f"repeat {share:.2f}>{MAX_REPEAT} (part {(1, 2, 4, 5)[k]})")
    ungrounded: list[str] = []
    unsourced = 0
    for label, s, _ in units:
        text = s.text
        if s.by == "facts":
            # a composed sentence rests on its cited papers only; its counts were computed
            cited = [t for pid in s.sources for t in texts.get(pid, [])]
            found = SourceIndex(cited, extra_terms).ungrounded(_composed_numbers_removed(text))
        else:
            found = index.ungrounded(text)
        ungrounded += [t for t in found if t not in ungrounded]
        if not label.startswith("part 3") and not s.sources:
            unsourced += 1
        if foreign := [pid for pid in s.sources if pid not in ids]:
            failures.append(f"foreign source {', '.join(foreign)} ({label})")
        if _INSTRUCTION.search(text):
            failures.append(f"injection ({label})")
    if ungrounded:
        failures.append("ungrounded " + ", ".join(ungrounded))
    if unsourced:
        failures.append(f"unsourced {unsourced} sentence(s) in parts 1, 2, 4, 5")
    part3 = "\n".join(s.text for s in report[2]) if len(report) >= 3 else ""
    mentioned = papers_mentioned(part3, titles)
    if not all(mentioned):
        missing = [short_name(t) for t, ok in zip(titles, mentioned, strict=True) if not ok]
        failures.append(f"papers {sum(mentioned)}/{len(titles)}, missing: " + "; ".join(missing))
    fallback_units = sum(s.by == "fallback" for _, s, _ in units)
    lines = report[2] if len(report) >= 3 else []
    models = sorted({s.by.split(":", 1)[1] for s in lines if s.by.startswith("model:")})
    share = fallback_units / len(units) if units else 0.0
    if share > MAX_FALLBACK_SHARE:
        failures.append(
            f"fallback {fallback_units}/{len(units)} = {share:.0%} > {MAX_FALLBACK_SHARE:.0%}"
        )
    return QualityReport(
        hangul_ratio=ratio,
        ungrounded_tokens=ungrounded,
        distinct3=d3,
        papers_mentioned=sum(mentioned),
        papers_total=len(titles),
        attempts=attempts,
        fallback=fallback or fallback_units > 0,
        passed=not failures,
        failures=failures,
        units=len(units),
        fallback_units=fallback_units,
        unsourced=unsourced,
        floor_lines=sum(s.by == "floor" for s in lines),
        model_lines=sum(s.by.startswith("model:") for s in lines),
        models=models,
    )


# --- boilerplate across the categories of a day ---------------------------------------------


def masked(text: str, terms: Sequence[str]) -> str:
    """The sentence with the category's own words (name, Korean name, keywords) masked, so two
    categories saying the same thing about different topics read the same."""
    text = " ".join(text.split()).casefold()
    for term in sorted({t.casefold() for t in terms if t and t.strip()}, key=len, reverse=True):
        text = text.replace(term, "◇")
    return text


def repeated_across(categories: Sequence[tuple[Sequence[str], Sequence]]) -> dict[int, list[str]]:
    """Sentences that, with each category's own words masked, appear in more than one category
    of the day: category index -> those sentences (as written there). ``categories``: (terms to
    mask, report) per category."""
    seen: dict[str, set[int]] = {}
    written: dict[tuple[int, str], str] = {}
    for i, (terms, sections) in enumerate(categories):
        for part in as_report(sections):
            for s in part:
                key = masked(s.text, terms)
                seen.setdefault(key, set()).add(i)
                written[(i, key)] = s.text
    out: dict[int, list[str]] = {}
    for key, where in seen.items():
        if len(where) > 1:
            for i in sorted(where):
                out.setdefault(i, []).append(written[(i, key)])
    return out
