package geo

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"maps"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
)

// fakeMaxMind serves the download API the way MaxMind does: checksums
// directly, archives as a redirect to a second server standing in for the
// presigned storage URL.
type fakeMaxMind struct {
	api, storage *httptest.Server

	mu          sync.Mutex
	archives    map[string][]byte // edition → .tar.gz
	badSum      bool
	status      int // answer every API request with this status when set
	apiRequests int
	apiAuth     []string
	storageAuth []string
	downloads   map[string]int
}

func newFakeMaxMind(t *testing.T) *fakeMaxMind {
	f := &fakeMaxMind{archives: map[string][]byte{}, downloads: map[string]int{}}
	f.storage = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		f.mu.Lock()
		defer f.mu.Unlock()
		f.storageAuth = append(f.storageAuth, r.Header.Get("Authorization"))
		edition := strings.TrimSuffix(strings.TrimPrefix(r.URL.Path, "/bucket/"), ".tar.gz")
		f.downloads[edition]++
		_, _ = w.Write(f.archives[edition])
	}))
	t.Cleanup(f.storage.Close)
	f.api = httptest.NewServer(http.HandlerFunc(f.serveAPI))
	t.Cleanup(f.api.Close)
	return f
}

func (f *fakeMaxMind) serveAPI(w http.ResponseWriter, r *http.Request) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.apiRequests++
	f.apiAuth = append(f.apiAuth, r.Header.Get("Authorization"))
	if f.status != 0 {
		http.Error(w, http.StatusText(f.status), f.status)
		return
	}
	if id, key, ok := r.BasicAuth(); !ok || id != "42" || key != "secret-key" {
		http.Error(w, "Invalid license key", http.StatusUnauthorized)
		return
	}
	edition := strings.TrimSuffix(strings.TrimPrefix(r.URL.Path, "/geoip/databases/"), "/download")
	archive, ok := f.archives[edition]
	if !ok {
		http.NotFound(w, r)
		return
	}
	switch r.URL.Query().Get("suffix") {
	case "tar.gz.sha256":
		sum := sha256.Sum256(archive)
		if f.badSum {
			sum[0] ^= 0xff
		}
		_, _ = fmt.Fprintf(w, "%s  %s_20260102.tar.gz\n", hex.EncodeToString(sum[:]), edition)
	case "tar.gz":
		http.Redirect(w, r, f.storage.URL+"/bucket/"+edition+".tar.gz?X-Amz-Signature=abc", http.StatusFound)
	default:
		http.Error(w, "bad suffix", http.StatusBadRequest)
	}
}

func (f *fakeMaxMind) publish(t *testing.T, edition string, kind Kind, blocks []Block) {
	t.Helper()
	archive := tarGz(t,
		tarEntry{name: edition + "_20260102/LICENSE.txt", body: []byte("licence")},
		tarEntry{name: edition + "_20260102/" + edition + ".mmdb", body: readFile(t, writeDB(t, kind, blocks))},
	)
	f.mu.Lock()
	defer f.mu.Unlock()
	f.archives[edition] = archive
}

func (f *fakeMaxMind) downloadCounts() map[string]int {
	f.mu.Lock()
	defer f.mu.Unlock()
	return maps.Clone(f.downloads)
}

func (f *fakeMaxMind) requests() int {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.apiRequests
}

func (f *fakeMaxMind) set(fn func(f *fakeMaxMind)) {
	f.mu.Lock()
	defer f.mu.Unlock()
	fn(f)
}
