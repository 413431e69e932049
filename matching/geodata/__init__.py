"""Data files of :mod:`matching.geo`; ``build_embedded`` regenerates ``nl_pc4.csv.gz``."""
