"""Clean stage: the main text of a source, boilerplate removed.

HTML pages go through `html.clean_html`; plain-text dumps through the line
filter in `text.clean_text`. `clean_source` picks one by `Source.kind` and
fills the CleanDoc's title, date and address (sidecar values win).
"""

from rightsdesk.clean.html import clean_html
from rightsdesk.clean.source import clean_source
from rightsdesk.clean.text import clean_text

__all__ = ["clean_html", "clean_source", "clean_text"]
