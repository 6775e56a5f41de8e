package mediaserver_test

import (
	"errors"
	"fmt"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/streamwarden/streamwarden/backend/mediaserver"
)

func TestRedact(t *testing.T) {
	tests := []struct {
		name    string
		in      string
		secrets []string
		want    string
	}{
		{"raw", "token abc123 leaked", []string{"abc123"}, "token [REDACTED] leaked"},
		{"query escaped", "t=a+b%2Fc", []string{"a b/c"}, "t=[REDACTED]"},
		{"path escaped", "p/a%20b%2Fc", []string{"a b/c"}, "p/[REDACTED]"},
		{"empty secret ignored", "nothing", []string{""}, "nothing"},
		{"several", "x1 y2", []string{"x1", "y2"}, "[REDACTED] [REDACTED]"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, mediaserver.Redact(tt.in, tt.secrets...))
		})
	}
}

func TestRedactError(t *testing.T) {
	const token = "s3cr3t-t0ken"
	cause := fmt.Errorf("sending %s: %w", token, errSentinel)
	err := fmt.Errorf("outer: %w", &mediaserver.Error{
		Reason:  mediaserver.ReasonUnauthorized,
		Message: "The server rejected " + token + ".",
		Err:     cause,
	})

	got := mediaserver.RedactError(err, token)
	require.NotNil(t, got)
	assert.Equal(t, mediaserver.ReasonUnauthorized, got.Reason)
	assert.Equal(t, "The server rejected [REDACTED].", got.Error())
	assert.NotContains(t, got.Unwrap().Error(), token)
	assert.ErrorIs(t, got, errSentinel, "the cause stays reachable")

	plain := mediaserver.RedactError(errors.New("boom "+token), token)
	assert.Equal(t, mediaserver.ReasonServerError, plain.Reason)
	assert.NotContains(t, plain.Error(), token)
	assert.Nil(t, mediaserver.RedactError(nil, token))
}

var errSentinel = errors.New("sentinel")
