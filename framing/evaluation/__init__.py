"""Measured accuracy of the detectors against a hand-annotated gold set."""
