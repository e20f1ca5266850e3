"""The JSON Schema of framing's report (report.schema.json), shipped as package data."""
