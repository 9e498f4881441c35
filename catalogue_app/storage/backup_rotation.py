"""Which backups a rotating backup folder keeps: the newest of each of the last 7 days, 4
weeks and 12 months that have one (days, weeks and months without a backup are not counted,
as with borg's and restic's prune), and always the newest of all."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import datetime

DAILY, WEEKLY, MONTHLY = 7, 4, 12

_PERIODS: tuple[tuple[Callable[[datetime], tuple], int], ...] = (
    (lambda t: (t.year, t.month, t.day), DAILY),
    (lambda t: t.isocalendar()[:2], WEEKLY),
    (lambda t: (t.year, t.month), MONTHLY),
)


def backups_to_keep(made_at: Iterable[datetime]) -> set[datetime]:
    newest_first = sorted(set(made_at), reverse=True)
    kept = set(newest_first[:1])
    for period_of, count in _PERIODS:
        seen: list[tuple] = []
        for moment in newest_first:
            period = period_of(moment)
            if period not in seen:
                seen.append(period)
                kept.add(moment)
                if len(seen) == count:
                    break
    return kept
