package simulator

import (
	"crypto/subtle"
	"encoding/json"
	"net/http"
	"strconv"

	"github.com/streamwarden/streamwarden/backend/model"
)

// routes builds the kind's handler. Every request is counted in its
// generation and passes the fault switch first.
func (s *Server) routes() http.Handler {
	mux := http.NewServeMux()
	switch s.cfg.Kind {
	case model.KindPlex:
		s.plexRoutes(mux)
	case model.KindJellyfin:
		s.embyRoutes(mux, "")
	default:
		s.embyRoutes(mux, "")
		s.embyRoutes(mux, "/emby")
	}
	return tracked(mux)
}

// route registers h behind the fault switch and, when auth is set, the
// kind's token check.
func (s *Server) route(mux *http.ServeMux, pattern string, auth, stream bool, h http.HandlerFunc) {
	var handler http.Handler = h
	if auth {
		handler = s.requireToken(handler)
	}
	mux.Handle(pattern, s.withFault(stream, handler))
}

func (s *Server) requireToken(h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		var tok string
		if s.cfg.Kind == model.KindPlex {
			tok = plexToken(r)
		} else {
			tok = s.embyToken(r)
		}
		if tok == "" || subtle.ConstantTimeCompare([]byte(tok), []byte(s.cfg.Token)) != 1 {
			s.unauthorized(w)
			return
		}
		h.ServeHTTP(w, r)
	})
}

func writeJSON(w http.ResponseWriter, code int, v any) {
	body, err := json.Marshal(v)
	if err != nil {
		http.Error(w, "encoding response", http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Header().Set("Content-Length", strconv.Itoa(len(body)))
	w.WriteHeader(code)
	_, _ = w.Write(body)
}
