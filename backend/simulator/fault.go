package simulator

import (
	"bytes"
	"io"
	"net/http"
	"strconv"

	"github.com/streamwarden/streamwarden/backend/model"
)

const htmlPage = `<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>Sign in</title></head>
<body><h1>Please sign in</h1><form method="post" action="/login">
<input name="username"><input name="password" type="password"><button>Sign in</button>
</form></body></html>
`

// withFault serves h unless a fault is set. Streaming endpoints (SSE,
// websockets) are truncated with a canned partial body.
func (s *Server) withFault(stream bool, h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch s.currentFault() {
		case Fault500:
			writeBody(w, http.StatusInternalServerError, "text/html",
				"<html><head><title>Internal Server Error</title></head><body><h1>500 Internal Server Error</h1></body></html>")
		case FaultHang:
			<-r.Context().Done()
			panic(http.ErrAbortHandler)
		case FaultUnauthorized:
			s.unauthorized(w)
		case FaultHTML:
			writeBody(w, http.StatusOK, "text/html; charset=utf-8", htmlPage)
		case FaultBadJSON:
			writeBody(w, http.StatusOK, "application/json", s.badJSON())
		case FaultTruncated:
			s.truncate(w, r, h, stream)
		default:
			h.ServeHTTP(w, r)
		}
	})
}

func writeBody(w http.ResponseWriter, code int, contentType, body string) {
	w.Header().Set("Content-Type", contentType)
	w.Header().Set("Content-Length", strconv.Itoa(len(body)))
	w.WriteHeader(code)
	_, _ = io.WriteString(w, body)
}

func (s *Server) badJSON() string {
	if s.cfg.Kind == model.KindPlex {
		return `{"MediaContainer":{"size":1,,"Metadata":[{"sessionKey":"1" "title":}]}`
	}
	return `[{"Id":"` + hashHex("broken") + `","UserName":,"PlayState":{]`
}

// unauthorized answers 401 the way each product does.
func (s *Server) unauthorized(w http.ResponseWriter) {
	switch s.cfg.Kind {
	case model.KindPlex:
		writeBody(w, http.StatusUnauthorized, "text/html",
			"<html><head><title>Unauthorized</title></head><body><h1>401 Unauthorized</h1></body></html>")
	case model.KindEmby:
		writeBody(w, http.StatusUnauthorized, "text/plain; charset=utf-8", "Access token is invalid or expired.")
	default:
		w.WriteHeader(http.StatusUnauthorized)
	}
}

// truncate promises a whole body, sends half of it and drops the
// connection.
func (s *Server) truncate(w http.ResponseWriter, r *http.Request, h http.Handler, stream bool) {
	rec := &recorder{header: http.Header{}, code: http.StatusOK}
	if stream {
		rec.header.Set("Content-Type", "text/event-stream")
		rec.body.WriteString("event: playing\ndata: {\"PlaySessionStateNotification\":{\"sessionKey\":\"1\",\"state\":\"play")
	} else {
		h.ServeHTTP(rec, r)
	}
	body := rec.body.Bytes()
	if len(body) < 2 {
		body = []byte(s.badJSON())
	}
	for k, v := range rec.header {
		w.Header()[k] = v
	}
	w.Header().Set("Content-Length", strconv.Itoa(len(body)))
	w.WriteHeader(rec.code)
	_, _ = w.Write(body[:len(body)/2])
	_ = http.NewResponseController(w).Flush()
	panic(http.ErrAbortHandler)
}

// recorder keeps a handler's response in memory.
type recorder struct {
	header http.Header
	code   int
	body   bytes.Buffer
	wrote  bool
}

func (r *recorder) Header() http.Header { return r.header }

func (r *recorder) WriteHeader(code int) {
	if !r.wrote {
		r.code, r.wrote = code, true
	}
}

func (r *recorder) Write(b []byte) (int, error) {
	r.wrote = true
	return r.body.Write(b)
}
