"""A large batch of small generated reports, for the kill and concurrency tests.

Pages are assembled from the short templates below (written for these tests),
with names built from syllables, so each page is distinct and deterministic.
"""

from __future__ import annotations

import json
import random
from datetime import date, timedelta
from pathlib import Path

GIVEN = ("Arman", "Dina", "Timur", "Saule", "Yerlan", "Aigul", "Nurlan", "Madina", "Bolat")
SYLLABLES = ("ka", "ra", "bek", "mu", "sa", "tor", "lin", "ov", "gal", "zhan", "dau", "ren")
ROLES = ("journalist", "lawyer", "blogger", "trade unionist", "poet", "human rights defender")
CITIES = ("Almaty", "Astana", "Shymkent", "Aktobe", "Karaganda")
CHARGES = ("inciting discord", "spreading false information", "extremism", "fraud")
TEMPLATES = (
    "Police in {city} detained the {role} {name} on {day}, colleagues said.\n"
    "{surname} was charged with {charge} and faces up to {years} years in prison.",
    "A court in {city} sentenced the {role} {name} to {years} years in prison on {day}.\n"
    "{surname} had been convicted of {charge}; the defence said it would appeal.",
    "The {role} {name} was released from detention in {city} on {day}.\n"
    "{surname} had spent {years} years in prison on charges of {charge}.",
)


def surname(rng: random.Random) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(3)).capitalize()


def report(number: int) -> tuple[str, dict[str, str]]:
    """Page `number` of the batch (HTML) and its sidecar."""
    rng = random.Random(number)
    family = surname(rng)
    day = date(2020, 1, 1) + timedelta(days=rng.randrange(1_000))
    text = rng.choice(TEMPLATES).format(
        city=rng.choice(CITIES),
        role=rng.choice(ROLES),
        name=f"{rng.choice(GIVEN)} {family}",
        surname=family,
        day=f"{day.day} {day:%B %Y}",
        charge=rng.choice(CHARGES),
        years=rng.randint(2, 12),
    )
    paragraphs = "".join(f"<p>{line}</p>" for line in text.splitlines())
    page = (
        f"<html><head><title>Report {number}</title></head><body><nav>Home | News</nav>"
        f"<article><h1>Case report {number}</h1>{paragraphs}</article>"
        "<footer>Contact us</footer></body></html>"
    )
    meta = {"url": f"https://monitor.example.org/reports/{number}", "published": day.isoformat()}
    return page, meta


def write_batch(folder: Path, count: int) -> Path:
    """`count` pages with sidecars in `folder`; returns the folder."""
    folder.mkdir(parents=True, exist_ok=True)
    for number in range(count):
        page, meta = report(number)
        (folder / f"report-{number:04d}.html").write_text(page, encoding="utf-8")
        (folder / f"report-{number:04d}.meta.json").write_text(json.dumps(meta), encoding="utf-8")
    return folder
