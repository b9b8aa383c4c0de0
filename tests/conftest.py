"""Shared fixtures: paths to the bundled articles and to ../shared (skipped where absent)."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
ARTICLES = ROOT / "data" / "articles"
SEED = ARTICLES / "lukashenko-belarusian-troops.txt"
SHARED = ROOT.parent / "shared"


@pytest.fixture(scope="session")
def seed_path() -> Path:
    return SEED


@pytest.fixture(scope="session")
def shared() -> Path:
    if not (SHARED / "eval").is_dir():
        pytest.skip(f"../shared/eval not found at {SHARED} (accuracy data lives beside the project)")
    return SHARED
