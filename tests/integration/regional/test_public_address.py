"""The base's public address and contact come from `serve --public-url/--admin-email`: every
absolute link it writes uses them, whatever Host header a caller sends."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from catalogue_app.regional.cli import main
from catalogue_app.regional.config import ServerConfig
from tests.integration.conftest import RegionalServer, serving

PUBLIC = "https://collections.musees-normandie.example/base"
CONTACT = "informatique@musees-normandie.example"


@pytest.fixture
def addressed(regional_config: ServerConfig) -> Iterator[RegionalServer]:
    config = dataclasses.replace(regional_config, public_url=PUBLIC + "/", admin_email=CONTACT)
    with serving(config) as server:
        yield server


def test_links_use_the_public_address_never_the_callers_host(
    addressed: RegionalServer,
) -> None:
    with httpx.Client(base_url=addressed.url, headers={"Host": "attacker.example"}) as client:
        robots = client.get("/robots.txt").text
        index = client.get("/sitemap.xml").text
        pages = client.get("/sitemap-pages.xml").text
        museums = client.get("/musees").text
        legal = client.get("/mentions-legales").text
    assert f"Sitemap: {PUBLIC}/sitemap.xml" in robots
    for document in (index, pages):
        locations = re.findall(r"<loc>(.*?)</loc>", document)
        assert locations and all(loc.startswith(PUBLIC + "/") for loc in locations), locations
    assert f'<link rel="canonical" href="{PUBLIC}/musees"' in museums
    assert "attacker.example" not in robots + index + pages + museums
    assert f'href="mailto:{CONTACT}"' in legal


@pytest.mark.parametrize(("option", "value", "said"), [
    ("--public-url", "collections.example.org", "give the address the public uses"),
    ("--public-url", "ftp://collections.example.org", "give the address the public uses"),
    ("--public-url", "https://collections.example.org/?a=1", "no query"),
    ("--admin-email", "informatique", "is not an e-mail address"),
])
def test_serve_refuses_an_address_that_is_not_one(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], option: str, value: str, said: str,
) -> None:
    assert main(["--data", str(tmp_path), "serve", option, value]) == 1
    assert said in capsys.readouterr().err


def test_a_base_not_told_its_address_writes_the_one_it_listens_at(
    regional_server: RegionalServer,
) -> None:
    robots = httpx.get(f"{regional_server.url}/robots.txt",
                       headers={"Host": "attacker.example"}).text
    assert f"Sitemap: {regional_server.config.public_url}/sitemap.xml" in robots
