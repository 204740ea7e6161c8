"""Benchmarks (not tests): run `python -m bench` or `python -m bench.<name>`."""
