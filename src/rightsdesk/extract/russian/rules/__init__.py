"""Russian rule tables (TOML), loaded by `rightsdesk.extract.lexicon.load_table`."""
