package plex

import (
	"bytes"
	"errors"
	"io"
	"strings"
	"testing"
	"testing/iotest"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// readAll collects every event until the reader's error.
func readAll(t testing.TB, r io.Reader, limit int) ([]sseEvent, error) {
	t.Helper()
	er := newEventReader(r, limit)
	var events []sseEvent
	for {
		ev, err := er.Next()
		if err != nil {
			return events, err
		}
		events = append(events, ev)
	}
}

func TestEventReader(t *testing.T) {
	long := strings.Repeat("x", 100)
	tests := []struct {
		name  string
		input string
		want  []sseEvent
	}{
		{"ping and playing",
			"event: ping\ndata: {}\n\nevent: playing\ndata: {\"PlaySessionStateNotification\":{}}\n\n",
			[]sseEvent{{"ping", []byte("{}")}, {"playing", []byte(`{"PlaySessionStateNotification":{}}`)}}},
		{"crlf line endings", "event: playing\r\ndata: {}\r\n\r\n", []sseEvent{{"playing", []byte("{}")}}},
		{"comments and unknown fields", ": keep-alive\nid: 7\nretry: 100\nevent: playing\ndata:{}\n\n",
			[]sseEvent{{"playing", []byte("{}")}}},
		{"data lines are joined", "data: a\ndata:\ndata: b\n\n", []sseEvent{{"message", []byte("a\n\nb")}}},
		{"event without data is not dispatched", "event: playing\n\nevent: ping\ndata: {}\n\n",
			[]sseEvent{{"ping", []byte("{}")}}},
		{"garbage lines", "garbage\n\x00\xff\nevent\n\n\n\nevent: ping\ndata: {}\n\n",
			[]sseEvent{{"ping", []byte("{}")}}},
		{"byte order mark", "\xef\xbb\xbfevent: ping\ndata: {}\n\n", []sseEvent{{"ping", []byte("{}")}}},
		{"unterminated event is dropped", "event: ping\ndata: {}\n\nevent: playing\ndata: {}\n", []sseEvent{{"ping", []byte("{}")}}},
		{"over-long line drops its event", "event: playing\ndata: " + long + "\n\nevent: ping\ndata: {}\n\n",
			[]sseEvent{{"ping", []byte("{}")}}},
		{"over-long data drops its event", "data: " + long[:40] + "\ndata: " + long[:40] + "\n\nevent: ping\ndata: {}\n\n",
			[]sseEvent{{"ping", []byte("{}")}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			for _, split := range []bool{false, true} {
				var r io.Reader = strings.NewReader(tt.input)
				if split {
					r = iotest.OneByteReader(r)
				}
				got, err := readAll(t, r, 64)
				require.ErrorIs(t, err, io.EOF)
				assert.Equal(t, tt.want, got, "one byte at a time: %v", split)
			}
		})
	}
}

func TestEventReaderLongLineAcrossBuffer(t *testing.T) {
	// A line longer than the read buffer but within the limit is kept.
	data := strings.Repeat("y", 100<<10)
	got, err := readAll(t, strings.NewReader("event: playing\ndata: "+data+"\n\n"), maxEventBytes)
	require.ErrorIs(t, err, io.EOF)
	require.Len(t, got, 1)
	assert.Equal(t, data, string(got[0].Data))

	// A line over the limit is skipped without buffering it.
	huge := strings.Repeat("z", 3<<20)
	got, err = readAll(t, strings.NewReader("data: "+huge+"\n\nevent: ping\ndata: {}\n\n"), maxEventBytes)
	require.ErrorIs(t, err, io.EOF)
	assert.Equal(t, []sseEvent{{"ping", []byte("{}")}}, got)
}

func TestEventReaderPassesErrors(t *testing.T) {
	boom := errors.New("connection reset")
	_, err := readAll(t, io.MultiReader(strings.NewReader("event: ping\n"), iotest.ErrReader(boom)), 64)
	assert.ErrorIs(t, err, boom)
}

func TestIsPlayNotification(t *testing.T) {
	tests := map[string]bool{
		`{"PlaySessionStateNotification":{"sessionKey":"45","state":"paused"}}`:                 true,
		`{"NotificationContainer":{"type":"playing","PlaySessionStateNotification":[{"a":1}]}}`: true,
		`{"PlaySessionStateNotification":null}`:                                                 false,
		`{"PlaySessionStateNotification":"x"}`:                                                  false,
		`{"ActivityNotification":{}}`:                                                           false,
		`{}`:                                                                                    false,
		`not json`:                                                                              false,
		``:                                                                                      false,
	}
	for data, want := range tests {
		assert.Equal(t, want, isPlayNotification([]byte(data)), data)
	}
}

func FuzzEventReader(f *testing.F) {
	f.Add([]byte("event: ping\ndata: {}\n\nevent: playing\ndata: {\"PlaySessionStateNotification\":{\"sessionKey\":\"1\"}}\n\n"))
	f.Add([]byte("event: playing\r\ndata: {}\r\n\r\n: comment\n\n"))
	f.Add([]byte("data: a\ndata: b\n\n\xef\xbb\xbfgarbage\n"))
	f.Add([]byte("data: " + strings.Repeat("q", 300) + "\n\n"))
	f.Fuzz(func(t *testing.T, input []byte) {
		const limit = 256
		er := newEventReader(bytes.NewReader(input), limit)
		for n := 0; ; n++ {
			ev, err := er.Next()
			if err != nil {
				if !errors.Is(err, io.EOF) {
					t.Fatalf("unexpected error %v", err)
				}
				return
			}
			if n > len(input) {
				t.Fatalf("more events (%d) than input bytes (%d)", n, len(input))
			}
			if len(ev.Data) > limit || len(ev.Type) > limit+2 {
				t.Fatalf("event over the limit: type %d bytes, data %d bytes", len(ev.Type), len(ev.Data))
			}
			if strings.ContainsRune(ev.Type, '\n') || ev.Type == "" {
				t.Fatalf("bad event type %q", ev.Type)
			}
			_ = isPlayNotification(ev.Data)
		}
	})
}
