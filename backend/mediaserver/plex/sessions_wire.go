package plex

import "encoding/xml"

// The shapes below read both formats of GET /status/sessions. Plex's JSON
// mirrors its XML: attributes become keys and child elements become arrays
// (Media, Part, Stream, Guid) or objects (User, Player, Session,
// TranscodeSession), so one set of types carries both tags. Only the fields
// Streamwarden uses are declared.

// xmlSessions is the XML answer. Items are <Video>, <Track> and <Photo>
// elements in document order; other children are dropped after decoding.
type xmlSessions struct {
	XMLName xml.Name   `xml:"MediaContainer"`
	Size    flex       `xml:"size,attr"`
	Items   []wireItem `xml:",any"`
}

// jsonSessions is the JSON answer, where every item is in Metadata.
type jsonSessions struct {
	MediaContainer *jsonSessionContainer `json:"MediaContainer"`
}

type jsonSessionContainer struct {
	Size     flex       `json:"size"`
	Metadata []wireItem `json:"Metadata"`
}

// wireItem is one playing item with the session around it.
type wireItem struct {
	XMLName xml.Name `json:"-"`

	SessionKey       flex `xml:"sessionKey,attr" json:"sessionKey"`
	Type             flex `xml:"type,attr" json:"type"`
	Live             flex `xml:"live,attr" json:"live"`
	RatingKey        flex `xml:"ratingKey,attr" json:"ratingKey"`
	Key              flex `xml:"key,attr" json:"key"`
	GUID             flex `xml:"guid,attr" json:"guid"`
	Title            flex `xml:"title,attr" json:"title"`
	ParentTitle      flex `xml:"parentTitle,attr" json:"parentTitle"`
	GrandparentTitle flex `xml:"grandparentTitle,attr" json:"grandparentTitle"`
	Index            flex `xml:"index,attr" json:"index"`
	ParentIndex      flex `xml:"parentIndex,attr" json:"parentIndex"`
	Year             flex `xml:"year,attr" json:"year"`
	Duration         flex `xml:"duration,attr" json:"duration"`
	ViewOffset       flex `xml:"viewOffset,attr" json:"viewOffset"`
	LibraryID        flex `xml:"librarySectionID,attr" json:"librarySectionID"`
	LibraryTitle     flex `xml:"librarySectionTitle,attr" json:"librarySectionTitle"`

	GUIDs     []wireGUID     `xml:"Guid" json:"Guid"`
	Media     []wireMedia    `xml:"Media" json:"Media"`
	User      *wireUser      `xml:"User" json:"User"`
	Player    *wirePlayer    `xml:"Player" json:"Player"`
	Session   *wireSession   `xml:"Session" json:"Session"`
	Transcode *wireTranscode `xml:"TranscodeSession" json:"TranscodeSession"`
}

type wireGUID struct {
	ID flex `xml:"id,attr" json:"id"`
}

// wireMedia is one version of the item; the one playing is selected.
type wireMedia struct {
	Selected        flex       `xml:"selected,attr" json:"selected"`
	Container       flex       `xml:"container,attr" json:"container"`
	Bitrate         flex       `xml:"bitrate,attr" json:"bitrate"`
	Width           flex       `xml:"width,attr" json:"width"`
	Height          flex       `xml:"height,attr" json:"height"`
	VideoResolution flex       `xml:"videoResolution,attr" json:"videoResolution"`
	VideoCodec      flex       `xml:"videoCodec,attr" json:"videoCodec"`
	AudioCodec      flex       `xml:"audioCodec,attr" json:"audioCodec"`
	AudioChannels   flex       `xml:"audioChannels,attr" json:"audioChannels"`
	Duration        flex       `xml:"duration,attr" json:"duration"`
	Parts           []wirePart `xml:"Part" json:"Part"`
}

type wirePart struct {
	Selected flex         `xml:"selected,attr" json:"selected"`
	Decision flex         `xml:"decision,attr" json:"decision"`
	Streams  []wireStream `xml:"Stream" json:"Stream"`
}

// Stream types as Plex numbers them.
const (
	streamVideo    = 1
	streamAudio    = 2
	streamSubtitle = 3
)

type wireStream struct {
	StreamType  flex `xml:"streamType,attr" json:"streamType"`
	Selected    flex `xml:"selected,attr" json:"selected"`
	Codec       flex `xml:"codec,attr" json:"codec"`
	Channels    flex `xml:"channels,attr" json:"channels"`
	Decision    flex `xml:"decision,attr" json:"decision"`
	ColorTrc    flex `xml:"colorTrc,attr" json:"colorTrc"`
	DOVIPresent flex `xml:"DOVIPresent,attr" json:"DOVIPresent"`
}

type wireUser struct {
	ID    flex `xml:"id,attr" json:"id"`
	Title flex `xml:"title,attr" json:"title"`
}

type wirePlayer struct {
	Address             flex `xml:"address,attr" json:"address"`
	RemotePublicAddress flex `xml:"remotePublicAddress,attr" json:"remotePublicAddress"`
	Local               flex `xml:"local,attr" json:"local"`
	MachineIdentifier   flex `xml:"machineIdentifier,attr" json:"machineIdentifier"`
	Title               flex `xml:"title,attr" json:"title"`
	Product             flex `xml:"product,attr" json:"product"`
	Version             flex `xml:"version,attr" json:"version"`
	Platform            flex `xml:"platform,attr" json:"platform"`
	PlatformVersion     flex `xml:"platformVersion,attr" json:"platformVersion"`
	State               flex `xml:"state,attr" json:"state"`
	UserID              flex `xml:"userID,attr" json:"userID"`
}

type wireSession struct {
	ID        flex `xml:"id,attr" json:"id"`
	Bandwidth flex `xml:"bandwidth,attr" json:"bandwidth"`
	Location  flex `xml:"location,attr" json:"location"`
}

// wireTranscode is present only while Plex transcodes or remuxes.
type wireTranscode struct {
	VideoDecision    flex `xml:"videoDecision,attr" json:"videoDecision"`
	AudioDecision    flex `xml:"audioDecision,attr" json:"audioDecision"`
	SubtitleDecision flex `xml:"subtitleDecision,attr" json:"subtitleDecision"`
	Container        flex `xml:"container,attr" json:"container"`
	VideoCodec       flex `xml:"videoCodec,attr" json:"videoCodec"`
	AudioCodec       flex `xml:"audioCodec,attr" json:"audioCodec"`
	AudioChannels    flex `xml:"audioChannels,attr" json:"audioChannels"`
	Width            flex `xml:"width,attr" json:"width"`
	Height           flex `xml:"height,attr" json:"height"`
	SourceVideoCodec flex `xml:"sourceVideoCodec,attr" json:"sourceVideoCodec"`
	SourceAudioCodec flex `xml:"sourceAudioCodec,attr" json:"sourceAudioCodec"`
	HWDecoding       flex `xml:"transcodeHwDecoding,attr" json:"transcodeHwDecoding"`
	HWEncoding       flex `xml:"transcodeHwEncoding,attr" json:"transcodeHwEncoding"`
}
