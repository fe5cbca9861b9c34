"""Per-paper seconds: a GGUF run in-process against the same GGUF served over the OpenAI API.

Same run, same model file, same prompts (one per paper: the per-paper prompt of prompts.py,
title plus the abstract's first words), one attempt each at the same seed, the same max tokens
and CPU threads:
  in-process  LlamaCppLLM.complete_many, 1, 4 and 8 sequences decoded together
  served      OpenAILLM.complete_many against `python -m localdigest.serve` (llama-cpp-python's
              server: one model, one request decoded at a time) with 1, 4 and 8 in flight
Model load and server start-up are not counted; one warm-up call each is not counted either.
The levels are interleaved (in-process 1, served 1, in-process 4, ...) so that each pair runs
under about the same load on a shared machine.
Prints seconds per paper, generated tokens/s, and each row against the in-process 1 baseline.

Usage: .venv/bin/python bench/served.py [--model NAME_OR_PATH] [--papers 8] [--input FILE]
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from localdigest.llm import LlamaCppLLM, default_threads  # noqa: E402
from localdigest.llm_openai import OpenAILLM  # noqa: E402
from localdigest.models import resolve  # noqa: E402
from localdigest.prompts import PAPER_BLOCK, PAPER_HEAD  # noqa: E402

MAX_TOKENS = 48  # the per-paper line's budget in the summarize stage
LEVELS = (1, 4, 8)


def prompts_for(path: Path, n: int, words: int = 30) -> list[str]:
    papers = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()][:n]
    return [
        PAPER_HEAD
        + PAPER_BLOCK.format(
            title=" ".join(p["title"].split()),
            abstract=" ".join(p["abstract"].split()[:words]),
        )
        for p in papers
    ]


def measure(llm, prompts: list[str]) -> tuple[float, int]:
    start = time.perf_counter()
    results = llm.complete_many(
        prompts, max_tokens=MAX_TOKENS, stop=["\n"], attempts=[(42, 0.2)], max_sentences=1
    )
    seconds = time.perf_counter() - start
    return seconds, sum(r[0].completion_tokens for r in results)


def start_server(model: Path, port: int, threads: int, log: Path) -> subprocess.Popen:
    args = [sys.executable, "-m", "localdigest.serve", "--model", str(model)]
    args += ["--model_alias", "bench", "--host", "127.0.0.1", "--port", str(port)]
    args += ["--n_ctx", "4096", "--n_threads", str(threads), "--verbose", "False"]
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    proc = subprocess.Popen(args, stdout=log.open("w"), stderr=subprocess.STDOUT, env=env)
    deadline = time.monotonic() + 180
    while "Uvicorn running on" not in log.read_text(errors="replace"):
        if proc.poll() is not None or time.monotonic() > deadline:
            proc.kill()
            sys.exit(f"server did not start:\n{log.read_text(errors='replace')[-2000:]}")
        time.sleep(0.3)
    return proc


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", default="qwen2.5-coder-0.5b-instruct")
    parser.add_argument("--models-dir", default=str(ROOT / "models"))
    parser.add_argument("--input", default=str(ROOT / "data/sample/reference_2024-10-27.jsonl"))
    parser.add_argument("--papers", type=int, default=8)
    parser.add_argument("--port", type=int, default=18631)
    parser.add_argument("--threads", type=int, default=default_threads())
    args = parser.parse_args()
    model = resolve(args.model, args.models_dir)
    prompts = prompts_for(Path(args.input), args.papers)
    rows = []

    # Levels interleaved (in-process n, then served n): a machine shared with other jobs
    # changes speed over minutes, and each pair is then measured under about the same load.
    with tempfile.TemporaryDirectory() as tmp:
        proc = start_server(model, args.port, args.threads, Path(tmp) / "server.log")
        try:
            for level in LEVELS:  # a fresh context per level: no KV cache carried between rows
                llm = LlamaCppLLM(model, n_ctx=4096, n_threads=args.threads, parallel=level)
                llm.complete("warm-up", max_tokens=2, stop=[], temperature=0.2, seed=1)
                rows.append(("in-process", level, *measure(llm, prompts)))
                llm.close()
                del llm
                served = OpenAILLM(
                    url=f"http://127.0.0.1:{args.port}/v1", concurrency=level, timeout=900
                )
                served.complete("warm-up", max_tokens=2, stop=[], temperature=0.2, seed=1)
                rows.append(("served", level, *measure(served, prompts)))
                served.close()
        finally:
            proc.kill()
            proc.wait()

    base = rows[0][2] / len(prompts)
    print(
        f"model {model.name}, {len(prompts)} papers, {args.threads} threads, "
        f"max {MAX_TOKENS} tokens per line, one attempt each"
    )
    print(f"{'path':<11} {'in flight':>9} {'s/paper':>8} {'gen tok/s':>9} {'vs in-process 1':>16}")
    for path, level, seconds, tokens in rows:
        per_paper = seconds / len(prompts)
        print(
            f"{path:<11} {level:>9} {per_paper:>8.2f} {tokens / seconds:>9.1f} "
            f"{base / per_paper:>15.2f}x"
        )


if __name__ == "__main__":
    main()
