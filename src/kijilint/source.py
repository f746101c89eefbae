"""Bytes → text, with every position a user's editor would show.

The analysis runs on *normalised* text: newlines are all ``\\n``.  Lines and columns are the
same as in the original file (CRLF and CR-only files keep their line content), so a finding's
(line, column) is exact for people; fixes are mapped back to the original text through
``Source.to_original``, which keeps each line's own line ending.
"""

from __future__ import annotations

import bisect
import codecs
import re
from dataclasses import dataclass, field

_NEWLINE = re.compile(r"\r\n|\r|\n")


class LineMap:
    """Maps code-point offsets of a text to 1-based (line, column) and to LSP UTF-16 positions."""

    __slots__ = ("text", "starts")

    def __init__(self, text: str):
        self.text = text
        starts = [0]
        find = text.find
        i = find("\n")
        while i != -1:
            starts.append(i + 1)
            i = find("\n", i + 1)
        self.starts = starts

    @property
    def line_count(self) -> int:
        return len(self.starts)

    def line_index(self, offset: int) -> int:
        """0-based line of ``offset``."""
        return bisect.bisect_right(self.starts, offset) - 1

    def position(self, offset: int) -> tuple[int, int]:
        """1-based (line, column) of ``offset``, the column counted in code points."""
        offset = max(0, min(offset, len(self.text)))
        line = self.line_index(offset)
        return line + 1, offset - self.starts[line] + 1

    def offset(self, line: int, column: int) -> int:
        """Offset of a 1-based (line, column)."""
        line = max(1, min(line, len(self.starts)))
        return min(self.starts[line - 1] + column - 1, len(self.text))

    def line_text(self, line0: int) -> str:
        start = self.starts[line0]
        end = self.starts[line0 + 1] - 1 if line0 + 1 < len(self.starts) else len(self.text)
        return self.text[start:end]

    def utf16(self, offset: int) -> tuple[int, int]:
        """0-based (line, character) with ``character`` in UTF-16 code units, as LSP wants."""
        offset = max(0, min(offset, len(self.text)))
        line = self.line_index(offset)
        prefix = self.text[self.starts[line]:offset]
        return line, len(prefix) + sum(1 for ch in prefix if ord(ch) > 0xFFFF)

    def from_utf16(self, line: int, character: int) -> int:
        """Offset of an LSP (line, UTF-16 character) position."""
        if line >= len(self.starts):
            return len(self.text)
        start = self.starts[line]
        end = self.starts[line + 1] - 1 if line + 1 < len(self.starts) else len(self.text)
        units = 0
        i = start
        while i < end and units < character:
            units += 2 if ord(self.text[i]) > 0xFFFF else 1
            i += 1
        return i


@dataclass
class Source:
    """A decoded file: original text, normalised text and how to get back."""

    text: str  # normalised: "\n" newlines, no BOM
    original: str  # decoded, BOM removed, newlines as in the file
    encoding: str = "utf-8"
    bom: bool = False
    newline: str = "\n"  # dominant newline style
    problems: list[tuple[int, str]] = field(default_factory=list)  # (offset, message)
    line_map: LineMap = field(init=False)
    _orig_starts: list[int] | None = field(default=None, init=False, repr=False)

    def __post_init__(self) -> None:
        self.line_map = LineMap(self.text)

    @classmethod
    def from_text(cls, original: str, **kw) -> "Source":
        if original.startswith("\ufeff"):
            original = original[1:]
            kw.setdefault("bom", True)
        text = original
        newline = "\n"
        if "\r" in original:
            crlf = original.count("\r\n")
            cr = original.count("\r") - crlf
            lf = original.count("\n") - crlf
            newline = max((crlf, "\r\n"), (lf, "\n"), (cr, "\r"))[1]
            text = _NEWLINE.sub("\n", original)
        return cls(text=text, original=original, newline=newline, **kw)

    def to_original(self, offset: int) -> int:
        """Offset in the normalised text → offset in the original text."""
        if self.text is self.original or self.text == self.original:
            return offset
        if self._orig_starts is None:
            starts = [0]
            for m in _NEWLINE.finditer(self.original):
                starts.append(m.end())
            self._orig_starts = starts
        line, col = self.line_map.position(offset)
        return self._orig_starts[line - 1] + col - 1

    def encode(self, original: str) -> bytes:
        """Encode text (in the original newline style) as the file was encoded."""
        data = original.encode(self.encoding, errors="surrogateescape" if self.encoding == "utf-8" else "strict")
        if self.bom:
            bom = {"utf-8": codecs.BOM_UTF8, "utf-16-le": codecs.BOM_UTF16_LE, "utf-16-be": codecs.BOM_UTF16_BE}
            data = bom.get(self.encoding, b"") + data
        return data


class BinaryFileError(ValueError):
    """The file is not text (NUL bytes or undecodable binary data)."""


def decode(data: bytes) -> Source:
    """Decode a file's bytes: UTF-8 (BOM or not), UTF-16 with BOM, else a detected legacy encoding.

    Undecodable bytes never stop the lint: they are replaced and their positions recorded in
    ``Source.problems`` (reported by the ``encoding`` rule).
    """
    if data.startswith(codecs.BOM_UTF8):
        return _decode_utf8(data[3:], bom=True)
    if data.startswith(codecs.BOM_UTF16_LE) or data.startswith(codecs.BOM_UTF16_BE):
        enc = "utf-16-le" if data.startswith(codecs.BOM_UTF16_LE) else "utf-16-be"
        text = data[2:].decode(enc, errors="replace")
        return Source.from_text(text, encoding=enc, bom=True)
    if b"\x00" in data[:8192] or b"\x00" in data:
        raise BinaryFileError("NUL bytes: not a text file")
    try:
        return Source.from_text(data.decode("utf-8"))
    except UnicodeDecodeError as err:
        return _decode_non_utf8(data, err)


def _decode_utf8(data: bytes, bom: bool) -> Source:
    try:
        return Source.from_text(data.decode("utf-8"), bom=bom)
    except UnicodeDecodeError:
        return _decode_utf8_with_errors(data, bom)


def _decode_utf8_with_errors(data: bytes, bom: bool) -> Source:
    text = data.decode("utf-8", errors="replace")
    src = Source.from_text(text, bom=bom)
    # Positions of U+FFFD that were not in the file: report the first few.
    problems = []
    for m in re.finditer("\ufffd+", src.text):
        problems.append((m.start(), "UTF-8 として読めないバイトがあります（U+FFFD に置き換えました）"))
        if len(problems) >= 20:
            break
    src.problems.extend(problems)
    return src


_LEGACY = ("cp932", "euc_jp", "iso2022_jp")


def _decode_non_utf8(data: bytes, err: UnicodeDecodeError) -> Source:
    sample = data[: 1 << 20]
    if sum(1 for b in sample if b < 0x09 or 0x0E <= b < 0x1B) > len(sample) // 100 + 2:
        raise BinaryFileError("binary data: not a text file")
    for enc in _LEGACY:
        try:
            text = data.decode(enc)
        except UnicodeDecodeError:
            continue
        if _looks_japanese(text):
            name = {"cp932": "Shift_JIS (CP932)", "euc_jp": "EUC-JP", "iso2022_jp": "ISO-2022-JP"}[enc]
            src = Source.from_text(text, encoding=enc)
            src.problems.append((0, f"ファイルが UTF-8 ではありません（{name} として読みました）"))
            return src
    try:
        from charset_normalizer import from_bytes

        best = from_bytes(sample).best()
    except Exception:  # pragma: no cover - detector failure is not fatal
        best = None
    if best is not None and best.encoding not in ("utf_8", "ascii"):
        try:
            text = data.decode(best.encoding)
            src = Source.from_text(text, encoding=best.encoding)
            src.problems.append((0, f"ファイルが UTF-8 ではありません（{best.encoding} として読みました）"))
            return src
        except (UnicodeDecodeError, LookupError):
            pass
    src = _decode_utf8_with_errors(data, bom=False)
    line, col = src.line_map.position(len(data[: err.start].decode("utf-8", errors="replace")))
    src.problems.insert(0, (src.line_map.offset(line, col), f"UTF-8 として読めないバイトがあります（バイト位置 {err.start}）"))
    del src.problems[1:2]
    return src


def _looks_japanese(text: str) -> bool:
    sample = text[:20000]
    jp = sum(1 for ch in sample if "\u3040" <= ch <= "\u30ff" or "\u4e00" <= ch <= "\u9fff")
    return jp >= max(1, len(sample) // 50)
