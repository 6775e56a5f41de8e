package embybase

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"

	"github.com/streamwarden/streamwarden/backend/mediaserver"
)

// call sends one authenticated request for path (below the API root) and
// reads the whole answer, at most maxBodySize bytes. A non-nil payload is
// sent as JSON. Any status is returned; see checkStatus.
func (c *Client) call(ctx context.Context, method, path string, query url.Values, payload any) (*mediaserver.Response, error) {
	root, err := c.apiRoot(ctx)
	if err != nil {
		return nil, err
	}
	rawURL := mediaserver.ResolvePath(root, path)
	if len(query) > 0 {
		rawURL += "?" + query.Encode()
	}
	var body io.Reader
	if payload != nil {
		data, err := json.Marshal(payload)
		if err != nil {
			return nil, fmt.Errorf("encoding request body: %w", err)
		}
		body = bytes.NewReader(data)
	}
	req, err := http.NewRequestWithContext(ctx, method, rawURL, body)
	if err != nil {
		return nil, fmt.Errorf("building request: %w", err)
	}
	for key, values := range c.flavor.Header(c.ident, c.token) {
		req.Header[key] = values
	}
	if payload != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	resp, err := c.http.Do(req)
	if err != nil {
		return nil, c.transportError(ctx, err)
	}
	defer resp.Body.Close()
	data, err := mediaserver.ReadBody(resp.Body, resp.ContentLength, maxBodySize)
	if errors.Is(err, mediaserver.ErrBodyTooLarge) {
		return nil, &mediaserver.Error{
			Reason: mediaserver.ReasonServerError,
			Message: fmt.Sprintf("%s sent more than %d MiB in answer to %s, far more than %s sends there. Check the address.",
				c.target, maxBodySize>>20, path, withArticle(c.flavor.name())+" server"),
			Err: err,
		}
	}
	if err != nil {
		return nil, c.transportError(ctx, err)
	}
	return &mediaserver.Response{
		StatusCode:  resp.StatusCode,
		ContentType: resp.Header.Get("Content-Type"),
		Body:        data,
	}, nil
}

// checkStatus turns a status other than 2xx into an error a user can act on.
func (c *Client) checkStatus(status int, path string) error {
	switch {
	case status >= 200 && status < 300:
		return nil
	case status == http.StatusUnauthorized:
		return unauthorized("The server rejected the API key (HTTP 401). Check the key. " + c.flavor.apiKeyHint())
	case status == http.StatusForbidden:
		return unauthorized(fmt.Sprintf("The API key is not allowed to use %s (HTTP 403). "+
			"Use an API key rather than a user's token. %s", path, c.flavor.apiKeyHint()))
	case status == http.StatusNotFound:
		return &mediaserver.Error{
			Reason: mediaserver.ReasonNotMediaServer,
			Message: fmt.Sprintf("%s has no %s (HTTP 404); it does not answer like %s server. "+
				"Check the address, including any path a reverse proxy adds.", c.target, path, withArticle(c.flavor.name())),
		}
	}
	return mediaserver.UnexpectedStatus(status, path)
}

// getJSON GETs path and checks the status; the body is the caller's to parse.
func (c *Client) getJSON(ctx context.Context, path string, query url.Values) ([]byte, error) {
	resp, err := c.call(ctx, http.MethodGet, path, query, nil)
	if err != nil {
		return nil, err
	}
	if err := c.checkStatus(resp.StatusCode, path); err != nil {
		return nil, err
	}
	return resp.Body, nil
}

// badAnswer is the error for a 2xx answer that cannot be read.
func (c *Client) badAnswer(path string, err error) *mediaserver.Error {
	return &mediaserver.Error{
		Reason: mediaserver.ReasonNotMediaServer,
		Message: fmt.Sprintf("%s answered %s with something that is not what %s server sends. "+
			"Check the address and port.", c.target, path, withArticle(c.flavor.name())),
		Err: err,
	}
}

// scrub makes sure no error text carries the API key, raw or escaped.
func (c *Client) scrub(err error) error {
	if err == nil || c.token == "" {
		return err
	}
	if e, ok := err.(*mediaserver.Error); ok { //nolint:errorlint // only a top-level *Error keeps its type
		return mediaserver.RedactError(e, c.token)
	}
	text := err.Error()
	if redacted := mediaserver.Redact(text, c.token); redacted != text {
		return &scrubbedError{text: redacted, err: err}
	}
	return err
}

// scrubbedError shows redacted text and keeps the cause for errors.Is/As.
type scrubbedError struct {
	text string
	err  error
}

func (e *scrubbedError) Error() string { return e.text }
func (e *scrubbedError) Unwrap() error { return e.err }
