"""The systemd units in deploy/ are valid (systemd-analyze verify, when it exists)."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
UNITS = sorted((ROOT / "deploy").glob("*.service"))


@pytest.mark.skipif(shutil.which("systemd-analyze") is None,
                    reason="systemd-analyze is not installed")
@pytest.mark.parametrize("unit", UNITS, ids=[u.name for u in UNITS])
def test_unit_file_verifies(unit: Path, tmp_path: Path) -> None:
    # verify checks that the programs exist: point the install paths at this checkout.
    text = unit.read_text().replace("/opt/koppelkans/.venv/bin", str(Path(sys.executable).parent))
    (tmp_path / unit.name).write_text(text.replace("/opt/koppelkans", str(ROOT)))
    result = subprocess.run(["systemd-analyze", "verify", str(tmp_path / unit.name)],
                            capture_output=True, text=True, timeout=60, check=False)
    assert result.returncode == 0 and not result.stderr.strip(), result.stderr


def test_there_are_units_for_web_and_jobs() -> None:
    assert [u.name for u in UNITS] == ["koppelkans-jobs.service", "koppelkans-web.service"]
