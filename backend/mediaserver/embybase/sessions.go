package embybase

import (
	"context"
	"fmt"
	"net/url"

	"github.com/streamwarden/streamwarden/backend/model"
)

// activeWithin hides Jellyfin sessions idle for longer than this many
// seconds; they are dropped anyway, so the list stays short.
const activeWithin = "960"

// Sessions lists what is playing now, via GET /Sessions. Every session is
// stamped with the time the answer arrived.
func (c *Client) Sessions(ctx context.Context) ([]model.LiveSession, error) {
	const path = "/Sessions"
	var query url.Values
	if c.flavor == Jellyfin {
		query = url.Values{"activeWithinSeconds": {activeWithin}}
	}
	body, err := c.getJSON(ctx, path, query)
	if err != nil {
		return nil, c.scrub(fmt.Errorf("listing sessions: %w", err))
	}
	list, err := ParseSessions(body)
	if err != nil {
		return nil, c.scrub(fmt.Errorf("listing sessions: %w", c.badAnswer(path, err)))
	}
	c.stamp(list)
	return list, nil
}
