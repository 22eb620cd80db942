package lang

import (
	"errors"
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"

	"golang.org/x/text/language"
	"golang.org/x/text/message/catalog"
)

// formats returns every English format string the repository's code
// hands to the catalog: the literal first argument of lang.M(…) (under
// whatever name a file imports the package) and of X.Sprintf(…) where X
// is not the fmt package, with the place it is used. Test files are
// skipped.
func formats(t *testing.T, root string) map[string]string {
	t.Helper()
	found := map[string]string{}
	fset := token.NewFileSet()
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			if n := d.Name(); path != root && (strings.HasPrefix(n, ".") || n == "testdata" || n == "vendor") {
				return filepath.SkipDir
			}
			return nil
		}
		if !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
			return nil
		}
		f, err := parser.ParseFile(fset, path, nil, 0)
		if err != nil {
			return err
		}
		langName := ""
		for _, im := range f.Imports {
			if im.Path.Value == `"planatlas/lang"` {
				langName = "lang"
				if im.Name != nil {
					langName = im.Name.Name
				}
			}
		}
		inLang := f.Name.Name == "lang"
		ast.Inspect(f, func(n ast.Node) bool {
			call, ok := n.(*ast.CallExpr)
			if !ok || len(call.Args) == 0 {
				return true
			}
			if k, ok := wrapperFormat(call); ok {
				if lit, ok := call.Args[k].(*ast.BasicLit); ok && lit.Kind == token.STRING {
					if s, err := strconv.Unquote(lit.Value); err == nil {
						if _, seen := found[s]; !seen {
							found[s] = fset.Position(lit.Pos()).String()
						}
					}
				}
				return true
			}
			lit, ok := call.Args[0].(*ast.BasicLit)
			if !ok || lit.Kind != token.STRING {
				return true
			}
			switch fn := call.Fun.(type) {
			case *ast.SelectorExpr:
				x, _ := fn.X.(*ast.Ident)
				switch {
				case (fn.Sel.Name == "M" || fn.Sel.Name == "Errorf") && x != nil && langName != "" && x.Name == langName:
				case fn.Sel.Name == "Sprintf" && (x == nil || x.Name != "fmt"):
				default:
					return true
				}
			case *ast.Ident:
				if !inLang || fn.Name != "M" && fn.Name != "Errorf" {
					return true
				}
			default:
				return true
			}
			s, err := strconv.Unquote(lit.Value)
			if err != nil {
				t.Errorf("%s: %v", fset.Position(lit.Pos()), err)
				return true
			}
			if _, ok := found[s]; !ok {
				found[s] = fset.Position(lit.Pos()).String()
			}
			return true
		})
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return found
}

// formatWrappers are the repository's functions that hand a format
// string on to lang.M, by name, with the position of the format among
// their arguments.
var formatWrappers = map[string]int{
	"errAt": 2, "fail": 1, "errf": 0, "levelError": 1, // plan
	"RowError": 2, "msgErr": 0, "recoverDamaged": 1, // datasets (Table.errAt is errAt)
	"damaged": 0, "invalidAt": 1, "errorf": 0, // geo
	"usage": 0, // cmd/planatlas
}

// wrapperFormat returns the position of the format argument of a call
// of one of formatWrappers.
func wrapperFormat(call *ast.CallExpr) (int, bool) {
	name := ""
	switch fn := call.Fun.(type) {
	case *ast.SelectorExpr:
		name = fn.Sel.Name
	case *ast.Ident:
		name = fn.Name
	}
	k, ok := formatWrappers[name]
	return k, ok && k < len(call.Args)
}

// translated reports whether the catalog has a German text for the key,
// from whichever of this package's tables.
func translated(key string) bool {
	err := cat.Context(language.German, nopRenderer{}).Execute(key)
	return !errors.Is(err, catalog.ErrNotFound)
}

// nopRenderer lets the catalog look a key up without rendering it.
type nopRenderer struct{}

func (nopRenderer) Render(string) {}
func (nopRenderer) Arg(int) any   { return nil }

// verbs matches a format verb with its flags, width and precision.
var verbs = regexp.MustCompile(`%[-+# 0]*(\[\d+\])?(\d+|\*)?(\.(\d+|\*))?[a-zA-Z%]`)

// hasWords reports whether a format string has text to translate, not
// only verbs, spaces and punctuation ("%s: %s").
func hasWords(format string) bool {
	return strings.IndexFunc(verbs.ReplaceAllString(format, ""), func(r rune) bool {
		return r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z'
	}) >= 0
}

// Every text the code renders through the catalog has a German
// translation (or plural forms): an English note, progress line or
// message cannot slip into a German run. The translation keeps the
// English format's verbs in their order.
func TestEveryMessageTranslated(t *testing.T) {
	root, err := filepath.Abs("..")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(root, "go.mod")); err != nil {
		t.Fatalf("the repository's root: %v", err)
	}
	used := formats(t, root)
	if len(used) < 50 {
		t.Fatalf("only %d format strings found: is the scan broken?", len(used))
	}
	var missing []string
	for format, where := range used {
		if !hasWords(format) {
			continue
		}
		if !translated(format) {
			missing = append(missing, where+": "+strconv.Quote(format))
		}
	}
	sort.Strings(missing)
	for _, m := range missing {
		t.Errorf("no German translation in catalog_de.go: %s", m)
	}
}

// The German translations keep the English verbs, in their order: a
// translation that drops a %d or swaps %s and %d misformats every run.
func TestTranslationsKeepVerbs(t *testing.T) {
	for en, de := range german {
		if a, b := verbs.FindAllString(en, -1), verbs.FindAllString(de, -1); strings.Join(a, " ") != strings.Join(b, " ") {
			t.Errorf("%q: verbs %v, the German %q has %v", en, a, de, b)
		}
	}
	for en, f := range plurals {
		for _, form := range []string{f.enOne, f.en, f.deOne, f.de} {
			if a, b := verbs.FindAllString(en, -1), verbs.FindAllString(form, -1); strings.Join(a, " ") != strings.Join(b, " ") {
				t.Errorf("plural %q: verbs %v, the form %q has %v", en, a, form, b)
			}
		}
	}
}

// The scan finds lang.M and printer calls and leaves fmt alone.
func TestFormatsScan(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "go.mod"), []byte("module x\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	src := `package x

import (
	"fmt"
	l "planatlas/lang"
)

func f(p *l.Printer) {
	_ = l.M("a note %d", 1)
	_ = p.Sprintf("a line %s", "x")
	_ = fmt.Sprintf("not a catalog text %d", 2)
}
`
	if err := os.WriteFile(filepath.Join(dir, "x.go"), []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	got := formats(t, dir)
	if _, ok := got["a note %d"]; !ok || len(got) != 2 {
		t.Errorf("found %v", got)
	}
	if _, ok := got["a line %s"]; !ok {
		t.Errorf("found %v", got)
	}
}

// The catalog's file keeps its entries sorted, so that entries added on
// several branches merge cleanly.
func TestCatalogSorted(t *testing.T) {
	data, err := os.ReadFile("catalog_de.go")
	if err != nil {
		t.Fatal(err)
	}
	key := regexp.MustCompile(`(?m)^\t("(?:[^"\\]|\\.)*"):`)
	var keys []string
	for _, m := range key.FindAllStringSubmatch(string(data), -1) {
		k, err := strconv.Unquote(m[1])
		if err != nil {
			t.Fatal(err)
		}
		keys = append(keys, k)
	}
	if len(keys) != len(german) {
		t.Errorf("%d keys read, %d in the map", len(keys), len(german))
	}
	if !sort.StringsAreSorted(keys) {
		for i := 1; i < len(keys); i++ {
			if keys[i-1] > keys[i] {
				t.Errorf("catalog_de.go: %q before %q", keys[i-1], keys[i])
			}
		}
	}
}
