#!/usr/bin/env bash
# A new user's install, checked end to end (issue 13): `pip install .` without extras into a
# fresh venv from a fresh clone, then the CLI run from $HOME on the sample day.
#
# Not in CI: it installs ~3 GB of wheels (a few minutes from pip's cache; llama-cpp-python
# compiles for ~25 min on 2 cores when its wheel is not cached). Nothing here uses the
# repository's own venv or models/, so a package-data or dependency gap shows up as a failure.
#
# Usage: bench/clean_install.sh [WORKDIR]      (default: a new folder under /tmp)
# Exit status 0 only when the digest was written with every paper of the sample day in it.
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
WORK="${1:-$(mktemp -d /tmp/localdigest-clean.XXXXXX)}"
PYTHON="${PYTHON:-python3}"
# The Makefile's portable llama.cpp flags (see LLAMA_CMAKE_ARGS there for why not native).
export CMAKE_ARGS="${CMAKE_ARGS:--DGGML_NATIVE=OFF -DGGML_AVX=ON -DGGML_AVX2=ON -DGGML_FMA=ON -DGGML_F16C=ON}"

mkdir -p "$WORK"
CLONE="$WORK/clone" VENV="$WORK/venv"
# A user's data folder of its own, so the check starts empty and leaves ~/.local alone.
export XDG_DATA_HOME="$WORK/data-home" XDG_CONFIG_HOME="$WORK/config-home"
unset LOCALDIGEST_CONFIG LOCALDIGEST_DB LOCALDIGEST_OUT LOCALDIGEST_MODELS_DIR LOCALDIGEST_MODEL

step() { printf '\n== %s (%s)\n' "$1" "$(date +%T)"; }

step "clone $ROOT (committed HEAD) -> $CLONE"
rm -rf "$CLONE" "$VENV"
git clone --quiet "$ROOT" "$CLONE"
git -C "$CLONE" log --oneline -1

step "fresh venv, torch first (CPU build, as the Makefile does)"
"$PYTHON" -m venv "$VENV"
"$VENV/bin/pip" install --quiet --upgrade pip
"$VENV/bin/pip" install --quiet torch==2.13.0

step "pip install -c requirements.lock . (no extras)"
start=$SECONDS
(cd "$CLONE" && "$VENV/bin/pip" install --quiet -c requirements.lock .)
echo "install: $((SECONDS - start)) s"
# The package must not be imported from the clone: that would hide missing package data.
where="$(cd ~ && "$VENV/bin/python" -c 'import localdigest; print(localdigest.__file__)')"
echo "localdigest imported from $where"
case "$where" in "$VENV"/*) ;; *) echo "FAIL: localdigest not from the venv"; exit 1 ;; esac

step "from \$HOME: localdigest paths / models install / run"
cd ~
"$VENV/bin/localdigest" paths
"$VENV/bin/localdigest" models install
INPUT="$CLONE/data/sample/2025-04-03.jsonl"
start=$SECONDS
"$VENV/bin/localdigest" run --input "$INPUT"
echo "run: $((SECONDS - start)) s"

step "check the digest"
OUT="$XDG_DATA_HOME/localdigest/digests"
MD="$(ls "$OUT"/*.md 2>/dev/null | head -1 || true)"
JSON="$(ls "$OUT"/*.json 2>/dev/null | head -1 || true)"
[ -n "$MD" ] && [ -n "$JSON" ] || { echo "FAIL: no digest .md/.json under $OUT"; ls -R "$OUT" || true; exit 1; }
ls -l "$OUT"
"$VENV/bin/python" - "$INPUT" "$JSON" <<'EOF'
import json, sys
ids = {json.loads(line)["id"] for line in open(sys.argv[1], encoding="utf-8") if line.strip()}
digest = json.load(open(sys.argv[2], encoding="utf-8"))
seen = {pid for category in digest["categories"] for pid in category["papers"]}
missing = ids - seen
print(f"digest {sys.argv[2]}: {len(ids & seen)}/{len(ids)} input papers present")
sys.exit(1 if missing else 0)
EOF
head -c 1500 "$MD"; echo

step "the rest a user meets: doctor, search, the server's entry point"
"$VENV/bin/localdigest" doctor
"$VENV/bin/localdigest" search "reasoning in language models" -n 3
"$VENV/bin/python" -m localdigest.serve --help >/dev/null
echo "OK: clean install ran the pipeline ($WORK)"
