package simulator

import (
	"context"
	"net/http"
	"time"

	"github.com/gorilla/websocket"
)

const writeWait = 10 * time.Second

// socketLoop writes to a websocket and reads the client's text messages
// from in. Returning nil closes the socket with a close frame; returning
// an error drops it.
type socketLoop func(ctx context.Context, conn *websocket.Conn, in <-chan []byte) error

// serveSocket upgrades r and runs loop until it returns, the client goes
// away or the server goes down. The client's messages reach loop only when
// listen is set; they are discarded otherwise. It returns only when its
// reader is done.
func serveSocket(w http.ResponseWriter, r *http.Request, listen bool, loop socketLoop) {
	up := websocket.Upgrader{CheckOrigin: func(*http.Request) bool { return true }}
	conn, err := up.Upgrade(w, r, nil)
	if err != nil {
		return
	}
	ctx, cancel := context.WithCancel(r.Context())
	// Going down closes the socket at once, even mid-write.
	stopClosing := context.AfterFunc(r.Context(), func() { _ = conn.Close() })
	defer stopClosing()
	in := make(chan []byte)
	readerDone := make(chan struct{})
	go func() {
		defer close(readerDone)
		defer cancel()
		for {
			kind, msg, err := conn.ReadMessage()
			if err != nil {
				return
			}
			if kind != websocket.TextMessage || !listen {
				continue
			}
			select {
			case in <- msg:
			case <-ctx.Done():
				return
			}
		}
	}()
	if loop(ctx, conn, in) == nil {
		_ = conn.WriteControl(websocket.CloseMessage,
			websocket.FormatCloseMessage(websocket.CloseNormalClosure, ""), time.Now().Add(time.Second))
	}
	cancel()
	_ = conn.Close()
	<-readerDone
}

func writeSocketJSON(conn *websocket.Conn, v any) error {
	_ = conn.SetWriteDeadline(time.Now().Add(writeWait))
	return conn.WriteJSON(v)
}
