"""A private, throw-away PostgreSQL server for the test suite's team-database pass (standard library only).

    with private_server() as url:   # postgresql://postgres@127.0.0.1:PORT, or None when unavailable
        ...

Uses the server programs of the machine (Debian's ``postgresql`` package: ``/usr/lib/postgresql/N/bin``),
installing the package with apt-get when it is missing and we are root. The cluster lives in a temporary
folder, listens on a free local port (and a socket in that folder), trusts local connections, runs without
fsync (a test server), and is stopped and deleted afterwards. PostgreSQL refuses to run as root: as root
the cluster belongs to the ``postgres`` user (created by the package).
"""

from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


def say(message: str) -> None:
    print(f"[pg] {message}", flush=True)


def _bindir() -> Path | None:
    for candidate in sorted(
        glob.glob("/usr/lib/postgresql/*/bin"), key=lambda p: int(p.split("/")[-2]), reverse=True
    ):
        if (Path(candidate) / "initdb").exists():
            return Path(candidate)
    found = shutil.which("initdb")
    return Path(found).parent if found else None


def _is_root() -> bool:
    return hasattr(os, "geteuid") and os.geteuid() == 0


def _install() -> None:
    apt = shutil.which("apt-get")
    if not (sys.platform.startswith("linux") and apt and _is_root()):
        return
    say("installing PostgreSQL (Debian's postgresql package)")
    subprocess.run([apt, "update", "-qq"], check=False)
    env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
    subprocess.run(
        [apt, "install", "-y", "-qq", "--no-install-recommends", "postgresql", "postgresql-contrib"],
        check=False,
        env=env,
    )


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _as_owner(cmd: list[str]) -> list[str]:
    if not _is_root():
        return cmd
    runuser = shutil.which("runuser")
    if runuser:
        return [runuser, "-u", "postgres", "--", *cmd]
    return ["su", "postgres", "-s", "/bin/sh", "-c", " ".join(cmd)]


@contextmanager
def private_server() -> Iterator[str | None]:
    bindir = _bindir()
    if bindir is None:
        _install()
        bindir = _bindir()
    if bindir is None:
        say(
            "no PostgreSQL server programs on this machine: install PostgreSQL to run the team-database tests"
        )
        yield None
        return
    folder = Path(tempfile.mkdtemp(prefix="crm-pg-"))
    data = folder / "data"
    log = folder / "server.log"
    if _is_root():
        shutil.chown(folder, "postgres")
    port = _free_port()
    try:
        subprocess.run(
            _as_owner(
                [
                    str(bindir / "initdb"),
                    "-D",
                    str(data),
                    "-A",
                    "trust",
                    "-U",
                    "postgres",
                    "-E",
                    "UTF8",
                    "--locale=C.UTF-8",
                    "--no-sync",
                ]
            ),
            check=True,
            stdout=subprocess.DEVNULL,
        )
        options = (
            f"-p {port} -k {folder} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off "
            "-c full_page_writes=off -c max_connections=200"
        )
        subprocess.run(
            _as_owner(
                [str(bindir / "pg_ctl"), "-D", str(data), "-o", options, "-l", str(log), "-w", "start"]
            ),
            check=True,
            stdout=subprocess.DEVNULL,
        )
    except (subprocess.CalledProcessError, OSError) as exc:
        say(f"the private server did not start ({exc}); its log: {log}")
        shutil.rmtree(folder, ignore_errors=True)
        yield None
        return
    say(f"private server on 127.0.0.1:{port} ({bindir.parent.name})")
    try:
        yield f"postgresql://postgres@127.0.0.1:{port}"
    finally:
        subprocess.run(
            _as_owner([str(bindir / "pg_ctl"), "-D", str(data), "-m", "immediate", "-w", "stop"]),
            check=False,
            stdout=subprocess.DEVNULL,
        )
        shutil.rmtree(folder, ignore_errors=True)
