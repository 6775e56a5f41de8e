package geo

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

type updaterFixture struct {
	dbs      *Databases
	mm       *fakeMaxMind
	now      time.Time
	key      string
	stateDir string
}

func newUpdaterFixture(t *testing.T) *updaterFixture {
	dbs, err := OpenDatabases(t.TempDir(), quietLog())
	require.NoError(t, err)
	t.Cleanup(func() { _ = dbs.Close() })
	fx := &updaterFixture{
		dbs: dbs, mm: newFakeMaxMind(t), key: "secret-key", stateDir: t.TempDir(),
		now: time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC),
	}
	fx.mm.publish(t, "GeoLite2-City", KindCity, cityBlocks(london()))
	fx.mm.publish(t, "GeoLite2-ASN", KindASN, asnBlocks())
	return fx
}

func (fx *updaterFixture) updater() *Updater {
	return NewUpdater(UpdaterConfig{
		Databases: fx.dbs,
		BaseURL:   fx.mm.api.URL,
		Credentials: func(context.Context) (string, string, error) {
			if fx.key == "" {
				return "", "", nil
			}
			return "42", fx.key, nil
		},
		Now:       func() time.Time { return fx.now },
		Log:       quietLog(),
		StateFile: filepath.Join(fx.stateDir, "geoip-update.json"),
	})
}

func TestUpdaterInstallsThroughRedirect(t *testing.T) {
	fx := newUpdaterFixture(t)
	res, err := fx.updater().CheckNow(context.Background())
	require.NoError(t, err)

	require.Len(t, res.Editions, 2)
	for _, ed := range res.Editions {
		assert.True(t, ed.Updated, ed.Edition)
		assert.True(t, ed.Info.Loaded, ed.Edition)
		assert.Equal(t, ed.Edition, ed.Info.DatabaseType)
	}
	assert.Equal(t, dbLocation(london(), 20712, "Andrews & Arnold Ltd"),
		NewResolver(fx.dbs, ResolverOptions{}).Locate("81.2.69.142"))

	fx.mm.mu.Lock()
	defer fx.mm.mu.Unlock()
	assert.Equal(t, 4, fx.mm.apiRequests, "a checksum and an archive request per edition")
	for _, auth := range fx.mm.apiAuth {
		assert.Equal(t, "Basic NDI6c2VjcmV0LWtleQ==", auth)
	}
	assert.Equal(t, []string{"", ""}, fx.mm.storageAuth, "the licence key never reaches the storage host")

	entries, err := os.ReadDir(fx.dbs.Dir())
	require.NoError(t, err)
	assert.Len(t, entries, 2, "no temporary files left")
}

func TestUpdaterSkipsUnchanged(t *testing.T) {
	fx := newUpdaterFixture(t)
	u := fx.updater()
	_, err := u.CheckNow(context.Background())
	require.NoError(t, err)

	fx.now = fx.now.Add(time.Hour)
	res, err := u.CheckNow(context.Background())
	require.NoError(t, err)
	for _, ed := range res.Editions {
		assert.False(t, ed.Updated, ed.Edition)
		assert.True(t, ed.Info.Loaded, ed.Edition)
	}

	fx.mm.publish(t, "GeoLite2-City", KindCity, cityBlocks(paris()))
	res, err = u.CheckNow(context.Background())
	require.NoError(t, err)
	assert.True(t, res.Editions[0].Updated)
	assert.False(t, res.Editions[1].Updated)
	assert.Equal(t, map[string]int{"GeoLite2-City": 2, "GeoLite2-ASN": 1}, fx.mm.downloadCounts())
	assert.Equal(t, "Paris", NewResolver(fx.dbs, ResolverOptions{}).Locate("81.2.69.142").City)

	// A restart remembers what is installed.
	res, err = fx.updater().CheckNow(context.Background())
	require.NoError(t, err)
	assert.False(t, res.Editions[0].Updated)
	assert.Equal(t, map[string]int{"GeoLite2-City": 2, "GeoLite2-ASN": 1}, fx.mm.downloadCounts())
}

func TestUpdaterRefusesBadChecksum(t *testing.T) {
	fx := newUpdaterFixture(t)
	u := fx.updater()
	_, err := u.CheckNow(context.Background())
	require.NoError(t, err)
	fx.mm.publish(t, "GeoLite2-City", KindCity, cityBlocks(paris()))
	fx.mm.set(func(f *fakeMaxMind) { f.badSum = true })

	_, err = u.CheckNow(context.Background())
	require.ErrorContains(t, err, "does not match MaxMind's checksum")
	assert.Equal(t, "London", NewResolver(fx.dbs, ResolverOptions{}).Locate("81.2.69.142").City)
	assert.Contains(t, u.State().LastError, "checksum")
	entries, _ := os.ReadDir(fx.dbs.Dir())
	assert.Len(t, entries, 2, "the bad download is removed")
}

func TestUpdaterErrors(t *testing.T) {
	tests := []struct {
		name      string
		key       string
		status    int
		wantIs    error
		wantMsg   string
		wantRetry time.Duration
		wantReqs  int
	}{
		{"bad licence key", "wrong", 0, ErrBadCredentials, "MaxMind rejected the account ID or licence key", 7 * 24 * time.Hour, 1},
		{"rate limited", "secret-key", http.StatusTooManyRequests, ErrRateLimited, "daily download limit", time.Hour, 1},
		{"server error", "secret-key", http.StatusServiceUnavailable, nil, "503 Service Unavailable", time.Hour, 2},
		{"forbidden", "secret-key", http.StatusForbidden, nil, "refused the download", time.Hour, 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fx := newUpdaterFixture(t)
			_, err := fx.updater().CheckNow(context.Background())
			require.NoError(t, err)
			fx.mm.set(func(f *fakeMaxMind) { f.apiRequests, f.status = 0, tt.status })
			fx.key = tt.key
			fx.now = fx.now.Add(8 * 24 * time.Hour)

			u := fx.updater()
			_, err = u.CheckNow(context.Background())
			if tt.wantIs != nil {
				require.ErrorIs(t, err, tt.wantIs)
			}
			require.ErrorContains(t, err, tt.wantMsg)
			assert.Equal(t, tt.wantReqs, fx.mm.requests())

			st := u.State()
			assert.Equal(t, fx.now, st.LastCheck)
			assert.Equal(t, fx.now.Add(-8*24*time.Hour), st.LastSuccess)
			assert.Contains(t, st.LastError, tt.wantMsg)
			assert.Equal(t, fx.now.Add(tt.wantRetry), st.NextCheck)
			assert.Equal(t, dbLocation(london(), 20712, "Andrews & Arnold Ltd"),
				NewResolver(fx.dbs, ResolverOptions{}).Locate("81.2.69.142"), "the old databases stay")
		})
	}
}

func TestUpdaterBacksOff(t *testing.T) {
	fx := newUpdaterFixture(t)
	fx.mm.set(func(f *fakeMaxMind) { f.status = http.StatusBadGateway })
	u := fx.updater()
	for _, want := range []time.Duration{time.Hour, 2 * time.Hour, 4 * time.Hour} {
		_, err := u.CheckNow(context.Background())
		require.Error(t, err)
		assert.Equal(t, fx.now.Add(want), u.State().NextCheck)
	}
	fx.mm.set(func(f *fakeMaxMind) { f.status = 0 })
	_, err := u.CheckNow(context.Background())
	require.NoError(t, err)
	assert.Equal(t, UpdateState{LastCheck: fx.now, LastSuccess: fx.now, NextCheck: fx.now.Add(7 * 24 * time.Hour)}, u.State())
}

func TestUpdaterStatePersisted(t *testing.T) {
	fx := newUpdaterFixture(t)
	_, err := fx.updater().CheckNow(context.Background())
	require.NoError(t, err)
	want := UpdateState{LastCheck: fx.now, LastSuccess: fx.now, NextCheck: fx.now.Add(7 * 24 * time.Hour)}

	got := fx.updater().State()
	assert.True(t, want.LastCheck.Equal(got.LastCheck))
	assert.True(t, want.LastSuccess.Equal(got.LastSuccess))
	assert.True(t, want.NextCheck.Equal(got.NextCheck))
	assert.Empty(t, got.LastError)
}

func TestUpdaterNotConfigured(t *testing.T) {
	fx := newUpdaterFixture(t)
	fx.key = ""
	u := fx.updater()
	_, err := u.CheckNow(context.Background())
	require.ErrorIs(t, err, ErrNotConfigured)
	assert.Equal(t, UpdateState{}, u.State())

	ctx, cancel := context.WithTimeout(context.Background(), 100*time.Millisecond)
	defer cancel()
	require.NoError(t, u.Run(ctx))
	assert.Zero(t, fx.mm.requests())
	assert.Equal(t, UpdateState{}, u.State())
}

func TestUpdaterRun(t *testing.T) {
	tests := []struct {
		name      string
		lastCheck time.Duration // before now; 0 = never
		wantCheck bool
	}{
		{"never checked", 0, true},
		{"checked long ago", 8 * 24 * time.Hour, true},
		{"checked recently", 24 * time.Hour, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fx := newUpdaterFixture(t)
			if tt.lastCheck != 0 {
				last := time.Now().Add(-tt.lastCheck).UTC().Round(time.Second)
				state := fmt.Sprintf(`{"lastCheck":%q,"lastSuccess":%q}`, last.Format(time.RFC3339), last.Format(time.RFC3339))
				require.NoError(t, os.WriteFile(filepath.Join(fx.stateDir, "geoip-update.json"), []byte(state), 0o644))
			}
			u := NewUpdater(UpdaterConfig{
				Databases: fx.dbs, BaseURL: fx.mm.api.URL, Log: quietLog(),
				Credentials: func(context.Context) (string, string, error) { return "42", "secret-key", nil },
				StateFile:   filepath.Join(fx.stateDir, "geoip-update.json"),
			})
			ctx, cancel := context.WithCancel(context.Background())
			done := make(chan error)
			go func() { done <- u.Run(ctx) }()

			if tt.wantCheck {
				require.Eventually(t, func() bool { return u.State().LastSuccess.After(time.Now().Add(-time.Minute)) },
					5*time.Second, 10*time.Millisecond)
				assert.Equal(t, "London", NewResolver(fx.dbs, ResolverOptions{}).Locate("81.2.69.142").City)
			} else {
				time.Sleep(200 * time.Millisecond)
				assert.Zero(t, fx.mm.requests())
			}
			cancel()
			require.NoError(t, <-done)
		})
	}
}

func TestCredentialSafeClient(t *testing.T) {
	var gotAuth []string
	var mu sync.Mutex
	plain := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		gotAuth = append(gotAuth, r.Header.Get("Authorization"))
		mu.Unlock()
	}))
	defer plain.Close()
	secure := httptest.NewTLSServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, plain.URL+"/file", http.StatusFound)
	}))
	defer secure.Close()

	c := credentialSafeClient(secure.Client())
	req, err := http.NewRequest(http.MethodGet, secure.URL, nil)
	require.NoError(t, err)
	req.SetBasicAuth("42", "secret-key")
	_, err = c.Do(req) //nolint:bodyclose // the request fails
	require.ErrorContains(t, err, "refusing to follow a redirect from https to http")
	assert.Empty(t, gotAuth)

	// Same host, other port: the key stays behind.
	other := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, plain.URL+"/file", http.StatusFound)
	}))
	defer other.Close()
	req, err = http.NewRequest(http.MethodGet, other.URL, nil)
	require.NoError(t, err)
	req.SetBasicAuth("42", "secret-key")
	resp, err := credentialSafeClient(http.DefaultClient).Do(req)
	require.NoError(t, err)
	_ = resp.Body.Close()
	assert.Equal(t, []string{""}, gotAuth)
}
