package report

import (
	"planatlas/datasets"
	"planatlas/geo"
)

// AreaFrame is the table of the planning areas' measures (areas.csv):
// key, name, district, area in m² and km², a label point inside each
// area and its bounding box in WGS84 longitude and latitude, and its
// number of neighbours in the run's weights (nil weights: left out).
func AreaFrame(l Locale, a *geo.Areas, w *geo.Weights) *datasets.Frame {
	n := a.Len()
	m2, km2 := a.AreasM2(), make([]float64, n)
	lon, lat := make([]float64, n), make([]float64, n)
	box := [4][]float64{make([]float64, n), make([]float64, n), make([]float64, n), make([]float64, n)}
	var neighbours datasets.Int
	tr := a.CRS.Transformer()
	for i := 0; i < n; i++ {
		km2[i] = m2[i] / 1e6
		p := a.LabelPoint(i)
		lon[i], lat[i] = tr.ToWGS84(p[0], p[1])
		// The box of the area's corners in WGS84: project every vertex,
		// as a projected box's corners are not the geographic box's.
		first := true
		for _, poly := range a.Geoms[i] {
			for _, v := range poly[0] {
				x, y := tr.ToWGS84(v[0], v[1])
				if first || x < box[0][i] {
					box[0][i] = x
				}
				if first || y < box[1][i] {
					box[1][i] = y
				}
				if first || x > box[2][i] {
					box[2][i] = x
				}
				if first || y > box[3][i] {
					box[3][i] = y
				}
				first = false
			}
		}
		if w != nil {
			neighbours = append(neighbours, int64(len(w.Neighbours[i])))
		}
	}
	de := l.Lang != "en"
	t := func(d, e string) string {
		if de {
			return d
		}
		return e
	}
	h := headings(l)
	f := &datasets.Frame{}
	f.Add("key", h["key"], datasets.Text(a.Keys))
	f.Add("name", h["name"], datasets.Text(a.Names))
	f.Add("district", h["district"], datasets.Text(a.ParentNames))
	f.Add("area_m2", t("Fläche (m²)", "area (m²)"), datasets.Float{Values: m2, Decimals: 0})
	f.Add("area_km2", t("Fläche (km²)", "area (km²)"), datasets.Float{Values: km2, Decimals: 3})
	f.Add("label_lon", t("Beschriftungspunkt Länge", "label point longitude"), datasets.Float{Values: lon, Decimals: 6})
	f.Add("label_lat", t("Beschriftungspunkt Breite", "label point latitude"), datasets.Float{Values: lat, Decimals: 6})
	for k, name := range []string{"min_lon", "min_lat", "max_lon", "max_lat"} {
		heads := [][2]string{{"westlichste Länge", "west longitude"}, {"südlichste Breite", "south latitude"}, {"östlichste Länge", "east longitude"}, {"nördlichste Breite", "north latitude"}}
		f.Add(name, t(heads[k][0], heads[k][1]), datasets.Float{Values: box[k], Decimals: 6})
	}
	if w != nil {
		f.Add("neighbours", t("Nachbarn", "neighbours"), neighbours)
	}
	return f
}
