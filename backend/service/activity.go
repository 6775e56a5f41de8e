package service

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/streamwarden/streamwarden/backend/geo"
	"github.com/streamwarden/streamwarden/backend/mediaserver"
	"github.com/streamwarden/streamwarden/backend/model"
	"github.com/streamwarden/streamwarden/backend/monitor"
)

// LiveSource is the running monitor.
type LiveSource interface {
	Live() []monitor.LiveSession
	Statuses() []monitor.Status
	Terminate(ctx context.Context, serverID int64, controlID, message string) error
}

const (
	maxStopMessage = 500
	stopTimeout    = 15 * time.Second
)

// Activity is what is playing now.
type Activity struct {
	ctx  context.Context
	live LiveSource
}

// Current returns the streams playing now, the servers' status and totals.
func (a *Activity) Current() (ActivitySnapshot, error) {
	snap := ActivitySnapshot{Sessions: []LiveSessionView{}, Servers: []ServerStatusView{}}
	for _, s := range a.live.Live() {
		v := liveSessionView(s)
		snap.Sessions = append(snap.Sessions, v)
		snap.Totals.add(v)
	}
	for _, st := range a.live.Statuses() {
		snap.Servers = append(snap.Servers, ServerStatusView{
			ServerID: st.ServerID, Name: st.Name, Kind: string(st.Kind), Connection: string(st.Connection),
			LastError: st.LastError, LastContact: unixMilli(st.LastContact), Sessions: st.Sessions,
		})
	}
	return snap, nil
}

// Stop ends a stream, showing message to the viewer where the client can.
func (a *Activity) Stop(serverID int64, sessionKey, message string) error {
	message = strings.TrimSpace(message)
	if len(message) > maxStopMessage {
		return invalid("message", fmt.Sprintf("The message is longer than %d characters.", maxStopMessage))
	}
	var target *monitor.LiveSession
	for _, s := range a.live.Live() {
		if s.ServerID == serverID && s.Key == sessionKey {
			target = &s
			break
		}
	}
	if target == nil {
		return notFound("That stream is no longer playing.", nil)
	}
	ctx, cancel := context.WithTimeout(a.ctx, stopTimeout)
	defer cancel()
	err := a.live.Terminate(ctx, serverID, target.ControlID, message)
	if err == nil {
		return nil
	}
	var merr *mediaserver.Error
	switch {
	case errors.As(err, &merr):
		return &Error{Kind: KindInvalid, Message: "The server refused to stop the stream: " + merr.Message, Err: err}
	case errors.Is(err, monitor.ErrNotMonitored), errors.Is(err, monitor.ErrCannotTerminate):
		return &Error{Kind: KindInvalid, Message: "Streams on this server cannot be stopped: " + err.Error() + ".", Err: err}
	}
	return &Error{Kind: KindInvalid, Message: "The stream could not be stopped: " + err.Error(), Err: err}
}

func (t *ActivityTotals) add(v LiveSessionView) {
	t.Streams++
	switch model.Decision(v.Decision.Overall) {
	case model.DecisionTranscode:
		t.Transcodes++
	case model.DecisionDirectStream:
		t.DirectStreams++
	default:
		t.DirectPlays++
	}
	t.BandwidthKbps += v.BandwidthKbps
	if v.Location == "lan" {
		t.LANBandwidthKbps += v.BandwidthKbps
	} else {
		t.WANBandwidthKbps += v.BandwidthKbps
	}
}

func liveSessionView(s monitor.LiveSession) LiveSessionView {
	return LiveSessionView{
		ServerID: s.ServerID, ServerName: s.ServerName, PlayID: s.PlayID, SessionKey: s.Key,
		UserID: s.User.ID, UserName: s.User.Name,
		DeviceName: s.Device.Name, Product: s.Device.Product, ProductVersion: s.Device.Version,
		Platform: s.Device.Platform, PlatformVersion: s.Device.PlatformVersion,
		IP: s.IP, Location: location(s.IP, s.Local || s.Location.Source == model.LocationLocal, s.LocalKnown || s.Location.Source != ""),
		Geo:       locationView(s.Location),
		MediaType: string(s.Media.Type), Title: displayTitle(s.Media), Subtitle: displaySubtitle(s.Media),
		Year: s.Media.Year, DurationMs: s.Media.DurationMs, PositionMs: s.PositionMs, State: string(s.State),
		Source: qualityView(s.Source), Stream: qualityView(s.Stream), Decision: decisionView(s.Decision),
		BandwidthKbps: s.BandwidthKbps, LiveTV: s.LiveTV, StartedAt: unixMilli(s.StartedAt),
	}
}

// location is "lan" or "wan": the server's own flag when it gave one,
// else the address class; "" when neither is known.
func location(ip string, local, known bool) string {
	if !known {
		addr, ok := geo.ParseIP(ip)
		if !ok {
			return ""
		}
		local = geo.IsLocal(addr)
	}
	if local {
		return "lan"
	}
	return "wan"
}

// displayTitle is the main line: the show or artist for episodes and
// tracks, else the item's title.
func displayTitle(m model.Media) string {
	if (m.Type == model.MediaEpisode || m.Type == model.MediaTrack) && m.GrandparentTitle != "" {
		return m.GrandparentTitle
	}
	return m.Title
}

// displaySubtitle is the second line: "S1 · E2 · Title" or "Album · Track".
func displaySubtitle(m model.Media) string {
	switch m.Type {
	case model.MediaEpisode:
		parts := []string{}
		if m.ParentIndex > 0 {
			parts = append(parts, fmt.Sprintf("S%d", m.ParentIndex))
		}
		if m.Index > 0 {
			parts = append(parts, fmt.Sprintf("E%d", m.Index))
		}
		if m.GrandparentTitle != "" {
			parts = append(parts, m.Title)
		}
		return strings.Join(parts, " · ")
	case model.MediaTrack:
		if m.GrandparentTitle != "" {
			return strings.Trim(m.ParentTitle+" · "+m.Title, " ·")
		}
		return m.ParentTitle
	}
	return ""
}

func qualityView(q model.Quality) Quality {
	return Quality{Resolution: q.Resolution, BitrateKbps: q.BitrateKbps, Container: q.Container, VideoCodec: q.VideoCodec,
		AudioCodec: q.AudioCodec, AudioChannels: q.AudioChannels, DynamicRange: q.DynamicRange}
}

func decisionView(d model.StreamDecision) Decision {
	reasons := d.TranscodeReasons
	if reasons == nil {
		reasons = []string{}
	}
	return Decision{Overall: string(d.Overall), Video: string(d.Video), Audio: string(d.Audio), Subtitle: string(d.Subtitle),
		HardwareDecode: d.HardwareDecode, HardwareEncode: d.HardwareEncode, TranscodeReasons: reasons}
}
