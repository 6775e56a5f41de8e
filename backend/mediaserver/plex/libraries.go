package plex

import (
	"context"
	"encoding/json"
	"encoding/xml"
	"errors"
	"fmt"
	"strings"

	"github.com/streamwarden/streamwarden/backend/mediaserver"
)

const librariesPath = "/library/sections"

type xmlLibraries struct {
	XMLName     xml.Name        `xml:"MediaContainer"`
	Directories []wireDirectory `xml:"Directory"`
}

type jsonLibraries struct {
	MediaContainer *jsonLibraryContainer `json:"MediaContainer"`
}

type jsonLibraryContainer struct {
	Directories []wireDirectory `json:"Directory"`
}

type wireDirectory struct {
	Key   flex `xml:"key,attr" json:"key"`
	Title flex `xml:"title,attr" json:"title"`
	Type  flex `xml:"type,attr" json:"type"`
}

// Libraries lists the server's libraries (GET /library/sections). ID is the
// section key that sessions report as librarySectionID; Type is Plex's
// ("movie", "show", "artist", "photo").
func (c *Client) Libraries(ctx context.Context) ([]mediaserver.Library, error) {
	resp, err := c.get(ctx, librariesPath, "", c.maxBody)
	if err != nil {
		return nil, fmt.Errorf("listing plex libraries: %w", err)
	}
	if err := checkStatus(resp, librariesPath); err != nil {
		return nil, fmt.Errorf("listing plex libraries: %w", err)
	}
	libs, err := ParseLibraries(resp.ContentType, resp.Body)
	if err != nil {
		return nil, fmt.Errorf("listing plex libraries: %w", unreadable(librariesPath, "a library list", err))
	}
	return libs, nil
}

// ParseLibraries reads the answer to GET /library/sections in XML or JSON.
func ParseLibraries(contentType string, body []byte) ([]mediaserver.Library, error) {
	dirs, err := decodeLibraries(contentType, body)
	if err != nil {
		return nil, fmt.Errorf("parsing plex libraries: %w", err)
	}
	libs := make([]mediaserver.Library, 0, len(dirs))
	for _, d := range dirs {
		id := clean(d.Key)
		if id == "" {
			continue
		}
		libs = append(libs, mediaserver.Library{ID: id, Name: clean(d.Title), Type: strings.ToLower(clean(d.Type))})
	}
	return libs, nil
}

func decodeLibraries(contentType string, body []byte) ([]wireDirectory, error) {
	body, err := prepareBody(contentType, body)
	if err != nil {
		return nil, err
	}
	if isJSON(contentType, body) {
		var env jsonLibraries
		if err := json.Unmarshal(body, &env); err != nil {
			return nil, fmt.Errorf("decoding json: %w", err)
		}
		if env.MediaContainer == nil {
			return nil, errors.New("no MediaContainer object")
		}
		return env.MediaContainer.Directories, nil
	}
	var c xmlLibraries
	if err := xml.Unmarshal(body, &c); err != nil {
		return nil, fmt.Errorf("decoding xml: %w", err)
	}
	return c.Directories, nil
}
