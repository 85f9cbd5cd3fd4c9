"""Markdown: for pasting into email, wikis and issue trackers."""

from __future__ import annotations

import re

from rightsdesk.brief.document import Brief
from rightsdesk.brief.formats.templates import environment


def render(brief: Brief) -> str:
    text = environment(markdown=True).get_template("brief.md.j2").render(brief=brief)
    return re.sub(r"\n{3,}", "\n\n", text).strip() + "\n"
