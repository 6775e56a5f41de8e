package embybase_test

import (
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/streamwarden/streamwarden/backend/mediaserver"
	"github.com/streamwarden/streamwarden/backend/mediaserver/embybase"
)

const sessionID = "6e5d1f0c9b8a47d2a3c4b5d6e7f80912"

func TestTerminate(t *testing.T) {
	cases := []struct {
		name      string
		message   string
		msgStatus int
		stop      int
		wantErr   error
		wantPaths []string
	}{
		{name: "message then stop", message: "Account sharing is not allowed.", msgStatus: 204, stop: 204,
			wantPaths: []string{"POST /Sessions/" + sessionID + "/Message", "POST /Sessions/" + sessionID + "/Playing/Stop"}},
		{name: "no message", stop: 204,
			wantPaths: []string{"POST /Sessions/" + sessionID + "/Playing/Stop"}},
		{name: "failed message still stops", message: "Bye", msgStatus: 500, stop: 204,
			wantPaths: []string{"POST /Sessions/" + sessionID + "/Message", "POST /Sessions/" + sessionID + "/Playing/Stop"}},
		{name: "session gone", message: "Bye", msgStatus: 404, stop: 404, wantErr: embybase.ErrSessionNotFound,
			wantPaths: []string{"POST /Sessions/" + sessionID + "/Message", "POST /Sessions/" + sessionID + "/Playing/Stop"}},
		{name: "not controllable 400", stop: 400, wantErr: embybase.ErrNotControllable,
			wantPaths: []string{"POST /Sessions/" + sessionID + "/Playing/Stop"}},
		{name: "not controllable 405", stop: 405, wantErr: embybase.ErrNotControllable,
			wantPaths: []string{"POST /Sessions/" + sessionID + "/Playing/Stop"}},
	}
	for flavorName, flavor := range liveFlavors() {
		for _, tc := range cases {
			t.Run(flavorName+"/"+tc.name, func(t *testing.T) {
				srv := startLive(t, flavor, false)
				srv.handle("POST /Sessions/"+sessionID+"/Message", answerStatus(tc.msgStatus))
				srv.handle("POST /Sessions/"+sessionID+"/Playing/Stop", answerStatus(tc.stop))
				err := newLiveClient(t, srv, liveKey, embybase.Options{}).Terminate(context.Background(), sessionID, tc.message)
				if tc.wantErr != nil {
					require.ErrorIs(t, err, tc.wantErr)
				} else {
					require.NoError(t, err)
				}

				var posts []liveRequest
				for _, r := range srv.requests() {
					if r.Method == http.MethodPost {
						posts = append(posts, r)
					}
				}
				var paths []string
				for _, r := range posts {
					paths = append(paths, r.Method+" "+r.Path)
					if flavor == embybase.Emby {
						assert.Equal(t, liveKey, r.Header.Get("X-Emby-Token"))
					} else {
						assert.Contains(t, r.Header.Get("Authorization"), `Token="`+liveKey+`"`)
					}
				}
				require.Equal(t, tc.wantPaths, paths)
				if tc.message != "" {
					assert.Equal(t, "application/json", posts[0].Header.Get("Content-Type"))
					var body map[string]any
					require.NoError(t, json.Unmarshal([]byte(posts[0].Body), &body))
					assert.Equal(t, map[string]any{"Header": "Streamwarden", "Text": tc.message, "TimeoutMs": float64(5000)}, body)
				}
				assert.Empty(t, posts[len(posts)-1].Body, "the stop has no body")
			})
		}
	}
}

func TestTerminateFailures(t *testing.T) {
	for name, flavor := range liveFlavors() {
		t.Run(name+"/unauthorized", func(t *testing.T) {
			srv := startLive(t, flavor, false)
			err := newLiveClient(t, srv, "bad-key", embybase.Options{}).Terminate(context.Background(), sessionID, "Bye")
			e, ok := errors.AsType[*mediaserver.Error](err)
			require.True(t, ok, "%v", err)
			assert.Equal(t, mediaserver.ReasonUnauthorized, e.Reason)
			assert.NotContains(t, err.Error(), "bad-key")
		})
		t.Run(name+"/server error", func(t *testing.T) {
			srv := startLive(t, flavor, false)
			srv.handle("POST /Sessions/"+sessionID+"/Playing/Stop", answerStatus(http.StatusInternalServerError))
			err := newLiveClient(t, srv, liveKey, embybase.Options{}).Terminate(context.Background(), sessionID, "")
			e, ok := errors.AsType[*mediaserver.Error](err)
			require.True(t, ok, "%v", err)
			assert.Equal(t, mediaserver.ReasonServerError, e.Reason)
		})
		t.Run(name+"/invalid ids", func(t *testing.T) {
			srv := startLive(t, flavor, false)
			c := newLiveClient(t, srv, liveKey, embybase.Options{})
			for _, id := range []string{"", ".", "..", "a/b", "a?b", "a#b", "a b", "a%2Fb", "x\n"} {
				require.Error(t, c.Terminate(context.Background(), id, "Bye"), "%q", id)
			}
			assert.Empty(t, srv.requests(), "nothing is sent for an invalid id")
		})
	}
}
