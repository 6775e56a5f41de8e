package simulator

import (
	"math/rand/v2"
	"time"

	"github.com/streamwarden/streamwarden/backend/model"
)

// Plays yields n finished historical plays started between from and to,
// in start order and denser in the evening, spread over the given server
// ids (ServerID 0 when none). It streams: nothing is kept between plays,
// and plays share their read-only parts (ExternalIDs maps and
// TranscodeReasons slices must not be modified). Stop early by returning
// false from yield. Ids are in the format of the generator's Kind.
func (g *Generator) Plays(n int, from, to time.Time, servers []int64, yield func(model.Play) bool) {
	if n <= 0 || !to.After(from) {
		return
	}
	r := g.rng(0x706c617973)
	warp := newDiurnal(from, to)
	kind := g.opts.Kind
	for i := range n {
		start := warp.at((float64(i) + r.Float64()) / float64(n))
		p := g.play(r, kind, start, to)
		if len(servers) > 0 {
			p.ServerID = servers[r.IntN(len(servers))]
		}
		if !yield(p) {
			return
		}
	}
}

// play draws one finished play starting at start and stopping by end.
func (g *Generator) play(r *rand.Rand, kind model.ServerKind, start, end time.Time) model.Play {
	c := g.choose(r, kind)
	ci := &g.cat.items[c.item]
	dur := ci.item.Duration
	del := c.delivery.normalize(ci.item)
	var from, to time.Duration
	switch {
	case ci.item.Type == model.MediaLiveTV:
		to = time.Duration(10+r.IntN(80)) * time.Minute
	case r.IntN(100) < 55:
		to = dur - time.Duration(r.Float64()*0.08*float64(dur))
	default:
		to = time.Duration((0.02 + r.Float64()*0.83) * float64(dur))
	}
	if r.IntN(10) == 0 && ci.item.Type != model.MediaLiveTV {
		from = time.Duration(r.Float64() * float64(to))
	}
	var paused time.Duration
	if r.IntN(100) < 35 {
		paused = time.Duration(30+r.IntN(25*60)) * time.Second
	}
	stop := start.Add(to - from + paused)
	if stop.After(end) {
		stop = end
		paused = min(paused, stop.Sub(start))
	}
	watched := ci.item.Type != model.MediaLiveTV && dur > 0 && float64(to) >= 0.85*float64(dur)
	return model.Play{
		SessionKey: g.keys[r.IntN(len(g.keys))],
		User:       c.user.su,
		Device:     c.device.md,
		IP:         c.addr.ip,
		Local:      c.addr.local,
		Media:      ci.media,
		Source:     ci.item.Source,
		Stream:     del.Stream,
		Decision:   del.Decision,
		// The highest bandwidth seen: a little above the average.
		BandwidthKbps: del.BandwidthKbps + del.BandwidthKbps/10,
		LiveTV:        ci.item.Type == model.MediaLiveTV,
		State:         model.StateStopped,
		StartedAt:     start,
		StoppedAt:     stop,
		LastSeenAt:    stop,
		PausedMs:      paused.Milliseconds(),
		PositionMs:    to.Milliseconds(),
		Watched:       watched,
	}
}
