"""Museums, users and tokens: what the admin command line manages and the API authenticates."""

from __future__ import annotations

import hashlib
import re
import secrets
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from sqlalchemy import bindparam, func, or_, select, update
from sqlalchemy.orm import Session

from catalogue_app.regional.errors import NotFound, RegionalError
from catalogue_app.regional.timestamps import utc_days_ahead, utc_now, utc_shifted
from db.regional.models import Museum, Record, Token, User

MUSEUM_CODE = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.-]{0,31}")
# A token's last use is written at most this often: a write on every request would serialise
# an SQLite base's reads behind its writes.
LAST_USE_PRECISION_SECONDS = 60
MAX_TOKEN_DAYS = 3650


class Role(StrEnum):
    READER = "reader"
    EDITOR = "editor"
    ADMIN = "admin"

    @property
    def can_write(self) -> bool:
        return self is not Role.READER


@dataclass(frozen=True)
class Caller:
    """Who is calling, derived from the bearer token alone."""

    museum_id: int
    museum_code: str
    museum_name: str
    user: str
    role: Role
    token_id: int | None = None
    # When the token was last used, as stored (None: never); see note_use.
    last_used_at: str | None = None


@dataclass(frozen=True)
class TokenSummary:
    """One token as `token list` shows it (never the token itself: only its hash is kept)."""

    id: int
    museum: str
    user: str
    role: str
    created_at: str
    expires_at: str | None
    last_used_at: str | None
    revoked_at: str | None


@dataclass(frozen=True)
class MuseumSummary:
    code: str
    name: str
    users: int
    records: int


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8", "surrogatepass")).hexdigest()


def add_museum(session: Session, code: str, name: str) -> None:
    if not MUSEUM_CODE.fullmatch(code):
        raise RegionalError(
            f"museum code {code!r} is not valid: use 1 to 32 letters, digits, '.', '_' or '-',"
            " starting with a letter or digit"
        )
    if not name.strip():
        raise RegionalError("the museum name is empty")
    if session.scalar(select(Museum.id).where(Museum.code == code)) is not None:
        raise RegionalError(f"museum {code} already exists")
    session.add(Museum(code=code, name=name.strip(), created_at=utc_now(), change_seq=0))


def set_museum_details(session: Session, museum_id: int, *, owner: str | None = None,
                       town: str | None = None, presentation: str | None = None) -> Museum:
    """The museum's own words (None: unchanged): who owns its collections (Joconde's STAT),
    and the town and presentation the portal shows beside its name."""
    museum = session.get(Museum, museum_id, with_for_update=True)
    for name, value in (("owner", owner), ("town", town), ("presentation", presentation)):
        if value is not None:
            setattr(museum, name, value.strip())
    museum.published_at = utc_now()
    return museum


def list_museums(session: Session) -> list[MuseumSummary]:
    users = (
        select(func.count()).select_from(User).where(User.museum_id == Museum.id)
    ).scalar_subquery()
    records = (
        select(func.count())
        .select_from(Record)
        .where(Record.museum_id == Museum.id, Record.deleted.is_(False))
    ).scalar_subquery()
    rows = session.execute(select(Museum.code, Museum.name, users, records).order_by(Museum.code))
    return [MuseumSummary(*row) for row in rows]


def museum_by_code(session: Session, code: str) -> Museum:
    museum = session.scalar(select(Museum).where(Museum.code == code))
    if museum is None:
        raise NotFound(f"there is no museum with code {code}; add it with 'museum add'")
    return museum


def create_token(
    session: Session, museum_code: str, user_name: str, role: Role | None = None,
    expires_in_days: int | None = None,
) -> tuple[int, str, list[str]]:
    """Create a token for the user (created if needed) and return (token id, token, notes).

    `role` defaults to editor for a new user and leaves an existing user's role alone;
    `expires_in_days`: the token is refused from then on (None: until revoked)."""
    if not user_name.strip():
        raise RegionalError("the user name is empty")
    if expires_in_days is not None and not 1 <= expires_in_days <= MAX_TOKEN_DAYS:
        raise RegionalError(
            f"a token expires after 1 to {MAX_TOKEN_DAYS} days, not {expires_in_days}"
        )
    museum = museum_by_code(session, museum_code)
    notes: list[str] = []
    user = session.scalar(
        select(User).where(User.museum_id == museum.id, User.name == user_name)
    )
    if user is None:
        user = User(
            museum_id=museum.id, name=user_name, role=(role or Role.EDITOR).value,
            created_at=utc_now(),
        )
        session.add(user)
        notes.append(f"created user {user_name} ({user.role}) in museum {museum.code}")
    elif role is not None and user.role != role.value:
        notes.append(f"user {user_name} of museum {museum.code}: role {user.role} -> {role}")
        user.role = role.value
    session.flush()
    token = secrets.token_urlsafe(32)
    row = Token(
        user_id=user.id, token_hash=hash_token(token), created_at=utc_now(),
        expires_at=None if expires_in_days is None else utc_days_ahead(expires_in_days),
    )
    session.add(row)
    session.flush()
    if row.expires_at is not None:
        notes.append(f"token {row.id} expires on {row.expires_at}")
    return row.id, token, notes


def revoke_token(session: Session, token_id: int, museum_id: int | None = None) -> None:
    """Revoke a token; with `museum_id`, only one of that museum's tokens."""
    token = session.get(Token, token_id)
    if token is None or (
        museum_id is not None and session.get(User, token.user_id).museum_id != museum_id
    ):
        raise NotFound(f"there is no token with id {token_id}")
    if token.revoked_at is not None:
        raise RegionalError(f"token {token_id} was already revoked on {token.revoked_at}")
    token.revoked_at = utc_now()


def list_users(session: Session, museum_id: int) -> list[dict[str, Any]]:
    users = session.scalars(select(User).where(User.museum_id == museum_id).order_by(User.name))
    tokens: dict[int, list[dict[str, Any]]] = {}
    for token in session.scalars(
        select(Token).join(User).where(User.museum_id == museum_id).order_by(Token.id)
    ):
        tokens.setdefault(token.user_id, []).append({
            "id": token.id, "created_at": token.created_at, "expires_at": token.expires_at,
            "last_used_at": token.last_used_at, "revoked_at": token.revoked_at,
        })
    return [{"name": u.name, "role": u.role, "tokens": tokens.get(u.id, [])} for u in users]


def list_tokens(session: Session, museum_code: str | None = None) -> list[TokenSummary]:
    """Every token of the base, or of one museum, oldest first."""
    query = (
        select(Token.id, Museum.code, User.name, User.role, Token.created_at, Token.expires_at,
               Token.last_used_at, Token.revoked_at)
        .join(User, Token.user_id == User.id).join(Museum, User.museum_id == Museum.id)
        .order_by(Token.id)
    )
    if museum_code is not None:
        query = query.where(Museum.id == museum_by_code(session, museum_code).id)
    return [TokenSummary(*row) for row in session.execute(query)]


# Built once: every request runs it, and building a statement costs more than running it.
_LIVE_TOKEN_OWNER = (
    select(Museum.id, Museum.code, Museum.name, User.name, User.role, Token.id,
           Token.last_used_at)
    .join(User, User.museum_id == Museum.id)
    .join(Token, Token.user_id == User.id)
    .where(
        Token.token_hash == bindparam("token_hash"), Token.revoked_at.is_(None),
        or_(Token.expires_at.is_(None), Token.expires_at > bindparam("now")),
    )
)


def authenticate(session: Session, token: str) -> Caller | None:
    """The caller a live token belongs to, or None for an unknown, revoked or expired token."""
    row = session.execute(
        _LIVE_TOKEN_OWNER, {"token_hash": hash_token(token), "now": utc_now()}
    ).one_or_none()
    if row is None:
        return None
    museum_id, code, name, user, role, token_id, last_used_at = row
    return Caller(museum_id, code, name, user, Role(role), token_id, last_used_at)


def use_is_stale(caller: Caller) -> bool:
    """Whether the caller's token last use, as stored, is older than its precision."""
    return caller.token_id is not None and (
        caller.last_used_at is None
        or caller.last_used_at < utc_shifted(-LAST_USE_PRECISION_SECONDS)
    )


def note_use(session: Session, token_id: int) -> None:
    session.execute(update(Token).where(Token.id == token_id).values(last_used_at=utc_now()))
