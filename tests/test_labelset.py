"""The editor's label set (data/labels/) and its day split (bench/labelset.py): every paper of a
labelled day labelled once with a known field, training and held-out days apart, and the
trainer refusing any held-out day."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))

import labelset  # noqa: E402

from localdigest.label import load_taxonomy  # noqa: E402

ALL_DAYS = labelset.TRAIN_DAYS + labelset.HELDOUT_DAYS


def test_days_split_into_training_and_four_held_out_sets():
    assert len(labelset.TRAIN_DAYS) == 10
    assert list(labelset.HELDOUT_SETS) == ["heldout", "heldout2", "heldout3", "heldout4"]
    assert all(len(days) == 5 for days in labelset.HELDOUT_SETS.values())
    assert len(set(ALL_DAYS)) == 30  # no day in two sets
    assert set(labelset.HELDOUT_DAYS) == {d for s in labelset.HELDOUT_SETS.values() for d in s}
    # a held-out day is never a training day, and the label folder holds exactly these days
    assert not set(labelset.TRAIN_DAYS) & set(labelset.HELDOUT_DAYS)
    assert sorted(p.stem for p in (ROOT / "data/labels").glob("*.jsonl")) == sorted(ALL_DAYS)


def test_every_paper_of_every_day_labelled_once_with_a_known_field():
    known = {f.id for f in load_taxonomy()} | {"other"}
    total = 0
    for day in ALL_DAYS:
        lines = (ROOT / f"data/labels/{day}.jsonl").read_text().splitlines()
        ids = [json.loads(line)["id"] for line in lines if line.strip()]
        assert len(ids) == len(set(ids)), f"{day}: a paper labelled twice"
        labels = labelset.load_labels(day)
        for pid, (field, also) in labels.items():
            assert field in known, f"{day} {pid}: unknown field {field}"
            assert len(also) <= 2 and field not in also and set(also) <= known, f"{day} {pid}"
        papers = labelset.load_day(day)
        assert sorted(p.id for p in papers) == sorted(labels), day
        total += len(papers)
    assert total == 4033 + 1116  # + held-out set 4


def test_bad_label_line_names_file_and_line(tmp_path):
    (tmp_path / "2025-01-01.jsonl").write_text('{"id": "1", "field": "llm"}\n{"id": "2"}\n')
    with pytest.raises(SystemExit, match=r"2025-01-01.jsonl:2: bad label line"):
        labelset.load_labels("2025-01-01", tmp_path)


@pytest.mark.parametrize("day", ["2025-05-14", "2025-04-29", "2025-10-22"])  # held-out days
def test_trainer_refuses_a_held_out_day(day, monkeypatch):
    import train_fields

    argv = ["train_fields.py", "--days", "2025-04-09", day, "--out", "/nonexistent/x.npz"]
    monkeypatch.setattr(sys, "argv", argv)
    with pytest.raises(SystemExit, match=f"refusing to train on held-out days: {day}"):
        train_fields.main()


def test_distinct_names_bar_counts_each_set_of_days_apart():
    from categories import names_bar

    day = [{"names": ["A", "B"]}, {"names": ["A", "B"]}]
    other = [{"names": ["C", "D"]}, {"names": ["E", "F"]}]
    # pooled, six names over four days of two (1.5 x 2 = 3) would miss; per set: 2 and 4 vs 3
    value, met = names_bar(day + other, [2, 2])
    assert value == "2 vs 1.5 x 2.0 = 3.0; 4 vs 1.5 x 2.0 = 3.0" and not met
    assert names_bar(day + day, [2, 2]) == ("2 vs 1.5 x 2.0 = 3.0; 2 vs 1.5 x 2.0 = 3.0", True)
    assert names_bar(day + other, [4])[0] == "6 vs 1.5 x 2.0 = 3.0"
