package simulator

import (
	"encoding/json"
	"io"
	"net/http"
	"strconv"
	"time"

	"github.com/streamwarden/streamwarden/backend/model"
)

func (s *Server) embyRoutes(mux *http.ServeMux, prefix string) {
	s.route(mux, "GET "+prefix+"/System/Info/Public", false, false, s.embyPublicInfo)
	s.route(mux, "GET "+prefix+"/System/Info", true, false, s.embyInfo)
	s.route(mux, "GET "+prefix+"/Sessions", true, false, s.embySessions)
	s.route(mux, "POST "+prefix+"/Sessions/{id}/Message", true, false, s.embyMessage)
	s.route(mux, "POST "+prefix+"/Sessions/{id}/Playing/{command}", true, false, s.embyCommand)
	s.route(mux, "GET "+prefix+"/Users", true, false, s.embyUsers)
	s.route(mux, "GET "+prefix+"/Library/VirtualFolders", true, false, s.embyVirtualFolders)
	if s.cfg.Kind == model.KindJellyfin {
		s.route(mux, "GET /socket", true, true, s.embySocket)
	} else {
		s.route(mux, "GET "+prefix+"/embywebsocket", true, true, s.embySocket)
	}
}

func (s *Server) embySessions(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	device := queryFold(q, "deviceId")
	within, _ := strconv.Atoi(queryFold(q, "activeWithinSeconds"))
	writeJSON(w, http.StatusOK, s.embySnapshot(device, time.Duration(within)*time.Second))
}

// embySnapshot lists the sessions, playing first then idle, optionally
// only one device's and only those active within a window.
func (s *Server) embySnapshot(device string, within time.Duration) []embySession {
	s.mu.Lock()
	defer s.mu.Unlock()
	now := s.cfg.Now()
	out := make([]embySession, 0, len(s.sessions)+len(s.idle))
	for _, ls := range s.sessions {
		if device == "" || ls.device.ID == device {
			out = append(out, s.embySession(ls, now))
		}
	}
	for _, is := range s.idle {
		if (device == "" || is.device.ID == device) && (within <= 0 || now.Sub(is.last) <= within) {
			out = append(out, s.embyIdle(is))
		}
	}
	return out
}

// lookupEmby finds a playing session by id; idle reports an idle one.
func (s *Server) lookupEmby(id string) (ls *liveSession, idle bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if ls := s.findEmby(id); ls != nil {
		return ls, false
	}
	for _, is := range s.idle {
		if is.id == id {
			return nil, true
		}
	}
	return nil, false
}

type messageRequest struct {
	Header    string `json:"Header"`
	Text      string `json:"Text"`
	TimeoutMs int    `json:"TimeoutMs"`
}

func (s *Server) embyMessage(w http.ResponseWriter, r *http.Request) {
	var req messageRequest
	if err := json.NewDecoder(io.LimitReader(r.Body, 1<<16)).Decode(&req); err != nil || req.Text == "" {
		http.Error(w, "Text is required", http.StatusBadRequest)
		return
	}
	if req.Header == "" {
		req.Header = "Message from Server"
	}
	ls, idle := s.lookupEmby(r.PathValue("id"))
	switch {
	case ls != nil:
		s.mu.Lock()
		ls.messages = append(ls.messages, Message(req))
		s.mu.Unlock()
	case !idle:
		http.Error(w, "Session not found", http.StatusNotFound)
		return
	}
	w.WriteHeader(http.StatusNoContent)
}

// embyCommand obeys /Sessions/{id}/Playing/{command} at once, as a client
// would: Stop really ends the session.
func (s *Server) embyCommand(w http.ResponseWriter, r *http.Request) {
	ls, idle := s.lookupEmby(r.PathValue("id"))
	if ls == nil {
		if !idle {
			http.Error(w, "Session not found", http.StatusNotFound)
			return
		}
		w.WriteHeader(http.StatusNoContent)
		return
	}
	x := &Session{srv: s, ls: ls}
	switch r.PathValue("command") {
	case "Stop":
		s.stopSession(ls, "Stop")
	case "Pause":
		x.Pause()
	case "Unpause":
		x.Resume()
	case "PlayPause":
		if x.State() == model.StatePaused {
			x.Resume()
		} else {
			x.Pause()
		}
	case "Seek":
		if t, err := strconv.ParseInt(queryFold(r.URL.Query(), "seekPositionTicks"), 10, 64); err == nil {
			x.Seek(time.Duration(t) * 100)
		}
	}
	w.WriteHeader(http.StatusNoContent)
}
