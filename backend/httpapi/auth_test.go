package httpapi

import (
	"encoding/json"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestSetupLoginLogout(t *testing.T) {
	h := newHarness(t, "")
	anon := h.client()
	_, body := h.get(anon, "/api/auth/state")
	assert.JSONEq(t, `{"setupRequired":true,"authenticated":false,"username":""}`, body)

	resp, body := h.post(anon, "/api/auth/setup", `{"username":"admin","password":"short"}`)
	assert.Equal(t, http.StatusBadRequest, resp.StatusCode)
	assert.Contains(t, body, "at least 10 characters")

	admin := h.loggedIn()
	var cookie *http.Cookie
	u := h.http.URL
	for _, c := range admin.Jar.Cookies(mustURL(t, u)) {
		if c.Name == sessionCookie {
			cookie = c
		}
	}
	require.NotNil(t, cookie)

	resp, body = h.post(h.client(), "/api/auth/setup", `{"username":"second","password":"`+testPassword+`"}`)
	assert.Equal(t, http.StatusConflict, resp.StatusCode, "setup works once")
	assert.Contains(t, body, "already exists")

	_, body = h.get(admin, "/api/auth/state")
	assert.JSONEq(t, `{"setupRequired":false,"authenticated":true,"username":"admin"}`, body)

	fresh := h.client()
	resp, _ = h.post(fresh, "/api/auth/login", `{"username":"ADMIN","password":"`+testPassword+`"}`)
	require.Equal(t, http.StatusOK, resp.StatusCode, "usernames ignore case")
	setCookie := resp.Header.Get("Set-Cookie")
	assert.Contains(t, setCookie, "HttpOnly")
	assert.Contains(t, setCookie, "SameSite=Strict")

	resp, _ = h.post(fresh, "/api/auth/logout", `{}`)
	require.Equal(t, http.StatusOK, resp.StatusCode)
	resp, _ = h.post(fresh, "/api/Servers/List", `[]`)
	assert.Equal(t, http.StatusUnauthorized, resp.StatusCode, "logging out ends the session")
	resp, _ = h.post(admin, "/api/Servers/List", `[]`)
	assert.Equal(t, http.StatusOK, resp.StatusCode, "other sessions stay")
}

func TestLoginFailuresAreLimited(t *testing.T) {
	h := newHarness(t, "")
	h.loggedIn()
	c := h.client()
	for i := range loginFailureLimit {
		resp, body := h.post(c, "/api/auth/login", `{"username":"admin","password":"wrong password!"}`)
		require.Equal(t, http.StatusUnauthorized, resp.StatusCode, "attempt %d: %s", i, body)
	}
	resp, body := h.post(c, "/api/auth/login", `{"username":"admin","password":"`+testPassword+`"}`)
	assert.Equal(t, http.StatusTooManyRequests, resp.StatusCode, "even the right password waits")
	assert.NotEmpty(t, resp.Header.Get("Retry-After"))
	var e errorBody
	require.NoError(t, json.Unmarshal([]byte(body), &e))
	assert.Contains(t, e.Error, "Try again in")

	resp, _ = h.post(c, "/api/auth/login", `{"username":"nobody","password":"whatever"}`)
	assert.Equal(t, http.StatusTooManyRequests, resp.StatusCode)
}

func TestLoginRejectsBadBodies(t *testing.T) {
	h := newHarness(t, "")
	h.loggedIn()
	c := h.client()
	resp, _ := h.post(c, "/api/auth/login", `not json`)
	assert.Equal(t, http.StatusBadRequest, resp.StatusCode)
	resp, _ = h.post(c, "/api/auth/login", `{"username":"admin","password":"`+strings.Repeat("x", 20<<10)+`"}`)
	assert.Equal(t, http.StatusRequestEntityTooLarge, resp.StatusCode)
	resp, _ = h.post(c, "/api/auth/login", `{"username":"nobody","password":"`+testPassword+`"}`)
	assert.Equal(t, http.StatusUnauthorized, resp.StatusCode)
}

func TestLimiterWindowExpires(t *testing.T) {
	now := time.Unix(1000, 0)
	l := newLoginLimiter(2, time.Minute, func() time.Time { return now })
	l.Fail("a")
	assert.Zero(t, l.Wait("a"))
	l.Fail("a")
	assert.Equal(t, time.Minute, l.Wait("a"))
	assert.Zero(t, l.Wait("b"), "limits are per address")
	now = now.Add(30 * time.Second)
	assert.Equal(t, 30*time.Second, l.Wait("a"))
	now = now.Add(31 * time.Second)
	assert.Zero(t, l.Wait("a"))
	l.Fail("a")
	l.Succeed("a")
	assert.Zero(t, l.Wait("a"))
}
