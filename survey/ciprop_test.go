package survey

import (
	"fmt"
	"testing"
)

func putInterval(r results, prefix string, iv Interval) {
	r[prefix+"/est"] = iv.Value
	r[prefix+"/lo"] = iv.Lower
	r[prefix+"/hi"] = iv.Upper
}

func ciprops(t *testing.T, r results, name string, d *Design, tab table, dom string) {
	t.Helper()
	hi := tab.num(t, "hi")
	for _, m := range []struct {
		name string
		m    CIMethod
	}{{"logit", CILogit}, {"beta", CIBeta}, {"mean", CIMean}} {
		iv, err := d.CIProp(hi, nil, m.m, 0.95)
		if err != nil {
			t.Fatal(err)
		}
		putInterval(r, fmt.Sprintf("%s/ciprop/hi/%s", name, m.name), iv)
		by, err := d.CIPropBy(hi, tab[dom], m.m, 0.95)
		if err != nil {
			t.Fatal(err)
		}
		for _, b := range by {
			putInterval(r, fmt.Sprintf("%s/byci/hi/%s/%s", name, b.Domain, m.name), b.Interval)
		}
	}
}
