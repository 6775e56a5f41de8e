package events

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestBusDeliversToEverySubscriber(t *testing.T) {
	b := NewBus()
	a, cancelA := b.Subscribe(4)
	c, cancelC := b.Subscribe(4)
	defer cancelA()
	defer cancelC()

	b.Publish(ServersChanged)
	b.Publish("x", 1, "two")

	for _, ch := range []<-chan Event{a, c} {
		assert.Equal(t, Event{Name: ServersChanged, Args: []any{}}, <-ch)
		assert.Equal(t, Event{Name: "x", Args: []any{1, "two"}}, <-ch)
	}
}

func TestBusNeverBlocksOnSlowSubscriber(t *testing.T) {
	b := NewBus()
	ch, cancel := b.Subscribe(1)
	for range 10 {
		b.Publish("e")
	}
	assert.EqualValues(t, 9, b.Dropped())
	<-ch
	cancel()
	cancel()
	_, open := <-ch
	require.False(t, open, "cancel closes the channel")
	b.Publish("after cancel") // must not panic on a closed channel
}
