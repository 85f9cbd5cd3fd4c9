"""One router per resource; `ROUTERS` is the order the app includes them in."""

from rightsdesk.web.routes import (
    admin,
    api,
    auth,
    briefs,
    cases,
    dashboard,
    occasions,
    persons,
    review,
    second_factor,
    sources,
    statements,
    teams,
    watchlist,
)

ROUTERS = (
    auth.router,
    second_factor.router,
    dashboard.router,
    cases.router,
    persons.router,
    sources.router,
    review.router,
    statements.router,
    occasions.router,
    watchlist.router,
    briefs.router,
    admin.router,
    teams.router,
    api.router,
)
