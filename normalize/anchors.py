"""Find the activities: the bands whose number column holds an activity number ("1.10." or "2.3")."""
from __future__ import annotations

import re
from dataclasses import dataclass

from extract.model import NUMBER, Band

ACTIVITY_NUMBER = re.compile(r"^\s*(\d{1,4})\s*\.\s*(\d{1,3})\s*\.?\s*$")


@dataclass(frozen=True)
class Anchor:
    """An activity's number and the band it stands in (the band at its row's vertical centre)."""

    activity_id: str
    section_no: int
    band: int
    line: int


def bands_to_anchors(bands: tuple[Band, ...]) -> list[Anchor]:
    anchors = []
    for band in bands:
        match = ACTIVITY_NUMBER.match(band.text(NUMBER))
        if match:
            section, item = int(match[1]), int(match[2])
            anchors.append(Anchor(f"{section}.{item}", section, band.index, band.line))
    return anchors
