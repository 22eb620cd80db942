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
type sqliteDB struct {
	b        []byte
	pageSize int
	usable   int
}

func openSQLite(b []byte) (*sqliteDB, error) {
	if len(b) < 100 || string(b[:16]) != "SQLite format 3\x00" {
		return nil, errors.New("not an SQLite database (a GeoPackage is one)")
	}
	ps := int(binary.BigEndian.Uint16(b[16:]))
	if ps == 1 {
		ps = 65536
	}
	if ps < 512 || ps&(ps-1) != 0 {
		return nil, fmt.Errorf("damaged database header: page size %d", ps)
	}
	if enc := binary.BigEndian.Uint32(b[56:]); enc > 1 {
		return nil, errors.New("the database stores text in UTF-16; GeoPackages use UTF-8")
	}
	db := &sqliteDB{b: b, pageSize: ps, usable: ps - int(b[20])}
	if len(b)%ps != 0 {
		return nil, fmt.Errorf("the file is %d bytes, not a whole number of %d-byte pages: it is truncated or damaged", len(b), ps)
	}
	return db, nil
}

func (db *sqliteDB) page(n uint32) ([]byte, error) {
	if n < 1 || int(n)*db.pageSize > len(db.b) {
		return nil, fmt.Errorf("damaged database: page %d is outside the file", n)
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

// scan calls fn with the rowid and the columns of every row of the table
// whose b-tree starts at root, in rowid order.
func (db *sqliteDB) scan(root uint32, fn func(rowid int64, cols []sqlValue) error) error {
	var cols []sqlValue
	visits, pages := 0, len(db.b)/db.pageSize
	var walk func(n uint32, depth int) error
	walk = func(n uint32, depth int) error {
		if visits++; depth > 64 || visits > pages {
			return errors.New("damaged database: the table's tree has a cycle")
		}
		p, err := db.page(n)
		if err != nil {
			return err
		}
		h := 0
		if n == 1 {
			h = 100
		}
		typ := p[h]
		count := int(binary.BigEndian.Uint16(p[h+3:]))
		if h+12+2*count > len(p) {
			return fmt.Errorf("damaged database: page %d claims %d cells", n, count)
		}
		switch typ {
		case 0x05: // interior table page
			ptrs := p[h+12:]
			for k := 0; k < count; k++ {
				off := int(binary.BigEndian.Uint16(ptrs[2*k:]))
				if off+4 > len(p) {
					return errors.New("damaged database: a cell lies outside its page")
				}
				if err := walk(binary.BigEndian.Uint32(p[off:]), depth+1); err != nil {
					return err
				}
			}
			return walk(binary.BigEndian.Uint32(p[h+8:]), depth+1)
		case 0x0d: // leaf table page
			ptrs := p[h+8:]
			for k := 0; k < count; k++ {
				off := int(binary.BigEndian.Uint16(ptrs[2*k:]))
				if off >= len(p) {
					return errors.New("damaged database: a cell lies outside its page")
				}
				payload, rowid, err := db.cell(p, off)
				if err != nil {
					return err
				}
				if cols, err = decodeRecord(payload, cols[:0]); err != nil {
					return fmt.Errorf("row %d: %v", rowid, err)
				}
				if err := fn(rowid, cols); err != nil {
					return err
				}
			}
			return nil
		}
		return fmt.Errorf("damaged database: page %d is not a table page (type %#x)", n, typ)
	}
	return walk(root, 0)
}

// cell returns the payload and rowid of the table leaf cell at off,
// following overflow pages.
func (db *sqliteDB) cell(p []byte, off int) ([]byte, int64, error) {
	size, n := varint(p[off:])
	off += n
	if off >= len(p) {
		return nil, 0, errors.New("damaged database: a row runs past its page")
	}
	rowid, n := varint(p[off:])
	off += n
	P := int(size)
	if size > uint64(len(db.b)) {
		return nil, 0, errors.New("damaged database: a row is larger than the file")
	}
	U := db.usable
	X := U - 35
	if P <= X {
		if off+P > len(p) {
			return nil, 0, errors.New("damaged database: a row runs past its page")
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
		return nil, 0, errors.New("damaged database: a row runs past its page")
	}
	out := make([]byte, 0, P)
	out = append(out, p[off:off+local]...)
	next := binary.BigEndian.Uint32(p[off+local:])
	for hops := 0; len(out) < P; hops++ {
		if next == 0 || hops > len(db.b)/db.pageSize {
			return nil, 0, errors.New("damaged database: a row's overflow chain ends early")
		}
		op, err := db.page(next)
		if err != nil {
			return nil, 0, err
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

// decodeRecord splits a record into its column values.
func decodeRecord(b []byte, cols []sqlValue) ([]sqlValue, error) {
	hsize, n := varint(b)
	if int(hsize) > len(b) || hsize < uint64(n) {
		return nil, errors.New("damaged record header")
	}
	head := b[n:hsize]
	body := b[hsize:]
	for len(head) > 0 {
		st, m := varint(head)
		head = head[m:]
		var v sqlValue
		size := 0
		switch {
		case st == 0:
			v.kind = 'n'
		case st <= 6:
			size = [...]int{0, 1, 2, 3, 4, 6, 8}[st]
			if len(body) < size {
				return nil, errors.New("damaged record")
			}
			var x int64
			for _, c := range body[:size] {
				x = x<<8 | int64(c)
			}
			shift := 64 - 8*size
			v.kind, v.i = 'i', x<<shift>>shift // sign-extend
		case st == 7:
			size = 8
			if len(body) < 8 {
				return nil, errors.New("damaged record")
			}
			v.kind, v.f = 'f', math.Float64frombits(binary.BigEndian.Uint64(body))
		case st == 8 || st == 9:
			v.kind, v.i = 'i', int64(st-8)
		case st >= 12:
			size = int(st-12) / 2
			if len(body) < size {
				return nil, errors.New("damaged record")
			}
			v.kind, v.s = 'b', body[:size]
			if st%2 == 1 {
				v.kind = 't'
			}
		default:
			return nil, fmt.Errorf("unknown serial type %d", st)
		}
		body = body[size:]
		cols = append(cols, v)
	}
	return cols, nil
}

// rows calls fn with every row of t, one value per column of t: the
// INTEGER PRIMARY KEY column holds the rowid (SQLite stores NULL in its
// place), and columns added to the table after a row was written are
// NULL.
func (db *sqliteDB) rows(t *sqliteTable, fn func(cols []sqlValue) error) error {
	full := make([]sqlValue, len(t.columns))
	return db.scan(t.root, func(rowid int64, c []sqlValue) error {
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
	err := db.scan(1, func(_ int64, c []sqlValue) error {
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
