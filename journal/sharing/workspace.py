"""The coach's workspace: clients' shared journals, kept apart from the coach's own.

    <home>/coach-workspace/clients/<key id>/client.json    who, pinned key, dashboard facts
                                           /journal/         their shared days (same storage)
                                           /comments/        what the coach wrote

A client's folder is named by the fingerprint of their signing key, never by anything a
bundle says, so no name can reach the file system. The first bundle from a name pins that
name's key; another key under the same name is refused.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

import msgspec

from journal.errors import CorruptFile, InvalidInput, NotFound
from journal.model import Record, Short, Stamp, Text, now, validate
from journal.periods import period_start
from journal.service import JournalService
from journal.sharing.bundles import open_share
from journal.sharing.comments import CommentStore
from journal.sharing.envelope import seal
from journal.sharing.keys import Identity, PublicKey, parse_public
from journal.sharing.records import (
    BUNDLE_SCHEMA,
    FEEDBACK,
    FeedbackBundle,
    Sender,
    ShareBundle,
    check_dates,
)
from journal.storage import atomic_write
from journal.text import identity_key, name_key, one_line
from journal.wording import count

WORKSPACE = "coach-workspace"
CLIENT_FILE = "client.json"
RECENT_DAYS = 30
LOCK_TIMEOUT_S = 15.0


class Facts(Record):
    """What the dashboard shows, worked out once when a bundle arrives: reading fifty
    clients' whole journals to draw one table would take seconds."""

    last_checkin: dt.date | None = None
    recent_checkins: list[dt.date] = msgspec.field(default_factory=list)
    direction: str = "not enough data"
    change: float | None = None
    keep_rate: float | None = None
    open_due: list[dt.date | None] = msgspec.field(default_factory=list)
    """Due dates of open commitments (None when undated): overdue is judged on the day shown."""
    summary: Text = ""
    """The trends summary sentence, shown under the dashboard for the selected client."""


class Client(Record):
    id: str
    name: Short
    key: Short
    added: Stamp
    updated: Stamp
    bundle_created: Stamp
    start: dt.date
    end: dt.date
    facts: Facts = msgspec.field(default_factory=Facts)


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

    def describe(self) -> str:
        c = self.client
        who = f"{one_line(c.name, 60)} ({c.id[:8]})"
        span = f"{c.start.isoformat()} to {c.end.isoformat()}"
        if self.new_client:
            return (
                f"Added {who}: {count(self.days_added, 'day')} and "
                f"{count(self.promises_added, 'promise')}, {span}."
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
        return f"Updated {who}, {span}: " + (", ".join(parts) or "nothing changed") + "."


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


class Workspace:
    def __init__(self, home: Path, today: dt.date | None = None) -> None:
        self.root = home / WORKSPACE
        self.clients_dir = self.root / "clients"
        self._today = today

    def today(self) -> dt.date:
        return self._today or dt.date.today()

    def folder(self, client_id: str) -> Path:
        return self.clients_dir / client_id

    def clients(self) -> list[Client]:
        if not self.clients_dir.is_dir():
            return []
        found = []
        for folder in sorted(self.clients_dir.iterdir()):
            if folder.name.startswith("."):
                continue  # a removal a crash interrupted
            path = folder / CLIENT_FILE
            if not path.is_file():
                continue
            try:
                found.append(validate(msgspec.json.decode(path.read_bytes()), Client, str(path)))
            except msgspec.DecodeError:
                raise CorruptFile(f"{path} is not valid JSON; Coach left it untouched") from None
        return sorted(found, key=lambda c: name_key(c.name))

    def find(self, name: str) -> Client:
        """By display name, its first word(s), or the start of the key id `coach clients list`
        shows. Anything that matches more than one client is refused, naming them, so a client
        whose name looks like another's (or like a key id) never gets the wrong comment."""
        wanted = identity_key(name)
        everyone = self.clients()
        matches = [
            c
            for c in everyone
            if wanted
            and (
                (identity_key(c.name) + " ").startswith(wanted + " ")
                or c.id.startswith(name.strip().lower())
            )
        ]
        if not matches:
            raise NotFound(f"no client called {one_line(name, 60)!r}: see `coach clients list`")
        if len(matches) > 1:
            which = ", ".join(f"{one_line(c.name, 30)} ({c.id[:8]})" for c in matches[:5])
            raise InvalidInput(
                f"{one_line(name, 60)!r} matches {len(matches)} clients: {which}; give the key id"
            )
        return matches[0]

    def journal(self, client: Client) -> JournalService:
        """The client's shared days, read with the same code as one's own journal."""
        return JournalService(self.folder(client.id), today=self.today)

    def comments(self, client: Client) -> CommentStore:
        return CommentStore(self.folder(client.id) / "comments")

    # ----- a bundle arrives ------------------------------------------------------------------

    def add(self, raw: bytes, identity: Identity, source: str) -> Added:
        """Everything is checked before the first byte is written: a refused bundle leaves the
        workspace exactly as it was. The pin and newer-than checks run under the workspace's
        lock, so two bundles added at once cannot both pin a name or roll a client back."""
        from filelock import FileLock

        bundle, sender = open_share(raw, identity, source)
        check_share(bundle, source)
        if not self.clients_dir.is_dir():
            self.clients_dir.mkdir(parents=True, exist_ok=True)  # only a bundle that passed
        with FileLock(self.root / ".lock", timeout=LOCK_TIMEOUT_S):
            return self._add_checked(bundle, sender, source)

    def _add_checked(self, bundle: ShareBundle, sender: PublicKey, source: str) -> Added:
        everyone = self.clients()
        same_key = next((c for c in everyone if c.id == sender.id), None)
        same_name = next(
            (c for c in everyone if identity_key(c.name) == identity_key(bundle.client.name)),
            None,
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
        start = min(bundle.start, same_key.start) if same_key else bundle.start
        end = max(bundle.end, same_key.end) if same_key else bundle.end
        journal = JournalService(self.folder(sender.id), today=lambda: end)
        before_days = {e.date: e for e in journal.entries() if bundle.start <= e.date <= bundle.end}
        before_promises = {p.id: p for p in journal.all_promises()}
        journal.replace_range(bundle.start, bundle.end, bundle.entries, bundle.promises)
        after_promises = {p.id for p in journal.all_promises()}
        stamp = now()
        client = Client(
            id=sender.id,
            name=bundle.client.name,
            key=sender.line(),
            added=same_key.added if same_key else stamp,
            updated=stamp,
            bundle_created=bundle.created,
            start=start,
            end=end,
            facts=facts_for(journal, end),
        )
        atomic_write(self.folder(sender.id) / CLIENT_FILE, msgspec.json.encode(client))
        days = {e.date: e for e in bundle.entries}
        return Added(
            client=client,
            new_client=same_key is None,
            days_added=sum(d not in before_days for d in days),
            days_changed=sum(d in before_days and before_days[d] != e for d, e in days.items()),
            days_removed=sum(d not in days for d in before_days),
            promises_added=sum(p.id not in before_promises for p in bundle.promises),
            promises_changed=sum(
                p.id in before_promises and before_promises[p.id] != p for p in bundle.promises
            ),
            promises_removed=sum(p not in after_promises for p in before_promises),
        )

    def remove(self, client: Client) -> None:
        """The client's shared days, your comments on them and the pin on their name go, so a
        client who made new keys can be added afresh. Their own journal is untouched."""
        import shutil

        from filelock import FileLock

        with FileLock(self.root / ".lock", timeout=LOCK_TIMEOUT_S):
            folder = self.folder(client.id)
            # Renamed first, so a crash halfway never leaves a client that half exists.
            doomed = folder.with_name(f".removed-{client.id}")
            folder.rename(doomed)
            shutil.rmtree(doomed)

    # ----- the coach answers -----------------------------------------------------------------

    def comment(self, client: Client, on: str, day: dt.date, text: str, me: Identity) -> None:
        """Only on what the client shared: a comment elsewhere would never reach them."""
        if on not in ("day", "week"):
            raise InvalidInput("a comment is on a day or a week")
        first = period_start(day, "week") if on == "week" else day
        last = first + dt.timedelta(days=6) if on == "week" else day
        if not self.journal(client).entries(start=first, end=last):
            what = f"the week of {first:%d %b %Y}" if on == "week" else f"{day:%a %d %b %Y}"
            raise InvalidInput(
                f"{one_line(client.name, 60)} shared nothing for {what}, so a comment there "
                "would never reach them"
            )
        self.comments(client).add(on, day, text, me.name, me.public.line())  # type: ignore[arg-type]

    def reply(self, client: Client, me: Identity) -> tuple[bytes, int]:
        """Every comment the coach wrote for this client, signed and encrypted to them."""
        mine = [c for c in self.comments(client).all() if c.author_key == me.public.line()]
        bundle = FeedbackBundle(
            format=FEEDBACK,
            schema=BUNDLE_SCHEMA,
            created=now(),
            coach=Sender(name=me.name, key=me.public.line()),
            client_key=client.key,
            comments=mine,
        )
        recipient = parse_public(client.key).age
        return seal(msgspec.json.encode(bundle), me, recipient), len(mine)

    # ----- the dashboard ---------------------------------------------------------------------

    def dashboard(self) -> list[DashboardRow]:
        today = self.today()
        since = today - dt.timedelta(days=RECENT_DAYS - 1)
        rows = []
        for c in self.clients():
            f = c.facts
            recent = sum(since <= d <= today for d in f.recent_checkins)
            rows.append(
                DashboardRow(
                    client=c,
                    last_checkin=f.last_checkin,
                    checkin_rate=recent / RECENT_DAYS,
                    direction=f.direction,
                    change=f.change,
                    keep_rate=f.keep_rate,
                    overdue=sum(d is not None and d < today for d in f.open_due),
                )
            )
        return rows


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


def facts_for(journal: JournalService, end: dt.date) -> Facts:
    """The dashboard's figures for a client, as of the last day they have shared."""
    report = journal.report(period="week", end=end)
    entries = journal.entries()  # newest first
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
