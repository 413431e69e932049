"""A national-size Koppelkans instance on PostgreSQL, for bench/bench_national.py."""
