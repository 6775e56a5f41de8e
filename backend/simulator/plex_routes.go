package simulator

import (
	"encoding/xml"
	"net/http"
	"strconv"
	"strings"
)

func (s *Server) plexRoutes(mux *http.ServeMux) {
	s.route(mux, "GET /identity", false, false, s.plexIdentity)
	s.route(mux, "GET /{$}", true, false, s.plexRoot)
	s.route(mux, "GET /status/sessions", true, false, s.plexSessions)
	s.route(mux, "GET /status/sessions/terminate", true, false, s.plexTerminate)
	s.route(mux, "POST /status/sessions/terminate", true, false, s.plexTerminate)
	s.route(mux, "GET /:/eventsource/notifications", true, true, s.plexSSE)
	s.route(mux, "GET /:/websockets/notifications", true, true, s.plexWebsocket)
	s.route(mux, "GET /:/websocket/notifications", true, true, s.plexWebsocket)
	s.route(mux, "GET /accounts", true, false, s.plexAccounts)
	s.route(mux, "GET /library/sections", true, false, s.plexSections)
	s.route(mux, "GET /library/sections/all", true, false, s.plexSections)
}

// plexToken reads X-Plex-Token from the header or the query.
func plexToken(r *http.Request) string {
	if tok := r.Header.Get("X-Plex-Token"); tok != "" {
		return tok
	}
	return r.URL.Query().Get("X-Plex-Token")
}

// writePlex answers with v as XML, or as JSON inside {"MediaContainer":…}
// when the client accepts JSON.
func writePlex(w http.ResponseWriter, r *http.Request, v any) {
	w.Header().Set("X-Plex-Protocol", "1.0")
	if strings.Contains(r.Header.Get("Accept"), "application/json") {
		writeJSON(w, http.StatusOK, map[string]any{"MediaContainer": v})
		return
	}
	body, err := xml.Marshal(v)
	if err != nil {
		http.Error(w, "encoding response", http.StatusInternalServerError)
		return
	}
	body = append([]byte(xml.Header), body...)
	w.Header().Set("Content-Type", "text/xml;charset=utf-8")
	w.Header().Set("Content-Length", strconv.Itoa(len(body)))
	w.WriteHeader(http.StatusOK)
	_, _ = w.Write(body)
}

func (s *Server) plexSessions(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	now := s.cfg.Now()
	items := make([]plexItem, 0, len(s.sessions))
	for _, ls := range s.sessions {
		items = append(items, s.plexItem(ls, now))
	}
	s.mu.Unlock()
	writePlex(w, r, plexSessions{Size: len(items), Metadata: items})
}

// plexTerminate stops a stream, as Plex Pass servers allow.
func (s *Server) plexTerminate(w http.ResponseWriter, r *http.Request) {
	if !s.cfg.PlexPass {
		writeBody(w, http.StatusUnauthorized, "text/html",
			"<html><head><title>Unauthorized</title></head><body><h1>Server does not have the feature enabled</h1></body></html>")
		return
	}
	q := r.URL.Query()
	id := q.Get("sessionId")
	if id == "" {
		writeBody(w, http.StatusForbidden, "text/html",
			"<html><head><title>Forbidden</title></head><body><h1>403 Forbidden</h1></body></html>")
		return
	}
	s.mu.Lock()
	ls := s.findPlexID(id)
	s.mu.Unlock()
	if ls == nil || !s.stopSession(ls, q.Get("reason")) {
		writeBody(w, http.StatusNotFound, "text/html",
			"<html><head><title>Not Found</title></head><body><h1>404 Not Found</h1></body></html>")
		return
	}
	w.WriteHeader(http.StatusOK)
}
