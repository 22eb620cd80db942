package geo

import (
	"math"
	"strings"

	"planatlas/lang"
)

// gridShift is a datum shift by NTv2 grid files a user gives, as PROJ's
// +nadgrids names them: a comma-separated list, each file taken for the
// points it covers in the order of the list; a name with a leading "@" is
// optional (left out if it cannot be read), and "@null" is PROJ's null
// grid, which covers the whole earth with a zero shift. The grids shift
// from the CRS's datum to a datum PROJ takes as WGS 84 (ETRS89, RGF93,
// GDA94, NZGD2000, NAD83 and the other ITRF-based datums), so the shifted
// coordinates are WGS 84's to within about a metre, as in PROJ. It is read
// only once parsed; CRSs share it by pointer.
type gridShift struct {
	name  string  // the +nadgrids value, for messages
	grids []*ntv2 // in the order of the list; nil is the null grid
}

// shift returns the shift at (lon, lat) of the first grid in the list
// that covers the point; ok is false if none does.
func (gs *gridShift) shift(lon, lat float64) (dlon, dlat float64, ok bool) {
	for _, g := range gs.grids {
		if g == nil {
			return 0, 0, true
		}
		if dlon, dlat, ok = g.shift(lon, lat); ok {
			return dlon, dlat, true
		}
	}
	return 0, 0, false
}

// forward applies the shift (the CRS's datum → WGS 84).
func (gs *gridShift) forward(lon, lat float64) (float64, float64, bool) {
	dlon, dlat, ok := gs.shift(lon, lat)
	if !ok {
		return math.NaN(), math.NaN(), false
	}
	return lon + dlon, lat + dlat, true
}

// inverse undoes the shift (WGS 84 → the CRS's datum) by fixed-point
// iteration, as PROJ does: the source point is the one whose shifted
// position is the given point, found to 1e-12 degrees within ten steps.
func (gs *gridShift) inverse(lon, lat float64) (float64, float64, bool) {
	x, y := lon, lat
	for i := 0; i < 10; i++ {
		dlon, dlat, ok := gs.shift(x, y)
		if !ok {
			return math.NaN(), math.NaN(), false
		}
		nx, ny := lon-dlon, lat-dlat
		if math.Abs(nx-x) < 1e-12 && math.Abs(ny-y) < 1e-12 {
			return nx, ny, true
		}
		x, y = nx, ny
	}
	return x, y, true
}

// GridFiles reads the grid files that PROJ strings name (+nadgrids)
// through open, by the names the strings give, and parses each list of
// files once: CRSs that name the same files share the parsed grids and
// so compare equal. Planatlas reads NTv2 grids (.gsb), with any number
// of subfiles, in either byte order.
type GridFiles struct {
	open func(name string) ([]byte, error)
	read map[string]*gridShift // by the +nadgrids value
}

// NewGridFiles returns a reader of grid files opened by open.
func NewGridFiles(open func(name string) ([]byte, error)) *GridFiles {
	return &GridFiles{open: open, read: map[string]*gridShift{}}
}

// ParseCRS is the package's ParseCRS for CRSs that may name grid files.
func (g *GridFiles) ParseCRS(s string) (CRS, error) { return parseCRS(s, g) }

// ParseCRSWith is ParseCRS for a CRS that may name grid files
// (+nadgrids=ntf_r93.gsb in a PROJ string): open returns a file's
// contents by the name the string gives. The grids shift from the CRS's
// datum (NTF, NZGD49, DHDN, …) to the datum they were made for, which
// planatlas, like PROJ, takes as WGS 84 without a further shift: ETRS89,
// RGF93, GDA94, GDA2020, NZGD2000, NAD83 and the other ITRF-based datums
// agree with WGS 84 to about a metre. A point outside every grid
// transforms to NaN. To read several CRSs that may name the same files,
// use one GridFiles.
func ParseCRSWith(s string, open func(name string) ([]byte, error)) (CRS, error) {
	return NewGridFiles(open).ParseCRS(s)
}

// load returns the grids of a +nadgrids value, reading them on first use.
func (g *GridFiles) load(list string) (*gridShift, error) {
	if gs, ok := g.read[list]; ok {
		return gs, nil
	}
	gs := &gridShift{name: list}
	for _, name := range strings.Split(list, ",") {
		optional := strings.HasPrefix(name, "@")
		name = strings.TrimPrefix(name, "@")
		if name == "null" {
			gs.grids = append(gs.grids, nil)
			continue
		}
		b, err := g.open(name)
		if err != nil {
			if optional {
				continue
			}
			return nil, lang.Errorf("the grid file %q (+nadgrids) cannot be read: %v; grid files are read from the plan's folder (check-geometry FILE --crs: from the working folder): put it there or correct the name", name, err)
		}
		grid, err := parseNTv2(b)
		if err != nil {
			return nil, lang.Errorf("the grid file %q (+nadgrids) is not an NTv2 grid planatlas can read: %v", name, err)
		}
		gs.grids = append(gs.grids, grid)
	}
	if len(gs.grids) == 0 {
		return nil, lang.Errorf("none of the grid files +nadgrids=%s can be read: grid files are read from the plan's folder (check-geometry FILE --crs: from the working folder)", list)
	}
	g.read[list] = gs
	return gs, nil
}

// nadgrids returns the grid files a PROJ string names, or "" if it names
// none or only PROJ's null grid (no shift).
func nadgrids(s string) string {
	p, err := projTokens(s)
	if err != nil {
		return ""
	}
	v := p["nadgrids"]
	if v == "@null" || v == "null" {
		return ""
	}
	return v
}

// withGrids gives def the datum shift by the grid files the PROJ string s
// names, read through grids; an error if it names some and grids is nil.
// As in PROJ, grid files win over +towgs84.
func withGrids(def definition, s string, grids *GridFiles) (definition, error) {
	list := nadgrids(s)
	if list == "" {
		return def, nil
	}
	if grids == nil {
		return def, lang.Errorf("it names the grid file %s (+nadgrids): give it as the crs: of a plan, with the grid file in the plan's folder", list)
	}
	gs, err := grids.load(list)
	if err != nil {
		return def, err
	}
	def.Datum.Shift, def.Datum.Grid, def.Datum.ToWGS84 = shiftGrid, gs, Helmert{}
	return def, nil
}
