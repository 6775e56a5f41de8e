package embybase

import (
	"context"
	"net/http"
	"net/url"
	"strings"

	"github.com/streamwarden/streamwarden/backend/mediaserver"
)

// apiRoot returns the URL the API routes live below. Jellyfin serves them
// at the configured address. Emby serves them there and below /emby, and
// some installs (behind a proxy) only below /emby: on first use the client
// asks the public system information at both places, as Identify does, and
// remembers the first that answers with anything but 404 (the configured
// address when neither does). A request that gets no answer is not
// remembered, so the next call tries again.
func (c *Client) apiRoot(ctx context.Context) (*url.URL, error) {
	c.mu.Lock()
	root := c.root
	c.mu.Unlock()
	if root != nil {
		return root, nil
	}
	root, err := c.detectRoot(ctx)
	if err != nil {
		return nil, err
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.root == nil {
		c.root = root
	}
	return c.root, nil
}

func (c *Client) detectRoot(ctx context.Context) (*url.URL, error) {
	paths := c.flavor.infoPaths(c.base, true)
	if len(paths) < 2 {
		return c.base, nil
	}
	header := http.Header{"Accept": {"application/json"}}
	resp, path, err := getInfo(ctx, c.http, c.base, paths, header)
	if err != nil {
		return nil, c.transportError(ctx, err)
	}
	if resp.StatusCode == http.StatusNotFound {
		return c.base, nil
	}
	prefix, _ := strings.CutSuffix(path, paths[0])
	return withPath(c.base, prefix), nil
}

// withPath returns base with suffix appended to its path.
func withPath(base *url.URL, suffix string) *url.URL {
	u := *base
	u.Path = base.Path + suffix
	if base.RawPath != "" {
		u.RawPath = base.RawPath + suffix
	}
	return &u
}

// transportError explains a request that got no answer. When the caller's
// context ended, that is the error; anything else is classified for the
// user.
func (c *Client) transportError(ctx context.Context, err error) error {
	if ctxErr := ctx.Err(); ctxErr != nil {
		return ctxErr
	}
	return mediaserver.Classify(err, c.target, c.opts.Timeout)
}
