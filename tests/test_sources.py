"""Input readers, replayed against real arXiv responses recorded in tests/fixtures."""

from __future__ import annotations

import json
import sys
import types
from datetime import datetime, timezone
from pathlib import Path
from types import SimpleNamespace

import pytest

from localdigest.errors import ConfigError, FetchError, InputError
from localdigest.paper import Paper
from localdigest.sources import READERS, LoadResult, detect_format, iter_records, live, load

FIXTURES = Path(__file__).parent / "fixtures"


def fx(name: str) -> str:
    return str(FIXTURES / name)


def papers_and_errors(path: str, fmt: str | None = None) -> tuple[list[Paper], list[InputError]]:
    records = list(iter_records(path, fmt))
    return (
        [r for r in records if isinstance(r, Paper)],
        [r for r in records if isinstance(r, InputError)],
    )


def rec(paper_id: object, **fields: object) -> dict[str, object]:
    """A valid normalized record; override fields to break it."""
    row: dict[str, object] = {
        "id": paper_id,
        "title": f"Title of {paper_id}",
        "abstract": f"Abstract of {paper_id}.",
        "authors": ["Ada Lovelace", "Alan Turing"],
        "categories": ["cs.CL", "cs.AI"],
        "published": "2025-04-01",
        "comment": None,
    }
    row.update(fields)
    return row


def write_jsonl(path: Path, rows: list[dict[str, object] | str | bytes]) -> str:
    with open(path, "wb") as f:
        for row in rows:
            if isinstance(row, dict):
                row = json.dumps(row)
            f.write(row if isinstance(row, bytes) else row.encode("utf-8"))
            f.write(b"\n")
    return str(path)


# --- format detection ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "fmt"),
    [
        ("arxiv_api_search10.xml", "atom"),
        ("arxiv_api_error.xml", "atom"),
        ("arxiv_api_empty.xml", "atom"),
        ("arxiv_api_legacy2016.xml", "atom"),
        ("rss_slice.xml", "rss"),
        ("rss_empty.xml", "rss"),
        ("rss_error.xml", "rss"),
        ("kaggle_head.jsonl", "kaggle"),
    ],
)
def test_detect_format_fixtures(name: str, fmt: str) -> None:
    assert detect_format(fx(name)) == fmt


def test_detect_format_sniffs_content_not_extension(tmp_path: Path) -> None:
    normalized = write_jsonl(tmp_path / "papers.txt", [rec("2501.00001")])
    assert detect_format(normalized) == "jsonl"
    disguised = tmp_path / "feed.json"
    disguised.write_bytes((FIXTURES / "rss_slice.xml").read_bytes())
    assert detect_format(str(disguised)) == "rss"
    # A broken first line does not hide the format of the lines after it.
    kaggle = tmp_path / "snap.data"
    lines = (FIXTURES / "kaggle_head.jsonl").read_text(encoding="utf-8").splitlines()[:2]
    kaggle.write_text("{broken\n" + "\n".join(lines) + "\n", encoding="utf-8")
    assert detect_format(str(kaggle)) == "kaggle"


@pytest.mark.parametrize(
    "content",
    [
        "<?xml version='1.0'?><note><to>Tove</to><body>Hi</body></note>",
        "<!DOCTYPE html>\n<html><head><meta charset=utf-8><title>arXiv</title></head></html>",
        "<html><body><p>arxiv.org is down</p></body></html>",
        # Atom, but not from arXiv.
        '<feed xmlns="http://www.w3.org/2005/Atom"><title>My blog</title></feed>',
    ],
)
def test_xml_that_is_not_an_arxiv_feed(tmp_path: Path, content: str) -> None:
    path = tmp_path / "page.xml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(InputError, match="not an arXiv Atom or RSS feed") as err:
        detect_format(str(path))
    assert err.value.path == str(path)
    with pytest.raises(InputError, match="not an arXiv Atom or RSS feed"):
        load([str(path)])


def test_forced_format_checks_the_root(tmp_path: Path) -> None:
    path = tmp_path / "note.xml"
    path.write_text("<note><to>Tove</to></note>", encoding="utf-8")
    with pytest.raises(InputError, match="not an arXiv Atom feed"):
        list(iter_records(str(path), "atom"))
    with pytest.raises(InputError, match="not an arXiv RSS feed"):
        list(iter_records(str(path), "rss"))


def test_unknown_format_name_lists_known_ones() -> None:
    with pytest.raises(ConfigError, match="unknown input format 'csv'") as err:
        iter_records(fx("kaggle_head.jsonl"), "csv")
    for name in READERS:
        assert name in str(err.value)


# --- arXiv API (Atom) ------------------------------------------------------------------


def test_atom_search_results() -> None:
    papers, errors = papers_and_errors(fx("arxiv_api_search10.xml"))
    assert errors == []
    assert len(papers) == 10
    assert all("v" not in p.id for p in papers)
    first = papers[0]
    assert first.id == "2202.12139"
    assert first.version == 1
    assert first.title.startswith("Testing Deep Learning Models: A First Comparative Study")
    assert first.abstract.startswith("Deep Learning (DL) has revolutionized")
    assert first.authors == ["Mohit Kumar Ahuja", "Arnaud Gotlieb", "Helge Spieker"]
    assert first.categories == ["cs.SE", "cs.LG"]
    assert first.published == "2022-02-24"
    assert first.comment == "Artificial Intelligence in Software Testing 2022 workshop @ ICST 2022"
    assert first.source == f"{fx('arxiv_api_search10.xml')}:10"
    assert [p.version for p in papers][:4] == [1, 1, 2, 3]


def test_atom_legacy_hard_wrapped_text_is_collapsed() -> None:
    [paper] = load([fx("arxiv_api_legacy2016.xml")]).papers.values()
    assert paper.id == "1111.2011"
    assert paper.version == 2
    assert paper.title == (
        "Quantum Criticality for Extended Nodes on a Bethe Lattice in the Large Connectivity Limit"
    )
    assert "\n" not in paper.abstract and "  " not in paper.abstract
    assert paper.abstract.startswith("Theoretical description of anisotropic systems")
    # Primary category comes first even though it is listed after the entry's categories.
    assert paper.categories == ["cond-mat.str-el", "cond-mat.stat-mech"]
    assert paper.published == "2011-11-08"


def test_atom_error_entry_carries_arxiv_message() -> None:
    papers, errors = papers_and_errors(fx("arxiv_api_error.xml"))
    assert papers == []
    [error] = errors
    assert "arXiv API error: incorrect id format for abc" in str(error)
    assert error.path == fx("arxiv_api_error.xml")
    assert error.line == 9
    result = load([fx("arxiv_api_error.xml")])
    assert result.papers == {} and len(result.skipped) == 1 and result.read == 1
    with pytest.raises(InputError, match="incorrect id format for abc"):
        load([fx("arxiv_api_error.xml")], strict=True)


def test_atom_empty_feed() -> None:
    assert list(iter_records(fx("arxiv_api_empty.xml"))) == []


def test_truncated_xml_names_the_line(tmp_path: Path) -> None:
    text = (FIXTURES / "arxiv_api_search10.xml").read_text(encoding="utf-8")
    path = tmp_path / "cut.xml"
    path.write_text(text[: len(text) // 2], encoding="utf-8")
    with pytest.raises(InputError, match="invalid XML") as err:
        load([str(path)])
    assert err.value.line is not None and err.value.line > 1


# --- arXiv RSS -------------------------------------------------------------------------


def test_rss_slice_new_cross_and_replace() -> None:
    papers, errors = papers_and_errors(fx("rss_slice.xml"))
    assert errors == []
    assert len(papers) == 30
    dated = [p for p in papers if p.published]
    assert len(dated) == 26  # 22 new + 4 cross; the 4 replacements are not new that day
    assert all(p.published == "2024-11-28" for p in dated)
    assert all("v" not in p.id for p in papers)
    by_id = {p.id: p for p in papers}

    new = by_id["2411.17700"]
    assert new.version == 1
    assert new.categories == ["cs.CY"]
    assert new.authors == ["Jun Cui"]
    assert new.abstract.startswith("This study investigates the influence of generative")
    assert new.title.startswith("Exploring the Impact of Generative AI")
    assert new.source == f"{fx('rss_slice.xml')}:17"

    cross = by_id["2202.06515"]
    assert cross.version == 3
    assert cross.categories == ["astro-ph.CO", "astro-ph.GA", "physics.flu-dyn"]
    assert cross.authors == ["Zhijie Xu"]

    replace = by_id["1401.3665"]
    assert replace.version == 4
    assert replace.published is None  # a revision of an old paper is not new today
    assert new.published == cross.published == "2024-11-28"
    assert replace.abstract.startswith("We prove the existence conjecture for combinatorial")
    for p in papers:
        assert "Announce Type" not in p.abstract and not p.abstract.startswith("arXiv:")


def test_rss_creator_list_is_split() -> None:
    papers, _ = papers_and_errors(fx("rss_slice.xml"))
    many = [p for p in papers if len(p.authors) > 3]
    assert many, "the slice has multi-author items"
    assert all("," not in name for p in papers for name in p.authors)


def test_rss_error_feed_is_one_line_with_arxiv_reason() -> None:
    with pytest.raises(InputError) as err:
        list(iter_records(fx("rss_error.xml")))
    message = str(err.value)
    assert "Bad archive 'astroph'" in message
    assert message.startswith(fx("rss_error.xml"))
    assert "\n" not in message
    with pytest.raises(InputError, match="Bad archive"):
        load([fx("rss_error.xml")])


def test_rss_empty_feed() -> None:
    result = load([fx("rss_empty.xml")])
    assert result == LoadResult(papers={}, skipped=[], read=0)


# --- streaming XML ---------------------------------------------------------------------


def big_feed(path: Path, kind: str, items: int, abstract_chars: int) -> str:
    """A well-formed arXiv RSS or Atom feed of `items` distinct papers, one record per 4 lines."""
    if kind == "rss":
        head = (
            '<rss xmlns:dc="http://purl.org/dc/elements/1.1/" version="2.0"><channel>\n'
            "<title>cs updates on arXiv.org</title>\n"
            "<pubDate>Thu, 03 Apr 2025 00:00:00 -0400</pubDate>\n"
        )
        tail = "</channel></rss>\n"
    else:
        head = '<feed xmlns="http://www.w3.org/2005/Atom">\n<title>arXiv Query</title>\n\n'
        tail = "</feed>\n"
    with path.open("w", encoding="utf-8") as f:
        f.write(head)
        for i in range(items):
            pid = f"2504.{i:05d}"
            text = f"Paper {i} studies " + "x" * abstract_chars
            if kind == "rss":
                f.write(
                    f"<item><title>Title {i}</title>\n<description>arXiv:{pid}v1 Announce Type: "
                    f"new Abstract: {text}</description>\n<category>cs.CL</category>\n"
                    f"<dc:creator>Ada Lovelace</dc:creator></item>\n"
                )
            else:
                f.write(
                    f"<entry><id>http://arxiv.org/abs/{pid}v1</id><title>Title {i}</title>\n"
                    f"<summary>{text}</summary>\n<published>2025-04-02T17:59:00Z</published>\n"
                    f"<category term='cs.CL'/></entry>\n"
                )
        f.write(tail)
    return str(path)


@pytest.mark.parametrize("kind", ["rss", "atom"])
def test_xml_feed_is_read_in_bounded_memory(tmp_path: Path, kind: str) -> None:
    """A 12 MB feed is read one record at a time: the reader's peak allocation stays far below
    the file (a whole-document parse holds all 2,400 records at once)."""
    import tracemalloc

    path = big_feed(tmp_path / f"big.{kind}.xml", kind, items=2400, abstract_chars=5000)
    size = Path(path).stat().st_size
    tracemalloc.start()
    try:
        count, last = 0, None
        for record in iter_records(path):
            assert isinstance(record, Paper), record
            count, last = count + 1, record
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert count == 2400
    # records that straddle the 64 KiB read chunks come out whole, with the line they start on
    assert last is not None and last.id == "2504.02399" and last.title == "Title 2399"
    assert last.abstract.startswith("Paper 2399 studies xxx") and len(last.abstract) > 5000
    assert last.source == f"{path}:{4 + 4 * 2399}"
    assert peak < size / 10, f"peak {peak:,} B for a {size:,} B feed"


@pytest.mark.parametrize("kind", ["rss", "atom"])
def test_truncated_feed_fails_before_its_first_record(tmp_path: Path, kind: str) -> None:
    """A cut-off download is one error for the file, not its first records then an error."""
    whole = Path(big_feed(tmp_path / "whole.xml", kind, items=50, abstract_chars=100))
    path = tmp_path / "cut.xml"
    text = whole.read_text(encoding="utf-8")
    path.write_text(text[: len(text) * 3 // 4], encoding="utf-8")
    records = iter_records(str(path))
    with pytest.raises(InputError, match="invalid XML") as err:
        next(records)
    assert err.value.path == str(path) and err.value.line and err.value.line > 100


# --- Kaggle snapshot -------------------------------------------------------------------


def test_kaggle_fields() -> None:
    papers, errors = papers_and_errors(fx("kaggle_head.jsonl"))
    assert errors == []
    assert len(papers) == 20
    first, second = papers[0], papers[1]
    assert first.id == "0704.0001"
    assert first.title == (
        "Calculation of prompt diphoton production cross sections at Tevatron and LHC energies"
    )
    assert first.authors == ["C. Bal\\'azs", "E. L. Berger", "P. M. Nadolsky", "C.-P. Yuan"]
    assert first.categories == ["hep-ph"]
    assert first.published == "2007-04-02"  # the v1 date, not update_date (2008-11-26)
    assert first.version == 2
    assert first.comment == "37 pages, 15 figures; published version"
    assert first.abstract.startswith("A fully differential calculation")
    assert first.source == f"{fx('kaggle_head.jsonl')}:1"
    assert second.authors == ["Ileana Streinu", "Louis Theran"]  # "A and B"
    assert second.categories == ["math.CO", "cs.CG"]
    assert second.published == "2007-03-31"


def test_kaggle_without_v1_falls_back_to_update_date(tmp_path: Path) -> None:
    row = json.loads((FIXTURES / "kaggle_head.jsonl").read_text(encoding="utf-8").splitlines()[0])
    row["versions"] = []
    row["authors"] = "A. One, B. Two, and C. Three"
    path = write_jsonl(tmp_path / "k.jsonl", [row])
    [paper] = load([path]).papers.values()
    assert paper.published == "2008-11-26"
    assert paper.authors == ["A. One", "B. Two", "C. Three"]


# --- normalized JSON lines -------------------------------------------------------------


def test_jsonl_fields_and_extra_fields_ignored(tmp_path: Path) -> None:
    path = write_jsonl(
        tmp_path / "day.jsonl",
        [rec("2501.00001", published=None, rights="cc-by", title="  A \n wrapped\ttitle ")],
    )
    [paper] = load([path]).papers.values()
    assert paper.title == "A wrapped title"
    assert paper.published is None
    assert paper.categories == ["cs.CL", "cs.AI"]
    assert paper.authors == ["Ada Lovelace", "Alan Turing"]


def test_versions_collapse_into_one_paper(tmp_path: Path) -> None:
    path = write_jsonl(
        tmp_path / "v.jsonl",
        [
            rec("2501.00001v1", title="Old title", published="2025-04-01"),
            rec("2501.00001v2", title="New title", published="2025-04-03"),
        ],
    )
    result = load([path])
    assert result.read == 2
    assert list(result.papers) == ["2501.00001"]
    paper = result.papers["2501.00001"]
    assert paper.title == "New title"
    assert paper.version == 2
    assert paper.published == "2025-04-01"  # the day it was new


def test_cross_lists_across_files_merge_categories(tmp_path: Path) -> None:
    a = write_jsonl(tmp_path / "cl.jsonl", [rec("2501.00002", categories=["cs.CL"])])
    b = write_jsonl(tmp_path / "lg.jsonl", [rec("2501.00002", categories=["cs.LG", "cs.CL"])])
    result = load([a, b])
    assert len(result.papers) == 1
    assert result.papers["2501.00002"].categories == ["cs.CL", "cs.LG"]
    assert result.skipped == []


def test_bad_lines_are_skipped_with_file_and_line(tmp_path: Path) -> None:
    path = write_jsonl(
        tmp_path / "mixed.jsonl",
        [
            rec("2501.00001"),
            '{"id": "2501.00002", "title": "x" "abstract": "y"}',
            b'{"id": "2501.00003", "title": "Caf\xe9", "abstract": "Latin-1 bytes"}',
            "",
            rec("2501.00004", title="  "),
            rec("2501.00005", abstract=None),
            rec("", title="No id"),
            rec("not-an-id"),
            "[1, 2]",
            rec(704.0001),
            rec("2501.00009", published="yesterday"),
            rec("2501.00012"),
        ],
    )
    result = load([path])
    assert sorted(result.papers) == ["2501.00001", "2501.00012"]
    assert result.read == 11  # the blank line is not a record
    reasons = {e.line: str(e) for e in result.skipped}
    assert set(reasons) == {2, 3, 5, 6, 7, 8, 9, 10, 11}
    assert all(msg.startswith(f"{path}:{line}: ") for line, msg in reasons.items())
    assert "invalid JSON: Expecting ',' delimiter" in reasons[2]
    assert "not UTF-8" in reasons[3]
    assert reasons[5].endswith("missing title")
    assert reasons[6].endswith("missing abstract")
    assert reasons[7].endswith("missing id")
    assert "bad arXiv id" in reasons[8]
    assert "expected a JSON object" in reasons[9]
    assert "bad arXiv id 704.0001" in reasons[10]
    assert "bad published date" in reasons[11]


def test_strict_raises_the_first_bad_record(tmp_path: Path) -> None:
    path = write_jsonl(tmp_path / "s.jsonl", [rec("2501.00001"), "{nope", rec("x", title="")])
    with pytest.raises(InputError, match="invalid JSON") as err:
        load([path], strict=True)
    assert err.value.line == 2


def test_missing_file(tmp_path: Path) -> None:
    missing = str(tmp_path / "nope.jsonl")
    with pytest.raises(InputError, match="file not found") as err:
        load([missing])
    assert err.value.path == missing
    with pytest.raises(InputError, match="file not found"):
        iter_records(missing)


def test_empty_file_gives_no_papers(tmp_path: Path) -> None:
    path = tmp_path / "empty.jsonl"
    path.write_bytes(b"\n  \n")
    assert load([str(path)]) == LoadResult(papers={}, skipped=[], read=0)


def test_progress_reports_running_count(tmp_path: Path) -> None:
    path = write_jsonl(tmp_path / "p.jsonl", [rec(f"2501.{i:05d}") for i in range(1, 4)])
    seen: list[int] = []
    load([path, fx("kaggle_head.jsonl")], progress=seen.append)
    assert seen[-1] == 23


# --- live fetch (no network: the arxiv module is faked) --------------------------------


def fake_result(short_id: str, day: str, **fields: object) -> SimpleNamespace:
    values: dict[str, object] = {
        "entry_id": f"http://arxiv.org/abs/{short_id}",
        "title": "A\n  title",
        "summary": " An\nabstract. ",
        "authors": [SimpleNamespace(name="Ada Lovelace"), SimpleNamespace(name="Alan Turing")],
        "categories": ["cs.AI", "cs.CL"],
        "primary_category": "cs.CL",
        "published": datetime.fromisoformat(f"{day}T17:59:00").replace(tzinfo=timezone.utc),
        "comment": "10 pages",
    }
    values.update(fields)
    return SimpleNamespace(**values)


def test_result_to_paper() -> None:
    paper = live.result_to_paper(fake_result("2504.01234v2", "2025-04-01"))
    assert paper.id == "2504.01234"
    assert paper.version == 2
    assert paper.title == "A title"
    assert paper.abstract == "An abstract."
    assert paper.authors == ["Ada Lovelace", "Alan Turing"]
    assert paper.categories == ["cs.CL", "cs.AI"]
    assert paper.published == "2025-04-01"
    assert paper.comment == "10 pages"


class FakeArxivError(Exception):
    """Shaped like arxiv.ArxivError: url, retry, message."""

    def __init__(self, url: str, retry: int, message: str):
        self.url, self.retry, self.message = url, retry, message
        super().__init__(message)


def install_fake_arxiv(monkeypatch: pytest.MonkeyPatch, results: list[object]) -> dict[str, object]:
    seen: dict[str, object] = {}

    class Client:
        def __init__(self, **kwargs: object):
            seen["client"] = kwargs

        def results(self, search: SimpleNamespace):
            seen["search"] = search
            for r in results:
                if isinstance(r, Exception):
                    raise r
                yield r

    module = types.ModuleType("arxiv")
    module.ArxivError = FakeArxivError
    module.Client = Client
    module.Search = lambda **kw: SimpleNamespace(**kw)
    module.SortCriterion = SimpleNamespace(SubmittedDate="submittedDate")
    module.SortOrder = SimpleNamespace(Descending="descending")
    monkeypatch.setitem(sys.modules, "arxiv", module)
    return seen


def test_fetch_keeps_the_given_day(monkeypatch: pytest.MonkeyPatch) -> None:
    results = [
        fake_result("2504.00003v1", "2025-04-02"),
        fake_result("2504.00002v1", "2025-04-01"),
        fake_result("2504.00001v1", "2025-04-01", title=""),  # unusable, dropped
        fake_result("2503.09999v1", "2025-03-31"),
        RuntimeError("must stop before reading older pages"),
    ]
    seen = install_fake_arxiv(monkeypatch, results)
    papers = live.fetch("2025-04-01", ["cs.CL", "cs.AI"], max_results=50, delay_seconds=0)
    assert [p.id for p in papers] == ["2504.00002"]
    assert seen["search"].query == "cat:cs.CL OR cat:cs.AI"
    assert seen["search"].sort_order == "descending"
    assert seen["client"] == {"page_size": 50, "delay_seconds": 0, "num_retries": 3}


def test_fetch_wraps_arxiv_errors(monkeypatch: pytest.MonkeyPatch) -> None:
    url = "https://export.arxiv.org/api/query?search_query=cat:cs.CL"
    install_fake_arxiv(monkeypatch, [FakeArxivError(url, 3, "Page request resulted in HTTP 503")])
    with pytest.raises(FetchError, match="after 3 retries: Page request resulted in HTTP 503"):
        live.fetch(None, ["cs.CL"])


def test_fetch_wraps_connection_errors(monkeypatch: pytest.MonkeyPatch) -> None:
    install_fake_arxiv(monkeypatch, [ConnectionError("Name or service not known")])
    with pytest.raises(FetchError, match="cat:cs.CL.*Name or service not known"):
        live.fetch(None, ["cs.CL"], num_retries=5)


def test_fetch_needs_categories() -> None:
    with pytest.raises(ConfigError):
        live.fetch(None, [])


def test_fetch_reports_the_api_error_entry(monkeypatch: pytest.MonkeyPatch) -> None:
    error_entry = fake_result(
        "api/errors#incorrect_id_format_for_abc", "2025-04-01", summary="incorrect id format"
    )
    error_entry.entry_id = "https://arxiv.org/api/errors#incorrect_id_format_for_abc"
    install_fake_arxiv(monkeypatch, [error_entry])
    with pytest.raises(FetchError, match="arXiv API error for query 'cat:cs.CL'"):
        live.fetch(None, ["cs.CL"])


def test_result_to_paper_on_arxiv_parsed_fixture() -> None:
    """The real `arxiv` package parses a recorded response; we must agree with atom.py."""
    feed_module = pytest.importorskip("arxiv._feed")  # arxiv >= 4; private, so skip if gone
    if not hasattr(feed_module, "parse"):
        pytest.skip("this arxiv version has no _feed.parse")
    feed = feed_module.parse((FIXTURES / "arxiv_api_search10.xml").read_bytes())
    papers = [live.result_to_paper(r) for r in feed.results]
    expected, _ = papers_and_errors(fx("arxiv_api_search10.xml"))
    assert len(papers) == len(expected) == 10
    for got, want in zip(papers, expected, strict=True):
        want.source = got.source  # atom.py says file:line, live says the entry URL
        assert got == want


def test_ingest_caps_duckdb_memory_while_loading_and_restores_it(tmp_path: Path) -> None:
    """DuckDB caches what it writes up to its memory_limit; ingest lowers it for the load (so a
    long feed does not grow the process) and gives the store its default back afterwards."""
    import duckdb

    from localdigest.ingest import INGEST_MEMORY, ingest
    from localdigest.store import Store

    capped = duckdb.connect()  # DuckDB's own spelling of the cap, e.g. "122.0 MiB"
    capped.execute(f"SET memory_limit = '{INGEST_MEMORY}'")
    cap = capped.execute("SELECT current_setting('memory_limit')").fetchone()[0]
    path = big_feed(tmp_path / "feed.xml", "atom", items=30, abstract_chars=50)
    with Store(str(tmp_path / "i.duckdb")) as store:

        def limit() -> str:
            return store.db.execute("SELECT current_setting('memory_limit')").fetchone()[0]

        before, during = limit(), []
        result = ingest(store, [path], batch_size=10, progress=lambda n: during.append(limit()))
        assert result.read == 30 and store.paper_count() == 30
        assert during and set(during) == {cap} and cap != before
        assert limit() == before
