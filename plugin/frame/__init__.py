"""The provincial transmission framework (省级定框架, SPEC §10): the element catalogue and
the cities' submissions checked against it."""
