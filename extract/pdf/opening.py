"""Opening the file: check the bytes, open it with pdfplumber, read each page once, and turn whatever
pdfminer raises for a damaged, encrypted or oversized file into one `InputError` line naming the file.

A page is read into a `PageContent`: its upright words, the words set at an angle (kept as stray text),
its ruling lines (only the page's horizontal and vertical edges, snapped and joined; curves and diagonal
strokes are no ruling lines) and whether it holds images. pdfplumber lays out a page turned by `/Rotate`
upright (its width and height, and the words' boxes, are those of the page as shown).
"""
from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..errors import InputError
from .lines import Word

#: Looks at the first kilobyte for the PDF signature and at the last two for the end-of-file marker.
HEAD_BYTES, TAIL_BYTES = 1024, 2048


@dataclass(frozen=True)
class Rules:
    """A page's ruling lines after snapping: horizontal (y, x0, x1) and vertical (x, top, bottom)."""

    horizontal: tuple[tuple[float, float, float], ...] = ()
    vertical: tuple[tuple[float, float, float], ...] = ()


@dataclass(frozen=True)
class PageContent:
    """What the reader takes from one page: its words, its rules, and whether it holds images."""

    number: int
    width: float
    height: float
    words: tuple[Word, ...]
    rules: Rules
    has_images: bool
    #: Words set at an angle (not upright): never table text, kept as stray text.
    sideways: tuple[Word, ...] = ()


def check_pdf_bytes(path: Path) -> None:
    """Reject what cannot be a whole PDF before pdfminer sees it: missing, empty, not a PDF, truncated."""
    name = str(path)
    try:
        size = path.stat().st_size
        with path.open("rb") as f:
            head = f.read(HEAD_BYTES)
            f.seek(max(0, size - TAIL_BYTES))
            tail = f.read()
    except OSError as exc:
        raise InputError(f"{name}: cannot read ({exc.strerror})") from None
    if size == 0:
        raise InputError(f"{name}: empty file, expected a PDF of a plan's table")
    if b"%PDF-" not in head:
        raise InputError(f"{name}: not a PDF (no %PDF- signature at its start); expected a PDF or a .txt plan")
    if b"%%EOF" not in tail:
        raise InputError(f"{name}: truncated PDF (no %%EOF end marker); expected a complete PDF file")


def inner_cause(exc: BaseException) -> BaseException | None:
    """The error `exc` wraps (pdfplumber wraps pdfminer's), if any."""
    if exc.__cause__ is not None:
        return exc.__cause__
    if exc.args and isinstance(exc.args[0], BaseException):
        return exc.args[0]
    return None


def exception_to_message(exc: BaseException) -> str:
    """A short description of what pdfminer or pdfplumber complained about."""
    cause: BaseException = exc
    for _ in range(10):
        inner = inner_cause(cause)
        if inner is None:
            break
        cause = inner
    text = str(cause).strip().splitlines()[0] if str(cause).strip() else ""
    return f"{type(cause).__name__}{': ' + text[:120] if text else ''}"


def is_password_error(exc: BaseException) -> bool:
    """Whether pdfminer refused the file for want of a password (pdfplumber wraps its error)."""
    seen: BaseException | None = exc
    for _ in range(10):
        if seen is None:
            break
        if "Password" in type(seen).__name__ or "password" in str(seen).lower():
            return True
        seen = inner_cause(seen)
    return False


def rules_of(edges: list[dict[str, Any]], snap: float) -> Rules:
    """Snap and join a page's horizontal and vertical edges (pdfplumber's merge_edges) into rules.

    Only edges with an orientation are ruling lines: the segments of a curve (a logo, a rounded box) or a
    diagonal stroke have none, and are left out.
    """
    oriented = [e for e in edges if e.get("orientation") in ("h", "v")]
    if not oriented:
        return Rules()
    from pdfplumber.table import merge_edges

    merged = merge_edges(oriented, snap, snap, snap, snap)
    horizontal = sorted((float(e["top"]), float(e["x0"]), float(e["x1"])) for e in merged if e["orientation"] == "h")
    vertical = sorted((float(e["x0"]), float(e["top"]), float(e["bottom"])) for e in merged
                      if e["orientation"] == "v")
    return Rules(tuple(horizontal), tuple(vertical))


#: What the names of bold faces hold ("Arial-BoldMT", "Calibri,Bold", "DejaVuSans-Bold", "Roboto-Black").
BOLD_FACES = ("bold", "black", "heavy")


def is_bold_font(fontname: str) -> bool:
    return any(mark in fontname.casefold() for mark in BOLD_FACES)


#: Bullets a Symbol or Wingdings font prints from its private code points: the characters shown.
SYMBOL_BULLETS = str.maketrans({"\uf0b7": "\u2022", "\uf0a7": "\u25aa"})


def page_to_content(page: Any, snap: float) -> PageContent:
    """Everything the reader needs from one pdfplumber page, read once (a symbol font's bullets as shown)."""
    upright: list[Word] = []
    sideways: list[Word] = []
    for w in page.extract_words(extra_attrs=["fontname"]):
        word = Word(str(w["text"]).translate(SYMBOL_BULLETS), float(w["x0"]), float(w["x1"]), float(w["top"]),
                    float(w["bottom"]), is_bold_font(str(w.get("fontname", ""))))
        (upright if w.get("upright", True) else sideways).append(word)
    return PageContent(page.page_number, float(page.width), float(page.height), tuple(upright),
                       rules_of(page.edges, snap), bool(page.images), tuple(sideways))


def pdf_to_contents(path: Path, max_pages: int, snap: float) -> Iterator[PageContent]:
    """The pages of a PDF, turning whatever pdfminer raises for a broken file into an InputError."""
    import pdfplumber

    name = str(path)
    try:
        pdf = pdfplumber.open(path)
    except Exception as exc:  # pdfminer raises many kinds of errors for damaged files
        if is_password_error(exc):
            raise InputError(f"{name}: encrypted PDF that needs a password; expected a PDF that opens "
                             "without one (save an unprotected copy)") from None
        raise InputError(f"{name}: not a readable PDF ({exception_to_message(exc)}); "
                         "expected a valid PDF file") from None
    with pdf:
        try:
            pages = pdf.pages
        except Exception as exc:
            raise InputError(f"{name}: broken PDF page tree ({exception_to_message(exc)}); "
                             "expected a valid PDF file") from None
        if not pages:
            raise InputError(f"{name}: PDF without pages; expected the pages of a plan's table")
        if len(pages) > max_pages:
            raise InputError(f"{name}: {len(pages)} pages is over the limit of {max_pages} pages; "
                             "expected a plan of at most that many pages")
        for page in pages:
            try:
                content = page_to_content(page, snap)
            except Exception as exc:
                raise InputError(f"{name}: page {page.page_number} cannot be read "
                                 f"({exception_to_message(exc)}); expected a valid PDF file") from None
            finally:
                page.close()
            yield content
