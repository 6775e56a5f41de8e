package embybase

import (
	"bytes"
	"encoding/json"
	"math"
	"strconv"
	"strings"
)

// The server answers are read with forgiving scalar types: versions,
// plugins and proxies differ in whether a number arrives as a number, a
// string or null, and one odd field must not cost the whole session list.

// flexString accepts a JSON string, number or boolean (kept as its text);
// null, objects and arrays give "".
type flexString string

func (s *flexString) UnmarshalJSON(b []byte) error {
	b = bytes.TrimSpace(b)
	switch {
	case len(b) == 0:
		*s = ""
	case b[0] == '"':
		var v string
		if err := json.Unmarshal(b, &v); err != nil {
			*s = ""
			return nil
		}
		*s = flexString(v)
	case b[0] == '-' || (b[0] >= '0' && b[0] <= '9') || b[0] == 't' || b[0] == 'f':
		*s = flexString(b)
	default:
		*s = ""
	}
	return nil
}

// flexInt accepts a JSON number (fractions are truncated) or a string
// holding one; anything else, and values outside int64, give 0.
type flexInt int64

func (n *flexInt) UnmarshalJSON(b []byte) error {
	text := strings.Trim(string(bytes.TrimSpace(b)), `"`)
	*n = 0
	if v, err := strconv.ParseInt(text, 10, 64); err == nil {
		*n = flexInt(v)
		return nil
	}
	f, err := strconv.ParseFloat(text, 64)
	if err != nil || math.IsNaN(f) || f >= math.MaxInt64 || f <= math.MinInt64 {
		return nil
	}
	*n = flexInt(f)
	return nil
}

// flexBool accepts true/false as JSON booleans or strings; anything else
// is false.
type flexBool bool

func (v *flexBool) UnmarshalJSON(b []byte) error {
	text := strings.ToLower(strings.Trim(string(bytes.TrimSpace(b)), `"`))
	*v = text == "true"
	return nil
}

// lenient holds a nested value that is dropped, rather than failing the
// whole session, when it has an unexpected shape.
type lenient[T any] struct {
	V T
}

func (l *lenient[T]) UnmarshalJSON(b []byte) error {
	var v T
	if err := json.Unmarshal(b, &v); err != nil {
		l.V = *new(T)
		return nil
	}
	l.V = v
	return nil
}

// reasonList is TranscodeReasons: an array of strings on current servers,
// one comma-separated string on older ones.
type reasonList []string

func (r *reasonList) UnmarshalJSON(b []byte) error {
	b = bytes.TrimSpace(b)
	var parts []string
	switch {
	case len(b) > 0 && b[0] == '[':
		var items []flexString
		if err := json.Unmarshal(b, &items); err != nil {
			break
		}
		for _, item := range items {
			parts = append(parts, strings.Split(string(item), ",")...)
		}
	case len(b) > 0 && b[0] == '"':
		var s string
		if err := json.Unmarshal(b, &s); err == nil {
			parts = strings.Split(s, ",")
		}
	}
	*r = nil
	for _, p := range parts {
		if p = cleanText(p); p != "" {
			*r = append(*r, p)
		}
	}
	return nil
}

// ticksToMs converts .NET ticks (100 ns) to milliseconds; negative values
// give 0.
func ticksToMs(ticks flexInt) int64 {
	if ticks <= 0 {
		return 0
	}
	return int64(ticks) / 10_000
}

// smallInt converts a count, index or year to int, with negative and huge
// values as 0.
func smallInt(n flexInt) int {
	if n < 0 || n > math.MaxInt32 {
		return 0
	}
	return int(n)
}

// bpsToKbps converts bits per second to kilobits per second, rounded;
// negative and absurd values give 0.
func bpsToKbps(bps flexInt) int {
	if bps <= 0 {
		return 0
	}
	kbps := bps / 1000
	if bps%1000 >= 500 {
		kbps++
	}
	return smallInt(kbps)
}
