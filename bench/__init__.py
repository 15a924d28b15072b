"""Benchmarks of Pairing Wizard (not tests): `make bench` / `python -m bench.run`."""
