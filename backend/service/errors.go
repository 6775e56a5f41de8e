// Package service is the use-case layer. The exported methods of its
// structs are the whole API: Wails binds them on the desktop and the
// headless server exposes the same methods over HTTP.
package service

import "errors"

// ErrorKind classifies an error for the transports (HTTP status, UI text).
type ErrorKind string

const (
	KindInvalid  ErrorKind = "invalid"
	KindNotFound ErrorKind = "not_found"
	KindConflict ErrorKind = "conflict"
	KindInternal ErrorKind = "internal"
)

// Error is an error meant for the user: Message says what went wrong in
// plain words. Field, when set, names the input field at fault.
type Error struct {
	Kind    ErrorKind
	Field   string
	Message string
	Err     error
}

func (e *Error) Error() string { return e.Message }
func (e *Error) Unwrap() error { return e.Err }

func invalid(field, msg string) error { return &Error{Kind: KindInvalid, Field: field, Message: msg} }

func notFound(msg string, err error) error { return &Error{Kind: KindNotFound, Message: msg, Err: err} }

func conflict(msg string, err error) error { return &Error{Kind: KindConflict, Message: msg, Err: err} }

// internal hides the details of err from the user but keeps them for logs.
func internal(msg string, err error) error { return &Error{Kind: KindInternal, Message: msg, Err: err} }

// KindOf returns the kind of err, KindInternal for errors not made here.
func KindOf(err error) ErrorKind {
	var e *Error
	if errors.As(err, &e) {
		return e.Kind
	}
	return KindInternal
}
