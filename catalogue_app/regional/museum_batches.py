"""What every push of a museum shares, whatever it carries (records, museum documents): one
transaction under the museum's lock, the museum's change counter, and the answer stored under
the Idempotency-Key before the commit, so a retry with the same key and the same batch gets
the same answer and applies nothing.

A handler opens a `MuseumBatch`; if `stored` holds an answer it returns it, otherwise it
applies its batch from `change_seq` on and calls `finish` with the answer and the counter's new
value."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import bindparam, delete, func, insert, select, update
from sqlalchemy.orm import Session

from catalogue_app.regional.admin import Caller
from catalogue_app.regional.errors import LimitExceeded, RegionalError
from catalogue_app.regional.limits import Limits
from catalogue_app.regional.timestamps import utc_days_ago, utc_now
from db.regional.models import IdempotentResponse, Museum

# A retry after that is applied as a new batch: what it carried comes back unchanged.
ANSWERS_KEPT_DAYS = 30

# The statements of every push, built once (building one costs more than running it).
_MUSEUMS = Museum.__table__
_ANSWERS = IdempotentResponse.__table__
# Serialises the museum's writers (row lock on PostgreSQL; SQLite already holds its lock).
_LOCK_MUSEUM = (
    select(
        _MUSEUMS.c.change_seq,
        select(func.min(_ANSWERS.c.created_at))
        .where(_ANSWERS.c.museum_id == bindparam("museum_id"))
        .scalar_subquery(),
    )
    .where(_MUSEUMS.c.id == bindparam("museum_id"))
    .with_for_update(of=_MUSEUMS)
)
_STORED_ANSWER = select(_ANSWERS.c.request_hash, _ANSWERS.c.response).where(
    _ANSWERS.c.museum_id == bindparam("museum_id"), _ANSWERS.c.key == bindparam("key")
)
_STORE_ANSWER = insert(_ANSWERS)
_ADVANCE_COUNTER = (
    update(_MUSEUMS)
    .where(_MUSEUMS.c.id == bindparam("museum_id"))
    .values(change_seq=bindparam("change_seq"))
)


def check_batch_size(count: int, limits: Limits, what: str) -> None:
    """413 beyond `batch_records` items, whatever the batch carries."""
    if count > limits.batch_records:
        raise LimitExceeded(
            f"a batch holds at most {limits.batch_records} {what}; this one has {count}:"
            " split it", "batch_records", limits.batch_records,
        )


@dataclass
class MuseumBatch:
    session: Session
    caller: Caller
    idempotency_key: str
    fingerprint: str
    change_seq: int = 0  # the museum's counter: each applied item takes the next value
    stored: dict[str, Any] | None = None  # the answer already given under this key
    now: str = field(default_factory=utc_now)  # one transaction, one time
    _oldest_answer_at: str | None = None

    @classmethod
    def begin(cls, session: Session, caller: Caller, idempotency_key: str, fingerprint: str,
              *also_recognised: str) -> MuseumBatch:
        """Lock the museum and look up the key; `also_recognised`: fingerprints an earlier
        version of the server stored the same batch under."""
        batch = cls(session, caller, idempotency_key, fingerprint)
        batch.change_seq, batch._oldest_answer_at = session.execute(
            _LOCK_MUSEUM, {"museum_id": caller.museum_id}
        ).one()
        stored = session.execute(
            _STORED_ANSWER, {"museum_id": caller.museum_id, "key": idempotency_key}
        ).one_or_none()
        if stored is not None:
            if stored.request_hash not in (fingerprint, *also_recognised):
                raise RegionalError(
                    f"Idempotency-Key {idempotency_key!r} was already used for a different"
                    " batch; use a new key for a new batch", 422,
                )
            batch.stored = stored.response
        return batch

    def finish(self, response: dict[str, Any], change_seq: int) -> None:
        """Store the answer under the key and move the museum's counter to `change_seq`."""
        museum_id = self.caller.museum_id
        self.session.execute(_STORE_ANSWER, {
            "museum_id": museum_id, "key": self.idempotency_key,
            "request_hash": self.fingerprint, "response": response, "created_at": self.now,
        })
        if change_seq != self.change_seq:
            self.session.execute(
                _ADVANCE_COUNTER, {"museum_id": museum_id, "change_seq": change_seq}
            )
            self.change_seq = change_seq
        if self._oldest_answer_at is not None:
            self._prune_old_answers(self._oldest_answer_at)

    def _prune_old_answers(self, oldest_answer_at: str) -> None:
        """Delete the museum's answers older than ANSWERS_KEPT_DAYS once the oldest is a day
        past that: one delete a day per museum, not one per push."""
        if oldest_answer_at < utc_days_ago(ANSWERS_KEPT_DAYS + 1):
            self.session.execute(delete(_ANSWERS).where(
                _ANSWERS.c.museum_id == self.caller.museum_id,
                _ANSWERS.c.created_at < utc_days_ago(ANSWERS_KEPT_DAYS),
            ))
