"""The storage layer: files on disk and the repositories that own them.

Nothing above this package sees TinyDB, a raw stored row or a file path under the journal's
folder: repositories take and return validated records (journal/model.py) and own sharding,
locking, validation, caching and multi-file writes.
"""
