"""rightsdesk: from news pages to a sourced human-rights case record and briefings."""

__version__ = "0.1.0"
