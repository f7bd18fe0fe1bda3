"""A throw-away PostgreSQL + PostGIS for the tests: pg_virtualenv, from Debian's postgresql-common.

As root (CI), pg_virtualenv makes its cluster in /etc/postgresql/VERSION/regress unless told
otherwise, and a second test session at the same time (the test command runs the sanitizer
line beside the plain one) is then refused: "Cluster 15/regress exists, refusing to overwrite".
Every test therefore asks for the cluster in a temporary directory (-t) and on a port of its
own."""
from __future__ import annotations

import socket
from typing import List


def free_port() -> int:
    """A TCP port no server on this machine listens on now (the system hands out an unused one)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def pg_virtualenv(*command: str) -> List[str]:
    """The command line that runs `command` with a throw-away cluster (PG* variables set)."""
    return ["pg_virtualenv", "-t", "-c", f"--port={free_port()}", *command]
