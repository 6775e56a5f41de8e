package embybase

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"strings"

	"github.com/streamwarden/streamwarden/backend/mediaserver"
	"github.com/streamwarden/streamwarden/backend/model"
)

// errNotJSONArray means the answer was HTML, an object or anything but a
// JSON array.
var errNotJSONArray = errors.New("answer is not a JSON array")

// ParseSessions reads a GET /Sessions answer (or the Data of a websocket
// Sessions message) and returns the sessions that are playing something.
//
// The body must be a JSON array (null counts as empty). Sessions without a
// NowPlayingItem or without an Id are idle and left out, as are trailers,
// theme media and cinema-mode prerolls (ProviderIds "prerolls.video"). An
// element that is not a session object is skipped; a nested part with an
// unexpected shape (MediaStreams, ProviderIds, TranscodingInfo…) is treated
// as absent. ServerID and ObservedAt are left for the caller.
func ParseSessions(body []byte) ([]model.LiveSession, error) {
	raw, err := splitArray(body)
	if err != nil {
		return nil, fmt.Errorf("parsing sessions: %w", err)
	}
	list := make([]model.LiveSession, 0, len(raw))
	for _, elem := range raw {
		var dto sessionDTO
		if err := json.Unmarshal(elem, &dto); err != nil {
			continue
		}
		if s, ok := toLiveSession(dto); ok {
			list = append(list, s)
		}
	}
	return list, nil
}

// splitArray checks that body is one JSON array and returns its elements.
func splitArray(body []byte) ([]json.RawMessage, error) {
	data, err := jsonArray(body)
	if err != nil {
		return nil, err
	}
	var raw []json.RawMessage
	if err := json.Unmarshal(data, &raw); err != nil {
		return nil, fmt.Errorf("decoding JSON: %w", err)
	}
	return raw, nil
}

// jsonArray returns body without a byte order mark and surrounding space
// if it looks like a JSON array or null, else errNotJSONArray.
func jsonArray(body []byte) ([]byte, error) {
	body = bytes.TrimSpace(bytes.TrimPrefix(body, []byte("\xef\xbb\xbf")))
	if bytes.Equal(body, []byte("null")) || (len(body) > 0 && body[0] == '[') {
		return body, nil
	}
	return nil, errNotJSONArray
}

// toLiveSession maps one session; ok is false for sessions to leave out.
func toLiveSession(s sessionDTO) (model.LiveSession, bool) {
	item := s.NowPlayingItem
	id := cleanText(string(s.ID))
	if item == nil || id == "" || isExtra(item) {
		return model.LiveSession{}, false
	}
	ps := s.PlayState.V
	media := toMedia(item)
	state := model.StatePlaying
	if ps.IsPaused {
		state = model.StatePaused
	}
	client := cleanText(string(s.Client))
	source, hasVideo, hasAudio := sourceQuality(item, ps)
	delivery := deliver(ps, s.TranscodingInfo.V, source, hasVideo, hasAudio)
	return model.LiveSession{
		Key:       id,
		ControlID: id,
		User:      model.SessionUser{ID: cleanText(string(s.UserID)), Name: cleanText(string(s.UserName))},
		Device: model.Device{
			ID:       cleanText(string(s.DeviceID)),
			Name:     cleanText(string(s.DeviceName)),
			Product:  client,
			Version:  cleanText(string(s.ApplicationVersion)),
			Platform: platform(client, cleanText(string(s.DeviceType))),
		},
		IP:            clientIP(string(s.RemoteEndPoint)),
		Media:         media,
		State:         state,
		PositionMs:    ticksToMs(ps.PositionTicks),
		Source:        source,
		Stream:        delivery.stream,
		Decision:      delivery.decision,
		BandwidthKbps: delivery.bandwidthKbps,
		LiveTV:        media.Type == model.MediaLiveTV,
	}, true
}

// isExtra reports items that play around the real content: trailers,
// theme songs and videos, and prerolls from the cinema-mode plugin.
func isExtra(item *itemDTO) bool {
	switch strings.ToLower(string(item.Type)) {
	case "trailer":
		return true
	}
	switch strings.ToLower(string(item.ExtraType)) {
	case "trailer", "themesong", "themevideo":
		return true
	}
	for key := range item.ProviderIDs.V {
		if strings.EqualFold(key, "prerolls.video") {
			return true
		}
	}
	return false
}

// toMedia describes the item. For episodes ParentTitle is the season and
// GrandparentTitle the series; for tracks, album and album artist (or the
// first artist); for live TV the channel name stands in for a missing
// series name.
func toMedia(item *itemDTO) model.Media {
	m := model.Media{
		Type:             mediaType(string(item.Type)),
		ItemID:           cleanText(string(item.ID)),
		Title:            cleanText(string(item.Name)),
		ParentTitle:      firstText(item.SeasonName, item.Album),
		GrandparentTitle: firstText(item.SeriesName, item.AlbumArtist, firstOf(item.Artists.V)),
		ParentIndex:      smallInt(item.ParentIndexNumber),
		Index:            smallInt(item.IndexNumber),
		Year:             smallInt(item.ProductionYear),
		DurationMs:       ticksToMs(item.RunTimeTicks),
		ExternalIDs:      externalIDs(item.ProviderIDs.V),
	}
	if m.Type == model.MediaLiveTV && m.GrandparentTitle == "" {
		m.GrandparentTitle = cleanText(string(item.ChannelName))
	}
	return m
}

// mediaType maps BaseItemDto.Type.
func mediaType(t string) model.MediaType {
	switch strings.ToLower(t) {
	case "movie":
		return model.MediaMovie
	case "episode":
		return model.MediaEpisode
	case "audio":
		return model.MediaTrack
	case "musicvideo", "video":
		return model.MediaClip
	case "tvchannel", "livetvprogram", "livetvchannel":
		return model.MediaLiveTV
	case "photo":
		return model.MediaPhoto
	}
	return model.MediaOther
}

// externalIDs lower-cases the provider names (Imdb → imdb,
// MusicBrainzTrack → musicbrainztrack) and drops empty ids; nil when none.
func externalIDs(ids map[string]flexString) map[string]string {
	var out map[string]string
	for key, value := range ids {
		key, value := strings.ToLower(cleanText(key)), cleanText(string(value))
		if key == "" || value == "" {
			continue
		}
		if out == nil {
			out = make(map[string]string, len(ids))
		}
		out[key] = value
	}
	return out
}

// cleanText makes a server value safe to store and show.
func cleanText(s string) string {
	return mediaserver.CleanField(s)
}

// firstText returns the first value that is not empty after cleaning.
func firstText(values ...flexString) string {
	for _, v := range values {
		if s := cleanText(string(v)); s != "" {
			return s
		}
	}
	return ""
}

func firstOf(values []flexString) flexString {
	if len(values) == 0 {
		return ""
	}
	return values[0]
}
