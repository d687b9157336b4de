"""Load benchmarks for EIOS (`make bench`); a measurement, never part of `make test`."""
