package simulator

import (
	"encoding/xml"
	"net/http"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/streamwarden/streamwarden/backend/model"
)

func TestPlexSessionLifecycle(t *testing.T) {
	srv, clock := startServer(t, Config{Kind: model.KindPlex})
	c := httpClient(t, srv)
	var x *Session
	var first plexView
	steps := []struct {
		name  string
		act   func()
		check func(t *testing.T, v []plexView)
	}{
		{"play", func() { x = srv.Play(aliceSpec(episodeItem(1, 1))) }, func(t *testing.T, v []plexView) {
			require.Len(t, v, 1)
			first = v[0]
			assert.Equal(t, "1", v[0].SessionKey)
			assert.Equal(t, x.ControlID(), v[0].ControlID)
			assert.Equal(t, "episode", v[0].Type)
			assert.Equal(t, "Northern Lights", v[0].Show)
			assert.Equal(t, []int{1, 1}, []int{v[0].Season, v[0].Episode})
			assert.Equal(t, "2", v[0].LibraryID)
			assert.Equal(t, "playing", v[0].State)
			assert.Equal(t, int64(0), v[0].OffsetMs)
			assert.Equal(t, (45 * time.Minute).Milliseconds(), v[0].DurationMs)
			assert.Equal(t, "alice", v[0].UserName)
			assert.Equal(t, x.User().ID, v[0].UserID)
			assert.Equal(t, "81.2.69.142", v[0].Address)
			assert.Equal(t, "81.2.69.142", v[0].Public)
			assert.False(t, v[0].Local)
			assert.Equal(t, "wan", v[0].Location)
			assert.Equal(t, "dev-alice-shield", v[0].Machine)
			assert.Equal(t, "directplay", v[0].PartDecision)
			assert.Empty(t, v[0].TranscodeKey)
		}},
		{"clock moves a playing session", func() { clock.Advance(5 * time.Minute) }, func(t *testing.T, v []plexView) {
			assert.Equal(t, (5 * time.Minute).Milliseconds(), v[0].OffsetMs)
		}},
		{"pause holds the position", func() { x.Pause(); clock.Advance(2 * time.Minute) }, func(t *testing.T, v []plexView) {
			assert.Equal(t, "paused", v[0].State)
			assert.Equal(t, (5 * time.Minute).Milliseconds(), v[0].OffsetMs)
		}},
		{"seek", func() { x.Seek(20 * time.Minute) }, func(t *testing.T, v []plexView) {
			assert.Equal(t, (20 * time.Minute).Milliseconds(), v[0].OffsetMs)
			assert.Equal(t, "paused", v[0].State)
		}},
		{"resume and advance", func() { x.Resume(); x.Advance(time.Minute) }, func(t *testing.T, v []plexView) {
			assert.Equal(t, "playing", v[0].State)
			assert.Equal(t, (21 * time.Minute).Milliseconds(), v[0].OffsetMs)
		}},
		{"buffer", func() { x.Buffer() }, func(t *testing.T, v []plexView) {
			assert.Equal(t, "buffering", v[0].State)
		}},
		{"transcode appears under the same key", func() { x.Resume(); x.ChangeQuality(transcode720(), SameSession) }, func(t *testing.T, v []plexView) {
			assert.Equal(t, first.SessionKey, v[0].SessionKey)
			assert.Equal(t, first.ControlID, v[0].ControlID)
			assert.Equal(t, "transcode", v[0].PartDecision)
			assert.Equal(t, "transcode", v[0].VideoDecision)
			assert.Equal(t, "transcode", v[0].AudioDecision)
			assert.Contains(t, v[0].TranscodeKey, "/transcode/sessions/")
			assert.Equal(t, "transcode", v[0].TcVideo)
			assert.Equal(t, "nvdec", v[0].HWDecode)
			assert.Equal(t, "nvenc", v[0].HWEncode)
			assert.Less(t, v[0].Bandwidth, first.Bandwidth)
		}},
		{"direct stream keeps a transcode session that copies", func() {
			x.ChangeQuality(Delivery{Decision: model.StreamDecision{Overall: model.DecisionDirectStream}}, SameSession)
		}, func(t *testing.T, v []plexView) {
			assert.Equal(t, "copy", v[0].VideoDecision)
			assert.Equal(t, "copy", v[0].TcVideo)
			assert.Equal(t, "copy", v[0].TcAudio)
			assert.Empty(t, v[0].HWDecode)
		}},
		{"transcode disappears on direct play", func() { x.ChangeQuality(Delivery{}, SameSession) }, func(t *testing.T, v []plexView) {
			assert.Equal(t, first.SessionKey, v[0].SessionKey)
			assert.Equal(t, "directplay", v[0].PartDecision)
			assert.Empty(t, v[0].TranscodeKey)
			assert.Empty(t, v[0].VideoDecision)
		}},
		{"autoplay keeps the key and changes the item", func() { x.Autoplay(episodeItem(1, 2)) }, func(t *testing.T, v []plexView) {
			require.Len(t, v, 1)
			assert.Equal(t, first.SessionKey, v[0].SessionKey)
			assert.NotEqual(t, first.RatingKey, v[0].RatingKey)
			assert.Equal(t, 2, v[0].Episode)
			assert.Equal(t, int64(0), v[0].OffsetMs)
		}},
		{"stop", func() { x.Stop() }, func(t *testing.T, v []plexView) {
			assert.Empty(t, v)
			assert.Equal(t, model.StateStopped, x.State())
		}},
	}
	for _, st := range steps {
		t.Run(st.name, func(t *testing.T) {
			st.act()
			st.check(t, readPlex(t, c, srv))
		})
	}
}

func TestPlexQualityChangeNewSession(t *testing.T) {
	srv, clock := startServer(t, Config{Kind: model.KindPlex})
	c := httpClient(t, srv)
	old := srv.Play(aliceSpec(movieItem()))
	clock.Advance(10 * time.Minute)
	next := old.ChangeQuality(transcode720(), NewSession)
	require.True(t, old.Stopped())
	require.NotEqual(t, old.Key(), next.Key())
	require.NotEqual(t, old.ControlID(), next.ControlID())
	v := readPlex(t, c, srv)
	require.Len(t, v, 1)
	assert.Equal(t, next.Key(), v[0].SessionKey)
	assert.Equal(t, (10 * time.Minute).Milliseconds(), v[0].OffsetMs)
	assert.Equal(t, "dev-alice-shield", v[0].Machine)
	assert.Equal(t, "transcode", v[0].PartDecision)
}

func TestPlexElementsAndAddresses(t *testing.T) {
	srv, _ := startServer(t, Config{Kind: model.KindPlex, Owner: "boss"})
	c := httpClient(t, srv)
	tests := []struct {
		name     string
		spec     SessionSpec
		element  string
		address  string
		public   string
		local    bool
		userID   string
		location string
	}{
		{"movie remote", aliceSpec(movieItem()), "Video", "81.2.69.142", "81.2.69.142", false, "", "wan"},
		{"track on the lan", func() SessionSpec {
			s := aliceSpec(trackItem())
			s.User = User{Name: "boss"}
			s.Network = Network{IP: "192.168.1.20", PublicIP: "89.160.20.115", Local: true}
			return s
		}(), "Track", "192.168.1.20", "89.160.20.115", true, "1", "lan"},
		{"mapped ipv4", func() SessionSpec {
			s := aliceSpec(movieItem())
			s.Network = Network{IP: "216.160.83.57", Mapped: true}
			return s
		}(), "Video", "::ffff:216.160.83.57", "216.160.83.57", false, "", "wan"},
		{"ipv6", func() SessionSpec {
			s := aliceSpec(movieItem())
			s.Network = Network{IP: "2001:db8::5"}
			return s
		}(), "Video", "2001:db8::5", "2001:db8::5", false, "", "wan"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			x := srv.Play(tt.spec)
			defer x.Stop()
			views, names := readPlexXML(t, c, srv)
			require.Len(t, views, 1)
			assert.Equal(t, tt.element, names[0])
			assert.Equal(t, tt.address, views[0].Address)
			assert.Equal(t, tt.public, views[0].Public)
			assert.Equal(t, tt.local, views[0].Local)
			assert.Equal(t, tt.location, views[0].Location)
			if tt.userID != "" {
				assert.Equal(t, tt.userID, views[0].UserID)
			}
			assert.Equal(t, views, readPlexJSON(t, c, srv))
		})
	}
}

func TestPlexAuth(t *testing.T) {
	srv, _ := startServer(t, Config{Kind: model.KindPlex})
	c := httpClient(t, srv)
	tests := []struct {
		name   string
		path   string
		header http.Header
		want   int
	}{
		{"header token", "/status/sessions", http.Header{"X-Plex-Token": {srv.Token()}}, http.StatusOK},
		{"query token", "/status/sessions?X-Plex-Token=" + srv.Token(), nil, http.StatusOK},
		{"missing token", "/status/sessions", nil, http.StatusUnauthorized},
		{"wrong token", "/status/sessions", http.Header{"X-Plex-Token": {"nope"}}, http.StatusUnauthorized},
		{"emby header is not plex", "/status/sessions", http.Header{"X-Emby-Token": {srv.Token()}}, http.StatusUnauthorized},
		{"identity needs none", "/identity", nil, http.StatusOK},
		{"root needs one", "/", nil, http.StatusUnauthorized},
		{"events need one", "/:/eventsource/notifications", nil, http.StatusUnauthorized},
		{"accounts", "/accounts", http.Header{"X-Plex-Token": {srv.Token()}}, http.StatusOK},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, _, _ := call(t, c, http.MethodGet, srv.URL()+tt.path, tt.header)
			assert.Equal(t, tt.want, code)
		})
	}
}

func TestPlexServerEndpoints(t *testing.T) {
	srv, _ := startServer(t, Config{Kind: model.KindPlex, Name: "Basement", MachineID: "abc123", PlexPass: true})
	c := httpClient(t, srv)
	srv.Play(aliceSpec(movieItem()))
	h := plexHeader(srv, false)

	var ident struct {
		Machine string `xml:"machineIdentifier,attr"`
		Version string `xml:"version,attr"`
	}
	_, _, body := call(t, c, http.MethodGet, srv.URL()+"/identity", nil)
	require.NoError(t, xml.Unmarshal(body, &ident))
	assert.Equal(t, "abc123", ident.Machine)
	assert.Equal(t, srv.Version(), ident.Version)

	var root struct {
		Name         string `xml:"friendlyName,attr"`
		Machine      string `xml:"machineIdentifier,attr"`
		Subscription string `xml:"myPlexSubscription,attr"`
	}
	_, _, body = call(t, c, http.MethodGet, srv.URL()+"/", h)
	require.NoError(t, xml.Unmarshal(body, &root))
	assert.Equal(t, "Basement", root.Name)
	assert.Equal(t, "1", root.Subscription)

	var accounts struct {
		Account []struct {
			ID   string `xml:"id,attr"`
			Name string `xml:"name,attr"`
		} `xml:"Account"`
	}
	_, _, body = call(t, c, http.MethodGet, srv.URL()+"/accounts", h)
	require.NoError(t, xml.Unmarshal(body, &accounts))
	names := map[string]string{}
	for _, a := range accounts.Account {
		names[a.Name] = a.ID
	}
	assert.Equal(t, "1", names["admin"])
	assert.Contains(t, names, "alice")

	var sections struct {
		Directory []struct {
			Key  string `xml:"key,attr"`
			Type string `xml:"type,attr"`
		} `xml:"Directory"`
	}
	_, _, body = call(t, c, http.MethodGet, srv.URL()+"/library/sections", h)
	require.NoError(t, xml.Unmarshal(body, &sections))
	require.Len(t, sections.Directory, 4)
	assert.Equal(t, "movie", sections.Directory[0].Type)
}

func TestPlexTerminate(t *testing.T) {
	tests := []struct {
		name       string
		plexPass   bool
		method     string
		id         func(*Session) string
		wantCode   int
		wantStop   bool
		wantReason string
	}{
		{"without plex pass", false, http.MethodGet, (*Session).ControlID, http.StatusUnauthorized, false, ""},
		{"get", true, http.MethodGet, (*Session).ControlID, http.StatusOK, true, "Too many streams"},
		{"post", true, http.MethodPost, (*Session).ControlID, http.StatusOK, true, "Too many streams"},
		{"unknown session", true, http.MethodGet, func(*Session) string { return "nope" }, http.StatusNotFound, false, ""},
		{"sessionKey is not the id", true, http.MethodGet, (*Session).Key, http.StatusNotFound, false, ""},
		{"empty id", true, http.MethodGet, func(*Session) string { return "" }, http.StatusForbidden, false, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv, _ := startServer(t, Config{Kind: model.KindPlex, PlexPass: tt.plexPass})
			c := httpClient(t, srv)
			x := srv.Play(aliceSpec(movieItem()))
			url := srv.URL() + "/status/sessions/terminate?reason=Too+many+streams&sessionId=" + tt.id(x)
			code, _, body := call(t, c, tt.method, url, plexHeader(srv, false))
			assert.Equal(t, tt.wantCode, code)
			if !tt.plexPass {
				assert.Contains(t, string(body), "does not have the feature enabled")
			}
			assert.Equal(t, tt.wantStop, x.Stopped())
			assert.Equal(t, tt.wantReason, x.StopReason())
			left := 1
			if tt.wantStop {
				left = 0
			}
			assert.Len(t, readPlex(t, c, srv), left)
		})
	}
}
