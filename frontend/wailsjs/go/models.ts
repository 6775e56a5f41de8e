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

