"""A PostgreSQL server whose data directory is kept between runs (bench_national --keep).

Started like scripts/with-postgres (127.0.0.1 only, trust, fsync off), but the data
directory stays, so the generated national instance is made once and reused.
"""

from __future__ import annotations

import glob
import os
import shutil
import subprocess
from pathlib import Path


def _bindir() -> Path:
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"),
                   key=lambda p: [int(x) for x in Path(p).parts[-3].split(".")])
    if not found:
        raise SystemExit("PostgreSQL is not installed (scripts/apt-install postgresql)")
    return Path(found[-1]).parent


def _as_owner(*command: str) -> list[str]:
    """PostgreSQL refuses to run as root: use the postgres account then."""
    return ["runuser", "-u", "postgres", "--", *command] if os.getuid() == 0 else [*command]


class KeptServer:
    def __init__(self, folder: Path, port: int) -> None:
        self.folder, self.port, self.bindir = folder, port, _bindir()
        self.data = folder / "data"

    def start(self) -> str:
        """Start (creating the cluster and database the first time); return the URL."""
        fresh = not self.data.exists()
        if fresh:
            self.folder.mkdir(parents=True, exist_ok=True)
            self.folder.chmod(0o755)
            if os.getuid() == 0:
                shutil.chown(self.folder, "postgres")
            subprocess.run(_as_owner(str(self.bindir / "initdb"), "-D", str(self.data), "-U",
                                     "postgres", "--auth=trust", "-E", "UTF8"),
                           check=True, stdout=subprocess.DEVNULL)
        options = f"-p {self.port} -k {self.data} -c listen_addresses=127.0.0.1 -c fsync=off"
        subprocess.run(_as_owner(str(self.bindir / "pg_ctl"), "-D", str(self.data), "-l",
                                 str(self.data / "server.log"), "-w", "-o", options, "start"),
                       check=True, stdout=subprocess.DEVNULL)
        if fresh:
            subprocess.run(_as_owner(str(self.bindir / "createdb"), "-h", "127.0.0.1", "-p",
                                     str(self.port), "-U", "postgres", "koppelkans_national"),
                           check=True)
        return f"postgresql+psycopg://postgres@127.0.0.1:{self.port}/koppelkans_national"

    def stop(self) -> None:
        subprocess.run(_as_owner(str(self.bindir / "pg_ctl"), "-D", str(self.data), "-m",
                                 "fast", "stop"), check=False, stdout=subprocess.DEVNULL)
