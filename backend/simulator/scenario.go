package simulator

import (
	"context"
	"fmt"
	"time"
)

// Action is what a scenario step does to a session.
type Action string

const (
	ActionPlay          Action = "play"
	ActionPause         Action = "pause"
	ActionResume        Action = "resume"
	ActionBuffer        Action = "buffer"
	ActionSeek          Action = "seek"
	ActionAdvance       Action = "advance"
	ActionChangeQuality Action = "change-quality"
	ActionAutoplay      Action = "autoplay"
	ActionStop          Action = "stop"
)

// Step is one action at an offset from the scenario's start.
type Step struct {
	At time.Duration
	// Session names the session the step acts on; a play step gives the
	// name to the session it starts.
	Session string
	Action  Action
	// Spec is what a play step starts.
	Spec SessionSpec
	// Position is where a seek step moves to.
	Position time.Duration
	// By is how far an advance step moves.
	By time.Duration
	// Delivery and Mode are a change-quality step's new delivery and how
	// the client switches.
	Delivery Delivery
	Mode     QualityMode
	// Next is the item an autoplay step moves on to.
	Next MediaItem
}

// Scenario is a script of session actions.
type Scenario struct {
	Name  string
	Steps []Step
}

// Validate checks that steps are in time order and act on sessions
// started earlier.
func (sc Scenario) Validate() error {
	started := map[string]bool{}
	var last time.Duration
	for i, st := range sc.Steps {
		if st.At < last {
			return fmt.Errorf("step %d of %q is at %s, before the step ahead of it", i, sc.Name, st.At)
		}
		last = st.At
		if st.Session == "" {
			return fmt.Errorf("step %d of %q names no session", i, sc.Name)
		}
		switch {
		case st.Action == ActionPlay:
			started[st.Session] = true
		case !started[st.Session]:
			return fmt.Errorf("step %d of %q acts on %q before it plays", i, sc.Name, st.Session)
		}
	}
	return nil
}

// Run applies the scenario's steps to srv in order, waiting through sleep
// until each step's offset. With a ManualClock's Sleep as sleep and its
// Now as the server's clock it runs instantly and positions move exactly
// with the offsets. It returns the sessions by name (after a quality
// change with NewSession, the new session).
func Run(ctx context.Context, srv *Server, sc Scenario, sleep SleepFunc) (map[string]*Session, error) {
	if err := sc.Validate(); err != nil {
		return nil, fmt.Errorf("running scenario: %w", err)
	}
	if sleep == nil {
		sleep = RealSleep
	}
	sessions := map[string]*Session{}
	var elapsed time.Duration
	for i, st := range sc.Steps {
		if wait := st.At - elapsed; wait > 0 {
			if err := sleep(ctx, wait); err != nil {
				return sessions, fmt.Errorf("running scenario %q at step %d: %w", sc.Name, i, err)
			}
			elapsed = st.At
		}
		if err := apply(srv, sessions, st); err != nil {
			return sessions, fmt.Errorf("running scenario %q at step %d: %w", sc.Name, i, err)
		}
	}
	return sessions, nil
}

func apply(srv *Server, sessions map[string]*Session, st Step) error {
	if st.Action == ActionPlay {
		sessions[st.Session] = srv.Play(st.Spec)
		return nil
	}
	x := sessions[st.Session]
	switch st.Action {
	case ActionPause:
		x.Pause()
	case ActionResume:
		x.Resume()
	case ActionBuffer:
		x.Buffer()
	case ActionSeek:
		x.Seek(st.Position)
	case ActionAdvance:
		x.Advance(st.By)
	case ActionChangeQuality:
		sessions[st.Session] = x.ChangeQuality(st.Delivery, st.Mode)
	case ActionAutoplay:
		x.Autoplay(st.Next)
	case ActionStop:
		x.Stop()
	default:
		return fmt.Errorf("unknown action %q", st.Action)
	}
	return nil
}
