package simulator

import (
	"context"
	"math/rand/v2"
	"time"

	"github.com/streamwarden/streamwarden/backend/model"
)

// driven is a session Drive looks after.
type driven struct {
	sess *Session
	item int
}

// Drive keeps n sessions live on srv until ctx ends: it fills the server
// at once (with sessions part-way through), then every Tick pauses,
// resumes, buffers, seeks, switches quality, autoplays the next episode
// or track and stops sessions with realistic rates, starting new ones to
// stay at n. Positions move with the server's clock. When ctx ends it
// stops its sessions and returns nil.
func (g *Generator) Drive(ctx context.Context, srv *Server, n int) error {
	r := g.rng(hash64("drive", srv.MachineID()))
	kind := srv.Kind()
	var live []*driven
	defer func() {
		for _, d := range live {
			d.sess.Stop()
		}
	}()
	for first := true; ; first = false {
		live = g.tick(r, srv, kind, live, first)
		for len(live) < n {
			c := g.choose(r, kind)
			spec := g.spec(r, kind, c)
			if first {
				spec.Position = time.Duration(r.Float64() * 0.8 * float64(spec.Item.Duration))
			}
			live = append(live, &driven{sess: srv.Play(spec), item: c.item})
		}
		if err := g.opts.Sleep(ctx, g.opts.Tick); err != nil {
			return nil
		}
	}
}

// tick applies one round of changes and returns the sessions still live.
func (g *Generator) tick(r *rand.Rand, srv *Server, kind model.ServerKind, live []*driven, first bool) []*driven {
	if first {
		return live
	}
	step := float64(g.opts.Tick)
	chance := func(mean time.Duration) bool { return r.Float64() < step/float64(mean) }
	kept := live[:0]
	for _, d := range live {
		x := d.sess
		switch x.State() {
		case model.StateStopped:
			continue
		case model.StateBuffering:
			x.Resume()
		case model.StatePaused:
			switch {
			case chance(4 * time.Minute):
				x.Resume()
			case chance(40 * time.Minute):
				x.Stop()
				continue
			}
		default:
			if !g.playing(r, d, chance) {
				continue
			}
		}
		kept = append(kept, d)
	}
	clear(live[len(kept):])
	return kept
}

// playing moves a playing session on; false when it stopped.
func (g *Generator) playing(r *rand.Rand, d *driven, chance func(time.Duration) bool) bool {
	x := d.sess
	item := g.cat.items[d.item]
	if left := item.item.Duration - x.Position(); left <= 2*g.opts.Tick && item.item.Type != model.MediaLiveTV {
		if item.next >= 0 && r.IntN(10) < 7 {
			d.item = item.next
			x.Autoplay(g.cat.items[item.next].item)
			return true
		}
		x.Stop()
		return false
	}
	switch {
	case chance(25 * time.Minute):
		x.Pause()
	case chance(40 * time.Minute):
		x.Buffer()
	case chance(45 * time.Minute):
		x.Seek(time.Duration(r.Float64() * float64(item.item.Duration)))
	case chance(60 * time.Minute):
		it := item.item
		del := pickDelivery(r, it.Source, it.isVideo(), false, &g.reasons)
		mode := SameSession
		if r.IntN(2) == 0 {
			mode = NewSession
		}
		d.sess = x.ChangeQuality(del, mode)
	case chance(90 * time.Minute):
		x.Stop()
		return false
	}
	return true
}
