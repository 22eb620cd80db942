// Package lang is planatlas's message catalog: every text a user reads —
// notes, warnings, errors, progress, legends, table values — in German
// and English, with numbers written the way each language writes them
// (1.234,5 and 1,234.5).
//
// Code writes its texts in English, as format strings, and never picks a
// language itself: a note is lang.M("%d files read as one table", n),
// an error carries a Message, and only the command line, the report and
// the tables render them with the run's Printer. The English format
// string is the catalog's key; its German translation is in catalog_de.go.
// A text without a translation renders in English in a German run, and a
// test finds every such text (TestEveryMessageTranslated): it scans the
// repository for lang.M("…") and printer.Sprintf("…") calls with a
// literal format. Texts whose words change with a count ("1 error",
// "2 errors"; "1 Index", "2 Indizes") are in plural.go, in both
// languages. Years and line numbers go in as strings (strconv.Itoa):
// the printer groups the digits of every integer (2.024).
//
// The catalog is built on golang.org/x/text/message and its catalog,
// without the package-global default catalog: each Printer holds the one
// catalog this package builds, so that no state is shared between runs.
package lang
