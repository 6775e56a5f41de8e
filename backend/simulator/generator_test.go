package simulator

import (
	"context"
	"net/netip"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/streamwarden/streamwarden/backend/model"
)

var (
	playsFrom = time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)
	playsTo   = time.Date(2024, 12, 31, 0, 0, 0, 0, time.UTC)
)

func collectPlays(g *Generator, n int, servers []int64) []model.Play {
	var out []model.Play
	g.Plays(n, playsFrom, playsTo, servers, func(p model.Play) bool {
		out = append(out, p)
		return true
	})
	return out
}

func TestGeneratorDeterministic(t *testing.T) {
	tests := []struct {
		name string
		a, b int64
		same bool
	}{
		{"same seed", 42, 42, true},
		{"other seed", 42, 43, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			pa := collectPlays(NewGenerator(tt.a, GeneratorOptions{}), 500, []int64{1, 2})
			pb := collectPlays(NewGenerator(tt.b, GeneratorOptions{}), 500, []int64{1, 2})
			if tt.same {
				assert.Equal(t, pa, pb)
			} else {
				assert.NotEqual(t, pa, pb)
			}
			ga, gb := NewGenerator(tt.a, GeneratorOptions{}), NewGenerator(tt.b, GeneratorOptions{})
			for i := range uint64(20) {
				if tt.same {
					assert.Equal(t, ga.Spec(model.KindJellyfin, i), gb.Spec(model.KindJellyfin, i))
				}
			}
		})
	}
}

func TestGeneratorPlays(t *testing.T) {
	for _, kind := range allKinds() {
		t.Run(string(kind), func(t *testing.T) {
			g := NewGenerator(7, GeneratorOptions{Kind: kind})
			plays := collectPlays(g, 20000, []int64{3, 5})
			require.Len(t, plays, 20000)
			nets := Networks()
			lookup := func(ip string) (NetworkInfo, bool) {
				addr, err := netip.ParseAddr(ip)
				require.NoError(t, err, ip)
				for _, n := range nets {
					if n.Prefix.Contains(addr) {
						return n, true
					}
				}
				return NetworkInfo{}, false
			}
			countries, kinds, decisions, types := map[string]int{}, map[NetworkKind]int{}, map[model.Decision]int{}, map[model.MediaType]int{}
			users, ipv6, local, watched := map[string]bool{}, 0, 0, 0
			hours := [24]int{}
			for i, p := range plays {
				ok := !p.StartedAt.Before(playsFrom) && p.StartedAt.Before(playsTo) &&
					!p.StoppedAt.Before(p.StartedAt) && !p.StoppedAt.After(playsTo) &&
					(i == 0 || !p.StartedAt.Before(plays[i-1].StartedAt)) &&
					(p.ServerID == 3 || p.ServerID == 5) && p.State == model.StateStopped &&
					p.User.ID != "" && p.Device.ID != "" && p.Media.ItemID != "" && p.WatchMs() >= 0
				require.True(t, ok, "play %d is in range, in order and complete: %+v", i, p)
				if netip.MustParseAddr(p.IP).Is6() {
					ipv6++
				}
				n, ok := lookup(p.IP)
				require.True(t, ok, p.IP)
				kinds[n.Kind]++
				if n.Country != "" {
					countries[n.Country]++
				}
				assert.Equal(t, n.Kind == NetworkLAN, p.Local, p.IP)
				if p.Local {
					local++
				}
				if p.Watched {
					watched++
				}
				users[p.User.ID] = true
				decisions[p.Decision.Overall]++
				types[p.Media.Type]++
				hours[p.StartedAt.Hour()]++
			}
			assert.GreaterOrEqual(t, len(countries), 25, "many countries")
			assert.Positive(t, kinds[NetworkLAN], "LAN plays")
			assert.Positive(t, kinds[NetworkCGNAT], "CGNAT plays")
			assert.Positive(t, kinds[NetworkDocumentation], "unlocatable plays")
			assert.Positive(t, ipv6, "IPv6 plays")
			assert.Greater(t, len(users), 150, "hundreds of users")
			assert.Greater(t, decisions[model.DecisionDirectPlay], decisions[model.DecisionTranscode])
			assert.Positive(t, decisions[model.DecisionDirectStream])
			assert.Positive(t, decisions[model.DecisionTranscode])
			assert.Greater(t, types[model.MediaEpisode], types[model.MediaMovie])
			assert.Positive(t, types[model.MediaTrack])
			assert.Positive(t, types[model.MediaLiveTV])
			assert.InDelta(t, 0.5, float64(watched)/float64(len(plays)), 0.15)
			assert.Greater(t, hours[20], 3*hours[4], "evenings are busier than nights")
			assert.Positive(t, local)
		})
	}
}

func TestGeneratorIDsMatchServers(t *testing.T) {
	for _, kind := range allKinds() {
		t.Run(string(kind), func(t *testing.T) {
			g := NewGenerator(11, GeneratorOptions{Kind: kind})
			srv, _ := startServer(t, Config{Kind: kind})
			spec := g.Spec(kind, 3)
			x := srv.Play(spec)
			var play model.Play
			g.Plays(1, playsFrom, playsTo, nil, func(p model.Play) bool { play = p; return false })
			assert.Equal(t, userID(kind, "", play.User.Name), play.User.ID, "plays use the server's id format")
			assert.Equal(t, userID(kind, "", spec.User.Name), x.User().ID)
			assert.Equal(t, itemID(kind, spec.Item), modelMedia(kind, spec.Item).ItemID)
		})
	}
}

func TestGeneratorPlaysStopsEarly(t *testing.T) {
	g := NewGenerator(1, GeneratorOptions{})
	n := 0
	g.Plays(1000, playsFrom, playsTo, nil, func(model.Play) bool { n++; return n < 10 })
	assert.Equal(t, 10, n)
	g.Plays(10, playsTo, playsFrom, nil, func(model.Play) bool { t.Fatal("empty range yields nothing"); return false })
}

func TestGeneratorDrive(t *testing.T) {
	for _, kind := range allKinds() {
		t.Run(string(kind), func(t *testing.T) {
			srv, clock := startServer(t, Config{Kind: kind})
			ctx, cancel := context.WithCancel(context.Background())
			defer cancel()
			ticks, states := 0, map[model.PlaybackState]int{}
			var sizes []int
			autoplays := 0
			lastItem := map[string]string{}
			sleep := func(ctx context.Context, d time.Duration) error {
				ticks++
				sizes = append(sizes, len(srv.Sessions()))
				for _, x := range srv.Sessions() {
					states[x.State()]++
					if prev, ok := lastItem[x.Key()]; ok && prev != x.Item().Title {
						autoplays++
					}
					lastItem[x.Key()] = x.Item().Title
				}
				if ticks == 3000 {
					cancel()
				}
				return clock.Sleep(ctx, d)
			}
			g := NewGenerator(5, GeneratorOptions{Tick: 10 * time.Second, Sleep: sleep})
			require.NoError(t, g.Drive(ctx, srv, 12))
			for _, n := range sizes {
				require.Equal(t, 12, n, "Drive keeps n sessions live")
			}
			assert.Positive(t, states[model.StatePlaying])
			assert.Positive(t, states[model.StatePaused])
			assert.Positive(t, autoplays, "some sessions move on to the next item")
			assert.Empty(t, srv.Sessions(), "Drive stops its sessions when done")
		})
	}
}

func TestNetworks(t *testing.T) {
	countries := map[string]bool{}
	for _, n := range Networks() {
		require.True(t, n.Prefix.IsValid())
		if n.Kind == NetworkPublic {
			require.NotEmpty(t, n.Country)
			require.NotEmpty(t, n.City)
			require.False(t, n.Latitude == 0 && n.Longitude == 0)
			countries[n.Country] = true
		}
	}
	assert.GreaterOrEqual(t, len(countries), 40)
	tests := []struct {
		ip      string
		kind    NetworkKind
		country string
	}{
		{"81.2.69.142", NetworkPublic, "GB"},
		{"::ffff:89.160.20.115", NetworkPublic, "SE"},
		{"192.168.1.4", NetworkLAN, ""},
		{"100.100.1.1", NetworkCGNAT, ""},
		{"203.0.113.9", NetworkDocumentation, ""},
	}
	for _, tt := range tests {
		n, ok := LookupNetwork(tt.ip)
		require.True(t, ok, tt.ip)
		assert.Equal(t, tt.kind, n.Kind, tt.ip)
		assert.Equal(t, tt.country, n.Country, tt.ip)
	}
	_, ok := LookupNetwork("8.8.8.8")
	assert.False(t, ok)
}

func BenchmarkGeneratorPlays(b *testing.B) {
	g := NewGenerator(1, GeneratorOptions{})
	servers := []int64{1, 2, 3}
	b.ReportAllocs()
	b.ResetTimer()
	var watched int
	g.Plays(b.N, playsFrom, playsTo, servers, func(p model.Play) bool {
		if p.Watched {
			watched++
		}
		return true
	})
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "plays/s")
	_ = watched
}

// TestDriveUnderLoad drives a server on the wall clock while plain clients
// poll it and follow its realtime channel, for the race detector.
func TestDriveUnderLoad(t *testing.T) {
	for _, kind := range allKinds() {
		t.Run(string(kind), func(t *testing.T) {
			srv, err := Start(context.Background(), Config{Kind: kind, ProgressInterval: 5 * time.Millisecond})
			require.NoError(t, err)
			defer srv.Close()
			c := httpClient(t, srv)
			ctx, cancel := context.WithCancel(context.Background())
			done := make(chan error, 1)
			g := NewGenerator(9, GeneratorOptions{Tick: time.Millisecond})
			go func() { done <- g.Drive(ctx, srv, 8) }()

			if kind == model.KindPlex {
				frames := openSSE(t, c, srv.URL()+"/:/eventsource/notifications", plexHeader(srv, false))
				for range 20 {
					waitFor(t, frames, func(f sseFrame) bool { return f.Event == "playing" })
				}
			} else {
				conn, msgs := openSocket(t, srv, socketPath(srv), embyHeader(srv))
				send(t, conn, "SessionsStart", "0,5")
				for range 20 {
					waitFor(t, msgs, isType(t, "Sessions"))
				}
			}
			for range 20 {
				keys := sessionKeys(t, c, srv)
				assert.LessOrEqual(t, len(keys), 8+1)
			}
			cancel()
			require.NoError(t, <-done)
			assert.Empty(t, srv.Sessions())
		})
	}
}
