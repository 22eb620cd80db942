package plan

import (
	"planatlas/lang"

	"go.yaml.in/yaml/v3"
)

// checkDuplicateKeys refuses a key given twice in any mapping of the
// plan. YAML lets the later one win silently: a second "disclosure:"
// block further down a long plan would switch off the protection the
// first one states. where names the mapping for the message ("" for the
// plan itself). Aliases are not followed: their mapping is checked where
// it is defined.
func checkDuplicateKeys(n *yaml.Node, file, where string) error {
	switch n.Kind {
	case yaml.SequenceNode:
		for _, item := range n.Content {
			if err := checkDuplicateKeys(item, file, where); err != nil {
				return err
			}
		}
	case yaml.MappingNode:
		seen := make(map[string]int, len(n.Content)/2)
		for i := 0; i+1 < len(n.Content); i += 2 {
			k := n.Content[i]
			if first, dup := seen[k.Value]; dup {
				var in lang.Message
				if where != "" {
					in = lang.M(" in %s", where)
				}
				return errAt(file, k.Line, "%q is defined twice%s (first on line %d); YAML would silently use the later one: keep one of them", k.Value, in, first)
			}
			seen[k.Value] = k.Line
			inner := k.Value
			if where != "" {
				inner = where + "." + k.Value
			}
			if err := checkDuplicateKeys(n.Content[i+1], file, inner); err != nil {
				return err
			}
		}
	}
	return nil
}
