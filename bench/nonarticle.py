"""What the cleaner returns for pages that are not articles (issue 13).

    .venv/bin/python bench/nonarticle.py --build   # once: fetch the pages (pip download)
    .venv/bin/python bench/nonarticle.py [--pages ../nonarticle-pages] [--show]

The pages are real home pages, section fronts, tag and category listings, forum
indexes and search results from the test data of three packages on PyPI (htmldate,
newspaper4k, Formasaurus). bench/nonarticle-sources.tsv lists each page: the public
repository, path and commit it comes from, the package release it is taken from, its
kind, its address, and its file name here; the pages are not committed. `--build`
downloads those releases' source archives with pip and copies the listed files into
the folder (`html/`, with the table as `sources.tsv`).

For each page, rightsdesk's `clean_html(metadata=False)` and, for comparison,
trafilatura's defaults. Each output is put in one of three classes:

- no text: empty output (what a non-article page should give);
- mostly navigation: at least half of the output's characters lie on link lines; a
  link line is one whose characters are at least 80% covered by the texts of the
  page's own `<a>` elements (menus, teaser headlines, tag clouds, pagination);
- other text: anything else (teaser summaries, welcome blurbs, forum descriptions).

Prints the shares per class overall, per page kind, and for the two halves of the
table (odd rows: the half the listing rules were tuned on; even rows: held out).
"""

from __future__ import annotations

import argparse
import csv
import subprocess
import sys
import tarfile
import tempfile
from collections import Counter
from pathlib import Path

import lxml.html

BENCH = Path(__file__).resolve().parent
SOURCES = BENCH / "nonarticle-sources.tsv"
DEFAULT_PAGES = BENCH.parents[1] / "nonarticle-pages"  # beside the checkout, not in it
LINK_LINE_COVER = 0.8  # share of a line's characters inside link texts: a link line
NAVIGATION_SHARE = 0.5  # share of the output's characters on link lines: mostly navigation
CLASSES = ("no text", "mostly navigation", "other text")


def link_texts(html: str) -> list[str]:
    """Normalised texts of the page's links, longest first."""
    try:
        tree = lxml.html.fromstring(html)
    except (ValueError, lxml.etree.ParserError):
        return []
    texts = {" ".join(a.text_content().split()) for a in tree.iter("a")}
    return sorted((t for t in texts if len(t) > 1), key=len, reverse=True)


def is_link_line(line: str, links: list[str]) -> bool:
    covered = bytearray(len(line))
    for text in links:
        if len(text) > len(line):
            continue
        start = line.find(text)
        while start >= 0:
            covered[start : start + len(text)] = b"\x01" * len(text)
            start = line.find(text, start + 1)
    return sum(covered) >= LINK_LINE_COVER * len(line)


def classify(text: str, links: list[str]) -> str:
    lines = [" ".join(line.split()) for line in text.splitlines()]
    lines = [line for line in lines if line]
    total = sum(map(len, lines))
    if not total:
        return "no text"
    navigation = sum(len(line) for line in lines if is_link_line(line, links))
    return "mostly navigation" if navigation >= NAVIGATION_SHARE * total else "other text"


def extractors() -> dict:
    import trafilatura

    from rightsdesk.clean import clean_html

    return {
        "rightsdesk": lambda h: clean_html(h, metadata=False).text,
        "trafilatura 2.3.1": lambda h: trafilatura.extract(h) or "",
    }


def attempt(extract, html: str) -> str:
    try:
        return extract(html)
    except Exception:  # noqa: BLE001  # refused or failed: no text
        return ""


def read_html(path: Path) -> str:
    return path.read_bytes().decode("utf-8", "replace")


def read_table(path: Path) -> list[dict[str, str]]:
    with open(path, newline="") as f:
        return list(csv.DictReader(f, delimiter="\t"))


def build(pages: Path) -> None:
    """Download each listed release's source archive and copy the listed pages out."""
    rows = read_table(SOURCES)
    (pages / "html").mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        for package in sorted({row["package"] for row in rows}):
            subprocess.run([sys.executable, "-m", "pip", "download", "--quiet", "--no-deps",
                            "--no-binary", ":all:", package, "-d", tmp], check=True)
        archives = {a.name.split("-")[0].lower().replace("_", ""): a
                    for a in Path(tmp).glob("*.tar.gz")}
        for row in rows:
            name, version = row["package"].split("==")
            with tarfile.open(archives[name.lower().replace("-", "")]) as archive:
                member = archive.extractfile(f"{name}-{version}/{row['path']}")
                (pages / "html" / row["file"]).write_bytes(member.read())
    (pages / "sources.tsv").write_text(SOURCES.read_text())


def report(name: str, rows: list[dict[str, str]], found: dict[str, str]) -> None:
    counts = Counter(found[row["file"]] for row in rows)
    shares = "  ".join(f"{c} {counts[c] / len(rows):.0%} ({counts[c]})" for c in CLASSES)
    print(f"{name:30} {shares}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--pages", type=Path, default=DEFAULT_PAGES)
    ap.add_argument("--show", action="store_true", help="print each page's class")
    ap.add_argument("--build", action="store_true", help="fetch the pages into --pages")
    args = ap.parse_args(argv)
    if args.build:
        build(args.pages)
    rows = read_table(args.pages / "sources.tsv")
    pages = {row["file"]: read_html(args.pages / "html" / row["file"]) for row in rows}
    links = {name: link_texts(html) for name, html in pages.items()}
    kinds = Counter(row["kind"] for row in rows)
    print(f"{len(rows)} non-article pages: "
          + ", ".join(f"{k} {n}" for k, n in kinds.most_common()))
    for name, extract in extractors().items():
        found = {row["file"]: classify(attempt(extract, pages[row["file"]]), links[row["file"]])
                 for row in rows}
        report(name, rows, found)
        report("  tuning half (odd rows)", rows[::2], found)
        report("  held-out half (even rows)", rows[1::2], found)
        for kind, _ in kinds.most_common():
            of_kind = [found[r["file"]] for r in rows if r["kind"] == kind]
            by = Counter(of_kind)
            print(f"  {kind:26} " + "  ".join(f"{by[c]}/{len(of_kind)}" for c in CLASSES))
        if args.show:
            for row in rows:
                print(f"    {found[row['file']]:18} {row['kind']:24} {row['file']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
