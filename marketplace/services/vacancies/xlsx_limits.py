"""Bounded checks of an uploaded XLSX before openpyxl opens it.

An XLSX is a zip of XML files, and both layers can be made hostile: a 1 MB file can
unpack to gigabytes (zip bomb), its directory can lie about sizes, its XML can hold
entity bombs or external entities, and one cell at row 2,000,000,000 makes a reader
walk two billion empty rows. So, before anything else reads it:

1. the zip directory: number of members, declared sizes, compression ratio;
2. every member inflated in small chunks, counting what really comes out (a member
   that unpacks to more than its directory says is refused);
3. every XML member parsed as a stream by defusedxml (no DTD, no entities) without
   building a tree, counting rows, cells per row and characters per text.

All work is bounded by the limits below, whatever the file holds; each refusal says in
Dutch what was wrong.
"""

from __future__ import annotations

import io
import re
import struct
import zipfile
import zlib
from collections.abc import Iterator
from xml.etree.ElementTree import ParseError

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import DefusedXMLParser

from marketplace.errors import DomainError

MAX_MEMBERS = 300
MAX_MEMBER_BYTES = 50 * 1024 * 1024
MAX_TOTAL_BYTES = 100 * 1024 * 1024
MAX_RATIO = 200  # XML of real sheets packs 5 to 30 times; bombs pack a thousandfold
RATIO_FROM_BYTES = 1024 * 1024  # tiny members may pack oddly; they cannot hurt
MAX_CELLS_PER_ROW = 1_000
MAX_CELL_CHARS = 32_767  # Excel's own limit for one cell
CHUNK = 64 * 1024
_LOCAL_HEADER = struct.Struct("<4s22xHH")
_SCANNED = re.compile(r"xl/(worksheets/[^/]+|sharedStrings)\.xml", re.IGNORECASE)


class XlsxRefused(DomainError):
    """The upload is not an XLSX we are willing to open."""


def _mb(size: int) -> str:
    return f"{size // (1024 * 1024)} MB"


def _refuse(message: str) -> XlsxRefused:
    return XlsxRefused(message + " Sla het bestand opnieuw op in Excel, of als CSV.")


def check_xlsx(data: bytes, max_row: int) -> None:
    """Refuse an XLSX that would take unbounded memory or time to read; see the module."""
    try:
        infos = zipfile.ZipFile(io.BytesIO(data)).infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, OSError) as error:
        raise _refuse("Dit XLSX-bestand kunnen we niet openen.") from error
    _check_directory(infos)
    for info in infos:
        chunks = _inflate(data, info)
        if info.filename.lower().endswith((".xml", ".rels")):
            _scan_xml(info.filename, chunks, max_row)
        else:
            for _ in chunks:
                pass


def _check_directory(infos: list[zipfile.ZipInfo]) -> None:
    if len(infos) > MAX_MEMBERS:
        raise _refuse(f"Het XLSX-bestand bestaat uit meer dan {MAX_MEMBERS} delen.")
    total = 0
    for info in infos:
        if info.flag_bits & 0x1:
            raise _refuse(f"Het XLSX-bestand is versleuteld ({info.filename}).")
        if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
            raise _refuse(f"Het XLSX-bestand is op een onbekende manier ingepakt "
                          f"({info.filename}).")
        if info.file_size > MAX_MEMBER_BYTES:
            raise _refuse(f"Een deel van het XLSX-bestand ({info.filename}) is uitgepakt "
                          f"groter dan {_mb(MAX_MEMBER_BYTES)}.")
        if info.file_size > RATIO_FROM_BYTES and info.file_size > MAX_RATIO * max(
                info.compress_size, 1):
            raise _refuse(f"Een deel van het XLSX-bestand ({info.filename}) is verdacht "
                          f"sterk ingepakt (meer dan {MAX_RATIO} keer).")
        total += info.file_size
    if total > MAX_TOTAL_BYTES:
        raise _refuse(f"Het XLSX-bestand is uitgepakt groter dan {_mb(MAX_TOTAL_BYTES)}.")


def _raw_member(data: bytes, info: zipfile.ZipInfo) -> memoryview:
    """The member's packed bytes, located through its local header."""
    offset = info.header_offset
    header = data[offset:offset + _LOCAL_HEADER.size]
    if len(header) < _LOCAL_HEADER.size:
        raise _refuse(f"Het XLSX-bestand is beschadigd ({info.filename}).")
    signature, name_length, extra_length = _LOCAL_HEADER.unpack(header)
    start = offset + _LOCAL_HEADER.size + name_length + extra_length
    raw = memoryview(data)[start:start + info.compress_size]
    if signature != b"PK\x03\x04" or len(raw) != info.compress_size:
        raise _refuse(f"Het XLSX-bestand is beschadigd ({info.filename}).")
    return raw


def _inflate(data: bytes, info: zipfile.ZipInfo) -> Iterator[bytes]:
    """The member unpacked in chunks of at most CHUNK bytes; refused as soon as more
    comes out than the directory declared (a lying directory is a bomb too)."""
    raw = _raw_member(data, info)
    if info.compress_type == zipfile.ZIP_STORED:
        if info.compress_size != info.file_size:
            raise _refuse(f"Het XLSX-bestand is beschadigd ({info.filename}).")
        for start in range(0, len(raw), CHUNK):
            yield bytes(raw[start:start + CHUNK])
        return
    inflater = zlib.decompressobj(-zlib.MAX_WBITS)
    pending, produced, out = bytes(raw), 0, b""
    try:
        while pending or len(out) == CHUNK:
            out = inflater.decompress(pending, CHUNK)
            pending = inflater.unconsumed_tail
            produced += len(out)
            if produced > info.file_size:
                raise _refuse(f"Een deel van het XLSX-bestand ({info.filename}) pakt uit "
                              "tot meer dan de inhoudsopgave zegt.")
            yield out
    except zlib.error as error:
        raise _refuse(f"Het XLSX-bestand is beschadigd ({info.filename}).") from error


class _Scanner:
    """Parser target that counts instead of building a tree (memory stays flat)."""

    def __init__(self, member: str, max_row: int) -> None:
        self.member = member
        self.max_row = max_row
        self.counting = bool(_SCANNED.fullmatch(member))
        self.row = 0
        self.cells = 0
        self.chars = 0

    def start(self, tag: str, attrib: dict[str, str]) -> None:
        self.chars = 0
        if not self.counting:
            return
        name = tag.rsplit("}", 1)[-1]
        if name == "row":
            self._row(attrib.get("r"))
        elif name == "c":
            self.cells += 1
            if self.cells > MAX_CELLS_PER_ROW:
                raise _refuse(f"Rij {self.row} heeft meer dan {MAX_CELLS_PER_ROW:,} cellen."
                              .replace(",", "."))

    def _row(self, number: str | None) -> None:
        try:
            self.row = int(number) if number is not None else self.row + 1
        except ValueError:
            raise _refuse(f"Het XLSX-bestand is beschadigd ({self.member}).") from None
        self.cells = 0
        if self.row > self.max_row:
            raise _refuse(f"Het werkblad gaat door tot rij {self.row:,}; we lezen hoogstens "
                          f"{self.max_row:,} rijen (lege rijen tellen mee). Splits het "
                          "bestand.".replace(",", "."))

    def end(self, tag: str) -> None:
        self.chars = 0

    def data(self, text: str) -> None:
        self.chars += len(text)
        if self.counting and self.chars > MAX_CELL_CHARS:
            raise _refuse(f"Een cel in het XLSX-bestand is langer dan {MAX_CELL_CHARS:,} "
                          "tekens.".replace(",", "."))

    def close(self) -> None:
        return None


def _scan_xml(member: str, chunks: Iterator[bytes], max_row: int) -> None:
    parser = DefusedXMLParser(target=_Scanner(member, max_row), forbid_dtd=True,
                              forbid_entities=True, forbid_external=True)
    try:
        for chunk in chunks:
            parser.feed(chunk)
        parser.close()
    except DefusedXmlException as error:
        raise _refuse(f"Het XLSX-bestand bevat een DTD of entiteiten ({member}); die "
                      "gebruikt Excel nooit, dus we lezen het niet.") from error
    except ParseError as error:
        raise _refuse(f"Het XLSX-bestand is beschadigd ({member}).") from error
