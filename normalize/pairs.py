"""Near pairs among many texts: which texts of a list are alike by rapidfuzz ratio, batched so that a long
list is not compared whole against itself (agency matching clusters the mentions the registry does not know
with it)."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence

import numpy as np
from rapidfuzz import fuzz, process


def close_pairs(texts: Sequence[str], cutoff: float) -> dict[tuple[int, int], float]:
    """Pairs (i < j) of non-empty texts whose ratio is at least ``cutoff``, batched with ``cdist``.

    Texts are compared in order of length, each block of rows only with the columns that can reach the
    cutoff at all (a ratio of ``c`` needs the shorter text to be at least ``c / (200 - c)`` of the longer).
    """
    order = sorted((i for i, text in enumerate(texts) if text), key=lambda i: (len(texts[i]), i))
    lengths = [len(texts[i]) for i in order]
    reach = cutoff / (200.0 - cutoff)
    pairs: dict[tuple[int, int], float] = {}
    block = 512
    for start in range(0, len(order), block):
        stop = min(start + block, len(order))
        end = bisect_right(lengths, lengths[stop - 1] / reach)
        scores = process.cdist(
            [texts[i] for i in order[start:stop]], [texts[i] for i in order[start:end]],
            scorer=fuzz.ratio, dtype=np.float32, score_cutoff=cutoff, workers=-1,
        )  # fmt: skip
        rows, columns = np.nonzero(scores >= cutoff)
        for row, column in zip(rows.tolist(), columns.tolist()):
            if row < column:
                first, second = sorted((order[start + row], order[start + column]))
                pairs[(first, second)] = float(scores[row, column])
    return pairs
