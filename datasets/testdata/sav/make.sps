* Writes the SPSS system files the datasets package's tests read.
* Run in this directory: pspp make.sps  (see README.md).
SET LOCALE='UTF-8'.
DATA LIST LIST /Planungsraum (F4.0) Gewicht (F8.3) Zufrieden (F1.0) Alter (F3.0) Bezirk (A12) Bemerkung (A40) Schicht (F2.0) Einkommen (F8.2) Langtext (A300).
BEGIN DATA
101 1.250 1 34 "Mitte" "Wohnung zu klein, Lärm" 1 2100.50 "kurz"
102 0.875 5 71 "Köpenick" "" 1 1800.00 ""
103 1.000 9 . "Mitte" "keine Angabe möglich, zu viel Straßenlärm" 2 -1 "Ein sehr langer Freitext über die Wohngegend, der länger ist als zweihundertfünfundfünfzig Bytes, damit die Datei einen sehr langen String mit mehreren Segmenten enthält. Noch ein Satz, und noch einer, und noch einer, bis es reicht, und noch ein paar Wörter mehr, damit es wirklich genug ist: Ende."
1204 2.500 3 45 "Spandau" "Grünfläche fehlt" 2 99999 "x"
1205 1.125 . 18 "Neukölln" "ÄÖÜäöüß" 3 3200.25 "y"
END DATA.
FORMATS Planungsraum (N4).
VARIABLE LABELS Planungsraum 'Planungsraum (LOR)' /Gewicht 'Gewichtungsfaktor' /Zufrieden 'Zufriedenheit mit der Wohngegend' /Bemerkung 'Bemerkung (Freitext)' /Einkommen 'Haushaltsnettoeinkommen in €'.
VALUE LABELS Zufrieden 1 'sehr zufrieden' 2 'zufrieden' 3 'teils/teils' 4 'unzufrieden' 5 'sehr unzufrieden' 9 'weiß nicht'
  /Bezirk 'Mitte' 'Bezirk Mitte' 'Köpenick' 'Treptow-Köpenick'
  /Bemerkung 'ÄÖÜäöüß' 'Umlaute (Test)'.
MISSING VALUES Zufrieden (9) /Einkommen (-1, 99999) /Alter (LO THRU 0) /Bemerkung ('').
VARIABLE LEVEL Zufrieden (ORDINAL) /Gewicht Einkommen (SCALE) /Bezirk (NOMINAL).
WEIGHT BY Gewicht.
SAVE OUTFILE='umfrage_comp.sav' /COMPRESSED.
SAVE OUTFILE='umfrage_uncomp.sav' /UNCOMPRESSED.
SAVE OUTFILE='umfrage.zsav' /ZCOMPRESSED.

* A Windows-1252 file with a string area key.
NEW FILE.
SET LOCALE='windows-1252'.
DATA LIST LIST /Gebiet (A8) Anzahl (F6.0) Anteil (F5.1).
BEGIN DATA
"01" 120 12.5
"02" 85 .
"10" 0 99.9
END DATA.
VARIABLE LABELS Anzahl 'Anzahl der Befragten (Größe)'.
VALUE LABELS Anteil 99.9 'nicht ermittelbar (Straße)' /Gebiet '01' 'Innenstadt'.
MISSING VALUES Anteil (99 THRU HI).
SAVE OUTFILE='cp1252.sav' /UNCOMPRESSED.

* A small file as a fuzzing seed: every kind of record, two cases.
NEW FILE.
SET LOCALE='UTF-8'.
DATA LIST LIST /Planungsraum (F3.0) Bezirk (A9) Zufrieden (F1.0) Einkommen (F8.2) Langtext (A260).
BEGIN DATA
7 "Mitte" 2 1.5 "a"
8 "Köpenick" 9 . "b"
END DATA.
VALUE LABELS Zufrieden 2 'zufrieden' /Bezirk 'Mitte' 'Bezirk Mitte'.
MISSING VALUES Zufrieden (9) /Bezirk ('x').
WEIGHT BY Einkommen.
SAVE OUTFILE='klein_comp.sav' /COMPRESSED.
SAVE OUTFILE='klein.zsav' /ZCOMPRESSED.
