"""An OAI-PMH request checked against the specification's rules (section 3), before any
database work: which verb, which arguments it allows and requires, datestamps and their
granularity. A request the rules refuse raises OaiError with the specification's error code."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from catalogue_app.exchange.lido import fits_xml

DAY, SECONDS = "YYYY-MM-DD", "YYYY-MM-DDThh:mm:ssZ"
_FORMATS = {len("2000-01-01"): "%Y-%m-%d", len("2000-01-01T00:00:00Z"): "%Y-%m-%dT%H:%M:%SZ"}

# verb -> (required arguments, optional arguments); a resumptionToken is exclusive.
VERBS: dict[str, tuple[frozenset[str], frozenset[str]]] = {
    "Identify": (frozenset(), frozenset()),
    "ListMetadataFormats": (frozenset(), frozenset({"identifier"})),
    "ListSets": (frozenset(), frozenset({"resumptionToken"})),
    "GetRecord": (frozenset({"identifier", "metadataPrefix"}), frozenset()),
    "ListIdentifiers": (frozenset({"metadataPrefix"}),
                        frozenset({"from", "until", "set", "resumptionToken"})),
    "ListRecords": (frozenset({"metadataPrefix"}),
                    frozenset({"from", "until", "set", "resumptionToken"})),
}


class OaiError(Exception):
    """An OAI-PMH error condition: `code` is the specification's (badArgument, ...)."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message

    @property
    def echoes_request(self) -> bool:
        """The request element repeats the arguments, except for badVerb and badArgument."""
        return self.code not in ("badVerb", "badArgument")


@dataclass(frozen=True)
class OaiRequest:
    verb: str
    arguments: dict[str, str]

    def get(self, name: str) -> str | None:
        return self.arguments.get(name)


def parse(items: Sequence[tuple[str, str]]) -> OaiRequest:
    """The request of these (name, value) pairs (query string or form body)."""
    names = [name for name, _ in items]
    verbs = [value for name, value in items if name == "verb"]
    if len(verbs) != 1:
        raise OaiError("badVerb", "the verb argument is missing" if not verbs
                       else "the verb argument is repeated")
    verb = verbs[0]
    if verb not in VERBS:
        raise OaiError("badVerb", f"{verb[:60]!r} is not an OAI-PMH verb")
    # The answer repeats the arguments, and XML cannot carry a control character (lxml refuses).
    if not all(fits_xml(name + value) for name, value in items):
        raise OaiError("badArgument", "an argument holds a control character (such as NUL)")
    arguments = {name: value for name, value in items if name != "verb"}
    repeated = sorted({name for name in names if names.count(name) > 1})
    if repeated:
        raise OaiError("badArgument", f"repeated argument: {', '.join(repeated)}")
    required, optional = VERBS[verb]
    unknown = sorted(set(arguments) - required - optional)
    if unknown:
        raise OaiError("badArgument",
                       f"{verb} takes no argument {', '.join(n[:40] for n in unknown)}")
    if "resumptionToken" in arguments:
        if len(arguments) > 1:
            raise OaiError("badArgument", "resumptionToken is an exclusive argument")
    else:
        missing = sorted(required - set(arguments))
        if missing:
            raise OaiError("badArgument", f"{verb} requires {', '.join(missing)}")
    return OaiRequest(verb, arguments)


@dataclass(frozen=True)
class Window:
    """The from/until of a list request, as datestamps of the log (seconds, inclusive)."""

    start: str | None
    end: str | None


def window(request: OaiRequest) -> Window:
    given = {name: request.get(name) for name in ("from", "until")}
    parsed = {name: _datestamp(name, value) for name, value in given.items() if value is not None}
    if len({len(v) for v in given.values() if v is not None}) > 1:
        raise OaiError("badArgument", "from and until must have the same granularity")
    start = parsed.get("from")
    end = parsed.get("until")
    if start is not None and len(start) == len("2000-01-01"):
        start += "T00:00:00Z"
    if end is not None and len(end) == len("2000-01-01"):
        end += "T23:59:59Z"
    if start is not None and end is not None and start > end:
        raise OaiError("badArgument", "from is later than until")
    return Window(start, end)


def _datestamp(name: str, value: str) -> str:
    pattern = _FORMATS.get(len(value))
    try:
        if pattern is None:
            raise ValueError
        datetime.strptime(value, pattern)
    except ValueError:
        raise OaiError("badArgument", f"{name} {value[:40]!r} is not a date of the form {DAY}"
                       f" or {SECONDS}") from None
    return value
