package mediaserver

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
)

// MaxBodySize caps how much of an answer is read. Identity answers are a few
// hundred bytes; anything near this size is not what was asked for.
const MaxBodySize = 1 << 20

// ErrBodyTooLarge is returned by ReadBody when a body exceeds its limit.
var ErrBodyTooLarge = errors.New("response body too large")

// Response is a fully read HTTP answer.
type Response struct {
	StatusCode  int
	ContentType string
	Body        []byte
}

// Get sends a GET request for rawURL with the given headers and reads the
// whole answer, at most MaxBodySize bytes. A transport failure is classified
// by Classify; an oversized answer is a ReasonNotMediaServer. Any status is
// returned as a Response: interpreting it is the caller's job.
func Get(ctx context.Context, client *http.Client, rawURL string, header http.Header) (*Response, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, rawURL, nil)
	if err != nil {
		return nil, &Error{
			Reason:  ReasonInvalidURL,
			Message: "The address cannot be used for a request. Check it for typing errors.",
			Err:     fmt.Errorf("building request: %w", err),
		}
	}
	for key, values := range header {
		req.Header[key] = append([]string(nil), values...)
	}
	target := HostPort(req.URL)
	resp, err := client.Do(req)
	if err != nil {
		return nil, Classify(fmt.Errorf("requesting %s: %w", req.URL.Path, err), target, client.Timeout)
	}
	defer resp.Body.Close()
	body, err := ReadBody(resp.Body, resp.ContentLength, MaxBodySize)
	if errors.Is(err, ErrBodyTooLarge) {
		return nil, &Error{
			Reason: ReasonNotMediaServer,
			Message: fmt.Sprintf("%s sent more than %d MiB in answer to %s; a media server sends far less there. "+
				"Check the address and port.", target, MaxBodySize>>20, displayPath(req.URL.Path)),
			Err: err,
		}
	}
	if err != nil {
		return nil, Classify(fmt.Errorf("reading the answer to %s: %w", req.URL.Path, err), target, client.Timeout)
	}
	return &Response{
		StatusCode:  resp.StatusCode,
		ContentType: resp.Header.Get("Content-Type"),
		Body:        body,
	}, nil
}

// ReadBody reads r up to limit bytes. contentLength is the declared length
// (-1 when unknown); a declared or actual length above limit returns
// ErrBodyTooLarge without reading the rest.
func ReadBody(r io.Reader, contentLength, limit int64) ([]byte, error) {
	if contentLength > limit {
		return nil, fmt.Errorf("reading body of %d bytes: %w", contentLength, ErrBodyTooLarge)
	}
	body, err := io.ReadAll(io.LimitReader(r, limit+1))
	if err != nil {
		return nil, fmt.Errorf("reading body: %w", err)
	}
	if int64(len(body)) > limit {
		return nil, fmt.Errorf("reading body over %d bytes: %w", limit, ErrBodyTooLarge)
	}
	return body, nil
}

// UnexpectedStatus describes a status the caller has no better message for:
// 5xx as a server error, anything else as an unexpected answer.
func UnexpectedStatus(status int, path string) *Error {
	text := fmt.Sprintf("HTTP %d", status)
	if name := http.StatusText(status); name != "" {
		text += " " + name
	}
	if status >= 500 {
		return &Error{
			Reason: ReasonServerError,
			Message: fmt.Sprintf("The server answered %s with an error (%s). "+
				"It may still be starting, or a proxy in front of it cannot reach it; check the server's logs.", displayPath(path), text),
		}
	}
	return &Error{
		Reason:  ReasonServerError,
		Message: fmt.Sprintf("The server answered %s with an unexpected status (%s). Check the address.", displayPath(path), text),
	}
}

func displayPath(path string) string {
	if path == "" {
		return "/"
	}
	return path
}
