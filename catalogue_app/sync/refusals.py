"""What the curator reads when the regional base refuses one record of a push: said from the
answer's stable `code` (PROTOCOL.md) in the user's language. A refusal by the core's own rules
(the register's: catalogue_app.records.register_rules; a field of the wrong type or value:
catalogue_app.records.record) comes with the core's code and parameters and is said exactly as
the desk itself would say it, after the record's number when the words do not name it; any
other keeps the base's English words after it for whoever helps."""

from __future__ import annotations

from string import Formatter
from typing import Any

from catalogue_app.messages import Message, MessageKind, declare
from catalogue_app.protocol import message_from_wire

# The codes the base answers with when the core's rules refuse a record: declared here.
from catalogue_app.records import record, register_rules  # noqa: F401

_BY_CODE: dict[str, MessageKind] = {
    "invalid_field": declare(
        "sync.record_invalid_field",
        "Record {number}: the regional base refuses one of its fields."),
    "foreign_id": declare(
        "sync.record_foreign_id",
        "Record {number}: its identifier belongs to another museum's record on the regional"
        " base; a catalogue copied from another museum cannot sync."),
    "number_taken": declare(
        "sync.record_number_taken",
        "Record {number}: another record of your museum on the regional base already has this"
        " inventory number."),
    "number_required": declare(
        "sync.record_number_required",
        "Record {number}: the regional base takes no record without an inventory number."),
    "unknown_base_version": declare(
        "sync.record_unknown_base_version",
        "Record {number}: the regional base no longer knows this record; a full resync is"
        " needed."),
    "duplicate_in_batch": declare(
        "sync.record_duplicate_in_batch",
        "Record {number} was sent twice in one batch; it goes again with the next sync."),
}
_BY_LIMIT: dict[str, MessageKind] = {
    "record_bytes": declare(
        "sync.record_over_record_bytes",
        "Record {number} is too large for the regional base (at most {max} bytes of text; its"
        " images travel apart)."),
    "inventory_number_chars": declare(
        "sync.record_over_inventory_number_chars",
        "Record {number}: its inventory number is longer than the regional base accepts (at"
        " most {max} characters)."),
}
OTHER = declare("sync.record_refused", "Record {number}: refused by the regional base.")
WITH_DETAIL = declare("sync.record_refused_detail", "{message} (the regional base said: {said})")
OF_RECORD = declare("sync.record_refused_because", "Record {number}: {message}")


def refusal_message(number: str, result: dict[str, Any]) -> Message:
    """The curator's words for one `error` result of a push."""
    code = result.get("code")
    precise = message_from_wire(code, result.get("params"))
    if precise is not None:
        return precise if _names_the_record(precise) else OF_RECORD(number=number,
                                                                    message=precise)
    kind = (_BY_LIMIT.get(result.get("limit") or "", OTHER) if code == "limit_exceeded"
            else _BY_CODE.get(code or "", OTHER))
    said = result.get("message") or ""
    message = kind(number=number, max=result.get("max"))
    return WITH_DETAIL(message=message, said=said) if said else message


def _names_the_record(message: Message) -> bool:
    """Whether the message's words say the record's number (the register's do; a field's
    check, made on fields alone, does not)."""
    return any(name == "number" for _text, name, _spec, _conversion
               in Formatter().parse(message.kind.english))
