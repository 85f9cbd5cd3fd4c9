"""Charts as data for an SVG template: computed on the server, no script in the browser.

The template draws what these functions measure, and escapes every label like
any other text, so a chart cannot carry markup from a source.
"""

from __future__ import annotations

import calendar
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date

from rightsdesk.model import EVENT_TYPES, EventRecord
from rightsdesk.status import earliest_day

WIDTH, HEIGHT = 720, 200
MARGIN_LEFT, MARGIN_BOTTOM, MARGIN_TOP = 36, 24, 8
MONTHS_SHOWN = 24  # two years: long enough to see a crackdown, short enough to read


@dataclass(frozen=True, slots=True)
class Bar:
    x: float
    y: float
    width: float
    height: float
    kind: str  # event type: the CSS class that colours it
    title: str  # tooltip, e.g. "Mar 2024: 4 arrest"


@dataclass(frozen=True, slots=True)
class Tick:
    x: float
    y: float
    label: str


@dataclass(slots=True)
class Chart:
    width: int = WIDTH
    height: int = HEIGHT
    bars: list[Bar] = field(default_factory=list)
    x_ticks: list[Tick] = field(default_factory=list)
    y_ticks: list[Tick] = field(default_factory=list)
    kinds: list[str] = field(default_factory=list)  # legend, in drawing order
    empty: bool = True


def _month_index(day: date) -> int:
    return day.year * 12 + day.month - 1


def _label(index: int) -> str:
    year, month = divmod(index, 12)
    return f"{calendar.month_abbr[month + 1]} {year}"


def events_over_time(events: Iterable[EventRecord], *, today: date) -> Chart:
    """Dated events per month and type over the last MONTHS_SHOWN months, stacked."""
    last = _month_index(today)
    first = last - MONTHS_SHOWN + 1
    counts: Counter[tuple[int, str]] = Counter()
    for event in events:
        if event.date and len(event.date) >= 7:  # a year alone cannot be placed in a month
            month = _month_index(earliest_day(event.date))
            if first <= month <= last:
                counts[(month, event.type)] += 1
    chart = Chart(kinds=[t for t in EVENT_TYPES if any(k == t for _, k in counts)])
    if not counts:
        return chart
    totals = Counter()
    for (month, _), n in counts.items():
        totals[month] += n
    _draw_bars(chart, counts, first, max(totals.values()))
    return chart


def _draw_bars(chart: Chart, counts: Counter, first: int, peak: int) -> None:
    plot_w = WIDTH - MARGIN_LEFT
    plot_h = HEIGHT - MARGIN_BOTTOM - MARGIN_TOP
    slot = plot_w / MONTHS_SHOWN
    scale = plot_h / peak
    for offset in range(MONTHS_SHOWN):
        month = first + offset
        x = MARGIN_LEFT + offset * slot + 2
        base = HEIGHT - MARGIN_BOTTOM
        for kind in chart.kinds:
            n = counts.get((month, kind), 0)
            if n:
                h = n * scale
                base -= h
                title = f"{_label(month)}: {n} {kind.replace('_', ' ')}"
                chart.bars.append(
                    Bar(round(x, 1), round(base, 1), round(slot - 4, 1), round(h, 1), kind, title)
                )
        if offset % 3 == 0:
            chart.x_ticks.append(Tick(round(x, 1), HEIGHT - 6, _label(month)))
    for value in sorted({0, peak // 2, peak}):
        chart.y_ticks.append(
            Tick(MARGIN_LEFT - 6, round(HEIGHT - MARGIN_BOTTOM - value * scale + 4, 1), str(value))
        )
    chart.empty = False


@dataclass(frozen=True, slots=True)
class Dot:
    x: float
    kind: str
    title: str
    event_id: int


@dataclass(slots=True)
class Line:
    """A person's dated events on one axis, first to last."""

    width: int = WIDTH
    dots: list[Dot] = field(default_factory=list)
    ticks: list[Tick] = field(default_factory=list)


def person_line(events: Iterable[EventRecord]) -> Line:
    dated = [(earliest_day(e.date), e) for e in events if e.date]
    line = Line()
    if not dated:
        return line
    start = min(d for d, _ in dated).toordinal()
    end = max(d for d, _ in dated).toordinal()
    span = max(end - start, 1)
    usable = WIDTH - 40
    for day, event in sorted(dated, key=lambda pair: pair[0]):
        x = 20 + (day.toordinal() - start) / span * usable
        line.dots.append(Dot(round(x, 1), event.type, f"{event.date}: {event.type}", event.id))
    first, last = date.fromordinal(start), date.fromordinal(end)
    line.ticks = [Tick(20, 44, first.isoformat()), Tick(WIDTH - 20, 44, last.isoformat())]
    return line
