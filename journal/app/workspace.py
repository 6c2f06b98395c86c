"""The coach's workspace: clients' shared journals, kept apart from the coach's own.

The use cases of a coach: add (or update) a client from their bundle, comment on a shared day
or week, reply with a feedback bundle, remove a client, and read the dashboard. The rules they
apply are journal/sharing/clients.py's; where and how clients are stored is
journal/store/clients.py's.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

import msgspec

from journal.app.service import JournalService
from journal.errors import InvalidInput, NotFound
from journal.model import MAX_COMMENT, Client, Comment, CommentOn, new_id, now
from journal.periods import period_start
from journal.person import PersonRecord
from journal.sharing.bundles import open_share
from journal.sharing.clients import (
    Added,
    DashboardRow,
    check_pin,
    check_share,
    dashboard_row,
    facts,
)
from journal.sharing.envelope import seal
from journal.sharing.keys import Identity, parse_public
from journal.sharing.records import BUNDLE_SCHEMA, FEEDBACK, FeedbackBundle, Sender
from journal.store.clients import ClientRepository
from journal.store.comments import CommentRepository
from journal.store.journal_files import JournalFiles
from journal.text import identity_key, one_line


@dataclass(frozen=True)
class CommentRequest:
    client: Client
    on: CommentOn
    day: dt.date
    text: str


@dataclass(frozen=True)
class Reply:
    client: Client
    data: bytes
    comments: int


class Workspace:
    def __init__(
        self, clients: ClientRepository, today: Callable[[], dt.date] | None = None
    ) -> None:
        self.repo = clients
        self._today = today or dt.date.today

    def today(self) -> dt.date:
        return self._today()

    def clients(self) -> list[Client]:
        return self.repo.all()

    def find(self, name: str) -> Client:
        """By display name, its first word(s), or the start of the key id `coach clients list`
        shows. Anything that matches more than one client is refused, naming them, so a client
        whose name looks like another's (or like a key id) never gets the wrong comment."""
        wanted = identity_key(name)
        matches = [
            c
            for c in self.clients()
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
        return JournalService(self.repo.journal(client.id), self._today)

    def comments(self, client: Client) -> CommentRepository:
        return self.repo.comments(client.id)

    def dashboard(self) -> list[DashboardRow]:
        today = self.today()
        return [dashboard_row(c, today) for c in self.clients()]

    # ----- a bundle arrives ------------------------------------------------------------------

    def add(self, raw: bytes, identity: Identity, source: str) -> Added:
        """Everything is checked before the first byte is written: a refused bundle leaves the
        workspace exactly as it was. The pin and newer-than checks run under the workspace's
        lock, so two bundles added at once cannot both pin a name or roll a client back."""
        bundle, sender = open_share(raw, identity, source)
        check_share(bundle, source)
        with self.repo.locked():
            known = check_pin(self.clients(), bundle, sender, source)
            start = min(bundle.start, known.start) if known else bundle.start
            end = max(bundle.end, known.end) if known else bundle.end
            files = self.repo.journal(sender.id)
            journal = JournalService(files, lambda: end)
            # The days, the promises and the client's record: written together or not at all.
            with files.store.locked(), files.store.all_or_nothing():
                before_days = {
                    e.date: e for e in journal.entries(start=bundle.start, end=bundle.end)
                }
                before_promises = {p.id: p for p in journal.all_promises()}
                journal.replace_range(bundle.start, bundle.end, bundle.entries, bundle.promises)
                _replace_people(files, bundle.people)
                after_promises = {p.id for p in journal.all_promises()}
                stamp = now()
                client = Client(
                    id=sender.id,
                    name=bundle.client.name,
                    key=sender.line(),
                    added=known.added if known else stamp,
                    updated=stamp,
                    bundle_created=bundle.created,
                    start=start,
                    end=end,
                    facts=facts(journal.report(period="week", end=end), journal.entries(), end),
                )
                self.repo.save(client, files)
        days = {e.date: e for e in bundle.entries}
        return Added(
            client=client,
            new_client=known is None,
            days_added=sum(d not in before_days for d in days),
            days_changed=sum(d in before_days and before_days[d] != e for d, e in days.items()),
            days_removed=sum(d not in days for d in before_days),
            promises_added=sum(p.id not in before_promises for p in bundle.promises),
            promises_changed=sum(
                p.id in before_promises and before_promises[p.id] != p for p in bundle.promises
            ),
            promises_removed=sum(p not in after_promises for p in before_promises),
            people=len(bundle.people),
        )

    def remove(self, client: Client) -> None:
        """The client's shared days, the coach's comments on them and the pin on their name
        go, so a client who made new keys can be added afresh. Their own journal is untouched."""
        with self.repo.locked():
            self.repo.remove(client.id)

    # ----- the coach answers -----------------------------------------------------------------

    def comment(self, request: CommentRequest, me: Identity) -> Comment:
        """Only on what the client shared: a comment elsewhere would never reach them. Under
        the workspace lock, so a comment never lands on a client being removed."""
        with self.repo.locked():
            return self._comment(request, me)

    def _comment(self, request: CommentRequest, me: Identity) -> Comment:
        client = request.client
        if client.id not in {c.id for c in self.clients()}:
            raise NotFound(f"{one_line(client.name, 60)} is no longer in your workspace")
        text = request.text.strip()
        if not text:
            raise InvalidInput("a comment needs some text")
        if len(text) > MAX_COMMENT:
            raise InvalidInput(f"a comment holds at most {MAX_COMMENT} characters")
        day = request.day
        first = period_start(day, "week") if request.on == "week" else day
        last = first + dt.timedelta(days=6) if request.on == "week" else day
        if not self.journal(client).entries(start=first, end=last):
            what = f"the week of {first:%d %b %Y}" if request.on == "week" else f"{day:%a %d %b %Y}"
            raise InvalidInput(
                f"{one_line(client.name, 60)} shared nothing for {what}, so a comment there "
                "would never reach them"
            )
        stamp = now()
        comment = Comment(
            id=new_id(),
            on=request.on,
            date=first,
            text=text,
            author=me.name,
            author_key=me.public.line(),
            created=stamp,
            updated=stamp,
        )
        self.comments(client).merge([comment])
        return comment

    def reply(self, client: Client, me: Identity) -> Reply:
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
        return Reply(client, seal(msgspec.json.encode(bundle), me, recipient), len(mine))


def _replace_people(files: JournalFiles, people: list[PersonRecord]) -> None:
    """The client's people are what their newest share says: a share made without
    ``--people`` takes back the records an earlier one gave, since the client's current
    choice about them is the one that counts."""
    kept = {r.id for r in files.people.all()}
    wanted: dict[str, PersonRecord | None] = {r.id: r for r in people}
    wanted.update({i: None for i in kept - wanted.keys()})
    if wanted:
        files.people.apply(wanted)
