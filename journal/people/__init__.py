"""People: the relationship ledger built from the journal (issue 14).

Coach knew people only as strings inside intents, asks and promises; this package makes each
one a record with a history, and derives what the journal already says about them, so nothing
is typed twice. Pure functions over records; storage, the CLI and the screens build on it.

- ``names``: what makes two spellings one person (the identity key, ``team:`` names);
- ``record``: the person record (level, stage, script, reviews, cadence) and its edits;
- ``directory``: who the journal names, resolving a name to its record, automatic records;
- ``figures``: last contact, asks, promises and keep-rates per person;
- ``due``: who is due for contact or a review;
- ``listing``: the sortable people list;
- ``parse``: levels, stages, decisions and cadences as people type them.
"""
