package mediaserver_test

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/streamwarden/streamwarden/backend/mediaserver"
)

func TestClientIdentityWithDefaults(t *testing.T) {
	got := mediaserver.ClientIdentity{ID: "install-1"}.WithDefaults()
	assert.Equal(t, "install-1", got.ID)
	assert.Equal(t, "Streamwarden", got.Product)
	assert.Equal(t, "Streamwarden", got.DeviceName)
	assert.NotEmpty(t, got.Version)
	assert.NotEmpty(t, got.Platform)

	kept := mediaserver.ClientIdentity{ID: "i", Product: "P", Version: "1.2", Platform: "X", DeviceName: "D"}
	assert.Equal(t, kept, kept.WithDefaults())
}
