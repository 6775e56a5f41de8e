package embybase

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/streamwarden/streamwarden/backend/model"
)

func TestHardwareFlags(t *testing.T) {
	source := model.Quality{Resolution: "4K", VideoCodec: "hevc"}
	tests := []struct {
		name           string
		ti             transcodingDTO
		wantEnc, wantD bool
	}{
		{"jellyfin nvenc", transcodingDTO{HardwareAccelerationType: "nvenc"}, true, false},
		{"jellyfin none", transcodingDTO{HardwareAccelerationType: "none"}, false, false},
		{"emby both sides", transcodingDTO{VideoEncoderIsHardware: true, VideoDecoderIsHardware: true}, true, true},
		{"emby software", transcodingDTO{}, false, false},
		{"copied video is never hardware", transcodingDTO{IsVideoDirect: true, VideoEncoderIsHardware: true}, false, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ti := tt.ti
			d := deliver(playStateDTO{PlayMethod: "Transcode"}, &ti, source, true, true)
			assert.Equal(t, tt.wantEnc, d.decision.HardwareEncode)
			assert.Equal(t, tt.wantD, d.decision.HardwareDecode)
		})
	}
}
