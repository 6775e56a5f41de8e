package geo

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"
)

// credentialSafeClient copies base with a redirect policy that sends the
// licence key only to the host it was meant for. MaxMind answers a
// download with a redirect to presigned storage; Go itself drops the
// Authorization header only when the host name changes, not the port or
// scheme, so the policy here is stricter: any other host:port loses it,
// and an https download never follows a redirect to plain http.
func credentialSafeClient(base *http.Client) *http.Client {
	c := *base
	next := base.CheckRedirect
	c.CheckRedirect = func(req *http.Request, via []*http.Request) error {
		if len(via) >= 10 {
			return errors.New("stopped after 10 redirects")
		}
		first := via[0].URL
		if first.Scheme == "https" && req.URL.Scheme != "https" {
			return fmt.Errorf("refusing to follow a redirect from https to %s", req.URL.Scheme)
		}
		if req.URL.Host != first.Host {
			req.Header.Del("Authorization")
		}
		if next != nil {
			return next(req, via)
		}
		return nil
	}
	return &c
}

func (u *Updater) downloadURL(edition, suffix string) string {
	return strings.TrimRight(u.cfg.BaseURL, "/") + "/geoip/databases/" +
		url.PathEscape(edition) + "/download?suffix=" + url.QueryEscape(suffix)
}

// get requests a MaxMind download and turns failures into errors a user
// can act on. The caller closes the body of a successful response.
func (u *Updater) get(ctx context.Context, rawURL string, c credentials) (*http.Response, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, rawURL, nil)
	if err != nil {
		return nil, fmt.Errorf("building request: %w", err)
	}
	req.SetBasicAuth(c.accountID, c.licenseKey)
	req.Header.Set("User-Agent", "Streamwarden")
	resp, err := u.client.Do(req)
	if err != nil {
		return nil, fmt.Errorf("contacting MaxMind: %w", err)
	}
	if resp.StatusCode == http.StatusOK {
		return resp, nil
	}
	_, _ = io.Copy(io.Discard, io.LimitReader(resp.Body, 4<<10))
	_ = resp.Body.Close()
	switch code := resp.StatusCode; {
	case code == http.StatusUnauthorized:
		return nil, ErrBadCredentials
	case code == http.StatusForbidden:
		return nil, fmt.Errorf("MaxMind refused the download (%s); check that the licence key may download GeoLite2", resp.Status)
	case code == http.StatusTooManyRequests:
		return nil, ErrRateLimited
	case code >= 500:
		return nil, fmt.Errorf("MaxMind is not available (%s); the update will be retried later", resp.Status)
	default:
		return nil, fmt.Errorf("unexpected response from MaxMind: %s", resp.Status)
	}
}

// fetchChecksum reads the published SHA-256 of an edition's archive, sent
// as "<hex>  <file name>".
func (u *Updater) fetchChecksum(ctx context.Context, edition string, c credentials) (string, error) {
	resp, err := u.get(ctx, u.downloadURL(edition, "tar.gz.sha256"), c)
	if err != nil {
		return "", err
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(io.LimitReader(resp.Body, 4<<10))
	if err != nil {
		return "", fmt.Errorf("reading checksum: %w", err)
	}
	fields := strings.Fields(string(body))
	if len(fields) == 0 {
		return "", errors.New("MaxMind sent an empty checksum")
	}
	sum := strings.ToLower(fields[0])
	if b, err := hex.DecodeString(sum); err != nil || len(b) != sha256.Size {
		return "", fmt.Errorf("MaxMind sent a malformed checksum %q", fields[0])
	}
	return sum, nil
}

// download saves an edition's archive to a temporary file in the database
// directory and checks it against want before anything reads it.
func (u *Updater) download(ctx context.Context, edition string, c credentials, want string) (string, error) {
	resp, err := u.get(ctx, u.downloadURL(edition, "tar.gz"), c)
	if err != nil {
		return "", err
	}
	defer resp.Body.Close()
	h := sha256.New()
	body := io.TeeReader(capReader(ctxReader{ctx: ctx, r: resp.Body}, maxDatabaseBytes), h)
	tmp, err := writeTemp(u.cfg.Databases.dir, copyFrom(body))
	if err != nil {
		return "", fmt.Errorf("downloading: %w", err)
	}
	if got := hex.EncodeToString(h.Sum(nil)); got != want {
		removeTemp(tmp)
		return "", fmt.Errorf("the download does not match MaxMind's checksum (got %s, want %s); nothing was installed", got, want)
	}
	return tmp, nil
}
