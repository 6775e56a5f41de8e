import { describe, expect, it } from 'vitest'
import {
  decisionDetails,
  decisionLabel,
  formatBandwidth,
  formatWatchTime,
  formatClock,
  formatDuration,
  humanize,
  livePosition,
  progressPercent,
  qualityLabel,
  subtitleLine,
} from './media'
import { connectionInfo, formatAgo, formatBytes, formatDay } from './format'
import { service } from '../../wailsjs/go/models'

const quality = (over: Partial<service.Quality> = {}): service.Quality => ({
  resolution: '',
  bitrateKbps: 0,
  container: '',
  videoCodec: '',
  audioCodec: '',
  audioChannels: 0,
  dynamicRange: '',
  ...over,
})

describe('media formatting', () => {
  it.each([
    [0, '0 kbps'],
    [850, '850 kbps'],
    [1000, '1 Mbps'],
    [12_400, '12.4 Mbps'],
    [99_960, '100 Mbps'],
    [154_200, '154 Mbps'],
    [2_500_000, '2.5 Gbps'],
  ])('formats %d kbps as %s', (kbps, text) => {
    expect(formatBandwidth(kbps)).toBe(text)
  })

  it.each([
    [0, '0:00', '0:00:00'],
    [724_000, '12:04', '0:12:04'],
    [2_710_999, '45:10', '0:45:10'],
    [3_723_000, '1:02:03', '1:02:03'],
  ])('formats %d ms as %s and %s', (ms, clock, duration) => {
    expect(formatClock(ms)).toBe(clock)
    expect(formatDuration(ms)).toBe(duration)
  })

  it('names decisions and explains them', () => {
    expect(decisionLabel('direct_play')).toBe('Direct Play')
    expect(decisionLabel('direct_stream')).toBe('Direct Stream')
    expect(decisionLabel('transcode')).toBe('Transcode')
    expect(decisionLabel('')).toBe('Unknown')
    const details = decisionDetails({
      overall: 'transcode',
      video: 'transcode',
      audio: 'direct_stream',
      subtitle: 'burn',
      hardwareDecode: true,
      hardwareEncode: false,
      transcodeReasons: ['VideoCodecNotSupported', 'ContainerBitrateExceedsLimit'],
    })
    expect(details.split('\n')).toEqual([
      'Video: Transcode',
      'Audio: Direct Stream',
      'Subtitles: Burn',
      'Hardware decoding',
      'Transcode reasons: Video codec not supported, Container bitrate exceeds limit',
    ])
    expect(humanize('audio_codec_not_supported')).toBe('Audio codec not supported')
  })

  it('shows a quality change from source to stream', () => {
    expect(qualityLabel(quality({ resolution: '4K' }), quality({ resolution: '1080p' }))).toBe('4K → 1080p')
    expect(qualityLabel(quality({ resolution: '1080p' }), quality({ resolution: '1080p' }))).toBe('1080p')
    expect(qualityLabel(quality({ resolution: '720p' }), quality())).toBe('720p')
    expect(qualityLabel(quality({ audioCodec: 'flac' }), quality({ audioCodec: 'mp3' }))).toBe('MP3')
  })

  it('puts the year under a movie title and the episode line under a show', () => {
    expect(subtitleLine({ subtitle: 'S1 · E2 · Pilot', year: 2008 })).toBe('S1 · E2 · Pilot')
    expect(subtitleLine({ subtitle: '', year: 1999 })).toBe('1999')
    expect(subtitleLine({ subtitle: '', year: 0 })).toBe('')
  })

  it('moves only playing sessions on, and not past the end', () => {
    const base = { positionMs: 60_000, durationMs: 100_000, liveTv: false }
    expect(livePosition({ ...base, state: 'playing' }, 5_000)).toBe(65_000)
    expect(livePosition({ ...base, state: 'playing' }, 90_000)).toBe(100_000)
    expect(livePosition({ ...base, state: 'paused' }, 5_000)).toBe(60_000)
    expect(livePosition({ ...base, state: 'buffering' }, 5_000)).toBe(60_000)
    expect(livePosition({ ...base, state: 'playing', liveTv: true }, 5_000)).toBe(60_000)
    expect(progressPercent(65_000, 100_000)).toBe(65)
    expect(progressPercent(10, 0)).toBeNull()
  })
})

describe('server status wording', () => {
  it('says how long ago', () => {
    const now = 1_800_000_000_000
    expect(formatAgo(now - 12_400, now)).toBe('12 s ago')
    expect(formatAgo(now - 4 * 60_000, now)).toBe('4 min ago')
    expect(formatAgo(now - 3 * 3_600_000, now)).toBe('3 h ago')
    expect(formatAgo(0, now)).toBe('never')
    // A clock slightly ahead of ours is not "in the future".
    expect(formatAgo(now + 2_000, now)).toBe('0 s ago')
  })

  it('leaves the year out of this year\'s days only', () => {
    const now = new Date(2026, 10, 21).getTime()
    expect(formatDay(new Date(2026, 0, 5).getTime(), now)).not.toContain('2026')
    expect(formatDay(new Date(2025, 11, 31).getTime(), now)).toContain('2025')
  })

  it.each([
    ['realtime', 'Live', 'success'],
    ['polling', 'Polling', 'warning'],
    ['connecting', 'Connecting', 'muted'],
    ['unreachable', 'Unreachable', 'danger'],
    ['token_rejected', 'Token rejected', 'danger'],
  ])('labels %s as %s (%s)', (connection, label, tone) => {
    expect(connectionInfo(connection)).toMatchObject({ label, tone })
  })
})

describe('formatWatchTime', () => {
  it.each([
    [0, '0 min'],
    [20_000, 'under a minute'],
    [45 * 60_000, '45 min'],
    [2 * 3_600_000, '2 h'],
    [12 * 3_600_000 + 5 * 60_000, '12 h 5 min'],
    [3 * 86_400_000 + 4 * 3_600_000 + 59 * 60_000, '3 d 4 h'],
    [2 * 86_400_000, '2 d'],
    [Number.NaN, '0 min'],
  ])('%d ms → %s', (ms, text) => {
    expect(formatWatchTime(ms)).toBe(text)
  })
})

describe('formatBytes', () => {
  it.each([
    [0, '0 B'],
    [512, '512 B'],
    [1536, '1.5 KiB'],
    [58_000_000, '55 MiB'],
    [8_000_000, '7.6 MiB'],
    [3 * 1024 ** 3, '3.0 GiB'],
  ])('%d → %s', (n, text) => {
    expect(formatBytes(n)).toBe(text)
  })
})
