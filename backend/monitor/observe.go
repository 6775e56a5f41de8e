package monitor

import (
	"context"
	"errors"
	"log/slog"
	"math/rand/v2"
	"time"

	"github.com/streamwarden/streamwarden/backend/mediaserver"
	"github.com/streamwarden/streamwarden/backend/model"
)

const saveTimeout = 10 * time.Second

// observe feeds a complete session list to the tracker, saves what must
// be saved, and publishes the new live view.
func (m *ServerMonitor) observe(sessions []model.LiveSession, realtime bool) {
	now := m.cfg.Now().UTC()
	for i := range sessions {
		sessions[i].ServerID = m.server.ID
		sessions[i].ObservedAt = now
	}
	m.mu.Lock()
	changes := m.tracker.Observe(now, sessions)
	m.save(changes, now)
	m.live = m.liveView(sessions)
	m.status.LastContact = now
	m.status.Sessions = len(m.live)
	switch {
	case realtime:
		m.status.Connection = ConnRealtime
	case m.status.Connection != ConnRealtime:
		m.status.Connection = ConnPolling
	}
	m.status.LastError = ""
	m.mu.Unlock()
	m.bus.Publish(EventStatus, m.server.ID)
	m.bus.Publish(EventActivity, m.server.ID)
}

// failed records an unsuccessful poll: plays stay open through short
// outages; a rejected token is reported as such.
func (m *ServerMonitor) failed(err error) {
	now := m.cfg.Now().UTC()
	conn := ConnUnreachable
	var merr *mediaserver.Error
	if errors.As(err, &merr) && merr.Reason == mediaserver.ReasonUnauthorized {
		conn = ConnTokenRejected
	}
	m.mu.Lock()
	changes := m.tracker.Unreachable(now)
	m.save(changes, now)
	m.mu.Unlock()
	m.log.Warn("listing sessions failed", slog.Any("error", err))
	m.setConnection(conn, errorText(err))
}

// save inserts new plays, writes changed and stopped plays at once, and
// position-only updates at most every CheckpointInterval through the
// narrow progress path. Called with mu held.
func (m *ServerMonitor) save(changes []Change, now time.Time) {
	var inserts []*model.Play
	var insertKeys []string
	var updates, progress []model.Play
	for i := range changes {
		c := &changes[i]
		switch {
		case c.Play.ID == 0:
			inserts = append(inserts, &c.Play)
			insertKeys = append(insertKeys, c.key)
		case c.Kind != PlayUpdated || c.Material:
			updates = append(updates, c.Play)
		case now.Sub(m.lastSaved[c.Play.ID]) >= m.cfg.CheckpointInterval:
			progress = append(progress, c.Play)
		}
	}
	ctx, cancel := context.WithTimeout(context.Background(), saveTimeout)
	defer cancel()
	if err := m.store.SavePlays(ctx, inserts); err != nil {
		m.log.Error("saving new plays", slog.Any("error", err))
	} else {
		for i, p := range inserts {
			m.tracker.assignID(insertKeys[i], p.ID)
			m.markSaved(*p, now)
		}
	}
	if err := m.store.WritePlays(ctx, updates, progress); err != nil {
		m.log.Error("updating plays", slog.Any("error", err))
		return
	}
	for _, p := range append(updates, progress...) {
		m.markSaved(p, now)
	}
}

func (m *ServerMonitor) markSaved(p model.Play, now time.Time) {
	if p.StoppedAt.IsZero() {
		m.lastSaved[p.ID] = now
	} else {
		delete(m.lastSaved, p.ID)
	}
}

// checkpoint writes every open play as it is now, at shutdown.
func (m *ServerMonitor) checkpoint() {
	m.mu.Lock()
	defer m.mu.Unlock()
	var batch []model.Play
	for _, p := range m.tracker.Open() {
		if p.ID != 0 {
			batch = append(batch, p)
		}
	}
	ctx, cancel := context.WithTimeout(context.Background(), saveTimeout)
	defer cancel()
	if err := m.store.UpdatePlays(ctx, batch); err != nil {
		m.log.Error("checkpointing open plays", slog.Any("error", err))
	}
}

// liveView pairs each playing session with its play. Called with mu held.
func (m *ServerMonitor) liveView(sessions []model.LiveSession) []LiveSession {
	out := make([]LiveSession, 0, len(sessions))
	for _, s := range sessions {
		if s.State == model.StateStopped {
			continue
		}
		p, _ := m.tracker.PlayOf(s)
		out = append(out, LiveSession{LiveSession: s, ServerName: m.server.Name, PlayID: p.ID, StartedAt: p.StartedAt,
			Location: p.Location})
	}
	return out
}

func (m *ServerMonitor) setConnection(conn Connection, lastError string) {
	m.mu.Lock()
	changed := m.status.Connection != conn || m.status.LastError != lastError
	m.status.Connection, m.status.LastError = conn, lastError
	m.mu.Unlock()
	if changed {
		m.bus.Publish(EventStatus, m.server.ID)
	}
}

func (m *ServerMonitor) publishStatus() { m.bus.Publish(EventStatus, m.server.ID) }

// backoff waits 1 s, 2 s, 4 s… up to a minute, with jitter so many
// servers do not reconnect in step.
func backoff(attempt int) time.Duration {
	d := time.Second << min(attempt, 6)
	d = min(d, time.Minute)
	return d/2 + rand.N(d/2+1)
}

// closeAll stops every open play (the server is no longer watched).
func (m *ServerMonitor) closeAll() {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.save(m.tracker.StopAll(), m.cfg.Now().UTC())
	m.live = nil
}
