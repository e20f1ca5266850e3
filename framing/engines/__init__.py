"""Execution engines beyond one machine's process pool (see framing.parallel for that)."""
