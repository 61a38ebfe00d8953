"""Cut a plan's columns section by section: no cell crosses a section's header row, so a long plan is never
held as one run of words, and the cuts are the same as for the whole (`chunk_cuts`)."""
from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterator
from dataclasses import dataclass, replace

from extract.model import Band

from .anchors import Anchor
from .cell_scores import NameHints, SegmentSettings
from .cells import ColumnCut, segment_column


@dataclass(frozen=True)
class Chunk:
    """A run of activities cut on its own: its bands, and the header band(s) its last cell may end in.

    No cell crosses a section's header row, so a plan is cut section by section: a long plan is never
    held as one long run of words, and the cuts are the same as for the whole.
    """

    anchors: range
    bands: range
    end_window: tuple[int, int] | None


def headers_between(headers: list[int], low: int, high: int) -> list[int]:
    """The header bands in [low, high], from a sorted list."""
    return headers[bisect_left(headers, low): bisect_right(headers, high)]


def anchors_to_chunks(anchors: list[Anchor], header_bands: tuple[int, ...], band_count: int) -> list[Chunk]:
    chunks: list[Chunk] = []
    first_anchor, first_band = 0, 0
    headers = sorted(header_bands)
    for k in range(len(anchors) - 1):
        if anchors[k].section_key == anchors[k + 1].section_key:
            continue
        between = headers_between(headers, anchors[k].band, anchors[k + 1].band)
        if between:
            chunks.append(Chunk(range(first_anchor, k + 1), range(first_band, between[-1] + 1),
                                (between[0], between[-1])))
            first_anchor, first_band = k + 1, between[0]
    chunks.append(Chunk(range(first_anchor, len(anchors)), range(first_band, band_count), None))
    return chunks


def drop_carried(bands: dict[int, Band], window: tuple[int, int], carry: dict[int, int]) -> None:
    """Take out of the window's bands the words the previous chunk's last cells took, column by column."""
    for column, count in carry.items():
        for b in range(window[0], window[1] + 1):
            if count <= 0:
                break
            taken = min(count, len(bands[b].text(column).split()))
            fragments = list(bands[b].fragments)
            fragments[column] = fragments[column].without_words(0, taken)
            bands[b] = replace(bands[b], fragments=tuple(fragments))
            count -= taken


def chunk_cuts(bands: tuple[Band, ...], anchors: list[Anchor], header_bands: tuple[int, ...],
               settings: SegmentSettings, usual_first_role: str | None,
               columns_wanted: dict[int, str], period_forms: frozenset[str] | None = None,
               names: NameHints | None = None, whole_rows: bool = False, caseless: frozenset[int] = frozenset(),
               spilled: bool = False) -> Iterator[tuple[Chunk, dict[int, ColumnCut]]]:
    """Each chunk with its columns cut, the last cell of each carried into the next where it ends.

    `columns_wanted`: column index -> meaning. With `usual_first_role` None, no label order is preferred.
    `caseless`: the columns whose capitals do not mark where cells open.
    """
    current: dict[int, Band] = {}
    previous: tuple[int, int] | None = None
    carry: dict[int, int] = {}
    sorted_headers = sorted(header_bands)
    chunk_settings = replace(settings, unusual_label_order=0.0, opens_on_unusual_role=0.0) \
        if usual_first_role is None else \
        replace(settings, usual_first_role=usual_first_role)
    for chunk in anchors_to_chunks(anchors, header_bands, len(bands)):
        for b in chunk.bands:
            current.setdefault(b, bands[b])
        if previous is not None:
            drop_carried(current, previous, carry)
        part = tuple(current[b] for b in chunk.bands)
        chunk_anchors = anchors[chunk.anchors.start: chunk.anchors.stop]
        headers = tuple(headers_between(sorted_headers, chunk.bands.start, chunk.bands.stop - 1))
        columns = {column: segment_column(part, chunk_anchors, column, headers, chunk_settings,
                                          end_window=chunk.end_window, meaning=meaning, period_forms=period_forms,
                                          names=names, whole_rows=whole_rows, caseless=column in caseless,
                                          spilled=spilled)
                   for column, meaning in columns_wanted.items()}
        yield chunk, columns
        carry = {column: cut.carry for column, cut in columns.items()}
        previous = chunk.end_window
        for b in chunk.bands:
            if chunk.end_window is None or b < chunk.end_window[0]:
                current.pop(b, None)
