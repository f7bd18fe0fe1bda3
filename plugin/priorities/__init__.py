"""Priorities between objectives (SPEC §11): the ruling objective of each zone and the
Pareto fronts of candidate sites."""
