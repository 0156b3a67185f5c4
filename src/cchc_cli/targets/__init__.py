"""Targets: the targets.yaml model, periods, the timeliness rule and the engine."""
