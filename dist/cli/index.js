import { fileURLToPath as __mgFileURLToPath } from "node:url";
import { dirname as __mgDirname } from "node:path";
const __filename = __mgFileURLToPath(import.meta.url);
const __dirname = __mgDirname(__filename);
import { createRequire as __WEBPACK_EXTERNAL_createRequire } from "module";
/******/ var __webpack_modules__ = ({

/***/ 785:
/***/ ((__unused_webpack_module, exports) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
// This is an empty module that is served up when outside of a workerd environment
// See the `exports` field in package.json
exports["default"] = {};
//# sourceMappingURL=empty.js.map

/***/ }),

/***/ 6122:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



//Parse method copied from https://github.com/brianc/node-postgres
//Copyright (c) 2010-2014 Brian Carlson (brian.m.carlson@gmail.com)
//MIT License

//parses a connection string
function parse(str, options = {}) {
  //unix socket
  if (str.charAt(0) === '/') {
    const config = str.split(' ')
    return { host: config[0], database: config[1] }
  }

  // Check for empty host in URL

  const config = Object.create(null)
  let result
  let dummyHost = false
  if (/ |%[^a-f0-9]|%[a-f0-9][^a-f0-9]/i.test(str)) {
    // Ensure spaces are encoded as %20
    str = encodeURI(str).replace(/%25(\d\d)/g, '%$1')
  }

  try {
    try {
      result = new URL(str, 'postgres://base')
    } catch (e) {
      // The URL is invalid so try again with a dummy host
      result = new URL(str.replace('@/', '@___DUMMY___/'), 'postgres://base')
      dummyHost = true
    }
  } catch (err) {
    // Remove the input from the error message to avoid leaking sensitive information
    err.input && (err.input = '*****REDACTED*****')
    throw err
  }

  // We'd like to use Object.fromEntries() here but Node.js 10 does not support it
  for (const entry of result.searchParams.entries()) {
    config[entry[0]] = entry[1]
  }

  config.user = config.user || decodeURIComponent(result.username)
  config.password = config.password || decodeURIComponent(result.password)

  if (result.protocol == 'socket:') {
    config.host = decodeURI(result.pathname)
    config.database = result.searchParams.get('db')
    config.client_encoding = result.searchParams.get('encoding')
    return config
  }
  const hostname = (dummyHost ? '' : result.hostname).replace(/^\[(.+)\]$/, '$1')
  if (!config.host) {
    // Only set the host if there is no equivalent query param.
    config.host = decodeURIComponent(hostname)
  } else if (hostname && /^%2f/i.test(hostname)) {
    // Only prepend the hostname to the pathname if it is not a URL encoded Unix socket host.
    result.pathname = hostname + result.pathname
  }
  if (!config.port) {
    // Only set the port if there is no equivalent query param.
    config.port = result.port
  }

  const pathname = result.pathname.slice(1) || null
  config.database = pathname ? decodeURI(pathname) : null

  if (config.ssl === 'true' || config.ssl === '1') {
    config.ssl = true
  }

  if (config.ssl === '0') {
    config.ssl = false
  }

  if (config.sslcert || config.sslkey || config.sslrootcert || config.sslmode) {
    config.ssl = {}
  }

  // sslnegotiation=direct implies SSL is in use (libpq requires sslmode>=require),
  // so enable SSL if the connection string did not otherwise configure it.
  if (config.sslnegotiation === 'direct' && config.ssl === undefined) {
    config.ssl = true
  }

  // Only try to load fs if we expect to read from the disk
  const fs = config.sslcert || config.sslkey || config.sslrootcert ? __nccwpck_require__(9896) : null

  if (config.sslcert) {
    config.ssl.cert = fs.readFileSync(config.sslcert).toString()
  }

  if (config.sslkey) {
    config.ssl.key = fs.readFileSync(config.sslkey).toString()
  }

  if (config.sslrootcert) {
    config.ssl.ca = fs.readFileSync(config.sslrootcert).toString()
  }

  if (options.useLibpqCompat && config.uselibpqcompat) {
    throw new Error('Both useLibpqCompat and uselibpqcompat are set. Please use only one of them.')
  }

  if (config.uselibpqcompat === 'true' || options.useLibpqCompat) {
    switch (config.sslmode) {
      case 'disable': {
        config.ssl = false
        break
      }
      case 'prefer': {
        config.ssl.rejectUnauthorized = false
        break
      }
      case 'require': {
        if (config.sslrootcert) {
          // If a root CA is specified, behavior of `sslmode=require` will be the same as that of `verify-ca`
          config.ssl.checkServerIdentity = function () {}
        } else {
          config.ssl.rejectUnauthorized = false
        }
        break
      }
      case 'verify-ca': {
        if (!config.ssl.ca) {
          throw new Error(
            'SECURITY WARNING: Using sslmode=verify-ca requires specifying a CA with sslrootcert. If a public CA is used, verify-ca allows connections to a server that somebody else may have registered with the CA, making you vulnerable to Man-in-the-Middle attacks. Either specify a custom CA certificate with sslrootcert parameter or use sslmode=verify-full for proper security.'
          )
        }
        config.ssl.checkServerIdentity = function () {}
        break
      }
      case 'verify-full': {
        break
      }
    }
  } else {
    switch (config.sslmode) {
      case 'disable': {
        config.ssl = false
        break
      }
      case 'prefer':
      case 'require':
      case 'verify-ca':
      case 'verify-full': {
        if (config.sslmode !== 'verify-full') {
          deprecatedSslModeWarning(config.sslmode)
        }
        break
      }
      case 'no-verify': {
        config.ssl.rejectUnauthorized = false
        break
      }
    }
  }

  return config
}

// convert pg-connection-string ssl config to a ClientConfig.ConnectionOptions
function toConnectionOptions(sslConfig) {
  const connectionOptions = Object.entries(sslConfig).reduce((c, [key, value]) => {
    // we explicitly check for undefined and null instead of `if (value)` because some
    // options accept falsy values. Example: `ssl.rejectUnauthorized = false`
    if (value !== undefined && value !== null) {
      c[key] = value
    }

    return c
  }, Object.create(null))

  return connectionOptions
}

// convert pg-connection-string config to a ClientConfig
function toClientConfig(config) {
  const poolConfig = Object.entries(config).reduce((c, [key, value]) => {
    if (key === 'ssl') {
      const sslConfig = value

      if (typeof sslConfig === 'boolean') {
        c[key] = sslConfig
      }

      if (typeof sslConfig === 'object') {
        c[key] = toConnectionOptions(sslConfig)
      }
    } else if (value !== undefined && value !== null) {
      if (key === 'port') {
        // when port is not specified, it is converted into an empty string
        // we want to avoid NaN or empty string as a values in ClientConfig
        if (value !== '') {
          const v = parseInt(value, 10)
          if (isNaN(v)) {
            throw new Error(`Invalid ${key}: ${value}`)
          }

          c[key] = v
        }
      } else {
        c[key] = value
      }
    }

    return c
  }, Object.create(null))

  return poolConfig
}

// parses a connection string into ClientConfig
function parseIntoClientConfig(str) {
  return toClientConfig(parse(str))
}

function deprecatedSslModeWarning(sslmode) {
  if (!deprecatedSslModeWarning.warned && typeof process !== 'undefined' && process.emitWarning) {
    deprecatedSslModeWarning.warned = true
    process.emitWarning(`SECURITY WARNING: The SSL modes 'prefer', 'require', and 'verify-ca' are treated as aliases for 'verify-full'.
In the next major version (pg-connection-string v3.0.0 and pg v9.0.0), these modes will adopt standard libpq semantics, which have weaker security guarantees.

To prepare for this change:
- If you want the current behavior, explicitly use 'sslmode=verify-full'
- If you want libpq compatibility now, use 'uselibpqcompat=true&sslmode=${sslmode}'

See https://www.postgresql.org/docs/current/libpq-ssl.html for libpq SSL mode definitions.`)
  }
}

module.exports = parse

parse.parse = parse
parse.toClientConfig = toClientConfig
parse.parseIntoClientConfig = parseIntoClientConfig


/***/ }),

/***/ 2299:
/***/ ((module) => {



// selected so (BASE - 1) * 0x100000000 + 0xffffffff is a safe integer
var BASE = 1000000;

function readInt8(buffer) {
	var high = buffer.readInt32BE(0);
	var low = buffer.readUInt32BE(4);
	var sign = '';

	if (high < 0) {
		high = ~high + (low === 0);
		low = (~low + 1) >>> 0;
		sign = '-';
	}

	var result = '';
	var carry;
	var t;
	var digits;
	var pad;
	var l;
	var i;

	{
		carry = high % BASE;
		high = high / BASE >>> 0;

		t = 0x100000000 * carry + low;
		low = t / BASE >>> 0;
		digits = '' + (t - BASE * low);

		if (low === 0 && high === 0) {
			return sign + digits + result;
		}

		pad = '';
		l = 6 - digits.length;

		for (i = 0; i < l; i++) {
			pad += '0';
		}

		result = pad + digits + result;
	}

	{
		carry = high % BASE;
		high = high / BASE >>> 0;

		t = 0x100000000 * carry + low;
		low = t / BASE >>> 0;
		digits = '' + (t - BASE * low);

		if (low === 0 && high === 0) {
			return sign + digits + result;
		}

		pad = '';
		l = 6 - digits.length;

		for (i = 0; i < l; i++) {
			pad += '0';
		}

		result = pad + digits + result;
	}

	{
		carry = high % BASE;
		high = high / BASE >>> 0;

		t = 0x100000000 * carry + low;
		low = t / BASE >>> 0;
		digits = '' + (t - BASE * low);

		if (low === 0 && high === 0) {
			return sign + digits + result;
		}

		pad = '';
		l = 6 - digits.length;

		for (i = 0; i < l; i++) {
			pad += '0';
		}

		result = pad + digits + result;
	}

	{
		carry = high % BASE;
		t = 0x100000000 * carry + low;
		digits = '' + t % BASE;

		return sign + digits + result;
	}
}

module.exports = readInt8;


/***/ }),

/***/ 7558:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {


const EventEmitter = (__nccwpck_require__(4434).EventEmitter)

const NOOP = function () {}

const removeWhere = (list, predicate) => {
  const i = list.findIndex(predicate)

  return i === -1 ? undefined : list.splice(i, 1)[0]
}

class IdleItem {
  constructor(client, idleListener, timeoutId) {
    this.client = client
    this.idleListener = idleListener
    this.timeoutId = timeoutId
  }
}

class PendingItem {
  constructor(callback) {
    this.callback = callback
  }
}

function throwOnDoubleRelease() {
  throw new Error('Release called on client which has already been released to the pool.')
}

function promisify(Promise, callback) {
  if (callback) {
    return { callback: callback, result: undefined }
  }
  let rej
  let res
  const cb = function (err, client) {
    err ? rej(err) : res(client)
  }
  const result = new Promise(function (resolve, reject) {
    res = resolve
    rej = reject
  }).catch((err) => {
    // replace the stack trace that leads to `TCP.onStreamRead` with one that leads back to the
    // application that created the query
    Error.captureStackTrace(err)
    throw err
  })
  return { callback: cb, result: result }
}

function makeIdleListener(pool, client) {
  return function idleListener(err) {
    err.client = client

    client.removeListener('error', idleListener)
    client.on('error', () => {
      pool.log('additional client error after disconnection due to error', err)
    })
    pool._remove(client)
    // TODO - document that once the pool emits an error
    // the client has already been closed & purged and is unusable
    pool.emit('error', err, client)
  }
}

class Pool extends EventEmitter {
  constructor(options, Client) {
    super()
    this.options = Object.assign({}, options)

    if (options != null && 'password' in options) {
      // "hiding" the password so it doesn't show up in stack traces
      // or if the client is console.logged
      Object.defineProperty(this.options, 'password', {
        configurable: true,
        enumerable: false,
        writable: true,
        value: options.password,
      })
    }
    if (options != null && options.ssl && options.ssl.key) {
      // "hiding" the ssl->key so it doesn't show up in stack traces
      // or if the client is console.logged
      Object.defineProperty(this.options.ssl, 'key', {
        enumerable: false,
      })
    }

    this.options.max = this.options.max || this.options.poolSize || 10
    this.options.min = this.options.min || 0
    this.options.maxUses = this.options.maxUses || Infinity
    this.options.allowExitOnIdle = this.options.allowExitOnIdle || false
    this.options.maxLifetimeSeconds = this.options.maxLifetimeSeconds || 0
    this.log = this.options.log || function () {}
    this.Client = this.options.Client || Client || (__nccwpck_require__(3273).Client)
    this.Promise = this.options.Promise || global.Promise

    if (typeof this.options.idleTimeoutMillis === 'undefined') {
      this.options.idleTimeoutMillis = 10000
    }

    this._clients = []
    this._idle = []
    this._expired = new WeakSet()
    this._pendingQueue = []
    this._endCallback = undefined
    this.ending = false
    this.ended = false
  }

  _promiseTry(f) {
    const Promise = this.Promise
    if (typeof Promise.try === 'function') {
      return Promise.try(f)
    }
    return new Promise((resolve) => resolve(f()))
  }

  _isFull() {
    return this._clients.length >= this.options.max
  }

  _isAboveMin() {
    return this._clients.length > this.options.min
  }

  _pulseQueue() {
    this.log('pulse queue')
    if (this.ended) {
      this.log('pulse queue ended')
      return
    }
    if (this.ending) {
      this.log('pulse queue on ending')
      if (this._idle.length) {
        this._idle.slice().map((item) => {
          this._remove(item.client)
        })
      }
      if (!this._clients.length) {
        this.ended = true
        this._endCallback()
      }
      return
    }

    // if we don't have any waiting, do nothing
    if (!this._pendingQueue.length) {
      this.log('no queued requests')
      return
    }
    // if we don't have any idle clients and we have no more room do nothing
    if (!this._idle.length && this._isFull()) {
      return
    }
    const pendingItem = this._pendingQueue.shift()
    if (this._idle.length) {
      const idleItem = this._idle.pop()
      clearTimeout(idleItem.timeoutId)
      const client = idleItem.client
      client.ref && client.ref()
      const idleListener = idleItem.idleListener

      return this._acquireClient(client, pendingItem, idleListener, false)
    }
    if (!this._isFull()) {
      return this.newClient(pendingItem)
    }
    throw new Error('unexpected condition')
  }

  _remove(client, callback) {
    const removed = removeWhere(this._idle, (item) => item.client === client)

    if (removed !== undefined) {
      clearTimeout(removed.timeoutId)
    }

    this._clients = this._clients.filter((c) => c !== client)
    const context = this
    client.end(() => {
      context.emit('remove', client)

      if (typeof callback === 'function') {
        callback()
      }
    })
  }

  connect(cb) {
    if (this.ending) {
      const err = new Error('Cannot use a pool after calling end on the pool')
      return cb ? cb(err) : this.Promise.reject(err)
    }

    const response = promisify(this.Promise, cb)
    const result = response.result

    // if we don't have to connect a new client, don't do so
    if (this._isFull() || this._idle.length) {
      // if we have idle clients schedule a pulse immediately
      if (this._idle.length) {
        process.nextTick(() => this._pulseQueue())
      }

      if (!this.options.connectionTimeoutMillis) {
        this._pendingQueue.push(new PendingItem(response.callback))
        return result
      }

      const queueCallback = (err, res, done) => {
        clearTimeout(tid)
        response.callback(err, res, done)
      }

      const pendingItem = new PendingItem(queueCallback)

      // set connection timeout on checking out an existing client
      const tid = setTimeout(() => {
        // remove the callback from pending waiters because
        // we're going to call it with a timeout error
        removeWhere(this._pendingQueue, (i) => i.callback === queueCallback)
        pendingItem.timedOut = true
        response.callback(new Error('timeout exceeded when trying to connect'))
      }, this.options.connectionTimeoutMillis)

      if (tid.unref) {
        tid.unref()
      }

      this._pendingQueue.push(pendingItem)
      return result
    }

    this.newClient(new PendingItem(response.callback))

    return result
  }

  newClient(pendingItem) {
    const client = new this.Client(this.options)
    this._clients.push(client)
    const idleListener = makeIdleListener(this, client)

    this.log('checking client timeout')

    // connection timeout logic
    let tid
    let timeoutHit = false
    if (this.options.connectionTimeoutMillis) {
      tid = setTimeout(() => {
        if (client.connection) {
          this.log('ending client due to timeout')
          timeoutHit = true
          client.connection.stream.destroy()
        } else if (!client.isConnected()) {
          this.log('ending client due to timeout')
          timeoutHit = true
          // force kill the node driver, and let libpq do its teardown
          client.end()
        }
      }, this.options.connectionTimeoutMillis)
    }

    this.log('connecting new client')
    client.connect((err) => {
      if (tid) {
        clearTimeout(tid)
      }
      client.on('error', idleListener)
      if (err) {
        this.log('client failed to connect', err)
        // remove the dead client from our list of clients
        this._clients = this._clients.filter((c) => c !== client)
        if (timeoutHit) {
          err = new Error('Connection terminated due to connection timeout', { cause: err })
        }

        // this client won’t be released, so move on immediately
        this._pulseQueue()

        if (!pendingItem.timedOut) {
          pendingItem.callback(err, undefined, NOOP)
        }
      } else {
        this.log('new client connected')

        if (this.options.onConnect) {
          this._promiseTry(() => this.options.onConnect(client)).then(
            () => {
              this._afterConnect(client, pendingItem, idleListener)
            },
            (hookErr) => {
              this._clients = this._clients.filter((c) => c !== client)
              client.end(() => {
                this._pulseQueue()
                if (!pendingItem.timedOut) {
                  pendingItem.callback(hookErr, undefined, NOOP)
                }
              })
            }
          )
          return
        }

        return this._afterConnect(client, pendingItem, idleListener)
      }
    })
  }

  _afterConnect(client, pendingItem, idleListener) {
    if (this.options.maxLifetimeSeconds !== 0) {
      const maxLifetimeTimeout = setTimeout(() => {
        this.log('ending client due to expired lifetime')
        this._expired.add(client)
        const idleIndex = this._idle.findIndex((idleItem) => idleItem.client === client)
        if (idleIndex !== -1) {
          this._acquireClient(
            client,
            new PendingItem((err, client, clientRelease) => clientRelease()),
            idleListener,
            false
          )
        }
      }, this.options.maxLifetimeSeconds * 1000)

      maxLifetimeTimeout.unref()
      client.once('end', () => clearTimeout(maxLifetimeTimeout))
    }

    return this._acquireClient(client, pendingItem, idleListener, true)
  }

  // acquire a client for a pending work item
  _acquireClient(client, pendingItem, idleListener, isNew) {
    if (isNew) {
      this.emit('connect', client)
    }

    this.emit('acquire', client)

    client.release = this._releaseOnce(client, idleListener)

    client.removeListener('error', idleListener)

    if (!pendingItem.timedOut) {
      if (isNew && this.options.verify) {
        this.options.verify(client, (err) => {
          if (err) {
            client.release(err)
            return pendingItem.callback(err, undefined, NOOP)
          }

          pendingItem.callback(undefined, client, client.release)
        })
      } else {
        pendingItem.callback(undefined, client, client.release)
      }
    } else {
      if (isNew && this.options.verify) {
        this.options.verify(client, client.release)
      } else {
        client.release()
      }
    }
  }

  // returns a function that wraps _release and throws if called more than once
  _releaseOnce(client, idleListener) {
    let released = false

    return (err) => {
      if (released) {
        throwOnDoubleRelease()
      }

      released = true
      this._release(client, idleListener, err)
    }
  }

  // release a client back to the poll, include an error
  // to remove it from the pool
  _release(client, idleListener, err) {
    client.on('error', idleListener)

    client._poolUseCount = (client._poolUseCount || 0) + 1

    this.emit('release', err, client)

    // TODO(bmc): expose a proper, public interface _queryable and _ending
    if (err || this.ending || !client._queryable || client._ending || client._poolUseCount >= this.options.maxUses) {
      if (client._poolUseCount >= this.options.maxUses) {
        this.log('remove expended client')
      }

      return this._remove(client, this._pulseQueue.bind(this))
    }

    const isExpired = this._expired.has(client)
    if (isExpired) {
      this.log('remove expired client')
      this._expired.delete(client)
      return this._remove(client, this._pulseQueue.bind(this))
    }

    // idle timeout
    let tid
    if (this.options.idleTimeoutMillis && this._isAboveMin()) {
      tid = setTimeout(() => {
        if (this._isAboveMin()) {
          this.log('remove idle client')
          this._remove(client, this._pulseQueue.bind(this))
        }
      }, this.options.idleTimeoutMillis)

      if (this.options.allowExitOnIdle) {
        // allow Node to exit if this is all that's left
        tid.unref()
      }
    }

    if (this.options.allowExitOnIdle) {
      client.unref()
    }

    this._idle.push(new IdleItem(client, idleListener, tid))
    this._pulseQueue()
  }

  query(text, values, cb) {
    // guard clause against passing a function as the first parameter
    if (typeof text === 'function') {
      const response = promisify(this.Promise, text)
      setImmediate(function () {
        return response.callback(new Error('Passing a function as the first parameter to pool.query is not supported'))
      })
      return response.result
    }

    // allow plain text query without values, but callback
    if (typeof values === 'function') {
      cb = values
      values = undefined
    }
    const response = promisify(this.Promise, cb)
    cb = response.callback

    this.connect((err, client) => {
      if (err) {
        return cb(err)
      }

      let clientReleased = false
      const onError = (err) => {
        if (clientReleased) {
          return
        }
        clientReleased = true
        client.release(err)
        cb(err)
      }

      client.once('error', onError)
      this.log('dispatching query')
      try {
        client.query(text, values, (err, res) => {
          this.log('query dispatched')
          client.removeListener('error', onError)
          if (clientReleased) {
            return
          }
          clientReleased = true
          client.release(err)
          if (err) {
            return cb(err)
          }
          return cb(undefined, res)
        })
      } catch (err) {
        client.release(err)
        return cb(err)
      }
    })
    return response.result
  }

  end(cb) {
    this.log('ending')
    if (this.ending) {
      const err = new Error('Called end on pool more than once')
      return cb ? cb(err) : this.Promise.reject(err)
    }
    this.ending = true
    const promised = promisify(this.Promise, cb)
    this._endCallback = promised.callback
    this._pulseQueue()
    return promised.result
  }

  get waitingCount() {
    return this._pendingQueue.length
  }

  get idleCount() {
    return this._idle.length
  }

  get expiredCount() {
    return this._clients.reduce((acc, client) => acc + (this._expired.has(client) ? 1 : 0), 0)
  }

  get totalCount() {
    return this._clients.length
  }
}
module.exports = Pool


/***/ }),

/***/ 9971:
/***/ ((__unused_webpack_module, exports) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.BufferReader = void 0;
class BufferReader {
    constructor(offset = 0) {
        this.offset = offset;
        this.buffer = Buffer.allocUnsafe(0);
        // TODO(bmc): support non-utf8 encoding?
        this.encoding = 'utf-8';
    }
    setBuffer(offset, buffer) {
        this.offset = offset;
        this.buffer = buffer;
    }
    int16() {
        const result = this.buffer.readInt16BE(this.offset);
        this.offset += 2;
        return result;
    }
    byte() {
        const result = this.buffer[this.offset];
        this.offset++;
        return result;
    }
    int32() {
        const result = this.buffer.readInt32BE(this.offset);
        this.offset += 4;
        return result;
    }
    uint32() {
        const result = this.buffer.readUInt32BE(this.offset);
        this.offset += 4;
        return result;
    }
    string(length) {
        const result = this.buffer.toString(this.encoding, this.offset, this.offset + length);
        this.offset += length;
        return result;
    }
    cstring() {
        const start = this.offset;
        let end = start;
        // eslint-disable-next-line no-empty
        while (this.buffer[end++]) { }
        this.offset = end;
        return this.buffer.toString(this.encoding, start, end - 1);
    }
    bytes(length) {
        const result = this.buffer.slice(this.offset, this.offset + length);
        this.offset += length;
        return result;
    }
}
exports.BufferReader = BufferReader;
//# sourceMappingURL=buffer-reader.js.map

/***/ }),

/***/ 9315:
/***/ ((__unused_webpack_module, exports) => {


//binary data writer tuned for encoding binary specific to the postgres binary protocol
Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.Writer = void 0;
class Writer {
    constructor(size = 256) {
        this.size = size;
        this.offset = 5;
        this.headerPosition = 0;
        this.buffer = Buffer.allocUnsafe(size);
    }
    ensure(size) {
        const remaining = this.buffer.length - this.offset;
        if (remaining < size) {
            const oldBuffer = this.buffer;
            // exponential growth factor of around ~ 1.5
            // https://stackoverflow.com/questions/2269063/buffer-growth-strategy
            const newSize = oldBuffer.length + (oldBuffer.length >> 1) + size;
            this.buffer = Buffer.allocUnsafe(newSize);
            oldBuffer.copy(this.buffer, 0, 0, this.offset);
        }
    }
    addInt32(num) {
        this.ensure(4);
        this.buffer[this.offset++] = (num >>> 24) & 0xff;
        this.buffer[this.offset++] = (num >>> 16) & 0xff;
        this.buffer[this.offset++] = (num >>> 8) & 0xff;
        this.buffer[this.offset++] = (num >>> 0) & 0xff;
        return this;
    }
    addInt16(num) {
        this.ensure(2);
        this.buffer[this.offset++] = (num >>> 8) & 0xff;
        this.buffer[this.offset++] = (num >>> 0) & 0xff;
        return this;
    }
    addCString(string) {
        if (!string) {
            this.ensure(1);
        }
        else {
            const len = Buffer.byteLength(string);
            this.ensure(len + 1); // +1 for null terminator
            this.buffer.write(string, this.offset, 'utf-8');
            this.offset += len;
        }
        this.buffer[this.offset++] = 0; // null terminator
        return this;
    }
    addString(string = '') {
        const len = Buffer.byteLength(string);
        this.ensure(len);
        this.buffer.write(string, this.offset);
        this.offset += len;
        return this;
    }
    // Write an Int32 byte-length prefix immediately followed by the string's UTF-8
    // bytes. Postgres' Bind wire format prefixes every parameter with its length,
    // and doing it in one method computes Buffer.byteLength ONCE — the previous
    // `addInt32(Buffer.byteLength(s)).addString(s)` pairing scanned the string
    // three times (byteLength for the prefix, byteLength again inside addString,
    // then the encode), which is costly for large text parameters.
    addInt32PrefixedString(string) {
        const len = Buffer.byteLength(string);
        this.ensure(4 + len);
        const buffer = this.buffer;
        let offset = this.offset;
        buffer[offset++] = (len >>> 24) & 0xff;
        buffer[offset++] = (len >>> 16) & 0xff;
        buffer[offset++] = (len >>> 8) & 0xff;
        buffer[offset++] = (len >>> 0) & 0xff;
        buffer.write(string, offset, 'utf-8');
        this.offset = offset + len;
        return this;
    }
    add(otherBuffer) {
        this.ensure(otherBuffer.length);
        otherBuffer.copy(this.buffer, this.offset);
        this.offset += otherBuffer.length;
        return this;
    }
    /**
     * Appends an uninitialized block of {@link size} bytes to the buffer and returns its offset.
     */
    reserveUnsafe(size) {
        const offset = this.offset;
        this.ensure(size);
        this.offset += size;
        return offset;
    }
    join(code) {
        if (code) {
            this.buffer[this.headerPosition] = code;
            //length is everything in this packet minus the code
            const length = this.offset - (this.headerPosition + 1);
            this.buffer.writeInt32BE(length, this.headerPosition + 1);
        }
        return this.buffer.slice(code ? 0 : 5, this.offset);
    }
    flush(code) {
        const result = this.join(code);
        this.offset = 5;
        this.headerPosition = 0;
        this.buffer = Buffer.allocUnsafe(this.size);
        return result;
    }
    clear() {
        this.offset = 5;
        this.headerPosition = 0;
    }
}
exports.Writer = Writer;
//# sourceMappingURL=buffer-writer.js.map

/***/ }),

/***/ 4233:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.DatabaseError = exports.serialize = void 0;
exports.parse = parse;
const messages_1 = __nccwpck_require__(5809);
Object.defineProperty(exports, "DatabaseError", ({ enumerable: true, get: function () { return messages_1.DatabaseError; } }));
const serializer_1 = __nccwpck_require__(6513);
Object.defineProperty(exports, "serialize", ({ enumerable: true, get: function () { return serializer_1.serialize; } }));
const parser_1 = __nccwpck_require__(3318);
function parse(stream, callback) {
    const parser = new parser_1.Parser();
    stream.on('data', (buffer) => parser.parse(buffer, callback));
    return new Promise((resolve) => stream.on('end', () => resolve()));
}
//# sourceMappingURL=index.js.map

/***/ }),

/***/ 5809:
/***/ ((__unused_webpack_module, exports) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.NoticeMessage = exports.DataRowMessage = exports.CommandCompleteMessage = exports.ReadyForQueryMessage = exports.NotificationResponseMessage = exports.BackendKeyDataMessage = exports.AuthenticationMD5Password = exports.ParameterStatusMessage = exports.ParameterDescriptionMessage = exports.RowDescriptionMessage = exports.Field = exports.CopyResponse = exports.CopyDataMessage = exports.DatabaseError = exports.copyDone = exports.emptyQuery = exports.replicationStart = exports.portalSuspended = exports.noData = exports.closeComplete = exports.bindComplete = exports.parseComplete = void 0;
exports.parseComplete = {
    name: 'parseComplete',
    length: 5,
};
exports.bindComplete = {
    name: 'bindComplete',
    length: 5,
};
exports.closeComplete = {
    name: 'closeComplete',
    length: 5,
};
exports.noData = {
    name: 'noData',
    length: 5,
};
exports.portalSuspended = {
    name: 'portalSuspended',
    length: 5,
};
exports.replicationStart = {
    name: 'replicationStart',
    length: 4,
};
exports.emptyQuery = {
    name: 'emptyQuery',
    length: 4,
};
exports.copyDone = {
    name: 'copyDone',
    length: 4,
};
class DatabaseError extends Error {
    constructor(message, length, name) {
        super(message);
        this.length = length;
        this.name = name;
    }
}
exports.DatabaseError = DatabaseError;
class CopyDataMessage {
    constructor(length, chunk) {
        this.length = length;
        this.chunk = chunk;
        this.name = 'copyData';
    }
}
exports.CopyDataMessage = CopyDataMessage;
class CopyResponse {
    constructor(length, name, binary, columnCount) {
        this.length = length;
        this.name = name;
        this.binary = binary;
        this.columnTypes = new Array(columnCount);
    }
}
exports.CopyResponse = CopyResponse;
class Field {
    constructor(name, tableID, columnID, dataTypeID, dataTypeSize, dataTypeModifier, format) {
        this.name = name;
        this.tableID = tableID;
        this.columnID = columnID;
        this.dataTypeID = dataTypeID;
        this.dataTypeSize = dataTypeSize;
        this.dataTypeModifier = dataTypeModifier;
        this.format = format;
    }
}
exports.Field = Field;
class RowDescriptionMessage {
    constructor(length, fieldCount) {
        this.length = length;
        this.fieldCount = fieldCount;
        this.name = 'rowDescription';
        this.fields = new Array(this.fieldCount);
    }
}
exports.RowDescriptionMessage = RowDescriptionMessage;
class ParameterDescriptionMessage {
    constructor(length, parameterCount) {
        this.length = length;
        this.parameterCount = parameterCount;
        this.name = 'parameterDescription';
        this.dataTypeIDs = new Array(this.parameterCount);
    }
}
exports.ParameterDescriptionMessage = ParameterDescriptionMessage;
class ParameterStatusMessage {
    constructor(length, parameterName, parameterValue) {
        this.length = length;
        this.parameterName = parameterName;
        this.parameterValue = parameterValue;
        this.name = 'parameterStatus';
    }
}
exports.ParameterStatusMessage = ParameterStatusMessage;
class AuthenticationMD5Password {
    constructor(length, salt) {
        this.length = length;
        this.salt = salt;
        this.name = 'authenticationMD5Password';
    }
}
exports.AuthenticationMD5Password = AuthenticationMD5Password;
class BackendKeyDataMessage {
    constructor(length, processID, secretKey) {
        this.length = length;
        this.processID = processID;
        this.secretKey = secretKey;
        this.name = 'backendKeyData';
    }
}
exports.BackendKeyDataMessage = BackendKeyDataMessage;
class NotificationResponseMessage {
    constructor(length, processId, channel, payload) {
        this.length = length;
        this.processId = processId;
        this.channel = channel;
        this.payload = payload;
        this.name = 'notification';
    }
}
exports.NotificationResponseMessage = NotificationResponseMessage;
class ReadyForQueryMessage {
    constructor(length, status) {
        this.length = length;
        this.status = status;
        this.name = 'readyForQuery';
    }
}
exports.ReadyForQueryMessage = ReadyForQueryMessage;
class CommandCompleteMessage {
    constructor(length, text) {
        this.length = length;
        this.text = text;
        this.name = 'commandComplete';
    }
}
exports.CommandCompleteMessage = CommandCompleteMessage;
class DataRowMessage {
    constructor(length, fields) {
        this.length = length;
        this.fields = fields;
        this.name = 'dataRow';
        this.fieldCount = fields.length;
    }
}
exports.DataRowMessage = DataRowMessage;
class NoticeMessage {
    constructor(length, message) {
        this.length = length;
        this.message = message;
        this.name = 'notice';
    }
}
exports.NoticeMessage = NoticeMessage;
//# sourceMappingURL=messages.js.map

/***/ }),

/***/ 3318:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.Parser = void 0;
const messages_1 = __nccwpck_require__(5809);
const buffer_reader_1 = __nccwpck_require__(9971);
// every message is prefixed with a single byte
const CODE_LENGTH = 1;
// every message has an int32 length which includes itself but does
// NOT include the code in the length
const LEN_LENGTH = 4;
const HEADER_LENGTH = CODE_LENGTH + LEN_LENGTH;
// A placeholder for a `BackendMessage`’s length value that will be set after construction.
const LATEINIT_LENGTH = -1;
const emptyBuffer = Buffer.allocUnsafe(0);
class Parser {
    constructor(opts) {
        this.buffer = emptyBuffer;
        this.bufferLength = 0;
        this.bufferOffset = 0;
        this.reader = new buffer_reader_1.BufferReader();
        if ((opts === null || opts === void 0 ? void 0 : opts.mode) === 'binary') {
            throw new Error('Binary mode not supported yet');
        }
        this.mode = (opts === null || opts === void 0 ? void 0 : opts.mode) || 'text';
    }
    parse(buffer, callback) {
        this.mergeBuffer(buffer);
        const bufferFullLength = this.bufferOffset + this.bufferLength;
        let offset = this.bufferOffset;
        while (offset + HEADER_LENGTH <= bufferFullLength) {
            // code is 1 byte long - it identifies the message type
            const code = this.buffer[offset];
            // length is 1 Uint32BE - it is the length of the message EXCLUDING the code
            const length = this.buffer.readUInt32BE(offset + CODE_LENGTH);
            const fullMessageLength = CODE_LENGTH + length;
            if (fullMessageLength + offset <= bufferFullLength) {
                const message = this.handlePacket(offset + HEADER_LENGTH, code, length, this.buffer);
                callback(message);
                offset += fullMessageLength;
            }
            else {
                break;
            }
        }
        if (offset === bufferFullLength) {
            // No more use for the buffer
            this.buffer = emptyBuffer;
            this.bufferLength = 0;
            this.bufferOffset = 0;
        }
        else {
            // Adjust the cursors of remainingBuffer
            this.bufferLength = bufferFullLength - offset;
            this.bufferOffset = offset;
        }
    }
    mergeBuffer(buffer) {
        if (this.bufferLength > 0) {
            const newLength = this.bufferLength + buffer.byteLength;
            const newFullLength = newLength + this.bufferOffset;
            if (newFullLength > this.buffer.byteLength) {
                // We can't concat the new buffer with the remaining one
                let newBuffer;
                if (newLength <= this.buffer.byteLength && this.bufferOffset >= this.bufferLength) {
                    // We can move the relevant part to the beginning of the buffer instead of allocating a new buffer
                    newBuffer = this.buffer;
                }
                else {
                    // Allocate a new larger buffer
                    let newBufferLength = this.buffer.byteLength * 2;
                    while (newLength >= newBufferLength) {
                        newBufferLength *= 2;
                    }
                    newBuffer = Buffer.allocUnsafe(newBufferLength);
                }
                // Move the remaining buffer to the new one
                this.buffer.copy(newBuffer, 0, this.bufferOffset, this.bufferOffset + this.bufferLength);
                this.buffer = newBuffer;
                this.bufferOffset = 0;
            }
            // Concat the new buffer with the remaining one
            buffer.copy(this.buffer, this.bufferOffset + this.bufferLength);
            this.bufferLength = newLength;
        }
        else {
            this.buffer = buffer;
            this.bufferOffset = 0;
            this.bufferLength = buffer.byteLength;
        }
    }
    handlePacket(offset, code, length, bytes) {
        const { reader } = this;
        // NOTE: This undesirably retains the buffer in `this.reader` if the `parse*Message` calls below throw. However, those should only throw in the case of a protocol error, which normally results in the reader being discarded.
        reader.setBuffer(offset, bytes);
        let message;
        switch (code) {
            case 50 /* MessageCodes.BindComplete */:
                message = messages_1.bindComplete;
                break;
            case 49 /* MessageCodes.ParseComplete */:
                message = messages_1.parseComplete;
                break;
            case 51 /* MessageCodes.CloseComplete */:
                message = messages_1.closeComplete;
                break;
            case 110 /* MessageCodes.NoData */:
                message = messages_1.noData;
                break;
            case 115 /* MessageCodes.PortalSuspended */:
                message = messages_1.portalSuspended;
                break;
            case 99 /* MessageCodes.CopyDone */:
                message = messages_1.copyDone;
                break;
            case 87 /* MessageCodes.ReplicationStart */:
                message = messages_1.replicationStart;
                break;
            case 73 /* MessageCodes.EmptyQuery */:
                message = messages_1.emptyQuery;
                break;
            case 68 /* MessageCodes.DataRow */:
                message = parseDataRowMessage(reader);
                break;
            case 67 /* MessageCodes.CommandComplete */:
                message = parseCommandCompleteMessage(reader);
                break;
            case 90 /* MessageCodes.ReadyForQuery */:
                message = parseReadyForQueryMessage(reader);
                break;
            case 65 /* MessageCodes.NotificationResponse */:
                message = parseNotificationMessage(reader);
                break;
            case 82 /* MessageCodes.AuthenticationResponse */:
                message = parseAuthenticationResponse(reader, length);
                break;
            case 83 /* MessageCodes.ParameterStatus */:
                message = parseParameterStatusMessage(reader);
                break;
            case 75 /* MessageCodes.BackendKeyData */:
                message = parseBackendKeyData(reader);
                break;
            case 69 /* MessageCodes.ErrorMessage */:
                message = parseErrorMessage(reader, 'error');
                break;
            case 78 /* MessageCodes.NoticeMessage */:
                message = parseErrorMessage(reader, 'notice');
                break;
            case 84 /* MessageCodes.RowDescriptionMessage */:
                message = parseRowDescriptionMessage(reader);
                break;
            case 116 /* MessageCodes.ParameterDescriptionMessage */:
                message = parseParameterDescriptionMessage(reader);
                break;
            case 71 /* MessageCodes.CopyIn */:
                message = parseCopyInMessage(reader);
                break;
            case 72 /* MessageCodes.CopyOut */:
                message = parseCopyOutMessage(reader);
                break;
            case 100 /* MessageCodes.CopyData */:
                message = parseCopyData(reader, length);
                break;
            default:
                return new messages_1.DatabaseError('received invalid response: ' + code.toString(16), length, 'error');
        }
        reader.setBuffer(0, emptyBuffer);
        message.length = length;
        return message;
    }
}
exports.Parser = Parser;
const parseReadyForQueryMessage = (reader) => {
    const status = reader.string(1);
    return new messages_1.ReadyForQueryMessage(LATEINIT_LENGTH, status);
};
const parseCommandCompleteMessage = (reader) => {
    const text = reader.cstring();
    return new messages_1.CommandCompleteMessage(LATEINIT_LENGTH, text);
};
const parseCopyData = (reader, length) => {
    const chunk = reader.bytes(length - 4);
    return new messages_1.CopyDataMessage(LATEINIT_LENGTH, chunk);
};
const parseCopyInMessage = (reader) => parseCopyMessage(reader, 'copyInResponse');
const parseCopyOutMessage = (reader) => parseCopyMessage(reader, 'copyOutResponse');
const parseCopyMessage = (reader, messageName) => {
    const isBinary = reader.byte() !== 0;
    const columnCount = reader.int16();
    const message = new messages_1.CopyResponse(LATEINIT_LENGTH, messageName, isBinary, columnCount);
    for (let i = 0; i < columnCount; i++) {
        message.columnTypes[i] = reader.int16();
    }
    return message;
};
const parseNotificationMessage = (reader) => {
    const processId = reader.int32();
    const channel = reader.cstring();
    const payload = reader.cstring();
    return new messages_1.NotificationResponseMessage(LATEINIT_LENGTH, processId, channel, payload);
};
const parseRowDescriptionMessage = (reader) => {
    const fieldCount = reader.int16();
    const message = new messages_1.RowDescriptionMessage(LATEINIT_LENGTH, fieldCount);
    for (let i = 0; i < fieldCount; i++) {
        message.fields[i] = parseField(reader);
    }
    return message;
};
const parseField = (reader) => {
    const name = reader.cstring();
    const tableID = reader.uint32();
    const columnID = reader.int16();
    const dataTypeID = reader.uint32();
    const dataTypeSize = reader.int16();
    const dataTypeModifier = reader.int32();
    const mode = reader.int16() === 0 ? 'text' : 'binary';
    return new messages_1.Field(name, tableID, columnID, dataTypeID, dataTypeSize, dataTypeModifier, mode);
};
const parseParameterDescriptionMessage = (reader) => {
    const parameterCount = reader.int16();
    const message = new messages_1.ParameterDescriptionMessage(LATEINIT_LENGTH, parameterCount);
    for (let i = 0; i < parameterCount; i++) {
        // OIDs are unsigned, same as dataTypeID in parseField above
        message.dataTypeIDs[i] = reader.uint32();
    }
    return message;
};
const parseDataRowMessage = (reader) => {
    const fieldCount = reader.int16();
    const fields = new Array(fieldCount);
    for (let i = 0; i < fieldCount; i++) {
        const len = reader.int32();
        // a -1 for length means the value of the field is null
        fields[i] = len === -1 ? null : reader.string(len);
    }
    return new messages_1.DataRowMessage(LATEINIT_LENGTH, fields);
};
const parseParameterStatusMessage = (reader) => {
    const name = reader.cstring();
    const value = reader.cstring();
    return new messages_1.ParameterStatusMessage(LATEINIT_LENGTH, name, value);
};
const parseBackendKeyData = (reader) => {
    const processID = reader.int32();
    const secretKey = reader.int32();
    return new messages_1.BackendKeyDataMessage(LATEINIT_LENGTH, processID, secretKey);
};
const parseAuthenticationResponse = (reader, length) => {
    const code = reader.int32();
    // TODO(bmc): maybe better types here
    const message = {
        name: 'authenticationOk',
        length,
    };
    switch (code) {
        case 0: // AuthenticationOk
            break;
        case 3: // AuthenticationCleartextPassword
            if (message.length === 8) {
                message.name = 'authenticationCleartextPassword';
            }
            break;
        case 5: // AuthenticationMD5Password
            if (message.length === 12) {
                message.name = 'authenticationMD5Password';
                const salt = reader.bytes(4);
                return new messages_1.AuthenticationMD5Password(LATEINIT_LENGTH, salt);
            }
            break;
        case 10: // AuthenticationSASL
            {
                message.name = 'authenticationSASL';
                message.mechanisms = [];
                let mechanism;
                do {
                    mechanism = reader.cstring();
                    if (mechanism) {
                        message.mechanisms.push(mechanism);
                    }
                } while (mechanism);
            }
            break;
        case 11: // AuthenticationSASLContinue
            message.name = 'authenticationSASLContinue';
            message.data = reader.string(length - 8);
            break;
        case 12: // AuthenticationSASLFinal
            message.name = 'authenticationSASLFinal';
            message.data = reader.string(length - 8);
            break;
        default:
            throw new Error('Unknown authenticationOk message type ' + code);
    }
    return message;
};
const parseErrorMessage = (reader, name) => {
    const fields = {};
    let fieldType = reader.string(1);
    while (fieldType !== '\0') {
        fields[fieldType] = reader.cstring();
        fieldType = reader.string(1);
    }
    const messageValue = fields.M;
    const message = name === 'notice'
        ? new messages_1.NoticeMessage(LATEINIT_LENGTH, messageValue)
        : new messages_1.DatabaseError(messageValue, LATEINIT_LENGTH, name);
    message.severity = fields.S;
    message.code = fields.C;
    message.detail = fields.D;
    message.hint = fields.H;
    message.position = fields.P;
    message.internalPosition = fields.p;
    message.internalQuery = fields.q;
    message.where = fields.W;
    message.schema = fields.s;
    message.table = fields.t;
    message.column = fields.c;
    message.dataType = fields.d;
    message.constraint = fields.n;
    message.file = fields.F;
    message.line = fields.L;
    message.routine = fields.R;
    return message;
};
//# sourceMappingURL=parser.js.map

/***/ }),

/***/ 6513:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.serialize = void 0;
const buffer_writer_1 = __nccwpck_require__(9315);
const writer = new buffer_writer_1.Writer();
const startup = (opts) => {
    // protocol version
    writer.addInt16(3).addInt16(0);
    for (const key of Object.keys(opts)) {
        writer.addCString(key).addCString(opts[key]);
    }
    writer.addCString('client_encoding').addCString('UTF8');
    const bodyBuffer = writer.addCString('').flush();
    // this message is sent without a code
    const length = bodyBuffer.length + 4;
    return new buffer_writer_1.Writer().addInt32(length).add(bodyBuffer).flush();
};
const requestSsl = () => {
    const response = Buffer.allocUnsafe(8);
    response.writeInt32BE(8, 0);
    response.writeInt32BE(80877103, 4);
    return response;
};
const password = (password) => {
    return writer.addCString(password).flush(112 /* code.startup */);
};
const sendSASLInitialResponseMessage = function (mechanism, initialResponse) {
    // 0x70 = 'p'
    writer.addCString(mechanism).addInt32PrefixedString(initialResponse);
    return writer.flush(112 /* code.startup */);
};
const sendSCRAMClientFinalMessage = function (additionalData) {
    return writer.addString(additionalData).flush(112 /* code.startup */);
};
const query = (text) => {
    return writer.addCString(text).flush(81 /* code.query */);
};
const emptyArray = [];
const parse = (query) => {
    // expect something like this:
    // { name: 'queryName',
    //   text: 'select * from blah',
    //   types: ['int8', 'bool'] }
    // normalize missing query names to allow for null
    const name = query.name || '';
    if (name.length > 63) {
        console.error('Warning! Postgres only supports 63 characters for query names.');
        console.error('You supplied %s (%s)', name, name.length);
        console.error('This can cause conflicts and silent errors executing queries');
    }
    const types = query.types || emptyArray;
    const len = types.length;
    const buffer = writer
        .addCString(name) // name of query
        .addCString(query.text) // actual query text
        .addInt16(len);
    for (let i = 0; i < len; i++) {
        buffer.addInt32(types[i]);
    }
    return writer.flush(80 /* code.parse */);
};
const writeValues = function (values, valueMapper, formatsOffset) {
    const len = values.length;
    for (let i = 0; i < len; i++) {
        const mappedVal = valueMapper ? valueMapper(values[i], i) : values[i];
        let formatByte = 0 /* ParamType.STRING */;
        if (mappedVal == null) {
            // write -1 to indicate null
            writer.addInt32(-1);
        }
        else if (mappedVal instanceof Buffer) {
            formatByte = 1 /* ParamType.BINARY */;
            // add the buffer to the param writer
            writer.addInt32(mappedVal.length);
            writer.add(mappedVal);
        }
        else {
            // length prefix + UTF-8 bytes in one pass (Buffer.byteLength computed once)
            writer.addInt32PrefixedString(mappedVal);
        }
        // beware: `writer` operations can replace `writer.buffer` with a new buffer
        const buf = writer.buffer;
        buf[formatsOffset++] = 0;
        buf[formatsOffset++] = formatByte;
    }
};
const bind = (config = {}) => {
    // normalize config
    const portal = config.portal || '';
    const statement = config.statement || '';
    const binary = config.binary || false;
    const values = config.values || emptyArray;
    const len = values.length;
    writer.addCString(portal).addCString(statement);
    // number of parameter format codes
    writer.addInt16(len);
    // space for those codes, filled by `writeValues`
    const formatsOffset = writer.reserveUnsafe(len * 2);
    // number of parameter values
    writer.addInt16(len);
    try {
        writeValues(values, config.valueMapper, formatsOffset);
    }
    catch (err) {
        writer.clear();
        throw err;
    }
    // all results use the same format code
    writer.addInt16(1);
    // format code
    writer.addInt16(binary ? 1 /* ParamType.BINARY */ : 0 /* ParamType.STRING */);
    return writer.flush(66 /* code.bind */);
};
const emptyExecute = Buffer.from([69 /* code.execute */, 0x00, 0x00, 0x00, 0x09, 0x00, 0x00, 0x00, 0x00, 0x00]);
const execute = (config) => {
    // this is the happy path for most queries
    if (!config || (!config.portal && !config.rows)) {
        return emptyExecute;
    }
    const portal = config.portal || '';
    const rows = config.rows || 0;
    const portalLength = Buffer.byteLength(portal);
    const len = 4 + portalLength + 1 + 4;
    // one extra bit for code
    const buff = Buffer.allocUnsafe(1 + len);
    buff[0] = 69 /* code.execute */;
    buff.writeInt32BE(len, 1);
    buff.write(portal, 5, 'utf-8');
    buff[portalLength + 5] = 0; // null terminate portal cString
    buff.writeUInt32BE(rows, buff.length - 4);
    return buff;
};
const cancel = (processID, secretKey) => {
    const buffer = Buffer.allocUnsafe(16);
    buffer.writeInt32BE(16, 0);
    buffer.writeInt16BE(1234, 4);
    buffer.writeInt16BE(5678, 6);
    buffer.writeInt32BE(processID, 8);
    buffer.writeInt32BE(secretKey, 12);
    return buffer;
};
const cstringMessage = (code, string) => {
    const stringLen = Buffer.byteLength(string);
    const len = 4 + stringLen + 1;
    // one extra bit for code
    const buffer = Buffer.allocUnsafe(1 + len);
    buffer[0] = code;
    buffer.writeInt32BE(len, 1);
    buffer.write(string, 5, 'utf-8');
    buffer[len] = 0; // null terminate cString
    return buffer;
};
const emptyDescribePortal = writer.addCString('P').flush(68 /* code.describe */);
const emptyDescribeStatement = writer.addCString('S').flush(68 /* code.describe */);
const describe = (msg) => {
    return msg.name
        ? cstringMessage(68 /* code.describe */, `${msg.type}${msg.name || ''}`)
        : msg.type === 'P'
            ? emptyDescribePortal
            : emptyDescribeStatement;
};
const close = (msg) => {
    const text = `${msg.type}${msg.name || ''}`;
    return cstringMessage(67 /* code.close */, text);
};
const copyData = (chunk) => {
    return writer.add(chunk).flush(100 /* code.copyFromChunk */);
};
const copyFail = (message) => {
    return cstringMessage(102 /* code.copyFail */, message);
};
const codeOnlyBuffer = (code) => Buffer.from([code, 0x00, 0x00, 0x00, 0x04]);
const flushBuffer = codeOnlyBuffer(72 /* code.flush */);
const syncBuffer = codeOnlyBuffer(83 /* code.sync */);
const endBuffer = codeOnlyBuffer(88 /* code.end */);
const copyDoneBuffer = codeOnlyBuffer(99 /* code.copyDone */);
const serialize = {
    startup,
    password,
    requestSsl,
    sendSASLInitialResponseMessage,
    sendSCRAMClientFinalMessage,
    query,
    parse,
    bind,
    execute,
    describe,
    close,
    flush: () => flushBuffer,
    sync: () => syncBuffer,
    end: () => endBuffer,
    copyData,
    copyDone: () => copyDoneBuffer,
    copyFail,
    cancel,
};
exports.serialize = serialize;
//# sourceMappingURL=serializer.js.map

/***/ }),

/***/ 1549:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {

var textParsers = __nccwpck_require__(4784);
var binaryParsers = __nccwpck_require__(7522);
var arrayParser = __nccwpck_require__(6471);
var builtinTypes = __nccwpck_require__(6345);

exports.getTypeParser = getTypeParser;
exports.setTypeParser = setTypeParser;
exports.arrayParser = arrayParser;
exports.builtins = builtinTypes;

var typeParsers = {
  text: {},
  binary: {}
};

//the empty parse function
function noParse (val) {
  return String(val);
};

//returns a function used to convert a specific type (specified by
//oid) into a result javascript type
//note: the oid can be obtained via the following sql query:
//SELECT oid FROM pg_type WHERE typname = 'TYPE_NAME_HERE';
function getTypeParser (oid, format) {
  format = format || 'text';
  if (!typeParsers[format]) {
    return noParse;
  }
  return typeParsers[format][oid] || noParse;
};

function setTypeParser (oid, format, parseFn) {
  if(typeof format == 'function') {
    parseFn = format;
    format = 'text';
  }
  typeParsers[format][oid] = parseFn;
};

textParsers.init(function(oid, converter) {
  typeParsers.text[oid] = converter;
});

binaryParsers.init(function(oid, converter) {
  typeParsers.binary[oid] = converter;
});


/***/ }),

/***/ 6471:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {

var array = __nccwpck_require__(3879);

module.exports = {
  create: function (source, transform) {
    return {
      parse: function() {
        return array.parse(source, transform);
      }
    };
  }
};


/***/ }),

/***/ 7522:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {

var parseInt64 = __nccwpck_require__(2299);

var parseBits = function(data, bits, offset, invert, callback) {
  offset = offset || 0;
  invert = invert || false;
  callback = callback || function(lastValue, newValue, bits) { return (lastValue * Math.pow(2, bits)) + newValue; };
  var offsetBytes = offset >> 3;

  var inv = function(value) {
    if (invert) {
      return ~value & 0xff;
    }

    return value;
  };

  // read first (maybe partial) byte
  var mask = 0xff;
  var firstBits = 8 - (offset % 8);
  if (bits < firstBits) {
    mask = (0xff << (8 - bits)) & 0xff;
    firstBits = bits;
  }

  if (offset) {
    mask = mask >> (offset % 8);
  }

  var result = 0;
  if ((offset % 8) + bits >= 8) {
    result = callback(0, inv(data[offsetBytes]) & mask, firstBits);
  }

  // read bytes
  var bytes = (bits + offset) >> 3;
  for (var i = offsetBytes + 1; i < bytes; i++) {
    result = callback(result, inv(data[i]), 8);
  }

  // bits to read, that are not a complete byte
  var lastBits = (bits + offset) % 8;
  if (lastBits > 0) {
    result = callback(result, inv(data[bytes]) >> (8 - lastBits), lastBits);
  }

  return result;
};

var parseFloatFromBits = function(data, precisionBits, exponentBits) {
  var bias = Math.pow(2, exponentBits - 1) - 1;
  var sign = parseBits(data, 1);
  var exponent = parseBits(data, exponentBits, 1);

  if (exponent === 0) {
    return 0;
  }

  // parse mantissa
  var precisionBitsCounter = 1;
  var parsePrecisionBits = function(lastValue, newValue, bits) {
    if (lastValue === 0) {
      lastValue = 1;
    }

    for (var i = 1; i <= bits; i++) {
      precisionBitsCounter /= 2;
      if ((newValue & (0x1 << (bits - i))) > 0) {
        lastValue += precisionBitsCounter;
      }
    }

    return lastValue;
  };

  var mantissa = parseBits(data, precisionBits, exponentBits + 1, false, parsePrecisionBits);

  // special cases
  if (exponent == (Math.pow(2, exponentBits + 1) - 1)) {
    if (mantissa === 0) {
      return (sign === 0) ? Infinity : -Infinity;
    }

    return NaN;
  }

  // normale number
  return ((sign === 0) ? 1 : -1) * Math.pow(2, exponent - bias) * mantissa;
};

var parseInt16 = function(value) {
  if (parseBits(value, 1) == 1) {
    return -1 * (parseBits(value, 15, 1, true) + 1);
  }

  return parseBits(value, 15, 1);
};

var parseInt32 = function(value) {
  if (parseBits(value, 1) == 1) {
    return -1 * (parseBits(value, 31, 1, true) + 1);
  }

  return parseBits(value, 31, 1);
};

var parseFloat32 = function(value) {
  return parseFloatFromBits(value, 23, 8);
};

var parseFloat64 = function(value) {
  return parseFloatFromBits(value, 52, 11);
};

var parseNumeric = function(value) {
  var sign = parseBits(value, 16, 32);
  if (sign == 0xc000) {
    return NaN;
  }

  var weight = Math.pow(10000, parseBits(value, 16, 16));
  var result = 0;

  var digits = [];
  var ndigits = parseBits(value, 16);
  for (var i = 0; i < ndigits; i++) {
    result += parseBits(value, 16, 64 + (16 * i)) * weight;
    weight /= 10000;
  }

  var scale = Math.pow(10, parseBits(value, 16, 48));
  return ((sign === 0) ? 1 : -1) * Math.round(result * scale) / scale;
};

var parseDate = function(isUTC, value) {
  var sign = parseBits(value, 1);
  var rawValue = parseBits(value, 63, 1);

  // discard usecs and shift from 2000 to 1970
  var result = new Date((((sign === 0) ? 1 : -1) * rawValue / 1000) + 946684800000);

  if (!isUTC) {
    result.setTime(result.getTime() + result.getTimezoneOffset() * 60000);
  }

  // add microseconds to the date
  result.usec = rawValue % 1000;
  result.getMicroSeconds = function() {
    return this.usec;
  };
  result.setMicroSeconds = function(value) {
    this.usec = value;
  };
  result.getUTCMicroSeconds = function() {
    return this.usec;
  };

  return result;
};

var parseArray = function(value) {
  var dim = parseBits(value, 32);

  var flags = parseBits(value, 32, 32);
  var elementType = parseBits(value, 32, 64);

  var offset = 96;
  var dims = [];
  for (var i = 0; i < dim; i++) {
    // parse dimension
    dims[i] = parseBits(value, 32, offset);
    offset += 32;

    // ignore lower bounds
    offset += 32;
  }

  var parseElement = function(elementType) {
    // parse content length
    var length = parseBits(value, 32, offset);
    offset += 32;

    // parse null values
    if (length == 0xffffffff) {
      return null;
    }

    var result;
    if ((elementType == 0x17) || (elementType == 0x14)) {
      // int/bigint
      result = parseBits(value, length * 8, offset);
      offset += length * 8;
      return result;
    }
    else if (elementType == 0x19) {
      // string
      result = value.toString(this.encoding, offset >> 3, (offset += (length << 3)) >> 3);
      return result;
    }
    else {
      console.log("ERROR: ElementType not implemented: " + elementType);
    }
  };

  var parse = function(dimension, elementType) {
    var array = [];
    var i;

    if (dimension.length > 1) {
      var count = dimension.shift();
      for (i = 0; i < count; i++) {
        array[i] = parse(dimension, elementType);
      }
      dimension.unshift(count);
    }
    else {
      for (i = 0; i < dimension[0]; i++) {
        array[i] = parseElement(elementType);
      }
    }

    return array;
  };

  return parse(dims, elementType);
};

var parseText = function(value) {
  return value.toString('utf8');
};

var parseBool = function(value) {
  if(value === null) return null;
  return (parseBits(value, 8) > 0);
};

var init = function(register) {
  register(20, parseInt64);
  register(21, parseInt16);
  register(23, parseInt32);
  register(26, parseInt32);
  register(1700, parseNumeric);
  register(700, parseFloat32);
  register(701, parseFloat64);
  register(16, parseBool);
  register(1114, parseDate.bind(null, false));
  register(1184, parseDate.bind(null, true));
  register(1000, parseArray);
  register(1007, parseArray);
  register(1016, parseArray);
  register(1008, parseArray);
  register(1009, parseArray);
  register(25, parseText);
};

module.exports = {
  init: init
};


/***/ }),

/***/ 6345:
/***/ ((module) => {

/**
 * Following query was used to generate this file:

 SELECT json_object_agg(UPPER(PT.typname), PT.oid::int4 ORDER BY pt.oid)
 FROM pg_type PT
 WHERE typnamespace = (SELECT pgn.oid FROM pg_namespace pgn WHERE nspname = 'pg_catalog') -- Take only builting Postgres types with stable OID (extension types are not guaranted to be stable)
 AND typtype = 'b' -- Only basic types
 AND typelem = 0 -- Ignore aliases
 AND typisdefined -- Ignore undefined types
 */

module.exports = {
    BOOL: 16,
    BYTEA: 17,
    CHAR: 18,
    INT8: 20,
    INT2: 21,
    INT4: 23,
    REGPROC: 24,
    TEXT: 25,
    OID: 26,
    TID: 27,
    XID: 28,
    CID: 29,
    JSON: 114,
    XML: 142,
    PG_NODE_TREE: 194,
    SMGR: 210,
    PATH: 602,
    POLYGON: 604,
    CIDR: 650,
    FLOAT4: 700,
    FLOAT8: 701,
    ABSTIME: 702,
    RELTIME: 703,
    TINTERVAL: 704,
    CIRCLE: 718,
    MACADDR8: 774,
    MONEY: 790,
    MACADDR: 829,
    INET: 869,
    ACLITEM: 1033,
    BPCHAR: 1042,
    VARCHAR: 1043,
    DATE: 1082,
    TIME: 1083,
    TIMESTAMP: 1114,
    TIMESTAMPTZ: 1184,
    INTERVAL: 1186,
    TIMETZ: 1266,
    BIT: 1560,
    VARBIT: 1562,
    NUMERIC: 1700,
    REFCURSOR: 1790,
    REGPROCEDURE: 2202,
    REGOPER: 2203,
    REGOPERATOR: 2204,
    REGCLASS: 2205,
    REGTYPE: 2206,
    UUID: 2950,
    TXID_SNAPSHOT: 2970,
    PG_LSN: 3220,
    PG_NDISTINCT: 3361,
    PG_DEPENDENCIES: 3402,
    TSVECTOR: 3614,
    TSQUERY: 3615,
    GTSVECTOR: 3642,
    REGCONFIG: 3734,
    REGDICTIONARY: 3769,
    JSONB: 3802,
    REGNAMESPACE: 4089,
    REGROLE: 4096
};


/***/ }),

/***/ 4784:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {

var array = __nccwpck_require__(3879)
var arrayParser = __nccwpck_require__(6471);
var parseDate = __nccwpck_require__(2690);
var parseInterval = __nccwpck_require__(8755);
var parseByteA = __nccwpck_require__(463);

function allowNull (fn) {
  return function nullAllowed (value) {
    if (value === null) return value
    return fn(value)
  }
}

function parseBool (value) {
  if (value === null) return value
  return value === 'TRUE' ||
    value === 't' ||
    value === 'true' ||
    value === 'y' ||
    value === 'yes' ||
    value === 'on' ||
    value === '1';
}

function parseBoolArray (value) {
  if (!value) return null
  return array.parse(value, parseBool)
}

function parseBaseTenInt (string) {
  return parseInt(string, 10)
}

function parseIntegerArray (value) {
  if (!value) return null
  return array.parse(value, allowNull(parseBaseTenInt))
}

function parseBigIntegerArray (value) {
  if (!value) return null
  return array.parse(value, allowNull(function (entry) {
    return parseBigInteger(entry).trim()
  }))
}

var parsePointArray = function(value) {
  if(!value) { return null; }
  var p = arrayParser.create(value, function(entry) {
    if(entry !== null) {
      entry = parsePoint(entry);
    }
    return entry;
  });

  return p.parse();
};

var parseFloatArray = function(value) {
  if(!value) { return null; }
  var p = arrayParser.create(value, function(entry) {
    if(entry !== null) {
      entry = parseFloat(entry);
    }
    return entry;
  });

  return p.parse();
};

var parseStringArray = function(value) {
  if(!value) { return null; }

  var p = arrayParser.create(value);
  return p.parse();
};

var parseDateArray = function(value) {
  if (!value) { return null; }

  var p = arrayParser.create(value, function(entry) {
    if (entry !== null) {
      entry = parseDate(entry);
    }
    return entry;
  });

  return p.parse();
};

var parseIntervalArray = function(value) {
  if (!value) { return null; }

  var p = arrayParser.create(value, function(entry) {
    if (entry !== null) {
      entry = parseInterval(entry);
    }
    return entry;
  });

  return p.parse();
};

var parseByteAArray = function(value) {
  if (!value) { return null; }

  return array.parse(value, allowNull(parseByteA));
};

var parseInteger = function(value) {
  return parseInt(value, 10);
};

var parseBigInteger = function(value) {
  var valStr = String(value);
  if (/^\d+$/.test(valStr)) { return valStr; }
  return value;
};

var parseJsonArray = function(value) {
  if (!value) { return null; }

  return array.parse(value, allowNull(JSON.parse));
};

var parsePoint = function(value) {
  if (value[0] !== '(') { return null; }

  value = value.substring( 1, value.length - 1 ).split(',');

  return {
    x: parseFloat(value[0])
  , y: parseFloat(value[1])
  };
};

var parseCircle = function(value) {
  if (value[0] !== '<' && value[1] !== '(') { return null; }

  var point = '(';
  var radius = '';
  var pointParsed = false;
  for (var i = 2; i < value.length - 1; i++){
    if (!pointParsed) {
      point += value[i];
    }

    if (value[i] === ')') {
      pointParsed = true;
      continue;
    } else if (!pointParsed) {
      continue;
    }

    if (value[i] === ','){
      continue;
    }

    radius += value[i];
  }
  var result = parsePoint(point);
  result.radius = parseFloat(radius);

  return result;
};

var init = function(register) {
  register(20, parseBigInteger); // int8
  register(21, parseInteger); // int2
  register(23, parseInteger); // int4
  register(26, parseInteger); // oid
  register(700, parseFloat); // float4/real
  register(701, parseFloat); // float8/double
  register(16, parseBool);
  register(1082, parseDate); // date
  register(1114, parseDate); // timestamp without timezone
  register(1184, parseDate); // timestamp
  register(600, parsePoint); // point
  register(651, parseStringArray); // cidr[]
  register(718, parseCircle); // circle
  register(1000, parseBoolArray);
  register(1001, parseByteAArray);
  register(1005, parseIntegerArray); // _int2
  register(1007, parseIntegerArray); // _int4
  register(1028, parseIntegerArray); // oid[]
  register(1016, parseBigIntegerArray); // _int8
  register(1017, parsePointArray); // point[]
  register(1021, parseFloatArray); // _float4
  register(1022, parseFloatArray); // _float8
  register(1231, parseFloatArray); // _numeric
  register(1014, parseStringArray); //char
  register(1015, parseStringArray); //varchar
  register(1008, parseStringArray);
  register(1009, parseStringArray);
  register(1040, parseStringArray); // macaddr[]
  register(1041, parseStringArray); // inet[]
  register(1115, parseDateArray); // timestamp without time zone[]
  register(1182, parseDateArray); // _date
  register(1185, parseDateArray); // timestamp with time zone[]
  register(1186, parseInterval);
  register(1187, parseIntervalArray);
  register(17, parseByteA);
  register(114, JSON.parse.bind(JSON)); // json
  register(3802, JSON.parse.bind(JSON)); // jsonb
  register(199, parseJsonArray); // json[]
  register(3807, parseJsonArray); // jsonb[]
  register(3907, parseStringArray); // numrange[]
  register(2951, parseStringArray); // uuid[]
  register(791, parseStringArray); // money[]
  register(1183, parseStringArray); // time[]
  register(1270, parseStringArray); // timetz[]
};

module.exports = {
  init: init
};


/***/ }),

/***/ 5042:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {

const EventEmitter = (__nccwpck_require__(4434).EventEmitter)
const utils = __nccwpck_require__(9652)
const nodeUtils = __nccwpck_require__(9023)
const sasl = __nccwpck_require__(948)
const TypeOverrides = __nccwpck_require__(365)

const ConnectionParameters = __nccwpck_require__(646)
const Query = __nccwpck_require__(4473)
const defaults = __nccwpck_require__(8995)
const Connection = __nccwpck_require__(9809)
const crypto = __nccwpck_require__(4150)

const activeQueryDeprecationNotice = nodeUtils.deprecate(
  () => {},
  'Client.activeQuery is deprecated and will be removed in pg@9.0'
)

const queryQueueDeprecationNotice = nodeUtils.deprecate(
  () => {},
  'Client.queryQueue is deprecated and will be removed in pg@9.0.'
)

const pgPassDeprecationNotice = nodeUtils.deprecate(
  () => {},
  'pgpass support is deprecated and will be removed in pg@9.0. ' +
    'You can provide an async function as the password property to the Client/Pool constructor that returns a password instead. Within this function you can call the pgpass module in your own code.'
)

const byoPromiseDeprecationNotice = nodeUtils.deprecate(
  () => {},
  'Passing a custom Promise implementation to the Client/Pool constructor is deprecated and will be removed in pg@9.0.'
)

const queryQueueLengthDeprecationNotice = nodeUtils.deprecate(
  () => {},
  'Calling client.query() when the client is already executing a query is deprecated and will be removed in pg@9.0. Use async/await or an external async flow control mechanism instead.'
)

function coerceNumberOrDefault(value, defaultValue) {
  if (typeof value === 'number') {
    return Number.isFinite(value) ? value : defaultValue
  }
  if (typeof value === 'string' && value.trim() !== '') {
    const n = Number(value)
    return Number.isFinite(n) ? n : defaultValue
  }
  return defaultValue
}

class Client extends EventEmitter {
  constructor(config) {
    super()

    this.connectionParameters = new ConnectionParameters(config)
    this.user = this.connectionParameters.user
    this.database = this.connectionParameters.database
    this.port = this.connectionParameters.port
    this.host = this.connectionParameters.host

    // "hiding" the password so it doesn't show up in stack traces
    // or if the client is console.logged
    Object.defineProperty(this, 'password', {
      configurable: true,
      enumerable: false,
      writable: true,
      value: this.connectionParameters.password,
    })

    this.replication = this.connectionParameters.replication

    const c = config || {}

    if (c.Promise) {
      byoPromiseDeprecationNotice()
    }
    this._Promise = c.Promise || global.Promise
    this._types = new TypeOverrides(c.types)
    this._ending = false
    this._ended = false
    this._connecting = false
    this._connected = false
    this._connectionError = false
    this._queryable = true
    this._activeQuery = null
    this._txStatus = null

    this.enableChannelBinding = Boolean(c.enableChannelBinding) // set true to use SCRAM-SHA-256-PLUS when offered
    this.scramMaxIterations = coerceNumberOrDefault(c.scramMaxIterations, sasl.DEFAULT_MAX_SCRAM_ITERATIONS)
    this.connection =
      c.connection ||
      new Connection({
        stream: c.stream,
        ssl: this.connectionParameters.ssl,
        sslNegotiation: this.connectionParameters.sslnegotiation,
        keepAlive: c.keepAlive || false,
        keepAliveInitialDelayMillis: c.keepAliveInitialDelayMillis || 0,
        encoding: this.connectionParameters.client_encoding || 'utf8',
      })
    this._queryQueue = []
    this._sentQueryQueue = []
    this.pipeline = Boolean(c.pipeline)
    this.binary = c.binary || defaults.binary
    this.processID = null
    this.secretKey = null
    this.ssl = this.connectionParameters.ssl || false
    this.sslNegotiation = this.connectionParameters.sslnegotiation || 'postgres'
    // As with Password, make SSL->Key (the private key) non-enumerable.
    // It won't show up in stack traces
    // or if the client is console.logged
    if (this.ssl && this.ssl.key) {
      Object.defineProperty(this.ssl, 'key', {
        enumerable: false,
      })
    }

    this._connectionTimeoutMillis = c.connectionTimeoutMillis || 0
  }

  get activeQuery() {
    activeQueryDeprecationNotice()
    return this._activeQuery
  }

  set activeQuery(val) {
    activeQueryDeprecationNotice()
    this._activeQuery = val
  }

  _getActiveQuery() {
    return this._activeQuery
  }

  _errorAllQueries(err) {
    const enqueueError = (query) => {
      process.nextTick(() => {
        query.handleError(err, this.connection)
      })
    }

    const activeQuery = this._getActiveQuery()
    if (activeQuery) {
      enqueueError(activeQuery)
      this._activeQuery = null
    }

    this._sentQueryQueue.forEach(enqueueError)
    this._sentQueryQueue.length = 0

    this._queryQueue.forEach(enqueueError)
    this._queryQueue.length = 0
  }

  _connect(callback) {
    const self = this
    const con = this.connection
    this._connectionCallback = callback

    if (this._connecting || this._connected) {
      const err = new Error('Client has already been connected. You cannot reuse a client.')
      process.nextTick(() => {
        callback(err)
      })
      return
    }
    this._connecting = true

    if (this._connectionTimeoutMillis > 0) {
      this.connectionTimeoutHandle = setTimeout(() => {
        con._ending = true
        con.stream.destroy(new Error('timeout expired'))
      }, this._connectionTimeoutMillis)

      if (this.connectionTimeoutHandle.unref) {
        this.connectionTimeoutHandle.unref()
      }
    }

    if (this.host && this.host.indexOf('/') === 0) {
      con.connect(this.host + '/.s.PGSQL.' + this.port)
    } else {
      con.connect(this.port, this.host)
    }

    // once connection is established send startup message
    con.on('connect', function () {
      if (self.ssl) {
        // With direct SSL negotiation the connection upgrades to TLS without an
        // SSLRequest packet, so the startup message is sent after 'sslconnect'.
        if (self.sslNegotiation !== 'direct') {
          con.requestSsl()
        }
      } else {
        con.startup(self.getStartupConf())
      }
    })

    con.on('sslconnect', function () {
      con.startup(self.getStartupConf())
    })

    this._attachListeners(con)

    con.once('end', () => {
      const error = this._ending ? new Error('Connection terminated') : new Error('Connection terminated unexpectedly')

      clearTimeout(this.connectionTimeoutHandle)
      this._errorAllQueries(error)
      this._ended = true

      if (!this._ending) {
        // if the connection is ended without us calling .end()
        // on this client then we have an unexpected disconnection
        // treat this as an error unless we've already emitted an error
        // during connection.
        if (this._connecting && !this._connectionError) {
          if (this._connectionCallback) {
            this._connectionCallback(error)
          } else {
            this._handleErrorEvent(error)
          }
        } else if (!this._connectionError) {
          this._handleErrorEvent(error)
        }
      }

      process.nextTick(() => {
        this.emit('end')
      })
    })
  }

  connect(callback) {
    if (callback) {
      this._connect(callback)
      return
    }

    return new this._Promise((resolve, reject) => {
      this._connect((error) => {
        if (error) {
          reject(error)
        } else {
          resolve(this)
        }
      })
    })
  }

  _attachListeners(con) {
    // password request handling
    con.on('authenticationCleartextPassword', this._handleAuthCleartextPassword.bind(this))
    // password request handling
    con.on('authenticationMD5Password', this._handleAuthMD5Password.bind(this))
    // password request handling (SASL)
    con.on('authenticationSASL', this._handleAuthSASL.bind(this))
    con.on('authenticationSASLContinue', this._handleAuthSASLContinue.bind(this))
    con.on('authenticationSASLFinal', this._handleAuthSASLFinal.bind(this))
    con.on('backendKeyData', this._handleBackendKeyData.bind(this))
    con.on('error', this._handleErrorEvent.bind(this))
    con.on('errorMessage', this._handleErrorMessage.bind(this))
    con.on('readyForQuery', this._handleReadyForQuery.bind(this))
    con.on('notice', this._handleNotice.bind(this))
    con.on('rowDescription', this._handleRowDescription.bind(this))
    con.on('dataRow', this._handleDataRow.bind(this))
    con.on('portalSuspended', this._handlePortalSuspended.bind(this))
    con.on('emptyQuery', this._handleEmptyQuery.bind(this))
    con.on('commandComplete', this._handleCommandComplete.bind(this))
    con.on('parseComplete', this._handleParseComplete.bind(this))
    con.on('copyInResponse', this._handleCopyInResponse.bind(this))
    con.on('copyData', this._handleCopyData.bind(this))
    con.on('notification', this._handleNotification.bind(this))
  }

  _getPassword(cb) {
    const con = this.connection
    if (typeof this.password === 'function') {
      this._Promise
        .resolve()
        .then(() => this.password(this.connectionParameters))
        .then((pass) => {
          if (pass !== undefined) {
            if (typeof pass !== 'string') {
              con.emit('error', new TypeError('Password must be a string'))
              return
            }
            this.connectionParameters.password = this.password = pass
          } else {
            this.connectionParameters.password = this.password = null
          }
          cb()
        })
        .catch((err) => {
          con.emit('error', err)
        })
    } else if (this.password !== null) {
      cb()
    } else {
      try {
        const pgPass = __nccwpck_require__(3272)
        pgPass(this.connectionParameters, (pass) => {
          if (undefined !== pass) {
            pgPassDeprecationNotice()
            this.connectionParameters.password = this.password = pass
          }
          cb()
        })
      } catch (e) {
        this.emit('error', e)
      }
    }
  }

  _handleAuthCleartextPassword(msg) {
    this._getPassword(() => {
      this.connection.password(this.password)
    })
  }

  _handleAuthMD5Password(msg) {
    this._getPassword(async () => {
      try {
        const hashedPassword = await crypto.postgresMd5PasswordHash(this.user, this.password, msg.salt)
        this.connection.password(hashedPassword)
      } catch (e) {
        this.emit('error', e)
      }
    })
  }

  _handleAuthSASL(msg) {
    this._getPassword(() => {
      try {
        this.saslSession = sasl.startSession(
          msg.mechanisms,
          this.enableChannelBinding && this.connection.stream,
          this.scramMaxIterations
        )
        this.connection.sendSASLInitialResponseMessage(this.saslSession.mechanism, this.saslSession.response)
      } catch (err) {
        this.connection.emit('error', err)
      }
    })
  }

  async _handleAuthSASLContinue(msg) {
    try {
      await sasl.continueSession(
        this.saslSession,
        this.password,
        msg.data,
        this.enableChannelBinding && this.connection.stream
      )
      this.connection.sendSCRAMClientFinalMessage(this.saslSession.response)
    } catch (err) {
      this.connection.emit('error', err)
    }
  }

  _handleAuthSASLFinal(msg) {
    try {
      sasl.finalizeSession(this.saslSession, msg.data)
      this.saslSession = null
    } catch (err) {
      this.connection.emit('error', err)
    }
  }

  _handleBackendKeyData(msg) {
    this.processID = msg.processID
    this.secretKey = msg.secretKey
  }

  _handleReadyForQuery(msg) {
    if (this._connecting) {
      this._connecting = false
      this._connected = true
      clearTimeout(this.connectionTimeoutHandle)

      // process possible callback argument to Client#connect
      if (this._connectionCallback) {
        this._connectionCallback(null, this)
        // remove callback for proper error handling
        // after the connect event
        this._connectionCallback = null
      }
      this.emit('connect')
    }
    const activeQuery = this._getActiveQuery()
    this._activeQuery = null
    this._txStatus = msg?.status ?? null
    this.readyForQuery = true
    if (activeQuery) {
      activeQuery.handleReadyForQuery(this.connection)
    }
    this._pulseQueryQueue()
  }

  // if we receive an error event or error message
  // during the connection process we handle it here
  _handleErrorWhileConnecting(err) {
    if (this._connectionError) {
      // TODO(bmc): this is swallowing errors - we shouldn't do this
      return
    }
    this._connectionError = true
    clearTimeout(this.connectionTimeoutHandle)
    if (this._connectionCallback) {
      return this._connectionCallback(err)
    }
    this.emit('error', err)
  }

  // if we're connected and we receive an error event from the connection
  // this means the socket is dead - do a hard abort of all queries and emit
  // the socket error on the client as well
  _handleErrorEvent(err) {
    if (this._connecting) {
      return this._handleErrorWhileConnecting(err)
    }
    this._queryable = false
    this._errorAllQueries(err)
    this.emit('error', err)
  }

  // handle error messages from the postgres backend
  _handleErrorMessage(msg) {
    if (this._connecting) {
      return this._handleErrorWhileConnecting(msg)
    }
    const activeQuery = this._getActiveQuery()

    if (!activeQuery) {
      this._handleErrorEvent(msg)
      return
    }

    this._activeQuery = null
    if (activeQuery.name) {
      delete this.connection.submittedNamedStatements[activeQuery.name]
    }
    activeQuery.handleError(msg, this.connection)
  }

  _handleRowDescription(msg) {
    const activeQuery = this._getActiveQuery()
    if (activeQuery == null) {
      const error = new Error('Received unexpected rowDescription message from backend.')
      this._handleErrorEvent(error)
      return
    }
    // delegate rowDescription to active query
    activeQuery.handleRowDescription(msg)
  }

  _handleDataRow(msg) {
    const activeQuery = this._getActiveQuery()
    if (activeQuery == null) {
      const error = new Error('Received unexpected dataRow message from backend.')
      this._handleErrorEvent(error)
      return
    }
    // delegate dataRow to active query
    activeQuery.handleDataRow(msg)
  }

  _handlePortalSuspended(msg) {
    const activeQuery = this._getActiveQuery()
    if (activeQuery == null) {
      const error = new Error('Received unexpected portalSuspended message from backend.')
      this._handleErrorEvent(error)
      return
    }
    // delegate portalSuspended to active query
    activeQuery.handlePortalSuspended(this.connection)
  }

  _handleEmptyQuery(msg) {
    const activeQuery = this._getActiveQuery()
    if (activeQuery == null) {
      const error = new Error('Received unexpected emptyQuery message from backend.')
      this._handleErrorEvent(error)
      return
    }
    // delegate emptyQuery to active query
    activeQuery.handleEmptyQuery(this.connection)
  }

  _handleCommandComplete(msg) {
    const activeQuery = this._getActiveQuery()
    if (activeQuery == null) {
      const error = new Error('Received unexpected commandComplete message from backend.')
      this._handleErrorEvent(error)
      return
    }
    // delegate commandComplete to active query
    activeQuery.handleCommandComplete(msg, this.connection)
  }

  _handleParseComplete() {
    const activeQuery = this._getActiveQuery()
    if (activeQuery == null) {
      const error = new Error('Received unexpected parseComplete message from backend.')
      this._handleErrorEvent(error)
      return
    }
    // if a prepared statement has a name and properly parses
    // we track that its already been executed so we don't parse
    // it again on the same client
    if (activeQuery.name) {
      this.connection.parsedStatements[activeQuery.name] = activeQuery.text
      delete this.connection.submittedNamedStatements[activeQuery.name]
    }
  }

  _handleCopyInResponse(msg) {
    const activeQuery = this._getActiveQuery()
    if (activeQuery == null) {
      const error = new Error('Received unexpected copyInResponse message from backend.')
      this._handleErrorEvent(error)
      return
    }
    activeQuery.handleCopyInResponse(this.connection)
  }

  _handleCopyData(msg) {
    const activeQuery = this._getActiveQuery()
    if (activeQuery == null) {
      const error = new Error('Received unexpected copyData message from backend.')
      this._handleErrorEvent(error)
      return
    }
    activeQuery.handleCopyData(msg, this.connection)
  }

  _handleNotification(msg) {
    this.emit('notification', msg)
  }

  _handleNotice(msg) {
    this.emit('notice', msg)
  }

  getStartupConf() {
    const params = this.connectionParameters

    const data = {
      user: params.user,
      database: params.database,
    }

    const appName = params.application_name || params.fallback_application_name
    if (appName) {
      data.application_name = appName
    }
    if (params.replication) {
      data.replication = '' + params.replication
    }
    if (params.statement_timeout) {
      data.statement_timeout = String(parseInt(params.statement_timeout, 10))
    }
    if (params.lock_timeout) {
      data.lock_timeout = String(parseInt(params.lock_timeout, 10))
    }
    if (params.idle_in_transaction_session_timeout) {
      data.idle_in_transaction_session_timeout = String(parseInt(params.idle_in_transaction_session_timeout, 10))
    }
    if (params.options) {
      data.options = params.options
    }

    return data
  }

  cancel(client, query) {
    if (client.activeQuery === query) {
      const con = this.connection

      if (this.host && this.host.indexOf('/') === 0) {
        con.connect(this.host + '/.s.PGSQL.' + this.port)
      } else {
        con.connect(this.port, this.host)
      }

      // once connection is established send cancel message
      con.on('connect', function () {
        con.cancel(client.processID, client.secretKey)
      })
    } else if (client._queryQueue.indexOf(query) !== -1) {
      client._queryQueue.splice(client._queryQueue.indexOf(query), 1)
    } else if (client._sentQueryQueue.indexOf(query) !== -1) {
      // Query already sent on wire — can't remove it without corrupting the
      // pipeline. No-op the callback so the result is silently discarded.
      query.callback = () => {}
    }
  }

  setTypeParser(oid, format, parseFn) {
    return this._types.setTypeParser(oid, format, parseFn)
  }

  getTypeParser(oid, format) {
    return this._types.getTypeParser(oid, format)
  }

  // escapeIdentifier and escapeLiteral moved to utility functions & exported
  // on PG
  // re-exported here for backwards compatibility
  escapeIdentifier(str) {
    return utils.escapeIdentifier(str)
  }

  escapeLiteral(str) {
    return utils.escapeLiteral(str)
  }

  _pulseQueryQueue() {
    if (this.pipeline) {
      this._pulsePipelinedQueryQueue()
      return
    }
    if (this.readyForQuery === true) {
      this._activeQuery = this._queryQueue.shift()
      const activeQuery = this._getActiveQuery()
      if (activeQuery) {
        this.readyForQuery = false
        this.hasExecuted = true

        const queryError = activeQuery.submit(this.connection)
        if (queryError) {
          process.nextTick(() => {
            activeQuery.handleError(queryError, this.connection)
            this.readyForQuery = true
            this._pulseQueryQueue()
          })
        }
      } else if (this.hasExecuted) {
        this._activeQuery = null
        this.emit('drain')
      }
    }
  }

  _pulsePipelinedQueryQueue() {
    if (!this._connected || !this._queryable) {
      return
    }
    while (this._queryQueue.length > 0) {
      const query = this._queryQueue.shift()
      this.hasExecuted = true
      const queryError = query.submit(this.connection)
      if (queryError) {
        process.nextTick(() => {
          query.handleError(queryError, this.connection)
        })
        continue
      }
      this._sentQueryQueue.push(query)
    }
    if (this.readyForQuery && !this._activeQuery && this._sentQueryQueue.length > 0) {
      this._activeQuery = this._sentQueryQueue.shift()
      this.readyForQuery = false
    }
    if (!this._activeQuery && this._sentQueryQueue.length === 0 && this._queryQueue.length === 0 && this.hasExecuted) {
      this.emit('drain')
    }
  }

  query(config, values, callback) {
    // can take in strings, config object or query object
    let query
    let result

    if (config == null) {
      throw new TypeError('Client was passed a null or undefined query')
    }

    if (typeof config.submit === 'function') {
      result = query = config
      if (!query.callback) {
        if (typeof values === 'function') {
          query.callback = values
        } else if (callback) {
          query.callback = callback
        }
      }
    } else {
      query = new Query(config, values, callback)
      if (!query.callback) {
        result = new this._Promise((resolve, reject) => {
          query.callback = (err, res) => (err ? reject(err) : resolve(res))
        }).catch((err) => {
          // replace the stack trace that leads to `TCP.onStreamRead` with one that leads back to the
          // application that created the query
          Error.captureStackTrace(err)
          throw err
        })
      } else if (typeof query.callback !== 'function') {
        throw new TypeError('callback is not a function')
      }
    }

    const readTimeout = config.query_timeout || this.connectionParameters.query_timeout
    if (readTimeout) {
      const queryCallback = query.callback || (() => {})

      const readTimeoutTimer = setTimeout(() => {
        const error = new Error('Query read timeout')

        process.nextTick(() => {
          query.handleError(error, this.connection)
        })

        queryCallback(error)

        // we already returned an error,
        // just do nothing if query completes
        query.callback = () => {}

        // Remove from queue (only safe if not yet sent)
        const index = this._queryQueue.indexOf(query)
        if (index > -1) {
          this._queryQueue.splice(index, 1)
        } else if (this.pipeline) {
          // Query already sent — the pipeline is blocked until it completes.
          // Destroy the connection to unblock all remaining pipelined queries.
          this.connection.stream.destroy()
          return
        }

        this._pulseQueryQueue()
      }, readTimeout)

      query.callback = (err, res) => {
        clearTimeout(readTimeoutTimer)
        queryCallback(err, res)
      }
    }

    if (this.binary && !query.binary) {
      query.binary = true
    }

    if (query._result && !query._result._types) {
      query._result._types = this._types
    }

    // A query that keeps a portal open across round trips cannot share a pipelined connection: the
    // queries written behind it are answered out of its portal, so rows land on the wrong query and
    // the reads that follow fail with 'portal does not exist'. Refuse it instead of corrupting.
    if (this.pipeline) {
      const portalQuery =
        typeof config.submit === 'function' && !(query instanceof Query)
          ? 'Custom query classes such as pg-cursor and pg-query-stream are'
          : query.rows
          ? 'The `rows` option is'
          : null
      if (portalQuery) {
        process.nextTick(() => {
          query.handleError(new Error(`${portalQuery} not supported in pipeline mode`), this.connection)
        })
        return result
      }
    }

    if (!this._queryable) {
      process.nextTick(() => {
        query.handleError(new Error('Client has encountered a connection error and is not queryable'), this.connection)
      })
      return result
    }

    if (this._ending) {
      process.nextTick(() => {
        query.handleError(new Error('Client was closed and is not queryable'), this.connection)
      })
      return result
    }

    if (this._queryQueue.length > 0 && !this.pipeline) {
      queryQueueLengthDeprecationNotice()
    }
    this._queryQueue.push(query)
    this._pulseQueryQueue()
    return result
  }

  ref() {
    this.connection.ref()
  }

  unref() {
    this.connection.unref()
  }

  getTransactionStatus() {
    return this._txStatus
  }

  end(cb) {
    this._ending = true

    // if we have never connected, then end is a noop, callback immediately
    if (!this.connection._connecting || this._ended) {
      if (cb) {
        cb()
        return
      } else {
        return this._Promise.resolve()
      }
    }

    if (!this._queryable) {
      // socket is dead — force close
      this.connection.stream.destroy()
    } else if (
      this.pipeline &&
      (this._getActiveQuery() || this._sentQueryQueue.length > 0 || this._queryQueue.length > 0)
    ) {
      // pipelined queries are already on the wire (or queued to send) and will
      // complete normally; wait for drain then do a graceful goodbye
      this.once('drain', () => this.connection.end())
    } else if (this._getActiveQuery()) {
      // non-pipeline: a hung query could block end forever — force disconnect
      this.connection.stream.destroy()
    } else {
      this.connection.end()
    }

    if (cb) {
      this.connection.once('end', cb)
    } else {
      return new this._Promise((resolve) => {
        this.connection.once('end', resolve)
      })
    }
  }
  get queryQueue() {
    queryQueueDeprecationNotice()
    return this._queryQueue
  }
}

// expose a Query constructor
Client.Query = Query

module.exports = Client


/***/ }),

/***/ 646:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const dns = __nccwpck_require__(2250)

const defaults = __nccwpck_require__(8995)

const parse = (__nccwpck_require__(6122).parse) // parses a connection string

const val = function (key, config, envVar) {
  if (config[key]) {
    return config[key]
  }

  if (envVar === undefined) {
    envVar = process.env['PG' + key.toUpperCase()]
  } else if (envVar === false) {
    // do nothing ... use false
  } else {
    envVar = process.env[envVar]
  }

  return envVar || defaults[key]
}

const readSSLConfigFromEnvironment = function () {
  switch (process.env.PGSSLMODE) {
    case 'disable':
      return false
    case 'prefer':
    case 'require':
    case 'verify-ca':
    case 'verify-full':
      return true
    case 'no-verify':
      return { rejectUnauthorized: false }
  }
  return defaults.ssl
}

// Convert arg to a string, surround in single quotes, and escape single quotes and backslashes
const quoteParamValue = function (value) {
  return "'" + ('' + value).replace(/\\/g, '\\\\').replace(/'/g, "\\'") + "'"
}

const add = function (params, config, paramName) {
  const value = config[paramName]
  if (value !== undefined && value !== null) {
    params.push(paramName + '=' + quoteParamValue(value))
  }
}

class ConnectionParameters {
  constructor(config) {
    // if a string is passed, it is a raw connection string so we parse it into a config
    config = typeof config === 'string' ? parse(config) : config || {}

    // if the config has a connectionString defined, parse IT into the config we use
    // this will override other default values with what is stored in connectionString
    if (config.connectionString) {
      config = Object.assign({}, config, parse(config.connectionString))
    }

    this.user = val('user', config)
    this.database = val('database', config)

    if (this.database === undefined) {
      this.database = this.user
    }

    this.port = parseInt(val('port', config), 10)
    this.host = val('host', config)

    // "hiding" the password so it doesn't show up in stack traces
    // or if the client is console.logged
    Object.defineProperty(this, 'password', {
      configurable: true,
      enumerable: false,
      writable: true,
      value: val('password', config),
    })

    this.binary = val('binary', config)
    this.options = val('options', config)

    this.ssl = typeof config.ssl === 'undefined' ? readSSLConfigFromEnvironment() : config.ssl

    if (typeof this.ssl === 'string') {
      if (this.ssl === 'true') {
        this.ssl = true
      }
    }
    // support passing in ssl=no-verify via connection string
    if (this.ssl === 'no-verify') {
      this.ssl = { rejectUnauthorized: false }
    }
    if (this.ssl && this.ssl.key) {
      Object.defineProperty(this.ssl, 'key', {
        enumerable: false,
      })
    }

    // How to negotiate SSL: 'postgres' (default, the traditional SSLRequest
    // handshake) or 'direct' (start the TLS handshake immediately on connect).
    this.sslnegotiation = val('sslnegotiation', config, 'PGSSLNEGOTIATION')
    if (this.sslnegotiation !== undefined && this.sslnegotiation !== 'postgres' && this.sslnegotiation !== 'direct') {
      throw new Error(
        `Invalid sslnegotiation value: "${this.sslnegotiation}". Valid values are "postgres" and "direct".`
      )
    }
    if (this.sslnegotiation === 'direct' && !this.ssl) {
      throw new Error('sslnegotiation=direct requires SSL to be enabled')
    }

    this.client_encoding = val('client_encoding', config)
    this.replication = val('replication', config)
    // a domain socket begins with '/'
    this.isDomainSocket = !(this.host || '').indexOf('/')

    this.application_name = val('application_name', config, 'PGAPPNAME')
    this.fallback_application_name = val('fallback_application_name', config, false)
    this.statement_timeout = val('statement_timeout', config, false)
    this.lock_timeout = val('lock_timeout', config, false)
    this.idle_in_transaction_session_timeout = val('idle_in_transaction_session_timeout', config, false)
    this.query_timeout = val('query_timeout', config, false)

    if (config.connectionTimeoutMillis === undefined) {
      this.connect_timeout = process.env.PGCONNECT_TIMEOUT || 0
    } else {
      this.connect_timeout = Math.floor(config.connectionTimeoutMillis / 1000)
    }

    if (config.keepAlive === false) {
      this.keepalives = 0
    } else if (config.keepAlive === true) {
      this.keepalives = 1
    }

    if (typeof config.keepAliveInitialDelayMillis === 'number') {
      this.keepalives_idle = Math.floor(config.keepAliveInitialDelayMillis / 1000)
    }
  }

  getLibpqConnectionString(cb) {
    const params = []
    add(params, this, 'user')
    add(params, this, 'password')
    add(params, this, 'port')
    add(params, this, 'application_name')
    add(params, this, 'fallback_application_name')
    add(params, this, 'connect_timeout')
    add(params, this, 'options')

    const ssl = typeof this.ssl === 'object' ? this.ssl : this.ssl ? { sslmode: this.ssl } : {}
    add(params, ssl, 'sslmode')
    add(params, ssl, 'sslca')
    add(params, ssl, 'sslkey')
    add(params, ssl, 'sslcert')
    add(params, ssl, 'sslrootcert')
    add(params, this, 'sslnegotiation')

    if (this.database) {
      params.push('dbname=' + quoteParamValue(this.database))
    }
    if (this.replication) {
      params.push('replication=' + quoteParamValue(this.replication))
    }
    if (this.host) {
      params.push('host=' + quoteParamValue(this.host))
    }
    if (this.isDomainSocket) {
      return cb(null, params.join(' '))
    }
    if (this.client_encoding) {
      params.push('client_encoding=' + quoteParamValue(this.client_encoding))
    }
    dns.lookup(this.host, function (err, address) {
      if (err) return cb(err, null)
      params.push('hostaddr=' + quoteParamValue(address))
      return cb(null, params.join(' '))
    })
  }
}

module.exports = ConnectionParameters


/***/ }),

/***/ 9809:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const EventEmitter = (__nccwpck_require__(4434).EventEmitter)

const { parse, serialize } = __nccwpck_require__(4233)
const stream = __nccwpck_require__(829)
const { getStream } = stream

const flushBuffer = serialize.flush()
const syncBuffer = serialize.sync()
const endBuffer = serialize.end()

// TODO(bmc) support binary mode at some point
class Connection extends EventEmitter {
  constructor(config) {
    super()
    config = config || {}

    this.stream = config.stream || getStream(config.ssl)
    if (typeof this.stream === 'function') {
      this.stream = this.stream(config)
    }

    this._keepAlive = config.keepAlive
    this._keepAliveInitialDelayMillis = config.keepAliveInitialDelayMillis
    this.parsedStatements = {}
    this.submittedNamedStatements = {}
    this.ssl = config.ssl || false
    this.sslNegotiation = config.sslNegotiation || 'postgres'
    this._ending = false
    this._emitMessage = false
    const self = this
    this.on('newListener', function (eventName) {
      if (eventName === 'message') {
        self._emitMessage = true
      }
    })
  }

  connect(port, host) {
    const self = this

    this._connecting = true
    this.stream.setNoDelay(true)
    this.stream.connect(port, host)

    this.stream.once('connect', function () {
      if (self._keepAlive) {
        self.stream.setKeepAlive(true, self._keepAliveInitialDelayMillis)
      }
      self.emit('connect')
    })

    const reportStreamError = function (error) {
      // errors about disconnections should be ignored during disconnect
      if (self._ending && (error.code === 'ECONNRESET' || error.code === 'EPIPE')) {
        return
      }
      self.emit('error', error)
    }
    this.stream.on('error', reportStreamError)

    this.stream.on('close', function () {
      self.emit('end')
    })

    if (!this.ssl) {
      return this.attachListeners(this.stream)
    }

    // With direct SSL negotiation the TLS handshake starts immediately on the
    // raw socket, skipping the SSLRequest packet and the server's 'S'/'N' reply.
    if (this.sslNegotiation === 'direct') {
      return this.stream.once('connect', function () {
        self.upgradeToSSL(host, reportStreamError)
      })
    }

    this.stream.once('data', function (buffer) {
      const responseCode = buffer.toString('utf8')
      switch (responseCode) {
        case 'S': // Server supports SSL connections, continue with a secure connection
          break
        case 'N': // Server does not support SSL connections
          self.stream.end()
          return self.emit('error', new Error('The server does not support SSL connections'))
        default:
          // Any other response byte, including 'E' (ErrorResponse) indicating a server error
          self.stream.end()
          return self.emit('error', new Error('There was an error establishing an SSL connection'))
      }
      self.upgradeToSSL(host, reportStreamError)
    })
  }

  upgradeToSSL(host, reportStreamError) {
    const self = this
    const options = {
      socket: self.stream,
      // tls.connect checks the server identity against `servername`, falling
      // back to `host` and then to 'localhost'. `servername` must stay unset
      // for IP addresses (see below), so `host` is needed to keep certificate
      // validation working when connecting to an IP address.
      host,
    }

    if (self.ssl !== true) {
      Object.assign(options, self.ssl)

      if ('key' in self.ssl) {
        options.key = self.ssl.key
      }
    }

    // Direct SSL negotiation requires ALPN so the server can confirm it is
    // speaking the PostgreSQL protocol over the TLS connection.
    if (self.sslNegotiation === 'direct') {
      options.ALPNProtocols = ['postgresql']
    }

    // SNI must not be set to an IP address (RFC 6066 section 3)
    const net = __nccwpck_require__(9278)
    if (net.isIP && net.isIP(host) === 0) {
      options.servername = host
    }
    try {
      self.stream = stream.getSecureStream(options)
    } catch (err) {
      return self.emit('error', err)
    }
    self.attachListeners(self.stream)
    self.stream.on('error', reportStreamError)

    self.emit('sslconnect')
  }

  attachListeners(stream) {
    parse(stream, (msg) => {
      const eventName = msg.name === 'error' ? 'errorMessage' : msg.name
      if (this._emitMessage) {
        this.emit('message', msg)
      }
      this.emit(eventName, msg)
    })
  }

  requestSsl() {
    this.stream.write(serialize.requestSsl())
  }

  startup(config) {
    this.stream.write(serialize.startup(config))
  }

  cancel(processID, secretKey) {
    this._send(serialize.cancel(processID, secretKey))
  }

  password(password) {
    this._send(serialize.password(password))
  }

  sendSASLInitialResponseMessage(mechanism, initialResponse) {
    this._send(serialize.sendSASLInitialResponseMessage(mechanism, initialResponse))
  }

  sendSCRAMClientFinalMessage(additionalData) {
    this._send(serialize.sendSCRAMClientFinalMessage(additionalData))
  }

  _send(buffer) {
    if (!this.stream.writable) {
      return false
    }
    return this.stream.write(buffer)
  }

  query(text) {
    this._send(serialize.query(text))
  }

  // send parse message
  parse(query) {
    this._send(serialize.parse(query))
  }

  // send bind message
  bind(config) {
    this._send(serialize.bind(config))
  }

  // send execute message
  execute(config) {
    this._send(serialize.execute(config))
  }

  flush() {
    if (this.stream.writable) {
      this.stream.write(flushBuffer)
    }
  }

  sync() {
    // Sync is the extended-query protocol barrier, not a disconnect.
    // Only end()/Terminate (and connect-timeout teardown) should set _ending.
    this._send(syncBuffer)
  }

  ref() {
    this.stream.ref()
  }

  unref() {
    this.stream.unref()
  }

  end() {
    // 0x58 = 'X'
    this._ending = true
    if (!this._connecting || !this.stream.writable) {
      this.stream.end()
      return
    }
    return this.stream.write(endBuffer, () => {
      this.stream.end()
    })
  }

  close(msg) {
    this._send(serialize.close(msg))
  }

  describe(msg) {
    this._send(serialize.describe(msg))
  }

  sendCopyFromChunk(chunk) {
    this._send(serialize.copyData(chunk))
  }

  endCopyFrom() {
    this._send(serialize.copyDone())
  }

  sendCopyFail(msg) {
    this._send(serialize.copyFail(msg))
  }
}

module.exports = Connection


/***/ }),

/***/ 9765:
/***/ ((module) => {

function x509Error(msg, cert) {
  return new Error('SASL channel binding: ' + msg + ' when parsing public certificate ' + cert.toString('base64'))
}

function readASN1Length(data, index) {
  let length = data[index++]
  if (length < 0x80) return { length, index }

  const lengthBytes = length & 0x7f
  if (lengthBytes > 4) throw x509Error('bad length', data)

  length = 0
  for (let i = 0; i < lengthBytes; i++) {
    length = (length << 8) | data[index++]
  }

  return { length, index }
}

function readASN1OID(data, index) {
  if (data[index++] !== 0x6) throw x509Error('non-OID data', data) // 6 = OID

  const { length: OIDLength, index: indexAfterOIDLength } = readASN1Length(data, index)
  index = indexAfterOIDLength
  const lastIndex = index + OIDLength

  const byte1 = data[index++]
  let oid = ((byte1 / 40) >> 0) + '.' + (byte1 % 40)

  while (index < lastIndex) {
    // loop over numbers in OID
    let value = 0
    while (index < lastIndex) {
      // loop over bytes in number
      const nextByte = data[index++]
      value = (value << 7) | (nextByte & 0x7f)
      if (nextByte < 0x80) break
    }
    oid += '.' + value
  }

  return { oid, index }
}

function expectASN1Seq(data, index) {
  if (data[index++] !== 0x30) throw x509Error('non-sequence data', data) // 30 = Sequence
  return readASN1Length(data, index)
}

function signatureAlgorithmHashFromCertificate(data, index) {
  // read this thread: https://www.postgresql.org/message-id/17760-b6c61e752ec07060%40postgresql.org
  if (index === undefined) index = 0
  index = expectASN1Seq(data, index).index
  const { length: certInfoLength, index: indexAfterCertInfoLength } = expectASN1Seq(data, index)
  index = indexAfterCertInfoLength + certInfoLength // skip over certificate info
  index = expectASN1Seq(data, index).index // skip over signature length field
  const { oid, index: indexAfterOID } = readASN1OID(data, index)
  switch (oid) {
    // RSA
    case '1.2.840.113549.1.1.4':
      return 'MD5'
    case '1.2.840.113549.1.1.5':
      return 'SHA-1'
    case '1.2.840.113549.1.1.11':
      return 'SHA-256'
    case '1.2.840.113549.1.1.12':
      return 'SHA-384'
    case '1.2.840.113549.1.1.13':
      return 'SHA-512'
    case '1.2.840.113549.1.1.14':
      return 'SHA-224'
    case '1.2.840.113549.1.1.15':
      return 'SHA512-224'
    case '1.2.840.113549.1.1.16':
      return 'SHA512-256'
    // ECDSA
    case '1.2.840.10045.4.1':
      return 'SHA-1'
    case '1.2.840.10045.4.3.1':
      return 'SHA-224'
    case '1.2.840.10045.4.3.2':
      return 'SHA-256'
    case '1.2.840.10045.4.3.3':
      return 'SHA-384'
    case '1.2.840.10045.4.3.4':
      return 'SHA-512'
    // RSASSA-PSS: hash is indicated separately
    case '1.2.840.113549.1.1.10': {
      index = indexAfterOID
      index = expectASN1Seq(data, index).index
      if (data[index++] !== 0xa0) throw x509Error('non-tag data', data) // a0 = constructed tag 0
      index = readASN1Length(data, index).index // skip over tag length field
      index = expectASN1Seq(data, index).index // skip over sequence length field
      const { oid: hashOID } = readASN1OID(data, index)
      switch (hashOID) {
        // standalone hash OIDs
        case '1.2.840.113549.2.5':
          return 'MD5'
        case '1.3.14.3.2.26':
          return 'SHA-1'
        case '2.16.840.1.101.3.4.2.1':
          return 'SHA-256'
        case '2.16.840.1.101.3.4.2.2':
          return 'SHA-384'
        case '2.16.840.1.101.3.4.2.3':
          return 'SHA-512'
      }
      throw x509Error('unknown hash OID ' + hashOID, data)
    }
    // Ed25519 -- see https://github.com/openssl/openssl/issues/15477
    case '1.3.101.110':
    case '1.3.101.112': // ph
      return 'SHA-512'
    // Ed448 -- still not in pg 17.2 (if supported, digest would be SHAKE256 x 64 bytes)
    case '1.3.101.111':
    case '1.3.101.113': // ph
      throw x509Error('Ed448 certificate channel binding is not currently supported by Postgres')
  }
  throw x509Error('unknown OID ' + oid, data)
}

module.exports = { signatureAlgorithmHashFromCertificate }


/***/ }),

/***/ 948:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {


const crypto = __nccwpck_require__(4150)
const { signatureAlgorithmHashFromCertificate } = __nccwpck_require__(9765)

// SASLprep (RFC 4013) — minimal in-tree implementation.
//
// Per RFC 5802 §2.2, the SCRAM-SHA-256 client must normalize the password via
// SASLprep before feeding it into PBKDF2. PostgreSQL's server applies the same
// SASLprep when computing the stored verifier, and libpq does the same client
// side, so passwords whose NFKC form differs from the raw form
// would otherwise authenticate against psql/libpq but fail against pg with `28P01`.
//
// We deliberately implement only the three steps that change the byte content:
//   1. RFC 3454 Table C.1.2 (non-ASCII space) → U+0020 SPACE.
//   2. RFC 3454 Table B.1 (commonly mapped to nothing) → empty.
//   3. NFKC normalization.
// We skip the prohibition (RFC 4013 §2.3) and bidi (RFC 3454 §6) checks.
// libpq is forgiving on those paths and Postgres's own SASLprep matches that
// leniency for legacy roles, so omitting the rejection logic keeps existing
// roles working without adding complexity.
function saslprep(password) {
  // RFC 3454 Table C.1.2 — non-ASCII space characters, mapped to U+0020.
  const nonAsciiSpace = /[\u00A0\u1680\u2000-\u200B\u202F\u205F\u3000]/g
  // RFC 3454 Table B.1 — "commonly mapped to nothing". The set intentionally
  // contains zero-width joiners and variation selectors — the very characters
  // ESLint's no-misleading-character-class warns about — because they combine
  // with their neighbors and the RFC strips them for that reason.
  // eslint-disable-next-line no-misleading-character-class
  const mappedToNothing = /[\u00AD\u034F\u1806\u180B\u180C\u180D\u200C\u200D\u2060\uFE00-\uFE0F\uFEFF]/g
  return password.replace(nonAsciiSpace, ' ').replace(mappedToNothing, '').normalize('NFKC')
}

const DEFAULT_MAX_SCRAM_ITERATIONS = 100000

function startSession(mechanisms, stream, scramMaxIterations = DEFAULT_MAX_SCRAM_ITERATIONS) {
  const candidates = ['SCRAM-SHA-256']
  if (stream) candidates.unshift('SCRAM-SHA-256-PLUS') // higher-priority, so placed first

  const mechanism = candidates.find((candidate) => mechanisms.includes(candidate))

  if (!mechanism) {
    throw new Error('SASL: Only mechanism(s) ' + candidates.join(' and ') + ' are supported')
  }

  if (mechanism === 'SCRAM-SHA-256-PLUS' && typeof stream.getPeerCertificate !== 'function') {
    // this should never happen if we are really talking to a Postgres server
    throw new Error('SASL: Mechanism SCRAM-SHA-256-PLUS requires a certificate')
  }

  const clientNonce = crypto.randomBytes(18).toString('base64')
  const gs2Header = mechanism === 'SCRAM-SHA-256-PLUS' ? 'p=tls-server-end-point' : stream ? 'y' : 'n'

  return {
    mechanism,
    clientNonce,
    response: gs2Header + ',,n=*,r=' + clientNonce,
    message: 'SASLInitialResponse',
    scramMaxIterations,
  }
}

async function continueSession(session, password, serverData, stream) {
  if (session.message !== 'SASLInitialResponse') {
    throw new Error('SASL: Last message was not SASLInitialResponse')
  }
  if (typeof password !== 'string') {
    throw new Error('SASL: SCRAM-SERVER-FIRST-MESSAGE: client password must be a string')
  }
  if (password === '') {
    throw new Error('SASL: SCRAM-SERVER-FIRST-MESSAGE: client password must be a non-empty string')
  }
  if (typeof serverData !== 'string') {
    throw new Error('SASL: SCRAM-SERVER-FIRST-MESSAGE: serverData must be a string')
  }

  const sv = parseServerFirstMessage(serverData)

  if (!sv.nonce.startsWith(session.clientNonce)) {
    throw new Error('SASL: SCRAM-SERVER-FIRST-MESSAGE: server nonce does not start with client nonce')
  } else if (sv.nonce.length === session.clientNonce.length) {
    throw new Error('SASL: SCRAM-SERVER-FIRST-MESSAGE: server nonce is too short')
  }

  const scramMaxIterations =
    typeof session.scramMaxIterations === 'number' ? session.scramMaxIterations : DEFAULT_MAX_SCRAM_ITERATIONS
  // a value of 0 disables the iteration count check
  if (scramMaxIterations !== 0 && sv.iteration > scramMaxIterations) {
    throw new Error(
      'SASL: SCRAM-SERVER-FIRST-MESSAGE: iteration count ' +
        sv.iteration +
        ' exceeds scramMaxIterations of ' +
        scramMaxIterations
    )
  }

  const clientFirstMessageBare = 'n=*,r=' + session.clientNonce
  const serverFirstMessage = 'r=' + sv.nonce + ',s=' + sv.salt + ',i=' + sv.iteration

  // without channel binding:
  let channelBinding = stream ? 'eSws' : 'biws' // 'y,,' or 'n,,', base64-encoded

  // override if channel binding is in use:
  if (session.mechanism === 'SCRAM-SHA-256-PLUS') {
    const peerCert = stream.getPeerCertificate().raw
    let hashName = signatureAlgorithmHashFromCertificate(peerCert)
    if (hashName === 'MD5' || hashName === 'SHA-1') hashName = 'SHA-256'
    const certHash = await crypto.hashByName(hashName, peerCert)
    const bindingData = Buffer.concat([Buffer.from('p=tls-server-end-point,,'), Buffer.from(certHash)])
    channelBinding = bindingData.toString('base64')
  }

  const clientFinalMessageWithoutProof = 'c=' + channelBinding + ',r=' + sv.nonce
  const authMessage = clientFirstMessageBare + ',' + serverFirstMessage + ',' + clientFinalMessageWithoutProof

  const saltBytes = Buffer.from(sv.salt, 'base64')
  const saltedPassword = await crypto.deriveKey(saslprep(password), saltBytes, sv.iteration)
  const clientKey = await crypto.hmacSha256(saltedPassword, 'Client Key')
  const storedKey = await crypto.sha256(clientKey)
  const clientSignature = await crypto.hmacSha256(storedKey, authMessage)
  const clientProof = xorBuffers(Buffer.from(clientKey), Buffer.from(clientSignature)).toString('base64')
  const serverKey = await crypto.hmacSha256(saltedPassword, 'Server Key')
  const serverSignatureBytes = await crypto.hmacSha256(serverKey, authMessage)

  session.message = 'SASLResponse'
  session.serverSignature = Buffer.from(serverSignatureBytes).toString('base64')
  session.response = clientFinalMessageWithoutProof + ',p=' + clientProof
}

function finalizeSession(session, serverData) {
  if (session.message !== 'SASLResponse') {
    throw new Error('SASL: Last message was not SASLResponse')
  }
  if (typeof serverData !== 'string') {
    throw new Error('SASL: SCRAM-SERVER-FINAL-MESSAGE: serverData must be a string')
  }

  const { serverSignature } = parseServerFinalMessage(serverData)

  if (serverSignature !== session.serverSignature) {
    throw new Error('SASL: SCRAM-SERVER-FINAL-MESSAGE: server signature does not match')
  }
}

/**
 * printable       = %x21-2B / %x2D-7E
 *                   ;; Printable ASCII except ",".
 *                   ;; Note that any "printable" is also
 *                   ;; a valid "value".
 */
function isPrintableChars(text) {
  if (typeof text !== 'string') {
    throw new TypeError('SASL: text must be a string')
  }
  return text
    .split('')
    .map((_, i) => text.charCodeAt(i))
    .every((c) => (c >= 0x21 && c <= 0x2b) || (c >= 0x2d && c <= 0x7e))
}

/**
 * base64-char     = ALPHA / DIGIT / "/" / "+"
 *
 * base64-4        = 4base64-char
 *
 * base64-3        = 3base64-char "="
 *
 * base64-2        = 2base64-char "=="
 *
 * base64          = *base64-4 [base64-3 / base64-2]
 */
function isBase64(text) {
  return /^(?:[a-zA-Z0-9+/]{4})*(?:[a-zA-Z0-9+/]{2}==|[a-zA-Z0-9+/]{3}=)?$/.test(text)
}

function parseAttributePairs(text) {
  if (typeof text !== 'string') {
    throw new TypeError('SASL: attribute pairs text must be a string')
  }

  return new Map(
    text.split(',').map((attrValue) => {
      if (!/^.=/.test(attrValue)) {
        throw new Error('SASL: Invalid attribute pair entry')
      }
      const name = attrValue[0]
      const value = attrValue.substring(2)
      return [name, value]
    })
  )
}

function parseServerFirstMessage(data) {
  const attrPairs = parseAttributePairs(data)

  const nonce = attrPairs.get('r')
  if (!nonce) {
    throw new Error('SASL: SCRAM-SERVER-FIRST-MESSAGE: nonce missing')
  } else if (!isPrintableChars(nonce)) {
    throw new Error('SASL: SCRAM-SERVER-FIRST-MESSAGE: nonce must only contain printable characters')
  }
  const salt = attrPairs.get('s')
  if (!salt) {
    throw new Error('SASL: SCRAM-SERVER-FIRST-MESSAGE: salt missing')
  } else if (!isBase64(salt)) {
    throw new Error('SASL: SCRAM-SERVER-FIRST-MESSAGE: salt must be base64')
  }
  const iterationText = attrPairs.get('i')
  if (!iterationText) {
    throw new Error('SASL: SCRAM-SERVER-FIRST-MESSAGE: iteration missing')
  } else if (!/^[1-9][0-9]*$/.test(iterationText)) {
    throw new Error('SASL: SCRAM-SERVER-FIRST-MESSAGE: invalid iteration count')
  }
  const iteration = parseInt(iterationText, 10)

  return {
    nonce,
    salt,
    iteration,
  }
}

function parseServerFinalMessage(serverData) {
  const attrPairs = parseAttributePairs(serverData)
  const error = attrPairs.get('e')
  const serverSignature = attrPairs.get('v')

  if (error) {
    throw new Error(`SASL: SCRAM-SERVER-FINAL-MESSAGE: server returned error: "${error}"`)
  }

  if (!serverSignature) {
    throw new Error('SASL: SCRAM-SERVER-FINAL-MESSAGE: server signature is missing')
  } else if (!isBase64(serverSignature)) {
    throw new Error('SASL: SCRAM-SERVER-FINAL-MESSAGE: server signature must be base64')
  }
  return {
    serverSignature,
  }
}

function xorBuffers(a, b) {
  if (!Buffer.isBuffer(a)) {
    throw new TypeError('first argument must be a Buffer')
  }
  if (!Buffer.isBuffer(b)) {
    throw new TypeError('second argument must be a Buffer')
  }
  if (a.length !== b.length) {
    throw new Error('Buffer lengths must match')
  }
  if (a.length === 0) {
    throw new Error('Buffers cannot be empty')
  }
  return Buffer.from(a.map((_, i) => a[i] ^ b[i]))
}

module.exports = {
  startSession,
  continueSession,
  finalizeSession,
  DEFAULT_MAX_SCRAM_ITERATIONS,
}


/***/ }),

/***/ 4150:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {

const nodeCrypto = __nccwpck_require__(6982)

module.exports = {
  postgresMd5PasswordHash,
  randomBytes,
  deriveKey,
  sha256,
  hashByName,
  hmacSha256,
  md5,
}

/**
 * The Web Crypto API - grabbed from the Node.js library or the global
 * @type Crypto
 */
// eslint-disable-next-line no-undef
const webCrypto = nodeCrypto.webcrypto || globalThis.crypto
/**
 * The SubtleCrypto API for low level crypto operations.
 * @type SubtleCrypto
 */
const subtleCrypto = webCrypto.subtle
const textEncoder = new TextEncoder()

/**
 *
 * @param {*} length
 * @returns
 */
function randomBytes(length) {
  return webCrypto.getRandomValues(Buffer.alloc(length))
}

async function md5(string) {
  try {
    return nodeCrypto.createHash('md5').update(string, 'utf-8').digest('hex')
  } catch (e) {
    // `createHash()` failed so we are probably not in Node.js, use the WebCrypto API instead.
    // Note that the MD5 algorithm on WebCrypto is not available in Node.js.
    // This is why we cannot just use WebCrypto in all environments.
    const data = typeof string === 'string' ? textEncoder.encode(string) : string
    const hash = await subtleCrypto.digest('MD5', data)
    return Array.from(new Uint8Array(hash))
      .map((b) => b.toString(16).padStart(2, '0'))
      .join('')
  }
}

// See AuthenticationMD5Password at https://www.postgresql.org/docs/current/static/protocol-flow.html
async function postgresMd5PasswordHash(user, password, salt) {
  const inner = await md5(password + user)
  const outer = await md5(Buffer.concat([Buffer.from(inner), salt]))
  return 'md5' + outer
}

/**
 * Create a SHA-256 digest of the given data
 * @param {Buffer} data
 */
async function sha256(text) {
  return await subtleCrypto.digest('SHA-256', text)
}

async function hashByName(hashName, text) {
  return await subtleCrypto.digest(hashName, text)
}

/**
 * Sign the message with the given key
 * @param {ArrayBuffer} keyBuffer
 * @param {string} msg
 */
async function hmacSha256(keyBuffer, msg) {
  const key = await subtleCrypto.importKey('raw', keyBuffer, { name: 'HMAC', hash: 'SHA-256' }, false, ['sign'])
  return await subtleCrypto.sign('HMAC', key, textEncoder.encode(msg))
}

/**
 * Derive a key from the password and salt
 * @param {string} password
 * @param {Uint8Array} salt
 * @param {number} iterations
 */
async function deriveKey(password, salt, iterations) {
  const key = await subtleCrypto.importKey('raw', textEncoder.encode(password), 'PBKDF2', false, ['deriveBits'])
  const params = { name: 'PBKDF2', hash: 'SHA-256', salt: salt, iterations: iterations }
  return await subtleCrypto.deriveBits(params, key, 32 * 8, ['deriveBits'])
}


/***/ }),

/***/ 8995:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



let user
try {
  user = process.platform === 'win32' ? process.env.USERNAME : process.env.USER
} catch {
  // ignore, e.g., Deno without --allow-env
}

module.exports = {
  // database host. defaults to localhost
  host: 'localhost',

  // database user's name
  user,

  // name of database to connect
  database: undefined,

  // database user's password
  password: null,

  // a Postgres connection string to be used instead of setting individual connection items
  // NOTE:  Setting this value will cause it to override any other value (such as database or user) defined
  // in the defaults object.
  connectionString: undefined,

  // database port
  port: 5432,

  // number of rows to return at a time from a prepared statement's
  // portal. 0 will return all rows at once
  rows: 0,

  // binary result mode
  binary: false,

  // Connection pool options - see https://github.com/brianc/node-pg-pool

  // number of connections to use in connection pool
  // 0 will disable connection pooling
  max: 10,

  // max milliseconds a client can go unused before it is removed
  // from the pool and destroyed
  idleTimeoutMillis: 30000,

  client_encoding: '',

  ssl: false,

  // SSL negotiation style: 'postgres' (traditional SSLRequest) or 'direct'
  sslnegotiation: undefined,

  application_name: undefined,

  fallback_application_name: undefined,

  options: undefined,

  parseInputDatesAsUTC: false,

  // max milliseconds any query using this connection will execute for before timing out in error.
  // false=unlimited
  statement_timeout: false,

  // Abort any statement that waits longer than the specified duration in milliseconds while attempting to acquire a lock.
  // false=unlimited
  lock_timeout: false,

  // Terminate any session with an open transaction that has been idle for longer than the specified duration in milliseconds
  // false=unlimited
  idle_in_transaction_session_timeout: false,

  // max milliseconds to wait for query to complete (client side)
  query_timeout: false,

  connect_timeout: 0,

  keepalives: 1,

  keepalives_idle: 0,
}

const pgTypes = __nccwpck_require__(1549)
// save default parsers
const parseBigInteger = pgTypes.getTypeParser(20, 'text')
const parseBigIntegerArray = pgTypes.getTypeParser(1016, 'text')

// parse int8 so you can get your count values as actual numbers
module.exports.__defineSetter__('parseInt8', function (val) {
  pgTypes.setTypeParser(20, 'text', val ? pgTypes.getTypeParser(23, 'text') : parseBigInteger)
  pgTypes.setTypeParser(1016, 'text', val ? pgTypes.getTypeParser(1007, 'text') : parseBigIntegerArray)
})


/***/ }),

/***/ 3273:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const Client = __nccwpck_require__(5042)
const defaults = __nccwpck_require__(8995)
const Connection = __nccwpck_require__(9809)
const Result = __nccwpck_require__(6424)
const utils = __nccwpck_require__(9652)
const Pool = __nccwpck_require__(7558)
const TypeOverrides = __nccwpck_require__(365)
const { DatabaseError } = __nccwpck_require__(4233)
const { escapeIdentifier, escapeLiteral } = __nccwpck_require__(9652)

const poolFactory = (Client) => {
  return class BoundPool extends Pool {
    constructor(options) {
      super(options, Client)
    }
  }
}

const PG = function (clientConstructor) {
  this.defaults = defaults
  this.Client = clientConstructor
  this.Query = this.Client.Query
  this.Pool = poolFactory(this.Client)
  this._pools = []
  this.Connection = Connection
  this.types = __nccwpck_require__(1549)
  this.DatabaseError = DatabaseError
  this.TypeOverrides = TypeOverrides
  this.escapeIdentifier = escapeIdentifier
  this.escapeLiteral = escapeLiteral
  this.Result = Result
  this.utils = utils
}

let clientConstructor = Client

let forceNative = false
try {
  forceNative = !!process.env.NODE_PG_FORCE_NATIVE
} catch {
  // ignore, e.g., Deno without --allow-env
}

if (forceNative) {
  clientConstructor = __nccwpck_require__(5301)
}

module.exports = new PG(clientConstructor)

// lazy require native module...the native module may not have installed
Object.defineProperty(module.exports, "native", ({
  configurable: true,
  enumerable: false,
  get() {
    let native = null
    try {
      native = new PG(__nccwpck_require__(5301))
    } catch (err) {
      if (err.code !== 'MODULE_NOT_FOUND') {
        throw err
      }
    }

    // overwrite module.exports.native so that getter is never called again
    Object.defineProperty(module.exports, "native", ({
      value: native,
    }))

    return native
  },
}))


/***/ }),

/***/ 8942:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {

const nodeUtils = __nccwpck_require__(9023)
// eslint-disable-next-line
var Native
// eslint-disable-next-line no-useless-catch
try {
  // Wrap this `require()` in a try-catch to avoid upstream bundlers from complaining that this might not be available since it is an optional import
  Native = __nccwpck_require__(4390)
} catch (e) {
  throw e
}
const TypeOverrides = __nccwpck_require__(365)
const EventEmitter = (__nccwpck_require__(4434).EventEmitter)
const util = __nccwpck_require__(9023)
const ConnectionParameters = __nccwpck_require__(646)

const NativeQuery = __nccwpck_require__(7581)

const queryQueueLengthDeprecationNotice = nodeUtils.deprecate(
  () => {},
  'Calling client.query() when the client is already executing a query is deprecated and will be removed in pg@9.0. Use async/await or an external async flow control mechanism instead.'
)

const Client = (module.exports = function (config) {
  EventEmitter.call(this)
  config = config || {}

  this._Promise = config.Promise || global.Promise
  this._types = new TypeOverrides(config.types)

  this.native = new Native({
    types: this._types,
  })

  this._queryQueue = []
  this._ending = false
  this._connecting = false
  this._connected = false
  this._queryable = true
  this.pipeline = Boolean(config.pipeline)
  this._pipelineInFlight = false

  // keep these on the object for legacy reasons
  // for the time being. TODO: deprecate all this jazz
  const cp = (this.connectionParameters = new ConnectionParameters(config))
  if (config.nativeConnectionString) cp.nativeConnectionString = config.nativeConnectionString
  this.user = cp.user

  // "hiding" the password so it doesn't show up in stack traces
  // or if the client is console.logged
  Object.defineProperty(this, 'password', {
    configurable: true,
    enumerable: false,
    writable: true,
    value: cp.password,
  })
  this.database = cp.database
  this.host = cp.host
  this.port = cp.port

  // a hash to hold named queries
  this.namedQueries = {}
})

Client.Query = NativeQuery

util.inherits(Client, EventEmitter)

Client.prototype._errorAllQueries = function (err) {
  const enqueueError = (query) => {
    process.nextTick(() => {
      query.native = this.native
      query.handleError(err)
    })
  }

  if (this._hasActiveQuery()) {
    enqueueError(this._activeQuery)
    this._activeQuery = null
  }

  this._queryQueue.forEach(enqueueError)
  this._queryQueue.length = 0
}

// connect to the backend
// pass an optional callback to be called once connected
// or with an error if there was a connection error
Client.prototype._connect = function (cb) {
  const self = this

  if (this._connecting) {
    process.nextTick(() => cb(new Error('Client has already been connected. You cannot reuse a client.')))
    return
  }

  this._connecting = true

  this.connectionParameters.getLibpqConnectionString(function (err, conString) {
    if (self.connectionParameters.nativeConnectionString) conString = self.connectionParameters.nativeConnectionString
    if (err) return cb(err)
    self.native.connect(conString, function (err) {
      if (err) {
        self.native.end()
        return cb(err)
      }

      // set internal states to connected
      self._connected = true

      // handle connection errors from the native layer
      self.native.on('error', function (err) {
        self._queryable = false
        self._errorAllQueries(err)
        self.emit('error', err)
      })

      self.native.on('notification', function (msg) {
        self.emit('notification', {
          channel: msg.relname,
          payload: msg.extra,
        })
      })

      // signal we are connected now
      self.emit('connect')
      self._pulseQueryQueue(true)

      cb(null, this)
    })
  })
}

Client.prototype.connect = function (callback) {
  if (callback) {
    this._connect(callback)
    return
  }

  return new this._Promise((resolve, reject) => {
    this._connect((error) => {
      if (error) {
        reject(error)
      } else {
        resolve(this)
      }
    })
  })
}

// send a query to the server
// this method is highly overloaded to take
// 1) string query, optional array of parameters, optional function callback
// 2) object query with {
//    string query
//    optional array values,
//    optional function callback instead of as a separate parameter
//    optional string name to name & cache the query plan
//    optional string rowMode = 'array' for an array of results
//  }
Client.prototype.query = function (config, values, callback) {
  let query
  let result
  let readTimeout
  let readTimeoutTimer
  let queryCallback

  if (config === null || config === undefined) {
    throw new TypeError('Client was passed a null or undefined query')
  } else if (typeof config.submit === 'function') {
    readTimeout = config.query_timeout || this.connectionParameters.query_timeout
    result = query = config
    // accept query(new Query(...), (err, res) => { }) style
    if (typeof values === 'function') {
      config.callback = values
    }
  } else {
    readTimeout = config.query_timeout || this.connectionParameters.query_timeout
    query = new NativeQuery(config, values, callback)
    if (!query.callback) {
      let resolveOut, rejectOut
      result = new this._Promise((resolve, reject) => {
        resolveOut = resolve
        rejectOut = reject
      }).catch((err) => {
        Error.captureStackTrace(err)
        throw err
      })
      query.callback = (err, res) => (err ? rejectOut(err) : resolveOut(res))
    }
  }

  if (readTimeout) {
    queryCallback = query.callback || (() => {})

    readTimeoutTimer = setTimeout(() => {
      const error = new Error('Query read timeout')

      process.nextTick(() => {
        query.handleError(error, this.connection)
      })

      queryCallback(error)

      // we already returned an error,
      // just do nothing if query completes
      query.callback = () => {}

      // Remove from queue
      const index = this._queryQueue.indexOf(query)
      if (index > -1) {
        this._queryQueue.splice(index, 1)
      }

      this._pulseQueryQueue()
    }, readTimeout)

    query.callback = (err, res) => {
      clearTimeout(readTimeoutTimer)
      queryCallback(err, res)
    }
  }

  if (!this._queryable) {
    query.native = this.native
    process.nextTick(() => {
      query.handleError(new Error('Client has encountered a connection error and is not queryable'))
    })
    return result
  }

  if (this._ending) {
    query.native = this.native
    process.nextTick(() => {
      query.handleError(new Error('Client was closed and is not queryable'))
    })
    return result
  }

  if (this._queryQueue.length > 0 && !this.pipeline) {
    queryQueueLengthDeprecationNotice()
  }

  this._queryQueue.push(query)
  this._pulseQueryQueue()
  return result
}

// disconnect from the backend server
Client.prototype.end = function (cb) {
  const self = this

  this._ending = true

  if (this._connecting && !this._connected) {
    this.once('connect', () => {
      this.end(() => {})
    })
  }
  let result
  if (!cb) {
    result = new this._Promise(function (resolve, reject) {
      cb = (err) => (err ? reject(err) : resolve())
    })
  }

  const doEnd = function () {
    self.native.end(function () {
      self._connected = false

      self._errorAllQueries(new Error('Connection terminated'))

      process.nextTick(() => {
        self.emit('end')
        if (cb) cb()
      })
    })
  }

  // If pipeline has in-flight or queued queries, wait for them to drain before closing
  if (this.pipeline && (this._pipelineInFlight || this._queryQueue.length > 0)) {
    this.once('drain', doEnd)
  } else {
    doEnd()
  }
  return result
}

Client.prototype._hasActiveQuery = function () {
  return this._activeQuery && this._activeQuery.state !== 'error' && this._activeQuery.state !== 'end'
}

Client.prototype._pulseQueryQueue = function (initialConnection) {
  if (!this._connected) {
    return
  }
  if (this.pipeline && !initialConnection) {
    return this._pulsePipelinedQueryQueue()
  }
  if (this._hasActiveQuery()) {
    return
  }
  const query = this._queryQueue.shift()
  if (!query) {
    if (!initialConnection) {
      this.emit('drain')
    }
    return
  }
  this._activeQuery = query
  query.submit(this)
  const self = this
  query.once('_done', function () {
    self._pulseQueryQueue()
  })
}

Client.prototype._pulsePipelinedQueryQueue = function () {
  if (!this._connected || this._pipelineInFlight) {
    return
  }
  if (this._queryQueue.length === 0) {
    if (this.hasExecuted) {
      this.emit('drain')
    }
    return
  }

  this._pipelineInFlight = true
  const self = this
  const queries = []
  const nativeQueries = []
  const utils = __nccwpck_require__(9652)

  while (this._queryQueue.length > 0) {
    const query = this._queryQueue.shift()
    this.hasExecuted = true
    nativeQueries.push(query)

    const values = query.values ? query.values.map(utils.prepareValue) : null
    const pipelineEntry = { text: query.text, name: query.name, arrayMode: query._arrayMode }
    if (values) {
      pipelineEntry.values = values
    }
    if (query.name && this.namedQueries[query.name]) {
      pipelineEntry._alreadyPrepared = true
    }
    queries.push(pipelineEntry)
  }

  this.native.pipeline(queries, function (err, results) {
    self._pipelineInFlight = false

    if (err) {
      // Total pipeline failure. Per-query errors arrive on results[i].err, so reaching here means
      // the connection itself is gone: mark it unusable and say so, the way the JS client and the
      // non-pipelined native path both do. Without this the client looks healthy after losing its
      // backend, a Pool never discards it, and everything routed to it fails one query at a time
      // for the life of the process.
      self._connected = false
      self._queryable = false
      for (let i = 0; i < nativeQueries.length; i++) {
        const q = nativeQueries[i]
        q.native = self.native
        q.handleError(err)
      }
      self._errorAllQueries(err)
      self.emit('error', err)
      self.emit('end')
      return
    }

    // Deliver results to each query
    for (let i = 0; i < nativeQueries.length; i++) {
      const q = nativeQueries[i]
      const r = results[i]
      q.native = self.native

      if (r.err) {
        q.handleError(r.err)
      } else {
        // Track named queries on success
        if (q.name) {
          self.namedQueries[q.name] = q.text
        }
        q.state = 'end'
        q.emit('end', r.result)
        if (q.callback) {
          q.callback(null, r.result)
        }
      }

      setImmediate(function () {
        q.emit('_done')
      })
    }

    // Process any queries that arrived while we were reading
    self._pulsePipelinedQueryQueue()
  })
}

// attempt to cancel an in-progress query
Client.prototype.cancel = function (query) {
  if (this._activeQuery === query) {
    this.native.cancel(function () {})
  } else if (this._queryQueue.indexOf(query) !== -1) {
    this._queryQueue.splice(this._queryQueue.indexOf(query), 1)
  }
}

Client.prototype.ref = function () {}
Client.prototype.unref = function () {}

Client.prototype.setTypeParser = function (oid, format, parseFn) {
  return this._types.setTypeParser(oid, format, parseFn)
}

Client.prototype.getTypeParser = function (oid, format) {
  return this._types.getTypeParser(oid, format)
}

Client.prototype.isConnected = function () {
  return this._connected
}

Client.prototype.getTransactionStatus = function () {
  return this.native.getTransactionStatus()
}


/***/ }),

/***/ 5301:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {


module.exports = __nccwpck_require__(8942)


/***/ }),

/***/ 7581:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const EventEmitter = (__nccwpck_require__(4434).EventEmitter)
const util = __nccwpck_require__(9023)
const utils = __nccwpck_require__(9652)

const NativeQuery = (module.exports = function (config, values, callback) {
  EventEmitter.call(this)
  config = utils.normalizeQueryConfig(config, values, callback)
  this.text = config.text
  this.values = config.values
  this.name = config.name
  this.queryMode = config.queryMode
  this.callback = config.callback
  this.state = 'new'
  this._arrayMode = config.rowMode === 'array'

  // if the 'row' event is listened for
  // then emit them as they come in
  // without setting singleRowMode to true
  // this has almost no meaning because libpq
  // reads all rows into memory before returning any
  this._emitRowEvents = false
  this.on(
    'newListener',
    function (event) {
      if (event === 'row') this._emitRowEvents = true
    }.bind(this)
  )
})

util.inherits(NativeQuery, EventEmitter)

const errorFieldMap = {
  sqlState: 'code',
  statementPosition: 'position',
  messagePrimary: 'message',
  messageDetail: 'detail',
  messageHint: 'hint',
  context: 'where',
  schemaName: 'schema',
  tableName: 'table',
  columnName: 'column',
  dataTypeName: 'dataType',
  constraintName: 'constraint',
  sourceFile: 'file',
  sourceLine: 'line',
  sourceFunction: 'routine',
}

NativeQuery.prototype.handleError = function (err) {
  // copy pq error fields into the error object
  const fields = this.native && this.native.pq.resultErrorFields()
  if (fields) {
    for (const key in fields) {
      const normalizedFieldName = errorFieldMap[key] || key
      err[normalizedFieldName] = fields[key]
    }
  }
  if (this.callback) {
    this.callback(err)
  } else {
    this.emit('error', err)
  }
  this.state = 'error'
}

NativeQuery.prototype.then = function (onSuccess, onFailure) {
  return this._getPromise().then(onSuccess, onFailure)
}

NativeQuery.prototype.catch = function (callback) {
  return this._getPromise().catch(callback)
}

NativeQuery.prototype._getPromise = function () {
  if (this._promise) return this._promise
  this._promise = new Promise(
    function (resolve, reject) {
      this._once('end', resolve)
      this._once('error', reject)
    }.bind(this)
  )
  return this._promise
}

NativeQuery.prototype.submit = function (client) {
  this.state = 'running'
  const self = this
  this.native = client.native
  client.native.arrayMode = this._arrayMode

  let after = function (err, rows, results) {
    client.native.arrayMode = false
    setImmediate(function () {
      self.emit('_done')
    })

    // handle possible query error
    if (err) {
      return self.handleError(err)
    }

    // emit row events for each row in the result
    if (self._emitRowEvents) {
      if (results.length > 1) {
        rows.forEach((rowOfRows, i) => {
          rowOfRows.forEach((row) => {
            self.emit('row', row, results[i])
          })
        })
      } else {
        rows.forEach(function (row) {
          self.emit('row', row, results)
        })
      }
    }

    // handle successful result
    self.state = 'end'
    self.emit('end', results)
    if (self.callback) {
      self.callback(null, results)
    }
  }

  if (process.domain) {
    after = process.domain.bind(after)
  }

  // named query
  if (this.name) {
    if (this.name.length > 63) {
      console.error('Warning! Postgres only supports 63 characters for query names.')
      console.error('You supplied %s (%s)', this.name, this.name.length)
      console.error('This can cause conflicts and silent errors executing queries')
    }
    const values = (this.values || []).map(utils.prepareValue)

    // check if the client has already executed this named query
    // if so...just execute it again - skip the planning phase
    if (client.namedQueries[this.name] !== undefined) {
      if (this.text && client.namedQueries[this.name] !== this.text) {
        const err = new Error(`Prepared statements must be unique - '${this.name}' was used for a different statement`)
        return after(err)
      }
      return client.native.execute(this.name, values, after)
    }
    // plan the named query the first time, then execute it
    return client.native.prepare(this.name, this.text, values.length, function (err) {
      if (err) return after(err)
      client.namedQueries[self.name] = self.text
      return self.native.execute(self.name, values, after)
    })
  } else if (this.values) {
    if (!Array.isArray(this.values)) {
      const err = new Error('Query values must be an array')
      return after(err)
    }
    const vals = this.values.map(utils.prepareValue)
    client.native.query(this.text, vals, after)
  } else if (this.queryMode === 'extended') {
    client.native.query(this.text, [], after)
  } else {
    client.native.query(this.text, after)
  }
}


/***/ }),

/***/ 4473:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const { EventEmitter } = __nccwpck_require__(4434)

const Result = __nccwpck_require__(6424)
const utils = __nccwpck_require__(9652)

class Query extends EventEmitter {
  constructor(config, values, callback) {
    super()

    config = utils.normalizeQueryConfig(config, values, callback)

    this.text = config.text
    this.values = config.values
    this.rows = config.rows
    this.types = config.types
    this.name = config.name
    this.queryMode = config.queryMode
    this.binary = config.binary
    // use unique portal name each time
    this.portal = config.portal || ''
    this.callback = config.callback
    this._rowMode = config.rowMode
    if (process.domain && config.callback) {
      this.callback = process.domain.bind(config.callback)
    }
    this._result = new Result(this._rowMode, this.types)

    // potential for multiple results
    this._results = this._result
    this._canceledDueToError = false
  }

  requiresPreparation() {
    if (this.queryMode === 'extended') {
      return true
    }

    // named queries must always be prepared
    if (this.name) {
      return true
    }
    // always prepare if there are max number of rows expected per
    // portal execution
    if (this.rows) {
      return true
    }
    // don't prepare empty text queries
    if (!this.text) {
      return false
    }
    // prepare if there are values
    if (!this.values) {
      return false
    }
    return this.values.length > 0
  }

  _checkForMultirow() {
    // if we already have a result with a command property
    // then we've already executed one query in a multi-statement simple query
    // turn our results into an array of results
    if (this._result.command) {
      if (!Array.isArray(this._results)) {
        this._results = [this._result]
      }
      this._result = new Result(this._rowMode, this._result._types)
      this._results.push(this._result)
    }
  }

  // associates row metadata from the supplied
  // message with this query object
  // metadata used when parsing row results
  handleRowDescription(msg) {
    this._checkForMultirow()
    this._result.addFields(msg.fields)
    this._accumulateRows = this.callback || !this.listeners('row').length
  }

  handleDataRow(msg) {
    let row

    if (this._canceledDueToError) {
      return
    }

    try {
      row = this._result.parseRow(msg.fields)
    } catch (err) {
      this._canceledDueToError = err
      return
    }

    this.emit('row', row, this._result)
    if (this._accumulateRows) {
      this._result.addRow(row)
    }
  }

  handleCommandComplete(msg, connection) {
    this._checkForMultirow()
    this._result.addCommandComplete(msg)
    // need to sync after each command complete of a prepared statement
    // if we were using a row count which results in multiple calls to _getRows
    if (this.rows) {
      connection.sync()
    }
  }

  // if a named prepared statement is created with empty query text
  // the backend will send an emptyQuery message but *not* a command complete message
  // since we pipeline sync immediately after execute we don't need to do anything here
  // unless we have rows specified, in which case we did not pipeline the initial sync call
  handleEmptyQuery(connection) {
    if (this.rows) {
      connection.sync()
    }
  }

  handleError(err, connection) {
    // need to sync after error during a prepared statement
    if (this._canceledDueToError) {
      err = this._canceledDueToError
      this._canceledDueToError = false
    }
    // if callback supplied do not emit error event as uncaught error
    // events will bubble up to node process
    if (this.callback) {
      return this.callback(err)
    }
    this.emit('error', err)
  }

  handleReadyForQuery(con) {
    if (this._canceledDueToError) {
      return this.handleError(this._canceledDueToError, con)
    }
    if (this.callback) {
      try {
        this.callback(null, this._results)
      } catch (err) {
        process.nextTick(() => {
          throw err
        })
      }
    }
    this.emit('end', this._results)
  }

  submit(connection) {
    if (typeof this.text !== 'string' && typeof this.name !== 'string') {
      return new Error('A query must have either text or a name. Supplying neither is unsupported.')
    }
    const previous = connection.parsedStatements[this.name] || connection.submittedNamedStatements[this.name]
    if (this.text && previous && this.text !== previous) {
      return new Error(`Prepared statements must be unique - '${this.name}' was used for a different statement`)
    }
    if (this.values && !Array.isArray(this.values)) {
      return new Error('Query values must be an array')
    }
    if (this.requiresPreparation()) {
      // If we're using the extended query protocol we fire off several separate commands
      // to the backend. On some versions of node & some operating system versions
      // the network stack writes each message separately instead of buffering them together
      // causing the client & network to send more slowly. Corking & uncorking the stream
      // allows node to buffer up the messages internally before sending them all off at once.
      // note: we're checking for existence of cork/uncork because some versions of streams
      // might not have this (cloudflare?)
      connection.stream.cork && connection.stream.cork()
      try {
        this.prepare(connection)
      } finally {
        // while unlikely for this.prepare to throw, if it does & we don't uncork this stream
        // this client becomes unresponsive, so put in finally block "just in case"
        connection.stream.uncork && connection.stream.uncork()
      }
    } else {
      connection.query(this.text)
    }
    return null
  }

  hasBeenParsed(connection) {
    return (
      this.name &&
      (connection.parsedStatements[this.name] !== undefined ||
        connection.submittedNamedStatements[this.name] !== undefined)
    )
  }

  handlePortalSuspended(connection) {
    this._getRows(connection, this.rows)
  }

  _getRows(connection, rows) {
    connection.execute({
      portal: this.portal,
      rows: rows,
    })
    // if we're not reading pages of rows send the sync command
    // to indicate the pipeline is finished
    if (!rows) {
      connection.sync()
    } else {
      // otherwise flush the call out to read more rows
      connection.flush()
    }
  }

  // http://developer.postgresql.org/pgdocs/postgres/protocol-flow.html#PROTOCOL-FLOW-EXT-QUERY
  prepare(connection) {
    // TODO refactor this poor encapsulation
    if (!this.hasBeenParsed(connection)) {
      connection.parse({
        text: this.text,
        name: this.name,
        types: this.types,
      })
      if (this.name) {
        connection.submittedNamedStatements[this.name] = this.text
      }
    }

    // because we're mapping user supplied values to
    // postgres wire protocol compatible values it could
    // throw an exception, so try/catch this section
    try {
      connection.bind({
        portal: this.portal,
        statement: this.name,
        values: this.values,
        binary: this.binary,
        valueMapper: utils.prepareValue,
      })
    } catch (err) {
      // we should close parse to avoid leaking connections
      connection.close({ type: 'S', name: this.name })
      connection.sync()

      this.handleError(err, connection)
      return
    }

    connection.describe({
      type: 'P',
      name: this.portal || '',
    })

    this._getRows(connection, this.rows)
  }

  handleCopyInResponse(connection) {
    connection.sendCopyFail('No source stream defined')
  }

  handleCopyData(msg, connection) {
    // noop
  }
}

module.exports = Query


/***/ }),

/***/ 6424:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const types = __nccwpck_require__(1549)

const matchRegexp = /^([A-Za-z]+)(?: (\d+))?(?: (\d+))?/

// result object returned from query
// in the 'end' event and also
// passed as second argument to provided callback
class Result {
  constructor(rowMode, types) {
    this.command = null
    this.rowCount = null
    this.oid = null
    this.rows = []
    this.fields = []
    this._parsers = undefined
    this._types = types
    this.RowCtor = null
    this.rowAsArray = rowMode === 'array'
    if (this.rowAsArray) {
      this.parseRow = this._parseRowAsArray
    }
    this._prebuiltEmptyResultObject = null
  }

  // adds a command complete message
  addCommandComplete(msg) {
    let match
    if (msg.text) {
      // pure javascript
      match = matchRegexp.exec(msg.text)
    } else {
      // native bindings
      match = matchRegexp.exec(msg.command)
    }
    if (match) {
      this.command = match[1]
      if (match[3]) {
        // COMMAND OID ROWS
        this.oid = parseInt(match[2], 10)
        this.rowCount = parseInt(match[3], 10)
      } else if (match[2]) {
        // COMMAND ROWS
        this.rowCount = parseInt(match[2], 10)
      }
    }
  }

  _parseRowAsArray(rowData) {
    const row = new Array(rowData.length)
    for (let i = 0, len = rowData.length; i < len; i++) {
      const rawValue = rowData[i]
      if (rawValue !== null) {
        row[i] = this._parsers[i](rawValue)
      } else {
        row[i] = null
      }
    }
    return row
  }

  parseRow(rowData) {
    const row = { ...this._prebuiltEmptyResultObject }
    for (let i = 0, len = rowData.length; i < len; i++) {
      const rawValue = rowData[i]
      const field = this.fields[i].name
      if (rawValue !== null) {
        const v = this.fields[i].format === 'binary' ? Buffer.from(rawValue) : rawValue
        row[field] = this._parsers[i](v)
      } else {
        row[field] = null
      }
    }
    return row
  }

  addRow(row) {
    this.rows.push(row)
  }

  addFields(fieldDescriptions) {
    // clears field definitions
    // multiple query statements in 1 action can result in multiple sets
    // of rowDescriptions...eg: 'select NOW(); select 1::int;'
    // you need to reset the fields
    this.fields = fieldDescriptions
    if (this.fields.length) {
      this._parsers = new Array(fieldDescriptions.length)
    }

    const row = Object.create(null)

    for (let i = 0; i < fieldDescriptions.length; i++) {
      const desc = fieldDescriptions[i]
      row[desc.name] = null

      if (this._types) {
        this._parsers[i] = this._types.getTypeParser(desc.dataTypeID, desc.format || 'text')
      } else {
        this._parsers[i] = types.getTypeParser(desc.dataTypeID, desc.format || 'text')
      }
    }

    this._prebuiltEmptyResultObject = { ...row }
  }
}

module.exports = Result


/***/ }),

/***/ 829:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {

const { getStream, getSecureStream } = getStreamFuncs()

module.exports = {
  /**
   * Get a socket stream compatible with the current runtime environment.
   * @returns {Duplex}
   */
  getStream,
  /**
   * Get a TLS secured socket, compatible with the current environment,
   * using the socket and other settings given in `options`.
   * @returns {Duplex}
   */
  getSecureStream,
}

/**
 * The stream functions that work in Node.js
 */
function getNodejsStreamFuncs() {
  function getStream(ssl) {
    const net = __nccwpck_require__(9278)
    return new net.Socket()
  }

  function getSecureStream(options) {
    const tls = __nccwpck_require__(4756)
    return tls.connect(options)
  }
  return {
    getStream,
    getSecureStream,
  }
}

/**
 * The stream functions that work in Cloudflare Workers
 */
function getCloudflareStreamFuncs() {
  function getStream(ssl) {
    const { CloudflareSocket } = __nccwpck_require__(785)
    return new CloudflareSocket(ssl)
  }

  function getSecureStream(options) {
    options.socket.startTls(options)
    return options.socket
  }
  return {
    getStream,
    getSecureStream,
  }
}

/**
 * Are we running in a Cloudflare Worker?
 *
 * @returns true if the code is currently running inside a Cloudflare Worker.
 */
function isCloudflareRuntime() {
  // Since 2022-03-21 the `global_navigator` compatibility flag is on for Cloudflare Workers
  // which means that `navigator.userAgent` will be defined.
  // eslint-disable-next-line no-undef
  if (typeof navigator === 'object' && navigator !== null && typeof navigator.userAgent === 'string') {
    // eslint-disable-next-line no-undef
    return navigator.userAgent === 'Cloudflare-Workers'
  }
  // In case `navigator` or `navigator.userAgent` is not defined then try a more sneaky approach
  if (typeof Response === 'function') {
    const resp = new Response(null, { cf: { thing: true } })
    if (typeof resp.cf === 'object' && resp.cf !== null && resp.cf.thing) {
      return true
    }
  }
  return false
}

function getStreamFuncs() {
  if (isCloudflareRuntime()) {
    return getCloudflareStreamFuncs()
  }
  return getNodejsStreamFuncs()
}


/***/ }),

/***/ 365:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const types = __nccwpck_require__(1549)

function TypeOverrides(userTypes) {
  this._types = userTypes || types
  this.text = {}
  this.binary = {}
}

TypeOverrides.prototype.getOverrides = function (format) {
  switch (format) {
    case 'text':
      return this.text
    case 'binary':
      return this.binary
    default:
      return {}
  }
}

TypeOverrides.prototype.setTypeParser = function (oid, format, parseFn) {
  if (typeof format === 'function') {
    parseFn = format
    format = 'text'
  }
  this.getOverrides(format)[oid] = parseFn
}

TypeOverrides.prototype.getTypeParser = function (oid, format) {
  format = format || 'text'
  return this.getOverrides(format)[oid] || this._types.getTypeParser(oid, format)
}

module.exports = TypeOverrides


/***/ }),

/***/ 9652:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const defaults = __nccwpck_require__(8995)
const nodeUtils = __nccwpck_require__(9023)

const { isDate } = __nccwpck_require__(8253)

const invalidDateDeprecationNotice = nodeUtils.deprecate(
  () => {},
  'Sending an invalid date to Postgres is deprecated and will throw an error in the next major version of pg. Ensure any Date object passed as a query parameter is valid.',
  'PG_INVALID_DATE'
)

function escapeElement(elementRepresentation) {
  const escaped = elementRepresentation.replace(/\\/g, '\\\\').replace(/"/g, '\\"')

  return '"' + escaped + '"'
}

// convert a JS array to a postgres array literal
// uses comma separator so won't work for types like box that use
// a different array separator.
function arrayString(val) {
  let result = '{'
  for (let i = 0; i < val.length; i++) {
    if (i > 0) {
      result += ','
    }
    let item = val[i]
    if (item == null) {
      result += 'NULL'
    } else if (Array.isArray(item)) {
      result += arrayString(item)
    } else if (ArrayBuffer.isView(item)) {
      if (!(item instanceof Buffer)) {
        item = Buffer.from(item.buffer, item.byteOffset, item.byteLength)
      }
      result += '\\\\x' + item.toString('hex')
    } else {
      result += escapeElement(prepareValue(item))
    }
  }
  result += '}'
  return result
}

// converts values from javascript types
// to their 'raw' counterparts for use as a postgres parameter
// note: you can override this function to provide your own conversion mechanism
// for complex types, etc...
const prepareValue = function (val, seen) {
  // null and undefined are both null for postgres
  if (val == null) {
    return null
  }
  if (typeof val === 'object') {
    if (val instanceof Buffer) {
      return val
    }
    if (ArrayBuffer.isView(val)) {
      return Buffer.from(val.buffer, val.byteOffset, val.byteLength)
    }
    if (isDate(val)) {
      if (isNaN(val.getTime())) {
        invalidDateDeprecationNotice()
      }
      if (defaults.parseInputDatesAsUTC) {
        return dateToStringUTC(val)
      } else {
        return dateToString(val)
      }
    }
    if (Array.isArray(val)) {
      return arrayString(val)
    }

    return prepareObject(val, seen)
  }
  return val.toString()
}

function prepareObject(val, seen) {
  if (val && typeof val.toPostgres === 'function') {
    seen = seen || []
    if (seen.indexOf(val) !== -1) {
      throw new Error('circular reference detected while preparing "' + val + '" for query')
    }
    seen.push(val)

    return prepareValue(val.toPostgres(prepareValue), seen)
  }
  return JSON.stringify(val)
}

function dateToString(date) {
  let offset = -date.getTimezoneOffset()

  let year = date.getFullYear()
  const isBCYear = year < 1
  if (isBCYear) year = Math.abs(year) + 1 // negative years are 1 off their BC representation

  let ret =
    String(year).padStart(4, '0') +
    '-' +
    String(date.getMonth() + 1).padStart(2, '0') +
    '-' +
    String(date.getDate()).padStart(2, '0') +
    'T' +
    String(date.getHours()).padStart(2, '0') +
    ':' +
    String(date.getMinutes()).padStart(2, '0') +
    ':' +
    String(date.getSeconds()).padStart(2, '0') +
    '.' +
    String(date.getMilliseconds()).padStart(3, '0')

  if (offset < 0) {
    ret += '-'
    offset *= -1
  } else {
    ret += '+'
  }

  ret += String(Math.floor(offset / 60)).padStart(2, '0') + ':' + String(offset % 60).padStart(2, '0')
  if (isBCYear) ret += ' BC'
  return ret
}

function dateToStringUTC(date) {
  let year = date.getUTCFullYear()
  const isBCYear = year < 1
  if (isBCYear) year = Math.abs(year) + 1 // negative years are 1 off their BC representation

  let ret =
    String(year).padStart(4, '0') +
    '-' +
    String(date.getUTCMonth() + 1).padStart(2, '0') +
    '-' +
    String(date.getUTCDate()).padStart(2, '0') +
    'T' +
    String(date.getUTCHours()).padStart(2, '0') +
    ':' +
    String(date.getUTCMinutes()).padStart(2, '0') +
    ':' +
    String(date.getUTCSeconds()).padStart(2, '0') +
    '.' +
    String(date.getUTCMilliseconds()).padStart(3, '0')

  ret += '+00:00'
  if (isBCYear) ret += ' BC'
  return ret
}

function normalizeQueryConfig(config, values, callback) {
  // can take in strings or config objects
  // Copy config so normalization does not mutate the caller's object.
  config = typeof config === 'string' ? { text: config } : cloneQueryConfig(config)
  if (values) {
    if (typeof values === 'function') {
      config.callback = values
    } else {
      config.values = values
    }
  }
  if (callback) {
    config.callback = callback
  }
  return config
}

function cloneQueryConfig(config) {
  if (config == null) {
    return config
  }
  return Object.defineProperties(Object.create(Object.getPrototypeOf(config)), Object.getOwnPropertyDescriptors(config))
}

// Ported from PostgreSQL 9.2.4 source code in src/interfaces/libpq/fe-exec.c
const escapeIdentifier = function (str) {
  return '"' + str.replace(/"/g, '""') + '"'
}

const escapeLiteral = function (str) {
  let hasBackslash = false
  let escaped = "'"

  if (str == null) {
    return "''"
  }

  if (typeof str !== 'string') {
    return "''"
  }

  for (let i = 0; i < str.length; i++) {
    const c = str[i]
    if (c === "'") {
      escaped += c + c
    } else if (c === '\\') {
      escaped += c + c
      hasBackslash = true
    } else {
      escaped += c
    }
  }

  escaped += "'"

  if (hasBackslash === true) {
    escaped = ' E' + escaped
  }

  return escaped
}

module.exports = {
  prepareValue: function prepareValueWrapper(value) {
    // this ensures that extra arguments do not get passed into prepareValue
    // by accident, eg: from calling values.map(utils.prepareValue)
    return prepareValue(value)
  },
  normalizeQueryConfig,
  escapeIdentifier,
  escapeLiteral,
}


/***/ }),

/***/ 8702:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



var path = __nccwpck_require__(6928)
  , Stream = (__nccwpck_require__(2203).Stream)
  , split = __nccwpck_require__(5286)
  , util = __nccwpck_require__(9023)
  , defaultPort = 5432
  , isWin = (process.platform === 'win32')
  , warnStream = process.stderr
;


var S_IRWXG = 56     //    00070(8)
  , S_IRWXO = 7      //    00007(8)
  , S_IFMT  = 61440  // 00170000(8)
  , S_IFREG = 32768  //  0100000(8)
;
function isRegFile(mode) {
    return ((mode & S_IFMT) == S_IFREG);
}

var fieldNames = [ 'host', 'port', 'database', 'user', 'password' ];
var nrOfFields = fieldNames.length;
var passKey = fieldNames[ nrOfFields -1 ];


function warn() {
    var isWritable = (
        warnStream instanceof Stream &&
          true === warnStream.writable
    );

    if (isWritable) {
        var args = Array.prototype.slice.call(arguments).concat("\n");
        warnStream.write( util.format.apply(util, args) );
    }
}


Object.defineProperty(module.exports, "isWin", ({
    get : function() {
        return isWin;
    } ,
    set : function(val) {
        isWin = val;
    }
}));


module.exports.warnTo = function(stream) {
    var old = warnStream;
    warnStream = stream;
    return old;
};

module.exports.getFileName = function(rawEnv){
    var env = rawEnv || process.env;
    var file = env.PGPASSFILE || (
        isWin ?
          path.join( env.APPDATA || './' , 'postgresql', 'pgpass.conf' ) :
          path.join( env.HOME || './', '.pgpass' )
    );
    return file;
};

module.exports.usePgPass = function(stats, fname) {
    if (Object.prototype.hasOwnProperty.call(process.env, 'PGPASSWORD')) {
        return false;
    }

    if (isWin) {
        return true;
    }

    fname = fname || '<unkn>';

    if (! isRegFile(stats.mode)) {
        warn('WARNING: password file "%s" is not a plain file', fname);
        return false;
    }

    if (stats.mode & (S_IRWXG | S_IRWXO)) {
        /* If password file is insecure, alert the user and ignore it. */
        warn('WARNING: password file "%s" has group or world access; permissions should be u=rw (0600) or less', fname);
        return false;
    }

    return true;
};


var matcher = module.exports.match = function(connInfo, entry) {
    return fieldNames.slice(0, -1).reduce(function(prev, field, idx){
        if (idx == 1) {
            // the port
            if ( Number( connInfo[field] || defaultPort ) === Number( entry[field] ) ) {
                return prev && true;
            }
        }
        return prev && (
            entry[field] === '*' ||
              entry[field] === connInfo[field]
        );
    }, true);
};


module.exports.getPassword = function(connInfo, stream, cb) {
    var pass;
    var lineStream = stream.pipe(split());

    function onLine(line) {
        var entry = parseLine(line);
        if (entry && isValidEntry(entry) && matcher(connInfo, entry)) {
            pass = entry[passKey];
            lineStream.end(); // -> calls onEnd(), but pass is set now
        }
    }

    var onEnd = function() {
        stream.destroy();
        cb(pass);
    };

    var onErr = function(err) {
        stream.destroy();
        warn('WARNING: error on reading file: %s', err);
        cb(undefined);
    };

    stream.on('error', onErr);
    lineStream
        .on('data', onLine)
        .on('end', onEnd)
        .on('error', onErr)
    ;

};


var parseLine = module.exports.parseLine = function(line) {
    if (line.length < 11 || line.match(/^\s+#/)) {
        return null;
    }

    var curChar = '';
    var prevChar = '';
    var fieldIdx = 0;
    var startIdx = 0;
    var endIdx = 0;
    var obj = {};
    var isLastField = false;
    var addToObj = function(idx, i0, i1) {
        var field = line.substring(i0, i1);

        if (! Object.hasOwnProperty.call(process.env, 'PGPASS_NO_DEESCAPE')) {
            field = field.replace(/\\([:\\])/g, '$1');
        }

        obj[ fieldNames[idx] ] = field;
    };

    for (var i = 0 ; i < line.length-1 ; i += 1) {
        curChar = line.charAt(i+1);
        prevChar = line.charAt(i);

        isLastField = (fieldIdx == nrOfFields-1);

        if (isLastField) {
            addToObj(fieldIdx, startIdx);
            break;
        }

        if (i >= 0 && curChar == ':' && prevChar !== '\\') {
            addToObj(fieldIdx, startIdx, i+1);

            startIdx = i+2;
            fieldIdx += 1;
        }
    }

    obj = ( Object.keys(obj).length === nrOfFields ) ? obj : null;

    return obj;
};


var isValidEntry = module.exports.isValidEntry = function(entry){
    var rules = {
        // host
        0 : function(x){
            return x.length > 0;
        } ,
        // port
        1 : function(x){
            if (x === '*') {
                return true;
            }
            x = Number(x);
            return (
                isFinite(x) &&
                  x > 0 &&
                  x < 9007199254740992 &&
                  Math.floor(x) === x
            );
        } ,
        // database
        2 : function(x){
            return x.length > 0;
        } ,
        // username
        3 : function(x){
            return x.length > 0;
        } ,
        // password
        4 : function(x){
            return x.length > 0;
        }
    };

    for (var idx = 0 ; idx < fieldNames.length ; idx += 1) {
        var rule = rules[idx];
        var value = entry[ fieldNames[idx] ] || '';

        var res = rule(value);
        if (!res) {
            return false;
        }
    }

    return true;
};



/***/ }),

/***/ 3272:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



var path = __nccwpck_require__(6928)
  , fs = __nccwpck_require__(9896)
  , helper = __nccwpck_require__(8702)
;


module.exports = function(connInfo, cb) {
    var file = helper.getFileName();
    
    fs.stat(file, function(err, stat){
        if (err || !helper.usePgPass(stat, file)) {
            return cb(undefined);
        }

        var st = fs.createReadStream(file);

        helper.getPassword(connInfo, st, cb);
    });
};

module.exports.warnTo = helper.warnTo;


/***/ }),

/***/ 3879:
/***/ ((__unused_webpack_module, exports) => {



exports.parse = function (source, transform) {
  return new ArrayParser(source, transform).parse()
}

class ArrayParser {
  constructor (source, transform) {
    this.source = source
    this.transform = transform || identity
    this.position = 0
    this.entries = []
    this.recorded = []
    this.dimension = 0
  }

  isEof () {
    return this.position >= this.source.length
  }

  nextCharacter () {
    var character = this.source[this.position++]
    if (character === '\\') {
      return {
        value: this.source[this.position++],
        escaped: true
      }
    }
    return {
      value: character,
      escaped: false
    }
  }

  record (character) {
    this.recorded.push(character)
  }

  newEntry (includeEmpty) {
    var entry
    if (this.recorded.length > 0 || includeEmpty) {
      entry = this.recorded.join('')
      if (entry === 'NULL' && !includeEmpty) {
        entry = null
      }
      if (entry !== null) entry = this.transform(entry)
      this.entries.push(entry)
      this.recorded = []
    }
  }

  consumeDimensions () {
    if (this.source[0] === '[') {
      while (!this.isEof()) {
        var char = this.nextCharacter()
        if (char.value === '=') break
      }
    }
  }

  parse (nested) {
    var character, parser, quote
    this.consumeDimensions()
    while (!this.isEof()) {
      character = this.nextCharacter()
      if (character.value === '{' && !quote) {
        this.dimension++
        if (this.dimension > 1) {
          parser = new ArrayParser(this.source.substr(this.position - 1), this.transform)
          this.entries.push(parser.parse(true))
          this.position += parser.position - 2
        }
      } else if (character.value === '}' && !quote) {
        this.dimension--
        if (!this.dimension) {
          this.newEntry()
          if (nested) return this.entries
        }
      } else if (character.value === '"' && !character.escaped) {
        if (quote) this.newEntry(true)
        quote = !quote
      } else if (character.value === ',' && !quote) {
        this.newEntry()
      } else {
        this.record(character.value)
      }
    }
    if (this.dimension !== 0) {
      throw new Error('array dimension not balanced')
    }
    return this.entries
  }
}

function identity (value) {
  return value
}


/***/ }),

/***/ 463:
/***/ ((module) => {



var bufferFrom = Buffer.from || Buffer

module.exports = function parseBytea (input) {
  if (/^\\x/.test(input)) {
    // new 'hex' style response (pg >9.0)
    return bufferFrom(input.substr(2), 'hex')
  }
  var output = ''
  var i = 0
  while (i < input.length) {
    if (input[i] !== '\\') {
      output += input[i]
      ++i
    } else {
      if (/[0-7]{3}/.test(input.substr(i + 1, 3))) {
        output += String.fromCharCode(parseInt(input.substr(i + 1, 3), 8))
        i += 4
      } else {
        var backslashes = 1
        while (i + backslashes < input.length && input[i + backslashes] === '\\') {
          backslashes++
        }
        for (var k = 0; k < Math.floor(backslashes / 2); ++k) {
          output += '\\'
        }
        i += Math.floor(backslashes / 2) * 2
      }
    }
  }
  return bufferFrom(output, 'binary')
}


/***/ }),

/***/ 2690:
/***/ ((module) => {



var DATE_TIME = /(\d{1,})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})(\.\d{1,})?.*?( BC)?$/
var DATE = /^(\d{1,})-(\d{2})-(\d{2})( BC)?$/
var TIME_ZONE = /([Z+-])(\d{2})?:?(\d{2})?:?(\d{2})?/
var INFINITY = /^-?infinity$/

module.exports = function parseDate (isoDate) {
  if (INFINITY.test(isoDate)) {
    // Capitalize to Infinity before passing to Number
    return Number(isoDate.replace('i', 'I'))
  }
  var matches = DATE_TIME.exec(isoDate)

  if (!matches) {
    // Force YYYY-MM-DD dates to be parsed as local time
    return getDate(isoDate) || null
  }

  var isBC = !!matches[8]
  var year = parseInt(matches[1], 10)
  if (isBC) {
    year = bcYearToNegativeYear(year)
  }

  var month = parseInt(matches[2], 10) - 1
  var day = matches[3]
  var hour = parseInt(matches[4], 10)
  var minute = parseInt(matches[5], 10)
  var second = parseInt(matches[6], 10)

  var ms = matches[7]
  ms = ms ? 1000 * parseFloat(ms) : 0

  var date
  var offset = timeZoneOffset(isoDate)
  if (offset != null) {
    date = new Date(Date.UTC(year, month, day, hour, minute, second, ms))

    // Account for years from 0 to 99 being interpreted as 1900-1999
    // by Date.UTC / the multi-argument form of the Date constructor
    if (is0To99(year)) {
      date.setUTCFullYear(year)
    }

    if (offset !== 0) {
      date.setTime(date.getTime() - offset)
    }
  } else {
    date = new Date(year, month, day, hour, minute, second, ms)

    if (is0To99(year)) {
      date.setFullYear(year)
    }
  }

  return date
}

function getDate (isoDate) {
  var matches = DATE.exec(isoDate)
  if (!matches) {
    return
  }

  var year = parseInt(matches[1], 10)
  var isBC = !!matches[4]
  if (isBC) {
    year = bcYearToNegativeYear(year)
  }

  var month = parseInt(matches[2], 10) - 1
  var day = matches[3]
  // YYYY-MM-DD will be parsed as local time
  var date = new Date(year, month, day)

  if (is0To99(year)) {
    date.setFullYear(year)
  }

  return date
}

// match timezones:
// Z (UTC)
// -05
// +06:30
function timeZoneOffset (isoDate) {
  if (isoDate.endsWith('+00')) {
    return 0
  }

  var zone = TIME_ZONE.exec(isoDate.split(' ')[1])
  if (!zone) return
  var type = zone[1]

  if (type === 'Z') {
    return 0
  }
  var sign = type === '-' ? -1 : 1
  var offset = parseInt(zone[2], 10) * 3600 +
    parseInt(zone[3] || 0, 10) * 60 +
    parseInt(zone[4] || 0, 10)

  return offset * sign * 1000
}

function bcYearToNegativeYear (year) {
  // Account for numerical difference between representations of BC years
  // See: https://github.com/bendrucker/postgres-date/issues/5
  return -(year - 1)
}

function is0To99 (num) {
  return num >= 0 && num < 100
}


/***/ }),

/***/ 8755:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



var extend = __nccwpck_require__(223)

module.exports = PostgresInterval

function PostgresInterval (raw) {
  if (!(this instanceof PostgresInterval)) {
    return new PostgresInterval(raw)
  }
  extend(this, parse(raw))
}
var properties = ['seconds', 'minutes', 'hours', 'days', 'months', 'years']
PostgresInterval.prototype.toPostgres = function () {
  var filtered = properties.filter(this.hasOwnProperty, this)

  // In addition to `properties`, we need to account for fractions of seconds.
  if (this.milliseconds && filtered.indexOf('seconds') < 0) {
    filtered.push('seconds')
  }

  if (filtered.length === 0) return '0'
  return filtered
    .map(function (property) {
      var value = this[property] || 0

      // Account for fractional part of seconds,
      // remove trailing zeroes.
      if (property === 'seconds' && this.milliseconds) {
        value = (value + this.milliseconds / 1000).toFixed(6).replace(/\.?0+$/, '')
      }

      return value + ' ' + property
    }, this)
    .join(' ')
}

var propertiesISOEquivalent = {
  years: 'Y',
  months: 'M',
  days: 'D',
  hours: 'H',
  minutes: 'M',
  seconds: 'S'
}
var dateProperties = ['years', 'months', 'days']
var timeProperties = ['hours', 'minutes', 'seconds']
// according to ISO 8601
PostgresInterval.prototype.toISOString = PostgresInterval.prototype.toISO = function () {
  var datePart = dateProperties
    .map(buildProperty, this)
    .join('')

  var timePart = timeProperties
    .map(buildProperty, this)
    .join('')

  return 'P' + datePart + 'T' + timePart

  function buildProperty (property) {
    var value = this[property] || 0

    // Account for fractional part of seconds,
    // remove trailing zeroes.
    if (property === 'seconds' && this.milliseconds) {
      value = (value + this.milliseconds / 1000).toFixed(6).replace(/0+$/, '')
    }

    return value + propertiesISOEquivalent[property]
  }
}

var NUMBER = '([+-]?\\d+)'
var YEAR = NUMBER + '\\s+years?'
var MONTH = NUMBER + '\\s+mons?'
var DAY = NUMBER + '\\s+days?'
var TIME = '([+-])?([\\d]*):(\\d\\d):(\\d\\d)\\.?(\\d{1,6})?'
var INTERVAL = new RegExp([YEAR, MONTH, DAY, TIME].map(function (regexString) {
  return '(' + regexString + ')?'
})
  .join('\\s*'))

// Positions of values in regex match
var positions = {
  years: 2,
  months: 4,
  days: 6,
  hours: 9,
  minutes: 10,
  seconds: 11,
  milliseconds: 12
}
// We can use negative time
var negatives = ['hours', 'minutes', 'seconds', 'milliseconds']

function parseMilliseconds (fraction) {
  // add omitted zeroes
  var microseconds = fraction + '000000'.slice(fraction.length)
  return parseInt(microseconds, 10) / 1000
}

function parse (interval) {
  if (!interval) return {}
  var matches = INTERVAL.exec(interval)
  var isNegative = matches[8] === '-'
  return Object.keys(positions)
    .reduce(function (parsed, property) {
      var position = positions[property]
      var value = matches[position]
      // no empty string
      if (!value) return parsed
      // milliseconds are actually microseconds (up to 6 digits)
      // with omitted trailing zeroes.
      value = property === 'milliseconds'
        ? parseMilliseconds(value)
        : parseInt(value, 10)
      // no zeros
      if (!value) return parsed
      if (isNegative && ~negatives.indexOf(property)) {
        value *= -1
      }
      parsed[property] = value
      return parsed
    }, {})
}


/***/ }),

/***/ 5286:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {

/*
Copyright (c) 2014-2021, Matteo Collina <hello@matteocollina.com>

Permission to use, copy, modify, and/or distribute this software for any
purpose with or without fee is hereby granted, provided that the above
copyright notice and this permission notice appear in all copies.

THE SOFTWARE IS PROVIDED "AS IS" AND THE AUTHOR DISCLAIMS ALL WARRANTIES
WITH REGARD TO THIS SOFTWARE INCLUDING ALL IMPLIED WARRANTIES OF
MERCHANTABILITY AND FITNESS. IN NO EVENT SHALL THE AUTHOR BE LIABLE FOR
ANY SPECIAL, DIRECT, INDIRECT, OR CONSEQUENTIAL DAMAGES OR ANY DAMAGES
WHATSOEVER RESULTING FROM LOSS OF USE, DATA OR PROFITS, WHETHER IN AN
ACTION OF CONTRACT, NEGLIGENCE OR OTHER TORTIOUS ACTION, ARISING OUT OF OR
IN CONNECTION WITH THE USE OR PERFORMANCE OF THIS SOFTWARE.
*/



const { Transform } = __nccwpck_require__(2203)
const { StringDecoder } = __nccwpck_require__(3193)
const kLast = Symbol('last')
const kDecoder = Symbol('decoder')

function transform (chunk, enc, cb) {
  let list
  if (this.overflow) { // Line buffer is full. Skip to start of next line.
    const buf = this[kDecoder].write(chunk)
    list = buf.split(this.matcher)

    if (list.length === 1) return cb() // Line ending not found. Discard entire chunk.

    // Line ending found. Discard trailing fragment of previous line and reset overflow state.
    list.shift()
    this.overflow = false
  } else {
    this[kLast] += this[kDecoder].write(chunk)
    list = this[kLast].split(this.matcher)
  }

  this[kLast] = list.pop()

  for (let i = 0; i < list.length; i++) {
    try {
      push(this, this.mapper(list[i]))
    } catch (error) {
      return cb(error)
    }
  }

  this.overflow = this[kLast].length > this.maxLength
  if (this.overflow && !this.skipOverflow) {
    cb(new Error('maximum buffer reached'))
    return
  }

  cb()
}

function flush (cb) {
  // forward any gibberish left in there
  this[kLast] += this[kDecoder].end()

  if (this[kLast]) {
    try {
      push(this, this.mapper(this[kLast]))
    } catch (error) {
      return cb(error)
    }
  }

  cb()
}

function push (self, val) {
  if (val !== undefined) {
    self.push(val)
  }
}

function noop (incoming) {
  return incoming
}

function split (matcher, mapper, options) {
  // Set defaults for any arguments not supplied.
  matcher = matcher || /\r?\n/
  mapper = mapper || noop
  options = options || {}

  // Test arguments explicitly.
  switch (arguments.length) {
    case 1:
      // If mapper is only argument.
      if (typeof matcher === 'function') {
        mapper = matcher
        matcher = /\r?\n/
      // If options is only argument.
      } else if (typeof matcher === 'object' && !(matcher instanceof RegExp) && !matcher[Symbol.split]) {
        options = matcher
        matcher = /\r?\n/
      }
      break

    case 2:
      // If mapper and options are arguments.
      if (typeof matcher === 'function') {
        options = mapper
        mapper = matcher
        matcher = /\r?\n/
      // If matcher and options are arguments.
      } else if (typeof mapper === 'object') {
        options = mapper
        mapper = noop
      }
  }

  options = Object.assign({}, options)
  options.autoDestroy = true
  options.transform = transform
  options.flush = flush
  options.readableObjectMode = true

  const stream = new Transform(options)

  stream[kLast] = ''
  stream[kDecoder] = new StringDecoder('utf8')
  stream.matcher = matcher
  stream.mapper = mapper
  stream.maxLength = options.maxLength
  stream.skipOverflow = options.skipOverflow || false
  stream.overflow = false
  stream._destroy = function (err, cb) {
    // Weird Node v12 bug that we need to work around
    this._writableState.errorEmitted = false
    cb(err)
  }

  return stream
}

module.exports = split


/***/ }),

/***/ 223:
/***/ ((module) => {

module.exports = extend

var hasOwnProperty = Object.prototype.hasOwnProperty;

function extend(target) {
    for (var i = 1; i < arguments.length; i++) {
        var source = arguments[i]

        for (var key in source) {
            if (hasOwnProperty.call(source, key)) {
                target[key] = source[key]
            }
        }
    }

    return target
}


/***/ }),

/***/ 4001:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   C5: () => (/* binding */ rangeVarKey),
/* harmony export */   Eb: () => (/* binding */ key),
/* harmony export */   P$: () => (/* binding */ strings),
/* harmony export */   PG: () => (/* binding */ columnInfo),
/* harmony export */   TM: () => (/* binding */ firstLine),
/* harmony export */   Ux: () => (/* binding */ listKey),
/* harmony export */   Vy: () => (/* binding */ display),
/* harmony export */   cW: () => (/* binding */ indexColumns),
/* harmony export */   el: () => (/* binding */ dropObjectKey),
/* harmony export */   hz: () => (/* binding */ columnDisplay),
/* harmony export */   j$: () => (/* binding */ volatileCall),
/* harmony export */   w3: () => (/* binding */ typeString)
/* harmony export */ });
/* unused harmony exports DEFAULT_SCHEMA, baseType, walk */
const DEFAULT_SCHEMA = "public";
/** "schema.name": how the state model keys relations and types. */
function key(schema, name) {
    return `${schema ?? DEFAULT_SCHEMA}.${name}`;
}
function rangeVarKey(rv) {
    return key(rv?.schemaname, rv?.relname ?? "?");
}
/** `"User"` (or `"s"."User"` outside public) for messages. */
function display(k) {
    const dot = k.indexOf(".");
    const schema = k.slice(0, dot);
    const name = k.slice(dot + 1);
    return schema === DEFAULT_SCHEMA ? `"${name}"` : `"${schema}"."${name}"`;
}
function columnDisplay(tableKey, column) {
    return `${display(tableKey)}."${column}"`;
}
function strings(list) {
    return (list ?? []).map((n) => n?.String?.sval ?? "").filter((s) => s !== "");
}
/** A qualified name given as a String list (types, DROP objects): ["s", "E"] → "s.E". */
function listKey(items) {
    const parts = strings(items);
    return parts.length > 1 ? key(parts[parts.length - 2], parts[parts.length - 1]) : key(undefined, parts[0] ?? "?");
}
/** DROP statement objects: String lists for tables/indexes/schemas, TypeName for types. */
function dropObjectKey(obj) {
    if (obj?.List)
        return listKey(obj.List.items);
    if (obj?.TypeName)
        return listKey(obj.TypeName.names);
    if (obj?.String)
        return obj.String.sval;
    return "?";
}
const TYPE_ALIASES = {
    int2: "smallint", int4: "integer", int: "integer", int8: "bigint", float4: "real", float8: "double precision",
    bool: "boolean", bpchar: "char", varchar: "varchar", timestamptz: "timestamptz", timestamp: "timestamp",
    timetz: "timetz", serial4: "serial", serial8: "bigserial", smallserial: "smallserial", serial2: "smallserial",
};
/** Normalized type: "integer", "varchar(255)", "timestamp(3)", "text[]", "public.Role" for user types. */
function typeString(typeName) {
    const names = strings(typeName?.names).filter((n) => n !== "pg_catalog");
    let base;
    if (names.length === 1 && TYPE_ALIASES[names[0]] !== undefined)
        base = TYPE_ALIASES[names[0]];
    else if (names.length === 1 && /^[a-z0-9_ ]+$/.test(names[0]) && BUILTIN.has(names[0]))
        base = names[0];
    else
        base = listKey(typeName?.names);
    const mods = (typeName?.typmods ?? []).map((m) => m?.A_Const?.ival?.ival ?? m?.A_Const?.ival ?? 0).map((v) => (typeof v === "number" ? v : 0));
    const arrays = (typeName?.arrayBounds ?? []).length;
    return `${base}${mods.length ? `(${mods.join(",")})` : ""}${"[]".repeat(arrays)}`;
}
const BUILTIN = new Set([
    "text", "json", "jsonb", "uuid", "numeric", "decimal", "date", "time", "interval", "bytea", "inet", "cidr", "macaddr",
    "citext", "money", "xml", "tsvector", "tsquery", "bit", "varbit", "point", "serial", "bigserial", "smallserial", "oid",
    "smallint", "integer", "bigint", "real", "double precision", "boolean", "char", "varchar", "timestamp", "timestamptz", "timetz",
]);
/** The type without modifiers and array marks: "varchar(255)[]" → "varchar". */
function baseType(type) {
    return type.replace(/\[\]/g, "").replace(/\(.*\)$/, "");
}
const SERIALS = new Set(["serial", "bigserial", "smallserial"]);
function columnInfo(def) {
    const type = typeString(def.typeName);
    const info = { name: def.colname, type, notNull: SERIALS.has(type), generated: SERIALS.has(type), primaryKey: false, unique: false, location: def.location ?? 0 };
    for (const c of def.constraints ?? []) {
        const con = c.Constraint;
        switch (con?.contype) {
            case "CONSTR_NOTNULL":
                info.notNull = true;
                break;
            case "CONSTR_DEFAULT":
                info.defaultExpr = con.raw_expr;
                break;
            case "CONSTR_IDENTITY":
                info.generated = true;
                info.notNull = true;
                break;
            case "CONSTR_GENERATED":
                info.generated = true;
                break;
            case "CONSTR_PRIMARY":
                info.primaryKey = true;
                info.notNull = true;
                break;
            case "CONSTR_UNIQUE":
                info.unique = true;
                break;
            case "CONSTR_FOREIGN":
                info.references = { table: rangeVarKey(con.pktable), notValid: Boolean(con.skip_validation) };
                break;
        }
    }
    return info;
}
/** Functions whose default is evaluated per row (so ADD COLUMN must rewrite the table). */
const VOLATILE_FUNCTIONS = new Set([
    "random", "gen_random_uuid", "uuid_generate_v1", "uuid_generate_v1mc", "uuid_generate_v4", "uuidv4", "uuidv7",
    "clock_timestamp", "timeofday", "nextval", "txid_current", "random_normal", "gen_random_bytes",
]);
/** The volatile function called in an expression, if any ("now()" is stable: evaluated once). */
function volatileCall(expr) {
    let found;
    walk(expr, (n) => {
        if (found)
            return;
        const fc = n?.FuncCall;
        if (fc) {
            const name = strings(fc.funcname).at(-1)?.toLowerCase();
            if (name && VOLATILE_FUNCTIONS.has(name))
                found = `${name}()`;
        }
    });
    return found;
}
function walk(node, visit) {
    if (node === null || typeof node !== "object")
        return;
    visit(node);
    for (const value of Object.values(node)) {
        if (Array.isArray(value))
            for (const v of value)
                walk(v, visit);
        else if (value && typeof value === "object")
            walk(value, visit);
    }
}
/** Index column names (expressions count as "(expression)"). */
function indexColumns(params) {
    return (params ?? []).map((p) => p?.IndexElem?.name ?? "(expression)");
}
/** First line of a statement, shortened, for reports. */
function firstLine(text) {
    const line = text.split("\n")[0].trim();
    return line.length > 100 ? `${line.slice(0, 97)}...` : line;
}


/***/ }),

/***/ 7128:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  lint: () => (/* binding */ lint)
});

// EXTERNAL MODULE: ./src/lint/ast.ts
var ast = __nccwpck_require__(4001);
;// CONCATENATED MODULE: ./src/lint/ignore.ts
const DIRECTIVE = /^(?:--|\/\*)\s*migrate-guard-ignore(-file)?\b([^:]*?)(?::\s*([\s\S]*?))?\s*(?:\*\/)?\s*$/;
function parseIgnores(comments, statements) {
    const result = [];
    for (const c of comments) {
        const m = DIRECTIVE.exec(c.text.trim());
        if (!m)
            continue;
        const rules = m[2].split(",").map((r) => r.trim()).filter(Boolean);
        const directive = { rules, reason: (m[3] ?? "").trim(), fileLevel: Boolean(m[1]), offset: c.start, used: new Set() };
        if (!directive.fileLevel) {
            const next = statements.find((s) => s.start >= c.end);
            if (next)
                directive.statement = next.index;
        }
        result.push(directive);
    }
    return result;
}
/** The directive that suppresses `rule` on `statement` (undefined: not suppressed). Valid directives only. */
function suppressing(directives, rule, statement) {
    return directives.find((d) => d.reason !== "" && d.rules.includes(rule) && (d.fileLevel || (statement !== undefined && d.statement === statement)));
}
/** Problems with the directives themselves, after every finding went through `suppressing`. */
function ignoreProblems(directives, knownRules) {
    const problems = [];
    for (const d of directives) {
        const form = d.fileLevel ? "migrate-guard-ignore-file" : "migrate-guard-ignore";
        if (d.rules.length === 0) {
            problems.push({ rule: "unused-ignore", offset: d.offset, message: `\`${form}\` names no rule. Write \`-- ${form} <rule>[,<rule>]: <reason>\`.` });
            continue;
        }
        if (d.reason === "") {
            problems.push({ rule: "ignore-without-reason", offset: d.offset, message: `\`${form} ${d.rules.join(",")}\` has no reason, so it suppresses nothing. Add one after a colon: \`-- ${form} ${d.rules.join(",")}: <why this is safe>\`.` });
            continue;
        }
        for (const rule of d.rules) {
            if (!knownRules.has(rule))
                problems.push({ rule: "unused-ignore", offset: d.offset, message: `\`${form}\` names "${rule}", which is not a migrate-guard rule.` });
            else if (!d.used.has(rule)) {
                const where = d.fileLevel ? "this file" : d.statement === undefined ? "any statement (none follows it)" : "the statement after it";
                problems.push({ rule: "unused-ignore", offset: d.offset, message: `\`${form} ${rule}\` suppresses nothing: "${rule}" reports nothing on ${where}. Remove the directive.` });
            }
        }
    }
    return problems;
}

// EXTERNAL MODULE: ./src/lint/locks.ts
var lint_locks = __nccwpck_require__(4505);
// EXTERNAL MODULE: ./src/lint/parse.ts
var parse = __nccwpck_require__(10);
;// CONCATENATED MODULE: ./src/lint/prisma-warnings.ts
// Prisma's own verdict: `prisma migrate dev` writes a `/* Warnings: … */` header naming the data a
// migration loses or the rows it can fail on. The linter reads it item by item; an item that no
// rule's finding covers is reported on its own (prisma-data-loss-warning).
const PATTERNS = [
    ["drop-column", /drop the column `([^`]+)` on the `([^`]+)` table/],
    ["drop-table", /drop the `([^`]+)` table/],
    ["recreate-column", /The `([^`]+)` column on the `([^`]+)` table would be dropped and recreated/],
    ["recreate-column", /Changed the type of `([^`]+)` on the `([^`]+)` table/],
    ["add-required-column", /Added the required column `([^`]+)` to the `([^`]+)` table/],
    ["add-required-column", /The required column `([^`]+)` was added to the `([^`]+)` table/],
    ["set-not-null", /Made the column `([^`]+)` on table `([^`]+)` required/],
    ["add-unique", /unique constraint covering the columns `\[([^\]]*)\]` on the table `([^`]+)`/],
    ["drop-enum-values", /The values? \[([^\]]*)\] on the enum `([^`]+)` will be removed/],
    ["drop-enum", /drop the enum `([^`]+)`/],
];
/** The items of a leading Warnings header, or [] when the migration has none. */
function parsePrismaWarnings(sql) {
    const head = /^\s*\/\*\s*\n?\s*Warnings:/.exec(sql);
    if (!head)
        return [];
    const end = sql.indexOf("*/", head.index);
    if (end < 0)
        return [];
    const body = sql.slice(0, end);
    const items = [];
    const re = /^([ \t]*)- (.+(?:\n(?![ \t]*- )(?![ \t]*$).+)*)/gm;
    for (const m of body.matchAll(re)) {
        const text = m[2].replace(/\s+/g, " ").trim();
        items.push({ ...classify(text), text, offset: m.index + m[1].length });
    }
    return items;
}
function classify(text) {
    for (const [kind, pattern] of PATTERNS) {
        const m = pattern.exec(text);
        if (!m)
            continue;
        switch (kind) {
            case "drop-table": return { kind, table: m[1] };
            case "drop-enum": return { kind, enumName: m[1] };
            case "drop-enum-values": return { kind, enumName: m[2], values: m[1].split(",").map((v) => v.trim()).filter(Boolean) };
            case "add-unique": return { kind, table: m[2], values: m[1].split(",").map((v) => v.trim()).filter(Boolean) };
            default: return { kind, column: m[1], table: m[2] };
        }
    }
    return { kind: "other" };
}

// EXTERNAL MODULE: ./src/lint/registry.ts + 34 modules
var registry = __nccwpck_require__(9630);
// EXTERNAL MODULE: ./src/lint/rules/prisma-data-loss-warning.ts
var prisma_data_loss_warning = __nccwpck_require__(2497);
// EXTERNAL MODULE: ./src/lint/state.ts
var lint_state = __nccwpck_require__(7360);
;// CONCATENATED MODULE: ./src/lint/linter.ts
// The linter: replays migrations in order into the schema state model, and runs the rules on the
// ones to lint, each statement seeing the state just before it. Pure: the caller reads the files.








async function lint(options) {
    const rules = options.rules ?? registry/* RULES */.y0;
    const statementRules = rules.filter((r) => r.scope === "statement");
    const migrationRules = rules.filter((r) => r.scope === "migration");
    const byKind = new Map();
    for (const r of statementRules)
        for (const k of r.kinds)
            byKind.set(k, [...(byKind.get(k) ?? []), r]);
    const known = new Set([...registry/* RULES */.y0, ...rules].map((r) => r.id));
    const covers = options.initialState?.covers ?? 0;
    const state = new lint_state/* SchemaState */.P(options.initialState?.data);
    const evidence = options.evidence ?? {};
    const result = { findings: [], linted: [], statements: 0 };
    let onlyReplayed = true;
    for (const [i, migration] of options.migrations.entries()) {
        if (i < covers)
            continue;
        const linting = options.shouldLint(migration.name);
        if (linting && onlyReplayed) {
            if (options.wantBaseState)
                result.baseState = { data: structuredClone(state.data), covers: i };
            onlyReplayed = false;
        }
        const script = await (0,parse/* parseScript */.tl)(migration.sql);
        if (!linting) {
            if (script.ok)
                for (const stmt of script.statements)
                    state.apply(stmt, migration.name);
            continue;
        }
        result.linted.push(migration.name);
        if (!script.ok) {
            result.findings.push(toFinding(migration, script.lines, {
                rule: "parse-error", severity: "error", offset: script.offset,
                message: `PostgreSQL cannot parse this migration: ${script.message}. Prisma would fail to apply it; nothing else in the file was checked.`,
            }));
            continue;
        }
        result.statements += script.statements.length;
        const group = options.groupOf(migration.name);
        const info = { migration, script, prismaWarnings: parsePrismaWarnings(migration.sql), group, completeHistory: options.completeHistory ?? false };
        const isExistingTable = (k) => {
            const t = state.table(k);
            return !t || options.groupOf(t.createdIn) !== group;
        };
        const isExistingColumn = (k, c) => {
            const col = state.column(k, c);
            return isExistingTable(k) && (!col || options.groupOf(col.createdIn) !== group);
        };
        // Only migrations that touch types can remove enum values: snapshot the enums for those alone.
        const touchesTypes = info.prismaWarnings.length > 0 || script.statements.some((s) => s.kind === "AlterEnumStmt" || s.kind === "CreateEnumStmt" || (s.kind === "RenameStmt" && s.node.renameType === "OBJECT_TYPE") || (s.kind === "DropStmt" && s.node.removeType === "OBJECT_TYPE"));
        const enumsAtStart = touchesTypes ? Object.fromEntries(Object.values(state.data.enums).map((e) => [e.key, { values: [...e.values], createdIn: e.createdIn }])) : {};
        state.resetDropped();
        const raw = [];
        const locks = [];
        const hitsOf = (rule, hits, stmt) => {
            for (const h of hits)
                raw.push({ rule: rule.id, severity: h.severity ?? rule.severity, message: h.message, offset: h.offset ?? stmt?.start ?? 0, ...(stmt ? { statement: stmt } : {}), ...(h.subjects ? { subjects: h.subjects } : {}) });
        };
        for (const stmt of script.statements) {
            const ctx = { ...info, stmt, state, groupOf: options.groupOf, isExistingTable, isExistingColumn, evidence };
            for (const rule of byKind.get(stmt.kind) ?? [])
                hitsOf(rule, rule.check(ctx), stmt);
            // DROP … IF EXISTS of a table the complete history never created is a no-op: no lock to speak of.
            const noop = (t) => stmt.kind === "DropStmt" && stmt.node.missing_ok && info.completeHistory && !state.table(t);
            for (const l of (0,lint_locks/* statementLocks */.MI)(stmt, state))
                locks.push({ stmt, table: l.table, mode: l.mode, existing: isExistingTable(l.table) && !noop(l.table) });
            state.apply(stmt, migration.name);
        }
        const mctx = { ...info, state, enumsAtStart, groupOf: options.groupOf, isExistingTable, locks };
        for (const rule of migrationRules) {
            for (const h of rule.check(mctx)) {
                const stmt = script.statements.find((s) => s.start <= (h.offset ?? 0) && (h.offset ?? 0) <= s.end);
                hitsOf(rule, [h], stmt);
            }
        }
        for (const w of (0,prisma_data_loss_warning/* uncoveredPrismaWarnings */.b)(info.prismaWarnings, raw, state, script.statements.map((s) => s.kind))) {
            raw.push({ rule: "prisma-data-loss-warning", severity: "warning", offset: w.offset, message: `Prisma warns: ${w.text}` });
        }
        const directives = parseIgnores(script.comments, script.statements);
        for (const f of raw) {
            const d = suppressing(directives, f.rule, f.statement?.index);
            if (d)
                d.used.add(f.rule);
            else
                result.findings.push(toFinding(migration, script.lines, f));
        }
        for (const p of ignoreProblems(directives, known)) {
            result.findings.push(toFinding(migration, script.lines, { rule: p.rule, severity: (0,registry/* ruleById */.BD)(p.rule)?.severity ?? "warning", offset: p.offset, message: p.message }));
        }
    }
    if (onlyReplayed && options.wantBaseState)
        result.baseState = { data: state.data, covers: options.migrations.length };
    return result;
}
function toFinding(migration, lines, f) {
    const { line, column } = lines.at(f.offset);
    const endLine = f.statement ? Math.max(line, lines.at(Math.max(f.statement.start, f.statement.end - 1)).line) : line;
    return {
        rule: f.rule, severity: f.severity, message: f.message, file: migration.file, line, column, endLine, migration: migration.name,
        class: (0,registry/* ruleById */.BD)(f.rule)?.class ?? "meta",
        ...(f.statement ? { statement: (0,ast/* firstLine */.TM)(f.statement.text) } : {}),
    };
}


/***/ }),

/***/ 4505:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   MI: () => (/* binding */ statementLocks),
/* harmony export */   cU: () => (/* binding */ LOCK_EFFECT),
/* harmony export */   gB: () => (/* binding */ fromPgLockMode),
/* harmony export */   t_: () => (/* binding */ stronger)
/* harmony export */ });
/* unused harmony export LOCK_MODES */
/* harmony import */ var _ast_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(4001);
// The table locks a statement takes, as PostgreSQL documents them ("Explicit Locking", and each
// command's reference page). The static model behind the locking rules; verify also measures the real
// locks on a scratch database (src/verify/measured-locks.ts) and describes them with LOCK_EFFECT.

/** Weakest first. */
const LOCK_MODES = ["ACCESS SHARE", "ROW SHARE", "ROW EXCLUSIVE", "SHARE UPDATE EXCLUSIVE", "SHARE", "SHARE ROW EXCLUSIVE", "EXCLUSIVE", "ACCESS EXCLUSIVE"];
/** What other sessions can no longer do while the lock is held. */
const LOCK_EFFECT = {
    "ACCESS SHARE": "blocks only ACCESS EXCLUSIVE (DDL); reads and writes continue",
    "ROW SHARE": "blocks EXCLUSIVE and ACCESS EXCLUSIVE; reads and writes continue",
    "ROW EXCLUSIVE": "blocks SHARE and stronger (CREATE INDEX, most DDL); reads and writes continue",
    "SHARE UPDATE EXCLUSIVE": "blocks other schema changes and VACUUM; reads and writes continue",
    SHARE: "blocks writes (INSERT, UPDATE, DELETE); reads continue",
    "SHARE ROW EXCLUSIVE": "blocks writes and other SHARE ROW EXCLUSIVE locks; reads continue",
    EXCLUSIVE: "blocks writes and row-locking reads (SELECT … FOR UPDATE); plain reads continue",
    "ACCESS EXCLUSIVE": "blocks reads and writes",
};
function stronger(a, b) {
    return LOCK_MODES.indexOf(a) >= LOCK_MODES.indexOf(b) ? a : b;
}
/** pg_locks.mode ("AccessExclusiveLock") → "ACCESS EXCLUSIVE". */
function fromPgLockMode(mode) {
    const words = mode.replace(/Lock$/, "").replace(/([a-z])([A-Z])/g, "$1 $2").toUpperCase();
    return LOCK_MODES.includes(words) ? words : undefined;
}
const AT_WEAKER = {
    AT_ValidateConstraint: "SHARE UPDATE EXCLUSIVE",
    AT_SetStatistics: "SHARE UPDATE EXCLUSIVE",
    AT_SetRelOptions: "SHARE UPDATE EXCLUSIVE",
    AT_ResetRelOptions: "SHARE UPDATE EXCLUSIVE",
    AT_ClusterOn: "SHARE UPDATE EXCLUSIVE",
    AT_DropCluster: "SHARE UPDATE EXCLUSIVE",
    AT_AttachPartition: "SHARE UPDATE EXCLUSIVE",
    AT_DetachPartitionFinalize: "SHARE UPDATE EXCLUSIVE",
    AT_EnableTrig: "SHARE ROW EXCLUSIVE",
    AT_DisableTrig: "SHARE ROW EXCLUSIVE",
};
/** Table locks of one statement; the strongest per table. `state` resolves indexes to their tables. */
function statementLocks(stmt, state) {
    const n = stmt.node;
    const locks = new Map();
    const add = (table, mode) => locks.set(table, stronger(mode, locks.get(table) ?? "ACCESS SHARE"));
    switch (stmt.kind) {
        case "AlterTableStmt": {
            if (n.objtype === "OBJECT_INDEX")
                break;
            const table = (0,_ast_js__WEBPACK_IMPORTED_MODULE_0__/* .rangeVarKey */ .C5)(n.relation);
            for (const item of n.cmds ?? []) {
                const cmd = item.AlterTableCmd;
                const con = cmd?.def?.Constraint;
                if (cmd?.subtype === "AT_AddConstraint" && con?.contype === "CONSTR_FOREIGN") {
                    add(table, "SHARE ROW EXCLUSIVE");
                    add((0,_ast_js__WEBPACK_IMPORTED_MODULE_0__/* .rangeVarKey */ .C5)(con.pktable), "SHARE ROW EXCLUSIVE");
                }
                else {
                    add(table, AT_WEAKER[cmd?.subtype] ?? "ACCESS EXCLUSIVE");
                }
            }
            break;
        }
        case "IndexStmt":
            add((0,_ast_js__WEBPACK_IMPORTED_MODULE_0__/* .rangeVarKey */ .C5)(n.relation), n.concurrent ? "SHARE UPDATE EXCLUSIVE" : "SHARE");
            break;
        case "DropStmt":
            for (const obj of n.objects ?? []) {
                const k = (0,_ast_js__WEBPACK_IMPORTED_MODULE_0__/* .dropObjectKey */ .el)(obj);
                if (n.removeType === "OBJECT_TABLE")
                    add(k, "ACCESS EXCLUSIVE");
                else if (n.removeType === "OBJECT_INDEX") {
                    const table = state.index(k)?.table;
                    if (table)
                        add(table, n.concurrent ? "SHARE UPDATE EXCLUSIVE" : "ACCESS EXCLUSIVE");
                }
            }
            break;
        case "RenameStmt":
            if (n.renameType === "OBJECT_INDEX") {
                const table = state.index((0,_ast_js__WEBPACK_IMPORTED_MODULE_0__/* .rangeVarKey */ .C5)(n.relation))?.table;
                if (table)
                    add(table, "SHARE UPDATE EXCLUSIVE");
            }
            else if (n.relation && ["OBJECT_TABLE", "OBJECT_COLUMN", "OBJECT_TABCONSTRAINT"].includes(n.renameType)) {
                add((0,_ast_js__WEBPACK_IMPORTED_MODULE_0__/* .rangeVarKey */ .C5)(n.relation), "ACCESS EXCLUSIVE");
            }
            break;
        case "TruncateStmt":
            for (const rel of n.relations ?? [])
                add((0,_ast_js__WEBPACK_IMPORTED_MODULE_0__/* .rangeVarKey */ .C5)(rel.RangeVar), "ACCESS EXCLUSIVE");
            break;
        case "UpdateStmt":
        case "DeleteStmt":
        case "InsertStmt":
            if (n.relation)
                add((0,_ast_js__WEBPACK_IMPORTED_MODULE_0__/* .rangeVarKey */ .C5)(n.relation), "ROW EXCLUSIVE");
            break;
        case "CreateTrigStmt":
            add((0,_ast_js__WEBPACK_IMPORTED_MODULE_0__/* .rangeVarKey */ .C5)(n.relation), "SHARE ROW EXCLUSIVE");
            break;
        case "ClusterStmt":
            if (n.relation)
                add((0,_ast_js__WEBPACK_IMPORTED_MODULE_0__/* .rangeVarKey */ .C5)(n.relation), "ACCESS EXCLUSIVE");
            break;
        case "VacuumStmt": {
            const full = (n.options ?? []).some((o) => o.DefElem?.defname === "full");
            for (const rel of n.rels ?? [])
                if (rel.VacuumRelation?.relation)
                    add((0,_ast_js__WEBPACK_IMPORTED_MODULE_0__/* .rangeVarKey */ .C5)(rel.VacuumRelation.relation), full ? "ACCESS EXCLUSIVE" : "SHARE UPDATE EXCLUSIVE");
            break;
        }
        case "RefreshMatViewStmt":
            add((0,_ast_js__WEBPACK_IMPORTED_MODULE_0__/* .rangeVarKey */ .C5)(n.relation), n.concurrent ? "EXCLUSIVE" : "ACCESS EXCLUSIVE");
            break;
        case "ReindexStmt":
            if (n.relation) {
                const concurrent = (n.params ?? []).some((o) => o.DefElem?.defname === "concurrently");
                add((0,_ast_js__WEBPACK_IMPORTED_MODULE_0__/* .rangeVarKey */ .C5)(n.relation), concurrent ? "SHARE UPDATE EXCLUSIVE" : "SHARE");
            }
            break;
    }
    return [...locks].map(([table, mode]) => ({ table, mode }));
}


/***/ }),

/***/ 10:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   m6: () => (/* binding */ identifierTokens),
/* harmony export */   tl: () => (/* binding */ parseScript)
/* harmony export */ });
/* unused harmony export LineIndex */
/* harmony import */ var _sql_statements_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(2793);
// A migration script as the real PostgreSQL parser sees it: each statement's AST node and where it
// starts (line/column), where each comma-separated ALTER TABLE command starts, and the comments
// (for ignore directives). Parser and scanner locations are UTF-8 byte offsets; everything here is
// converted to character offsets once.

/** 1-based line and column of character offsets, by binary search over line starts. */
class LineIndex {
    starts = [0];
    constructor(text) {
        for (let i = text.indexOf("\n"); i >= 0; i = text.indexOf("\n", i + 1))
            this.starts.push(i + 1);
    }
    at(offset) {
        let lo = 0;
        let hi = this.starts.length - 1;
        while (lo < hi) {
            const mid = (lo + hi + 1) >> 1;
            if (this.starts[mid] <= offset)
                lo = mid;
            else
                hi = mid - 1;
        }
        return { line: lo + 1, column: offset - this.starts[lo] + 1 };
    }
}
/** Byte offset → character offset; the identity for ASCII scripts (nearly all migrations). */
function byteToChar(text) {
    if (Buffer.byteLength(text, "utf8") === text.length)
        return (b) => b;
    const map = [];
    let char = 0;
    for (const cp of text) {
        const n = Buffer.byteLength(cp, "utf8");
        for (let k = 0; k < n; k++)
            map.push(char);
        char += cp.length;
    }
    map.push(char);
    return (b) => map[Math.min(b, map.length - 1)];
}
/** Skips whitespace and comments: a statement's location includes what precedes it. */
function firstToken(sql, from, to) {
    let i = from;
    for (;;) {
        while (i < to && /\s/.test(sql[i]))
            i++;
        if (sql.startsWith("--", i)) {
            const nl = sql.indexOf("\n", i);
            i = nl < 0 ? to : nl + 1;
        }
        else if (sql.startsWith("/*", i)) {
            const end = sql.indexOf("*/", i + 2);
            i = end < 0 ? to : end + 2;
        }
        else {
            return Math.min(i, to);
        }
    }
}
function codePointsToIndex(text, codePoints) {
    if (!/[\uD800-\uDFFF]/.test(text))
        return codePoints;
    return Array.from(text).slice(0, codePoints).join("").length;
}
let loadedParser;
/**
 * Identifier tokens of a statement as written, with their length in bytes: the parser truncates
 * identifiers to 63 bytes before they reach the AST, so only the scanner sees the original.
 * Call after parseScript (the parser is loaded then).
 */
function identifierTokens(text) {
    if (!loadedParser)
        return [];
    return loadedParser.scanSync(text).tokens
        .filter((t) => t.tokenName === "IDENT")
        .map((t) => {
        const name = t.text.startsWith('"') ? t.text.slice(1, -1).replace(/""/g, '"') : t.text.toLowerCase();
        return { name, bytes: Buffer.byteLength(name, "utf8") };
    });
}
async function parseScript(sql) {
    const parser = await (0,_sql_statements_js__WEBPACK_IMPORTED_MODULE_0__/* .loadParser */ .q)();
    loadedParser = parser;
    const toChar = byteToChar(sql);
    const lines = new LineIndex(sql);
    let result;
    try {
        result = parser.parseSync(sql);
    }
    catch (error) {
        const details = error.sqlDetails;
        // PostgreSQL's error position counts characters (code points), unlike statement locations.
        const offset = codePointsToIndex(sql, details?.cursorPosition ?? 0);
        return { ok: false, message: details?.message ?? error.message, offset, ...lines.at(offset), lines };
    }
    const statements = (result.stmts ?? []).map((s, index) => {
        const from = toChar(s.stmt_location ?? 0);
        const end = s.stmt_len ? toChar((s.stmt_location ?? 0) + s.stmt_len) : sql.length;
        const start = firstToken(sql, from, end);
        const kind = Object.keys(s.stmt)[0];
        return { index, kind, node: s.stmt[kind], start, end, ...lines.at(start), text: sql.slice(start, end).replace(/;\s*$/, ""), parts: [start] };
    });
    for (const stmt of statements) {
        // Only multi-command ALTER TABLEs need their commands located; scanning is the lexer, not a grep.
        if (stmt.kind === "AlterTableStmt" && (stmt.node.cmds?.length ?? 0) > 1)
            stmt.parts = partsOf(parser.scanSync(stmt.text).tokens, stmt);
    }
    // Comments matter only for ignore directives: scan the whole file only when it has one.
    const comments = /migrate-guard-ignore/.test(sql) ? commentsOf(parser.scanSync(sql).tokens, toChar, lines) : [];
    return { ok: true, statements, comments, lines };
}
function partsOf(tokens, stmt) {
    const toChar = byteToChar(stmt.text);
    const parts = [stmt.start];
    let depth = 0;
    let afterComma = false;
    for (const t of tokens) {
        if (t.tokenName === "SQL_COMMENT" || t.tokenName === "C_COMMENT")
            continue;
        if (afterComma) {
            parts.push(stmt.start + toChar(t.start));
            afterComma = false;
        }
        if (t.text === "(" || t.text === "[")
            depth++;
        else if (t.text === ")" || t.text === "]")
            depth--;
        else if (t.text === "," && depth === 0)
            afterComma = true;
    }
    return parts;
}
function commentsOf(tokens, toChar, lines) {
    return tokens
        .filter((t) => t.tokenName === "SQL_COMMENT" || t.tokenName === "C_COMMENT")
        .map((t) => {
        const start = toChar(t.start);
        return { text: t.text, start, end: toChar(t.end), line: lines.at(start).line };
    });
}


/***/ }),

/***/ 8100:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   D: () => (/* binding */ modelOf),
/* harmony export */   K: () => (/* binding */ parsePrismaModels)
/* harmony export */ });
// Just enough of schema.prisma to know which tables and columns Prisma Client still reads: models
// (table name from @@map, @@ignore) and their scalar fields (column from @map, @ignore). Prisma Client
// selects every scalar field of a model by default, so a column is only safe to drop once its field
// is gone from (or @ignore'd in) the deployed schema.
const SCALARS = new Set(["String", "Boolean", "Int", "BigInt", "Float", "Decimal", "DateTime", "Json", "Bytes", "Unsupported"]);
function stripComments(text) {
    return text.replace(/\/\/.*$/gm, "");
}
/** Models by table name. Enums count as scalars (their type names are collected first). */
function parsePrismaModels(schemaText) {
    const text = stripComments(schemaText);
    const enums = new Set([...text.matchAll(/^\s*enum\s+(\w+)\s*\{/gm)].map((m) => m[1]));
    const models = new Map();
    for (const m of text.matchAll(/^\s*model\s+(\w+)\s*\{([^}]*)\}/gm)) {
        const name = m[1];
        const body = m[2];
        const table = /@@map\(\s*(?:name\s*:\s*)?"([^"]+)"/.exec(body)?.[1] ?? name;
        const schema = /@@schema\(\s*"([^"]+)"/.exec(body)?.[1];
        const model = { name, table, ...(schema ? { schema } : {}), ignored: /@@ignore\b/.test(body), fields: new Map() };
        for (const line of body.split("\n")) {
            const f = /^\s*(\w+)\s+(\w+)(\[\])?(\?)?(.*)$/.exec(line);
            if (!f)
                continue;
            const [, fieldName, type, , , rest] = f;
            if (!SCALARS.has(type) && !enums.has(type))
                continue; // a relation field: no column
            const column = /@map\(\s*(?:name\s*:\s*)?"([^"]+)"/.exec(rest)?.[1] ?? fieldName;
            model.fields.set(column, { name: fieldName, column, ignored: /@ignore\b/.test(rest) });
        }
        models.set(schema ? `${schema}.${table}` : table, model);
    }
    return models;
}
/** The model of a table key ("schema.table"), trying the unqualified name for the default schema. */
function modelOf(models, tableKey) {
    const dot = tableKey.indexOf(".");
    return models.get(tableKey) ?? (tableKey.slice(0, dot) === "public" ? models.get(tableKey.slice(dot + 1)) : undefined);
}


/***/ }),

/***/ 9630:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  y0: () => (/* binding */ RULES),
  BD: () => (/* binding */ ruleById),
  Cg: () => (/* binding */ ruleDocUrl)
});

// UNUSED EXPORTS: DOCS_BASE

// EXTERNAL MODULE: ./src/lint/ast.ts
var ast = __nccwpck_require__(4001);
;// CONCATENATED MODULE: ./src/lint/rule-helpers.ts
// What several rules share: ALTER TABLE commands with their own offsets, subjects for matching
// Prisma's warnings, and the "new in this change set" note of destructive rules.

/** The commands of an ALTER TABLE (not ALTER INDEX/VIEW …), each with where it starts. */
function alterCommands(stmt) {
    if (stmt.kind !== "AlterTableStmt" || (stmt.node.objtype && stmt.node.objtype !== "OBJECT_TABLE"))
        return [];
    return (stmt.node.cmds ?? []).map((item, i) => ({ cmd: item.AlterTableCmd, offset: stmt.parts[i] ?? stmt.start }));
}
function alterTarget(stmt) {
    return (0,ast/* rangeVarKey */.C5)(stmt.node.relation);
}
/** "User" / "User.email": table name without schema, as Prisma's warnings name them. */
function subjectOf(tableKey, column) {
    const name = tableKey.slice(tableKey.indexOf(".") + 1);
    return column === undefined ? name : `${name}.${column}`;
}
/** Severity and wording for a change to something created in this same change set. */
function newObjectNote(what) {
    return `${what} is created in this same change set (no rows, no readers yet), so nothing is lost; reported so the change is visible.`;
}
/** Whether the migration, anywhere, drops table `tableKey`. */
function dropsTable(ctx, tableKey) {
    return ctx.script.statements.some((s) => s.kind === "DropStmt" && s.node.removeType === "OBJECT_TABLE" &&
        (s.node.objects ?? []).some((o) => o?.List && rangeVarKeyOfList(o.List.items) === tableKey));
}
function rangeVarKeyOfList(items) {
    const parts = (items ?? []).map((i) => i?.String?.sval ?? "");
    return parts.length > 1 ? `${parts[parts.length - 2]}.${parts[parts.length - 1]}` : `public.${parts[0]}`;
}
/**
 * Columns a CREATE TABLE or ALTER TABLE (ADD COLUMN / ALTER COLUMN TYPE) gives a type matching
 * `isType`, with the offset to report each at: the shape of the "prefer type X" hygiene rules.
 */
function columnsOfType(ctx, isType) {
    const n = ctx.stmt.node;
    const found = [];
    if (ctx.stmt.kind === "CreateStmt") {
        for (const e of n.tableElts ?? [])
            if (e.ColumnDef && isType((0,ast/* columnInfo */.PG)(e.ColumnDef).type))
                found.push({ column: e.ColumnDef.colname, offset: ctx.stmt.start });
        return { table: (0,ast/* rangeVarKey */.C5)(n.relation), found };
    }
    for (const { cmd, offset } of alterCommands(ctx.stmt)) {
        const def = cmd.def?.ColumnDef;
        if (cmd.subtype === "AT_AddColumn" && isType((0,ast/* columnInfo */.PG)(def).type))
            found.push({ column: def.colname, offset });
        if (cmd.subtype === "AT_AlterColumnType" && isType((0,ast/* typeString */.w3)(def?.typeName)))
            found.push({ column: cmd.name, offset });
    }
    return { table: alterTarget(ctx.stmt), found };
}

;// CONCATENATED MODULE: ./src/lint/rules/add-required-column.ts
// ADD COLUMN … NOT NULL without a default on a table that has rows: PostgreSQL cannot fill the
// column, so the migration fails as soon as the table is not empty.


const rule = {
    id: "add-required-column",
    scope: "statement",
    kinds: ["AlterTableStmt"],
    severity: "error",
    class: "data",
    summary: "Adding a NOT NULL column without a default fails on a table that has rows.",
    recipe: "Add the column nullable, or with a constant DEFAULT (instant since PostgreSQL 11). Deploy code that writes it, backfill existing rows in batches, then make it NOT NULL in a later migration (see set-not-null). In Prisma: first make the field optional (`String?`) or give it a `@default(...)`, and make it required in a later migration.",
    check(ctx) {
        const table = alterTarget(ctx.stmt);
        if (!ctx.isExistingTable(table))
            return [];
        const hits = [];
        for (const { cmd, offset } of alterCommands(ctx.stmt)) {
            if (cmd.subtype !== "AT_AddColumn")
                continue;
            const c = (0,ast/* columnInfo */.PG)(cmd.def.ColumnDef);
            if (!c.notNull || c.defaultExpr !== undefined || c.generated)
                continue;
            hits.push({
                offset,
                subjects: [subjectOf(table, c.name)],
                message: `Adding NOT NULL column ${(0,ast/* columnDisplay */.hz)(table, c.name)} without a default fails if ${(0,ast/* display */.Vy)(table)} has any rows. ` +
                    `Add it nullable (or with a DEFAULT), backfill it, then SET NOT NULL in a later migration.`,
            });
        }
        return hits;
    },
};

;// CONCATENATED MODULE: ./src/lint/rules/add-unique-constraint.ts
// A unique index or constraint on columns that already hold data: it fails on the first duplicate,
// and unless built CONCURRENTLY it blocks writes for the whole build.


function existingColumns(ctx, table, columns) {
    return columns.filter((c) => c !== "(expression)" && ctx.isExistingColumn(table, c));
}
const add_unique_constraint_rule = {
    id: "add-unique-constraint",
    scope: "statement",
    kinds: ["IndexStmt", "AlterTableStmt"],
    severity: "warning",
    class: "data",
    summary: "A unique index or constraint on existing columns fails on duplicates and, unless CONCURRENTLY, blocks writes while it builds.",
    recipe: "Look for duplicates first (`SELECT col, count(*) FROM t GROUP BY col HAVING count(*) > 1`). Build the index with `CREATE UNIQUE INDEX CONCURRENTLY` alone in its own migration (Prisma: `prisma migrate dev --create-only`, then edit the file). For a UNIQUE or PRIMARY KEY constraint, attach the finished index afterwards: `ALTER TABLE t ADD CONSTRAINT c UNIQUE USING INDEX i`.",
    check(ctx) {
        const n = ctx.stmt.node;
        const hits = [];
        if (ctx.stmt.kind === "IndexStmt") {
            const table = (0,ast/* rangeVarKey */.C5)(n.relation);
            const cols = (0,ast/* indexColumns */.cW)(n.indexParams);
            if (!n.unique || !ctx.isExistingTable(table) || existingColumns(ctx, table, cols).length === 0)
                return [];
            const lock = n.concurrent ? "" : ` Built without CONCURRENTLY it holds a SHARE lock on ${(0,ast/* display */.Vy)(table)} (blocks writes) for the whole build.`;
            hits.push({
                subjects: [subjectOf(table)],
                message: `Unique index on existing ${(0,ast/* display */.Vy)(table)} (${cols.join(", ")}) fails if duplicate values exist.${lock} ` +
                    `Check for duplicates first, and create it with CREATE UNIQUE INDEX CONCURRENTLY alone in its own migration.`,
            });
            return hits;
        }
        const table = alterTarget(ctx.stmt);
        if (!ctx.isExistingTable(table))
            return [];
        for (const { cmd, offset } of alterCommands(ctx.stmt)) {
            const con = cmd.def?.Constraint;
            if (cmd.subtype !== "AT_AddConstraint" || !["CONSTR_UNIQUE", "CONSTR_PRIMARY"].includes(con?.contype) || con.indexname)
                continue;
            const cols = (0,ast/* strings */.P$)(con.keys);
            if (existingColumns(ctx, table, cols).length === 0)
                continue;
            const kind = con.contype === "CONSTR_PRIMARY" ? "PRIMARY KEY" : "UNIQUE constraint";
            hits.push({
                offset,
                subjects: [subjectOf(table)],
                message: `${kind} on existing ${(0,ast/* display */.Vy)(table)} (${cols.join(", ")}) builds its index under an ACCESS EXCLUSIVE lock (blocks reads and writes) and fails on duplicates${kind === "PRIMARY KEY" ? " or NULLs" : ""}. ` +
                    `Create a unique index CONCURRENTLY in its own migration first, then \`ADD CONSTRAINT … ${kind === "PRIMARY KEY" ? "PRIMARY KEY" : "UNIQUE"} USING INDEX …\`.`,
            });
        }
        return hits;
    },
};

// EXTERNAL MODULE: ./src/lint/locks.ts
var lint_locks = __nccwpck_require__(4505);
;// CONCATENATED MODULE: ./src/lint/rules/blocking-maintenance-command.ts
// Maintenance commands that rewrite or lock a whole table: VACUUM FULL, CLUSTER, REINDEX and
// REFRESH MATERIALIZED VIEW without CONCURRENTLY. They belong in a maintenance window, not a deploy.


const NAMES = { VacuumStmt: "VACUUM FULL", ClusterStmt: "CLUSTER", ReindexStmt: "REINDEX", RefreshMatViewStmt: "REFRESH MATERIALIZED VIEW" };
const blocking_maintenance_command_rule = {
    id: "blocking-maintenance-command",
    scope: "statement",
    kinds: Object.keys(NAMES),
    severity: "warning",
    class: "locking",
    summary: "VACUUM FULL, CLUSTER, REINDEX or REFRESH MATERIALIZED VIEW without CONCURRENTLY locks a whole table in a migration.",
    recipe: "Keep maintenance out of schema migrations. Use `REINDEX \u2026 CONCURRENTLY` and `REFRESH MATERIALIZED VIEW CONCURRENTLY` (it needs a unique index); instead of VACUUM FULL or CLUSTER use pg_repack, or run them in a maintenance window.",
    check(ctx) {
        const locks = (0,lint_locks/* statementLocks */.MI)(ctx.stmt, ctx.state).filter((l) => (l.mode === "ACCESS EXCLUSIVE" || l.mode === "SHARE") && ctx.isExistingTable(l.table));
        if (locks.length === 0)
            return [];
        const tables = locks.map((l) => (0,ast/* display */.Vy)(l.table)).join(", ");
        return [{
                message: `${NAMES[ctx.stmt.kind]} takes ${locks[0].mode} on ${tables} for as long as it runs. ` +
                    `Use the CONCURRENTLY form (REINDEX … CONCURRENTLY, REFRESH MATERIALIZED VIEW CONCURRENTLY, pg_repack instead of VACUUM FULL/CLUSTER) outside the migration.`,
            }];
    },
};

;// CONCATENATED MODULE: ./src/lint/rules/change-column-type.ts
// ALTER COLUMN … TYPE on a live table: it takes ACCESS EXCLUSIVE, and unless the new type is
// binary-compatible it rewrites the whole table (and every index) under that lock, and fails on the
// first value the cast rejects. Readers built for the old type break either way.


function mods(type) {
    const m = /\(([\d,]+)\)$/.exec(type.replace(/\[\]$/, ""));
    return m ? m[1].split(",").map(Number) : undefined;
}
/** Changes PostgreSQL makes without rewriting the table (binary-compatible widenings). */
function metadataOnly(from, to) {
    const arr = (t) => t.endsWith("[]");
    if (arr(from) !== arr(to))
        return false;
    const base = (t) => t.replace(/\[\]$/, "").replace(/\(.*\)$/, "");
    const [bf, bt] = [base(from), base(to)];
    const [mf, mt] = [mods(from), mods(to)];
    if ((bf === "varchar" || bf === "text") && bt === "text")
        return true;
    if (bf === "varchar" && bt === "varchar")
        return mt === undefined || (mf !== undefined && mt[0] >= mf[0]);
    if (bf === "text" && bt === "varchar")
        return mt === undefined;
    if (bf === "numeric" && bt === "numeric")
        return mt === undefined || (mf !== undefined && mt[0] >= mf[0] && (mt[1] ?? 0) === (mf[1] ?? 0));
    if (bf === "varbit" && bt === "varbit")
        return mt === undefined || (mf !== undefined && mt[0] >= mf[0]);
    if (bf === "cidr" && bt === "inet")
        return true;
    return false;
}
const change_column_type_rule = {
    id: "change-column-type",
    scope: "statement",
    kinds: ["AlterTableStmt"],
    severity: "error",
    class: "breaking",
    summary: "Changing a column's type in place rewrites the table under ACCESS EXCLUSIVE, can fail on existing values, and breaks readers.",
    recipe: "Expand and contract: add a new column of the new type, write both columns from the code, backfill the new one in batches, switch reads to it, then drop the old column in three phases. Widening varchar(n) to a larger n or to text, and numeric precision increases, need no rewrite, but still take ACCESS EXCLUSIVE and change what clients see.",
    check(ctx) {
        const table = alterTarget(ctx.stmt);
        const hits = [];
        for (const { cmd, offset } of alterCommands(ctx.stmt)) {
            if (cmd.subtype !== "AT_AlterColumnType")
                continue;
            const name = (0,ast/* columnDisplay */.hz)(table, cmd.name);
            const to = (0,ast/* typeString */.w3)(cmd.def?.ColumnDef?.typeName);
            const from = ctx.state.column(table, cmd.name)?.type;
            const subjects = [subjectOf(table, cmd.name)];
            if (!ctx.isExistingColumn(table, cmd.name)) {
                hits.push({ offset, subjects, severity: "notice", message: `Type of ${name} changes to ${to}. ${newObjectNote(name)}` });
                continue;
            }
            const using = cmd.def?.ColumnDef?.raw_default !== undefined;
            if (from && from === to && !using)
                continue;
            const was = from ? ` from ${from}` : "";
            if (from && !using && metadataOnly(from, to)) {
                hits.push({ offset, subjects, severity: "warning", message: `Type of ${name} changes${was} to ${to} in place: no rewrite, but it takes ACCESS EXCLUSIVE and clients see a new type. Prefer a new column (expand/contract).` });
                continue;
            }
            const tz = from?.startsWith("timestamp") && to.startsWith("timestamptz") ? " (timestamp → timestamptz skips the rewrite only when the session TimeZone is UTC)" : "";
            hits.push({
                offset, subjects,
                message: `Type of ${name} changes${was} to ${to} in place: PostgreSQL rewrites ${(0,ast/* display */.Vy)(table)} and its indexes under ACCESS EXCLUSIVE (blocks reads and writes)${tz}${using ? ", and the USING cast fails the migration on the first value it rejects" : " and fails on any value the cast rejects"}. ` +
                    `Add a new column, backfill it in batches, switch readers, then drop the old one.`,
            });
        }
        return hits;
    },
};

;// CONCATENATED MODULE: ./src/lint/rules/concurrently-in-transaction.ts
function concurrent(kind, n) {
    if (kind === "IndexStmt" || kind === "DropStmt")
        return Boolean(n.concurrent);
    if (kind === "ReindexStmt")
        return (n.params ?? []).some((p) => p.DefElem?.defname === "concurrently");
    return false;
}
const concurrently_in_transaction_rule = {
    id: "concurrently-in-transaction",
    scope: "statement",
    kinds: ["IndexStmt", "DropStmt", "ReindexStmt"],
    severity: "error",
    class: "locking",
    summary: "A CONCURRENTLY statement must be alone in its migration file: Prisma runs a file as one transaction.",
    recipe: "Put each CREATE INDEX CONCURRENTLY / DROP INDEX CONCURRENTLY alone in its own migration file, with no BEGIN/COMMIT and no other statement: Prisma then sends it as a single statement, outside a transaction block. If it fails halfway it leaves an INVALID index: drop it and deploy again.",
    check(ctx) {
        if (!concurrent(ctx.stmt.kind, ctx.stmt.node))
            return [];
        const others = ctx.script.statements.length - 1;
        const explicit = ctx.script.statements.some((s) => s.kind === "TransactionStmt");
        if (others === 0)
            return [];
        return [{
                message: `${ctx.stmt.text.split(/\s+/).slice(0, 3).join(" ")} … CONCURRENTLY shares this migration with ${others} other statement(s)${explicit ? " inside an explicit transaction" : ""}; ` +
                    `PostgreSQL refuses CONCURRENTLY inside a transaction block, and Prisma runs the whole file as one. Move it alone into its own migration file.`,
            }];
    },
};

;// CONCATENATED MODULE: ./src/lint/rules/constraint-not-valid.ts
// ADD CONSTRAINT … FOREIGN KEY / CHECK on a table with rows validates every row while holding its
// lock (SHARE ROW EXCLUSIVE on both tables for a foreign key, ACCESS EXCLUSIVE for a check). Adding
// it NOT VALID is instant; VALIDATE CONSTRAINT later only takes SHARE UPDATE EXCLUSIVE.


const constraint_not_valid_rule = {
    id: "constraint-not-valid",
    scope: "statement",
    kinds: ["AlterTableStmt"],
    severity: "warning",
    class: "locking",
    summary: "A foreign key or check constraint added to an existing table without NOT VALID scans the table under a blocking lock.",
    recipe: "Add the constraint with NOT VALID (instant: only new rows are checked), then run `ALTER TABLE t VALIDATE CONSTRAINT c` in a later migration; validation takes only SHARE UPDATE EXCLUSIVE, so reads and writes continue. In Prisma, edit the generated migration (`--create-only`) to add NOT VALID and put the VALIDATE in the next one.",
    check(ctx) {
        const table = alterTarget(ctx.stmt);
        if (!ctx.isExistingTable(table))
            return [];
        const hits = [];
        for (const { cmd, offset } of alterCommands(ctx.stmt)) {
            let con = cmd.subtype === "AT_AddConstraint" ? cmd.def?.Constraint : undefined;
            let label = con?.conname ? `"${con.conname}"` : "";
            if (cmd.subtype === "AT_AddColumn") {
                const c = (0,ast/* columnInfo */.PG)(cmd.def.ColumnDef);
                if (c.references && !c.references.notValid) {
                    con = { contype: "CONSTR_FOREIGN", pktable: { relname: c.references.table.split(".")[1], schemaname: c.references.table.split(".")[0] } };
                    label = `on new column "${c.name}"`;
                }
            }
            if (!con || con.skip_validation)
                continue;
            if (con.contype === "CONSTR_FOREIGN") {
                const ref = (0,ast/* display */.Vy)((0,ast/* rangeVarKey */.C5)(con.pktable));
                const cols = (0,ast/* strings */.P$)(con.fk_attrs);
                hits.push({
                    offset,
                    message: `Foreign key ${label}${cols.length ? ` (${cols.join(", ")})` : ""} → ${ref} validates every row of existing ${(0,ast/* display */.Vy)(table)} while holding SHARE ROW EXCLUSIVE on ${(0,ast/* display */.Vy)(table)} and ${ref} (blocks writes to both). ` +
                        `Add it with NOT VALID, then \`VALIDATE CONSTRAINT\` in a later migration (it takes only SHARE UPDATE EXCLUSIVE).`,
                });
            }
            else if (con.contype === "CONSTR_CHECK") {
                hits.push({
                    offset,
                    message: `Check constraint ${label} scans every row of existing ${(0,ast/* display */.Vy)(table)} under ACCESS EXCLUSIVE (blocks reads and writes) and fails on the first violating row. ` +
                        `Add it NOT VALID, then \`VALIDATE CONSTRAINT\` in a later migration.`,
                });
            }
        }
        return hits;
    },
};

;// CONCATENATED MODULE: ./src/lint/rules/create-index-non-concurrently.ts
// CREATE INDEX without CONCURRENTLY holds a SHARE lock on the table for the whole build: every
// INSERT, UPDATE and DELETE waits. (Unique indexes are reported by add-unique-constraint.)

const create_index_non_concurrently_rule = {
    id: "create-index-non-concurrently",
    scope: "statement",
    kinds: ["IndexStmt"],
    severity: "warning",
    class: "locking",
    summary: "CREATE INDEX without CONCURRENTLY on an existing table blocks writes for the whole build.",
    recipe: "Use `CREATE INDEX CONCURRENTLY`, alone in its own migration file (Prisma runs a file as one transaction, and CONCURRENTLY refuses to run in one). Create the migration with `prisma migrate dev --create-only` and add CONCURRENTLY by hand; schema.prisma's @@index stays as it is.",
    check(ctx) {
        const n = ctx.stmt.node;
        const table = (0,ast/* rangeVarKey */.C5)(n.relation);
        if (n.concurrent || n.unique || !ctx.isExistingTable(table))
            return [];
        return [{
                message: `CREATE INDEX${n.idxname ? ` "${n.idxname}"` : ""} on existing ${(0,ast/* display */.Vy)(table)} holds a SHARE lock (blocks writes) until the index is built. ` +
                    `Use CREATE INDEX CONCURRENTLY, alone in its own migration file (Prisma runs a file as one transaction; edit the migration created with \`prisma migrate dev --create-only\`).`,
            }];
    },
};

// EXTERNAL MODULE: ./src/lint/prisma-models.ts
var prisma_models = __nccwpck_require__(8100);
;// CONCATENATED MODULE: ./src/lint/phases.ts
// 3-phase enforcement for DROP COLUMN / DROP TABLE. Removing data safely takes three deployments:
//   1. make it unnecessary in the database (column nullable; no foreign keys pointing at the table),
//   2. stop the code from reading it (for Prisma: @ignore the field / @@ignore the model, or delete it),
//   3. only then drop it.
// The evidence for 1 is the base state (migrations on the base branch); for 2 the base branch's
// schema.prisma. "Deployed to production" is a hook (`deployed`) that a production-aware caller can
// fill from the production database's _prisma_migrations; without it, "on the base branch" stands in.


function codePhase(evidence, table, column) {
    if (!evidence.baseModels)
        return "unknown";
    const model = (0,prisma_models/* modelOf */.D)(evidence.baseModels, table);
    if (!model || model.ignored)
        return "done";
    if (column === undefined)
        return "missing";
    const field = model.fields.get(column);
    return !field || field.ignored ? "done" : "missing";
}
function verdict(missing, phase2, unknown) {
    if (missing.length)
        return { severity: "error", explanation: missing.join(" ") };
    if (phase2 === "unknown")
        return { severity: "warning", explanation: `Phase 1 shipped; ${unknown}` };
    return { severity: "notice", explanation: "Phases 1 and 2 shipped on the base branch: the data loss is deliberate." };
}
function deployedNote(evidence, migration) {
    if (!migration || !evidence.deployed)
        return undefined;
    return evidence.deployed(migration) === false ? `Phase 1 (migration ${migration}) is not deployed to production yet: deploy it first.` : undefined;
}
function dropColumnVerdict(ctx, table, column) {
    const col = ctx.state.column(table, column);
    const name = (0,ast/* columnDisplay */.hz)(table, column);
    const missing = [];
    if (col?.notNull) {
        missing.push(`Phase 1 missing: ${name} is NOT NULL. First ship a migration that makes it nullable (\`ALTER TABLE … ALTER COLUMN … DROP NOT NULL\`; in schema.prisma make the field optional) and deploy it everywhere.`);
    }
    else if (col?.nullableSince && ctx.groupOf(col.nullableSince) === ctx.group) {
        missing.push(`Phase 1 is in this same change (${col.nullableSince} makes it nullable): ship and deploy that migration first, then drop in a later one.`);
    }
    else {
        const note = deployedNote(ctx.evidence, col?.nullableSince);
        if (note)
            missing.push(note);
    }
    const phase2 = codePhase(ctx.evidence, table, column);
    if (phase2 === "missing") {
        missing.push(`Phase 2 missing: schema.prisma on the base branch still has the field for ${name}, so deployed Prisma Client selects it and fails once it is gone. Mark the field \`@ignore\` (or remove its code references and the field) and deploy first.`);
    }
    return verdict(missing, phase2, `make sure no deployed code reads ${name} (Prisma: the field must be @ignore'd or removed in the deployed schema) before dropping it.`);
}
function dropTableVerdict(ctx, table, droppedHere) {
    const missing = [];
    // Foreign keys into the table from tables that stay: still there now, or removed only in this change.
    const remaining = ctx.state.foreignKeysInto(table).filter((fk) => !droppedHere.has(fk.from) && ctx.isExistingTable(fk.from));
    const removedNow = ctx.state.data.removedForeignKeys.filter((fk) => fk.to === table && ctx.groupOf(fk.removedIn) === ctx.group && !droppedHere.has(fk.from) && ctx.isExistingTable(fk.from) && ctx.groupOf(fk.createdIn) !== ctx.group);
    const refs = [...remaining, ...removedNow].map((fk) => `${(0,ast/* display */.Vy)(fk.from)} (${fk.name})`);
    if (refs.length) {
        missing.push(`Phase 1 missing: ${[...new Set(refs)].join(", ")} still reference${refs.length === 1 ? "s" : ""} it on the base branch. First ship a migration that drops those foreign keys (and the code that follows them) and deploy it.`);
    }
    const phase2 = codePhase(ctx.evidence, table);
    if (phase2 === "missing") {
        missing.push(`Phase 2 missing: schema.prisma on the base branch still has its model, so deployed code can query it. Mark the model \`@@ignore\` (or remove it and its code) and deploy first.`);
    }
    return verdict(missing, phase2, `make sure no deployed code queries ${(0,ast/* display */.Vy)(table)} (Prisma: the model must be @@ignore'd or removed in the deployed schema) before dropping it.`);
}

;// CONCATENATED MODULE: ./src/lint/rules/drop-column.ts
// DROP COLUMN: data loss, and deployed code that still reads the column breaks (Prisma Client
// selects every field of a model). Allowed only as the third phase, after the column was made
// nullable and the code stopped reading it, each deployed.



const drop_column_rule = {
    id: "drop-column",
    scope: "statement",
    kinds: ["AlterTableStmt"],
    severity: "error",
    class: "destructive",
    summary: "Dropping a column loses its data and breaks deployed code that reads it, unless phases 1 and 2 shipped first.",
    recipe: "Three phases, each deployed before the next. 1: make the column nullable (Prisma: make the field optional) so new code can stop writing it. 2: stop reading it: remove the code references and mark the field `@ignore` in schema.prisma (Prisma Client otherwise selects it on every query), or remove the field. 3: drop the column. migrate-guard checks phase 1 against the base branch's migrations and phase 2 against the base branch's schema.prisma.",
    check(ctx) {
        const table = alterTarget(ctx.stmt);
        const hits = [];
        for (const { cmd, offset } of alterCommands(ctx.stmt)) {
            if (cmd.subtype !== "AT_DropColumn")
                continue;
            const name = (0,ast/* columnDisplay */.hz)(table, cmd.name);
            const subjects = [subjectOf(table, cmd.name)];
            if (!ctx.isExistingColumn(table, cmd.name)) {
                hits.push({ offset, subjects, severity: "notice", message: `Drops ${name}. ${newObjectNote(name)}` });
                continue;
            }
            const v = dropColumnVerdict(ctx, table, cmd.name);
            hits.push({ offset, subjects, severity: v.severity, message: `Dropping ${name} deletes its data. ${v.explanation}` });
        }
        return hits;
    },
};

;// CONCATENATED MODULE: ./src/lint/rules/drop-database.ts
const drop_database_rule = {
    id: "drop-database",
    scope: "statement",
    kinds: ["DropdbStmt"],
    severity: "error",
    class: "destructive",
    summary: "DROP DATABASE in a migration deletes a whole database.",
    recipe: "Never drop a database from a migration. If a database must go, do it by hand after a backup, outside the deploy pipeline.",
    check(ctx) {
        return [{ message: `DROP DATABASE "${ctx.stmt.node.dbname}" deletes the whole database. A migration must never do this; do it by hand, deliberately, if at all.` }];
    },
};

;// CONCATENATED MODULE: ./src/lint/rules/drop-enum-value.ts
// Removing values from an enum that existing rows may hold. PostgreSQL has no DROP VALUE, so tools
// (Prisma included) recreate the type: new type, ALTER COLUMN … TYPE new USING text cast, drop the
// old one. The cast fails on any row that still holds a removed value, and rewrites each table.
// Detected from the model (an existing enum lost values across the migration) and from Prisma's header.

const drop_enum_value_rule = {
    id: "drop-enum-value",
    scope: "migration",
    severity: "error",
    class: "destructive",
    summary: "Removing enum values fails on rows that still hold them and breaks code that writes them.",
    recipe: "First stop writing the value (deploy), then update the rows that hold it to another value in batches, then recreate the enum without it in a later migration. Expect the recreation to rewrite every table that uses the enum: do it for small tables only, or keep the value and stop using it.",
    check(ctx) {
        const hits = [];
        const reported = new Set();
        for (const [k, before] of Object.entries(ctx.enumsAtStart)) {
            if (ctx.groupOf(before.createdIn) === ctx.group)
                continue;
            const after = ctx.state.enumType(k);
            if (!after)
                continue; // dropped entirely: no column can still use it
            const removed = before.values.filter((v) => !after.values.includes(v));
            if (removed.length === 0)
                continue;
            const name = k.slice(k.indexOf(".") + 1);
            // Anchor at the statement that put the new type in place (RENAME … TO the enum's name).
            const at = ctx.script.statements.find((s) => s.kind === "RenameStmt" && s.node.renameType === "OBJECT_TYPE" && s.node.newname === name) ??
                ctx.script.statements.find((s) => s.kind === "AlterEnumStmt" && (0,ast/* listKey */.Ux)(s.node.typeName) === k);
            reported.add(name);
            hits.push({ ...(at ? { offset: at.start } : {}), subjects: [name], message: message((0,ast/* display */.Vy)(k), removed) });
        }
        for (const w of ctx.prismaWarnings) {
            if (w.kind !== "drop-enum-values" || !w.enumName || reported.has(w.enumName))
                continue;
            const before = ctx.enumsAtStart[(0,ast/* key */.Eb)(undefined, w.enumName)];
            if (before && ctx.groupOf(before.createdIn) === ctx.group)
                continue; // new in this change set: no rows hold it
            hits.push({ offset: w.offset, subjects: [w.enumName], message: message(`"${w.enumName}"`, w.values ?? []) });
        }
        return hits;
    },
};
function message(name, removed) {
    return `Removes value(s) ${removed.map((v) => `'${v}'`).join(", ")} from enum ${name}: the migration fails if any row still holds one, rewrites every table that uses the enum, and deployed code that writes them breaks. ` +
        `First stop writing the values and migrate the rows (deploy), then remove them.`;
}

;// CONCATENATED MODULE: ./src/lint/rules/drop-foreign-key.ts
// Dropping a foreign key (Atlas CD101): PostgreSQL stops guaranteeing the relation, and rows that
// point nowhere can appear. Not reported when the same migration re-creates it (Prisma changes ON
// DELETE that way) or drops the column/table anyway (drop-column / drop-table report that).


function recreated(ctx, table, name, columns) {
    return ctx.script.statements.some((s) => s.index > ctx.stmt.index && s.kind === "AlterTableStmt" && (0,ast/* rangeVarKey */.C5)(s.node.relation) === table &&
        alterCommands(s).some(({ cmd }) => {
            const con = cmd.def?.Constraint;
            return cmd.subtype === "AT_AddConstraint" && con?.contype === "CONSTR_FOREIGN" && (con.conname === name || (0,ast/* strings */.P$)(con.fk_attrs).join(",") === columns.join(","));
        }));
}
function columnDropped(ctx, table, columns) {
    return ctx.script.statements.some((s) => s.kind === "AlterTableStmt" && (0,ast/* rangeVarKey */.C5)(s.node.relation) === table &&
        alterCommands(s).some(({ cmd }) => cmd.subtype === "AT_DropColumn" && columns.includes(cmd.name)));
}
const drop_foreign_key_rule = {
    id: "drop-foreign-key",
    scope: "statement",
    kinds: ["AlterTableStmt"],
    severity: "warning",
    class: "destructive",
    summary: "Dropping a foreign key stops PostgreSQL from enforcing the relation.",
    recipe: "Keep foreign keys unless the relation itself is going away; then drop the referencing column in three phases (drop-column), which removes the constraint with it. To change ON DELETE/ON UPDATE, drop and re-add the constraint in the same migration (re-add it NOT VALID and validate later).",
    check(ctx) {
        const table = alterTarget(ctx.stmt);
        if (!ctx.isExistingTable(table) || dropsTable(ctx, table))
            return [];
        const hits = [];
        for (const { cmd, offset } of alterCommands(ctx.stmt)) {
            if (cmd.subtype !== "AT_DropConstraint")
                continue;
            const fk = ctx.state.table(table)?.foreignKeys[cmd.name];
            if (!fk || ctx.groupOf(fk.createdIn) === ctx.group)
                continue;
            if (recreated(ctx, table, fk.name, fk.columns) || columnDropped(ctx, table, fk.columns) || dropsTable(ctx, fk.to))
                continue;
            hits.push({
                offset,
                message: `Dropping foreign key "${fk.name}" (${(0,ast/* display */.Vy)(table)}.${fk.columns.join(", ")} → ${(0,ast/* display */.Vy)(fk.to)}) lets rows point at ${(0,ast/* display */.Vy)(fk.to)} rows that do not exist. ` +
                    `If the relation is going away, drop the column (three phases); if not, keep the constraint.`,
            });
        }
        return hits;
    },
};

;// CONCATENATED MODULE: ./src/lint/rules/drop-index-non-concurrently.ts
// DROP INDEX without CONCURRENTLY takes ACCESS EXCLUSIVE on the index's table: it waits for every
// running query on the table and blocks all new ones (reads too) behind it.

const drop_index_non_concurrently_rule = {
    id: "drop-index-non-concurrently",
    scope: "statement",
    kinds: ["DropStmt"],
    severity: "warning",
    class: "locking",
    summary: "DROP INDEX without CONCURRENTLY takes ACCESS EXCLUSIVE on the table.",
    recipe: "Use `DROP INDEX CONCURRENTLY`, alone in its own migration file. Make sure no query plan still needs the index (check pg_stat_user_indexes.idx_scan) before dropping it.",
    check(ctx) {
        const n = ctx.stmt.node;
        if (n.removeType !== "OBJECT_INDEX" || n.concurrent)
            return [];
        const hits = [];
        for (const obj of n.objects ?? []) {
            const k = (0,ast/* dropObjectKey */.el)(obj);
            const index = ctx.state.index(k);
            if (index && (ctx.groupOf(index.createdIn) === ctx.group || !ctx.isExistingTable(index.table)))
                continue;
            const on = index ? ` on existing ${(0,ast/* display */.Vy)(index.table)}` : "";
            hits.push({
                message: `DROP INDEX ${(0,ast/* display */.Vy)(k)}${on} takes ACCESS EXCLUSIVE (blocks reads and writes) while it waits for running queries. ` +
                    `Use DROP INDEX CONCURRENTLY, alone in its own migration file.`,
            });
        }
        return hits;
    },
};

;// CONCATENATED MODULE: ./src/lint/rules/drop-not-null.ts
// DROP NOT NULL on a live column: readers that assume a value start seeing NULL. It is also phase 1
// of dropping a column, which is fine once the code handles NULL.


const drop_not_null_rule = {
    id: "drop-not-null",
    scope: "statement",
    kinds: ["AlterTableStmt"],
    severity: "warning",
    class: "breaking",
    summary: "Dropping NOT NULL lets NULLs reach readers that assume a value.",
    recipe: "Ship code that handles NULL in this column before the migration that drops NOT NULL. As phase 1 of dropping a column, this is the right first step: deploy it everywhere, then remove the code that reads the column.",
    check(ctx) {
        const table = alterTarget(ctx.stmt);
        const hits = [];
        for (const { cmd, offset } of alterCommands(ctx.stmt)) {
            if (cmd.subtype !== "AT_DropNotNull" || !ctx.isExistingColumn(table, cmd.name))
                continue;
            hits.push({
                offset,
                message: `${(0,ast/* columnDisplay */.hz)(table, cmd.name)} becomes nullable: deployed code that assumes a value will read NULL once anything writes one. ` +
                    `Ship code that handles NULL first. (As phase 1 of dropping the column this is the right step.)`,
            });
        }
        return hits;
    },
};

;// CONCATENATED MODULE: ./src/lint/rules/drop-schema.ts
const drop_schema_rule = {
    id: "drop-schema",
    scope: "statement",
    kinds: ["DropStmt"],
    severity: "error",
    class: "destructive",
    summary: "DROP SCHEMA deletes every table and type in the schema.",
    recipe: "Drop the objects in the schema one by one, each table through the three phases (drop-table); drop the empty schema last, without CASCADE.",
    check(ctx) {
        const n = ctx.stmt.node;
        if (n.removeType !== "OBJECT_SCHEMA")
            return [];
        const names = (n.objects ?? []).map((o) => `"${o.String?.sval ?? "?"}"`).join(", ");
        const cascade = n.behavior === "DROP_CASCADE" ? " CASCADE drops every table, type and function in it, with their data." : " It fails unless the schema is empty; with CASCADE it would delete everything in it.";
        return [{ message: `DROP SCHEMA ${names}.${cascade} Drop the objects one by one, each through the three phases.` }];
    },
};

;// CONCATENATED MODULE: ./src/lint/rules/drop-table.ts
// DROP TABLE: all of its data is gone, and deployed code that queries it breaks. Allowed only as the
// third phase: no foreign keys from existing tables point at it, and the code no longer uses it.



const drop_table_rule = {
    id: "drop-table",
    scope: "statement",
    kinds: ["DropStmt"],
    severity: "error",
    class: "destructive",
    summary: "Dropping a table loses its data and breaks deployed code that queries it, unless phases 1 and 2 shipped first.",
    recipe: "Three phases, each deployed before the next. 1: drop the foreign keys that point at the table from other tables (and the code that follows them). 2: stop using it: remove the code and mark the model `@@ignore` in schema.prisma, or remove the model. 3: drop the table. migrate-guard checks phase 1 against the base branch's migrations and phase 2 against the base branch's schema.prisma.",
    check(ctx) {
        const n = ctx.stmt.node;
        if (n.removeType !== "OBJECT_TABLE")
            return [];
        const tables = (n.objects ?? []).map(ast/* dropObjectKey */.el);
        // Tables dropped by this migration do not keep each other alive.
        const droppedHere = new Set(ctx.script.statements.filter((s) => s.kind === "DropStmt" && s.node.removeType === "OBJECT_TABLE").flatMap((s) => (s.node.objects ?? []).map(ast/* dropObjectKey */.el)));
        const hits = [];
        for (const table of tables) {
            const subjects = [subjectOf(table)];
            if (n.missing_ok && ctx.completeHistory && !ctx.state.table(table)) {
                hits.push({ subjects, severity: "notice", message: `DROP TABLE IF EXISTS ${(0,ast/* display */.Vy)(table)}: no migration before this one creates it, so this is a no-op (unless it was created outside the migrations).` });
                continue;
            }
            if (!ctx.isExistingTable(table)) {
                hits.push({ subjects, severity: "notice", message: `Drops ${(0,ast/* display */.Vy)(table)}. ${newObjectNote((0,ast/* display */.Vy)(table))}` });
                continue;
            }
            const v = dropTableVerdict(ctx, table, droppedHere);
            const cascade = n.behavior === "DROP_CASCADE" ? " CASCADE also drops every view and foreign key that depends on it, silently." : "";
            hits.push({ subjects, severity: v.severity, message: `Dropping ${(0,ast/* display */.Vy)(table)} deletes all of its rows.${cascade} ${v.explanation}` });
        }
        return hits;
    },
};

// EXTERNAL MODULE: ./src/lint/parse.ts
var parse = __nccwpck_require__(10);
;// CONCATENATED MODULE: ./src/lint/rules/identifier-too-long.ts
// PostgreSQL truncates identifiers to 63 bytes (NAMEDATALEN - 1) with only a NOTICE: two long
// names that share a prefix collide, and the name in the database differs from the one written. The
// parser has already truncated the names in the AST, so a name that reaches the limit sends the rule
// to the scanner's tokens for the name as written.



/** Names a statement defines (not the ones it only refers to). */
function definedNames(kind, n) {
    switch (kind) {
        case "CreateStmt": return [n.relation?.relname, ...(n.tableElts ?? []).map((e) => e.ColumnDef?.colname ?? e.Constraint?.conname)];
        case "IndexStmt": return [n.idxname];
        case "CreateEnumStmt": return [(0,ast/* listKey */.Ux)(n.typeName).split(".").pop()];
        case "RenameStmt": return [n.newname];
        default: return [];
    }
}
const AT_LIMIT = 60; // a truncated name is 63 bytes, or a little less when cut before a multi-byte character
const identifier_too_long_rule = {
    id: "identifier-too-long",
    scope: "statement",
    kinds: ["CreateStmt", "IndexStmt", "CreateEnumStmt", "RenameStmt", "AlterTableStmt"],
    severity: "warning",
    class: "hygiene",
    summary: "An identifier longer than 63 bytes is silently truncated by PostgreSQL.",
    recipe: "Keep identifiers at 63 bytes or less. In Prisma, name long indexes, unique constraints and foreign keys explicitly with `map: \"...\"` on @@index, @@unique, @unique and @relation, or shorten the model/field names with @@map/@map.",
    check(ctx) {
        const names = definedNames(ctx.stmt.kind, ctx.stmt.node);
        for (const { cmd } of alterCommands(ctx.stmt))
            names.push(cmd.def?.ColumnDef?.colname ?? cmd.def?.Constraint?.conname);
        const truncated = new Set(names.filter((n) => n !== undefined && Buffer.byteLength(n, "utf8") >= AT_LIMIT));
        if (truncated.size === 0)
            return [];
        const long = (0,parse/* identifierTokens */.m6)(ctx.stmt.text).filter((t) => t.bytes > 63 && [...truncated].some((n) => t.name.startsWith(n)));
        return [...new Map(long.map((t) => [t.name, t])).values()].map((t) => ({
            message: `Identifier "${t.name}" is ${t.bytes} bytes; PostgreSQL truncates it to 63, so the name in the database differs from the one written here (and may collide with another). ` +
                `Choose a shorter name (Prisma: \`map:\` on @@index/@@unique/@relation, or @map/@@map).`,
        }));
    },
};

;// CONCATENATED MODULE: ./src/lint/rules/ignore-without-reason.ts
const ignore_without_reason_rule = {
    id: "ignore-without-reason",
    scope: "builtin",
    severity: "error",
    class: "meta",
    summary: "A migrate-guard-ignore directive needs a reason after a colon.",
    recipe: "Write the reason after a colon: `-- migrate-guard-ignore drop-column: column unused since v2.3, dropped after phase 2`. Reviewers read it; the directive suppresses nothing without one.",
};

// EXTERNAL MODULE: ./src/lint/rules/measured-lock.ts
var measured_lock = __nccwpck_require__(241);
;// CONCATENATED MODULE: ./src/lint/rules/missing-lock-timeout.ts
// A statement that needs ACCESS EXCLUSIVE on a busy table waits behind every running query, and
// every query that arrives after it waits behind it: the table is down until the lock is granted.
// `SET lock_timeout` makes the migration fail fast instead (and it can be retried).

/** `SET [LOCAL] lock_timeout …` or `SELECT set_config('lock_timeout', …)`, other than 0 (= no timeout). */
function setsLockTimeout(stmt) {
    const n = stmt.node;
    if (stmt.kind === "VariableSetStmt") {
        if (n.name !== "lock_timeout" || n.kind !== "VAR_SET_VALUE")
            return false;
        const arg = n.args?.[0]?.A_Const;
        return !(arg?.ival !== undefined && (arg.ival.ival ?? 0) === 0) && arg?.sval?.sval !== "0";
    }
    if (stmt.kind === "SelectStmt") {
        return (n.targetList ?? []).some((t) => {
            const fc = t.ResTarget?.val?.FuncCall;
            return fc && (0,ast/* strings */.P$)(fc.funcname).at(-1) === "set_config" && fc.args?.[0]?.A_Const?.sval?.sval === "lock_timeout";
        });
    }
    return false;
}
const missing_lock_timeout_rule = {
    id: "missing-lock-timeout",
    scope: "migration",
    severity: "warning",
    class: "locking",
    summary: "A migration that takes ACCESS EXCLUSIVE on an existing table should set lock_timeout first.",
    recipe: "Start the migration with `SET lock_timeout = '5s';` (pick what the application tolerates). The statement then fails after that long instead of queueing everyone behind it; retry the deploy at a quieter moment. It stays in effect for the rest of the migration.",
    check(ctx) {
        const first = ctx.locks.find((l) => l.existing && l.mode === "ACCESS EXCLUSIVE");
        if (!first)
            return [];
        const setBefore = ctx.script.statements.some((s) => s.index < first.stmt.index && setsLockTimeout(s));
        if (setBefore)
            return [];
        const tables = [...new Set(ctx.locks.filter((l) => l.existing && l.mode === "ACCESS EXCLUSIVE").map((l) => (0,ast/* display */.Vy)(l.table)))];
        return [{
                offset: first.stmt.start,
                message: `Takes ACCESS EXCLUSIVE on existing ${tables.join(", ")} with no lock_timeout: while it waits for a long-running query, every read and write of ${tables.length === 1 ? "that table" : "those tables"} queues behind it. ` +
                    `Start the migration with \`SET lock_timeout = '5s';\` so it fails fast (and can be retried) instead.`,
            }];
    },
};

;// CONCATENATED MODULE: ./src/lint/rules/parse-error.ts
const parse_error_rule = {
    id: "parse-error",
    scope: "builtin",
    severity: "error",
    class: "meta",
    summary: "The migration is not valid PostgreSQL SQL.",
    recipe: "Fix the SQL: run it against a scratch database (`migrate-guard verify` does) and correct the statement at the reported position.",
};

;// CONCATENATED MODULE: ./src/lint/rules/prefer-bigint-key.ts
// A new integer primary key runs out at 2,147,483,647 rows; widening it later rewrites the table and
// every referencing one. bigint (Prisma: BigInt @default(autoincrement())) costs 4 bytes per row.


const SMALL = new Set(["integer", "smallint", "serial", "smallserial"]);
const prefer_bigint_key_rule = {
    id: "prefer-bigint-key",
    scope: "statement",
    kinds: ["CreateStmt", "AlterTableStmt"],
    severity: "warning",
    class: "hygiene",
    summary: "New integer primary keys should be bigint (or bigint identity): int runs out at 2^31.",
    recipe: "Use bigint keys: `id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY`, or in Prisma `id BigInt @id @default(autoincrement())`. String ids (cuid, uuid) need nothing.",
    check(ctx) {
        const n = ctx.stmt.node;
        const hits = [];
        if (ctx.stmt.kind === "CreateStmt") {
            const table = (0,ast/* rangeVarKey */.C5)(n.relation);
            const cols = (n.tableElts ?? []).filter((e) => e.ColumnDef).map((e) => (0,ast/* columnInfo */.PG)(e.ColumnDef));
            const pk = (n.tableElts ?? []).map((e) => e.Constraint).find((c) => c?.contype === "CONSTR_PRIMARY");
            const pkCols = pk ? (0,ast/* strings */.P$)(pk.keys) : cols.filter((c) => c.primaryKey).map((c) => c.name);
            if (pkCols.length !== 1)
                return [];
            const col = cols.find((c) => c.name === pkCols[0]);
            if (col && SMALL.has(col.type))
                hits.push({ message: prefer_bigint_key_message(`${(0,ast/* display */.Vy)(table)}."${col.name}"`, col.type) });
            return hits;
        }
        const table = alterTarget(ctx.stmt);
        for (const { cmd, offset } of alterCommands(ctx.stmt)) {
            if (cmd.subtype !== "AT_AddColumn")
                continue;
            const c = (0,ast/* columnInfo */.PG)(cmd.def.ColumnDef);
            if (c.primaryKey && SMALL.has(c.type))
                hits.push({ offset, message: prefer_bigint_key_message(`${(0,ast/* display */.Vy)(table)}."${c.name}"`, c.type) });
        }
        return hits;
    },
};
function prefer_bigint_key_message(column, type) {
    return `Primary key ${column} is ${type}: it runs out at ${type.startsWith("small") ? "32,767" : "2,147,483,647"}, and widening it later rewrites the table and every table that references it. ` +
        `Use bigint (\`bigint GENERATED ALWAYS AS IDENTITY\`; Prisma: \`BigInt @id @default(autoincrement())\`).`;
}

;// CONCATENATED MODULE: ./src/lint/rules/prefer-jsonb.ts
// json stores the text as written and re-parses it on every access; it has no equality operator (so
// no DISTINCT, GROUP BY or unique index) and no GIN indexing. jsonb is what Prisma's Json maps to.


const isJson = (type) => type.replace(/\[\]$/, "") === "json";
const prefer_jsonb_rule = {
    id: "prefer-jsonb",
    scope: "statement",
    kinds: ["CreateStmt", "AlterTableStmt"],
    severity: "warning",
    class: "hygiene",
    summary: "Use jsonb, not json, for new columns.",
    recipe: "Use jsonb (Prisma's Json type maps to jsonb by default; remove `@db.Json`). To convert an existing column, see change-column-type: it rewrites the table.",
    check(ctx) {
        const { table, found } = columnsOfType(ctx, isJson);
        if (found.length === 0)
            return [];
        return [{
                offset: found[0].offset,
                message: `${found.map((f) => `${(0,ast/* display */.Vy)(table)}."${f.column}"`).join(", ")} ${found.length === 1 ? "is" : "are"} json: re-parsed on every read, no equality (DISTINCT, GROUP BY, unique) and no GIN index. Use jsonb.`,
            }];
    },
};

;// CONCATENATED MODULE: ./src/lint/rules/prefer-timestamptz.ts
// timestamp (without time zone) stores wall-clock readings with no zone: values written from servers
// or sessions in different zones are silently inconsistent. Prisma's DateTime maps to timestamp(3)
// unless the field says @db.Timestamptz.


const isTimestamp = (type) => /^timestamp(\(\d+\))?(\[\])?$/.test(type);
const prefer_timestamptz_rule = {
    id: "prefer-timestamptz",
    scope: "statement",
    kinds: ["CreateStmt", "AlterTableStmt"],
    severity: "warning",
    class: "hygiene",
    summary: "Use timestamptz, not timestamp without time zone, for new columns.",
    recipe: "Use timestamptz for new columns (Prisma: `DateTime @db.Timestamptz(3)`). It stores an instant; each session sees it in its own TimeZone. Converting an existing column rewrites the table unless the session TimeZone is UTC (see change-column-type).",
    check(ctx) {
        const { table, found } = columnsOfType(ctx, isTimestamp);
        if (found.length === 0)
            return [];
        const cols = found.map((f) => `"${f.column}"`).join(", ");
        return [{
                offset: found[0].offset,
                message: `${(0,ast/* display */.Vy)(table)} ${cols} ${found.length === 1 ? "is" : "are"} timestamp without time zone: the value carries no zone, so readings from sessions in other zones disagree. ` +
                    `Use timestamptz (Prisma: \`DateTime @db.Timestamptz(3)\`).`,
            }];
    },
};

// EXTERNAL MODULE: ./src/lint/rules/prisma-data-loss-warning.ts
var prisma_data_loss_warning = __nccwpck_require__(2497);
;// CONCATENATED MODULE: ./src/lint/rules/prisma-rename-pattern.ts
// Prisma cannot tell a rename from a drop plus an add: renaming a field (without @map) generates
// DROP COLUMN "old" + ADD COLUMN "new" of the same type, and the data of "old" is gone. Reported at
// the ADD COLUMN, pairing each added column with a dropped one of the same type on the same table.


const prisma_rename_pattern_rule = {
    id: "prisma-rename-pattern",
    scope: "statement",
    kinds: ["AlterTableStmt"],
    severity: "error",
    class: "breaking",
    summary: "DROP COLUMN + ADD COLUMN of the same type in one migration is a rename that loses the data.",
    recipe: "To rename a field only in Prisma Client, keep the column: rename the field and add `@map(\"old_name\")` (for a model, `@@map`). To rename the column itself, expand and contract: add the new column, write both, backfill, switch reads, then drop the old one in three phases. `prisma migrate dev --create-only` lets you replace the generated DROP/ADD with that.",
    check(ctx) {
        const table = alterTarget(ctx.stmt);
        if (!ctx.isExistingTable(table))
            return [];
        // Existing columns of this table dropped earlier in the migration, then in this statement.
        const dropped = ctx.state.droppedColumns
            .filter((d) => d.table === table && ctx.groupOf(d.column.createdIn) !== ctx.group)
            .map((d) => ({ name: d.column.name, type: d.column.type }));
        const hits = [];
        for (const { cmd, offset } of alterCommands(ctx.stmt)) {
            if (cmd.subtype === "AT_DropColumn" && ctx.isExistingColumn(table, cmd.name)) {
                const type = ctx.state.column(table, cmd.name)?.type;
                if (type)
                    dropped.push({ name: cmd.name, type });
            }
            if (cmd.subtype !== "AT_AddColumn")
                continue;
            const c = (0,ast/* columnInfo */.PG)(cmd.def.ColumnDef);
            const i = dropped.findIndex((d) => d.type === c.type && d.name !== c.name);
            if (i < 0)
                continue;
            const old = dropped.splice(i, 1)[0];
            hits.push({
                offset,
                subjects: [subjectOf(table, old.name)],
                message: `Looks like a rename of ${(0,ast/* columnDisplay */.hz)(table, old.name)} to "${c.name}" (${c.type}): this migration drops the old column and adds an empty new one, so the data is lost. ` +
                    `To rename in Prisma keep the column (\`@map("${old.name}")\` on the renamed field); to really move it, add the new column, backfill, switch code, then drop the old one in three phases.`,
            });
        }
        return hits;
    },
};

;// CONCATENATED MODULE: ./src/lint/rules/rename-column.ts
// RENAME COLUMN is instant, and that is the problem: every deployed reader and writer of the old
// name fails the moment the migration commits.


const rename_column_rule = {
    id: "rename-column",
    scope: "statement",
    kinds: ["RenameStmt"],
    severity: "error",
    class: "breaking",
    summary: "Renaming a column breaks every deployed query that uses the old name.",
    recipe: "Keep the database name and rename only in Prisma (`@map(\"old_name\")` on the renamed field). To rename the column itself: add the new column, write both from the code, backfill, switch reads, then drop the old column in three phases.",
    check(ctx) {
        const n = ctx.stmt.node;
        if (n.renameType !== "OBJECT_COLUMN" || !n.relation)
            return [];
        const table = (0,ast/* rangeVarKey */.C5)(n.relation);
        const old = (0,ast/* columnDisplay */.hz)(table, n.subname);
        const subjects = [subjectOf(table, n.subname)];
        if (!ctx.isExistingColumn(table, n.subname))
            return [{ subjects, severity: "notice", message: `Renames ${old} to "${n.newname}". ${newObjectNote(old)}` }];
        return [{
                subjects,
                message: `Renaming ${old} to "${n.newname}" breaks every deployed query that uses the old name, the moment it commits. ` +
                    `In Prisma, rename the field and keep the column with \`@map("${n.subname}")\`; to rename the column itself, add the new one, write both, backfill, switch reads, then drop the old one.`,
            }];
    },
};

;// CONCATENATED MODULE: ./src/lint/rules/rename-enum-value.ts
// ALTER TYPE … RENAME VALUE: rows follow the new label at once, and deployed code that writes or
// compares the old label fails ("invalid input value for enum").

const rename_enum_value_rule = {
    id: "rename-enum-value",
    scope: "statement",
    kinds: ["AlterEnumStmt"],
    severity: "error",
    class: "breaking",
    summary: "Renaming an enum value breaks deployed code that writes or compares the old value.",
    recipe: "Add the new value (`ALTER TYPE \u2026 ADD VALUE`), deploy code that writes the new value and accepts both, update the rows in batches, then stop accepting the old value (and remove it later, see drop-enum-value).",
    check(ctx) {
        const n = ctx.stmt.node;
        if (!n.oldVal)
            return [];
        const k = (0,ast/* listKey */.Ux)(n.typeName);
        const e = ctx.state.enumType(k);
        if (e && ctx.groupOf(e.createdIn) === ctx.group)
            return [];
        return [{
                subjects: [k.slice(k.indexOf(".") + 1)],
                message: `Renaming value '${n.oldVal}' of enum ${(0,ast/* display */.Vy)(k)} to '${n.newVal}' breaks deployed code that writes or compares '${n.oldVal}' the moment it commits. ` +
                    `Add the new value, ship code that writes it and accepts both, migrate the rows, then retire the old one.`,
            }];
    },
};

;// CONCATENATED MODULE: ./src/lint/rules/rename-table.ts
// RENAME TABLE: every deployed query that names the old table fails the moment it commits.


const rename_table_rule = {
    id: "rename-table",
    scope: "statement",
    kinds: ["RenameStmt"],
    severity: "error",
    class: "breaking",
    summary: "Renaming a table breaks every deployed query that uses the old name.",
    recipe: "Keep the table name and rename only in Prisma (`@@map(\"OldName\")` on the renamed model). To rename the table itself: rename it and create a view with the old name in the same migration, deploy code that uses the new name, then drop the view.",
    check(ctx) {
        const n = ctx.stmt.node;
        if (n.renameType !== "OBJECT_TABLE" || !n.relation)
            return [];
        const table = (0,ast/* rangeVarKey */.C5)(n.relation);
        const to = (0,ast/* display */.Vy)((0,ast/* key */.Eb)(n.relation.schemaname, n.newname));
        const subjects = [subjectOf(table)];
        if (!ctx.isExistingTable(table))
            return [{ subjects, severity: "notice", message: `Renames ${(0,ast/* display */.Vy)(table)} to ${to}. ${newObjectNote((0,ast/* display */.Vy)(table))}` }];
        return [{
                subjects,
                message: `Renaming ${(0,ast/* display */.Vy)(table)} to ${to} breaks every deployed query that uses the old name, the moment it commits. ` +
                    `In Prisma, rename the model and keep the table with \`@@map("${n.relation.relname}")\`; to rename the table itself, create a view with the old name during the transition, or copy in phases.`,
            }];
    },
};

;// CONCATENATED MODULE: ./src/lint/rules/set-not-null.ts
// SET NOT NULL scans the whole table under ACCESS EXCLUSIVE (blocks reads and writes) and fails on
// the first NULL. Since PostgreSQL 12 a valid CHECK (col IS NOT NULL) constraint lets it skip the scan.


const set_not_null_rule = {
    id: "set-not-null",
    scope: "statement",
    kinds: ["AlterTableStmt"],
    severity: "warning",
    class: "data",
    summary: "SET NOT NULL on an existing column scans the table under ACCESS EXCLUSIVE and fails on NULLs.",
    recipe: "Backfill the NULLs first (in batches). Then add `CHECK (col IS NOT NULL) NOT VALID`, validate it in a later migration (SHARE UPDATE EXCLUSIVE only), and run SET NOT NULL after that: PostgreSQL 12+ uses the validated check and skips the scan. Drop the check afterwards.",
    check(ctx) {
        const table = alterTarget(ctx.stmt);
        const hits = [];
        for (const { cmd, offset } of alterCommands(ctx.stmt)) {
            if (cmd.subtype !== "AT_SetNotNull" || !ctx.isExistingColumn(table, cmd.name))
                continue;
            const col = (0,ast/* columnDisplay */.hz)(table, cmd.name);
            hits.push({
                offset,
                subjects: [subjectOf(table, cmd.name)],
                message: `SET NOT NULL on ${col} scans all of ${(0,ast/* display */.Vy)(table)} under ACCESS EXCLUSIVE (blocks reads and writes) and fails on the first NULL. ` +
                    `Backfill first; then add \`CHECK ("${cmd.name}" IS NOT NULL) NOT VALID\`, VALIDATE it in a later migration, and SET NOT NULL after that (PostgreSQL 12+ skips the scan).`,
            });
        }
        return hits;
    },
};

;// CONCATENATED MODULE: ./src/lint/rules/several-access-exclusive.ts
// Prisma runs a migration as one transaction, so every lock is held until the end: ACCESS EXCLUSIVE
// on several existing tables means each waits while the next is acquired (and deadlocks with
// application transactions that touch them in another order become possible).

const several_access_exclusive_rule = {
    id: "several-access-exclusive",
    scope: "migration",
    severity: "warning",
    class: "locking",
    summary: "A migration that takes ACCESS EXCLUSIVE on several existing tables holds all of them until it commits.",
    recipe: "Put statements that need ACCESS EXCLUSIVE on different existing tables into separate migrations, each with a lock_timeout, so each table is locked only for its own statement and a failure leaves the others done.",
    check(ctx) {
        const tables = [];
        let second;
        for (const l of ctx.locks) {
            if (!l.existing || l.mode !== "ACCESS EXCLUSIVE" || tables.includes(l.table))
                continue;
            tables.push(l.table);
            if (tables.length === 2)
                second = l;
        }
        if (!second)
            return [];
        return [{
                offset: second.stmt.start,
                message: `Takes ACCESS EXCLUSIVE on ${tables.length} existing tables (${tables.map(ast/* display */.Vy).join(", ")}) in one transaction: each stays blocked for reads and writes until the whole migration commits, and lock-order deadlocks with the application become possible. ` +
                    `Split it into one migration per table.`,
            }];
    },
};

;// CONCATENATED MODULE: ./src/lint/rules/truncate.ts
// TRUNCATE deletes every row at once (no WHERE, no triggers per row) under ACCESS EXCLUSIVE.

const truncate_rule = {
    id: "truncate",
    scope: "statement",
    kinds: ["TruncateStmt"],
    severity: "error",
    class: "destructive",
    summary: "TRUNCATE deletes every row of an existing table.",
    recipe: "Do not empty live tables in a migration. If the data really must go, delete it in batches (or TRUNCATE in a maintenance window), and document it with an ignore directive and its reason.",
    check(ctx) {
        const tables = (ctx.stmt.node.relations ?? []).map((r) => (0,ast/* rangeVarKey */.C5)(r.RangeVar)).filter((t) => ctx.isExistingTable(t));
        if (tables.length === 0)
            return [];
        const cascade = ctx.stmt.node.behavior === "DROP_CASCADE" ? " CASCADE also empties every table that references them." : "";
        return [{ message: `TRUNCATE deletes every row of ${tables.map(ast/* display */.Vy).join(", ")}.${cascade} If the data must go, say so in an ignore with the reason; otherwise delete only what must be deleted.` }];
    },
};

;// CONCATENATED MODULE: ./src/lint/rules/unused-ignore.ts
const unused_ignore_rule = {
    id: "unused-ignore",
    scope: "builtin",
    severity: "warning",
    class: "meta",
    summary: "A migrate-guard-ignore directive suppresses nothing.",
    recipe: "Remove the directive, or fix its rule id (see the rule list). Directives must name the rule that fires on the statement right after them, or use `migrate-guard-ignore-file` for the whole file.",
};

;// CONCATENATED MODULE: ./src/lint/rules/update-without-where.ts
// UPDATE or DELETE without WHERE on a table with rows, inside the migration's one transaction: every
// row is locked and rewritten at once (a long transaction, bloat, replication lag).

const update_without_where_rule = {
    id: "update-without-where",
    scope: "statement",
    kinds: ["UpdateStmt", "DeleteStmt"],
    severity: "warning",
    class: "hygiene",
    summary: "UPDATE or DELETE without WHERE rewrites every row of an existing table in one transaction.",
    recipe: "Backfill outside the schema migration, in batches by primary key range (`UPDATE t SET \u2026 WHERE id > $1 AND id <= $2`), committing between batches. If it must be in the migration, limit it with a WHERE.",
    check(ctx) {
        const n = ctx.stmt.node;
        const table = (0,ast/* rangeVarKey */.C5)(n.relation);
        if (n.whereClause || !ctx.isExistingTable(table))
            return [];
        const verb = ctx.stmt.kind === "UpdateStmt" ? "UPDATE" : "DELETE";
        return [{
                message: `${verb} without WHERE touches every row of ${(0,ast/* display */.Vy)(table)} in the migration's single transaction: all rows stay locked until it commits. ` +
                    `Backfill in batches (by primary key ranges) outside the schema migration, or add a WHERE that limits it.`,
            }];
    },
};

;// CONCATENATED MODULE: ./src/lint/rules/volatile-default.ts
// ADD COLUMN with a volatile default (random(), gen_random_uuid(), clock_timestamp(), a sequence) or
// an identity / serial / stored generated column must compute a value per existing row: PostgreSQL
// rewrites the table under ACCESS EXCLUSIVE. A constant or stable default (now()) is instant (PG 11+).


const volatile_default_rule = {
    id: "volatile-default",
    scope: "statement",
    kinds: ["AlterTableStmt"],
    severity: "warning",
    class: "locking",
    summary: "ADD COLUMN with a volatile default or a generated value rewrites an existing table under ACCESS EXCLUSIVE.",
    recipe: "Add the column without a default (instant), then `ALTER COLUMN \u2026 SET DEFAULT \u2026` (applies to new rows only), and backfill existing rows in batches. For a new identity key, create the table anew rather than adding it to a large one.",
    check(ctx) {
        const table = alterTarget(ctx.stmt);
        if (!ctx.isExistingTable(table))
            return [];
        const hits = [];
        for (const { cmd, offset } of alterCommands(ctx.stmt)) {
            if (cmd.subtype !== "AT_AddColumn")
                continue;
            const c = (0,ast/* columnInfo */.PG)(cmd.def.ColumnDef);
            const call = c.defaultExpr ? (0,ast/* volatileCall */.j$)(c.defaultExpr) : undefined;
            const why = call ? `its default ${call} is volatile` : c.generated ? `it is ${c.type.includes("serial") ? c.type : "an identity or generated column"}` : undefined;
            if (!why)
                continue;
            hits.push({
                offset,
                message: `Adding ${(0,ast/* columnDisplay */.hz)(table, c.name)}: ${why}, so PostgreSQL computes it for every existing row and rewrites ${(0,ast/* display */.Vy)(table)} under ACCESS EXCLUSIVE (blocks reads and writes). ` +
                    `Add the column without the default, set the default afterwards (applies to new rows only), and backfill in batches.`,
            });
        }
        return hits;
    },
};

;// CONCATENATED MODULE: ./src/lint/registry.ts
// Every rule, sorted by id (a test keeps it sorted and in step with rules/ and docs/rules/).


































const RULES = [
    rule,
    add_unique_constraint_rule,
    blocking_maintenance_command_rule,
    change_column_type_rule,
    concurrently_in_transaction_rule,
    constraint_not_valid_rule,
    create_index_non_concurrently_rule,
    drop_column_rule,
    drop_database_rule,
    drop_enum_value_rule,
    drop_foreign_key_rule,
    drop_index_non_concurrently_rule,
    drop_not_null_rule,
    drop_schema_rule,
    drop_table_rule,
    identifier_too_long_rule,
    ignore_without_reason_rule,
    measured_lock/* rule */.H,
    missing_lock_timeout_rule,
    parse_error_rule,
    prefer_bigint_key_rule,
    prefer_jsonb_rule,
    prefer_timestamptz_rule,
    prisma_data_loss_warning/* rule */.H,
    prisma_rename_pattern_rule,
    rename_column_rule,
    rename_enum_value_rule,
    rename_table_rule,
    set_not_null_rule,
    several_access_exclusive_rule,
    truncate_rule,
    unused_ignore_rule,
    update_without_where_rule,
    volatile_default_rule,
];
const BY_ID = new Map(RULES.map((r) => [r.id, r]));
function ruleById(id) {
    return BY_ID.get(id);
}
/** Where a rule's documentation lives (problem, safe recipe), for SARIF help links and reports. */
const DOCS_BASE = "https://github.com/migrate-guard/migrate-guard/blob/main/docs/rules/";
function ruleDocUrl(id) {
    return `${DOCS_BASE}${id}.md`;
}


/***/ }),

/***/ 241:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   H: () => (/* binding */ rule)
/* harmony export */ });
const rule = {
    id: "measured-lock",
    scope: "builtin",
    severity: "notice",
    class: "locking",
    summary: "The lock a new migration was measured to take on an existing table (verify only).",
    recipe: "Informational. ACCESS EXCLUSIVE blocks reads and writes, SHARE and stronger block writes, for as long as the migration's transaction runs: compare it with the locking rules' findings, and keep such migrations short, one table each, with a lock_timeout.",
};


/***/ }),

/***/ 2497:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   H: () => (/* binding */ rule),
/* harmony export */   b: () => (/* binding */ uncoveredPrismaWarnings)
/* harmony export */ });
/* harmony import */ var _ast_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(4001);
// An item of Prisma's `/* Warnings: … */` header that no finding accounts for. The parsed statements
// are authoritative: an item about a statement the author edited away (the column still exists at
// the end of the migration, a backfill made the required column safe) is stale and dropped. What is
// left is data loss the statement rules could not see (a drop inside dynamic SQL) or a warning kind
// they do not model.

const rule = {
    id: "prisma-data-loss-warning",
    scope: "builtin",
    severity: "warning",
    class: "destructive",
    summary: "Prisma's generated Warnings header names a data loss that no other rule reports.",
    recipe: "Read the warning, check that the SQL does what you intend, and follow the recipe of the matching rule (drop-column, drop-table, drop-enum-value). If the data loss is intended, say so with an ignore directive and its reason.",
};
const COVERED_BY = {
    "drop-column": ["drop-column", "change-column-type", "prisma-rename-pattern"],
    "drop-table": ["drop-table"],
};
/** Statements whose effect the model cannot see (dynamic SQL, procedures). */
const OPAQUE = new Set(["DoStmt", "CallStmt", "ExecuteStmt", "CreateFunctionStmt"]);
function uncoveredPrismaWarnings(warnings, findings, endState, statementKinds) {
    // With opaque statements around, "still there at the end" proves nothing: keep Prisma's word.
    const opaque = statementKinds.some((k) => OPAQUE.has(k));
    return warnings.filter((w) => {
        const subject = w.enumName ?? (w.column ? `${w.table}.${w.column}` : w.table);
        const covered = (rules) => findings.some((f) => rules.includes(f.rule) && subject !== undefined && f.subjects?.includes(subject));
        switch (w.kind) {
            case "drop-column": return !covered(COVERED_BY[w.kind]) && (opaque || !endState.column((0,_ast_js__WEBPACK_IMPORTED_MODULE_0__/* .key */ .Eb)(undefined, w.table), w.column));
            case "drop-table": return !covered(COVERED_BY[w.kind]) && (opaque || !endState.table((0,_ast_js__WEBPACK_IMPORTED_MODULE_0__/* .key */ .Eb)(undefined, w.table)));
            case "drop-enum": return !endState.enumType((0,_ast_js__WEBPACK_IMPORTED_MODULE_0__/* .key */ .Eb)(undefined, w.enumName));
            case "other": return true;
            // Structural rules decide these (drop-enum-value reads its items itself); a statement edited
            // into a safe form makes the item stale.
            default: return false;
        }
    });
}


/***/ }),

/***/ 7360:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   P: () => (/* binding */ SchemaState)
/* harmony export */ });
/* harmony import */ var _ast_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(4001);
// The schema as the migrations so far have built it: tables, columns, foreign keys, indexes, enums,
// each stamped with the migration that created (or changed) it. Rules ask it whether a table "exists"
// (holds rows from before this change set) and what a column looked like on the base branch.

class SchemaState {
    data;
    /** Columns dropped since the last resetDropped() (the linter resets per migration), with their last state. */
    droppedColumns = [];
    resetDropped() {
        this.droppedColumns = [];
    }
    constructor(data) {
        this.data = data ?? { tables: {}, indexes: {}, enums: {}, removedForeignKeys: [] };
    }
    table(k) {
        return this.data.tables[k];
    }
    column(k, column) {
        return this.data.tables[k]?.columns[column];
    }
    index(k) {
        return this.data.indexes[k];
    }
    enumType(k) {
        return this.data.enums[k];
    }
    /** Foreign keys of other tables that reference `k`. */
    foreignKeysInto(k) {
        const result = [];
        for (const t of Object.values(this.data.tables)) {
            if (t.key === k)
                continue;
            for (const fk of Object.values(t.foreignKeys))
                if (fk.to === k)
                    result.push(fk);
        }
        return result;
    }
    /** Applies one statement. Unknown or dynamic statements change nothing (they cannot be modelled). */
    apply(stmt, migration) {
        const n = stmt.node;
        switch (stmt.kind) {
            case "CreateStmt": return this.createTable(n, migration);
            case "CreateTableAsStmt": {
                const rel = n.into?.rel;
                if (rel)
                    this.data.tables[(0,_ast_js__WEBPACK_IMPORTED_MODULE_0__/* .rangeVarKey */ .C5)(rel)] = { key: (0,_ast_js__WEBPACK_IMPORTED_MODULE_0__/* .rangeVarKey */ .C5)(rel), createdIn: migration, columns: {}, foreignKeys: {} };
                return;
            }
            case "AlterTableStmt": return this.alterTable(n, migration);
            case "IndexStmt": {
                const idxKey = (0,_ast_js__WEBPACK_IMPORTED_MODULE_0__/* .key */ .Eb)(n.relation?.schemaname, n.idxname ?? `${n.relation?.relname}_idx`);
                this.data.indexes[idxKey] = { key: idxKey, table: (0,_ast_js__WEBPACK_IMPORTED_MODULE_0__/* .rangeVarKey */ .C5)(n.relation), unique: Boolean(n.unique), columns: (0,_ast_js__WEBPACK_IMPORTED_MODULE_0__/* .indexColumns */ .cW)(n.indexParams), createdIn: migration };
                return;
            }
            case "CreateEnumStmt": {
                const k = (0,_ast_js__WEBPACK_IMPORTED_MODULE_0__/* .listKey */ .Ux)(n.typeName);
                this.data.enums[k] = { key: k, values: (0,_ast_js__WEBPACK_IMPORTED_MODULE_0__/* .strings */ .P$)(n.vals), createdIn: migration };
                return;
            }
            case "AlterEnumStmt": return this.alterEnum(n);
            case "RenameStmt": return this.rename(n);
            case "DropStmt": return this.drop(n, migration);
        }
    }
    createTable(n, migration) {
        const k = (0,_ast_js__WEBPACK_IMPORTED_MODULE_0__/* .rangeVarKey */ .C5)(n.relation);
        const table = { key: k, createdIn: migration, columns: {}, foreignKeys: {} };
        this.data.tables[k] = table;
        for (const elt of n.tableElts ?? []) {
            if (elt.ColumnDef) {
                const c = (0,_ast_js__WEBPACK_IMPORTED_MODULE_0__/* .columnInfo */ .PG)(elt.ColumnDef);
                this.addColumn(table, c.name, c.type, c.notNull, c.defaultExpr !== undefined || c.generated, migration);
                if (c.references)
                    this.addForeignKey(table, `${table.key}_${c.name}_fkey`, [c.name], c.references.table, migration);
            }
            else if (elt.Constraint) {
                this.addConstraint(table, elt.Constraint, migration);
            }
        }
    }
    addColumn(table, name, type, notNull, hasDefault, migration) {
        table.columns[name] = { name, type, notNull, hasDefault, createdIn: migration, ...(notNull ? {} : { nullableSince: migration }) };
    }
    addForeignKey(table, name, columns, to, migration) {
        table.foreignKeys[name] = { name, from: table.key, columns, to, createdIn: migration };
    }
    addConstraint(table, con, migration) {
        const keys = (0,_ast_js__WEBPACK_IMPORTED_MODULE_0__/* .strings */ .P$)(con.keys);
        if (con.contype === "CONSTR_FOREIGN") {
            this.addForeignKey(table, con.conname ?? `${table.key}_fkey`, (0,_ast_js__WEBPACK_IMPORTED_MODULE_0__/* .strings */ .P$)(con.fk_attrs), (0,_ast_js__WEBPACK_IMPORTED_MODULE_0__/* .rangeVarKey */ .C5)(con.pktable), migration);
        }
        else if (con.contype === "CONSTR_PRIMARY" || con.contype === "CONSTR_UNIQUE") {
            const idxKey = (0,_ast_js__WEBPACK_IMPORTED_MODULE_0__/* .key */ .Eb)(table.key.slice(0, table.key.indexOf(".")), con.conname ?? `${table.key}_${keys.join("_")}_key`);
            this.data.indexes[idxKey] = { key: idxKey, table: table.key, unique: true, columns: keys, createdIn: migration };
            if (con.contype === "CONSTR_PRIMARY")
                for (const c of keys)
                    if (table.columns[c])
                        table.columns[c].notNull = true;
        }
    }
    removeForeignKey(table, name, migration) {
        const fk = table.foreignKeys[name];
        if (!fk)
            return;
        delete table.foreignKeys[name];
        this.data.removedForeignKeys.push({ ...fk, removedIn: migration });
    }
    alterTable(n, migration) {
        if (n.objtype && n.objtype !== "OBJECT_TABLE")
            return;
        const table = this.data.tables[(0,_ast_js__WEBPACK_IMPORTED_MODULE_0__/* .rangeVarKey */ .C5)(n.relation)];
        if (!table)
            return;
        for (const item of n.cmds ?? []) {
            const cmd = item.AlterTableCmd;
            const col = cmd?.name ? table.columns[cmd.name] : undefined;
            switch (cmd?.subtype) {
                case "AT_AddColumn": {
                    const c = (0,_ast_js__WEBPACK_IMPORTED_MODULE_0__/* .columnInfo */ .PG)(cmd.def.ColumnDef);
                    this.addColumn(table, c.name, c.type, c.notNull, c.defaultExpr !== undefined || c.generated, migration);
                    if (c.references)
                        this.addForeignKey(table, `${table.key}_${c.name}_fkey`, [c.name], c.references.table, migration);
                    break;
                }
                case "AT_DropColumn":
                    if (col)
                        this.droppedColumns.push({ table: table.key, column: col });
                    delete table.columns[cmd.name];
                    for (const fk of Object.values(table.foreignKeys))
                        if (fk.columns.includes(cmd.name))
                            this.removeForeignKey(table, fk.name, migration);
                    break;
                case "AT_SetNotNull":
                    if (col) {
                        col.notNull = true;
                        delete col.nullableSince;
                    }
                    break;
                case "AT_DropNotNull":
                    if (col && col.notNull) {
                        col.notNull = false;
                        col.nullableSince = migration;
                    }
                    break;
                case "AT_AlterColumnType":
                    if (col)
                        col.type = (0,_ast_js__WEBPACK_IMPORTED_MODULE_0__/* .typeString */ .w3)(cmd.def?.ColumnDef?.typeName);
                    break;
                case "AT_ColumnDefault":
                    if (col)
                        col.hasDefault = cmd.def !== undefined;
                    break;
                case "AT_AddConstraint":
                    this.addConstraint(table, cmd.def?.Constraint, migration);
                    break;
                case "AT_DropConstraint":
                    this.removeForeignKey(table, cmd.name, migration);
                    for (const idx of Object.values(this.data.indexes))
                        if (idx.table === table.key && idx.key.endsWith(`.${cmd.name}`))
                            delete this.data.indexes[idx.key];
                    break;
            }
        }
    }
    alterEnum(n) {
        const e = this.data.enums[(0,_ast_js__WEBPACK_IMPORTED_MODULE_0__/* .listKey */ .Ux)(n.typeName)];
        if (!e)
            return;
        if (n.oldVal) {
            e.values = e.values.map((v) => (v === n.oldVal ? n.newVal : v));
        }
        else if (n.newVal && !e.values.includes(n.newVal)) {
            const at = n.newValNeighbor ? e.values.indexOf(n.newValNeighbor) : -1;
            if (at < 0)
                e.values.push(n.newVal);
            else
                e.values.splice(n.newValIsAfter ? at + 1 : at, 0, n.newVal); // false is omitted from the AST
        }
    }
    rename(n) {
        const schema = n.relation?.schemaname;
        switch (n.renameType) {
            case "OBJECT_TABLE": {
                const from = (0,_ast_js__WEBPACK_IMPORTED_MODULE_0__/* .rangeVarKey */ .C5)(n.relation);
                const table = this.data.tables[from];
                if (!table)
                    return;
                const to = (0,_ast_js__WEBPACK_IMPORTED_MODULE_0__/* .key */ .Eb)(schema, n.newname);
                delete this.data.tables[from];
                table.key = to;
                this.data.tables[to] = table;
                for (const t of Object.values(this.data.tables))
                    for (const fk of Object.values(t.foreignKeys)) {
                        if (fk.to === from)
                            fk.to = to;
                        if (fk.from === from)
                            fk.from = to;
                    }
                for (const idx of Object.values(this.data.indexes))
                    if (idx.table === from)
                        idx.table = to;
                return;
            }
            case "OBJECT_COLUMN": {
                const table = this.data.tables[(0,_ast_js__WEBPACK_IMPORTED_MODULE_0__/* .rangeVarKey */ .C5)(n.relation)];
                const col = table?.columns[n.subname];
                if (!table || !col)
                    return;
                delete table.columns[n.subname];
                col.name = n.newname;
                table.columns[n.newname] = col;
                return;
            }
            case "OBJECT_INDEX": {
                const from = (0,_ast_js__WEBPACK_IMPORTED_MODULE_0__/* .rangeVarKey */ .C5)(n.relation);
                const idx = this.data.indexes[from];
                if (!idx)
                    return;
                delete this.data.indexes[from];
                idx.key = (0,_ast_js__WEBPACK_IMPORTED_MODULE_0__/* .key */ .Eb)(schema, n.newname);
                this.data.indexes[idx.key] = idx;
                return;
            }
            case "OBJECT_TABCONSTRAINT": {
                const table = this.data.tables[(0,_ast_js__WEBPACK_IMPORTED_MODULE_0__/* .rangeVarKey */ .C5)(n.relation)];
                const fk = table?.foreignKeys[n.subname];
                if (table && fk) {
                    delete table.foreignKeys[n.subname];
                    fk.name = n.newname;
                    table.foreignKeys[n.newname] = fk;
                }
                return;
            }
            case "OBJECT_TYPE": {
                const from = (0,_ast_js__WEBPACK_IMPORTED_MODULE_0__/* .listKey */ .Ux)(n.object?.List?.items);
                const e = this.data.enums[from];
                if (!e)
                    return;
                delete this.data.enums[from];
                e.key = (0,_ast_js__WEBPACK_IMPORTED_MODULE_0__/* .key */ .Eb)(from.slice(0, from.indexOf(".")), n.newname);
                this.data.enums[e.key] = e;
                return;
            }
        }
    }
    drop(n, migration) {
        for (const obj of n.objects ?? []) {
            const k = (0,_ast_js__WEBPACK_IMPORTED_MODULE_0__/* .dropObjectKey */ .el)(obj);
            switch (n.removeType) {
                case "OBJECT_TABLE":
                case "OBJECT_VIEW":
                case "OBJECT_MATVIEW": {
                    const table = this.data.tables[k];
                    if (!table)
                        break;
                    for (const fk of Object.values(table.foreignKeys))
                        this.removeForeignKey(table, fk.name, migration);
                    // CASCADE (or a failing RESTRICT) removes the foreign keys that point at it.
                    for (const fk of this.foreignKeysInto(k))
                        this.removeForeignKey(this.data.tables[fk.from], fk.name, migration);
                    delete this.data.tables[k];
                    for (const idx of Object.values(this.data.indexes))
                        if (idx.table === k)
                            delete this.data.indexes[idx.key];
                    break;
                }
                case "OBJECT_INDEX":
                    delete this.data.indexes[k];
                    break;
                case "OBJECT_TYPE":
                    delete this.data.enums[k];
                    break;
                case "OBJECT_SCHEMA": {
                    const prefix = `${k}.`;
                    for (const t of Object.keys(this.data.tables))
                        if (t.startsWith(prefix))
                            delete this.data.tables[t];
                    for (const i of Object.keys(this.data.indexes))
                        if (i.startsWith(prefix))
                            delete this.data.indexes[i];
                    for (const e of Object.keys(this.data.enums))
                        if (e.startsWith(prefix))
                            delete this.data.enums[e];
                    break;
                }
            }
        }
    }
}


/***/ }),

/***/ 2793:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  q: () => (/* binding */ loadParser),
  X: () => (/* binding */ splitStatements)
});

;// CONCATENATED MODULE: external "node:v8"
const external_node_v8_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:v8");
var external_node_v8_default = /*#__PURE__*/__nccwpck_require__.n(external_node_v8_namespaceObject);
;// CONCATENATED MODULE: ./src/sql/statements.ts
// Statements of a migration script, located by the real PostgreSQL parser (libpg-query, WASM).
// Imported on first use: loading the module instantiates ~1.7 MB of WASM, which an action's start
// (and every run that never parses SQL) should not pay for.

let loaded;
/** Loads the parser once per process. */
function loadParser() {
    // Liftoff (V8's baseline WASM compiler) only: by default V8 also compiles the 1.7 MB module with
    // TurboFan on background threads, and the process waits for that before it can exit. Measured on
    // trigger.dev: one migration 600 → 200 ms wall, all 820 migrations 770 → 300 ms. Prisma's own WASM
    // runs in child processes and is unaffected.
    if (!loaded)
        external_node_v8_default().setFlagsFromString("--liftoff-only");
    loaded ??= __nccwpck_require__.e(/* import() */ 627).then(__nccwpck_require__.t.bind(__nccwpck_require__, 2627, 23)).then(async (mod) => {
        await mod.loadModule();
        return mod;
    });
    return loaded;
}
/** Skips whitespace and comments: libpg-query's statement location includes what precedes it. */
function firstToken(sql, from) {
    let i = from;
    for (;;) {
        while (i < sql.length && /\s/.test(sql[i]))
            i++;
        if (sql.startsWith("--", i)) {
            const nl = sql.indexOf("\n", i);
            i = nl < 0 ? sql.length : nl + 1;
        }
        else if (sql.startsWith("/*", i)) {
            const end = sql.indexOf("*/", i + 2);
            i = end < 0 ? sql.length : end + 2;
        }
        else {
            return i;
        }
    }
}
async function splitStatements(sql) {
    const { parseSync } = await loadParser();
    // Parser locations are UTF-8 byte offsets; messages and editors count characters.
    const bytes = Buffer.from(sql, "utf8");
    const charOffset = (byte) => bytes.subarray(0, byte).toString("utf8").length;
    try {
        const result = parseSync(sql);
        const statements = (result.stmts ?? []).map((s) => {
            const from = charOffset(s.stmt_location ?? 0);
            const to = s.stmt_len ? charOffset((s.stmt_location ?? 0) + s.stmt_len) : sql.length;
            const start = firstToken(sql, from);
            return { text: sql.slice(start, to).replace(/;\s*$/, ""), start };
        });
        return { ok: true, statements };
    }
    catch (error) {
        const details = error.sqlDetails;
        return {
            ok: false,
            message: details?.message ?? error.message,
            // Unlike statement locations, the error cursor already counts characters (0-based).
            ...(details?.cursorPosition !== undefined ? { position: details.cursorPosition } : {}),
        };
    }
}


/***/ }),

/***/ 4390:
/***/ ((module) => {

module.exports = eval("require")("pg-native");


/***/ }),

/***/ 2613:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("assert");

/***/ }),

/***/ 6982:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("crypto");

/***/ }),

/***/ 2250:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("dns");

/***/ }),

/***/ 4434:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("events");

/***/ }),

/***/ 9896:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("fs");

/***/ }),

/***/ 8611:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("http");

/***/ }),

/***/ 5692:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("https");

/***/ }),

/***/ 9278:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("net");

/***/ }),

/***/ 4589:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:assert");

/***/ }),

/***/ 6698:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:async_hooks");

/***/ }),

/***/ 4573:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:buffer");

/***/ }),

/***/ 7540:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:console");

/***/ }),

/***/ 7598:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:crypto");

/***/ }),

/***/ 3053:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:diagnostics_channel");

/***/ }),

/***/ 610:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:dns");

/***/ }),

/***/ 8474:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:events");

/***/ }),

/***/ 3024:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs");

/***/ }),

/***/ 7067:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:http");

/***/ }),

/***/ 2467:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:http2");

/***/ }),

/***/ 7030:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:net");

/***/ }),

/***/ 643:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:perf_hooks");

/***/ }),

/***/ 1792:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:querystring");

/***/ }),

/***/ 7075:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:stream");

/***/ }),

/***/ 1692:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:tls");

/***/ }),

/***/ 3136:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:url");

/***/ }),

/***/ 7975:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:util");

/***/ }),

/***/ 3429:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:util/types");

/***/ }),

/***/ 5919:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:worker_threads");

/***/ }),

/***/ 8522:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:zlib");

/***/ }),

/***/ 857:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("os");

/***/ }),

/***/ 6928:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("path");

/***/ }),

/***/ 2203:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("stream");

/***/ }),

/***/ 3193:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("string_decoder");

/***/ }),

/***/ 4756:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("tls");

/***/ }),

/***/ 9023:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("util");

/***/ }),

/***/ 8253:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("util/types");

/***/ })

/******/ });
/************************************************************************/
/******/ // The module cache
/******/ var __webpack_module_cache__ = {};
/******/ 
/******/ // The require function
/******/ function __nccwpck_require__(moduleId) {
/******/ 	// Check if module is in cache
/******/ 	var cachedModule = __webpack_module_cache__[moduleId];
/******/ 	if (cachedModule !== undefined) {
/******/ 		return cachedModule.exports;
/******/ 	}
/******/ 	// Create a new module (and put it into the cache)
/******/ 	var module = __webpack_module_cache__[moduleId] = {
/******/ 		// no module.id needed
/******/ 		// no module.loaded needed
/******/ 		exports: {}
/******/ 	};
/******/ 
/******/ 	// Execute the module function
/******/ 	var threw = true;
/******/ 	try {
/******/ 		__webpack_modules__[moduleId].call(module.exports, module, module.exports, __nccwpck_require__);
/******/ 		threw = false;
/******/ 	} finally {
/******/ 		if(threw) delete __webpack_module_cache__[moduleId];
/******/ 	}
/******/ 
/******/ 	// Return the exports of the module
/******/ 	return module.exports;
/******/ }
/******/ 
/******/ // expose the modules object (__webpack_modules__)
/******/ __nccwpck_require__.m = __webpack_modules__;
/******/ 
/************************************************************************/
/******/ /* webpack/runtime/asset-relocator-loader */
/******/ if (typeof __nccwpck_require__ !== 'undefined') __nccwpck_require__.ab = decodeURIComponent(new URL('.', import.meta.url).pathname).slice(import.meta.url.match(/^file:\/\/\/\w:/) ? 1 : 0, -1) + "/";
/******/ 
/******/ /* webpack/runtime/compat get default export */
/******/ (() => {
/******/ 	// getDefaultExport function for compatibility with non-harmony modules
/******/ 	__nccwpck_require__.n = (module) => {
/******/ 		var getter = module && module.__esModule ?
/******/ 			() => (module['default']) :
/******/ 			() => (module);
/******/ 		__nccwpck_require__.d(getter, { a: getter });
/******/ 		return getter;
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/create fake namespace object */
/******/ (() => {
/******/ 	var getProto = Object.getPrototypeOf ? (obj) => (Object.getPrototypeOf(obj)) : (obj) => (obj.__proto__);
/******/ 	var leafPrototypes;
/******/ 	// create a fake namespace object
/******/ 	// mode & 1: value is a module id, require it
/******/ 	// mode & 2: merge all properties of value into the ns
/******/ 	// mode & 4: return value when already ns object
/******/ 	// mode & 16: return value when it's Promise-like
/******/ 	// mode & 8|1: behave like require
/******/ 	__nccwpck_require__.t = function(value, mode) {
/******/ 		if(mode & 1) value = this(value);
/******/ 		if(mode & 8) return value;
/******/ 		if(typeof value === 'object' && value) {
/******/ 			if((mode & 4) && value.__esModule) return value;
/******/ 			if((mode & 16) && typeof value.then === 'function') return value;
/******/ 		}
/******/ 		var ns = Object.create(null);
/******/ 		__nccwpck_require__.r(ns);
/******/ 		var def = {};
/******/ 		leafPrototypes = leafPrototypes || [null, getProto({}), getProto([]), getProto(getProto)];
/******/ 		for(var current = mode & 2 && value; typeof current == 'object' && !~leafPrototypes.indexOf(current); current = getProto(current)) {
/******/ 			Object.getOwnPropertyNames(current).forEach((key) => (def[key] = () => (value[key])));
/******/ 		}
/******/ 		def['default'] = () => (value);
/******/ 		__nccwpck_require__.d(ns, def);
/******/ 		return ns;
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/define property getters */
/******/ (() => {
/******/ 	// define getter functions for harmony exports
/******/ 	__nccwpck_require__.d = (exports, definition) => {
/******/ 		for(var key in definition) {
/******/ 			if(__nccwpck_require__.o(definition, key) && !__nccwpck_require__.o(exports, key)) {
/******/ 				Object.defineProperty(exports, key, { enumerable: true, get: definition[key] });
/******/ 			}
/******/ 		}
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/ensure chunk */
/******/ (() => {
/******/ 	__nccwpck_require__.f = {};
/******/ 	// This file contains only the entry chunk.
/******/ 	// The chunk loading function for additional chunks
/******/ 	__nccwpck_require__.e = (chunkId) => {
/******/ 		return Promise.all(Object.keys(__nccwpck_require__.f).reduce((promises, key) => {
/******/ 			__nccwpck_require__.f[key](chunkId, promises);
/******/ 			return promises;
/******/ 		}, []));
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/get javascript chunk filename */
/******/ (() => {
/******/ 	// This function allow to reference async chunks
/******/ 	__nccwpck_require__.u = (chunkId) => {
/******/ 		// return url for filenames based on template
/******/ 		return "" + chunkId + ".index.js";
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/hasOwnProperty shorthand */
/******/ (() => {
/******/ 	__nccwpck_require__.o = (obj, prop) => (Object.prototype.hasOwnProperty.call(obj, prop))
/******/ })();
/******/ 
/******/ /* webpack/runtime/make namespace object */
/******/ (() => {
/******/ 	// define __esModule on exports
/******/ 	__nccwpck_require__.r = (exports) => {
/******/ 		if(typeof Symbol !== 'undefined' && Symbol.toStringTag) {
/******/ 			Object.defineProperty(exports, Symbol.toStringTag, { value: 'Module' });
/******/ 		}
/******/ 		Object.defineProperty(exports, '__esModule', { value: true });
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/import chunk loading */
/******/ (() => {
/******/ 	// no baseURI
/******/ 	
/******/ 	// object to store loaded and loading chunks
/******/ 	// undefined = chunk not loaded, null = chunk preloaded/prefetched
/******/ 	// [resolve, Promise] = chunk loading, 0 = chunk loaded
/******/ 	var installedChunks = {
/******/ 		792: 0
/******/ 	};
/******/ 	
/******/ 	var installChunk = (data) => {
/******/ 		var {ids, modules, runtime} = data;
/******/ 		// add "modules" to the modules object,
/******/ 		// then flag all "ids" as loaded and fire callback
/******/ 		var moduleId, chunkId, i = 0;
/******/ 		for(moduleId in modules) {
/******/ 			if(__nccwpck_require__.o(modules, moduleId)) {
/******/ 				__nccwpck_require__.m[moduleId] = modules[moduleId];
/******/ 			}
/******/ 		}
/******/ 		if(runtime) runtime(__nccwpck_require__);
/******/ 		for(;i < ids.length; i++) {
/******/ 			chunkId = ids[i];
/******/ 			if(__nccwpck_require__.o(installedChunks, chunkId) && installedChunks[chunkId]) {
/******/ 				installedChunks[chunkId][0]();
/******/ 			}
/******/ 			installedChunks[ids[i]] = 0;
/******/ 		}
/******/ 	
/******/ 	}
/******/ 	
/******/ 	__nccwpck_require__.f.j = (chunkId, promises) => {
/******/ 			// import() chunk loading for javascript
/******/ 			var installedChunkData = __nccwpck_require__.o(installedChunks, chunkId) ? installedChunks[chunkId] : undefined;
/******/ 			if(installedChunkData !== 0) { // 0 means "already installed".
/******/ 	
/******/ 				// a Promise means "currently loading".
/******/ 				if(installedChunkData) {
/******/ 					promises.push(installedChunkData[1]);
/******/ 				} else {
/******/ 					if(true) { // all chunks have JS
/******/ 						// setup Promise in chunk cache
/******/ 						var promise = import("./" + __nccwpck_require__.u(chunkId)).then(installChunk, (e) => {
/******/ 							if(installedChunks[chunkId] !== 0) installedChunks[chunkId] = undefined;
/******/ 							throw e;
/******/ 						});
/******/ 						var promise = Promise.race([promise, new Promise((resolve) => (installedChunkData = installedChunks[chunkId] = [resolve]))])
/******/ 						promises.push(installedChunkData[1] = promise);
/******/ 					}
/******/ 				}
/******/ 			}
/******/ 	};
/******/ 	
/******/ 	// no prefetching
/******/ 	
/******/ 	// no preloaded
/******/ 	
/******/ 	// no external install chunk
/******/ 	
/******/ 	// no on chunks loaded
/******/ })();
/******/ 
/************************************************************************/
var __webpack_exports__ = {};

;// CONCATENATED MODULE: ./src/core/errors.ts
/**
 * A mistake in the user's input or project set-up (bad flag, missing file, unsupported Prisma).
 * Reported with exit code 2 and without a stack trace; the message names the bad value and the
 * expected form.
 */
class ConfigurationError extends Error {
    name = "ConfigurationError";
}
/** Remove credentials from anything that may reach a log: URLs with passwords, tokens. */
function redact(text, secrets = []) {
    let out = text;
    for (const secret of secrets) {
        if (secret && secret.length >= 4)
            out = out.split(secret).join("***");
    }
    // Any remaining URL userinfo (postgres://user:pass@host) is masked too. Greedy up to the last "@"
    // before the host, as URL parsers (and so node-postgres) split it: a password may contain "@".
    return out.replace(/([a-z][a-z0-9+.-]*:\/\/)[^\s/]*@/gi, "$1***@");
}

;// CONCATENATED MODULE: external "node:path"
const external_node_path_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:path");
var external_node_path_default = /*#__PURE__*/__nccwpck_require__.n(external_node_path_namespaceObject);
// EXTERNAL MODULE: external "node:util"
var external_node_util_ = __nccwpck_require__(7975);
;// CONCATENATED MODULE: ./src/cli/args.ts
// One way every command parses its flags: node:util parseArgs, and any mistake (unknown flag, missing
// value) becomes a ConfigurationError that carries the command's usage (exit 2).


function parseCommandArgs(argv, options, usage, allowPositionals = false) {
    try {
        return (0,external_node_util_.parseArgs)({ args: argv, options, allowPositionals, strict: true });
    }
    catch (error) {
        throw new ConfigurationError(`${error.message}\n\n${usage}`);
    }
}

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __nccwpck_require__(7598);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __nccwpck_require__(3024);
;// CONCATENATED MODULE: external "node:fs/promises"
const promises_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs/promises");
;// CONCATENATED MODULE: external "node:os"
const external_node_os_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:os");
var external_node_os_default = /*#__PURE__*/__nccwpck_require__.n(external_node_os_namespaceObject);
;// CONCATENATED MODULE: ./src/cache/snapshot-cache.ts
// The snapshot cache: the migrated state of the migrations a branch shares with its base (the
// "verified prefix"), as a pg_dump custom-format file, under a key that changes whenever anything that
// could change that state changes. Each entry is a folder `<key>/` holding the dump and a manifest
// with the dump's sha256; a folder is written aside and renamed into place, so a reader sees a whole
// entry or none. An entry whose manifest or checksum does not match is corrupt: it is reported,
// removed and never restored.





/** Bump when the entry layout or what a snapshot holds changes. */
const SNAPSHOT_FORMAT = 1;
const DUMP_FILE = "snapshot.dump";
const MANIFEST_FILE = "manifest.json";
/** Entries kept per cache directory; the least recently used go first. */
const MAX_SNAPSHOTS = 5;
/** sha256 over everything that decides the prefix's migrated state; order is part of it. */
function snapshotKey(material) {
    const hash = (0,external_node_crypto_.createHash)("sha256").update(`migrate-guard-snapshot-${SNAPSHOT_FORMAT}\0${material.productVersion}\0prisma ${material.prismaMajor}\0postgres ${material.postgresMajor}`);
    for (const m of material.migrations) {
        // The raw bytes' hash: two files that decode to the same text (invalid UTF-8 → U+FFFD) differ.
        const content = m.checksum ?? (0,external_node_crypto_.createHash)("sha256").update(m.sql).digest("hex");
        hash.update(`\0${m.name}\0${content}`);
    }
    return hash.digest("hex").slice(0, 40);
}
/** $XDG_CACHE_HOME/migrate-guard, else ~/.cache/migrate-guard (the CLI's default). */
function defaultSnapshotCacheDir(env = process.env) {
    const base = env.XDG_CACHE_HOME && external_node_path_default().isAbsolute(env.XDG_CACHE_HOME) ? env.XDG_CACHE_HOME : external_node_path_default().join(external_node_os_default().homedir(), ".cache");
    return external_node_path_default().join(base, "migrate-guard");
}
function entryDir(cacheDir, key) {
    return external_node_path_default().join(cacheDir, "snapshots", key);
}
async function sha256File(file) {
    const hash = (0,external_node_crypto_.createHash)("sha256");
    for await (const chunk of (0,external_node_fs_.createReadStream)(file))
        hash.update(chunk);
    return hash.digest("hex");
}
function validManifest(value, key) {
    const m = value;
    return typeof m === "object" && m !== null && m.format === SNAPSHOT_FORMAT && m.key === key && Array.isArray(m.migrations) &&
        typeof m.applyMs === "number" && typeof m.files === "object" && m.files !== null &&
        typeof m.files[DUMP_FILE]?.sha256 === "string" && typeof m.files[DUMP_FILE]?.bytes === "number";
}
/**
 * The entry for `key`, checked against its manifest. A corrupt entry is deleted (so this run can
 * write a good one) and reported; it is never handed out.
 */
async function lookupSnapshot(cacheDir, key) {
    const dir = entryDir(cacheDir, key);
    let text;
    try {
        text = await (0,promises_namespaceObject.readFile)(external_node_path_default().join(dir, MANIFEST_FILE), "utf8");
    }
    catch (error) {
        if (error.code !== "ENOENT")
            return corrupt(dir, `its manifest cannot be read (${error.code ?? error.message})`);
        // A folder without a manifest is no entry of ours (renames put both in place at once).
        const exists = await (0,promises_namespaceObject.stat)(dir).then(() => true, () => false);
        return exists ? corrupt(dir, "its manifest is missing") : { state: "miss" };
    }
    let manifest;
    try {
        manifest = JSON.parse(text);
    }
    catch {
        return corrupt(dir, "its manifest is not valid JSON");
    }
    if (!validManifest(manifest, key))
        return corrupt(dir, "its manifest does not describe this key");
    const dumpFile = external_node_path_default().join(dir, DUMP_FILE);
    const expected = manifest.files[DUMP_FILE];
    try {
        const { size } = await (0,promises_namespaceObject.stat)(dumpFile);
        if (size !== expected.bytes)
            return corrupt(dir, `${DUMP_FILE} has ${size} bytes, the manifest says ${expected.bytes}`);
        if ((await sha256File(dumpFile)) !== expected.sha256)
            return corrupt(dir, `${DUMP_FILE} does not match its sha256`);
    }
    catch (error) {
        return corrupt(dir, `${DUMP_FILE} cannot be read (${error.code ?? error.message})`);
    }
    // Recently used entries survive pruning (mtime of the folder is the LRU clock).
    const now = new Date();
    await (0,promises_namespaceObject.utimes)(dir, now, now).catch(() => { });
    return { state: "hit", dumpFile, manifest };
}
/** Removes the entry for `key` (one that passed its checksum but did not restore), so a good one can replace it. */
async function discardSnapshot(cacheDir, key) {
    await (0,promises_namespaceObject.rm)(entryDir(cacheDir, key), { recursive: true, force: true }).catch(() => { });
}
async function corrupt(dir, reason) {
    await (0,promises_namespaceObject.rm)(dir, { recursive: true, force: true }).catch(() => { });
    return { state: "corrupt", reason };
}
/**
 * Writes an entry: `produce(file)` writes the dump into a private staging folder, the manifest is
 * written beside it, and the folder is renamed to its key. Concurrent writers of one key: the first
 * rename wins, the others discard their copy (both hold the same state). Returns false when nothing
 * was written (an unwritable cache only costs the next run its speed).
 */
async function saveSnapshot(cacheDir, key, meta, produce) {
    const root = external_node_path_default().join(cacheDir, "snapshots");
    const staging = external_node_path_default().join(root, `.staging-${process.pid}-${(0,external_node_crypto_.randomBytes)(4).toString("hex")}`);
    try {
        await (0,promises_namespaceObject.mkdir)(staging, { recursive: true });
        const dumpFile = external_node_path_default().join(staging, DUMP_FILE);
        await produce(dumpFile);
        const [sha256, { size }] = await Promise.all([sha256File(dumpFile), (0,promises_namespaceObject.stat)(dumpFile)]);
        const manifest = { format: SNAPSHOT_FORMAT, key, createdAt: new Date().toISOString(), ...meta, files: { [DUMP_FILE]: { sha256, bytes: size } } };
        await (0,promises_namespaceObject.writeFile)(external_node_path_default().join(staging, MANIFEST_FILE), JSON.stringify(manifest, null, 2) + "\n");
        try {
            await (0,promises_namespaceObject.rename)(staging, entryDir(cacheDir, key));
        }
        catch (error) {
            // Another run saved this key first (ENOTEMPTY/EEXIST): theirs is as good as ours.
            if (!["ENOTEMPTY", "EEXIST", "EISDIR"].includes(error.code ?? ""))
                throw error;
            return false;
        }
        await prune(root);
        return true;
    }
    catch {
        return false;
    }
    finally {
        await (0,promises_namespaceObject.rm)(staging, { recursive: true, force: true }).catch(() => { });
    }
}
async function prune(root) {
    const all = await (0,promises_namespaceObject.readdir)(root);
    // Staging folders of runs that were killed mid-write.
    const hourAgo = Date.now() - 3_600_000;
    await Promise.all(all.filter((n) => n.startsWith(".staging-")).map(async (n) => {
        const info = await (0,promises_namespaceObject.stat)(external_node_path_default().join(root, n)).catch(() => undefined);
        if (info && info.mtimeMs < hourAgo)
            await (0,promises_namespaceObject.rm)(external_node_path_default().join(root, n), { recursive: true, force: true });
    }));
    const names = all.filter((n) => !n.startsWith("."));
    if (names.length <= MAX_SNAPSHOTS)
        return;
    const aged = await Promise.all(names.map(async (n) => ({ n, t: (await (0,promises_namespaceObject.stat)(external_node_path_default().join(root, n)).catch(() => ({ mtimeMs: 0 }))).mtimeMs })));
    aged.sort((a, b) => b.t - a.t);
    await Promise.all(aged.slice(MAX_SNAPSHOTS).map((e) => (0,promises_namespaceObject.rm)(external_node_path_default().join(root, e.n), { recursive: true, force: true })));
}
/**
 * Node's compile cache (NODE_COMPILE_CACHE) keeps one folder per Node version and architecture
 * (`v24.21.0-x64-…`); folders of other versions are never read again and only grow the cache that
 * actions/cache moves. Removes them; never throws.
 */
async function pruneCompileCache(dir, current = `${process.version}-${process.arch}-`) {
    const entries = await (0,promises_namespaceObject.readdir)(dir).catch(() => []);
    await Promise.all(entries.filter((e) => !e.startsWith(current)).map((e) => (0,promises_namespaceObject.rm)(external_node_path_default().join(dir, e), { recursive: true, force: true }).catch(() => { })));
}

;// CONCATENATED MODULE: ./src/core/report.ts
// The verify report: the one model every output (CLI text, --json, job summary, annotations, SARIF,
// PR comment, action outputs) is rendered from.
/** The `--json` document (and the action's `report` output): the contract other tools read. */
function toJsonReport(report) {
    return {
        ok: report.ok,
        checks: report.checks.map((c) => ({
            id: c.id,
            status: c.status,
            summary: c.summary,
            findings: c.findings.map((f) => ({
                rule: f.rule,
                message: f.message,
                file: f.file ?? null,
                line: f.line ?? null,
                severity: f.severity,
            })),
        })),
        migrations: report.migrations.map((m) => ({ name: m.name, durationMs: m.durationMs })),
        drift: report.drift ? { differences: report.drift.differences, sql: report.drift.sql } : null,
        durationMs: report.durationMs,
        cache: report.cache ? { state: report.cache.state, migrations: report.cache.migrations, savedMs: report.cache.savedMs ?? null, saved: Boolean(report.cache.saved), detail: report.cache.detail } : null,
    };
}
function statusFromFindings(findings) {
    if (findings.some((f) => f.severity === "error"))
        return "fail";
    if (findings.some((f) => f.severity === "warning"))
        return "warn";
    return "pass";
}

;// CONCATENATED MODULE: ./src/report/text.ts
const ICON = { pass: "✔", fail: "✖", warn: "!", skip: "-" };
function renderText(report, options = {}) {
    const paint = (code, s) => (options.color ? `\u001b[${code}m${s}\u001b[0m` : s);
    const colorOf = { pass: 32, fail: 31, warn: 33, skip: 90 };
    const lines = [];
    for (const check of report.checks) {
        lines.push(`${paint(colorOf[check.status], `${ICON[check.status]} ${check.id.padEnd(9)}`)} ${check.summary}`);
        const shown = check.findings.slice(0, 50);
        for (const f of shown) {
            const where = f.file ? `${f.file}${f.line ? `:${f.line}${f.column ? `:${f.column}` : ""}` : ""}` : "";
            lines.push(`    ${f.severity === "error" ? paint(31, "error") : f.severity === "warning" ? paint(33, "warning") : "note"} ${where ? `${where} ` : ""}[${f.rule}] ${f.message}`);
        }
        if (check.findings.length > shown.length)
            lines.push(`    … and ${check.findings.length - shown.length} more`);
    }
    if (report.drift) {
        lines.push("", "SQL a new migration needs to match schema.prisma:", "", report.drift.sql.trimEnd(), "", `Create it with: ${report.drift.fixCommand}`);
    }
    const failed = report.checks.filter((c) => c.status === "fail").length;
    if (report.cache)
        lines.push("", `cache: ${report.cache.state} — ${report.cache.detail}`);
    lines.push("", `${report.ok ? paint(32, "Migrations verified") : paint(31, `${failed} check(s) failed`)} — ${report.migrations.length} migrations, ${(report.durationMs / 1000).toFixed(1)} s` +
        `${report.prismaVersion ? `, Prisma ${report.prismaVersion}` : ""}${report.postgresVersion ? `, PostgreSQL ${report.postgresVersion.split(" ")[0]}` : ""}`);
    return lines.join("\n") + "\n";
}

;// CONCATENATED MODULE: ./src/core/migrations.ts
// Reading a Prisma migrations directory: what Prisma itself would see (folders in byte order, each with
// a migration.sql), plus what it silently ignores or trips over (folders without migration.sql).



const LOCK_FILE = "migration_lock.toml";
/** Prisma orders migrations by folder name, comparing bytes (not locale collation). */
function compareMigrationNames(a, b) {
    return Buffer.compare(Buffer.from(a), Buffer.from(b));
}
function checksum(content) {
    return (0,external_node_crypto_.createHash)("sha256").update(content).digest("hex");
}
/**
 * Reads every migration under `dir`. `root` is what `file` paths are made relative to (the repository
 * root, so annotations land on the right file).
 */
async function readMigrationsDirectory(dir, root) {
    const entries = await (0,promises_namespaceObject.readdir)(dir, { withFileTypes: true });
    const folders = entries.filter((e) => e.isDirectory()).map((e) => e.name).sort(compareMigrationNames);
    const result = { dir, migrations: [], foldersWithoutSql: [] };
    const lock = entries.find((e) => e.isFile() && e.name === LOCK_FILE);
    if (lock)
        result.lockFile = await (0,promises_namespaceObject.readFile)(external_node_path_default().join(dir, LOCK_FILE), "utf8");
    const loaded = await Promise.all(folders.map(async (name) => {
        const sqlPath = external_node_path_default().join(dir, name, "migration.sql");
        try {
            const bytes = await (0,promises_namespaceObject.readFile)(sqlPath);
            return { name, file: toPosix(external_node_path_default().relative(root, sqlPath)), sql: bytes.toString("utf8"), checksum: checksum(bytes) };
        }
        catch (error) {
            if (error.code === "ENOENT")
                return name;
            throw error;
        }
    }));
    for (const item of loaded) {
        if (typeof item === "string")
            result.foldersWithoutSql.push(item);
        else
            result.migrations.push(item);
    }
    return result;
}
function toPosix(p) {
    return p.split((external_node_path_default()).sep).join("/");
}
/** 1-based line and column of a 0-based character offset. */
function lineAndColumn(text, offset) {
    let line = 1;
    let lineStart = 0;
    for (let i = 0; i < offset && i < text.length; i++) {
        if (text.charCodeAt(i) === 10) {
            line++;
            lineStart = i + 1;
        }
    }
    return { line, column: offset - lineStart + 1 };
}

;// CONCATENATED MODULE: ./src/core/history.ts

/** First line that differs, as a line that exists in the edited file (annotations must land on it). */
function firstDifferentLine(before, after) {
    const a = before.split("\n");
    const b = after.split("\n");
    for (let i = 0; i < Math.max(a.length, b.length); i++) {
        if (a[i] !== b[i])
            return Math.min(i + 1, b.length);
    }
    return 1;
}
function checkHistory(params) {
    const current = new Map(params.current.map((m) => [m.name, m]));
    const byChecksum = new Map();
    for (const m of params.current)
        byChecksum.set(m.checksum, m);
    const baseNames = new Set(params.base.map((b) => b.name));
    const findings = [];
    for (const b of params.base) {
        const now = current.get(b.name);
        if (now) {
            if (now.sql !== b.sql) {
                const onlyLineEndings = now.sql.replace(/\r\n/g, "\n") === b.sql.replace(/\r\n/g, "\n");
                // Prisma's checksum comparison tolerates line-ending changes (a Windows checkout), so those
                // are a warning; any other edit breaks every environment that applied the migration.
                findings.push({
                    rule: "edited-migration",
                    severity: onlyLineEndings ? "warning" : "error",
                    file: now.file,
                    line: firstDifferentLine(b.sql, now.sql),
                    message: onlyLineEndings
                        ? `Migration "${b.name}" is already on the base branch and its line endings changed (line endings only). Prisma accepts this, but restore the original file (check .gitattributes / core.autocrlf) so the history stays byte for byte.`
                        : `Migration "${b.name}" is already on the base branch and was edited. ` +
                            `Databases that applied it keep the old version and \`prisma migrate deploy\` reports a checksum mismatch. ` +
                            `Revert this file and put the change in a new migration.`,
                });
            }
            continue;
        }
        const moved = byChecksum.get(checksum(b.sql));
        if (moved && !baseNames.has(moved.name)) {
            findings.push({
                rule: "renamed-migration",
                severity: "error",
                file: moved.file,
                line: 1,
                message: `Migration "${b.name}" was renamed to "${moved.name}". Databases that applied it would apply it again under the new name. Restore the original folder name.`,
            });
        }
        else {
            findings.push({
                rule: "deleted-migration",
                severity: "error",
                file: b.file,
                message: `Migration "${b.name}" exists on the base branch and was deleted. Environments that applied it keep its changes; a fresh database would not. Restore it; undo its effect with a new migration instead.`,
            });
        }
    }
    return findings;
}

;// CONCATENATED MODULE: ./src/core/prisma-schema.ts
// Just enough reading of schema.prisma and prisma.config.ts to know where things are and which
// environment variable carries the database URL. Prisma itself stays the authority: these are hints
// the Prisma CLI is then run with.
function stripComments(text) {
    return text.replace(/\/\/.*$/gm, "");
}
function parseDatasource(schemaText) {
    const block = /datasource\s+\w+\s*\{([^}]*)\}/.exec(stripComments(schemaText));
    if (!block)
        return {};
    const body = block[1] ?? "";
    const info = {};
    const provider = /\bprovider\s*=\s*"([^"]+)"/.exec(body);
    if (provider)
        info.provider = provider[1];
    const url = /\burl\s*=\s*env\(\s*"([^"]+)"\s*\)/.exec(body);
    if (url)
        info.urlEnv = url[1];
    const direct = /\bdirectUrl\s*=\s*env\(\s*"([^"]+)"\s*\)/.exec(body);
    if (direct)
        info.directUrlEnv = direct[1];
    const schemas = /\bschemas\s*=\s*\[([^\]]*)\]/.exec(body);
    if (schemas)
        info.schemas = [...(schemas[1] ?? "").matchAll(/"([^"]+)"/g)].map((m) => m[1] ?? "");
    return info;
}
function parseConfigHints(configText) {
    const text = configText.replace(/\/\*[\s\S]*?\*\//g, "").replace(/(^|[^:])\/\/.*$/gm, "$1");
    const hints = { envVars: [], usesAdapter: /\badapter\s*:/.test(text) || /engine\s*:\s*["']js["']/.test(text) };
    const schema = /\bschema\s*:\s*["'`]([^"'`]+)["'`]/.exec(text);
    if (schema)
        hints.schema = schema[1];
    const migrations = /\bmigrations\s*:\s*\{[^}]*?\bpath\s*:\s*["'`]([^"'`]+)["'`]/.exec(text);
    if (migrations)
        hints.migrationsPath = migrations[1];
    for (const m of text.matchAll(/\benv\(\s*["'`]([A-Za-z_][A-Za-z0-9_]*)["'`]\s*\)|process\.env\.([A-Za-z_][A-Za-z0-9_]*)|process\.env\[\s*["'`]([A-Za-z_][A-Za-z0-9_]*)["'`]\s*\]/g)) {
        const name = m[1] ?? m[2] ?? m[3];
        if (name && !hints.envVars.includes(name))
            hints.envVars.push(name);
    }
    const ds = /\bdatasource\s*:\s*\{[^}]*?\burl\s*:\s*(?:env\(\s*["'`]([A-Za-z_][A-Za-z0-9_]*)["'`]\s*\)|process\.env\.([A-Za-z_][A-Za-z0-9_]*)|process\.env\[\s*["'`]([A-Za-z_][A-Za-z0-9_]*)["'`]\s*\])/.exec(text);
    if (ds)
        hints.datasourceUrlEnv = ds[1] ?? ds[2] ?? ds[3];
    return hints;
}
/**
 * The variables that must point at the verify database: the one Prisma reads the URL from, and
 * directUrl (Prisma Migrate prefers it). Shadow-database variables are deliberately not included.
 */
function urlVariables(datasource, hints) {
    const vars = [];
    const add = (v) => { if (v && !vars.includes(v))
        vars.push(v); };
    add(hints?.datasourceUrlEnv);
    add(datasource.urlEnv);
    add(datasource.directUrlEnv);
    // A config that builds an adapter reads the URL from its own variable; take those it names that
    // look like a database URL variable and are not a shadow database.
    for (const v of hints?.envVars ?? []) {
        if (/URL|DSN|DATABASE|POSTGRES|DB/i.test(v) && !/SHADOW/i.test(v))
            add(v);
    }
    if (vars.length === 0)
        add("DATABASE_URL");
    return vars;
}
/** The `lock-file` check's core: provider in migration_lock.toml. */
function parseLockProvider(lockText) {
    return /^\s*provider\s*=\s*"([^"]+)"/m.exec(lockText)?.[1];
}
/** Prisma treats "postgresql" and "postgres" as the same provider. */
function sameProvider(a, b) {
    const norm = (p) => (p === "postgres" ? "postgresql" : p);
    return norm(a) === norm(b);
}

;// CONCATENATED MODULE: ./src/core/lock-file.ts

function checkLockFile(params) {
    if (params.lockFile === undefined) {
        return [{
                rule: "missing-lock-file",
                severity: "error",
                file: params.lockPath,
                message: `${params.lockPath} is missing. Prisma writes it with the first migration; commit it (it must say provider = "postgresql").`,
            }];
    }
    const provider = parseLockProvider(params.lockFile);
    if (!provider) {
        return [{ rule: "invalid-lock-file", severity: "error", file: params.lockPath, line: 1, message: `${params.lockPath} has no provider line; expected provider = "postgresql".` }];
    }
    const findings = [];
    if (params.schemaProvider && !sameProvider(provider, params.schemaProvider)) {
        findings.push({
            rule: "provider-mismatch",
            severity: "error",
            file: params.lockPath,
            line: lineOf(params.lockFile, "provider"),
            message: `${params.lockPath} says provider "${provider}" but ${params.schemaPath} uses "${params.schemaProvider}". Migrations were made for another database; Prisma refuses to apply them.`,
        });
    }
    if (!sameProvider(provider, "postgresql")) {
        findings.push({ rule: "unsupported-provider", severity: "error", file: params.lockPath, line: lineOf(params.lockFile, "provider"), message: `migrate-guard verifies PostgreSQL projects; ${params.lockPath} says "${provider}".` });
    }
    return findings;
}
function lineOf(text, needle) {
    const index = text.split("\n").findIndex((l) => l.trimStart().startsWith(needle));
    return index < 0 ? 1 : index + 1;
}

;// CONCATENATED MODULE: ./src/core/naming.ts
/** Names that say nothing about the change. Compared after removing the numeric prefix. */
const DEFAULT_GENERIC_NAMES = [
    "changes", "change", "fix", "fixes", "update", "updates", "test", "tests", "tmp", "temp", "wip",
    "migration", "migrations", "new", "misc", "stuff", "patch", "edit", "edits", "draft", "untitled",
    "foo", "bar", "asdf", "todo", "dev", "schema", "db", "prisma", "auto", "generated",
];
/** `20240101120000_add_users` → `add_users`; `01_init` → `init`. */
function descriptivePart(name) {
    return name.replace(/^\d+(?:[_-]|$)/, "");
}
function normalise(word) {
    return word.toLowerCase().replace(/[\s_-]+/g, "_").replace(/_?\d+$/, "");
}
function checkNaming(params) {
    const generic = new Set((params.genericNames ?? DEFAULT_GENERIC_NAMES).map(normalise));
    const findings = [];
    for (const folder of params.foldersWithoutSql) {
        findings.push({
            rule: "missing-migration-sql",
            severity: "error",
            file: `${params.migrationsDirRel}/${folder}`,
            message: `Migration folder "${folder}" has no migration.sql. Prisma fails on it: add the SQL or delete the folder.`,
        });
    }
    for (const m of params.migrations) {
        if (!params.newNames.has(m.name))
            continue;
        const part = descriptivePart(m.name);
        const words = normalise(part);
        if (words === "" || generic.has(words)) {
            findings.push({
                rule: "generic-name",
                severity: "error",
                file: m.file,
                line: 1,
                message: `Migration name "${m.name}" does not say what it changes${part ? ` ("${part}" is generic)` : ""}. ` +
                    `Recreate it with a descriptive name, e.g. \`prisma migrate dev --create-only --name add_user_email\`.`,
            });
        }
    }
    return findings;
}

;// CONCATENATED MODULE: ./src/core/order.ts

function checkOrder(params) {
    let lastBase;
    for (const name of params.baseNames) {
        if (lastBase === undefined || compareMigrationNames(name, lastBase) > 0)
            lastBase = name;
    }
    if (lastBase === undefined)
        return [];
    const findings = [];
    for (const m of params.migrations) {
        if (params.baseNames.has(m.name))
            continue;
        if (compareMigrationNames(m.name, lastBase) < 0) {
            findings.push({
                rule: "out-of-order",
                severity: "error",
                file: m.file,
                line: 1,
                message: `New migration "${m.name}" sorts before "${lastBase}", which is already on the base branch. ` +
                    `Databases that have the base migrations would apply it last, fresh ones in the middle. ` +
                    `Rename its folder with a timestamp after ${lastBase.slice(0, 14)} (e.g. recreate it with \`prisma migrate dev\`).`,
            });
        }
    }
    return findings;
}

;// CONCATENATED MODULE: external "node:child_process"
const external_node_child_process_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:child_process");
;// CONCATENATED MODULE: ./src/git/git.ts
// The git adapter: the base ref's migrations, read with at most two git processes whatever their
// number (`ls-tree` for names and blob ids, one `cat-file --batch` for the files the working tree does
// not hold byte for byte).





function git(cwd, args, input) {
    return new Promise((resolve, reject) => {
        const child = (0,external_node_child_process_namespaceObject.spawn)("git", args, { cwd, stdio: [input === undefined ? "ignore" : "pipe", "pipe", "pipe"] });
        const out = [];
        let err = "";
        child.stdout.on("data", (d) => out.push(d));
        child.stderr.on("data", (d) => { err += d.toString(); });
        child.on("error", (e) => reject(new ConfigurationError(`git could not be started (${e.message}); install git or omit --base-ref.`)));
        child.on("close", (code) => resolve({ code: code ?? 1, stdout: Buffer.concat(out), stderr: err }));
        if (input !== undefined) {
            child.stdin.on("error", () => { }); // git exiting early is reported by its exit code
            child.stdin.end(input);
        }
    });
}
async function repositoryRoot(dir) {
    const r = await git(dir, ["rev-parse", "--show-toplevel"]);
    return r.code === 0 ? r.stdout.toString().trim() : undefined;
}
async function resolveCommit(repoRoot, ref) {
    if (ref.startsWith("-"))
        throw new ConfigurationError(`Invalid base ref "${ref}". Expected a branch, tag or commit SHA.`);
    const r = await git(repoRoot, ["rev-parse", "--verify", "--quiet", `${ref}^{commit}`]);
    if (r.code !== 0) {
        throw new ConfigurationError(`Base ref "${ref}" is not a commit in this repository. In GitHub Actions check out with \`fetch-depth: 0\` ` +
            `(actions/checkout fetches one commit by default), or fetch the base branch first.`);
    }
    return r.stdout.toString().trim();
}
/**
 * Every `<migrationsDir>/<name>/migration.sql` at `commit`. `migrationsDir` is absolute; it may not
 * exist at that commit (first migration in this PR): then there are no base migrations.
 */
async function migrationsAtCommit(repoRoot, commit, migrationsDir, 
/** The working tree's migrations (path relative to repoRoot): a file whose blob id matches is not read from git. */
current = []) {
    const rel = toPosix(external_node_path_default().relative(repoRoot, migrationsDir));
    const list = await git(repoRoot, ["ls-tree", "-r", "-z", "--full-tree", commit, "--", `${rel}/`]);
    if (list.code !== 0)
        throw new Error(`git ls-tree failed: ${list.stderr.trim()}`);
    // "<mode> blob <id>\t<path>" per entry.
    const entries = list.stdout.toString().split("\0").flatMap((line) => {
        const tab = line.indexOf("\t");
        const [, type, id] = line.slice(0, tab).split(" ");
        const file = line.slice(tab + 1);
        const parts = file.slice(rel.length + 1).split("/");
        return type === "blob" && id && file.startsWith(`${rel}/`) && parts.length === 2 && parts[1] === "migration.sql" ? [{ file, id }] : [];
    });
    if (entries.length === 0)
        return [];
    // An unchanged file (the whole history but a PR's few new files) is taken from the working tree:
    // its bytes hash to the blob id the base commit names, so they are the base's bytes.
    const byFile = new Map(current.map((m) => [m.file, m.sql]));
    const known = new Map();
    for (const { file, id } of entries) {
        const sql = byFile.get(file);
        if (sql !== undefined && blobId(Buffer.from(sql, "utf8"), id.length) === id)
            known.set(file, sql);
    }
    const missing = entries.filter((e) => !known.has(e.file)).map((e) => e.file);
    if (missing.length > 0) {
        const batch = await git(repoRoot, ["cat-file", "--batch"], missing.map((f) => `${commit}:${f}`).join("\n") + "\n");
        if (batch.code !== 0)
            throw new Error(`git cat-file failed: ${batch.stderr.trim()}`);
        for (const m of parseBatch(batch.stdout, missing))
            known.set(m.file, m.sql);
    }
    return entries.map(({ file }) => ({ name: file.split("/").at(-2) ?? file, file, sql: known.get(file) }));
}
/** Git's object id of a blob: sha1 (40 hex) or, in a sha256 repository, sha256 (64 hex) of "blob <size>\0<bytes>". */
function blobId(bytes, hexLength) {
    return (0,external_node_crypto_.createHash)(hexLength === 64 ? "sha256" : "sha1").update(`blob ${bytes.length}\0`).update(bytes).digest("hex");
}
/** `git cat-file --batch` output: "<sha> <type> <size>\n<content>\n" per object. */
function parseBatch(out, files) {
    const result = [];
    let offset = 0;
    for (const file of files) {
        const headerEnd = out.indexOf(10, offset);
        const header = out.subarray(offset, headerEnd).toString();
        const size = Number(header.split(" ")[2]);
        if (!Number.isFinite(size))
            throw new Error(`Unexpected git cat-file output for ${file}: ${header}`);
        const content = out.subarray(headerEnd + 1, headerEnd + 1 + size).toString("utf8");
        offset = headerEnd + 1 + size + 1;
        result.push({ name: file.split("/").at(-2) ?? file, file, sql: content });
    }
    return result;
}

// EXTERNAL MODULE: external "node:net"
var external_node_net_ = __nccwpck_require__(7030);
var external_node_net_default = /*#__PURE__*/__nccwpck_require__.n(external_node_net_);
// EXTERNAL MODULE: ./node_modules/pg/lib/index.js
var lib = __nccwpck_require__(3273);
;// CONCATENATED MODULE: ./node_modules/pg/esm/index.mjs
// ESM wrapper for pg


// Re-export all the properties
const Client = lib.Client
const Pool = lib.Pool
const Connection = lib.Connection
const types = lib.types
const Query = lib.Query
const DatabaseError = lib.DatabaseError
const escapeIdentifier = lib.escapeIdentifier
const escapeLiteral = lib.escapeLiteral
const Result = lib.Result
const TypeOverrides = lib.TypeOverrides

// Also export the defaults
const defaults = lib.defaults

// Re-export the default
/* harmony default export */ const esm = (lib);

;// CONCATENATED MODULE: ./src/core/logger.ts
const silentLogger = { info() { }, warning() { }, error() { }, debug() { } };
/** A logger that keeps every line: for tests. */
class RecordingLogger {
    lines = [];
    info(message) { this.lines.push({ level: "info", message }); }
    warning(message) { this.lines.push({ level: "warning", message }); }
    error(message) { this.lines.push({ level: "error", message }); }
    debug(message) { this.lines.push({ level: "debug", message }); }
    text() { return this.lines.map((l) => `${l.level}: ${l.message}`).join("\n"); }
}

;// CONCATENATED MODULE: ./src/postgres/binaries.ts
// Finds PostgreSQL server installations (a directory holding both `postgres` and `initdb`) so that a
// throwaway cluster can be started without Docker.





const execFileAsync = (0,external_node_util_.promisify)(external_node_child_process_namespaceObject.execFile);
const exe = process.platform === "win32" ? ".exe" : "";
/** Parent directories whose matching children hold a `bin/` with a server. */
const GLOBBED_ROOTS = [
    // Debian/Ubuntu packages, which is what GitHub's Ubuntu runners ship.
    { parent: "/usr/lib/postgresql", child: /^\d+(\.\d+)?$/, suffix: "bin" },
    // Homebrew on Apple silicon and on Intel.
    { parent: "/opt/homebrew/opt", child: /^postgresql(@\d+)?$/, suffix: "bin" },
    { parent: "/usr/local/opt", child: /^postgresql(@\d+)?$/, suffix: "bin" },
    // PGDG RPMs (RHEL, Fedora, Amazon Linux).
    { parent: "/usr", child: /^pgsql-\d+$/, suffix: "bin" },
];
const FIXED_DIRS = ["/usr/local/pgsql/bin"];
async function isExecutable(file) {
    try {
        await (0,promises_namespaceObject.access)(file, promises_namespaceObject.constants.X_OK);
        return true;
    }
    catch {
        return false;
    }
}
async function globbedDirs() {
    const out = [];
    for (const { parent, child, suffix } of GLOBBED_ROOTS) {
        let entries;
        try {
            entries = await (0,promises_namespaceObject.readdir)(parent);
        }
        catch {
            continue;
        }
        for (const entry of entries.sort())
            if (child.test(entry))
                out.push(external_node_path_default().join(parent, entry, suffix));
    }
    return out;
}
async function pgConfigBindir() {
    try {
        const { stdout } = await execFileAsync(`pg_config${exe}`, ["--bindir"], { timeout: 10_000 });
        const dir = stdout.trim();
        return dir ? [dir] : [];
    }
    catch {
        // No pg_config on PATH is normal (client-only or no PostgreSQL at all).
        return [];
    }
}
function pathDirs() {
    return (process.env.PATH ?? "").split((external_node_path_default()).delimiter).filter((dir) => dir && external_node_path_default().isAbsolute(dir));
}
/** "postgres (PostgreSQL) 15.18 (Debian 15.18-0+deb12u1)" → "15.18"; also handles "17beta1". */
function parseServerVersion(output) {
    const match = /\(PostgreSQL\)\s+(\d+)((?:\.\d+)*)(\S*)/.exec(output) ?? /\b(\d+)((?:\.\d+)*)(\S*)/.exec(output);
    if (!match)
        return undefined;
    return { version: `${match[1]}${match[2]}${match[3]}`, major: Number(match[1]) };
}
/** "16" / "15.4" / " 15 " → 15. Throws ConfigurationError on anything else. */
function parseRequestedMajor(requested) {
    const text = requested.trim();
    if (!/^\d+(\.\d+)*$/.test(text)) {
        throw new ConfigurationError(`postgres-version "${requested}" is not a PostgreSQL version; expected a major version such as "16" (or "16.4", of which only the major is used).`);
    }
    return Number(text.split(".")[0]);
}
/** The canonical bindir when `dir` holds both programs: initdb finds postgres next to its own real path. */
async function canonicalBindir(dir) {
    const postgres = external_node_path_default().join(dir, `postgres${exe}`);
    if (!(await isExecutable(postgres)) || !(await isExecutable(external_node_path_default().join(dir, `initdb${exe}`))))
        return undefined;
    const bindir = external_node_path_default().dirname(await (0,promises_namespaceObject.realpath)(postgres));
    return (await isExecutable(external_node_path_default().join(bindir, `initdb${exe}`))) ? bindir : undefined;
}
async function inspect(bindir) {
    const postgres = external_node_path_default().join(bindir, `postgres${exe}`);
    try {
        const { stdout } = await execFileAsync(postgres, ["--version"], { timeout: 10_000 });
        const parsed = parseServerVersion(stdout);
        return parsed && { bindir, postgres, initdb: external_node_path_default().join(bindir, `initdb${exe}`), ...parsed };
    }
    catch {
        return undefined;
    }
}
/** Every distinct server installation on this machine, highest major first. */
async function listPostgresInstallations() {
    const candidates = new Set([...pathDirs(), ...(await pgConfigBindir()), ...FIXED_DIRS, ...(await globbedDirs())]);
    const bindirs = await Promise.all([...candidates].map((dir) => canonicalBindir(dir).catch(() => undefined)));
    const unique = [...new Set(bindirs.filter((dir) => dir !== undefined))];
    const found = (await Promise.all(unique.map(inspect))).filter((i) => i !== undefined);
    return found.sort((a, b) => b.major - a.major || compareVersions(b.version, a.version));
}
function compareVersions(a, b) {
    const pa = a.split(/\D+/).map(Number);
    const pb = b.split(/\D+/).map(Number);
    for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
        const diff = (pa[i] ?? 0) - (pb[i] ?? 0);
        if (diff)
            return diff;
    }
    return 0;
}
const SEARCHED = "PATH, `pg_config --bindir`, /usr/lib/postgresql/*/bin, /usr/local/pgsql/bin, /opt/homebrew/opt/postgresql@*/bin, /usr/local/opt/postgresql@*/bin and /usr/pgsql-*/bin";
/**
 * The installation to start a throwaway cluster with: the requested major ("15", "15.4" → 15), or the
 * highest one installed when nothing is requested.
 */
async function findPostgres(requested) {
    const wanted = requested?.trim() ? parseRequestedMajor(requested) : undefined;
    const installations = await listPostgresInstallations();
    const match = wanted === undefined ? installations[0] : installations.find((i) => i.major === wanted);
    if (match)
        return match;
    const what = wanted === undefined ? "A PostgreSQL server" : `PostgreSQL ${wanted} (postgres-version "${requested.trim()}")`;
    const install = `install ${wanted === undefined ? "one" : `PostgreSQL ${wanted}`} (Ubuntu/Debian: sudo apt-get install postgresql${wanted === undefined ? "" : `-${wanted}`}; ` +
        `macOS: brew install postgresql@${wanted ?? 17}), or set database-url to an empty database (for example a postgres service container).`;
    if (installations.length === 0) {
        throw new ConfigurationError(`${what} was requested but no PostgreSQL server installation was found (searched ${SEARCHED}). Either ${install}`);
    }
    const found = installations.map((i) => `PostgreSQL ${i.version} at ${i.bindir}`).join("; ");
    const majors = [...new Set(installations.map((i) => `"${i.major}"`))].join(" or ");
    throw new ConfigurationError(`${what} was requested but is not installed. Found: ${found}. Set postgres-version to ${majors}, ${install}`);
}

;// CONCATENATED MODULE: ./src/postgres/scratch-dir.ts
// Where throwaway clusters (and the initdb template they are copied from) live. A cluster is ~1,000
// small files before a single migration runs, and every table and index adds more: measured on this
// project's 2-core ext4 VM, copying the 28 MB template took 0.7–1.2 s of system time in the OS temp
// dir and 0.06 s on tmpfs, and a warm verify of trigger.dev's 820 migrations went from 5.5–6.9 s to
// 3.7–4.0 s. Durability is worthless for a server that is deleted afterwards, so memory is the place.


/** Linux's TMPFS_MAGIC (statfs f_type). */
const TMPFS_MAGIC = 0x01021994;
/** /dev/shm is used only with at least this much free: Docker's default 64 MB /dev/shm is skipped. */
const MIN_SHM_FREE_BYTES = 1024 ** 3;
const realProbe = {
    env: process.env,
    platform: process.platform,
    statfs(path) {
        try {
            (0,external_node_fs_.accessSync)(path, external_node_fs_.constants.W_OK);
            const s = (0,external_node_fs_.statfsSync)(path);
            return { type: Number(s.type), freeBytes: Number(s.bavail) * Number(s.bsize) };
        }
        catch {
            return undefined;
        }
    },
    tmpdir: () => external_node_os_default().tmpdir(),
};
/**
 * MIGRATE_GUARD_PG_TMPDIR when set; else /dev/shm when it is a writable tmpfs with at least
 * MIN_SHM_FREE_BYTES free (Linux, e.g. GitHub's Ubuntu runners); else the OS temp dir.
 */
function scratchParentDir(probe = realProbe) {
    const explicit = probe.env.MIGRATE_GUARD_PG_TMPDIR?.trim();
    if (explicit)
        return explicit;
    if (probe.platform === "linux") {
        const shm = probe.statfs("/dev/shm");
        if (shm && shm.type === TMPFS_MAGIC && shm.freeBytes >= MIN_SHM_FREE_BYTES)
            return "/dev/shm";
    }
    return probe.tmpdir();
}
let chosen;
/** scratchParentDir(), decided once per process (clusters and templates must agree). */
function clusterParentDir() {
    return (chosen ??= scratchParentDir());
}

;// CONCATENATED MODULE: ./src/postgres/cleanup.ts
// Making sure no throwaway server outlives the process that started it. Callers stop clusters in
// try/finally; the hooks here are the safety net for exceptions that escape, process.exit() and
// SIGINT/SIGTERM. A SIGKILL of this process cannot be caught: the server would then keep running.



/** Prefix of every cluster's root dir; stopClusterFromState refuses to delete anything else. */
const ROOT_DIR_PREFIX = "migrate-guard-pg-";
const live = new Set();
function sleepSync(ms) {
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}
function signal(pid, sig) {
    try {
        process.kill(pid, sig);
        return true;
    }
    catch {
        return false;
    }
}
/**
 * Whether the postmaster still runs. The pid file is checked too because an exited child of this
 * process stays a zombie (kill(pid, 0) succeeds) until the event loop reaps it; the postmaster
 * removes postmaster.pid on every exit except SIGKILL.
 */
function isPostmasterRunning(pid, dataDir) {
    if (!signal(pid, 0))
        return false;
    try {
        return (0,external_node_fs_.readFileSync)(external_node_path_default().join(dataDir, "postmaster.pid"), "utf8").split("\n")[0]?.trim() === String(pid);
    }
    catch {
        return false;
    }
}
/**
 * Synchronous, for exit and signal hooks: immediate shutdown (SIGQUIT), in which the postmaster stops
 * its backends and releases its shared memory; a short wait; SIGKILL; then the directory. Backends
 * run in their own process groups, so they cannot be killed as a group; after a SIGKILL of the
 * postmaster they notice its death and exit by themselves.
 */
function killClusterSync(cluster) {
    const { pid } = cluster;
    if (pid !== undefined) {
        if (signal(pid, "SIGQUIT")) {
            const deadline = Date.now() + 1000;
            while (Date.now() < deadline && isPostmasterRunning(pid, cluster.dataDir))
                sleepSync(5);
        }
        signal(pid, "SIGKILL");
    }
    try {
        (0,external_node_fs_.rmSync)(cluster.rootDir, { recursive: true, force: true, maxRetries: 3 });
    }
    catch {
        // Nothing more can be done while the process exits.
    }
}
function killAll() {
    for (const cluster of live)
        killClusterSync(cluster);
    live.clear();
    uninstall();
}
const onExit = () => killAll();
const onSigint = () => {
    killAll();
    process.exit(130);
};
const onSigterm = () => {
    killAll();
    process.exit(143);
};
function install() {
    process.on("exit", onExit);
    process.on("SIGINT", onSigint);
    process.on("SIGTERM", onSigterm);
}
function uninstall() {
    process.off("exit", onExit);
    process.off("SIGINT", onSigint);
    process.off("SIGTERM", onSigterm);
}
/** Hooks are installed only while a cluster is alive, so an idle process keeps its default signal behaviour. */
function register(cluster) {
    if (live.size === 0)
        install();
    live.add(cluster);
}
function unregister(cluster) {
    if (!live.delete(cluster))
        return;
    if (live.size === 0)
        uninstall();
}
async function waitUntilStopped(pid, dataDir, ms) {
    const deadline = Date.now() + ms;
    while (isPostmasterRunning(pid, dataDir)) {
        if (Date.now() >= deadline)
            return false;
        await new Promise((resolve) => setTimeout(resolve, 20));
    }
    return true;
}
/** The timer stays referenced so that the process cannot exit halfway through a stop. */
function settlesWithin(promise, ms) {
    return new Promise((resolve) => {
        const timer = setTimeout(() => resolve(false), ms);
        const done = () => {
            clearTimeout(timer);
            resolve(true);
        };
        promise.then(done, done);
    });
}
/**
 * Fast shutdown (SIGINT), escalating to immediate shutdown (SIGQUIT) and then SIGKILL. `exited`
 * resolves when the process is known to be gone, when we own it.
 */
async function shutdownPostmaster(pid, dataDir, exited) {
    const steps = [
        ["SIGINT", 5000],
        ["SIGQUIT", 2000],
    ];
    for (const [sig, ms] of steps) {
        // Both shutdown modes wait for every backend before the postmaster exits.
        if (!isPostmasterRunning(pid, dataDir) || !signal(pid, sig))
            return;
        const stopped = exited ? await settlesWithin(exited, ms) : await waitUntilStopped(pid, dataDir, ms);
        if (stopped)
            return;
    }
    signal(pid, "SIGKILL");
}
/**
 * Stops a cluster started with `detached: true` by another process (an action's `post:` step) and
 * deletes its directory. Harmless when the server already stopped or the directory is gone.
 */
async function stopClusterFromState(state) {
    const rootDir = path.resolve(state.rootDir);
    const dataDir = path.resolve(state.dataDir);
    // The state comes from outside this process: never signal or delete something that is not ours.
    if (!path.basename(rootDir).startsWith(ROOT_DIR_PREFIX) || path.dirname(dataDir) !== rootDir) {
        throw new Error(`Refusing to stop a cluster from unexpected state: rootDir=${state.rootDir}, dataDir=${state.dataDir}`);
    }
    if (Number.isInteger(state.pid) && state.pid > 0) {
        const pidFile = await readFile(path.join(dataDir, "postmaster.pid"), "utf8").catch(() => "");
        if (pidFile.split("\n")[0]?.trim() === String(state.pid))
            await shutdownPostmaster(state.pid, dataDir);
    }
    await rm(rootDir, { recursive: true, force: true, maxRetries: 3 });
}

;// CONCATENATED MODULE: ./src/postgres/data-dir.ts
// Creates a cluster's data directory. Both initdb and a copy create ~970 files, but initdb also runs
// the bootstrap backend: measured on a 2-core machine, initdb 0.5-1.7 s vs copy 0.04-1.1 s depending
// on the file system. So the first run keeps an initdb'd template in the OS temp dir and later runs
// copy it.





// A UTC server makes verify's output independent of the machine's zone (no measurable speed gain).
const INITDB_ENV = { TZ: "UTC", LC_ALL: "C" };
function initdbArgs(major) {
    const args = ["-U", "postgres", "--auth=trust", "-E", "UTF8", "--locale=C", "--no-sync"];
    // 1 MB instead of 16 MB of preallocated WAL: 28 MB instead of 39 MB to write per cluster.
    if (major >= 11)
        args.push("--wal-segsize=1");
    return args;
}
function run(file, args, user, cwd, env) {
    return new Promise((resolve, reject) => {
        (0,external_node_child_process_namespaceObject.execFile)(file, args, { cwd, env: { ...process.env, ...env }, uid: user?.uid, gid: user?.gid, maxBuffer: 4 * 1024 * 1024, timeout: 120_000 }, (error, _stdout, stderr) => {
            if (error)
                reject(new Error(`${external_node_path_default().basename(file)} ${args.join(" ")} failed: ${String(stderr).trim() || error.message}`));
            else
                resolve();
        });
    });
}
function initdb(install, dataDir, user) {
    return run(install.initdb, ["-D", dataDir, ...initdbArgs(install.major)], user, external_node_path_default().dirname(dataDir), INITDB_ENV);
}
function templatesRoot() {
    return external_node_path_default().join(clusterParentDir(), `migrate-guard-pg-templates-${process.getuid?.() ?? "user"}`);
}
async function templateKey(install, user) {
    // The binary's mtime changes on a package upgrade, whose catalog may differ from the old template.
    const { mtimeMs } = await (0,promises_namespaceObject.stat)(install.postgres);
    const material = [install.postgres, install.version, install.major, mtimeMs, initdbArgs(install.major).join(" "), JSON.stringify(INITDB_ENV), user?.uid ?? ""];
    return `${install.major}-${(0,external_node_crypto_.createHash)("sha256").update(material.join("\0")).digest("hex").slice(0, 16)}`;
}
/** A usable template: complete (rename is atomic, so existing means complete) and not planted by another user. */
async function isUsableTemplate(dir, user) {
    try {
        const [info] = await Promise.all([(0,promises_namespaceObject.stat)(dir), (0,promises_namespaceObject.stat)(external_node_path_default().join(dir, "PG_VERSION")), (0,promises_namespaceObject.stat)(external_node_path_default().join(dir, "global", "pg_control"))]);
        return info.isDirectory() && info.uid === (user?.uid ?? process.getuid?.() ?? info.uid);
    }
    catch {
        return false;
    }
}
// Clusters started together in one process share one initdb instead of racing several.
const building = new Map();
function ensureTemplate(install, user) {
    const key = `${install.postgres}\0${user?.uid ?? ""}`;
    let pending = building.get(key);
    if (!pending) {
        pending = buildTemplate(install, user).finally(() => building.delete(key));
        building.set(key, pending);
    }
    return pending;
}
async function buildTemplate(install, user) {
    const root = templatesRoot();
    // 0755 so that the unprivileged server user can read through it when we run as root; templates
    // are empty trust-auth clusters and hold nothing secret.
    await (0,promises_namespaceObject.mkdir)(root, { recursive: true, mode: 0o755 });
    const rootInfo = await (0,promises_namespaceObject.stat)(root);
    if (process.getuid && rootInfo.uid !== process.getuid())
        throw new Error(`${root} belongs to another user`);
    if ((rootInfo.mode & 0o777) !== 0o755)
        await (0,promises_namespaceObject.chmod)(root, 0o755); // a strict umask would lock the server user out
    const template = external_node_path_default().join(root, await templateKey(install, user));
    if (await isUsableTemplate(template, user))
        return template;
    await (0,promises_namespaceObject.rm)(template, { recursive: true, force: true });
    // Build under a unique name and rename into place, so that concurrent first runs never see a
    // half-written template; the loser of the rename race discards its copy.
    const build = await (0,promises_namespaceObject.mkdtemp)(external_node_path_default().join(root, ".build-"));
    try {
        await chownIf(build, user);
        await initdb(install, external_node_path_default().join(build, "data"), user);
        try {
            await (0,promises_namespaceObject.rename)(external_node_path_default().join(build, "data"), template);
        }
        catch (error) {
            if (!(await isUsableTemplate(template, user)))
                throw error;
        }
    }
    finally {
        await (0,promises_namespaceObject.rm)(build, { recursive: true, force: true });
    }
    await pruneTemplates(root, external_node_path_default().basename(template));
    return template;
}
/**
 * A new template of a major replaces the others of that major (an upgraded or moved binary, another
 * initdb setting): they would never be copied again, and in /dev/shm each holds ~28 MB of memory.
 * Templates of other majors stay (several majors can be installed and used in turns). Never throws.
 */
async function pruneTemplates(root, keep) {
    const major = keep.split("-")[0];
    const entries = await (0,promises_namespaceObject.readdir)(root).catch(() => []);
    const stale = entries.filter((e) => e !== keep && /^\d+-[0-9a-f]{16}$/.test(e) && e.split("-")[0] === major);
    await Promise.all(stale.map((e) => (0,promises_namespaceObject.rm)(external_node_path_default().join(root, e), { recursive: true, force: true }).catch(() => { })));
    return stale;
}
async function chownIf(dir, user) {
    if (user)
        await (0,promises_namespaceObject.chown)(dir, user.uid, user.gid);
}
/** Removes a template whose copy did not start, so the next run rebuilds it. */
async function discardTemplate(template) {
    await (0,promises_namespaceObject.rm)(template, { recursive: true, force: true });
}
/**
 * Creates `dataDir` (which must not exist; its parent must be writable by `user`) either by copying a
 * cached template or, when `useTemplate` is false or the template cannot be made, by running initdb.
 */
async function createDataDir(install, dataDir, user, useTemplate, onTemplateError = () => { }) {
    const started = performance.now();
    if (useTemplate) {
        let template;
        try {
            template = await ensureTemplate(install, user);
        }
        catch (error) {
            onTemplateError(error);
        }
        if (template) {
            try {
                // cp -Rp as the server user: keeps the 0700 mode postgres insists on, and the owner.
                await run("cp", ["-Rp", template, dataDir], user, external_node_path_default().dirname(dataDir));
                return { method: "template", ms: performance.now() - started, template };
            }
            catch (error) {
                onTemplateError(error);
                await (0,promises_namespaceObject.rm)(dataDir, { recursive: true, force: true });
            }
        }
    }
    await initdb(install, dataDir, user);
    return { method: "initdb", ms: performance.now() - started };
}

;// CONCATENATED MODULE: ./src/postgres/database.ts
// Small helpers over `pg`. Each opens one connection and closes it in finally; errors that reach the
// user name host, port and database but never the password or the full URL.


function quoteIdentifier(name) {
    return `"${name.replace(/"/g, '""')}"`;
}
/** "host:port/database" (and user) for messages; nothing secret. */
function describeUrl(url) {
    try {
        const u = new URL(url);
        const host = u.hostname || new URLSearchParams(u.search).get("host") || "localhost";
        const database = decodeURIComponent(u.pathname.replace(/^\//, "")) || "(default database)";
        const user = u.username ? ` as user "${decodeURIComponent(u.username)}"` : "";
        return `${host}:${u.port || "5432"}/${database}${user}`;
    }
    catch {
        return "the database (the URL could not be parsed)";
    }
}
/** Every form a URL's credentials can take in a message (the URL itself, encoded and decoded password). */
function urlSecrets(url) {
    try {
        const u = new URL(url);
        return [url, u.password, decodeURIComponent(u.password), u.searchParams.get("password") ?? "", u.searchParams.get("sslpassword") ?? ""].filter((s) => s.length >= 4);
    }
    catch {
        return url.length >= 4 ? [url] : [];
    }
}
/**
 * node-postgres treats sslmode=require as verify-full; every other PostgreSQL client (libpq, psql,
 * pg_dump, Prisma) treats it as "encrypt, do not verify". A URL written for those clients must behave
 * the same here, so libpq semantics are asked for explicitly.
 */
function pgConnectionString(url) {
    try {
        const u = new URL(url);
        if (u.searchParams.has("sslmode") && !u.searchParams.has("uselibpqcompat"))
            u.searchParams.set("uselibpqcompat", "true");
        return u.toString();
    }
    catch {
        return url;
    }
}
/**
 * A connected client with libpq URL semantics and a listener for server-side disconnects (without
 * one the 'error' event would crash the process; the failing query reports it instead).
 */
async function connectClient(url, options = {}) {
    const client = new esm.Client({
        connectionString: pgConnectionString(url),
        connectionTimeoutMillis: options.timeoutMs ?? 15_000,
        ...(options.applicationName ? { application_name: options.applicationName } : {}),
    });
    client.on("error", () => { });
    try {
        await client.connect();
    }
    catch (error) {
        await client.end().catch(() => { });
        throw error;
    }
    return client;
}
/** Same URL, other database: for scratch databases created with createDatabase. */
function withDatabase(url, database) {
    const u = new URL(url);
    u.pathname = `/${encodeURIComponent(database)}`;
    return u.toString();
}
async function withClient(url, work) {
    const secrets = urlSecrets(url);
    let client;
    try {
        client = await connectClient(url);
    }
    catch (error) {
        const reason = redact(error instanceof Error ? error.message : String(error), secrets);
        throw new ConfigurationError(`Could not connect to PostgreSQL at ${describeUrl(url)}: ${reason}`);
    }
    try {
        return await work(client);
    }
    catch (error) {
        // Server messages can quote parts of the URL back (e.g. a bad database name): keep them clean.
        if (error instanceof Error)
            error.message = redact(error.message, secrets);
        throw error;
    }
    finally {
        await client.end().catch(() => { });
    }
}
/**
 * Refuses a database that holds any table, view or foreign table outside the system schemas
 * (including `_prisma_migrations`): verify applies every migration from scratch and must never touch
 * a database with data or an environment's schema. Relations owned by extensions (PostGIS's
 * spatial_ref_sys) do not count: they come with the server image, not from the user.
 */
async function assertDisposableDatabase(url) {
    const { rows } = await withClient(url, (client) => client.query(`
      SELECT format('%I.%I', n.nspname, c.relname) AS name, count(*) OVER () AS total
      FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE c.relkind IN ('r', 'p', 'v', 'm', 'f')
        AND n.nspname NOT IN ('pg_catalog', 'information_schema', 'pg_toast')
        AND n.nspname NOT LIKE 'pg\\_temp\\_%' AND n.nspname NOT LIKE 'pg\\_toast\\_temp\\_%'
        AND NOT EXISTS (SELECT 1 FROM pg_depend d
                        WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid AND d.deptype = 'e')
      ORDER BY c.relname = '_prisma_migrations' DESC, n.nspname, c.relname
      LIMIT 5`));
    if (rows.length === 0)
        return;
    const total = Number(rows[0].total);
    const listed = rows.map((r) => r.name).join(", ") + (total > rows.length ? ` and ${total - rows.length} more` : "");
    throw new ConfigurationError(`The database at ${describeUrl(url)} is not empty: it has ${total} table(s) or view(s) (${listed}). ` +
        "verify applies every migration from scratch, so it must never run against a database that holds data or an environment's schema. " +
        "Point database-url at an empty database (for example a fresh postgres service container), or leave database-url empty to use a throwaway server.");
}
async function serverVersion(url) {
    const { rows } = await withClient(url, (client) => client.query("SELECT current_setting('server_version_num') AS num, current_setting('server_version') AS text"));
    const num = Number(rows[0].num);
    return { num, major: Math.floor(num / 10000), text: rows[0].text };
}
/**
 * Rows of `_prisma_migrations` by started_at, or [] when the table does not exist. Looks in the
 * schema named by the URL's `schema` parameter (Prisma's convention), default `public`.
 */
async function readPrismaMigrations(url) {
    let schema = "public";
    try {
        schema = new URL(url).searchParams.get("schema") || "public";
    }
    catch {
        // pg parses more URL shapes than WHATWG URL; those use the default schema.
    }
    return withClient(url, async (client) => {
        const exists = await client.query("SELECT to_regclass(format('%I.%I', $1::text, '_prisma_migrations')) AS t", [schema]);
        if (!exists.rows[0]?.t)
            return [];
        const { rows } = await client.query(`SELECT migration_name, checksum, started_at, finished_at, rolled_back_at, logs, applied_steps_count
       FROM ${quoteIdentifier(schema)}._prisma_migrations ORDER BY started_at, migration_name`);
        return rows;
    });
}
async function createDatabase(adminUrl, name) {
    await withClient(adminUrl, (client) => client.query(`CREATE DATABASE ${quoteIdentifier(name)}`));
}
/** Drops the database if it exists, disconnecting its sessions first (PostgreSQL 13+). */
async function dropDatabase(adminUrl, name) {
    await withClient(adminUrl, async (client) => {
        const { rows } = await client.query("SELECT current_setting('server_version_num') AS num");
        const force = Number(rows[0].num) >= 130000 ? " WITH (FORCE)" : "";
        await client.query(`DROP DATABASE IF EXISTS ${quoteIdentifier(name)}${force}`);
    });
}

;// CONCATENATED MODULE: ./src/postgres/server-user.ts
// initdb and postgres refuse to run as root ("initdb: error: cannot be run as root"). CI containers
// often run as root (GitHub-hosted runners do not), so there the server runs as an unprivileged user.


function lookup(passwd, name) {
    for (const line of passwd.split("\n")) {
        const [user, , uid, gid] = line.split(":");
        if (user === name && uid && gid && Number(uid) !== 0)
            return { name, uid: Number(uid), gid: Number(gid) };
    }
    return undefined;
}
/**
 * The user to run initdb/postgres as: undefined when this process is not root (run as ourselves),
 * else `postgres` when it exists, else `nobody`.
 */
function serverUser() {
    if (process.getuid?.() !== 0)
        return undefined;
    let passwd = "";
    try {
        passwd = (0,external_node_fs_.readFileSync)("/etc/passwd", "utf8");
    }
    catch {
        // Fall through to the error below: without /etc/passwd there is no user to switch to.
    }
    const user = lookup(passwd, "postgres") ?? lookup(passwd, "nobody");
    if (!user) {
        throw new ConfigurationError("Running as root, but PostgreSQL refuses to run as root and neither a `postgres` nor a `nobody` user exists in /etc/passwd. " +
            "Run as a normal user, create a `postgres` user, or set database-url to an empty database.");
    }
    return user;
}

;// CONCATENATED MODULE: ./src/postgres/cluster.ts
// A throwaway PostgreSQL server: a fresh data directory in the OS temp dir, a postgres process this
// process owns, settings that trade durability for speed. Callers stop it in try/finally; the hooks
// in cleanup.ts are the safety net when they cannot.
















const HOST = "127.0.0.1";
const MAX_PORT_ATTEMPTS = 5;
class PortInUse extends Error {
}
class ExitedDuringStartup extends Error {
}
function serverSettings(port, socketDir) {
    const settings = {
        listen_addresses: HOST,
        port: String(port),
        unix_socket_directories: socketDir,
        // Durability is worthless for a server whose directory is deleted afterwards.
        fsync: "off",
        synchronous_commit: "off",
        full_page_writes: "off",
        // Minimal WAL also skips WAL for tables created in the same transaction (most migrations).
        wal_level: "minimal",
        max_wal_senders: "0",
        max_wal_size: "1GB",
        checkpoint_timeout: "1h",
        autovacuum: "off",
        // Prisma's default pool is 2 × CPUs + 1 per client; leave room for a test suite's several clients.
        max_connections: String(Math.max(100, external_node_os_default().availableParallelism() * 4 + 20)),
        shared_buffers: "32MB",
        huge_pages: "off",
        jit: "off",
        log_checkpoints: "off",
    };
    return Object.entries(settings).flatMap(([name, value]) => ["-c", `${name}=${value}`]);
}
/** A TCP port free on `host` right now (the OS picks it). */
function freePort(host = HOST) {
    return new Promise((resolve, reject) => {
        const server = external_node_net_default().createServer();
        server.unref();
        server.once("error", reject);
        server.listen(0, host, () => {
            const { port } = server.address();
            server.close(() => resolve(port));
        });
    });
}
async function logTail(logFile, bytes = 3000) {
    try {
        const handle = await (0,promises_namespaceObject.open)(logFile, "r");
        try {
            const { size } = await handle.stat();
            const length = Math.min(size, bytes);
            const buffer = Buffer.alloc(length);
            await handle.read(buffer, 0, length, size - length);
            return buffer.toString("utf8").trim();
        }
        finally {
            await handle.close();
        }
    }
    catch {
        return "(no server log)";
    }
}
function launch(install, dataDir, socketDir, port, user, logFile) {
    // The log goes to a file, not a pipe: a detached server must not hold this process's stdio open
    // (the Actions runner would wait for it) nor die of SIGPIPE once this process is gone.
    const logFd = (0,external_node_fs_.openSync)(logFile, "w"); // fresh per attempt: an old "could not bind" must not be misread
    let child;
    try {
        child = (0,external_node_child_process_namespaceObject.spawn)(install.postgres, ["-D", dataDir, ...serverSettings(port, socketDir)], {
            cwd: socketDir,
            // Own session: a terminal's Ctrl-C reaches only us (we then stop the server in order), and
            // a detached server is not part of the step's process group.
            detached: true,
            stdio: ["ignore", logFd, logFd],
            uid: user?.uid,
            gid: user?.gid,
            env: { ...process.env, LC_ALL: "C" },
        });
    }
    finally {
        (0,external_node_fs_.closeSync)(logFd);
    }
    child.unref();
    const exited = new Promise((resolve) => {
        child.once("exit", () => resolve());
        child.once("error", () => resolve());
    });
    if (child.pid === undefined)
        throw new Error(`Could not start ${install.postgres}`);
    return { child, pid: child.pid, exited };
}
async function waitUntilReady(server, port, logFile, timeoutMs) {
    const deadline = performance.now() + timeoutMs;
    let lastError = "";
    for (;;) {
        if (server.child.exitCode !== null || server.child.signalCode !== null) {
            const log = await logTail(logFile);
            if (/could not bind|address already in use/i.test(log))
                throw new PortInUse(`PostgreSQL could not bind ${HOST}:${port}. Server log:\n${log}`);
            throw new ExitedDuringStartup(`PostgreSQL exited during startup (${server.child.exitCode ?? server.child.signalCode}). Server log:\n${log}`);
        }
        const client = new esm.Client({ host: HOST, port, user: "postgres", database: "postgres", connectionTimeoutMillis: 2000 });
        client.on("error", () => { });
        try {
            await client.connect();
            return client;
        }
        catch (error) {
            await client.end().catch(() => { });
            lastError = error instanceof Error ? error.message : String(error);
        }
        if (performance.now() > deadline) {
            throw new Error(`PostgreSQL did not accept connections on ${HOST}:${port} within ${timeoutMs / 1000} s (${lastError}). Server log:\n${await logTail(logFile)}`);
        }
        await new Promise((resolve) => setTimeout(resolve, 15));
    }
}
/**
 * Starts a throwaway server. Always pair with `try { … } finally { await cluster.stop() }`; should an
 * exception or signal escape anyway, an exit/SIGINT/SIGTERM hook kills the server and deletes its
 * directory (unless `detached`).
 */
async function startCluster(options = {}) {
    const started = performance.now();
    const logger = options.logger ?? silentLogger;
    const database = options.database?.trim() || "postgres";
    if (Buffer.byteLength(database) > 63)
        throw new ConfigurationError(`database "${database}" is longer than PostgreSQL's 63-byte limit for names.`);
    const install = await findPostgres(options.version);
    const user = serverUser();
    const rootDir = await (0,promises_namespaceObject.mkdtemp)(external_node_path_default().join(options.storage === "disk" ? external_node_os_default().tmpdir() : clusterParentDir(), ROOT_DIR_PREFIX));
    const dataDir = external_node_path_default().join(rootDir, "data");
    const logFile = external_node_path_default().join(rootDir, "postgres.log");
    const live = { rootDir, dataDir };
    register(live);
    let server;
    try {
        if (user)
            await (0,promises_namespaceObject.chown)(rootDir, user.uid, user.gid);
        const onTemplateError = (error) => logger.debug(`PostgreSQL template not used: ${error instanceof Error ? error.message : String(error)}`);
        const created = await createDataDir(install, dataDir, user, options.template ?? true, onTemplateError);
        let method = created.method;
        let prepared = performance.now();
        let port = 0;
        let client;
        let fellBackToInitdb = false;
        for (let attempt = 1; !client; attempt++) {
            port = await freePort();
            server = launch(install, dataDir, rootDir, port, user, logFile);
            live.pid = server.pid;
            try {
                client = await waitUntilReady(server, port, logFile, options.readyTimeoutMs ?? 30_000);
            }
            catch (error) {
                if (!(error instanceof PortInUse || error instanceof ExitedDuringStartup))
                    throw error;
                await server.exited;
                live.pid = undefined;
                if (error instanceof PortInUse && attempt < MAX_PORT_ATTEMPTS) {
                    logger.debug(`Port ${port} was taken before PostgreSQL could bind it; retrying with another port.`);
                    continue;
                }
                // A template damaged by a temp-dir cleaner: rebuild from scratch once.
                if (error instanceof ExitedDuringStartup && created.template && !fellBackToInitdb) {
                    logger.debug(`PostgreSQL did not start from the cached template; running initdb instead. ${error.message}`);
                    fellBackToInitdb = true;
                    await discardTemplate(created.template);
                    await (0,promises_namespaceObject.rm)(dataDir, { recursive: true, force: true });
                    await initdb(install, dataDir, user);
                    method = "initdb";
                    prepared = performance.now();
                    continue;
                }
                throw error;
            }
        }
        const ready = performance.now();
        logger.debug(`PostgreSQL ${install.version} (${install.bindir}) accepting connections on ${HOST}:${port} after ${Math.round(ready - started)} ms ` +
            `(${method} ${Math.round(created.ms)} ms, server start ${Math.round(ready - prepared)} ms${user ? `, running as ${user.name}` : ""}).`);
        try {
            if (database !== "postgres") {
                const { rowCount } = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [database]);
                if (!rowCount)
                    await client.query(`CREATE DATABASE ${quoteIdentifier(database)}`);
            }
        }
        finally {
            await client.end().catch(() => { });
        }
        const running = server;
        if (options.detached)
            unregister(live);
        let stopping;
        const stop = () => (stopping ??= (async () => {
            try {
                await shutdownPostmaster(running.pid, dataDir, running.exited);
                await (0,promises_namespaceObject.rm)(rootDir, { recursive: true, force: true, maxRetries: 3 });
            }
            finally {
                unregister(live);
            }
        })());
        const url = `postgresql://postgres@${HOST}:${port}/${encodeURIComponent(database)}`;
        return { url, port, socketDir: rootDir, dataDir, rootDir, major: install.major, version: install.version, bindir: install.bindir, pid: running.pid, stop };
    }
    catch (error) {
        if (server)
            await shutdownPostmaster(server.pid, dataDir, server.exited).catch(() => { });
        await (0,promises_namespaceObject.rm)(rootDir, { recursive: true, force: true, maxRetries: 3 }).catch(() => { });
        unregister(live);
        throw error;
    }
}

;// CONCATENATED MODULE: external "node:module"
const external_node_module_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:module");
;// CONCATENATED MODULE: ./src/prisma/cli.ts
// The project's own Prisma CLI, run as a child process. Prisma 6 and 7 take different flags for the
// same verbs; this is the one place that knows both.





/**
 * V8 flags for a Prisma process that finishes in seconds: no TurboFan for JavaScript (`--no-opt`) and
 * only the baseline compiler for the schema engine's WebAssembly (`--liftoff-only`), so no core is
 * spent optimising code that runs once. Both exist in Node 20 and Node 24 (checked with --v8-options).
 */
const SHORT_LIVED_NODE_FLAGS = ["--no-opt", "--liftoff-only"];
/**
 * Node majors whose V8 was checked to take SHORT_LIVED_NODE_FLAGS (20 and 24 here; 22 shares their
 * flag set). An unknown V8 flag makes node exit 9 before Prisma runs, so other majors go without them.
 */
function takesShortLivedFlags(version = process.versions.node) {
    const major = Number(version.split(".")[0]);
    return major >= 20 && major <= 24;
}
/**
 * The advisory lock every Prisma Migrate command takes before it reads or writes `_prisma_migrations`
 * (https://pris.ly/d/migrate-advisory-locking; `SELECT pg_advisory_lock(72707369)`, 10 s timeout).
 */
const PRISMA_ADVISORY_LOCK_KEY = 72707369;
/** Finds `prisma` the way the project's own scripts would: from the working directory upwards. */
function findPrismaCli(options) {
    const require = (0,external_node_module_namespaceObject.createRequire)(external_node_path_default().join(options.workingDirectory, "package.json"));
    let pkgPath;
    try {
        pkgPath = require.resolve("prisma/package.json");
    }
    catch {
        throw new ConfigurationError(`Prisma is not installed in ${options.workingDirectory} (or any parent node_modules). migrate-guard runs your project's own Prisma CLI: ` +
            `install dependencies first (e.g. \`npm ci\`), and make sure \`prisma\` is in package.json.`);
    }
    const pkg = JSON.parse((0,external_node_fs_.readFileSync)(pkgPath, "utf8"));
    const binRel = typeof pkg.bin === "string" ? pkg.bin : pkg.bin?.prisma ?? "build/index.js";
    const major = Number(pkg.version.split(".")[0]);
    if (!(major >= 5)) {
        throw new ConfigurationError(`Prisma ${pkg.version} is too old: migrate-guard supports Prisma 5, 6 and 7. Upgrade prisma in package.json.`);
    }
    return new ProjectPrismaCli(pkg.version, major, external_node_path_default().join(external_node_path_default().dirname(pkgPath), binRel), options);
}
const URL_PATTERN = /^postgres(ql)?:\/\//i;
class ProjectPrismaCli {
    version;
    major;
    entry;
    options;
    constructor(version, major, entry, options) {
        this.version = version;
        this.major = major;
        this.entry = entry;
        this.options = options;
    }
    /**
     * The child's environment: the URL in every variable the project reads, and no other database URL
     * at all, so that a variable we did not detect can never point Prisma at a real environment.
     */
    env(url) {
        const env = {};
        for (const [k, v] of Object.entries(process.env)) {
            if (v !== undefined && !URL_PATTERN.test(v))
                env[k] = v;
        }
        if (url)
            for (const name of this.options.urlVariables)
                env[name] = url;
        if (this.options.throwaway) {
            delete env.PRISMA_SCHEMA_DISABLE_ADVISORY_LOCK;
            if (this.options.throwaway.compileCacheDir)
                env.NODE_COMPILE_CACHE = this.options.throwaway.compileCacheDir;
        }
        env.CHECKPOINT_DISABLE = "1";
        env.PRISMA_HIDE_UPDATE_MESSAGE = "1";
        env.NO_COLOR = "1";
        env.FORCE_COLOR = "0";
        return env;
    }
    schemaArgs() {
        return this.options.explicitSchema ? ["--schema", this.options.schemaPath] : [];
    }
    run(args, url, onLine, options = {}) {
        return new Promise((resolve, reject) => {
            const flags = options.shortLived && takesShortLivedFlags() ? SHORT_LIVED_NODE_FLAGS : [];
            const child = (0,external_node_child_process_namespaceObject.spawn)(process.execPath, [...flags, this.entry, ...args], {
                cwd: this.options.workingDirectory, env: this.env(url), stdio: ["ignore", "pipe", "pipe"],
                ...(options.signal ? { signal: options.signal, killSignal: "SIGKILL" } : {}),
            });
            let stdout = "";
            let stderr = "";
            let pending = "";
            const secrets = url ? [url] : [];
            child.stdout.on("data", (d) => {
                stdout += d.toString();
                if (!onLine)
                    return;
                pending += d.toString();
                const lines = pending.split("\n");
                pending = lines.pop() ?? "";
                for (const line of lines)
                    onLine(redact(line, secrets));
            });
            child.stderr.on("data", (d) => { stderr += d.toString(); });
            // An abort is reported as a failed run (close follows with a signal), not as an exception.
            child.on("error", (error) => { if (error.name !== "AbortError")
                reject(error); });
            child.on("close", (code) => resolve({ code: code ?? 1, stdout: redact(stdout, secrets), stderr: redact(stderr, secrets) }));
        });
    }
    deploy(url, onLine, options = {}) {
        const { from } = options;
        const args = from?.configFile ? ["--config", from.configFile] : from?.schemaPath ? ["--schema", from.schemaPath] : this.schemaArgs();
        return this.run(["migrate", "deploy", ...args], url, onLine, options);
    }
    resolve(url, kind, name, onLine) {
        return this.run(["migrate", "resolve", `--${kind}`, name, ...this.schemaArgs()], url, onLine);
    }
    async schemaToSql(url) {
        const to = this.major >= 7 ? "--to-schema" : "--to-schema-datamodel";
        const result = await this.run(["migrate", "diff", "--from-empty", to, this.options.schemaPath, "--script"], url, undefined, { shortLived: true });
        if (result.code !== 0) {
            throw new PrismaCommandError(`prisma migrate diff could not turn ${external_node_path_default().basename(this.options.schemaPath)} into SQL`, result);
        }
        // A script is never empty (an empty one says "-- This is an empty migration."); Prisma 7's CLI
        // exits 0 printing nothing when its schema engine process dies mid-command.
        if (result.stdout.trim() === "") {
            throw new PrismaCommandError(`prisma migrate diff exited 0 but printed no SQL for ${external_node_path_default().basename(this.options.schemaPath)} (its schema engine probably stopped early)`, result);
        }
        return result.stdout;
    }
}
class PrismaCommandError extends Error {
    result;
    constructor(message, result) {
        super(`${message}:\n${(result.stderr || result.stdout).trim().split("\n").slice(-25).join("\n")}`);
        this.result = result;
    }
}

;// CONCATENATED MODULE: ./src/prisma/project.ts
// Locating a Prisma project: its config, schema, migrations directory and the variables its
// datasource reads. A monorepo package is just a working directory.





const CONFIG_NAMES = ["prisma.config.ts", "prisma.config.mts", "prisma.config.cts", "prisma.config.js", "prisma.config.mjs", "prisma.config.cjs", ".config/prisma.ts"];
async function readSchemaText(schemaPath) {
    if ((0,external_node_fs_.statSync)(schemaPath).isDirectory()) {
        const files = (await (0,promises_namespaceObject.readdir)(schemaPath, { recursive: true })).map(String).filter((f) => f.endsWith(".prisma")).sort();
        return (await Promise.all(files.map((f) => (0,promises_namespaceObject.readFile)(external_node_path_default().join(schemaPath, f), "utf8")))).join("\n");
    }
    return (0,promises_namespaceObject.readFile)(schemaPath, "utf8");
}
async function packageJsonSchema(dir) {
    try {
        const pkg = JSON.parse(await (0,promises_namespaceObject.readFile)(external_node_path_default().join(dir, "package.json"), "utf8"));
        return pkg.prisma?.schema;
    }
    catch {
        return undefined;
    }
}
async function locateProject(options) {
    const wd = external_node_path_default().resolve(options.workingDirectory);
    if (!(0,external_node_fs_.existsSync)(wd) || !(0,external_node_fs_.statSync)(wd).isDirectory()) {
        throw new ConfigurationError(`Working directory "${options.workingDirectory}" does not exist. Expected the folder that holds your Prisma project (package.json, prisma/).`);
    }
    const configName = CONFIG_NAMES.find((n) => (0,external_node_fs_.existsSync)(external_node_path_default().join(wd, n)));
    const configFile = configName ? external_node_path_default().join(wd, configName) : undefined;
    const configHints = configFile ? parseConfigHints(await (0,promises_namespaceObject.readFile)(configFile, "utf8")) : undefined;
    const tried = [];
    const candidates = options.schema
        ? [options.schema]
        : [configHints?.schema, await packageJsonSchema(wd), "prisma/schema.prisma", "prisma/schema", "schema.prisma"];
    let schemaPath;
    for (const candidate of candidates) {
        if (!candidate)
            continue;
        const abs = external_node_path_default().resolve(wd, candidate);
        tried.push(external_node_path_default().relative(wd, abs) || ".");
        if ((0,external_node_fs_.existsSync)(abs)) {
            schemaPath = abs;
            break;
        }
    }
    if (!schemaPath) {
        throw new ConfigurationError(options.schema
            ? `Schema "${options.schema}" not found in ${wd}. Expected a path to schema.prisma (or a folder of .prisma files) relative to the working directory.`
            : `No Prisma schema found in ${wd} (looked for ${tried.join(", ")}). Pass --schema / the \`schema\` input, or set --working-directory to the package that holds prisma/.`);
    }
    const schemaText = await readSchemaText(schemaPath);
    const datasource = parseDatasource(schemaText);
    const schemaDir = (0,external_node_fs_.statSync)(schemaPath).isDirectory() ? schemaPath : external_node_path_default().dirname(schemaPath);
    const migrationsDir = configHints?.migrationsPath ? external_node_path_default().resolve(wd, configHints.migrationsPath) : external_node_path_default().join(schemaDir, "migrations");
    if (!(0,external_node_fs_.existsSync)(migrationsDir)) {
        throw new ConfigurationError(`No migrations directory at ${external_node_path_default().relative(wd, migrationsDir) || migrationsDir}. Create the first migration with \`prisma migrate dev --name init\`, or set \`migrations.path\` in prisma.config.ts.`);
    }
    return {
        workingDirectory: wd,
        ...(configFile ? { configFile, configHints } : {}),
        schemaPath,
        schemaText,
        datasource,
        migrationsDir,
        urlVariables: urlVariables(datasource, configHints),
        schemas: datasource.schemas && datasource.schemas.length > 0 ? datasource.schemas : ["public"],
    };
}

// EXTERNAL MODULE: ./src/sql/statements.ts + 1 modules
var statements = __nccwpck_require__(2793);
;// CONCATENATED MODULE: ./src/postgres/explain-failure.ts
// When a migration fails, Prisma reports the error without a reliable position (the JavaScript engine
// gives none at all). Replaying the script the way Prisma ran it — all of it in one transaction that
// the failure rolls back — statement by statement tells which statement failed and where.





function describe(error, url) {
    const failure = { message: redact(error.message, [url]) };
    if (error.code)
        failure.code = error.code;
    if (error.detail)
        failure.detail = error.detail;
    if (error.hint)
        failure.hint = error.hint;
    return failure;
}
async function explainFailure(url, sql) {
    const split = await (0,statements/* splitStatements */.X)(sql);
    if (!split.ok) {
        return { message: `syntax error: ${split.message}`, ...(split.position !== undefined ? lineAndColumn(sql, split.position) : {}) };
    }
    const client = await connectClient(url);
    try {
        await client.query("BEGIN");
        for (const statement of split.statements) {
            try {
                await client.query(statement.text);
            }
            catch (error) {
                const e = error;
                const failure = describe(e, url);
                const position = Number(e.position);
                const offset = statement.start + (Number.isFinite(position) && position > 0 ? position - 1 : 0);
                return { ...failure, ...lineAndColumn(sql, offset) };
            }
        }
        // It passed this time: the failure depended on something else (a lock timeout, say).
        return undefined;
    }
    finally {
        await client.query("ROLLBACK").catch(() => { });
        await client.end().catch(() => { });
    }
}

;// CONCATENATED MODULE: ./src/postgres/progress.ts

/** How many migrations Prisma has finished so far; 0 before it created its table. */
async function countFinished(url) {
    const client = await connectClient(url);
    try {
        const exists = await client.query("SELECT to_regclass('_prisma_migrations') AS t");
        if (!exists.rows[0]?.t)
            return 0;
        const { rows } = await client.query("SELECT count(*) AS n FROM _prisma_migrations WHERE finished_at IS NOT NULL");
        return Number(rows[0]?.n ?? 0);
    }
    finally {
        await client.end().catch(() => { });
    }
}

;// CONCATENATED MODULE: ./src/verify/apply.ts



/** Reports progress from the database itself while Prisma works: 800 migrations must not look hung. */
function watchProgress(url, total, logger) {
    let last = -1;
    const timer = setInterval(() => {
        countFinished(url).then((n) => {
            if (n !== last && n > 0)
                logger.info(`  applied ${n}/${total} migrations…`);
            last = n;
        }, () => { });
    }, 2000);
    timer.unref();
    return () => clearInterval(timer);
}
async function applyMigrations(params) {
    const { prisma, url, migrations, logger } = params;
    logger.info(`Applying ${migrations.length - (params.restored?.() ?? 0)} migrations with prisma migrate deploy (Prisma ${prisma.version})…`);
    const stop = watchProgress(url, migrations.length, logger);
    let result;
    try {
        const onLine = (line) => logger.debug(`prisma: ${line}`);
        result = await (params.deploy ? params.deploy(onLine) : prisma.deploy(url, onLine));
    }
    finally {
        stop();
    }
    const rows = await readPrismaMigrations(url).catch(() => []);
    const restored = params.restored?.() ?? 0;
    if (result.code === 0) {
        // The database, not the exit status, says what was applied: Prisma 7's CLI can exit 0 having
        // applied nothing when its schema engine process dies mid-command (measured with an engine that
        // exits 101 on a panic, as the native one does; see test/prisma7).
        const applied = new Set(rows.filter((r) => r.finished_at !== null && r.rolled_back_at === null).map((r) => r.migration_name));
        const missing = migrations.filter((m) => !applied.has(m.name));
        if (missing.length === 0) {
            const from = restored > 0 ? ` (${restored} of them restored from the snapshot cache, where Prisma applied them)` : "";
            return { succeeded: true, rows, check: { id: "apply", status: "pass", summary: `${rows.length} migrations applied with prisma migrate deploy${from}`, findings: [] } };
        }
        return {
            succeeded: false,
            rows,
            check: {
                id: "apply",
                status: "fail",
                summary: `prisma migrate deploy exited 0 but ${missing.length} of ${migrations.length} migrations are not applied`,
                findings: [{ rule: "deploy-failed", severity: "error", message: `prisma migrate deploy reported success, but ${missing.length} migration(s) are not applied in the database (first: ${missing[0].name}); Prisma's schema engine probably stopped early:\n${tail(result.stderr || result.stdout)}` }],
            },
        };
    }
    const failed = rows.find((r) => r.finished_at === null && r.rolled_back_at === null);
    const migration = failed ? migrations.find((m) => m.name === failed.migration_name) : undefined;
    const findings = [];
    if (migration) {
        const failure = await explainFailure(url, migration.sql).catch(() => undefined);
        const pgText = failure ? `${failure.code ? `[${failure.code}] ` : ""}${failure.message}${failure.detail ? ` (${failure.detail})` : ""}` : firstErrorLine(result.stderr || result.stdout);
        findings.push({
            rule: "migration-failed",
            severity: "error",
            file: migration.file,
            line: failure?.line ?? 1,
            ...(failure?.column ? { column: failure.column } : {}),
            message: `Migration "${migration.name}" failed: ${pgText}${failure?.hint ? ` Hint: ${failure.hint}` : ""}`,
        });
    }
    else {
        findings.push({ rule: "deploy-failed", severity: "error", message: `prisma migrate deploy failed before applying a migration:\n${tail(result.stderr || result.stdout)}` });
    }
    const applied = rows.filter((r) => r.finished_at !== null).length;
    return { succeeded: false, rows, check: { id: "apply", status: "fail", summary: `prisma migrate deploy failed after ${applied} of ${migrations.length} migrations`, findings } };
}
function firstErrorLine(output) {
    const lines = output.split("\n").map((l) => l.trim()).filter(Boolean);
    const index = lines.findIndex((l) => /^Error/.test(l));
    return (index >= 0 ? lines.slice(index, index + 3) : lines.slice(-3)).join(" ");
}
function tail(output) {
    return output.trim().split("\n").slice(-15).join("\n");
}
function timingCheck(rows, slowSeconds, fileOf) {
    const timings = rows
        .filter((r) => r.finished_at !== null)
        .map((r) => {
        const durationMs = Math.max(0, r.finished_at.getTime() - r.started_at.getTime());
        return { name: r.migration_name, durationMs, ...(durationMs > slowSeconds * 1000 ? { slow: true } : {}) };
    });
    const findings = timings.filter((t) => t.slow).map((t) => {
        const file = fileOf(t.name);
        return {
            rule: "slow-migration",
            severity: "warning",
            ...(file ? { file, line: 1 } : {}),
            message: `Migration "${t.name}" took ${(t.durationMs / 1000).toFixed(1)} s on an empty database (limit ${slowSeconds} s). On production data it will take longer and may hold locks.`,
        };
    });
    const total = timings.reduce((s, t) => s + t.durationMs, 0);
    return {
        timings,
        check: { id: "timing", status: findings.length ? "warn" : "pass", summary: `${timings.length} migrations took ${(total / 1000).toFixed(1)} s in total; slowest ${slowest(timings)}`, findings },
    };
}
function slowest(timings) {
    const top = [...timings].sort((a, b) => b.durationMs - a.durationMs)[0];
    return top ? `${top.name} (${top.durationMs} ms)` : "none";
}

;// CONCATENATED MODULE: ./src/core/drift.ts
const q = (name) => `"${name.replace(/"/g, '""')}"`;
const qualified = (schema, name) => (schema === "public" ? q(name) : `${q(schema)}.${q(name)}`);
const label = (schema, name) => (schema === "public" ? `"${name}"` : `"${schema}"."${name}"`);
/** Spellings Postgres keeps as written but that mean the same default. */
function normaliseDefault(value) {
    if (value === undefined)
        return undefined;
    return value.replace(/^now\(\)$/i, "CURRENT_TIMESTAMP").replace(/^\((.*)\)$/, "$1");
}
function columnSql(c) {
    return `${q(c.name)} ${c.type}${c.notNull ? " NOT NULL" : ""}${c.default !== undefined ? ` DEFAULT ${c.default}` : ""}`;
}
function byKey(items, key) {
    return new Map(items.map((i) => [key(i), i]));
}
function diffEnums(actual, expected, out) {
    const have = byKey(actual.enums, (e) => `${e.schema}.${e.name}`);
    for (const want of expected.enums) {
        const name = qualified(want.schema, want.name);
        const got = have.get(`${want.schema}.${want.name}`);
        if (!got) {
            out.push({ kind: "enum", message: `Enum ${label(want.schema, want.name)} is in schema.prisma but no migration creates it`, sql: `CREATE TYPE ${name} AS ENUM (${want.values.map((v) => `'${v.replace(/'/g, "''")}'`).join(", ")});` });
            continue;
        }
        const missing = want.values.filter((v) => !got.values.includes(v));
        const extra = got.values.filter((v) => !want.values.includes(v));
        for (const v of missing) {
            out.push({ kind: "enum", message: `Enum ${label(want.schema, want.name)} lacks value '${v}' that schema.prisma has`, sql: `ALTER TYPE ${name} ADD VALUE '${v.replace(/'/g, "''")}';` });
        }
        if (extra.length > 0) {
            out.push({ kind: "enum", message: `Enum ${label(want.schema, want.name)} has value(s) ${extra.map((v) => `'${v}'`).join(", ")} that schema.prisma does not`, sql: `-- Removing enum values needs the type recreated; \`prisma migrate dev\` generates that.` });
        }
    }
    const want = new Set(expected.enums.map((e) => `${e.schema}.${e.name}`));
    for (const got of actual.enums) {
        if (!want.has(`${got.schema}.${got.name}`)) {
            out.push({ kind: "enum", message: `Enum ${label(got.schema, got.name)} is created by the migrations but is not in schema.prisma`, sql: `DROP TYPE ${qualified(got.schema, got.name)};` });
        }
    }
}
function diffColumns(got, want, out) {
    const table = qualified(want.schema, want.name);
    const have = byKey(got.columns, (c) => c.name);
    for (const c of want.columns) {
        const g = have.get(c.name);
        const where = `Column ${label(want.schema, want.name)}.${q(c.name)}`;
        if (!g) {
            out.push({ kind: "column", table: want.name, column: c.name, message: `${where} is in schema.prisma but no migration creates it`, sql: `ALTER TABLE ${table} ADD COLUMN ${columnSql(c)};` });
            continue;
        }
        if (g.type !== c.type) {
            out.push({ kind: "column", table: want.name, column: c.name, message: `${where} is ${g.type} in the migrations but ${c.type} in schema.prisma`, sql: `ALTER TABLE ${table} ALTER COLUMN ${q(c.name)} SET DATA TYPE ${c.type};` });
        }
        // Prisma lists (`String[]`) have no optional form: it does not compare their nullability.
        if (g.notNull !== c.notNull && !c.type.endsWith("[]")) {
            out.push({ kind: "column", table: want.name, column: c.name, message: `${where} is ${g.notNull ? "NOT NULL" : "nullable"} in the migrations but ${c.notNull ? "required" : "optional"} in schema.prisma`, sql: `ALTER TABLE ${table} ALTER COLUMN ${q(c.name)} ${c.notNull ? "SET" : "DROP"} NOT NULL;` });
        }
        if (normaliseDefault(g.default) !== normaliseDefault(c.default)) {
            out.push({
                kind: "column",
                table: want.name,
                column: c.name,
                message: `${where} has default ${g.default ?? "(none)"} in the migrations but ${c.default ?? "(none)"} in schema.prisma`,
                sql: c.default === undefined ? `ALTER TABLE ${table} ALTER COLUMN ${q(c.name)} DROP DEFAULT;` : `ALTER TABLE ${table} ALTER COLUMN ${q(c.name)} SET DEFAULT ${c.default};`,
            });
        }
    }
    const want2 = new Set(want.columns.map((c) => c.name));
    for (const g of got.columns) {
        if (!want2.has(g.name)) {
            out.push({ kind: "column", table: got.name, column: g.name, message: `Column ${label(got.schema, got.name)}.${q(g.name)} is created by the migrations but is not in schema.prisma`, sql: `ALTER TABLE ${table} DROP COLUMN ${q(g.name)};` });
        }
    }
}
function diffTables(actual, expected, out) {
    const have = byKey(actual.tables, (t) => `${t.schema}.${t.name}`);
    const wantKeys = new Set(expected.tables.map((t) => `${t.schema}.${t.name}`));
    const pk = byKey(expected.constraints.filter((c) => c.kind === "p"), (c) => `${c.schema}.${c.table}`);
    for (const want of expected.tables) {
        const got = have.get(`${want.schema}.${want.name}`);
        if (got) {
            diffColumns(got, want, out);
            continue;
        }
        const key = pk.get(`${want.schema}.${want.name}`);
        const body = [...want.columns.map((c) => `    ${columnSql(c)}`), ...(key ? [`    CONSTRAINT ${q(key.name)} ${key.definition}`] : [])];
        out.push({ kind: "table", table: want.name, message: `Table ${label(want.schema, want.name)} is in schema.prisma but no migration creates it`, sql: `CREATE TABLE ${qualified(want.schema, want.name)} (\n${body.join(",\n")}\n);` });
    }
    for (const got of actual.tables) {
        if (!wantKeys.has(`${got.schema}.${got.name}`)) {
            out.push({ kind: "table", message: `Table ${label(got.schema, got.name)} is created by the migrations but is not in schema.prisma`, sql: `DROP TABLE ${qualified(got.schema, got.name)};` });
        }
    }
}
/** pg_get_indexdef spelling that does not change meaning for Prisma (ON ONLY on partitioned tables). */
function canonicalIndex(def) {
    return def.replace(/ ON ONLY /, " ON ");
}
/** What schema.prisma can say about an index: no WHERE, INCLUDE, storage parameters or tablespace. */
function prismaViewOfIndex(def) {
    return canonicalIndex(def)
        .replace(/ WHERE .*$/, "")
        .replace(/ TABLESPACE \S+/, "")
        .replace(/ WITH \([^)]*\)/, "")
        .replace(/ INCLUDE \([^)]*\)/, "");
}
function withoutIndexName(def) {
    return def.replace(/INDEX (?:"(?:[^"]|"")+"|\S+) ON /, "INDEX ON ");
}
function diffIndexes(actual, expected, out) {
    const have = byKey(actual.indexes, (i) => `${i.schema}.${i.name}`);
    const want = byKey(expected.indexes, (i) => `${i.schema}.${i.name}`);
    const renamed = new Set();
    for (const [key, w] of want) {
        const g = have.get(key);
        if (g) {
            if (canonicalIndex(g.definition) === canonicalIndex(w.definition))
                continue;
            if (prismaViewOfIndex(g.definition) === prismaViewOfIndex(w.definition)) {
                out.push({ kind: "index", table: w.table, informational: true, message: `Index ${label(w.schema, w.name)} has a WHERE, INCLUDE or storage clause that schema.prisma cannot express (\`${g.definition}\`)`, sql: `-- keep: ${g.definition};` });
                continue;
            }
            out.push({ kind: "index", table: w.table, message: `Index ${label(w.schema, w.name)} differs: migrations have \`${g.definition}\`, schema.prisma wants \`${w.definition}\``, sql: `DROP INDEX ${qualified(w.schema, w.name)};\n${w.definition};` });
            continue;
        }
        const shape = withoutIndexName(prismaViewOfIndex(w.definition));
        const twin = [...have.values()].find((i) => !want.has(`${i.schema}.${i.name}`) && !renamed.has(`${i.schema}.${i.name}`) && withoutIndexName(prismaViewOfIndex(i.definition)) === shape);
        if (twin) {
            renamed.add(`${twin.schema}.${twin.name}`);
            out.push({ kind: "index", table: w.table, message: `Index ${label(twin.schema, twin.name)} on ${label(w.schema, w.table)} is named ${q(w.name)} in schema.prisma`, sql: `ALTER INDEX ${qualified(twin.schema, twin.name)} RENAME TO ${q(w.name)};` });
            continue;
        }
        out.push({ kind: "index", table: w.table, message: `Index ${label(w.schema, w.name)} on ${label(w.schema, w.table)} is in schema.prisma but no migration creates it`, sql: `${w.definition};` });
    }
    const expectedTables = new Set(expected.tables.map((t) => `${t.schema}.${t.name}`));
    for (const [key, g] of have) {
        // An index on a table that is itself extra goes with that table's DROP TABLE.
        if (want.has(key) || renamed.has(key) || !expectedTables.has(`${g.schema}.${g.table}`))
            continue;
        out.push(describeExtraIndex(g));
    }
}
function describeExtraIndex(g) {
    if (g.notRepresentable) {
        return {
            kind: "index",
            table: g.table,
            informational: true,
            message: `Index ${label(g.schema, g.name)} on ${label(g.schema, g.table)} (partial or on expressions) is created by a migration and cannot be described in schema.prisma; \`prisma migrate dev\` may propose dropping it — keep it out of generated migrations`,
            sql: `-- keep: ${g.definition};`,
        };
    }
    // The index behind a UNIQUE constraint goes with the constraint; DROP INDEX is refused for it.
    const sql = g.uniqueConstraint ? `ALTER TABLE ${qualified(g.schema, g.table)} DROP CONSTRAINT ${q(g.name)};` : `DROP INDEX ${qualified(g.schema, g.name)};`;
    return { kind: "index", table: g.table, message: `Index ${label(g.schema, g.name)} on ${label(g.schema, g.table)} is created by the migrations but is not in schema.prisma`, sql };
}
function diffConstraints(actual, expected, missingTables, out) {
    const key = (c) => `${c.schema}.${c.table}.${c.name}`;
    const have = byKey(actual.constraints, key);
    const want = byKey(expected.constraints, key);
    const kindName = { p: "Primary key", f: "Foreign key" };
    const renamed = new Set();
    for (const [k, w] of want) {
        if (w.kind === "p" && missingTables.has(`${w.schema}.${w.table}`))
            continue; // part of CREATE TABLE
        const g = have.get(k);
        const table = qualified(w.schema, w.table);
        if (g && g.definition === w.definition)
            continue;
        const twin = g ? undefined : [...have.values()].find((c) => c.schema === w.schema && c.table === w.table && c.kind === w.kind && c.definition === w.definition && !want.has(key(c)) && !renamed.has(key(c)));
        if (twin) {
            renamed.add(key(twin));
            out.push({ kind: "constraint", table: w.table, message: `${kindName[w.kind]} ${q(twin.name)} on ${label(w.schema, w.table)} is named ${q(w.name)} in schema.prisma`, sql: `ALTER TABLE ${table} RENAME CONSTRAINT ${q(twin.name)} TO ${q(w.name)};` });
            continue;
        }
        out.push({
            kind: "constraint",
            table: w.table,
            message: g
                ? `${kindName[w.kind]} ${q(w.name)} on ${label(w.schema, w.table)} differs: migrations have \`${g.definition}\`, schema.prisma wants \`${w.definition}\``
                : `${kindName[w.kind]} ${q(w.name)} on ${label(w.schema, w.table)} is in schema.prisma but no migration creates it`,
            sql: `${g ? `ALTER TABLE ${table} DROP CONSTRAINT ${q(w.name)};\n` : ""}ALTER TABLE ${table} ADD CONSTRAINT ${q(w.name)} ${w.definition};`,
        });
    }
    for (const [k, g] of have) {
        if (want.has(k) || renamed.has(k))
            continue;
        if (!expected.tables.some((t) => t.schema === g.schema && t.name === g.table))
            continue; // table itself is extra
        out.push({ kind: "constraint", table: g.table, message: `${kindName[g.kind]} ${q(g.name)} on ${label(g.schema, g.table)} is created by the migrations but is not in schema.prisma`, sql: `ALTER TABLE ${qualified(g.schema, g.table)} DROP CONSTRAINT ${q(g.name)};` });
    }
}
/**
 * Where a statement goes in a migration, the way Prisma orders its own: foreign keys and indexes are
 * dropped before the tables and columns they depend on, types are created first and dropped last.
 * Classified from the statement this module itself generated.
 */
function phase(item) {
    const sql = item.sql;
    if (/^ALTER TABLE \S+ DROP CONSTRAINT/.test(sql))
        return 0;
    if (/^DROP INDEX/.test(sql))
        return 1;
    if (/^DROP TABLE|^ALTER TABLE \S+ DROP COLUMN/.test(sql))
        return 2;
    if (/^CREATE TYPE|^ALTER TYPE|^-- Removing enum/.test(sql))
        return 3;
    if (/^CREATE TABLE|^ALTER TABLE \S+ (ADD|ALTER) COLUMN/.test(sql))
        return 4;
    if (/^CREATE (UNIQUE )?INDEX|^ALTER INDEX|^-- keep/.test(sql))
        return 5;
    if (/^ALTER TABLE \S+ (ADD|RENAME) CONSTRAINT/.test(sql))
        return 6;
    if (/^DROP TYPE/.test(sql))
        return 7;
    return 4;
}
/** Differences in the order a migration would apply them (see `phase`). */
function compareCatalogs(actual, expected) {
    const out = [];
    diffEnums(actual, expected, out);
    diffTables(actual, expected, out);
    const actualTables = new Set(actual.tables.map((t) => `${t.schema}.${t.name}`));
    const missingTables = new Set(expected.tables.map((t) => `${t.schema}.${t.name}`).filter((k) => !actualTables.has(k)));
    diffIndexes(actual, expected, out);
    diffConstraints(actual, expected, missingTables, out);
    return out.map((item, i) => ({ item, i })).sort((a, b) => phase(a.item) - phase(b.item) || a.i - b.i).map(({ item }) => item);
}

;// CONCATENATED MODULE: ./src/core/schema-locate.ts
// Where a database object is declared in schema.prisma, so a drift annotation lands on the model or
// field line. Tables map to `model X` or `@@map("x")`, columns to the field or its `@map("x")`.
function modelBlocks(lines) {
    const blocks = [];
    for (let i = 0; i < lines.length; i++) {
        const m = /^\s*(?:model|view)\s+(\w+)\s*\{/.exec(lines[i]);
        if (!m)
            continue;
        let end = i + 1;
        while (end < lines.length && !/^\s*\}/.test(lines[end]))
            end++;
        blocks.push({ name: m[1], start: i, end });
    }
    return blocks;
}
function tableName(block, lines) {
    for (let i = block.start + 1; i < block.end; i++) {
        const m = /@@map\(\s*(?:name:\s*)?"([^"]+)"/.exec(lines[i]);
        if (m)
            return m[1];
    }
    return block.name;
}
/** 1-based line of the model (and field, when `column` is given) for `table`; undefined when unknown. */
function locateInSchema(schemaText, table, column) {
    const lines = schemaText.split("\n");
    const block = modelBlocks(lines).find((b) => tableName(b, lines) === table);
    if (!block)
        return undefined;
    if (column) {
        for (let i = block.start + 1; i < block.end; i++) {
            const line = lines[i];
            const field = /^\s*(\w+)\s/.exec(line)?.[1];
            const mapped = /@map\(\s*(?:name:\s*)?"([^"]+)"/.exec(line)?.[1];
            if ((mapped ?? field) === column && !line.trimStart().startsWith("@@"))
                return i + 1;
        }
    }
    return block.start + 1;
}

;// CONCATENATED MODULE: ./src/postgres/catalog-reader.ts

const EXCLUDED_TABLES = ["_prisma_migrations"];
async function readCatalog(url, schemas) {
    const client = await connectClient(url);
    try {
        const params = [schemas, EXCLUDED_TABLES];
        // One connection answers one query at a time; they are issued in sequence.
        const columns = await client.query(`SELECT n.nspname AS schema, c.relname AS table, a.attname AS name,
                format_type(a.atttypid, a.atttypmod) AS type, a.attnotnull AS not_null,
                pg_get_expr(d.adbin, d.adrelid) AS default, a.attidentity AS identity, a.attgenerated AS generated
           FROM pg_class c
           JOIN pg_namespace n ON n.oid = c.relnamespace
           JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
           LEFT JOIN pg_attrdef d ON d.adrelid = c.oid AND d.adnum = a.attnum
          WHERE c.relkind IN ('r', 'p') AND n.nspname = ANY($1) AND NOT (c.relname = ANY($2))
          ORDER BY n.nspname, c.relname, a.attnum`, params);
        const indexes = await client.query(`SELECT n.nspname AS schema, t.relname AS table, i.relname AS name, pg_get_indexdef(x.indexrelid) AS definition,
                (x.indpred IS NOT NULL OR x.indexprs IS NOT NULL) AS not_representable,
                EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = x.indexrelid AND k.contype = 'u') AS unique_constraint
           FROM pg_index x
           JOIN pg_class i ON i.oid = x.indexrelid
           JOIN pg_class t ON t.oid = x.indrelid
           JOIN pg_namespace n ON n.oid = t.relnamespace
          WHERE n.nspname = ANY($1) AND NOT (t.relname = ANY($2))
            AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = x.indexrelid AND k.contype IN ('p', 'x'))
          ORDER BY 1, 2, 3`, params);
        const constraints = await client.query(`SELECT n.nspname AS schema, t.relname AS table, k.conname AS name, k.contype AS kind, pg_get_constraintdef(k.oid) AS definition
           FROM pg_constraint k
           JOIN pg_class t ON t.oid = k.conrelid
           JOIN pg_namespace n ON n.oid = t.relnamespace
          WHERE k.contype IN ('p', 'f') AND n.nspname = ANY($1) AND NOT (t.relname = ANY($2))
          ORDER BY 1, 2, 3`, params);
        const enums = await client.query(`SELECT n.nspname AS schema, t.typname AS name, array_agg(e.enumlabel::text ORDER BY e.enumsortorder) AS values
           FROM pg_type t
           JOIN pg_namespace n ON n.oid = t.typnamespace
           JOIN pg_enum e ON e.enumtypid = t.oid
          WHERE n.nspname = ANY($1)
          GROUP BY 1, 2 ORDER BY 1, 2`, [schemas]);
        const tables = new Map();
        for (const row of columns.rows) {
            const key = `${row.schema}.${row.table}`;
            let table = tables.get(key);
            if (!table)
                tables.set(key, (table = { schema: row.schema, name: row.table, columns: [] }));
            table.columns.push({
                name: row.name,
                type: row.type,
                notNull: row.not_null,
                ...(row.default !== null ? { default: row.default } : {}),
                ...(row.identity ? { identity: row.identity } : {}),
                ...(row.generated ? { generated: row.generated } : {}),
            });
        }
        return {
            tables: [...tables.values()],
            indexes: indexes.rows.map((r) => ({
                schema: r.schema, table: r.table, name: r.name, definition: r.definition, notRepresentable: r.not_representable,
                ...(r.unique_constraint ? { uniqueConstraint: true } : {}),
            })),
            constraints: constraints.rows.map((r) => ({ ...r })),
            enums: enums.rows.map((r) => ({ ...r })),
        };
    }
    finally {
        await client.end();
    }
}

;// CONCATENATED MODULE: ./src/verify/drift.ts
// The `drift` check without a second replay: the verify database already holds the migrated state.
// Prisma turns schema.prisma into SQL (no database needed); that SQL builds a scratch database on the
// same server; the two catalogs are compared.





const FIX_COMMAND = "npx prisma migrate dev --name <describe_the_change>";
async function runScript(url, sql) {
    const client = await connectClient(url);
    try {
        await client.query(sql);
    }
    finally {
        await client.end().catch(() => { });
    }
}
/**
 * The catalog schema.prisma describes: Prisma's SQL run on a scratch database of the verify server,
 * read, and the scratch database dropped. Needs no migrated state, so it runs while Prisma deploys.
 */
async function expectedCatalog(params) {
    const scratch = `migrate_guard_expected_${(0,external_node_crypto_.randomBytes)(4).toString("hex")}`;
    await createDatabase(params.adminUrl, scratch);
    try {
        const scratchUrl = withDatabase(params.adminUrl, scratch);
        await runScript(scratchUrl, params.schemaSql);
        return await readCatalog(scratchUrl, params.schemas);
    }
    finally {
        await dropDatabase(params.adminUrl, scratch).catch(() => { });
    }
}
async function checkDrift(params) {
    const actual = await readCatalog(params.url, params.schemas);
    const items = compareCatalogs(actual, params.expected);
    const real = items.filter((i) => !i.informational);
    const findings = items.map((i) => {
        const line = i.table ? locateInSchema(params.schemaText, i.table, i.column) : undefined;
        return {
            rule: i.informational ? "unrepresentable-index" : `drift-${i.kind}`,
            severity: i.informational ? "notice" : "error",
            file: params.schemaFile,
            ...(line ? { line } : {}),
            message: i.message,
        };
    });
    if (real.length === 0) {
        const extra = items.length ? `; ${items.length} raw-SQL index(es) schema.prisma cannot describe` : "";
        return { check: { id: "drift", status: "pass", summary: `schema.prisma matches the migrated database${extra}`, findings } };
    }
    return {
        check: { id: "drift", status: "fail", summary: `${real.length} difference(s) between schema.prisma and the migrations — create a migration with \`${FIX_COMMAND}\``, findings },
        drift: { differences: real.map((i) => i.message), sql: real.map((i) => i.sql).join("\n\n") + "\n", fixCommand: FIX_COMMAND },
    };
}

;// CONCATENATED MODULE: ./src/git/file-at-commit.ts
// Reading files as they are at a commit (the base branch's schema.prisma for lint's 3-phase check):
// one `git ls-tree` for the paths under a folder, one `git cat-file --batch` for their contents.



function file_at_commit_git(cwd, args, input) {
    return new Promise((resolve, reject) => {
        const child = (0,external_node_child_process_namespaceObject.spawn)("git", args, { cwd, stdio: [input === undefined ? "ignore" : "pipe", "pipe", "ignore"] });
        const out = [];
        child.stdout.on("data", (d) => out.push(d));
        child.on("error", reject);
        child.on("close", (code) => resolve({ code: code ?? 1, stdout: Buffer.concat(out) }));
        if (input !== undefined) {
            child.stdin.on("error", () => { });
            child.stdin.end(input);
        }
    });
}
/**
 * The text of `absPath` at `commit`: the file, or for a folder every `.prisma` file under it joined
 * (prismaSchemaFolder). undefined when it does not exist there.
 */
async function schemaAtCommit(repoRoot, commit, absPath) {
    const rel = toPosix(external_node_path_default().relative(repoRoot, absPath));
    // The common case, one file: a single cat-file. Its header says "blob", "tree" or "missing".
    const direct = await file_at_commit_git(repoRoot, ["cat-file", "--batch"], `${commit}:${rel}\n`);
    const header = direct.stdout.subarray(0, Math.max(0, direct.stdout.indexOf(10))).toString().split(" ");
    if (direct.code !== 0 || header[1] === "missing" || header.length < 3)
        return undefined;
    if (header[1] === "blob")
        return direct.stdout.subarray(direct.stdout.indexOf(10) + 1, direct.stdout.indexOf(10) + 1 + Number(header[2])).toString("utf8");
    const list = await file_at_commit_git(repoRoot, ["ls-tree", "-r", "-z", "--name-only", commit, "--", rel]);
    if (list.code !== 0)
        return undefined;
    const files = list.stdout.toString().split("\0").filter((f) => f === rel || (f.startsWith(`${rel}/`) && f.endsWith(".prisma"))).sort();
    if (files.length === 0)
        return undefined;
    const batch = await file_at_commit_git(repoRoot, ["cat-file", "--batch"], files.map((f) => `${commit}:${f}`).join("\n") + "\n");
    if (batch.code !== 0)
        return undefined;
    const texts = [];
    let offset = 0;
    for (let i = 0; i < files.length; i++) {
        const headerEnd = batch.stdout.indexOf(10, offset);
        const size = Number(batch.stdout.subarray(offset, headerEnd).toString().split(" ")[2]);
        if (!Number.isFinite(size))
            return undefined;
        texts.push(batch.stdout.subarray(headerEnd + 1, headerEnd + 1 + size).toString("utf8"));
        offset = headerEnd + 1 + size + 1;
    }
    return texts.join("\n");
}
/** `<migrationsDir>/<name>/migration.sql` at `commit`, with blob ids; one `git ls-tree`, no contents. */
async function migrationBlobsAtCommit(repoRoot, commit, migrationsDir) {
    const rel = toPosix(external_node_path_default().relative(repoRoot, migrationsDir));
    const list = await file_at_commit_git(repoRoot, ["ls-tree", "-r", "-z", commit, "--", `${rel}/`]);
    if (list.code !== 0)
        throw new Error(`git ls-tree ${commit} failed`);
    const result = [];
    for (const entry of list.stdout.toString().split("\0")) {
        const m = /^\d+ blob ([0-9a-f]+)\t(.*)$/.exec(entry);
        if (!m || !m[2].startsWith(`${rel}/`))
            continue;
        const parts = m[2].slice(rel.length + 1).split("/");
        if (parts.length === 2 && parts[1] === "migration.sql")
            result.push({ name: parts[0], file: m[2], blob: m[1] });
    }
    return result;
}
/** Contents of blobs, in order, with one `git cat-file --batch`. */
async function readBlobs(repoRoot, blobs) {
    if (blobs.length === 0)
        return [];
    const batch = await file_at_commit_git(repoRoot, ["cat-file", "--batch"], blobs.join("\n") + "\n");
    if (batch.code !== 0)
        throw new Error("git cat-file failed");
    const texts = [];
    let offset = 0;
    for (const blob of blobs) {
        const headerEnd = batch.stdout.indexOf(10, offset);
        const size = Number(batch.stdout.subarray(offset, headerEnd).toString().split(" ")[2]);
        if (!Number.isFinite(size))
            throw new Error(`git cat-file: unexpected output for ${blob}`);
        texts.push(batch.stdout.subarray(headerEnd + 1, headerEnd + 1 + size).toString("utf8"));
        offset = headerEnd + 1 + size + 1;
    }
    return texts;
}

// EXTERNAL MODULE: ./src/lint/linter.ts + 2 modules
var linter = __nccwpck_require__(7128);
// EXTERNAL MODULE: ./src/lint/prisma-models.ts
var prisma_models = __nccwpck_require__(8100);
;// CONCATENATED MODULE: ./src/verify/lint-cache.ts
// The base state of lint, cached between runs: replaying 800 base migrations costs ~200 ms of
// parsing, the state they produce is a few hundred KB of JSON. Keyed by the linter's state version
// and every replayed migration's name and content, so any change is a miss. A broken or unwritable
// cache is never an error: the state is rebuilt.




/** Bump when SchemaStateData or how statements change it changes. */
const STATE_VERSION = "lint-state-1";
function defaultCacheDir() {
    return process.env.MIGRATE_GUARD_CACHE_DIR || external_node_path_default().join(external_node_os_default().tmpdir(), "migrate-guard-cache");
}
/** Key of the state after `migrations`: each one's name and content id (its git blob id). */
function cacheKey(migrations) {
    const hash = (0,external_node_crypto_.createHash)("sha256").update(STATE_VERSION);
    for (const m of migrations)
        hash.update("\0").update(m.name).update("\0").update(m.id);
    return hash.digest("hex").slice(0, 32);
}
/** The git blob id of a text: what `git ls-tree` reports, so files read from disk and from git share keys. */
function lint_cache_blobId(text) {
    const bytes = Buffer.from(text, "utf8");
    return (0,external_node_crypto_.createHash)("sha1").update(`blob ${bytes.length}\0`).update(bytes).digest("hex");
}
async function readCachedState(dir, key) {
    try {
        return JSON.parse(await (0,promises_namespaceObject.readFile)(external_node_path_default().join(dir, `${key}.json`), "utf8"));
    }
    catch {
        return undefined;
    }
}
async function writeCachedState(dir, key, data) {
    try {
        await (0,promises_namespaceObject.mkdir)(dir, { recursive: true });
        const file = external_node_path_default().join(dir, `${key}.json`);
        // Written aside and renamed: a concurrent reader never sees half a file.
        const tmp = `${file}.${process.pid}.tmp`;
        await (0,promises_namespaceObject.writeFile)(tmp, JSON.stringify(data));
        await (0,promises_namespaceObject.rename)(tmp, file);
        await lint_cache_prune(dir);
    }
    catch {
        // A read-only or full disk only costs the next run its speed.
    }
}
/** Entries kept: one per base the machine lints against; the oldest go first. */
const MAX_ENTRIES = 20;
async function lint_cache_prune(dir) {
    const names = (await (0,promises_namespaceObject.readdir)(dir)).filter((n) => n.endsWith(".json"));
    if (names.length <= MAX_ENTRIES)
        return;
    const aged = await Promise.all(names.map(async (n) => ({ n, t: (await (0,promises_namespaceObject.stat)(external_node_path_default().join(dir, n))).mtimeMs })));
    aged.sort((a, b) => b.t - a.t);
    await Promise.all(aged.slice(MAX_ENTRIES).map((e) => (0,promises_namespaceObject.rm)(external_node_path_default().join(dir, e.n), { force: true })));
}

;// CONCATENATED MODULE: ./src/verify/lint.ts
// Wiring of the linter for its three callers (verify's lint check, `migrate-guard lint`, the lint
// action): which migrations are base and which are new, the base branch's schema.prisma for the
// 3-phase check, and the cached base state. The rules themselves live in src/lint (pure).
//
// Reading is lazy because the common case is one new migration on top of hundreds: names come from
// readdir and `git ls-tree` (blob ids, no contents); with the base state cached under those ids only
// the new files are read and parsed.













/** Already-read migrations (verify has them) as LazyMigrations. */
function loaded(migrations) {
    const byName = new Map(migrations.map((m) => [m.name, m]));
    return { names: migrations.map((m) => m.name), ids: migrations.map((m) => lint_cache_blobId(m.sql)), read: async (names) => names.map((n) => byName.get(n)) };
}
async function lintMigrationSet(set) {
    const started = performance.now();
    const base = set.base ?? set.current;
    const baseNames = new Set(base.names);
    const freshNames = set.current.names.filter((n) => !baseNames.has(n));
    const all = Boolean(set.all || set.eachMigration);
    const done = (result) => ({ result, summary: summaryOf(set, all, result.linted.length, freshNames.length, base.names.length), newCount: freshNames.length, durationMs: performance.now() - started });
    if (!all && freshNames.length === 0)
        return done({ findings: [], linted: [], statements: 0 });
    const fresh = new Set(freshNames);
    const shouldLint = (name) => all || fresh.has(name);
    const groupOf = set.eachMigration ? (name) => name : (name) => (fresh.has(name) ? "new" : "base");
    const evidence = !set.eachMigration && set.baseSchemaText !== undefined ? { baseModels: (0,prisma_models/* parsePrismaModels */.K)(set.baseSchemaText) } : {};
    // The base is a pure replay prefix unless everything is linted: its state can come from the cache.
    const cacheDir = all || !set.base || set.cacheDir === false ? undefined : set.cacheDir ?? defaultCacheDir();
    const key = cacheDir ? cacheKey(base.names.map((name, i) => ({ name, id: base.ids[i] }))) : undefined;
    const cached = key ? await readCachedState(cacheDir, key) : undefined;
    const baseMigrations = cached ? base.names.map((name) => ({ name, file: name, sql: "" })) : await base.read(base.names);
    const migrations = [...baseMigrations, ...(await set.current.read(freshNames))];
    const result = await (0,linter.lint)({
        migrations, shouldLint, groupOf, evidence, completeHistory: true,
        ...(cached ? { initialState: { data: cached, covers: base.names.length } } : { wantBaseState: key !== undefined }),
    });
    if (key && !cached && result.baseState?.covers === base.names.length)
        await writeCachedState(cacheDir, key, result.baseState.data);
    return done(result);
}
function summaryOf(set, all, linted, fresh, base) {
    if (set.eachMigration)
        return `${linted} migrations linted, each against the ones before it`;
    if (all)
        return `all ${linted} migrations linted${set.base ? ` (${fresh} new against the base branch's ${base}, those from an empty database)` : " as one change set from an empty database"}`;
    if (set.base)
        return `${linted} new migration(s) linted against the base branch's ${base}`;
    return "no base ref: every migration is existing history, none linted (--all lints them)";
}
/** The verify report's `lint` check. */
function lintCheck(outcome, extra = []) {
    const findings = [...outcome.result.findings.map(toFinding), ...extra];
    return { id: "lint", status: statusFromFindings(findings), summary: `${outcome.summary}: ${countText(outcome.result.findings)}`, findings };
}
function toFinding(f) {
    return { rule: f.rule, message: f.message, file: f.file, line: f.line, column: f.column, severity: f.severity };
}
function countText(findings) {
    const n = (s) => findings.filter((f) => f.severity === s).length;
    const part = (count, word) => `${count} ${word}${count === 1 ? "" : "s"}`;
    return `${part(n("error"), "error")}, ${part(n("warning"), "warning")}, ${part(n("notice"), "notice")}`;
}
/** `migrate-guard lint` and the lint action: a project's migrations, or the files given. */
async function runLint(settings) {
    // The parser's WASM compiles in the background while git and the file system answer.
    (0,statements/* loadParser */.q)().catch(() => { });
    if (settings.files && settings.files.length > 0)
        return lintFiles(settings.files);
    const pathBase = external_node_path_default().resolve(settings.pathBase ?? ".");
    const display = (abs) => toPosix(external_node_path_default().relative(pathBase, abs)) || ".";
    const project = await locateProject({ workingDirectory: settings.workingDirectory, ...(settings.schema ? { schema: settings.schema } : {}) });
    // Both git questions at once: rev-parse works from any folder inside the repository.
    const commitPromise = settings.baseRef ? resolveCommit(project.workingDirectory, settings.baseRef) : undefined;
    commitPromise?.catch(() => { });
    const gitRoot = await repositoryRoot(project.workingDirectory);
    if (settings.baseRef && !gitRoot) {
        throw new ConfigurationError(`--base-ref "${settings.baseRef}" needs a git checkout, but ${project.workingDirectory} is not inside one.`);
    }
    const baseCommit = await commitPromise;
    const [current, base, baseSchemaText] = await Promise.all([
        workingTree(project.migrationsDir, display),
        baseCommit ? atCommit(gitRoot, baseCommit, project.migrationsDir, display) : undefined,
        baseCommit ? schemaAtCommit(gitRoot, baseCommit, project.schemaPath) : undefined,
    ]);
    settings.logger.debug(`lint: ${current.names.length} migrations in ${display(project.migrationsDir)}${base ? `, ${base.names.length} on the base branch` : ""}`);
    return lintMigrationSet({
        current,
        ...(base ? { base } : {}),
        ...(baseSchemaText !== undefined ? { baseSchemaText } : {}),
        all: Boolean(settings.all),
        eachMigration: Boolean(settings.eachMigration),
        ...(settings.cacheDir !== undefined ? { cacheDir: settings.cacheDir } : {}),
    });
}
/** Migration folders of the working tree; a folder without migration.sql is skipped (verify's naming check reports it). */
async function workingTree(dir, display) {
    const names = (await (0,promises_namespaceObject.readdir)(dir, { withFileTypes: true })).filter((e) => e.isDirectory()).map((e) => e.name).sort(compareMigrationNames);
    // Synchronous: hundreds of small files read in a loop cost a fraction of as many promises.
    const readOne = (name) => {
        try {
            return (0,external_node_fs_.readFileSync)(external_node_path_default().join(dir, name, "migration.sql"), "utf8");
        }
        catch {
            return undefined;
        }
    };
    const lazy = {
        names,
        // Content ids are only needed for a cached base, and the working tree is never one.
        ids: [],
        read: async (wanted) => {
            const sqls = wanted.map(readOne);
            return wanted.flatMap((name, i) => (sqls[i] === undefined ? [] : [{ name, file: display(external_node_path_default().join(dir, name, "migration.sql")), sql: sqls[i] }]));
        },
    };
    return lazy;
}
async function atCommit(repoRoot, commit, migrationsDir, display) {
    const tree = (await migrationBlobsAtCommit(repoRoot, commit, migrationsDir)).sort((a, b) => compareMigrationNames(a.name, b.name));
    return {
        names: tree.map((t) => t.name),
        ids: tree.map((t) => t.blob),
        read: async (names) => {
            const wanted = new Set(names);
            const picked = tree.filter((t) => wanted.has(t.name));
            const texts = await readBlobs(repoRoot, picked.map((t) => t.blob));
            return picked.map((t, i) => ({ name: t.name, file: display(external_node_path_default().join(repoRoot, t.file)), sql: texts[i] }));
        },
    };
}
/**
 * Files linted as given, in the order given, each judged against the files before it (without a
 * base, the conservative reading: a table another file creates counts as existing).
 */
async function lintFiles(files) {
    const started = performance.now();
    const migrations = await Promise.all(files.map(async (file) => {
        try {
            return { name: file, file, sql: await (0,promises_namespaceObject.readFile)(external_node_path_default().resolve(file), "utf8") };
        }
        catch (error) {
            throw new ConfigurationError(`Cannot read "${file}" (${error.code ?? error.message}). Expected paths of .sql files.`);
        }
    }));
    const result = await (0,linter.lint)({ migrations, shouldLint: () => true, groupOf: (name) => name });
    return { result, summary: `${files.length} file(s) linted`, newCount: files.length, durationMs: performance.now() - started };
}

// EXTERNAL MODULE: ./src/lint/ast.ts
var ast = __nccwpck_require__(4001);
// EXTERNAL MODULE: ./src/lint/locks.ts
var locks = __nccwpck_require__(4505);
// EXTERNAL MODULE: ./src/lint/parse.ts
var parse = __nccwpck_require__(10);
// EXTERNAL MODULE: ./src/lint/state.ts
var lint_state = __nccwpck_require__(7360);
// EXTERNAL MODULE: ./src/lint/rules/measured-lock.ts
var measured_lock = __nccwpck_require__(241);
;// CONCATENATED MODULE: ./src/verify/measured-locks.ts
// Measured locks: what each new migration really locks, read from pg_locks before it commits.
//
// Verify's own database is Prisma's: `prisma migrate deploy` applies every migration there, and
// anything left behind on it would change what Prisma applies (or make it fail). So the measurement
// uses a scratch database on the same server: the base branch's migrations are replayed into it (as
// Prisma sends them: one script per query) or it is a copy of a restored snapshot, then each new
// migration runs inside BEGIN … COMMIT, statement by statement, and pg_locks is read just before the
// COMMIT. Tables are named from a snapshot taken of the base state, so "existing" means exactly
// "present in the base state". It runs while Prisma applies; the scratch database is dropped at the end.
// On a snapshot hit with one new migration, verify's database itself holds the base state before
// Prisma may touch it: the migration runs there in a transaction that is rolled back
// (measureLocksRolledBack), and the sequences it advanced are put back.








const MEASURED_LOCK_RULE = measured_lock/* rule */.H.id;
/** Statements PostgreSQL refuses inside a transaction block. */
function nonTransactional(stmt) {
    const n = stmt.node;
    switch (stmt.kind) {
        case "IndexStmt":
        case "DropStmt": return Boolean(n.concurrent);
        case "ReindexStmt": return (n.params ?? []).some((p) => p.DefElem?.defname === "concurrently");
        case "VacuumStmt":
        case "CreatedbStmt":
        case "DropdbStmt":
        case "AlterSystemStmt":
        case "CreateTableSpaceStmt":
        case "DropTableSpaceStmt": return true;
        default: return false;
    }
}
async function snapshot(client) {
    const { rows } = await client.query(`
    SELECT c.oid::int AS oid, n.nspname AS schema, c.relname AS name
    FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE c.relkind IN ('r', 'p', 'm') AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg\\_toast%'`);
    return { byOid: new Map(rows.map((r) => [r.oid, (0,ast/* key */.Eb)(r.schema, r.name)])) };
}
function finding(m, line, message) {
    return { rule: MEASURED_LOCK_RULE, severity: "notice", file: m.file, line, message };
}
/**
 * Findings (notices) with the strongest lock each new migration takes per existing table. Never
 * throws: a measurement that cannot run says so in a notice.
 */
/** Statements on objects that exist once per server (roles, tablespaces, server settings). */
const SERVER_WIDE = new Set([
    "CreateRoleStmt", "AlterRoleStmt", "AlterRoleSetStmt", "DropRoleStmt",
    "CreateTableSpaceStmt", "DropTableSpaceStmt", "AlterTableSpaceOptionsStmt", "AlterSystemStmt",
]);
/** Text every such statement contains: only migrations that match are parsed (the parser decides). */
const MAY_BE_SERVER_WIDE = /\b(?:CREATE|ALTER|DROP)\s+(?:ROLE|USER|GROUP|TABLESPACE)\b|\bALTER\s+SYSTEM\b/i;
async function touchesServer(m) {
    if (!MAY_BE_SERVER_WIDE.test(m.sql))
        return false;
    const script = await (0,parse/* parseScript */.tl)(m.sql);
    // A migration that does not parse cannot be judged: assume the worst (it only costs the measurement).
    return !script.ok || script.statements.some((s) => SERVER_WIDE.has(s.kind));
}
async function measureLocks(params) {
    if (params.fresh.length === 0)
        return [];
    // Roles and tablespaces belong to the whole server, not to the scratch database: replaying a
    // migration that creates one beside Prisma's apply on the same server would make one of the two
    // fail with "already exists" (and could fail verify's apply itself).
    let global;
    for (const m of [...(params.scratch ? [] : params.base), ...params.fresh]) {
        if (await touchesServer(m)) {
            global = m;
            break;
        }
    }
    if (global) {
        return [finding(params.fresh[0], 1, `Locks not measured: migration ${global.name} creates or changes a role or tablespace, which exist once per server; replaying it beside the apply would collide with it.`)];
    }
    const scratch = params.scratch ?? `migrate_guard_locks_${(0,external_node_crypto_.randomBytes)(4).toString("hex")}`;
    try {
        if (!params.scratch)
            await createDatabase(params.url, scratch);
    }
    catch (error) {
        return [finding(params.fresh[0], 1, `Locks not measured: no scratch database could be created on the verify server (${error.message}).`)];
    }
    const client = new esm.Client({ connectionString: withDatabase(params.url, scratch) });
    client.on("error", () => { });
    const findings = [];
    try {
        await client.connect();
        for (const m of params.scratch ? [] : params.base) {
            try {
                await client.query(m.sql);
            }
            catch (error) {
                return [finding(params.fresh[0], 1, `Locks not measured: base migration ${m.name} failed on the scratch database (${error.message}).`)];
            }
        }
        const snap = await snapshot(client);
        const state = new lint_state/* SchemaState */.P();
        for (const m of params.fresh) {
            const outcome = await measureOne(client, m, snap, state);
            findings.push(...outcome.findings);
            if (outcome.stop)
                break;
        }
        return findings;
    }
    catch (error) {
        return [...findings, finding(params.fresh[0], 1, `Locks not measured: ${error.message}`)];
    }
    finally {
        await client.end().catch(() => { });
        await dropDatabase(params.url, scratch).catch(() => { });
    }
}
/** statement_timeout of a measurement on the restored state (Prisma waits for it). */
const ROLLED_BACK_TIMEOUT_MS = 5000;
/**
 * The single new migration measured on verify's own database, restored from the snapshot and not yet
 * touched by Prisma (the caller holds Prisma's advisory lock, so Prisma waits): run inside a
 * transaction that is rolled back, so the database is left as it was — except sequences, whose
 * nextval/setval no rollback undoes; every existing sequence is put back where it was. Saves the
 * copy of the restored state that measureLocks would need. Never throws.
 */
async function measureLocksRolledBack(client, fresh) {
    if (await touchesServer(fresh)) {
        return [finding(fresh, 1, `Locks not measured: migration ${fresh.name} creates or changes a role or tablespace, which exist once per server.`)];
    }
    try {
        const snap = await snapshot(client);
        const sequences = await client.query("SELECT format('%I.%I', n.nspname, c.relname) AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE c.relkind = 'S'");
        const before = [];
        for (const { name } of sequences.rows) {
            const { rows } = await client.query(`SELECT last_value::text, is_called FROM ${name}`);
            before.push({ name, ...rows[0] });
        }
        try {
            return (await measureOne(client, fresh, snap, new lint_state/* SchemaState */.P(), "rollback")).findings;
        }
        finally {
            for (const s of before)
                await client.query("SELECT setval($1::regclass, $2::bigint, $3)", [s.name, s.last_value, s.is_called]);
        }
    }
    catch (error) {
        await client.query("ROLLBACK").catch(() => { });
        return [finding(fresh, 1, `Locks not measured: ${error.message}`)];
    }
}
async function measureOne(client, m, snap, state, end = "commit") {
    const script = await (0,parse/* parseScript */.tl)(m.sql);
    if (!script.ok)
        return { findings: [finding(m, script.line, `Locks not measured: the migration does not parse.`)], stop: true };
    const statements = script.statements.filter((s) => s.kind !== "TransactionStmt");
    const blocked = statements.filter(nonTransactional);
    if (blocked.length > 0 && end === "rollback") {
        // Nothing of it runs: what cannot be rolled back must not touch the database Prisma applies to.
        return { findings: blocked.map((s) => finding(m, s.line, `Locks not measured: ${s.text.split(/\s+/).slice(0, 4).join(" ")} … cannot run inside a transaction.`)), stop: false };
    }
    if (blocked.length > 0) {
        // Applied in autocommit so that later migrations see its effect; its locks cannot be held and read.
        for (const s of statements) {
            try {
                await client.query(s.text);
            }
            catch (error) {
                return { findings: [finding(m, s.line, `Locks not measured: statement failed on the scratch database (${error.message}).`)], stop: true };
            }
        }
        return { findings: blocked.map((s) => finding(m, s.line, `Locks not measured: ${s.text.split(/\s+/).slice(0, 4).join(" ")} … cannot run inside a transaction.`)), stop: false };
    }
    const strongest = new Map();
    try {
        await client.query("BEGIN");
        // On the restored state Prisma waits for this (its advisory-lock timeout is 10 s): a migration
        // that is slow even on an empty database is measured no longer than this.
        if (end === "rollback")
            await client.query(`SET LOCAL statement_timeout = ${ROLLED_BACK_TIMEOUT_MS}`);
        for (const s of statements)
            await client.query(s.text);
        const { rows } = await client.query("SELECT relation::int AS oid, mode FROM pg_locks WHERE pid = pg_backend_pid() AND locktype = 'relation' AND granted AND relation IS NOT NULL");
        for (const r of rows) {
            const mode = (0,locks/* fromPgLockMode */.gB)(r.mode);
            if (mode && snap.byOid.has(r.oid))
                strongest.set(r.oid, (0,locks/* stronger */.t_)(mode, strongest.get(r.oid) ?? "ACCESS SHARE"));
        }
        await client.query(end === "commit" ? "COMMIT" : "ROLLBACK");
    }
    catch (error) {
        await client.query("ROLLBACK").catch(() => { });
        const where = end === "commit" ? "on the scratch database" : "on the base state (before Prisma applied it)";
        return { findings: [finding(m, 1, `Locks not measured: the migration failed ${where} (${error.message}).`)], stop: true };
    }
    // Anchor each table's lock at the first statement the static model says locks it.
    const lineOf = new Map();
    for (const s of statements) {
        for (const l of (0,locks/* statementLocks */.MI)(s, state))
            if (!lineOf.has(l.table))
                lineOf.set(l.table, s.line);
        state.apply(s, m.name);
    }
    const findings = [...strongest].map(([oid, mode]) => {
        const table = snap.byOid.get(oid);
        return finding(m, lineOf.get(table) ?? 1, `Measured: ${mode} on ${(0,ast/* display */.Vy)(table)} — ${locks/* LOCK_EFFECT */.cU[mode]}; held until the migration commits.`);
    });
    return { findings, stop: false };
}

;// CONCATENATED MODULE: ./src/verify/lint-check.ts
// verify's `lint` check: the linter runs as soon as the base branch's migrations are read (it needs
// no database, so it overlaps the cluster start and Prisma's apply), and the measured locks of the
// new migrations run on a scratch database of the verify server while Prisma applies.




function startLintCheck(params) {
    const { current, base, logger } = params;
    const lintPromise = (async () => {
        const baseSchemaText = params.baseCommit ? await schemaAtCommit(params.repoRoot, params.baseCommit, params.schemaPath) : undefined;
        return lintMigrationSet({ current: loaded(current), ...(base ? { base: loaded(base) } : {}), ...(baseSchemaText !== undefined ? { baseSchemaText } : {}) });
    })();
    lintPromise.catch(() => { });
    let locksPromise = Promise.resolve([]);
    // Without a base ref nothing is new: no migration to measure.
    const baseNames = new Set((base ?? current).map((m) => m.name));
    const fresh = current.filter((m) => !baseNames.has(m.name));
    const measureOnCopy = (adminUrl, makeCopy) => {
        if (!base || fresh.length === 0)
            return;
        logger.info(`Measuring the locks of ${fresh.length} new migration(s) on a copy of the base state…`);
        const scratch = `migrate_guard_locks_${(0,external_node_crypto_.randomBytes)(4).toString("hex")}`;
        locksPromise = makeCopy(scratch).then(() => measureLocks({ url: adminUrl, base, fresh, scratch }), (error) => [{ rule: MEASURED_LOCK_RULE, severity: "notice", file: fresh[0].file, line: 1, message: `Locks not measured: the base state could not be copied (${error.message.split("\n")[0]}).` }]);
    };
    return {
        measureLocks(url) {
            if (!base || fresh.length === 0)
                return;
            logger.info(`Measuring the locks of ${fresh.length} new migration(s) on a scratch database…`);
            locksPromise = measureLocks({ url, base, fresh });
        },
        async measureLocksOnRestored(client, adminUrl, restoreCopy) {
            if (!base || fresh.length === 0)
                return;
            if (fresh.length > 1)
                return measureOnCopy(adminUrl, restoreCopy);
            logger.info(`Measuring the locks of the new migration on the restored base state (rolled back)…`);
            locksPromise = measureLocksRolledBack(client, fresh[0]);
            await locksPromise;
        },
        measureLocksOnCopy: measureOnCopy,
        async check() {
            const [outcome, locks] = await Promise.all([lintPromise.catch((error) => error), locksPromise]);
            // A linter bug must not take the other checks' results down with it.
            if (outcome instanceof Error) {
                return { id: "lint", status: "fail", summary: "the linter failed", findings: [{ rule: "lint-failed", severity: "error", message: `migrate-guard lint failed: ${outcome.message}` }] };
            }
            const result = lintCheck(outcome, locks);
            return outcome.result.linted.length === 0 ? { ...result, status: "skip" } : result;
        },
    };
}

;// CONCATENATED MODULE: ./src/verify/prefix.ts
// The verified prefix: the leading migrations (in Prisma's order) that the branch shares, name and
// bytes, with its base ref. Their migrated state is what the snapshot cache keeps. To build it on a
// miss without replaying anything twice, Prisma first deploys a copy of the project that holds only
// the prefix (same schema, same config, a migrations folder with the prefix's files copied byte for
// byte, so its `_prisma_migrations` checksums are the real ones), then the real project.




/** Without a base ref every migration is existing history: the whole list is the prefix. */
function verifiedPrefix(current, base) {
    if (!base)
        return [...current];
    const byName = new Map(base.map((b) => [b.name, b.sql]));
    const prefix = [];
    for (const m of current) {
        if (byName.get(m.name) !== m.sql)
            break;
        prefix.push(m);
    }
    // A base migration missing from the branch (deleted, renamed) ends the shared history: what
    // follows it in the base's order is not the base's state any more.
    const baseSorted = base.map((b) => b.name).sort(compareMigrationNames);
    const shared = prefix.findIndex((m, i) => baseSorted[i] !== m.name);
    return shared === -1 ? prefix : prefix.slice(0, shared);
}
/**
 * A temporary project whose migrations folder holds only `prefix`. With a prisma.config file the copy
 * is a config that imports the real one and overrides the schema and migrations paths (Prisma 7 needs
 * its config for the URL; the adapter, engine and env come along); without one, the schema is copied
 * next to the migrations folder, where Prisma 5/6 look for it.
 */
async function writePrefixProject(project, migrationsDir, prefix) {
    const root = await (0,promises_namespaceObject.mkdtemp)(external_node_path_default().join(external_node_os_default().tmpdir(), "migrate-guard-prefix-"));
    const remove = () => (0,promises_namespaceObject.rm)(root, { recursive: true, force: true });
    try {
        // Prisma 5/6 without a config look for migrations beside the schema file, or inside a schema folder.
        const schemaCopy = external_node_path_default().join(root, external_node_path_default().basename(project.schemaPath));
        const schemaIsFolder = !project.configFile && (await (0,promises_namespaceObject.stat)(project.schemaPath)).isDirectory();
        const migrations = schemaIsFolder ? external_node_path_default().join(schemaCopy, "migrations") : external_node_path_default().join(root, "migrations");
        if (!project.configFile)
            await copyTree(project.schemaPath, schemaCopy);
        await (0,promises_namespaceObject.mkdir)(migrations, { recursive: true });
        await (0,promises_namespaceObject.copyFile)(external_node_path_default().join(migrationsDir, LOCK_FILE), external_node_path_default().join(migrations, LOCK_FILE)).catch(() => { });
        await Promise.all(prefix.map(async (m) => {
            await (0,promises_namespaceObject.mkdir)(external_node_path_default().join(migrations, m.name));
            await (0,promises_namespaceObject.copyFile)(external_node_path_default().join(migrationsDir, m.name, "migration.sql"), external_node_path_default().join(migrations, m.name, "migration.sql"));
        }));
        if (project.configFile) {
            const configFile = external_node_path_default().join(root, "prisma.config.ts");
            const source = [
                `import base from ${JSON.stringify(project.configFile)};`,
                `const config = { ...base, schema: ${JSON.stringify(project.schemaPath)}, migrations: { ...(base.migrations ?? {}), path: ${JSON.stringify(migrations)} } };`,
                "export default config;",
                "",
            ].join("\n");
            await (0,promises_namespaceObject.writeFile)(configFile, source);
            return { from: { configFile }, remove };
        }
        return { from: { schemaPath: schemaCopy }, remove };
    }
    catch (error) {
        await remove();
        throw error;
    }
}
async function copyTree(from, to) {
    // A schema folder (prismaSchemaFolder) keeps its .prisma files; its own migrations folder is not copied.
    await (0,promises_namespaceObject.cp)(from, to, { recursive: true, filter: (src) => external_node_path_default().basename(src) !== "migrations" });
}

;// CONCATENATED MODULE: ./src/postgres/snapshot.ts
// Database-level copies for the snapshot cache. Measured on trigger.dev's 820 migrations (2 cores,
// PostgreSQL 15; see bench/ and README "Caching"): pg_dump -Fc 0.3 s → 460 KB; pg_restore into an
// empty database 0.7–0.9 s. A cluster-level copy (tar of the stopped data directory) is 58 MB / 1,864
// files and extracts in 0.84 s, only ~0.6 s net of the template copy it replaces, but it cannot start
// before the cache key is known, is 130× larger to move through actions/cache and ties the entry to
// one server binary; the dump restores about as fast and is what we keep. Within one run a database
// is copied with CREATE DATABASE … TEMPLATE (0.13–0.19 s).




function snapshot_run(file, args, secrets) {
    return new Promise((resolve, reject) => {
        (0,external_node_child_process_namespaceObject.execFile)(file, args, { maxBuffer: 16 * 1024 * 1024, timeout: 600_000, env: { ...process.env, PGCONNECT_TIMEOUT: "15" } }, (error, _stdout, stderr) => {
            if (error)
                reject(new Error(redact(`${external_node_path_default().basename(file)} failed: ${String(stderr).trim() || error.message}`, secrets)));
            else
                resolve();
        });
    });
}
/** `pg_dump -Fc` of the database at `url` with the server's own client (`bindir`): same major, so it always reads it. */
function dumpDatabase(bindir, url, file) {
    // -Z0: the dump is small and moved compressed by actions/cache anyway; compressing costs 0.1 s.
    // Owners and privileges are kept: verify saves no snapshot whose migrations created roles (see
    // src/verify/snapshot.ts), so every owner and grantee is the bootstrap superuser or PUBLIC.
    return snapshot_run(external_node_path_default().join(bindir, "pg_dump"), ["-Fc", "-Z0", "-f", file, "-d", url], urlSecrets(url));
}
/** Restores a dump made by dumpDatabase into the empty database at `url`; throws when anything fails. */
function restoreDatabase(bindir, url, file) {
    // One session, one transaction: alone pg_restore -j2 is 0.2 s faster, but beside Prisma's start on a
    // 2-core runner it measured 1.3–2.0 s against 0.6–1.1 s for one session. A failed restore leaves nothing.
    return snapshot_run(external_node_path_default().join(bindir, "pg_restore"), ["--exit-on-error", "--single-transaction", "-d", url, file], urlSecrets(url));
}
/**
 * CREATE DATABASE target TEMPLATE source. PostgreSQL refuses while another session is connected to
 * the source (55006): a progress poll or a scratch-database helper holds one for milliseconds, so
 * this retries for up to `waitMs`.
 */
async function cloneDatabase(adminUrl, source, target, waitMs = 10_000) {
    const deadline = Date.now() + waitMs;
    const client = await connectClient(adminUrl);
    try {
        for (;;) {
            try {
                await client.query(`CREATE DATABASE ${quoteIdentifier(target)} TEMPLATE ${quoteIdentifier(source)}`);
                return;
            }
            catch (error) {
                if (error.code !== "55006" || Date.now() > deadline)
                    throw error;
                await new Promise((resolve) => setTimeout(resolve, 25));
            }
        }
    }
    finally {
        await client.end().catch(() => { });
    }
}

;// CONCATENATED MODULE: ./src/version.ts
/** The product's version, reported in SARIF and used in cache keys. Kept in step with package.json. */
const VERSION = "0.1.0";

;// CONCATENATED MODULE: ./src/verify/snapshot.ts
// verify's use of the snapshot cache (src/cache/snapshot-cache.ts): look the verified prefix up,
// restore it on a hit, and on a miss make Prisma deploy the prefix first so that its state can be
// copied inside the server (CREATE DATABASE … TEMPLATE) before the new migrations are applied; the
// copy is dumped into the cache once the migrations applied. Every migration is still applied by the
// project's own `prisma migrate deploy`: on a hit the `_prisma_migrations` rows come with the snapshot
// (written by Prisma when the snapshot was made), so Prisma applies only the new migrations.







const VERIFY_DATABASE = "migrate_guard_verify";
/**
 * A deploy with at most this many pending migrations starts Prisma without Node's optimising
 * compilers (see SHORT_LIVED_NODE_FLAGS): on a hit Prisma's own start-up is most of its work.
 */
const SHORT_DEPLOY_MAX_PENDING = 25;
/** Looks the prefix up. Nothing is restored yet: on a hit the restore overlaps Prisma's start (see deploy). */
async function openSnapshot(params) {
    const { cluster, url, prisma, prefix, logger } = params;
    const key = snapshotKey({ productVersion: VERSION, prismaMajor: prisma.major, postgresMajor: cluster.major, migrations: prefix });
    if (prefix.length === 0) {
        return fixed({ state: "miss", migrations: 0, detail: "no migration is shared with the base branch: nothing to cache" }, 0, (onLine) => prisma.deploy(url, onLine));
    }
    const found = await lookupSnapshot(params.cacheDir, key);
    if (found.state === "hit") {
        return restoring(params, found.dumpFile, found.manifest, async (reason) => {
            await discardSnapshot(params.cacheDir, key);
            return making(params, key, "corrupt", reason);
        });
    }
    if (found.state === "corrupt")
        logger.warning(`Snapshot cache: the cached snapshot of the ${prefix.length} base migration(s) is corrupt (${found.reason}); ignored and removed, applying from scratch.`);
    return making(params, key, found.state, found.state === "corrupt" ? found.reason : undefined);
}
/**
 * A hit. Prisma's CLI spends ~2 s starting (loading, reading every migration file) before it takes
 * its advisory lock (PRISMA_ADVISORY_LOCK_KEY) and reads `_prisma_migrations`; verify takes that lock
 * first, starts Prisma, restores the snapshot in one transaction meanwhile, and releases the lock:
 * Prisma then finds the restored history, exactly as if it had been started afterwards. It is
 * Prisma's own mechanism against two concurrent `migrate` commands; verify's throwaway Prisma always
 * has it on (PrismaCliOptions.throwaway).
 */
function restoring(params, dumpFile, manifest, asMiss) {
    const { cluster, url, prisma, prefix, logger } = params;
    const adminUrl = withDatabase(url, "postgres");
    const shortLived = params.current.length - prefix.length <= SHORT_DEPLOY_MAX_PENDING;
    let restoreMs = 0;
    let wallMs = 0;
    let fallback;
    const restored = (ms) => `${prefix.length} already-verified migration(s) restored from the snapshot in ${(ms / 1000).toFixed(1)} s`;
    /**
     * The overlapped restore failed. Prisma never got its lock, so it changed nothing; but whatever
     * made the restore fail may have been the overlap, so the snapshot is tried once more alone, on a
     * new empty database, before it is called corrupt (then the run continues as a miss).
     */
    async function retryAlone(onLine, whileLocked, first) {
        logger.debug(`Snapshot cache: the restore beside Prisma failed (${first.message.split("\n")[0]}); restoring again on its own.`);
        await dropDatabase(adminUrl, VERIFY_DATABASE);
        await createDatabase(adminUrl, VERIFY_DATABASE);
        const started = Date.now();
        try {
            await restoreDatabase(cluster.bindir, url, dumpFile);
        }
        catch (error) {
            const reason = `it did not restore: ${error.message.split("\n")[0]}`;
            logger.warning(`Snapshot cache: the cached snapshot did not restore (${reason}); applying from scratch.`);
            await dropDatabase(adminUrl, VERIFY_DATABASE);
            await createDatabase(adminUrl, VERIFY_DATABASE);
            fallback = await asMiss(reason);
            return fallback.deploy(onLine);
        }
        restoreMs = Date.now() - started;
        if (whileLocked) {
            const client = await connectClient(url);
            try {
                await whileLocked(client).catch(() => { });
            }
            finally {
                await client.end().catch(() => { });
            }
        }
        return prisma.deploy(url, onLine, { shortLived });
    }
    return {
        get restored() {
            return fallback ? fallback.restored : prefix.length;
        },
        // Saved: what Prisma took for the prefix when the snapshot was made (its start included) plus the
        // new migrations, less what this run took from taking the lock to Prisma's exit.
        outcome: (newMigrationsMs = 0) => fallback ? fallback.outcome(newMigrationsMs) : { state: "hit", migrations: prefix.length, savedMs: Math.max(0, manifest.applyMs + newMigrationsMs - wallMs), detail: restored(restoreMs) },
        async deploy(onLine, hooks = {}) {
            const { whileLocked } = hooks;
            const started = Date.now();
            const lock = await connectClient(url, { applicationName: "migrate-guard snapshot restore" });
            let locked = true;
            const unlock = async () => {
                if (!locked)
                    return;
                locked = false;
                await lock.end().catch(() => { }); // the session's end releases the lock
            };
            try {
                await lock.query("SELECT pg_advisory_lock($1)", [PRISMA_ADVISORY_LOCK_KEY]);
                const abort = new AbortController();
                let endedWhileLocked = false;
                const run = prisma.deploy(url, onLine, { shortLived, signal: abort.signal }).then((result) => {
                    endedWhileLocked = locked;
                    return result;
                });
                try {
                    await restoreDatabase(cluster.bindir, url, dumpFile);
                }
                catch (error) {
                    abort.abort();
                    await run;
                    await unlock();
                    return await retryAlone(onLine, whileLocked, error);
                }
                restoreMs = Date.now() - started;
                logger.info(`Snapshot cache: hit — ${prefix.length} migration(s) restored in ${(restoreMs / 1000).toFixed(1)} s while Prisma started; it applies the other ${params.current.length - prefix.length}.`);
                if (whileLocked)
                    await whileLocked(lock).catch((error) => logger.debug(`Snapshot cache: work on the restored state failed: ${error.message}`));
                await unlock();
                let result = await run;
                if (result.code !== 0 && endedWhileLocked) {
                    // Prisma gave up before it could have read anything (e.g. its advisory-lock timeout, 10 s,
                    // behind a slow restore): run it again on the restored state.
                    logger.debug(`Snapshot cache: Prisma exited (${result.code}) while the snapshot was being restored; running it again.`);
                    result = await prisma.deploy(url, onLine, { shortLived });
                }
                return result;
            }
            finally {
                await unlock();
                wallMs = Date.now() - started;
            }
        },
        restoreCopy: async (database) => {
            await createDatabase(adminUrl, database);
            await restoreDatabase(cluster.bindir, withDatabase(adminUrl, database), dumpFile);
        },
        save: async () => fallback?.save(),
        dispose: async () => fallback?.dispose(),
    };
}
/**
 * Miss (or corrupt): this run makes the snapshot. With new migrations, Prisma deploys the prefix on
 * its own first (one extra Prisma start) and the server copies that state.
 */
function making(params, key, state, corruptReason) {
    const { cluster, url, prisma, prefix, logger } = params;
    const adminUrl = withDatabase(url, "postgres");
    const copy = `migrate_guard_prefix_${(0,external_node_crypto_.randomBytes)(4).toString("hex")}`;
    const whole = prefix.length === params.current.length;
    let prefixMs = 0;
    let copied = false;
    let saved = false;
    const detail = () => state === "corrupt"
        ? `the cached snapshot was corrupt (${corruptReason}) and was ignored${saved ? "; a new one was saved" : ""}`
        : `${prefix.length} already-verified migration(s) were not cached${saved ? "; their snapshot was saved for the next run" : ""}`;
    return {
        restored: 0,
        outcome: () => ({ state, migrations: prefix.length, saved, detail: detail() }),
        async deploy(onLine, hooks = {}) {
            if (whole) {
                const started = Date.now();
                const result = await prisma.deploy(url, onLine);
                prefixMs = Date.now() - started;
                return result;
            }
            const project = await writePrefixProject(params.project, params.migrationsDir, prefix);
            let first;
            const started = Date.now();
            try {
                first = await prisma.deploy(url, onLine, { from: project.from });
            }
            finally {
                await project.remove();
            }
            prefixMs = Date.now() - started;
            if (first.code !== 0) {
                // Whatever stopped the prefix-only deploy (a migration that fails, or the copied project
                // itself), the real project's deploy decides: it reports a failed migration as Prisma does
                // (P3009 names it) or applies everything. No snapshot from this run.
                logger.debug(`Snapshot cache: the prefix-only deploy failed (exit ${first.code}); deploying the project as it is, no snapshot this run.`);
                return prisma.deploy(url, onLine);
            }
            try {
                // Prisma 7 can exit 0 having applied nothing when its engine dies: copy only a complete prefix.
                const problem = await unsnapshotable(url, prefix);
                if (problem)
                    logger.info(`Snapshot cache: not saved this run — ${problem}.`);
                else {
                    await cloneDatabase(adminUrl, VERIFY_DATABASE, copy);
                    copied = true;
                    hooks.onPrefixState?.((database) => cloneDatabase(adminUrl, copy, database));
                }
            }
            catch (error) {
                logger.debug(`Snapshot cache: the prefix could not be copied (${error.message}); no snapshot this run.`);
            }
            const rest = await prisma.deploy(url, onLine, { shortLived: params.current.length - prefix.length <= SHORT_DEPLOY_MAX_PENDING });
            return { code: rest.code, stdout: `${first.stdout}\n${rest.stdout}`, stderr: `${first.stderr}\n${rest.stderr}` };
        },
        async save() {
            if (!whole && !copied)
                return;
            const source = whole ? url : withDatabase(url, copy);
            const problem = await unsnapshotable(source, prefix).catch((error) => `its state could not be checked (${error.message.split("\n")[0]})`);
            if (problem) {
                logger.info(`Snapshot cache: not saved — ${problem}.`);
                return;
            }
            const meta = {
                productVersion: VERSION, prismaVersion: prisma.version, postgresVersion: cluster.version, migrations: prefix.map((m) => m.name), applyMs: prefixMs,
            };
            const started = Date.now();
            saved = await saveSnapshot(params.cacheDir, key, meta, (file) => dumpDatabase(cluster.bindir, source, file));
            logger.debug(`Snapshot cache: ${saved ? "saved" : "not saved"} (${Date.now() - started} ms).`);
        },
        async dispose() {
            if (copied)
                await dropDatabase(adminUrl, copy).catch(() => { });
        },
    };
}
function fixed(outcome, restored, deploy) {
    return { restored, outcome: () => outcome, deploy, save: async () => { }, dispose: async () => { } };
}
/**
 * Why the state at `url` must not become the prefix's snapshot, or undefined when it may. A dump holds
 * one database: roles (`CREATE ROLE`) and role or database settings (`ALTER ROLE/DATABASE … SET`) live
 * in the cluster and would be missing after a restore, so a warm run could pass a migration a cold run
 * fails (or the reverse). And `_prisma_migrations` must hold exactly the prefix, finished.
 */
async function unsnapshotable(url, prefix) {
    const client = await connectClient(url);
    try {
        const roles = await client.query("SELECT rolname FROM pg_roles WHERE oid <> 10 AND rolname !~ '^pg_' ORDER BY rolname");
        if (roles.rows.length > 0)
            return `the migrations created role(s) ${roles.rows.map((r) => r.rolname).join(", ")}, which a database dump cannot carry`;
        const settings = await client.query("SELECT 1 FROM pg_db_role_setting LIMIT 1");
        if (settings.rows.length > 0)
            return "the migrations set role or database settings (ALTER ROLE/DATABASE … SET), which a database dump cannot carry";
        const names = (await readPrismaMigrations(url)).filter((r) => r.finished_at && !r.rolled_back_at).map((r) => r.migration_name).sort();
        const expected = prefix.map((m) => m.name).sort();
        if (names.length !== expected.length || names.some((n, i) => n !== expected[i])) {
            return `_prisma_migrations holds ${names.length} finished migration(s), not exactly the ${expected.length} of the prefix`;
        }
        return undefined;
    }
    finally {
        await client.end().catch(() => { });
    }
}

;// CONCATENATED MODULE: ./src/verify/verify.ts
// PR verification: every check, in the order that lets the cheap ones report even when the expensive
// ones cannot run. Pure wiring of core checks and adapters; no @actions imports.



















function result(id, summary, findings) {
    return { id, status: statusFromFindings(findings), summary, findings };
}
function skipped(id, summary) {
    return { id, status: "skip", summary, findings: [] };
}
async function verify(settings) {
    const started = Date.now();
    const { logger } = settings;
    logger.debug(`timing: verify starts (process ${Math.round(performance.now())} ms)`);
    // Where the time goes, at debug level (MIGRATE_GUARD_DEBUG=1 / ACTIONS_STEP_DEBUG).
    const phase = (name, since) => logger.debug(`timing: ${name} ${Date.now() - since} ms (at ${Date.now() - started} ms; process ${Math.round(performance.now())} ms)`);
    const project = await locateProject({ workingDirectory: settings.workingDirectory, ...(settings.schema ? { schema: settings.schema } : {}) });
    // Node's compile cache (Node ≥ 22.1) lives beside the snapshots: Prisma's CLI starts faster when
    // the cache directory comes back (actions/cache).
    const compileCacheDir = settings.cacheDir && !settings.databaseUrl ? external_node_path_default().join(settings.cacheDir, "node-compile-cache") : undefined;
    if (compileCacheDir)
        void pruneCompileCache(compileCacheDir);
    const prisma = findPrismaCli({
        workingDirectory: project.workingDirectory, schemaPath: project.schemaPath, urlVariables: project.urlVariables, explicitSchema: Boolean(settings.schema),
        throwaway: compileCacheDir ? { compileCacheDir } : {},
    });
    if (settings.databaseUrl)
        await assertDisposableDatabase(settings.databaseUrl);
    // Bad input fails before anything starts: the base ref is resolved first (milliseconds).
    const gitRoot = await repositoryRoot(project.workingDirectory);
    if (settings.baseRef && !gitRoot) {
        throw new ConfigurationError(`--base-ref "${settings.baseRef}" needs a git checkout, but ${project.workingDirectory} is not inside one.`);
    }
    const repoRoot = gitRoot ?? project.workingDirectory;
    const baseCommit = settings.baseRef ? await resolveCommit(repoRoot, settings.baseRef) : undefined;
    // The cluster boots while the repository is read and the cheap checks run.
    const cacheDir = settings.cacheDir && !settings.databaseUrl ? settings.cacheDir : undefined;
    // With the cache, Prisma's database is not `postgres`, so that the server can copy it (a template
    // must have no sessions; scratch-database helpers connect to `postgres`).
    const clusterPromise = settings.databaseUrl ? undefined : startCluster({ ...(settings.postgresVersion ? { version: settings.postgresVersion } : {}), ...(cacheDir ? { database: VERIFY_DATABASE } : {}), logger });
    clusterPromise?.then((c) => {
        phase("cluster ready", started);
        settings.onCluster?.(c);
    }, () => { });
    let cluster;
    let snapshot;
    try {
        const dir = await readMigrationsDirectory(project.migrationsDir, repoRoot);
        phase(`${dir.migrations.length} migrations read`, started);
        const rel = (p) => toPosix(external_node_path_default().relative(repoRoot, p));
        const checks = [];
        checks.push(result("lock-file", `${rel(external_node_path_default().join(dir.dir, LOCK_FILE))} checked against ${rel(project.schemaPath)}`, checkLockFile({
            ...(dir.lockFile !== undefined ? { lockFile: dir.lockFile } : {}),
            lockPath: rel(external_node_path_default().join(dir.dir, LOCK_FILE)),
            ...(project.datasource.provider ? { schemaProvider: project.datasource.provider } : {}),
            schemaPath: rel(project.schemaPath),
        })));
        let base;
        if (baseCommit) {
            base = await migrationsAtCommit(repoRoot, baseCommit, project.migrationsDir, dir.migrations);
            phase(`base ref's ${base.length} migrations read`, started);
            logger.info(`Base ${settings.baseRef} (${baseCommit.slice(0, 12)}) has ${base.length} migrations; this branch has ${dir.migrations.length}.`);
        }
        const baseNames = new Set((base ?? dir.migrations).map((m) => m.name));
        const newNames = new Set(dir.migrations.map((m) => m.name).filter((n) => !baseNames.has(n)));
        checks.push(result("naming", base ? `${newNames.size} new migration(s) checked for descriptive names` : "folders checked for migration.sql (no base ref: names of existing migrations are not judged)", checkNaming({
            migrations: dir.migrations, newNames, foldersWithoutSql: dir.foldersWithoutSql, migrationsDirRel: rel(dir.dir), ...(settings.genericNames ? { genericNames: settings.genericNames } : {}),
        })));
        checks.push(base ? result("order", `${newNames.size} new migration(s) sort after the base branch's ${baseNames.size}`, checkOrder({ migrations: dir.migrations, baseNames })) : skipped("order", "no base ref given"));
        checks.push(base ? result("history", `${base.length} migration(s) of the base branch compared byte for byte`, checkHistory({ base, current: dir.migrations })) : skipped("history", "no base ref given"));
        // Lint needs no database: it runs while the cluster starts and Prisma applies; its check goes here.
        const lint = startLintCheck({ current: dir.migrations, ...(base ? { base } : {}), repoRoot, ...(baseCommit ? { baseCommit } : {}), schemaPath: project.schemaPath, logger });
        const lintAt = checks.length;
        let url = settings.databaseUrl;
        if (clusterPromise) {
            cluster = await clusterPromise;
            url = cluster.url;
            logger.info(`Throwaway PostgreSQL ${cluster.version} ready on port ${cluster.port}.`);
        }
        // Scratch databases are made from here; with the cache that is not Prisma's database.
        const adminUrl = cacheDir ? withDatabase(url, "postgres") : url;
        const versionPromise = serverVersion(url);
        versionPromise.catch(() => { });
        // Rendering schema.prisma as SQL needs no database state: it runs while a snapshot is restored and
        // Prisma deploys, and so does building the catalog it describes (drift's expected side). Measured
        // on trigger.dev, starting it only after the restore made warm runs ~1 s slower.
        const schemaSqlPromise = prisma.schemaToSql(url);
        schemaSqlPromise.catch(() => { });
        const expectedPromise = schemaSqlPromise.then((sql) => expectedCatalog({ adminUrl, schemaSql: sql, schemas: project.schemas }));
        expectedPromise.catch(() => { });
        const prefix = verifiedPrefix(dir.migrations, base);
        if (cacheDir && cluster) {
            const snapStarted = Date.now();
            snapshot = await openSnapshot({ cacheDir, cluster, url: url, prisma, project, migrationsDir: project.migrationsDir, current: dir.migrations, prefix, logger });
            phase(`snapshot cache ${snapshot.outcome().state}`, snapStarted);
        }
        phase("ready to apply", started);
        const applyStarted = Date.now();
        // The new migrations' locks: on a hit, measured on the restored state itself before Prisma may
        // touch it; on a miss whose prefix is the base branch's history, on a copy of the prefix state the
        // snapshot run makes anyway; otherwise (or when neither happened) on a replay of the base migrations.
        // Only a prefix that is the whole base history is the base state (an edited base migration ends it early).
        const prefixIsBase = Boolean(snapshot && base && prefix.length === base.length && prefix.length < dir.migrations.length);
        const hit = prefixIsBase && snapshot?.restoreCopy ? snapshot : undefined;
        let measuring = false;
        const replayLocks = () => {
            if (measuring)
                return;
            measuring = true;
            lint.measureLocks(adminUrl);
        };
        const hooks = {
            ...(hit ? { whileLocked: async (client) => {
                    measuring = true;
                    await lint.measureLocksOnRestored(client, adminUrl, (name) => hit.restoreCopy(name));
                } } : {}),
            ...(prefixIsBase && !hit ? { onPrefixState: (copy) => {
                    measuring = true;
                    lint.measureLocksOnCopy(adminUrl, copy);
                } } : {}),
        };
        if (!prefixIsBase)
            replayLocks();
        const apply = await applyMigrations({
            prisma, url: url, migrations: dir.migrations, logger,
            ...(snapshot ? { deploy: (onLine) => snapshot.deploy(onLine, hooks), restored: () => snapshot.restored } : {}),
        });
        replayLocks(); // the snapshot run did not get as far as the base state: measured from a replay
        phase("apply", applyStarted);
        await settings.onMigrated?.(url);
        // The prefix's snapshot is written while drift runs.
        const savePromise = apply.succeeded && snapshot ? snapshot.save() : Promise.resolve();
        checks.push(apply.check);
        const files = new Map(dir.migrations.map((m) => [m.name, m.file]));
        const fileOf = (name) => files.get(name);
        const timing = timingCheck(apply.rows, settings.slowMigrationSeconds, fileOf);
        checks.push(timing.check);
        checks.splice(lintAt, 0, await lint.check());
        let drift;
        if (apply.succeeded) {
            const waited = Date.now();
            const expected = await expectedPromise;
            phase("waiting for schema SQL and its catalog", waited);
            const driftStarted = Date.now();
            const outcome = await checkDrift({ url: url, expected, schemas: project.schemas, schemaFile: rel(project.schemaPath), schemaText: project.schemaText });
            checks.push(outcome.check);
            drift = outcome.drift;
            phase("drift", driftStarted);
        }
        else {
            checks.push(skipped("drift", "skipped: the migrations did not apply"));
        }
        await savePromise;
        const pgVersion = (await versionPromise).text;
        return {
            ok: checks.every((c) => c.status !== "fail"),
            checks,
            migrations: timing.timings,
            ...(drift ? { drift } : {}),
            durationMs: Date.now() - started,
            prismaVersion: prisma.version,
            postgresVersion: pgVersion,
            cache: snapshot ? snapshot.outcome(sumOfDurations(apply.rows.slice(snapshot.restored))) : { state: "off", migrations: 0, detail: settings.databaseUrl && settings.cacheDir ? "not used with database-url (the given database is applied from scratch)" : "no cache directory" },
        };
    }
    finally {
        await snapshot?.dispose();
        const stopping = Date.now();
        if (cluster) {
            await cluster.stop();
            phase("cluster stopped", stopping);
        }
        else if (clusterPromise)
            await clusterPromise.then((c) => c.stop(), () => { });
    }
}
function sumOfDurations(rows) {
    return rows.reduce((sum, r) => sum + (r.finished_at ? Math.max(0, r.finished_at.getTime() - r.started_at.getTime()) : 0), 0);
}

;// CONCATENATED MODULE: ./src/cli/verify-command.ts







const VERIFY_USAGE = `Usage: migrate-guard verify [options]

Applies every migration to a throwaway PostgreSQL with the project's own Prisma CLI and checks
lock file, names, order, history (against --base-ref), drift and timing.

Options:
  --working-directory DIR   the Prisma project (default: .)
  --schema PATH             schema.prisma (default: from prisma.config.ts / package.json / prisma/)
  --base-ref REF            branch, tag or SHA to compare migration history with
  --database-url URL        an EMPTY database to use instead of a throwaway (default: env
                            MIGRATE_GUARD_DATABASE_URL, else a throwaway cluster)
  --postgres-version N      PostgreSQL major for the throwaway cluster (default: highest installed)
  --slow-migration-seconds N  warn above this duration (default: 30)
  --generic-names LIST      comma-separated names rejected as non-descriptive
  --cache-dir DIR           snapshot cache of the base branch's migrated state (default:
                            $XDG_CACHE_HOME/migrate-guard or ~/.cache/migrate-guard)
  --no-cache                apply every migration from scratch; read and write no snapshot
  --json                    print one JSON document instead of the text report
  -h, --help                this help

Exit codes: 0 all checks passed, 1 a check failed, 2 usage or configuration error.
`;
function positiveNumber(value, flag, fallback) {
    if (value === undefined)
        return fallback;
    const n = Number(value);
    if (!Number.isFinite(n) || n <= 0)
        throw new ConfigurationError(`Invalid ${flag} "${value}". Expected a positive number of seconds, e.g. ${flag} 30.`);
    return n;
}
async function verifyCommand(argv, io) {
    const parsed = parseCommandArgs(argv, {
        "working-directory": { type: "string" }, schema: { type: "string" }, "base-ref": { type: "string" },
        "database-url": { type: "string" }, "postgres-version": { type: "string" }, "slow-migration-seconds": { type: "string" },
        "generic-names": { type: "string" }, json: { type: "boolean" }, help: { type: "boolean", short: "h" },
        "cache-dir": { type: "string" }, "no-cache": { type: "boolean" },
    }, VERIFY_USAGE);
    const v = parsed.values;
    if (v.help) {
        io.stdout.write(VERIFY_USAGE);
        return 0;
    }
    const databaseUrl = v["database-url"] ?? process.env.MIGRATE_GUARD_DATABASE_URL;
    if (v["no-cache"] && v["cache-dir"] !== undefined)
        throw new ConfigurationError("--cache-dir and --no-cache contradict each other. Expected one of them.");
    if (v["cache-dir"] !== undefined && v["cache-dir"].trim() === "")
        throw new ConfigurationError('Invalid --cache-dir "". Expected a directory, e.g. --cache-dir .cache/migrate-guard.');
    const cacheDir = v["no-cache"] ? false : external_node_path_default().resolve(v["cache-dir"] ?? defaultSnapshotCacheDir());
    const report = await verify({
        workingDirectory: v["working-directory"] ?? ".",
        ...(v.schema ? { schema: v.schema } : {}),
        ...(v["base-ref"] ? { baseRef: v["base-ref"] } : {}),
        ...(databaseUrl ? { databaseUrl } : {}),
        ...(v["postgres-version"] ? { postgresVersion: v["postgres-version"] } : {}),
        slowMigrationSeconds: positiveNumber(v["slow-migration-seconds"], "--slow-migration-seconds", 30),
        ...(v["generic-names"] ? { genericNames: v["generic-names"].split(",").map((s) => s.trim()).filter(Boolean) } : {}),
        cacheDir,
        logger: io.logger,
    });
    io.stdout.write(v.json ? JSON.stringify(toJsonReport(report), null, 2) + "\n" : renderText(report, { color: io.color }));
    return report.ok ? 0 : 1;
}

// EXTERNAL MODULE: ./src/lint/registry.ts + 34 modules
var registry = __nccwpck_require__(9630);
;// CONCATENATED MODULE: ./src/lint/report.ts

const FAIL_ON = ["error", "warning", "notice", "never"];
const RANK = { error: 0, warning: 1, notice: 2 };
/** Whether the findings fail the run: any finding at `failOn` or more severe. */
function fails(findings, failOn) {
    return failOn !== "never" && findings.some((f) => RANK[f.severity] <= RANK[failOn]);
}
function ruleHelp(id) {
    const rule = (0,registry/* ruleById */.BD)(id);
    if (!rule)
        return undefined;
    return {
        description: rule.summary,
        text: `${rule.summary}\n\nSafe recipe: ${rule.recipe}`,
        markdown: `**${rule.id}** — ${rule.summary}\n\n**Safe recipe.** ${rule.recipe}\n\n[Rule documentation](${(0,registry/* ruleDocUrl */.Cg)(rule.id)})`,
        helpUri: (0,registry/* ruleDocUrl */.Cg)(rule.id),
    };
}
/** Findings sorted by file, line, column (the order a reader walks the files in). */
function sortFindings(findings) {
    return [...findings].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line || a.column - b.column));
}
/** rule → { error, warning, notice } counts, rules sorted by id. */
function countsByRule(findings) {
    const map = new Map();
    for (const f of findings) {
        const c = map.get(f.rule) ?? { error: 0, warning: 0, notice: 0 };
        c[f.severity] += 1;
        map.set(f.rule, c);
    }
    return [...map].sort(([a], [b]) => (a < b ? -1 : 1));
}
function table(rows) {
    const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
    return rows.map((r) => r.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join("  ").trimEnd()).join("\n");
}
function renderLintText(findings, info, options = {}) {
    const paint = (code, s) => (options.color ? `\u001b[${code}m${s}\u001b[0m` : s);
    const label = { error: paint(31, "error"), warning: paint(33, "warning"), notice: paint(90, "notice") };
    const lines = [];
    for (const f of sortFindings(findings))
        lines.push(`${f.file}:${f.line}:${f.column} ${label[f.severity]} [${f.rule}] ${f.message}`);
    const counts = countsByRule(findings);
    if (counts.length > 0) {
        lines.push("", table([["rule", "errors", "warnings", "notices"], ...counts.map(([rule, c]) => [rule, String(c.error), String(c.warning), String(c.notice)])]));
    }
    const n = (s) => findings.filter((f) => f.severity === s).length;
    lines.push("", `${info.summary} — ${n("error")} error(s), ${n("warning")} warning(s), ${n("notice")} notice(s); ${info.statements} statements in ${Math.round(info.durationMs)} ms`);
    return lines.join("\n") + "\n";
}
/** The `--format json` document. */
function lintJson(findings, info) {
    const n = (s) => findings.filter((f) => f.severity === s).length;
    return {
        ok: info.ok,
        summary: info.summary,
        linted: info.linted,
        counts: { error: n("error"), warning: n("warning"), notice: n("notice") },
        findings: sortFindings(findings).map((f) => ({ rule: f.rule, severity: f.severity, class: f.class, message: f.message, file: f.file, line: f.line, column: f.column, migration: f.migration })),
        durationMs: Math.round(info.durationMs),
    };
}
const escapeCell = (s) => s.replace(/\|/g, "\\|").replace(/[\r\n]+/g, " ").replace(/</g, "&lt;");
/** Markdown for the job summary: counts per rule, then the findings (capped). */
function renderLintMarkdown(findings, info, options = {}) {
    const n = (s) => findings.filter((f) => f.severity === s).length;
    const lines = [`## migrate-guard lint`, "", `${escapeCell(info.summary)} — **${n("error")}** error(s), **${n("warning")}** warning(s), ${n("notice")} notice(s).`, ""];
    const counts = countsByRule(findings);
    if (counts.length) {
        lines.push("| rule | errors | warnings | notices |", "| --- | ---: | ---: | ---: |");
        for (const [rule, c] of counts)
            lines.push(`| [\`${rule}\`](${ruleDocUrl(rule)}) | ${c.error} | ${c.warning} | ${c.notice} |`);
        lines.push("", "| | where | rule | finding |", "| --- | --- | --- | --- |");
        const max = options.maxFindings ?? 200;
        const icon = { error: "❌", warning: "⚠️", notice: "ℹ️" };
        for (const f of sortFindings(findings).slice(0, max))
            lines.push(`| ${icon[f.severity]} | \`${escapeCell(f.file)}:${f.line}\` | \`${f.rule}\` | ${escapeCell(f.message)} |`);
        if (findings.length > max)
            lines.push("", `… and ${findings.length - max} more (see the SARIF report or \`migrate-guard lint --format json\`).`);
    }
    return lines.join("\n") + "\n";
}

;// CONCATENATED MODULE: ./src/report/sarif.ts
const SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";
// Placeholder until the project has a public home; pass `informationUri` to override.
const DEFAULT_INFORMATION_URI = "https://github.com/migrate-guard/migrate-guard";
const LEVEL = { error: "error", warning: "warning", notice: "note" };
const LEVEL_RANK = { error: 0, warning: 1, note: 2 };
function renderSarif(report, options) {
    const rules = [];
    const ruleIndex = new Map();
    const results = [];
    for (const check of report.checks) {
        for (const finding of check.findings) {
            const level = LEVEL[finding.severity];
            let index = ruleIndex.get(finding.rule);
            if (index === undefined) {
                index = rules.length;
                ruleIndex.set(finding.rule, index);
                const help = options.ruleHelp?.(finding.rule);
                rules.push({
                    id: finding.rule,
                    name: toPascalCase(finding.rule),
                    shortDescription: { text: help?.description ?? describeRule(finding.rule, check.id) },
                    defaultConfiguration: { level },
                    ...(help ? { help: { text: help.text, ...(help.markdown ? { markdown: help.markdown } : {}) }, ...(help.helpUri ? { helpUri: help.helpUri } : {}) } : {}),
                    properties: { checks: [check.id] },
                });
            }
            const rule = rules[index];
            // The rule's default is its most severe use, so code scanning's filter by severity is honest.
            if (LEVEL_RANK[level] < LEVEL_RANK[rule.defaultConfiguration.level])
                rule.defaultConfiguration.level = level;
            if (!rule.properties.checks.includes(check.id))
                rule.properties.checks.push(check.id);
            const result = {
                ruleId: finding.rule,
                ruleIndex: index,
                level,
                message: { text: finding.message || finding.rule },
                properties: { check: check.id },
            };
            const location = locationOf(finding, options.fallbackUri);
            if (location)
                result.locations = [location];
            results.push(result);
        }
    }
    const semver = /^\d+\.\d+\.\d+(?:[-+].*)?$/.test(options.toolVersion);
    return {
        $schema: SARIF_SCHEMA,
        version: "2.1.0",
        runs: [
            {
                tool: {
                    driver: {
                        name: "migrate-guard",
                        version: options.toolVersion,
                        ...(semver ? { semanticVersion: options.toolVersion } : {}),
                        informationUri: options.informationUri ?? DEFAULT_INFORMATION_URI,
                        rules,
                    },
                },
                columnKind: "utf16CodeUnits",
                results,
            },
        ],
    };
}
function locationOf(finding, fallbackUri) {
    const file = finding.file ?? fallbackUri;
    if (!file)
        return undefined;
    const location = {
        physicalLocation: { artifactLocation: { uri: toUri(file), uriBaseId: "%SRCROOT%" } },
    };
    // A line only means something in the finding's own file, not in the fallback.
    if (finding.file && isPositiveInteger(finding.line)) {
        location.physicalLocation.region = {
            startLine: finding.line,
            ...(isPositiveInteger(finding.column) ? { startColumn: finding.column } : {}),
        };
    }
    return location;
}
/** SARIF wants a URI reference: spaces, `#` and `?` in a path would otherwise change its meaning. */
function toUri(path) {
    return path
        .replace(/\\/g, "/")
        .replace(/^\.\//, "")
        .split("/")
        .map((segment) => encodeURIComponent(segment))
        .join("/");
}
function isPositiveInteger(n) {
    return typeof n === "number" && Number.isInteger(n) && n >= 1;
}
function describeRule(rule, check) {
    const words = rule.replace(/[-_./]+/g, " ").trim();
    const sentence = words ? words[0].toUpperCase() + words.slice(1) : rule;
    return `${sentence} (${check} check)`;
}
function toPascalCase(rule) {
    return rule
        .split(/[^A-Za-z0-9]+/)
        .filter(Boolean)
        .map((w) => w[0].toUpperCase() + w.slice(1))
        .join("");
}

;// CONCATENATED MODULE: ./src/cli/lint-command.ts






const LINT_USAGE = `Usage: migrate-guard lint [options] [FILE…]

Checks migrations for destructive and locking hazards with the PostgreSQL parser; needs no database.
By default only the migrations that are new relative to --base-ref are linted, against the schema the
base branch's migrations build ("existing" tables hold rows; tables new in this change do not).

Options:
  --working-directory DIR   the Prisma project (default: .)
  --schema PATH             schema.prisma (default: from prisma.config.ts / package.json / prisma/)
  --base-ref REF            branch, tag or SHA whose migrations are the existing schema
  --all                     lint every migration (as one change set from an empty database)
  --each-migration          lint every migration, each against the ones before it (a history audit)
  --format FORMAT           text (default), json or sarif (SARIF 2.1.0 for code scanning)
  --fail-on LEVEL           exit 1 on findings at this level or above: error (default), warning,
                            notice, never
  -h, --help                this help

FILE…                       lint these .sql files directly (no Prisma project), each against the
                            ones before it

Ignore a finding with a comment before the statement (a reason is required):
  -- migrate-guard-ignore drop-column: dropped after phase 2 shipped in v2.3
  -- migrate-guard-ignore-file missing-lock-timeout: runs in the maintenance window

Exit codes: 0 no finding at --fail-on level, 1 such findings, 2 usage or configuration error.
`;
const FORMATS = ["text", "json", "sarif"];
async function lintCommand(argv, io) {
    const parsed = parseCommandArgs(argv, {
        "working-directory": { type: "string" }, schema: { type: "string" }, "base-ref": { type: "string" },
        all: { type: "boolean" }, "each-migration": { type: "boolean" }, format: { type: "string" }, "fail-on": { type: "string" },
        help: { type: "boolean", short: "h" },
    }, LINT_USAGE, true);
    const v = parsed.values;
    if (v.help) {
        io.stdout.write(LINT_USAGE);
        return 0;
    }
    const format = v.format ?? "text";
    if (!FORMATS.includes(format))
        throw new ConfigurationError(`Invalid --format "${format}". Expected one of: ${FORMATS.join(", ")}.`);
    const failOn = (v["fail-on"] ?? "error");
    if (!FAIL_ON.includes(failOn))
        throw new ConfigurationError(`Invalid --fail-on "${v["fail-on"]}". Expected one of: ${FAIL_ON.join(", ")}.`);
    const files = parsed.positionals;
    if (files.length > 0 && (v["base-ref"] || v.all || v.schema)) {
        throw new ConfigurationError(`FILE arguments (${files.join(", ")}) are linted on their own; --base-ref, --all and --schema apply to a Prisma project. Give either files or project options.`);
    }
    const outcome = await runLint({
        workingDirectory: v["working-directory"] ?? ".",
        ...(v.schema ? { schema: v.schema } : {}),
        ...(v["base-ref"] ? { baseRef: v["base-ref"] } : {}),
        all: Boolean(v.all),
        eachMigration: Boolean(v["each-migration"]),
        ...(files.length ? { files } : {}),
        logger: io.logger,
    });
    const findings = outcome.result.findings;
    const failed = fails(findings, failOn);
    const info = { summary: outcome.summary, durationMs: outcome.durationMs, statements: outcome.result.statements };
    if (format === "json") {
        io.stdout.write(JSON.stringify(lintJson(findings, { ...info, ok: !failed, linted: outcome.result.linted }), null, 2) + "\n");
    }
    else if (format === "sarif") {
        const report = { ok: !failed, checks: [lintCheck(outcome)], migrations: [], durationMs: outcome.durationMs };
        io.stdout.write(JSON.stringify(renderSarif(report, { toolVersion: VERSION, ruleHelp: ruleHelp }), null, 2) + "\n");
    }
    else {
        io.stdout.write(renderLintText(findings, info, { color: io.color }));
    }
    return failed ? 1 : 0;
}

;// CONCATENATED MODULE: ./src/migrate/lint-pending.ts
async function lintPending(pending, all) {
    const { lint } = await Promise.resolve(/* import() */).then(__nccwpck_require__.bind(__nccwpck_require__, 7128));
    const names = new Set(pending.map((p) => p.name));
    const result = await lint({
        migrations: all.map((m) => ({ name: m.name, file: m.file, sql: m.sql })),
        shouldLint: (name) => names.has(name),
        groupOf: (name) => (names.has(name) ? "pending" : name),
        completeHistory: true,
    });
    for (const p of pending)
        p.lint = [];
    for (const f of result.findings)
        pending.find((p) => p.name === f.migration)?.lint?.push({ rule: f.rule, severity: f.severity, message: `line ${f.line}: ${f.message}` });
}

;// CONCATENATED MODULE: ./src/report/markdown-text.ts
// Small text helpers for the Markdown renderer. Everything that reaches a PR comment comes from
// user-controlled input (file names, SQL, messages), so every piece passes through one of these.
/** Plain text: stop `<tag>` and `&entity;` from being interpreted by GitHub's HTML sanitiser. */
function escapeText(text) {
    return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}
/** Block-level newlines would end a list item or a table row early; `<br>` keeps the break visible. */
function flattenLines(text) {
    return text.replace(/\r\n|\r|\n/g, "<br>");
}
/** Inline text outside tables (list items, headings). */
function markdown_text_inline(text, maxChars = Infinity) {
    return flattenLines(escapeText(markdown_text_clip(text.trim(), maxChars)));
}
/** A table cell: a raw `|` would start a new column. */
function markdown_text_cell(text, maxChars = Infinity) {
    return markdown_text_inline(text, maxChars).replace(/\|/g, "\\|");
}
/**
 * A code span that survives any content: the fence is longer than the longest backtick run inside,
 * and in tables `|` is still escaped because GFM splits cells before parsing code spans.
 */
function markdown_text_code(text, options = {}) {
    let body = markdown_text_clip(text.replace(/\r\n|\r|\n/g, " "), options.maxChars ?? Infinity);
    if (options.inTable)
        body = body.replace(/\|/g, "\\|");
    const longestRun = Math.max(0, ...(body.match(/`+/g) ?? []).map((run) => run.length));
    const fence = "`".repeat(longestRun + 1);
    const pad = body.startsWith("`") || body.endsWith("`") ? " " : "";
    return `${fence}${pad}${body}${pad}${fence}`;
}
/** A fence for a code block that cannot be closed early by backticks inside the block. */
function markdown_text_blockFence(content) {
    const longestRun = Math.max(0, ...(content.match(/`{3,}/g) ?? []).map((run) => run.length));
    return "`".repeat(Math.max(3, longestRun + 1));
}
function markdown_text_clip(text, maxChars) {
    if (text.length <= maxChars)
        return text;
    return `${text.slice(0, Math.max(0, maxChars - 1))}…`;
}
/** Only http(s) links, and the characters that would end a Markdown link destination are encoded. */
function markdown_text_safeUrl(url) {
    if (!url || !/^https?:\/\//i.test(url))
        return undefined;
    return url.replace(/[\s()<>"`]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, "0")}`);
}
function formatCount(n) {
    return n.toLocaleString("en-US");
}
function markdown_text_plural(n, one, many = `${one}s`) {
    return `${formatCount(n)} ${n === 1 ? one : many}`;
}
function markdown_text_formatDuration(ms) {
    if (!Number.isFinite(ms) || ms < 0)
        return "–";
    if (ms < 1000)
        return `${Math.round(ms)} ms`;
    if (ms < 59_950)
        return `${(ms / 1000).toFixed(1)} s`;
    const totalSeconds = Math.round(ms / 1000);
    return `${Math.floor(totalSeconds / 60)} min ${totalSeconds % 60} s`;
}

;// CONCATENATED MODULE: ./src/migrate/report.ts
/** The --json document and the action's `report` output. The first seven keys are the contract. */
function toMigrateJson(report) {
    const state = report.state;
    return {
        ok: report.ok,
        environment: report.environment,
        pending: state?.pending ?? [],
        applied: (state?.applied ?? []).map((a) => ({ name: a.name, checksum: a.checksum, finishedAt: a.finishedAt.toISOString(), durationMs: a.durationMs })),
        failed: (state?.failed ?? []).map((f) => f.name),
        checksumMismatch: state?.checksumMismatch ?? [],
        refused: report.refused,
        command: report.command,
        production: report.production,
        database: report.database,
        rolledBack: state?.rolledBack ?? [],
        missingFromRepo: state?.missingFromRepo ?? [],
        slow: (state?.applied ?? []).filter((a) => a.slow).map((a) => a.name),
        appliedNow: report.appliedNow ?? [],
        resolved: report.resolved ?? null,
        stamp: report.stamp ? { name: report.stamp.name, production: report.stamp.production, stampedAt: report.stamp.stampedAt.toISOString(), created: Boolean(report.stampCreated) } : null,
        backup: report.backup ?? null,
        deployment: report.deployment ?? null,
        soakGate: report.gate ? (report.gate.verdict ? { decision: report.gate.verdict.decision, remainingSeconds: report.gate.verdict.remainingSeconds, earliestPassAt: report.gate.verdict.earliestPassAt?.toISOString() ?? null, reasons: report.gate.verdict.reasons, override: report.gate.verdict.override ?? null } : { skipped: report.gate.skipped ?? null }) : null,
        stateUnknown: report.stateUnknown ?? null,
        error: report.error ?? null,
        warnings: report.warnings,
        recovery: report.recovery,
        durationMs: report.durationMs,
    };
}
/** Exit code of the CLI: 0 success, 1 refused or failed. (2 never reaches a report: it is thrown.) */
function exitCode(report) {
    return report.ok ? 0 : 1;
}
/** One line for logs, deployment status descriptions and the summary's title. */
function report_headline(report) {
    const env = `"${report.environment}"`;
    if (report.refused)
        return `${report.command} on ${env} refused: nothing was changed`;
    if (report.error)
        return `${report.command} on ${env} failed`;
    const s = report.state;
    switch (report.command) {
        case "deploy": {
            const n = report.appliedNow?.length ?? 0;
            return n === 0 ? `No pending migrations on ${env}` : `${n} migration${n === 1 ? "" : "s"} applied to ${env}`;
        }
        case "resolve":
            return report.resolved ? `${report.resolved.name} marked ${report.resolved.kind} on ${env}` : `resolve on ${env}`;
        default:
            if (!s)
                return `Status of ${env}`;
            if (!report.ok)
                return `${env} needs attention: ${[s.failed.length ? `${s.failed.length} failed` : "", s.checksumMismatch.length ? `${s.checksumMismatch.length} edited after apply` : ""].filter(Boolean).join(", ")}`;
            return `${env}: ${s.applied.length} applied, ${s.pending.length} pending`;
    }
}
/** Prisma's generated header: `/* Warnings: - You are about to drop … *\/`. */
function prismaWarnings(sql) {
    const block = /\/\*([\s\S]*?)\*\//.exec(sql);
    if (!block || !/Warnings:/i.test(block[1] ?? ""))
        return [];
    return (block[1] ?? "")
        .split("\n")
        .map((l) => l.trim())
        .filter((l) => l.startsWith("- "))
        .map((l) => l.slice(2).trim());
}

;// CONCATENATED MODULE: ./src/core/migration-state.ts
// The state of an environment's migrations: the repository's migration folders compared with the rows
// of `_prisma_migrations`, classified the way Prisma Migrate classifies them (applied, pending, failed
// — Prisma's P3009 state —, rolled back, edited after apply, missing from the repository). Pure.


const CHECKSUM_LENGTH = 64;
function sha256(text) {
    return (0,external_node_crypto_.createHash)("sha256").update(text, "utf8").digest();
}
/**
 * Whether `script` is what a stored checksum was computed from, with Prisma's tolerance: line endings
 * may have been converted either way by git, and checksums written by old Prisma versions lack the
 * zero padding of each byte (prisma-engines#1887).
 */
function scriptMatchesChecksum(script, stored) {
    const variants = [script, script.split("\r\n").join("\n"), script.split("\n").join("\r\n")];
    const unpadded = stored.length !== 0 && stored.length !== CHECKSUM_LENGTH;
    return variants.some((variant) => {
        const digest = sha256(variant);
        const rendered = unpadded ? [...digest].map((b) => b.toString(16)).join("") : digest.toString("hex");
        return rendered === stored;
    });
}
/** Prisma applies migrations in the byte order of their folder names. */
function byName(a, b) {
    return Buffer.compare(Buffer.from(a), Buffer.from(b));
}
function classifyMigrations(repo, records, slowMigrationSeconds) {
    const repoByName = new Map(repo.map((m) => [m.name, m]));
    const live = records.filter((r) => !r.rolledBackAt);
    const appliedRecords = new Map();
    for (const r of live)
        if (r.finishedAt)
            appliedRecords.set(r.name, r);
    const failedRecords = live.filter((r) => !r.finishedAt && !appliedRecords.has(r.name));
    const applied = [...appliedRecords.values()]
        .sort((a, b) => a.finishedAt.getTime() - b.finishedAt.getTime() || byName(a.name, b.name))
        .map((r) => {
        const durationMs = Math.max(0, r.finishedAt.getTime() - r.startedAt.getTime());
        return { name: r.name, checksum: r.checksum, startedAt: r.startedAt, finishedAt: r.finishedAt, durationMs, slow: durationMs > slowMigrationSeconds * 1000, inRepo: repoByName.has(r.name) };
    });
    const failed = failedRecords.map((r) => ({ name: r.name, startedAt: r.startedAt, ...(r.logs ? { logs: r.logs } : {}), inRepo: repoByName.has(r.name) }));
    const failedNames = new Set(failed.map((f) => f.name));
    const pending = repo.map((m) => m.name).filter((n) => !appliedRecords.has(n) && !failedNames.has(n)).sort(byName);
    const rolledBack = [...new Set(records.filter((r) => r.rolledBackAt && !appliedRecords.has(r.name) && !failedNames.has(r.name)).map((r) => r.name))].sort(byName);
    const checksumMismatch = applied.filter((a) => {
        const file = repoByName.get(a.name);
        return file !== undefined && !scriptMatchesChecksum(file.sql, a.checksum);
    }).map((a) => a.name);
    const missingFromRepo = [...new Set([...applied.filter((a) => !a.inRepo).map((a) => a.name), ...failed.filter((f) => !f.inRepo).map((f) => f.name)])].sort(byName);
    return { pending, applied, failed, rolledBack, checksumMismatch, missingFromRepo };
}
/**
 * A migration name as the user typed it for `resolve`: a single folder name, never a path. Checked
 * before anything else so that `../../etc` cannot reach a file system call or Prisma.
 */
function assertMigrationName(name, flag) {
    const ok = /^[A-Za-z0-9][A-Za-z0-9_.-]*$/.test(name) && !name.includes("..") && name.length <= 255;
    if (!ok) {
        throw new ConfigurationError(`${flag} ${JSON.stringify(name)} is not a migration name. Expected the name of one folder in the migrations directory, e.g. 20240101120000_add_users (letters, digits, "_", "-", "."; no path).`);
    }
}
/**
 * The migrations `prisma migrate deploy` says it applied, from its output ("The following migration(s)
 * have been applied: … └─ NAME/"), or [] for "No pending migrations to apply.". Undefined when the output
 * has neither form (a Prisma version that words it differently): callers then fall back to the database.
 */
function parseDeployOutput(stdout) {
    if (/No pending migrations to apply/i.test(stdout))
        return [];
    const start = stdout.search(/have been applied:/i);
    if (start < 0)
        return undefined;
    const names = [];
    for (const line of stdout.slice(start).split("\n")) {
        const m = /^\s*└─\s+(.+?)\/\s*$/.exec(line);
        if (m && m[1] !== "migrations")
            names.push(m[1]);
    }
    return names;
}
/** The first lines of what Prisma recorded for a failed migration, for messages. */
function failureSummary(logs, maxLines = 6) {
    if (!logs)
        return "no error was recorded";
    // Prisma's engines append a Rust backtrace ("   0: sql_schema_connector::…", "at …/apply_migration.rs:113").
    const lines = logs
        .split("\n")
        .map((l) => l.trimEnd())
        .filter((l) => l.trim() !== "" && !/^\s*(\d+: |at \S+\.rs:\d+|with migration_name=)/.test(l));
    return lines.slice(0, maxLines).join("\n") + (lines.length > maxLines ? "\n…" : "");
}
/**
 * What to do about failed migrations (Prisma's P3009 state), as exact commands for this environment.
 * `resolveCommand` renders one resolve invocation (CLI or workflow form).
 */
function recoverySteps(failed, environment) {
    const steps = [];
    for (const f of failed) {
        const cli = (kind) => `migrate-guard resolve --environment ${shellWord(environment)} --${kind} ${f.name} --confirm ${f.name}`;
        steps.push(`Migration "${f.name}" failed on "${environment}" (started ${f.startedAt.toISOString()}). Prisma applies nothing else until it is resolved (P3009). ` +
            `Recorded error: ${failureSummary(f.logs, 3).replace(/\n/g, " ")}`, `1. Check what of "${f.name}" is in the database. PostgreSQL normally rolled the whole script back, but statements that commit on their own (or an explicit COMMIT in the script) may have stayed.`, `2. If none of it took effect: fix the migration in the repository (it was never applied, so it may be edited), mark the failed attempt rolled back with \`${cli("rolled-back")}\` (workflow: command resolve, resolve-as rolled-back, migration ${f.name}, confirm ${f.name}), then run deploy again.`, `3. If you completed its changes by hand instead: record it as applied with \`${cli("applied")}\` (workflow: resolve-as applied).`);
    }
    return steps;
}
function shellWord(text) {
    return /^[A-Za-z0-9_.-]+$/.test(text) ? text : `'${text.replace(/'/g, "'\\''")}'`;
}

;// CONCATENATED MODULE: ./src/core/soak.ts

const DEFAULT_SOAK_HOURS = 24;
/** Elapsed seconds between two timestamps of one server, never negative (see the header on skew). */
function elapsedSeconds(since, serverNow) {
    return Math.max(0, Math.floor((serverNow.getTime() - since.getTime()) / 1000));
}
/** Prisma's own check plus the plain sha256 of the bytes (files that are not valid UTF-8). */
function sameChecksum(migration, stored) {
    return stored === migration.checksum || scriptMatchesChecksum(migration.sql, stored);
}
function migrationSoak(migration, records, sourceNow, soakSeconds, from) {
    const rows = records.filter((r) => r.name === migration.name);
    const finished = rows.filter((r) => r.finishedAt && !r.rolledBackAt).at(-1);
    const base = { name: migration.name, appliedOnSourceAt: null, soakedSeconds: null, remainingSeconds: null };
    if (finished) {
        const finishedAt = finished.finishedAt;
        if (!sameChecksum(migration, finished.checksum)) {
            return {
                ...base,
                appliedOnSourceAt: finishedAt,
                status: "checksum-mismatch",
                reason: `${migration.name} on ${from} was applied from a different file (checksum ${finished.checksum.slice(0, 12)}…, the target's is ${migration.checksum.slice(0, 12)}…): ${from} did not run what would be promoted. Deploy the target to ${from} and let it soak.`,
            };
        }
        const soaked = elapsedSeconds(finishedAt, sourceNow);
        const remaining = Math.max(0, soakSeconds - soaked);
        return {
            ...base,
            appliedOnSourceAt: finishedAt,
            soakedSeconds: soaked,
            remainingSeconds: remaining,
            status: remaining === 0 ? "soaked" : "soaking",
            ...(remaining > 0 ? { reason: `${migration.name} has soaked ${formatHours(soaked)} on ${from}; ${formatHours(remaining)} left.` } : {}),
        };
    }
    const unfinished = rows.find((r) => !r.finishedAt && !r.rolledBackAt);
    if (unfinished) {
        return { ...base, status: "failed", reason: `${migration.name} failed on ${from} (started ${unfinished.startedAt.toISOString()}, never finished): resolve it there and deploy it successfully before it can be promoted.` };
    }
    if (rows.length > 0) {
        return { ...base, status: "rolled-back", reason: `${migration.name} was rolled back on ${from} and not applied again: deploy it to ${from} successfully and let it soak.` };
    }
    return { ...base, status: "missing", reason: `${migration.name} was never applied on ${from}: never skip ${from}. Deploy it there first and let it soak.` };
}
/** "18h12m", "45m", "0m": for messages and the commit status. */
function formatHours(seconds) {
    const minutes = Math.ceil(seconds / 60);
    const h = Math.floor(minutes / 60);
    const m = minutes % 60;
    return h > 0 ? `${h}h${String(m).padStart(2, "0")}m` : `${m}m`;
}
/** What an accepted override may cover, in the words the report uses when it cannot. */
const OVERRIDE_SCOPE = "An override covers only a soak that is not long enough yet (schema or code) and problems of the code soak's deployments; a migration missing, failed, rolled back or edited on the soak environment, a database or GitHub that cannot be read, and a database stamped as another environment must be fixed first";
function evaluateSoak(input) {
    const { policy, pending, source, codeSoak, now } = input;
    const soakSeconds = Math.round(policy.soakHours * 3600);
    const reasons = [];
    let migrations = [];
    // Two kinds of block: `hard` ones no override covers (the soak cannot be proven, or what would be
    // promoted never ran on `from`); `soft` ones an accepted override covers (the code soak's deployments).
    const hard = [...(input.blockers ?? [])];
    let soft = false;
    let remaining = 0;
    if ("error" in source) {
        // Even with nothing pending: an unreadable `from` database is never a pass.
        hard.push(`The ${policy.from} database could not be read, so the soak cannot be proven (the gate never passes without it): ${source.error}`);
    }
    reasons.push(...hard);
    if (pending.length === 0) {
        reasons.push(`Nothing to promote: every migration in the repository at the target is already applied on ${policy.to}.`);
    }
    else if ("error" in source) {
        migrations = pending.map((m) => ({ name: m.name, appliedOnSourceAt: null, soakedSeconds: null, remainingSeconds: null, status: "missing", reason: `${policy.from} could not be read.` }));
    }
    else {
        migrations = pending.map((m) => migrationSoak(m, source.records, source.now, soakSeconds, policy.from));
        for (const m of migrations) {
            if (m.status === "soaked")
                continue;
            if (m.status === "soaking")
                remaining = Math.max(remaining, m.remainingSeconds ?? 0);
            else
                hard.push(m.reason);
            reasons.push(m.reason);
        }
    }
    if (pending.length > 0) {
        switch (codeSoak.kind) {
            case "not-checked":
                reasons.push(`Code soak not checked: ${codeSoak.why}`);
                break;
            case "blocked":
                if (codeSoak.unreadable)
                    hard.push(codeSoak.reason);
                else
                    soft = true;
                reasons.push(codeSoak.reason);
                break;
            case "soaking":
                if (codeSoak.remainingSeconds > 0) {
                    remaining = Math.max(remaining, codeSoak.remainingSeconds);
                    reasons.push(`Code soak: ${codeSoak.description}; ${formatHours(codeSoak.remainingSeconds)} left.`);
                }
                else {
                    reasons.push(`Code soak: ${codeSoak.description}.`);
                }
                break;
            case "waiting":
                remaining = Math.max(remaining, soakSeconds);
                reasons.push(codeSoak.reason);
                break;
        }
    }
    const decision = hard.length > 0 || soft ? "block" : remaining > 0 ? "wait" : "pass";
    if (decision === "pass" && pending.length > 0) {
        reasons.unshift(`All ${pending.length} pending migration(s) soaked at least ${policy.soakHours}h on ${policy.from}.`);
    }
    const verdict = {
        decision,
        decisionWithoutOverride: decision,
        remainingSeconds: decision === "block" ? null : remaining,
        earliestPassAt: decision === "block" ? null : new Date(now.getTime() + remaining * 1000),
        reasons,
        migrations,
        codeSoak,
        policy,
        evaluatedAt: now,
    };
    if (input.override && hard.length > 0) {
        const what = hard.length === 1 ? "the block above" : `the ${hard.length} blocks above`;
        verdict.reasons.push(`The override by ${input.override.actor} ("${input.override.reason}") is not applied: it cannot cover ${what}, so the gate still blocks. ${OVERRIDE_SCOPE}.`);
    }
    else if (input.override && decision !== "pass") {
        verdict.override = input.override;
        verdict.decision = "pass";
        verdict.remainingSeconds = 0;
        verdict.earliestPassAt = now;
        verdict.reasons.unshift(`Overridden by ${input.override.actor} (the gate said ${decision}): ${input.override.reason}`);
    }
    else if (input.override) {
        verdict.reasons.push(`An override by ${input.override.actor} was given but not needed: the gate passed by itself.`);
    }
    return verdict;
}
/** One line for the commit status and logs (the caller clips it to GitHub's 140 characters). */
function verdictHeadline(verdict) {
    const { policy } = verdict;
    if (verdict.override)
        return `Override by ${verdict.override.actor}: ${verdict.override.reason}`;
    switch (verdict.decision) {
        case "wait":
            return `${formatHours(verdict.remainingSeconds ?? 0)} left on ${policy.from}`;
        case "block":
            return `Blocked: ${verdict.reasons[0] ?? "see the gate's report"}`;
        default:
            return verdict.migrations.length === 0
                ? `Nothing pending for ${policy.to}`
                : `${verdict.migrations.length} migration(s) soaked ≥${policy.soakHours}h on ${policy.from}`;
    }
}
/** The `--json` document and the action's `report` output: exactly these keys (the CLI contract). */
function toSoakJson(verdict) {
    return {
        decision: verdict.decision,
        remainingSeconds: verdict.remainingSeconds,
        earliestPassAt: verdict.earliestPassAt?.toISOString() ?? null,
        reasons: verdict.reasons,
        migrations: verdict.migrations.map((m) => ({
            name: m.name,
            appliedOnSourceAt: m.appliedOnSourceAt?.toISOString() ?? null,
            soakedHours: m.soakedSeconds === null ? null : Math.floor((m.soakedSeconds / 3600) * 100) / 100,
            status: m.status,
        })),
    };
}
/**
 * The override, checked: a reason that is not empty once trimmed, by an actor on the allowlist
 * (compared ignoring case, as GitHub logins are). Returns the refusal in words, or the override.
 */
function checkOverride(reason, actor, allowed) {
    if (reason === undefined)
        return {};
    const text = reason.trim();
    if (text === "")
        return { refused: "The override reason is empty. An override needs a reason a reviewer can read later, e.g. \"hotfix for incident 123, approved by @lead\"." };
    if (allowed.length === 0)
        return { refused: "Overrides are not allowed: override-actors is empty. List the GitHub logins who may override the soak gate (comma-separated)." };
    if (!actor)
        return { refused: `No actor is known for this run (GITHUB_TRIGGERING_ACTOR / GITHUB_ACTOR), so the override cannot be checked against override-actors (${allowed.join(", ")}).` };
    if (!allowed.some((a) => a.toLowerCase() === actor.toLowerCase())) {
        return { refused: `${actor} may not override the soak gate: only ${allowed.join(", ")} may (override-actors).` };
    }
    return { override: { actor, reason: text.replace(/\s+/g, " ") } };
}

;// CONCATENATED MODULE: ./src/core/environment.ts
// Environments of the manual migration jobs (status, deploy, resolve): which names exist, which of them
// are production, what a production deploy must be confirmed with, and how the identity stamped into a
// database is compared with the environment a run claims. Pure: no I/O, no @actions imports.

const DEFAULT_ENVIRONMENTS = ["staging", "production"];
const DEFAULT_PRODUCTION_ENVIRONMENTS = ["production"];
/** GitHub's limit for an environment name. */
const MAX_NAME_LENGTH = 255;
/**
 * The form names are compared in: case-folded, trimmed, inner whitespace collapsed. GitHub treats
 * environment names case-insensitively too, so "Production " and "production" are one environment.
 */
function normalizeEnvironmentName(name) {
    return name.normalize("NFKC").trim().replace(/\s+/g, " ").toLowerCase();
}
/** Throws a ConfigurationError naming `what` when `name` cannot be an environment name. */
function assertEnvironmentName(name, what = "environment") {
    if (normalizeEnvironmentName(name) === "") {
        throw new ConfigurationError(`${what} is empty. Expected the name of an environment, e.g. "staging" or "production".`);
    }
    // Control characters would forge log lines and workflow commands.
    if (/[\u0000-\u001f\u007f]/.test(name) || name.length > MAX_NAME_LENGTH) {
        throw new ConfigurationError(`${what} ${JSON.stringify(name)} is not a valid environment name: at most ${MAX_NAME_LENGTH} characters, no control characters.`);
    }
}
/** "staging, production" → ["staging", "production"] (as written, deduplicated by normalised form). */
function parseEnvironmentList(text, what) {
    const names = [];
    for (const part of text.split(/[,\n]/)) {
        if (part.trim() === "")
            continue;
        assertEnvironmentName(part, `A name in ${what}`);
        if (!names.some((n) => normalizeEnvironmentName(n) === normalizeEnvironmentName(part)))
            names.push(part.trim());
    }
    if (names.length === 0)
        throw new ConfigurationError(`${what} is empty. Expected a comma-separated list of environment names, e.g. "staging, production".`);
    return names;
}
/** The environment a run names, checked against the policy. Unknown names are refused. */
function resolveEnvironment(requested, policy) {
    assertEnvironmentName(requested, "environment");
    const normalized = normalizeEnvironmentName(requested);
    const knownNames = [...policy.known, ...policy.production];
    if (!knownNames.some((n) => normalizeEnvironmentName(n) === normalized)) {
        throw new ConfigurationError(`Unknown environment ${JSON.stringify(requested.trim())}. Expected one of: ${unique(knownNames).join(", ")} ` +
            "(configure the list with --environments / the `environments` input).");
    }
    return { name: requested.trim(), normalized, production: policy.production.some((n) => normalizeEnvironmentName(n) === normalized) };
}
function unique(names) {
    const seen = new Set();
    return names.filter((n) => {
        const key = normalizeEnvironmentName(n);
        if (seen.has(key))
            return false;
        seen.add(key);
        return true;
    });
}
/**
 * Compares the run's environment with the database's stamp. A mismatch is what stops a staging job
 * that holds the production URL (or the other way round).
 */
function compareStamp(environment, stamp) {
    if (!stamp)
        return { kind: "unstamped" };
    if (stamp.normalized === environment.normalized)
        return { kind: "match", stamp };
    const by = stamp.stampedBy ? ` by ${stamp.stampedBy}` : "";
    return {
        kind: "mismatch",
        stamp,
        reason: `This run is for environment "${environment.name}", but the database belongs to environment "${stamp.name}"` +
            `${stamp.production ? " (production)" : ""} (stamped ${stamp.stampedAt.toISOString()}${by}). ` +
            `The database URL given to the "${environment.name}" job points at the wrong database: fix the secret. ` +
            `Nothing was changed. If this database really is "${environment.name}" now (for example restored from a dump of "${stamp.name}"), ` +
            "a database administrator removes the old identity with `DROP TABLE migrate_guard.environment;` after checking the URL twice; migrate-guard never overwrites a stamp itself.",
    };
}
/** Production when configured so, or when the database was stamped as production. */
function isProductionRun(environment, stamp) {
    return environment.production || Boolean(stamp?.production && stamp.normalized === environment.normalized);
}
/**
 * A production deploy must be confirmed by typing the environment's name (compared normalised, like
 * every environment name). Throws a ConfigurationError that says what to type.
 */
function assertProductionConfirmed(environment, confirm) {
    if (confirm !== undefined && normalizeEnvironmentName(confirm) === environment.normalized)
        return;
    const given = confirm === undefined || confirm.trim() === "" ? "no confirmation was given" : `the confirmation was ${JSON.stringify(confirm)}`;
    throw new ConfigurationError(`Deploying to the production environment "${environment.name}" must be confirmed: set confirm (--confirm) to "${environment.name}"; ${given}. Nothing was changed.`);
}
/** `resolve` is confirmed by typing the migration's name exactly. */
function assertResolveConfirmed(migration, confirm) {
    if (confirm?.trim() === migration)
        return;
    const given = confirm === undefined || confirm.trim() === "" ? "no confirmation was given" : `the confirmation was ${JSON.stringify(confirm)}`;
    throw new ConfigurationError(`Resolving a migration must be confirmed: set confirm (--confirm) to the migration's name, "${migration}"; ${given}. Nothing was changed.`);
}

;// CONCATENATED MODULE: ./src/core/soak-code.ts
// The code soak: how long the `from` environment has run a deployment that carries the target's pending
// migrations, from GitHub's deployment records. Pure.
//
// A deployment covers the target when its commit is the target SHA, or when it is a migrate-guard
// `deploy` (payload.tool "migrate-guard") and the migrations deployed to `from` by it and by the
// successful migrate-guard deploys before it include every pending migration with the target's checksum
// (migrations accumulate: a later deploy never takes an earlier one's migrations away).
// The soak starts at the `created_at` of the first `success` status of a covering deployment — never
// at commit dates or at a deployment's own `created_at` — and keeps running until a covering deployment
// reports a failure:
// - `failure` or `error` on a covering deployment RESTARTS the soak: it counts again from the next
//   `success` of a covering deployment; until there is one the gate blocks.
// - `inactive` means superseded, not broken: GitHub marks every older deployment of an environment
//   inactive when a newer one of that environment succeeds, whatever its task (the app's own deploy job
//   with `environment: staging` does it too, and the gate does not list those). The newer deployment runs
//   on top of what was deployed, so `inactive` neither ends nor restarts the soak.


/** The migrations a migrate-guard `deploy` payload records, or undefined when it is not one. */
function migrateGuardDeployMigrations(payload) {
    let p = payload;
    if (typeof p === "string") {
        try {
            p = JSON.parse(p);
        }
        catch {
            return undefined;
        }
    }
    if (typeof p !== "object" || p === null)
        return undefined;
    const o = p;
    if (o.tool !== "migrate-guard" || o.command !== "deploy" || !Array.isArray(o.migrations))
        return undefined;
    return o.migrations.filter((m) => typeof m === "object" && m !== null && typeof m.name === "string" && typeof m.checksum === "string");
}
const byTime = (a, b) => a.createdAt.getTime() - b.createdAt.getTime() || a.id - b.id;
function matches(m, checksum) {
    return checksum !== undefined && (checksum === m.checksum || scriptMatchesChecksum(m.sql, checksum));
}
/** Ids of the deployments that cover the target, oldest first. */
function coveringDeployments(input) {
    const sorted = [...input.deployments].sort(byTime);
    const deployed = new Map();
    const covering = [];
    const target = input.targetSha?.toLowerCase();
    for (const d of sorted) {
        const migrations = migrateGuardDeployMigrations(d.payload);
        const succeeded = d.statuses.some((s) => s.state === "success");
        const bySha = target !== undefined && d.sha.toLowerCase() === target;
        // The deployment's own migrations count for its coverage whether it succeeded yet or not (one in
        // progress covers the target and is waited for); only successful ones carry over to later deploys.
        const own = new Map((migrations ?? []).map((m) => [m.name, m.checksum]));
        const byMigrations = migrations !== undefined && input.pending.every((m) => matches(m, own.get(m.name)) || matches(m, deployed.get(m.name)));
        if (bySha || byMigrations)
            covering.push(d);
        if (migrations && succeeded)
            for (const m of migrations)
                deployed.set(m.name, m.checksum);
    }
    return covering;
}
function evaluateCodeSoak(input) {
    const tasks = input.tasks.join(", ");
    const covering = coveringDeployments(input);
    // At the same second, a success goes first: a failure stamped with the same second counts as later.
    const rank = (state) => (state === "success" ? 0 : 1);
    const events = covering
        .flatMap((d) => d.statuses.map((s) => ({ ...s, deployment: d })))
        .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || rank(a.state) - rank(b.state) || a.id - b.id);
    let since;
    let broken;
    let restartedAfter;
    for (const e of events) {
        const id = e.deployment.id;
        if (e.state === "success") {
            if (!since) {
                since = { at: e.createdAt, deploymentId: id };
                if (broken)
                    restartedAfter = `restarted after deployment ${broken.deploymentId} got \`${broken.state}\` at ${broken.at.toISOString()}`;
                broken = undefined;
            }
        }
        else if (e.state === "failure" || e.state === "error") {
            // A covering deployment that fails (even a newer one) means from may not run the target's code.
            since = undefined;
            broken = { state: e.state, at: e.createdAt, deploymentId: id };
        }
        else if (e.state === "inactive" && since?.deploymentId === id && !since.supersededAt) {
            // Superseded by a newer deployment of the environment (see the header): the soak goes on.
            since.supersededAt = e.createdAt;
        }
    }
    if (since) {
        const elapsed = elapsedSeconds(since.at, input.githubNow);
        return {
            kind: "soaking",
            since: since.at,
            deploymentId: since.deploymentId,
            elapsedSeconds: elapsed,
            remainingSeconds: Math.max(0, input.soakSeconds - elapsed),
            description: `${input.from} deployment ${since.deploymentId} succeeded at ${since.at.toISOString()}${restartedAfter ? ` (${restartedAfter})` : ""}${since.supersededAt ? `; superseded since ${since.supersededAt.toISOString()} (\`inactive\`: a newer deployment to ${input.from} succeeded), which does not end the soak` : ""}`,
            ...(restartedAfter ? { restartedAfter } : {}),
        };
    }
    if (broken) {
        return {
            kind: "blocked",
            reason: `Code soak: deployment ${broken.deploymentId} to ${input.from} got \`${broken.state}\` at ${broken.at.toISOString()}: the code soak restarts at the next \`success\` of a deployment covering the target, and blocks until then.`,
        };
    }
    const pendingDeploy = covering.find((d) => d.statuses.length === 0 || ["queued", "pending", "in_progress"].includes(d.statuses.at(-1).state));
    if (pendingDeploy) {
        return { kind: "waiting", deploymentId: pendingDeploy.id, reason: `Code soak: deployment ${pendingDeploy.id} to ${input.from} covers the target but has not succeeded yet; the soak starts at its \`success\` status.` };
    }
    return {
        kind: "blocked",
        reason: `Code soak: no successful deployment to ${input.from} (task ${tasks}) covers the target's pending migrations — never skip ${input.from}. Deploy them there (migrate-guard deploy records one) and let them soak.`,
    };
}

;// CONCATENATED MODULE: ./src/migrate/database.ts
// The environment's database as the migrate commands see it: one connection for the reads before and
// after Prisma runs (server version, the environment stamp, `_prisma_migrations`, who holds Prisma's
// migration lock), and the few writes migrate-guard makes itself (the stamp). Connection failures are
// turned into messages that say what to fix, never quoting the URL or its password.




/** The key of `pg_advisory_lock` Prisma Migrate takes while it applies or resolves migrations. */
// Credentials scrubbing and libpq URL semantics are the Postgres adapter's; re-exported for migrate.

const PRISMA_ADVISORY_LOCK = 72707369;
const STAMP_SCHEMA = "migrate_guard";
const STAMP_TABLE = `${STAMP_SCHEMA}.environment`;
/** migrate-guard's own advisory lock key (for writing the stamp): "mgst" in ASCII. */
const STAMP_LOCK = 0x6d677374;
/** A failure to reach or log in to the database, with what the user should do about it. */
class DatabaseConnectionError extends Error {
    kind;
    name = "DatabaseConnectionError";
    constructor(message, kind) {
        super(message);
        this.kind = kind;
    }
}
/** The schema holding `_prisma_migrations`: the URL's `schema` parameter (Prisma's convention), default public. */
function migrationsSchema(url) {
    try {
        return new URL(url).searchParams.get("schema") || "public";
    }
    catch {
        return "public";
    }
}
function explainConnectionError(error, url) {
    const e = error;
    const raw = redact(e.message ?? String(error), urlSecrets(url));
    const where = describeUrl(url);
    const code = e.code ?? "";
    if (["ECONNREFUSED", "ENOTFOUND", "EAI_AGAIN", "ETIMEDOUT", "EHOSTUNREACH", "ENETUNREACH", "ECONNRESET"].includes(code) || /timeout expired|Connection terminated due to connection timeout/i.test(raw)) {
        return new DatabaseConnectionError(`Could not reach PostgreSQL at ${where} (${code || raw}). Check the host and port in the database URL, and that the runner can reach the server (firewall, private network, allow-list).`, "unreachable");
    }
    if (code === "28P01" || /password authentication failed|no password supplied|SASL/i.test(raw)) {
        return new DatabaseConnectionError(`PostgreSQL at ${where} rejected the credentials (${raw}). Check the user and password in the environment's database URL secret.`, "authentication");
    }
    if (code === "28000" && /no encryption|SSL off/i.test(raw)) {
        return new DatabaseConnectionError(`PostgreSQL at ${where} requires an encrypted connection (TLS) and refused a plain one (${raw}). Add \`sslmode=require\` (or \`sslmode=verify-full\` with \`sslrootcert\`) to the database URL.`, "tls-required");
    }
    if (/does not support SSL|self[- ]signed|certificate|SSL|TLS/i.test(raw)) {
        return new DatabaseConnectionError(`TLS with PostgreSQL at ${where} failed (${raw}). Check the URL's sslmode/sslrootcert against the server's TLS set-up.`, "tls");
    }
    if (code === "3D000") {
        return new DatabaseConnectionError(`PostgreSQL at ${where} has no such database (${raw}). migrate-guard never creates an environment's database: check the database name in the URL.`, "database-missing");
    }
    return new DatabaseConnectionError(`Could not connect to PostgreSQL at ${where}: ${raw}`, "other");
}
class EnvironmentDatabase {
    client;
    url;
    constructor(client, url) {
        this.client = client;
        this.url = url;
    }
    static async connect(url, options = {}) {
        let client;
        try {
            client = await connectClient(url, { timeoutMs: options.timeoutMs ?? 15_000, applicationName: options.applicationName ?? "migrate-guard" });
        }
        catch (error) {
            throw explainConnectionError(error, url);
        }
        return new EnvironmentDatabase(client, url);
    }
    async close() {
        await this.client.end().catch(() => { });
    }
    async query(text, values = []) {
        try {
            return await this.client.query(text, values);
        }
        catch (error) {
            // Server messages can quote parts of the URL back: keep them clean.
            if (error instanceof Error)
                error.message = redact(error.message, urlSecrets(this.url));
            throw error;
        }
    }
    /**
     * Runs `work` in one READ ONLY transaction on a session made read-only first, so nothing it calls can
     * write; `now` is the server's clock at the transaction's start.
     */
    async readOnly(work) {
        await this.query("SET SESSION CHARACTERISTICS AS TRANSACTION READ ONLY");
        await this.query("BEGIN READ ONLY");
        try {
            const now = (await this.query("SELECT now() AS now")).rows[0].now;
            const result = await work(now);
            await this.query("COMMIT");
            return result;
        }
        catch (error) {
            await this.query("ROLLBACK").catch(() => { });
            throw error;
        }
    }
    async serverVersion() {
        const { rows } = await this.query("SELECT current_setting('server_version') AS v");
        return rows[0].v;
    }
    async serverMajor() {
        const { rows } = await this.query("SELECT current_setting('server_version_num') AS n");
        return Math.floor(Number(rows[0].n) / 10000);
    }
    async readStamp() {
        const exists = await this.query("SELECT to_regclass($1) AS t", [STAMP_TABLE]);
        if (!exists.rows[0]?.t)
            return undefined;
        const { rows } = await this.query(`SELECT name, normalized_name, production, stamped_at, stamped_by, repository, run_url FROM ${STAMP_TABLE} LIMIT 1`);
        const r = rows[0];
        if (!r)
            return undefined;
        return {
            name: r.name,
            normalized: normalizeEnvironmentName(r.normalized_name),
            production: r.production,
            stampedAt: r.stamped_at,
            ...(r.stamped_by ? { stampedBy: r.stamped_by } : {}),
            ...(r.repository ? { repository: r.repository } : {}),
            ...(r.run_url ? { runUrl: r.run_url } : {}),
        };
    }
    /**
     * Writes the stamp unless one exists, and returns whatever stamp is there afterwards: when two first
     * deploys race, one insert wins and the other run sees (and compares with) the winner's stamp.
     * Its own schema keeps the table out of Prisma's view (Prisma manages only the datasource's schemas).
     */
    async writeStampIfAbsent(stamp) {
        await this.query("BEGIN");
        try {
            // Concurrent CREATE … IF NOT EXISTS can still collide on the catalog's unique index: serialise
            // first deploys on a lock of migrate-guard's own (not Prisma's, which the deploy takes later).
            await this.query("SELECT pg_advisory_xact_lock($1)", [STAMP_LOCK]);
            const created = await this.createStamp(stamp);
            await this.query("COMMIT");
            return { stamp: (await this.readStamp()), created };
        }
        catch (error) {
            await this.query("ROLLBACK").catch(() => { });
            throw error;
        }
    }
    async createStamp(stamp) {
        await this.query(`CREATE SCHEMA IF NOT EXISTS ${STAMP_SCHEMA}`);
        await this.query(`
      CREATE TABLE IF NOT EXISTS ${STAMP_TABLE} (
        singleton boolean PRIMARY KEY DEFAULT true CHECK (singleton),
        name text NOT NULL,
        normalized_name text NOT NULL,
        production boolean NOT NULL,
        stamped_at timestamptz NOT NULL DEFAULT now(),
        stamped_by text,
        repository text,
        run_url text
      )`);
        await this.query(`COMMENT ON TABLE ${STAMP_TABLE} IS 'migrate-guard: the environment this database belongs to. Deploys for any other environment are refused.'`);
        const inserted = await this.query(`INSERT INTO ${STAMP_TABLE} (name, normalized_name, production, stamped_by, repository, run_url) VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (singleton) DO NOTHING`, [stamp.name, stamp.normalized, stamp.production, stamp.stampedBy ?? null, stamp.repository ?? null, stamp.runUrl ?? null]);
        return inserted.rowCount === 1;
    }
    /** Rows of `_prisma_migrations` (none when the table does not exist yet). */
    async readMigrationRecords() {
        const schema = migrationsSchema(this.url);
        const exists = await this.query("SELECT to_regclass(format('%I.%I', $1::text, '_prisma_migrations')) AS t", [schema]);
        if (!exists.rows[0]?.t)
            return undefined;
        const { rows } = await this.query(`SELECT migration_name, checksum, started_at, finished_at, rolled_back_at, logs FROM ${quoteIdentifier(schema)}._prisma_migrations ORDER BY started_at, migration_name`);
        return rows.map((r) => ({
            name: r.migration_name,
            checksum: r.checksum,
            startedAt: r.started_at,
            ...(r.finished_at ? { finishedAt: r.finished_at } : {}),
            ...(r.rolled_back_at ? { rolledBackAt: r.rolled_back_at } : {}),
            ...(r.logs ? { logs: redact(r.logs, urlSecrets(this.url)) } : {}),
        }));
    }
    /** Finished migrations so far: progress while Prisma works. */
    async countFinished() {
        const schema = migrationsSchema(this.url);
        const exists = await this.query("SELECT to_regclass(format('%I.%I', $1::text, '_prisma_migrations')) AS t", [schema]);
        if (!exists.rows[0]?.t)
            return 0;
        const { rows } = await this.query(`SELECT count(*) AS n FROM ${quoteIdentifier(schema)}._prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`);
        return Number(rows[0].n);
    }
    /** Tables in the migrations schema other than Prisma's own: a database with these and no history needs a baseline. */
    async countUserTables() {
        const { rows } = await this.query("SELECT count(*) AS n FROM pg_tables WHERE schemaname = $1 AND tablename <> '_prisma_migrations'", [migrationsSchema(this.url)]);
        return Number(rows[0].n);
    }
    /** The session holding Prisma's migration lock in this database, if any. */
    async migrationLockHolder() {
        // A bigint advisory key shows up as classid = high 32 bits, objid = low 32 bits, objsubid = 1.
        const { rows } = await this.query(`SELECT l.pid, a.application_name, host(a.client_addr) AS client_addr, coalesce(a.xact_start, a.backend_start) AS since
       FROM pg_locks l LEFT JOIN pg_stat_activity a ON a.pid = l.pid
       WHERE l.locktype = 'advisory' AND l.granted AND l.classid = 0 AND l.objid = $1 AND l.objsubid = 1
         AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())
       LIMIT 1`, [PRISMA_ADVISORY_LOCK]);
        const r = rows[0];
        if (!r)
            return undefined;
        return { pid: r.pid, ...(r.application_name ? { application: r.application_name } : {}), ...(r.client_addr ? { client: r.client_addr } : {}), ...(r.since ? { since: r.since } : {}) };
    }
    /**
     * What Prisma's schema engine does for `migrate resolve --rolled-back` (markMigrationRolledBack): set
     * rolled_back_at on the migration's unfinished, not yet rolled back rows — only when none of its
     * rows finished. Under Prisma's own advisory lock, so it never races a deploy.
     */
    async markRolledBack(name) {
        const table = `${quoteIdentifier(migrationsSchema(this.url))}._prisma_migrations`;
        await this.query("BEGIN");
        try {
            const { rows } = await this.query("SELECT pg_try_advisory_xact_lock($1) AS ok", [PRISMA_ADVISORY_LOCK]);
            if (!rows[0]?.ok)
                throw new Error("Another session holds Prisma's migration lock (a deploy is running): nothing was changed. Try again when it has finished.");
            const updated = await this.query(`UPDATE ${table} SET rolled_back_at = now()
         WHERE migration_name = $1 AND finished_at IS NULL AND rolled_back_at IS NULL
           AND NOT EXISTS (SELECT 1 FROM ${table} WHERE migration_name = $1 AND finished_at IS NOT NULL AND rolled_back_at IS NULL)`, [name]);
            await this.query("COMMIT");
            return updated.rowCount ?? 0;
        }
        catch (error) {
            await this.query("ROLLBACK").catch(() => { });
            throw error;
        }
    }
}
/** Opens, runs `work`, closes; connection failures become DatabaseConnectionError. */
async function withEnvironmentDatabase(url, work) {
    const db = await EnvironmentDatabase.connect(url);
    try {
        return await work(db);
    }
    finally {
        await db.close();
    }
}

;// CONCATENATED MODULE: ./src/migrate/state.ts








async function loadProject(workingDirectory, schema) {
    const project = await locateProject({ workingDirectory, ...(schema ? { schema } : {}) });
    const repoRoot = (await repositoryRoot(project.workingDirectory).catch(() => undefined)) ?? project.workingDirectory;
    const dir = await readMigrationsDirectory(project.migrationsDir, repoRoot);
    return { project, dir, repoRoot };
}
function projectPrisma(loaded, explicitSchema) {
    const { project } = loaded;
    return findPrismaCli({ workingDirectory: project.workingDirectory, schemaPath: project.schemaPath, urlVariables: project.urlVariables, explicitSchema });
}
async function readEnvironmentState(db, loaded, slowMigrationSeconds) {
    const [stamp, records, userTables, lockHolder, postgresVersion] = [
        await db.readStamp(),
        await db.readMigrationRecords(),
        await db.countUserTables(),
        await db.migrationLockHolder(),
        await db.serverVersion(),
    ];
    return {
        ...(stamp ? { stamp } : {}),
        state: classifyMigrations(loaded.dir.migrations, records ?? [], slowMigrationSeconds),
        noHistory: records === undefined,
        userTables,
        ...(lockHolder ? { lockHolder } : {}),
        postgresVersion,
    };
}
function pendingMigrations(loaded, names) {
    const byName = new Map(loaded.dir.migrations.map((m) => [m.name, m]));
    return names.flatMap((name) => {
        const m = byName.get(name);
        return m ? [{ name, checksum: m.checksum, file: m.file, sql: m.sql, warnings: prismaWarnings(m.sql) }] : [];
    });
}
function describeLockHolder(holder) {
    const parts = [`pid ${holder.pid}`];
    if (holder.application)
        parts.push(`application "${holder.application}"`);
    if (holder.client)
        parts.push(`from ${holder.client}`);
    if (holder.since)
        parts.push(`since ${holder.since.toISOString()}`);
    return parts.join(", ");
}
/** The state after the change, from a fresh connection (the first may have died with the server). */
async function readBack(settings, loaded, report) {
    try {
        const db = await EnvironmentDatabase.connect(settings.databaseUrl);
        try {
            const after = await readEnvironmentState(db, loaded, settings.slowMigrationSeconds);
            report.state = after.state;
            if (after.stamp)
                report.stamp = after.stamp;
        }
        finally {
            await db.close();
        }
    }
    catch (error) {
        // The state read before the change would be stale now: report none rather than a wrong one.
        delete report.state;
        report.stateUnknown =
            `${redact(error instanceof Error ? error.message : String(error), urlSecrets(settings.databaseUrl))} ` +
                "Run status once the database is reachable: a migration that was running is then either applied or recorded as failed.";
    }
}

;// CONCATENATED MODULE: ./src/gate/database.ts

async function readDatabaseSnapshot(url, options = {}) {
    const db = await EnvironmentDatabase.connect(url, { timeoutMs: options.timeoutMs ?? 15_000, applicationName: "migrate-guard gate" });
    try {
        return await db.readOnly(async (now) => {
            const records = await db.readMigrationRecords();
            const stamp = await db.readStamp();
            return { records: records ?? [], noHistory: !records, now, ...(stamp ? { stamp } : {}) };
        });
    }
    finally {
        await db.close();
    }
}

;// CONCATENATED MODULE: ./src/github/deployments.ts
/** GitHub rejects status descriptions longer than 140 characters. */
const STATUS_DESCRIPTION_LIMIT = 140;
function deployments_clipDescription(text) {
    const flat = text.replace(/\s+/g, " ").trim();
    return flat.length <= STATUS_DESCRIPTION_LIMIT ? flat : `${flat.slice(0, STATUS_DESCRIPTION_LIMIT - 1)}…`;
}
/** Turns GitHub's refusals into messages that say which permission is missing. */
function deployments_explainGitHubError(error, what) {
    const e = error;
    const status = e.status;
    if (status === 403 || status === 401) {
        return new Error(`GitHub refused to ${what} (${status}: ${e.message ?? "forbidden"}). The job's token needs \`permissions: deployments: write\` (and a repository the token belongs to).`);
    }
    if (status === 404)
        return new Error(`GitHub answered 404 when trying to ${what}: the repository does not exist or the token cannot see it.`);
    if (status === 409)
        return new Error(`GitHub refused to ${what} (409: ${e.message ?? "conflict"}): commit status checks or a merge conflict blocked it.`);
    if (status === 422)
        return new Error(`GitHub refused to ${what} (422: ${e.message ?? "validation failed"}).`);
    return new Error(`Could not ${what}: ${e.message ?? String(error)}`);
}
async function setDeploymentStatus(octokit, target, deploymentId, state, description, environment) {
    try {
        await octokit.rest.repos.createDeploymentStatus({
            owner: target.owner,
            repo: target.repo,
            deployment_id: deploymentId,
            state,
            description: deployments_clipDescription(description),
            ...(target.logUrl ? { log_url: target.logUrl } : {}),
            ...(environment ? { environment } : {}),
        });
    }
    catch (error) {
        throw deployments_explainGitHubError(error, `set the status of deployment ${deploymentId} to ${state}`);
    }
}
class GitHubDeployments {
    octokit;
    target;
    onCreated;
    onClosed;
    constructor(octokit, target, 
    /** Called as soon as the deployment exists: the action saves its id for the post step. */
    onCreated, 
    /** Called once its final status is set: the post step has nothing left to close. */
    onClosed) {
        this.octokit = octokit;
        this.target = target;
        this.onCreated = onCreated;
        this.onClosed = onClosed;
    }
    async start(request) {
        const { owner, repo, ref } = this.target;
        let id;
        try {
            const response = await this.octokit.rest.repos.createDeployment({
                owner,
                repo,
                ref,
                task: request.task,
                // A migration run deploys exactly this commit: never merge the default branch into it, and do
                // not wait for (or fail on) its commit statuses.
                auto_merge: false,
                required_contexts: [],
                payload: request.payload,
                environment: request.environment,
                description: deployments_clipDescription(request.description),
                production_environment: request.production,
                transient_environment: false,
            });
            if (response.status !== 201 || !("id" in response.data)) {
                throw Object.assign(new Error(("message" in response.data && response.data.message) || "no deployment was created"), { status: response.status });
            }
            id = response.data.id;
        }
        catch (error) {
            throw deployments_explainGitHubError(error, `create a deployment for environment "${request.environment}"`);
        }
        this.onCreated?.(id);
        await setDeploymentStatus(this.octokit, this.target, id, "in_progress", request.description, request.environment);
        const url = this.target.serverUrl ? `${this.target.serverUrl}/${owner}/${repo}/deployments/${encodeURIComponent(request.environment)}` : undefined;
        return {
            id,
            ...(url ? { url } : {}),
            finish: async (outcome, description) => {
                await setDeploymentStatus(this.octokit, this.target, id, outcome, description, request.environment);
                this.onClosed?.(id);
            },
        };
    }
}
/** Loads octokit only when a deployment is recorded: it is a large part of the bundle's start-up. */
async function createGitHubDeployments(options) {
    const octokit = await githubClient(options.token, options.apiUrl);
    return new GitHubDeployments(octokit, options, options.onCreated, options.onClosed);
}
async function githubClient(token, apiUrl) {
    const { getOctokit } = await __nccwpck_require__.e(/* import() */ 413).then(__nccwpck_require__.bind(__nccwpck_require__, 2413));
    return getOctokit(token, apiUrl ? { baseUrl: apiUrl } : {});
}

;// CONCATENATED MODULE: ./src/gate/retry.ts
const DEFAULT_RETRY = {
    retries: 3,
    baseDelayMs: 1000,
    maxDelayMs: 60_000,
    sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
    now: () => Date.now(),
};
function isRateLimited(error) {
    const h = error.response?.headers ?? {};
    if (error.status === 429)
        return true;
    if (error.status !== 403)
        return false;
    return String(h["x-ratelimit-remaining"]) === "0" || h["retry-after"] !== undefined || /rate limit/i.test(error.message ?? "");
}
/** How long to wait before retrying `error` (attempt 0 is the first retry), or undefined: do not retry. */
function retryDelay(error, attempt, options) {
    const status = error.status ?? 0;
    const h = error.response?.headers ?? {};
    const limited = isRateLimited(error);
    if (!limited && status < 500)
        return undefined;
    const retryAfter = Number(h["retry-after"]);
    if (h["retry-after"] !== undefined && Number.isFinite(retryAfter))
        return Math.max(0, retryAfter * 1000);
    const reset = Number(h["x-ratelimit-reset"]);
    if (limited && h["x-ratelimit-reset"] !== undefined && Number.isFinite(reset))
        return Math.max(0, reset * 1000 - options.now()) + 1000;
    return options.baseDelayMs * 2 ** attempt;
}
/** Adds the bounded retries to an octokit instance (every request it makes). */
function addRetries(octokit, overrides = {}) {
    const options = { ...DEFAULT_RETRY, ...overrides };
    octokit.hook.wrap("request", async (request, requestOptions) => {
        for (let attempt = 0;; attempt++) {
            try {
                return await request(requestOptions);
            }
            catch (error) {
                const delay = attempt < options.retries ? retryDelay(error, attempt, options) : undefined;
                if (delay === undefined || delay > options.maxDelayMs)
                    throw error;
                options.onRetry?.(`GitHub answered ${error.status} to ${requestOptions.method} ${requestOptions.url}; retry ${attempt + 1} of ${options.retries} in ${Math.round(delay / 100) / 10} s.`);
                await options.sleep(delay);
            }
        }
    });
    return octokit;
}
/** A retrying octokit, loaded lazily (it is a large part of the bundle's start-up). */
async function gateOctokit(token, apiUrl, overrides = {}) {
    const { getOctokit } = await __nccwpck_require__.e(/* import() */ 413).then(__nccwpck_require__.bind(__nccwpck_require__, 2413));
    return addRetries(getOctokit(token, apiUrl ? { baseUrl: apiUrl } : {}), overrides);
}

;// CONCATENATED MODULE: ./src/gate/github.ts


const SOAK_STATUS_CONTEXT = "migrate-guard/soak";
/** A failure to talk to GitHub, in words that say what to change. */
class GateGitHubError extends Error {
    name = "GateGitHubError";
}
function explainGateGitHubError(error, what, permission) {
    const e = error;
    const status = e.status;
    const message = (e.message ?? String(error)).split("\n")[0];
    if (status === 403 && isRateLimited(e)) {
        return new GateGitHubError(`GitHub's rate limit stopped the gate from trying to ${what} (${message}); it retried and gave up. Run the gate again later.`);
    }
    if (status === 401 || status === 403) {
        return new GateGitHubError(`GitHub refused to ${what} (${status}: ${message}). The job's token needs \`permissions: ${permission}\` — add it to the workflow job that runs the gate.`);
    }
    if (status === 404) {
        return new GateGitHubError(`GitHub answered 404 when trying to ${what}: the repository does not exist or the token cannot see it (a private repository needs \`permissions: ${permission}\`).`);
    }
    if (status !== undefined && status >= 500)
        return new GateGitHubError(`GitHub failed to ${what} (${status}: ${message}), also after retries. Run the gate again later.`);
    return new GateGitHubError(`Could not ${what}: ${message}`);
}
class GateGitHub {
    octokit;
    target;
    /** GitHub's clock: the `Date` of the latest response. */
    serverDate;
    constructor(octokit, target) {
        this.octokit = octokit;
        this.target = target;
    }
    /** The `Date` header of GitHub's latest answer, or undefined before any answer had one. */
    get githubNow() {
        return this.serverDate;
    }
    noteDate(headers) {
        const date = typeof headers.date === "string" ? new Date(headers.date) : undefined;
        if (date && !Number.isNaN(date.getTime()))
            this.serverDate = date;
    }
    /** Every deployment of `environment` with `task` (newest first, as GitHub lists them), all pages. */
    async listDeployments(environment, task) {
        const out = [];
        try {
            const pages = this.octokit.paginate.iterator(this.octokit.rest.repos.listDeployments, { ...this.target, environment, task, per_page: 100 });
            for await (const page of pages) {
                this.noteDate(page.headers);
                for (const d of page.data)
                    out.push({ id: d.id, sha: d.sha, task: d.task, createdAt: new Date(d.created_at), payload: d.payload });
            }
        }
        catch (error) {
            throw explainGateGitHubError(error, `list the deployments of environment "${environment}" (task ${task})`, "deployments: read");
        }
        return out;
    }
    /** A deployment's statuses, oldest first, all pages. */
    async listStatuses(deploymentId) {
        const out = [];
        try {
            const pages = this.octokit.paginate.iterator(this.octokit.rest.repos.listDeploymentStatuses, { ...this.target, deployment_id: deploymentId, per_page: 100 });
            for await (const page of pages) {
                this.noteDate(page.headers);
                for (const s of page.data)
                    out.push({ id: s.id, state: s.state, createdAt: new Date(s.created_at) });
            }
        }
        catch (error) {
            throw explainGateGitHubError(error, `list the statuses of deployment ${deploymentId}`, "deployments: read");
        }
        return out.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || a.id - b.id);
    }
    async setCommitStatus(sha, state, description, targetUrl) {
        try {
            await this.octokit.rest.repos.createCommitStatus({
                ...this.target,
                sha,
                state,
                context: SOAK_STATUS_CONTEXT,
                description: deployments_clipDescription(description),
                ...(targetUrl ? { target_url: targetUrl } : {}),
            });
        }
        catch (error) {
            throw explainGateGitHubError(error, `set the commit status ${SOAK_STATUS_CONTEXT} on ${sha}`, "statuses: write");
        }
    }
}
/** Runs `work` over `items` with at most `limit` at a time, keeping the order of the results. */
async function mapLimited(items, limit, work) {
    const results = new Array(items.length);
    let next = 0;
    const workers = Array.from({ length: Math.min(limit, items.length) }, async () => {
        while (next < items.length) {
            const i = next++;
            results[i] = await work(items[i]);
        }
    });
    await Promise.all(workers);
    return results;
}

;// CONCATENATED MODULE: ./src/gate/run.ts
// A gate run: the repository's migrations at the target, what `to` (production) lacks of them, what
// `from` (staging) says about those (read-only), what GitHub's deployments say about the code soak,
// the decision (src/core/soak.ts), and the `migrate-guard/soak` commit status. The override is checked
// before anything is read. Unreachable databases, GitHub failures and wrong stamps block; they never
// pass, not even with an override.











/** Repository migrations not applied on `to` (no finished, not rolled back row), in apply order. */
function pendingOn(repo, records) {
    const applied = new Set(records.filter((r) => r.finishedAt && !r.rolledBackAt).map((r) => r.name));
    return repo.filter((m) => !applied.has(m.name));
}
function stampProblem(snapshot, expected, flag) {
    const stamp = snapshot.stamp;
    if (!stamp || stamp.normalized === normalizeEnvironmentName(expected))
        return undefined;
    return `The ${flag} database belongs to environment "${stamp.name}" (its migrate-guard stamp), not "${expected}": the URL points at the wrong database.`;
}
/** The soak of `pending` on `from`: the staging database (read-only) and GitHub's deployments. */
async function assessSoak(input, ctx) {
    const clock = ctx.clock ?? (() => new Date());
    const { policy, pending } = input;
    let source;
    const blockers = [...(input.blockers ?? [])];
    try {
        const snapshot = await readDatabaseSnapshot(input.fromDatabaseUrl);
        source = { records: snapshot.records, now: snapshot.now };
        const problem = stampProblem(snapshot, policy.from, `from (${policy.from})`);
        if (problem)
            blockers.push(problem);
    }
    catch (error) {
        const message = error instanceof DatabaseConnectionError ? error.message : `Could not read ${describeUrl(input.fromDatabaseUrl)}: ${error.message}`;
        source = { error: redact(message, urlSecrets(input.fromDatabaseUrl)) };
    }
    const codeSoak = pending.length === 0 ? { kind: "not-checked", why: "nothing is pending" } : await readCodeSoak(input, ctx, clock);
    // An unreadable database and a wrong stamp block whatever is pending, and no override covers them.
    return evaluateSoak({ policy, pending, source, codeSoak, now: clock(), blockers, ...(input.override ? { override: input.override } : {}) });
}
async function readCodeSoak(input, ctx, clock) {
    if (input.deploymentTasks.length === 0)
        return { kind: "not-checked", why: "deployment-tasks is none." };
    const github = ctx.github;
    if (!github)
        return { kind: "not-checked", why: "no GitHub token and repository (GITHUB_TOKEN, GITHUB_REPOSITORY): the schema soak alone decided." };
    try {
        const listed = (await Promise.all(input.deploymentTasks.map((task) => github.listDeployments(input.policy.from, task)))).flat();
        // Only deployments from the first one that could cover the target on can matter to its soak.
        const names = new Set(input.pending.map((m) => m.name));
        const relevant = (d) => (input.sha !== undefined && d.sha.toLowerCase() === input.sha) || (migrateGuardDeployMigrations(d.payload) ?? []).some((m) => names.has(m.name));
        const first = Math.min(...listed.filter(relevant).map((d) => d.createdAt.getTime()));
        const candidates = listed.filter((d) => d.createdAt.getTime() >= first);
        ctx.logger.info(`Code soak: ${listed.length} deployment(s) to "${input.policy.from}" (task ${input.deploymentTasks.join(", ")}), ${candidates.length} from the first covering one on.`);
        const statuses = await mapLimited(candidates, 8, (d) => github.listStatuses(d.id));
        const deployments = candidates.map((d, i) => ({ ...d, statuses: statuses[i] }));
        return evaluateCodeSoak({
            deployments,
            pending: input.pending,
            ...(input.sha ? { targetSha: input.sha } : {}),
            githubNow: github.githubNow ?? clock(),
            soakSeconds: Math.round(input.policy.soakHours * 3600),
            from: input.policy.from,
            tasks: input.deploymentTasks,
        });
    }
    catch (error) {
        if (!(error instanceof GateGitHubError))
            throw error;
        ctx.logger.error(error.message);
        return { kind: "blocked", unreadable: true, reason: `Code soak could not be read from GitHub (the gate never passes without it): ${error.message}` };
    }
}
async function runGate(settings, ctx) {
    const started = Date.now();
    const { override, refused } = checkOverride(settings.overrideReason, ctx.actor, settings.overrideActors);
    if (refused)
        throw new ConfigurationError(`The override is refused, so nothing was evaluated: ${refused}`);
    const policy = settings.policy;
    const report = {
        verdict: undefined,
        ...(settings.sha ? { sha: settings.sha } : {}),
        from: { name: policy.from, database: describeUrl(settings.fromDatabaseUrl) },
        to: { name: policy.to, database: describeUrl(settings.toDatabaseUrl) },
        warnings: [],
        durationMs: 0,
    };
    const loaded = await loadProject(settings.workingDirectory, settings.schema);
    const repo = await targetMigrations(loaded, settings.sha, report.warnings, ctx.logger);
    ctx.logger.info(`Soak gate ${policy.from} → ${policy.to} (${policy.soakHours}h)${settings.sha ? ` for ${settings.sha}` : ""}: ${repo.length} migrations in ${loaded.dir.dir}.`);
    let pending;
    const blockers = [];
    try {
        const target = await readDatabaseSnapshot(settings.toDatabaseUrl);
        pending = pendingOn(repo, target.records);
        const problem = stampProblem(target, policy.to, `to (${policy.to})`);
        if (problem)
            blockers.push(problem);
    }
    catch (error) {
        const message = error instanceof DatabaseConnectionError ? error.message : error.message;
        // Without production's history everything may be pending: judge every migration.
        pending = repo;
        blockers.push(`The ${policy.to} database could not be read, so what is pending there is unknown: ${redact(message, urlSecrets(settings.toDatabaseUrl))}`);
    }
    ctx.logger.info(`${pending.length} migration(s) pending on "${policy.to}"${pending.length ? `: ${pending.map((m) => m.name).join(", ")}` : ""}.`);
    report.verdict = await assessSoak({ policy, pending, fromDatabaseUrl: settings.fromDatabaseUrl, deploymentTasks: settings.deploymentTasks, blockers, ...(settings.sha ? { sha: settings.sha } : {}), ...(override ? { override } : {}) }, ctx);
    await setStatus(report, ctx);
    report.durationMs = Date.now() - started;
    return report;
}
async function setStatus(report, ctx) {
    if (!ctx.github || !report.sha || ctx.commitStatus === false)
        return;
    const state = report.verdict.decision === "pass" ? "success" : report.verdict.decision === "wait" ? "pending" : "failure";
    const description = verdictHeadline(report.verdict);
    try {
        await ctx.github.setCommitStatus(report.sha, state, description, ctx.runUrl);
        report.commitStatus = { state, description };
    }
    catch (error) {
        report.statusError = error.message;
        ctx.logger.error(report.statusError);
    }
}
/**
 * The migrations in the repository at the target: the working tree when it is checked out at the target
 * (or no SHA was given), else the target commit's files read from git. A target that is in neither is a
 * configuration error: judging other migrations than the target's could pass the wrong ones.
 */
async function targetMigrations(loaded, sha, warnings, logger) {
    const tree = loaded.dir.migrations.map((m) => ({ name: m.name, checksum: m.checksum, sql: m.sql }));
    if (!sha)
        return tree;
    const head = await resolveCommit(loaded.repoRoot, "HEAD").catch(() => undefined);
    if (head === undefined) {
        warnings.push(`${loaded.repoRoot} is not a git checkout: its migrations were judged as the target ${sha}'s.`);
        return tree;
    }
    if (head.toLowerCase() === sha)
        return tree;
    const commit = await resolveCommit(loaded.repoRoot, sha).catch(() => undefined);
    if (!commit) {
        throw new ConfigurationError(`The target ${sha} is neither checked out in ${loaded.repoRoot} (HEAD is ${head}) nor in its git history. Check out the target (actions/checkout with \`ref: <sha>\`), or pass the SHA that is checked out.`);
    }
    const atCommit = await migrationsAtCommit(loaded.repoRoot, commit, loaded.dir.dir);
    logger.info(`The target ${sha} is not checked out (HEAD is ${head}): judging its ${atCommit.length} migrations as committed.`);
    return atCommit.map((m) => ({ name: m.name, sql: m.sql, checksum: checksum(Buffer.from(m.sql, "utf8")) })).sort((a, b) => compareMigrationNames(a.name, b.name));
}

;// CONCATENATED MODULE: ./src/migrate/settings.ts
// What a status/deploy/resolve run was asked to do, validated before anything is read or changed:
// every mistake here is a ConfigurationError (CLI exit 2) and leaves the database and the GitHub
// deployments untouched. The CLI flags and the action inputs both arrive as a MigrateRequest.





const MIGRATE_COMMANDS = ["status", "deploy", "resolve"];
/**
 * Commands migrate-guard refuses to run against an environment, with the reason. They exist for local
 * development databases, where Prisma is run directly.
 */
const DANGEROUS = {
    dev: "`prisma migrate dev` generates migrations from schema changes and resets the database (deleting every row) when it detects drift",
    reset: "`prisma migrate reset` drops the database's schema and every row in it",
    push: "`prisma db push` changes the schema without a migration, outside the history, and can drop data",
    execute: "`prisma db execute` runs arbitrary SQL outside the migration history",
};
function dangerousCommandReason(command) {
    const words = command.trim().toLowerCase().replace(/^(prisma\s+)?(migrate\s+|db\s+)?/, "").replace(/^db-/, "");
    return DANGEROUS[words];
}
function refuseDangerousCommand(command) {
    const reason = dangerousCommandReason(command);
    throw new ConfigurationError(`"${command.trim()}" is refused: ${reason}. migrate-guard never runs it against an environment's database (local or not); it runs only status, deploy and resolve. ` +
        "Run it yourself with Prisma against a local development database.");
}
function settings_text(value) {
    const t = value?.trim();
    return t ? t : undefined;
}
function positiveSeconds(value, name, fallback) {
    const t = settings_text(value);
    if (t === undefined)
        return fallback;
    const n = Number(t);
    if (!Number.isFinite(n) || n <= 0)
        throw new ConfigurationError(`${name} is "${value}". Expected a positive number of seconds, e.g. ${fallback}.`);
    return n;
}
/**
 * Checks the URL's form without ever quoting it: it may carry a password. Only the scheme is named
 * when it is wrong.
 */
function validateDatabaseUrl(url) {
    const value = settings_text(url);
    if (!value) {
        throw new ConfigurationError("No database URL. Pass --database-url or set DATABASE_URL (the action: the `database-url` input, from the environment's secret). Expected postgresql://USER:PASSWORD@HOST:PORT/DATABASE.");
    }
    let parsed;
    try {
        // "user:password@host/db" parses as a URL whose scheme is "user:": demand the "scheme://" form.
        if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(value))
            throw new Error("no scheme");
        parsed = new URL(value);
    }
    catch {
        throw new ConfigurationError("The database URL is not a valid URL (it is not shown: it may contain a password). Expected postgresql://USER:PASSWORD@HOST:PORT/DATABASE.");
    }
    if (!/^postgres(ql)?:$/i.test(parsed.protocol)) {
        throw new ConfigurationError(`The database URL uses the scheme "${parsed.protocol}", but migrate-guard works with PostgreSQL only. Expected postgresql://USER:PASSWORD@HOST:PORT/DATABASE.`);
    }
    if (!parsed.hostname && !parsed.searchParams.get("host")) {
        throw new ConfigurationError("The database URL names no host. Expected postgresql://USER:PASSWORD@HOST:PORT/DATABASE.");
    }
    if (parsed.pathname.replace(/^\//, "") === "") {
        throw new ConfigurationError("The database URL names no database. Expected postgresql://USER:PASSWORD@HOST:PORT/DATABASE (the path is the database name).");
    }
    return value;
}
function backupFileName(environment, now) {
    const slug = environment.normalized.replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "") || "environment";
    return `migrate-guard-${slug}-${now.toISOString().replace(/[:.]/g, "-")}.dump`;
}
function validateRequest(request, now = new Date()) {
    const command = request.command.trim().toLowerCase();
    if (dangerousCommandReason(command))
        refuseDangerousCommand(request.command);
    if (!MIGRATE_COMMANDS.includes(command)) {
        throw new ConfigurationError(`Unknown command ${JSON.stringify(request.command)}. Expected one of: ${MIGRATE_COMMANDS.join(", ")}.`);
    }
    const policy = {
        known: settings_text(request.environments) ? parseEnvironmentList(request.environments, "environments") : DEFAULT_ENVIRONMENTS,
        production: settings_text(request.productionEnvironments) ? parseEnvironmentList(request.productionEnvironments, "production-environments") : DEFAULT_PRODUCTION_ENVIRONMENTS,
    };
    if (!settings_text(request.environment)) {
        throw new ConfigurationError(`No environment. Pass --environment NAME (the action: the \`environment\` input), one of: ${[...policy.known, ...policy.production].filter((n, i, a) => a.indexOf(n) === i).join(", ")}.`);
    }
    const environment = resolveEnvironment(request.environment, policy);
    const rolledBack = settings_text(request.rolledBack);
    const applied = settings_text(request.applied);
    let resolve;
    if (command === "resolve") {
        if (rolledBack && applied)
            throw new ConfigurationError("resolve takes either --rolled-back NAME or --applied NAME, not both.");
        if (!rolledBack && !applied) {
            throw new ConfigurationError("resolve needs --rolled-back NAME (a failed migration whose changes did not stay) or --applied NAME (a migration whose changes you made by hand).");
        }
        const kind = rolledBack ? "rolled-back" : "applied";
        const name = (rolledBack ?? applied);
        assertMigrationName(name, `--${kind}`);
        resolve = { kind, name };
    }
    else if (rolledBack || applied) {
        throw new ConfigurationError(`--rolled-back and --applied belong to the resolve command, not to ${command}.`);
    }
    const databaseUrl = validateDatabaseUrl(request.databaseUrl);
    const confirm = request.confirm;
    if (command === "deploy" && environment.production)
        assertProductionConfirmed(environment, confirm);
    if (resolve)
        assertResolveConfirmed(resolve.name, confirm);
    let backup;
    if (request.backup) {
        if (command !== "deploy")
            throw new ConfigurationError(`backup is for deploy; ${command} changes ${command === "status" ? "nothing" : "only migration records"}. Remove backup: true.`);
        const file = settings_text(request.backupFile) ?? external_node_path_default().join(request.backupDir ?? ".", backupFileName(environment, now));
        backup = { file: external_node_path_default().resolve(file) };
    }
    const gate = command === "deploy" ? deployGateSettings(request.gate ?? {}, environment.production) : undefined;
    const schema = settings_text(request.schema);
    return {
        command: command,
        environment,
        policy,
        databaseUrl,
        workingDirectory: settings_text(request.workingDirectory) ?? ".",
        ...(schema ? { schema } : {}),
        ...(confirm !== undefined ? { confirm } : {}),
        ...(resolve ? { resolve } : {}),
        slowMigrationSeconds: positiveSeconds(request.slowMigrationSeconds, "slow-migration-seconds", 30),
        lockTimeoutSeconds: positiveSeconds(request.lockTimeoutSeconds, "lock-timeout-seconds", 60),
        ...(backup ? { backup } : {}),
        ...(settings_text(request.reason) ? { reason: settings_text(request.reason) } : {}),
        ...(command === "deploy" && gate ? { gate } : {}),
    };
}

;// CONCATENATED MODULE: ./src/gate/settings.ts
// What a gate run was asked to do, validated before anything is read: every mistake is a
// ConfigurationError (CLI exit 2) that names the flag/input and the expected form. URLs are never quoted.




const DEFAULT_DEPLOYMENT_TASKS = ["deploy:migrations"];
function gate_settings_text(value) {
    const t = value?.trim();
    return t ? t : undefined;
}
function parseSoakHours(value, name = "soak-hours") {
    const t = gate_settings_text(value);
    if (t === undefined)
        return DEFAULT_SOAK_HOURS;
    const n = Number(t);
    if (!/^\d+(\.\d+)?$/.test(t) || !Number.isFinite(n) || n > 8760) {
        throw new ConfigurationError(`${name} is ${JSON.stringify(value)}. Expected a number of hours from 0 to 8760, e.g. ${DEFAULT_SOAK_HOURS} (the default) or 48.`);
    }
    return n;
}
/** A database URL flag: present, PostgreSQL, well formed — checked without ever quoting it. */
function gateDatabaseUrl(value, flag, variable, what) {
    if (!gate_settings_text(value)) {
        throw new ConfigurationError(`No ${what} database URL. Pass ${flag} URL or set ${variable} (expected postgresql://USER:PASSWORD@HOST:PORT/DATABASE; a read-only role is enough).`);
    }
    try {
        return validateDatabaseUrl(value);
    }
    catch (error) {
        throw new ConfigurationError(`${flag}: ${error.message}`);
    }
}
function parseList(value) {
    return (value ?? "").split(/[,\n]/).map((s) => s.trim()).filter(Boolean);
}
function validateGateRequest(request) {
    const from = gate_settings_text(request.from) ?? "staging";
    const to = gate_settings_text(request.to) ?? "production";
    assertEnvironmentName(from, "from");
    assertEnvironmentName(to, "to");
    if (normalizeEnvironmentName(from) === normalizeEnvironmentName(to))
        throw new ConfigurationError(`from and to are both "${from}". The gate promotes from one environment to another, e.g. from staging to production.`);
    const soakHours = parseSoakHours(request.soakHours);
    const sha = gate_settings_text(request.sha);
    if (sha !== undefined && !/^([0-9a-f]{40}|[0-9a-f]{64})$/i.test(sha)) {
        throw new ConfigurationError(`sha is ${JSON.stringify(sha)}. Expected a full commit SHA (40 hexadecimal characters), e.g. the output of \`git rev-parse HEAD\`.`);
    }
    const fromDatabaseUrl = gateDatabaseUrl(request.fromDatabaseUrl, "--from-database-url", "STAGING_DATABASE_URL", `"${from}"`);
    const toDatabaseUrl = gateDatabaseUrl(request.toDatabaseUrl, "--to-database-url", "PRODUCTION_DATABASE_URL", `"${to}"`);
    if (fromDatabaseUrl === toDatabaseUrl)
        throw new ConfigurationError(`The ${from} and ${to} database URLs are the same (not shown: they hold a password). Each environment has its own database.`);
    const tasks = parseList(request.deploymentTasks);
    if (tasks.some((t) => /[\u0000-\u001f\u007f]/.test(t) || t.length > 100))
        throw new ConfigurationError("deployment-tasks has a name with control characters or over 100 characters. Expected comma-separated tasks, e.g. \"deploy:migrations, deploy\", or \"none\".");
    const deploymentTasks = request.deploymentTasks === undefined || gate_settings_text(request.deploymentTasks) === undefined ? DEFAULT_DEPLOYMENT_TASKS : tasks.some((t) => t.toLowerCase() === "none") ? [] : tasks;
    const schema = gate_settings_text(request.schema);
    return {
        workingDirectory: gate_settings_text(request.workingDirectory) ?? ".",
        ...(schema ? { schema } : {}),
        fromDatabaseUrl,
        toDatabaseUrl,
        policy: { soakHours, from, to },
        ...(sha ? { sha: sha.toLowerCase() } : {}),
        ...(request.overrideReason !== undefined && request.overrideReason !== "" ? { overrideReason: request.overrideReason } : {}),
        overrideActors: parseList(request.overrideActors).map((a) => a.replace(/^@/, "")),
        deploymentTasks,
    };
}

;// CONCATENATED MODULE: ./src/gate/deploy-gate.ts
// The soak gate inside `deploy` to a production environment: it runs after the production database was
// read and before anything changes, and a `wait` or `block` refuses the deploy (nothing changed, no
// deployment record). A production deploy needs the staging database URL; a team without a staging
// database opts out explicitly with `soak-gate: off`, which the deployment record and summary show.
// Never skipped silently: a database stamped production without the gate configured is refused too.




const SOAK_GATE_REQUIRED = "A production deploy runs the soak gate first, and it needs the staging database URL: set `staging-database-url` (the reusable workflow: the STAGING_DATABASE_URL secret; the CLI: --staging-database-url or STAGING_DATABASE_URL). " +
    "A team without a staging database opts out explicitly with `soak-gate: off` (--soak-gate off); the deployment record then says the gate was skipped.";
function deployGateSettings(request, production) {
    const mode = (request.soakGate?.trim() || "on").toLowerCase();
    if (mode !== "on" && mode !== "off")
        throw new ConfigurationError(`soak-gate is ${JSON.stringify(request.soakGate)}. Expected on (the default: production deploys wait for the soak) or off.`);
    if (mode === "off")
        return { off: true };
    if (!production)
        return undefined;
    if (!request.stagingDatabaseUrl?.trim())
        throw new ConfigurationError(SOAK_GATE_REQUIRED);
    const stagingDatabaseUrl = gateDatabaseUrl(request.stagingDatabaseUrl, "--staging-database-url", "STAGING_DATABASE_URL", "staging");
    return {
        off: false,
        stagingDatabaseUrl,
        soakHours: parseSoakHours(request.soakHours),
        from: request.soakFrom?.trim() || "staging",
        ...(request.overrideReason !== undefined && request.overrideReason !== "" ? { overrideReason: request.overrideReason } : {}),
        overrideActors: parseList(request.overrideActors).map((a) => a.replace(/^@/, "")),
    };
}
/** Runs the gate for a production deploy of `pending`; a refusal means: stop, change nothing. */
async function runDeployGate(settings, environment, databaseUrl, pending, ctx) {
    if (!settings)
        return { refusal: `The database is stamped as production, so the soak gate must run first. ${SOAK_GATE_REQUIRED}` };
    if (settings.off) {
        ctx.logger.warning(`The soak gate is off (soak-gate: off): "${environment}" is deployed without proof that its migrations ran on staging first.`);
        return { skipped: "soak-gate: off" };
    }
    if (settings.stagingDatabaseUrl === databaseUrl)
        return { refusal: "The staging database URL is the production database's URL: the soak gate would compare production with itself. Set staging-database-url to the staging database." };
    const { override, refused } = checkOverride(settings.overrideReason, ctx.actor, settings.overrideActors);
    if (refused)
        return { refusal: `The soak gate's override is refused: ${refused}` };
    const verdict = await assessSoak({
        policy: { soakHours: settings.soakHours, from: settings.from, to: environment },
        pending: [...pending],
        fromDatabaseUrl: settings.stagingDatabaseUrl,
        deploymentTasks: DEFAULT_DEPLOYMENT_TASKS,
        ...(ctx.sha ? { sha: ctx.sha.toLowerCase() } : {}),
        ...(override ? { override } : {}),
    }, { logger: ctx.logger, ...(ctx.github ? { github: ctx.github } : {}), ...(ctx.clock ? { clock: ctx.clock } : {}) });
    ctx.logger.info(`Soak gate (${settings.from} → ${environment}, ${settings.soakHours}h): ${verdict.decision}${verdict.override ? ` (override by ${verdict.override.actor})` : ""}.`);
    if (verdict.decision === "wait") {
        return { verdict, refusal: `The soak gate says wait: ${formatHours(verdict.remainingSeconds ?? 0)} left on ${settings.from} (earliest ${verdict.earliestPassAt?.toISOString()}). ${verdict.reasons.join(" ")}` };
    }
    if (verdict.decision === "block")
        return { verdict, refusal: `The soak gate blocks this deploy. ${verdict.reasons.join(" ")}` };
    return { verdict };
}
/** What the deployment record's payload keeps about the gate. */
function gatePayload(outcome) {
    if (outcome.skipped)
        return { skipped: outcome.skipped };
    const v = outcome.verdict;
    if (!v)
        return undefined;
    return {
        decision: v.decision,
        soakHours: v.policy.soakHours,
        from: v.policy.from,
        ...(v.override ? { override: { actor: v.override.actor, reason: v.override.reason, gateSaid: v.decisionWithoutOverride } } : {}),
    };
}
/** One line for summaries and the deployment's description. */
function deploy_gate_gateLine(outcome) {
    if (outcome.skipped)
        return "soak gate skipped (soak-gate: off)";
    const v = outcome.verdict;
    if (!v)
        return undefined;
    if (v.override)
        return `soak gate overridden by ${v.override.actor} (it said ${v.decisionWithoutOverride}): ${v.override.reason}`;
    return `soak gate ${v.decision} (${v.policy.soakHours}h on ${v.policy.from})`;
}

;// CONCATENATED MODULE: ./src/migrate/render.ts
// The migrate report as CLI text and as the job summary (Markdown): who, what, when, how long; what was
// pending with its SQL; what was applied and how long each took (🚩 above slow-migration-seconds); and,
// when something is wrong, why and the exact way out. Pure.



const MAX_SQL_CHARS = 20_000;
const MAX_TOTAL_SQL_CHARS = 400_000;
function outcomeIcon(report) {
    if (report.refused)
        return "⛔";
    return report.ok ? "✅" : "❌";
}
function renderMigrateText(report) {
    const lines = [];
    lines.push(`${report.ok ? "✔" : "✖"} ${report_headline(report)}`);
    lines.push(`  database   ${report.database}${report.postgresVersion ? ` (PostgreSQL ${report.postgresVersion})` : ""}${report.production ? " — production" : ""}`);
    if (report.stamp)
        lines.push(`  identity   "${report.stamp.name}"${report.stamp.production ? " (production)" : ""}, stamped ${report.stamp.stampedAt.toISOString()}${report.stampCreated ? " by this run" : ""}`);
    else if (!report.refused && !report.error)
        lines.push("  identity   not stamped yet (the first deploy stamps it)");
    const s = report.state;
    if (s) {
        lines.push(`  applied    ${s.applied.length}${s.applied.some((a) => a.slow) ? ` (🚩 slow: ${s.applied.filter((a) => a.slow).map((a) => a.name).join(", ")})` : ""}`);
        lines.push(`  pending    ${s.pending.length}${s.pending.length ? `: ${s.pending.join(", ")}` : ""}`);
        if (s.failed.length)
            lines.push(`  failed     ${s.failed.map((f) => f.name).join(", ")}`);
        if (s.rolledBack.length)
            lines.push(`  rolled back ${s.rolledBack.join(", ")}`);
        if (s.checksumMismatch.length)
            lines.push(`  edited after apply ${s.checksumMismatch.join(", ")}`);
        if (s.missingFromRepo.length)
            lines.push(`  not in repository ${s.missingFromRepo.join(", ")}`);
    }
    else if (report.stateUnknown) {
        lines.push(`  state      unknown: ${report.stateUnknown}`);
    }
    for (const a of report.appliedNow ?? [])
        lines.push(`  ${a.slow ? "🚩" : "✔"} ${a.name}  ${markdown_text_formatDuration(a.durationMs)}`);
    if (report.resolved)
        lines.push(`  resolved   ${report.resolved.name} → ${report.resolved.kind}${report.resolved.via === "migrate-guard" ? " (row updated by migrate-guard: Prisma could not run without its native engine)" : ""}`);
    if (report.backup)
        lines.push(`  backup     ${report.backup.file} (${report.backup.bytes} bytes, pg_dump ${report.backup.pgDump})`);
    if (report.deployment)
        lines.push(`  deployment ${report.deployment.id}${report.deployment.url ? ` ${report.deployment.url}` : ""}`);
    if (report.gate && deploy_gate_gateLine(report.gate))
        lines.push(`  soak gate  ${deploy_gate_gateLine(report.gate)}`);
    if (report.refused)
        lines.push("", `refused: ${report.refused}`);
    if (report.error)
        lines.push("", `error: ${report.error}`);
    for (const w of report.warnings)
        lines.push(`warning: ${w}`);
    if (report.recovery.length)
        lines.push("", "How to recover:", ...report.recovery.map((r) => `  ${r}`));
    lines.push("", `${report.command} took ${markdown_text_formatDuration(report.durationMs)}.`);
    return lines.join("\n") + "\n";
}
function renderMigrateMarkdown(report, options = {}) {
    const out = [];
    out.push(`## ${outcomeIcon(report)} ${inline(options.title ?? `migrate-guard ${report.command}: ${headline(report)}`)}`, "");
    const run = safeUrl(report.runUrl);
    const deployment = report.deployment ? (safeUrl(report.deployment.url) ? `[#${report.deployment.id}](${safeUrl(report.deployment.url)})` : `#${report.deployment.id}`) : "none";
    out.push("| | |", "| --- | --- |");
    out.push(`| Environment | ${cell(report.environment)}${report.production ? " (production)" : ""} |`);
    out.push(`| Database | ${code(report.database, { inTable: true })}${report.postgresVersion ? ` PostgreSQL ${cell(report.postgresVersion)}` : ""} |`);
    out.push(`| Who | ${report.actor ? cell(report.actor) : "unknown"} |`);
    out.push(`| When | ${report.startedAt.toISOString()} |`);
    out.push(`| How long | ${formatDuration(report.durationMs)} |`);
    if (report.command !== "status")
        out.push(`| Deployment | ${deployment} |`);
    if (run)
        out.push(`| Run | [log](${run}) |`);
    if (report.prismaVersion)
        out.push(`| Prisma | ${cell(report.prismaVersion)} |`);
    if (report.stamp)
        out.push(`| Database identity | ${cell(report.stamp.name)}${report.stamp.production ? " (production)" : ""}, stamped ${report.stamp.stampedAt.toISOString()}${report.stampCreated ? " by this run" : ""} |`);
    if (report.backup)
        out.push(`| Backup | ${code(report.backup.file, { inTable: true })} (${report.backup.bytes} bytes, ${formatDuration(report.backup.durationMs)}) |`);
    if (report.gate && gateLine(report.gate))
        out.push(`| Soak gate | ${cell(gateLine(report.gate))} |`);
    out.push("");
    if (report.refused)
        out.push(`> [!CAUTION]`, `> **Refused — nothing was changed.** ${inline(report.refused)}`, "");
    if (report.error)
        out.push(`> [!WARNING]`, `> **${report.ok ? "Problem" : "Failed"}.** ${inline(report.error)}`, "");
    if (report.recovery.length)
        out.push("### How to recover", "", ...report.recovery.map((r) => `- ${inline(r)}`), "");
    if (report.appliedNow) {
        out.push(`### Applied by this run (${report.appliedNow.length})`, "");
        if (report.appliedNow.length === 0)
            out.push("Nothing: there were no pending migrations when Prisma ran.", "");
        else {
            out.push("| Migration | Duration | |", "| --- | --- | --- |");
            for (const a of report.appliedNow)
                out.push(`| ${code(a.name, { inTable: true })} | ${formatDuration(a.durationMs)} | ${a.slow ? `🚩 slower than ${report.slowMigrationSeconds} s` : ""} |`);
            out.push("");
        }
    }
    if (report.resolved)
        out.push(`### Resolved`, "", `${code(report.resolved.name)} is now marked **${report.resolved.kind}**.`, "");
    if (report.pendingBefore && report.pendingBefore.length > 0) {
        out.push(`### Pending before the deploy (${report.pendingBefore.length})`, "");
        let budget = MAX_TOTAL_SQL_CHARS;
        for (const m of report.pendingBefore) {
            // The linter reports Prisma's header warnings itself; without it they are shown as they are.
            const notes = m.lint
                ? m.lint.map((f) => `${f.severity === "error" ? "❌" : f.severity === "warning" ? "⚠️" : "ℹ️"} ${code(f.rule)}: ${inline(f.message)}`)
                : m.warnings.map((w) => `⚠️ Prisma: ${inline(w)}`);
            const sql = clip(m.sql, Math.max(0, Math.min(MAX_SQL_CHARS, budget)));
            budget -= sql.length;
            const fence = blockFence(sql);
            const verdict = notes.length ? ` — ${plural(notes.length, "finding")}` : m.lint ? " — lint: no findings" : "";
            out.push(`<details${notes.length ? " open" : ""}><summary><code>${inline(m.name)}</code>${verdict}</summary>`, "");
            if (notes.length)
                out.push(...notes.map((n) => `- ${n}`), "");
            out.push(`${fence}sql`, sql, fence, "", "</details>", "");
        }
    }
    const s = report.state;
    if (s) {
        out.push("### State of the environment", "");
        out.push("| | Migrations |", "| --- | --- |");
        const list = (names) => (names.length ? names.map((n) => code(n, { inTable: true })).join(", ") : "–");
        out.push(`| Applied | ${s.applied.length} |`);
        out.push(`| Pending | ${list(s.pending)} |`);
        out.push(`| Failed | ${list(s.failed.map((f) => f.name))} |`);
        if (s.rolledBack.length)
            out.push(`| Rolled back | ${list(s.rolledBack)} |`);
        out.push(`| Edited after apply | ${list(s.checksumMismatch)} |`);
        if (s.missingFromRepo.length)
            out.push(`| Not in this repository | ${list(s.missingFromRepo)} |`);
        const slow = s.applied.filter((a) => a.slow);
        if (slow.length)
            out.push(`| 🚩 Slow (> ${report.slowMigrationSeconds} s) | ${slow.map((a) => `${code(a.name, { inTable: true })} ${formatDuration(a.durationMs)}`).join(", ")} |`);
        out.push("");
    }
    else if (report.stateUnknown) {
        out.push("### State of the environment", "", `Unknown: ${inline(report.stateUnknown)}`, "");
    }
    if (report.warnings.length)
        out.push("### Warnings", "", ...report.warnings.map((w) => `- ${inline(w)}`), "");
    return out.join("\n");
}

;// CONCATENATED MODULE: ./src/migrate/lock.ts

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
/** Waits (bounded) while another session holds Prisma's migration lock; returns the holder if it never let go. */
async function waitForMigrationLock(db, timeoutSeconds, log) {
    let holder = await db.migrationLockHolder();
    if (!holder)
        return undefined;
    log(`Another deploy holds Prisma's migration lock (${describeLockHolder(holder)}); waiting up to ${timeoutSeconds} s for it to finish…`);
    const deadline = Date.now() + timeoutSeconds * 1000;
    while (holder && Date.now() < deadline) {
        await sleep(Math.min(1000, Math.max(50, deadline - Date.now())));
        holder = await db.migrationLockHolder();
    }
    if (!holder)
        log("The migration lock was released.");
    return holder;
}
function lockTimeoutMessage(holder, timeoutSeconds) {
    return `Another deploy still holds Prisma's migration lock after ${timeoutSeconds} s (${describeLockHolder(holder)}). Nothing was changed by this run; run it again when that deploy has finished (lock-timeout-seconds sets the wait).`;
}

;// CONCATENATED MODULE: ./src/migrate/pg-dump.ts
// The optional backup before a deploy: pg_dump in custom format (restorable with pg_restore, table by
// table). pg_dump refuses to dump a server newer than itself, so the one chosen is the newest installed
// and must be at least the server's major; otherwise the deploy stops and says which to install.






const pg_dump_execFileAsync = (0,external_node_util_.promisify)(external_node_child_process_namespaceObject.execFile);
async function candidates() {
    const dirs = [];
    for (const root of ["/usr/lib/postgresql", "/usr/local/opt", "/opt/homebrew/opt"]) {
        const entries = await (0,promises_namespaceObject.readdir)(root).catch(() => []);
        for (const e of entries.sort())
            if (/^(\d+(\.\d+)?|postgresql(@\d+)?|libpq)$/.test(e))
                dirs.push(external_node_path_default().join(root, e, "bin"));
    }
    for (const e of (await (0,promises_namespaceObject.readdir)("/usr").catch(() => [])).filter((n) => /^pgsql-\d+$/.test(n)))
        dirs.push(external_node_path_default().join("/usr", e, "bin"));
    try {
        const { stdout } = await pg_dump_execFileAsync("pg_config", ["--bindir"], { timeout: 10_000 });
        if (stdout.trim())
            dirs.push(stdout.trim());
    }
    catch {
        // No pg_config: the other places still count.
    }
    dirs.push(...(process.env.PATH ?? "").split((external_node_path_default()).delimiter).filter((d) => external_node_path_default().isAbsolute(d)));
    return dirs.map((d) => external_node_path_default().join(d, "pg_dump"));
}
/** Every pg_dump on this machine, newest first. */
async function listPgDumps() {
    const seen = new Set();
    const found = [];
    for (const file of await candidates()) {
        try {
            await (0,promises_namespaceObject.access)(file, promises_namespaceObject.constants.X_OK);
            const real = await (0,promises_namespaceObject.realpath)(file);
            if (seen.has(real))
                continue;
            seen.add(real);
            const { stdout } = await pg_dump_execFileAsync(file, ["--version"], { timeout: 10_000 });
            const m = /(\d+)(?:\.(\d+))?/.exec(stdout.replace(/^[^)]*\)/, ""));
            if (m)
                found.push({ path: file, major: Number(m[1]), version: m[0] });
        }
        catch {
            // Not there, not executable, or not a pg_dump.
        }
    }
    return found.sort((a, b) => b.major - a.major);
}
async function choosePgDump(serverMajor) {
    const all = await listPgDumps();
    const usable = all.find((d) => d.major >= serverMajor);
    if (usable)
        return usable;
    const have = all.length ? `only ${all.map((d) => `pg_dump ${d.version} (${d.path})`).join(", ")}` : "no pg_dump at all";
    throw new Error(`backup: the server runs PostgreSQL ${serverMajor}, and pg_dump cannot dump a server newer than itself; this machine has ${have}. ` +
        `Install the PostgreSQL ${serverMajor} client (Ubuntu: sudo apt-get install postgresql-client-${serverMajor} from apt.postgresql.org), or deploy without backup. The deploy did not start.`);
}
// libpq rejects query parameters it does not know (Prisma's schema, connection_limit, …).
const LIBPQ_PARAMS = new Set([
    "host", "hostaddr", "port", "dbname", "user", "passfile", "channel_binding", "connect_timeout", "options", "application_name",
    "keepalives", "keepalives_idle", "keepalives_interval", "keepalives_count", "tcp_user_timeout", "sslmode", "sslnegotiation",
    "sslcompression", "sslcert", "sslkey", "sslrootcert", "sslcrl", "sslcrldir", "sslsni", "requirepeer", "ssl_min_protocol_version",
    "ssl_max_protocol_version", "gssencmode", "krbsrvname", "gsslib", "target_session_attrs", "load_balance_hosts",
]);
/** The URL for libpq without its password (which travels in PGPASSWORD, never on a command line). */
function libpqUrl(url) {
    const u = new URL(url);
    const password = u.password ? decodeURIComponent(u.password) : u.searchParams.get("password") ?? undefined;
    u.password = "";
    for (const key of [...u.searchParams.keys()])
        if (!LIBPQ_PARAMS.has(key))
            u.searchParams.delete(key);
    u.protocol = "postgresql:";
    return { url: u.toString(), ...(password ? { password } : {}) };
}
async function backupDatabase(url, file, serverMajor, onLine) {
    const dump = await choosePgDump(serverMajor);
    const started = Date.now();
    try {
        await (0,promises_namespaceObject.mkdir)(external_node_path_default().dirname(file), { recursive: true });
    }
    catch (error) {
        throw new Error(`backup: cannot create the folder for ${file} (${error.code ?? String(error)}), so the deploy did not start. Set backup-file to a writable path.`);
    }
    const target = libpqUrl(url);
    const secrets = urlSecrets(url);
    const env = { ...process.env, PGAPPNAME: "migrate-guard-backup", PGCONNECT_TIMEOUT: "15" };
    delete env.PGPASSWORD;
    if (target.password)
        env.PGPASSWORD = target.password;
    const stderr = await new Promise((resolve, reject) => {
        const child = (0,external_node_child_process_namespaceObject.spawn)(dump.path, ["--format=custom", "--no-password", `--file=${file}`, `--dbname=${target.url}`], { env, stdio: ["ignore", "ignore", "pipe"] });
        let text = "";
        child.stderr.on("data", (d) => {
            text += d.toString();
        });
        child.on("error", reject);
        child.on("close", (code) => resolve({ code: code ?? 1, text }));
    });
    if (stderr.code !== 0) {
        await (0,promises_namespaceObject.unlink)(file).catch(() => { });
        throw new Error(`backup: pg_dump ${dump.version} failed (exit ${stderr.code}), so the deploy did not start: ${redact(stderr.text.trim(), secrets).split("\n").slice(-5).join(" ")}`);
    }
    for (const line of stderr.text.split("\n").filter(Boolean))
        onLine(redact(line, secrets));
    const bytes = (await (0,promises_namespaceObject.stat)(file)).size;
    return { file, bytes, durationMs: Date.now() - started, pgDump: `${dump.version} (${dump.path})` };
}

;// CONCATENATED MODULE: ./src/migrate/scope.ts
// What a run has read so far and the helpers deploy and resolve share to end it: refusing, opening
// and closing the audit record, and the findings every command reports about the state it read.





/** Marks the report refused: nothing was changed. */
function refuse(report, reason) {
    report.ok = false;
    report.refused = reason;
    return report;
}
function errorMessage(error) {
    return error instanceof Error ? error.message : String(error);
}
/** An override or opt-out of the soak gate, for the deployment's descriptions (a reviewer reads them later). */
function gateNote(report) {
    return report.gate && (report.gate.verdict?.override || report.gate.skipped) ? ` — ${deploy_gate_gateLine(report.gate)}` : "";
}
function auditRequest(settings, deps, report, migrations, what) {
    const context = deps.context ?? {};
    const action = settings.resolve ? `resolve --${settings.resolve.kind} ${settings.resolve.name}` : "deploy";
    return {
        environment: settings.environment.name,
        production: report.production,
        task: "deploy:migrations",
        description: `migrate-guard ${action}: ${what}${settings.reason ? ` — ${settings.reason}` : ""}${gateNote(report)}`,
        payload: {
            tool: "migrate-guard",
            command: settings.command,
            ...(settings.resolve ? { resolve: settings.resolve } : {}),
            ...(settings.reason ? { reason: settings.reason } : {}),
            ...(report.gate && gatePayload(report.gate) ? { soakGate: gatePayload(report.gate) } : {}),
            migrations,
            database: report.database,
            actor: context.actor ?? null,
            runUrl: context.runUrl ?? null,
            sha: context.sha ?? null,
        },
    };
}
/**
 * Opens the audit record, or refuses the run when it cannot be opened: a change to an environment is
 * never made without its record. Undefined when the caller keeps no audit trail (the CLI).
 */
async function openAudit(deps, report, request) {
    if (!deps.audit)
        return undefined;
    try {
        const record = await deps.audit.start(request);
        report.deployment = { id: record.id, ...(record.url ? { url: record.url } : {}) };
        deps.logger.info(`Recorded as GitHub deployment ${record.id} (environment "${request.environment}", in progress).`);
        return record;
    }
    catch (error) {
        refuse(report, `The ${report.command} could not be recorded as a GitHub deployment, so nothing was changed. ${errorMessage(error)}`);
        return undefined;
    }
}
async function closeAudit(record, report, logger) {
    if (!record)
        return;
    const firstProblem = (report.error ?? report.refused ?? "").split("\n")[0] ?? "";
    const description = report.ok ? `${report_headline(report)}${gateNote(report)}` : `${report_headline(report)}: ${firstProblem}`;
    try {
        await record.finish(report.ok ? "success" : "failure", redact(description));
    }
    catch (error) {
        const message = `Could not set the final status of GitHub deployment ${record.id}: ${errorMessage(error)}`;
        report.warnings.push(message);
        logger.warning(message);
    }
}
/** Findings every command reports about the state it read. */
function describeState(scope) {
    const { env, report, settings } = scope;
    const state = env.state;
    for (const name of state.checksumMismatch) {
        const file = scope.loaded.dir.migrations.find((m) => m.name === name)?.file ?? name;
        report.warnings.push(`Migration "${name}" was edited after it was applied to "${settings.environment.name}": ${file} no longer matches the checksum recorded when it ran. ` +
            `Restore the file as it was applied (\`git log -p -- ${file}\`) and put the change into a new migration.`);
    }
    if (state.missingFromRepo.length > 0) {
        report.warnings.push(`The database has ${state.missingFromRepo.length} migration(s) this repository does not: ${state.missingFromRepo.join(", ")}. They were deployed from another branch or commit, or their folders were deleted.`);
    }
    for (const a of state.applied.filter((m) => m.slow)) {
        report.warnings.push(`🚩 Migration "${a.name}" took ${(a.durationMs / 1000).toFixed(1)} s on "${settings.environment.name}" (slow-migration-seconds ${settings.slowMigrationSeconds}).`);
    }
    if (env.noHistory && env.userTables > 0) {
        report.warnings.push(`The database has ${env.userTables} table(s) but no _prisma_migrations history: Prisma refuses to deploy to it (P3005). Baseline it first: ` +
            `record the migrations its schema already contains with resolve --applied NAME (one run per migration), then deploy.`);
    }
    if (env.lockHolder) {
        const running = state.failed.map((f) => f.name);
        report.warnings.push(`A deploy is running right now (Prisma's migration lock is held by ${describeLockHolder(env.lockHolder)})${running.length ? `; being applied: ${running.join(", ")}` : ""}.`);
    }
    else if (state.failed.length > 0) {
        report.recovery.push(...recoverySteps(state.failed, settings.environment.name));
    }
}

;// CONCATENATED MODULE: ./src/migrate/deploy.ts
// deploy: `prisma migrate deploy` — nothing else — behind the guards. Refusals first (failed migration,
// edited migration, no history, unconfirmed production; nothing changed), then the deployment record,
// the optional backup (read-only, so a failed one leaves the database as it was), the environment stamp,
// a bounded wait for another deploy's lock, Prisma, and the state read back for the report.









function refusalBeforeChange(scope) {
    const { env, loaded, report, settings } = scope;
    if (loaded.dir.foldersWithoutSql.length > 0) {
        return `The migrations directory has folders without migration.sql (${loaded.dir.foldersWithoutSql.join(", ")}); Prisma fails on them. Remove them or add their migration.sql.`;
    }
    if (env.state.failed.length > 0) {
        const f = env.state.failed[0];
        return `Migration "${f.name}" failed earlier on "${settings.environment.name}" and is still in the failed state (Prisma P3009), so no migration can be deployed until it is resolved. ` +
            `Recorded error: ${failureSummary(f.logs, 2).replace(/\n/g, " ")} — the recovery steps follow.`;
    }
    if (env.state.checksumMismatch.length > 0) {
        return `${env.state.checksumMismatch.length} applied migration(s) were edited after they ran on "${settings.environment.name}" (${env.state.checksumMismatch.join(", ")}). ` +
            "What is in the repository is not what the database has: restore the files and put the change into a new migration.";
    }
    if (env.noHistory && env.userTables > 0) {
        return `The database has ${env.userTables} table(s) but no _prisma_migrations history; Prisma would refuse it (P3005). Baseline it with resolve --applied first.`;
    }
    if (report.production && !settings.environment.production) {
        // Production by its stamp, not by configuration: the same typed confirmation applies.
        try {
            assertProductionConfirmed({ ...settings.environment, production: true }, settings.confirm);
        }
        catch (error) {
            return `The database is stamped as production. ${error.message}`;
        }
    }
    return undefined;
}
function deploy_watchProgress(db, start, total, log) {
    let last = start;
    const timer = setInterval(() => {
        db.countFinished().then((n) => {
            if (n !== last)
                log(`  applied ${n - start}/${total} migrations…`);
            last = n;
        }, () => { });
    }, 2000);
    timer.unref();
    return () => clearInterval(timer);
}
function prismaFailure(result) {
    const text = `${result.stderr}\n${result.stdout}`;
    if (/advisory lock/i.test(text) && /Timed out/i.test(text)) {
        return "Prisma timed out (after 10 s) waiting for its migration lock (pg_advisory_lock 72707369): another deploy is running on this database. Nothing was applied by this run; deploy again when it has finished.";
    }
    return `prisma migrate deploy failed (exit ${result.code}): ${prismaError(text)}`;
}
/** The error lines of Prisma's output, without its preamble and the engine's backtrace. */
function prismaError(output) {
    const lines = output.split("\n").map((l) => l.trim()).filter((l) => l && !/^(\d+: |at \S+\.rs:\d+|with migration_name=)/.test(l));
    const i = lines.findIndex((l) => /^Error\b/.test(l));
    return (i >= 0 ? lines.slice(i, i + 6) : lines.slice(-6)).join(" ");
}
async function runDeploy(scope, prisma) {
    const { settings, deps, loaded, db, env, report } = scope;
    const log = (m) => deps.logger.info(m);
    describeState(scope);
    report.pendingBefore = pendingMigrations(loaded, env.state.pending);
    if (deps.lint && report.pendingBefore.length > 0) {
        await deps.lint(report.pendingBefore, loaded.dir.migrations).catch((e) => report.warnings.push(`The migration linter failed (the deploy goes on without its findings): ${e.message}`));
    }
    const refusal = refusalBeforeChange(scope);
    if (refusal)
        return refuse(report, refusal);
    if (report.production) {
        // The soak gate: staging must have run these migrations long enough. Read-only; a wait or block refuses.
        const context = deps.context ?? {};
        report.gate = await runDeployGate(settings.gate, settings.environment.name, settings.databaseUrl, report.pendingBefore, {
            logger: deps.logger,
            ...(context.actor ? { actor: context.actor } : {}),
            ...(context.sha ? { sha: context.sha } : {}),
            ...deps.soakGate,
        });
        if (report.gate.refusal)
            return refuse(report, report.gate.refusal);
    }
    const what = report.pendingBefore.length ? `${report.pendingBefore.length} pending migration(s)` : "no pending migrations";
    const record = await openAudit(deps, report, auditRequest(settings, deps, report, report.pendingBefore.map((m) => ({ name: m.name, checksum: m.checksum })), what));
    if (report.refused)
        return report;
    const secrets = urlSecrets(settings.databaseUrl);
    try {
        // The backup first: it only reads, so a failed backup leaves the database exactly as it was.
        if (settings.backup) {
            log(`Backing up ${report.database} to ${settings.backup.file} before deploying…`);
            report.backup = await backupDatabase(settings.databaseUrl, settings.backup.file, await db.serverMajor(), (line) => deps.logger.debug(`pg_dump: ${line}`));
            log(`Backup written: ${report.backup.file} (${report.backup.bytes} bytes, ${report.backup.durationMs} ms, pg_dump ${report.backup.pgDump}).`);
        }
        if (!env.stamp) {
            const context = deps.context ?? {};
            const { stamp, created } = await db.writeStampIfAbsent({
                name: settings.environment.name,
                normalized: settings.environment.normalized,
                production: report.production,
                ...(context.actor ? { stampedBy: context.actor } : {}),
                ...(context.repository ? { repository: context.repository } : {}),
                ...(context.runUrl ? { runUrl: context.runUrl } : {}),
            });
            report.stamp = stamp;
            report.stampCreated = created;
            const decision = compareStamp(settings.environment, stamp);
            // Another first deploy, for another environment, stamped it a moment earlier.
            if (decision.kind === "mismatch")
                throw new Error(decision.reason);
            if (created)
                log(`Stamped the database as environment "${stamp.name}"${stamp.production ? " (production)" : ""}: runs for any other environment will be refused.`);
        }
        const holder = await waitForMigrationLock(db, settings.lockTimeoutSeconds, log);
        if (holder) {
            report.lockHolder = holder;
            throw new Error(lockTimeoutMessage(holder, settings.lockTimeoutSeconds));
        }
        const before = await db.countFinished();
        log(`Running prisma migrate deploy (Prisma ${prisma.version}) for ${what}…`);
        const stop = deploy_watchProgress(db, before, report.pendingBefore.length, log);
        let result;
        try {
            result = await prisma.deploy(settings.databaseUrl, (line) => deps.logger.info(`prisma: ${redact(line, secrets)}`));
        }
        finally {
            stop();
        }
        await readBack(settings, loaded, report);
        const names = parseDeployOutput(result.stdout) ?? env.state.pending.filter((n) => report.state?.applied.some((a) => a.name === n));
        report.appliedNow = names.map((name) => {
            const a = report.state?.applied.find((m) => m.name === name);
            return { name, durationMs: a?.durationMs ?? 0, slow: a?.slow ?? false };
        });
        for (const a of report.appliedNow) {
            if (a.slow)
                report.warnings.push(`🚩 Slow migration: "${a.name}" took ${(a.durationMs / 1000).toFixed(1)} s on "${settings.environment.name}" (limit ${settings.slowMigrationSeconds} s). It held its locks that long.`);
        }
        if (result.code !== 0) {
            const failed = report.state?.failed.find((f) => !env.state.failed.some((g) => g.name === f.name));
            report.error = failed ? `Migration "${failed.name}" failed on "${settings.environment.name}": ${failureSummary(failed.logs)}` : redact(prismaFailure(result), secrets);
            if (report.state?.failed.length)
                report.recovery = recoverySteps(report.state.failed, settings.environment.name);
        }
        else if (report.stateUnknown) {
            report.error = `Prisma reported success, but the final state could not be read: ${report.stateUnknown}`;
        }
        report.ok = !report.error;
    }
    catch (error) {
        report.error = redact(error instanceof Error ? error.message : String(error), secrets);
        report.ok = false;
    }
    finally {
        if (report.error)
            deps.logger.error(report.error);
        await closeAudit(record, report, deps.logger);
    }
    return report;
}

;// CONCATENATED MODULE: ./src/migrate/resolve.ts
// resolve: `prisma migrate resolve --rolled-back NAME | --applied NAME`, the two ways out of Prisma's
// failed-migration state. Refused (nothing changed) when the migration is not in a state the resolution
// applies to; confirmed by typing the migration's name (checked in settings.ts).






/** Where a migration stands, in words, for refusals. */
function whereIs(state, name, inRepo) {
    const applied = state.applied.find((a) => a.name === name);
    if (applied)
        return `it is applied (finished ${applied.finishedAt.toISOString()})`;
    if (state.failed.some((f) => f.name === name))
        return "it is in the failed state";
    if (state.rolledBack.includes(name))
        return "its failed attempt is already marked rolled back (it is pending again)";
    if (state.pending.includes(name))
        return "it is pending (never started on this database)";
    return inRepo ? "the database has no record of it" : "neither the repository nor the database has a migration of that name";
}
function refusal(scope) {
    const { settings, env, loaded } = scope;
    const { name, kind } = settings.resolve;
    const inRepo = loaded.dir.migrations.some((m) => m.name === name);
    const env_ = settings.environment.name;
    if (kind === "rolled-back") {
        if (env.state.failed.some((f) => f.name === name))
            return undefined;
        const failed = env.state.failed.map((f) => f.name);
        return `--rolled-back is only for a migration in the failed state, and "${name}" is not: ${whereIs(env.state, name, inRepo)} on "${env_}". ` +
            (failed.length ? `Failed migration(s) there: ${failed.join(", ")}.` : `"${env_}" has no failed migration; nothing needs resolving.`);
    }
    if (env.state.applied.some((a) => a.name === name))
        return `--applied: "${name}" is already applied on "${env_}" (${whereIs(env.state, name, inRepo)}); nothing to record.`;
    return undefined;
}
async function runResolve(scope, prisma) {
    const { settings, deps, loaded, db, env, report } = scope;
    const { name, kind } = settings.resolve;
    describeState(scope);
    const reason = refusal(scope);
    if (reason)
        return refuse(report, reason);
    const checksum = loaded.dir.migrations.find((m) => m.name === name)?.checksum ?? "";
    const record = await openAudit(deps, report, auditRequest(settings, deps, report, [{ name, checksum }], `mark ${name} ${kind}`));
    if (report.refused)
        return report;
    const secrets = urlSecrets(settings.databaseUrl);
    try {
        const holder = await waitForMigrationLock(db, settings.lockTimeoutSeconds, (m) => deps.logger.info(m));
        if (holder)
            throw new Error(lockTimeoutMessage(holder, settings.lockTimeoutSeconds));
        deps.logger.info(`Running prisma migrate resolve --${kind} ${name} (Prisma ${prisma.version})…`);
        const result = await prisma.resolve(settings.databaseUrl, kind, name, (line) => deps.logger.info(`prisma: ${redact(line, secrets)}`));
        let via = "prisma";
        const output = `${result.stderr}\n${result.stdout}`;
        if (result.code !== 0 && kind === "rolled-back" && /Could not find schema-engine binary/i.test(output) && loaded.project.configHints?.usesAdapter) {
            // Prisma 6.19 checks the connection of `resolve --rolled-back` with the native schema engine even
            // when the project migrates through a driver adapter, so without that binary it stops before doing
            // anything. The change itself is one guarded row update; it is made exactly as the engine makes it.
            deps.logger.warning(`Prisma ${prisma.version} could not run resolve --rolled-back through the project's driver adapter (it looks for the native schema engine, which is not installed). migrate-guard marks the failed attempt rolled back itself, as Prisma's engine does.`);
            const rows = await db.markRolledBack(name);
            if (rows === 0)
                throw new Error(`"${name}" was no longer in the failed state when it was to be marked rolled back; nothing was changed.`);
            via = "migrate-guard";
        }
        else if (result.code !== 0) {
            throw new Error(`prisma migrate resolve --${kind} ${name} failed (exit ${result.code}): ${prismaError(output)}`);
        }
        await readBack(settings, loaded, report);
        const after = report.state;
        const done = after && (kind === "rolled-back" ? !after.failed.some((f) => f.name === name) : after.applied.some((a) => a.name === name));
        if (!after)
            throw new Error(`The resolution ran, but its result could not be read back: ${report.stateUnknown ?? "unknown"}`);
        if (!done)
            throw new Error(`Prisma reported success, but "${name}" is not ${kind === "rolled-back" ? "out of the failed state" : "recorded as applied"} afterwards.`);
        report.resolved = { name, kind, via };
        report.recovery = [];
        report.ok = true;
        deps.logger.info(kind === "rolled-back" ? `"${name}" is marked rolled back on "${settings.environment.name}": fix it if needed, then deploy.` : `"${name}" is recorded as applied on "${settings.environment.name}".`);
    }
    catch (error) {
        report.error = redact(error instanceof Error ? error.message : String(error), secrets);
        report.ok = false;
        deps.logger.error(report.error);
    }
    finally {
        await closeAudit(record, report, deps.logger);
    }
    return report;
}

;// CONCATENATED MODULE: ./src/migrate/run.ts
// A status, deploy or resolve run against one environment's database. The order is what makes refusals
// safe: settings were validated before (settings.ts), then the repository and the database are only
// read; every refusal happens there and changes nothing (no database write, no deployment record). A
// deployment record is opened only right before the first change. No @actions imports.









async function runMigrate(settings, deps) {
    const startedAt = new Date();
    const context = deps.context ?? {};
    const report = {
        ok: false,
        command: settings.command,
        environment: settings.environment.name,
        production: settings.environment.production,
        database: describeUrl(settings.databaseUrl),
        refused: null,
        warnings: [],
        recovery: [],
        slowMigrationSeconds: settings.slowMigrationSeconds,
        startedAt,
        durationMs: 0,
        ...(context.actor ? { actor: context.actor } : {}),
        ...(context.runUrl ? { runUrl: context.runUrl } : {}),
    };
    const loaded = await loadProject(settings.workingDirectory, settings.schema);
    const prisma = settings.command === "status" ? undefined : projectPrisma(loaded, Boolean(settings.schema));
    if (prisma)
        report.prismaVersion = prisma.version;
    if (settings.resolve?.kind === "applied" && !loaded.dir.migrations.some((m) => m.name === settings.resolve.name)) {
        throw new ConfigurationError(`--applied ${settings.resolve.name}: there is no migration of that name in ${loaded.dir.dir} (with a migration.sql). Expected one of the folder names, e.g. ${loaded.dir.migrations.at(-1)?.name ?? "20240101120000_init"}.`);
    }
    deps.logger.info(`${settings.command} for environment "${settings.environment.name}" at ${report.database}: ${loaded.dir.migrations.length} migrations in ${loaded.dir.dir}.`);
    let db;
    try {
        db = await EnvironmentDatabase.connect(settings.databaseUrl);
    }
    catch (error) {
        if (!(error instanceof DatabaseConnectionError))
            throw error;
        return failWithRecord(settings, deps, report, error.message, "could not reach the database");
    }
    try {
        let env;
        try {
            env = await readEnvironmentState(db, loaded, settings.slowMigrationSeconds);
        }
        catch (error) {
            return failWithRecord(settings, deps, report, `Could not read the migration state of ${report.database}: ${redact(run_errorMessage(error), urlSecrets(settings.databaseUrl))}`, "could not read the database");
        }
        if (settings.command !== "status" && env.lockHolder) {
            // A deploy is running: its unfinished migration is not a failed one. Wait for it, then decide on
            // the state it leaves behind.
            const holder = await waitForMigrationLock(db, settings.lockTimeoutSeconds, (m) => deps.logger.info(m));
            if (holder) {
                report.lockHolder = holder;
                return failWithRecord(settings, deps, report, lockTimeoutMessage(holder, settings.lockTimeoutSeconds), "another deploy holds the migration lock");
            }
            env = await readEnvironmentState(db, loaded, settings.slowMigrationSeconds);
        }
        report.state = env.state;
        report.postgresVersion = env.postgresVersion;
        if (env.noHistory)
            report.noHistory = true;
        if (env.stamp)
            report.stamp = env.stamp;
        if (env.lockHolder)
            report.lockHolder = env.lockHolder;
        const decision = compareStamp(settings.environment, env.stamp);
        if (decision.kind === "mismatch") {
            // The state belongs to another environment's database: it is not this environment's to show.
            delete report.state;
            return finish(refuse(report, decision.reason));
        }
        report.production = isProductionRun(settings.environment, env.stamp);
        const scope = { settings, deps, loaded, db, env, report };
        if (settings.command === "status")
            return finish(statusOutcome(scope));
        if (settings.command === "deploy")
            return finish(await runDeploy(scope, prisma));
        return finish(await runResolve(scope, prisma));
    }
    finally {
        await db.close();
    }
}
function run_errorMessage(error) {
    return error instanceof Error ? error.message : String(error);
}
function finish(report) {
    report.durationMs = Date.now() - report.startedAt.getTime();
    return report;
}
/**
 * The database could not be reached or read, or a running deploy never let go of its lock. A change that
 * was asked for is recorded as a failed deployment (the environment's history shows the attempt); status
 * records nothing.
 */
async function failWithRecord(settings, deps, report, message, what) {
    report.error = message;
    deps.logger.error(message);
    if (settings.command !== "status") {
        const record = await openAudit(deps, report, auditRequest(settings, deps, report, [], what));
        if (record)
            await closeAudit(record, report, deps.logger);
        // A failure to create the record must not hide the real problem: the connection error stays the error.
        if (report.refused) {
            report.warnings.push(report.refused);
            report.refused = null;
        }
    }
    return finish(report);
}
function statusOutcome(scope) {
    const { report, env } = scope;
    describeState(scope);
    // While a deploy holds the lock, an unfinished migration is being applied, not failed.
    const failed = env.lockHolder ? 0 : env.state.failed.length;
    const problems = [...(failed ? [`${failed} failed migration(s)`] : []), ...(env.state.checksumMismatch.length ? [`${env.state.checksumMismatch.length} migration(s) edited after apply`] : [])];
    report.ok = problems.length === 0;
    if (!report.ok)
        report.error = `The environment needs attention: ${problems.join(", ")}.`;
    return report;
}

;// CONCATENATED MODULE: ./src/github/context.ts
// What verify needs from the Actions environment. Unlike @actions/github's `context` (read once at
// import time from process.env) this is a pure function of its inputs, so tests pass plain objects.

function readActionsContext(env = process.env, readFile = (path) => (0,external_node_fs_.readFileSync)(path, "utf8")) {
    const context = {};
    const repository = parseRepository(env.GITHUB_REPOSITORY);
    if (repository)
        context.repository = repository;
    context_assign(context, "eventName", nonEmpty(env.GITHUB_EVENT_NAME));
    context_assign(context, "sha", nonEmpty(env.GITHUB_SHA));
    const serverUrl = nonEmpty(env.GITHUB_SERVER_URL)?.replace(/\/+$/, "");
    context_assign(context, "serverUrl", serverUrl);
    context_assign(context, "apiUrl", nonEmpty(env.GITHUB_API_URL)?.replace(/\/+$/, ""));
    const runId = nonEmpty(env.GITHUB_RUN_ID);
    context_assign(context, "runId", runId);
    if (serverUrl && repository && runId) {
        const attempt = Number(env.GITHUB_RUN_ATTEMPT);
        // Link the attempt that produced this report, not whichever attempt is latest when clicked.
        const attemptPath = Number.isInteger(attempt) && attempt > 1 ? `/attempts/${attempt}` : "";
        context.runUrl = `${serverUrl}/${repository.fullName}/actions/runs/${runId}${attemptPath}`;
    }
    const eventPath = nonEmpty(env.GITHUB_EVENT_PATH);
    if (eventPath) {
        let payload;
        try {
            payload = JSON.parse(readFile(eventPath));
        }
        catch (error) {
            context.eventPayloadError = `cannot read the event payload at ${eventPath}: ${error instanceof Error ? error.message : String(error)}`;
        }
        const pullRequest = payload === undefined ? undefined : pullRequestOf(payload);
        if (pullRequest)
            context.pullRequest = pullRequest;
    }
    return context;
}
function pullRequestOf(payload) {
    if (!isObject(payload))
        return undefined;
    const pr = payload.pull_request;
    if (isObject(pr) && context_isPositiveInteger(pr.number)) {
        const base = isObject(pr.base) ? pr.base : {};
        const head = isObject(pr.head) ? pr.head : {};
        const result = { number: pr.number };
        context_assign(result, "baseSha", stringOrUndefined(base.sha));
        context_assign(result, "headSha", stringOrUndefined(head.sha));
        context_assign(result, "baseRef", stringOrUndefined(base.ref));
        context_assign(result, "headRef", stringOrUndefined(head.ref));
        const baseRepo = isObject(base.repo) ? stringOrUndefined(base.repo.full_name) : undefined;
        const headRepo = isObject(head.repo) ? stringOrUndefined(head.repo.full_name) : undefined;
        if (baseRepo && headRepo)
            result.fromFork = baseRepo.toLowerCase() !== headRepo.toLowerCase();
        return result;
    }
    // issue_comment on a pull request: only the number is in the payload.
    const issue = payload.issue;
    if (isObject(issue) && isObject(issue.pull_request) && context_isPositiveInteger(issue.number))
        return { number: issue.number };
    return undefined;
}
function parseRepository(value) {
    const match = /^([^/\s]+)\/([^/\s]+)$/.exec(value?.trim() ?? "");
    if (!match)
        return undefined;
    return { owner: match[1], repo: match[2], fullName: `${match[1]}/${match[2]}` };
}
// Leave the key out rather than set it to undefined, so the object serialises and compares cleanly.
function context_assign(target, key, value) {
    if (value !== undefined)
        target[key] = value;
}
function nonEmpty(value) {
    const trimmed = value?.trim();
    return trimmed ? trimmed : undefined;
}
function stringOrUndefined(value) {
    return typeof value === "string" && value.length > 0 ? value : undefined;
}
function isObject(value) {
    return typeof value === "object" && value !== null && !Array.isArray(value);
}
function context_isPositiveInteger(value) {
    return typeof value === "number" && Number.isInteger(value) && value > 0;
}

;// CONCATENATED MODULE: ./src/migrate/cli.ts
// What the status, deploy and resolve CLI commands share: their flags, reading them into a
// MigrateRequest, running, and printing text or --json. Each command file adds only its usage text.









const COMMON_OPTIONS = `  --environment NAME        the environment (one of --environments; default list: staging, production)
  --database-url URL        the environment's database (default: env DATABASE_URL)
  --working-directory DIR   the Prisma project (default: .)
  --schema PATH             schema.prisma (default: from prisma.config.ts / package.json / prisma/)
  --environments LIST       comma-separated environment names runs may use (default: staging,production)
  --production-environments LIST  which of them are production (default: production)
  --slow-migration-seconds N  flag migrations slower than this (default: 30)
  --json                    print one JSON document instead of text
  -h, --help                this help`;
const EXIT_CODES = "Exit codes: 0 success, 1 the operation was refused or failed, 2 usage or configuration error.";
const OPTIONS = {
    environment: { type: "string" },
    "database-url": { type: "string" },
    "working-directory": { type: "string" },
    schema: { type: "string" },
    confirm: { type: "string" },
    environments: { type: "string" },
    "production-environments": { type: "string" },
    "slow-migration-seconds": { type: "string" },
    "lock-timeout-seconds": { type: "string" },
    json: { type: "boolean" },
    help: { type: "boolean", short: "h" },
    backup: { type: "boolean" },
    "backup-file": { type: "string" },
    "rolled-back": { type: "string" },
    "staging-database-url": { type: "string" },
    "soak-hours": { type: "string" },
    "soak-gate": { type: "string" },
    "override-reason": { type: "string" },
    "override-actors": { type: "string" },
    applied: { type: "string" },
};
/** The flags each command accepts on top of the common ones. */
const COMMAND_FLAGS = {
    status: [],
    deploy: ["confirm", "backup", "backup-file", "lock-timeout-seconds", "staging-database-url", "soak-hours", "soak-gate", "override-reason", "override-actors"],
    resolve: ["confirm", "rolled-back", "applied", "lock-timeout-seconds"],
};
const COMMON_FLAGS = ["environment", "database-url", "working-directory", "schema", "environments", "production-environments", "slow-migration-seconds", "json", "help"];
async function runMigrateCommand(command, argv, usage, io) {
    const allowed = new Set([...COMMON_FLAGS, ...COMMAND_FLAGS[command]]);
    const options = Object.fromEntries(Object.entries(OPTIONS).filter(([name]) => allowed.has(name)));
    const values = parseCommandArgs(argv, options, usage).values;
    if (values.help) {
        io.stdout.write(usage);
        return 0;
    }
    const str = (name) => (typeof values[name] === "string" ? values[name] : undefined);
    const settings = validateRequest({
        command,
        environment: str("environment"),
        databaseUrl: str("database-url") ?? process.env.DATABASE_URL,
        workingDirectory: str("working-directory"),
        schema: str("schema"),
        confirm: str("confirm"),
        rolledBack: str("rolled-back"),
        applied: str("applied"),
        environments: str("environments"),
        productionEnvironments: str("production-environments"),
        slowMigrationSeconds: str("slow-migration-seconds"),
        lockTimeoutSeconds: str("lock-timeout-seconds"),
        backup: values.backup === true,
        backupFile: str("backup-file"),
        gate: {
            stagingDatabaseUrl: str("staging-database-url") ?? process.env.STAGING_DATABASE_URL,
            soakHours: str("soak-hours"),
            soakGate: str("soak-gate"),
            overrideReason: str("override-reason"),
            overrideActors: str("override-actors"),
        },
    });
    const report = await runMigrate(settings, { logger: io.logger, lint: lintPending, ...(settings.gate ? { soakGate: await cliSoakGate(io.logger) } : {}) });
    io.stdout.write(values.json ? JSON.stringify(toMigrateJson(report), null, 2) + "\n" : renderMigrateText(report));
    return exitCode(report);
}
/** The soak gate's GitHub part for a CLI deploy: with GITHUB_TOKEN and GITHUB_REPOSITORY set (as in a workflow). */
async function cliSoakGate(logger) {
    const env = process.env;
    const context = readActionsContext(env);
    const token = env.GITHUB_TOKEN?.trim();
    const actor = env.GITHUB_TRIGGERING_ACTOR || env.GITHUB_ACTOR || undefined;
    const github = token && context.repository
        ? new GateGitHub(await gateOctokit(token, context.apiUrl, { onRetry: (m) => logger.warning(m) }), { owner: context.repository.owner, repo: context.repository.repo })
        : undefined;
    return { ...(github ? { github } : {}), ...(actor ? { actor } : {}), ...(context.sha ? { sha: context.sha } : {}) };
}

;// CONCATENATED MODULE: ./src/cli/status-command.ts

const STATUS_USAGE = `Usage: migrate-guard status --environment NAME [options]

Shows the environment's applied, pending, failed and rolled-back migrations, migrations edited after
they were applied (an error) and migrations the database has but the repository does not. Changes nothing.

Options:
${COMMON_OPTIONS}

${EXIT_CODES}
`;
function statusCommand(argv, io) {
    return runMigrateCommand("status", argv, STATUS_USAGE, io);
}

;// CONCATENATED MODULE: ./src/cli/deploy-command.ts

const DEPLOY_USAGE = `Usage: migrate-guard deploy --environment NAME [--confirm NAME] [options]

Applies the pending migrations with the project's own \`prisma migrate deploy\` — nothing else. Refuses
(changing nothing) when a migration is in the failed state, an applied migration was edited, or the
database belongs to another environment. The first deploy stamps the database with its environment.

Options:
${COMMON_OPTIONS}
  --confirm NAME            required for production: the environment's name
  --backup                  pg_dump (custom format) the database first; a failed backup stops the deploy
  --backup-file PATH        where the backup goes (default: ./migrate-guard-ENV-TIME.dump)
  --lock-timeout-seconds N  how long to wait for another deploy's migration lock (default: 60)
  --staging-database-url URL  production: the soak gate reads staging first (default: env STAGING_DATABASE_URL)
  --soak-hours N            production: hours each migration must have run on staging (default: 24)
  --soak-gate on|off        off: deploy production without the soak gate (recorded; default: on)
  --override-reason TEXT    production: deploy before the soak completes, with this reason
  --override-actors LIST    GitHub logins allowed to override (GITHUB_TRIGGERING_ACTOR / GITHUB_ACTOR)

${EXIT_CODES}
`;
function deployCommand(argv, io) {
    return runMigrateCommand("deploy", argv, DEPLOY_USAGE, io);
}

;// CONCATENATED MODULE: ./src/cli/resolve-command.ts

const RESOLVE_USAGE = `Usage: migrate-guard resolve --environment NAME (--rolled-back NAME | --applied NAME) --confirm NAME [options]

--rolled-back NAME  marks the failed attempt of migration NAME rolled back (only for a migration in the
                    failed state); fix it, then deploy again.
--applied NAME      records migration NAME as applied without running it (you made its changes by hand,
                    or you are baselining an existing database).
--confirm NAME      must be the migration's name.

Options:
${COMMON_OPTIONS}
  --lock-timeout-seconds N  how long to wait for a running deploy's migration lock (default: 60)

${EXIT_CODES}
`;
function resolveCommand(argv, io) {
    return runMigrateCommand("resolve", argv, RESOLVE_USAGE, io);
}

;// CONCATENATED MODULE: external "node:readline/promises"
const external_node_readline_promises_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:readline/promises");
;// CONCATENATED MODULE: ./src/rollback/render.ts
function toRevertJson(report) {
    return {
        ok: report.ok,
        kind: report.kind,
        environment: report.environment,
        migration: report.migration,
        refused: report.refused,
        error: report.error ?? null,
        database: report.database,
        revert: report.revert ? { name: report.revert.name, file: report.revert.file } : null,
        dataLoss: report.dataLoss,
        recreatedEmpty: report.recreatedEmpty,
        mayFail: report.mayFail,
        notReverted: report.notReverted,
        warnings: report.warnings,
        schema: report.schema ?? null,
        postgresVersion: report.postgresVersion ?? null,
        durationMs: report.durationMs,
    };
}
function list(title, items) {
    return items.length ? [title, ...items.map((i) => `  - ${i}`)] : [];
}
function schemaLines(report) {
    const s = report.schema;
    if (!s)
        return [];
    if (s.status === "reverted")
        return [`schema: reverted ${s.files.join(", ")} (${s.reason}; checked against the migrations)`];
    return [`schema: unchanged — ${s.reason}.`, ...list("Still in the schema after the reversal:", s.findings ?? []), ...(s.fix ? [`  To fix: ${s.fix}`] : [])];
}
function renderRevertText(report) {
    const head = report.refused
        ? `✘ revert of ${report.migration} refused: nothing was written.\n  ${report.refused}`
        : report.error
            ? `✘ revert of ${report.migration} failed: ${report.error}`
            : `✔ wrote ${report.revert.file}: it reverts ${report.migration} (computed for "${report.environment}" at ${report.database})`;
    const lines = [
        head,
        ...list("Destroys:", report.dataLoss.map((d) => `${d.description}${d.measured ? ` (${d.measured})` : ""}`)),
        ...list("Cannot restore:", report.recreatedEmpty),
        ...list("May fail when applied:", report.mayFail),
        ...list("Not reverted:", report.notReverted),
        ...report.warnings.map((w) => `warning: ${w}`),
        ...schemaLines(report),
    ];
    if (report.ok)
        lines.push(report.schema?.status === "reverted" ? "Next: commit both on a branch and open a pull request; it goes through verify, staging and production like any migration." : "Next: commit it on a branch and open a pull request; it goes through verify, staging and production like any migration.");
    return lines.join("\n") + "\n";
}
function renderRevertMarkdown(report) {
    const title = report.refused ? `⛔ Revert of \`${report.migration}\` refused` : report.error ? `❌ Revert of \`${report.migration}\` failed` : `↩️ Revert of \`${report.migration}\``;
    const bullets = (items) => items.map((i) => `- ${i}`).join("\n");
    const parts = [`## ${title}`, ""];
    if (report.refused ?? report.error)
        parts.push(report.refused ?? report.error ?? "", "");
    if (report.revert)
        parts.push(`New migration \`${report.revert.file}\`:`, "", "```sql", report.revert.sql.trimEnd(), "```", "");
    if (report.dataLoss.length)
        parts.push("**Destroys**", "", bullets(report.dataLoss.map((d) => `${d.description}${d.measured ? ` (${d.measured})` : ""}`)), "");
    if (report.notReverted.length)
        parts.push("**Not reverted**", "", bullets(report.notReverted), "");
    const s = report.schema;
    if (s?.status === "reverted")
        parts.push(`**Schema:** reverted ${s.files.map((f) => `\`${f}\``).join(", ")} — ${s.reason}; checked against the migrations.`, "");
    if (s?.status === "unchanged") {
        parts.push(`**Schema:** unchanged — ${s.reason}. Verify's drift check fails until the schema no longer describes what \`${report.migration}\` added.`, "");
        if (s.findings?.length)
            parts.push(bullets(s.findings), "");
        if (s.fix)
            parts.push(`To fix: ${s.fix}`, "");
    }
    return parts.join("\n") + "\n";
}

;// CONCATENATED MODULE: ./src/core/revert.ts

const revert_label = (schema, name) => (schema === "public" ? `"${name}"` : `"${schema}"."${name}"`);
const revert_q = (name) => `"${name.replace(/"/g, '""')}"`;
const key = (schema, name) => `${schema}.${name}`;
/** Partial/expression indexes are compared like any other: a reversal drops or re-creates them. */
function comparable(catalog) {
    return { ...catalog, indexes: catalog.indexes.map((i) => ({ ...i, notRepresentable: false })) };
}
function sequenceOf(column) {
    return /^nextval\('((?:[^']|'')+)'::regclass\)$/.exec(column.default ?? "")?.[1]?.replace(/''/g, "'");
}
function tableMap(catalog) {
    return new Map(catalog.tables.map((t) => [key(t.schema, t.name), t]));
}
function describeTables(current, target, plan, sequences) {
    const have = tableMap(current);
    const want = tableMap(target);
    for (const [k, t] of have) {
        if (!want.has(k))
            plan.dataLoss.push({ kind: "table", schema: t.schema, table: t.name, description: `table ${revert_label(t.schema, t.name)} is dropped` });
    }
    for (const [k, t] of want) {
        const got = have.get(k);
        const added = got ? t.columns.filter((c) => !got.columns.some((g) => g.name === c.name)) : t.columns;
        if (!got)
            plan.recreatedEmpty.push(`table ${revert_label(t.schema, t.name)} is re-created empty: its rows from before the reverted migration are gone`);
        for (const c of added) {
            const where = `${revert_label(t.schema, t.name)}.${revert_q(c.name)}`;
            if (got)
                plan.recreatedEmpty.push(`column ${where} is re-added${c.default !== undefined ? ` with its default (${c.default}) in every row` : " as NULL in every row"}: its former values are gone`);
            if (got && c.notNull && c.default === undefined)
                plan.mayFail.push(`re-adding NOT NULL column ${where} without a default fails while ${revert_label(t.schema, t.name)} has rows`);
            if (c.identity)
                plan.notReverted.push(`column ${where} was an identity column (GENERATED ${c.identity === "a" ? "ALWAYS" : "BY DEFAULT"} AS IDENTITY); it is re-added without identity`);
            const seq = sequenceOf(c);
            if (seq) {
                sequences.before.push(`CREATE SEQUENCE IF NOT EXISTS ${seq};`);
                sequences.after.push(`ALTER SEQUENCE ${seq} OWNED BY ${t.schema === "public" ? revert_q(t.name) : `${revert_q(t.schema)}.${revert_q(t.name)}`}.${revert_q(c.name)};`);
            }
        }
        if (!got)
            continue;
        for (const g of got.columns) {
            const w = t.columns.find((c) => c.name === g.name);
            const where = `${revert_label(t.schema, t.name)}.${revert_q(g.name)}`;
            if (!w) {
                plan.dataLoss.push({ kind: "column", schema: t.schema, table: t.name, column: g.name, description: `column ${where} is dropped` });
            }
            else if (w.type !== g.type) {
                plan.dataLoss.push({ kind: "column-type", schema: t.schema, table: t.name, column: g.name, description: `column ${where} changes type back from ${g.type} to ${w.type} (values that do not fit make the migration fail or are converted)` });
            }
            else if (w.notNull && !g.notNull && !w.type.endsWith("[]")) {
                plan.mayFail.push(`setting ${where} NOT NULL again fails while it holds NULLs`);
            }
        }
    }
}
function describeEnums(current, target, plan) {
    const want = new Map(target.enums.map((e) => [key(e.schema, e.name), e]));
    for (const e of current.enums) {
        const w = want.get(key(e.schema, e.name));
        if (!w) {
            plan.dataLoss.push({ kind: "enum-type", schema: e.schema, table: e.name, description: `enum ${revert_label(e.schema, e.name)} is dropped` });
            continue;
        }
        const extra = e.values.filter((v) => !w.values.includes(v));
        if (extra.length > 0) {
            plan.notReverted.push(`enum ${revert_label(e.schema, e.name)} keeps value(s) ${extra.map((v) => `'${v}'`).join(", ")}: PostgreSQL cannot remove a value from an enum; it needs the type rebuilt ` +
                "(create a new type, ALTER COLUMN … TYPE new USING col::text::new for every column using it, drop the old one), which fails while rows hold those values");
        }
    }
}
/** The reversal from `current` back to `target`. */
function planRevert(current, target) {
    const plan = { statements: [], dataLoss: [], recreatedEmpty: [], notReverted: [], mayFail: [] };
    const sequences = { before: [], after: [] };
    describeTables(current, target, plan, sequences);
    describeEnums(current, target, plan);
    const items = compareCatalogs(comparable(current), comparable(target));
    const statements = [];
    for (const item of items) {
        if (item.informational) {
            plan.notReverted.push(item.message.replace(/schema\.prisma/g, "the state before"));
            continue;
        }
        if (item.sql.startsWith("-- Removing enum values"))
            continue; // said in describeEnums
        statements.push(item.sql);
    }
    plan.statements = statements.length ? [...new Set(sequences.before), ...statements, ...new Set(sequences.after)] : [];
    return plan;
}
/** Prisma's folder timestamp: YYYYMMDDHHMMSS in UTC. */
function migrationTimestamp(date) {
    return date.toISOString().replace(/[-:T]/g, "").slice(0, 14);
}
/**
 * `<timestamp>_revert_<name>`: now, or one second after the newest existing migration when that sorts
 * later (a clock behind the repository, or migrations named in the future), so that it applies last.
 */
function revertMigrationName(reverted, existing, now) {
    let stamp = migrationTimestamp(now);
    const newest = existing.map((n) => /^(\d{14})/.exec(n)?.[1]).filter((s) => Boolean(s)).sort().at(-1);
    if (newest && newest >= stamp)
        stamp = nextSecond(newest);
    return `${stamp}_revert_${reverted}`;
}
function nextSecond(stamp) {
    const d = new Date(Date.UTC(+stamp.slice(0, 4), +stamp.slice(4, 6) - 1, +stamp.slice(6, 8), +stamp.slice(8, 10), +stamp.slice(10, 12), +stamp.slice(12, 14)));
    return migrationTimestamp(new Date(d.getTime() + 1000));
}
const lintRule = { "DROP TABLE": "drop-table", "DROP COLUMN": "drop-column" };
/** The new migration.sql: a header that says what it undoes and what it cannot restore, then the SQL. */
function renderRevertMigration(input) {
    const { plan } = input;
    const lines = [
        `-- Reverts migration ${input.reverted}.`,
        `-- Generated by ${input.tool} on ${input.generatedAt.toISOString()} for environment "${input.environment}":`,
        `-- \`migrate-guard rollback --revert ${input.reverted}\`. The SQL takes the schema from "every migration"`,
        `-- back to "every migration except ${input.reverted}", computed on throwaway databases (PostgreSQL`,
        `-- ${input.postgresVersion}) and checked there. The reverted migration's own file is left as it is.`,
        "--",
    ];
    const section = (title, items) => {
        if (items.length === 0)
            return;
        lines.push(`-- ${title}`);
        for (const item of items)
            lines.push(`--   - ${item}`);
        lines.push("--");
    };
    section("Data this migration destroys (accepted with --allow-data-loss):", plan.dataLoss.map((d) => `${d.description}${input.measured?.get(d) ? ` — ${input.measured.get(d)}` : ""}`));
    section("Data it cannot restore:", plan.recreatedEmpty);
    section("May fail when applied:", plan.mayFail);
    section("Not reverted (do it by hand if it matters):", [...plan.notReverted, ...input.unseen]);
    lines.push("-- Rows the reverted migration inserted, updated or deleted are not restored either.", "");
    for (const statement of plan.statements) {
        const kind = /^(DROP TABLE)|^ALTER TABLE \S+ (DROP COLUMN)/.exec(statement);
        const rule = kind ? lintRule[kind[1] ?? kind[2] ?? ""] : undefined;
        if (rule)
            lines.push(`-- migrate-guard-ignore ${rule}: reverting ${input.reverted}; the data loss was accepted with --allow-data-loss`);
        lines.push(statement, "");
    }
    return lines.join("\n");
}
/** Statements of a migration that a catalog comparison cannot see, named for the header. */
function unseenStatements(sql) {
    const kinds = [
        [/\bCREATE\s+(OR\s+REPLACE\s+)?(MATERIALIZED\s+)?VIEW\b/i, "views"],
        [/\bCREATE\s+(OR\s+REPLACE\s+)?(FUNCTION|PROCEDURE)\b/i, "functions or procedures"],
        [/\bCREATE\s+(CONSTRAINT\s+)?TRIGGER\b/i, "triggers"],
        [/\bCREATE\s+EXTENSION\b/i, "extensions"],
        [/\bCHECK\s*\(/i, "check constraints"],
        [/\bCREATE\s+POLICY\b|\bROW\s+LEVEL\s+SECURITY\b/i, "row-level security"],
        [/\bGRANT\b|\bREVOKE\b/i, "privileges"],
        [/\bCREATE\s+SCHEMA\b/i, "schemas"],
    ];
    const found = kinds.filter(([re]) => re.test(sql.replace(/--.*$/gm, ""))).map(([, what]) => what);
    return found.length ? [`the reverted migration also touches ${found.join(", ")}: migrate-guard compares tables, columns, keys, indexes and enums only`] : [];
}

;// CONCATENATED MODULE: ./src/rollback/measure.ts


const CAP = 10_000;
function measure_qualified(schema, name) {
    return `${quoteIdentifier(schema)}.${quoteIdentifier(name)}`;
}
function amount(n, what) {
    return n >= CAP ? `at least ${CAP} ${what}` : `${n} ${what}`;
}
/** Per item, e.g. `12 rows in "staging" now`; items that cannot be measured say why. */
async function measureDataLoss(url, environment, items) {
    const out = new Map();
    if (items.length === 0)
        return out;
    const client = await connectClient(url);
    try {
        await client.query("BEGIN READ ONLY");
        await client.query("SET LOCAL statement_timeout = '15s'");
        for (const item of items) {
            if (item.kind === "enum-type")
                continue;
            await client.query("SAVEPOINT measure");
            try {
                const table = measure_qualified(item.schema, item.table);
                const where = item.kind === "table" ? "" : ` WHERE ${quoteIdentifier(item.column)} IS NOT NULL`;
                const { rows } = await client.query(`SELECT count(*) AS n FROM (SELECT 1 FROM ${table}${where} LIMIT ${CAP}) s`);
                const n = Number(rows[0].n);
                out.set(item, `${item.kind === "table" ? amount(n, n === 1 ? "row" : "rows") : amount(n, n === 1 ? "non-null value" : "non-null values")} in "${environment}" now`);
                await client.query("RELEASE SAVEPOINT measure");
            }
            catch (error) {
                await client.query("ROLLBACK TO SAVEPOINT measure");
                out.set(item, `not measured in "${environment}": ${redact(error instanceof Error ? error.message : String(error), urlSecrets(url))}`);
            }
        }
        await client.query("ROLLBACK");
    }
    finally {
        await client.end().catch(() => { });
    }
    return out;
}

;// CONCATENATED MODULE: ./src/rollback/schema-revert.ts
// `rollback --revert X` also takes X's change out of schema.prisma, so that the revert's pull request
// passes verify's drift check. The change is found in git: the commit that added X's migration.sql (on
// the first-parent line, so a merged pull request counts as one commit), whose diff of the schema
// file(s) is applied in reverse to the working tree. Refused — the schema left as it is, with the reason
// — when there is no history, when that commit added other migrations too (its schema diff mixes their
// changes), when it did not touch the schema, or when later edits make the reverse patch not apply.
// Nothing is ever half-applied: `git apply --check` first, and the caller restores the saved files when
// the result fails its drift check.





function schema_revert_git(cwd, args, input) {
    return new Promise((resolve, reject) => {
        const child = (0,external_node_child_process_namespaceObject.spawn)("git", args, { cwd, stdio: [input === undefined ? "ignore" : "pipe", "pipe", "pipe"] });
        let stdout = "";
        let stderr = "";
        child.stdout.on("data", (d) => { stdout += d.toString(); });
        child.stderr.on("data", (d) => { stderr += d.toString(); });
        child.on("error", reject);
        child.on("close", (code) => resolve({ code: code ?? 1, stdout, stderr }));
        if (input !== undefined) {
            child.stdin.on("error", () => { });
            child.stdin.end(input);
        }
    });
}
const handEdit = (schema, migration) => `edit ${schema} by hand so that it no longer describes what ${migration} added, then check it with \`npx migrate-guard verify\``;
function unchanged(reason, fix, commit) {
    return { change: { status: "unchanged", reason, files: [], fix, ...(commit ? { commit } : {}) }, restore: async () => { } };
}
/**
 * Applies the reverse of the schema change made by the commit that added `migration` to the working
 * tree. `schemaPath` is the project's schema file or folder, `migrationsDir` its migrations folder
 * (both absolute).
 */
async function revertSchemaChange(params) {
    const { migration } = params;
    const top = await schema_revert_git(params.workingDirectory, ["rev-parse", "--show-toplevel"]).catch(() => undefined);
    const schemaName = external_node_path_default().basename(params.schemaPath);
    if (!top || top.code !== 0)
        return unchanged("the project is not in a git repository, so the schema change that came with the migration cannot be found", handEdit(schemaName, migration));
    const root = top.stdout.trim();
    const schemaRel = toPosix(external_node_path_default().relative(root, params.schemaPath));
    const migrationsRel = toPosix(external_node_path_default().relative(root, params.migrationsDir));
    const fileRel = `${migrationsRel}/${migration}/migration.sql`;
    const handFix = handEdit(schemaRel, migration);
    const log = await schema_revert_git(root, ["log", "--first-parent", "--diff-filter=A", "--format=%H", "HEAD", "--", fileRel]);
    const commit = log.code === 0 ? log.stdout.trim().split("\n").filter(Boolean).at(-1) : undefined;
    if (!commit)
        return unchanged(`${fileRel} is not in the git history of HEAD (not committed yet?), so the schema change that came with it cannot be found`, handFix);
    const short = commit.slice(0, 12);
    const parents = (await schema_revert_git(root, ["rev-list", "--parents", "-n", "1", commit])).stdout.trim().split(" ").slice(1);
    if (parents.length === 0) {
        const shallow = (await schema_revert_git(root, ["rev-parse", "--is-shallow-repository"])).stdout.trim() === "true";
        return unchanged(shallow
            ? `the checkout is shallow: commit ${short} stands for all earlier history (in GitHub Actions check out with \`fetch-depth: 0\`)`
            : `${migration} came with the repository's first commit ${short}, whose schema is not a change to revert`, handFix, commit);
    }
    const parent = parents[0];
    const added = await schema_revert_git(root, ["diff", "--name-only", "--diff-filter=A", parent, commit, "--", `${migrationsRel}/`]);
    const others = added.stdout.split("\n").filter((f) => f.endsWith("/migration.sql") && f !== fileRel).map((f) => f.split("/").at(-2));
    if (others.length > 0) {
        return unchanged(`commit ${short} added ${migration} together with ${others.join(", ")}: its schema change mixes theirs, so it is not reverted automatically`, handFix, commit);
    }
    // A schema folder (prismaSchemaFolder) may hold the migrations folder too: only its .prisma files.
    const isFolder = (0,external_node_fs_.statSync)(params.schemaPath, { throwIfNoEntry: false })?.isDirectory() ?? false;
    const pathspec = isFolder ? `:(glob)${schemaRel}/**/*.prisma` : schemaRel;
    const patch = await schema_revert_git(root, ["diff", "--binary", "--no-color", "--no-ext-diff", "--no-renames", parent, commit, "--", pathspec]);
    if (patch.code !== 0)
        throw new Error(`git diff ${short} failed: ${patch.stderr.trim()}`);
    if (patch.stdout.trim() === "")
        return unchanged(`commit ${short}, which added ${migration}, did not change ${schemaRel}`, handFix, commit);
    const check = await schema_revert_git(root, ["apply", "-R", "--check", "-"], patch.stdout);
    if (check.code !== 0) {
        const firstError = check.stderr.trim().split("\n")[0] ?? "";
        return unchanged(`the schema change of commit ${short} no longer reverses cleanly: later changes touch the same lines (${firstError.replace(/^error: /, "")})`, `git diff ${parent.slice(0, 12)} ${short} -- ${isFolder ? `'${pathspec}'` : schemaRel} | git apply -R --3way  (then resolve the conflicts and check with \`npx migrate-guard verify\`)`, commit);
    }
    const files = (await schema_revert_git(root, ["diff", "--name-only", "--no-renames", parent, commit, "--", pathspec])).stdout.split("\n").filter(Boolean);
    const saved = new Map();
    for (const f of files)
        saved.set(f, await (0,promises_namespaceObject.readFile)(external_node_path_default().join(root, f), "utf8").catch(() => undefined));
    const restore = async () => {
        for (const [f, text] of saved) {
            if (text === undefined)
                await (0,promises_namespaceObject.rm)(external_node_path_default().join(root, f), { force: true });
            else
                await (0,promises_namespaceObject.writeFile)(external_node_path_default().join(root, f), text);
        }
    };
    const applied = await schema_revert_git(root, ["apply", "-R", "-"], patch.stdout);
    if (applied.code !== 0) {
        await restore();
        return unchanged(`git apply failed after its check passed: ${applied.stderr.trim().split("\n")[0]}`, handFix, commit);
    }
    const kind = isFolder ? "schema folder" : "schema";
    return { change: { status: "reverted", reason: `the ${kind} change of commit ${short}, which added ${migration}, is reversed`, files, commit }, restore };
}

;// CONCATENATED MODULE: ./src/rollback/scratch.ts



/** A later migration that does not apply once X is left out: it depends on X. */
class DependentMigrationError extends Error {
    migration;
    reason;
    constructor(migration, reason) {
        super(`${migration} fails without it: ${reason}`);
        this.migration = migration;
        this.reason = reason;
    }
}
async function applyAll(url, migrations, onError) {
    const client = await connectClient(url);
    try {
        for (const m of migrations) {
            try {
                await client.query(m.sql);
            }
            catch (error) {
                throw onError(m, error);
            }
        }
    }
    finally {
        await client.end().catch(() => { });
    }
}
async function startPreferring(major, logger) {
    if (major) {
        try {
            return await startCluster({ version: String(major), logger });
        }
        catch (error) {
            logger.info(`PostgreSQL ${major} (the environment's version) is not installed here; computing with the newest installed version instead.`);
            logger.debug(error instanceof Error ? error.message : String(error));
        }
    }
    return startCluster({ logger });
}
async function buildScratchStates(params) {
    const { migrations, reverted, schemas, logger } = params;
    const cluster = await startPreferring(params.postgresMajor, logger);
    try {
        await Promise.all([createDatabase(cluster.url, "every_migration"), createDatabase(cluster.url, "without_reverted")]);
        const currentUrl = withDatabase(cluster.url, "every_migration");
        const withoutUrl = withDatabase(cluster.url, "without_reverted");
        const started = Date.now();
        await Promise.all([
            applyAll(currentUrl, migrations, (m, e) => new Error(`Migration ${m.name} does not apply to an empty database (with every migration before it): ${e.message}`)),
            applyAll(withoutUrl, migrations.filter((m) => m.name !== reverted), (m, e) => new DependentMigrationError(m.name, e.message)),
        ]);
        logger.info(`Built both states on a throwaway PostgreSQL ${cluster.version} in ${Date.now() - started} ms (${migrations.length} and ${migrations.length - 1} migrations).`);
        const [current, without] = await Promise.all([readCatalog(currentUrl, schemas), readCatalog(withoutUrl, schemas)]);
        return {
            current,
            without,
            postgresVersion: cluster.version,
            adminUrl: cluster.url,
            async applyToCurrent(sql) {
                const client = await connectClient(currentUrl);
                try {
                    await client.query(sql);
                }
                finally {
                    await client.end().catch(() => { });
                }
                return readCatalog(currentUrl, schemas);
            },
            stop: () => cluster.stop(),
        };
    }
    catch (error) {
        await cluster.stop();
        throw error;
    }
}

;// CONCATENATED MODULE: ./src/rollback/revert.ts
// `rollback --revert X`: writes a NEW migration that undoes X. The environment's database is only read
// (its stamp, its history, and — when the reversal drops something — how much data that would destroy);
// the reversal is computed and checked on a throwaway PostgreSQL (scratch.ts). Refusals write nothing.
// Why a catalog comparison and not `prisma migrate diff --from-url A --to-url B`: Prisma refuses
// --from-url/--to-url/--shadow-database-url when the project migrates through a driver adapter
// (prisma.config.ts `adapter`), and without one it needs the native schema engine binary; the catalog
// comparison (the one drift uses) works on every set-up and its result is verified before it is written.
















function revert_refuse(report, reason) {
    report.ok = false;
    report.refused = reason;
    return report;
}
/** Column order is not part of what a reversal can restore (a re-added column goes last). */
function unordered(catalog) {
    return { ...catalog, tables: catalog.tables.map((t) => ({ ...t, columns: [...t.columns].sort((a, b) => a.name.localeCompare(b.name)) })) };
}
function findMigration(loaded, name) {
    const found = loaded.dir.migrations.find((m) => m.name === name);
    if (found)
        return found;
    const recent = loaded.dir.migrations.slice(-3).map((m) => m.name);
    throw new ConfigurationError(`--revert ${name}: there is no migration of that name in ${loaded.dir.dir}. Expected a folder name, e.g. ${recent.join(", ") || "20240101120000_add_users"}.`);
}
/**
 * Reads the environment (never writes): refuses a database stamped for another environment or one where
 * the migration is not applied. Returns the server's major version, or undefined after a refusal/error.
 */
async function readEnvironment(settings, loaded, report) {
    let db;
    try {
        db = await EnvironmentDatabase.connect(settings.databaseUrl);
    }
    catch (error) {
        if (!(error instanceof DatabaseConnectionError))
            throw error;
        report.error = error.message;
        return undefined;
    }
    try {
        const env = await readEnvironmentState(db, loaded, 30);
        const decision = compareStamp(settings.environment, env.stamp);
        if (decision.kind === "mismatch")
            return void revert_refuse(report, decision.reason);
        const { migration } = settings;
        if (!env.state.applied.some((a) => a.name === migration)) {
            const failed = env.state.failed.some((f) => f.name === migration) ? ` Use --rolled-back ${migration} for a failed migration.` : "";
            return void revert_refuse(report, `--revert is for a migration applied to "${settings.environment.name}", and ${migration} is not: ${whereIs(env.state, migration, true)}.${failed}`);
        }
        if (env.state.checksumMismatch.includes(migration)) {
            report.warnings.push(`${migration} was edited after it was applied to "${settings.environment.name}": the reversal undoes the file as it is now, not as it was applied.`);
        }
        return await db.serverMajor();
    }
    finally {
        await db.close();
    }
}
async function runRevert(settings, deps) {
    const started = Date.now();
    const report = {
        ok: false, kind: "revert", environment: settings.environment.name, migration: settings.migration, database: describeUrl(settings.databaseUrl),
        refused: null, dataLoss: [], recreatedEmpty: [], notReverted: [], mayFail: [], warnings: [], durationMs: 0,
    };
    const finish = () => ((report.durationMs = Date.now() - started), report);
    const loaded = await loadProject(settings.workingDirectory, settings.schema);
    const target = findMigration(loaded, settings.migration);
    const major = await readEnvironment(settings, loaded, report);
    if (major === undefined)
        return finish();
    let states;
    try {
        states = await buildScratchStates({ migrations: loaded.dir.migrations, reverted: settings.migration, schemas: loaded.project.schemas, postgresMajor: major, logger: deps.logger });
    }
    catch (error) {
        if (!(error instanceof DependentMigrationError))
            throw error;
        revert_refuse(report, `${settings.migration} cannot be reverted on its own: the later migration ${error.migration} depends on it (${error.reason}). ` +
            "Revert the later migrations first, newest first, or write the reversal by hand.");
        return finish();
    }
    try {
        await planAndWrite(settings, { loaded, targetSql: target.sql, states, report, logger: deps.logger, now: deps.now ?? (() => new Date()) });
    }
    finally {
        await states.stop();
    }
    return finish();
}
async function planAndWrite(settings, ctx) {
    const { loaded, states, report } = ctx;
    report.postgresVersion = states.postgresVersion;
    const plan = planRevert(states.current, states.without);
    if (plan.statements.length === 0) {
        revert_refuse(report, `${settings.migration} changes nothing migrate-guard compares (tables, columns, keys, indexes, enums): there is no schema change to revert. ` +
            "If it changed data, views, functions or triggers, write the reversal by hand (`prisma migrate dev --create-only`).");
        return;
    }
    const after = await selfCheck(plan, states, report);
    const unseen = unseenStatements(ctx.targetSql);
    report.recreatedEmpty = plan.recreatedEmpty;
    report.notReverted = [...plan.notReverted, ...unseen];
    report.mayFail = plan.mayFail;
    const measured = await measureDataLoss(settings.databaseUrl, settings.environment.name, plan.dataLoss).catch((error) => {
        report.warnings.push(`Could not measure the data the reversal drops: ${redact(error instanceof Error ? error.message : String(error), urlSecrets(settings.databaseUrl))}`);
        return new Map();
    });
    report.dataLoss = plan.dataLoss.map((d) => ({ description: d.description, ...(measured.get(d) ? { measured: measured.get(d) } : {}) }));
    if (plan.dataLoss.length > 0 && !settings.allowDataLoss) {
        revert_refuse(report, `Reverting ${settings.migration} destroys data: ${report.dataLoss.map((d) => `${d.description}${d.measured ? ` (${d.measured})` : ""}`).join("; ")}. ` +
            "Nothing was written. Back the data up if it matters, then pass --allow-data-loss (the action: allow-data-loss: true).");
        return;
    }
    const generatedAt = ctx.now();
    const name = revertMigrationName(settings.migration, loaded.dir.migrations.map((m) => m.name), generatedAt);
    const sql = renderRevertMigration({
        reverted: settings.migration, plan, environment: settings.environment.name, generatedAt, tool: `migrate-guard ${VERSION}`,
        postgresVersion: states.postgresVersion, measured, unseen,
    });
    const dir = external_node_path_default().join(settings.outputDir ?? loaded.dir.dir, name);
    await (0,promises_namespaceObject.mkdir)(external_node_path_default().dirname(dir), { recursive: true });
    await (0,promises_namespaceObject.mkdir)(dir); // fails if it exists: a migration is never overwritten
    await (0,promises_namespaceObject.writeFile)(external_node_path_default().join(dir, "migration.sql"), sql);
    report.revert = { name, dir, file: toPosix(external_node_path_default().relative(loaded.repoRoot, external_node_path_default().join(dir, "migration.sql"))), sql };
    report.ok = true;
    ctx.logger.info(`Wrote ${report.revert.file}: it reverts ${settings.migration} (${plan.statements.length} statement(s)).`);
    const schemaStarted = Date.now();
    report.schema = await revertSchema(settings, loaded, states, after);
    const took = `(${Date.now() - schemaStarted} ms)`;
    ctx.logger.info(report.schema.status === "reverted" ? `Reverted ${report.schema.files.join(", ")} ${took}: ${report.schema.reason}, checked against the migrations.` : `${toPosix(external_node_path_default().relative(loaded.repoRoot, loaded.project.schemaPath)) || "schema.prisma"} unchanged ${took}: ${report.schema.reason}.`);
}
/**
 * Takes the migration's change out of the working tree's schema and checks the result the way verify's
 * drift check will: the catalog the reverted schema describes must equal "every migration + the
 * reversal" (`after`). A mismatch puts the schema back. Only when the migration went into the project's
 * migrations directory: --output-dir writes elsewhere and leaves the working tree's schema alone.
 */
async function revertSchema(settings, loaded, states, after) {
    const { project } = loaded;
    if (settings.outputDir && external_node_path_default().resolve(settings.outputDir) !== external_node_path_default().resolve(loaded.dir.dir)) {
        return { status: "unchanged", reason: "--output-dir writes the migration outside the project's migrations directory, so the working tree's schema is left alone", files: [], fix: `run without --output-dir, or edit ${external_node_path_default().basename(project.schemaPath)} by hand` };
    }
    let applied;
    try {
        applied = await revertSchemaChange({ workingDirectory: project.workingDirectory, schemaPath: project.schemaPath, migrationsDir: project.migrationsDir, migration: settings.migration });
    }
    catch (error) {
        return { status: "unchanged", reason: `git could not tell what the migration changed in the schema (${error instanceof Error ? error.message : String(error)})`, files: [], fix: `edit ${external_node_path_default().basename(project.schemaPath)} by hand, then check it with \`npx migrate-guard verify\`` };
    }
    if (applied.change.status !== "reverted")
        return applied.change;
    const fix = `edit ${applied.change.files.join(", ")} by hand so that it matches the migrations (the reverse of commit ${applied.change.commit.slice(0, 12)} is a start: \`git show ${applied.change.commit.slice(0, 12)} -- ${applied.change.files.join(" ")}\`), then check it with \`npx migrate-guard verify\``;
    let items;
    try {
        const schemaSql = await projectPrisma(loaded, Boolean(settings.schema)).schemaToSql(states.adminUrl);
        const expected = await expectedCatalog({ adminUrl: states.adminUrl, schemaSql, schemas: project.schemas });
        items = compareCatalogs(after, expected).filter((i) => !i.informational);
    }
    catch (error) {
        await applied.restore();
        const message = redact(error instanceof Error ? error.message : String(error), urlSecrets(states.adminUrl)).split("\n").slice(0, 3).join(" ");
        return { status: "unchanged", reason: `the reverted schema could not be checked, so it was put back (${message})`, files: [], commit: applied.change.commit, fix };
    }
    if (items.length > 0) {
        await applied.restore();
        return {
            status: "unchanged", files: [], commit: applied.change.commit, fix, findings: items.map((i) => i.message),
            reason: `with commit ${applied.change.commit.slice(0, 12)}'s schema change reversed, the schema still differs from the migrations (${items.length} difference(s)), so it was put back`,
        };
    }
    return applied.change;
}
/** Applies the reversal to "every migration" and compares with "every migration except X". */
async function selfCheck(plan, states, report) {
    let after;
    try {
        after = await states.applyToCurrent(plan.statements.join("\n"));
    }
    catch (error) {
        throw new Error(`The generated reversal does not apply on the throwaway database (${error instanceof Error ? error.message : String(error)}); nothing was written. Please report this with the migration.`);
    }
    const left = compareCatalogs(unordered(after), unordered(states.without)).filter((i) => !i.informational && !i.sql.startsWith("-- Removing enum values"));
    for (const item of left)
        report.warnings.push(`After the reversal the schema still differs: ${item.message.replace(/schema\.prisma/g, "the state before")}.`);
    return after;
}

;// CONCATENATED MODULE: ./src/rollback/rolled-back.ts


async function runRolledBack(settings, deps) {
    const report = await runMigrate(settings, deps);
    if (!report.ok || !deps.history || !settings.resolve)
        return report;
    const who = deps.context?.actor ? ` by ${deps.context.actor}` : "";
    const description = `${settings.resolve.name} rolled back${who}${settings.reason ? `: ${settings.reason}` : ""}`;
    try {
        const id = await deps.history.markRolledBack(settings.environment.name, settings.resolve.name, description);
        if (id !== undefined) {
            report.rolledBackDeployment = id;
            deps.logger.info(`Marked the deploy that left ${settings.resolve.name} failed (GitHub deployment ${id}) inactive: ${description}.`);
        }
    }
    catch (error) {
        const message = `The migration is marked rolled back, but the earlier deploy's GitHub deployment could not be marked inactive: ${error instanceof Error ? error.message : String(error)}`;
        report.warnings.push(message);
        deps.logger.warning(message);
    }
    return report;
}
/** DeployHistory on GitHub Deployments (task deploy:migrations, payload.migrations as migrate writes it). */
function githubDeployHistory(octokit, target) {
    return {
        async markRolledBack(environment, migration, description) {
            let list;
            try {
                list = await octokit.rest.repos.listDeployments({ owner: target.owner, repo: target.repo, environment, task: "deploy:migrations", per_page: 100 });
            }
            catch (error) {
                throw explainGitHubError(error, `list the deployments of environment "${environment}"`);
            }
            const deploy = list.data.find((d) => {
                const payload = (typeof d.payload === "object" && d.payload !== null ? d.payload : {});
                return payload.command === "deploy" && Array.isArray(payload.migrations) && payload.migrations.some((m) => m?.name === migration);
            });
            if (!deploy)
                return undefined;
            try {
                await octokit.rest.repos.createDeploymentStatus({
                    owner: target.owner, repo: target.repo, deployment_id: deploy.id, state: "inactive", description: clipDescription(description), environment,
                    ...(target.logUrl ? { log_url: target.logUrl } : {}),
                });
            }
            catch (error) {
                throw explainGitHubError(error, `mark deployment ${deploy.id} inactive`);
            }
            return deploy.id;
        },
    };
}

;// CONCATENATED MODULE: ./src/rollback/settings.ts
// What a rollback was asked to do, validated before anything is read or changed: every mistake is a
// ConfigurationError (CLI exit 2) and leaves the database, the working tree and GitHub untouched.
// `--rolled-back` becomes the migrate runner's resolve (the same guards); `--revert` is its own run.





const rollback_settings_text = (value) => (value?.trim() ? value.trim() : undefined);
function validateRollback(request) {
    const rolledBack = rollback_settings_text(request.rolledBack);
    const revert = rollback_settings_text(request.revert);
    if (rolledBack && revert)
        throw new ConfigurationError("rollback takes either --rolled-back NAME (a migration in the failed state) or --revert NAME (an applied migration to undo), not both.");
    if (!rolledBack && !revert) {
        throw new ConfigurationError("rollback needs --rolled-back NAME (mark a failed migration rolled back) or --revert NAME (write a new migration that undoes an applied one). Run it at a terminal to be asked.");
    }
    if (rolledBack) {
        if (request.allowDataLoss || rollback_settings_text(request.outputDir))
            throw new ConfigurationError("--output-dir and --allow-data-loss belong to --revert; --rolled-back changes only the migration's record.");
        // The migrate runner's own validation: environment policy, URL, typed confirmation.
        const migrate = validateRequest({
            command: "resolve",
            rolledBack,
            environment: request.environment,
            databaseUrl: request.databaseUrl,
            workingDirectory: request.workingDirectory,
            schema: request.schema,
            ...(request.confirm !== undefined ? { confirm: request.confirm } : {}),
            environments: request.environments,
            productionEnvironments: request.productionEnvironments,
            lockTimeoutSeconds: request.lockTimeoutSeconds,
            reason: request.reason,
        });
        return { kind: "rolled-back", migration: rolledBack, migrate };
    }
    const migration = revert;
    assertMigrationName(migration, "--revert");
    const policy = {
        known: rollback_settings_text(request.environments) ? parseEnvironmentList(request.environments, "environments") : DEFAULT_ENVIRONMENTS,
        production: rollback_settings_text(request.productionEnvironments) ? parseEnvironmentList(request.productionEnvironments, "production-environments") : DEFAULT_PRODUCTION_ENVIRONMENTS,
    };
    if (!rollback_settings_text(request.environment))
        throw new ConfigurationError(`No environment. Pass --environment NAME: the environment whose database the reverted migration is applied to (one of: ${[...policy.known, ...policy.production].join(", ")}).`);
    const environment = resolveEnvironment(request.environment, policy);
    const databaseUrl = validateDatabaseUrl(request.databaseUrl);
    // Typed like resolve: the migration's name, whatever the environment.
    if (request.confirm?.trim() !== migration) {
        const given = !request.confirm?.trim() ? "no confirmation was given" : `the confirmation was ${JSON.stringify(request.confirm)}`;
        throw new ConfigurationError(`Reverting a migration must be confirmed: set --confirm (the action: \`confirm\`) to the migration's name, "${migration}"; ${given}. Nothing was changed.`);
    }
    const schema = rollback_settings_text(request.schema);
    const outputDir = rollback_settings_text(request.outputDir);
    const reason = rollback_settings_text(request.reason);
    return {
        kind: "revert",
        migration,
        environment,
        policy,
        databaseUrl,
        workingDirectory: rollback_settings_text(request.workingDirectory) ?? ".",
        ...(schema ? { schema } : {}),
        ...(outputDir ? { outputDir: external_node_path_default().resolve(outputDir) } : {}),
        allowDataLoss: Boolean(request.allowDataLoss),
        ...(reason ? { reason } : {}),
    };
}

;// CONCATENATED MODULE: ./src/cli/prompt.ts
// Typed confirmations: asked at a terminal, a flag everywhere else. Without a terminal (CI, a pipe) a
// missing confirmation is refused at once with the flag to pass — never a wait on stdin that no one
// will answer.


const processPromptIo = () => ({ input: process.stdin, output: process.stderr, env: process.env });
/** A person at a terminal: stdin and the prompt's stream are TTYs and this is not a CI job. */
function isInteractive(io) {
    const ci = io.env.CI !== undefined && io.env.CI !== "" && io.env.CI !== "false";
    return Boolean(io.input.isTTY && io.output.isTTY) && !ci;
}
/**
 * The confirmation: the flag's value when given (a wrong one is refused), else an answer typed at the
 * terminal, else a ConfigurationError saying which flag to pass. Throws unless confirmed.
 */
async function confirmTyped(request, io = processPromptIo()) {
    const matches = request.matches ?? ((g) => g === request.expected);
    if (request.given !== undefined) {
        if (matches(request.given))
            return;
        throw new ConfigurationError(`${request.action} must be confirmed with ${request.flag} ${request.expected}; the confirmation was ${JSON.stringify(request.given)}. Nothing was changed.`);
    }
    if (!isInteractive(io)) {
        throw new ConfigurationError(`${request.action} must be confirmed: pass ${request.flag} ${request.expected} (no terminal to ask at). Nothing was changed.`);
    }
    const rl = (0,external_node_readline_promises_namespaceObject.createInterface)({ input: io.input, output: io.output, terminal: true });
    try {
        const answer = await rl.question(`${request.action}. Type ${request.expected} to go on: `);
        if (matches(answer.trim()))
            return;
        throw new ConfigurationError(`Not confirmed (typed ${JSON.stringify(answer.trim())}, expected ${request.expected}). Nothing was changed.`);
    }
    finally {
        rl.close();
    }
}

;// CONCATENATED MODULE: ./src/cli/rollback-command.ts
// `migrate-guard rollback`: mark a failed migration rolled back (--rolled-back, the migrate runner's
// resolve) or write a new migration that reverts an applied one (--revert). At a terminal it asks which
// migration and for the typed confirmation; without one every answer must come as a flag.














const ROLLBACK_USAGE = `Usage: migrate-guard rollback --environment NAME [--database-url URL] [--working-directory DIR]
         (--rolled-back NAME | --revert NAME [--output-dir DIR] [--allow-data-loss]) [--confirm NAME] [--json]

--rolled-back NAME  a migration in the failed state: marks its attempt rolled back (prisma migrate resolve
                    --rolled-back), with the guards and the deployment record of \`resolve\`.
--revert NAME       an applied migration to undo: writes a NEW migration <timestamp>_revert_NAME that takes
                    the schema back to "every migration except NAME" (computed and checked on a throwaway
                    PostgreSQL; the environment's database is only read). It also reverses the schema.prisma
                    change of the commit that added NAME when that applies cleanly and matches the
                    migrations (\`schema: reverted\`), else leaves it and says why (\`schema: unchanged\`).
                    Open a pull request with both.
--output-dir DIR    where the new migration folder goes (default: the project's migrations directory);
                    anywhere else leaves schema.prisma unchanged
--allow-data-loss   accept a reversal that drops tables or columns (refused otherwise, naming them and the
                    rows the environment holds in them)
--confirm NAME      the migration's name (asked at a terminal)
--reason TEXT       why: kept in the GitHub deployment record

Options:
  --environment NAME        the environment (default list: staging, production)
  --database-url URL        the environment's database (default: env DATABASE_URL); only read by --revert
  --working-directory DIR   the Prisma project (default: .)
  --schema PATH             schema.prisma (default: from prisma.config.ts / package.json / prisma/)
  --environments LIST       comma-separated environment names runs may use (default: staging,production)
  --production-environments LIST  which of them are production (default: production)
  --lock-timeout-seconds N  --rolled-back: how long to wait for a running deploy's migration lock (default: 60)
  --json                    print one JSON document instead of text
  -h, --help                this help

At a terminal without --rolled-back/--revert it lists the environment's failed and applied migrations and asks.
Exit codes: 0 done, 1 failed while changing something, 2 usage error or refused (nothing was changed).
`;
const rollback_command_OPTIONS = {
    environment: { type: "string" },
    "database-url": { type: "string" },
    "working-directory": { type: "string" },
    schema: { type: "string" },
    "rolled-back": { type: "string" },
    revert: { type: "string" },
    "output-dir": { type: "string" },
    "allow-data-loss": { type: "boolean" },
    confirm: { type: "string" },
    reason: { type: "string" },
    environments: { type: "string" },
    "production-environments": { type: "string" },
    "lock-timeout-seconds": { type: "string" },
    json: { type: "boolean" },
    help: { type: "boolean", short: "h" },
};
/** At a terminal: the environment's failed migrations (→ --rolled-back) and the newest applied ones (→ --revert). */
async function choose(request, prompt) {
    const url = validateDatabaseUrl(request.databaseUrl);
    const loaded = await loadProject(request.workingDirectory ?? ".", request.schema);
    const db = await EnvironmentDatabase.connect(url);
    let choices;
    try {
        const { state } = await readEnvironmentState(db, loaded, 30);
        choices = [
            ...state.failed.map((f) => ({ kind: "rolledBack", name: f.name, label: `mark rolled back: ${f.name} (failed)` })),
            ...state.applied.slice(-5).reverse().map((a) => ({ kind: "revert", name: a.name, label: `revert: ${a.name} (applied ${a.finishedAt.toISOString()})` })),
        ];
    }
    finally {
        await db.close();
    }
    if (choices.length === 0)
        throw new ConfigurationError(`"${request.environment}" has no failed and no applied migration: there is nothing to roll back.`);
    const rl = (0,external_node_readline_promises_namespaceObject.createInterface)({ input: prompt.input, output: prompt.output, terminal: true });
    try {
        prompt.output.write(`Migrations of "${request.environment}":\n${choices.map((c, i) => `  ${i + 1}) ${c.label}\n`).join("")}`);
        const answer = (await rl.question(`Which one (1-${choices.length})? `)).trim();
        const picked = choices[Number(answer) - 1];
        if (!/^\d+$/.test(answer) || !picked)
            throw new ConfigurationError(`Not a choice: ${JSON.stringify(answer)}. Nothing was changed.`);
        request[picked.kind] = picked.name;
    }
    finally {
        rl.close();
    }
}
async function rollbackCommand(argv, io) {
    const values = parseCommandArgs(argv, rollback_command_OPTIONS, ROLLBACK_USAGE).values;
    if (values.help) {
        io.stdout.write(ROLLBACK_USAGE);
        return 0;
    }
    const prompt = io.prompt ?? processPromptIo();
    const request = {
        environment: values.environment,
        databaseUrl: values["database-url"] ?? process.env.DATABASE_URL,
        workingDirectory: values["working-directory"],
        schema: values.schema,
        rolledBack: values["rolled-back"],
        revert: values.revert,
        outputDir: values["output-dir"],
        allowDataLoss: values["allow-data-loss"] === true,
        confirm: values.confirm,
        reason: values.reason,
        environments: values.environments,
        productionEnvironments: values["production-environments"],
        lockTimeoutSeconds: values["lock-timeout-seconds"],
    };
    if (!request.rolledBack && !request.revert && request.environment && isInteractive(prompt))
        await choose(request, prompt);
    const name = request.rolledBack ?? request.revert;
    if (name && request.confirm === undefined) {
        const action = request.rolledBack ? `Marking ${name} rolled back on "${request.environment}"` : `Writing a migration that reverts ${name}`;
        await confirmTyped({ action, expected: name, flag: "--confirm", given: undefined }, prompt);
        request.confirm = name;
    }
    const settings = validateRollback(request);
    if (settings.kind === "rolled-back") {
        const report = await runRolledBack(settings.migrate, { logger: io.logger, lint: lintPending });
        io.stdout.write(values.json ? JSON.stringify({ ...toMigrateJson(report), kind: "rolled-back", rolledBackDeployment: report.rolledBackDeployment ?? null }, null, 2) + "\n" : renderMigrateText(report));
        return report.ok ? 0 : report.refused ? 2 : 1;
    }
    const report = await runRevert(settings, { logger: io.logger });
    io.stdout.write(values.json ? JSON.stringify(toRevertJson(report), null, 2) + "\n" : renderRevertText(report));
    return report.ok ? 0 : report.refused ? 2 : 1;
}

;// CONCATENATED MODULE: ./src/test-data/policy.ts
// Where test data may be written, decided from what the run names and what the database says about
// itself (the environment stamp written by the first `migrate-guard deploy`). Pure: no I/O.
// Production is refused by name (production-environments) and by stamp, whatever else the inputs say.


const TEST_DATA_OPERATIONS = ["create", "cleanup"];
/** The environments test data may be written to unless configured otherwise. */
const DEFAULT_TEST_DATA_ENVIRONMENTS = ["staging", "local"];
/** What `cleanup` must be confirmed with. */
const CLEANUP_CONFIRMATION = "DELETE";
const has = (names, normalized) => names.some((n) => normalizeEnvironmentName(n) === normalized);
function testDataPolicy(allowed, production) {
    return {
        allowed: allowed?.trim() ? parseEnvironmentList(allowed, "environments") : DEFAULT_TEST_DATA_ENVIRONMENTS,
        // "production" is production whatever the list says: a list replaces the default, it never
        // makes the name safe for test data.
        production: withProductionName(production?.trim() ? parseEnvironmentList(production, "production-environments") : []),
    };
}
function withProductionName(names) {
    return has(names, "production") ? names : ["production", ...names];
}
/** The environment the run names; a production or unlisted name is a refusal (exit 2, nothing read). */
function resolveTestDataEnvironment(requested, policy) {
    const environment = resolveEnvironment(requested, { known: policy.allowed, production: policy.production });
    if (environment.production) {
        throw new ConfigurationError(`Test data is never written to a production environment, and "${environment.name}" is one (production-environments: ${policy.production.join(", ")}). Nothing was run.`);
    }
    if (!has(policy.allowed, environment.normalized)) {
        throw new ConfigurationError(`Test data is written only to ${policy.allowed.join(", ")} (configure with --environments); "${environment.name}" is not one of them. Nothing was run.`);
    }
    return environment;
}
/** What the database's stamp allows. `stampRequested`: the user asked to stamp an unstamped database. */
function decideTestData(environment, stamp, policy, stampRequested) {
    if (!stamp) {
        if (stampRequested)
            return { kind: "stamp-then-run" };
        return {
            kind: "refuse",
            reason: `The database has no environment stamp, so nothing says it is "${environment.name}" and not production. Nothing was run. ` +
                `If you are sure it is the "${environment.name}" database, pass --stamp (the action: stamp: true) to record it as "${environment.name}" first; ` +
                "a deploy with migrate-guard stamps it too.",
        };
    }
    const when = `stamped ${stamp.stampedAt.toISOString()}${stamp.stampedBy ? ` by ${stamp.stampedBy}` : ""}`;
    if (stamp.production || has(policy.production, stamp.normalized)) {
        return {
            kind: "refuse",
            reason: `The database is stamped as the production environment "${stamp.name}" (${when}). Test data is never written to production, whatever the run names ("${environment.name}"). Nothing was run: check the database URL.`,
        };
    }
    if (stamp.normalized !== environment.normalized) {
        return {
            kind: "refuse",
            reason: `This run is for "${environment.name}", but the database is stamped as "${stamp.name}" (${when}). Nothing was run: the database URL points at another environment's database.`,
        };
    }
    if (!has(policy.allowed, stamp.normalized)) {
        return { kind: "refuse", reason: `The database is stamped as "${stamp.name}", which is not one of the test-data environments (${policy.allowed.join(", ")}). Nothing was run.` };
    }
    return { kind: "run", stamp };
}

;// CONCATENATED MODULE: ./src/test-data/script.ts
// Runs the app's own test-data script: through the shell (it is a command line the app team wrote),
// in the app's folder, with the environment's database URL in the variables the app's datasource
// reads and no other PostgreSQL URL at all. Its output is streamed line by line with every form of
// the URL's credentials masked.


/** A PostgreSQL URL anywhere in a value (quoted, after a space, prisma+postgres://…). */
const POSTGRES_URL = /postgres(ql)?:\/\//i;
/** libpq's own connection variables: psql and pg_dump in a script would follow them elsewhere. */
const LIBPQ_VARIABLE = /^PG[A-Z_]+$/;
/**
 * The script's environment: the caller's, minus every value holding a PostgreSQL URL and every libpq
 * PG* variable, plus the URL in `urlVariables`.
 */
function scriptEnv(base, url, urlVariables, extra) {
    const env = {};
    for (const [name, value] of Object.entries(base)) {
        if (value !== undefined && !POSTGRES_URL.test(value) && !LIBPQ_VARIABLE.test(name))
            env[name] = value;
    }
    for (const name of urlVariables)
        env[name] = url;
    return { ...env, ...extra };
}
function script_runScript(command, options) {
    const started = performance.now();
    return new Promise((resolve, reject) => {
        const child = (0,external_node_child_process_namespaceObject.spawn)(command, { cwd: options.cwd, env: options.env, shell: true, stdio: ["ignore", "pipe", "pipe"] });
        const pending = { stdout: "", stderr: "" };
        const emit = (line, stream) => options.onLine(redact(line.replace(/\r$/, ""), options.secrets), stream);
        const take = (stream, chunk) => {
            const lines = (pending[stream] + chunk).split("\n");
            pending[stream] = lines.pop() ?? "";
            for (const line of lines)
                emit(line, stream);
        };
        child.stdout.setEncoding("utf8").on("data", (d) => take("stdout", d));
        child.stderr.setEncoding("utf8").on("data", (d) => take("stderr", d));
        child.on("error", reject);
        child.on("close", (code, signal) => {
            for (const stream of ["stdout", "stderr"])
                if (pending[stream] !== "")
                    emit(pending[stream], stream);
            resolve({ exitCode: code, signal, durationMs: Math.round(performance.now() - started) });
        });
    });
}

;// CONCATENATED MODULE: ./src/test-data/run.ts
// A test-data run: read the database's stamp (read-only), decide, confirm, stamp if the user asked
// to, then run the app's own script and report what ran, its exit code and how long it took. Every
// refusal happens before the first change and leaves the database as it was. No @actions imports.







/** 0 the script ran and succeeded, 1 it failed (or could not be run), 2 refused. */
function testDataExitCode(report) {
    if (report.refused)
        return 2;
    return report.ok ? 0 : 1;
}
/** The variables the app's datasource reads (schema.prisma / prisma.config.ts), and DATABASE_URL. */
async function run_urlVariables(workingDirectory, logger) {
    try {
        const project = await locateProject({ workingDirectory });
        return [...new Set([...project.urlVariables, "DATABASE_URL"])];
    }
    catch (error) {
        logger.debug(`No Prisma project found in ${workingDirectory} (${error.message}); the script gets the URL as DATABASE_URL.`);
        return ["DATABASE_URL"];
    }
}
/**
 * The checks before any change, on the open connection: the stamp decides, a cleanup is confirmed, and
 * an unstamped database is stamped when the user asked to. False (and report.refused) when refused.
 */
async function guard(db, settings, deps, report) {
    const stamp = await db.readStamp();
    if (stamp)
        report.stamp = stamp;
    const decision = decideTestData(settings.environment, stamp, settings.policy, settings.stamp);
    if (decision.kind === "refuse") {
        report.refused = decision.reason;
        return false;
    }
    if (settings.operation === "cleanup") {
        await deps.confirmCleanup(`Deleting the test data of "${settings.environment.name}" (${report.database}) with \`${report.command}\``, settings.confirm);
    }
    if (decision.kind === "stamp-then-run") {
        const written = await db.writeStampIfAbsent({
            name: settings.environment.name,
            normalized: settings.environment.normalized,
            production: false,
            ...(deps.actor ? { stampedBy: deps.actor } : {}),
            ...(deps.repository ? { repository: deps.repository } : {}),
            ...(deps.runUrl ? { runUrl: deps.runUrl } : {}),
        });
        report.stamp = written.stamp;
        report.stampCreated = written.created;
        // Another run stamped it a moment earlier, for another environment.
        const after = decideTestData(settings.environment, written.stamp, settings.policy, false);
        if (after.kind === "refuse") {
            report.refused = after.reason;
            return false;
        }
        if (written.created)
            deps.logger.info(`Stamped ${report.database} as environment "${written.stamp.name}".`);
    }
    return true;
}
async function runTestData(settings, deps) {
    const secrets = urlSecrets(settings.databaseUrl);
    const report = {
        ok: false,
        operation: settings.operation,
        environment: settings.environment.name,
        database: describeUrl(settings.databaseUrl),
        command: redact(settings.command, secrets),
        workingDirectory: external_node_path_default().resolve(settings.workingDirectory),
        refused: null,
        startedAt: new Date(),
    };
    let db;
    try {
        db = await EnvironmentDatabase.connect(settings.databaseUrl);
    }
    catch (error) {
        if (!(error instanceof DatabaseConnectionError))
            throw error;
        report.error = `${error.message} Nothing was run.`;
        return report;
    }
    try {
        if (!(await guard(db, settings, deps, report)))
            return report;
    }
    finally {
        await db.close();
    }
    const variables = await run_urlVariables(report.workingDirectory, deps.logger);
    deps.logger.info(`Running the ${settings.operation} script for "${settings.environment.name}" in ${report.workingDirectory}: ${report.command} (database URL in ${variables.join(", ")}).`);
    const env = scriptEnv(deps.env ?? process.env, settings.databaseUrl, variables, {
        MIGRATE_GUARD_ENVIRONMENT: settings.environment.name,
        MIGRATE_GUARD_TEST_DATA: settings.operation,
    });
    try {
        const result = await script_runScript(settings.command, { cwd: report.workingDirectory, env, secrets, onLine: deps.onOutput });
        report.exitCode = result.exitCode;
        if (result.signal)
            report.signal = result.signal;
        report.durationMs = result.durationMs;
    }
    catch (error) {
        report.exitCode = null;
        report.error = `The script could not be started: ${redact(error.message, secrets)}`;
        return report;
    }
    report.ok = report.exitCode === 0;
    if (!report.ok)
        report.error = `The ${settings.operation} script failed (${report.signal ? `killed by ${report.signal}` : `exit code ${report.exitCode}`}).`;
    return report;
}
/** One line for the end of the output. */
function run_headline(report) {
    if (report.refused)
        return `✘ test-data ${report.operation} refused on "${report.environment}" (${report.database}): ${report.refused}`;
    const took = report.durationMs !== undefined ? ` in ${(report.durationMs / 1000).toFixed(1)} s` : "";
    if (report.ok)
        return `✔ test-data ${report.operation} on "${report.environment}" (${report.database}): \`${report.command}\` exited 0${took}.`;
    return `✘ test-data ${report.operation} on "${report.environment}" (${report.database}): ${report.error}${report.exitCode !== undefined ? ` \`${report.command}\`${took}.` : ""}`;
}
function toTestDataJson(report) {
    return {
        ok: report.ok,
        operation: report.operation,
        environment: report.environment,
        database: report.database,
        command: report.command,
        refused: report.refused,
        error: report.error ?? null,
        exitCode: report.exitCode ?? null,
        signal: report.signal ?? null,
        durationMs: report.durationMs ?? null,
        stamp: report.stamp ? { name: report.stamp.name, production: report.stamp.production, stampedAt: report.stamp.stampedAt.toISOString(), createdByThisRun: report.stampCreated === true } : null,
    };
}

;// CONCATENATED MODULE: ./src/test-data/settings.ts



const test_data_settings_text = (value) => (value?.trim() ? value.trim() : undefined);
function validateTestDataRequest(request) {
    const operation = test_data_settings_text(request.operation)?.toLowerCase();
    if (!operation || !TEST_DATA_OPERATIONS.includes(operation)) {
        throw new ConfigurationError(`${operation ? `Unknown operation ${JSON.stringify(request.operation)}` : "No operation"}. Expected create or cleanup, e.g. migrate-guard test-data create --environment staging --command "npm run seed".`);
    }
    const policy = testDataPolicy(request.environments, request.productionEnvironments);
    if (!test_data_settings_text(request.environment)) {
        throw new ConfigurationError(`No environment. Pass --environment NAME (the action: the \`environment\` input), one of: ${policy.allowed.join(", ")}.`);
    }
    const environment = resolveTestDataEnvironment(request.environment, policy);
    const command = test_data_settings_text(request.command);
    if (!command) {
        throw new ConfigurationError(`No command. Pass --command "<your script>" (the action: the \`command\` input): the app's own script that ${operation === "create" ? "creates" : "deletes"} the test data, e.g. --command "npm run test-data:${operation}".`);
    }
    const databaseUrl = validateDatabaseUrl(request.databaseUrl);
    return {
        operation: operation,
        environment,
        policy,
        databaseUrl,
        workingDirectory: test_data_settings_text(request.workingDirectory) ?? ".",
        command,
        ...(request.confirm !== undefined ? { confirm: request.confirm } : {}),
        stamp: request.stamp === true,
    };
}

;// CONCATENATED MODULE: ./src/cli/test-data-command.ts
// `migrate-guard test-data create|cleanup`: the app's own test-data script, only on a database stamped
// as staging or local. Exit codes: 0 the script succeeded, 1 it failed, 2 refused or a usage error.






const TEST_DATA_USAGE = `Usage: migrate-guard test-data create|cleanup --environment NAME --command "SCRIPT" [options]

Runs the app's own test-data script (through the shell, in the working directory, with the database URL
in the variables the Prisma datasource reads, and in DATABASE_URL) — only when the database is stamped
as one of the test-data environments (default: staging, local). Refused, running nothing, on a database
stamped as production or named production, whatever the flags say, and on an unstamped database
unless --stamp. cleanup must be confirmed with --confirm ${CLEANUP_CONFIRMATION} (asked at a terminal).

Options:
  --environment NAME        the environment (one of --environments)
  --command "SCRIPT"        the app's script, e.g. "npm run test-data:create"
  --database-url URL        the environment's database (default: env DATABASE_URL, e.g. from .env.NAME)
  --working-directory DIR   the app (default: .)
  --confirm ${CLEANUP_CONFIRMATION}          cleanup: the typed confirmation
  --stamp                   the database has no environment stamp yet: stamp it as NAME, then run
  --environments LIST       environments test data may be written to (default: staging,local)
  --production-environments LIST  never written to (default: production)
  --json                    print one JSON document at the end instead of the summary line
  -h, --help                this help

The script's output is streamed with the database credentials masked.
Exit codes: 0 the script succeeded, 1 it failed, 2 refused (nothing was run) or usage error.
`;
async function testDataCommand(argv, io) {
    const parsed = parseCommandArgs(argv, {
        environment: { type: "string" }, command: { type: "string" }, "database-url": { type: "string" },
        "working-directory": { type: "string" }, confirm: { type: "string" }, stamp: { type: "boolean" },
        environments: { type: "string" }, "production-environments": { type: "string" },
        json: { type: "boolean" }, help: { type: "boolean", short: "h" },
    }, TEST_DATA_USAGE, true);
    const v = parsed.values;
    if (v.help) {
        io.stdout.write(TEST_DATA_USAGE);
        return 0;
    }
    if (parsed.positionals.length !== 1) {
        throw new ConfigurationError(`test-data takes one operation, create or cleanup; got ${parsed.positionals.length ? parsed.positionals.map((p) => JSON.stringify(p)).join(" ") : "none"}.\n\n${TEST_DATA_USAGE}`);
    }
    const settings = validateTestDataRequest({
        operation: parsed.positionals[0],
        environment: v.environment,
        databaseUrl: v["database-url"] ?? process.env.DATABASE_URL,
        workingDirectory: v["working-directory"],
        command: v.command,
        confirm: v.confirm,
        stamp: v.stamp === true,
        environments: v.environments,
        productionEnvironments: v["production-environments"],
    });
    const prompt = io.prompt ?? processPromptIo();
    const report = await runTestData(settings, {
        logger: io.logger,
        // The script's own stdout stays stdout (pipes keep working) unless --json owns stdout.
        onOutput: (line, stream) => (stream === "stdout" && !v.json ? io.stdout : process.stderr).write(line + "\n"),
        confirmCleanup: (action, given) => confirmTyped({ action, expected: CLEANUP_CONFIRMATION, flag: "--confirm", given }, prompt),
        ...(process.env.USER ? { actor: process.env.USER } : {}),
    });
    if (v.json)
        io.stdout.write(JSON.stringify(toTestDataJson(report), null, 2) + "\n");
    else
        io.stdout.write(run_headline(report) + "\n");
    return testDataExitCode(report);
}

// EXTERNAL MODULE: external "node:url"
var external_node_url_ = __nccwpck_require__(3136);
;// CONCATENATED MODULE: ./src/init/plan.ts
// What `migrate-guard init` adds to an app, computed from the files as they are: pure (no I/O), so a
// second run over its own output finds nothing to do. Nothing existing is replaced without `force`.
/** The npm scripts, in the order they are added. */
function initScripts(options) {
    const testData = (op) => `migrate-guard test-data ${op} --environment staging --command "npm run --silent test-data:${op}"`;
    return [
        ["db:local:start", "migrate-guard local start"],
        ["db:local:stop", "migrate-guard local stop"],
        ["db:migrate:create", "migrate-guard local exec -- prisma migrate dev --create-only"],
        ["db:migrate:dev", "migrate-guard local exec -- prisma migrate dev"],
        ["db:migrate:status", "migrate-guard local exec -- prisma migrate status"],
        ["db:migrate:staging", "migrate-guard deploy --environment staging"],
        ["db:migrate:staging:status", "migrate-guard status --environment staging"],
        ["db:migrate:production", "migrate-guard deploy --environment production"],
        ["db:migrate:production:status", "migrate-guard status --environment production"],
        ["db:verify", `migrate-guard verify${options.baseRef ? ` --base-ref ${options.baseRef}` : ""}`],
        ["db:migrate:rollback", "migrate-guard rollback --environment staging"],
        ["db:test-data:create", testData("create")],
        ["db:test-data:cleanup", `${testData("cleanup")}`],
        ["db:backup", "migrate-guard backup --environment production"],
    ];
}
/** The indentation of a JSON text: its first indented line's (two spaces when there is none). */
function detectIndent(text) {
    return /^[ \t]+(?=")/m.exec(text)?.[0] ?? "  ";
}
/**
 * package.json with the scripts added. Keys keep their order (new scripts go after the existing ones;
 * a new "scripts" object after the last key), the indentation and the final newline are kept:
 * the same form `npm pkg set` writes.
 */
function planPackageJson(text, scripts, force) {
    let pkg;
    try {
        pkg = JSON.parse(text);
    }
    catch (error) {
        throw new Error(`package.json is not valid JSON (${error.message}); fix it first.`);
    }
    const existing = (pkg.scripts && typeof pkg.scripts === "object" ? pkg.scripts : {});
    const next = { ...existing };
    const changes = [];
    for (const [name, command] of scripts) {
        const target = `package.json#scripts.${name}`;
        if (!(name in existing)) {
            next[name] = command;
            changes.push({ target, kind: "create", detail: command });
        }
        else if (existing[name] === command) {
            changes.push({ target, kind: "unchanged" });
        }
        else if (force) {
            next[name] = command;
            changes.push({ target, kind: "update", detail: `${existing[name]} → ${command}` });
        }
        else {
            changes.push({ target, kind: "kept", detail: `has "${existing[name]}" (--force replaces it with "${command}")` });
        }
    }
    if (!changes.some((c) => c.kind === "create" || c.kind === "update"))
        return { changes };
    pkg.scripts = next;
    const eol = text.includes("\r\n") ? "\r\n" : "\n";
    let out = JSON.stringify(pkg, null, detectIndent(text));
    if (eol !== "\n")
        out = out.replace(/\n/g, eol);
    if (/\r?\n$/.test(text))
        out += eol;
    return { content: out, changes };
}
/** Lines .gitignore must have: the env files with real URLs, and the local PostgreSQL's data. */
const IGNORED = [".env.staging", ".env.production", ".migrate-guard/", "migrate-guard-*.dump"];
function covered(lines, entry) {
    const bare = entry.replace(/\/$/, "");
    return lines.some((l) => l === entry || l === bare || l === `/${entry}` || l === `/${bare}` || (entry.startsWith(".env.") && (l === ".env*" || l === ".env.*" || l === "/.env*" || l === "/.env.*")));
}
function planGitignore(text) {
    const lines = (text ?? "").split(/\r?\n/).map((l) => l.trim());
    const missing = IGNORED.filter((e) => !covered(lines, e));
    if (missing.length === 0)
        return { changes: [{ target: ".gitignore", kind: "unchanged" }] };
    const eol = text?.includes("\r\n") ? "\r\n" : "\n";
    const prefix = text === undefined || text === "" ? "" : text.endsWith("\n") ? eol : eol + eol;
    const block = ["# migrate-guard: database URLs per environment, the local PostgreSQL's data, backups", ...missing].join(eol) + eol;
    return {
        content: `${text ?? ""}${prefix}${block}`,
        changes: [{ target: ".gitignore", kind: text === undefined ? "create" : "update", detail: `ignores ${missing.join(", ")}` }],
    };
}
const ENV_EXAMPLE = `# Copy to .env.staging and .env.production (both git-ignored) and fill in the real URLs.
# migrate-guard reads .env.<environment> when a command names --environment <environment>;
# flags and --env-file files take precedence. In CI, use the environment's DATABASE_URL secret instead.
DATABASE_URL=postgresql://USER:PASSWORD@HOST:5432/DATABASE
# .env.production only: a production deploy first runs the soak gate, which reads staging's
# _prisma_migrations (read-only) to check every pending migration ran there long enough.
# STAGING_DATABASE_URL=postgresql://USER:PASSWORD@HOST:5432/DATABASE
`;
/** A whole file migrate-guard provides: created when missing, replaced only with `force`. */
function planFile(target, existing, wanted, force) {
    if (existing === undefined)
        return { content: wanted, changes: [{ target, kind: "create" }] };
    if (existing === wanted)
        return { changes: [{ target, kind: "unchanged" }] };
    if (force)
        return { content: wanted, changes: [{ target, kind: "update" }] };
    return { changes: [{ target, kind: "kept", detail: "differs from migrate-guard's (--force replaces it)" }] };
}
/** A caller workflow for an app in `appDir` (relative to the repository root, "." at the root). */
function workflowFor(template, appDir) {
    if (appDir === "." || appDir === "")
        return template;
    return template.replace(/^(\s*working-directory:\s*)\.\s*$/gm, `$1${appDir}`);
}

;// CONCATENATED MODULE: ./src/init/init.ts
// `migrate-guard init`: reads the app's files, plans every change (plan.ts), then writes them — or,
// with dryRun, only reports them. Planning finishes before the first write, so a problem (e.g. an
// invalid package.json) leaves every file as it was.








/** The caller workflows init copies, from migrate-guard's examples/workflows. */
const WORKFLOWS = ["verify-migrations.yml", "migrate.yml", "promote.yml"];
/** examples/workflows next to this code: two levels up from src/init/ and from dist/cli/ alike. */
const DEFAULT_TEMPLATES_DIR = external_node_path_default().resolve(external_node_path_default().dirname((0,external_node_url_.fileURLToPath)(import.meta.url)), "../../examples/workflows");
async function readIfExists(file) {
    try {
        return await (0,promises_namespaceObject.readFile)(file, "utf8");
    }
    catch (error) {
        if (error.code === "ENOENT")
            return undefined;
        throw error;
    }
}
/** origin's default branch as a verify base ref ("origin/main"), if the clone knows it. */
function defaultBaseRef(dir) {
    const r = (0,external_node_child_process_namespaceObject.spawnSync)("git", ["symbolic-ref", "--quiet", "--short", "refs/remotes/origin/HEAD"], { cwd: dir, encoding: "utf8" });
    return r.status === 0 && r.stdout.trim() ? r.stdout.trim() : undefined;
}
async function runInit(options) {
    const wd = external_node_path_default().resolve(options.workingDirectory);
    if (!(0,external_node_fs_.existsSync)(wd) || !(0,external_node_fs_.statSync)(wd).isDirectory())
        throw new ConfigurationError(`Working directory "${options.workingDirectory}" does not exist. Expected the app's folder (with package.json).`);
    const pkgFile = external_node_path_default().join(wd, "package.json");
    const pkgText = await readIfExists(pkgFile);
    if (pkgText === undefined)
        throw new ConfigurationError(`No package.json in ${wd}. Run migrate-guard init in the app's folder (or pass --working-directory), after npm init.`);
    const repoRoot = (await repositoryRoot(wd)) ?? wd;
    const appDir = external_node_path_default().relative(repoRoot, wd).split((external_node_path_default()).sep).join("/") || ".";
    const templatesDir = options.templatesDir ?? DEFAULT_TEMPLATES_DIR;
    const writes = [];
    const notes = [];
    let pkgPlan;
    try {
        pkgPlan = planPackageJson(pkgText, initScripts({ ...(defaultBaseRef(wd) ? { baseRef: defaultBaseRef(wd) } : {}) }), options.force);
    }
    catch (error) {
        throw new ConfigurationError(`${pkgFile}: ${error.message}`);
    }
    writes.push({ file: pkgFile, plan: pkgPlan });
    writes.push({ file: external_node_path_default().join(wd, ".gitignore"), plan: planGitignore(await readIfExists(external_node_path_default().join(wd, ".gitignore"))) });
    writes.push({ file: external_node_path_default().join(wd, ".env.example"), plan: planFile(".env.example", await readIfExists(external_node_path_default().join(wd, ".env.example")), ENV_EXAMPLE, options.force) });
    for (const name of WORKFLOWS) {
        const template = await readIfExists(external_node_path_default().join(templatesDir, name));
        const file = external_node_path_default().join(repoRoot, ".github", "workflows", name);
        const target = external_node_path_default().relative(wd, file).split((external_node_path_default()).sep).join("/");
        if (template === undefined) {
            notes.push(`${name} is not among this migrate-guard version's example workflows (${templatesDir}); skipped.`);
            continue;
        }
        const plan = planFile(target, await readIfExists(file), workflowFor(template, appDir), options.force);
        writes.push({ file, plan });
    }
    const pkg = JSON.parse(pkgText);
    const missingScripts = ["test-data:create", "test-data:cleanup"].filter((s) => !pkg.scripts?.[s]);
    if (missingScripts.length)
        notes.push(`db:test-data:* run your own scripts ${missingScripts.map((s) => `"${s}"`).join(" and ")}: add them to package.json (they get the staging URL in your datasource's variables).`);
    for (const env of ["staging", "production"]) {
        if (!(0,external_node_fs_.existsSync)(external_node_path_default().join(wd, `.env.${env}`)))
            notes.push(`For db:migrate:${env} from this machine, copy .env.example to .env.${env} and set its DATABASE_URL (git-ignored; never commit it).`);
    }
    const written = [];
    if (!options.dryRun) {
        for (const { file, plan } of writes) {
            if (plan.content === undefined)
                continue;
            await (0,promises_namespaceObject.mkdir)(external_node_path_default().dirname(file), { recursive: true });
            await (0,promises_namespaceObject.writeFile)(file, plan.content);
            written.push(file);
        }
    }
    return { workingDirectory: wd, changes: writes.flatMap((w) => w.plan.changes), notes, written };
}
const SYMBOL = { create: "+", update: "~", unchanged: "=", kept: "!" };
/** The report init prints: each change, then what stayed, then notes. */
function renderInit(result, dryRun) {
    const changed = result.changes.filter((c) => c.kind === "create" || c.kind === "update");
    const kept = result.changes.filter((c) => c.kind === "kept");
    const unchanged = result.changes.filter((c) => c.kind === "unchanged");
    const lines = [`migrate-guard init in ${result.workingDirectory}${dryRun ? " (dry run: nothing was written)" : ""}`];
    const verb = dryRun ? "would change" : "changed";
    if (changed.length === 0)
        lines.push(`No changes: everything init adds is already in place${kept.length ? " (or kept, see below)" : ""}.`);
    else
        lines.push(`${changed.length} ${verb}:`);
    for (const c of changed)
        lines.push(`  ${SYMBOL[c.kind]} ${c.target}${c.detail ? `  ${c.detail}` : ""}`);
    if (kept.length)
        lines.push(`${kept.length} kept as they are (--force replaces them):`);
    for (const c of kept)
        lines.push(`  ${SYMBOL[c.kind]} ${c.target}  ${c.detail ?? ""}`.trimEnd());
    if (unchanged.length)
        lines.push(`${unchanged.length} already in place.`);
    if (result.notes.length)
        lines.push("", "Next:", ...result.notes.map((n) => `  - ${n}`));
    return lines.join("\n") + "\n";
}

;// CONCATENATED MODULE: ./src/cli/init-command.ts


const INIT_USAGE = `Usage: migrate-guard init [--working-directory DIR] [--force] [--dry-run]

Sets up an app (the folder with its package.json) for migrate-guard:
  - npm scripts: db:local:start|stop, db:migrate:create|dev|status (prisma migrate dev / status, on the
    local PostgreSQL only), db:migrate:staging[:status], db:migrate:production[:status], db:verify,
    db:migrate:rollback, db:test-data:create|cleanup, db:backup
  - .gitignore: .env.staging, .env.production (database URLs) and .migrate-guard/ (local data)
  - .env.example: the variables the env files hold
  - .github/workflows (at the repository root): verify-migrations.yml, migrate.yml, promote.yml
Nothing that exists is replaced without --force (a script or file that differs is kept and listed);
a second run changes nothing. It prints what it changed.

Options:
  --working-directory DIR   the app (default: .)
  --force                   replace scripts and files that differ from migrate-guard's
  --dry-run                 print what would change, write nothing
  -h, --help                this help

Exit codes: 0 success, 2 usage or configuration error (nothing written).
`;
async function initCommand(argv, io) {
    const { values: v } = parseCommandArgs(argv, {
        "working-directory": { type: "string" }, force: { type: "boolean" }, "dry-run": { type: "boolean" }, help: { type: "boolean", short: "h" },
    }, INIT_USAGE);
    if (v.help) {
        io.stdout.write(INIT_USAGE);
        return 0;
    }
    const dryRun = v["dry-run"] === true;
    const result = await runInit({ workingDirectory: v["working-directory"] ?? ".", force: v.force === true, dryRun });
    io.stdout.write(renderInit(result, dryRun));
    return 0;
}

;// CONCATENATED MODULE: ./src/init/local-postgres.ts
// A local development PostgreSQL without Docker: the throwaway cluster's binaries and initdb (src/postgres),
// but a persistent data directory in the app (.migrate-guard/postgres, git-ignored by `init`), started
// and stopped with pg_ctl so that it outlives the command. Loopback TCP only, trust authentication:
// the one database `prisma migrate dev` may be pointed at.











const LOCAL_DIR = external_node_path_default().join(".migrate-guard", "postgres");
const local_postgres_HOST = "127.0.0.1";
const DATABASE = "app";
function paths(workingDirectory) {
    const root = external_node_path_default().resolve(workingDirectory, LOCAL_DIR);
    return { root, dataDir: external_node_path_default().join(root, "data"), log: external_node_path_default().join(root, "postgres.log"), settings: external_node_path_default().join(root, "settings.json") };
}
const localUrl = (port) => `postgresql://postgres@${local_postgres_HOST}:${port}/${DATABASE}`;
function pgCtl(install, args, user, cwd) {
    return new Promise((resolve) => {
        (0,external_node_child_process_namespaceObject.execFile)(external_node_path_default().join(install.bindir, "pg_ctl"), args, { cwd, uid: user?.uid, gid: user?.gid, timeout: 120_000, env: { ...process.env, LC_ALL: "C" } }, (error, stdout, stderr) => {
            const code = error ? (typeof error.code === "number" ? error.code : 1) : 0;
            resolve({ code, output: `${stdout}${stderr}`.trim() });
        });
    });
}
async function installationFor(dataDir, requested) {
    const versionFile = external_node_path_default().join(dataDir, "PG_VERSION");
    if ((0,external_node_fs_.existsSync)(versionFile)) {
        const major = (0,external_node_fs_.readFileSync)(versionFile, "utf8").trim();
        return findPostgres(major);
    }
    return findPostgres(requested);
}
async function readSettings(file) {
    try {
        return JSON.parse(await (0,promises_namespaceObject.readFile)(file, "utf8"));
    }
    catch {
        return undefined;
    }
}
/** Running (pg_ctl status 0), stopped (3) or not created (4). */
async function localStatus(workingDirectory) {
    const p = paths(workingDirectory);
    const settings = await readSettings(p.settings);
    if (!(0,external_node_fs_.existsSync)(external_node_path_default().join(p.dataDir, "PG_VERSION")) || !settings)
        return { state: "absent", dataDir: p.dataDir };
    const install = await installationFor(p.dataDir, undefined);
    const { code } = await pgCtl(install, ["status", "-D", p.dataDir], serverUser(), p.root);
    return { state: code === 0 ? "running" : "stopped", url: localUrl(settings.port), dataDir: p.dataDir };
}
/** Starts the local server (creating its data directory the first time); a running one is reused. */
async function startLocal(workingDirectory, options = {}) {
    const p = paths(workingDirectory);
    const user = serverUser();
    const install = await installationFor(p.dataDir, options.postgresVersion);
    let created = false;
    let settings = await readSettings(p.settings);
    if (!(0,external_node_fs_.existsSync)(external_node_path_default().join(p.dataDir, "PG_VERSION"))) {
        await (0,promises_namespaceObject.mkdir)(p.root, { recursive: true });
        if (user)
            await (0,promises_namespaceObject.chown)(p.root, user.uid, user.gid);
        try {
            // A copy of the cached initdb template when there is one (as the throwaway clusters do).
            await createDataDir(install, p.dataDir, user, true);
        }
        catch (error) {
            throw new ConfigurationError(`Could not create the local PostgreSQL in ${p.dataDir}: ${error.message}` +
                (user ? ` (running as root, the server runs as "${user.name}", which must be able to enter every folder above it).` : ""));
        }
        created = true;
        settings = { port: await freePort(), major: install.major };
        await (0,promises_namespaceObject.writeFile)(p.settings, JSON.stringify(settings, null, 2) + "\n");
    }
    if (!settings) {
        settings = { port: await freePort(), major: install.major };
        await (0,promises_namespaceObject.writeFile)(p.settings, JSON.stringify(settings, null, 2) + "\n");
    }
    const url = localUrl(settings.port);
    const running = (await pgCtl(install, ["status", "-D", p.dataDir], user, p.root)).code === 0;
    if (!running) {
        // No Unix socket: its path would have to fit 107 bytes, and TCP on loopback is what Prisma uses.
        const serverOptions = `-c listen_addresses=${local_postgres_HOST} -p ${settings.port} -c unix_socket_directories='' -c fsync=off -c synchronous_commit=off`;
        const result = await pgCtl(install, ["start", "-D", p.dataDir, "-l", p.log, "-w", "-t", "60", "-o", serverOptions], user, p.root);
        if (result.code !== 0) {
            const log = (0,external_node_fs_.existsSync)(p.log) ? (0,external_node_fs_.readFileSync)(p.log, "utf8").trim().split("\n").slice(-8).join("\n") : "";
            throw new Error(`The local PostgreSQL did not start (pg_ctl exit ${result.code}): ${result.output}\n${log}${/could not bind|already in use/i.test(log) ? `\nPort ${settings.port} is taken: set another "port" in ${p.settings}.` : ""}`);
        }
    }
    await ensureDatabase(settings.port);
    return { root: p.root, dataDir: p.dataDir, url, port: settings.port, started: !running, created };
}
async function ensureDatabase(port) {
    const client = new esm.Client({ host: local_postgres_HOST, port, user: "postgres", database: "postgres", connectionTimeoutMillis: 10_000 });
    client.on("error", () => { });
    await client.connect();
    try {
        const { rowCount } = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [DATABASE]);
        if (!rowCount)
            await client.query(`CREATE DATABASE ${quoteIdentifier(DATABASE)}`);
    }
    finally {
        await client.end().catch(() => { });
    }
}
/** Stops the local server; its data stays. False when it was not running. */
async function stopLocal(workingDirectory) {
    const p = paths(workingDirectory);
    if (!(0,external_node_fs_.existsSync)(external_node_path_default().join(p.dataDir, "PG_VERSION")))
        return false;
    const install = await installationFor(p.dataDir, undefined);
    const user = serverUser();
    if ((await pgCtl(install, ["status", "-D", p.dataDir], user, p.root)).code !== 0)
        return false;
    const result = await pgCtl(install, ["stop", "-D", p.dataDir, "-m", "fast", "-w", "-t", "60"], user, p.root);
    if (result.code !== 0)
        throw new Error(`pg_ctl stop failed (exit ${result.code}): ${result.output}`);
    return true;
}

;// CONCATENATED MODULE: ./src/cli/local-command.ts
// `migrate-guard local start|stop|status|exec`: a local development PostgreSQL without Docker, and
// commands (prisma migrate dev) run against it with its URL in the variables the datasource reads.







const LOCAL_USAGE = `Usage: migrate-guard local start|stop|status [options]
       migrate-guard local exec [options] -- COMMAND [ARGS…]

A PostgreSQL for development on this machine, from the PostgreSQL installed here (no Docker): its data
lives in ${LOCAL_DIR}/ in the working directory and survives stop/start; it listens on 127.0.0.1 only.

  start     start it (created on first start); prints its URL
  stop      stop it (the data stays; delete ${LOCAL_DIR}/ to start over)
  status    running, stopped or not created
  exec      start it if needed, then run COMMAND with its URL in the variables the Prisma datasource
            reads (and DATABASE_URL), with node_modules/.bin on PATH and no other postgres:// URL in
            the environment — so \`prisma migrate dev\` can only reach the local database

Options:
  --working-directory DIR   the app (default: .)
  --postgres-version N      PostgreSQL major for a new data directory (default: highest installed)
  -h, --help                this help

Exit codes: 0 success (exec: COMMAND's exit code), 1 failure, 2 usage or configuration error.
`;
const SUBCOMMANDS = ["start", "stop", "status", "exec", "url"];
async function localCommand(argv, io) {
    const separator = argv.indexOf("--");
    const own = separator < 0 ? argv : argv.slice(0, separator);
    const command = separator < 0 ? [] : argv.slice(separator + 1);
    const parsed = parseCommandArgs(own, { "working-directory": { type: "string" }, "postgres-version": { type: "string" }, help: { type: "boolean", short: "h" } }, LOCAL_USAGE, true);
    if (parsed.values.help) {
        io.stdout.write(LOCAL_USAGE);
        return 0;
    }
    const [sub, ...extra] = parsed.positionals;
    if (!sub || !SUBCOMMANDS.includes(sub) || extra.length > 0) {
        throw new ConfigurationError(`Expected one of: start, stop, status, exec -- COMMAND; got ${parsed.positionals.length ? parsed.positionals.join(" ") : "nothing"}.\n\n${LOCAL_USAGE}`);
    }
    if (sub === "exec" && command.length === 0)
        throw new ConfigurationError(`local exec needs a command after "--", e.g. migrate-guard local exec -- prisma migrate dev.`);
    if (sub !== "exec" && command.length > 0)
        throw new ConfigurationError(`Only local exec takes a command after "--".`);
    const wd = external_node_path_default().resolve(parsed.values["working-directory"] ?? ".");
    const version = parsed.values["postgres-version"];
    if (sub === "stop") {
        io.stdout.write((await stopLocal(wd)) ? "Local PostgreSQL stopped (its data stays).\n" : "Local PostgreSQL was not running.\n");
        return 0;
    }
    if (sub === "status" || sub === "url") {
        const status = await localStatus(wd);
        if (sub === "url") {
            if (!status.url)
                throw new ConfigurationError("The local PostgreSQL has not been created yet: run migrate-guard local start.");
            io.stdout.write(`${status.url}\n`);
            return 0;
        }
        io.stdout.write(status.state === "absent" ? "Local PostgreSQL: not created (migrate-guard local start creates it).\n" : `Local PostgreSQL: ${status.state} — ${status.url}\n`);
        return 0;
    }
    const local = await startLocal(wd, version ? { postgresVersion: version } : {});
    const what = local.created ? "created and started" : local.started ? "started" : "already running";
    if (sub === "start") {
        io.stdout.write(`Local PostgreSQL ${what}: ${local.url}\n`);
        return 0;
    }
    io.logger.info(`Local PostgreSQL ${what}: ${local.url}`);
    return runWithLocalUrl(wd, local.url, command);
}
async function runWithLocalUrl(wd, url, command) {
    let variables = ["DATABASE_URL"];
    try {
        variables = [...new Set([...(await locateProject({ workingDirectory: wd })).urlVariables, "DATABASE_URL"])];
    }
    catch {
        // Not a Prisma project (yet): DATABASE_URL only.
    }
    const env = scriptEnv(process.env, url, variables, {});
    env.PATH = [external_node_path_default().join(wd, "node_modules", ".bin"), env.PATH].filter(Boolean).join((external_node_path_default()).delimiter);
    return new Promise((resolve, reject) => {
        const child = (0,external_node_child_process_namespaceObject.spawn)(command[0], command.slice(1), { cwd: wd, env, stdio: "inherit" });
        child.on("error", (error) => reject(new ConfigurationError(`Could not run ${command[0]}: ${error.message}`)));
        child.on("close", (code, signal) => resolve(code ?? (signal ? 1 : 0)));
    });
}

;// CONCATENATED MODULE: ./src/cli/backup-command.ts
// `migrate-guard backup`: a pg_dump (custom format) of one environment's database, after checking that
// the database's stamp is that environment's. Read-only; the same pg_dump choice as `deploy --backup`.








const BACKUP_USAGE = `Usage: migrate-guard backup --environment NAME [--backup-file PATH] [options]

Dumps the environment's database with pg_dump (custom format, restorable with pg_restore) after checking
that the database is stamped as that environment (an unstamped one is dumped with a warning). Changes
nothing. pg_dump must be at least as new as the server. The dump holds the environment's data: keep it
somewhere fit for that (init git-ignores migrate-guard-*.dump).

Options:
  --environment NAME        the environment (one of --environments)
  --database-url URL        the environment's database (default: env DATABASE_URL, e.g. from .env.NAME)
  --backup-file PATH        where the dump goes (default: migrate-guard-NAME-TIME.dump in the working directory)
  --working-directory DIR   the app: where .env.NAME is read from, and the default dump folder (default: .)
  --environments LIST       environment names (default: staging,production)
  --production-environments LIST  which of them are production (default: production)
  -h, --help                this help

Exit codes: 0 backup written, 1 refused (another environment's database) or failed, 2 usage error.
`;
async function backupCommand(argv, io) {
    const { values: v } = parseCommandArgs(argv, {
        environment: { type: "string" }, "database-url": { type: "string" }, "backup-file": { type: "string" }, "working-directory": { type: "string" },
        environments: { type: "string" }, "production-environments": { type: "string" }, help: { type: "boolean", short: "h" },
    }, BACKUP_USAGE);
    if (v.help) {
        io.stdout.write(BACKUP_USAGE);
        return 0;
    }
    const policy = {
        known: v.environments ? parseEnvironmentList(v.environments, "environments") : DEFAULT_ENVIRONMENTS,
        production: v["production-environments"] ? parseEnvironmentList(v["production-environments"], "production-environments") : DEFAULT_PRODUCTION_ENVIRONMENTS,
    };
    if (!v.environment?.trim())
        throw new ConfigurationError(`No environment. Pass --environment NAME, one of: ${[...new Set([...policy.known, ...policy.production])].join(", ")}.`);
    const environment = resolveEnvironment(v.environment, policy);
    const url = validateDatabaseUrl(v["database-url"] ?? process.env.DATABASE_URL);
    const slug = environment.normalized.replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "") || "environment";
    const file = external_node_path_default().resolve(v["working-directory"] ?? ".", v["backup-file"] ?? `migrate-guard-${slug}-${new Date().toISOString().replace(/[:.]/g, "-")}.dump`);
    const secrets = urlSecrets(url);
    const db = await EnvironmentDatabase.connect(url);
    let major;
    try {
        const stamp = await db.readStamp();
        const decision = compareStamp(environment, stamp);
        if (decision.kind === "mismatch") {
            io.stdout.write(`✘ backup refused: ${decision.reason}\n`);
            return 1;
        }
        if (decision.kind === "unstamped")
            io.logger.warning(`${describeUrl(url)} has no environment stamp: nothing confirms it is "${environment.name}" (the first deploy stamps it).`);
        major = await db.serverMajor();
    }
    finally {
        await db.close();
    }
    io.logger.info(`Backing up "${environment.name}" (${describeUrl(url)}) to ${file}…`);
    const result = await backupDatabase(url, file, major, (line) => io.logger.debug(`pg_dump: ${redact(line, secrets)}`));
    io.stdout.write(`✔ backup of "${environment.name}" written: ${result.file} (${result.bytes} bytes, ${(result.durationMs / 1000).toFixed(1)} s, pg_dump ${result.pgDump})\n`);
    return 0;
}

;// CONCATENATED MODULE: ./src/gate/render.ts
// The gate's report as CLI text and as the job summary: the decision, why, and a table per migration
// (applied on staging at, hours soaked, hours left). Pure.


const render_ICON = { pass: "✅", wait: "⏳", block: "⛔" };
/** Exit code of the CLI: 0 pass, 1 wait or block (2, usage errors, is thrown before a report exists). */
function gateExitCode(report) {
    return report.verdict.decision === "pass" && !report.statusError ? 0 : 1;
}
function gateHeadline(verdict) {
    const { policy } = verdict;
    const what = `${policy.from} → ${policy.to}`;
    if (verdict.override)
        return `pass (override by ${verdict.override.actor}; the gate said ${verdict.decisionWithoutOverride}) for ${what}`;
    if (verdict.decision === "wait")
        return `wait: ${formatHours(verdict.remainingSeconds ?? 0)} left on ${policy.from} (earliest pass ${verdict.earliestPassAt?.toISOString()}) for ${what}`;
    return `${verdict.decision} for ${what}`;
}
function hours(seconds) {
    return seconds === null ? "–" : (seconds / 3600).toFixed(1);
}
function row(m) {
    return [m.name, m.appliedOnSourceAt?.toISOString() ?? "–", hours(m.soakedSeconds), hours(m.remainingSeconds), m.status];
}
function renderGateText(report) {
    const v = report.verdict;
    const lines = [`${render_ICON[v.decision]} ${gateHeadline(v)}`];
    lines.push(`  ${report.from.name.padEnd(10)} ${report.from.database}`, `  ${report.to.name.padEnd(10)} ${report.to.database}`);
    if (report.sha)
        lines.push(`  target     ${report.sha}`);
    lines.push(`  soak       ${v.policy.soakHours}h`);
    if (v.migrations.length > 0) {
        lines.push("", `  ${"migration".padEnd(40)} applied on ${v.policy.from} at`.padEnd(80) + "soaked h  left h  status");
        for (const m of v.migrations) {
            const [name, at, soaked, left, status] = row(m);
            lines.push(`  ${name.padEnd(40)} ${at.padEnd(36)} ${soaked.padStart(8)}  ${left.padStart(6)}  ${status}`);
        }
    }
    lines.push("", ...v.reasons.map((r) => `- ${r}`));
    if (report.commitStatus)
        lines.push("", `commit status ${report.commitStatus.state}: ${report.commitStatus.description}`);
    if (report.statusError)
        lines.push("", `error: ${report.statusError}`);
    for (const w of report.warnings)
        lines.push(`warning: ${w}`);
    lines.push("", `gate took ${(report.durationMs / 1000).toFixed(1)} s.`);
    return lines.join("\n") + "\n";
}
function renderGateMarkdown(report) {
    const v = report.verdict;
    const out = [`## ${render_ICON[v.decision]} Soak gate: ${inline(gateHeadline(v))}`, ""];
    out.push("| | |", "| --- | --- |");
    out.push(`| From | ${cell(report.from.name)} — ${cell(report.from.database)} |`, `| To | ${cell(report.to.name)} — ${cell(report.to.database)} |`);
    if (report.sha)
        out.push(`| Target | ${code(report.sha, { inTable: true })} |`);
    out.push(`| Soak | ${v.policy.soakHours} h |`);
    if (v.remainingSeconds !== null && v.decision === "wait")
        out.push(`| Earliest pass | ${v.earliestPassAt?.toISOString() ?? "–"} |`);
    if (v.override)
        out.push(`| Override | by **${cell(v.override.actor)}** (the gate said ${v.decisionWithoutOverride}): ${cell(v.override.reason)} |`);
    out.push("");
    if (v.migrations.length > 0) {
        out.push(`| Migration | Applied on ${cell(v.policy.from)} at | Hours soaked | Hours left | Status |`, "| --- | --- | ---: | ---: | --- |");
        for (const m of v.migrations) {
            const [name, at, soaked, left, status] = row(m);
            out.push(`| ${code(name, { inTable: true })} | ${cell(at)} | ${soaked} | ${left} | ${cell(status)} |`);
        }
        out.push("");
    }
    out.push(...v.reasons.map((r) => `- ${inline(r)}`), "");
    if (report.statusError)
        out.push(`**Error:** ${inline(report.statusError)}`, "");
    return out.join("\n");
}

;// CONCATENATED MODULE: ./src/cli/gate-command.ts








const GATE_USAGE = `Usage: migrate-guard gate --from-database-url URL --to-database-url URL [options]

Decides whether the migrations pending on production (in the repository here, not applied there) have
soaked long enough on staging: each must be applied on staging — finished, not rolled back, the same
checksum — at least --soak-hours ago by the staging server's clock. With GITHUB_TOKEN and
GITHUB_REPOSITORY set it also checks the staging deployments (code soak) and sets the commit status
migrate-guard/soak on the target. Both databases are only read.

Options:
  --from-database-url URL   the staging database (default: env STAGING_DATABASE_URL)
  --to-database-url URL     the production database (default: env PRODUCTION_DATABASE_URL)
  --soak-hours N            hours on staging before promotion (default: 24)
  --sha SHA                 the target commit (default: env GITHUB_SHA)
  --from NAME               the environment migrations soak in (default: staging)
  --to NAME                 the environment they go to (default: production)
  --deployment-tasks LIST   deployment tasks that count for the code soak (default: deploy:migrations; none: off)
  --override-reason TEXT    pass a soak not complete yet, with this reason (the actor must be in
                            --override-actors; never covers a migration missing or broken on staging,
                            an unreadable database or a wrong stamp)
  --override-actors LIST    GitHub logins allowed to override (comma-separated)
  --no-commit-status        do not set the migrate-guard/soak commit status
  --working-directory DIR   the Prisma project, checked out at the target (default: .)
  --schema PATH             schema.prisma (default: from prisma.config.ts / package.json / prisma/)
  --json                    print { decision, remainingSeconds, earliestPassAt, reasons, migrations }
  -h, --help                this help

Exit codes: 0 pass, 1 wait or block, 2 usage or configuration error.
`;
const gate_command_OPTIONS = {
    "from-database-url": { type: "string" },
    "to-database-url": { type: "string" },
    "soak-hours": { type: "string" },
    sha: { type: "string" },
    from: { type: "string" },
    to: { type: "string" },
    "deployment-tasks": { type: "string" },
    "override-reason": { type: "string" },
    "override-actors": { type: "string" },
    "no-commit-status": { type: "boolean" },
    "working-directory": { type: "string" },
    schema: { type: "string" },
    json: { type: "boolean" },
    help: { type: "boolean", short: "h" },
};
async function gateCommand(argv, io) {
    const env = io.env ?? process.env;
    const { values } = parseCommandArgs(argv, gate_command_OPTIONS, GATE_USAGE);
    if (values.help) {
        io.stdout.write(GATE_USAGE);
        return 0;
    }
    const settings = validateGateRequest({
        workingDirectory: values["working-directory"],
        schema: values.schema,
        fromDatabaseUrl: values["from-database-url"] ?? env.STAGING_DATABASE_URL,
        toDatabaseUrl: values["to-database-url"] ?? env.PRODUCTION_DATABASE_URL,
        soakHours: values["soak-hours"],
        sha: values.sha ?? env.GITHUB_SHA,
        from: values.from,
        to: values.to,
        deploymentTasks: values["deployment-tasks"],
        overrideReason: values["override-reason"],
        overrideActors: values["override-actors"],
    });
    const context = readActionsContext(env);
    const token = env.GITHUB_TOKEN?.trim();
    const github = token && context.repository
        ? new GateGitHub(await gateOctokit(token, context.apiUrl, { onRetry: (m) => io.logger.warning(m) }), { owner: context.repository.owner, repo: context.repository.repo })
        : undefined;
    const actor = env.GITHUB_TRIGGERING_ACTOR || env.GITHUB_ACTOR || undefined;
    const report = await runGate(settings, {
        logger: io.logger,
        ...(io.clock ? { clock: io.clock } : {}),
        ...(github ? { github } : {}),
        ...(actor ? { actor } : {}),
        ...(context.runUrl ? { runUrl: context.runUrl } : {}),
        commitStatus: !values["no-commit-status"],
    });
    io.stdout.write(values.json ? JSON.stringify(toSoakJson(report.verdict), null, 2) + "\n" : renderGateText(report));
    if (values.json && report.statusError)
        io.logger.error(report.statusError);
    return gateExitCode(report);
}

;// CONCATENATED MODULE: ./src/cli/help.ts
// The help of every command in one table: `migrate-guard --help` lists the commands from it, and
// `migrate-guard <command> --help` prints the command's usage (exported by its own file) followed by
// examples and the options every command takes. Adding a command: one entry here and one `case` in
// main.ts (test/cli/help.test.ts fails for a `case` without an entry).











const COMMANDS = [
    {
        name: "verify",
        summary: "apply every migration to a throwaway PostgreSQL and run all PR checks",
        usage: VERIFY_USAGE,
        examples: [
            { command: "migrate-guard verify --base-ref origin/main", note: "what the pull request check runs, before you push" },
            { command: "migrate-guard verify --working-directory apps/api --json", note: "a monorepo package, as JSON" },
        ],
    },
    {
        name: "lint",
        summary: "check migrations for destructive and locking hazards (no database needed)",
        usage: LINT_USAGE,
        examples: [
            { command: "migrate-guard lint --base-ref origin/main", note: "lint the migrations new on this branch" },
            { command: "migrate-guard lint prisma/migrations/20250101000000_add_index/migration.sql", note: "lint one file" },
        ],
    },
    {
        name: "status",
        summary: "show an environment's migrations (applied, pending, failed, edited after apply)",
        usage: STATUS_USAGE,
        examples: [
            { command: "migrate-guard status --environment staging", note: "DATABASE_URL from .env.staging or the environment" },
            { command: "migrate-guard status --environment production --json", note: "as one JSON document" },
        ],
    },
    {
        name: "deploy",
        summary: "apply an environment's pending migrations (prisma migrate deploy, with guards)",
        usage: DEPLOY_USAGE,
        examples: [
            { command: "migrate-guard deploy --environment staging", note: "the first deploy stamps the database as staging" },
            { command: "migrate-guard deploy --environment production --confirm production --backup", note: "typed confirmation, pg_dump first" },
        ],
    },
    {
        name: "resolve",
        summary: "mark an environment's failed migration --rolled-back or --applied",
        usage: RESOLVE_USAGE,
        examples: [
            { command: "migrate-guard resolve --environment staging --rolled-back 20250102000000_add_posts --confirm 20250102000000_add_posts", note: "after a failed migration whose changes did not stay" },
        ],
    },
    {
        name: "rollback",
        summary: "mark a failed migration rolled back, or write a new migration that reverts an applied one",
        usage: ROLLBACK_USAGE,
        examples: [
            { command: "migrate-guard rollback --environment staging", note: "at a terminal: pick the migration, type its name" },
            { command: "migrate-guard rollback --environment staging --rolled-back 20250102000000_add_posts --confirm 20250102000000_add_posts", note: "a failed migration" },
            { command: "migrate-guard rollback --environment production --revert 20250102000000_add_posts --confirm 20250102000000_add_posts --allow-data-loss", note: "writes prisma/migrations/<now>_revert_20250102000000_add_posts" },
        ],
    },
    {
        name: "gate",
        summary: "may staging's migrations go to production? pass, wait (time left) or block, after the soak",
        usage: GATE_USAGE,
        examples: [
            { command: "migrate-guard gate --soak-hours 24", note: "URLs from STAGING_DATABASE_URL / PRODUCTION_DATABASE_URL" },
            { command: "migrate-guard gate --json", note: "{ decision, remainingSeconds, earliestPassAt, reasons, migrations }" },
        ],
    },
    {
        name: "test-data",
        summary: "run the app's test-data script on a staging or local database (never production)",
        usage: TEST_DATA_USAGE,
        examples: [
            { command: 'migrate-guard test-data create --environment staging --command "npm run test-data:create"', note: "on the database stamped staging" },
            { command: 'migrate-guard test-data cleanup --environment staging --command "npm run test-data:cleanup" --confirm DELETE', note: "cleanup, confirmed without a terminal" },
            { command: 'migrate-guard test-data create --environment local --stamp --command "npx prisma db seed"', note: "stamp an unstamped local database first" },
        ],
    },
    {
        name: "init",
        summary: "add the db:* npm scripts, env files and caller workflows to an app",
        usage: INIT_USAGE,
        examples: [
            { command: "migrate-guard init --dry-run", note: "show what would change" },
            { command: "migrate-guard init --working-directory apps/api", note: "a monorepo package" },
        ],
    },
    {
        name: "backup",
        summary: "pg_dump an environment's database (after checking its stamp)",
        usage: BACKUP_USAGE,
        examples: [
            { command: "migrate-guard backup --environment production", note: "DATABASE_URL from .env.production or the environment" },
            { command: "migrate-guard backup --environment staging --backup-file /secure/staging.dump", note: "to a chosen file" },
        ],
    },
    {
        name: "local",
        summary: "a local development PostgreSQL (no Docker) and commands run against it",
        usage: LOCAL_USAGE,
        examples: [
            { command: "migrate-guard local start", note: "start it (data kept in .migrate-guard/postgres)" },
            { command: "migrate-guard local exec -- prisma migrate dev", note: "Prisma's dev workflow against the local database only" },
            { command: "migrate-guard local stop", note: "stop it (the data stays)" },
        ],
    },
];
const GLOBAL_OPTIONS = `Every command also takes:
  --env-file FILE           read NAME=value lines into the environment (repeatable; a later file wins)
  --verbose                 debug output (or MIGRATE_GUARD_DEBUG=1)
With --environment NAME, .env.NAME in the working directory is read too, if it exists.
Precedence: flags > --env-file files > .env.NAME > the shell's environment. Values are never printed.`;
function findCommand(name) {
    return COMMANDS.find((c) => c.name === name);
}
/** `migrate-guard <command> --help`. */
function commandHelp(help) {
    const width = Math.max(...help.examples.map((e) => e.command.length));
    const examples = help.examples.map((e) => (width <= 72 ? `  ${e.command.padEnd(width)}  # ${e.note}` : `  # ${e.note}\n  ${e.command}`)).join("\n");
    return `${help.usage.trimEnd()}\n\nExamples:\n${examples}\n\n${GLOBAL_OPTIONS}\n`;
}
/** `migrate-guard --help`. */
function mainUsage() {
    const width = Math.max(...COMMANDS.map((c) => c.name.length));
    const list = COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`).join("\n");
    return `migrate-guard — carry Prisma + PostgreSQL migrations safely from a pull request to production

Usage: migrate-guard <command> [options]

Commands:
${list}

Run \`migrate-guard <command> --help\` for a command's options and examples.

${GLOBAL_OPTIONS}
`;
}

;// CONCATENATED MODULE: ./src/cli/env-files.ts
// Env files for every command, so an app needs no dotenv of its own: `--env-file FILE` (repeatable)
// and, when a command names `--environment NAME`, `.env.NAME` in the working directory if it exists.
//
// Precedence (highest first): explicit flags (--database-url …) > --env-file files, a later one over an
// earlier one (as with node --env-file) > the automatic .env.NAME > the process environment. Files win over the shell on purpose: a
// DATABASE_URL left exported for another database must not silently redirect a command that names
// its environment; when a file overrides a set variable, a warning names the variable (never a value).
// Node's util.parseEnv (Node ≥ 20.12) parses the files: no dependency in the bundle.




/** Variables env files may not set: the identity of the run (actor, commit, token, runner). */
const RUNNER_IDENTITY = /^(GITHUB_|RUNNER_|ACTIONS_)|^CI$/;
/** The value of `--flag VALUE` or `--flag=VALUE` (the last one given), without parsing anything else. */
function peekFlag(argv, flag) {
    let value;
    for (let i = 0; i < argv.length; i++) {
        const arg = argv[i];
        if (arg === "--")
            break;
        if (arg === flag && i + 1 < argv.length)
            value = argv[++i];
        else if (arg.startsWith(`${flag}=`))
            value = arg.slice(flag.length + 1);
    }
    return value;
}
/** Splits the --env-file flags off argv. */
function extractEnvFiles(argv) {
    const rest = [];
    const files = [];
    for (let i = 0; i < argv.length; i++) {
        const arg = argv[i];
        if (arg === "--") {
            rest.push(...argv.slice(i));
            break;
        }
        if (arg === "--env-file") {
            const file = argv[i + 1];
            if (file === undefined || file.startsWith("--"))
                throw new ConfigurationError("--env-file needs a file name, e.g. --env-file .env.staging.");
            files.push(file);
            i++;
        }
        else if (arg.startsWith("--env-file=")) {
            files.push(arg.slice("--env-file=".length));
        }
        else {
            rest.push(arg);
        }
    }
    return { argv: rest, files };
}
/** `.env.NAME` for an environment name: lower case, anything but [a-z0-9_-] as "-". */
function environmentEnvFile(environment) {
    const slug = environment.trim().toLowerCase().replace(/[^a-z0-9_-]+/g, "-").replace(/^-+|-+$/g, "");
    return `.env.${slug || "environment"}`;
}
function readEnvFile(file) {
    let text;
    try {
        text = (0,external_node_fs_.readFileSync)(file, "utf8");
    }
    catch (error) {
        throw new ConfigurationError(`Could not read env file ${file}: ${error.code ?? error.message}. Expected a file of NAME=value lines.`);
    }
    const parsed = (0,external_node_util_.parseEnv)(text);
    return Object.fromEntries(Object.entries(parsed).filter((e) => e[1] !== undefined));
}
/**
 * Reads the env files the arguments ask for into `env` (process.env by default) and returns argv
 * without the --env-file flags. Explicit files that do not exist are an error; a missing automatic
 * .env.NAME is not.
 */
function loadEnvFiles(argv, options = {}) {
    const env = options.env ?? process.env;
    const cwd = options.cwd ?? process.cwd();
    const { argv: rest, files } = extractEnvFiles(argv);
    const candidates = [...files].reverse().map((f) => ({ file: external_node_path_default().resolve(cwd, f), shown: f, explicit: true }));
    const environment = peekFlag(rest, "--environment");
    if (environment !== undefined && environment.trim() !== "") {
        const workingDirectory = peekFlag(rest, "--working-directory") ?? ".";
        const name = environmentEnvFile(environment);
        const file = external_node_path_default().resolve(cwd, workingDirectory, name);
        candidates.push({ file, shown: external_node_path_default().join(workingDirectory, name), explicit: false });
    }
    const loaded = [];
    const setByFile = new Set();
    for (const candidate of candidates) {
        if (!candidate.explicit && !(0,external_node_fs_.existsSync)(candidate.file))
            continue;
        if (candidate.explicit && !(0,external_node_fs_.existsSync)(candidate.file)) {
            throw new ConfigurationError(`--env-file ${candidate.shown}: no such file (looked at ${candidate.file}). Expected a file of NAME=value lines, e.g. .env.staging.`);
        }
        if (loaded.some((l) => l.file === candidate.file))
            continue;
        const values = readEnvFile(candidate.file);
        const names = [];
        for (const [name, value] of Object.entries(values)) {
            // An earlier (higher-precedence) file already set it.
            if (setByFile.has(name))
                continue;
            if (RUNNER_IDENTITY.test(name)) {
                // Who runs, on which commit, with which token: the runner's to say, never a file in the
                // repository (a committed GITHUB_TRIGGERING_ACTOR would pass an override allowlist).
                options.logger?.warning(`${candidate.shown} sets ${name}; ignored: GITHUB_*, RUNNER_*, ACTIONS_* and CI come from the runner or the shell only.`);
                continue;
            }
            if (env[name] !== undefined && env[name] !== value) {
                options.logger?.warning(`${candidate.shown} sets ${name}, overriding the value in the environment (env files take precedence over the shell; pass the flag to override both).`);
            }
            env[name] = value;
            setByFile.add(name);
            names.push(name);
        }
        loaded.push({ file: candidate.file, names });
        options.logger?.info(`Loaded ${candidate.shown}${names.length ? ` (${names.join(", ")})` : " (no variables)"}.`);
    }
    return { argv: rest, loaded };
}

;// CONCATENATED MODULE: ./src/cli/main.ts
// The migrate-guard CLI: declares commands, maps errors to exit codes (0 ok, 1 a check failed,
// 2 usage/configuration error). Each command lives in its own file.















// The command list comes from the help table (src/cli/help.ts): a new command adds its entry there.
const USAGE = mainUsage();
function stderrLogger(verbose) {
    const write = (s) => process.stderr.write(redact(s) + "\n");
    return { info: write, warning: (m) => write(`warning: ${m}`), error: (m) => write(`error: ${m}`), debug: (m) => { if (verbose)
            write(m); } };
}
async function main(argv) {
    const [command, ...rest] = argv;
    const logger = stderrLogger(Boolean(process.env.MIGRATE_GUARD_DEBUG) || rest.includes("--verbose"));
    const filtered = rest.filter((a) => a !== "--verbose");
    try {
        // `<command> --help` (before any "--"): the command's usage, examples and the common options.
        const help = command ? findCommand(command) : undefined;
        const beforeSeparator = filtered.indexOf("--") < 0 ? filtered : filtered.slice(0, filtered.indexOf("--"));
        if (help && (beforeSeparator.includes("--help") || beforeSeparator.includes("-h"))) {
            process.stdout.write(commandHelp(help));
            return 0;
        }
        // --env-file FILE and the automatic .env.<environment>, before any command reads process.env.
        const args = loadEnvFiles(filtered, { logger }).argv;
        switch (command) {
            case "verify":
                return await verifyCommand(args, { stdout: process.stdout, logger, color: Boolean(process.stdout.isTTY) && !process.env.NO_COLOR });
            case "lint": return await lintCommand(args, { stdout: process.stdout, logger, color: Boolean(process.stdout.isTTY) && !process.env.NO_COLOR });
            case "status": return await statusCommand(args, { stdout: process.stdout, logger });
            case "deploy": return await deployCommand(args, { stdout: process.stdout, logger });
            case "resolve": return await resolveCommand(args, { stdout: process.stdout, logger });
            case "rollback": return await rollbackCommand(args, { stdout: process.stdout, logger });
            case "test-data": return await testDataCommand(args, { stdout: process.stdout, logger });
            case "init": return await initCommand(args, { stdout: process.stdout, logger });
            case "local": return await localCommand(args, { stdout: process.stdout, logger });
            case "backup": return await backupCommand(args, { stdout: process.stdout, logger });
            case "gate": return await gateCommand(args, { stdout: process.stdout, logger });
            case "dev":
            case "reset":
            case "push":
            case "db-push":
            case "execute":
            case "db-execute": return refuseDangerousCommand(command);
            case undefined:
            case "-h":
            case "--help":
            case "help":
                process.stdout.write(USAGE);
                return command === undefined ? 2 : 0;
            default:
                throw new ConfigurationError(`Unknown command "${command}".\n\n${USAGE}`);
        }
    }
    catch (error) {
        if (error instanceof ConfigurationError) {
            process.stderr.write(`migrate-guard: ${redact(error.message)}\n`);
            return 2;
        }
        const e = error;
        process.stderr.write(`migrate-guard: ${redact(e.message)}\n`);
        if (process.env.MIGRATE_GUARD_DEBUG)
            process.stderr.write(redact(e.stack ?? "") + "\n");
        return 1;
    }
}

;// CONCATENATED MODULE: ./src/cli/index.ts

main(process.argv.slice(2)).then((code) => { process.exitCode = code; });

