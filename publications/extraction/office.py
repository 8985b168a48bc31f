"""ZIP-based office formats in the child: container checks, DOCX, ODT, XLSX.

The parsing libraries (python-docx, lxml, openpyxl) are imported inside the
functions that need them.
"""

from __future__ import annotations

import warnings
import zipfile

from .errors import BOMB, Failed
from .text import TextSink

# Limits for ZIP containers.
ZIP_MAX_MEMBERS = 10_000
ZIP_MAX_TOTAL = 300 * 1024 * 1024  # sum of uncompressed member sizes
ZIP_MAX_RATIO = 200  # per member, when it is also large:
ZIP_RATIO_MIN_SIZE = 20 * 1024 * 1024


def check_zip(path: str) -> None:
    try:
        with zipfile.ZipFile(path) as zf:
            infos = zf.infolist()
    except zipfile.BadZipFile as exc:
        raise Failed(f"damaged ZIP container: {exc}", "corrupt")
    if len(infos) > ZIP_MAX_MEMBERS:
        raise Failed(f"too many files inside the archive ({len(infos)})", "bomb")
    total = 0
    for info in infos:
        total += info.file_size
        if total > ZIP_MAX_TOTAL:
            raise Failed(BOMB, "bomb")
        if info.file_size > ZIP_RATIO_MIN_SIZE and info.file_size > ZIP_MAX_RATIO * max(1, info.compress_size):
            raise Failed(BOMB, "bomb")


def extract_docx(path: str, sink: TextSink) -> dict:
    import docx
    from docx.oxml.ns import qn
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    document = docx.Document(path)
    seen_cells: set = set()

    def blocks(parent, element):
        # like iter_inner_content(), but also descends into content controls
        for child in element.iterchildren():
            tag = child.tag
            if tag == qn("w:p"):
                yield Paragraph(child, parent)
            elif tag == qn("w:tbl"):
                yield Table(child, parent)
            elif tag == qn("w:sdt"):
                content = child.find(qn("w:sdtContent"))
                if content is not None:
                    yield from blocks(parent, content)

    def walk(container) -> None:
        if container is document:
            parent, element = document._body, document.element.body
        else:
            parent, element = container, container._element
        for block in blocks(parent, element):
            if sink.full:
                sink.truncated = True
                return
            if isinstance(block, Paragraph):
                sink.add(block.text, "\n")
            elif isinstance(block, Table):
                walk_table(block)

    def walk_table(table) -> None:
        for row in table.rows:
            cells = []
            for cell in row.cells:
                if cell._tc in seen_cells:  # merged cells repeat (kept alive: same proxy)
                    continue
                seen_cells.add(cell._tc)
                cells.append(cell)
            parts = []
            for cell in cells:
                nested = cell.tables
                parts.append("\n".join(p.text for p in cell.paragraphs))
                for t in nested:
                    walk_table(t)
            sink.add("\t".join(parts), "\n")

    for section in document.sections:
        for hf in (section.first_page_header, section.header, section.even_page_header):
            if not hf.is_linked_to_previous:
                walk(hf)
    walk(document)
    for section in document.sections:
        for hf in (section.first_page_footer, section.footer, section.even_page_footer):
            if not hf.is_linked_to_previous:
                walk(hf)
    return {
        "status": "done" if sink.text() else "no_text",
        "page_count": None,
        **({} if sink.text() else {"reason": "the document contains no text"}),
    }


_ODF_TEXT = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
_ODF_OFFICE = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"


def extract_odt(path: str, sink: TextSink) -> dict:
    from lxml import etree

    parser = etree.XMLParser(
        resolve_entities=False, no_network=True, huge_tree=False, remove_comments=True, remove_pis=True
    )
    with zipfile.ZipFile(path) as zf, zf.open("content.xml") as fh:
        root = etree.parse(fh, parser).getroot()
    body = root.find(f"{{{_ODF_OFFICE}}}body")
    if body is None:
        raise Failed("damaged ODT: no document body", "corrupt")
    paragraph_tags = {f"{{{_ODF_TEXT}}}p", f"{{{_ODF_TEXT}}}h"}
    skip = {f"{{{_ODF_TEXT}}}note-citation", f"{{{_ODF_TEXT}}}tracked-changes", f"{{{_ODF_OFFICE}}}annotation"}
    space, tab, brk = f"{{{_ODF_TEXT}}}s", f"{{{_ODF_TEXT}}}tab", f"{{{_ODF_TEXT}}}line-break"

    def para_text(p) -> str:
        out: list[str] = []
        stack = [(p, False)]
        while stack:
            el, closing = stack.pop()
            if closing:
                if el is not p and el.tail:
                    out.append(el.tail)
                continue
            if el.tag in skip:
                if el.tail:
                    out.append(el.tail)
                continue
            if el.tag == space:
                out.append(" " * min(int(el.get(f"{{{_ODF_TEXT}}}c", "1") or 1), 100))
            elif el.tag == tab:
                out.append("\t")
            elif el.tag == brk:
                out.append("\n")
            elif el.text:
                out.append(el.text)
            stack.append((el, True))
            for child in reversed(el):
                if isinstance(child.tag, str):
                    stack.append((child, False))
        return "".join(out)

    for el in body.iter(*paragraph_tags):
        if sink.full:
            sink.truncated = True
            break
        # nested paragraphs (in notes, frames) are read with their parent
        if any(a.tag in paragraph_tags for a in el.iterancestors()):
            continue
        sink.add(para_text(el), "\n")
    text = sink.text()
    return {
        "status": "done" if text else "no_text",
        "page_count": None,
        **({} if text else {"reason": "the document contains no text"}),
    }


def extract_xlsx(path: str, sink: TextSink) -> dict:
    import openpyxl

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        wb = openpyxl.load_workbook(path, read_only=True, data_only=True)
    nonempty_rows = 0
    try:
        for ws in wb.worksheets:
            if sink.full:
                sink.truncated = True
                break
            sink.add(f"{ws.title}")
            for row in ws.iter_rows(values_only=True):
                if sink.full:
                    sink.truncated = True
                    break
                cells = [_cell(v) for v in row if v is not None and v != ""]
                if cells:
                    nonempty_rows += 1
                    sink.add("\t".join(cells), "\n")
    finally:
        wb.close()
    has_cells = nonempty_rows > 0
    return {
        "status": "done" if has_cells else "no_text",
        "page_count": None,
        **({} if has_cells else {"reason": "the spreadsheet has no cell values"}),
    }


def _cell(value) -> str:
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e15:
        return str(int(value))
    return str(value)
