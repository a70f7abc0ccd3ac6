"""Reproducible training of the small models claimgraph ships (``make train``)."""
