"""The command line, through typer's CliRunner, with the fake backends chosen by environment."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import typer

from localdigest.cli import app

pytestmark = [
    pytest.mark.filterwarnings("ignore:n_jobs value:UserWarning"),  # UMAP with a fixed seed
    pytest.mark.filterwarnings("ignore:distutils Version classes:DeprecationWarning"),  # koreanize
]

DAY_A, DAY_B = "2025-04-03", "2025-04-02"


@pytest.fixture
def input_file(tmp_path, paper_factory, write_jsonl) -> Path:
    papers = [*paper_factory(DAY_A, start=1), *paper_factory(DAY_B, start=101)[::4]]
    return write_jsonl(tmp_path / "papers.jsonl", papers, extra_lines=["not json"])


def all_commands() -> list[list[str]]:
    """Every command path: [], ["run"], ..., ["models"], ["models", "check"], ..."""
    paths: list[list[str]] = []

    def walk(cmd, path: list[str]) -> None:
        paths.append(path)
        # Duck typing: recent typer ships its own copy of click's classes.
        for name, sub in (getattr(cmd, "commands", None) or {}).items():
            walk(sub, [*path, name])

    walk(typer.main.get_command(app), [])
    return paths


def error_lines(result) -> list[str]:
    return [line for line in result.stderr.splitlines() if line.strip()]


def test_command_list_is_complete():
    names = {" ".join(p) for p in all_commands()}
    assert {"run", "cluster", "categories", "paths", "models install", "models check"} <= names


@pytest.mark.parametrize("command", all_commands(), ids=lambda p: " ".join(p) or "localdigest")
def test_help_has_example(runner, command):
    result = runner.invoke(app, [*command, "--help"])
    assert result.exit_code == 0, result.output
    assert "Example:" in result.output
    example = result.output.split("Example:", 1)[1]
    assert "localdigest " in example


def test_run_missing_input_is_one_line(runner):
    result = runner.invoke(app, ["run", "--input", "missing.jsonl"])
    assert result.exit_code == 1
    errors = [line for line in error_lines(result) if not line.startswith("· ")]
    assert errors == ["Error: missing.jsonl: file not found"]
    assert "Traceback" not in result.output
    assert result.stdout == ""


def test_quiet_prints_only_the_error(runner):
    result = runner.invoke(app, ["run", "-q", "--input", "missing.jsonl"])
    assert result.exit_code == 1
    assert result.stderr == "Error: missing.jsonl: file not found\n"


def test_debug_shows_the_exception(runner, monkeypatch):
    monkeypatch.setenv("LOCALDIGEST_DEBUG", "1")
    result = runner.invoke(app, ["run", "-q", "--input", "missing.jsonl"])
    assert result.exit_code == 1
    assert "file not found" in str(result.exception)


def test_models_check_missing_file(runner):
    result = runner.invoke(app, ["models", "check", "--model", "/nonexistent.gguf"])
    assert result.exit_code == 1
    (line,) = error_lines(result)
    assert line.startswith("Error: model file not found: /nonexistent.gguf")
    assert "Traceback" not in result.output


def test_models_check_ok(runner, tmp_path, gguf):
    model = gguf(tmp_path / "tiny.gguf")
    result = runner.invoke(app, ["models", "check", "--model", str(model)])
    assert result.exit_code == 0, result.output
    assert result.stdout.strip() == f"ok {model}"


def paths_of(result) -> dict[str, str]:
    return dict(line.split(":", 1) for line in result.stdout.splitlines())


def test_paths(runner, tmp_path):
    result = runner.invoke(app, ["paths"])
    assert result.exit_code == 0, result.output
    got = {k: v.strip() for k, v in paths_of(result).items()}
    data = tmp_path / "xdg-data" / "localdigest"  # $XDG_DATA_HOME/localdigest, not the cwd
    assert got["config"] == "(none; defaults)"
    assert got["database"] == f"{data / 'localdigest.duckdb'}  [missing (created on first run)]"
    assert got["digests"] == f"{data / 'digests'}  [missing (created on first run)]"
    # The bundled model: in the data folder, else the checkout's models/ (`make models`).
    assert re.search(
        r"gemma-3-270m-q4_k_m\.gguf  \[(exists, [\d.]+ MB|MISSING: run `localdigest models)",
        got["model"],
    ), got["model"]
    assert "embedder" in got


def test_paths_reads_config_file_and_env(runner, tmp_path, monkeypatch):
    (tmp_path / "localdigest.toml").write_text('db = "elsewhere/x.duckdb"\nout = "o"\n')
    monkeypatch.setenv("LOCALDIGEST_OUT", "from-env")
    got = paths_of(runner.invoke(app, ["paths", "--db", "flag.duckdb"]))
    assert got["database"].split()[0] == f"{tmp_path / 'flag.duckdb'}"  # flag beats file
    assert got["digests"].split()[0] == f"{tmp_path / 'from-env'}"  # environment beats file


def test_bad_config_is_one_line(runner, tmp_path):
    (tmp_path / "localdigest.toml").write_text('colour = "blue"\n')
    result = runner.invoke(app, ["categories"])
    assert result.exit_code == 1
    (line,) = error_lines(result)
    assert line.startswith("Error: localdigest.toml: unknown setting 'colour'")


def test_unknown_backend_is_one_line(runner, input_file, monkeypatch):
    monkeypatch.setenv("LOCALDIGEST_LLM_BACKEND", "gpt-9")
    monkeypatch.setenv("LOCALDIGEST_EMBED_BACKEND", "hash")
    result = runner.invoke(app, ["run", "-q", "--input", str(input_file)])
    assert result.exit_code == 1
    (line,) = error_lines(result)
    assert line.startswith("Error: unknown LLM backend 'gpt-9'")


def test_categories_json_on_empty_db(runner, tmp_path):
    result = runner.invoke(app, ["categories", "--json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout) == []
    assert not (tmp_path / "xdg-data").exists()  # a read-only command creates nothing


def test_full_run_with_fakes(runner, fakes, input_file, tmp_path):
    result = runner.invoke(app, ["run", "--input", str(input_file), "--out", "digests"])
    assert result.exit_code == 0, result.output
    out = tmp_path / "digests"
    assert (out / f"digest_{DAY_A}.md").is_file()
    assert (out / f"paper_{DAY_A}.png").is_file()
    digest = json.loads((out / f"digest_{DAY_A}.json").read_text(encoding="utf-8"))
    assert sum(len(c["papers"]) for c in digest["categories"]) == 32
    lines = result.stdout.splitlines()
    assert lines[0].startswith(f"{DAY_A}: 32 papers in {len(digest['categories'])} categories")
    assert lines[1:] == [
        f"wrote digests/digest_{DAY_A}.md",
        f"wrote digests/paper_{DAY_A}.png",
        f"wrote digests/digest_{DAY_A}.json",
        "wrote digests/index.html",  # the HTML site over every stored day
    ]
    assert "skipped 1 bad input record(s)" in result.stderr
    assert f"{input_file}:41: invalid JSON" in result.stderr

    # The day is now in the database.
    cats = json.loads(runner.invoke(app, ["categories", "--json"]).stdout)
    assert {c["date"] for c in cats} == {DAY_A}
    assert sum(c["papers"] for c in cats) == 32


def test_run_other_day_quiet(runner, fakes, input_file, tmp_path):
    result = runner.invoke(app, ["run", "-q", "-i", str(input_file), "--date", DAY_B])
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith(f"{DAY_B}: 8 papers")
    out = tmp_path / "xdg-data" / "localdigest" / "digests"
    assert (out / f"digest_{DAY_B}.json").is_file()


def test_run_unknown_day(runner, fakes, input_file):
    result = runner.invoke(app, ["run", "-q", "-i", str(input_file), "--date", "2024-01-01"])
    assert result.exit_code == 1
    errors = [line for line in error_lines(result) if not line.startswith("skipped")]
    assert len(errors) == 1
    assert errors[0].startswith("Error: ")
    assert DAY_A in errors[0] and DAY_B in errors[0]


def test_cluster_json(runner, fakes, input_file):
    result = runner.invoke(app, ["cluster", "-i", str(input_file), "--date", DAY_B, "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["date"] == DAY_B
    assert sorted(p for c in data["categories"] for p in c["papers"]) == [
        f"2504.{n:05d}" for n in range(101, 133, 4)
    ]
