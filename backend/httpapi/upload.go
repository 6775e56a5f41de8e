package httpapi

import (
	"net/http"

	"github.com/streamwarden/streamwarden/backend/service"
)

// handleUpload streams a posted file to an upload handler: the body is
// the file itself (application/octet-stream), never held in memory here.
func (s *Server) handleUpload(name string, upload service.Upload) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		result, err := upload(r.Context(), r.Body)
		if err != nil {
			s.writeCallError(w, name, err)
			return
		}
		writeJSON(w, http.StatusOK, result)
	})
}
