package plan

import (
	"archive/zip"
	"bytes"
	"io"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// report.html is self-contained (no address outside the file), has a
// profile per planning area, and every figure has a text alternative and
// a data table.
func TestReportHTML(t *testing.T) {
	out, _, err := runDir(t, demoDir(t, func(s string) string { return s }))
	if err != nil {
		t.Fatal(err)
	}
	html := string(readOut(t, out, "report.html"))
	for _, m := range regexp.MustCompile(`(?i)(src|href)\s*=\s*"([^"#][^"]*)"`).FindAllStringSubmatch(html, -1) {
		t.Errorf("the report refers to %s=%q", m[1], m[2])
	}
	if n := regexp.MustCompile(`https?://`).FindAllString(strings.ReplaceAll(html, `xmlns="http://www.w3.org/2000/svg"`, ""), -1); len(n) > 0 {
		// Only SVG namespaces may name an address.
		for _, u := range regexp.MustCompile(`[a-z:]+="https?://[^"]*"`).FindAllString(html, -1) {
			if !strings.HasPrefix(u, "xmlns") {
				t.Errorf("address in the report: %s", u)
			}
		}
	}
	if n := strings.Count(html, `<section class="profile"`); n != 38 {
		t.Errorf("%d profiles, want 38", n)
	}
	figures := regexp.MustCompile(`(?s)<figure id="([^"]+)".*?</figure>`).FindAllStringSubmatch(html, -1)
	if len(figures) < 38*2+6 {
		t.Errorf("only %d figures", len(figures))
	}
	for _, f := range figures {
		alt := regexp.MustCompile(`(?s)<figcaption[^>]*><strong>[^<]*</strong>\s*([^<]+)</figcaption>`).FindStringSubmatch(f[0])
		if alt == nil || len(strings.TrimSpace(alt[1])) < 15 {
			t.Errorf("figure %s has no text alternative", f[1])
		}
		if !strings.Contains(f[0], "<table>") || !strings.Contains(f[0], "<td>") {
			t.Errorf("figure %s has no data table", f[1])
		}
	}
	if !strings.Contains(html, "Schönblick III hat den höchsten Wert, 10,85") {
		t.Error("the index map's text alternative is not there")
	}
	// Pyramids for the 32 areas of at least 1,000 residents, as shares;
	// none for the small ones (disclosure control).
	if n := strings.Count(html, `<figure id="pyramid-`); n != 33 {
		t.Errorf("%d pyramids, want 32 areas and the city", n)
	}
	if !strings.Contains(html, `<figure id="pyramid-stadt"`) {
		t.Error("no pyramid of the city")
	}
	if strings.Contains(html, `id="pyramid-0902"`) || !strings.Contains(html, `id="pyramid-0101"`) { // 0902 Tännicht: under 300 residents
		t.Error("pyramid for the wrong areas")
	}
	demoProjection(t, out, html)
	demoSurvey(t, out, html)
	demoMeasures(t, out, html)
}

// demoProjection checks the demo's population projection: the report's
// three charts, and projection.csv, whose city (by sex and single year of
// age) adds up to the sum of the areas' age groups in every year.
func demoProjection(t *testing.T, out, html string) {
	scenarios := map[string]int{}
	for _, r := range tableRows(t, out, "projection.csv") {
		scenarios[r["Szenario"]]++
	}
	if scenarios["niedrige Wanderung"] == 0 || scenarios["niedrige Wanderung"] != scenarios["hohe Wanderung"] || scenarios["mit Wohnungsbau"] != scenarios["hohe Wanderung"] {
		t.Errorf("projection.csv: rows by scenario %v", scenarios)
	}
	// the housing scenario: 460 dwellings of 2.07 residents each, who then
	// age, have children and migrate like their neighbours
	if notes := string(readOut(t, out, "report.html")); !strings.Contains(notes, "das Wohnungsbau-Szenario fügt 460 geplante Wohnungen hinzu; 2034 hätte die Stadt 1.030 Einwohner mehr als in der Basis") {
		t.Error("no note on the housing scenario")
	}
	if n := len(regexp.MustCompile(`<figure id="projection-\d{4}"`).FindAllString(html, -1)); n != 38 {
		t.Errorf("%d profiles with a projection, want 38", n)
	}
	for _, id := range []string{"projection-kita", "projection-school", "projection-80plus", "projection-map-kita", "projection-pyramid"} {
		if !strings.Contains(html, `<figure id="`+id+`"`) {
			t.Errorf("the report has no figure %s", id)
		}
	}
	city, areas := map[string]float64{}, map[string]float64{}
	for _, r := range tableRows(t, out, "projection.csv") {
		if r["Szenario"] != "Basis" {
			continue
		}
		v := germanNumber(t, r["Einwohner (vorausberechnet)"])
		if r["Schlüssel"] == "" {
			city[r["Jahr"]] += v
			continue
		}
		areas[r["Jahr"]] += v
		if lo, hi := germanNumber(t, r["untere 80-%-Grenze"]), germanNumber(t, r["obere 80-%-Grenze"]); !(lo <= v && v <= hi) {
			t.Errorf("projection.csv %s %s %s: %g outside its interval %g–%g", r["Schlüssel"], r["Jahr"], r["Alter"], v, lo, hi)
		}
	}
	// the backtest from 2019 with the register's events: the same figures
	// as projection's TestDemoBacktest, "register" (residents, five
	// years: 1.22 %; constant 5.78 %)
	for _, r := range tableRows(t, out, "backtest.csv") {
		if r["Alter"] == "alle" && r["Jahre nach 2019"] == "5" && (r["MAPE (%)"] != "1,22" || r["MAPE, Basisjahr festgehalten (%)"] != "5,78") {
			t.Errorf("backtest.csv, all ages, 5 years: MAPE %s, constant %s", r["MAPE (%)"], r["MAPE, Basisjahr festgehalten (%)"])
		}
	}
	if len(city) != 10 {
		t.Errorf("projection.csv: %d years, want 2025–2034", len(city))
	}
	for y, c := range city {
		// the CSV rounds to 0.1: 8 groups × 38 areas, 96 ages × 2 sexes
		if math.Abs(c-areas[y]) > 0.05*(8*38+96*2) {
			t.Errorf("%s: the city has %.1f projected residents, its areas %.1f", y, c, areas[y])
		}
	}
	if c := city["2034"]; !(c > 80000 && c < 110000) {
		t.Errorf("2034: %.0f residents in the city", c)
	}
}

// In a real browser (Debian's chromium, headless, every request blocked)
// the report loads without an error and prints to an A4 PDF with a page
// or more per profile, umlauts intact.
func TestReportInBrowser(t *testing.T) {
	chromium, err := exec.LookPath("chromium")
	if err != nil {
		t.Skip("chromium is not installed (Debian package chromium; .ci/run installs it)")
	}
	for _, tool := range []string{"pdfinfo", "pdftotext"} {
		if _, err := exec.LookPath(tool); err != nil {
			t.Skipf("%s is not installed (Debian package poppler-utils)", tool)
		}
	}
	out, _, err := runDir(t, demoDir(t, func(s string) string { return s }))
	if err != nil {
		t.Fatal(err)
	}
	pdf := filepath.Join(t.TempDir(), "report.pdf")
	cmd := exec.Command(chromium, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
		"--disable-background-networking", "--disable-component-update", "--disable-sync",
		"--user-data-dir="+t.TempDir(), `--host-resolver-rules=MAP * ~NOTFOUND`,
		"--enable-logging=stderr", "--v=0", "--no-pdf-header-footer", "--print-to-pdf="+pdf,
		"file://"+filepath.Join(out, "report.html"))
	log, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("chromium: %v\n%s", err, log)
	}
	for _, line := range strings.Split(string(log), "\n") {
		if strings.Contains(line, "CONSOLE") || strings.Contains(line, "net::ERR") || strings.Contains(line, "Failed to load") {
			t.Errorf("browser: %s", line)
		}
	}
	info, err := exec.Command("pdfinfo", pdf).Output()
	if err != nil {
		t.Fatal(err)
	}
	m := regexp.MustCompile(`Pages:\s+(\d+)`).FindStringSubmatch(string(info))
	pages, _ := strconv.Atoi(m[1])
	if pages < 38+1 {
		t.Errorf("%d pages for 38 profiles and the overview", pages)
	}
	if !strings.Contains(string(info), "A4") && !strings.Contains(string(info), "595.") {
		t.Errorf("not A4:\n%s", info)
	}
	text, err := exec.Command("pdftotext", pdf, "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"Schloßberg (0102)", "Mühlgraben (0103)", "Tännicht", "Schönblick III"} {
		if !strings.Contains(string(text), want) {
			t.Errorf("the PDF's text lacks %q", want)
		}
	}
	os.WriteFile(filepath.Join(out, "checked.txt"), []byte(m[0]), 0o644)
}

// Maps and charts can be PDF, with umlauts intact; the German CSV has a
// byte order mark, semicolons and decimal commas, so that Excel and
// LibreOffice open umlauts and numbers right.
func TestPDFFiguresAndGermanCSV(t *testing.T) {
	dir := demoDir(t, func(s string) string {
		return strings.Replace(s, "  images: [svg, png]\n", "  images: [svg, pdf]\n", 1)
	})
	out, _, err := runDir(t, dir)
	if err != nil {
		t.Fatal(err)
	}
	csv := readOut(t, out, "indicators.csv")
	if !bytes.HasPrefix(csv, []byte("\ufeffIndikator;Bezeichnung;")) || !bytes.Contains(csv, []byte(";Mühlgraben;")) ||
		!regexp.MustCompile(`;\d+,\d+;`).Match(csv) {
		t.Errorf("indicators.csv starts %q", csv[:80])
	}
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Skip("pdftotext is not installed (Debian package poppler-utils)")
	}
	text, err := exec.Command("pdftotext", filepath.Join(out, "map-bedarfsindex.pdf"), "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"Planungsräume 2024", "über", "Datenquelle"} {
		if !strings.Contains(string(text), want) {
			t.Errorf("the PDF map lacks %q:\n%s", want, text)
		}
	}
}

// tables: [xlsx] writes one workbook with a sheet per table; keys stay
// text ("0101"), numbers are numbers.
func TestWorkbook(t *testing.T) {
	dir := demoDir(t, func(s string) string {
		return strings.Replace(s, "  tables: [csv, parquet]\n", "  tables: [csv, xlsx]\n", 1)
	})
	out, _, err := runDir(t, dir)
	if err != nil {
		t.Fatal(err)
	}
	data := readOut(t, out, "tables.xlsx")
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	var sheet1 string
	for _, f := range zr.File {
		names = append(names, f.Name)
		if f.Name == "xl/worksheets/sheet1.xml" {
			rc, _ := f.Open()
			b, _ := io.ReadAll(rc)
			sheet1 = string(b)
		}
	}
	if len(names) < 10 || !strings.Contains(sheet1, "<t>0101</t>") || !strings.Contains(sheet1, "<t>Mühlgraben</t>") || !strings.Contains(sheet1, "<c><v>2793</v></c>") {
		t.Errorf("workbook parts %v; sheet 1 starts %.300s", names, sheet1)
	}
}

// Data of a single year: the profiles show no development ("12,5 →
// 12,5" over 2014–2024), and the city's pyramid is not compared with the
// city.
func TestReportSingleYear(t *testing.T) {
	dir := demoDir(t, func(s string) string {
		i, j := strings.Index(s, "\ngoals:"), strings.Index(s, "\n# Räumliche Statistik")
		s = s[:i] + s[j:]
		// one year: no migration to project with
		i, j = strings.Index(s, "\n# Bevölkerungsvorausberechnung"), strings.Index(s, "\noutputs:")
		s = s[:i] + s[j:]
		return strings.Replace(s, "    - type: trend\n      value: sgb2_quote\n", "", 1)
	})
	for file, col := range map[string]int{"arbeitsmarkt.csv": 2, "bevoelkerung.csv": 1, "klima.csv": 1, "staatsangehoerigkeit.csv": 1} {
		b, err := os.ReadFile(filepath.Join(dir, file))
		if err != nil {
			t.Fatal(err)
		}
		lines := bytes.Split(b, []byte("\n"))
		keep := [][]byte{lines[0]}
		for _, l := range lines[1:] {
			if f := bytes.Split(l, []byte(";")); len(f) > col && string(bytes.TrimSpace(f[col])) == "2024" {
				keep = append(keep, l)
			}
		}
		if err := os.WriteFile(filepath.Join(dir, file), append(bytes.Join(keep, []byte("\n")), '\n'), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	out, _, err := runDir(t, dir)
	if err != nil {
		t.Fatal(err)
	}
	html := string(readOut(t, out, "report.html"))
	if !strings.Contains(html, `<section class="profile"`) {
		t.Fatal("no profiles")
	}
	if strings.Contains(html, "Entwicklung 20") || regexp.MustCompile(`<figure id="trend-\d`).MatchString(html) {
		t.Error("a development figure for data of one year")
	}
	if m := regexp.MustCompile(`Musterstadt: [^<]*\(Stadt `).FindString(html); m != "" {
		t.Errorf("the city compared with itself: %q", m)
	}
}

// report.html has no horizontal scrolling at 1100 px, even with a long
// source line without spaces: rendered in headless chromium, the page is
// no wider than the window and no element runs past the body.
func TestReportNoHorizontalOverflow(t *testing.T) {
	browser := ""
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome", "chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			browser = p
			break
		}
	}
	if browser == "" {
		t.Skip("no chromium (chromium, chromium-browser, google-chrome) on PATH: the report's layout at 1100 px is not checked")
	}
	long := "Musterstadt, https://daten.musterstadt.example/statistik/planungsraeume/sozialmonitoring/2024/tabellen/einwohner_nach_alter_und_geschlecht_je_planungsraum.csv"
	out, _, err := runDir(t, demoDir(t, func(s string) string {
		return strings.Replace(s, "  de: Musterstadt, synthetische Demodaten\n", "  de: "+long+"\n", 1)
	}))
	if err != nil {
		t.Fatal(err)
	}
	html := string(readOut(t, out, "report.html"))
	if !strings.Contains(html, "einwohner_nach_alter") {
		t.Fatal("the long source line is not in the report")
	}
	// A script writes what overflows into the title; --dump-dom prints it.
	check := `<script>
var d = document.documentElement, br = document.body.getBoundingClientRect().right + 1, over = [];
document.querySelectorAll("body *").forEach(function (e) {
  var r = e.getBoundingClientRect();
  if (r.width > 0 && r.right > br && !e.closest("svg")) over.push(e.tagName.toLowerCase() + (e.id ? "#" + e.id : "") + " " + Math.round(r.right));
});
document.title = "overflow " + d.scrollWidth + "/" + d.clientWidth + " [" + over.slice(0, 8).join(", ") + "]";
</script></body>`
	page := filepath.Join(t.TempDir(), "check.html")
	if err := os.WriteFile(page, []byte(strings.Replace(html, "</body>", check, 1)), 0o644); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(browser, "--headless", "--no-sandbox", "--disable-gpu", "--window-size=1100,2000", "--dump-dom", "file://"+page)
	dom, err := cmd.Output()
	if err != nil {
		t.Fatalf("chromium: %v", err)
	}
	m := regexp.MustCompile(`<title>overflow (\d+)/(\d+) \[([^\]]*)\]</title>`).FindSubmatch(dom)
	if m == nil {
		t.Fatalf("chromium ran no check: %.300s", dom)
	}
	sw, _ := strconv.Atoi(string(m[1]))
	cw, _ := strconv.Atoi(string(m[2]))
	if sw > cw || len(m[3]) > 0 {
		t.Errorf("horizontal overflow at 1100 px: page %d px wide in a window of %d; past the body: %s", sw, cw, m[3])
	}
}
