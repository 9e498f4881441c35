"""Loans and condition reports travel with their record to the regional base and to the
museum's other desks, and reach no public route: the portal's pages, search and JSON API,
OAI-PMH and the base's Joconde export (design.md §8), on both backends."""

from __future__ import annotations

import httpx

from catalogue_app.regional.joconde_export import export_joconde
from tests.integration.sync.conftest import MUSEUM, server_records
from tests.unit.test_loans_never_published import LOANS, REPORTS, SECRETS


def test_loans_and_condition_reports_sync_to_the_museums_desks_and_nowhere_public(
        make_desk, museum_server, tmp_path):
    desk, other = make_desk("desk"), make_desk("other")
    record_id = desk.catalogue.save({
        "inventory_number": "2004.1.1", "designation": "Coiffe", "title": "Bonnet cauchois",
        "public": True, "joconde_ref": "M0001000123", "domains": ["ethnologie"],
        "acquisition_mode": "don"}).focus
    for loan in LOANS:
        desk.catalogue.save_loan(record_id, {k: v for k, v in loan.items() if k != "id"})
    desk.catalogue.save_condition_report(record_id, {k: v for k, v in REPORTS[0].items()
                                                     if k != "id"})
    desk.sync()
    other.sync()
    sent = desk.records()[record_id]
    assert other.records()[record_id]["loans"] == sent["loans"]
    assert other.records()[record_id]["condition_reports"] == sent["condition_reports"]
    assert [loan["party"] for loan in sent["loans"]] == [loan["party"] for loan in LOANS]
    assert server_records(museum_server, desk.token)[record_id]["loans"] == sent["loans"]

    with httpx.Client(base_url=museum_server.url, timeout=30) as visitor:
        pages = [visitor.get(f"/objets/{record_id}"),
                 visitor.get(f"/api/public/v1/objects/{record_id}"),
                 visitor.get("/oai", params={"verb": "GetRecord", "metadataPrefix": "lido",
                                             "identifier": f"oai:127.0.0.1:{record_id}"}),
                 visitor.get("/oai", params={"verb": "GetRecord", "metadataPrefix": "oai_dc",
                                             "identifier": f"oai:127.0.0.1:{record_id}"})]
        for secret in ("Zéphyrin", "Hortense"):
            found = visitor.get("/api/public/v1/search", params={"q": secret}).json()
            assert found["total"] == 0, secret
    for page in pages:
        assert page.status_code == 200 and "Bonnet cauchois" in page.text, page.url
        assert [s for s in SECRETS if s in page.text] == [], page.url

    out = tmp_path / "joconde.csv"
    with museum_server.database.read_session() as session:
        assert export_joconde(session, MUSEUM, out).written == 1
    assert [s for s in SECRETS if s in out.read_text("utf-8")] == []
