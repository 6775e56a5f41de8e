package plex

import (
	"bytes"
	"context"
	"encoding/json"
	"encoding/xml"
	"errors"
	"fmt"
	"mime"
	"strings"

	"github.com/streamwarden/streamwarden/backend/model"
)

// sessionsPath lists every current playback (admin token).
const sessionsPath = "/status/sessions"

var (
	// errHTMLPage means an answer was a web page: a login portal, a proxy's
	// error page, anything but Plex.
	errHTMLPage = errors.New("the answer is an HTML page")
	// errEmptyBody means the server sent nothing at all.
	errEmptyBody = errors.New("the answer is empty")
)

// utf8BOM is skipped at the start of an answer.
var utf8BOM = []byte("\xef\xbb\xbf")

// Sessions lists the sessions playing now. ObservedAt is left zero for the
// caller to stamp. An empty server gives an empty list.
func (c *Client) Sessions(ctx context.Context) ([]model.LiveSession, error) {
	resp, err := c.get(ctx, sessionsPath, "", c.maxBody)
	if err != nil {
		return nil, fmt.Errorf("listing plex sessions: %w", err)
	}
	if err := checkStatus(resp, sessionsPath); err != nil {
		return nil, fmt.Errorf("listing plex sessions: %w", err)
	}
	sessions, err := ParseSessions(resp.ContentType, resp.Body)
	if err != nil {
		return nil, fmt.Errorf("listing plex sessions: %w", unreadable(sessionsPath, "a session list", err))
	}
	return sessions, nil
}

// ParseSessions reads the answer to GET /status/sessions in either of Plex's
// formats, chosen by sniffing the body and then by contentType. Items that
// are not viewings (theme music) or have no session key are left out.
func ParseSessions(contentType string, body []byte) ([]model.LiveSession, error) {
	items, err := decodeSessions(contentType, body)
	if err != nil {
		return nil, fmt.Errorf("parsing plex sessions: %w", err)
	}
	sessions := make([]model.LiveSession, 0, len(items))
	for i := range items {
		if s, ok := liveSession(&items[i]); ok {
			sessions = append(sessions, s)
		}
	}
	return sessions, nil
}

func decodeSessions(contentType string, body []byte) ([]wireItem, error) {
	body, err := prepareBody(contentType, body)
	if err != nil {
		return nil, err
	}
	if isJSON(contentType, body) {
		var env jsonSessions
		if err := json.Unmarshal(body, &env); err != nil {
			return nil, fmt.Errorf("decoding json: %w", err)
		}
		if env.MediaContainer == nil {
			return nil, errors.New("no MediaContainer object")
		}
		return env.MediaContainer.Metadata, nil
	}
	var c xmlSessions
	if err := xml.Unmarshal(body, &c); err != nil {
		return nil, fmt.Errorf("decoding xml: %w", err)
	}
	items := c.Items[:0]
	for _, it := range c.Items {
		switch it.XMLName.Local {
		case "Video", "Track", "Photo":
			items = append(items, it)
		}
	}
	return items, nil
}

// prepareBody drops a byte order mark and rejects answers that cannot be a
// Plex container: nothing at all, or a web page.
func prepareBody(contentType string, body []byte) ([]byte, error) {
	body = bytes.TrimPrefix(body, utf8BOM)
	trimmed := bytes.TrimLeft(body, " \t\r\n")
	if len(trimmed) == 0 {
		return nil, errEmptyBody
	}
	if isHTML(contentType, trimmed) {
		return nil, errHTMLPage
	}
	return body, nil
}

// isHTML reports a web page, by its declared type or by how it starts.
func isHTML(contentType string, trimmed []byte) bool {
	if mediaType, _, err := mime.ParseMediaType(contentType); err == nil &&
		(mediaType == "text/html" || mediaType == "application/xhtml+xml") {
		return true
	}
	head := strings.ToLower(string(trimmed[:min(len(trimmed), 64)]))
	return strings.HasPrefix(head, "<!doctype html") || strings.HasPrefix(head, "<html")
}
