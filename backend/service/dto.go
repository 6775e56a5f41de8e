package service

import (
	"time"

	"github.com/streamwarden/streamwarden/backend/model"
)

// ServerView is a watched server as the UI sees it. It never holds the token.
type ServerView struct {
	ID        int64  `json:"id"`
	Kind      string `json:"kind"`
	Name      string `json:"name"`
	URL       string `json:"url"`
	VerifyTLS bool   `json:"verifyTls"`
	Enabled   bool   `json:"enabled"`
	Source    string `json:"source"`
	HasToken  bool   `json:"hasToken"`
	CreatedAt int64  `json:"createdAt"`
	UpdatedAt int64  `json:"updatedAt"`
}

// ServerInput is what the user fills in to add or edit a server. An empty
// Token on edit keeps the stored one.
type ServerInput struct {
	Kind      string `json:"kind"`
	Name      string `json:"name"`
	URL       string `json:"url"`
	Token     string `json:"token"`
	VerifyTLS bool   `json:"verifyTls"`
	Enabled   bool   `json:"enabled"`
}

// ConnectionResult reports a connection test. On failure Reason is a
// machine-readable code and Message a sentence for the user.
type ConnectionResult struct {
	OK         bool   `json:"ok"`
	Reason     string `json:"reason"`
	Message    string `json:"message"`
	ServerName string `json:"serverName"`
	Version    string `json:"version"`
	Product    string `json:"product"`
	MachineID  string `json:"machineId"`
	LatencyMs  int64  `json:"latencyMs"`
}

// SystemInfo describes the running instance.
type SystemInfo struct {
	Version        string `json:"version"`
	Mode           string `json:"mode"`
	DataDir        string `json:"dataDir"`
	SecretsBackend string `json:"secretsBackend"`
	SecretsWarning string `json:"secretsWarning"`
}

// APIKeyView describes an API key without the key itself.
type APIKeyView struct {
	ID         int64  `json:"id"`
	Name       string `json:"name"`
	Prefix     string `json:"prefix"`
	CreatedAt  int64  `json:"createdAt"`
	LastUsedAt int64  `json:"lastUsedAt"`
}

// CreatedAPIKey is returned once, when a key is created: Secret is the
// key itself and is never shown again.
type CreatedAPIKey struct {
	Key    APIKeyView `json:"key"`
	Secret string     `json:"secret"`
}

func serverView(s model.Server) ServerView {
	return ServerView{
		ID: s.ID, Kind: string(s.Kind), Name: s.Name, URL: s.URL, VerifyTLS: s.VerifyTLS,
		Enabled: s.Enabled, Source: string(s.Source), HasToken: s.TokenRef != "",
		CreatedAt: unixMilli(s.CreatedAt), UpdatedAt: unixMilli(s.UpdatedAt),
	}
}

func unixMilli(t time.Time) int64 {
	if t.IsZero() {
		return 0
	}
	return t.UnixMilli()
}
