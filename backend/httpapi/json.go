package httpapi

import (
	"encoding/json"
	"errors"
	"io"
	"net/http"
)

const (
	maxCallBody = 1 << 20
	maxAuthBody = 16 << 10
)

type errorBody struct {
	Error string `json:"error"`
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(v)
}

func writeError(w http.ResponseWriter, status int, msg string) {
	writeJSON(w, status, errorBody{Error: msg})
}

// readBody reads at most limit bytes; a bigger body gets 413 and ok=false.
func readBody(w http.ResponseWriter, r *http.Request, limit int64) ([]byte, bool) {
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, limit))
	var tooBig *http.MaxBytesError
	switch {
	case errors.As(err, &tooBig):
		writeError(w, http.StatusRequestEntityTooLarge, "The request body is larger than the limit.")
		return nil, false
	case err != nil:
		writeError(w, http.StatusBadRequest, "The request body could not be read.")
		return nil, false
	}
	return body, true
}

// decodeJSON reads a small JSON object body into v.
func decodeJSON(w http.ResponseWriter, r *http.Request, v any) bool {
	body, ok := readBody(w, r, maxAuthBody)
	if !ok {
		return false
	}
	if err := json.Unmarshal(body, v); err != nil {
		writeError(w, http.StatusBadRequest, "The request body must be a JSON object: "+err.Error())
		return false
	}
	return true
}
