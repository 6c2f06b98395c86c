"""The words of the sample journal, kept apart from the logic that assembles them.

Every sentence here was written for this project. Placeholders: ``{name}`` is the day's main
person, ``{other}`` a second person, ``{team}`` a team and ``{to}`` whoever a promise is made to.
The reflection banks are split by how much they talk about "me": ``INWARD`` sentences are dense
with first-person singular words, ``OUTWARD`` ones talk about you, we, they and named people, and
``NEUTRAL`` ones do neither, so the generator can steer a reflection towards a chosen I-word rate.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

I_WORDS = frozenset({"i", "me", "my", "mine", "myself", "i'm", "i've", "i'd", "i'll"})
"""First-person singular words, as in LIWC's "i" category; what the reflections are tuned by."""

WORD = re.compile(r"[\w']+")


@dataclass(frozen=True)
class Sentence:
    """A template with its word and I-word counts (each placeholder counts as one word)."""

    template: str
    words: int
    mine: int


def measure(templates: Sequence[str]) -> tuple[Sentence, ...]:
    out = []
    for t in templates:
        tokens = WORD.findall(t.format(name="X", other="X", team="X", to="X").lower())
        out.append(Sentence(t, len(tokens), sum(w in I_WORDS for w in tokens)))
    return tuple(out)


NAMES: tuple[str, ...] = (
    "Amara",
    "Tomás",
    "Mei",
    "Priya",
    "Jonas",
    "Fatima",
    "Kwame",
    "Ingrid",
    "Diego",
    "Yuki",
    "Leila",
    "Ravi",
    "Hannah",
    "Marek",
    "Noor",
)

TEAMS: tuple[str, ...] = ("Platform", "Payments", "Onboarding", "Support")

TAGS: tuple[str, ...] = ("work", "family", "1on1", "team", "hard-day", "win")

INTENTS_SELF: tuple[str, ...] = (
    "Finish the quarterly plan before I open my inbox.",
    "Protect two quiet hours for the design doc I keep putting off.",
    "Get through my backlog so I stop carrying it into every meeting.",
    "Prepare properly for the review instead of winging it.",
    "Leave on time and be home for dinner.",
    "Say no to one thing I would normally take on out of habit.",
    "Notice when I start defending my own idea, and pause.",
    "Write down every promise I make today, with its kind.",
    "Keep my answers short and my questions open.",
    "Keep the day light and get to bed early.",
    "Clear the small promises I have been letting slide.",
    "Make my own estimate honest before I share it.",
    "Walk at lunch and come back with a clearer head.",
)

INTENTS_PERSON: tuple[str, ...] = (
    "Ask {name} how I can help with the launch, and then do what they say.",
    "Listen to {name} properly in our one-on-one before offering anything.",
    "Give {name} the credit for the migration in front of the group.",
    "Find out what {name} wants to happen next with the vendor question.",
    "Tell {name} plainly why I am asking about the deadline.",
    "Make {name}'s first week less confusing than mine was.",
    "Follow up with {name} on what was promised last week.",
    "Help {name} get the proposal ready without taking it over.",
    "Ask {name} what a bad outcome would look like for them.",
    "Back {name} in the planning meeting if the scope gets squeezed.",
    "Be curious about {name}'s concerns instead of arguing with them.",
    "Check in with {name} after yesterday's difficult call.",
    "Let {name} lead the client conversation and stay in support.",
    "Learn what {name} is trying to achieve this quarter.",
    "Get {name} the answer they asked for, not the one I prefer.",
    "Give {name} honest feedback on the draft, kindly and early.",
    "Make space for {name} to raise the staffing worry.",
)

INTENTS_TEAM: tuple[str, ...] = (
    "Help the {team} team end the week with fewer open threads.",
    "Ask the {team} team what is slowing them down, and write it down.",
    "Keep the {team} standup to the point so people get their morning back.",
    "Make sure everyone on {team} knows what was decided and why.",
    "Share the roadmap changes with {team} before the rumours do.",
    "Run the {team} retro so the quieter people get heard.",
    "Agree with {team} on what we will measure before we start.",
    "Shield the {team} team from the extra reporting request.",
    "Celebrate what {team} shipped this week, by name.",
    "Give {team} a realistic estimate, not a hopeful one.",
)

HELP_REQUESTS: tuple[str, ...] = (
    "a second read of the rollout plan before Thursday",
    "cover for the on-call shift on Saturday",
    "an introduction to someone in finance",
    "fewer interruptions during the afternoon",
    "nothing right now, just time to think it through",
    "a decision on the vendor by Friday",
    "help untangling the failing tests",
    "a clear answer on whether the budget is approved",
    "to be left to run the meeting alone",
    "feedback on the slides, especially the opening",
    "someone to pair on the data migration",
    "the numbers from last quarter",
    "backing when the scope question comes up",
    "an extra day on the report",
    "a reference for the internal move",
    "to talk through a hard conversation with a client",
    "the access request pushed through",
    "less detail in the weekly update",
    "to hear the reasoning behind the reorganisation",
    "a walk instead of a meeting room",
    "a review of the hiring scorecard",
    "the old design notes, if they still exist",
    "someone to chase the legal sign-off",
    "patience while the new process settles",
    "a warning before changes land on the team",
    "time off approved for the school holidays",
    "a look at the error budget dashboard",
)

PROMISES_COMMITMENT: tuple[str, ...] = (
    "Send {to} the revised estimate",
    "Review {to}'s pull request",
    "Book the room for the retro",
    "Share the planning notes with {to}",
    "Write up the decision and the reasons for it",
    "Reply to {to} about the conference budget",
    "Cover the Friday standup for {to}",
    "Send the slides ahead of the review",
    "Set up the call with the vendor",
    "Write {to}'s reference letter",
    "Fix the broken link {to} reported",
    "Pair with {to} for an hour on the migration",
)

PROMISES_BEST_EFFORT: tuple[str, ...] = (
    "Finish the onboarding checklist for {to}",
    "Look into the flaky deploy job",
    "Comment on {to}'s proposal",
    "Find the old design notes for {to}",
    "Chase the legal sign-off",
    "Update the roadmap page",
    "Dig out last quarter's numbers for {to}",
    "Get the access request through",
    "Join {to}'s demo if the calls allow",
    "Make it to the farewell drinks",
    "Sort out next month's rota",
    "Read the hiring scorecard before the debrief",
)

PROMISES_GOOD_INTENTION: tuple[str, ...] = (
    "Put in a good word for {to}'s promotion case",
    "Get {to} onto the conference panel",
    "See the budget question through the steering group",
    "Help {to} get the transfer approved",
    "Make the team offsite happen this year",
    "Get the contractor renewed for {to}",
    "Bring the release date forward for {to}",
    "Win {to} more time on the project",
    "Get the customer to accept the new date",
    "Get headcount for {to}'s team",
    "Make the reorganisation less of a surprise for {to}",
)

PROMISES: dict[str, tuple[str, ...]] = {
    "commitment": PROMISES_COMMITMENT,
    "best_effort": PROMISES_BEST_EFFORT,
    "good_intention": PROMISES_GOOD_INTENTION,
}

NOTES_RENEGOTIATED: tuple[str, ...] = (
    "Moved it to next week with {to}'s agreement.",
    "Agreed a smaller version with {to} before the date.",
    "Asked {to} early for two more days; that was fine.",
)

NOTES_RELEASED: tuple[str, ...] = (
    "{to} said it was no longer needed.",
    "{to} found another way and let it go.",
    "Plans changed; {to} released it.",
)

NOTES_BROKEN: tuple[str, ...] = (
    "Ran out of day; told {to} the next morning.",
    "Forgot until the evening review.",
    "Let it slide behind the release work.",
    "Said it as a commitment when it was only a hope.",
)

SELF_FOCUS_PLAIN: tuple[str, ...] = (
    "I talked over {name} in standup because I wanted my point in first.",
    "I checked my phone while {name} was explaining the problem.",
    "I pushed my own fix instead of asking what {name} needed.",
    "I worried more about how I looked in the review than about the result.",
    "I said yes to the extra work so I would seem reliable.",
    "I steered the one-on-one back to my own project twice.",
    "I was rehearsing my answer instead of listening to {name}.",
    "I defended my estimate long after it was clearly wrong.",
    "I took the credit a little too quickly when the numbers came in.",
    "I kept my worry about the deadline to myself and let people guess.",
    "I got impatient when {name} did not take my suggestion.",
    "I wanted to be the one with the answer on the client call.",
)

SELF_FOCUS_TERSE: tuple[str, ...] = (
    "Jumped in with a solution before {name} had finished.",
    "Half-listened in the planning meeting while drafting an email.",
    "Framed the request around my deadline, not the team's.",
    "Went quiet in the retro to avoid looking wrong.",
    "Hinted at what was wanted instead of saying it plainly.",
    "Offered the help that was easy to give rather than what {name} asked for.",
    "Kept score of who owed what after the launch; not a generous moment.",
    "Let a small irritation with {name} colour the whole afternoon.",
    "Over-explained a decision to look thorough.",
    "Read the dashboard looking for praise rather than for problems.",
    "Rushed the end of the call with {name} to get to lunch.",
    "Asked a question mostly to show what was already known.",
)

OPENERS_PLAIN: tuple[str, ...] = (
    "A long day, mostly meetings, with one good conversation near the end.",
    "Quiet morning, busy afternoon.",
    "The day started slowly and picked up after lunch.",
    "Rain all day and a packed calendar.",
    "Planning week, so most of the day went on spreadsheets and estimates.",
    "Half the office was out, which made the day calmer than usual.",
    "Back-to-back calls until four, then a clear hour to think.",
    "An ordinary day with a couple of moments worth writing down.",
    "Release day, which always changes the mood of the place.",
    "Short day because of the dentist, so everything felt compressed.",
)

OPENERS_HARD: tuple[str, ...] = (
    "A heavy day: the outage ate the morning and the mood never recovered.",
    "A hard conversation about the reorganisation hung over the afternoon.",
    "Tired and short-tempered from the start, and it showed.",
    "The client escalation landed at nine and set the tone for everything.",
    "Bad news on the budget, and nobody had good answers.",
    "Slept badly and spent the day a step behind.",
    "One of those days where every small thing went sideways.",
    "The deadline slipped again, and the room felt tense.",
)

OPENERS_WIN: tuple[str, ...] = (
    "A good day: the release went out and nobody had to stay late.",
    "The client call went better than expected.",
    "Finally closed the long incident review, with real fixes agreed.",
    "The new hire shipped a first change, and the whole room cheered.",
    "The proposal was approved with only small changes.",
    "A clean handover at the end of the sprint, which felt earned.",
    "A quiet win: the meeting ended early because the decision was clear.",
    "The survey results came back warmer than last time.",
)

OPENERS_FAMILY: tuple[str, ...] = (
    "A slow Saturday with the family, and the laptop stayed shut until evening.",
    "Sunday lunch at my parents' place, long and loud in the good way.",
    "Football in the park with the kids, then an early night.",
    "A day at home sorting out the garden and the cupboards.",
    "Visited my sister and her new baby; work felt very far away.",
    "A long walk by the river with the family, no phones.",
)

INWARD: tuple[str, ...] = (
    "I noticed I was waiting for my turn to talk rather than listening to {name}.",
    "I wanted the meeting to go my way, and I pushed harder than I needed to.",
    "My first thought in the review was about how I would come across.",
    "I said yes to another task before I had even checked my calendar.",
    "I kept thinking about my own deadline while {name} was explaining theirs.",
    "I caught myself defending a plan I did not even like that much.",
    "I made a commitment I could not fully control, and I knew it as I said it.",
    "By the afternoon I was tired, and I let my patience run thin.",
    "I am still more interested in being right than I would like to admit.",
    "I spent too long polishing my slides and too little time asking what was needed.",
    "I felt a bit hurt that nobody mentioned my part in the launch.",
    "When I am anxious I fill the silence, and I did that again today.",
    "I offered the help I was good at, not the help that was asked for.",
    "I let my frustration with the schedule leak into how I spoke to {name}.",
    "I want to be seen as reliable, and sometimes that makes me overpromise.",
    "My notes from today are mostly about my own worries, which tells me something.",
    "I found it hard to stay quiet when I thought I knew the answer.",
    "I kept my real reason for asking to myself, and the conversation drifted.",
    "I did follow through on what I promised yesterday, and I'm glad about that.",
    "I need to stop measuring the day by how much I personally got done.",
    "I was short with {name}, and I'll apologise in the morning.",
    "I'm learning that my urge to fix things is often about my own comfort.",
    "I rated myself generously at first, then I remembered the missed call.",
    "Honestly, I spent the one-on-one thinking about my own review.",
    "I told myself I was helping, but mostly I was steering.",
    "I broke a small promise today and I felt it more than I expected.",
    "I want my calendar to show what I say matters, and today it didn't.",
    "I realised halfway through that I hadn't asked a single question.",
    "I took the difficult email on myself because I didn't trust anyone else with it.",
    "I was proud of my part in the fix, maybe a little too proud.",
    "I kept checking my messages, which says more about me than about the work.",
    "I'd like to be calmer when my plans change at short notice.",
    "I said I would try, and this time I was honest that it was only a best effort.",
    "I noticed my shoulders drop once I stopped trying to impress anyone.",
    "I've been treating every request as a test of me, and it is wearing me out.",
    "I could feel myself getting defensive when my numbers were questioned.",
)

OUTWARD: tuple[str, ...] = (
    "{name} had a clear view of what the customer needed, and we built the plan around it.",
    "When we asked the team what would help, they wanted fewer status meetings, so we cut two.",
    "{name} seemed worried about the handover, so we walked through it together.",
    "They did not need a solution; they needed someone to hear them out.",
    "{name} asked for a second read of the plan, and we got it back the same afternoon.",
    "The {team} team is carrying a lot right now, and their patience is impressive.",
    "We agreed on what success looks like before starting, which saved an argument later.",
    "{name} and {other} disagreed in the open, and the decision was better for it.",
    "Our retro was honest for once; people named the real problems.",
    "{other} stayed late to help {name}, without being asked.",
    "You can tell when people feel safe, because they bring the bad news early.",
    "The customer wanted a date they could trust, so we gave them a realistic one.",
    "{name} is ready for more responsibility, and it is time we gave it to them.",
    "We kept our promise to the {team} team, even though it cost a weekend morning.",
    "{name} explained what a bad outcome would mean for them personally, and that changed it.",
    "They asked for less detail in the update, and the meeting ran shorter.",
    "Our planning went faster because {name} had done the groundwork.",
    "{other} needs a clearer answer on the budget, and we owe them one by Friday.",
    "The new people on {team} are finding their feet, and they ask good questions.",
    "When {name} said what they actually wanted, the whole conversation got easier.",
    "We made fewer promises in planning, and every one of them was a real commitment.",
    "{name} thanked us for asking rather than assuming, which was good to hear.",
    "Their worry about the migration was reasonable, and we should have heard it sooner.",
    "{other} brought cake for the team, and the room was lighter all afternoon.",
    "If you give people the full picture, they usually make a sensible call.",
    "{name} took the lead with the client, and they trusted {name} with the hard questions.",
    "We renegotiated the date with {other} early, before it could become a broken promise.",
    "The {team} team wants to be consulted before changes, not told about them afterwards.",
    "{name} is quietly holding the project together, and people should know it.",
    "Our customers notice when we explain the reasons, not just the decisions.",
    "{other} asked how the team could help, and they meant it.",
    "We listened for twenty minutes before suggesting anything, and it showed.",
    "{name} wanted room to try it their way, so we gave them that room.",
    "They trusted us with the bad numbers, which matters more than the numbers.",
    "Our one-on-one ended with {name} setting the next step, which is how it should be.",
    "You learn a lot about a team by watching whom they ask for help.",
)

NEUTRAL: tuple[str, ...] = (
    "The roadmap discussion ran long and ended without a decision.",
    "Most of the afternoon went on the quarterly numbers.",
    "The office was noisy, and the good work happened after five.",
    "The release is still on track, though the testing window is tight.",
    "There was a lot of talk about the reorganisation and very little news.",
    "The budget spreadsheet finally balances.",
    "Lunch was at the desk again, a habit worth breaking.",
    "The incident review found three small causes rather than one big one.",
    "The weekly update went out on time.",
    "Tomorrow is mostly interviews, so the evening should stay free for preparation.",
    "The vendor demo was polished but light on answers.",
    "Travel tomorrow, so the morning will be short.",
    "The new dashboard went live, and the first questions about it arrived within the hour.",
    "Two interviews in the afternoon, both with strong candidates.",
    "The quarterly review slides are half done.",
    "A fire drill cut the morning in two.",
    "The migration rehearsal went smoothly apart from one slow table.",
    "Most of the evening went on reading the policy draft.",
    "The printer on the third floor is broken again, which somehow became the topic of the day.",
    "The contract renewal is waiting on one signature.",
)
