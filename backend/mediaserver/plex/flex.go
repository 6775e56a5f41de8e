package plex

import (
	"bytes"
	"encoding/json"
	"math"
	"strconv"
	"strings"
)

// flex is a scalar Plex sends in whatever form it likes: an XML attribute
// ("1", "0", "720p"), or a JSON string, number or boolean. It keeps the
// value as text; JSON true and false become "1" and "0" like in XML. A JSON
// object or array where a scalar belongs is read as empty rather than
// failing the whole answer.
type flex string

// UnmarshalJSON accepts a string, number, boolean or null.
func (f *flex) UnmarshalJSON(b []byte) error {
	b = bytes.TrimSpace(b)
	switch {
	case len(b) == 0 || bytes.Equal(b, []byte("null")):
		*f = ""
	case bytes.Equal(b, []byte("true")):
		*f = "1"
	case bytes.Equal(b, []byte("false")):
		*f = "0"
	case b[0] == '"':
		var s string
		if err := json.Unmarshal(b, &s); err != nil {
			return err
		}
		*f = flex(s)
	case b[0] == '{' || b[0] == '[':
		*f = ""
	default:
		*f = flex(b)
	}
	return nil
}

// String returns the value as text.
func (f flex) String() string {
	return string(f)
}

// Bool reads "1" and "true" (any case) as true, everything else as false.
func (f flex) Bool() bool {
	s := strings.TrimSpace(string(f))
	return s == "1" || strings.EqualFold(s, "true")
}

// Int64 reads an integer, truncating a decimal; anything else is 0.
func (f flex) Int64() int64 {
	s := strings.TrimSpace(string(f))
	if s == "" {
		return 0
	}
	if n, err := strconv.ParseInt(s, 10, 64); err == nil {
		return n
	}
	x, err := strconv.ParseFloat(s, 64)
	if err != nil || math.IsNaN(x) || x >= math.MaxInt64 || x <= math.MinInt64 {
		return 0
	}
	return int64(x)
}

// Count reads a count or size that cannot be negative and fits an int32:
// negative values are 0, huge ones are clamped.
func (f flex) Count() int {
	return int(min(max(f.Int64(), 0), math.MaxInt32))
}

// Millis reads a duration or offset in milliseconds; negative values are 0.
func (f flex) Millis() int64 {
	return max(f.Int64(), 0)
}
