"""The benchmarks keep working: a tiny run of each through a real server process (figures are not checked here)."""

from __future__ import annotations

import argparse

from bench import load
from bench import sync as bench_sync


def test_bench_sync_small_run_reports_every_figure() -> None:
    result = bench_sync.run(200, "sqlite", None, workers=1, seed=7)
    for key in ("cases", "backend", "push_full_s", "pull_full_s", "push_incremental_s", "pull_incremental_s",
                "bytes_up", "bytes_down", "server_db_bytes"):  # fmt: skip
        assert key in result
    assert result["cases"] == 200 and result["bytes_up"] > 200 * 1000 and result["server_db_bytes"] > 0


def test_bench_load_small_run_has_no_errors() -> None:
    args = argparse.Namespace(
        devices=12, seconds=2.0, workers=1, backend="sqlite", database_url=None, think_ms=100, batch=3
    )
    result = load.run(args)
    assert result["errors"] == 0 and result["requests"] > 12 and result["p99_ms"] >= result["p50_ms"]
