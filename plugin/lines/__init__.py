"""The three control lines (三区三线): the workspace, the named rule checks and their report."""
