package mediaserver_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/streamwarden/streamwarden/backend/mediaserver"
)

// FuzzParseBaseURL checks that no input panics, that failures are always
// invalid_url errors, and that an accepted address is clean and stable.
func FuzzParseBaseURL(f *testing.F) {
	for _, seed := range []string{"http://192.168.1.10:32400", "https://h/jellyfin/", "http://[::1]:8096/emby", "ftp://x", "http://user:pw@h"} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, raw string) {
		u, err := mediaserver.ParseBaseURL(raw)
		if err != nil {
			var e *mediaserver.Error
			if !errors.As(err, &e) || e.Reason != mediaserver.ReasonInvalidURL || e.Message == "" {
				t.Fatalf("ParseBaseURL(%q) error %#v is not an invalid_url *Error", raw, err)
			}
			return
		}
		if u.Scheme != "http" && u.Scheme != "https" {
			t.Fatalf("ParseBaseURL(%q) scheme %q", raw, u.Scheme)
		}
		if u.Hostname() == "" || u.User != nil || u.RawQuery != "" || u.Fragment != "" || u.Opaque != "" {
			t.Fatalf("ParseBaseURL(%q) = %#v has parts a base URL must not have", raw, u)
		}
		if strings.HasSuffix(u.Path, "/") {
			t.Fatalf("ParseBaseURL(%q) path %q ends in a slash", raw, u.Path)
		}
		again, err := mediaserver.ParseBaseURL(u.String())
		if err != nil {
			t.Fatalf("ParseBaseURL(%q) = %q, which does not parse again: %v", raw, u.String(), err)
		}
		if again.String() != u.String() {
			t.Fatalf("ParseBaseURL is not stable: %q -> %q -> %q", raw, u.String(), again.String())
		}
		_ = mediaserver.ResolvePath(u, "/System/Info")
		_ = mediaserver.HostPort(u)
	})
}
