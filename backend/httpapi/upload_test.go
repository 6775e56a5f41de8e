package httpapi

import (
	"context"
	"io"
	"net/http"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/streamwarden/streamwarden/backend/service"
)

type uploadResult struct {
	Bytes int64 `json:"bytes"`
}

func testUploads() map[string]service.Upload {
	return map[string]service.Upload{"/api/upload/test": func(_ context.Context, body io.Reader) (any, error) {
		n, err := io.Copy(io.Discard, body)
		if err != nil {
			return nil, err
		}
		if n == 0 {
			return nil, &service.Error{Kind: service.KindInvalid, Message: "The file is empty."}
		}
		return uploadResult{Bytes: n}, nil
	}}
}

func TestUploadsNeedAuthAndStreamTheBody(t *testing.T) {
	h := newHarness(t, "env-key-for-uploads")
	c := h.client()
	resp, _ := h.post(c, "/api/upload/test", "data")
	assert.Equal(t, http.StatusUnauthorized, resp.StatusCode)

	big := strings.Repeat("x", 3<<20) // past the 1 MiB cap of API calls
	resp, body := h.post(c, "/api/upload/test", big, "X-Api-Key", "env-key-for-uploads")
	assert.Equal(t, http.StatusOK, resp.StatusCode, body)
	assert.JSONEq(t, `{"bytes": 3145728}`, body)

	resp, body = h.post(c, "/api/upload/test", "", "X-Api-Key", "env-key-for-uploads")
	assert.Equal(t, http.StatusBadRequest, resp.StatusCode)
	assert.Contains(t, body, "The file is empty.")
}

func TestCSPAllowsTheTileOrigin(t *testing.T) {
	h := newHarness(t, "")
	resp, err := h.client().Get(h.http.URL + "/")
	assert.NoError(t, err)
	defer resp.Body.Close()
	assert.Contains(t, resp.Header.Get("Content-Security-Policy"), "img-src 'self' data: blob: https://*.tiles.example;")
}
