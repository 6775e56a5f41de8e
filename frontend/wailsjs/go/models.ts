export namespace service {
	
	export class APIKeyView {
	    id: number;
	    name: string;
	    prefix: string;
	    createdAt: number;
	    lastUsedAt: number;
	
	    static createFrom(source: any = {}) {
	        return new APIKeyView(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.name = source["name"];
	        this.prefix = source["prefix"];
	        this.createdAt = source["createdAt"];
	        this.lastUsedAt = source["lastUsedAt"];
	    }
	}
	export class ActivityTotals {
	    streams: number;
	    directPlays: number;
	    directStreams: number;
	    transcodes: number;
	    bandwidthKbps: number;
	    lanBandwidthKbps: number;
	    wanBandwidthKbps: number;
	
	    static createFrom(source: any = {}) {
	        return new ActivityTotals(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.streams = source["streams"];
	        this.directPlays = source["directPlays"];
	        this.directStreams = source["directStreams"];
	        this.transcodes = source["transcodes"];
	        this.bandwidthKbps = source["bandwidthKbps"];
	        this.lanBandwidthKbps = source["lanBandwidthKbps"];
	        this.wanBandwidthKbps = source["wanBandwidthKbps"];
	    }
	}
	export class ServerStatusView {
	    serverId: number;
	    name: string;
	    kind: string;
	    connection: string;
	    lastError: string;
	    lastContact: number;
	    sessions: number;
	
	    static createFrom(source: any = {}) {
	        return new ServerStatusView(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.serverId = source["serverId"];
	        this.name = source["name"];
	        this.kind = source["kind"];
	        this.connection = source["connection"];
	        this.lastError = source["lastError"];
	        this.lastContact = source["lastContact"];
	        this.sessions = source["sessions"];
	    }
	}
	export class Decision {
	    overall: string;
	    video: string;
	    audio: string;
	    subtitle: string;
	    hardwareDecode: boolean;
	    hardwareEncode: boolean;
	    transcodeReasons: string[];
	
	    static createFrom(source: any = {}) {
	        return new Decision(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.overall = source["overall"];
	        this.video = source["video"];
	        this.audio = source["audio"];
	        this.subtitle = source["subtitle"];
	        this.hardwareDecode = source["hardwareDecode"];
	        this.hardwareEncode = source["hardwareEncode"];
	        this.transcodeReasons = source["transcodeReasons"];
	    }
	}
	export class Quality {
	    resolution: string;
	    bitrateKbps: number;
	    container: string;
	    videoCodec: string;
	    audioCodec: string;
	    audioChannels: number;
	    dynamicRange: string;
	
	    static createFrom(source: any = {}) {
	        return new Quality(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.resolution = source["resolution"];
	        this.bitrateKbps = source["bitrateKbps"];
	        this.container = source["container"];
	        this.videoCodec = source["videoCodec"];
	        this.audioCodec = source["audioCodec"];
	        this.audioChannels = source["audioChannels"];
	        this.dynamicRange = source["dynamicRange"];
	    }
	}
	export class LocationView {
	    source: string;
	    label: string;
	    countryCode: string;
	    countryName: string;
	    region: string;
	    city: string;
	    hasCoordinates: boolean;
	    latitude: number;
	    longitude: number;
	    accuracyKm: number;
	    asn: number;
	    isp: string;
	
	    static createFrom(source: any = {}) {
	        return new LocationView(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.source = source["source"];
	        this.label = source["label"];
	        this.countryCode = source["countryCode"];
	        this.countryName = source["countryName"];
	        this.region = source["region"];
	        this.city = source["city"];
	        this.hasCoordinates = source["hasCoordinates"];
	        this.latitude = source["latitude"];
	        this.longitude = source["longitude"];
	        this.accuracyKm = source["accuracyKm"];
	        this.asn = source["asn"];
	        this.isp = source["isp"];
	    }
	}
	export class LiveSessionView {
	    serverId: number;
	    serverName: string;
	    playId: number;
	    sessionKey: string;
	    userId: string;
	    userName: string;
	    deviceName: string;
	    product: string;
	    productVersion: string;
	    platform: string;
	    platformVersion: string;
	    ip: string;
	    location: string;
	    geo: LocationView;
	    mediaType: string;
	    title: string;
	    subtitle: string;
	    year: number;
	    durationMs: number;
	    positionMs: number;
	    state: string;
	    source: Quality;
	    stream: Quality;
	    decision: Decision;
	    bandwidthKbps: number;
	    liveTv: boolean;
	    startedAt: number;
	
	    static createFrom(source: any = {}) {
	        return new LiveSessionView(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.serverId = source["serverId"];
	        this.serverName = source["serverName"];
	        this.playId = source["playId"];
	        this.sessionKey = source["sessionKey"];
	        this.userId = source["userId"];
	        this.userName = source["userName"];
	        this.deviceName = source["deviceName"];
	        this.product = source["product"];
	        this.productVersion = source["productVersion"];
	        this.platform = source["platform"];
	        this.platformVersion = source["platformVersion"];
	        this.ip = source["ip"];
	        this.location = source["location"];
	        this.geo = this.convertValues(source["geo"], LocationView);
	        this.mediaType = source["mediaType"];
	        this.title = source["title"];
	        this.subtitle = source["subtitle"];
	        this.year = source["year"];
	        this.durationMs = source["durationMs"];
	        this.positionMs = source["positionMs"];
	        this.state = source["state"];
	        this.source = this.convertValues(source["source"], Quality);
	        this.stream = this.convertValues(source["stream"], Quality);
	        this.decision = this.convertValues(source["decision"], Decision);
	        this.bandwidthKbps = source["bandwidthKbps"];
	        this.liveTv = source["liveTv"];
	        this.startedAt = source["startedAt"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class ActivitySnapshot {
	    sessions: LiveSessionView[];
	    servers: ServerStatusView[];
	    totals: ActivityTotals;
	
	    static createFrom(source: any = {}) {
	        return new ActivitySnapshot(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.sessions = this.convertValues(source["sessions"], LiveSessionView);
	        this.servers = this.convertValues(source["servers"], ServerStatusView);
	        this.totals = this.convertValues(source["totals"], ActivityTotals);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	
	export class ConnectionResult {
	    ok: boolean;
	    reason: string;
	    message: string;
	    serverName: string;
	    version: string;
	    product: string;
	    machineId: string;
	    latencyMs: number;
	
	    static createFrom(source: any = {}) {
	        return new ConnectionResult(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.ok = source["ok"];
	        this.reason = source["reason"];
	        this.message = source["message"];
	        this.serverName = source["serverName"];
	        this.version = source["version"];
	        this.product = source["product"];
	        this.machineId = source["machineId"];
	        this.latencyMs = source["latencyMs"];
	    }
	}
	export class CountryPlays {
	    countryCode: string;
	    countryName: string;
	    plays: number;
	    watchMs: number;
	    users: number;
	
	    static createFrom(source: any = {}) {
	        return new CountryPlays(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.countryCode = source["countryCode"];
	        this.countryName = source["countryName"];
	        this.plays = source["plays"];
	        this.watchMs = source["watchMs"];
	        this.users = source["users"];
	    }
	}
	export class CreatedAPIKey {
	    key: APIKeyView;
	    secret: string;
	
	    static createFrom(source: any = {}) {
	        return new CreatedAPIKey(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.key = this.convertValues(source["key"], APIKeyView);
	        this.secret = source["secret"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	
	export class GeoDatabaseView {
	    kind: string;
	    databaseType: string;
	    buildTime: number;
	    size: number;
	    loaded: boolean;
	
	    static createFrom(source: any = {}) {
	        return new GeoDatabaseView(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.kind = source["kind"];
	        this.databaseType = source["databaseType"];
	        this.buildTime = source["buildTime"];
	        this.size = source["size"];
	        this.loaded = source["loaded"];
	    }
	}
	export class GeoNetworkView {
	    id: number;
	    cidr: string;
	    label: string;
	    local: boolean;
	    hasLocation: boolean;
	    countryCode: string;
	    city: string;
	    latitude: number;
	    longitude: number;
	
	    static createFrom(source: any = {}) {
	        return new GeoNetworkView(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.cidr = source["cidr"];
	        this.label = source["label"];
	        this.local = source["local"];
	        this.hasLocation = source["hasLocation"];
	        this.countryCode = source["countryCode"];
	        this.city = source["city"];
	        this.latitude = source["latitude"];
	        this.longitude = source["longitude"];
	    }
	}
	export class TileSettings {
	    enabled: boolean;
	    url: string;
	    attribution: string;
	
	    static createFrom(source: any = {}) {
	        return new TileSettings(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.enabled = source["enabled"];
	        this.url = source["url"];
	        this.attribution = source["attribution"];
	    }
	}
	export class RelocationView {
	    running: boolean;
	    done: number;
	    total: number;
	    startedAt: number;
	    finishedAt: number;
	    error: string;
	
	    static createFrom(source: any = {}) {
	        return new RelocationView(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.running = source["running"];
	        this.done = source["done"];
	        this.total = source["total"];
	        this.startedAt = source["startedAt"];
	        this.finishedAt = source["finishedAt"];
	        this.error = source["error"];
	    }
	}
	export class MaxMindView {
	    accountId: string;
	    hasLicenseKey: boolean;
	    autoUpdate: boolean;
	    checking: boolean;
	    lastCheck: number;
	    lastSuccess: number;
	    nextCheck: number;
	    lastError: string;
	
	    static createFrom(source: any = {}) {
	        return new MaxMindView(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.accountId = source["accountId"];
	        this.hasLicenseKey = source["hasLicenseKey"];
	        this.autoUpdate = source["autoUpdate"];
	        this.checking = source["checking"];
	        this.lastCheck = source["lastCheck"];
	        this.lastSuccess = source["lastSuccess"];
	        this.nextCheck = source["nextCheck"];
	        this.lastError = source["lastError"];
	    }
	}
	export class GeoStatus {
	    databases: GeoDatabaseView[];
	    maxMind: MaxMindView;
	    relocation: RelocationView;
	    tiles: TileSettings;
	    uploadPath: string;
	
	    static createFrom(source: any = {}) {
	        return new GeoStatus(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.databases = this.convertValues(source["databases"], GeoDatabaseView);
	        this.maxMind = this.convertValues(source["maxMind"], MaxMindView);
	        this.relocation = this.convertValues(source["relocation"], RelocationView);
	        this.tiles = this.convertValues(source["tiles"], TileSettings);
	        this.uploadPath = source["uploadPath"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class PlayView {
	    id: number;
	    serverId: number;
	    serverName: string;
	    userId: string;
	    userName: string;
	    deviceName: string;
	    product: string;
	    platform: string;
	    ip: string;
	    location: string;
	    geo: LocationView;
	    mediaType: string;
	    title: string;
	    subtitle: string;
	    year: number;
	    startedAt: number;
	    stoppedAt: number;
	    watchMs: number;
	    pausedMs: number;
	    positionMs: number;
	    mediaDurationMs: number;
	    watched: boolean;
	    source: Quality;
	    stream: Quality;
	    decision: Decision;
	    bandwidthKbps: number;
	    state: string;
	
	    static createFrom(source: any = {}) {
	        return new PlayView(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.serverId = source["serverId"];
	        this.serverName = source["serverName"];
	        this.userId = source["userId"];
	        this.userName = source["userName"];
	        this.deviceName = source["deviceName"];
	        this.product = source["product"];
	        this.platform = source["platform"];
	        this.ip = source["ip"];
	        this.location = source["location"];
	        this.geo = this.convertValues(source["geo"], LocationView);
	        this.mediaType = source["mediaType"];
	        this.title = source["title"];
	        this.subtitle = source["subtitle"];
	        this.year = source["year"];
	        this.startedAt = source["startedAt"];
	        this.stoppedAt = source["stoppedAt"];
	        this.watchMs = source["watchMs"];
	        this.pausedMs = source["pausedMs"];
	        this.positionMs = source["positionMs"];
	        this.mediaDurationMs = source["mediaDurationMs"];
	        this.watched = source["watched"];
	        this.source = this.convertValues(source["source"], Quality);
	        this.stream = this.convertValues(source["stream"], Quality);
	        this.decision = this.convertValues(source["decision"], Decision);
	        this.bandwidthKbps = source["bandwidthKbps"];
	        this.state = source["state"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class HistoryPage {
	    plays: PlayView[];
	    total: number;
	    totalCapped: boolean;
	    page: number;
	    pageSize: number;
	
	    static createFrom(source: any = {}) {
	        return new HistoryPage(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.plays = this.convertValues(source["plays"], PlayView);
	        this.total = source["total"];
	        this.totalCapped = source["totalCapped"];
	        this.page = source["page"];
	        this.pageSize = source["pageSize"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class HistoryQuery {
	    serverId: number;
	    userId: string;
	    mediaType: string;
	    ip: string;
	    search: string;
	    from: number;
	    to: number;
	    sort: string;
	    ascending: boolean;
	    page: number;
	    pageSize: number;
	
	    static createFrom(source: any = {}) {
	        return new HistoryQuery(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.serverId = source["serverId"];
	        this.userId = source["userId"];
	        this.mediaType = source["mediaType"];
	        this.ip = source["ip"];
	        this.search = source["search"];
	        this.from = source["from"];
	        this.to = source["to"];
	        this.sort = source["sort"];
	        this.ascending = source["ascending"];
	        this.page = source["page"];
	        this.pageSize = source["pageSize"];
	    }
	}
	
	
	export class MapPlace {
	    latitude: number;
	    longitude: number;
	    label: string;
	    city: string;
	    region: string;
	    countryCode: string;
	    countryName: string;
	    plays: number;
	    users: number;
	    topUsers: string[];
	    lastPlayedAt: number;
	
	    static createFrom(source: any = {}) {
	        return new MapPlace(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.latitude = source["latitude"];
	        this.longitude = source["longitude"];
	        this.label = source["label"];
	        this.city = source["city"];
	        this.region = source["region"];
	        this.countryCode = source["countryCode"];
	        this.countryName = source["countryName"];
	        this.plays = source["plays"];
	        this.users = source["users"];
	        this.topUsers = source["topUsers"];
	        this.lastPlayedAt = source["lastPlayedAt"];
	    }
	}
	export class MapQuery {
	    serverId: number;
	    userId: string;
	    from: number;
	    to: number;
	
	    static createFrom(source: any = {}) {
	        return new MapQuery(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.serverId = source["serverId"];
	        this.userId = source["userId"];
	        this.from = source["from"];
	        this.to = source["to"];
	    }
	}
	export class MapUser {
	    serverId: number;
	    userId: string;
	    userName: string;
	    plays: number;
	
	    static createFrom(source: any = {}) {
	        return new MapUser(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.serverId = source["serverId"];
	        this.userId = source["userId"];
	        this.userName = source["userName"];
	        this.plays = source["plays"];
	    }
	}
	export class MapView {
	    countries: CountryPlays[];
	    places: MapPlace[];
	    users: MapUser[];
	    plays: number;
	    local: number;
	    unknown: number;
	    databaseLoaded: boolean;
	
	    static createFrom(source: any = {}) {
	        return new MapView(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.countries = this.convertValues(source["countries"], CountryPlays);
	        this.places = this.convertValues(source["places"], MapPlace);
	        this.users = this.convertValues(source["users"], MapUser);
	        this.plays = source["plays"];
	        this.local = source["local"];
	        this.unknown = source["unknown"];
	        this.databaseLoaded = source["databaseLoaded"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class MaxMindInput {
	    accountId: string;
	    licenseKey: string;
	    autoUpdate: boolean;
	    clear: boolean;
	
	    static createFrom(source: any = {}) {
	        return new MaxMindInput(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.accountId = source["accountId"];
	        this.licenseKey = source["licenseKey"];
	        this.autoUpdate = source["autoUpdate"];
	        this.clear = source["clear"];
	    }
	}
	
	
	
	
	export class ServerInput {
	    kind: string;
	    name: string;
	    url: string;
	    token: string;
	    verifyTls: boolean;
	    enabled: boolean;
	
	    static createFrom(source: any = {}) {
	        return new ServerInput(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.kind = source["kind"];
	        this.name = source["name"];
	        this.url = source["url"];
	        this.token = source["token"];
	        this.verifyTls = source["verifyTls"];
	        this.enabled = source["enabled"];
	    }
	}
	
	export class ServerView {
	    id: number;
	    kind: string;
	    name: string;
	    url: string;
	    verifyTls: boolean;
	    enabled: boolean;
	    source: string;
	    hasToken: boolean;
	    createdAt: number;
	    updatedAt: number;
	
	    static createFrom(source: any = {}) {
	        return new ServerView(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.kind = source["kind"];
	        this.name = source["name"];
	        this.url = source["url"];
	        this.verifyTls = source["verifyTls"];
	        this.enabled = source["enabled"];
	        this.source = source["source"];
	        this.hasToken = source["hasToken"];
	        this.createdAt = source["createdAt"];
	        this.updatedAt = source["updatedAt"];
	    }
	}
	export class SystemInfo {
	    version: string;
	    mode: string;
	    dataDir: string;
	    secretsBackend: string;
	    secretsWarning: string;
	
	    static createFrom(source: any = {}) {
	        return new SystemInfo(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.version = source["version"];
	        this.mode = source["mode"];
	        this.dataDir = source["dataDir"];
	        this.secretsBackend = source["secretsBackend"];
	        this.secretsWarning = source["secretsWarning"];
	    }
	}

}

