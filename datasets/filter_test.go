package datasets

import "testing"

// Found by FuzzParse: a "where" whose value is empty (YAML "{alter :5-3}"
// is the key "alter :5-3" with no value) crashed the range parser.
func TestParseFilter(t *testing.T) {
	tests := []struct {
		values  []string
		match   string
		want    bool
		wantErr string
	}{
		{[]string{"0-5"}, "3", true, ""},
		{[]string{"65-"}, "70", true, ""},
		{[]string{"65+"}, "64", false, ""},
		{[]string{"-17"}, "17", true, ""},
		{[]string{"m", "w"}, "w", true, ""},
		{[]string{"5-3"}, "", false, `filter alter: "5-3": the range is empty (5 > 3)`},
		{[]string{""}, "", false, `filter on "alter" has an empty value`},
		{[]string{" "}, "", false, `filter on "alter" has an empty value`},
		{nil, "", false, `filter on "alter" has no value`},
	}
	for _, tc := range tests {
		f, err := ParseFilter("alter", tc.values)
		if tc.wantErr != "" {
			if err == nil || err.Error() != tc.wantErr {
				t.Errorf("%q: error %v, want %s", tc.values, err, tc.wantErr)
			}
			continue
		}
		if err != nil {
			t.Errorf("%q: %v", tc.values, err)
			continue
		}
		if got, err := f.match(tc.match); got != tc.want || err != nil {
			t.Errorf("%q matches %q: %v %v, want %v", tc.values, tc.match, got, err, tc.want)
		}
	}
}
