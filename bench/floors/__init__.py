"""Floors: the least a program doing the same job can cost here, for scale (not sessiond)."""
