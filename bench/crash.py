"""Crash test: kill -9 a real `localdigest run` during embed, cluster and summarize, rerun it.

For each stage it starts the real CLI (real models) on a small real day with a fresh database,
waits for the stage line on stderr (`· embed…`, printed when stderr is not a terminal), lets
the stage run for half as long as it took in an uninterrupted baseline run (summarize: until
half the baseline's LLM calls were committed, seen as changes of the `.wal` file), sends SIGKILL,
then runs the same command again to completion and checks against the baseline:

  - identical paper -> category assignments (ids and names),
  - no duplicate rows in papers, assignments, embeddings, summaries, day_summaries,
  - one stored summary per category (finished work reused, nothing stored twice),
  - no partial output files (`.digest_*`/`.paper_*` temp files) in the output folder,
  - the killed run's lock did not block the rerun.

Prints one line per run and exits non-zero if a check fails.

Usage: .venv/bin/python bench/crash.py [--input FILE --date D] [--stages embed,cluster,summarize]
"""

from __future__ import annotations

import argparse
import json
import os
import signal
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import duckdb

ROOT = Path(__file__).resolve().parents[1]
STAGES = ("embed", "cluster", "summarize")
KEYED = {  # table -> the columns that must be unique
    "papers": "id",
    "assignments": "day, paper_id",
    "embeddings": "model, text_hash",
    "summaries": "key",
    "day_categories": "day, category_id",
    "day_summaries": "day, category_id",
}


def command(args: argparse.Namespace, db: Path, out: Path) -> list[str]:
    cmd = [sys.executable, "-m", "localdigest", "run", "--input", args.input]
    cmd += ["--db", str(db), "--out", str(out), "--model", args.model]
    if args.date:
        cmd += ["--date", args.date, "--all"]
    return cmd


class Run:
    """The CLI in a subprocess; stderr lines are collected with the time they arrived."""

    def __init__(self, cmd: list[str], cwd: Path):
        env = {k: v for k, v in os.environ.items() if not k.startswith("LOCALDIGEST_")}
        self.start = time.monotonic()
        self.proc = subprocess.Popen(
            cmd,
            cwd=cwd,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            encoding="utf-8",
        )
        self.lines: list[tuple[float, str]] = []
        self.changed = threading.Condition()
        self.reader = threading.Thread(target=self._read, daemon=True)
        self.reader.start()

    def _read(self) -> None:
        for line in self.proc.stderr:
            with self.changed:
                self.lines.append((time.monotonic(), line.rstrip("\n")))
                self.changed.notify_all()
        with self.changed:
            self.changed.notify_all()

    def wait_for_stage(self, stage: str, timeout: float) -> float | None:
        """Seconds since start when `· <stage>…` appeared; None if the run ended first."""
        deadline = time.monotonic() + timeout
        with self.changed:
            while True:
                for at, line in self.lines:
                    if line.startswith(f"· {stage}"):
                        return at
                if self.proc.poll() is not None and not self.reader.is_alive():
                    return None
                left = deadline - time.monotonic()
                if left <= 0:
                    return None
                self.changed.wait(min(left, 0.5))

    def wait_for_commits(self, wal: Path, commits: int, timeout: float) -> int:
        """Wait until the database's write-ahead log changed `commits` times (each LLM call
        is logged in its own commit); returns how many changes were seen."""
        seen, last = 0, _size(wal)
        deadline = time.monotonic() + timeout
        while seen < commits and self.proc.poll() is None and time.monotonic() < deadline:
            time.sleep(0.02)
            size = _size(wal)
            if size != last:
                seen, last = seen + 1, size
        return seen

    def finish(self, timeout: float) -> int:
        self.proc.wait(timeout)
        self.reader.join(5)
        return self.proc.returncode

    def stderr(self) -> str:
        return "\n".join(line for _, line in self.lines)


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except FileNotFoundError:
        return -1


def snapshot(db: Path, day: str) -> dict:
    con = duckdb.connect(str(db), read_only=True)
    try:
        q = lambda sql, *p: con.execute(sql, list(p)).fetchall()  # noqa: E731
        dups = {
            table: q(f"SELECT count(*) - count(DISTINCT ({cols})) FROM {table}")[0][0]
            for table, cols in KEYED.items()
        }
        assignments = dict(
            q(
                "SELECT a.paper_id, c.name FROM assignments a JOIN categories c "
                "ON c.id = a.category_id WHERE a.day = ?",
                day,
            )
        )
        ids = dict(q("SELECT paper_id, category_id FROM assignments WHERE day = ?", day))
        return {
            "dups": dups,
            "assignments": assignments,
            "ids": ids,
            "categories": q("SELECT count(*) FROM day_categories WHERE day = ?", day)[0][0],
            "summaries": q("SELECT count(*) FROM summaries")[0][0],
            "linked": q("SELECT count(*) FROM day_summaries WHERE day = ?", day)[0][0],
            "llm_calls": q("SELECT count(*) FROM llm_calls")[0][0],
            "runs": [r[0] for r in q("SELECT status FROM runs ORDER BY id")],
            "sections": dict(
                q(
                    "SELECT d.category_id, s.sections FROM day_summaries d JOIN summaries s "
                    "ON s.key = d.summary_key WHERE d.day = ?",
                    day,
                )
            ),
        }
    finally:
        con.close()


def leftovers(out: Path) -> list[str]:
    return sorted(p.name for p in out.glob(".*")) if out.is_dir() else []


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--input", default=str(ROOT / "data/sample/reference_2024-10-27.jsonl"))
    parser.add_argument("--date", default="2024-10-27", help="with --all; '' = latest day")
    parser.add_argument("--model", default=str(ROOT / "models/gemma-3-270m-q4_k_m.gguf"))
    parser.add_argument("--stages", default=",".join(STAGES))
    parser.add_argument("--keep", action="store_true", help="keep the temp folder")
    parser.add_argument("--timeout", type=float, default=900, help="seconds per run")
    args = parser.parse_args()
    sys.stdout.reconfigure(line_buffering=True)  # result lines as they come, also into a file
    args.input = str(Path(args.input).resolve())
    stages = [s for s in args.stages.split(",") if s]
    tmp = Path(tempfile.mkdtemp(prefix="ld-crash-"))
    failures: list[str] = []

    base_db, base_out = tmp / "base" / "ld.duckdb", tmp / "base" / "out"
    base_out.parent.mkdir(parents=True)
    run = Run(command(args, base_db, base_out), tmp)
    rc = run.finish(args.timeout)
    if rc != 0:
        print(f"baseline failed (rc {rc}):\n{run.stderr()}")
        return 1
    digest = json.loads(next(base_out.glob("digest_*.json")).read_text(encoding="utf-8"))
    day, stats = digest["date"], digest["stats"]
    by_stage = stats["seconds_by_stage"]
    base = snapshot(base_db, day)
    print(
        f"baseline: {stats['papers']} papers, {stats['categories']} categories, "
        f"{stats['llm_calls']} LLM calls, {time.monotonic() - run.start:.0f} s "
        f"(embed {by_stage['embed']:.1f} s, cluster {by_stage['cluster']:.1f} s, "
        f"summarize {by_stage['summarize']:.1f} s)"
    )

    for stage in stages:
        folder = tmp / stage
        folder.mkdir()
        db, out = folder / "ld.duckdb", folder / "out"
        cmd = command(args, db, out)
        victim = Run(cmd, folder)
        at = victim.wait_for_stage(stage, args.timeout)
        if at is None:
            victim.finish(args.timeout)
            failures.append(f"{stage}: never reached the stage")
            print(f"kill during {stage}: run ended before the stage line\n{victim.stderr()}")
            continue
        if stage == "summarize":  # half of the baseline's LLM calls, counted as commits
            commits = victim.wait_for_commits(
                Path(f"{db}.wal"), max(1, stats["llm_calls"] // 2), args.timeout
            )
            how = f"{time.monotonic() - at:.1f} s, {commits} commits"
        else:  # half of the stage's baseline time
            delay = max(0.2, by_stage.get(stage, 1.0) / 2)
            time.sleep(delay)
            how = f"{delay:.1f} s"
        alive = victim.proc.poll() is None
        victim.proc.send_signal(signal.SIGKILL)
        killed_rc = victim.finish(60)
        after_kill = leftovers(out)
        killed = snapshot(db, day) if db.exists() else None
        rerun = Run(cmd, folder)
        rerun_rc = rerun.finish(args.timeout)
        rerun_s = time.monotonic() - rerun.start
        if rerun_rc != 0:
            failures.append(f"{stage}: rerun failed")
            print(f"kill during {stage}: rerun failed (rc {rerun_rc})\n{rerun.stderr()}")
            continue
        got = snapshot(db, day)
        same = sum(got["assignments"].get(p) == c for p, c in base["assignments"].items())
        same_ids = got["ids"] == base["ids"]
        dups = {t: n for t, n in got["dups"].items() if n}
        temps = leftovers(out)
        killed_calls = killed["llm_calls"] if killed else 0
        rerun_calls = got["llm_calls"] - killed_calls
        same_text = sum(got["sections"].get(k) == v for k, v in base["sections"].items())
        checks = {
            "killed mid-stage": alive and killed_rc == -signal.SIGKILL,
            "assignments identical": same == len(base["assignments"])
            and len(got["assignments"]) == len(base["assignments"])
            and same_ids,
            "no duplicate rows": not dups,
            "one summary per category": got["summaries"] == got["categories"] == got["linked"],
            "no temp files": not temps and not after_kill,
        }
        bad = [name for name, ok in checks.items() if not ok]
        failures += [f"{stage}: {name}" for name in bad]
        print(
            f"kill -9 during {stage} ({at - victim.start:.1f} s + {how} in; rc "
            f"{killed_rc}; {killed_calls} LLM calls stored before the kill) -> rerun rc "
            f"{rerun_rc} in {rerun_s:.0f} s, {rerun_calls} LLM calls: assignments "
            f"{same}/{len(base['assignments'])} identical, duplicates "
            f"{dups or 'none'}, summaries {got['summaries']} for {got['categories']} "
            f"categories ({same_text} same text as baseline), temp files "
            f"{temps or after_kill or 'none'}, runs {got['runs']}"
            + (f"  FAIL: {', '.join(bad)}" if bad else "  ok")
        )
    if not args.keep:
        import shutil

        shutil.rmtree(tmp, ignore_errors=True)
    else:
        print(f"kept {tmp}")
    print(f"crash test: {'FAIL ' + '; '.join(failures) if failures else 'PASS'}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
