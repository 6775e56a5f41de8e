package mediaserver

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// maxFieldRunes bounds a name or version taken from a server's answer.
const maxFieldRunes = 200

// CleanField makes a value reported by a server safe to store and display:
// valid UTF-8, no control characters, trimmed, at most 200 characters.
func CleanField(s string) string {
	s = strings.ToValidUTF8(s, "\uFFFD")
	s = strings.Map(func(r rune) rune {
		if unicode.IsControl(r) {
			return ' '
		}
		return r
	}, s)
	s = strings.TrimSpace(s)
	if utf8.RuneCountInString(s) > maxFieldRunes {
		s = strings.TrimSpace(string([]rune(s)[:maxFieldRunes]))
	}
	return s
}
