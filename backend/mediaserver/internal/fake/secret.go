package fake

import (
	"errors"
	"fmt"
	"strings"
	"testing"
)

// AssertNoSecret fails the test if secret appears in the text of err or of
// any error it wraps.
func AssertNoSecret(t testing.TB, err error, secret string) {
	t.Helper()
	if secret == "" {
		t.Fatal("AssertNoSecret needs a non-empty secret")
	}
	for e := err; e != nil; e = errors.Unwrap(e) {
		for _, text := range []string{e.Error(), fmt.Sprintf("%+v", e), fmt.Sprintf("%#v", e)} {
			if strings.Contains(text, secret) {
				t.Errorf("error text %q contains the secret", text)
			}
		}
	}
}
