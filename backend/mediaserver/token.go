package mediaserver

// CheckToken rejects a token or API key that cannot be sent in an HTTP
// header: anything but printable ASCII without spaces. An empty token is
// allowed here; the server decides whether it needs one. The message never
// quotes the token.
func CheckToken(token string) *Error {
	for i := 0; i < len(token); i++ {
		if c := token[i]; c <= ' ' || c >= 0x7f {
			return &Error{
				Reason:  ReasonUnauthorized,
				Message: "The token contains spaces, line breaks or other characters a token cannot have. Copy it again without them.",
			}
		}
	}
	return nil
}
