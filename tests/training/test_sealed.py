"""The sealed part's once-per-session guard reads session start times as given."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

from rightsdesk.training.sealed import local_time


def test_an_offset_time_compares_with_the_log_s_local_times() -> None:
    given = datetime(2026, 12, 6, 22, 9, 35, tzinfo=timezone(timedelta(hours=3)))
    moment = local_time(given.isoformat())
    assert moment.tzinfo is None
    assert moment == given.astimezone().replace(tzinfo=None)
    assert local_time("2026-12-06T22:09:35") == datetime(2026, 12, 6, 22, 9, 35)
