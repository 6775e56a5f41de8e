package simulator

import (
	"context"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/streamwarden/streamwarden/backend/model"
)

// snapshot is what a scenario test sees of the live sessions at one sleep.
type snapshot struct {
	at       time.Duration
	key      string
	user     string
	device   string
	country  string
	title    string
	state    model.PlaybackState
	position time.Duration
}

// observe runs sc with a manual clock and records the live sessions just
// before every wait.
func observe(t *testing.T, kind model.ServerKind, sc Scenario) ([]snapshot, *Server, map[string]*Session) {
	t.Helper()
	srv, clock := startServer(t, Config{Kind: kind})
	var seen []snapshot
	var elapsed time.Duration
	sleep := func(ctx context.Context, d time.Duration) error {
		for _, x := range srv.Sessions() {
			country := ""
			if n, ok := LookupNetwork(x.Network().IP); ok {
				country = n.Country
			}
			seen = append(seen, snapshot{
				at: elapsed, key: x.Key(), user: x.User().Name, device: x.Device().ID, country: country,
				title: x.Item().Title, state: x.State(), position: x.Position(),
			})
		}
		elapsed += d
		return clock.Sleep(ctx, d)
	}
	sessions, err := Run(context.Background(), srv, sc, sleep)
	require.NoError(t, err)
	return seen, srv, sessions
}

func TestBuiltinScenarios(t *testing.T) {
	tests := []struct {
		name  string
		check func(t *testing.T, seen []snapshot)
	}{
		{ScenarioPauseResume, func(t *testing.T, seen []snapshot) {
			last := seen[len(seen)-1]
			assert.Equal(t, 21*time.Minute, last.at)
			assert.Equal(t, model.StatePlaying, last.state)
			// 10 min start + 5 + 12 minutes played; 4 minutes paused.
			assert.Equal(t, 27*time.Minute, last.position)
			assert.Equal(t, model.StatePaused, seen[1].state)
		}},
		{ScenarioAutoplayNext, func(t *testing.T, seen []snapshot) {
			require.Len(t, seen, 3)
			assert.Equal(t, seen[0].key, seen[2].key, "autoplay keeps the session")
			assert.Equal(t, []string{"Chapter 1", "Chapter 2", "Chapter 3"}, []string{seen[0].title, seen[1].title, seen[2].title})
			assert.Equal(t, 40*time.Minute, seen[0].position)
			assert.Equal(t, time.Duration(0), seen[1].position, "the next item starts at its beginning")
		}},
		{ScenarioQualitySameSession, func(t *testing.T, seen []snapshot) {
			assert.Equal(t, seen[0].key, seen[len(seen)-1].key)
		}},
		{ScenarioQualityNewSession, func(t *testing.T, seen []snapshot) {
			require.Len(t, seen, 2)
			assert.NotEqual(t, seen[0].key, seen[1].key, "a new session id")
			assert.Equal(t, seen[0].device, seen[1].device)
			assert.Equal(t, seen[0].title, seen[1].title)
			assert.Equal(t, 10*time.Minute, seen[1].position)
		}},
		{ScenarioTwoCountries, func(t *testing.T, seen []snapshot) {
			countries := map[string]string{}
			for _, s := range seen {
				countries[s.user] = s.country
			}
			assert.Equal(t, map[string]string{"alice": "GB", "bob": "SE"}, countries)
		}},
		{ScenarioSharedAccount, func(t *testing.T, seen []snapshot) {
			last := seen[len(seen)-1]
			both := map[string]bool{}
			for _, s := range seen {
				if s.at == last.at {
					assert.Equal(t, "alice", s.user)
					both[s.country] = true
				}
			}
			assert.Equal(t, map[string]bool{"GB": true, "US": true}, both)
		}},
	}
	require.Len(t, tests, len(ScenarioNames()))
	for _, kind := range allKinds() {
		for _, tt := range tests {
			t.Run(string(kind)+"/"+tt.name, func(t *testing.T) {
				sc, ok := BuiltinScenario(tt.name, kind)
				require.True(t, ok)
				seen, srv, sessions := observe(t, kind, sc)
				require.NotEmpty(t, seen)
				tt.check(t, seen)
				assert.Empty(t, srv.Sessions(), "every scenario ends stopped")
				for _, x := range sessions {
					assert.True(t, x.Stopped())
				}
			})
		}
	}
	_, ok := BuiltinScenario("nope", model.KindPlex)
	assert.False(t, ok)
}

func TestScenarioValidation(t *testing.T) {
	spec := aliceSpec(movieItem())
	tests := []struct {
		name  string
		steps []Step
	}{
		{"out of order", []Step{{At: time.Minute, Session: "a", Action: ActionPlay, Spec: spec}, {At: 0, Session: "a", Action: ActionStop}}},
		{"unknown session", []Step{{Session: "a", Action: ActionPlay, Spec: spec}, {Session: "b", Action: ActionPause}}},
		{"no session name", []Step{{Action: ActionPlay, Spec: spec}}},
	}
	srv, clock := startServer(t, Config{Kind: model.KindPlex})
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Run(context.Background(), srv, Scenario{Name: tt.name, Steps: tt.steps}, clock.Sleep)
			assert.Error(t, err)
			assert.Empty(t, srv.Sessions())
		})
	}
	t.Run("unknown action", func(t *testing.T) {
		_, err := Run(context.Background(), srv, Scenario{Steps: []Step{
			{Session: "a", Action: ActionPlay, Spec: spec}, {Session: "a", Action: "dance"},
		}}, clock.Sleep)
		assert.Error(t, err)
	})
	t.Run("cancelled", func(t *testing.T) {
		ctx, cancel := context.WithCancel(context.Background())
		cancel()
		_, err := Run(ctx, srv, Scenario{Steps: []Step{
			{Session: "c", Action: ActionPlay, Spec: spec}, {At: time.Hour, Session: "c", Action: ActionStop},
		}}, RealSleep)
		assert.ErrorIs(t, err, context.Canceled)
	})
}

func TestScenarioRealClock(t *testing.T) {
	srv, err := Start(context.Background(), Config{Kind: model.KindJellyfin})
	require.NoError(t, err)
	defer srv.Close()
	sc := Scenario{Name: "quick", Steps: []Step{
		{Session: "a", Action: ActionPlay, Spec: aliceSpec(movieItem())},
		{At: 20 * time.Millisecond, Session: "a", Action: ActionPause},
		{At: 40 * time.Millisecond, Session: "a", Action: ActionStop},
	}}
	start := time.Now()
	sessions, err := Run(context.Background(), srv, sc, nil)
	require.NoError(t, err)
	assert.GreaterOrEqual(t, time.Since(start), 40*time.Millisecond)
	assert.True(t, sessions["a"].Stopped())
	assert.GreaterOrEqual(t, sessions["a"].Position(), 15*time.Millisecond)
}
