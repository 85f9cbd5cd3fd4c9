"""The web desk: review, search, timelines and briefings for a team, with roles."""

from rightsdesk.web.app import create_app, serve
from rightsdesk.web.settings import WebSettings

__all__ = ["WebSettings", "create_app", "serve"]
