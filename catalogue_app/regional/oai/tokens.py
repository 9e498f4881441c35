"""Resumption tokens: an incomplete list's position in the publication log.

A list is bounded at its first request by the log's position then (`bound`): the following
pages return the entries after the last one sent (`after`) up to that bound, in log order. An
entry changed meanwhile has moved past the bound, so a record is sent at most once, every
record unchanged during the harvest is sent, and what changed comes with the next incremental
harvest; should every entry left have changed, the one announced (`next_id`) is sent as it is
now, since a list page cannot be empty. The token is plain base64url JSON (it holds nothing a
harvester may not know); the base's epoch in it detects a base restored or rebuilt since, and
each token expires a day after it was issued."""

from __future__ import annotations

import base64
import binascii
import json
import time
from dataclasses import asdict, dataclass, replace
from datetime import UTC, datetime

from catalogue_app.regional.oai.requests import OaiError

LIFETIME_SECONDS = 24 * 3600


@dataclass(frozen=True)
class Token:
    verb: str
    prefix: str
    set: str | None
    start: str | None  # from, as a datestamp of the log
    end: str | None  # until
    bound: int  # the log's last position at the first request
    after: int  # the position of the last entry sent
    cursor: int  # how many entries were sent before
    size: int  # completeListSize, counted at the first request
    next_id: str  # the record announced after the last one sent
    epoch: str
    issued: int  # unix seconds

    def next(self, after: int, sent: int, next_id: str) -> Token:
        return replace(self, after=after, cursor=self.cursor + sent, next_id=next_id,
                       issued=int(time.time()))

    def encode(self) -> str:
        text = json.dumps(asdict(self), separators=(",", ":"))
        return base64.urlsafe_b64encode(text.encode()).decode().rstrip("=")

    @property
    def expires(self) -> str:
        moment = datetime.fromtimestamp(self.issued + LIFETIME_SECONDS, UTC)
        return moment.strftime("%Y-%m-%dT%H:%M:%SZ")


def decode(text: str, verb: str, epoch: str) -> Token:
    """The token a harvester sent back, or badResumptionToken."""
    try:
        raw = base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))
        token = Token(**json.loads(raw))
        if not (isinstance(token.bound, int) and isinstance(token.after, int)
                and isinstance(token.cursor, int) and isinstance(token.size, int)
                and isinstance(token.issued, int) and isinstance(token.next_id, str)):
            raise TypeError
    except (ValueError, TypeError, binascii.Error, UnicodeDecodeError):
        raise OaiError("badResumptionToken", "this resumptionToken is not one this base"
                       " issued") from None
    if token.verb != verb:
        raise OaiError("badResumptionToken", f"this resumptionToken continues {token.verb},"
                       f" not {verb}")
    if token.epoch != epoch:
        raise OaiError("badResumptionToken", "this resumptionToken is from before the base was"
                       " restored or rebuilt: start the harvest again")
    if time.time() > token.issued + LIFETIME_SECONDS:
        raise OaiError("badResumptionToken", f"this resumptionToken expired at {token.expires}:"
                       " start the harvest again")
    return token
