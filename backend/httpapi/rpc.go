package httpapi

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"reflect"
	"sort"

	"github.com/streamwarden/streamwarden/backend/service"
)

var errorType = reflect.TypeFor[error]()

// method is one bound service method callable over HTTP.
type method struct {
	name   string
	fn     reflect.Value
	params []reflect.Type
	// returnsValue is true when the first result is data, not the error.
	returnsValue bool
	returnsError bool
}

// methodTable maps "Service.Method" to the method, built by reflection
// over the same structs Wails binds, so every exported method is reachable
// in both shells with no per-method code.
type methodTable map[string]method

func newMethodTable(services []any) (methodTable, error) {
	table := methodTable{}
	for _, svc := range services {
		v := reflect.ValueOf(svc)
		t := v.Type()
		if t.Kind() != reflect.Pointer || t.Elem().Kind() != reflect.Struct {
			return nil, fmt.Errorf("service %s must be a pointer to a struct", t)
		}
		svcName := t.Elem().Name()
		for i := range t.NumMethod() {
			m := t.Method(i)
			mt := m.Type
			entry := method{name: svcName + "." + m.Name, fn: v.Method(i)}
			for p := 1; p < mt.NumIn(); p++ {
				entry.params = append(entry.params, mt.In(p))
			}
			switch mt.NumOut() {
			case 0:
			case 1:
				entry.returnsError = mt.Out(0) == errorType
				entry.returnsValue = !entry.returnsError
			case 2:
				if mt.Out(1) != errorType {
					return nil, fmt.Errorf("%s: a second result must be error", entry.name)
				}
				entry.returnsValue, entry.returnsError = true, true
			default:
				return nil, fmt.Errorf("%s: at most two results are supported", entry.name)
			}
			table[entry.name] = entry
		}
	}
	return table, nil
}

// Names lists the callable methods, sorted.
func (t methodTable) Names() []string {
	names := make([]string, 0, len(t))
	for n := range t {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}

// call decodes body as a JSON array of arguments, calls the method and
// returns its result.
func (m method) call(body []byte) (any, error) {
	var raw []json.RawMessage
	body = bytes.TrimSpace(body)
	if len(body) == 0 {
		body = []byte("[]")
	}
	if err := json.Unmarshal(body, &raw); err != nil {
		return nil, &requestError{status: http.StatusBadRequest, msg: "The request body must be a JSON array of arguments: " + err.Error()}
	}
	if len(raw) != len(m.params) {
		return nil, &requestError{status: http.StatusBadRequest,
			msg: fmt.Sprintf("%s takes %d argument(s), got %d.", m.name, len(m.params), len(raw))}
	}
	args := make([]reflect.Value, len(m.params))
	for i, p := range m.params {
		ptr := reflect.New(p)
		dec := json.NewDecoder(bytes.NewReader(raw[i]))
		if err := dec.Decode(ptr.Interface()); err != nil {
			return nil, &requestError{status: http.StatusBadRequest,
				msg: fmt.Sprintf("Argument %d of %s is not a valid %s: %v", i+1, m.name, p, err)}
		}
		args[i] = ptr.Elem()
	}
	out := m.fn.Call(args)
	var result any
	if m.returnsValue {
		result = out[0].Interface()
	}
	if m.returnsError {
		if errv := out[len(out)-1]; !errv.IsNil() {
			return nil, errv.Interface().(error)
		}
	}
	return result, nil
}

// requestError is a problem with the HTTP request itself.
type requestError struct {
	status int
	msg    string
}

func (e *requestError) Error() string { return e.msg }

func (s *Server) handleCall(w http.ResponseWriter, r *http.Request) {
	name := r.PathValue("service") + "." + r.PathValue("method")
	m, ok := s.methods[name]
	if !ok {
		writeError(w, http.StatusNotFound, "There is no API method "+name+".")
		return
	}
	body, ok := readBody(w, r, maxCallBody)
	if !ok {
		return
	}
	result, err := m.call(body)
	if err != nil {
		s.writeCallError(w, name, err)
		return
	}
	writeJSON(w, http.StatusOK, result)
}

func (s *Server) writeCallError(w http.ResponseWriter, name string, err error) {
	var rerr *requestError
	if errors.As(err, &rerr) {
		writeError(w, rerr.status, rerr.msg)
		return
	}
	status := http.StatusInternalServerError
	switch service.KindOf(err) {
	case service.KindInvalid:
		status = http.StatusBadRequest
	case service.KindNotFound:
		status = http.StatusNotFound
	case service.KindConflict:
		status = http.StatusConflict
	case service.KindInternal:
		s.log.Error("API call failed", slog.String("method", name), slog.Any("error", errors.Unwrap(err)))
	}
	writeError(w, status, err.Error())
}
