"""Coach's benchmarks: figures reported as ratios against a baseline measured in the same run.

Run ``uv run python -m benchmarks`` (or ``... benchmarks save``). This package imports nothing
at import time, so ``python -m benchmarks.probe`` pays only for what the probe itself loads.
"""
