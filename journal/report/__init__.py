"""The report model: what every report says, as format-neutral parts.

`coach stats` (Rich), the trends screen (Textual) and the Markdown, HTML and PDF summaries
only lay these parts out, so a figure or a sentence is worded once (here and in
journal/wording.py) and reads the same everywhere.
"""
