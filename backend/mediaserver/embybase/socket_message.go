package embybase

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"

	"github.com/streamwarden/streamwarden/backend/model"
)

// Websocket message types used by the client.
const (
	msgSessions       = "Sessions"
	msgForceKeepAlive = "ForceKeepAlive"
	msgKeepAlive      = `{"MessageType":"KeepAlive"}`
	// msgSessionsStart asks for session lists: at once, then at most every
	// 1500 ms while something changes.
	msgSessionsStart = `{"MessageType":"SessionsStart","Data":"0,1500"}`
)

// SocketMessage is one decoded websocket message.
type SocketMessage struct {
	// Type is the MessageType ("Sessions", "ForceKeepAlive", "Playstate"…).
	Type string
	// Sessions is the playing sessions of a "Sessions" message, as
	// ParseSessions returns them.
	Sessions []model.LiveSession
}

type socketEnvelope struct {
	MessageType flexString      `json:"MessageType"`
	Data        json.RawMessage `json:"Data"`
}

// ParseSocketMessage decodes a message the server sent on the websocket.
// It fails for anything that is not a JSON object with a MessageType, and
// for a Sessions message whose Data is not a session list.
func ParseSocketMessage(data []byte) (SocketMessage, error) {
	data = bytes.TrimSpace(bytes.TrimPrefix(data, []byte("\xef\xbb\xbf")))
	if len(data) == 0 || data[0] != '{' {
		return SocketMessage{}, errors.New("parsing websocket message: not a JSON object")
	}
	var env socketEnvelope
	if err := json.Unmarshal(data, &env); err != nil {
		return SocketMessage{}, fmt.Errorf("parsing websocket message: %w", err)
	}
	msg := SocketMessage{Type: cleanText(string(env.MessageType))}
	if msg.Type == "" {
		return SocketMessage{}, errors.New("parsing websocket message: no MessageType")
	}
	if msg.Type == msgSessions {
		list, err := ParseSessions(env.Data)
		if err != nil {
			return SocketMessage{}, fmt.Errorf("parsing websocket %s message: %w", msg.Type, err)
		}
		msg.Sessions = list
	}
	return msg, nil
}
