"""Sample journals: years of believable history, so a new user and every benchmark has data.

``generate(years, seed, today)`` is deterministic: the same arguments give the same records byte
for byte, ids and timestamps included (all drawn from one ``random.Random(seed)``; timestamps are
built from the date in UTC, never from the clock). The journal ends on ``today`` and covers
``years * 365`` days. Words come from ``journal.demo_text``.

The writer improves over the span, so the trend views have real drift to show. With ``p`` the
progress through the span (0 on the first day, 1 on the last; it rises a little faster early on,
as learning does), each figure moves from its first value to its last:

- check-ins on about 88 % of days: skipped days (more at weekends) and one- to two-week holidays;
  about 5 % of entries private; 0-2 tags from ``demo_text.TAGS``;
- intent serving someone else (a person or a team) rather than myself: 40 % -> 75 %;
- "how can I help?" asks: about 1 -> 4 a week; share of asks then done: 50 % -> 85 %;
- self-ratings 0-10 with day-to-day noise (hard days and good days move them together; about 3 %
  of entries leave one rating out): self-orientation 7 -> 3 (higher is worse), reliability
  5.5 -> 8, credibility 6 -> 7.2, intimacy 4.5 -> 6.8, character 6.5 -> 7.6;
- reflections of 80-140 words whose first-person-singular words (I, me, my, mine, myself, I'm,
  I've, I'd, I'll) fall from about 9 to 4 per 100 words, while you/we/they words and people's
  names rise; the one-line self-focus note drifts from "I ..." sentences to terser ones;
- 0-3 promises a check-in day; commitments 60 % -> 35 % of them (best efforts and good intentions
  share the rest, 55:45); keep-rate, kept / (kept + broken): commitments 65 % -> 90 %, best
  efforts 60 %, good intentions 40 %; about 5 % renegotiated and 3 % released. Most promises of
  the last five days are still open, and a few from the last three months are open and overdue.

Measured when written (ten years, seed 7, first year -> last year): self-orientation 6.7 -> 3.3,
commitment keep-rate 70 % -> 89 %, I-words 8.6 -> 4.4 per 100 words of reflection.

Today's entry is morning-only (intent, help asks not yet followed up, no ratings or reflection),
so the evening check-in has something to do.
"""

from __future__ import annotations

import datetime as dt
import itertools
import random
import uuid
from collections.abc import Sequence
from dataclasses import dataclass

from journal import demo_text as text
from journal.demo_chance import (
    DAYS_PER_YEAR,
    at,
    checkin_days,
    evening,
    lerp,
    poisson,
    progress,
)
from journal.errors import InvalidInput
from journal.model import (
    RATING_NAMES,
    Entry,
    HelpAsk,
    IntentFor,
    Promise,
    PromiseKind,
    PromiseStatus,
    Ratings,
)

MIN_YEARS, MAX_YEARS = 1, 30

# Rating name -> (first value, last value) of the drifting mean.
RATING_DRIFT: dict[str, tuple[float, float]] = {
    "credibility": (6.0, 7.2),
    "reliability": (5.5, 8.0),
    "intimacy": (4.5, 6.8),
    "character": (6.5, 7.6),
    "self_orientation": (7.0, 3.0),
}
PROMISE_COUNT_WEEKDAY = (0.25, 0.37, 0.27, 0.11)
PROMISE_COUNT_WEEKEND = (0.55, 0.30, 0.12, 0.03)
OTHER_KEEP_RATE: dict[str, float] = {"best_effort": 0.60, "good_intention": 0.40}


@dataclass(frozen=True)
class DemoSummary:
    """What ``write_demo`` wrote, for the CLI to report."""

    entries: int
    promises: int
    first: dt.date
    last: dt.date


def check_years(years: object) -> int:
    if isinstance(years, bool) or not isinstance(years, int) or not MIN_YEARS <= years <= MAX_YEARS:
        raise InvalidInput(
            f"years must be a whole number from {MIN_YEARS} to {MAX_YEARS}, not {years!r}"
        )
    return years


class _Generator:
    """Holds the random stream and the word banks while one journal is being made."""

    def __init__(self, rng: random.Random, names: Sequence[str], last: dt.date, days: int):
        self.rng = rng
        self.last = last
        self.days = days
        self.inward = text.measure(text.INWARD)
        self.outward = text.measure(text.OUTWARD)
        self.neutral = text.measure(text.NEUTRAL)
        openers = (text.OPENERS_PLAIN, text.OPENERS_HARD, text.OPENERS_WIN, text.OPENERS_FAMILY)
        self.openers = {s.template: s for bank in openers for s in text.measure(bank)}
        self.cast = self._cast(names)
        self.entries: list[Entry] = []
        self.promises: list[Promise] = []

    def _cast(self, names: Sequence[str]) -> list[tuple[str, int, int, float]]:
        """Each person's stretch in the writer's life: a core stays, others come and go."""
        order = list(dict.fromkeys(names))
        self.rng.shuffle(order)
        cast = []
        for k, name in enumerate(order):
            weight = self.rng.uniform(0.5, 2.0)
            if k < 6:
                cast.append((name, 0, self.days, weight))
            else:
                start = self.rng.randint(0, self.days * 3 // 5)
                stay = self.rng.randint(self.days * 2 // 5, self.days)
                cast.append((name, start, start + stay, weight))
        return cast

    def new_id(self) -> str:
        return uuid.UUID(int=self.rng.getrandbits(128), version=4).hex

    def day(self, i: int) -> None:
        rng = self.rng
        day = self.last - dt.timedelta(days=self.days - 1 - i)
        p = progress(i / (self.days - 1))
        weekend = day.weekday() >= 5
        is_today = day == self.last
        active = [(n, w) for n, start, end, w in self.cast if start <= i < end]
        people, cumulative = (
            [n for n, _ in active],
            list(itertools.accumulate(w for _, w in active)),
        )

        def person() -> str:
            return rng.choices(people, cum_weights=cumulative)[0]

        name = person()
        other = next((o for o in (person() for _ in range(4)) if o != name), people[0])
        team = rng.choices(text.TEAMS, (4, 2, 1, 1))[0]
        fill = {"name": name, "other": other, "team": team}
        mood = rng.random()
        # Today is still morning: how the day went is not known yet.
        hard, win = (mood < 0.08, mood > 0.90) if not is_today else (False, False)
        family = weekend and rng.random() < 0.4 and not is_today

        created = at(day, rng.randint(7 * 60, 9 * 60 - 1))
        if is_today:
            updated = created + dt.timedelta(minutes=rng.randint(3, 25))
        else:
            updated = evening(rng, day)

        serves, intent = self.intent(p, name, team)
        lam = lerp(1.0, 4.0, p) / (7 * 0.88) * (0.5 if weekend else 1.2)
        asks = [self.ask(p, person(), is_today) for _ in range(poisson(rng, lam))]

        opener = ""
        if family:
            opener = rng.choice(text.OPENERS_FAMILY)
        elif hard:
            opener = rng.choice(text.OPENERS_HARD)
        elif win:
            opener = rng.choice(text.OPENERS_WIN)
        elif rng.random() < 0.5:
            opener = rng.choice(text.OPENERS_PLAIN)

        tags = [t for t, on in (("family", family), ("hard-day", hard), ("win", win)) if on]
        if serves.kind == "team" and rng.random() < 0.5:
            tags.append("team")
        elif serves.kind == "person" and rng.random() < 0.35:
            tags.append("1on1")
        elif not weekend and rng.random() < 0.4:
            tags.append("work")

        ratings, self_focus, reflection = Ratings(), "", ""
        if not is_today:
            ratings = self.ratings(p, hard, win)
            terse = rng.random() < lerp(0.2, 0.75, p)
            note = rng.choice(text.SELF_FOCUS_TERSE if terse else text.SELF_FOCUS_PLAIN)
            self_focus = note.format(**fill)
            reflection = self.reflection(p, opener, fill)

        self.entries.append(
            Entry(
                id=self.new_id(),
                date=day,
                created=created,
                updated=updated,
                intent=intent.format(**fill),
                intent_for=serves,
                help=asks,
                ratings=ratings,
                self_focus=self_focus,
                reflection=reflection,
                tags=tags[:2],
                private=rng.random() < (0.2 if hard else 0.04),
            )
        )
        counts = PROMISE_COUNT_WEEKEND if weekend else PROMISE_COUNT_WEEKDAY
        for _ in range(rng.choices(range(4), counts)[0]):
            self.promise(day, created, p, person())

    def intent(self, p: float, name: str, team: str) -> tuple[IntentFor, str]:
        rng = self.rng
        if rng.random() >= lerp(0.40, 0.75, p):
            return IntentFor(kind="self"), rng.choice(text.INTENTS_SELF)
        if rng.random() < 0.7:
            return IntentFor(kind="person", name=name), rng.choice(text.INTENTS_PERSON)
        return IntentFor(kind="team", name=team), rng.choice(text.INTENTS_TEAM)

    def ask(self, p: float, person: str, is_today: bool) -> HelpAsk:
        """Rarely the question goes unasked; today's asks are not followed up yet."""
        rng = self.rng
        asked = rng.random() < lerp(0.93, 0.98, p)
        request = rng.choice(text.HELP_REQUESTS) if asked else ""
        done = None if is_today or not asked else rng.random() < lerp(0.50, 0.85, p)
        return HelpAsk(id=self.new_id(), person=person, asked=asked, request=request, done=done)

    def ratings(self, p: float, hard: bool, win: bool) -> Ratings:
        rng = self.rng
        mood = -1.5 if hard else 1.0 if win else 0.0
        values: dict[str, int] = {}
        for name in RATING_NAMES:
            first, last = RATING_DRIFT[name]
            if name == "self_orientation":
                raw = lerp(first, last, p) - 1.3 * mood + rng.gauss(0.0, 1.1)
            else:
                raw = lerp(first, last, p) + mood + rng.gauss(0.0, 0.9)
            values[name] = min(10, max(0, round(raw)))
        if rng.random() < 0.03:
            del values[rng.choice(RATING_NAMES)]
        return Ratings(**values)

    def reflection(self, p: float, opener: str, fill: dict[str, str]) -> str:
        """Sentences picked to steer the I-word rate towards a noisy, drifting target."""
        rng = self.rng
        target = max(1.0, lerp(9.0, 4.0, p) + rng.gauss(0.0, 1.2))
        length = rng.randint(80, 140)
        parts: list[str] = []
        events: list[str] = []
        used: set[str] = set()
        words = mine = 0
        if opener:
            s = self.openers[opener]
            parts, words, mine = [opener], s.words, s.mine
        while words < length:
            # Take an inward sentence when that leaves the running rate nearer the target.
            with_inward = (mine + 3) * 100 / (words + 15)
            without = mine * 100 / (words + 15)
            if rng.random() < 0.15:
                pool = rng.choice((self.inward, self.outward, self.neutral))
            elif abs(with_inward - target) < abs(without - target):
                pool = self.inward
            else:
                pool = self.outward if rng.random() < 0.75 else self.neutral
            s = rng.choice(pool)
            for _ in range(4):
                if s.template not in used:
                    break
                s = rng.choice(pool)
            used.add(s.template)
            # What happened reads best before what I made of it.
            (events if pool is self.neutral else parts).append(s.template.format(**fill))
            words += s.words
            mine += s.mine
        return " ".join([*parts[:1], *events, *parts[1:]] if opener else [*events, *parts])

    def promise(self, day: dt.date, morning: dt.datetime, p: float, to: str) -> None:
        rng = self.rng
        share, pick = lerp(0.60, 0.35, p), rng.random()
        kind: PromiseKind = "commitment"
        if pick >= share:
            kind = "best_effort" if pick < share + (1 - share) * 0.55 else "good_intention"
        keep = lerp(0.65, 0.90, p) if kind == "commitment" else OTHER_KEEP_RATE[kind]
        due = day + dt.timedelta(days=rng.randint(0, 7)) if rng.random() < 0.85 else None
        created = morning + dt.timedelta(minutes=rng.randint(1, 45))

        status, resolved, note = self.outcome(day, due, keep, to)
        age = (self.last - day).days
        if age < 5 and rng.random() < 0.8:
            status = "open"
        elif 5 <= age < 90 and rng.random() < 0.06:
            status = "open"
            if due is None or due >= self.last:
                due = day + dt.timedelta(days=rng.randint(0, 3))
        resolved_on: dt.date | None = resolved
        if status == "open" or resolved >= self.last:
            status, resolved_on, note, updated = "open", None, "", created
        else:
            updated = evening(rng, resolved)
        self.promises.append(
            Promise(
                id=self.new_id(),
                made_on=day,
                text=rng.choice(text.PROMISES[kind]).format(to=to),
                kind=kind,
                created=created,
                updated=updated,
                to=to,
                due=due,
                status=status,
                resolved_on=resolved_on,
                note=note,
            )
        )

    def outcome(
        self, day: dt.date, due: dt.date | None, keep: float, to: str
    ) -> tuple[PromiseStatus, dt.date, str]:
        """How and when a promise ended; the caller keeps recent ones open."""
        rng = self.rng
        window = (due - day).days if due else rng.randint(1, 5)
        pick = rng.random()
        status: PromiseStatus
        if pick < 0.05:
            status, after = "renegotiated", rng.randint(0, window)
            note = rng.choice(text.NOTES_RENEGOTIATED)
        elif pick < 0.08:
            status, after, note = "released", rng.randint(0, 6), rng.choice(text.NOTES_RELEASED)
        elif rng.random() < keep:
            status, after, note = "kept", rng.randint(0, window), ""
        else:
            status, after = "broken", window + rng.randint(0, 3)
            note = rng.choice(text.NOTES_BROKEN) if rng.random() < 0.4 else ""
        return status, day + dt.timedelta(days=after), note.format(to=to)


def generate(
    years: int,
    seed: int = 7,
    today: dt.date | None = None,
    name_pool: Sequence[str] | None = None,
) -> tuple[list[Entry], list[Promise]]:
    """A journal of ``years * 365`` days ending on ``today``: entries and promises, oldest first."""
    check_years(years)
    names = [n.strip() for n in (name_pool or text.NAMES) if n.strip()]
    if len(set(names)) < 2:
        raise InvalidInput("the demo needs at least two different names to write about")
    days = years * DAYS_PER_YEAR
    last = today or dt.date.today()
    rng = random.Random(seed)
    gen = _Generator(rng, names, last, days)
    for i in checkin_days(rng, last - dt.timedelta(days=days - 1), days):
        gen.day(i)
    return gen.entries, gen.promises
