package plex

import (
	"strings"

	"github.com/streamwarden/streamwarden/backend/mediaserver"
	"github.com/streamwarden/streamwarden/backend/model"
)

// liveSession turns one item of /status/sessions into the common session
// record. It reports false for items that are not a viewing to record.
func liveSession(it *wireItem) (model.LiveSession, bool) {
	key := clean(it.SessionKey)
	if key == "" || isThemeMusic(it) {
		return model.LiveSession{}, false
	}
	player := it.Player
	if player == nil {
		player = &wirePlayer{}
	}
	sess := it.Session
	if sess == nil {
		sess = &wireSession{}
	}
	local, localKnown := locality(sess, player)
	media := selectedMedia(it.Media)
	live := it.Live.Bool()
	s := model.LiveSession{
		Key:           key,
		ControlID:     clean(sess.ID),
		User:          sessionUser(it.User, player),
		Device:        device(player),
		IP:            clientIP(player, local, localKnown),
		Local:         local,
		LocalKnown:    localKnown,
		Media:         itemMedia(it, media, live),
		State:         playbackState(player.State),
		PositionMs:    it.ViewOffset.Millis(),
		Source:        sourceQuality(media, it.Transcode),
		Decision:      decision(media, it.Transcode),
		BandwidthKbps: sess.Bandwidth.Count(),
		LiveTV:        live,
	}
	s.Stream = streamQuality(s.Source, it.Transcode, s.Decision.Video)
	return s, true
}

// isThemeMusic recognises the theme songs some clients play while a show
// is browsed: they are not viewings.
func isThemeMusic(it *wireItem) bool {
	return strings.HasPrefix(strings.TrimSpace(it.GUID.String()), "library://") ||
		strings.Contains(it.Key.String(), "/theme/")
}

func sessionUser(u *wireUser, p *wirePlayer) model.SessionUser {
	if u == nil {
		return model.SessionUser{ID: clean(p.UserID)}
	}
	id := clean(u.ID)
	if id == "" {
		id = clean(p.UserID)
	}
	return model.SessionUser{ID: id, Name: clean(u.Title)}
}

func device(p *wirePlayer) model.Device {
	name := clean(p.Title)
	if name == "" {
		name = clean(p.Product)
	}
	return model.Device{
		ID:              clean(p.MachineIdentifier),
		Name:            name,
		Product:         clean(p.Product),
		Version:         clean(p.Version),
		Platform:        platformName(clean(p.Platform)),
		PlatformVersion: clean(p.PlatformVersion),
	}
}

// locality reads the server's own LAN flag: Session.location first, then
// Player.local. known is false when the server says neither.
func locality(s *wireSession, p *wirePlayer) (local, known bool) {
	switch strings.ToLower(clean(s.Location)) {
	case "lan":
		return true, true
	case "wan":
		return false, true
	}
	if clean(p.Local) != "" {
		return p.Local.Bool(), true
	}
	return false, false
}

func playbackState(state flex) model.PlaybackState {
	switch strings.ToLower(clean(state)) {
	case "paused":
		return model.StatePaused
	case "buffering":
		return model.StateBuffering
	case "stopped":
		return model.StateStopped
	}
	// A listed session is playing unless it says otherwise.
	return model.StatePlaying
}

func itemMedia(it *wireItem, m *wireMedia, live bool) model.Media {
	duration := it.Duration.Millis()
	if duration == 0 && m != nil {
		duration = m.Duration.Millis()
	}
	return model.Media{
		Type:             mediaType(it.Type, live),
		ItemID:           clean(it.RatingKey),
		Title:            clean(it.Title),
		ParentTitle:      clean(it.ParentTitle),
		GrandparentTitle: clean(it.GrandparentTitle),
		ParentIndex:      it.ParentIndex.Count(),
		Index:            it.Index.Count(),
		Year:             it.Year.Count(),
		DurationMs:       duration,
		LibraryID:        clean(it.LibraryID),
		LibraryName:      clean(it.LibraryTitle),
		ExternalIDs:      externalIDs(it),
	}
}

func mediaType(t flex, live bool) model.MediaType {
	if live {
		return model.MediaLiveTV
	}
	switch strings.ToLower(clean(t)) {
	case "movie":
		return model.MediaMovie
	case "episode":
		return model.MediaEpisode
	case "track":
		return model.MediaTrack
	case "clip", "trailer":
		return model.MediaClip
	case "photo":
		return model.MediaPhoto
	}
	return model.MediaOther
}

// clean makes a value from the server safe to store and show.
func clean(f flex) string {
	return mediaserver.CleanField(string(f))
}
