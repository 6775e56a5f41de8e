package simulator

import (
	"encoding/json"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/gorilla/websocket"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/streamwarden/streamwarden/backend/model"
)

type tSocketMessage struct {
	MessageType string          `json:"MessageType"`
	MessageID   *string         `json:"MessageId"`
	Data        json.RawMessage `json:"Data"`
}

func decodeSocket(t *testing.T, m []byte) tSocketMessage {
	t.Helper()
	var msg tSocketMessage
	require.NoError(t, json.Unmarshal(m, &msg))
	return msg
}

func socketPath(srv *Server) string {
	if srv.Kind() == model.KindJellyfin {
		return "/socket"
	}
	return "/embywebsocket?api_key=" + srv.Token() + "&deviceId=test-device"
}

func send(t *testing.T, conn *websocket.Conn, typ, data string) {
	t.Helper()
	msg := map[string]any{"MessageType": typ}
	if data != "" {
		msg["Data"] = data
	}
	require.NoError(t, conn.WriteJSON(msg))
}

func isType(t *testing.T, typ string) func([]byte) bool {
	return func(m []byte) bool { return decodeSocket(t, m).MessageType == typ }
}

func TestEmbySocketSessions(t *testing.T) {
	for _, kind := range embyKinds() {
		t.Run(string(kind), func(t *testing.T) {
			srv, _ := startServer(t, Config{Kind: kind, IdleSessions: -1})
			conn, msgs := openSocket(t, srv, socketPath(srv), embyHeader(srv))

			hello := decodeSocket(t, waitFor(t, msgs, func([]byte) bool { return true }))
			assert.Equal(t, "ForceKeepAlive", hello.MessageType)
			assert.JSONEq(t, "60", string(hello.Data))

			sessionsOf := func(m []byte) []tEmbySession {
				var out []tEmbySession
				require.NoError(t, json.Unmarshal(decodeSocket(t, m).Data, &out))
				return out
			}
			var x *Session
			steps := []struct {
				name string
				act  func()
				want func([]tEmbySession) bool
			}{
				{"subscribe pushes at once", func() { send(t, conn, "SessionsStart", "0,60000") },
					func(s []tEmbySession) bool { return len(s) == 0 }},
				{"play pushes", func() { x = srv.Play(aliceSpec(movieItem())) },
					func(s []tEmbySession) bool { return len(s) == 1 && s[0].ID == x.Key() && !s[0].PlayState.IsPaused }},
				{"pause pushes", func() { x.Pause() },
					func(s []tEmbySession) bool { return len(s) == 1 && s[0].PlayState.IsPaused }},
				{"quality change pushes", func() { x.ChangeQuality(transcode720(), SameSession) },
					func(s []tEmbySession) bool { return len(s) == 1 && s[0].PlayState.PlayMethod == "Transcode" }},
				{"stop pushes", func() { x.Stop() },
					func(s []tEmbySession) bool { return len(s) == 0 }},
			}
			for _, st := range steps {
				t.Run(st.name, func(t *testing.T) {
					st.act()
					m := waitFor(t, msgs, func(m []byte) bool {
						return isType(t, "Sessions")(m) && st.want(sessionsOf(m))
					})
					msg := decodeSocket(t, m)
					if kind == model.KindJellyfin {
						require.NotNil(t, msg.MessageID)
						assert.Regexp(t, hex32, *msg.MessageID)
					} else {
						assert.Nil(t, msg.MessageID)
					}
				})
			}

			t.Run("keep alive is answered", func(t *testing.T) {
				send(t, conn, "KeepAlive", "")
				waitFor(t, msgs, isType(t, "KeepAlive"))
			})
			t.Run("interval pushes without changes", func(t *testing.T) {
				send(t, conn, "SessionsStart", "0,20")
				for range 3 {
					waitFor(t, msgs, isType(t, "Sessions"))
				}
			})
			t.Run("stop subscription", func(t *testing.T) {
				send(t, conn, "SessionsStop", "")
				send(t, conn, "KeepAlive", "")
				waitFor(t, msgs, isType(t, "KeepAlive"))
				srv.Play(aliceSpec(trackItem()))
				select {
				case m, ok := <-msgs:
					if ok {
						assert.NotEqual(t, "Sessions", decodeSocket(t, m).MessageType)
					}
				case <-time.After(100 * time.Millisecond):
				}
			})
		})
	}
}

func TestEmbySocketKeepAlive(t *testing.T) {
	for _, kind := range embyKinds() {
		t.Run(string(kind)+"/silent socket is warned then dropped", func(t *testing.T) {
			srv, _ := startServer(t, Config{Kind: kind, KeepAliveTimeout: 300 * time.Millisecond})
			started := time.Now() // before the server starts its idle timer
			_, msgs := openSocket(t, srv, socketPath(srv), embyHeader(srv))
			waitFor(t, msgs, isType(t, "ForceKeepAlive"))
			warn := waitFor(t, msgs, isType(t, "ForceKeepAlive"))
			assert.JSONEq(t, "0", string(decodeSocket(t, warn).Data))
			waitClosed(t, msgs)
			assert.GreaterOrEqual(t, time.Since(started), 300*time.Millisecond)
		})
		t.Run(string(kind)+"/chatty socket stays", func(t *testing.T) {
			srv, _ := startServer(t, Config{Kind: kind, KeepAliveTimeout: time.Second})
			conn, msgs := openSocket(t, srv, socketPath(srv), embyHeader(srv))
			for range 15 {
				send(t, conn, "KeepAlive", "")
				waitFor(t, msgs, isType(t, "KeepAlive"))
				time.Sleep(100 * time.Millisecond)
			}
		})
	}
}

func TestEmbySocketAuth(t *testing.T) {
	tests := []struct {
		kind   model.ServerKind
		name   string
		path   string
		header func(*Server) http.Header
		want   int
	}{
		{model.KindJellyfin, "header", "/socket", embyHeader, http.StatusSwitchingProtocols},
		{model.KindJellyfin, "ApiKey query", "/socket?ApiKey=%s", nil, http.StatusSwitchingProtocols},
		{model.KindJellyfin, "legacy api_key refused", "/socket?api_key=%s&deviceId=x", nil, http.StatusUnauthorized},
		{model.KindJellyfin, "no token", "/socket", nil, http.StatusUnauthorized},
		{model.KindEmby, "api_key query", "/embywebsocket?api_key=%s&deviceId=x", nil, http.StatusSwitchingProtocols},
		{model.KindEmby, "under /emby", "/emby/embywebsocket?api_key=%s&deviceId=x", nil, http.StatusSwitchingProtocols},
		{model.KindEmby, "wrong key", "/embywebsocket?api_key=nope&deviceId=x", nil, http.StatusUnauthorized},
	}
	for _, tt := range tests {
		t.Run(string(tt.kind)+"/"+tt.name, func(t *testing.T) {
			srv, _ := startServer(t, Config{Kind: tt.kind})
			var h http.Header
			if tt.header != nil {
				h = tt.header(srv)
			}
			path := strings.Replace(tt.path, "%s", srv.Token(), 1)
			assert.Equal(t, tt.want, dialStatus(t, srv, path, h))
		})
	}
}
