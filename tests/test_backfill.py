"""`localdigest run --from DAY --to DAY`: a range of days, one line each, a table at the end,
resumable after kill -9. Fake LLM and hashing embedder (tests/conftest.py)."""

from __future__ import annotations

import datetime as dt
import json
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from localdigest.backfill import days_between
from localdigest.cli import app
from localdigest.errors import ConfigError

pytestmark = [
    pytest.mark.filterwarnings("ignore:n_jobs value:UserWarning"),
    pytest.mark.filterwarnings("ignore:distutils Version classes:DeprecationWarning"),
]

DAYS = [(dt.date(2025, 4, 1) + dt.timedelta(days=i)).isoformat() for i in range(5)]


@pytest.fixture
def five_days(tmp_path, paper_factory, write_jsonl) -> Path:
    """32 papers on each of five consecutive days, in one file, days interleaved."""
    papers = [p for i, day in enumerate(DAYS) for p in paper_factory(day, start=1 + 100 * i)]
    papers = papers[::2] + papers[1::2]
    return write_jsonl(tmp_path / "five.jsonl", papers)


def backfill_args(source: Path, tmp_path: Path, last: str = DAYS[-1]) -> list[str]:
    return [
        "run",
        "--input",
        str(source),
        "--from",
        DAYS[0],
        "--to",
        last,
        "--db",
        str(tmp_path / "bf" / "ld.duckdb"),
        "--out",
        str(tmp_path / "bf" / "out"),
    ]


def day_lines(output: str) -> dict[str, str]:
    return {
        line.split(":", 1)[0]: line
        for line in output.splitlines()
        if line[:4] == "2025" and ": " in line
    }


def test_backfill_five_days_then_rerun_skips_them(runner, fakes, five_days, tmp_path):
    after = (dt.date.fromisoformat(DAYS[-1]) + dt.timedelta(days=1)).isoformat()
    result = runner.invoke(app, backfill_args(five_days, tmp_path, last=after))
    assert result.exit_code == 0, result.output
    lines = day_lines(result.stdout)
    assert list(lines) == [*DAYS, after]  # one progress line per day, in order
    for day in DAYS:
        assert lines[day].startswith(f"{day}: 32 papers, ") and "LLM calls" in lines[day]
    assert lines[after] == f"{after}: no papers in the input"
    assert "5 day(s) digested, 0 finished earlier, 1 without papers" in result.stdout
    out = tmp_path / "bf" / "out"
    for day in DAYS:
        digest = json.loads((out / f"digest_{day}.json").read_text(encoding="utf-8"))
        assert digest["date"] == day
        assert sum(len(c["papers"]) for c in digest["categories"]) == 32

    again = runner.invoke(app, backfill_args(five_days, tmp_path))
    assert again.exit_code == 0, again.output
    assert all("finished earlier, skipped" in line for line in day_lines(again.stdout).values())
    assert "0 day(s) digested, 5 finished earlier" in again.stdout


def test_backfill_redoes_a_day_whose_digest_is_gone(runner, fakes, five_days, tmp_path):
    assert runner.invoke(app, backfill_args(five_days, tmp_path, last=DAYS[1])).exit_code == 0
    (tmp_path / "bf" / "out" / f"digest_{DAYS[1]}.json").unlink()
    result = runner.invoke(app, backfill_args(five_days, tmp_path, last=DAYS[1]))
    lines = day_lines(result.stdout)
    assert "skipped" in lines[DAYS[0]]
    # Generated again, every category straight from the summary cache.
    assert " 0 LLM calls" in lines[DAYS[1]] and "skipped" not in lines[DAYS[1]]


def test_range_errors_are_one_line(runner, fakes, five_days, tmp_path):
    args = backfill_args(five_days, tmp_path)
    result = runner.invoke(app, args[: args.index("--to")])  # --from without --to
    assert result.exit_code == 1 and "--from DAY and --to DAY" in result.stderr
    with pytest.raises(ConfigError, match="before --from"):
        days_between("2025-04-05", "2025-04-01")
    with pytest.raises(ConfigError, match="dates like"):
        days_between("2025-4-1x", "2025-04-02")


# The CLI in a child process with a fake LLM that prints each call and stalls at call N.
DRIVER = textwrap.dedent(
    """
    import sys, time
    from localdigest import llm
    from localdigest.cli import app

    stall = int(sys.argv[1])
    calls = 0
    original = llm.FakeLLM.complete

    def complete(self, prompt, **opts):
        global calls
        calls += 1
        if calls == stall:
            print("stalled", flush=True)
            time.sleep(600)
        return original(self, prompt, **opts)

    llm.FakeLLM.complete = complete
    app(sys.argv[2:])
    """
)


def test_backfill_resumes_after_kill_9(runner, fakes, five_days, tmp_path, monkeypatch):
    # Calls per day: every day holds the same 32 texts, so the same categories and calls.
    # writer "llm": the model writes part 3, so the run can be stopped inside a day
    probe = runner.invoke(
        app, [*backfill_args(five_days, tmp_path / "probe", last=DAYS[0]), "--writer", "llm"]
    )
    per_day = int(day_lines(probe.stdout)[DAYS[0]].split(" LLM calls")[0].rsplit(" ", 1)[1])
    stall = 2 * per_day + per_day // 2  # day 3, halfway
    proc = subprocess.Popen(
        [
            sys.executable,
            "-c",
            DRIVER,
            str(stall),
            *backfill_args(five_days, tmp_path),
            "--writer",
            "llm",
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    seen = []
    try:
        for line in proc.stdout:
            seen.append(line)
            if line.strip() == "stalled":
                break
        else:
            pytest.fail(f"the backfill ended before call {stall}: rc {proc.wait()}: {seen}")
    finally:
        proc.send_signal(signal.SIGKILL)
        proc.wait()
    assert list(day_lines("".join(seen))) == DAYS[:2]  # days 1-2 done, day 3 cut off

    result = runner.invoke(app, [*backfill_args(five_days, tmp_path), "--writer", "llm"])
    assert result.exit_code == 0, result.output
    lines = day_lines(result.stdout)
    assert all("finished earlier, skipped" in lines[d] for d in DAYS[:2])
    cached = int(lines[DAYS[2]].split(" from cache")[0].rsplit(" ", 1)[1])
    assert cached >= 1  # the categories day 3 had finished before the kill
    assert all("finished earlier" not in lines[d] for d in DAYS[2:])
    out = tmp_path / "bf" / "out"
    assert sorted(p.name for p in out.glob("digest_*.json")) == [f"digest_{d}.json" for d in DAYS]
    assert "3 day(s) digested, 2 finished earlier" in result.stdout
