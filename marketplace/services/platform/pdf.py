"""HTML to PDF with WeasyPrint, for every printable document (the council report, the
participant's invitation). WeasyPrint lays out the HTML and inline SVG itself, shaping
Arabic and Ethiopic text with Pango: no browser, no JavaScript, no network (there is no
base URL, so a document can load nothing from outside)."""

from __future__ import annotations


def pdf_from_html(html: str) -> bytes:
    from weasyprint import HTML  # heavy import, only where a PDF is made

    document: bytes = HTML(string=html).write_pdf()
    return document
