package embybase

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/streamwarden/streamwarden/backend/mediaserver"
	"github.com/streamwarden/streamwarden/backend/model"
)

// SystemInfo is the part of GET /System/Info (and /System/Info/Public) that
// identifies a server.
type SystemInfo struct {
	ServerName      string `json:"ServerName"`
	Version         string `json:"Version"`
	ID              string `json:"Id"`
	ProductName     string `json:"ProductName"`
	OperatingSystem string `json:"OperatingSystem"`
}

// errNotJSONObject means the answer was HTML, XML or anything but a JSON object.
var errNotJSONObject = errors.New("answer is not a JSON object")

// ParseSystemInfo reads a /System/Info answer. It fails unless the body is a
// JSON object with a non-empty Id and Version.
func ParseSystemInfo(body []byte) (SystemInfo, error) {
	body = bytes.TrimPrefix(body, []byte("\xef\xbb\xbf"))
	trimmed := bytes.TrimLeft(body, " \t\r\n")
	if len(trimmed) == 0 || trimmed[0] != '{' {
		return SystemInfo{}, fmt.Errorf("parsing system info: %w", errNotJSONObject)
	}
	var info SystemInfo
	if err := json.Unmarshal(trimmed, &info); err != nil {
		return SystemInfo{}, fmt.Errorf("parsing system info: %w", err)
	}
	info = SystemInfo{
		ServerName:      mediaserver.CleanField(info.ServerName),
		Version:         mediaserver.CleanField(info.Version),
		ID:              mediaserver.CleanField(info.ID),
		ProductName:     mediaserver.CleanField(info.ProductName),
		OperatingSystem: mediaserver.CleanField(info.OperatingSystem),
	}
	if info.ID == "" || info.Version == "" {
		return SystemInfo{}, errors.New("parsing system info: no Id or Version")
	}
	return info, nil
}

// DetectKind tells Jellyfin from Emby. Jellyfin names itself in ProductName
// ("Jellyfin Server"); Emby sends no ProductName. Without one, the version
// decides: Jellyfin started at 10.0, Emby is below 10. An empty result means
// the answer does not say.
func DetectKind(info SystemInfo) model.ServerKind {
	product := strings.ToLower(info.ProductName)
	switch {
	case strings.Contains(product, "jellyfin"):
		return model.KindJellyfin
	case strings.Contains(product, "emby"):
		return model.KindEmby
	case product != "":
		return ""
	}
	major, _, _ := strings.Cut(info.Version, ".")
	n, err := strconv.Atoi(major)
	switch {
	case err != nil || n < 1:
		return ""
	case n >= 10:
		return model.KindJellyfin
	default:
		return model.KindEmby
	}
}
