package simulator

import "encoding/xml"

// plexBool is "1"/"0" in XML attributes and true/false in JSON.
type plexBool bool

func (b plexBool) MarshalXMLAttr(name xml.Name) (xml.Attr, error) {
	v := "0"
	if b {
		v = "1"
	}
	return xml.Attr{Name: name, Value: v}, nil
}

// plexSessions is the /status/sessions MediaContainer.
type plexSessions struct {
	XMLName  xml.Name   `xml:"MediaContainer" json:"-"`
	Size     int        `xml:"size,attr" json:"size"`
	Metadata []plexItem `json:"Metadata,omitempty"`
}

// plexItem is one session. Its XMLName is Video, Track or Photo.
type plexItem struct {
	XMLName              xml.Name       `json:"-"`
	AddedAt              int64          `xml:"addedAt,attr" json:"addedAt"`
	Art                  string         `xml:"art,attr,omitempty" json:"art,omitempty"`
	Duration             int64          `xml:"duration,attr" json:"duration"`
	GrandparentGUID      string         `xml:"grandparentGuid,attr,omitempty" json:"grandparentGuid,omitempty"`
	GrandparentKey       string         `xml:"grandparentKey,attr,omitempty" json:"grandparentKey,omitempty"`
	GrandparentRatingKey string         `xml:"grandparentRatingKey,attr,omitempty" json:"grandparentRatingKey,omitempty"`
	GrandparentThumb     string         `xml:"grandparentThumb,attr,omitempty" json:"grandparentThumb,omitempty"`
	GrandparentTitle     string         `xml:"grandparentTitle,attr,omitempty" json:"grandparentTitle,omitempty"`
	GUID                 string         `xml:"guid,attr" json:"guid"`
	Index                int            `xml:"index,attr,omitempty" json:"index,omitempty"`
	Key                  string         `xml:"key,attr" json:"key"`
	LibrarySectionID     string         `xml:"librarySectionID,attr,omitempty" json:"librarySectionID,omitempty"`
	LibrarySectionKey    string         `xml:"librarySectionKey,attr,omitempty" json:"librarySectionKey,omitempty"`
	LibrarySectionTitle  string         `xml:"librarySectionTitle,attr,omitempty" json:"librarySectionTitle,omitempty"`
	Live                 plexBool       `xml:"live,attr,omitempty" json:"live,omitempty"`
	ParentGUID           string         `xml:"parentGuid,attr,omitempty" json:"parentGuid,omitempty"`
	ParentIndex          int            `xml:"parentIndex,attr,omitempty" json:"parentIndex,omitempty"`
	ParentKey            string         `xml:"parentKey,attr,omitempty" json:"parentKey,omitempty"`
	ParentRatingKey      string         `xml:"parentRatingKey,attr,omitempty" json:"parentRatingKey,omitempty"`
	ParentThumb          string         `xml:"parentThumb,attr,omitempty" json:"parentThumb,omitempty"`
	ParentTitle          string         `xml:"parentTitle,attr,omitempty" json:"parentTitle,omitempty"`
	RatingKey            string         `xml:"ratingKey,attr" json:"ratingKey"`
	SessionKey           string         `xml:"sessionKey,attr" json:"sessionKey"`
	Thumb                string         `xml:"thumb,attr,omitempty" json:"thumb,omitempty"`
	Title                string         `xml:"title,attr" json:"title"`
	Type                 string         `xml:"type,attr" json:"type"`
	UpdatedAt            int64          `xml:"updatedAt,attr" json:"updatedAt"`
	ViewOffset           int64          `xml:"viewOffset,attr" json:"viewOffset"`
	Year                 int            `xml:"year,attr,omitempty" json:"year,omitempty"`
	Guids                []plexGUID     `xml:"Guid" json:"Guid,omitempty"`
	Media                []plexMedia    `xml:"Media" json:"Media"`
	User                 plexUser       `xml:"User" json:"User"`
	Player               plexPlayer     `xml:"Player" json:"Player"`
	Session              plexSession    `xml:"Session" json:"Session"`
	TranscodeSession     *plexTranscode `xml:"TranscodeSession,omitempty" json:"TranscodeSession,omitempty"`
}

type plexGUID struct {
	ID string `xml:"id,attr" json:"id"`
}

type plexMedia struct {
	ID                    string     `xml:"id,attr" json:"id"`
	AudioChannels         int        `xml:"audioChannels,attr,omitempty" json:"audioChannels,omitempty"`
	AudioCodec            string     `xml:"audioCodec,attr,omitempty" json:"audioCodec,omitempty"`
	Bitrate               int        `xml:"bitrate,attr,omitempty" json:"bitrate,omitempty"`
	Container             string     `xml:"container,attr,omitempty" json:"container,omitempty"`
	Duration              int64      `xml:"duration,attr" json:"duration"`
	Height                int        `xml:"height,attr,omitempty" json:"height,omitempty"`
	OptimizedForStreaming plexBool   `xml:"optimizedForStreaming,attr,omitempty" json:"optimizedForStreaming,omitempty"`
	Protocol              string     `xml:"protocol,attr,omitempty" json:"protocol,omitempty"`
	Selected              plexBool   `xml:"selected,attr" json:"selected"`
	VideoCodec            string     `xml:"videoCodec,attr,omitempty" json:"videoCodec,omitempty"`
	VideoFrameRate        string     `xml:"videoFrameRate,attr,omitempty" json:"videoFrameRate,omitempty"`
	VideoProfile          string     `xml:"videoProfile,attr,omitempty" json:"videoProfile,omitempty"`
	VideoResolution       string     `xml:"videoResolution,attr,omitempty" json:"videoResolution,omitempty"`
	Width                 int        `xml:"width,attr,omitempty" json:"width,omitempty"`
	Part                  []plexPart `xml:"Part" json:"Part"`
}

type plexPart struct {
	ID        string       `xml:"id,attr" json:"id"`
	Bitrate   int          `xml:"bitrate,attr,omitempty" json:"bitrate,omitempty"`
	Container string       `xml:"container,attr,omitempty" json:"container,omitempty"`
	Decision  string       `xml:"decision,attr" json:"decision"`
	Duration  int64        `xml:"duration,attr" json:"duration"`
	File      string       `xml:"file,attr,omitempty" json:"file,omitempty"`
	Key       string       `xml:"key,attr,omitempty" json:"key,omitempty"`
	Protocol  string       `xml:"protocol,attr,omitempty" json:"protocol,omitempty"`
	Selected  plexBool     `xml:"selected,attr" json:"selected"`
	Size      int64        `xml:"size,attr,omitempty" json:"size,omitempty"`
	Stream    []plexStream `xml:"Stream" json:"Stream"`
}

type plexStream struct {
	ID                   string   `xml:"id,attr" json:"id"`
	AudioChannelLayout   string   `xml:"audioChannelLayout,attr,omitempty" json:"audioChannelLayout,omitempty"`
	BitDepth             int      `xml:"bitDepth,attr,omitempty" json:"bitDepth,omitempty"`
	Bitrate              int      `xml:"bitrate,attr,omitempty" json:"bitrate,omitempty"`
	Channels             int      `xml:"channels,attr,omitempty" json:"channels,omitempty"`
	Codec                string   `xml:"codec,attr" json:"codec"`
	ColorTrc             string   `xml:"colorTrc,attr,omitempty" json:"colorTrc,omitempty"`
	Decision             string   `xml:"decision,attr,omitempty" json:"decision,omitempty"`
	Default              plexBool `xml:"default,attr,omitempty" json:"default,omitempty"`
	DisplayTitle         string   `xml:"displayTitle,attr" json:"displayTitle"`
	DOVIPresent          plexBool `xml:"DOVIPresent,attr,omitempty" json:"DOVIPresent,omitempty"`
	ExtendedDisplayTitle string   `xml:"extendedDisplayTitle,attr,omitempty" json:"extendedDisplayTitle,omitempty"`
	Height               int      `xml:"height,attr,omitempty" json:"height,omitempty"`
	Language             string   `xml:"language,attr,omitempty" json:"language,omitempty"`
	LanguageCode         string   `xml:"languageCode,attr,omitempty" json:"languageCode,omitempty"`
	Location             string   `xml:"location,attr,omitempty" json:"location,omitempty"`
	SamplingRate         int      `xml:"samplingRate,attr,omitempty" json:"samplingRate,omitempty"`
	Selected             plexBool `xml:"selected,attr,omitempty" json:"selected,omitempty"`
	StreamType           int      `xml:"streamType,attr" json:"streamType"`
	Width                int      `xml:"width,attr,omitempty" json:"width,omitempty"`
}

type plexUser struct {
	ID    string `xml:"id,attr" json:"id"`
	Thumb string `xml:"thumb,attr" json:"thumb"`
	Title string `xml:"title,attr" json:"title"`
}

type plexPlayer struct {
	Address             string   `xml:"address,attr" json:"address"`
	Device              string   `xml:"device,attr,omitempty" json:"device,omitempty"`
	Local               plexBool `xml:"local,attr" json:"local"`
	MachineIdentifier   string   `xml:"machineIdentifier,attr" json:"machineIdentifier"`
	Model               string   `xml:"model,attr,omitempty" json:"model,omitempty"`
	Platform            string   `xml:"platform,attr" json:"platform"`
	PlatformVersion     string   `xml:"platformVersion,attr" json:"platformVersion"`
	Product             string   `xml:"product,attr" json:"product"`
	Relayed             plexBool `xml:"relayed,attr" json:"relayed"`
	RemotePublicAddress string   `xml:"remotePublicAddress,attr,omitempty" json:"remotePublicAddress,omitempty"`
	Secure              plexBool `xml:"secure,attr" json:"secure"`
	State               string   `xml:"state,attr" json:"state"`
	Title               string   `xml:"title,attr" json:"title"`
	UserID              int64    `xml:"userID,attr" json:"userID"`
	Vendor              string   `xml:"vendor,attr,omitempty" json:"vendor,omitempty"`
	Version             string   `xml:"version,attr" json:"version"`
}

type plexSession struct {
	ID        string `xml:"id,attr" json:"id"`
	Bandwidth int    `xml:"bandwidth,attr" json:"bandwidth"`
	Location  string `xml:"location,attr" json:"location"`
}

type plexTranscode struct {
	Key                      string   `xml:"key,attr" json:"key"`
	Throttled                plexBool `xml:"throttled,attr" json:"throttled"`
	Complete                 plexBool `xml:"complete,attr" json:"complete"`
	Progress                 float64  `xml:"progress,attr" json:"progress"`
	Speed                    float64  `xml:"speed,attr" json:"speed"`
	Error                    plexBool `xml:"error,attr" json:"error"`
	Duration                 int64    `xml:"duration,attr" json:"duration"`
	Context                  string   `xml:"context,attr" json:"context"`
	SourceVideoCodec         string   `xml:"sourceVideoCodec,attr,omitempty" json:"sourceVideoCodec,omitempty"`
	SourceAudioCodec         string   `xml:"sourceAudioCodec,attr,omitempty" json:"sourceAudioCodec,omitempty"`
	VideoDecision            string   `xml:"videoDecision,attr,omitempty" json:"videoDecision,omitempty"`
	AudioDecision            string   `xml:"audioDecision,attr,omitempty" json:"audioDecision,omitempty"`
	Protocol                 string   `xml:"protocol,attr" json:"protocol"`
	Container                string   `xml:"container,attr" json:"container"`
	VideoCodec               string   `xml:"videoCodec,attr,omitempty" json:"videoCodec,omitempty"`
	AudioCodec               string   `xml:"audioCodec,attr,omitempty" json:"audioCodec,omitempty"`
	AudioChannels            int      `xml:"audioChannels,attr,omitempty" json:"audioChannels,omitempty"`
	Width                    int      `xml:"width,attr,omitempty" json:"width,omitempty"`
	Height                   int      `xml:"height,attr,omitempty" json:"height,omitempty"`
	TranscodeHwRequested     plexBool `xml:"transcodeHwRequested,attr" json:"transcodeHwRequested"`
	TranscodeHwDecoding      string   `xml:"transcodeHwDecoding,attr,omitempty" json:"transcodeHwDecoding,omitempty"`
	TranscodeHwDecodingTitle string   `xml:"transcodeHwDecodingTitle,attr,omitempty" json:"transcodeHwDecodingTitle,omitempty"`
	TranscodeHwEncoding      string   `xml:"transcodeHwEncoding,attr,omitempty" json:"transcodeHwEncoding,omitempty"`
	TranscodeHwEncodingTitle string   `xml:"transcodeHwEncodingTitle,attr,omitempty" json:"transcodeHwEncodingTitle,omitempty"`
	TranscodeHwFullPipeline  plexBool `xml:"transcodeHwFullPipeline,attr" json:"transcodeHwFullPipeline"`
	TimeStamp                float64  `xml:"timeStamp,attr" json:"timeStamp"`
}

// plexNotification is a PlaySessionStateNotification.
type plexNotification struct {
	SessionKey       string `json:"sessionKey"`
	ClientIdentifier string `json:"clientIdentifier"`
	GUID             string `json:"guid"`
	RatingKey        string `json:"ratingKey"`
	URL              string `json:"url"`
	Key              string `json:"key"`
	ViewOffset       int64  `json:"viewOffset"`
	PlayQueueItemID  int    `json:"playQueueItemID"`
	State            string `json:"state"`
	TranscodeSession string `json:"transcodeSession,omitempty"`
}
