package monitor

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/streamwarden/streamwarden/backend/model"
)

var t0 = time.Date(2026, 3, 1, 20, 0, 0, 0, time.UTC)

func at(sec int) time.Time { return t0.Add(time.Duration(sec) * time.Second) }

func session(key, user, device, item string, state model.PlaybackState, posSec int) model.LiveSession {
	return model.LiveSession{
		Key: key, ControlID: "c-" + key,
		User:   model.SessionUser{ID: user, Name: "name-" + user},
		Device: model.Device{ID: device, Name: "dev-" + device},
		IP:     "203.0.113.7",
		Media:  model.Media{Type: model.MediaEpisode, ItemID: item, Title: "item " + item, DurationMs: 1_000_000},
		State:  state, PositionMs: int64(posSec) * 1000,
		Decision: model.StreamDecision{Overall: model.DecisionDirectPlay},
	}
}

func kinds(changes []Change) map[ChangeKind]int {
	out := map[ChangeKind]int{}
	for _, c := range changes {
		out[c.Kind]++
	}
	return out
}

func only(t *testing.T, changes []Change, kind ChangeKind) model.Play {
	t.Helper()
	var found []model.Play
	for _, c := range changes {
		if c.Kind == kind {
			found = append(found, c.Play)
		}
	}
	require.Len(t, found, 1, "want exactly one change of kind %d in %+v", kind, changes)
	return found[0]
}

func newTestTracker() *Tracker { return NewTracker(1, DefaultTrackerConfig()) }

func TestStartUpdateAndStopAfterTwoMissedObservations(t *testing.T) {
	tr := newTestTracker()
	started := only(t, tr.Observe(at(0), []model.LiveSession{session("1", "u", "d", "ep1", model.StatePlaying, 0)}), PlayStarted)
	assert.Equal(t, at(0), started.StartedAt)
	assert.Equal(t, "203.0.113.7", started.IP)

	upd := tr.Observe(at(10), []model.LiveSession{session("1", "u", "d", "ep1", model.StatePlaying, 10)})
	assert.Equal(t, map[ChangeKind]int{PlayUpdated: 1}, kinds(upd))
	assert.False(t, upd[0].Material, "only the position moved")

	assert.Empty(t, tr.Observe(at(20), nil), "one missed observation is not a stop")
	stopped := only(t, tr.Observe(at(30), nil), PlayStopped)
	assert.Equal(t, at(10), stopped.StoppedAt, "a play stops when it was last seen")
	assert.EqualValues(t, 10_000, stopped.WatchMs())
	assert.Empty(t, tr.Open())
}

func TestReappearingAfterOneMissedObservationContinues(t *testing.T) {
	tr := newTestTracker()
	tr.Observe(at(0), []model.LiveSession{session("1", "u", "d", "ep1", model.StatePlaying, 0)})
	tr.Observe(at(10), nil)
	changes := tr.Observe(at(20), []model.LiveSession{session("1", "u", "d", "ep1", model.StatePlaying, 20)})
	assert.Equal(t, map[ChangeKind]int{PlayUpdated: 1}, kinds(changes))
	assert.Empty(t, tr.Observe(at(30), nil), "the missed count was reset")
}

func TestPausesAreNotWatchTime(t *testing.T) {
	tr := newTestTracker()
	tr.Observe(at(0), []model.LiveSession{session("1", "u", "d", "ep1", model.StatePlaying, 0)})
	c := tr.Observe(at(60), []model.LiveSession{session("1", "u", "d", "ep1", model.StatePaused, 60)})
	assert.True(t, c[0].Material, "a state change is material")
	tr.Observe(at(360), []model.LiveSession{session("1", "u", "d", "ep1", model.StatePaused, 60)})
	tr.Observe(at(420), []model.LiveSession{session("1", "u", "d", "ep1", model.StatePlaying, 60)})
	tr.Observe(at(480), []model.LiveSession{session("1", "u", "d", "ep1", model.StatePlaying, 120)})
	tr.Observe(at(490), nil)
	stopped := only(t, tr.Observe(at(500), nil), PlayStopped)
	assert.EqualValues(t, 360_000, stopped.PausedMs, "paused from 60 s to 420 s")
	assert.EqualValues(t, 120_000, stopped.WatchMs(), "480 s on the clock minus 360 s paused")
}

func TestBufferingCountsAsPlaying(t *testing.T) {
	tr := newTestTracker()
	tr.Observe(at(0), []model.LiveSession{session("1", "u", "d", "ep1", model.StateBuffering, 0)})
	tr.Observe(at(30), []model.LiveSession{session("1", "u", "d", "ep1", model.StatePlaying, 25)})
	require.Len(t, tr.Open(), 1)
	assert.Zero(t, tr.Open()[0].PausedMs)
}

func TestAutoplayEndsOnePlayAndStartsTheNext(t *testing.T) {
	tr := newTestTracker()
	tr.Observe(at(0), []model.LiveSession{session("1", "u", "d", "ep1", model.StatePlaying, 0)})
	tr.Observe(at(1300), []model.LiveSession{session("1", "u", "d", "ep1", model.StatePlaying, 900)})
	changes := tr.Observe(at(1310), []model.LiveSession{session("1", "u", "d", "ep2", model.StatePlaying, 5)})
	stopped := only(t, changes, PlayStopped)
	started := only(t, changes, PlayStarted)
	assert.Equal(t, "ep1", stopped.Media.ItemID)
	assert.True(t, stopped.Watched, "900 s of 1000 s is past 85 %")
	assert.Equal(t, at(1300), stopped.StoppedAt)
	assert.Equal(t, "ep2", started.Media.ItemID)
	assert.Equal(t, at(1310), started.StartedAt)
	assert.False(t, started.Watched)
}

func TestNewSessionForSameUserDeviceItemContinuesThePlay(t *testing.T) {
	tr := newTestTracker()
	first := only(t, tr.Observe(at(0), []model.LiveSession{session("1", "u", "d", "movie", model.StatePlaying, 0)}), PlayStarted)
	q := session("2", "u", "d", "movie", model.StatePlaying, 12)
	q.Decision.Overall = model.DecisionTranscode
	changes := tr.Observe(at(12), []model.LiveSession{q})
	assert.Equal(t, map[ChangeKind]int{PlayUpdated: 1}, kinds(changes), "a quality change is not a new play")
	assert.True(t, changes[0].Material)
	assert.Equal(t, "2", changes[0].Play.SessionKey)
	assert.Equal(t, first.StartedAt, changes[0].Play.StartedAt)
	assert.Equal(t, model.DecisionTranscode, changes[0].Play.Decision.Overall)

	other := session("3", "u", "other-device", "movie", model.StatePlaying, 0)
	changes = tr.Observe(at(20), []model.LiveSession{q, other})
	assert.Equal(t, 1, kinds(changes)[PlayStarted], "another device is another play")
}

func TestTwoSessionsOfOneUserAreTwoPlays(t *testing.T) {
	tr := newTestTracker()
	changes := tr.Observe(at(0), []model.LiveSession{
		session("1", "u", "tv", "a", model.StatePlaying, 0),
		session("2", "u", "phone", "b", model.StatePlaying, 0),
	})
	assert.Equal(t, 2, kinds(changes)[PlayStarted])
	assert.Len(t, tr.Open(), 2)
}

func TestOutageKeepsPlaysOpenThenStopsThem(t *testing.T) {
	tr := newTestTracker()
	tr.Observe(at(0), []model.LiveSession{session("1", "u", "d", "ep1", model.StatePlaying, 0)})
	for sec := 10; sec < 600; sec += 10 {
		require.Empty(t, tr.Unreachable(at(sec)), "failed polls never stop plays early")
	}
	changes := tr.Observe(at(600), []model.LiveSession{session("1", "u", "d", "ep1", model.StatePlaying, 590)})
	assert.Equal(t, map[ChangeKind]int{PlayUpdated: 1}, kinds(changes), "the play survives the outage")

	stopped := only(t, tr.Unreachable(at(600+600)), PlayStopped)
	assert.Equal(t, at(600), stopped.StoppedAt)
}

func TestRestoreContinuesPlaysAfterRestart(t *testing.T) {
	before := newTestTracker()
	before.Observe(at(0), []model.LiveSession{session("1", "u", "d", "ep1", model.StatePlaying, 0)})
	open := before.Open()
	open[0].ID = 42

	after := newTestTracker()
	after.Restore(open)
	changes := after.Observe(at(30), []model.LiveSession{session("1", "u", "d", "ep1", model.StatePlaying, 30)})
	updated := only(t, changes, PlayUpdated)
	assert.EqualValues(t, 42, updated.ID, "the same row continues: no double count")
	assert.Equal(t, at(0), updated.StartedAt)

	gone := newTestTracker()
	gone.Restore(open)
	assert.Empty(t, gone.Observe(at(30), nil))
	stopped := only(t, gone.Observe(at(40), nil), PlayStopped)
	assert.Equal(t, at(0), stopped.StoppedAt, "a play that ended while we were down stops when it was last seen")
}

func TestStoppedStateEndsThePlay(t *testing.T) {
	tr := newTestTracker()
	tr.Observe(at(0), []model.LiveSession{session("1", "u", "d", "ep1", model.StatePlaying, 0)})
	stopped := only(t, tr.Observe(at(10), []model.LiveSession{session("1", "u", "d", "ep1", model.StateStopped, 10)}), PlayStopped)
	assert.Equal(t, at(10), stopped.StoppedAt)
	assert.EqualValues(t, 10_000, stopped.PositionMs)
	assert.Empty(t, tr.Observe(at(20), []model.LiveSession{session("1", "u", "d", "ep1", model.StateStopped, 10)}))
}

func TestStopAll(t *testing.T) {
	tr := newTestTracker()
	tr.Observe(at(0), []model.LiveSession{session("1", "u", "d", "a", model.StatePlaying, 0), session("2", "v", "e", "b", model.StatePlaying, 0)})
	assert.Equal(t, map[ChangeKind]int{PlayStopped: 2}, kinds(tr.StopAll()))
	assert.Empty(t, tr.Open())
}
