package datasets

import "fmt"

// ipcLayout counts what a record batch holds for some fields: field
// nodes, buffers, variadic buffer counts (string and binary views) and
// fields with a validity bitmap before format version 5 only (unions,
// run-end encoded). arrow-go's loader takes the nodes and buffers of a
// batch one after the other as the schema says, without looking at the
// lengths of the batch's lists, so the checker compares the two.
type ipcLayout struct {
	nodes, buffers, variadic, preV5 int
}

func (l *ipcLayout) add(m ipcLayout) {
	l.nodes += m.nodes
	l.buffers += m.buffers
	l.variadic += m.variadic
	l.preV5 += m.preV5
}

// typeLayout returns the layout of a field's own type (without its
// children), as arrow-go's arrayLoaderContext.loadArray reads it. It
// checks the lists in the type tables that have any.
func typeLayout(f fbTable) (ipcLayout, error) {
	kind, err := f.byteField(2)
	if err != nil {
		return ipcLayout{}, err
	}
	typ, ok, err := f.table(3)
	if err != nil || !ok {
		return ipcLayout{}, err // no type: arrow-go says so
	}
	l := ipcLayout{nodes: 1}
	switch kind {
	case 1: // Null
	case 4, 5, 19, 20, 25, 26: // Binary, Utf8, their Large forms; ListView, LargeListView
		l.buffers = 3
	case 23, 24: // BinaryView, Utf8View: and as many data buffers as the batch says
		l.buffers, l.variadic = 2, 1
	case 12, 17, 21: // List, Map, LargeList
		l.buffers = 2
	case 13, 16: // Struct_, FixedSizeList
		l.buffers = 1
	case 14: // Union: type ids, and offsets if dense
		l.buffers, l.preV5 = 1, 1
		if at, err := typ.field(0, 2); err != nil {
			return ipcLayout{}, err
		} else if at != 0 && typ.b[at] == 1 {
			l.buffers = 2
		}
		_, _, err = typ.vector(1, 4, "union's type ids")
	case 22: // RunEndEncoded
		l.preV5 = 1
	case 10: // Timestamp: and a time zone
		l.buffers = 2
		_, _, err = typ.vector(1, 1, "time zone")
	default: // Int, FloatingPoint, Bool, Decimal, Date, Time, Interval, FixedSizeBinary, Duration
		l.buffers = 2
	}
	return l, err
}

// checkLayout checks that a batch's lists of nodes, buffers and variadic
// counts hold what its layout l needs in a message of format version
// (4 is V5).
func checkLayout(l ipcLayout, version int16, nodes, buffers int, variadic []int64) error {
	need := l.buffers
	if version < 4 {
		need += l.preV5
	}
	if len(variadic) < l.variadic {
		return fmt.Errorf("the schema needs %d variadic buffer counts, the batch has %d", l.variadic, len(variadic))
	}
	for _, v := range variadic[:l.variadic] {
		need += int(v) // each at most the batch's buffers: checked
	}
	switch {
	case nodes < l.nodes:
		return fmt.Errorf("the schema needs %d column nodes, the batch has %d", l.nodes, nodes)
	case buffers < need:
		return fmt.Errorf("the schema needs %d buffers, the batch has %d", need, buffers)
	}
	return nil
}
