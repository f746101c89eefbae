"""Bytes → text, with every position a user's editor would show.

The analysis runs on *normalised* text: newlines are all ``\\n``.  Lines and columns are the
same as in the original file (CRLF and CR-only files keep their line content), so a finding's
(line, column) is exact for people; fixes are mapped back to the original text through
``Source.to_original``, which keeps each line's own line ending.
"""

from __future__ import annotations

import bisect
import codecs
from dataclasses import dataclass, field
from kijilint._lazy_re import lazy_re

_NEWLINE = lazy_re(r"\r\n|\r|\n")
_ASTRAL = lazy_re("[\U00010000-\U0010FFFF]")


class LineMap:
    """Maps code-point offsets of a text to 1-based (line, column) and to LSP UTF-16 positions."""

    __slots__ = ("text", "starts", "_astral")

    def __init__(self, text: str):
        self.text = text
        self._astral: list[int] | None = None
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
        start = self.starts[line]
        astral = self._astral_offsets()
        if not astral:
            return line, offset - start
        # Characters beyond the BMP count twice; bisect keeps this O(log n) on one-line files.
        return line, offset - start + bisect.bisect_left(astral, offset) - bisect.bisect_left(astral, start)

    def _astral_offsets(self) -> list[int]:
        if self._astral is None:
            self._astral = [m.start() for m in _ASTRAL.finditer(self.text)]
        return self._astral

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


@dataclass(frozen=True)
class DecodeProblem:
    """Something about how the file had to be read (reported by the ``encoding`` rules)."""

    kind: str  # "not-utf8" (EC001) or "undecodable" (EC002)
    start: int  # offsets in Source.text
    end: int
    message: str


# Undecodable bytes are kept in ``Source.original`` as U+DC00+byte (like Python's
# surrogateescape), so a fix writes them back unchanged; ``Source.text`` shows U+FFFD instead.
_ESCAPED = lazy_re("[\udc00-\udcff]+")
_SURROGATE = lazy_re("[\ud800-\udfff]")
MAX_REPORTED = 10  # undecodable runs reported one by one; the rest are counted in the last one


@dataclass
class Source:
    """A decoded file: original text, normalised text and how to get back."""

    text: str  # normalised: "\n" newlines, no BOM, undecodable bytes as U+FFFD
    original: str  # decoded, BOM removed, newlines as in the file, undecodable bytes escaped
    encoding: str = "utf-8"  # a Python codec name
    bom: bool = False
    newline: str = "\n"  # dominant newline style
    line_map: LineMap = field(init=False)
    _orig_starts: list[int] | None = field(default=None, init=False, repr=False)
    _problems: list[DecodeProblem] | None = field(default=None, init=False, repr=False)

    def __post_init__(self) -> None:
        self.line_map = LineMap(self.text)

    @classmethod
    def from_text(cls, original: str, strip_bom: bool = True, **kw) -> "Source":
        # (strip_bom=False: text whose BOM is already in ``bom``, so a leading U+FEFF is content)
        if strip_bom and original.startswith("\ufeff"):
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
        if _SURROGATE.search(text):  # never let a lone surrogate reach the tokenizer or the output
            text = _SURROGATE.sub("\ufffd", text)
        return cls(text=text, original=original, newline=newline, **kw)

    @property
    def encoding_label(self) -> str:
        """The encoding as people name it (``Shift_JIS (CP932)``, ``EUC-JP``…)."""
        return encoding_label(self.encoding)

    @property
    def problems(self) -> list[DecodeProblem]:
        """Derived from the encoding and the escaped bytes, so a re-built (fixed) Source keeps them."""
        if self._problems is None:
            self._problems = self._find_problems()
        return self._problems

    def _find_problems(self) -> list[DecodeProblem]:
        out: list[DecodeProblem] = []
        if self.encoding.replace("_", "-").lower() not in ("utf-8", "utf8"):
            first_line_end = self.text.find("\n")
            end = len(self.text) if first_line_end < 0 else first_line_end
            out.append(DecodeProblem("not-utf8", 0, end,
                                     f"ファイルの文字コードが UTF-8 ではありません（{self.encoding_label} として読みました）"))
        if not _ESCAPED.search(self.original):
            return out
        runs = list(_iter_limited(_ESCAPED.finditer(self.original), MAX_REPORTED + 1))
        total = sum(1 for _ in _ESCAPED.finditer(self.original)) if len(runs) > MAX_REPORTED else len(runs)
        byte_pos = 0
        prev = 0
        for i, m in enumerate(runs[:MAX_REPORTED]):
            # Byte offset of the run: encode only the stretch since the previous run (linear).
            byte_pos += _byte_len(self.original[prev:m.start()], self.encoding)
            prev = m.start()
            raw = bytes(ord(c) - 0xDC00 for c in m.group())
            shown = " ".join(f"0x{b:02X}" for b in raw[:8]) + (" …" if len(raw) > 8 else "")
            more = f"、ほかに {total - MAX_REPORTED} か所" if i == MAX_REPORTED - 1 and total > MAX_REPORTED else ""
            start = self._to_text(m.start())
            out.append(DecodeProblem("undecodable", start, start + len(m.group()),
                                     f"{self.encoding_label} として読めないバイト {shown} があります（{byte_pos + 1} バイト目、U+FFFD として検査しました{more}）"))
        return out

    def _to_text(self, orig_offset: int) -> int:
        """Offset in the original text → offset in the normalised text (CRLF counts as one)."""
        if "\r\n" not in self.original:
            return orig_offset
        return orig_offset - self.original.count("\r\n", 0, orig_offset)

    def to_original(self, offset: int) -> int:
        """Offset in the normalised text → offset in the original text."""
        if len(self.text) == len(self.original):
            return offset
        if self._orig_starts is None:
            starts = [0]
            for m in _NEWLINE.finditer(self.original):
                starts.append(m.end())
            self._orig_starts = starts
        line, col = self.line_map.position(offset)
        return self._orig_starts[line - 1] + col - 1

    def encode(self, original: str) -> bytes:
        """Encode text (in the original newline style) as the file was encoded; undecodable
        bytes go back as they were.  Raises UnicodeEncodeError when that is impossible (the
        caller then refuses to write rather than corrupt the file)."""
        data = original.encode(self.encoding, errors="surrogateescape")
        if self.bom:
            data = _BOMS.get(self.encoding.replace("_", "-").lower(), b"") + data
        return data


_BOMS = {"utf-8": codecs.BOM_UTF8, "utf-16-le": codecs.BOM_UTF16_LE, "utf-16-be": codecs.BOM_UTF16_BE,
         "utf-32-le": codecs.BOM_UTF32_LE, "utf-32-be": codecs.BOM_UTF32_BE}
_LABELS = {"utf-8": "UTF-8", "cp932": "Shift_JIS (CP932)", "shift-jis": "Shift_JIS", "euc-jp": "EUC-JP",
           "iso2022-jp": "ISO-2022-JP", "utf-16-le": "UTF-16 LE", "utf-16-be": "UTF-16 BE",
           "utf-32-le": "UTF-32 LE", "utf-32-be": "UTF-32 BE"}


def encoding_label(codec: str) -> str:
    key = codec.replace("_", "-").lower()
    return _LABELS.get(key, codec)


def _iter_limited(it, n):
    for i, x in enumerate(it):
        if i >= n:
            return
        yield x


def _byte_len(s: str, encoding: str) -> int:
    try:
        return len(s.encode(encoding, errors="surrogateescape"))
    except UnicodeEncodeError:
        return len(s.encode(encoding, errors="replace"))


class BinaryFileError(ValueError):
    """The file is not text (NUL bytes or binary data)."""


def _escape_handler(err: UnicodeDecodeError):
    # Each bad byte becomes U+DC00+byte: positions stay exact and writing back restores it.
    bad = err.object[err.start:err.end]
    return "".join(chr(0xDC00 + b) for b in bad), err.end


codecs.register_error("kijilint-escape", _escape_handler)


def decode(data: bytes) -> Source:
    """Decode a file's bytes: UTF-8 (BOM or not), UTF-16/32 with a BOM, else a detected legacy
    encoding (Shift_JIS/CP932, EUC-JP, ISO-2022-JP, then charset-normalizer's guess).

    Undecodable bytes never stop the lint: they are kept escaped and reported (EC002).
    Raises BinaryFileError for data that is not text (NUL bytes, control characters).
    """
    for bom, enc in ((codecs.BOM_UTF32_LE, "utf-32-le"), (codecs.BOM_UTF32_BE, "utf-32-be"), (codecs.BOM_UTF8, "utf-8"),
                     (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be")):
        if data.startswith(bom):
            text = data[len(bom):].decode(enc, errors="kijilint-escape")
            if "\x00" in text:
                raise BinaryFileError("NUL 文字を含みます")
            return Source.from_text(text, encoding=enc, bom=True)
    if b"\x00" in data:
        raise BinaryFileError("NUL バイトを含みます")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    else:
        if b"\x1b$" in data:  # ISO-2022-JP is 7-bit, hence valid UTF-8: look for its escapes
            return Source.from_text(data.decode("iso2022_jp", errors="kijilint-escape"), encoding="iso2022_jp")
        return Source.from_text(text)
    if _looks_binary(data):
        raise BinaryFileError("バイナリデータです")
    enc = _guess_encoding(data)
    return Source.from_text(data.decode(enc, errors="kijilint-escape"), encoding=enc)


_CONTROL = lazy_re(rb"[\x01-\x08\x0e-\x1a\x1c-\x1f\x7f]")


def _looks_binary(data: bytes) -> bool:
    sample = data[:65536]
    return len(_CONTROL.findall(sample)) > len(sample) // 100 + 2


_JP_CANDIDATES = ("cp932", "euc_jp")
_HALF_KANA = lazy_re("[\uff61-\uff9f]")
_KANA = lazy_re("[\u3041-\u30ff]")
_ODD = lazy_re("[\udc00-\udcff\x80-\x9f\ue000-\uf8ff]")  # escaped bytes, C1 controls, private use


def _guess_encoding(data: bytes) -> str:
    """Not valid UTF-8: which encoding reads it best?

    UTF-8 with a few stray bytes stays UTF-8 (the stray bytes are reported); otherwise the
    Japanese legacy encodings are scored on kana (CP932 misreads EUC-JP as half-width kana,
    EUC-JP fails on Shift_JIS lead bytes), then charset-normalizer guesses.
    """
    sample = data[: 1 << 18]
    if len(sample) < len(data):  # do not cut a multibyte character in half at the end
        sample = sample[: sample.rfind(b"\n") + 1] or sample
    utf8 = sample.decode("utf-8", errors="kijilint-escape")
    utf8_bad = len(_ESCAPED.findall(utf8))
    utf8_good = sum(1 for ch in utf8 if ch >= "\u0080" and not "\udc00" <= ch <= "\udcff")
    if utf8_good >= 4 * utf8_bad:
        return "utf-8"
    best, best_score = None, 0.0
    for enc in _JP_CANDIDATES:
        text = sample.decode(enc, errors="kijilint-escape")
        score = len(_KANA.findall(text)) - 2 * len(_HALF_KANA.findall(text)) - 5 * len(_ODD.findall(text))
        if score > best_score:
            best, best_score = enc, score
    if best is not None:
        return best
    try:
        from charset_normalizer import from_bytes

        guess = from_bytes(sample).best()
    except Exception:  # a detector failure is not fatal: read as UTF-8 and report the bytes
        guess = None
    if guess is not None and guess.encoding not in ("utf_8", "ascii"):
        try:
            codecs.lookup(guess.encoding)
            return guess.encoding
        except LookupError:
            pass
    return "utf-8"
