package geo

import (
	"encoding/binary"
	"errors"
	"fmt"
	"math"
	"strconv"
	"strings"
)

// sqliteDB reads tables of an SQLite 3 database file held in memory, as
// far as a GeoPackage needs: the schema, and every row of a table by
// walking its b-tree (https://www.sqlite.org/fileformat2.html). It is
// read-only and uses no C library. A database in WAL mode is read as of
// its last checkpoint; GDAL checkpoints when it closes a file.
//
// Every length, count and page number it reads is checked against the
// page and the file before it is used: a damaged or hostile file gives
// a *damagedError, never a panic, a huge allocation or an endless walk.
type sqliteDB struct {
	b        []byte
	pageSize int
	usable   int
}

// damagedError is a part of the database file that contradicts the file
// format: a length past the end of its page, a page outside the file, a
// loop. The GeoPackage reader adds what to do about it.
type damagedError struct{ msg string }

func (e *damagedError) Error() string { return "damaged database: " + e.msg }

func damaged(format string, args ...any) error {
	return &damagedError{fmt.Sprintf(format, args...)}
}

// maxTreeDepth bounds the b-tree walk. A table of 2^64 rows needs fewer
// than 20 levels even with 512-byte pages; deeper means a damaged tree.
const maxTreeDepth = 64

func openSQLite(b []byte) (*sqliteDB, error) {
	if len(b) < 100 || string(b[:16]) != "SQLite format 3\x00" {
		return nil, errors.New("not an SQLite database (a GeoPackage is one)")
	}
	ps := int(binary.BigEndian.Uint16(b[16:]))
	if ps == 1 {
		ps = 65536
	}
	if ps < 512 || ps&(ps-1) != 0 {
		return nil, damaged("the header gives page size %d (a power of two from 512 to 65536)", ps)
	}
	if enc := binary.BigEndian.Uint32(b[56:]); enc > 1 {
		return nil, errors.New("the database stores text in UTF-16; GeoPackages use UTF-8")
	}
	db := &sqliteDB{b: b, pageSize: ps, usable: ps - int(b[20])}
	if db.usable < 480 { // SQLite's own minimum; the overflow arithmetic needs it
		return nil, damaged("the header reserves %d of the %d bytes of each page", b[20], ps)
	}
	if len(b)%ps != 0 {
		return nil, fmt.Errorf("the file is %d bytes, not a whole number of %d-byte pages: it is truncated or damaged", len(b), ps)
	}
	return db, nil
}

// pages returns the number of pages of the file.
func (db *sqliteDB) pages() int { return len(db.b) / db.pageSize }

func (db *sqliteDB) page(n uint32) ([]byte, error) {
	if n < 1 || int(n) > db.pages() {
		return nil, fmt.Errorf("page %d is outside the file (%d pages)", n, db.pages())
	}
	return db.b[int(n-1)*db.pageSize : int(n)*db.pageSize], nil
}

// sqlValue is one column value of a row.
type sqlValue struct {
	kind byte // 'n' null, 'i' integer, 'f' float, 't' text, 'b' blob
	i    int64
	f    float64
	s    []byte // text or blob (points into the file; copy to keep)
}

func (v sqlValue) text() string {
	switch v.kind {
	case 'i':
		return strconv.FormatInt(v.i, 10)
	case 'f':
		if math.Abs(v.f) < 1e15 {
			return strconv.FormatFloat(v.f, 'f', -1, 64)
		}
		return strconv.FormatFloat(v.f, 'g', -1, 64)
	case 't':
		return string(v.s)
	}
	return ""
}

// tableScan is one walk over a table's b-tree. In a sound file every
// page, b-tree or overflow, belongs to one table once: a page reached
// twice means a loop, which would otherwise never end.
type tableScan struct {
	db       *sqliteDB
	fn       func(rowid int64, cols []sqlValue) error
	cols     []sqlValue
	seen     []bool // pages reached, by number
	overflow int    // overflow pages followed
}

// scan calls fn with the rowid and the columns of every row of the table
// named name whose b-tree starts at root, in rowid order.
func (db *sqliteDB) scan(root uint32, name string, fn func(rowid int64, cols []sqlValue) error) error {
	s := &tableScan{db: db, fn: fn, seen: make([]bool, db.pages()+1)}
	err := s.walk(root, 0)
	var d *damagedError
	if errors.As(err, &d) {
		return damaged("table %q: %s", name, d.msg)
	}
	return err
}

// reach returns page n, which must be in the file and not have been
// reached before in this scan.
func (s *tableScan) reach(n uint32) ([]byte, error) {
	p, err := s.db.page(n)
	if err != nil {
		return nil, err
	}
	if s.seen[n] {
		return nil, fmt.Errorf("page %d is reached twice: the table's tree or a row's overflow chain loops", n)
	}
	s.seen[n] = true
	return p, nil
}

// walk visits the page n of the tree and its children. The recursion is
// at most maxTreeDepth deep.
func (s *tableScan) walk(n uint32, depth int) error {
	if depth > maxTreeDepth {
		return damaged("the table's tree is deeper than %d levels", maxTreeDepth)
	}
	p, err := s.reach(n)
	if err != nil {
		return damaged("%v", err)
	}
	h := 0
	if n == 1 {
		h = 100
	}
	typ := p[h]
	count := int(binary.BigEndian.Uint16(p[h+3:]))
	if h+12+2*count > len(p) {
		return damaged("page %d claims %d cells, more than fit in a page", n, count)
	}
	switch typ {
	case 0x05: // interior table page
		ptrs := p[h+12:]
		for k := range count {
			off := int(binary.BigEndian.Uint16(ptrs[2*k:]))
			if off+4 > len(p) {
				return damaged("page %d: cell %d lies outside its page", n, k+1)
			}
			if err := s.walk(binary.BigEndian.Uint32(p[off:]), depth+1); err != nil {
				return err
			}
		}
		return s.walk(binary.BigEndian.Uint32(p[h+8:]), depth+1)
	case 0x0d: // leaf table page
		return s.leaf(p, n, h+8, count)
	}
	return damaged("page %d is not a table page (type %#x)", n, typ)
}

// leaf calls fn for the count cells of the leaf page p (number n) whose
// cell pointers start at ptrs.
func (s *tableScan) leaf(p []byte, n uint32, ptrs, count int) error {
	for k := range count {
		off := int(binary.BigEndian.Uint16(p[ptrs+2*k:]))
		if off >= len(p) {
			return damaged("page %d: cell %d lies outside its page", n, k+1)
		}
		payload, rowid, err := s.cell(p, off)
		if err != nil {
			return damaged("page %d, cell %d: %v", n, k+1, err)
		}
		if s.cols, err = decodeRecord(payload, s.cols[:0]); err != nil {
			return damaged("row %d: %v", rowid, err)
		}
		if err := s.fn(rowid, s.cols); err != nil {
			return err
		}
	}
	return nil
}

// cell returns the payload and rowid of the table leaf cell at off,
// following overflow pages. The payload's size is checked against what
// the page and its overflow chain can hold before anything is copied.
func (s *tableScan) cell(p []byte, off int) ([]byte, int64, error) {
	size, n := varint(p[off:])
	off += n
	if off >= len(p) {
		return nil, 0, errors.New("the row runs past its page")
	}
	rowid, n := varint(p[off:])
	off += n
	U := s.db.usable
	if size > uint64(len(s.db.b)) {
		return nil, 0, fmt.Errorf("the row claims %d bytes, more than the file's %d", size, len(s.db.b))
	}
	P := int(size)
	X := U - 35
	if P <= X {
		if off+P > len(p) {
			return nil, 0, fmt.Errorf("the row claims %d bytes, more than its page holds", P)
		}
		return p[off : off+P], int64(rowid), nil
	}
	M := ((U-12)*32)/255 - 23
	K := M + (P-M)%(U-4)
	local := M
	if K <= X {
		local = K
	}
	if off+local+4 > len(p) {
		return nil, 0, fmt.Errorf("the row claims %d bytes, more than its page holds", P)
	}
	// The chain needs this many pages: a file that has not got them is
	// damaged, and is found so before the row's bytes are allocated.
	need := (P - local + U - 5) / (U - 4)
	if need > s.db.pages()-s.overflow {
		return nil, 0, fmt.Errorf("the row claims %d bytes, which need %d overflow pages, more than the file has left", P, need)
	}
	out := make([]byte, 0, P)
	out = append(out, p[off:off+local]...)
	next := binary.BigEndian.Uint32(p[off+local:])
	for len(out) < P {
		if s.overflow++; next == 0 {
			return nil, 0, errors.New("the row's overflow chain ends early")
		}
		op, err := s.reach(next)
		if err != nil {
			return nil, 0, fmt.Errorf("overflow chain: %v", err)
		}
		take := min(P-len(out), U-4)
		out = append(out, op[4:4+take]...)
		next = binary.BigEndian.Uint32(op)
	}
	return out, int64(rowid), nil
}

// varint reads SQLite's big-endian variable-length integer.
func varint(b []byte) (uint64, int) {
	var v uint64
	for i := 0; i < 8 && i < len(b); i++ {
		v = v<<7 | uint64(b[i]&0x7f)
		if b[i] < 0x80 {
			return v, i + 1
		}
	}
	if len(b) < 9 {
		return v, len(b)
	}
	return v<<8 | uint64(b[8]), 9
}

// decodeRecord splits a record into its column values. Lengths are
// compared as the unsigned numbers they are stored as, so that a huge
// header size or serial type cannot turn negative.
func decodeRecord(b []byte, cols []sqlValue) ([]sqlValue, error) {
	hsize, n := varint(b)
	if hsize > uint64(len(b)) || hsize < uint64(n) {
		return nil, fmt.Errorf("the record header claims %d bytes, but the record has %d", hsize, len(b))
	}
	head := b[n:hsize]
	body := b[hsize:]
	for len(head) > 0 {
		st, m := varint(head)
		head = head[m:]
		col := len(cols) + 1
		var size uint64
		switch {
		case st == 10 || st == 11:
			return nil, fmt.Errorf("column %d has serial type %d, which SQLite does not use", col, st)
		case st < 12: // the fixed-size types 0–9
			size = [...]uint64{0, 1, 2, 3, 4, 6, 8, 8, 0, 0}[st]
		default:
			size = (st - 12) / 2
		}
		if size > uint64(len(body)) {
			return nil, fmt.Errorf("column %d claims %d bytes (serial type %d), but the record has %d left", col, size, st, len(body))
		}
		cols = append(cols, sqlColumn(st, body[:size]))
		body = body[size:]
	}
	return cols, nil
}

// sqlColumn decodes a value of serial type st whose bytes b have the
// length the type needs.
func sqlColumn(st uint64, b []byte) sqlValue {
	switch {
	case st == 0:
		return sqlValue{kind: 'n'}
	case st <= 6:
		var x int64
		for _, c := range b {
			x = x<<8 | int64(c)
		}
		shift := 64 - 8*len(b)
		return sqlValue{kind: 'i', i: x << shift >> shift} // sign-extend
	case st == 7:
		return sqlValue{kind: 'f', f: math.Float64frombits(binary.BigEndian.Uint64(b))}
	case st == 8 || st == 9:
		return sqlValue{kind: 'i', i: int64(st - 8)}
	case st%2 == 1:
		return sqlValue{kind: 't', s: b}
	}
	return sqlValue{kind: 'b', s: b}
}

// rows calls fn with every row of t, one value per column of t: the
// INTEGER PRIMARY KEY column holds the rowid (SQLite stores NULL in its
// place), and columns added to the table after a row was written are
// NULL.
func (db *sqliteDB) rows(t *sqliteTable, fn func(cols []sqlValue) error) error {
	full := make([]sqlValue, len(t.columns))
	return db.scan(t.root, t.name, func(rowid int64, c []sqlValue) error {
		for i := range full {
			switch {
			case i == t.rowidAt:
				full[i] = sqlValue{kind: 'i', i: rowid}
			case i < len(c):
				full[i] = c[i]
			default:
				full[i] = sqlValue{kind: 'n'}
			}
		}
		return fn(full)
	})
}

// sqliteTable is an entry of the schema.
type sqliteTable struct {
	name    string
	root    uint32
	columns []string
	rowidAt int // the INTEGER PRIMARY KEY column (an alias of the rowid), or -1
}

// tables reads the schema (sqlite_master) and the column names of every
// table from its CREATE TABLE statement.
func (db *sqliteDB) tables() (map[string]*sqliteTable, error) {
	out := map[string]*sqliteTable{}
	err := db.scan(1, "sqlite_master", func(_ int64, c []sqlValue) error {
		if len(c) < 5 || c[0].text() != "table" {
			return nil
		}
		t := &sqliteTable{name: c[1].text(), root: uint32(c[3].i)}
		t.columns, t.rowidAt = createColumns(c[4].text())
		out[strings.ToLower(t.name)] = t
		return nil
	})
	return out, err
}

// createColumns reads the column names from a CREATE TABLE statement,
// and which one is an INTEGER PRIMARY KEY.
func createColumns(sql string) ([]string, int) {
	open := strings.IndexByte(sql, '(')
	if open < 0 {
		return nil, -1
	}
	var defs []string
	depth, start := 0, open+1
	var quote byte
	for i := open + 1; i < len(sql); i++ {
		c := sql[i]
		switch {
		case quote != 0:
			if c == quote {
				quote = 0
			}
		case c == '"' || c == '\'' || c == '`':
			quote = c
		case c == '[':
			quote = ']'
		case c == '(':
			depth++
		case c == ')':
			if depth == 0 {
				defs = append(defs, sql[start:i])
				i = len(sql)
			}
			depth--
		case c == ',' && depth == 0:
			defs = append(defs, sql[start:i])
			start = i + 1
		}
	}
	var cols []string
	rowid := -1
	for _, d := range defs {
		d = strings.TrimSpace(d)
		up := strings.ToUpper(d)
		if strings.HasPrefix(up, "CONSTRAINT") || strings.HasPrefix(up, "PRIMARY KEY") || strings.HasPrefix(up, "UNIQUE") ||
			strings.HasPrefix(up, "CHECK") || strings.HasPrefix(up, "FOREIGN KEY") {
			continue
		}
		name, rest := sqlName(d)
		rest = strings.ToUpper(strings.Join(strings.Fields(rest), " "))
		if strings.HasPrefix(rest, "INTEGER") && strings.Contains(rest, "PRIMARY KEY") {
			rowid = len(cols)
		}
		cols = append(cols, name)
	}
	return cols, rowid
}

// sqlName splits a leading, possibly quoted identifier from s.
func sqlName(s string) (string, string) {
	if s == "" {
		return "", ""
	}
	closeFor := map[byte]byte{'"': '"', '`': '`', '[': ']', '\'': '\''}
	if c, ok := closeFor[s[0]]; ok {
		var b strings.Builder
		for i := 1; i < len(s); i++ {
			if s[i] == c {
				if i+1 < len(s) && s[i+1] == c && c != ']' {
					b.WriteByte(c)
					i++
					continue
				}
				return b.String(), s[i+1:]
			}
			b.WriteByte(s[i])
		}
		return b.String(), ""
	}
	end := strings.IndexAny(s, " \t\r\n")
	if end < 0 {
		return s, ""
	}
	return s[:end], s[end:]
}
