package report

import (
	"bytes"
	"html/template"
	"io"
	"regexp"

	"gonum.org/v1/plot/vg/draw"
	"gonum.org/v1/plot/vg/vgsvg"
)

// InlineSVG renders the figure as an SVG element for an HTML page: no
// XML prolog, fonts not embedded (the page's CSS names the font; the
// stand-alone SVG files embed it).
func (f Figure) InlineSVG() (template.HTML, error) {
	c := vgsvg.NewWith(vgsvg.UseWH(f.W, f.H), vgsvg.EmbedFonts(false))
	f.background(c)
	f.Draw(draw.New(c))
	var buf bytes.Buffer
	if _, err := c.WriteTo(&buf); err != nil {
		return "", err
	}
	b := prolog.ReplaceAll(buf.Bytes(), nil)
	// Scale with the page: the width attribute becomes 100 %.
	b = svgSize.ReplaceAll(b, []byte(`<svg width="100%" $2`))
	return template.HTML(b), nil // produced by vgsvg from our own drawing
}

var (
	prolog  = regexp.MustCompile(`(?s)^<\?xml.*?\?>\s*(<!DOCTYPE[^>]*>\s*)?`)
	svgSize = regexp.MustCompile(`<svg\s+width="[^"]*"\s+height="[^"]*"(\s)`)
)

// HTMLFigure is a chart or map of the report with its text alternative
// and its data.
type HTMLFigure struct {
	ID    string
	Title string
	SVG   template.HTML
	Alt   string     // what the figure shows, in one or two sentences
	Head  []string   // the data table's heading
	Rows  [][]string // its rows
	Data  string     // the label of the data table's toggle, in the report's language (set by WriteHTML)
}

// HTMLProfile is one planning area's page.
type HTMLProfile struct {
	Key, Name, District string
	Rank                string // "3 (plausible 2–6) of 38", or "" without an index
	Drivers             string
	Figures             []HTMLFigure
	Tables              []HTMLFigure // tables shown open, after the figures (the measures acting in the area)
}

// HTMLReport is the content of report.html.
type HTMLReport struct {
	Lang     string
	Title    string
	City     string
	Intro    string      // what was computed, from what
	Warnings []string    // what the reader must know first (disclosure control off)
	Notes    []string    // the run's notes
	Sources  []string    // the source line
	Inputs   [][3]string // file, bytes, SHA-256
	Figures  []HTMLFigure
	Tables   []HTMLFigure // tables (ranking, goals, monitoring): Head and Rows, shown open; an SVG, if set, above the table
	Profiles []HTMLProfile
	T        map[string]string // headings in the report's language
}

// WriteHTML writes the report as one self-contained HTML file: inline
// SVG and CSS, no script, no request that leaves the file. Print CSS puts
// each planning area's profile on its own A4 pages.
func WriteHTML(w io.Writer, r HTMLReport) error {
	data := r.T["data"]
	if data == "" {
		data = "Daten"
		if r.Lang == "en" {
			data = "Data"
		}
	}
	label := func(fs []HTMLFigure) []HTMLFigure {
		out := make([]HTMLFigure, len(fs))
		for i, f := range fs {
			f.Data = data
			out[i] = f
		}
		return out
	}
	r.Figures, r.Tables = label(r.Figures), label(r.Tables)
	profiles := make([]HTMLProfile, len(r.Profiles))
	for i, p := range r.Profiles {
		p.Figures, p.Tables = label(p.Figures), label(p.Tables)
		profiles[i] = p
	}
	r.Profiles = profiles
	return htmlPage.Execute(w, r)
}

var htmlPage = template.Must(template.New("report").Parse(`<!DOCTYPE html>
<html lang="{{.Lang}}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{.Title}}</title>
<style>
body { font-family: "Liberation Sans", Arial, Helvetica, sans-serif; color: #111; max-width: 60rem; margin: 0 auto; padding: 1rem 1.5rem; line-height: 1.4; overflow-wrap: anywhere; }
h1 { font-size: 1.7rem; } h2 { font-size: 1.35rem; margin-top: 2rem; border-bottom: 1px solid #ccc; } h3 { font-size: 1.1rem; }
h1, h2, h3 { break-after: avoid; page-break-after: avoid; }
h2 + p, h2 + table, h3 + ul, h3 + table { break-before: avoid; page-break-before: avoid; }
figure { margin: 1rem 0 2rem; max-width: 100%; } figure svg { max-width: 100%; height: auto; display: block; }
figcaption { font-size: 0.95rem; margin: 0.3rem 0; }
table { border-collapse: collapse; font-size: 0.85rem; margin: 0.5rem 0 1rem; max-width: 100%; }
th, td { border: 1px solid #bbb; padding: 0.15rem 0.4rem; text-align: left; overflow-wrap: anywhere; } td.n { text-align: right; font-variant-numeric: tabular-nums; }
#monitoring th, #monitoring td { overflow-wrap: break-word; }
code { overflow-wrap: anywhere; word-break: break-all; }
thead { display: table-header-group; } tr { break-inside: avoid; page-break-inside: avoid; }
details summary { cursor: pointer; font-size: 0.9rem; color: #333; }
.notes li, .inputs td { font-size: 0.85rem; }
.warning { border: 2px solid #b2182b; padding: 0.4rem 0.6rem; font-weight: bold; }
.profile { page-break-before: always; break-before: page; }
@media print {
  @page { size: A4 portrait; margin: 15mm; }
  body { max-width: none; padding: 0; }
  details { display: block; } details > summary { display: none; }
  figure { break-inside: avoid; page-break-inside: avoid; }
  figcaption { break-before: avoid; }
}
</style>
</head>
<body>
<header>
<h1>{{.Title}}</h1>
<p>{{.Intro}}</p>
{{range .Warnings}}<p class="warning" role="alert">{{.}}</p>
{{end}}</header>
<main>
{{range .Figures}}{{template "figure" .}}{{end}}
{{range .Tables}}<section id="{{.ID}}"><h2>{{.Title}}</h2>{{if .Alt}}<p>{{.Alt}}</p>{{end}}{{if .SVG}}<figure>{{.SVG}}</figure>{{end}}{{template "table" .}}</section>
{{end}}
<section id="sources"><h2>{{index .T "sources"}}</h2>
<ul>{{range .Sources}}<li>{{.}}</li>{{end}}</ul>
<table class="inputs"><thead><tr><th>{{index .T "file"}}</th><th>{{index .T "bytes"}}</th><th>SHA-256</th></tr></thead>
<tbody>{{range .Inputs}}<tr><td>{{index . 0}}</td><td class="n">{{index . 1}}</td><td><code>{{index . 2}}</code></td></tr>{{end}}</tbody></table>
<h3>{{index .T "notes"}}</h3>
<ul class="notes">{{range .Notes}}<li>{{.}}</li>{{end}}</ul>
</section>
{{range .Profiles}}<section class="profile" id="profile-{{.Key}}">
<h2>{{.Name}} ({{.Key}})</h2>
<p>{{.District}}{{if .Rank}} · {{.Rank}}{{end}}</p>
{{if .Drivers}}<p>{{.Drivers}}</p>{{end}}
{{range .Figures}}{{template "figure" .}}{{end}}
{{range .Tables}}<section id="{{.ID}}"><h3>{{.Title}}</h3>{{if .Alt}}<p>{{.Alt}}</p>{{end}}{{if .Rows}}{{template "table" .}}{{end}}</section>
{{end}}</section>
{{end}}
</main>
</body>
</html>
{{define "figure"}}<figure id="{{.ID}}" role="group" aria-labelledby="{{.ID}}-caption">
{{.SVG}}
<figcaption id="{{.ID}}-caption"><strong>{{.Title}}.</strong> {{.Alt}}</figcaption>
<details><summary>{{.Data}}</summary>{{template "table" .}}</details>
</figure>
{{end}}
{{define "table"}}<table><thead><tr>{{range .Head}}<th scope="col">{{.}}</th>{{end}}</tr></thead>
<tbody>{{range .Rows}}<tr>{{range .}}<td>{{.}}</td>{{end}}</tr>{{end}}</tbody></table>{{end}}
`))
