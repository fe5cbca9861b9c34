"""Shared fixtures: hand-written papers in four separate topics, and an isolated environment."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from localdigest.config import Settings
from localdigest.paper import Paper

# Four topics with (almost) no shared vocabulary, so even the bag-of-words HashEmbedder
# separates them. Each entry: (title, abstract).
TOPICS: dict[str, list[tuple[str, str]]] = {
    "vision": [
        (
            "Boundary-Aware Image Segmentation with Pixel Affinity",
            "We segment images into object regions using pixel affinity maps and boundary cues, "
            "improving segmentation masks on street scenes.",
        ),
        (
            "Small Object Detection in Aerial Images",
            "We detect tiny vehicles in aerial images with a feature pyramid and anchor-free "
            "detection heads trained on satellite imagery.",
        ),
        (
            "Depth Estimation from a Single Camera Image",
            "A convolutional network predicts dense depth maps from one camera image, using "
            "pixel disparity and image gradients.",
        ),
        (
            "Video Object Tracking with Segmentation Masks",
            "We track objects across video frames by propagating segmentation masks and matching "
            "pixel features between frames.",
        ),
        (
            "Point Cloud Completion for 3D Scenes",
            "We complete partial point clouds of indoor scenes from depth camera scans, "
            "recovering 3D object shapes and image-aligned surfaces.",
        ),
        (
            "Panoptic Segmentation of Street Images",
            "Panoptic segmentation labels every pixel of street images with object instances and "
            "stuff regions, evaluated on camera imagery.",
        ),
        (
            "Rotated Bounding Box Detection for Satellite Imagery",
            "We detect ships and buildings in satellite imagery with rotated bounding boxes and a "
            "pixel-level detection head.",
        ),
        (
            "Image Denoising with Convolutional Priors",
            "A convolutional prior removes sensor noise from camera images while keeping edges "
            "and pixel texture in the image.",
        ),
    ],
    "speech": [
        (
            "Streaming Speech Recognition for Noisy Call Centers",
            "We transcribe telephone speech with a streaming recognizer robust to background "
            "noise, lowering word error rate on call audio.",
        ),
        (
            "Expressive Text-to-Speech with Prosody Tokens",
            "Our speech synthesizer predicts prosody tokens for pitch and duration, producing "
            "expressive voices from phoneme input.",
        ),
        (
            "Speaker Verification from Short Utterances",
            "We verify speaker identity from short spoken utterances using voice embeddings "
            "trained on multilingual audio recordings.",
        ),
        (
            "Music Source Separation with Spectrogram Masks",
            "We separate vocals, drums and bass from music recordings by predicting spectrogram "
            "masks over the audio waveform.",
        ),
        (
            "Sound Event Detection in Household Audio",
            "We detect sound events such as alarms and footsteps in household audio recordings "
            "with a spectrogram classifier.",
        ),
        (
            "Phoneme Alignment for Low-Resource Speech",
            "Forced phoneme alignment for spoken audio in low-resource languages, using acoustic "
            "frames and pronunciation lexicons.",
        ),
        (
            "Voice Conversion Without Parallel Recordings",
            "We convert one speaker's voice into another's timbre from non-parallel recordings, "
            "keeping the spoken phonemes and pitch contour.",
        ),
        (
            "Audio Captioning of Environmental Sounds",
            "Our model describes environmental sounds in audio clips, trained on paired audio "
            "recordings and spectrogram features.",
        ),
    ],
    "robotics": [
        (
            "Dexterous Grasping with Tactile Feedback",
            "A robot hand grasps fragile objects using tactile sensors and force feedback, "
            "learned in simulation and deployed on a real gripper.",
        ),
        (
            "Legged Locomotion over Rough Terrain",
            "A quadruped robot walks over stairs and rubble with a locomotion controller trained "
            "in simulation with terrain randomization.",
        ),
        (
            "Mobile Robot Navigation in Crowded Corridors",
            "A wheeled robot navigates corridors among pedestrians with a motion planner that "
            "predicts crowd trajectories and avoids collisions.",
        ),
        (
            "Sim-to-Real Transfer for Robotic Manipulation",
            "We transfer manipulation skills from simulation to a real robot arm by randomizing "
            "friction, payload and actuator dynamics.",
        ),
        (
            "Motion Planning for Autonomous Driving at Intersections",
            "Our planner chooses vehicle trajectories at intersections, predicting other drivers "
            "and enforcing collision constraints for the autonomous car.",
        ),
        (
            "Teleoperation Data for Bimanual Robot Arms",
            "We collect teleoperation demonstrations for two robot arms folding cloth and train "
            "a manipulation controller from them.",
        ),
        (
            "Drone Flight Control in Strong Wind",
            "A quadrotor drone keeps stable flight in gusty wind with an adaptive controller "
            "that estimates actuator dynamics online.",
        ),
        (
            "Robot Arm Calibration from Joint Encoders",
            "We calibrate a robot arm's kinematics from joint encoder readings and gripper poses, "
            "reducing end-effector error during manipulation.",
        ),
    ],
    "graphs": [
        (
            "Message Passing on Heterophilous Graphs",
            "We design graph neural network message passing for heterophilous graphs where "
            "neighboring nodes carry different labels.",
        ),
        (
            "Link Prediction in Temporal Knowledge Graphs",
            "We predict missing edges between entities in temporal knowledge graphs with node "
            "embeddings that evolve over time.",
        ),
        (
            "Molecular Property Prediction with Graph Transformers",
            "Atoms are nodes and bonds are edges: a graph transformer predicts molecular "
            "properties from the molecule graph topology.",
        ),
        (
            "Community Detection in Citation Networks",
            "We detect node communities in citation network graphs using spectral clustering of "
            "the adjacency matrix and edge weights.",
        ),
        (
            "Oversmoothing in Deep Graph Neural Networks",
            "Deep graph neural networks make node representations identical; we study "
            "oversmoothing through the graph Laplacian spectrum.",
        ),
        (
            "Subgraph Counting with Expressive Message Passing",
            "We count triangles and cycles in a graph with message passing more expressive than "
            "the Weisfeiler-Lehman node test.",
        ),
        (
            "Graph Pooling for Protein Interaction Networks",
            "Hierarchical graph pooling coarsens protein interaction networks, grouping nodes "
            "and edges into clusters for classification.",
        ),
        (
            "Node Classification with Sparse Labels",
            "We classify graph nodes when only a few nodes are labeled, propagating labels "
            "along weighted edges of the adjacency matrix.",
        ),
    ],
}

TINY_DAY = "2025-04-03"


def make_tiny_papers(published: str = TINY_DAY, start: int = 1) -> list[Paper]:
    papers = []
    n = start
    for topic, entries in TOPICS.items():
        for title, abstract in entries:
            papers.append(
                Paper(
                    id=f"2504.{n:05d}",
                    title=title,
                    abstract=abstract,
                    authors=[f"Author {n}", "Second Author"],
                    categories=[
                        {
                            "vision": "cs.CV",
                            "speech": "eess.AS",
                            "robotics": "cs.RO",
                            "graphs": "cs.LG",
                        }[topic]
                    ],
                    published=published,
                    version=1,
                )
            )
            n += 1
    return papers


def topic_of(paper: Paper) -> str:
    """The topic a tiny paper was written for."""
    for topic, entries in TOPICS.items():
        if any(paper.title == title for title, _ in entries):
            return topic
    raise KeyError(paper.title)


@pytest.fixture
def tiny_papers() -> list[Paper]:
    """32 papers, 8 each on vision, speech, robotics and graphs, all on TINY_DAY."""
    return make_tiny_papers()


@pytest.fixture
def paper_factory():
    """make_tiny_papers(published=..., start=...): the same 32 texts under other ids/dates."""
    return make_tiny_papers


@pytest.fixture
def topic():
    """topic(paper) -> 'vision' | 'speech' | 'robotics' | 'graphs'."""
    return topic_of


def _write_jsonl(path: Path, papers: list[Paper], extra_lines: list[str] = ()) -> Path:
    lines = [
        json.dumps(
            {
                "id": p.id,
                "title": p.title,
                "abstract": p.abstract,
                "authors": p.authors,
                "categories": p.categories,
                "published": p.published,
                "version": p.version,
            },
            ensure_ascii=False,
        )
        for p in papers
    ]
    path.write_text("\n".join([*lines, *extra_lines]) + "\n", encoding="utf-8")
    return path


@pytest.fixture
def write_jsonl():
    """write_jsonl(path, papers, extra_lines=()) -> path, in the normalized JSON-lines schema."""
    return _write_jsonl


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    """Settings that write only under tmp_path and use the fake backends."""
    return Settings(
        db=str(tmp_path / "db" / "test.duckdb"),
        out=str(tmp_path / "out"),
        models_dir=str(tmp_path / "models"),
        llm_backend="fake",
        embed_backend="hash",
    )


@pytest.fixture(autouse=True)
def isolated_env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Nothing reads the user's config or writes next to the checkout: run inside tmp_path."""
    for name in list(os.environ):
        if name.startswith("LOCALDIGEST_"):
            monkeypatch.delenv(name)
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    monkeypatch.setenv("TRANSFORMERS_OFFLINE", "1")
    monkeypatch.setenv("MPLBACKEND", "Agg")
    # The user data and config folders (default database, digests, models) live in tmp_path.
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg-data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg-config"))
    monkeypatch.chdir(tmp_path)
    return tmp_path


def write_gguf(path: Path, floats: int = 8, *, cut: int = 0) -> Path:
    """A minimal valid GGUF v3 file: one F32 tensor of ``floats`` values (``cut`` bytes short)."""
    import struct

    def string(text: str) -> bytes:
        raw = text.encode()
        return struct.pack("<Q", len(raw)) + raw

    head = b"GGUF" + struct.pack("<IQQ", 3, 1, 1)
    head += string("general.architecture") + struct.pack("<I", 8) + string("llama")
    head += (
        string("w") + struct.pack("<I", 1) + struct.pack("<Q", floats) + struct.pack("<IQ", 0, 0)
    )
    head += b"\0" * (-len(head) % 32)
    data = head + struct.pack(f"<{floats}f", *range(floats))
    path.write_bytes(data[: len(data) - cut] if cut else data)
    return path


@pytest.fixture
def gguf():
    """gguf(path, floats=8, cut=0) -> path: a tiny GGUF file, ``cut`` bytes short of whole."""
    return write_gguf


@pytest.fixture
def runner():
    """A CLI runner for `localdigest` commands."""
    from typer.testing import CliRunner

    return CliRunner()


@pytest.fixture
def fakes(monkeypatch):
    """Route the CLI to the fake LLM and the hashing embedder (no real model)."""
    monkeypatch.setenv("LOCALDIGEST_LLM_BACKEND", "fake")
    monkeypatch.setenv("LOCALDIGEST_EMBED_BACKEND", "hash")


@pytest.fixture
def recorder(monkeypatch):
    """UmapHdbscan replaced by a clusterer that records each fit (three equal groups)."""
    import numpy as np

    import localdigest.pipeline as pipeline
    from localdigest.cluster import Clustering

    fits = []

    class Recorder:
        def __init__(self, seed):
            self.seed = seed

        def key(self):
            return "recorder"

        def fit(self, features):
            fits.append(features.shape)
            n = len(features)
            return Clustering(labels=np.repeat([0, 1, 2], n // 3), noise=np.zeros(n, bool))

    monkeypatch.setattr(pipeline, "UmapHdbscan", Recorder)
    return fits
