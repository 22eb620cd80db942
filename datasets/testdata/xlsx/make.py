#!/usr/bin/python3
"""Writes libreoffice.xlsx: a workbook as LibreOffice Calc 7 writes one
(a hidden first sheet, shared strings, rows with spans and styles, a custom date format and a
built-in one, a formula with its cached value, a styled empty row, an
inline string, docProps), written by hand because no office program is
installed. Read by TestReadXLSXLibreOffice in datasets/xlsx_read_test.go.

Re-run from the repository root:
    /usr/bin/python3 datasets/testdata/xlsx/make.py
"""
import os
import zipfile

HERE = os.path.dirname(os.path.abspath(__file__))
MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG = "http://schemas.openxmlformats.org/package/2006/relationships"

parts = {
    "[Content_Types].xml": '<?xml version="1.0" encoding="UTF-8"?>\n'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Override PartName="/_rels/.rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
    '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>'
    '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
    '<Override PartName="/xl/worksheets/sheet2.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
    '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>'
    '</Types>',
    "_rels/.rels": '<?xml version="1.0" encoding="UTF-8"?>\n'
    f'<Relationships xmlns="{PKG}">'
    f'<Relationship Id="rId1" Type="{REL}/officeDocument" Target="xl/workbook.xml"/>'
    '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>'
    '</Relationships>',
    "docProps/core.xml": '<?xml version="1.0" encoding="UTF-8"?>\n'
    '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties"'
    ' xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:creator>planatlas test</dc:creator></cp:coreProperties>',
    "xl/_rels/workbook.xml.rels": '<?xml version="1.0" encoding="UTF-8"?>\n'
    f'<Relationships xmlns="{PKG}">'
    f'<Relationship Id="rId1" Type="{REL}/styles" Target="styles.xml"/>'
    f'<Relationship Id="rId2" Type="{REL}/worksheet" Target="worksheets/sheet1.xml"/>'
    f'<Relationship Id="rId3" Type="{REL}/worksheet" Target="worksheets/sheet2.xml"/>'
    f'<Relationship Id="rId4" Type="{REL}/sharedStrings" Target="sharedStrings.xml"/>'
    '</Relationships>',
    "xl/workbook.xml": '<?xml version="1.0" encoding="UTF-8"?>\n'
    f'<workbook xmlns="{MAIN}" xmlns:r="{REL}"><fileVersion appName="Calc"/>'
    '<workbookPr backupFile="false" showObjects="all" date1904="false"/><workbookProtection/>'
    '<bookViews><workbookView showHorizontalScroll="true" activeTab="1"/></bookViews>'
    '<sheets><sheet name="Notizen" sheetId="1" state="hidden" r:id="rId2"/>'
    '<sheet name="Maßnahmen" sheetId="2" state="visible" r:id="rId3"/></sheets>'
    '<calcPr iterateCount="100" refMode="A1" iterate="false" iterateDelta="0.001"/></workbook>',
    "xl/styles.xml": '<?xml version="1.0" encoding="UTF-8"?>\n'
    f'<styleSheet xmlns="{MAIN}"><numFmts count="2">'
    '<numFmt numFmtId="164" formatCode="General"/><numFmt numFmtId="165" formatCode="YYYY\\-MM\\-DD"/></numFmts>'
    '<fonts count="1"><font><sz val="10"/><name val="Arial"/><family val="2"/></font></fonts>'
    '<cellStyleXfs count="1"><xf numFmtId="164" fontId="0"/></cellStyleXfs>'
    '<cellXfs count="4"><xf numFmtId="164" fontId="0" xfId="0"/><xf numFmtId="165" fontId="0" xfId="0" applyNumberFormat="true"/>'
    '<xf numFmtId="164" fontId="0" xfId="0"><alignment wrapText="true"/></xf><xf numFmtId="14" fontId="0" xfId="0" applyNumberFormat="true"/></cellXfs>'
    '<cellStyles count="1"><cellStyle name="Standard" xfId="0" builtinId="0"/></cellStyles></styleSheet>',
    "xl/sharedStrings.xml": '<?xml version="1.0" encoding="UTF-8"?>\n'
    f'<sst xmlns="{MAIN}" count="10" uniqueCount="10">'
    '<si><t xml:space="preserve">id</t></si><si><t xml:space="preserve">titel</t></si><si><t xml:space="preserve">beginn</t></si>'
    '<si><t xml:space="preserve">ende</t></si><si><t xml:space="preserve">budget</t></si><si><t xml:space="preserve">bemerkung</t></si>'
    '<si><t xml:space="preserve">M1</t></si><si><r><rPr><b val="true"/><sz val="10"/></rPr><t xml:space="preserve">Quartiers</t></r>'
    '<r><rPr><sz val="10"/></rPr><t xml:space="preserve">büro</t></r></si>'
    '<si><t xml:space="preserve">M2</t></si><si><t xml:space="preserve">Schloßberg &amp; Co</t></si></sst>',
    "xl/worksheets/sheet1.xml": '<?xml version="1.0" encoding="UTF-8"?>\n'
    f'<worksheet xmlns="{MAIN}" xmlns:r="{REL}"><sheetData>'
    '<row r="1"><c r="A1" s="0" t="inlineStr"><is><t>not this sheet</t></is></c></row></sheetData></worksheet>',
}

row = ('<row r="{r}" s="{s}" customFormat="false" ht="12.8" hidden="false" customHeight="false" '
       'outlineLevel="0" collapsed="false">{cells}</row>')
cells = [
    row.format(r=1, s=0, cells="".join(f'<c r="{c}1" s="0" t="s"><v>{i}</v></c>' for i, c in enumerate("ABCDEF"))),
    row.format(r=2, s=0, cells='<c r="A2" s="0" t="s"><v>6</v></c><c r="B2" s="0" t="s"><v>7</v></c>'
               '<c r="C2" s="1" t="n"><v>45352</v></c><c r="D2" s="0" t="n"><v>2026</v></c>'
               '<c r="E2" s="0" t="n"><f aca="false">150000+30000</f><v>180000</v></c>'),
    row.format(r=3, s=2, cells='<c r="A3" s="2"/><c r="B3" s="2"/>'),
    row.format(r=4, s=0, cells='<c r="A4" s="0" t="s"><v>8</v></c><c r="B4" s="0" t="s"><v>9</v></c>'
               '<c r="C4" s="0" t="n"><v>2024</v></c><c r="D4" s="3" t="n"><v>46752</v></c>'
               '<c r="E4" s="0" t="n"><v>1500.5</v></c><c r="F4" s="0" t="inlineStr"><is><t>inline</t></is></c>'),
]
parts["xl/worksheets/sheet2.xml"] = ('<?xml version="1.0" encoding="UTF-8"?>\n'
    f'<worksheet xmlns="{MAIN}" xmlns:r="{REL}"><sheetPr filterMode="false"><pageSetUpPr fitToPage="false"/></sheetPr>'
    '<dimension ref="A1:F4"/><sheetViews><sheetView showFormulas="false" tabSelected="true" workbookViewId="0">'
    '<selection pane="topLeft" activeCell="A1" sqref="A1"/></sheetView></sheetViews>'
    '<sheetFormatPr defaultRowHeight="12.8"/><cols><col min="1" max="6" width="11.52" customWidth="false"/></cols>'
    '<sheetData>' + "".join(cells) + '</sheetData>'
    '<pageMargins left="0.7875" right="0.7875" top="1.05" bottom="1.05" header="0.7875" footer="0.7875"/>'
    '<headerFooter differentFirst="false" differentOddEven="false"><oddHeader>&amp;C&amp;A</oddHeader></headerFooter>'
    '</worksheet>')

with zipfile.ZipFile(os.path.join(HERE, "libreoffice.xlsx"), "w", zipfile.ZIP_DEFLATED) as z:
    for name in ["[Content_Types].xml", "_rels/.rels", "docProps/core.xml", "xl/_rels/workbook.xml.rels",
                 "xl/workbook.xml", "xl/styles.xml", "xl/sharedStrings.xml",
                 "xl/worksheets/sheet1.xml", "xl/worksheets/sheet2.xml"]:
        info = zipfile.ZipInfo(name, date_time=(2000, 1, 1, 0, 0, 0))
        info.compress_type = zipfile.ZIP_DEFLATED
        z.writestr(info, parts[name])
