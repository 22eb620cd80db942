package plan

import "planatlas/geo"

// gridFiles reads the grid files that a crs: names (+nadgrids=…gsb in a
// PROJ string) from the plan's folder, as the plan's other files; a
// missing one is an error naming it.
func gridFiles(src Source) *geo.GridFiles {
	open := sourceOpener(src)
	return geo.NewGridFiles(func(name string) ([]byte, error) {
		b, err := open(name)
		if err != nil {
			return nil, openError(name, err)
		}
		return b, nil
	})
}

// parseCRS reads a crs: of the plan. Grid files are read once per plan,
// so that sections naming the same ones share them.
func (chk *checker) parseCRS(s string) (geo.CRS, error) {
	if chk.grids == nil {
		chk.grids = gridFiles(chk.src)
	}
	return chk.grids.ParseCRS(s)
}
