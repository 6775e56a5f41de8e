// Package plex talks to a Plex Media Server.
package plex

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"errors"
	"fmt"
	"mime"
	"strings"

	"github.com/streamwarden/streamwarden/backend/mediaserver"
)

// Identity is what a Plex server says about itself in /identity and /.
// Name is only present in the answer to /.
type Identity struct {
	MachineID string
	Version   string
	Name      string
}

// errNoMachineID means the answer was a MediaContainer without the one field
// every Plex server sends.
var errNoMachineID = errors.New("no machineIdentifier in MediaContainer")

// xmlContainer is the MediaContainer element of /identity and /.
type xmlContainer struct {
	XMLName           xml.Name `xml:"MediaContainer"`
	MachineIdentifier string   `xml:"machineIdentifier,attr"`
	Version           string   `xml:"version,attr"`
	FriendlyName      string   `xml:"friendlyName,attr"`
}

// jsonEnvelope is the JSON form, where the container is a single key.
type jsonEnvelope struct {
	MediaContainer *jsonContainer `json:"MediaContainer"`
}

type jsonContainer struct {
	MachineIdentifier string `json:"machineIdentifier"`
	Version           string `json:"version"`
	FriendlyName      string `json:"friendlyName"`
}

// ParseIdentity reads the answer to GET /identity, in XML or JSON.
func ParseIdentity(contentType string, body []byte) (Identity, error) {
	id, err := parseContainer(contentType, body)
	if err != nil {
		return Identity{}, fmt.Errorf("parsing plex identity: %w", err)
	}
	return id, nil
}

// ParseRoot reads the answer to GET /, in XML or JSON.
func ParseRoot(contentType string, body []byte) (Identity, error) {
	id, err := parseContainer(contentType, body)
	if err != nil {
		return Identity{}, fmt.Errorf("parsing plex server root: %w", err)
	}
	return id, nil
}

func parseContainer(contentType string, body []byte) (Identity, error) {
	body = bytes.TrimPrefix(body, []byte("\xef\xbb\xbf"))
	var id Identity
	if isJSON(contentType, body) {
		var env jsonEnvelope
		if err := json.Unmarshal(body, &env); err != nil {
			return Identity{}, fmt.Errorf("decoding json: %w", err)
		}
		if env.MediaContainer == nil {
			return Identity{}, errors.New("no MediaContainer object")
		}
		c := env.MediaContainer
		id = Identity{MachineID: c.MachineIdentifier, Version: c.Version, Name: c.FriendlyName}
	} else {
		var c xmlContainer
		if err := xml.Unmarshal(body, &c); err != nil {
			return Identity{}, fmt.Errorf("decoding xml: %w", err)
		}
		id = Identity{MachineID: c.MachineIdentifier, Version: c.Version, Name: c.FriendlyName}
	}
	id = Identity{
		MachineID: mediaserver.CleanField(id.MachineID),
		Version:   mediaserver.CleanField(id.Version),
		Name:      mediaserver.CleanField(id.Name),
	}
	if id.MachineID == "" {
		return Identity{}, errNoMachineID
	}
	return id, nil
}

// isJSON decides the body's format: by its first non-space byte when that is
// conclusive ('{' or '<'), else by the Content-Type.
func isJSON(contentType string, body []byte) bool {
	trimmed := bytes.TrimLeft(body, " \t\r\n")
	if len(trimmed) > 0 {
		switch trimmed[0] {
		case '{', '[':
			return true
		case '<':
			return false
		}
	}
	mediaType, _, err := mime.ParseMediaType(contentType)
	return err == nil && strings.HasSuffix(mediaType, "json")
}
