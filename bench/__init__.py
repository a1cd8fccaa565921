"""Reproducible benchmarks with deterministic data generators; each prints figures (and --json)."""
