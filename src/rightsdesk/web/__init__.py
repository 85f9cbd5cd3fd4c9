"""The web desk: review, search, timelines and briefings for a team, with roles."""

from rightsdesk.web.app import add_user, create_app, serve
from rightsdesk.web.casebook import public_case_file
from rightsdesk.web.digest import changes_since, digest_text
from rightsdesk.web.settings import WebSettings

__all__ = [
    "WebSettings",
    "add_user",
    "changes_since",
    "create_app",
    "digest_text",
    "public_case_file",
    "serve",
]
