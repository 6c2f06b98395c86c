"""What a coach knows of clients, as rules: checks on an arriving share, what it changed,
and the dashboard's figures. The workspace that stores clients is journal/app/workspace.py.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING

from journal.errors import InvalidInput
from journal.model import Client, Entry, Facts, now
from journal.sharing.keys import PublicKey
from journal.sharing.records import ShareBundle, check_dates
from journal.text import identity_key, one_line
from journal.wording import count

if TYPE_CHECKING:
    from journal.stats import Report

RECENT_DAYS = 30


@dataclass(frozen=True)
class Added:
    client: Client
    new_client: bool
    days_added: int
    days_changed: int
    days_removed: int
    promises_added: int
    promises_changed: int
    promises_removed: int
    people: int = 0
    """Person records the share carried (the client chose to share their people)."""

    def describe(self) -> str:
        c = self.client
        who = f"{one_line(c.name, 60)} ({c.id[:8]})"
        span = f"{c.start.isoformat()} to {c.end.isoformat()}"
        people = f", {count(self.people, 'person record')}" if self.people else ""
        if self.new_client:
            return (
                f"Added {who}: {count(self.days_added, 'day')} and "
                f"{count(self.promises_added, 'promise')}{people}, {span}."
            )
        parts = [
            count(n, noun) + after
            for n, noun, after in (
                (self.days_added, "new day", ""),
                (self.days_changed, "day", " changed"),
                (self.days_removed, "day", " no longer shared"),
                (self.promises_added, "new promise", ""),
                (self.promises_changed, "promise", " changed"),
                (self.promises_removed, "promise", " no longer shared"),
            )
            if n
        ]
        said = ", ".join(parts) or "nothing changed"
        return f"Updated {who}, {span}: {said}{people}."


@dataclass(frozen=True)
class DashboardRow:
    client: Client
    last_checkin: dt.date | None
    checkin_rate: float
    """Share of the last 30 days (to today) with a check-in."""
    direction: str
    change: float | None
    keep_rate: float | None
    overdue: int
    summary: str = ""
    """The client's trends in one sentence, in today's words."""


LEGACY_WORDS = (
    ("your self-orientation fell", "your self-orientation improved"),
    ("your self-orientation rose", "your self-orientation worsened"),
    ("Not enough check-ins yet", "Not enough weeks with check-ins yet"),
)
"""How an older Coach worded a client's sentence, and how it reads now: the sentence is kept
with the client when a bundle arrives, so a workspace made before directions were said as
better or worse would keep saying "fell" until each client's next share."""


def in_todays_words(summary: str) -> str:
    for old, new in LEGACY_WORDS:
        summary = summary.replace(old, new)
    return summary


def check_share(bundle: ShareBundle, source: str) -> None:
    """What msgspec's types cannot say: one entry per day, all inside the shared period, a
    sender name that shows as something, dates the calendar can handle."""
    if not identity_key(bundle.client.name):
        raise InvalidInput(f"{source}: the sender's name is blank once control characters go")
    promise_dates = (d for p in bundle.promises for d in (p.made_on, p.due, p.resolved_on))
    check_dates([bundle.start, bundle.end, *promise_dates], source)
    if bundle.start > bundle.end:
        raise InvalidInput(f"{source}: its period ends before it starts")
    if bundle.created > now() + dt.timedelta(days=1):
        raise InvalidInput(
            f"{source} is dated {bundle.created:%d %b %Y}, in the future (is the sender's clock "
            "right?); adding it would block every bundle after it"
        )
    dates = [e.date for e in bundle.entries]
    if len(set(dates)) != len(dates):
        raise InvalidInput(f"{source} has two entries for the same day")
    outside = [d for d in dates if not bundle.start <= d <= bundle.end]
    outside += [p.made_on for p in bundle.promises if p.made_on > bundle.end]
    if outside:
        raise InvalidInput(f"{source} has a record dated {outside[0]}, outside its period")
    ids = [p.id for p in bundle.promises]
    if len(set(ids)) != len(ids):
        raise InvalidInput(f"{source} has two promises with the same id")
    if any(e.private for e in bundle.entries):
        raise InvalidInput(f"{source} holds a private entry, which Coach never shares")


def check_pin(
    everyone: list[Client], bundle: ShareBundle, sender: PublicKey, source: str
) -> Client | None:
    """The first bundle under a name pins that name's key: another key under the same name (or
    one that only looks the same) is refused, and so is a bundle no newer than the last one
    added. Returns the client the bundle updates, or None for a new one."""
    same_key = next((c for c in everyone if c.id == sender.id), None)
    same_name = next(
        (c for c in everyone if identity_key(c.name) == identity_key(bundle.client.name)), None
    )
    who = one_line(bundle.client.name, 60)
    if same_name is not None and same_name.id != sender.id:
        raise InvalidInput(
            f"{source} says it is from {who}, but is signed by a different key than the "
            f"one pinned for {one_line(same_name.name, 60)} ({same_name.id[:8]}) on "
            f"{same_name.added:%d %b %Y}; not added"
        )
    if same_key is not None and bundle.created <= same_key.bundle_created:
        raise InvalidInput(
            f"{source} is not newer than the bundle already added for "
            f"{one_line(same_key.name, 60)} ({same_key.bundle_created:%d %b %Y %H:%M}); "
            "nothing changed"
        )
    return same_key


def facts(report: Report, entries: list[Entry], end: dt.date) -> Facts:
    """The dashboard's figures for a client, as of the last day they have shared; ``entries``
    newest first."""
    d = report.directions[12]["index"]
    return Facts(
        last_checkin=entries[0].date if entries else None,
        recent_checkins=[e.date for e in entries if e.date > end - dt.timedelta(days=90)],
        direction=d.verdict,
        change=d.change,
        keep_rate=report.reliability[90]["commitment"].keep_rate,
        open_due=[p.due for p in report.open_commitments],
        summary=report.summary,
    )


def dashboard_row(client: Client, today: dt.date) -> DashboardRow:
    f = client.facts
    since = today - dt.timedelta(days=RECENT_DAYS - 1)
    recent = sum(since <= d <= today for d in f.recent_checkins)
    return DashboardRow(
        client=client,
        last_checkin=f.last_checkin,
        checkin_rate=recent / RECENT_DAYS,
        direction=f.direction,
        change=f.change,
        keep_rate=f.keep_rate,
        overdue=sum(d is not None and d < today for d in f.open_due),
        summary=in_todays_words(f.summary),
    )
