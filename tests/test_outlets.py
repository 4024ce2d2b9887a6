"""The outlet found for each real page of ../shared/realdev/ against the outlet its file name's
domain names (tests/data/realdev_outlets.csv): a wrong outlet is worse than none, so precision
is held high (issue 15 item 5). Skipped when ../shared is absent."""

from __future__ import annotations

import csv
import re
from pathlib import Path

import pytest

from claims.arabic import normalize
from claims.pipeline import extract_path

ROOT = Path(__file__).resolve().parent.parent
PAGES = ROOT.parent / "shared" / "realdev" / "text"
DOMAINS = ROOT / "tests" / "data" / "realdev_outlets.csv"
# The domain in a page's file name: '003_almodon-israel-….txt', 'd04_alghad_r-12_1.txt'.
DOMAIN = re.compile(r"^[0-9d]+\d_([a-z0-9]+(?:-[a-z]+)?)[-_]")


def outlets_by_domain() -> dict[str, set[str] | None]:
    lines = [line for line in DOMAINS.read_text(encoding="utf-8").splitlines() if line[:1] != "#"]
    return {
        row["slug"]: None
        if row["outlet"] == "?"
        else {normalize(name.strip()) for name in row["outlet"].split("|")}
        for row in csv.DictReader(lines)
    }


def domain_of(name: str, known: dict) -> str:
    """The longest known domain the file name opens with after its number."""
    rest = name.split("_", 1)[1]
    return max((slug for slug in known if re.match(rf"{re.escape(slug)}[-_]", rest)), key=len)


def outlet_figures() -> tuple[float, float, list[str]]:
    """Precision and recall of the outlets found, and the pages found wrong."""
    known = outlets_by_domain()
    found = right = pages = 0
    wrong = []
    for path in sorted(PAGES.glob("*.txt")):
        accepted = known[domain_of(path.name, known)]
        if accepted is None:
            continue
        pages += 1
        outlet = extract_path(path).article.outlet
        if outlet is None:
            continue
        found += 1
        if normalize(outlet) in accepted:
            right += 1
        else:
            wrong.append(f"{path.name}: {outlet}")
    return right / found, right / pages, wrong


@pytest.mark.skipif(not PAGES.is_dir(), reason="../shared/realdev is not here")
def test_outlets_found_on_real_pages_are_right_and_most_are_found():
    precision, recall, wrong = outlet_figures()
    assert precision >= 0.95, wrong
    assert recall >= 0.82
