package plan

// checkFigures lays out every map and finds the year of every chart
// before anything is drawn, so that validate (a dry run, which draws
// nothing) finds the same mistakes as run: a year not in the data, more
// classes than values, a change between years without values. The maps'
// layouts are kept for drawing.
func (r *runner) checkFigures() error {
	r.layouts = make([]mapLayout, len(r.c.maps))
	for i, m := range r.c.maps {
		l, err := r.layoutMap(m)
		if err != nil {
			return err
		}
		r.layouts[i] = l
	}
	for _, ch := range r.c.charts {
		if ch.Type == "trend" {
			continue // a trend shows every year
		}
		if _, err := r.figureYear("chart", ch.Value, ch.Year, ch.Line); err != nil {
			return err
		}
		if ch.Type == "scatter" {
			if _, err := r.figureYear("chart", ch.X, ch.Year, ch.Line); err != nil {
				return err
			}
		}
	}
	return nil
}
