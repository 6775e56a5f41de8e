package embybase

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"strings"
)

var (
	// ErrSessionNotFound means the server no longer has the session.
	ErrSessionNotFound = errors.New("the session is no longer on the server")
	// ErrNotControllable means the client app playing the session does not
	// accept remote control, so the server cannot stop it.
	ErrNotControllable = errors.New("the client app does not support remote control, so the server cannot stop it")
)

const (
	// messageHeader is the title of the message shown before a stop.
	messageHeader = "Streamwarden"
	// messageTimeoutMs is how long clients show the message.
	messageTimeoutMs = 5000
)

// messageBody is the payload of POST /Sessions/{id}/Message.
type messageBody struct {
	Header    string `json:"Header"`
	Text      string `json:"Text"`
	TimeoutMs int    `json:"TimeoutMs"`
}

// Terminate stops the session controlID. When message is not empty it is
// shown first (POST /Sessions/{id}/Message); a failure to show it does not
// prevent the stop (POST /Sessions/{id}/Playing/Stop). The client app
// obeys the stop: the server cannot cut a stream by itself. A session the
// server no longer has gives ErrSessionNotFound; a client without remote
// control (HTTP 400 or 405) gives ErrNotControllable.
func (c *Client) Terminate(ctx context.Context, controlID, message string) error {
	if !validSessionID(controlID) {
		return fmt.Errorf("stopping session: invalid session id %q", cleanText(controlID))
	}
	base := "/Sessions/" + controlID
	if message != "" {
		// Best effort: the stop below reports what matters.
		_, _ = c.call(ctx, http.MethodPost, base+"/Message", nil,
			messageBody{Header: messageHeader, Text: message, TimeoutMs: messageTimeoutMs})
	}
	path := base + "/Playing/Stop"
	resp, err := c.call(ctx, http.MethodPost, path, nil, nil)
	if err != nil {
		return c.scrub(fmt.Errorf("stopping session %s: %w", controlID, err))
	}
	switch resp.StatusCode {
	case http.StatusNotFound:
		return fmt.Errorf("stopping session %s: %w", controlID, ErrSessionNotFound)
	case http.StatusBadRequest, http.StatusMethodNotAllowed:
		return fmt.Errorf("stopping session %s: %w", controlID, ErrNotControllable)
	}
	if err := c.checkStatus(resp.StatusCode, path); err != nil {
		return c.scrub(fmt.Errorf("stopping session %s: %w", controlID, err))
	}
	return nil
}

// validSessionID accepts ids that stay one path segment. Server session
// ids are hex or alphanumeric; this only guards the route.
func validSessionID(id string) bool {
	if id == "" || id == "." || id == ".." || len(id) > 200 {
		return false
	}
	return !strings.ContainsFunc(id, func(r rune) bool {
		return r <= ' ' || r == 0x7f || strings.ContainsRune(`/\?#%`, r)
	})
}
