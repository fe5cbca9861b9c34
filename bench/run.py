"""End-to-end benchmark: a cold run of a real day, then a warm rerun of the same day.

Prints each figure with the baseline it is compared with, measured in this same run:
  cold  seconds per paper; baseline: a cold run of the same day in a fresh database with
        --parallel 1 (each per-paper line decoded on its own, the plain llama-cpp-python
        way); the 1.0 s/paper target of issue 5 is printed as a target, not as a baseline
  warm  seconds of the rerun as a ratio of the cold run (target <= 0.05)
and the per-stage seconds of the cold run. Uses the default models; nothing is downloaded.

Usage: .venv/bin/python bench/run.py [--input data/sample/2025-04-03.jsonl] [--no-baseline]
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

from localdigest.config import Settings
from localdigest.pipeline import DayRequest, run_day

ROOT = Path(__file__).resolve().parents[1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--input", default=str(ROOT / "data/sample/2025-04-03.jsonl"))
    parser.add_argument("--model", default=str(ROOT / "models/gemma-3-270m-q4_k_m.gguf"))
    parser.add_argument(
        "--no-baseline", action="store_true", help="skip the --parallel 1 cold run (halves time)"
    )
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        settings = Settings(db=f"{tmp}/bench.duckdb", out=f"{tmp}/out", model=args.model)
        request = DayRequest(inputs=[args.input])
        start = time.perf_counter()
        cold = run_day(settings, request)
        cold_s = time.perf_counter() - start
        start = time.perf_counter()
        warm = run_day(settings, request)
        warm_s = time.perf_counter() - start
        base_s = None
        if not args.no_baseline:
            plain = Settings(db=f"{tmp}/base.duckdb", out=f"{tmp}/base", model=args.model)
            start = time.perf_counter()
            run_day(plain.with_overrides(parallel=1), request)
            base_s = time.perf_counter() - start
    n = cold.stats["papers"]
    print(f"papers: {n} ({cold.date}), categories: {cold.stats['categories']}")
    versus = (
        f"; baseline --parallel 1: {base_s:.1f} s = {base_s / n:.2f} s/paper, "
        f"{base_s / cold_s:.2f}x the time"
        if base_s
        else ""
    )
    print(f"cold: {cold_s:.1f} s = {cold_s / n:.2f} s/paper (target 1.00 s/paper){versus}")
    print(f"warm: {warm_s:.1f} s = {warm_s / cold_s:.3f} of cold (target <= 0.05)")
    print(
        "cold stages (s): "
        + ", ".join(f"{k} {v:.1f}" for k, v in cold.stats["seconds_by_stage"].items())
    )
    print(
        "warm stages (s): "
        + ", ".join(f"{k} {v:.1f}" for k, v in warm.stats["seconds_by_stage"].items())
        + f"; category cache hit: {warm.stats.get('category_cache_hit')}"
        + f", clustering cache hit: {warm.stats.get('clustering_cache_hit')}"
    )
    s = cold.stats
    print(
        f"llm: {s['llm_calls']} calls, {s['llm_prompt_tokens']} prompt + "
        f"{s['llm_completion_tokens']} completion tokens in {s['llm_seconds']:.1f} s; "
        f"parts generated {s['generated_parts']}, fallback {s['fallback_parts']}"
    )


if __name__ == "__main__":
    main()
