"""Briefings for an occasion: the cases to raise, the record of concern, the asks.

`build_brief(case_file, country=, occasion=, on=)` composes a typed `Brief` from
stored records; `render(brief, fmt)` lays it out as md, html, docx or pdf.
"""

from rightsdesk.brief.build import build_brief
from rightsdesk.brief.document import Brief
from rightsdesk.brief.render import FORMATS, render

__all__ = ["FORMATS", "Brief", "build_brief", "render"]
