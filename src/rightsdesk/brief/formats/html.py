"""Standalone printable HTML: one file, styles inline, every value escaped."""

from __future__ import annotations

from importlib.resources import files

from markupsafe import Markup

from rightsdesk.brief.document import Brief
from rightsdesk.brief.formats.templates import environment


def render(brief: Brief) -> str:
    css = files("rightsdesk.brief").joinpath("templates/brief.css").read_text("utf-8")
    template = environment(markdown=False).get_template("brief.html.j2")
    return template.render(brief=brief, css=Markup(css))
