"""The brief tests share one hand-written case file (see brief_records.py)."""

from __future__ import annotations

import pytest
from brief_records import kazakhstan_case_file

from rightsdesk.model import CaseFile


@pytest.fixture
def case_file() -> CaseFile:
    return kazakhstan_case_file()
