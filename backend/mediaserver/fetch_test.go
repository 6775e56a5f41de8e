package mediaserver_test

import (
	"context"
	"errors"
	"net/http"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/streamwarden/streamwarden/backend/mediaserver"
	"github.com/streamwarden/streamwarden/backend/mediaserver/internal/fake"
)

func TestReadBody(t *testing.T) {
	tests := []struct {
		name          string
		body          string
		contentLength int64
		limit         int64
		wantErr       error
	}{
		{"under limit", "hello", -1, 10, nil},
		{"at limit", "0123456789", 10, 10, nil},
		{"over limit while reading", "0123456789x", -1, 10, mediaserver.ErrBodyTooLarge},
		{"declared over limit", "", 11, 10, mediaserver.ErrBodyTooLarge},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := mediaserver.ReadBody(strings.NewReader(tt.body), tt.contentLength, tt.limit)
			if tt.wantErr != nil {
				require.ErrorIs(t, err, tt.wantErr)
				return
			}
			require.NoError(t, err)
			assert.Equal(t, tt.body, string(got))
		})
	}
}

func TestReadBodyStopsAtLimit(t *testing.T) {
	var read countingReader
	_, err := mediaserver.ReadBody(&read, -1, 1<<20)
	require.ErrorIs(t, err, mediaserver.ErrBodyTooLarge)
	assert.LessOrEqual(t, read.n, int64(1<<20+64<<10), "reads little more than the limit")
}

// countingReader is an endless reader that counts what was read.
type countingReader struct{ n int64 }

func (c *countingReader) Read(p []byte) (int, error) {
	c.n += int64(len(p))
	return len(p), nil
}

func TestGetOversizedBody(t *testing.T) {
	const size = 50 << 20
	for _, declare := range []bool{false, true} {
		t.Run(map[bool]string{false: "chunked", true: "declared"}[declare], func(t *testing.T) {
			var written atomic.Int64
			srv := fake.Start(t, fake.Oversized{Size: size, Declare: declare, Written: &written})
			client := mediaserver.NewHTTPClient(true, 5*time.Second)
			defer client.CloseIdleConnections()

			start := time.Now()
			_, err := mediaserver.Get(context.Background(), client, srv.URL+"/System/Info", nil)
			var e *mediaserver.Error
			require.True(t, errors.As(err, &e), "got %v", err)
			assert.Equal(t, mediaserver.ReasonNotMediaServer, e.Reason)
			assert.Contains(t, e.Message, "more than 1 MiB in answer to /System/Info")
			assert.Less(t, time.Since(start), 3*time.Second)
			assert.Less(t, written.Load(), int64(size/2), "the client stopped reading early")
		})
	}
}

func TestGetSendsHeadersAndReturnsAnyStatus(t *testing.T) {
	srv := fake.Start(t, fake.Status(http.StatusTeapot, "text/plain", []byte("short and stout")))
	client := mediaserver.NewHTTPClient(true, time.Second)
	defer client.CloseIdleConnections()

	resp, err := mediaserver.Get(context.Background(), client, srv.URL+"/x", http.Header{"X-Test": {"1"}})
	require.NoError(t, err)
	assert.Equal(t, http.StatusTeapot, resp.StatusCode)
	assert.Equal(t, "text/plain", resp.ContentType)
	assert.Equal(t, "short and stout", string(resp.Body))
	require.Len(t, srv.Requests(), 1)
	assert.Equal(t, "1", srv.Requests()[0].Header.Get("X-Test"))
}

func TestGetBadURL(t *testing.T) {
	_, err := mediaserver.Get(context.Background(), http.DefaultClient, "http://h/\x00", nil)
	var e *mediaserver.Error
	require.True(t, errors.As(err, &e))
	assert.Equal(t, mediaserver.ReasonInvalidURL, e.Reason)
}

func TestUnexpectedStatus(t *testing.T) {
	e := mediaserver.UnexpectedStatus(http.StatusInternalServerError, "/identity")
	assert.Equal(t, mediaserver.ReasonServerError, e.Reason)
	assert.Contains(t, e.Message, "HTTP 500 Internal Server Error")
	assert.Contains(t, e.Message, "/identity")

	e = mediaserver.UnexpectedStatus(302, "")
	assert.Equal(t, mediaserver.ReasonServerError, e.Reason)
	assert.Contains(t, e.Message, "unexpected status (HTTP 302 Found)")
}
