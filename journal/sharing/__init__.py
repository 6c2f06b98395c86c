"""Sharing with a coach: keys, signed and encrypted bundles, the coach's workspace, comments.

No server sits between client and coach. A bundle is a file: signed with the sender's Ed25519
key, then encrypted to the reader's age key, so only the reader can open it and the reader knows
who wrote it. Everything read from a bundle is untrusted until it has passed the same
validation as the journal's own records.
"""
