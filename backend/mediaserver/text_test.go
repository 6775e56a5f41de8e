package mediaserver_test

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/streamwarden/streamwarden/backend/mediaserver"
)

func TestCleanField(t *testing.T) {
	tests := map[string]string{
		"  Basement Plex \n":  "Basement Plex",
		"bad\x00name\x1b[31m": "bad name [31m",
		"\xff\xfeok":          "\uFFFDok",
		"":                    "",
	}
	for in, want := range tests {
		assert.Equal(t, want, mediaserver.CleanField(in), "%q", in)
	}
	long := mediaserver.CleanField(strings.Repeat("é", 500))
	assert.Equal(t, 200, len([]rune(long)))
}
