package httpapi

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"crypto/subtle"
	"encoding/base64"
	"encoding/hex"
	"errors"
	"log/slog"
	"math"
	"net"
	"net/http"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/streamwarden/streamwarden/backend/service"
	"github.com/streamwarden/streamwarden/backend/store"
)

// AuthStore keeps admin accounts, login sessions and API keys.
type AuthStore interface {
	AdminCount(ctx context.Context) (int64, error)
	CreateFirstAdmin(ctx context.Context, username, passwordHash string) (store.Admin, error)
	AdminByUsername(ctx context.Context, username string) (store.Admin, error)
	CreateLoginSession(ctx context.Context, tokenHash string, adminID int64, expires time.Time) error
	LoginSessionAdmin(ctx context.Context, tokenHash string) (store.Admin, error)
	DeleteLoginSession(ctx context.Context, tokenHash string) error
	UseAPIKey(ctx context.Context, keyHash string) (store.APIKey, error)
}

const (
	sessionCookie     = "streamwarden_session"
	sessionLifetime   = 30 * 24 * time.Hour
	minPasswordLen    = 10
	maxPasswordLen    = 1024
	maxUsernameLen    = 64
	apiKeyHeader      = "X-Api-Key"
	loginFailureLimit = 5
	loginWindow       = time.Minute
)

type credentials struct {
	Username string `json:"username"`
	Password string `json:"password"`
}

// AuthState tells the UI what to show before the app.
type AuthState struct {
	SetupRequired bool   `json:"setupRequired"`
	Authenticated bool   `json:"authenticated"`
	Username      string `json:"username"`
}

func (s *Server) handleAuthState(w http.ResponseWriter, r *http.Request) {
	n, err := s.auth.AdminCount(r.Context())
	if err != nil {
		s.internalError(w, "reading admin count", err)
		return
	}
	state := AuthState{SetupRequired: n == 0}
	if admin, ok := s.sessionAdmin(r); ok {
		state.Authenticated, state.Username = true, admin.Username
	}
	writeJSON(w, http.StatusOK, state)
}

func (s *Server) handleSetup(w http.ResponseWriter, r *http.Request) {
	var c credentials
	if !decodeJSON(w, r, &c) {
		return
	}
	c.Username = strings.TrimSpace(c.Username)
	if msg := checkCredentials(c); msg != "" {
		writeError(w, http.StatusBadRequest, msg)
		return
	}
	admin, err := s.auth.CreateFirstAdmin(r.Context(), c.Username, s.hasher.Hash(c.Password))
	if errors.Is(err, store.ErrConflict) {
		writeError(w, http.StatusConflict, "The admin account already exists: log in instead.")
		return
	}
	if err != nil {
		s.internalError(w, "creating the admin account", err)
		return
	}
	s.log.Info("admin account created", slog.String("username", admin.Username))
	s.startSession(w, r, admin)
}

func (s *Server) handleLogin(w http.ResponseWriter, r *http.Request) {
	addr := clientAddr(r)
	if wait := s.limiter.Wait(addr); wait > 0 {
		secs := int(math.Ceil(wait.Seconds()))
		w.Header().Set("Retry-After", strconv.Itoa(secs))
		writeError(w, http.StatusTooManyRequests, "Too many failed logins. Try again in "+strconv.Itoa(secs)+" s.")
		return
	}
	var c credentials
	if !decodeJSON(w, r, &c) {
		return
	}
	admin, err := s.auth.AdminByUsername(r.Context(), strings.TrimSpace(c.Username))
	if err != nil && !errors.Is(err, store.ErrNotFound) {
		s.internalError(w, "reading the admin account", err)
		return
	}
	hash := admin.PasswordHash
	if hash == "" {
		// Spend the same time on unknown names so timing does not reveal them.
		hash = s.dummyHash
	}
	ok, verr := s.hasher.Verify(c.Password, hash)
	if verr != nil {
		s.log.Error("stored password hash is unusable", slog.Any("error", verr))
	}
	if !ok || admin.ID == 0 {
		s.limiter.Fail(addr)
		s.log.Warn("failed login", slog.String("remote", addr))
		writeError(w, http.StatusUnauthorized, "Wrong username or password.")
		return
	}
	s.limiter.Succeed(addr)
	s.startSession(w, r, admin)
}

func (s *Server) handleLogout(w http.ResponseWriter, r *http.Request) {
	if c, err := r.Cookie(sessionCookie); err == nil {
		if err := s.auth.DeleteLoginSession(r.Context(), hashToken(c.Value)); err != nil {
			s.log.Warn("could not delete login session", slog.Any("error", err))
		}
	}
	http.SetCookie(w, s.cookie(r, "", -1))
	writeJSON(w, http.StatusOK, struct{}{})
}

func (s *Server) startSession(w http.ResponseWriter, r *http.Request, admin store.Admin) {
	raw := make([]byte, 32)
	_, _ = rand.Read(raw)
	token := base64.RawURLEncoding.EncodeToString(raw)
	if err := s.auth.CreateLoginSession(r.Context(), hashToken(token), admin.ID, s.now().Add(sessionLifetime)); err != nil {
		s.internalError(w, "creating a login session", err)
		return
	}
	http.SetCookie(w, s.cookie(r, token, int(sessionLifetime.Seconds())))
	writeJSON(w, http.StatusOK, AuthState{Authenticated: true, Username: admin.Username})
}

func (s *Server) cookie(r *http.Request, value string, maxAge int) *http.Cookie {
	return &http.Cookie{
		Name: sessionCookie, Value: value, Path: "/", MaxAge: maxAge,
		HttpOnly: true, SameSite: http.SameSiteStrictMode,
		Secure: r.TLS != nil || strings.EqualFold(r.Header.Get("X-Forwarded-Proto"), "https"),
	}
}

// requireAuth lets a request through with a valid API key or login session.
func (s *Server) requireAuth(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if key := apiKeyFrom(r); key != "" {
			if s.validAPIKey(r.Context(), key) {
				next.ServeHTTP(w, r)
				return
			}
			writeError(w, http.StatusUnauthorized, "The API key is not valid.")
			return
		}
		if _, ok := s.sessionAdmin(r); !ok {
			writeError(w, http.StatusUnauthorized, "Log in first.")
			return
		}
		if r.Method != http.MethodGet && !sameOrigin(r) {
			writeError(w, http.StatusForbidden, "Cross-origin requests are not allowed.")
			return
		}
		next.ServeHTTP(w, r)
	})
}

func (s *Server) sessionAdmin(r *http.Request) (store.Admin, bool) {
	c, err := r.Cookie(sessionCookie)
	if err != nil || c.Value == "" {
		return store.Admin{}, false
	}
	admin, err := s.auth.LoginSessionAdmin(r.Context(), hashToken(c.Value))
	if err != nil {
		if !errors.Is(err, store.ErrNotFound) {
			s.log.Error("reading login session", slog.Any("error", err))
		}
		return store.Admin{}, false
	}
	return admin, true
}

func (s *Server) validAPIKey(ctx context.Context, key string) bool {
	hash := service.HashAPIKey(key)
	if s.envKeyHash != "" && subtle.ConstantTimeCompare([]byte(hash), []byte(s.envKeyHash)) == 1 {
		return true
	}
	_, err := s.auth.UseAPIKey(ctx, hash)
	if err != nil && !errors.Is(err, store.ErrNotFound) {
		s.log.Error("checking API key", slog.Any("error", err))
	}
	return err == nil
}

func apiKeyFrom(r *http.Request) string {
	if k := r.Header.Get(apiKeyHeader); k != "" {
		return k
	}
	if after, ok := strings.CutPrefix(r.Header.Get("Authorization"), "Bearer "); ok {
		return strings.TrimSpace(after)
	}
	return ""
}

// sameOrigin refuses browser requests sent from another site. Requests
// without an Origin header (same-origin GETs, non-browser clients) pass.
func sameOrigin(r *http.Request) bool {
	origin := r.Header.Get("Origin")
	if origin == "" {
		return true
	}
	_, host, ok := strings.Cut(origin, "://")
	return ok && strings.EqualFold(host, r.Host)
}

func checkCredentials(c credentials) string {
	switch {
	case c.Username == "":
		return "Username is required."
	case utf8.RuneCountInString(c.Username) > maxUsernameLen:
		return "Username is longer than " + strconv.Itoa(maxUsernameLen) + " characters."
	case strings.ContainsFunc(c.Username, unicode.IsControl):
		return "Username contains control characters."
	case utf8.RuneCountInString(c.Password) < minPasswordLen:
		return "Password must be at least " + strconv.Itoa(minPasswordLen) + " characters."
	case len(c.Password) > maxPasswordLen:
		return "Password is longer than " + strconv.Itoa(maxPasswordLen) + " bytes."
	}
	return ""
}

func hashToken(token string) string {
	sum := sha256.Sum256([]byte(token))
	return hex.EncodeToString(sum[:])
}

// clientAddr is the peer's IP. Forwarding headers are not trusted: anyone
// could set them to dodge the login limiter.
func clientAddr(r *http.Request) string {
	host, _, err := net.SplitHostPort(r.RemoteAddr)
	if err != nil {
		return r.RemoteAddr
	}
	return host
}
