package main

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"planatlas/datasets"
	"planatlas/demo"
	"planatlas/indicators"
	"planatlas/lang"
	"planatlas/plan"
	"planatlas/report"
)

// loadPlan reads the plan at path, or the embedded demo if path is "".
// It returns the plan, its bytes, the source of its files and the folder
// its outputs go to by default.
func loadPlan(path string) (*plan.Plan, []byte, plan.Source, string, error) {
	if path == "" {
		data, err := fs.ReadFile(demo.FS(), demo.PlanFile)
		if err != nil {
			return nil, nil, nil, "", err
		}
		p, err := plan.Parse(data, demo.PlanFile)
		return p, data, plan.FS{FS: demo.FS()}, "out", err
	}
	data, err := os.ReadFile(path)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return nil, nil, nil, "", usage("plan %s not found", path)
		}
		return nil, nil, nil, "", usageError{err}
	}
	p, err := plan.Parse(data, path)
	if err != nil {
		return nil, nil, nil, "", err
	}
	dir := filepath.Dir(path)
	out := p.Output
	if out == "" {
		out = "out"
	}
	if !filepath.IsAbs(out) {
		out = filepath.Join(dir, out)
	}
	return p, data, plan.Dir(dir), out, nil
}

func newRunCmd(stdout, stderr io.Writer) *cobra.Command {
	var out, lang string
	var progress bool
	cmd := &cobra.Command{
		Use:   "run [PLAN]",
		Short: "Run a plan (without PLAN: the demo city Musterstadt)",
		Long: `Run reads the plan's inputs, computes its indicators and indices, and writes
maps, charts, tables, areas.geojson and manifest.json into the output folder.
Without PLAN it runs the embedded demo city Musterstadt.

The output folder is replaced only when the run succeeds; a failed run leaves
it as it was. A folder that holds files planatlas did not write is refused.`,
		Example: `  planatlas run --out out
  planatlas run meine-stadt/plan.yaml --lang en`,
		Args: args(cobra.MaximumNArgs(1)),
		RunE: func(cmd *cobra.Command, a []string) (err error) {
			if lang != "" && lang != "de" && lang != "en" {
				return usage("--lang %q: use de or en", lang)
			}
			path := ""
			if len(a) == 1 {
				path = a[0]
			}
			if cmd.Flags().Changed("out") && strings.TrimSpace(out) == "" {
				return usage("--out is empty (an unset variable in a script?): give the output folder, or leave --out out for the default")
			}
			p, data, src, defOut, err := loadPlan(path)
			if err != nil {
				return err
			}
			defer func() { err = withLang(err, lang, p) }()
			if out == "" {
				out = defOut
			}
			opt := plan.Options{Out: out, Lang: lang, PlanData: data}
			pr := printerFor(lang, p.Language)
			if progress || isTerminal(stderr) {
				opt.Progress = func(step, steps int, stage string, took time.Duration) {
					fmt.Fprintf(stderr, "[%d/%d] %s (%s s)\n", step, steps, stage, datasets.FormatNumber(took.Seconds(), 2, decimalFor(lang, p.Language), false))
				}
			}
			if opt.Progress != nil {
				dec := decimalFor(lang, p.Language)
				opt.Reading = func(file string, done, total int64) {
					gb := func(n int64) string { return datasets.FormatNumber(float64(n)/1e9, 1, dec, false) }
					fmt.Fprintln(stderr, pr.Sprintf("      %s: %s of %s GB read (%d %%)", file, gb(done), gb(total), done*100/total))
				}
			}
			res, err := plan.Run(p, src, opt)
			if err != nil {
				return err
			}
			fmt.Fprintln(stdout, pr.Sprintf("%d files written to %s", len(res.Files), res.Out))
			for _, n := range res.Notes {
				fmt.Fprintln(stdout, pr.Sprintf("  note: %s", n))
			}
			return nil
		},
	}
	cmd.Flags().StringVarP(&out, "out", "o", "", "output folder (default: out, or the plan's output)")
	cmd.Flags().StringVar(&lang, "lang", "", "language of maps, charts and tables: de or en (default: the plan's)")
	cmd.Flags().BoolVar(&progress, "progress", false, "print each stage to stderr also when it is not a terminal (for batch logs)")
	return cmd
}

func decimalFor(lang, planLang string) datasets.Decimal {
	if lang == "en" || lang == "" && planLang == "en" {
		return datasets.DecimalPoint
	}
	return datasets.DecimalComma
}

func newCheckGeometryCmd(stdout io.Writer) *cobra.Command {
	var spec plan.AreasSpec
	var planPath, lang string
	var minArea float64
	cmd := &cobra.Command{
		Use:   "check-geometry [FILE]",
		Short: "Report every problem of a planning-area geometry file",
		Long: `Check-geometry reads planning areas from a GeoJSON file, a shapefile or a
GeoPackage and reports every problem at once, each with its feature and key:
missing or duplicate keys, coordinates that cannot be in the CRS, unclosed or
self-intersecting rings, empty parts, repeated vertices, overlaps between
areas and gaps among them larger than --min-area. It then finds the areas'
queen neighbours and names islands and disconnected parts.

Give the file and its key attribute, or a plan (--plan) whose areas to check.
The exit code is 2 if there is an error, 0 if there are only warnings.

Check-geometry prüft eine Geometriedatei der Planungsräume und meldet alle
Fehler und Warnungen auf einmal.`,
		Example: `  planatlas check-geometry lor_planungsraeume_2021.shp --key PLR_ID --name PLR_NAME
  planatlas check-geometry --plan meine-stadt/plan.yaml`,
		Args: args(cobra.MaximumNArgs(1)),
		RunE: func(cmd *cobra.Command, a []string) (err error) {
			if lang != "" && lang != "de" && lang != "en" {
				return usage("--lang %q: use de or en", lang)
			}
			var src plan.Source = plan.Dir(".")
			switch {
			case planPath != "" && len(a) == 1:
				return usage("give a FILE or --plan, not both")
			case planPath != "":
				p, _, s, _, perr := loadPlan(planPath)
				if perr != nil {
					return perr
				}
				key, name := spec.Key, spec.Name
				spec, src = p.Areas, s
				if key != "" {
					spec.Key = key
				}
				if name != "" {
					spec.Name = name
				}
				if lang == "" {
					lang = p.Language
				}
			case len(a) == 1:
				spec.File = a[0]
				if spec.Key == "" {
					return noKey(spec, src)
				}
			default:
				return usage("give the geometry FILE with --key, or --plan PLAN (see planatlas check-geometry --help)")
			}
			defer func() { err = withLang(err, lang, nil) }()
			g, err := plan.CheckGeometry(spec, src, minArea)
			if err != nil {
				return err
			}
			g.Write(stdout, lang)
			if g.Errors > 0 {
				return geometryErrors{g.Errors, spec.File}
			}
			return nil
		},
	}
	f := cmd.Flags()
	f.StringVar(&planPath, "plan", "", "check the areas of this plan")
	f.StringVar(&spec.Key, "key", "", "attribute with the area key")
	f.StringVar(&spec.Name, "name", "", "attribute with the area name")
	f.StringVar(&spec.CRS, "crs", "", "the file's CRS, which wins over what the file says (EPSG:25833, a PROJ string or WKT)")
	f.BoolVar(&spec.Repair, "repair", false, "repair invalid polygons by GEOS MakeValid's rules, as areas: repair: true does")
	f.StringVar(&spec.Layer, "layer", "", "a GeoPackage's layer")
	f.Float64Var(&spec.Tolerance, "tolerance", 0.1, "metres: gaps up to this still make neighbours")
	f.Float64Var(&minArea, "min-area", 0.01, "m²: smaller overlaps and gaps are not reported")
	f.StringVar(&lang, "lang", "", "de or en (default: de, or the plan's)")
	return cmd
}

// noKey is check-geometry's answer without --key: the file's attributes,
// and the unique ones proposed as the key.
func noKey(spec plan.AreasSpec, src plan.Source) error {
	attrs, err := plan.Attributes(spec.File, spec.Layer, src)
	if err != nil {
		return err
	}
	var b messages
	b.add("--key is required: the attribute holding the area key. The attributes of %s:", spec.File)
	var keys []plan.Attribute
	var nearly []string // named as keys, with a value used twice: the file's key with an error
	for _, a := range attrs {
		b.add("\n  %-20s %d distinct value(s) in %d feature(s)", a.Name, a.Distinct, a.Features)
		if a.Empty > 0 {
			b.add(", %d empty", a.Empty)
		}
		switch {
		case a.KeyLike():
			b.add(" — unique")
			keys = append(keys, a)
		case a.Unique():
			b.add(" — unique, but a measure or a long text rather than a key")
		case a.NamedAsKey() && a.Empty == 0 && a.Features-a.Distinct <= max(1, a.Features/100):
			b.add(" — %d value(s) used twice", a.Features-a.Distinct)
			nearly = append(nearly, a.Name)
		}
	}
	// Attributes named as keys first, then text before numbers
	// ("01100101" keeps its leading zero).
	sort.SliceStable(keys, func(i, j int) bool {
		if keys[i].NamedAsKey() != keys[j].NamedAsKey() {
			return keys[i].NamedAsKey()
		}
		return !keys[i].Numeric && keys[j].Numeric
	})
	switch {
	case len(keys) > 0:
		b.add("\nA key must be unique and never empty: try\n  planatlas check-geometry %s --key %s", spec.File, keys[0].Name)
		if len(keys) > 1 {
			var more []string
			for _, k := range keys[1:] {
				more = append(more, k.Name)
			}
			b.add("\n(or --key %s)", strings.Join(more, ", --key "))
		}
	case len(nearly) > 0:
		b.add("\n%s looks like the key, but a value is used twice: check it with\n  planatlas check-geometry %s --key %s\n(which names the features; if they are parts of one area, the plan can merge them: duplicates: merge)", nearly[0], spec.File, nearly[0])
	default:
		b.add("\nNo attribute is unique and never empty: the key must tell every area apart (check the file, or merge its duplicate features).")
	}
	return usageError{b}
}

// geometryErrors ends check-geometry with exit code 2 after its report.
type geometryErrors struct {
	n    int
	file string
}

func (e geometryErrors) Error() string { return e.m().String() }

// Localize renders the error in the printer's language.
func (e geometryErrors) Localize(p *lang.Printer) string { return p.Message(e.m()) }

func (e geometryErrors) m() lang.Message {
	if e.n == 1 {
		return lang.M("%s: 1 error; the areas cannot be used as they are", e.file)
	}
	return lang.M("%s: %d errors; the areas cannot be used as they are", e.file, e.n)
}
func (e geometryErrors) BadInput() bool { return true }

func newValidateCmd(stdout io.Writer) *cobra.Command {
	var lang string
	cmd := &cobra.Command{
		Use:   "validate PLAN",
		Short: "Check a plan and its data: a dry run that writes nothing",
		Long: `Validate checks a plan and its data as a run would, without drawing or writing
anything: its fields, every name it uses (inputs, variables, indicators,
indices), its formulas; then it reads every file, joins the tables to the
areas and computes the indicators, disclosure control, indices, trends and
spatial statistics. A plan that validates fails in "run" only where writing
the outputs fails (a full disk, an output folder planatlas may not replace).`,
		Example: `  planatlas validate meine-stadt/plan.yaml`,
		Args:    args(cobra.ExactArgs(1)),
		RunE: func(cmd *cobra.Command, a []string) (err error) {
			if lang != "" && lang != "de" && lang != "en" {
				return usage("--lang %q: use de or en", lang)
			}
			p, _, src, _, err := loadPlan(a[0])
			if err != nil {
				return err
			}
			defer func() { err = withLang(err, lang, p) }()
			checked, notes, err := plan.Check(p, src, plan.Options{Lang: lang})
			if err != nil {
				return err
			}
			s := checked.Summary()
			pr := printerFor(lang, p.Language)
			fmt.Fprintln(stdout, pr.Sprintf("%s: ok (%s, %s, %s, %s)", a[0], pr.Sprintf("%d inputs", s.Inputs),
				pr.Sprintf("%d variables", s.Variables), pr.Sprintf("%d indicators", s.Indicators), pr.Sprintf("%d indices", s.Indices)))
			for _, n := range notes {
				fmt.Fprintln(stdout, pr.Sprintf("  note: %s", n))
			}
			return nil
		},
	}
	cmd.Flags().StringVar(&lang, "lang", "", "language of the messages: de or en (default: the plan's)")
	return cmd
}

func newInitCmd(stdout io.Writer) *cobra.Command {
	var force bool
	var lang string
	cmd := &cobra.Command{
		Use:   "init DIR",
		Short: "Write the demo plan and data into DIR as a starting point",
		Long: `Init writes the demo city's plan and data files into DIR. Run them with
"planatlas run DIR/plan.yaml", then replace the files and adapt the plan to
your city. Existing files are not overwritten unless --force is given.`,
		Args: args(cobra.ExactArgs(1)),
		RunE: func(cmd *cobra.Command, a []string) error {
			if lang != "de" && lang != "en" {
				return usageError{fmt.Errorf("--lang %q: use de or en", lang)}
			}
			dir := a[0]
			var names []string
			err := fs.WalkDir(demo.FS(), ".", func(p string, d fs.DirEntry, err error) error {
				if err == nil && !d.IsDir() {
					names = append(names, p)
				}
				return err
			})
			if err != nil {
				return err
			}
			sort.Strings(names)
			if !force {
				for _, n := range names {
					if _, err := os.Stat(filepath.Join(dir, n)); err == nil {
						return usage("%s already exists; use --force to overwrite", filepath.Join(dir, n))
					}
				}
			}
			if err := os.MkdirAll(dir, 0o755); err != nil {
				return usageError{err}
			}
			for _, n := range names {
				data, err := fs.ReadFile(demo.FS(), n)
				if err != nil {
					return err
				}
				if err := os.WriteFile(filepath.Join(dir, n), data, 0o644); err != nil {
					return usageError{err}
				}
			}
			pr := printerFor(lang, "")
			fmt.Fprintln(stdout, pr.Sprintf("%d files written to %s", len(names), dir))
			fmt.Fprintln(stdout, pr.Sprintf("next: planatlas run %s", filepath.Join(dir, demo.PlanFile)))
			return nil
		},
	}
	cmd.Flags().BoolVar(&force, "force", false, "overwrite existing files")
	cmd.Flags().StringVar(&lang, "lang", "de", "language of the messages: de or en")
	return cmd
}

func newIndicatorsCmd(stdout io.Writer) *cobra.Command {
	var lang, format, theme string
	cmd := &cobra.Command{
		Use:   "indicators",
		Short: "List the indicator catalog",
		Long: `Indicators lists planatlas's catalog of standard indicators: id, label, unit,
which values mean more need, formula, definition and the published source it
follows, grouped by the themes of a social plan, and the variables a plan
must define to use them ("catalog: all" in a plan uses every indicator whose
variables it defines). --theme lists one theme.`,
		Example: `  planatlas indicators
  planatlas indicators --theme pflege
  planatlas indicators --lang en --format csv > catalog.csv`,
		Args: args(cobra.NoArgs),
		RunE: func(cmd *cobra.Command, a []string) error {
			if lang != "de" && lang != "en" {
				return usage("--lang %q: use de or en", lang)
			}
			cat, err := indicators.LoadCatalog()
			if err != nil {
				return err
			}
			if theme != "" {
				if cat, err = oneTheme(cat, theme); err != nil {
					return err
				}
			}
			loc := report.NewLocale(lang)
			switch format {
			case "md":
				return report.CatalogMarkdown(stdout, cat, loc)
			case "csv":
				style := datasets.GermanCSV
				if lang == "en" {
					style = datasets.InternationalCSV
				}
				return datasets.WriteCSV(stdout, report.CatalogFrame(cat, loc), style)
			}
			return usage("--format %q: use md or csv", format)
		},
	}
	cmd.Flags().StringVar(&lang, "lang", "de", "language: de or en")
	cmd.Flags().StringVar(&format, "format", "md", "format: md (Markdown) or csv")
	cmd.Flags().StringVar(&theme, "theme", "", "list one theme only (an id such as pflege or wohnen)")
	return cmd
}

// oneTheme returns the catalog with the indicators of one theme only, and
// the variables they use.
func oneTheme(cat *indicators.Catalog, theme string) (*indicators.Catalog, error) {
	if _, ok := cat.Theme(theme); !ok {
		ids := make([]string, len(cat.Themes))
		for i, t := range cat.Themes {
			ids[i] = t.ID
		}
		return nil, usage("--theme %q: not a theme of the catalog; use one of %s", theme, strings.Join(ids, ", "))
	}
	out := *cat
	out.Indicators, out.Variables = nil, nil
	used := map[string]bool{}
	for _, d := range cat.Indicators {
		if d.Topic == theme {
			out.Indicators = append(out.Indicators, d)
			for _, v := range d.Vars() {
				used[v] = true
			}
		}
	}
	for _, v := range cat.Variables {
		if used[v.Name] {
			out.Variables = append(out.Variables, v)
		}
	}
	return &out, nil
}

func newVersionCmd(stdout io.Writer) *cobra.Command {
	return &cobra.Command{
		Use:   "version",
		Short: "Print planatlas's version",
		Args:  args(cobra.NoArgs),
		Run: func(cmd *cobra.Command, a []string) {
			fmt.Fprintln(stdout, "planatlas", plan.Version)
		},
	}
}
