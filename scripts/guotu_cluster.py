#!/usr/bin/python3
"""County-partitioned guotu runs on Dask: `guotu_cluster.py voucher|convert --help`."""
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from plugin.cluster.cli import main  # noqa: E402

if __name__ == "__main__":
    sys.exit(main())
