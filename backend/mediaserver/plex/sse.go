package plex

import (
	"bufio"
	"bytes"
	"errors"
	"io"
)

// maxEventBytes bounds one line of the event stream and the data of one
// event. Plex's notifications are a few hundred bytes.
const maxEventBytes = 1 << 20

// sseEvent is one dispatched server-sent event.
type sseEvent struct {
	Type string
	Data []byte
}

// eventReader splits a text/event-stream into events as the bytes arrive.
// It follows the parts of the SSE format Plex uses: "event:" and "data:"
// fields, comments, events ended by a blank line, lines ended by LF or
// CRLF. A line or event over the limit is dropped, not returned.
type eventReader struct {
	r       *bufio.Reader
	limit   int
	started bool
	typ     string
	data    []byte
	hasData bool
	broken  bool
}

func newEventReader(r io.Reader, limit int) *eventReader {
	return &eventReader{r: bufio.NewReaderSize(r, 32<<10), limit: limit}
}

// Next returns the next complete event, or the reader's error (io.EOF
// when the stream ends). An event cut off by the end is dropped.
func (er *eventReader) Next() (sseEvent, error) {
	for {
		line, err := er.readLine()
		if errors.Is(err, errLineTooLong) {
			er.broken = true
			continue
		}
		if err != nil {
			return sseEvent{}, err
		}
		if len(line) == 0 {
			if ev, ok := er.dispatch(); ok {
				return ev, nil
			}
			continue
		}
		er.field(line)
	}
}

// errLineTooLong marks a line that was skipped for its length.
var errLineTooLong = errors.New("event stream line too long")

// readLine returns the next line without its ending. A line over the
// limit is read to its end and discarded with errLineTooLong.
func (er *eventReader) readLine() ([]byte, error) {
	var line []byte
	tooLong := false
	for {
		chunk, err := er.r.ReadSlice('\n')
		if !tooLong {
			if len(line)+len(chunk) > er.limit+2 {
				tooLong, line = true, nil
			} else {
				line = append(line, chunk...)
			}
		}
		if errors.Is(err, bufio.ErrBufferFull) {
			continue
		}
		if err != nil {
			return nil, err
		}
		break
	}
	if tooLong {
		return nil, errLineTooLong
	}
	line = bytes.TrimSuffix(bytes.TrimSuffix(line, []byte("\n")), []byte("\r"))
	if !er.started {
		er.started = true
		line = bytes.TrimPrefix(line, utf8BOM)
	}
	return line, nil
}

// field applies one "name: value" line to the event being built.
func (er *eventReader) field(line []byte) {
	if line[0] == ':' {
		return // a comment, sometimes used as a keep-alive
	}
	name, value, _ := bytes.Cut(line, []byte(":"))
	value = bytes.TrimPrefix(value, []byte(" "))
	switch string(name) {
	case "event":
		er.typ = string(value)
	case "data":
		if len(er.data)+len(value)+1 > er.limit {
			er.broken = true
			return
		}
		if er.hasData {
			er.data = append(er.data, '\n')
		}
		er.data = append(er.data, value...)
		er.hasData = true
	}
}

// dispatch ends the event being built. Events without data, and events
// that had a line or data over the limit, are not delivered.
func (er *eventReader) dispatch() (sseEvent, bool) {
	ev := sseEvent{Type: er.typ, Data: er.data}
	ok := er.hasData && !er.broken
	er.typ, er.data, er.hasData, er.broken = "", nil, false, false
	if ev.Type == "" {
		ev.Type = "message"
	}
	return ev, ok
}
