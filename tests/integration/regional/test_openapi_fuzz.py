"""Schemathesis fuzzes every operation of the served OpenAPI document: no input yields a 5xx,
and every answer, errors included, is one the document declares."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from tests.integration.conftest import RegionalServer

SECONDS_PER_BACKEND = 20


def test_no_generated_request_gets_a_server_error(
    regional_server: RegionalServer, tmp_path: Path,
) -> None:
    regional_server.add_museum("MA")
    token = regional_server.token("MA", "fuzzer", "admin")
    schemathesis = Path(sys.executable).with_name("schemathesis")
    result = subprocess.run(
        [str(schemathesis), "run", f"{regional_server.url}/openapi.json",
         "--checks", "not_a_server_error,status_code_conformance",
         "--max-time", str(SECONDS_PER_BACKEND),
         "--header", f"Authorization: Bearer {token}", "--header", "Catalogue-Protocol: 1",
         "--workers", "1", "--warnings", "off"],
        capture_output=True, text=True, timeout=SECONDS_PER_BACKEND + 60, cwd=tmp_path,
    )
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-2000:]
    assert "passed" in result.stdout
