package plan

import (
	"planatlas/datasets"
	"planatlas/report"
)

// crosswalkFrame is crosswalk.csv: per older layer every piece of its
// overlay with the current areas — the older and the current area, the
// piece's area, its share of the older area's area, the share of the
// older area's residents it received (the population variable's target
// density weights; the area share where the counts were shared by area),
// and whether the current area's values are exact or estimated.
func (r *runner) crosswalkFrame() *datasets.Frame {
	var layer, oldKey, oldName, newKey, newName, status datasets.Text
	var m2, areaShare, weightShare datasets.Float
	m2.Decimals, areaShare.Decimals, weightShare.Decimals = 1, 6, 6
	newNames := map[string]string{}
	for i, k := range r.geom.Keys {
		newNames[k] = r.geom.Names[i]
	}
	for _, lr := range r.layers {
		if lr.cw == nil {
			continue
		}
		oldNames := map[string]string{}
		for i, k := range lr.areas.Keys {
			oldNames[k] = lr.areas.Names[i]
		}
		shares := lr.cw.Shares(lr.popW)
		for k, row := range lr.cw.Rows {
			layer = append(layer, lr.b.name)
			oldKey, oldName = append(oldKey, row.Old), append(oldName, oldNames[row.Old])
			newKey, newName = append(newKey, row.New), append(newName, newNames[row.New])
			m2.Values = append(m2.Values, row.AreaM2)
			areaShare.Values = append(areaShare.Values, row.OldShare)
			weightShare.Values = append(weightShare.Values, shares[k])
			code := "estimated"
			if row.Exact {
				code = "exact"
			}
			status = append(status, code)
		}
	}
	if len(layer) == 0 {
		return nil
	}
	h := report.Headings(r.loc)
	f := &datasets.Frame{}
	f.Add("boundary", r.lp.Sprintf("older layer"), layer)
	f.Add("old_key", r.lp.Sprintf("older key"), oldKey)
	f.Add("old_name", r.lp.Sprintf("older name"), oldName)
	f.Add("key", h["key"], newKey)
	f.Add("name", h["name"], newName)
	f.Add("area_m2", r.lp.Sprintf("piece area (m²)"), m2)
	f.Add("area_share", r.lp.Sprintf("share of the older area's area"), areaShare)
	f.Add("weight_share", r.lp.Sprintf("share of the older area's residents"), weightShare)
	f.Add("rebased", r.lp.Sprintf("values"), status)
	return f
}

// writeCrosswalk writes crosswalk.csv (and the plan's other table
// formats) where data were moved from an older layer.
func (r *runner) writeCrosswalk() error {
	f := r.crosswalkFrame()
	if f == nil {
		return nil
	}
	return r.writeFrame("crosswalk", f)
}
