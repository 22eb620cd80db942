package plan

// checkHeader checks the plan's version and language and sets the seed.
func (chk *checker) checkHeader() {
	p, c := chk.p, chk.c
	if p.Version != 1 {
		if p.Version == 0 {
			chk.fail(1, "the plan must begin with \"planatlas: 1\" (the version of the plan format)")
		} else {
			chk.fail(p.Line, "plan format version %d is not supported by this planatlas (it reads version 1)", p.Version)
		}
	}
	c.seed = 1
	if p.Seed != nil {
		c.seed = *p.Seed
	}
	c.lang = p.Language
	if chk.lang != "" {
		c.lang = chk.lang
	}
	switch c.lang {
	case "":
		c.lang = "de"
	case "de", "en":
	default:
		chk.fail(p.Line, "language %q: use de or en", c.lang)
	}
}
