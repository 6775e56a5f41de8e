package mediaserver_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/streamwarden/streamwarden/backend/mediaserver"
)

func TestCheckToken(t *testing.T) {
	for _, ok := range []string{"", "abcDEF123-_.~", "eyJhbGciOiJFZERTQSJ9.eyJ4IjoxfQ.c2ln"} {
		assert.Nil(t, mediaserver.CheckToken(ok), ok)
	}
	for _, bad := range []string{"abc def", "abc\n", "tok\x00en", "tökén", "a\tb"} {
		e := mediaserver.CheckToken(bad)
		require.NotNil(t, e, bad)
		assert.Equal(t, mediaserver.ReasonUnauthorized, e.Reason)
		assert.NotContains(t, e.Message, bad)
	}
}
