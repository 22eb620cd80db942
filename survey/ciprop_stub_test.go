package survey

import "testing"

func ciprops(t *testing.T, r results, name string, d *Design, tab table, dom string) {}
