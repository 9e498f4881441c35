"""A museum's admin manages its own users and tokens over the API, and only those."""

from __future__ import annotations

from catalogue_app.regional import admin
from tests.integration.conftest import RegionalServer
from tests.integration.regional.conftest import Museum


def test_an_admin_creates_and_revokes_tokens_for_users_of_its_museum(
    museum_a: Museum, regional_server: RegionalServer,
) -> None:
    with regional_server.client(regional_server.token("MA", "director", "admin")) as director:
        created = director.post("/api/v1/tokens", json={"user": "intern", "role": "reader"})
        assert created.status_code == 200, created.text
        with regional_server.client(created.json()["token"]) as intern:
            assert intern.get("/api/v1/whoami").json()["role"] == "reader"
            users = {u["name"]: u for u in director.get("/api/v1/users").json()["users"]}
            assert users["intern"]["role"] == "reader"
            revoked = director.post(f"/api/v1/tokens/{created.json()['token_id']}:revoke")
            assert revoked.status_code == 200
            assert intern.get("/api/v1/whoami").status_code == 401


def test_editors_and_readers_cannot_manage_users(museum_a: Museum) -> None:
    for client in (museum_a.editor, museum_a.reader):
        response = client.post("/api/v1/tokens", json={"user": "mole", "role": "admin"})
        assert response.status_code == 403 and "only an admin" in response.json()["error"]
        assert client.get("/api/v1/users").status_code == 403


def test_an_admin_cannot_see_or_revoke_another_museums_tokens(
    museum_a: Museum, museum_b: Museum, regional_server: RegionalServer,
) -> None:
    with regional_server.database.write_session() as session:
        b_token_id, _token, _ = admin.create_token(session, "MB", "b-curator")
    with regional_server.client(regional_server.token("MA", "director", "admin")) as director:
        response = director.post(f"/api/v1/tokens/{b_token_id}:revoke")
        assert response.status_code == 404
        names = {u["name"] for u in director.get("/api/v1/users").json()["users"]}
        assert "b-curator" not in names
    assert museum_b.editor.get("/api/v1/whoami").status_code == 200
