"""The application layer: one use case per workflow, under both the CLI and the app.

A use case takes a Home (or the journal it holds) and a typed request, and returns a typed
result or raises a JournalError a person can act on. The CLI and the screens only parse input,
call one, and show what it returns. It sits between the UI (coach/) and the domain (journal/'s
other modules), inside journal/ because it is as headless as the domain: nothing here imports
textual, rich or click.
"""
