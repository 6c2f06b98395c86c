"""Modal dialogs: a yes/no that names what goes, one line of input, a promise's terms."""
